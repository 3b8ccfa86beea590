import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private var count = 0
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
    func bump() { lock.lock(); count += 1; lock.unlock() }
    var writes: Int { lock.lock(); defer { lock.unlock() }; return count }
}

final class MaintenanceTests: XCTestCase {
    /// A backup taken while another connection keeps writing is one consistent instant: every unit in it has its
    /// audit row (the two are written in one transaction), and it passes the integrity check.
    func testBackupWhileAnotherConnectionWrites() throws {
        let tmp = TempDir()
        let path = tmp.file("live.sqlite")
        let store = try Store(path: path)
        try Fixture.make().load(into: store)
        let baseUnits = try store.read { try OrgUnit.fetchCount($0) }
        let baseAudit = try store.read { try AuditEntry.fetchCount($0) }

        let writer = try Store(path: path)   // another connection, as another user's program would hold
        let stop = Flag()
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var n = 0
            while !stop.isSet || n < 20 {
                n += 1
                try? writer.write(source: "writer") { l in
                    var u = OrgUnit(name: "并发写入\(n)", category: .privateEnterprise, regionCode: "990102001", staff: n)
                    try l.insert(&u)
                }
                stop.bump()
                if n == 5 { started.signal() }
            }
            done.signal()
        }
        started.wait()
        let info = try store.backup(to: tmp.file("backup.sqlite"))
        stop.set()
        done.wait()
        XCTAssertGreaterThan(stop.writes, 5)
        XCTAssertFalse(FileManager.default.fileExists(atPath: info.path + "-wal"), "one self-contained file")

