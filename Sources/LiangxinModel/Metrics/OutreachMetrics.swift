/// The figures of the 新就业群体 survey ledger (摸排台账), summed over each platform's latest survey.
/// Every screen, report and test adds surveys up through here; the store's SQL mirrors `add` and a test keeps
/// the two in step (OutreachSQLTests).
public struct LedgerTotals: Hashable, Sendable, Codable {
    /// Platforms or brands in the set.
    public var platforms = 0
    /// Of which surveyed at least once (on or before the day the figures stand).
    public var surveyed = 0
    public var stations = 0
    public var branchOffices = 0
    public var workers = 0
    /// Party members found, 口袋党员 included.
    public var membersFound = 0
    public var pocketMembers = 0
    /// Members whose 组织关系 was transferred in.
    public var membersTransferred = 0
    /// 流动党员.
    public var mobileMembers = 0

    public init() {}

    /// Counts one platform with its latest survey (nil when it was never surveyed).
    public mutating func add(latest s: PlatformSurvey?) {
        platforms += 1
        guard let s else { return }
        surveyed += 1
        stations += s.stations
        branchOffices += s.branchOffices
        workers += s.workers
        membersFound += s.membersFound
        pocketMembers += s.pocketMembers
        membersTransferred += s.membersTransferred
        mobileMembers += s.mobileMembers
    }

    /// Members found whose 组织关系 has not been transferred in yet.
    public var notTransferred: Int { max(0, membersFound - membersTransferred) }

    public static func + (a: Self, b: Self) -> Self {
        var t = a
        t.platforms += b.platforms; t.surveyed += b.surveyed; t.stations += b.stations
        t.branchOffices += b.branchOffices; t.workers += b.workers; t.membersFound += b.membersFound
        t.pocketMembers += b.pocketMembers; t.membersTransferred += b.membersTransferred; t.mobileMembers += b.mobileMembers
        return t
    }
}

/// The three findings of the survey ledger, in the order the panel cycles them with `f`.
public enum OutreachFinding: String, CaseIterable, Sendable, Codable {
    /// Never surveyed, or the last survey is older than the setting's N months.
    case overdue
    /// Members found, but no (active) branch covers the platform.
    case noBranch
    /// Members found whose 组织关系 has not been transferred in.
    case notTransferred
}

/// The rules of the ledger: which survey counts, when a platform is overdue, what makes a finding.
public enum OutreachRules {
    /// The survey holding a platform's counts on `asOf` (nil = all of them): the latest by date, and of two on
    /// the same day the one entered last. Earlier surveys stay as history.
    public static func latest(_ surveys: [PlatformSurvey], asOf: Day? = nil) -> PlatformSurvey? {
        surveys.filter { s in asOf.map { s.surveyDate <= $0 } ?? true }
            .max { ($0.surveyDate, $0.id ?? 0) < ($1.surveyDate, $1.id ?? 0) }
    }

    /// A last survey before this day is overdue: `months` months before `today` (a survey exactly N months
    /// ago still counts as recent, like a station's last log exactly N days ago).
    public static func overdueBefore(today: Day, months: Int) -> Day { today.adding(months: -months) }

    public static func isOverdue(lastSurvey: Day?, today: Day, months: Int) -> Bool {
        guard let last = lastSurvey else { return true }
        return last < overdueBefore(today: today, months: months)
    }

    /// A branch covers a platform while it is active (not 撤销) on the day.
    public static func branchCovers(_ org: PartyOrg?, on day: Day? = nil) -> Bool {
        org?.isActive(on: day) ?? false
    }

    public static func hasMembersWithoutBranch(_ latest: PlatformSurvey?, branch: PartyOrg?, on day: Day? = nil) -> Bool {
        (latest?.membersFound ?? 0) > 0 && !branchCovers(branch, on: day)
    }

    public static func hasMembersNotTransferred(_ latest: PlatformSurvey?) -> Bool {
        guard let s = latest else { return false }
        return s.membersFound > s.membersTransferred
    }

    /// The findings of one platform.
    public static func findings(latest: PlatformSurvey?, branch: PartyOrg?, today: Day, months: Int, asOf: Day? = nil) -> Set<OutreachFinding> {
        var f: Set<OutreachFinding> = []
        if isOverdue(lastSurvey: latest?.surveyDate, today: today, months: months) { f.insert(.overdue) }
        if hasMembersWithoutBranch(latest, branch: branch, on: asOf) { f.insert(.noBranch) }
        if hasMembersNotTransferred(latest) { f.insert(.notTransferred) }
        return f
    }

    /// A sector's 党组织覆盖率 is the coverage panel's figure over the units of that sector: the cells the
    /// coverage roll-up uses, summed by sector, so the rate is `CoverageCounts.orgRate` and nothing new.
    public static func coverageBySector(_ cells: [CoverageCell]) -> [Sector: CoverageCounts] {
        var out: [Sector: CoverageCounts] = [:]
        for c in cells {
            guard let s = c.sector else { continue }
            out[s, default: CoverageCounts()] = out[s, default: CoverageCounts()] + c.counts
        }
        return out
    }
}

