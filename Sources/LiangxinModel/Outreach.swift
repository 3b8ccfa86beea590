/// A platform or brand of a new-employment sector (a courier brand's city branch, a delivery platform …).
public struct Platform: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var sector: Sector
    public var regionCode: String
    /// The branch that covers its workers (often a 行业流动党员党支部).
    public var partyOrgId: Int64?
    public var version: Int

    public init(id: Int64? = nil, name: String, sector: Sector, regionCode: String, partyOrgId: Int64? = nil, version: Int = 1) {
        self.id = id; self.name = name; self.sector = sector; self.regionCode = regionCode
        self.partyOrgId = partyOrgId; self.version = version
    }
}

/// One 摸排 (survey) of a platform: a new survey adds a row, history is never overwritten.
public struct PlatformSurvey: Hashable, Sendable, Codable {
    public var id: Int64?
    public var platformId: Int64
    public var surveyDate: Day
    public var stations: Int
    public var branchOffices: Int
    public var workers: Int
    public var membersFound: Int
    public var pocketMembers: Int
    public var membersTransferred: Int
    public var mobileMembers: Int
    public var note: String?

    public init(id: Int64? = nil, platformId: Int64, surveyDate: Day, stations: Int = 0, branchOffices: Int = 0,
                workers: Int = 0, membersFound: Int = 0, pocketMembers: Int = 0, membersTransferred: Int = 0,
                mobileMembers: Int = 0, note: String? = nil) {
        self.id = id; self.platformId = platformId; self.surveyDate = surveyDate; self.stations = stations
        self.branchOffices = branchOffices; self.workers = workers; self.membersFound = membersFound
        self.pocketMembers = pocketMembers; self.membersTransferred = membersTransferred
        self.mobileMembers = mobileMembers; self.note = note
    }
}

public struct OutreachActivity: Hashable, Sendable, Codable {
    public var id: Int64?
    public var date: Day
    public var sector: Sector
    public var type: ActivityType
    public var title: String
    public var organizer: String?
    public var regionCode: String?
    public var platformId: Int64?
    public var participants: Int
    public var peopleServed: Int
    public var items: Int
    public var volunteerTimes: Int
    public var award: String?
    public var awardPerson: String?
    public var version: Int

    public init(id: Int64? = nil, date: Day, sector: Sector, type: ActivityType, title: String, organizer: String? = nil,
                regionCode: String? = nil, platformId: Int64? = nil, participants: Int = 0, peopleServed: Int = 0,
                items: Int = 0, volunteerTimes: Int = 0, award: String? = nil, awardPerson: String? = nil, version: Int = 1) {
        self.id = id; self.date = date; self.sector = sector; self.type = type; self.title = title
        self.organizer = organizer; self.regionCode = regionCode; self.platformId = platformId
        self.participants = participants; self.peopleServed = peopleServed; self.items = items
        self.volunteerTimes = volunteerTimes; self.award = award; self.awardPerson = awardPerson; self.version = version
    }
}
