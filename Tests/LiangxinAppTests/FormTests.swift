import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// The form machinery, driven key by key through the unit form.
final class FormTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("f.sqlite"))
        try Fixture.make().load(into: store)
    }

    func feed(_ form: Form, _ script: String) throws -> Form.Outcome {
        var last = Form.Outcome.editing
        for k in try Key.parseScript(script) {
            last = MainActor.assumeIsolated { form.handle(k) }
            if last != .editing { break }
        }
        return last
    }

    func testAddingAUnitTypedInChineseLandsWithItsAuditRow() throws {
        let s = store!
        let (ctx, form) = MainActor.assumeIsolated { () -> (AppContext, Form) in
            let ctx = AppContext(store: s, today: today)
            return (ctx, UnitForm.make(ctx, regionCode: "990102001"))
        }
        // Name, then a valid credit code (check character computed below), category stays 私营企业.
        let first17 = "91990102MA1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        let out = try feed(form, "\"恒信电子（东湖）有限公司\" Tab \"\(code)\" Tab Tab \"制造业\" Tab Tab \"长安路8号\" Tab C-u \"56\" Tab C-u \"4\" C-s")
        XCTAssertEqual(out, .saved("已新增：恒信电子（东湖）有限公司"))
        let u = try XCTUnwrap(try store.read { try OrgUnit.filter(Column("name") == "恒信电子（东湖）有限公司").fetchOne($0) })
        XCTAssertEqual(u.creditCode, code)
        XCTAssertEqual(u.staff, 56)
        XCTAssertEqual(u.fullMembers, 4)
        XCTAssertEqual(u.address, "长安路8号")
        XCTAssertEqual(u.regionCode, "990102001")
        let audit = try store.history(entity: "unit", id: u.id!)
        XCTAssertEqual(audit.map(\.action), ["insert"])
        XCTAssertEqual(audit[0].source, "form")
        MainActor.assumeIsolated { XCTAssertEqual(ctx.undoStack.count, 1) }
    }

    func testValidationBlocksTheSaveAndShowsTheMessageNextToTheField() throws {
        let s = store!
        let form = MainActor.assumeIsolated { UnitForm.make(AppContext(store: s, today: today), regionCode: "990102001") }
        let out = try feed(form, "\"错误代码公司\" Tab \"91990102MA12345670\" C-s")
        XCTAssertEqual(out, .editing)
        let lines = MainActor.assumeIsolated { () -> [String] in
            XCTAssertEqual(form.focusedField.key, "creditCode", "focus goes to the first bad field")
            XCTAssertEqual(form.issue(for: "creditCode")?.severity, .error)
            var buf = Buffer(width: 120, height: 40)
            form.render(into: &buf, area: buf.area)
            return buf.lines()
        }
        XCTAssertTrue(lines.contains { $0.contains("统一社会信用代码") && $0.contains("✗ 统一社会信用代码：校验位应为") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("有1处需要修改，未保存") })
        XCTAssertEqual(try store.read { try OrgUnit.filter(Column("name") == "错误代码公司").fetchCount($0) }, 0)
    }

    func testEscAsksBeforeDiscardingAndKeepsEditingOnNo() throws {
        let s = store!
        let form = MainActor.assumeIsolated { UnitForm.make(AppContext(store: s, today: today), regionCode: "990102001") }
        XCTAssertEqual(try feed(form, "\"半途\" Esc"), .editing)
        let text = MainActor.assumeIsolated { () -> String in
            var buf = Buffer(width: 100, height: 30)
            form.render(into: &buf, area: buf.area)
            return buf.text
        }
        XCTAssertTrue(text.contains("表单有未保存的修改，确定放弃？"))
        XCTAssertEqual(try feed(form, "n"), .editing)
        MainActor.assumeIsolated { XCTAssertEqual(form.values["name"], "半途") }
        XCTAssertEqual(try feed(form, "Esc y"), .cancelled)
        // An untouched form closes at once.
        let clean = MainActor.assumeIsolated { UnitForm.make(AppContext(store: s, today: today)) }
        XCTAssertEqual(try feed(clean, "Esc"), .cancelled)
    }

    func testPickListsAndWarningsNeedConfirmation() throws {
        let s = store!
        let form = MainActor.assumeIsolated { UnitForm.make(AppContext(store: s, today: today), regionCode: "990102001") }
        // Category picked from the list by typing part of it; members more than staff is a warning.
        _ = try feed(form, "\"小微测试\" Tab Tab Enter \"律师\" Enter Tab Tab Tab Tab C-u \"2\" Tab C-u \"5\"")
        MainActor.assumeIsolated { XCTAssertEqual(form.values["category"], "律师事务所") }
        XCTAssertEqual(try feed(form, "C-s"), .editing)
        let text = MainActor.assumeIsolated { () -> String in
            var buf = Buffer(width: 100, height: 30)
            form.render(into: &buf, area: buf.area)
            return buf.text
        }
        XCTAssertTrue(text.contains("党员数（5）多于在岗职工（2）"), text)
        XCTAssertTrue(text.contains("仍要保存？"))
        XCTAssertEqual(try feed(form, "Enter"), .saved("已新增：小微测试"))
        let u = try XCTUnwrap(try store.read { try OrgUnit.filter(Column("name") == "小微测试").fetchOne($0) })
        XCTAssertEqual(u.category, .lawFirm)
        XCTAssertEqual(u.kind, .social)
    }

    func testAConcurrentEditIsRefusedAndTheFormKeepsWhatWasTyped() throws {
        let s = store!
        let unit = try XCTUnwrap(try store.fetch(OrgUnit.self, id: 6))
        let form = MainActor.assumeIsolated { UnitForm.make(AppContext(store: s, today: today), editing: unit) }
        // Someone else saves the same unit from another terminal.
        let other = try Store(path: store.path)
        var theirs = unit
        theirs.staff = 77
        try other.write { try $0.update(&theirs) }
        XCTAssertEqual(try feed(form, "End \"（新）\" C-s"), .editing)
        MainActor.assumeIsolated {
            XCTAssertTrue(form.banner?.contains("已被他人修改") == true, form.banner ?? "")
            XCTAssertEqual(form.values["name"], "东湖商贸（新）")
        }
        XCTAssertEqual(try store.fetch(OrgUnit.self, id: 6)?.staff, 77)
        XCTAssertEqual(try store.fetch(OrgUnit.self, id: 6)?.name, "东湖商贸")
    }

    func testUndoRestoresADeletedUnit() throws {
        let s = store!
        try MainActor.assumeIsolated {
            let ctx = AppContext(store: s, today: today)
            try ctx.write { try $0.delete(OrgUnit.self, id: 5) }
            XCTAssertNil(try s.fetch(OrgUnit.self, id: 5))
            ctx.undoLast()
            XCTAssertEqual(ctx.status, "已撤销上一次修改")
            XCTAssertEqual(try s.fetch(OrgUnit.self, id: 5)?.name, "东湖协会")
            ctx.undoLast()
            XCTAssertEqual(ctx.status, "本次没有可撤销的修改")
        }
        XCTAssertEqual(try store.history(entity: "unit", id: 5).map(\.action), ["insert", "delete", "restore"])
    }

    func testUndoOfAnUpdateIsRefusedWhenSomeoneChangedItSince() throws {
        let s = store!
        try MainActor.assumeIsolated {
            let ctx = AppContext(store: s, today: today)
            var u = try XCTUnwrap(try s.fetch(OrgUnit.self, id: 6))
            u.staff = 10
            try ctx.write { try $0.update(&u) }
            var later = u
            later.staff = 11
            try s.write { try $0.update(&later) }
            ctx.undoLast()
            XCTAssertTrue(ctx.statusIsError)
            XCTAssertEqual(try s.fetch(OrgUnit.self, id: 6)?.staff, 11)
        }
    }
}

