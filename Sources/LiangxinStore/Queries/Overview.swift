import GRDB
import LiangxinModel

/// Every figure the overview panel and `report overview` show, read in one transaction.
public struct OverviewData: Sendable {
    public var today: Day
    public var settings: Settings
    public var unitsTotal = 0
    public var unitsInScope = 0
    public var orgsTotal = 0
    public var orgsActive = 0
    public var orgsWeak = 0
    public var instructors = 0
    /// Members of the units in scope; 预备党员 are those admitted within the past year.
    public var fullMembers = 0
    public var probationaryMembers = 0
    public var coverage: [CoverageGroup: CoverageCounts] = [:]
    public var coverageLastYear: [CoverageGroup: CoverageCounts] = [:]
    public var stationsTotal = 0
    public var stationsRunning = 0
    public var servicesThisYear = 0
    public var servicesByMonth = Array(repeating: 0, count: 12)
    public var trainingThisYear = TrainingTotals()
    public var trainingLastYear = TrainingTotals()
    public var personTimesByMonth = Array(repeating: 0, count: 12)
    public var stars = StarDistribution()
    public var platforms = 0
    public var workers = 0
    public var membersFound = 0
    public var activitiesThisYear = 0
    /// A unit scan made because no saved coverage summary held: the panel keeps it (`Store.saveFigures`).
    public var figuresToSave: UnsavedFigures?
    public var findings: [Finding: Int] = [:]

    public enum Finding: String, CaseIterable, Sendable {
        case shouldForm, blindSpot, jointTooWide, branchTooLarge, plannedPassed, weakOrg, idleStation, stationMissingBasic
    }
}

extension Store {
    /// Every figure of the overview; `timer` (benchmarks) hears how long each read took. `useSavedSummary: false`
    /// scans the units even when a saved coverage summary holds (the benchmark's figure for a start without one).
    public func overview(today: Day, timer: QueryTimer? = nil, useSavedSummary: Bool = true) throws -> OverviewData {
        let settings = try timed(timer, "settings") { try self.settings() }
        // The unit scan comes first, outside the read of the rest: the saved summary, or scanned on two cores (and
        // then kept for the next start). The rest uses it only if no write to the units landed in between.
        let units = useSavedSummary ? try coverageScanByRegion(scope: settings.scope, today: today) : nil
        var d = try read { db in
            try OverviewQuery.fetch(db, today: today, settings: settings, units: units.map { ($0.scan, $0.generation) }, timer: timer)
        }
        d.figuresToSave = units?.unsaved
        return d
    }

    /// The reads behind the overview, with their SQL (for the benchmark's sqlite3 reference).
    public func overviewQueries(today: Day) throws -> [QueryPart] {
        OverviewQuery.parts(today: today, settings: try settings()).all
    }
}

/// The overview's reads. Issue 8 measured them on 100,000 units and reshaped the slow ones: one streamed scan of
/// the units instead of a grouped scan plus a second scan and a join for joint branches; one pass over the
/// organizations (a covering index) instead of two; monthly sums as twelve index range scans instead of a GROUP BY
/// that sorted every log row; only the distinct service lists of the running stations instead of whole records.
enum OverviewQuery {
    /// The overview's reads, each named, in the order `fetch` runs them.
    struct Parts {
        var units, orgs, instructors, stations, servicesByMonth, idleStations, runningStations, trainingThisYear,
            trainingLastYear, personTimesByMonth, platforms, latestSurveys, activities: QueryPart
        var all: [QueryPart] {
            [units, orgs, instructors, stations, servicesByMonth, idleStations, runningStations, trainingThisYear, trainingLastYear,
             personTimesByMonth, platforms, latestSurveys, activities]
        }
    }

    /// Month `m` (1…12) of this year as `[lo, hi)`, cut at today: the bounds the monthly sums use.
    static func monthBounds(_ today: Day) -> [(lo: String, hi: String)] {
        let tomorrow = today.adding(days: 1)
        return (1...12).map { m in
            let lo = Day(year: today.year, month: m, day: 1)!
            let next = m == 12 ? Day.startOf(year: today.year + 1) : Day(year: today.year, month: m + 1, day: 1)!
            return (lo.description, min(next, tomorrow).description)
        }
    }