/// Activity figures: how many, and the people and things they reached.
public struct ActivityTotals: Hashable, Sendable, Codable {
    public var count = 0
    public var participants = 0
    public var peopleServed = 0
    public var items = 0
    /// 志愿服务人次.
    public var volunteerTimes = 0

    public init(count: Int = 0, participants: Int = 0, peopleServed: Int = 0, items: Int = 0, volunteerTimes: Int = 0) {
        self.count = count; self.participants = participants; self.peopleServed = peopleServed
        self.items = items; self.volunteerTimes = volunteerTimes
    }

    public init(_ list: [OutreachActivity]) {
        for a in list { add(a) }
    }

    public mutating func add(_ a: OutreachActivity) {
        count += 1; participants += a.participants; peopleServed += a.peopleServed
        items += a.items; volunteerTimes += a.volunteerTimes
    }

    public static func + (a: Self, b: Self) -> Self {
        Self(count: a.count + b.count, participants: a.participants + b.participants, peopleServed: a.peopleServed + b.peopleServed,
             items: a.items + b.items, volunteerTimes: a.volunteerTimes + b.volunteerTimes)
    }
}

/// Reference computations over whole records (fixtures, tests, small data); the store runs the same rules in SQL.
public enum OutreachRollup {
    /// The activities of a year counted up to `through` (the year so far when it is the current one).
    public static func inYear(_ list: [OutreachActivity], year: Int, through: Day) -> [OutreachActivity] {
        list.filter { $0.date.year == year && $0.date <= through }
    }

    public static func bySector(_ list: [OutreachActivity]) -> [Sector: ActivityTotals] {
        var out: [Sector: ActivityTotals] = [:]
        for a in list { out[a.sector, default: ActivityTotals()].add(a) }
        return out
    }

    public static func byType(_ list: [OutreachActivity]) -> [ActivityType: ActivityTotals] {
        var out: [ActivityType: ActivityTotals] = [:]
        for a in list { out[a.type, default: ActivityTotals()].add(a) }
        return out
    }

    /// Activities per month (index 0 = January) of one sector, for the sparkline.
    public static func byMonth(_ list: [OutreachActivity], sector: Sector?) -> [Int] {
        var m = Array(repeating: 0, count: 12)
        for a in list where sector == nil || a.sector == sector { m[a.date.month - 1] += 1 }
        return m
    }

    /// Ledger totals per sector from each platform's latest survey on `asOf`.
    public static func ledger(platforms: [Platform], surveys: [PlatformSurvey], asOf: Day) -> [Sector: LedgerTotals] {
        let byPlatform = Dictionary(grouping: surveys, by: \.platformId)
        var out: [Sector: LedgerTotals] = [:]
        for p in platforms {
            out[p.sector, default: LedgerTotals()].add(latest: OutreachRules.latest(byPlatform[p.id ?? -1] ?? [], asOf: asOf))
        }
        return out
    }

    /// The party organizations covering each sector: the active covering branches of its platforms, and the
    /// organizations that give its in-scope units organizational coverage (the coverage panel's rule).
    public static func coveringBranches(platforms: [Platform], units: [OrgUnit], orgs: [Int64: PartyOrg], scope: ScopeRule,
                                        on day: Day, asOf: Day? = nil) -> [Sector: Set<Int64>] {
        var out: [Sector: Set<Int64>] = [:]
        for p in platforms {
            if let id = p.partyOrgId, OutreachRules.branchCovers(orgs[id], on: asOf) { out[p.sector, default: []].insert(id) }
        }
        for u in units {
            guard let s = u.sector, let id = u.partyOrgId, scope.includes(u, on: asOf ?? day) else { continue }
            if CoverageClass.classify(u, org: orgs[id], asOf: asOf).hasOrganization { out[s, default: []].insert(id) }
        }
        return out
    }

    /// The platforms with each finding (ids), as of `today`.
    public static func findings(platforms: [Platform], surveys: [PlatformSurvey], orgs: [Int64: PartyOrg], today: Day,
                                months: Int, asOf: Day? = nil) -> [OutreachFinding: [Int64]] {
        let byPlatform = Dictionary(grouping: surveys, by: \.platformId)
        var out: [OutreachFinding: [Int64]] = [:]
        for p in platforms {
            guard let id = p.id else { continue }
            let latest = OutreachRules.latest(byPlatform[id] ?? [], asOf: asOf ?? today)
            for f in OutreachRules.findings(latest: latest, branch: p.partyOrgId.flatMap { orgs[$0] }, today: today, months: months, asOf: asOf) {
                out[f, default: []].append(id)
            }
        }
        for k in out.keys { out[k]!.sort() }
        return out
    }
}
