/// A 两新组织: a non-public enterprise, a 小个专 business, or a social organization.
public struct OrgUnit: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var creditCode: String?
    public var kind: UnitKind
    public var category: UnitCategory
    public var industry: String?
    public var regionCode: String
    public var address: String?
    public var staff: Int
    public var fullMembers: Int
    public var probationaryMembers: Int
    public var legalRepMember: Bool
    public var acficMember: Bool
    public var sector: Sector?
    public var partyOrgId: Int64?
    public var orgSince: Day?
    public var instructorId: Int64?
    public var instructorSince: Day?
    public var reasonNotFormed: ReasonNotFormed?
    public var plannedDate: Day?
    public var registered: Day?
    public var status: UnitStatus
    public var deregistered: Day?
    /// Bumped on every save: a save carrying an older version was overtaken by someone else's.
    public var version: Int

    public init(id: Int64? = nil, name: String, creditCode: String? = nil, category: UnitCategory,
                industry: String? = nil, regionCode: String, address: String? = nil, staff: Int = 0,
                fullMembers: Int = 0, probationaryMembers: Int = 0, legalRepMember: Bool = false,
                acficMember: Bool = false, sector: Sector? = nil, partyOrgId: Int64? = nil, orgSince: Day? = nil,
                instructorId: Int64? = nil, instructorSince: Day? = nil, reasonNotFormed: ReasonNotFormed? = nil,
                plannedDate: Day? = nil, registered: Day? = nil, status: UnitStatus = .operating,
                deregistered: Day? = nil, version: Int = 1) {
        self.id = id; self.name = name; self.creditCode = creditCode; self.kind = category.kind
        self.category = category; self.industry = industry; self.regionCode = regionCode; self.address = address
        self.staff = staff; self.fullMembers = fullMembers; self.probationaryMembers = probationaryMembers
        self.legalRepMember = legalRepMember; self.acficMember = acficMember; self.sector = sector
        self.partyOrgId = partyOrgId; self.orgSince = orgSince; self.instructorId = instructorId
        self.instructorSince = instructorSince; self.reasonNotFormed = reasonNotFormed; self.plannedDate = plannedDate
        self.registered = registered; self.status = status; self.deregistered = deregistered; self.version = version
    }

    public var members: Int { fullMembers + probationaryMembers }

    /// Operating on the given day: registered by then and not yet deregistered.
    public func isOperating(on day: Day) -> Bool {
        if let r = registered, r > day { return false }
        if status == .deregistered {
            guard let d = deregistered else { return false }
            return d > day
        }
        return true
    }
}

/// A 党建工作指导员 (or 联络员): brings work coverage to units without an organization.
public struct Instructor: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var phone: String?
    public var employer: String?
    public var fullTime: Bool
    public var visitFrequency: VisitFrequency?
    public var rating: InstructorRating?
    public var regionCode: String?
    public var version: Int

    public init(id: Int64? = nil, name: String, phone: String? = nil, employer: String? = nil, fullTime: Bool = false,
                visitFrequency: VisitFrequency? = nil, rating: InstructorRating? = nil, regionCode: String? = nil,
                version: Int = 1) {
        self.id = id; self.name = name; self.phone = phone; self.employer = employer; self.fullTime = fullTime
        self.visitFrequency = visitFrequency; self.rating = rating; self.regionCode = regionCode; self.version = version
    }
}
