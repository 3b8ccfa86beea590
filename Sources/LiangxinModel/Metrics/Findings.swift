/// The rules behind the findings lists. Each predicate is the single definition; the store's SQL for the
/// same list mirrors it (FindingsSQL) and a test keeps the two in step.
public enum Findings {
    /// 正式党员 needed for a 单独组建 branch.
    public static let minMembersForOwnBranch = 3
    /// A joint branch normally covers at most this many units.
    public static let maxJointUnits = 5
    /// A branch over this many members should become a 党总支.
    public static let maxBranchMembers = 50

    /// 应建未建: ≥3 正式党员 but no own organization.
    public static func shouldFormButHasNot(_ unit: OrgUnit, org: PartyOrg?) -> Bool {
        unit.fullMembers >= minMembersForOwnBranch && CoverageClass.classify(unit, org: org) != .own
    }

    /// Neither an organization nor an instructor: a blind spot (盲区).
    public static func isBlindSpot(_ unit: OrgUnit, org: PartyOrg?) -> Bool {
        CoverageClass.classify(unit, org: org) == .uncovered
    }

    public static func jointBranchTooWide(_ org: PartyOrg, coveredUnits: Int) -> Bool {
        org.status.isActive && org.formation == .joint && coveredUnits > maxJointUnits
    }

    public static func branchTooLarge(_ org: PartyOrg) -> Bool {
        org.status.isActive && (org.orgType == .branch || org.orgType == .jointBranch) && org.fullMembers > maxBranchMembers
    }

    /// 拟建日期 already past and still no organization.
    public static func plannedDatePassed(_ unit: OrgUnit, org: PartyOrg?, today: Day) -> Bool {
        guard let p = unit.plannedDate else { return false }
        return p < today && !CoverageClass.classify(unit, org: org).hasOrganization
    }
}

/// 星级 distribution and star coverage among active organizations.
public struct StarDistribution: Hashable, Sendable, Codable {
    /// Index 0 = unrated, 1…5 = stars.
    public var counts: [Int]

    public init(counts: [Int] = Array(repeating: 0, count: 6)) { self.counts = counts }

    public init(orgs: [PartyOrg]) {
        var c = Array(repeating: 0, count: 6)
        for o in orgs where o.status.isActive { c[max(0, min(5, o.starLevel))] += 1 }
        counts = c
    }

    public var active: Int { counts.reduce(0, +) }
    public var rated: Int { active - counts[0] }
    /// 星级党组织覆盖率 = rated organizations ÷ active ones.
    public var coverage: Rate { Rate(rated, active) }
    /// Share of the rated holding a given star (for quotas).
    public func share(of star: Int) -> Rate { Rate(counts[star], rated) }
}

public enum StationMetrics {
    /// A running station is idle when its last logged service — or, failing that, its opening — is more than
    /// `days` days ago. A service exactly `days` days ago still counts as recent, and a station opened last week
    /// has not yet had the time to be idle.
    public static func isIdle(status: StationStatus, lastLog: Day?, opened: Day? = nil, today: Day, days: Int) -> Bool {
        guard status == .running else { return false }
        let since = [lastLog, opened.flatMap { $0 <= today ? $0 : nil }].compactMap { $0 }.max()
        guard let since else { return true }
        return today.days(since: since) > days
    }

    public static func missingBasic(_ station: Station, basic: [StationService]) -> [StationService] {
        let have = Set(station.serviceList)
        return basic.filter { !have.contains($0) }
    }

    /// Services by month (index 0 = January) for one year.
    public static func byMonth(_ logs: [StationLog], year: Int) -> [Int] {
        var m = Array(repeating: 0, count: 12)
        for l in logs where l.date.year == year { m[l.date.month - 1] += l.count }
        return m
    }
}

public struct TrainingTotals: Hashable, Sendable, Codable {
    public var sessions = 0
    /// 人次.
    public var personTimes = 0
    /// 学时: the hours of the sessions held.
    public var hours = 0.0

    public init(sessions: Int = 0, personTimes: Int = 0, hours: Double = 0) {
        self.sessions = sessions; self.personTimes = personTimes; self.hours = hours
    }

    public init(_ list: [TrainingSession]) {
        for s in list { sessions += 1; personTimes += s.personTimes; hours += s.hours }
    }
}

public enum TrainingRules {
    public static let memberYearlyHours = 32.0
    public static let secretaryYearlyHours = 56.0
    /// A new secretary must be trained within this many months of appointment.
    public static let newSecretaryMonths = 6

    /// Hours compare in tenths so that exactly 56 学时 passes.
    public static func meetsSecretaryHours(_ hours: Double) -> Bool { tenths(hours) >= tenths(secretaryYearlyHours) }
}
