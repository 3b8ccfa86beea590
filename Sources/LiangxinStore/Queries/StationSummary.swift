import GRDB
import LiangxinModel

/// The figures of one region (or of all of them) in the stations summary and report.
public struct StationFigures: Hashable, Sendable {
    public var total = 0
    public var running = 0
    public var paused = 0
    public var closed = 0
    /// All stations by kind, whatever their status.
    public var byKind: [StationKind: Int] = [:]
    /// Running stations by kind.
    public var runningByKind: [StationKind: Int] = [:]
    /// Running stations offering each service (the service matrix).
    public var services: [StationService: Int] = [:]
    /// Running stations open 24 hours (`OpeningHours.isAllDay`).
    public var open24h = 0
    public var servicesThisMonth = 0
    public var servicesThisYear = 0
    public var findings: [StationFinding: Int] = [:]

    public init() {}

    /// Share of the running stations that are open 24 hours.
    public var open24hShare: Rate { Rate(open24h, running) }

    mutating func add(_ o: StationFigures) {
        total += o.total; running += o.running; paused += o.paused; closed += o.closed
        open24h += o.open24h; servicesThisMonth += o.servicesThisMonth; servicesThisYear += o.servicesThisYear
        for (k, v) in o.byKind { byKind[k, default: 0] += v }
        for (k, v) in o.runningByKind { runningByKind[k, default: 0] += v }
        for (k, v) in o.services { services[k, default: 0] += v }
        for (k, v) in o.findings { findings[k, default: 0] += v }
    }
}

/// The stations of a region rolled up by its child regions (districts under the city).
public struct StationSummary: Sendable {
    public struct Group: Hashable, Sendable {
        public var region: Region
        public var figures: StationFigures
    }

    public var asOf: Day
    public var settings: Settings
    /// The region rolled up (the home region of the file when none was asked for).
    public var scope: Region?
    /// One per child region of `scope`, in code order, including children without any station.
    public var groups: [Group]
    public var total: StationFigures
    /// Services in each month of `asOf`'s year up to `asOf` (index 0 = January).
    public var byMonth: [Int]

    /// Child regions where no station is running (a gap in the network).
    public var regionsWithoutRunning: [Region] { groups.filter { $0.figures.running == 0 }.map(\.region) }
}

extension Store {
    /// The summary under `regionCode` (nil: the home region), as of a day.
    public func stationSummary(regionCode: String?, asOf: Day, settings: Settings) throws -> StationSummary {
        try stationSummary(tree: RegionTree(try regions()), regionCode: regionCode, asOf: asOf, settings: settings)
    }

    /// The same with the region tree the caller already holds (the panel reads it once per reload).
    public func stationSummary(tree: RegionTree, regionCode: String?, asOf: Day, settings: Settings) throws -> StationSummary {
        let scope = regionCode.flatMap { tree.regions[$0] } ?? tree.home
        return try read { db in try StationSummaryQuery.fetch(db, tree: tree, scope: scope, asOf: asOf, settings: settings) }
    }
}

enum StationSummaryQuery {
    /// Each region under `:scope` with the group it is counted in (`top`): the child of the scope on its way down,
    /// or the scope itself for stations filed at the scope's level.
    static let groups = """
        WITH RECURSIVE sub(code, top) AS (
          SELECT :scope, :scope
          UNION ALL
          SELECT r.code, CASE WHEN sub.code = :scope THEN r.code ELSE sub.top END FROM region r JOIN sub ON r.parent_code = sub.code)
        """

