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
    public var findings: [Finding: Int] = [:]

    public enum Finding: String, CaseIterable, Sendable {
        case shouldForm, blindSpot, jointTooWide, branchTooLarge, plannedPassed, weakOrg, idleStation, stationMissingBasic
    }
}

extension Store {
    public func overview(today: Day) throws -> OverviewData {
        let settings = try self.settings()
        return try read { db in try OverviewQuery.fetch(db, today: today, settings: settings) }
    }
}

enum OverviewQuery {
    static func fetch(_ db: Database, today: Day, settings: Settings) throws -> OverviewData {
        var d = OverviewData(today: today, settings: settings)
        let t = today.description
        let yearStart = today.startOfYear.description
        let lastYearStart = Day.startOf(year: today.year - 1).description
        let lastYearEnd = today.endOfPreviousYear.description
        let scope = CoverageSQL.scopeExpr(settings.scope, day: ":today")
        let cls = CoverageSQL.classExpr(asOf: "NULL")

        let cells = try CoverageSQL.cells(db, scope: settings.scope, today: today)
        d.coverage = CoverageRollup.byGroup(cells.now)
        d.coverageLastYear = CoverageRollup.byGroup(cells.lastYear)

        d.unitsTotal = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0
        let unitRow = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, COALESCE(SUM(u.full_members),0) AS f, COALESCE(SUM(u.probationary_members),0) AS p,
                   COALESCE(SUM(u.full_members >= \(Findings.minMembersForOwnBranch) AND (\(cls)) <> 'own'),0) AS shouldForm,
                   COALESCE(SUM((\(cls)) = 'uncovered'),0) AS blind,
                   COALESCE(SUM(u.planned_date IS NOT NULL AND u.planned_date < :today AND (\(cls)) IN ('workOnly','uncovered')),0) AS planned
            FROM unit u LEFT JOIN party_org o ON o.id = u.party_org_id
            WHERE \(scope)
            """, arguments: ["today": t])!
        d.unitsInScope = unitRow["n"]
        d.fullMembers = unitRow["f"]
        d.probationaryMembers = unitRow["p"]
        d.findings[.shouldForm] = unitRow["shouldForm"]
        d.findings[.blindSpot] = unitRow["blind"]
        d.findings[.plannedPassed] = unitRow["planned"]

        let orgRow = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, COALESCE(SUM(status <> ?),0) AS active, COALESCE(SUM(status = ?),0) AS weak,
                   COALESCE(SUM(status <> ? AND org_type IN (?, ?) AND full_members > \(Findings.maxBranchMembers)),0) AS large
            FROM party_org
            """, arguments: [OrgStatus.revoked.rawValue, OrgStatus.weak.rawValue, OrgStatus.revoked.rawValue,
                             OrgType.branch.rawValue, OrgType.jointBranch.rawValue])!
        d.orgsTotal = orgRow["n"]
        d.orgsActive = orgRow["active"]
        d.orgsWeak = orgRow["weak"]
        d.findings[.weakOrg] = d.orgsWeak
        d.findings[.branchTooLarge] = orgRow["large"]
        d.findings[.jointTooWide] = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM (
              SELECT o.id FROM party_org o JOIN unit u ON u.party_org_id = o.id
              WHERE o.formation = ? AND o.status <> ? AND \(scope)
              GROUP BY o.id HAVING COUNT(*) > \(Findings.maxJointUnits))
            """, arguments: [Formation.joint.rawValue, OrgStatus.revoked.rawValue, t]) ?? 0

        var starCounts = Array(repeating: 0, count: 6)
        for row in try Row.fetchAll(db, sql: "SELECT star_level AS s, COUNT(*) AS n FROM party_org WHERE status <> ? GROUP BY star_level",
                                    arguments: [OrgStatus.revoked.rawValue]) {
            let s: Int = row["s"]
            starCounts[max(0, min(5, s))] += row["n"] as Int
        }
        d.stars = StarDistribution(counts: starCounts)
        d.instructors = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM instructor") ?? 0

        let st = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(status = ?),0) AS running FROM station",
                                  arguments: [StationStatus.running.rawValue])!
        d.stationsTotal = st["n"]
        d.stationsRunning = st["running"]
        for row in try Row.fetchAll(db, sql: """
            SELECT CAST(substr(date, 6, 2) AS INTEGER) AS m, SUM(count) AS n FROM station_log
            WHERE date >= ? AND date <= ? GROUP BY m
            """, arguments: [yearStart, t]) {
            let m: Int = row["m"]
            if (1...12).contains(m) { d.servicesByMonth[m - 1] = row["n"] }
        }
        d.servicesThisYear = d.servicesByMonth.reduce(0, +)
        d.findings[.idleStation] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM station s WHERE \(StationSQL.idle)",
                                                    arguments: StatementArguments(StationSQL.arguments(asOf: today, idleDays: settings.idleDays))) ?? 0
        let stations = try Station.filter(Column("status") == StationStatus.running.rawValue).fetchAll(db)
        d.findings[.stationMissingBasic] = stations.filter { !StationMetrics.missingBasic($0, basic: settings.basicServices).isEmpty }.count

        func totals(_ from: String, _ to: String) throws -> TrainingTotals {
            let r = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COALESCE(SUM(person_times),0) AS p, COALESCE(SUM(hours),0) AS h
                FROM training_session WHERE date >= ? AND date <= ?
                """, arguments: [from, to])!
            return TrainingTotals(sessions: r["n"], personTimes: r["p"], hours: r["h"])
        }
        d.trainingThisYear = try totals(yearStart, t)
        d.trainingLastYear = try totals(lastYearStart, lastYearEnd)
        for row in try Row.fetchAll(db, sql: """
            SELECT CAST(substr(date, 6, 2) AS INTEGER) AS m, SUM(person_times) AS n FROM training_session
            WHERE date >= ? AND date <= ? GROUP BY m
            """, arguments: [yearStart, t]) {
            let m: Int = row["m"]
            if (1...12).contains(m) { d.personTimesByMonth[m - 1] = row["n"] }
        }

        d.platforms = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM platform") ?? 0
        // The latest survey of each platform holds its current counts.
        let latest = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(s.workers),0) AS w, COALESCE(SUM(s.members_found),0) AS m
            FROM platform_survey s
            WHERE s.id = (SELECT s2.id FROM platform_survey s2 WHERE s2.platform_id = s.platform_id
                          ORDER BY s2.survey_date DESC, s2.id DESC LIMIT 1)
            """)!
        d.workers = latest["w"]
        d.membersFound = latest["m"]
        d.activitiesThisYear = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outreach_activity WHERE date >= ? AND date <= ?",
                                                arguments: [yearStart, t]) ?? 0
        return d
    }
}
