import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The stations summary (grouped by the scope's children in SQL, 24-hour stations counted in SQL from the model's
/// reading of the hours, months summed by date range) against the simple computation it replaced: one row per
/// region, kind, status and hours, rolled up in Swift, months grouped by their text.
final class StationSummaryAgreementTests: XCTestCase {
    /// `StationActivity.year` summed from the logs themselves, as it was before `station_log_month`.
    static let yearFromLogs = "(SELECT COALESCE(SUM(l.count), 0) FROM station_log l WHERE l.station_id = s.id AND l.date >= :yearStart AND l.date <= :asOf)"

    /// The summary as it was computed before issue 8's speed-up (kept verbatim as the reference).
    static func simple(_ db: Database, tree: RegionTree, scope: Region?, asOf: Day, settings: Settings) throws -> StationSummary {
        var args: [String: (any DatabaseValueConvertible)?] = StationSQL.arguments(asOf: asOf, idleDays: settings.idleDays).mapValues { $0 }
        args["scope"] = scope?.code
        let services = StationService.allCases
        let serviceSums = services.enumerated().map { "SUM(\(StationSQL.offers($0.element))) AS v\($0.offset)" }
        let findingSums = StationFinding.allCases.map { "SUM(\(StationSQL.finding($0, basic: settings.basicServices))) AS f_\($0.rawValue)" }
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.region_code AS rc, s.kind AS kind, s.status AS status, s.hours AS hours, COUNT(*) AS n,
                   \(serviceSums.joined(separator: ", ")), \(findingSums.joined(separator: ", ")),
                   SUM(\(StationSQL.month)) AS m, SUM(\(Self.yearFromLogs)) AS y
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
            let key = scope.flatMap { tree.child(of: $0.code, toward: code)?.code } ?? (scope?.code ?? code)
            if let i = index[key] {
                groups[i].figures.add(f)
            } else {
                let region = tree.regions[key] ?? Region(code: key, name: key, level: .community, parentCode: scope?.code)
                index[key] = groups.count
                groups.append(StationSummary.Group(region: region, figures: f))
            }
        }
        var byMonth = Array(repeating: 0, count: 12)
        for r in try Row.fetchAll(db, sql: """
            SELECT CAST(substr(l.date, 6, 2) AS INTEGER) AS mo, SUM(l.count) AS n
            FROM station_log l JOIN station s ON s.id = l.station_id
            WHERE l.date >= :yearStart AND l.date <= :asOf AND (:scope IS NULL OR \(StationSQL.under(":scope")))
            GROUP BY mo
            """, arguments: StatementArguments(args)) {
            let mo: Int = r["mo"]
            if (1...12).contains(mo) { byMonth[mo - 1] = r["n"] }
        }
        return StationSummary(asOf: asOf, settings: settings, scope: scope, groups: groups, total: total, byMonth: byMonth)
    }

    /// Empty entries of the figures' dictionaries carry no count: compare without them.
    func normal(_ f: StationFigures) -> StationFigures {
        var f = f
        f.byKind = f.byKind.filter { $0.value != 0 }
        f.runningByKind = f.runningByKind.filter { $0.value != 0 }
        f.services = f.services.filter { $0.value != 0 }
        f.findings = f.findings.filter { $0.value != 0 }
        return f
    }

    func assertAgrees(_ s: Store, scopes: [String?], file: StaticString = #filePath, line: UInt = #line) throws {
        let tree = RegionTree(try s.regions())
        var basicOnly = Settings()
        basicOnly.basicServices = [.hotMeal, .wifi]
        basicOnly.idleDays = 7
        var compared = 0
        for code in scopes {
            for asOf in [today, Day("2026-01-01")!, Day("2026-12-31")!, Day("2026-03-15")!, Day("2025-11-30")!] {
                for settings in [Settings(), basicOnly] {
                    let got = try s.stationSummary(tree: tree, regionCode: code, asOf: asOf, settings: settings)
                    let scope = code.flatMap { tree.regions[$0] } ?? tree.home
                    let want = try s.read { try Self.simple($0, tree: tree, scope: scope, asOf: asOf, settings: settings) }
                    let what = "\(code ?? "home") \(asOf)"
                    XCTAssertEqual(got.scope, want.scope, what, file: file, line: line)
                    XCTAssertEqual(got.groups.map(\.region), want.groups.map(\.region), what, file: file, line: line)
                    XCTAssertEqual(got.groups.map { normal($0.figures) }, want.groups.map { normal($0.figures) }, what, file: file, line: line)
                    XCTAssertEqual(normal(got.total), normal(want.total), what, file: file, line: line)
                    XCTAssertEqual(got.byMonth, want.byMonth, what, file: file, line: line)
                    compared += got.total.total
                }
            }
        }
        XCTAssertGreaterThan(compared, 100, file: file, line: line)
    }

    func testSummaryAgreesWithTheSimpleComputationOnTheSample() throws {
        let tmp = TempDir()
        let s = try Store(path: tmp.file("sample.sqlite"))
        _ = try CSVSet.load(directory: SampleDataTests.sampleDir, into: s, today: today)
        // A station filed at the city's own level, one at the province's (outside the city), one with odd hours.
        try s.write(source: "test") { l in
            var a = Station(name: "市级驿站", kind: .love, regionCode: "990100", hours: "00:00-24:00", services: [.rest], opened: Day("2026-01-01"))
            var b = Station(name: "省级驿站", kind: .love, regionCode: "990000", hours: "24小时", services: [.rest, .water], opened: Day("2026-01-01"))
            try l.insert(&a); try l.insert(&b)
            var log = StationLog(stationId: b.id!, date: Day("2026-11-03")!, count: 9)
            try l.insert(&log)
        }
        try assertAgrees(s, scopes: [nil, "990000", "990100", "990102", "990102001"])
    }

    func testSummaryAgreesWithTheSimpleComputationOnAGeneratedProvince() throws {
        let tmp = TempDir()
        let s = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 6000, seed: 5, today: today, into: s)
        let tree = RegionTree(try s.regions())
        let city = try XCTUnwrap(tree.home.flatMap { tree.children[$0.code]?.first })
        try assertAgrees(s, scopes: [nil, city.code])
    }
}
