/// What the secretary rules read of one organization. `SecretaryTraining` (with the names, for reports) and
/// `SecretaryFact` (without, for the panel) both carry it, so each rule is written once for both.
public protocol SecretaryRecord {
    var sessions: Int { get }
    var hours: Double { get }
    var concentrated: Int { get }
    var rotations: Int { get }
    var lastTraining: Day? { get }
    var appointed: Day? { get }
    var hasSecretary: Bool { get }
    var inYear: Bool { get }
    var activeToday: Bool { get }
}

extension SecretaryTraining: SecretaryRecord {
    public var hasSecretary: Bool { secretary != nil }

    public init(_ f: SecretaryFact, _ l: SecretaryLabel) {
        self.init(orgId: f.orgId, orgName: l.orgName, regionCode: l.regionCode, regionName: l.regionName, secretary: l.secretary,
                  appointed: f.appointed, sessions: f.sessions, hours: f.hours, concentrated: f.concentrated,
                  rotations: f.rotations, lastTraining: f.lastTraining, inYear: f.inYear, activeToday: f.activeToday)
    }
}

/// `SecretaryTraining` without the names: a plain value, so 40,000 of them are copied, kept and classified without
/// touching a reference count (Issue 8: copying the named rows was most of a load at city scale).
public struct SecretaryFact: SecretaryRecord, Hashable, Sendable {
    public var orgId: Int64
    public var appointed: Day?
    public var sessions: Int
    public var hours: Double
    public var concentrated: Int
    public var rotations: Int
    public var lastTraining: Day?
    public var hasSecretary: Bool
    public var inYear: Bool
    public var activeToday: Bool

    public init(orgId: Int64, appointed: Day?, hasSecretary: Bool, inYear: Bool, activeToday: Bool, sessions: Int = 0,
                hours: Double = 0, concentrated: Int = 0, rotations: Int = 0, lastTraining: Day? = nil) {
        self.orgId = orgId; self.appointed = appointed; self.hasSecretary = hasSecretary; self.inYear = inYear
        self.activeToday = activeToday; self.sessions = sessions; self.hours = hours; self.concentrated = concentrated
        self.rotations = rotations; self.lastTraining = lastTraining
    }
}

/// The names shown beside a `SecretaryFact`, read for the rows on screen (or all of them to filter, sort or export).
public struct SecretaryLabel: Hashable, Sendable {
    public var orgName: String
    public var regionCode: String
    public var regionName: String
    public var secretary: String?

    public init(orgName: String, regionCode: String, regionName: String, secretary: String?) {
        self.orgName = orgName; self.regionCode = regionCode; self.regionName = regionName; self.secretary = secretary
    }
}

/// The panel's secretary coverage: the same counts and lists as `SecretaryCoverage`, over facts without names.
public struct SecretaryFigures: SecretaryCounts, Hashable, Sendable {
    public var year: Int
    public var today: Day
    public var active: Int
    public var concentrated: Int
    public var reachedHours: Int
    public var rotation: Int
    /// Every organization counted for the year or active today, in the lists' order (region code, organization
    /// name, id), as the store read them.
    public private(set) var facts: [SecretaryFact]
    /// Each list as ascending positions in `facts`.
    public private(set) var members: [SecretaryList: [Int32]]

    /// `facts` must already be in the lists' order (the store reads them so; the model cannot sort without names).
    public init(ordered facts: [SecretaryFact], year: Int, today: Day) {
        self.year = year
        self.today = today
        self.facts = facts
        let c = SecretaryCoverage.classify(facts, today: today)
        active = c.active; concentrated = c.concentrated; reachedHours = c.reachedHours; rotation = c.rotation
        members = c.members
    }

    public func list(_ l: SecretaryList) -> [SecretaryFact] { (members[l] ?? []).map { facts[Int($0)] } }
}
