/// A grassroots party organization (党委 / 党总支 / 党支部 …). The units it covers point at it.
public struct PartyOrg: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var orgType: OrgType
    public var formation: Formation
    public var parentId: Int64?
    public var regionCode: String
    public var secretaryName: String?
    public var secretaryPhone: String?
    public var secretaryAppointed: Day?
    public var fullMembers: Int
    public var probationaryMembers: Int
    public var status: OrgStatus
    /// When it was revoked (撤销), so "as of last year" still counts the units it covered then.
    public var revokedOn: Day?
    /// The star currently held, 0 when unrated.
    public var starLevel: Int
    public var founded: Day?
    public var version: Int

    public init(id: Int64? = nil, name: String, orgType: OrgType, formation: Formation, parentId: Int64? = nil,
                regionCode: String, secretaryName: String? = nil, secretaryPhone: String? = nil,
                secretaryAppointed: Day? = nil, fullMembers: Int = 0, probationaryMembers: Int = 0,
                status: OrgStatus = .normal, revokedOn: Day? = nil, starLevel: Int = 0, founded: Day? = nil,
                version: Int = 1) {
        self.id = id; self.name = name; self.orgType = orgType; self.formation = formation; self.parentId = parentId
        self.regionCode = regionCode; self.secretaryName = secretaryName; self.secretaryPhone = secretaryPhone
        self.secretaryAppointed = secretaryAppointed; self.fullMembers = fullMembers
        self.probationaryMembers = probationaryMembers; self.status = status; self.revokedOn = revokedOn
        self.starLevel = starLevel
        self.founded = founded; self.version = version
    }

    public var members: Int { fullMembers + probationaryMembers }

    /// Active on a day: not revoked, or revoked only after that day (nil = now).
    public func isActive(on day: Day?) -> Bool {
        if status.isActive { return true }
        guard let day, let r = revokedOn else { return false }
        return r > day
    }
}