    /// Sums of `column` of `table` per month of this year, one index range scan a month (no sort).
    static func byMonth(_ name: String, _ table: String, _ column: String, today: Day) -> QueryPart {
        let bounds = monthBounds(today)
        let values = (1...12).map { "(\($0), :m\($0)lo, :m\($0)hi)" }.joined(separator: ", ")
        var args: [(String, DatabaseValueConvertible?)] = []
        for (i, b) in bounds.enumerated() { args += [("m\(i + 1)lo", b.lo), ("m\(i + 1)hi", b.hi)] }
        return QueryPart(name, """
            WITH months(m, lo, hi) AS (VALUES \(values))
            SELECT m, (SELECT COALESCE(SUM(\(column)), 0) FROM \(table) WHERE date >= lo AND date < hi) AS n FROM months
            """, args)
    }

    static func parts(today: Day, settings: Settings) -> Parts {
        let t = today.description
        let yearStart = today.startOfYear.description
        let lastYearStart = Day.startOf(year: today.year - 1).description
        let lastYearEnd = today.endOfPreviousYear.description
        let idleSince = today.adding(days: -settings.idleDays).description
        // Names of the bounds differ between the two years: a script binds each name once.
        func training(_ name: String, _ from: (String, String), _ to: (String, String)) -> QueryPart {
            QueryPart(name, """
                SELECT COUNT(*) AS n, COALESCE(SUM(person_times),0) AS p, COALESCE(SUM(hours),0) AS h
                FROM training_session WHERE date >= :\(from.0) AND date <= :\(to.0)
                """, [from, to])
        }
        return Parts(
            units: CoverageSQL.scanPart(scope: settings.scope, today: today, byRegion: false),
            // Streams in the order of the covering index party_org_status_star: no sort, no table rows.
            orgs: QueryPart("organizations and stars", """
                SELECT status, star_level AS s, org_type AS t, COUNT(*) AS n, SUM(full_members > \(Findings.maxBranchMembers)) AS large
                FROM party_org GROUP BY status, star_level, org_type
                """),
            instructors: QueryPart("instructors", "SELECT COUNT(*) FROM instructor"),
            stations: QueryPart("stations", "SELECT COUNT(*) AS n, COALESCE(SUM(status = :running),0) AS running FROM station",
                                [("running", StationStatus.running.rawValue)]),
            servicesByMonth: byMonth("services by month", "station_log", "count", today: today),
            // The stations panel's rule (StationSQL.idle mirrors StationMetrics.isIdle): last log, or the opening.
            idleStations: QueryPart("idle stations", "SELECT COUNT(*) FROM station s WHERE \(StationSQL.idle)",
                                    [("asOf", t), ("idleSince", idleSince)]),
            // Distinct service lists with their counts: the model's rule then runs once per list, not per station.
            runningStations: QueryPart("running stations' services", "SELECT services, COUNT(*) AS n FROM station WHERE status = :running GROUP BY services",
                                       [("running", StationStatus.running.rawValue)]),
            trainingThisYear: training("training this year", ("yearStart", yearStart), ("today", t)),
            trainingLastYear: training("training last year", ("lastYearStart", lastYearStart), ("lastYearEnd", lastYearEnd)),
            personTimesByMonth: byMonth("person-times by month", "training_session", "person_times", today: today),
            platforms: QueryPart("platforms", "SELECT COUNT(*) FROM platform"),
            // The latest survey of each platform holds its current counts.
            latestSurveys: QueryPart("latest surveys", """
                SELECT COALESCE(SUM(s.workers),0) AS w, COALESCE(SUM(s.members_found),0) AS m
                FROM platform_survey s
                WHERE s.id = (SELECT s2.id FROM platform_survey s2 WHERE s2.platform_id = s.platform_id
                              ORDER BY s2.survey_date DESC, s2.id DESC LIMIT 1)
                """),
            activities: QueryPart("activities this year", "SELECT COUNT(*) FROM outreach_activity WHERE date >= :yearStart AND date <= :today",
                                  [("yearStart", yearStart), ("today", t)]))
    }

