import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
@testable import liangxin_bench

/// The benchmark on a small province, as CI runs it: every figure is produced for every panel and dataset.
/// No timing is asserted (CI machines differ); the byte counts and the sqlite3 script are checked for being there.
final class BenchSmokeTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testProducesEveryFigureOnASmallProvince() throws {
        let dir = NSTemporaryDirectory() + "liangxin-bench-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var o = BenchOptions()
        o.units = 500
        o.runs = 2
        o.keyRounds = 2
        o.reloadRounds = 1
        o.queryRounds = 2
        o.idleSeconds = 0.3
        o.dir = dir
        o.sampleDir = Self.root.appendingPathComponent("sample-data").path
        // The measuring processes are this package's own liangxin-bench, built beside the test bundle; without it
        // the same measurements run in this process.
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("liangxin-bench").path
        let built = Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("liangxin-bench").path }
        o.executable = ([exe] + built).first { FileManager.default.isExecutableFile(atPath: $0) }

        let report = try Runner.run(o, log: { _ in })
        XCTAssertEqual(report.datasets.count, 2)
        XCTAssertEqual(report.datasets[0].units, 500)
        XCTAssertEqual(report.datasets[1].units, 2485)
        let sqlite = Runner.findExecutable("sqlite3")
        for d in report.datasets {
            XCTAssertEqual(d.panels.map(\.panel), PanelBench.all.map(\.panel), d.name)
            for (p, bench) in zip(d.panels, PanelBench.all) {
                let at = "\(d.name) · \(p.panel)"
                XCTAssertEqual(p.firstFrameMs.count, 2, at)
                XCTAssertTrue(p.firstFrameMs.allSatisfy { $0 > 0 }, at)
                XCTAssertEqual(p.keyOrder, bench.keys.map(\.label) + [PanelBench.reloadKey.label], at)
                for k in p.keyOrder { XCTAssertFalse(p.keys[k]?.isEmpty ?? true, "\(at) key \(k)") }
                XCTAssertGreaterThan(p.queryOrder.count, 1, at)
                if bench.panel == .overview { XCTAssertTrue(p.queryOrder.contains("coverage and scope (unit scan)"), at); XCTAssertTrue(p.queryOrder.contains("overview, all reads (saved summary)"), at) }
                XCTAssertEqual(p.coldFirstFrameMs.count, bench.readsSavedFigures ? 2 : 0, at)
                XCTAssertEqual(p.queryOrder.last, "total (all reads)", at)
                XCTAssertEqual(p.maxRSSKB.count, 2, at)
                XCTAssertTrue(p.maxRSSKB.allSatisfy { $0 > 0 }, at)
                XCTAssertTrue(p.listMoveBytes.allSatisfy { $0 > 0 }, "\(at): a cursor move writes something")
                XCTAssertEqual(p.idleBytes.count, 2, at)
                XCTAssertTrue(p.firstFrameBytes.allSatisfy { $0 > p.listMoveBytes.max()! }, at)
                if bench.referenceSQL == nil {
                    XCTAssertEqual(p.sqliteProblem, Runner.noReference, at)
                } else if sqlite != nil {
                    XCTAssertNil(p.sqliteProblem, at)
                    XCTAssertEqual(p.sqliteMs.count, 2, at)
                }
            }
        }
        var printer = ReportPrinter(report)
        let text = printer.text()
        for needle in ["first complete frame", "sqlite3 reference", "p99", "store reads", "peak resident memory",
                       "one cursor move", "idle second", "generated 500 units", "sample data"] {
            XCTAssertTrue(text.contains(needle), needle)
        }
    }

    /// The sqlite3 script binds the same parameters the store binds and holds every read of the panel.
    func testReferenceScriptHoldsEveryRead() throws {
        let dir = NSTemporaryDirectory() + "liangxin-bench-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try Store(path: dir + "/x.sqlite")
        let today = Day("2026-11-22")!
        let parts = try store.overviewQueries(today: today)
        let script = QueryPart.sqliteScript(parts)
        XCTAssertTrue(script.hasPrefix(".parameter set :today \"'2026-11-22'\"\n"))
        XCTAssertTrue(script.contains(".parameter set :last \"'2025-12-31'\""))
        XCTAssertEqual(script.components(separatedBy: "\n-- ").count, parts.count + 1)
        for p in parts { XCTAssertTrue(script.contains("-- \(p.name)\n"), p.name) }
    }

    /// sqlite3 given the script computes exactly what the store reads (the parameters arrive as the store binds them).
    func testSQLite3ComputesWhatTheStoreReads() throws {
        guard let sqlite = Runner.findExecutable("sqlite3") else { throw XCTSkip("sqlite3 is not installed") }
        let dir = NSTemporaryDirectory() + "liangxin-bench-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try Store(path: dir + "/g.sqlite")
        let today = Day("2026-11-22")!
        _ = try SyntheticData.generate(units: 500, seed: 1, today: today, into: store)
        for part in try store.overviewQueries(today: today) {
            let script = dir + "/part.sql"
            try QueryPart.sqliteScript([part]).write(toFile: script, atomically: true, encoding: .utf8)
            let r = try Spawn.run(sqlite, ["-batch", store.path], stdin: script, stdout: dir + "/out.txt", stderr: dir + "/err.txt")
            XCTAssertEqual(r.status, 0, part.name)
            XCTAssertEqual(try String(contentsOfFile: dir + "/err.txt", encoding: .utf8), "", part.name)
            let printed = try String(contentsOfFile: dir + "/out.txt", encoding: .utf8).split(separator: "\n").map(String.init)
            let read = try store.read { db in
                try Row.fetchAll(db, sql: part.reference, arguments: StatementArguments(
                    Dictionary(uniqueKeysWithValues: part.arguments.map { ($0.name, $0.value as DatabaseValueConvertible?) })))
            }.map { row in row.databaseValues.map { $0.isNull ? "" : "\($0.storage.value ?? "")" }.joined(separator: "|") }
            XCTAssertEqual(printed, read, part.name)
            XCTAssertFalse(read.isEmpty, part.name)
        }
    }
}