    static func fetch(_ db: Database, tree: RegionTree, scope: Region?, asOf: Day, settings: Settings) throws -> StationSummary {
        var args: [String: (any DatabaseValueConvertible)?] = StationSQL.arguments(asOf: asOf, idleDays: settings.idleDays).mapValues { $0 }
        args["scope"] = scope?.code
        // Open 24 hours is the model's reading of the hours text (`OpeningHours`): the few distinct texts are read
        // here and the all-day ones counted in SQL, so the stations need not be grouped by their hours.
        let allDay = try String.fetchAll(db, sql: "SELECT DISTINCT s.hours FROM station s WHERE \(StationSQL.running)")
            .filter { OpeningHours.parse($0)?.isAllDay == true }
        for (i, h) in allDay.enumerated() { args["h\(i)"] = h }
        let open24 = allDay.isEmpty ? "0" : "s.hours IN (\(allDay.indices.map { ":h\($0)" }.joined(separator: ", ")))"
        let services = StationService.allCases
        let sums = services.map { "SUM(\(StationSQL.offers($0)))" }
            + StationFinding.allCases.map { "SUM(\(StationSQL.finding($0, basic: settings.basicServices)))" }
            // The year as its earlier months plus this month, summed apart so this month's logs are read once.
            + ["SUM(\(open24))", "SUM(\(StationSQL.month))", "SUM(\(StationSQL.priorMonths))"]
        // One row per group, kind and status: a few hundred rows for a city of cities, not one per station.
        let top = scope == nil ? "s.region_code" : "sub.top"
        let from = scope == nil ? "station s" : "sub CROSS JOIN station s ON s.region_code = sub.code"
        let sql = "\(scope == nil ? "" : groups) SELECT \(top), s.kind, s.status, COUNT(*), \(sums.joined(separator: ", ")) "
            + "FROM \(from) GROUP BY \(top), s.kind, s.status"
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))

        let children = scope.flatMap { tree.children[$0.code] } ?? []
        var groups = children.map { StationSummary.Group(region: $0, figures: StationFigures()) }
        var index: [String: Int] = [:]
        for (i, g) in groups.enumerated() { index[g.region.code] = i }
        var total = StationFigures()
        let findings = StationFinding.allCases, base = 4, afterFindings = 4 + services.count + findings.count
        for r in rows {
            let key: String = r[0]
            guard let kind = StationKind(rawValue: r[1]), let status = StationStatus(rawValue: r[2]) else { continue }
            let n: Int = r[3]
            var f = StationFigures()
            f.total = n
            f.byKind[kind] = n
            switch status {
            case .running:
                f.running = n
                f.runningByKind[kind] = n
                for (i, v) in services.enumerated() { f.services[v] = r[base + i] }
                f.open24h = r[afterFindings]
            case .paused: f.paused = n
            case .closed: f.closed = n
            }
            for (i, x) in findings.enumerated() { f.findings[x] = r[base + services.count + i] }
            f.servicesThisMonth = r[afterFindings + 1]
            f.servicesThisYear = r[afterFindings + 2] + f.servicesThisMonth
            total.add(f)
            // A station filed directly at the scope's level (or under an unknown code) gets a group of its own.
            if let i = index[key] {
                groups[i].figures.add(f)
            } else {
                let region = tree.regions[key] ?? Region(code: key, name: key, level: .community, parentCode: scope?.code)
                index[key] = groups.count
                groups.append(StationSummary.Group(region: region, figures: f))
            }
        }
        let all = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM station") ?? 0
        let byMonth = try months(db, asOf: asOf, args: args, everyStation: all == total.total)
        return StationSummary(asOf: asOf, settings: settings, scope: scope, groups: groups, total: total, byMonth: byMonth)
    }

    /// Services in each month of `asOf`'s year up to `asOf`. When every station lies under the scope (the usual
    /// case: the city) the earlier months are the stations' month totals and this month its logs up to `asOf`,
    /// instead of every log of the year grouped by its month text.
    static func months(_ db: Database, asOf: Day, args: [String: (any DatabaseValueConvertible)?], everyStation: Bool) throws -> [Int] {
        var byMonth = Array(repeating: 0, count: 12)
        if everyStation {
            let a = StatementArguments(args)
            for r in try Row.fetchAll(db, sql: """
                SELECT month, SUM(total) FROM station_log_month WHERE month >= :firstMonth AND month < :thisMonth GROUP BY month
                """, arguments: a) {
                if let m = Int((r[0] as String).suffix(2)), (1...12).contains(m) { byMonth[m - 1] = r[1] }
            }
            byMonth[asOf.month - 1] = try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(l.count), 0) FROM station_log l WHERE l.date >= :monthStart AND l.date <= :asOf
                """, arguments: a) ?? 0
            return byMonth
        }
        for r in try Row.fetchAll(db, sql: """
            SELECT CAST(substr(l.date, 6, 2) AS INTEGER) AS mo, SUM(l.count) AS n
            FROM station_log l JOIN station s ON s.id = l.station_id
            WHERE l.date >= :yearStart AND l.date <= :asOf AND (:scope IS NULL OR \(StationSQL.under(":scope")))
            GROUP BY mo
            """, arguments: StatementArguments(args)) {
            let mo: Int = r["mo"]
            if (1...12).contains(mo) { byMonth[mo - 1] = r["n"] }
        }
        return byMonth
    }
}