    /// `units`: the unit scan by region and the generation it is of, read before this transaction.
    static func fetch(_ db: Database, today: Day, settings: Settings, units: (scan: CoverageSQL.Scan, generation: Int64)? = nil,
                      timer: QueryTimer? = nil) throws -> OverviewData {
        var d = OverviewData(today: today, settings: settings)
        let q = parts(today: today, settings: settings)
        func one(_ p: QueryPart) throws -> Row {
            try timed(timer, p.name) { try Row.fetchOne(db, sql: p.sql, arguments: p.statementArguments)! }
        }
        func all(_ p: QueryPart) throws -> [Row] {
            try timed(timer, p.name) { try Row.fetchAll(db, sql: p.sql, arguments: p.statementArguments) }
        }
        func int(_ p: QueryPart) throws -> Int {
            try timed(timer, p.name) { try Int.fetchOne(db, sql: p.sql, arguments: p.statementArguments) ?? 0 }
        }

        let current = try units.map { u in u.generation == (try CoverageSummary.generation(db)) ? u.scan : nil } ?? nil
        let scan = try current?.withoutRegions() ?? CoverageSQL.scan(db, scope: settings.scope, today: today, byRegion: false, timer: timer)
        d.coverage = CoverageRollup.byGroup(scan.cells(lastYear: false))
        d.coverageLastYear = CoverageRollup.byGroup(scan.cells(lastYear: true))
        d.unitsTotal = scan.units
        d.unitsInScope = scan.inScope
        d.fullMembers = scan.fullMembers
        d.probationaryMembers = scan.probationaryMembers
        d.findings[.shouldForm] = scan.shouldForm
        d.findings[.blindSpot] = scan.blindSpots
        d.findings[.plannedPassed] = scan.plannedPassed
        d.findings[.jointTooWide] = scan.jointUnits.values.filter { $0 > Findings.maxJointUnits }.count

        var starCounts = Array(repeating: 0, count: 6)
        var large = 0
        for row in try all(q.orgs) {
            let n: Int = row["n"]
            let status = OrgStatus(rawValue: row["status"] as String)
            let type = OrgType(rawValue: row["t"] as String)
            d.orgsTotal += n
            if status == .weak { d.orgsWeak += n }
            guard status?.isActive ?? true else { continue }
            d.orgsActive += n
            let star: Int = row["s"]
            starCounts[max(0, min(5, star))] += n
            // Findings.branchTooLarge, counted per group: active 党支部 / 联合党支部 over the limit.
            if type == .branch || type == .jointBranch { large += row["large"] as Int }
        }
        d.findings[.branchTooLarge] = large
        d.findings[.weakOrg] = d.orgsWeak
        d.stars = StarDistribution(counts: starCounts)
        d.instructors = try int(q.instructors)

        let st = try one(q.stations)
        d.stationsTotal = st["n"]
        d.stationsRunning = st["running"]
        for row in try all(q.servicesByMonth) {
            let m: Int = row["m"]
            if (1...12).contains(m) { d.servicesByMonth[m - 1] = row["n"] }
        }
        d.servicesThisYear = d.servicesByMonth.reduce(0, +)
        d.findings[.idleStation] = try int(q.idleStations)
        // Only the services column, each distinct list once; the rule itself stays in the model (StationMetrics.missingBasic).
        d.findings[.stationMissingBasic] = try timed(timer, q.runningStations.name) {
            var probe = Station(name: "", kind: .love, regionCode: "")
            var missing = 0
            for row in try Row.fetchAll(db, sql: q.runningStations.sql, arguments: q.runningStations.statementArguments) {
                probe.services = row["services"]
                if !StationMetrics.missingBasic(probe, basic: settings.basicServices).isEmpty { missing += row["n"] as Int }
            }
            return missing
        }

        func totals(_ p: QueryPart) throws -> TrainingTotals {
            let r = try one(p)
            return TrainingTotals(sessions: r["n"], personTimes: r["p"], hours: r["h"])
        }
        d.trainingThisYear = try totals(q.trainingThisYear)
        d.trainingLastYear = try totals(q.trainingLastYear)
        for row in try all(q.personTimesByMonth) {
            let m: Int = row["m"]
            if (1...12).contains(m) { d.personTimesByMonth[m - 1] = row["n"] }
        }

        d.platforms = try int(q.platforms)
        let latest = try one(q.latestSurveys)
        d.workers = latest["w"]
        d.membersFound = latest["m"]
        d.activitiesThisYear = try int(q.activities)
        return d
    }
}
