import GRDB
import LiangxinModel

/// Every figure of the outreach summary and `report outreach`, read in one transaction with GROUP BY queries
/// (a handful of rows whatever the size of the ledgers).
public struct OutreachSummary: Sendable {
    public var today: Day
    /// The year of the activity totals.
    public var year: Int
    /// The day the ledger, the findings and the coverage stand on: today for the current year, 31 December for
    /// a past one.
    public var asOf: Day
    public var settings: Settings
    public var ledger: [Sector: LedgerTotals] = [:]
    public var ledgerAll = LedgerTotals()
    /// Party organizations covering the sector (see `OutreachRollup.coveringBranches`); a branch covering two
    /// sectors counts once in `branchesAll`.
    public var branches: [Sector: Int] = [:]
    public var branchesAll = 0
    /// Units of each sector by coverage class (the coverage panel's cells, summed by sector).
    public var coverage: [Sector: CoverageCounts] = [:]
    /// Units of any sector.
    public var coverageAll = CoverageCounts()
    /// Activities of `year` up to `asOf`.
    public var activities: [Sector: ActivityTotals] = [:]
    public var activitiesAll = ActivityTotals()
    public var byType: [ActivityType: ActivityTotals] = [:]
    /// Activities per month (index 0 = January) of each sector in `year`.
    public var byMonth: [Sector: [Int]] = [:]
    public var findings: [OutreachFinding: Int] = [:]
    public var findingsBySector: [Sector: [OutreachFinding: Int]] = [:]
    /// Awards (评选表彰) of `year`, newest first.
    public var awards: [OutreachActivity] = []

    public var staleMonths: Int { settings.surveyStaleMonths }
    public var overdueBefore: Day { OutreachRules.overdueBefore(today: asOf, months: staleMonths) }

    public func ledger(_ s: Sector?) -> LedgerTotals { s.map { ledger[$0] ?? LedgerTotals() } ?? ledgerAll }
    public func branches(_ s: Sector?) -> Int { s.map { branches[$0] ?? 0 } ?? branchesAll }
    public func coverage(_ s: Sector?) -> CoverageCounts { s.map { coverage[$0] ?? CoverageCounts() } ?? coverageAll }
    public func activities(_ s: Sector?) -> ActivityTotals { s.map { activities[$0] ?? ActivityTotals() } ?? activitiesAll }
    public func months(_ s: Sector?) -> [Int] {
        if let s { return byMonth[s] ?? Array(repeating: 0, count: 12) }
        return Sector.allCases.reduce(Array(repeating: 0, count: 12)) { acc, s in zip(acc, months(s)).map(+) }
    }
    public func finding(_ f: OutreachFinding, _ s: Sector?) -> Int {
        s.map { findingsBySector[$0]?[f] ?? 0 } ?? (findings[f] ?? 0)
    }
}

extension Store {
    /// The summary as of `today`, with activity totals of `year` (default: this year). A past year shows the
    /// ledger and coverage as they stood on its 31 December; a future year is refused.
    public func outreachSummary(today: Day, year: Int? = nil) throws -> OutreachSummary {
        let settings = try self.settings()
        let y = year ?? today.year
        guard y <= today.year else {
            throw StoreError.refused("年份\(y)晚于今天（\(today)），没有数字可报 (the year \(y) is after today)")
        }
        guard y >= 1900 else { throw StoreError.refused("年份\(y)无效 (not a year)") }
        return try read { db in try OutreachSummaryQuery.fetch(db, today: today, year: y, settings: settings) }
    }
}

