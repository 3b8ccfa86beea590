public struct TrainingSession: Hashable, Sendable, Codable {
    public var id: Int64?
    public var date: Day
    /// Last day of a multi-day class (nil = a one-day session); the length that makes 学时 sensible.
    public var endDate: Day?
    public var title: String
    public var type: TrainingType
    public var mode: TrainingMode
    public var organizer: String?
    public var audience: String?
    public var regionCode: String?
    /// 人次 (person-times) as reported; at least the named attendees.
    public var personTimes: Int
    /// 学时 credited to each attendee.
    public var hours: Double
    public var version: Int

    public init(id: Int64? = nil, date: Day, title: String, type: TrainingType, mode: TrainingMode = .offline,
                organizer: String? = nil, audience: String? = nil, regionCode: String? = nil, personTimes: Int = 0,
                hours: Double = 1, endDate: Day? = nil, version: Int = 1) {
        self.id = id; self.date = date; self.endDate = endDate; self.title = title; self.type = type; self.mode = mode
        self.organizer = organizer; self.audience = audience; self.regionCode = regionCode
        self.personTimes = personTimes; self.hours = hours; self.version = version
    }

    /// Days the session lasts, counting both ends (1 without an end date, or with one before the start).
    public var days: Int { endDate.map { max(1, $0.days(since: date) + 1) } ?? 1 }
}

/// A named attendee (a secretary, a committee member …) or, with no name, a head count.
public struct TrainingAttendance: Hashable, Sendable, Codable {
    public var id: Int64?
    public var sessionId: Int64
    public var partyOrgId: Int64?
    public var personName: String?
    public var role: AttendeeRole
    public var headCount: Int

    public init(id: Int64? = nil, sessionId: Int64, partyOrgId: Int64? = nil, personName: String? = nil,
                role: AttendeeRole = .member, headCount: Int = 1) {
        self.id = id; self.sessionId = sessionId; self.partyOrgId = partyOrgId; self.personName = personName
        self.role = role; self.headCount = headCount
    }
}

extension TrainingAttendance {
    /// People a session's attendance rows register: named attendees count one each (their head count), head-count
    /// rows their number. 人次 may not be fewer.
    public static func registered(_ rows: [TrainingAttendance]) -> Int { rows.reduce(0) { $0 + max(0, $1.headCount) } }
}
