import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// Keyboard data entry in the coverage panel: units, party organizations (a joint branch and its units in one
/// transaction), instructors, assignment, validation, deleting with confirmation, undo, refused concurrent edits.
final class CoverageEntryTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("e.sqlite"))
        try Fixture.make().load(into: store)
    }

    func snapshot(_ keys: String, _ w: Int = 80, _ h: Int = 24) throws -> [String] {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today), panel: .coverage, width: w, height: h, keys: k)
        }
    }

    func unit(named name: String) throws -> OrgUnit? {
        try store.read { try OrgUnit.filter(Column("name") == name).fetchOne($0) }
    }

    func feed(_ form: Form, _ script: String) throws -> Form.Outcome {
        var last = Form.Outcome.editing
        for k in try Key.parseScript(script) {
            last = MainActor.assumeIsolated { form.handle(k) }
            if last != .editing { break }
        }
        return last
    }

    static let addUnit = "a \"东湖新材料科技有限公司\" Tab Tab Tab \"制造业\" Tab Enter \"东湖街道\" Enter Tab \"东湖路1号\" Tab C-u \"30\" Tab C-u \"2\" C-s"

    /// The panel keeps its unit scan as the saved coverage summary (issue 8), on its first load and again after a
    /// save changes the units; the next start reads it and draws exactly what a start that scans draws.
    func testThePanelSavesTheCoverageSummaryAndTheNextStartReadsIt() throws {
        let tree = RegionTree(try store.regions())
        func savedHolds() throws -> Bool { try store.coverageRollup(scope: .default, today: today, tree: tree).unsaved == nil }
        XCTAssertFalse(try savedHolds())
        let scanned = try snapshot("", 120, 40)
        XCTAssertTrue(try savedHolds(), "saved after the first load")
        XCTAssertEqual(try snapshot("", 120, 40), scanned)

        _ = try snapshot(Self.addUnit)
        XCTAssertTrue(try savedHolds(), "saved again after the new unit")
        XCTAssertEqual(try store.coverageRollup(scope: .default, today: today, tree: tree).now.counts("990100").inScope, 12)
        let fromSummary = try snapshot("", 120, 40)
        try store.forgetSavedFigures()
        XCTAssertEqual(try snapshot("", 120, 40), fromSummary)
        XCTAssertTrue(fromSummary.contains { $0.contains("41.67") }, fromSummary.joined(separator: "\n"))
        // The overview, started first, saves it too.
        try store.forgetSavedFigures()
        let s = store!
        let overview = MainActor.assumeIsolated { Snapshot.render(ctx: AppContext(store: s, today: today), panel: .overview, width: 120, height: 40, keys: []) }
        XCTAssertTrue(try savedHolds(), "saved by the overview")
        XCTAssertEqual(MainActor.assumeIsolated { Snapshot.render(ctx: AppContext(store: s, today: today), panel: .overview, width: 120, height: 40, keys: []) },
                       overview)
    }

    /// A unit typed in from the keyboard (as `liangxin snapshot --keys …` does): the row and its audit row land in
    /// the database and the rates move. By hand: 12 in scope, 5 with an organization → 41.67% (was 45.45%); last
    /// year is unchanged (the unit registered today) so the change is 41.67 − 30.00 = +11.67; 东湖区 4/7 = 57.14%.
    func testAddingAUnitFromTheKeyboardMovesTheRates() throws {
        let lines = try snapshot(Self.addUnit)
        let u = try XCTUnwrap(try unit(named: "东湖新材料科技有限公司"))
        XCTAssertEqual(u.regionCode, "990102001")
        XCTAssertEqual(u.industry, "制造业")
        XCTAssertEqual(u.address, "东湖路1号")
        XCTAssertEqual(u.staff, 30)
        XCTAssertEqual(u.fullMembers, 2)
        XCTAssertEqual(u.category, .privateEnterprise)
        XCTAssertEqual(u.registered, today)
        let audit = try store.history(entity: "unit", id: u.id!)
        XCTAssertEqual(audit.map(\.action), ["insert"])
        XCTAssertEqual(audit[0].source, "form")
        XCTAssertTrue(audit[0].after?.contains("东湖新材料科技有限公司") == true)
        XCTAssertEqual(lines[4], "│示例市    12    1    3    1      3      4 ███▍░░░░  41.67 +11.67   8.33  66.67│")
        XCTAssertEqual(lines[5], "│ 东湖区    7    1    3    0      1      2 ████▋░░░  57.14  +7.14  14.29  71.43│")
        XCTAssertTrue(lines[23].contains("已新增：东湖新材料科技有限公司"), lines[23])
        XCTAssertTrue(lines[21].contains("b无组织无指导员4"), lines[21])
    }

    /// Then a joint branch for it, from the keyboard: find it with `/`, `p` opens a new organization with the unit
    /// picked (fewer than 3 members → 联合组建 / 联合党支部 offered), tick 东湖商贸 too, save. Both units get the
    /// organization and its founding date in the same transaction; the city goes to 7/12 = 58.33%.
    func testAJointBranchForTheNewUnitFromTheKeyboard() throws {
        let keys = Self.addUnit + " v v / \"新材料\" Enter p \"东湖新材料联合党支部\" Tab Tab Tab Enter \"商贸\" Space Enter C-s v v"
        let lines = try snapshot(keys)
        let org = try XCTUnwrap(try store.read { try PartyOrg.filter(Column("name") == "东湖新材料联合党支部").fetchOne($0) })
        XCTAssertEqual(org.formation, .joint)
        XCTAssertEqual(org.orgType, .jointBranch)
        XCTAssertEqual(org.regionCode, "990102001")
        XCTAssertEqual(org.founded, today)
        let a = try XCTUnwrap(try unit(named: "东湖新材料科技有限公司"))
        let b = try XCTUnwrap(try unit(named: "东湖商贸"))
        XCTAssertEqual(a.partyOrgId, org.id)
        XCTAssertEqual(b.partyOrgId, org.id)
        XCTAssertEqual(b.orgSince, today)
        // One save, one transaction: the organization's insert and both units' updates carry the same time and source.
        let rows = try store.read { try AuditEntry.filter(Column("source") == "form").order(Column("id")).fetchAll($0) }
        XCTAssertEqual(rows.suffix(3).map { "\($0.entity) \($0.action)" }, ["party_org insert", "unit update", "unit update"])
        XCTAssertEqual(lines[4], "│示例市    12    1    5    1      3      2 ████▋░░░  58.33 +28.33   8.33  83.33│")
    }

    func testPartyOrgValidationMessages() throws {
        let s = store!
        // An own branch needs 3 正式党员; a bad phone is refused next to its field; nothing is saved.
        let form = MainActor.assumeIsolated { PartyOrgForm.make(AppContext(store: s, today: today), regionCode: "990102001") }
        XCTAssertEqual(try feed(form, "\"测试党支部\" Tab Tab Tab Tab Tab Tab \"张三\" Tab \"12345\" Tab Tab C-u \"2\" C-s"), .editing)
        MainActor.assumeIsolated {
            XCTAssertEqual(form.issue(for: "fullMembers")?.message(.zh), "正式党员：单独组建需至少3名")
            XCTAssertEqual(form.issue(for: "secretaryPhone")?.message(.zh), "书记电话：格式不对（手机11位，或区号-号码）")
            var buf = Buffer(width: 120, height: 40)
            form.render(into: &buf, area: buf.area)
            XCTAssertTrue(buf.text.contains("✗ 正式党员：单独组建需至少3名"), buf.text)
            XCTAssertTrue(buf.text.contains("有2处需要修改，未保存"), buf.text)
        }
        XCTAssertEqual(try store.read { try PartyOrg.filter(Column("name") == "测试党支部").fetchCount($0) }, 0)

        // A joint branch over 6 units and with 51 members: two warnings the user confirms.
        let units: [Int64] = [2, 3, 4, 5, 6, 12]
        let joint = MainActor.assumeIsolated { PartyOrgForm.make(AppContext(store: s, today: today), units: units) }
        MainActor.assumeIsolated {
            XCTAssertEqual(joint.values["formation"], "联合组建")
            XCTAssertEqual(joint.values["regionCode"], "990102001")
        }
        XCTAssertEqual(try feed(joint, "\"大联合党支部\" Tab Tab Tab Tab Tab Tab Tab Tab Tab C-u \"51\" C-s"), .editing)
        let text = MainActor.assumeIsolated { () -> String in
            var buf = Buffer(width: 120, height: 40)
            joint.render(into: &buf, area: buf.area)
            return buf.text
        }
        XCTAssertTrue(text.contains("联合党支部覆盖6家单位，超过5家"), text)
        XCTAssertTrue(text.contains("党支部党员超过50名，应考虑设立党总支"), text)
        XCTAssertTrue(text.contains("3家单位已属于其他党组织"), text)   // 2, 3, 4 are in 东湖商圈联合党支部
        XCTAssertTrue(text.contains("仍要保存？"), text)
        let out = try feed(joint, "Enter")
        guard case .saved(let msg) = out else { return XCTFail("\(out)") }
        XCTAssertEqual(msg, "已新增党组织：大联合党支部（覆盖6家单位，新纳入6家）")
        let org = try XCTUnwrap(try store.read { try PartyOrg.filter(Column("name") == "大联合党支部").fetchOne($0) })
        XCTAssertEqual(try store.unitIds(partyOrg: org.id!).sorted(), units)
        XCTAssertEqual(try store.unitIds(partyOrg: 2), [])
    }

    /// Saving a joint branch with its units is one change: `u` takes back the organization and every unit's link.
    func testAJointBranchAndItsUnitsUndoTogether() throws {
        let s = store!
        try MainActor.assumeIsolated {
            let ctx = AppContext(store: s, today: today)
            let form = PartyOrgForm.make(ctx, units: [6, 12])
            for k in try Key.parseScript("\"东湖西岭联合党支部\" C-s") { _ = form.handle(k) }
            XCTAssertEqual(ctx.undoStack.count, 1)
            XCTAssertEqual(ctx.undoStack[0].count, 3)   // the org's insert, two units' updates
            XCTAssertNotNil(try s.fetch(OrgUnit.self, id: 6)?.partyOrgId)
            ctx.undoLast()
            XCTAssertEqual(ctx.status, "已撤销上一次修改")
            XCTAssertNil(try s.fetch(OrgUnit.self, id: 6)?.partyOrgId)
            XCTAssertNil(try s.fetch(OrgUnit.self, id: 12)?.orgSince)
        }
        XCTAssertEqual(try store.read { try PartyOrg.filter(Column("name") == "东湖西岭联合党支部").fetchCount($0) }, 0)
    }

    /// An instructor linked to 6 and 12 (both uncovered) gives them work coverage: 工作覆盖率 10/11 = 90.91%.
    func testInstructorFormLinksUnits() throws {
        let s = store!
        let form = MainActor.assumeIsolated { InstructorForm.make(AppContext(store: s, today: today), units: [6, 12]) }
        let out = try feed(form, "\"李红\" Tab \"13912345678\" Tab \"东湖街道党工委\" Tab Space Tab Right C-s")
        XCTAssertEqual(out, .saved("已新增指导员：李红（联系2家单位，新增2家）"))
        let ins = try XCTUnwrap(try store.read { try Instructor.filter(Column("name") == "李红").fetchOne($0) })
        XCTAssertTrue(ins.fullTime)
        XCTAssertEqual(ins.visitFrequency, .weekly)
        XCTAssertEqual(try store.fetch(OrgUnit.self, id: 12)?.instructorId, ins.id)
        XCTAssertEqual(try store.fetch(OrgUnit.self, id: 12)?.instructorSince, today)
        XCTAssertEqual(try store.overview(today: today).coverage[.all]?.workRate.text, "90.91%")
        // A bad phone is an error next to the field.
        let bad = MainActor.assumeIsolated { InstructorForm.make(AppContext(store: s, today: today)) }
        XCTAssertEqual(try feed(bad, "\"王五\" Tab \"0001\" C-s"), .editing)
        MainActor.assumeIsolated { XCTAssertEqual(bad.issue(for: "phone")?.severity, .error) }
    }

    /// `A` assigns an organization: 东湖商贸 into 东湖商圈联合党支部 (then 4 units, no warning) → joint; an own
    /// branch that already covers a unit asks first.
    func testAssigningAPartyOrganizationToAUnit() throws {
        let lines = try snapshot("b A Enter \"商圈\" Enter C-s")
        XCTAssertTrue(lines[23].contains("已保存：东湖商贸"), lines[23])
        let u = try XCTUnwrap(try store.fetch(OrgUnit.self, id: 6))
        XCTAssertEqual(u.partyOrgId, 2)
        XCTAssertEqual(u.orgSince, today)
        XCTAssertEqual(try store.history(entity: "unit", id: 6).map(\.action), ["insert", "update"])
        let s = store!
        let form = MainActor.assumeIsolated { AssignForm.make(AppContext(store: s, today: today), unit: try! s.fetch(OrgUnit.self, id: 12)!) }
        XCTAssertEqual(try feed(form, "Enter \"恒远\" Enter C-s"), .editing)
        let text = MainActor.assumeIsolated { () -> String in
            var buf = Buffer(width: 100, height: 30)
            form.render(into: &buf, area: buf.area)
            return buf.text
        }
        XCTAssertTrue(text.contains("是单独组建的党组织，已覆盖其他单位"), text)
    }

    /// Another terminal saves the same unit while its form is open in the panel: the save is refused with a message,
    /// the typed text stays, and the other person's change is kept.
    func testAConcurrentEditIsRefusedThroughThePanel() throws {
        let s = store!
        let other = try Store(path: store.path)
        try MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today), start: .coverage)
            for k in try Key.parseScript("w Enter m") { app.update(.key(k)) }
            var theirs = try XCTUnwrap(try other.fetch(OrgUnit.self, id: 3))
            theirs.staff = 99
            try other.write { try $0.update(&theirs) }
            for k in try Key.parseScript("End \"（改）\" C-s") { app.update(.key(k)) }
            let text = app.render(width: 100, height: 30).text
            XCTAssertTrue(text.contains("已被他人修改"), text)
            XCTAssertTrue(text.contains("东湖书店（改）"), text)
        }
        XCTAssertEqual(try store.fetch(OrgUnit.self, id: 3)?.name, "东湖书店")
        XCTAssertEqual(try store.fetch(OrgUnit.self, id: 3)?.staff, 99)
    }

    /// `d` asks first (Cancel is the default), `y` deletes, `u` restores the unit with its links, and the figures
    /// follow: 11 → 10 → 11 units.
    func testDeleteAsksAndUndoRestores() throws {
        var lines = try snapshot("b d")
        XCTAssertTrue(lines.joined().contains("删除单位“东湖商贸”？（可用 u 撤销）"))
        lines = try snapshot("b d Enter")   // Enter on the default 取消
        XCTAssertNotNil(try store.fetch(OrgUnit.self, id: 6))
        let s = store!
        try MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today), start: .coverage)
            for k in try Key.parseScript("b d y") { app.update(.key(k)) }
            XCTAssertNil(try s.fetch(OrgUnit.self, id: 6))
            XCTAssertEqual(app.ctx.status, "已删除：东湖商贸（u 撤销）")
            for k in try Key.parseScript("Backspace") { app.update(.key(k)) }
            XCTAssertTrue(app.render(width: 80, height: 24).lines()[4].hasPrefix("│示例市    10"))
            app.update(.key(.char("u")))
            XCTAssertEqual(try s.fetch(OrgUnit.self, id: 6)?.name, "东湖商贸")
            XCTAssertTrue(app.render(width: 80, height: 24).lines()[4].hasPrefix("│示例市    11"))
        }
        XCTAssertEqual(try store.history(entity: "unit", id: 6).map(\.action), ["insert", "delete", "restore"])
    }

    /// Deleting a party organization from a unit's detail clears its units through the ledger, so undo puts the
    /// organization and every link back.
    func testDeletingAPartyOrgAndUndo() throws {
        let s = store!
        try MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today), start: .coverage)
            // 东湖书店's detail, d, choose 党组织 (one left of the default 取消), confirm.
            for k in try Key.parseScript("w Enter d") { app.update(.key(k)) }
            XCTAssertTrue(app.render(width: 100, height: 30).text.contains("删除哪一项？"))
            for k in try Key.parseScript("Left Enter") { app.update(.key(k)) }
            XCTAssertTrue(app.render(width: 100, height: 30).text.contains("删除党组织“东湖商圈联合党支部”"))
            app.update(.key(.char("y")))
            XCTAssertNil(try s.fetch(PartyOrg.self, id: 2))
            XCTAssertNil(try s.fetch(OrgUnit.self, id: 2)?.partyOrgId)
            app.update(.key(.char("u")))
            XCTAssertEqual(try s.fetch(PartyOrg.self, id: 2)?.name, "东湖商圈联合党支部")
            XCTAssertEqual(try s.unitIds(partyOrg: 2).sorted(), [2, 3, 4])
            XCTAssertEqual(try s.fetch(OrgUnit.self, id: 4)?.orgSince, Day("2026-02-01"))
        }
    }
}

