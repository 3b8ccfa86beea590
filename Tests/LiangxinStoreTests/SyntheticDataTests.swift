import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// `liangxin generate`: deterministic for a seed, an ordinary database (opens, references hold, records validate),
/// near the sample's rates, and the overview's one-scan figures agree with the grouped coverage cells.
final class SyntheticDataTests: XCTestCase {
    /// Tables whose content the determinism test hashes (every column, in id order).
    static let hashed = ["unit", "party_org", "instructor", "station_log", "training_attendance", "star_evaluation"]

    func generate(_ units: Int, seed: UInt64, in tmp: TempDir, name: String = "g.sqlite") throws -> (Store, SyntheticReport) {
        let store = try Store(path: tmp.file(name))
        let report = try SyntheticData.generate(units: units, seed: seed, today: today, into: store)
        return (store, report)
    }

    /// FNV-1a over every row of `table` as text, in id order.
    func contentHash(_ store: Store, _ table: String) throws -> UInt64 {
        try store.read { db in
            var h: UInt64 = 0xcbf29ce484222325
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY id")
            while let row = try rows.next() {
                for (_, v) in row { for b in v.description.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 } }
                h = (h ^ 0x0A) &* 0x100000001b3
            }
            return h
        }
    }

    func testSameSeedSameDatabase() throws {
        let tmp = TempDir()
        let (a, ra) = try generate(700, seed: 42, in: tmp, name: "a.sqlite")
        let (b, rb) = try generate(700, seed: 42, in: tmp, name: "b.sqlite")
        let (c, _) = try generate(700, seed: 43, in: tmp, name: "c.sqlite")
        XCTAssertEqual(ra.rows.map(\.count), rb.rows.map(\.count))
        XCTAssertEqual(ra.count("unit"), 700)
        for t in SyntheticDataTests.hashed {
            XCTAssertEqual(try contentHash(a, t), try contentHash(b, t), t)
        }
        XCTAssertNotEqual(try contentHash(a, "unit"), try contentHash(c, "unit"), "another seed, another province")
        XCTAssertEqual(try a.overview(today: today).coverage, try b.overview(today: today).coverage)
    }

    func testAnOrdinaryDatabase() throws {
        let tmp = TempDir()
        let (generated, report) = try generate(2485, seed: 1, in: tmp)
        XCTAssertEqual(report.cities, 1)
        let path = generated.path
        // Opens again as a Liangxin database, references and integrity hold.
        let store = try Store(path: path, create: false)
        try store.read { db in
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count, 0)
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit"), 0, "nobody edited anything")
        }
        XCTAssertEqual(try SyntheticData.marker(of: store), #"{"units":2485,"seed":1,"today":"2026-11-22","generator":1}"#)

        // The sample's own consistency rules (sample-data/EXPECTED.md, "Spec target check"): each query counts breaches.
        let rules = [
            "SELECT COUNT(*) FROM unit WHERE org_since < registered OR deregistered < registered",
            "SELECT COUNT(*) FROM unit u JOIN party_org o ON o.id = u.party_org_id WHERE u.org_since < o.founded",
            "SELECT COUNT(*) FROM party_org WHERE secretary_appointed < founded",
            "SELECT COUNT(*) FROM unit WHERE (instructor_id IS NULL) <> (instructor_since IS NULL) OR (party_org_id IS NULL) <> (org_since IS NULL)",
            "SELECT COUNT(*) FROM unit WHERE (status = '注销') <> (deregistered IS NOT NULL)",
            "SELECT COUNT(*) FROM unit u JOIN instructor i ON i.id = u.instructor_id WHERE substr(u.region_code, 1, 6) <> i.region_code",
            "SELECT COUNT(*) FROM station_log l JOIN station s ON s.id = l.station_id WHERE l.date < s.opened OR l.date > '2026-11-22'",
            "SELECT COUNT(*) FROM training_session s WHERE person_times < (SELECT COALESCE(SUM(head_count), 0) FROM training_attendance a WHERE a.session_id = s.id)",
            "SELECT COUNT(*) FROM training_attendance a JOIN party_org o ON o.id = a.party_org_id WHERE a.role = '书记' AND a.person_name <> o.secretary_name",
            """
            SELECT COUNT(*) FROM party_org o WHERE status <> '撤销' AND star_level <> COALESCE((SELECT decided_star FROM star_evaluation e
              WHERE e.party_org_id = o.id AND stage = '授星' ORDER BY year DESC LIMIT 1), 0)
            """,
        ]
        for rule in rules { XCTAssertEqual(try store.read { db in try Int.fetchOne(db, sql: rule) }, 0, rule) }

        // Every record passes the model's validation (errors; warnings such as a branch over 50 are planted).
        let (units, orgs, instructors, stations, logs) = try store.read { db in
            (try OrgUnit.fetchAll(db), try PartyOrg.fetchAll(db), try Instructor.fetchAll(db), try Station.fetchAll(db),
             try StationLog.fetchAll(db))
        }
        var codes = Set<String>()
        for u in units {
            XCTAssertEqual(Validate.unit(u, today: today).errors.map(\.field), [], u.name)
            XCTAssertTrue(codes.insert(u.creditCode!).inserted, "credit codes are unique")
            if u.partyOrgId != nil { XCTAssertNotNil(u.orgSince, u.name) }
            if u.instructorId != nil { XCTAssertNotNil(u.instructorSince, u.name) }
        }
        let covered = Dictionary(grouping: units.compactMap(\.partyOrgId), by: { $0 }).mapValues(\.count)
        for o in orgs { XCTAssertEqual(Validate.partyOrg(o, coveredUnits: covered[o.id!] ?? 0, today: today).errors.map(\.field), [], o.name) }
        for i in instructors { XCTAssertEqual(Validate.instructor(i).errors.map(\.field), [], i.name) }
        for s in stations { XCTAssertEqual(Validate.station(s, today: today).errors.map(\.field), [], s.name) }
        for l in logs.prefix(500) { XCTAssertEqual(Validate.stationLog(l, today: today).errors.map(\.field), []) }

        // The sample's shape: rates near its seed figures, ledgers in its proportions (EXPECTED.md: 2485 units,
        // 1080 organizations, 276 instructors, 40 stations, 3880 logs, 300 sessions, 6241 attendance rows).
        let d = try store.overview(today: today)
        XCTAssertEqual(d.unitsTotal, 2485)
        XCTAssertEqual(Double(d.unitsInScope) / 2485, 0.97, accuracy: 0.015)
        for (g, rate, slack) in [(CoverageGroup.enterprise, 84.91, 3.0), (.acfic, 80.83, 5.0), (.small, 29.07, 4.0), (.social, 94.53, 3.0),
                                 (.courierDeliveryRide, 14.14, 7.0)] {
            XCTAssertEqual(d.coverage[g]!.orgRate.percent!, rate, accuracy: slack, g.label)
            XCTAssertLessThan(d.coverageLastYear[g]!.orgRate.percent! - 3, d.coverage[g]!.orgRate.percent!, g.label)
        }
        XCTAssertEqual(Double(d.orgsTotal), 1080, accuracy: 120)
        XCTAssertEqual(Double(d.instructors), 276, accuracy: 30)
        XCTAssertEqual(d.stationsTotal, 40)
        XCTAssertEqual(Double(report.count("station_log")), 3880, accuracy: 600)
        XCTAssertEqual(Double(report.count("training_session")), 300, accuracy: 10)
        XCTAssertEqual(Double(report.count("training_attendance")), 6241, accuracy: 2500)
        XCTAssertEqual(d.stars.coverage.percent!, 84.75, accuracy: 4)
        for f in OverviewData.Finding.allCases where f != .stationMissingBasic && f != .idleStation {
            XCTAssertGreaterThan(d.findings[f] ?? 0, 0, "\(f) is planted as in the sample")
        }
    }

    /// The overview's figures come from one streamed scan; they must equal the grouped cells (which
    /// CoverageFixtureTests checks against the model) and plain SQL counts, under several scope rules.
    func testOverviewScanAgreesWithCellsAndCounts() throws {
        let tmp = TempDir()
        let (store, _) = try generate(1500, seed: 5, in: tmp)
        for scope in [ScopeRule.default, ScopeRule(minStaff: 10), ScopeRule(operatingOnly: false)] {
            var s = Settings()
            s.scope = scope
            try store.save(settings: s)
            let d = try store.overview(today: today)
            let cells = try store.read { db in try CoverageSQL.cells(db, scope: scope, today: today) }
            XCTAssertEqual(d.coverage, CoverageRollup.byGroup(cells.now), "\(scope)")
            XCTAssertEqual(d.coverageLastYear, CoverageRollup.byGroup(cells.lastYear), "\(scope)")
            let where_ = CoverageSQL.scopeExpr(scope, day: "'\(today)'")
            let cls = CoverageSQL.classExpr(asOf: "NULL")   // the form other queries use
            XCTAssertEqual(cls, CoverageSQL.classExpr(asOf: nil))
            let (inScope, full, should, blind, planned, joint, large) = try store.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit u WHERE \(where_)")!,
                 try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(full_members),0) FROM unit u WHERE \(where_)")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit u LEFT JOIN party_org o ON o.id = u.party_org_id WHERE \(where_) AND u.full_members >= 3 AND \(cls) <> '\(CoverageClass.own.rawValue)'")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit u LEFT JOIN party_org o ON o.id = u.party_org_id WHERE \(where_) AND \(cls) = '\(CoverageClass.uncovered.rawValue)'")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit u LEFT JOIN party_org o ON o.id = u.party_org_id WHERE \(where_) AND u.planned_date < '\(today)' AND \(cls) IN ('\(CoverageClass.workOnly.rawValue)', '\(CoverageClass.uncovered.rawValue)')")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT o.id FROM party_org o JOIN unit u ON u.party_org_id = o.id WHERE o.formation = '联合组建' AND o.status <> '撤销' AND \(where_) GROUP BY o.id HAVING COUNT(*) > 5)")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM party_org WHERE status <> '撤销' AND org_type IN ('党支部', '联合党支部') AND full_members > 50")!)
            }
            XCTAssertEqual(d.unitsInScope, inScope, "\(scope)")
            XCTAssertEqual(d.fullMembers, full, "\(scope)")
            XCTAssertEqual(d.findings[.shouldForm], should, "\(scope)")
            XCTAssertEqual(d.findings[.blindSpot], blind, "\(scope)")
            XCTAssertEqual(d.findings[.plannedPassed], planned, "\(scope)")
            XCTAssertEqual(d.findings[.jointTooWide], joint, "\(scope)")
            XCTAssertEqual(d.findings[.branchTooLarge], large, "\(scope)")
        }
    }

    func testRefusesADatabaseWithDataUnlessForced() throws {
        let tmp = TempDir()
        let (store, _) = try generate(300, seed: 1, in: tmp)
        XCTAssertThrowsError(try SyntheticData.generate(units: 300, seed: 2, today: today, into: store)) { e in
            guard case StoreError.refused(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("--force"), m)
        }
        let r = try SyntheticData.generate(units: 400, seed: 2, today: today, into: store, force: true)
        XCTAssertEqual(r.count("unit"), 400)
        XCTAssertEqual(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") }, 400)
        XCTAssertThrowsError(try SyntheticData.generate(units: 0, seed: 1, today: today, into: store, force: true))
    }

    /// Larger N spreads over cities of about 2500 units; codes and ids stay unique across them.
    func testSeveralCities() throws {
        let tmp = TempDir()
        let (store, report) = try generate(5200, seed: 3, in: tmp)
        XCTAssertEqual(report.cities, 2)
        let (cities, dupCodes, dupNames) = try store.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM region WHERE level = 2 ORDER BY code"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) - COUNT(DISTINCT credit_code) FROM unit")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) - COUNT(DISTINCT name) FROM party_org")!)
        }
        XCTAssertEqual(cities, ["示例市", "青州市"])
        XCTAssertEqual(dupCodes, 0)
        XCTAssertLessThan(dupNames, 30, "organization names are nearly all distinct")
        XCTAssertEqual(try store.overview(today: today).unitsTotal, 5200)
    }
}