        let copy = try Store(path: info.path)
        let units = try copy.read { try OrgUnit.fetchCount($0) }
        let audits = try copy.read { try AuditEntry.fetchCount($0) }
        XCTAssertGreaterThanOrEqual(units, baseUnits + 5)
        XCTAssertEqual(units - baseUnits, audits - baseAudit, "each unit with its audit row: one instant")
        XCTAssertEqual(try copy.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }, ["ok"])
        XCTAssertEqual(info.units, units)
        let perms = try FileManager.default.attributesOfItem(atPath: info.path)[.posixPermissions] as? Int
        XCTAssertEqual(perms, 0o600)

        XCTAssertThrowsError(try store.backup(to: info.path)) { e in XCTAssertTrue("\(e)".contains("已存在")) }
    }

    /// Restore checks the file first, keeps the replaced database as a dated copy, and brings back the figures.
    func testRestoreBringsBackTheFiguresAndKeepsTheReplacedDatabase() throws {
        let tmp = TempDir()
        let path = tmp.file("main.sqlite")
        let store = try SampleDB.copy(to: path)
        let figures = try store.overview(today: today)
        try store.backup(to: tmp.file("b.sqlite"))

        try store.write(source: "mistake") { l in try l.delete(OrgUnit.self, id: 1) }
        XCTAssertNotEqual(try store.overview(today: today).unitsTotal, figures.unitsTotal)

        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let info = try Store.restore(from: tmp.file("b.sqlite"), to: path, now: now)
        let copy = try XCTUnwrap(info.replacedCopy)
        XCTAssertTrue(copy.hasPrefix(tmp.file("main-replaced-")) && copy.hasSuffix(".sqlite"), copy)
        // The open store (another user's connection) sees the restored data.
        let after = try store.overview(today: today)
        XCTAssertEqual(after.unitsTotal, figures.unitsTotal)
        XCTAssertEqual(after.coverage[.all], figures.coverage[.all])
        XCTAssertEqual(after.trainingThisYear, figures.trainingThisYear)
        XCTAssertEqual(after.stars, figures.stars)
        // The dated copy holds what was replaced.
        let replaced = try Store(path: copy)
        XCTAssertEqual(try replaced.read { try OrgUnit.fetchCount($0) }, figures.unitsTotal - 1)
    }

    func testRestoreRefusesFilesThatAreNotAGoodLiangxinDatabase() throws {
        let tmp = TempDir()
        let path = tmp.file("main.sqlite")
        let store = try Store(path: path)
        try Fixture.make().load(into: store)
        let text = tmp.file("notes.txt")
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Store.restore(from: text, to: path)) { e in XCTAssertEqual(e as? StoreError, .notSQLite(path: text)) }
        let other = tmp.file("other.sqlite")
        let q = try DatabaseQueue(path: other)
        try q.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        try q.close()
        XCTAssertThrowsError(try Store.restore(from: other, to: path)) { e in XCTAssertEqual(e as? StoreError, .notLiangxin(path: other)) }
        // A damaged backup: every page after the first overwritten (the header and schema still read).
        let info = try store.backup(to: tmp.file("b.sqlite"))
        let h = try XCTUnwrap(FileHandle(forUpdatingAtPath: tmp.file("b.sqlite")))
        try h.seek(toOffset: 4096)
        h.write(Data(repeating: 0xA5, count: info.bytes - 4096))
        try h.close()
        XCTAssertThrowsError(try Store.restore(from: tmp.file("b.sqlite"), to: path))
        // Nothing was replaced, no copy was made.
        XCTAssertEqual(try store.read { try OrgUnit.fetchCount($0) }, 12)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.contains("replaced") }
        XCTAssertEqual(leftovers, [])
    }

    /// The fixture already holds one inconsistency (unit 9 operating under revoked org 4); plant the others and
    /// check each is found with its record.
    func testCheckFindsPlantedInconsistencies() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("c.sqlite"))
        try Fixture.make().load(into: store)
        var report = try store.check(today: today)
        XCTAssertEqual(report.findings.map { "\($0.rule) \($0.entity)#\($0.id)" }, ["unitInRevokedOrg unit#9"])
        XCTAssertEqual(report.findings[0].message, "运营中单位所属党组织“已撤销党支部”（#4）已撤销")

        try store.write(source: "plant") { l in
            var empty = PartyOrg(name: "空的联合党支部", orgType: .jointBranch, formation: .joint, regionCode: "990102001", fullMembers: 3)
            try l.insert(&empty)
            var org1 = try PartyOrg.fetchOne(l.db, key: 1)!
            org1.probationaryMembers = 9   // more probationary than full, and no longer equal to its one unit
            try l.update(&org1)
            var org2 = try PartyOrg.fetchOne(l.db, key: 2)!
            org2.fullMembers = 2           // its units hold 0 + 3 + 1 = 4
            try l.update(&org2)
        }
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE unit SET instructor_id = 77 WHERE id = 6")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        report = try store.check(today: today)
        XCTAssertEqual(report.integrity, [])
        XCTAssertEqual(report.foreignKeys.map { "\($0.entity)#\($0.id)" }, ["unit#6"])
        XCTAssertEqual(report.findings.map { "\($0.rule) \($0.entity)#\($0.id)" }.sorted(), [
            "jointWithoutUnits party_org#6",
            "ownMembersDiffer party_org#1",
            "probationaryExceedsFull party_org#1",
            "unitInRevokedOrg unit#9",
            "unitMembersExceedOrg party_org#2",
        ])
        XCTAssertFalse(report.isClean)
        XCTAssertEqual(report.count, 6)
    }

    func testTheSampleCityHasFiveKnownFindings() throws {
        let tmp = TempDir()
        let store = try SampleDB.copy(to: tmp.file("s.sqlite"))
        let r = try store.check(today: today)
        XCTAssertTrue(r.integrity.isEmpty && r.foreignKeys.isEmpty)
        // Counted in the CSVs: 3 operating units under a revoked organization; 2 joint branches whose units hold
        // more members than the branch (467: 9 > 7; 569: 5 > 3).
        XCTAssertEqual(r.findings.map { "\($0.rule) \($0.entity)#\($0.id)" }.sorted(), [
            "unitInRevokedOrg unit#1152", "unitInRevokedOrg unit#1573", "unitInRevokedOrg unit#230",
            "unitMembersExceedOrg party_org#467", "unitMembersExceedOrg party_org#569",
        ])
    }
}
