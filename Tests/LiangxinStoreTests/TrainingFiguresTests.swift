import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The training panel's saved secretary figures (`saved_figures`, kind training) stand in for the computation only
/// while they are what it gives: same data (every write to what it reads), the same day, an intact payload.
final class TrainingFiguresTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        tmp = TempDir()
        store = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 1200, seed: 3, today: today, into: store)
    }

    func computed(on day: Day = today) throws -> SecretaryFigures {
        try store.trainingFigures(year: day.year, today: day, useSaved: false).figures
    }

    func savedHolds(on day: Day = today) throws -> Bool {
        try store.read { db in try TrainingFigures.saved(db, year: day.year, today: day) } != nil
    }

    func testTheGeneratorSavesThemAndTheyAreTheComputedFigures() throws {
        XCTAssertTrue(try savedHolds())
        let saved = try store.trainingFigures(year: 2026, today: today)
        XCTAssertNil(saved.unsaved)
        let c = try computed()
        XCTAssertGreaterThan(c.facts.count, 300)
        XCTAssertEqual(saved.figures.facts, c.facts)
        XCTAssertEqual([saved.figures.active, saved.figures.concentrated, saved.figures.reachedHours, saved.figures.rotation],
                       [c.active, c.concentrated, c.reachedHours, c.rotation])
        XCTAssertEqual(c.facts, try store.secretaryFigures(year: 2026, today: today).facts)
    }

    func testPayloadRoundTripsEveryField() throws {
        let facts = [
            SecretaryFact(orgId: 1, appointed: Day("1958-03-01"), hasSecretary: true, inYear: true, activeToday: false,
                          sessions: 3, hours: 56.5, concentrated: 2, rotations: 1, lastTraining: Day("1969-12-31")),
            SecretaryFact(orgId: Int64(Int32.max) + 9, appointed: nil, hasSecretary: false, inYear: false, activeToday: true),
            SecretaryFact(orgId: 7, appointed: Day("1970-01-01"), hasSecretary: true, inYear: true, activeToday: true,
                          sessions: 0, hours: 0.1 + 0.2, lastTraining: Day("9999-12-31")),
        ]
        XCTAssertEqual(try TrainingFigures.decode(TrainingFigures.encode(facts)), facts)
        let bytes = TrainingFigures.encode(facts)
        XCTAssertThrowsError(try TrainingFigures.decode(Array(bytes.dropLast())))
        for i in bytes.indices {
            var bad = bytes
            bad[i] ^= 0x10
            XCTAssertThrowsError(try TrainingFigures.decode(bad), "byte \(i)")
        }
    }

    /// Figures depend on today (this year's period ends today; who is overdue): they hold for that day only.
    func testTheyHoldForTheDayTheyWereMade() throws {
        XCTAssertFalse(try savedHolds(on: today.adding(days: 1)))
        XCTAssertFalse(try savedHolds(on: today.adding(days: -1)))
    }

    func testEveryWriteToWhatTheyReadRetiresThem() throws {
        let (orgId, sessionId) = try store.read { db in
            (try XCTUnwrap(try Int64.fetchOne(db, sql: "SELECT party_org_id FROM training_attendance WHERE role = '书记' AND party_org_id IS NOT NULL LIMIT 1")),
             try XCTUnwrap(try Int64.fetchOne(db, sql: "SELECT id FROM training_session ORDER BY date DESC LIMIT 1")))
        }
        func expectRetired(_ what: String, line: UInt = #line, _ change: () throws -> Void) throws {
            try store.refreshSavedFigures(today: today)
            XCTAssertTrue(try savedHolds(), what, line: line)
            try change()
            XCTAssertFalse(try savedHolds(), what, line: line)
            try store.refreshSavedFigures(today: today)
            XCTAssertEqual(try store.trainingFigures(year: 2026, today: today).figures.facts, try computed().facts, what, line: line)
        }
        try expectRetired("ledger: a secretary attends a session") {
            try store.write { l in
                var a = TrainingAttendance(sessionId: sessionId, partyOrgId: orgId, role: .secretary)
                _ = try l.insert(&a)
            }
        }
        try expectRetired("ledger: a session moved to another day") {
            try store.write { l in
                var s = try XCTUnwrap(try TrainingSession.fetchOne(l.db, key: sessionId)); s.date = Day("2026-01-05")!; try l.update(&s)
            }
        }
        try expectRetired("ledger: an organization renamed (the lists' order)") {
            try store.write { l in
                var o = try XCTUnwrap(try PartyOrg.fetchOne(l.db, key: orgId)); o.name = "甲" + o.name; try l.update(&o)
            }
        }
        try expectRetired("sqlite3: a new secretary appointed") {
            try store.pool.write { db in try db.execute(sql: "UPDATE party_org SET secretary_appointed = '2026-11-01' WHERE id = ?", arguments: [orgId]) }
        }
        try expectRetired("sqlite3: attendance deleted") {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM training_attendance WHERE party_org_id = ?", arguments: [orgId]) }
        }
        // A session's title is not read: the figures stay.
        try store.refreshSavedFigures(today: today)
        try store.write { l in
            var s = try XCTUnwrap(try TrainingSession.fetchOne(l.db, key: sessionId)); s.title += "（补）"; try l.update(&s)
        }
        XCTAssertTrue(try savedHolds())
        // Neither does a unit's coverage change retire them, nor a session's change the coverage summary.
        XCTAssertTrue(try store.read { db in try CoverageSummary.saved(db, scope: .default, today: today) } != nil)
    }

    func testADamagedPayloadIsComputedAgainAndCheckFindsAStaleOne() throws {
        try store.pool.write { db in try db.execute(sql: "UPDATE saved_figures SET payload = x'01' WHERE kind = 'training'") }
        XCTAssertFalse(try savedHolds())
        XCTAssertNotNil(try store.trainingFigures(year: 2026, today: today).unsaved)
        try store.refreshSavedFigures(today: today)
        XCTAssertTrue(try store.check(today: today).findings.filter { $0.rule == "savedFigures" }.isEmpty)
        try store.pool.write { db in
            try db.execute(sql: "DROP TRIGGER training_figures_training_attendance_delete")
            try db.execute(sql: "DELETE FROM training_attendance WHERE role = '书记'")
        }
        XCTAssertEqual(try store.check(today: today).findings.filter { $0.rule == "savedFigures" }.map(\.caption), ["training"])
    }
}
