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
        let tree = RegionTree(try regions())
        let scope = regionCode.flatMap { tree.regions[$0] } ?? tree.home
        return try read { db in try StationSummaryQuery.fetch(db, tree: tree, scope: scope, asOf: asOf, settings: settings) }
    }
}

enum StationSummaryQuery {
    static func fetch(_ db: Database, tree: RegionTree, scope: Region?, asOf: Day, settings: Settings) throws -> StationSummary {
        var args: [String: (any DatabaseValueConvertible)?] = StationSQL.arguments(asOf: asOf, idleDays: settings.idleDays).mapValues { $0 }
        args["scope"] = scope?.code
        let services = StationService.allCases
        let serviceSums = services.enumerated().map { "SUM(\(StationSQL.offers($0.element))) AS v\($0.offset)" }
        let findingSums = StationFinding.allCases.map { "SUM(\(StationSQL.finding($0, basic: settings.basicServices))) AS f_\($0.rawValue)" }
        // One row per region, kind, status and hours: few rows, and hours are read by the model's parser.
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.region_code AS rc, s.kind AS kind, s.status AS status, s.hours AS hours, COUNT(*) AS n,
                   \(serviceSums.joined(separator: ", ")), \(findingSums.joined(separator: ", ")),
                   SUM(\(StationSQL.month)) AS m, SUM(\(StationSQL.year)) AS y
            FROM station s WHERE (:scope IS NULL OR \(StationSQL.under(":scope")))
            GROUP BY rc, kind, status, hours
            """, arguments: StatementArguments(args))

        let children = scope.flatMap { tree.children[$0.code] } ?? []
        var groups = children.map { StationSummary.Group(region: $0, figures: StationFigures()) }
        var index: [String: Int] = [:]
        for (i, g) in groups.enumerated() { index[g.region.code] = i }
        var total = StationFigures()
        for r in rows {
            let code: String = r["rc"]
            guard let kind = StationKind(rawValue: r["kind"]), let status = StationStatus(rawValue: r["status"]) else { continue }
            let n: Int = r["n"]
            var f = StationFigures()
            f.total = n
            f.byKind[kind] = n
            switch status {
            case .running:
                f.running = n
                f.runningByKind[kind] = n
                for (i, v) in services.enumerated() { f.services[v] = r["v\(i)"] }
                if OpeningHours.parse(r["hours"])?.isAllDay == true { f.open24h = n }
            case .paused: f.paused = n
            case .closed: f.closed = n
            }
            for x in StationFinding.allCases { f.findings[x] = r["f_\(x.rawValue)"] }
            f.servicesThisMonth = r["m"]
            f.servicesThisYear = r["y"]
            total.add(f)
            // A station filed directly at the scope's level (or under an unknown code) gets a group of its own.
            let key = scope.flatMap { tree.child(of: $0.code, toward: code)?.code } ?? (scope?.code ?? code)
            if let i = index[key] {
                groups[i].figures.add(f)
            } else {
                let region = tree.regions[key] ?? Region(code: key, name: key, level: .community, parentCode: scope?.code)
                index[key] = groups.count
                groups.append(StationSummary.Group(region: region, figures: f))
            }
        }

        // When every station lies under the scope (the usual case: the city), the month totals need not look at
        // stations at all and read the covering date index alone.
        let outside = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM station s WHERE NOT (:scope IS NULL OR \(StationSQL.under(":scope")))",
                                       arguments: StatementArguments(args)) ?? 0
        let monthSQL = outside == 0
            ? "SELECT CAST(substr(l.date, 6, 2) AS INTEGER) AS mo, SUM(l.count) AS n FROM station_log l WHERE l.date >= :yearStart AND l.date <= :asOf GROUP BY mo"
            : """
              SELECT CAST(substr(l.date, 6, 2) AS INTEGER) AS mo, SUM(l.count) AS n
              FROM station_log l JOIN station s ON s.id = l.station_id
              WHERE l.date >= :yearStart AND l.date <= :asOf AND \(StationSQL.under(":scope"))
              GROUP BY mo
              """
        var byMonth = Array(repeating: 0, count: 12)
        for r in try Row.fetchAll(db, sql: monthSQL, arguments: StatementArguments(args)) {
            let mo: Int = r["mo"]
            if (1...12).contains(mo) { byMonth[mo - 1] = r["n"] }
        }
        return StationSummary(asOf: asOf, settings: settings, scope: scope, groups: groups, total: total, byMonth: byMonth)
    }
}