extension CoverageEntryTests {
    /// Add a unit, then a joint branch for it, then `u` twice: the branch goes (the unit's link with it), then the
    /// unit. Undoing the branch bumped the unit's version; that must not block undoing the unit's insert.
    func testUndoTwiceTakesBackTheBranchThenTheUnit() throws {
        let s = store!
        let named: @Sendable (String) throws -> OrgUnit? = { n in try s.read { try OrgUnit.filter(Column("name") == n).fetchOne($0) } }
        try MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today), start: .coverage)
            let keys = Self.addUnit + " v v / \"新材料\" Enter p \"东湖新材料联合党支部\" Tab Tab Tab Enter \"商贸\" Space Enter C-s"
            for k in try Key.parseScript(keys) { app.update(.key(k)) }
            // The selection stays on the new unit after the save although the list was read again.
            // (the filter now also finds 东湖商贸 through the branch's name, sorted before it).
            _ = app.render(width: 80, height: 24)
            let panel = try XCTUnwrap(app.activePanel as? CoveragePanel)
            XCTAssertEqual(panel.list.total, 2)
            XCTAssertEqual(panel.list.selectedRow?.name, "东湖新材料科技有限公司")
            XCTAssertNotNil(try named("东湖新材料科技有限公司")?.partyOrgId)
            app.update(.key(.char("u")))
            XCTAssertEqual(app.ctx.status, "已撤销上一次修改")
            XCTAssertNil(try named("东湖新材料科技有限公司")?.partyOrgId)
            XCTAssertNil(try named("东湖商贸")?.partyOrgId)
            app.update(.key(.char("u")))
            XCTAssertEqual(app.ctx.status, "已撤销上一次修改")
            XCTAssertNil(try named("东湖新材料科技有限公司"))
        }
        // Undo still refuses when someone else changed the content since.
        try MainActor.assumeIsolated {
            let ctx = AppContext(store: s, today: today)
            var u = try XCTUnwrap(try s.fetch(OrgUnit.self, id: 6))
            u.staff = 10
            try ctx.write { try $0.update(&u) }
            var theirs = u
            theirs.address = "别人改的地址"
            try s.write { try $0.update(&theirs) }
            ctx.undoLast()
            XCTAssertTrue(ctx.statusIsError)
            XCTAssertEqual(try s.fetch(OrgUnit.self, id: 6)?.staff, 10)
        }
    }
}