enum OutreachSummaryQuery {
    static func fetch(_ db: Database, today: Day, year: Int, settings: Settings) throws -> OutreachSummary {
        let past = year < today.year
        let asOf = past ? Day.endOf(year: year) : today
        var d = OutreachSummary(today: today, year: year, asOf: asOf, settings: settings)
        let cutoff = OutreachRules.overdueBefore(today: asOf, months: settings.surveyStaleMonths)
        // `:past` is NULL for the current state, so a branch revoked later still counted on a past 31 December.
        let args: StatementArguments = ["asOf": asOf.description, "cutoff": cutoff.description, "past": past ? asOf.description : nil]

        // Ledger figures and findings per sector, from each platform's latest survey.
        let findingCols = OutreachFinding.allCases.map { f in
            "COALESCE(SUM(\(OutreachSQL.finding(f, cutoff: ":cutoff", past: ":past"))), 0) AS \(f.rawValue)"
        }.joined(separator: ",\n       ")
        let ledgerSQL = """
            SELECT p.sector AS sector, COUNT(*) AS platforms, COUNT(s.id) AS surveyed,
                   COALESCE(SUM(s.stations), 0) AS stations, COALESCE(SUM(s.branch_offices), 0) AS branchOffices,
                   COALESCE(SUM(s.workers), 0) AS workers, COALESCE(SUM(s.members_found), 0) AS membersFound,
                   COALESCE(SUM(s.pocket_members), 0) AS pocket, COALESCE(SUM(s.members_transferred), 0) AS transferred,
                   COALESCE(SUM(s.mobile_members), 0) AS mobile,
                   \(findingCols)
            FROM platform p
            \(OutreachSQL.latestJoin(asOf: ":asOf"))
            GROUP BY p.sector
            """
        for row in try Row.fetchAll(db, sql: ledgerSQL, arguments: args) {
            guard let sector = Sector(rawValue: row["sector"] as String) else { continue }
            var t = LedgerTotals()
            t.platforms = row["platforms"]; t.surveyed = row["surveyed"]; t.stations = row["stations"]
            t.branchOffices = row["branchOffices"]; t.workers = row["workers"]; t.membersFound = row["membersFound"]
            t.pocketMembers = row["pocket"]; t.membersTransferred = row["transferred"]; t.mobileMembers = row["mobile"]
            d.ledger[sector] = t
            d.ledgerAll = d.ledgerAll + t
            var f: [OutreachFinding: Int] = [:]
            for k in OutreachFinding.allCases {
                f[k] = row[k.rawValue]
                d.findings[k, default: 0] += row[k.rawValue] as Int
            }
            d.findingsBySector[sector] = f
        }

        // Coverage: the coverage panel's cells, summed by sector. A past year reads them as of its 31 December.
        // Only the sectors' units, not by region (issue 8: scanning all 100,000 units by region was 120 of 276 ms).
        let cells = past ? try CoverageSQL.cells(db, scope: settings.scope, today: Day.startOf(year: year + 1), byRegion: false, sectorOnly: true).lastYear
                         : try CoverageSQL.cells(db, scope: settings.scope, today: today, byRegion: false, sectorOnly: true).now
        d.coverage = OutreachRules.coverageBySector(cells)
        d.coverageAll = d.coverage.values.reduce(CoverageCounts(), +)

        // Covering branches: platforms' active branches and the organizations of the sector's covered units.
        let scope = CoverageSQL.scopeExpr(settings.scope, day: ":asOf")
        let cls = CoverageSQL.classExpr(asOf: past ? ":asOf" : "NULL")
        let branchSQL = """
            SELECT p.sector AS sector, p.party_org_id AS org FROM platform p JOIN party_org o ON o.id = p.party_org_id
            WHERE \(OutreachSQL.branchActive(past: ":past"))
            UNION
            SELECT u.sector, u.party_org_id FROM unit u JOIN party_org o ON o.id = u.party_org_id
            WHERE u.sector IS NOT NULL AND \(scope) AND (\(cls)) IN ('own', 'joint', 'industry')
            """
        // One read of the (sector, branch) pairs (UNION makes them distinct), counted here by sector and over all
        // sectors; running the union twice, grouped and in total, doubled its time.
        var all = Set<Int64>()
        for row in try Row.fetchAll(db, sql: branchSQL, arguments: args) {
            let org: Int64 = row[1]
            all.insert(org)
            if let s = Sector(rawValue: row[0] as String) { d.branches[s, default: 0] += 1 }
        }
        d.branchesAll = all.count

        // Activities of the year so far, by sector, type and month in one GROUP BY.
        let actArgs: StatementArguments = [Day.startOf(year: year).description, asOf.description]
        for row in try Row.fetchAll(db, sql: """
            SELECT sector, type, CAST(substr(date, 6, 2) AS INTEGER) AS m, COUNT(*) AS n,
                   SUM(participants) AS pa, SUM(people_served) AS ps, SUM(items) AS it, SUM(volunteer_times) AS vt
            FROM outreach_activity WHERE date >= ? AND date <= ?
            GROUP BY sector, type, m
            """, arguments: actArgs) {
            guard let s = Sector(rawValue: row["sector"] as String), let ty = ActivityType(rawValue: row["type"] as String) else { continue }
            let t = ActivityTotals(count: row["n"], participants: row["pa"], peopleServed: row["ps"], items: row["it"], volunteerTimes: row["vt"])
            d.activities[s] = d.activities(s) + t
            d.activitiesAll = d.activitiesAll + t
            d.byType[ty] = (d.byType[ty] ?? ActivityTotals()) + t
            let m: Int = row["m"]
            if (1...12).contains(m) {
                var months = d.byMonth[s] ?? Array(repeating: 0, count: 12)
                months[m - 1] += t.count
                d.byMonth[s] = months
            }
        }
        d.awards = try OutreachActivity
            .filter(sql: "type = ? AND date >= ? AND date <= ?",
                    arguments: [ActivityType.award.rawValue, Day.startOf(year: year).description, asOf.description])
            .order(sql: "date DESC, id DESC").limit(500).fetchAll(db)
        return d
    }
}
