import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// `station_log_month` (migration v2-stations) holds each station's services per month: it must equal the logs
/// grouped by month after every kind of write, and a file made before it gets it filled in.
final class StationMonthTests: XCTestCase {
    /// (station, month) pairs whose stored total differs from the logs' sum (a missing row counts as 0).
    func mismatches(_ s: Store) throws -> Int {
        try s.read { try Int.fetchOne($0, sql: """
            WITH logs AS (SELECT station_id, substr(date, 1, 7) AS month, SUM(count) AS total FROM station_log GROUP BY 1, 2),
                 keys AS (SELECT station_id, month FROM logs UNION SELECT station_id, month FROM station_log_month)
            SELECT COUNT(*) FROM keys k
            WHERE COALESCE((SELECT total FROM logs g WHERE g.station_id = k.station_id AND g.month = k.month), 0)
                  <> COALESCE((SELECT total FROM station_log_month m WHERE m.station_id = k.station_id AND m.month = k.month), 0)
            """)! }
    }

    func testEveryWritePathKeepsTheMonthTotalsRight() throws {
        let tmp = TempDir()
        let s = try Store(path: tmp.file("sample.sqlite"))
        _ = try CSVSet.load(directory: SampleDataTests.sampleDir, into: s, today: today)
        XCTAssertEqual(try mismatches(s), 0)
        XCTAssertGreaterThan(try s.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM station_log_month")! }, 100)

        // The quick-log and the log form (insert, change of date and count, a move to another station), then undo.
        let ids = try s.read { try Int64.fetchAll($0, sql: "SELECT id FROM station ORDER BY id LIMIT 2") }
        var log = StationLog(stationId: ids[0], date: Day("2026-11-21")!, count: 13)
        try s.write(source: "test") { l in try l.insert(&log) }
        XCTAssertEqual(try mismatches(s), 0)
        log.date = Day("2026-10-02")!
        log.count = 4
        log.stationId = ids[1]
        let undo = try s.write(source: "test") { l -> [Int64] in try l.update(&log); return l.written.ids }
        XCTAssertEqual(try mismatches(s), 0)
        try s.undo(auditIds: undo)
        XCTAssertEqual(try mismatches(s), 0)
        try s.write(source: "test") { l in try l.delete(StationLog.self, id: log.id!) }
        XCTAssertEqual(try mismatches(s), 0)

        // A station deleted with its logs; raw SQL on the file.
        try s.write(source: "test") { l in
            try l.db.execute(sql: "DELETE FROM station_log WHERE station_id = ? AND id % 2 = 0", arguments: [ids[1]])
            try l.delete(Station.self, id: ids[1])
        }
        XCTAssertEqual(try mismatches(s), 0)
        try s.pool.write { db in
            try db.execute(sql: "UPDATE station_log SET count = count + 1, date = '2026-02-' || substr(date, 9, 2) WHERE id % 5 = 0")
            try db.execute(sql: "DELETE FROM station_log WHERE id % 7 = 0")
        }
        XCTAssertEqual(try mismatches(s), 0)
    }

    func testTheMigrationFillsTheTotalsOfAnOlderFile() throws {
        let tmp = TempDir()
        let path = tmp.file("v1.sqlite")
        do {
            let q = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(q, upTo: "v2-stars")
            try q.write { db in
                try db.execute(sql: """
                    INSERT INTO region(code, name, level) VALUES ('990100', '示例市', 2);
                    INSERT INTO station(id, name, kind, region_code, hours, services, status) VALUES (1, '甲驿站', '爱心驿站', '990100', '24h', '休息', '运行');
                    INSERT INTO station_log(station_id, date, count) VALUES (1, '2026-03-01', 5), (1, '2026-03-31', 7), (1, '2026-04-01', 1);
                    """)
            }
            try q.close()
        }
        let s = try Store(path: path)
        let rows = try s.read { try Row.fetchAll($0, sql: "SELECT month, total FROM station_log_month ORDER BY month") }
        XCTAssertEqual(rows.map { "\($0[0] as String)=\($0[1] as Int)" }, ["2026-03=12", "2026-04=1"])
        XCTAssertEqual(try mismatches(s), 0)
    }
}
