import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// A session's 人次 must cover everyone registered — named attendees and head-count rows alike
/// (`TrainingAttendance.registered`, the training panel's rule) — in the import and in `check`.
final class AttendanceImportTests: XCTestCase {
    /// The hand-counted fixture plus one two-day session of 5 人次 (id 1).
    func prepare(_ tmp: TempDir) throws -> Store {
        let store = try Store(path: tmp.file("a.sqlite"))
        try Fixture.make().load(into: store)
        try store.write(source: "test") { l in
            var s = TrainingSession(date: Day("2026-10-10")!, title: "专题党课", type: .partyLecture, personTimes: 5, hours: 2,
                                    endDate: Day("2026-10-11")!)
            try l.insert(&s)
        }
        return store
    }

    func importAttendance(_ store: Store, _ tmp: TempDir, _ name: String, _ csv: String,
                          kind: LedgerKind = .attendance) throws -> ImportResult {
        let file = tmp.file(name)
        try writeFile(file, Array(csv.utf8))
        return try LedgerImport.run(kind: kind, file: file, into: store, options: ImportOptions(today: today))
    }

    func testHeadCountRowsCountTowardsThePersonTimes() throws {
        let tmp = TempDir()
        let store = try prepare(tmp)
        // One named attendee (1) + a head count of 4 = 5 registered = the session's 5 人次: accepted.
        var r = try importAttendance(store, tmp, "a.csv", """
        session_id,party_org_id,person_name,role,head_count
        1,1,张三,书记,1
        1,2,,党员,4

        """)
        XCTAssertEqual(r.bad.map(\.row), [])
        XCTAssertEqual(r.inserted, 2)
        // Another head count of 2 would make 7 registered > 5 人次, though nobody in it is named: refused.
        r = try importAttendance(store, tmp, "b.csv", """
        session_id,party_org_id,person_name,role,head_count
        1,1,,群众,2

        """)
        XCTAssertEqual(r.inserted, 0)
        XCTAssertEqual(r.bad.flatMap(\.problems).map { "\($0.row) \($0.column ?? "-") \($0.reason)" },
                       ["2 head_count 培训“专题党课”的人次（5）不能少于登记的参训人员（7）"])
        XCTAssertEqual(try store.read { try TrainingAttendance.fetchCount($0) }, 2)
    }

    func testCheckCountsHeadCountRows() throws {
        let tmp = TempDir()
        let store = try prepare(tmp)
        // Written around the forms: 3 named + a head count of 4 = 7 registered against 5 人次.
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO training_attendance(session_id, party_org_id, person_name, role, head_count)
                VALUES (1, 1, '张三', '书记', 3), (1, 2, NULL, '党员', 4)
                """)
        }
        let r = try store.check(today: today)
        XCTAssertEqual(r.findings.filter { $0.rule == "validation" }.map { "\($0.entity)#\($0.id) \($0.message)" },
                       ["training_session#1 人次（5）不能少于登记的参训人员（7）"])
    }

    /// The end date (added by the training panel) is a column of the ledger: exported, and read back unchanged.
    func testTheEndDateRoundTrips() throws {
        let tmp = TempDir()
        let store = try prepare(tmp)
        let csv = String(decoding: try LedgerExport.csv(.trainingSessions, store: store), as: UTF8.self)
        XCTAssertEqual(csv.split(separator: "\n").map(String.init), [
            "id,date,title,type,mode,organizer,audience,region_code,person_times,hours,end_date",
            "1,2026-10-10,专题党课,专题党课,线下,,,,5,2,2026-10-11",
        ])
        let r = try importAttendance(store, tmp, "sessions.csv", csv, kind: .trainingSessions)
        XCTAssertEqual([r.inserted, r.updated, r.unchanged], [0, 0, 1])
        XCTAssertEqual(try store.read { try TrainingSession.fetchOne($0, key: 1) }?.endDate, Day("2026-10-11"))
    }
}
