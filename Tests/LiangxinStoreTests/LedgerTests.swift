import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

final class LedgerTests: XCTestCase {
    func testRoundTripThroughARealFileWithAuditRows() throws {
        let tmp = TempDir()
        let path = tmp.file("l.sqlite")
        let store = try Store(path: path)
        try Fixture.make().load(into: store)
        var unit = OrgUnit(name: "示例市南港区恒信电子有限公司", creditCode: nil, category: .privateEnterprise, industry: "制造业",
                        regionCode: "990102001", address: "南港路8号", staff: 56, fullMembers: 4, probationaryMembers: 1,
                        legalRepMember: true, plannedDate: Day("2027-03-01"), registered: Day("2021-06-18"))
        try store.write(source: "test") { l in try l.insert(&unit) }
        let id = try XCTUnwrap(unit.id)

        // A second, independent connection reads back exactly what was written.
        let reopened = try Store(path: path)
        let back = try reopened.read { db in try OrgUnit.fetchOne(db, key: id) }
        XCTAssertEqual(back, unit)
        let raw = try reopened.read { db in try Row.fetchOne(db, sql: "SELECT category, planned_date, legal_rep_member FROM unit WHERE id = ?", arguments: [id]) }
        XCTAssertEqual(raw?["category"], "私营企业")
        XCTAssertEqual(raw?["planned_date"], "2027-03-01")

        unit.staff = 60
        try reopened.write { l in try l.update(&unit) }
        XCTAssertEqual(unit.version, 2)
        try reopened.write { l in try l.delete(OrgUnit.self, id: id) }

        let history = try reopened.history(entity: "unit", id: id)
        XCTAssertEqual(history.map(\.action), ["insert", "update", "delete"])
        XCTAssertNil(history[0].before)
        XCTAssertTrue(history[0].after!.contains("恒信电子"))
        XCTAssertTrue(history[1].before!.contains("\"staff\":56"))
        XCTAssertTrue(history[1].after!.contains("\"staff\":60"))
        XCTAssertNil(history[2].after)
        XCTAssertEqual(history[0].source, "test")
        XCTAssertEqual(history[0].actor, Ledger.osUser())
        XCTAssertFalse(history[0].actor.isEmpty)
    }

    func testAStaleSaveIsRefusedAndNothingIsOverwritten() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("c.sqlite"))
        try Fixture.make().load(into: store)
        var mine = try XCTUnwrap(try store.read { try OrgUnit.fetchOne($0, key: 6) })
        var theirs = mine
        theirs.staff = 99
        try store.write { l in try l.update(&theirs) }
        mine.name = "东湖商贸（改名）"
        XCTAssertThrowsError(try store.write { l in try l.update(&mine) }) { e in
            guard case .concurrentEdit(let entity, let id, _)? = e as? StoreError else { return XCTFail("\(e)") }
            XCTAssertEqual(entity, "unit")
            XCTAssertEqual(id, 6)
        }
        let now = try XCTUnwrap(try store.read { try OrgUnit.fetchOne($0, key: 6) })
        XCTAssertEqual(now.staff, 99)
        XCTAssertEqual(now.name, "东湖商贸")
        XCTAssertEqual(mine.name, "东湖商贸（改名）", "the form keeps what was typed")
    }

    func testFailedTransactionWritesNeitherRecordNorAudit() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("t.sqlite"))
        try Fixture.make().load(into: store)
        let auditBefore = try store.read { try AuditEntry.fetchCount($0) }
        struct Boom: Error {}
        XCTAssertThrowsError(try store.write { l in
            var u = OrgUnit(name: "中途失败", category: .privateEnterprise, regionCode: "990102001")
            try l.insert(&u)
            throw Boom()
        })
        XCTAssertEqual(try store.read { try AuditEntry.fetchCount($0) }, auditBefore)
        XCTAssertEqual(try store.read { try OrgUnit.filter(Column("name") == "中途失败").fetchCount($0) }, 0)
    }

    func testForeignKeysAreEnforced() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("fk.sqlite"))
        try Fixture.make().load(into: store)
        XCTAssertThrowsError(try store.write { l in
            var u = OrgUnit(name: "无地区", category: .privateEnterprise, regionCode: "000000")
            try l.insert(&u)
        })
    }

    func testSettingsRoundTripAndAreAudited() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("s.sqlite"))
        var s = try store.settings()
        XCTAssertEqual(s, Settings())
        s.scope = ScopeRule(minStaff: 10)
        s.idleDays = 45
        try store.save(settings: s)
        XCTAssertEqual(try store.settings(), s)
        let audits = try store.read { try AuditEntry.filter(Column("entity") == "setting:scope").fetchAll($0) }
        XCTAssertEqual(audits.count, 1)
    }
}
