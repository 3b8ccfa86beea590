import XCTest
import GRDB
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The saved coverage summary (`saved_figures`, migration "v2-saved-figures") stands in for the unit scan only while it gives
/// exactly what the scan gives: same data (every write path), same scope rule, a day it holds for, an intact payload.
final class CoverageSummaryTests: XCTestCase {
    func fresh(_ store: Store, _ scope: ScopeRule = .default, on day: Day = today) throws -> CoverageSQL.Scan {
        try store.read { db in try CoverageSQL.scan(db, scope: scope, today: day, byRegion: true) }
    }

    func saved(_ store: Store, _ scope: ScopeRule = .default, on day: Day = today) throws -> CoverageSQL.Scan? {
        try store.read { db in try CoverageSummary.saved(db, scope: scope, today: day) }
    }

    func fixtureStore(_ tmp: TempDir) throws -> Store {
        let store = try Store(path: tmp.file("f.sqlite"))
        try Fixture.make().load(into: store)
        return store
    }

    func testPayloadRoundTripsAGeneratedCityAndTheOverviewReadsItWithoutRegions() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 3000, seed: 4, today: today, into: store)
        for scope in [ScopeRule.default, ScopeRule(minStaff: 10), ScopeRule(operatingOnly: false)] {
            let s = try fresh(store, scope)
            XCTAssertGreaterThan(s.runs.count, 500)
            XCTAssertFalse(s.findings.isEmpty)
            XCTAssertEqual(try CoverageSummary.decode(CoverageSummary.encode(s)), s)
            let flat = try store.read { db in try CoverageSQL.scan(db, scope: scope, today: today, byRegion: false) }
            XCTAssertEqual(s.withoutRegions(), flat)
        }
    }

    /// A start without a summary scans in two halves on two threads: together exactly one scan, for any split.
    func testTheSplitScanIsTheOneScan() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 3000, seed: 6, today: today, into: store)
        for scope in [ScopeRule.default, ScopeRule(minStaff: 10), ScopeRule(operatingOnly: false)] {
            let one = try fresh(store, scope)
            let split = try store.coverageScanSplit(scope: scope, today: today)
            XCTAssertEqual(split.scan, one)
            XCTAssertEqual(split.generation, try store.read { db in try CoverageSummary.generation(db) })
            // Any middle code: one before every region, one after, one in between.
            let codes = try store.read { db in try String.fetchAll(db, sql: "SELECT code FROM region ORDER BY code") }
            for middle in ["", codes[codes.count / 3], codes[codes.count / 3] + "0", "999999999999"] {
                let halves = try [CoverageSQL.RegionRange(from: nil, below: middle), CoverageSQL.RegionRange(from: middle, below: nil)].map { r in
                    try store.read { db in (try CoverageSQL.scan(db, scope: scope, today: today, range: r, byRegion: true), Int64(7)) }
                }
                XCTAssertEqual(CoverageSQL.Scan.joined(halves[0], halves[1])?.scan, one, middle)
            }
        }
        // Halves read at two generations (a write landed between them) are not joined: they are read again.
        let a = (try fresh(store), Int64(3))
        XCTAssertNil(CoverageSQL.Scan.joined(a, (a.0, 4)))
    }

    func testTheGeneratorSavesTheSummaryAndAReopenedStoreReadsIt() throws {
        let tmp = TempDir()
        let path = tmp.file("g.sqlite")
        _ = try SyntheticData.generate(units: 1500, seed: 2, today: today, into: try Store(path: path))
        let store = try Store(path: path, create: false)
        let s = try XCTUnwrap(try saved(store))
        XCTAssertEqual(s, try fresh(store))
        let tree = RegionTree(try store.regions())
        let r = try store.coverageRollup(scope: .default, today: today, tree: tree)
        XCTAssertNil(r.unsaved, "read from the summary")
        let scanned = try store.coverageRollup(scope: .default, today: today, tree: tree, useSaved: false)
        XCTAssertNotNil(scanned.unsaved)
        for code in tree.regions.keys { XCTAssertEqual(r.now.byGroup(code), scanned.now.byGroup(code), code) }
        // The overview gives the same figures from the summary as from its own scan.
        let fromSummary = try store.overview(today: today)
        try store.forgetSavedFigures()
        XCTAssertNil(try saved(store))
        let scanned2 = try store.overview(today: today)
        XCTAssertEqual(scanned2.coverage, fromSummary.coverage)
        XCTAssertEqual(scanned2.coverageLastYear, fromSummary.coverageLastYear)
        XCTAssertEqual([scanned2.unitsTotal, scanned2.unitsInScope, scanned2.fullMembers, scanned2.probationaryMembers],
                       [fromSummary.unitsTotal, fromSummary.unitsInScope, fromSummary.fullMembers, fromSummary.probationaryMembers])
        XCTAssertEqual(scanned2.findings, fromSummary.findings)
        XCTAssertGreaterThan(fromSummary.unitsInScope, 1000)
    }

    /// The overview reads the unit scan before its other figures; if a write to the units landed in between (another
    /// generation), it scans again inside its own read rather than mixing two states of the data.
    func testTheOverviewUsesAnEarlierScanOnlyAtItsOwnGeneration() throws {
        let tmp = TempDir()
        let store = try fixtureStore(tmp)
        let settings = try store.settings()
        let right = try store.overview(today: today)
        XCTAssertNotNil(right.figuresToSave, "scanned: the panel is handed it to save")
        let generation = try store.read { db in try CoverageSummary.generation(db) }
        let stale = (scan: CoverageSQL.Scan(), generation: generation - 1)
        let d = try store.read { db in try OverviewQuery.fetch(db, today: today, settings: settings, units: stale) }
        XCTAssertEqual(d.coverage, right.coverage)
        XCTAssertEqual(d.unitsInScope, 11)
        let current = (scan: CoverageSQL.Scan(), generation: generation)
        XCTAssertEqual(try store.read { db in try OverviewQuery.fetch(db, today: today, settings: settings, units: current) }.unitsInScope, 0,
                       "at its own generation the scan given is the one used")
        try store.refreshCoverageSummary(scope: .default, today: today)
        let fromSummary = try store.overview(today: today)
        XCTAssertNil(fromSummary.figuresToSave)
        XCTAssertEqual(fromSummary.coverage, right.coverage)
    }

    func testAScanIsSavedOnlyWhileNothingChangedSinceItWasMade() throws {
        let tmp = TempDir()
        let store = try fixtureStore(tmp)
        let tree = RegionTree(try store.regions())
        let first = try store.coverageRollup(scope: .default, today: today, tree: tree)
        let unsaved = try XCTUnwrap(first.unsaved)
        // Someone moves a unit between the scan and the save: the save is refused, the next read scans.
        try store.write { l in
            var u = try XCTUnwrap(try OrgUnit.fetchOne(l.db, key: 6))
            u.instructorId = 1
            try l.update(&u)
        }
        XCTAssertFalse(try store.saveFigures(unsaved))
        XCTAssertNil(try saved(store))
        let second = try XCTUnwrap(try store.coverageRollup(scope: .default, today: today, tree: tree).unsaved)
        XCTAssertTrue(try store.saveFigures(second))
        XCTAssertEqual(try saved(store), try fresh(store))
        // East district: 恒远 own, 3 joint, 东湖协会 and now 东湖商贸 work only; 旧公司 deregistered.
        XCTAssertEqual(try store.coverageRollup(scope: .default, today: today, tree: tree).now.counts("990102"),
                       CoverageCounts(own: 1, joint: 3, workOnly: 2))
    }

    /// Every kind of write to what the scan reads makes the saved summary unusable; others leave it.
    func testEveryWritePathToWhatTheScanReadsRetiresTheSummary() throws {
        let tmp = TempDir()
        let store = try fixtureStore(tmp)
        func saveNow() throws {
            try store.refreshCoverageSummary(scope: .default, today: today)
            XCTAssertNotNil(try saved(store))
        }
        func expectRetired(_ what: String, line: UInt = #line, _ change: () throws -> Void) throws {
            try saveNow()
            try change()
            XCTAssertNil(try saved(store), what, line: line)
            try saveNow()
            XCTAssertEqual(try saved(store), try fresh(store), what, line: line)
        }
        try expectRetired("ledger: a unit's category") {
            try store.write { l in
                var u = try XCTUnwrap(try OrgUnit.fetchOne(l.db, key: 6)); u.category = .lawFirm; try l.update(&u)
            }
        }
        try expectRetired("undo of that change") {
            let last = try store.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit") }
            try store.undo(auditIds: [try XCTUnwrap(last)])
        }
        try expectRetired("ledger: a new unit") {
            try store.write { l in
                var u = OrgUnit(name: "新店", category: .individualBusiness, regionCode: "990102001", registered: Day("2020-01-01"))
                _ = try l.insert(&u)
            }
        }
        try expectRetired("ledger: an organization revoked") {
            try store.write { l in
                var o = try XCTUnwrap(try PartyOrg.fetchOne(l.db, key: 1)); o.status = .revoked; o.revokedOn = today; try l.update(&o)
            }
        }
        try expectRetired("sqlite3: an instructor deleted (the foreign key clears units)") {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM instructor WHERE id = 1") }
        }
        try expectRetired("sqlite3: a unit deleted") {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM unit WHERE id = 12") }
        }
        try expectRetired("sqlite3: planned date set") {
            try store.pool.write { db in try db.execute(sql: "UPDATE unit SET planned_date = '2026-01-01' WHERE id = 11") }
        }
        // A name is not read by the scan: the summary stays.
        try saveNow()
        try store.write { l in
            var u = try XCTUnwrap(try OrgUnit.fetchOne(l.db, key: 5)); u.name = "东湖社会组织协会"; try l.update(&u)
            var o = try XCTUnwrap(try PartyOrg.fetchOne(l.db, key: 2)); o.name = "东湖商圈联合党总支"; try l.update(&o)
        }
        XCTAssertEqual(try saved(store), try fresh(store))
    }

    /// Saved for one day, a summary holds exactly while the scan would give the same on later days.
    func testASummaryHoldsUntilTheFirstDayAUnitsScopeOrFindingChanges() throws {
        let tmp = TempDir()
        let store = try fixtureStore(tmp)
        let day0 = Day("2026-12-01")!
        try store.pool.write { db in
            // Registered on 12-05; deregistered (still operating by date) on 12-10; planned date 12-15 (passed from 12-16).
            try db.execute(sql: "UPDATE unit SET registered = '2026-12-05' WHERE id = 6")
            try db.execute(sql: "UPDATE unit SET status = '注销', deregistered = '2026-12-10' WHERE id = 5")
            try db.execute(sql: "UPDATE unit SET planned_date = '2026-12-15' WHERE id = 12")
        }
        try store.refreshCoverageSummary(scope: .default, today: day0)
        let until = try store.read { db in try String.fetchOne(db, sql: "SELECT valid_until FROM saved_figures WHERE kind = 'coverage'") }
        XCTAssertEqual(until, "2026-12-05")
        var day = day0
        var changes: [String] = []
        while day < Day("2027-01-03")! {
            if let s = try saved(store, on: day) {
                XCTAssertEqual(s, try fresh(store, on: day), "\(day)")
            } else {
                XCTAssertNotEqual(try fresh(store, on: day), try fresh(store, on: day.adding(days: -1)), "\(day): the summary ended early")
                changes.append(day.description)
                try store.refreshCoverageSummary(scope: .default, today: day)
            }
            day = day.adding(days: 1)
        }
        XCTAssertEqual(changes, ["2026-12-05", "2026-12-10", "2026-12-16", "2027-01-01"])
        // An earlier day is not within the days it holds for.
        XCTAssertNil(try saved(store, on: Day("2026-12-31")!))
    }

    func testAnotherScopeRuleOrLayoutDoesNotReadIt() throws {
        let tmp = TempDir()
        let store = try fixtureStore(tmp)
        try store.refreshCoverageSummary(scope: .default, today: today)
        XCTAssertNil(try saved(store, ScopeRule(minStaff: 10)))
        XCTAssertNil(try saved(store, ScopeRule(minStaff: 10, minStaffKinds: [.enterprise, .social])))
        try store.refreshCoverageSummary(scope: ScopeRule(minStaff: 10), today: today)
        XCTAssertEqual(try saved(store, ScopeRule(minStaff: 10)), try fresh(store, ScopeRule(minStaff: 10)))
        XCTAssertNotEqual(try saved(store, ScopeRule(minStaff: 10)), try saved(store))
        // The layout names what gives a slot and a finding its meaning, down to the scan's SQL.
        XCTAssertTrue(CoverageSummary.layout.contains(";findings=3,50;sql="), CoverageSummary.layout)
        try store.pool.write { db in try db.execute(sql: "UPDATE saved_figures SET layout = 'format=0'") }
        XCTAssertNil(try saved(store))
        // Saving again replaces what was saved under the other layout.
        try store.refreshCoverageSummary(scope: .default, today: today)
        XCTAssertEqual(try store.read { db in try String.fetchAll(db, sql: "SELECT layout FROM saved_figures WHERE key = ?", arguments: [CoverageSummary.key(.default)]) },
                       [CoverageSummary.layout])
    }

    /// A damaged payload is never read: truncated, a byte changed, or garbage, the panel scans instead.
    func testADamagedPayloadIsScannedAgainNotRead() throws {
        let tmp = TempDir()
        let store = try fixtureStore(tmp)
        let s = try fresh(store)
        let good = CoverageSummary.encode(s)
        for cut in [0, 1, 8, good.count / 2, good.count - 1] {
            XCTAssertThrowsError(try CoverageSummary.decode(Array(good.prefix(cut))), "cut at \(cut)")
        }
        for i in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
            var bad = good
            bad[i] ^= 0x41
            XCTAssertThrowsError(try CoverageSummary.decode(bad), "byte \(i)")
        }
        try store.refreshCoverageSummary(scope: .default, today: today)
        try store.pool.write { db in try db.execute(sql: "UPDATE saved_figures SET payload = x'00ff00ff'") }
        XCTAssertNil(try saved(store))
        let r = try store.coverageRollup(scope: .default, today: today, tree: RegionTree(try store.regions()))
        XCTAssertNotNil(r.unsaved)
        XCTAssertEqual(r.now.counts("990100"), CoverageCounts(own: 1, joint: 3, industry: 1, workOnly: 3, uncovered: 3))
    }

    /// `liangxin check` compares a summary that holds with a fresh scan: a file whose triggers were dropped shows.
    func testCheckFindsASummaryTheUnitsNoLongerGive() throws {
        let tmp = TempDir()
        let store = try fixtureStore(tmp)
        try store.refreshCoverageSummary(scope: .default, today: today)
        XCTAssertFalse(try store.check(today: today).findings.contains { $0.rule == "savedFigures" })
        try store.pool.write { db in
            try db.execute(sql: "DROP TRIGGER coverage_figures_unit_update")
            try db.execute(sql: "UPDATE unit SET instructor_id = 1 WHERE id = 6")
        }
        XCTAssertNotNil(try saved(store), "no trigger: the summary still looks current")
        let found = try store.check(today: today).findings.filter { $0.rule == "savedFigures" }
        XCTAssertEqual(found.map(\.caption), ["coverage"])
        XCTAssertTrue(found[0].message.contains("DELETE FROM saved_figures"))
    }

    func testPackedIntegersRoundTripAtTheirExtremes() throws {
        var w = PackedWriter()
        let values = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int(Int32.min), Int.max, Int.min]
        for v in values { w.int(v) }
        w.string("示例市·东湖区")
        var r = try PackedReader(sealed: w.sealed)
        for v in values { XCTAssertEqual(try r.int(), v) }
        XCTAssertEqual(try r.string(), "示例市·东湖区")
        XCTAssertTrue(r.atEnd)
    }
}
