import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// Data entry on the training panel driven by key scripts (as `snapshot --keys` does), the exports, and the report.
final class TrainingEntryTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!
    var savedXDG: String?

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("t.sqlite"))
        try TrainingFixture.load(into: store)
        savedXDG = ProcessInfo.processInfo.environment["XDG_DATA_HOME"]
        setenv("XDG_DATA_HOME", tmp.path, 1)
    }

    override func tearDown() {
        if let x = savedXDG { setenv("XDG_DATA_HOME", x, 1) } else { unsetenv("XDG_DATA_HOME") }
    }

    func render(_ keys: String, _ w: Int = 80, _ h: Int = 24) throws -> [String] {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today), panel: .training, width: w, height: h, keys: k)
        }
    }

    /// A 书记轮训 for 王芳 and 孙磊 (the two overdue secretaries), typed in, their names picked from the list.
    static let newRotation = """
        a C-u "2026-11-20" Tab "2026-11-21" Tab "2026年西岭区书记轮训班" Tab Enter "轮训" Enter Tab Tab "西岭区委两新工委" \
        Tab "党组织书记" Tab Tab "16" Tab Tab Space "王芳" Space C-u "孙磊" Space Enter C-s
        """

    func testASessionEnteredByKeysMovesTheTotalsAndTheCoverage() throws {
        let before = try render("")
        XCTAssertEqual(before[3], "│ 场次          7          2         +5  满56学时        █▎░░░░░░░░░ 1  11.11% │")
        let saved = try render(Self.newRotation)
        // The new session opens at once, with its two secretaries; the status line says what was saved.
        XCTAssertEqual(saved[1], "┌─ 培训详情 · 2026年西岭区书记轮训班 ──────────────────────────────────────────┐")
        XCTAssertEqual(saved[2], "│ 日期     2026-11-20 ~ 11-21（2天）     类型     书记轮训 · 线下              │")
        XCTAssertEqual(saved[3], "│ 主办单位 西岭区委两新工委              人次     2                            │")
        XCTAssertTrue(saved[23].hasPrefix(" 已新增：2026年西岭区书记轮训班（书记2人）"), saved[23])
        XCTAssertTrue(saved.contains { $0.contains("王芳") } && saved.contains { $0.contains("孙磊") })
        // Back on the summary: 8 sessions, 577 + 2 = 579 人次 (blank 人次 = the 2 registered), 139.5 + 16 = 155.5 学时;
        // concentrated 2 → 4 of 9 (44.44%), rotation 1 → 3 (33.33%), overdue 2 → 0. 56 学时 unchanged (16 each).
        let after = try render("")
        XCTAssertEqual(Array(after[2...5]), [
            "│          2026年     2025年     较上年  参加集中培训    ████▉░░░░░░ 4  44.44% │",
            "│ 场次          8          2         +6  满56学时        █▎░░░░░░░░░ 1  11.11% │",
            "│ 人次        579        260       +319  参加书记轮训    ███▋░░░░░░░ 3  33.33% │",
            "│ 学时      155.5       61.5        +94  任职超6个月未训                     0 │",
        ])
        // November: S7 + the new one = 2 sessions, 25 + 2 = 27 人次, 36.5 + 16 = 52.5 学时.
        XCTAssertEqual(after[19], "│ 11月    2 █               27    52.5 ││ 线下                5    384     100 │")
        // In the database, with one audit row per record, written by the form.
        let s = try XCTUnwrap(try store.read { try TrainingSession.filter(Column("title") == "2026年西岭区书记轮训班").fetchOne($0) })
        XCTAssertEqual([s.date.description, s.endDate?.description ?? ""], ["2026-11-20", "2026-11-21"])
        XCTAssertEqual(s.type, .secretaryRotation)
        XCTAssertEqual(s.personTimes, 2)
        XCTAssertEqual(s.hours, 16)
        let rows = try store.trainingAttendance(session: s.id!)
        XCTAssertEqual(Set(rows.map { "\($0.attendance.partyOrgId!) \($0.attendance.personName!) \($0.attendance.role.rawValue)" }),
                       ["13 王芳 书记", "20 孙磊 书记"])
        let audit = try store.trainingHistory(session: s.id!)
        XCTAssertEqual(audit.map(\.entity), ["training_session", "training_attendance", "training_attendance"])
        XCTAssertEqual(Set(audit.map(\.action)), ["insert"])
        XCTAssertEqual(Set(audit.compactMap(\.source)), ["form"])
        // The report agrees.
        let c = try store.secretaryCoverage(year: 2026, today: today)
        XCTAssertEqual([c.concentrated, c.rotation, c.list(.newUntrained).count], [4, 3, 0])
    }

    func testUndoTakesTheWholeSessionBack() throws {
        let s = store!
        try MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today), start: .training)
            for k in try Key.parseScript(Self.newRotation + " Esc u") { app.update(.key(k)) }
            XCTAssertEqual(app.ctx.status, "已撤销上一次修改")
            let panel = app.activePanel as! TrainingPanel
            XCTAssertEqual(panel.data?.now.total.sessions, 7)
            XCTAssertEqual(panel.coverage?.list(.newUntrained).count, 2)
        }
        XCTAssertEqual(try store.read { try TrainingAttendance.fetchCount($0) }, TrainingFixture.attendance.count)
    }

    func testValidationKeepsTheFormOpenWithTheMessageByTheField() throws {
        // No title, 学时 0, an end date before the start.
        let lines = try render("a Tab \"2026-11-01\" Tab Tab Tab Tab Tab Tab Tab C-u \"0\" C-s", 120, 40)
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("✗ 培训名称：必填"), text)
        XCTAssertTrue(text.contains("✗ 学时：应大于0"), text)
        XCTAssertTrue(text.contains("✗ 结束日期：早于开始日期（2026-11-22）"), text)
        XCTAssertTrue(text.contains("有3处需要修改，未保存"), text)
        XCTAssertEqual(try store.read { try TrainingSession.fetchCount($0) }, 9)
        // A date that does not exist, named as such.
        let bad = try render("a C-u \"2026-02-30\" C-s", 120, 40).joined(separator: "\n")
        XCTAssertTrue(bad.contains("✗ 日期：“2026-02-30”不是有效日期"), bad)
        // 40 学时 on one day only asks (older ledgers have no end date); Enter saves anyway.
        let warn = try render("a Tab Tab \"单日长班\" Tab Tab Tab Tab Tab Tab C-u \"40\" C-s", 120, 40).joined(separator: "\n")
        XCTAssertTrue(warn.contains("学时：一天的培训超过12学时；多日培训请填写结束日期"), warn)
        _ = try render("a Tab Tab \"单日长班\" Tab Tab Tab Tab Tab Tab C-u \"40\" C-s Enter")
        XCTAssertEqual(try store.read { try TrainingSession.filter(Column("title") == "单日长班").fetchCount($0) }, 1)
    }

    /// The 宣讲 S5 (300 人次; 陈刚 + 250 of the public registered): add organization 14 with 20 members and 40 more of
    /// the public. Registered 1 + 250 + 20 + 40 = 311 > 300, so the blank 人次 becomes 311.
    func testAttendanceFormAddsOrganizationsAndHeadCountsAndRaisesPersonTimes() throws {
        let lines = try render("v / \"微宣讲\" Enter Enter a Tab Space \"西岭科技\" Space Enter Tab C-u \"20\" Tab Tab \"40\" C-s")
        XCTAssertTrue(lines[23].hasPrefix(" 已登记60人；人次 311"), lines[23])
        let s = try XCTUnwrap(try store.fetch(TrainingSession.self, id: 5))
        XCTAssertEqual(s.personTimes, 311)
        XCTAssertEqual(s.version, 2)
        let rows = try store.trainingAttendance(session: 5).map(\.attendance)
        XCTAssertEqual(TrainingAttendance.registered(rows), 311)
        XCTAssertTrue(rows.contains { $0.partyOrgId == 14 && $0.role == .member && $0.headCount == 20 })
        XCTAssertTrue(rows.contains { $0.partyOrgId == nil && $0.role == .publicAttendee && $0.headCount == 40 })
        XCTAssertEqual(try store.trainingHistory(session: 5).suffix(3).map(\.action), ["insert", "insert", "update"])
        // The detail shows it: 人次 311, registered by role.
        XCTAssertTrue(lines[3].contains("人次     311"), lines[3])
        XCTAssertTrue(lines[5].contains("登记人数 311：书记1 党员20 群众290"), lines[5])
    }

    func testPersonTimesBelowTheRegisteredIsRefused() throws {
        // S5 registers 251; typing 人次 200 is refused, and a secretary already on the session is not added twice.
        let lines = try render("v / \"微宣讲\" Enter Enter a Space \"陈刚\" Space Enter Tab Tab Tab Tab \"5\" Tab \"200\" C-s", 120, 40)
        // 251 registered + 5 of the public = 256; 陈刚 is skipped, not counted twice.
        XCTAssertTrue(lines.contains { $0.contains("人次  200") && $0.contains("✗ 人次（200）不能少于登记的参训人") })
        XCTAssertTrue(lines.contains { $0.contains("有1处需要修改，未保存") })
        let s = store!
        let issue = try MainActor.assumeIsolated { () -> String? in
            let app = App(ctx: AppContext(store: s, today: today), start: .training)
            for k in try Key.parseScript("v / \"微宣讲\" Enter Enter a Space \"陈刚\" Space Enter Tab Tab Tab Tab \"5\" Tab \"200\" C-s") {
                app.update(.key(k))
            }
            return (app.activePanel as! TrainingPanel).form?.issue(for: "personTimes")?.zh
        }
        XCTAssertEqual(issue, "人次（200）不能少于登记的参训人员（256）")
        XCTAssertEqual(try store.fetch(TrainingSession.self, id: 5)?.personTimes, 300)
        let ok = try render("v / \"微宣讲\" Enter Enter a Space \"陈刚\" Space Enter C-s")
        XCTAssertTrue(ok[23].contains("已登记过而跳过：陈刚"), ok[23])
        XCTAssertEqual(try store.trainingAttendance(session: 5).count, 2)
    }

    /// `c` copies the selected session: same title, type, mode, organizer, audience and 学时, dated today.
    func testCopyingASessionAsATemplate() throws {
        let s = store!
        let values = try MainActor.assumeIsolated { () -> [String: String] in
            let app = App(ctx: AppContext(store: s, today: today), start: .training)
            for k in try Key.parseScript("v / \"轮训\" Enter c") { app.update(.key(k)) }
            let panel = app.activePanel as! TrainingPanel
            return panel.form?.values ?? [:]
        }
        XCTAssertEqual(values["date"], "2026-11-22")
        XCTAssertEqual(values["title"], "2026年东湖区党组织书记轮训班")
        XCTAssertEqual(values["type"], "书记轮训")
        XCTAssertEqual(values["hours"], "40")
        XCTAssertEqual(values["endDate"], "")
        // The next class of the series, 11-16 to 11-20, saved as a new session.
        let lines = try render("v / \"轮训\" Enter c C-u \"2026-11-16\" Tab \"2026-11-20\" C-s")
        XCTAssertTrue(lines[23].hasPrefix(" 已新增：2026年东湖区党组织书记轮训班"), lines[23])
        let copies = try store.read { try TrainingSession.filter(Column("title") == "2026年东湖区党组织书记轮训班").order(Column("id")).fetchAll($0) }
        XCTAssertEqual(copies.map(\.date.description), ["2026-03-02", "2026-11-16"])
        XCTAssertEqual(copies[1].type, .secretaryRotation)
        XCTAssertEqual(copies[1].organizer, "东湖区委两新工委")
        XCTAssertEqual(copies[1].personTimes, 0, "no attendees copied, 人次 follows the registered")
    }

    func testDeletingASessionTakesItsAttendanceAndUndoBringsBothBack() throws {
        let s = store!
        try MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today), start: .training)
            for k in try Key.parseScript("v / \"轮训\" Enter d") { app.update(.key(k)) }
            XCTAssertTrue(app.render(width: 80, height: 24).lines().joined().contains("删除这次培训及其全部参训记录？"))
            app.update(.key(.enter))
            XCTAssertEqual(app.ctx.status, "已删除：2026年东湖区党组织书记轮训班")
            XCTAssertNil(try s.fetch(TrainingSession.self, id: 1))
            XCTAssertEqual(try s.trainingAttendance(session: 1).count, 0)
            XCTAssertEqual(Set(try s.trainingHistory(session: 1).suffix(4).map(\.action)), ["delete"])
            app.update(.key(.char("u")))
            XCTAssertEqual(try s.fetch(TrainingSession.self, id: 1)?.title, "2026年东湖区党组织书记轮训班")
            XCTAssertEqual(try s.trainingAttendance(session: 1).count, 3)
            // n keeps it.
            for k in try Key.parseScript("d n") { app.update(.key(k)) }
            XCTAssertNotNil(try s.fetch(TrainingSession.self, id: 1))
        }
    }

    func testDeletingOneAttendanceRowInTheDetail() throws {
        // S1's rows: 赵旧 first (书记, 快递物流), then 张明 twice. Delete the first.
        _ = try render("v / \"轮训\" Enter Enter d y")
        let rows = try store.trainingAttendance(session: 1)
        XCTAssertEqual(rows.compactMap(\.attendance.personName), ["张明", "张明"])
        // The deleted row stays in the session's history: its insert and its delete.
        let history = try store.trainingHistory(session: 1).filter { $0.entity == "training_attendance" }
        XCTAssertEqual(history.map(\.action), ["insert", "insert", "insert", "delete"])
        XCTAssertEqual(Set(history.map(\.entityId)).count, 3)
    }

    func testJSONTextEscapesAndMatchesJSONSerialization() throws {
        var out = ""
        JSONText.string("引号\"、反斜杠\\、换行\n、控制\u{1}", into: &out)
        XCTAssertEqual(out, "\"引号\\\"、反斜杠\\\\、换行\\n、控制\\u0001\"")
        let obj: [String: Any] = ["organization": "甲", "orgId": Int64(7), "b": [1, 2], "e": [Int](), "n": NSNull(), "t": true,
                                  "h": NSDecimalNumber(string: "55.5")]
        var text = ""
        JSONText.write(obj, into: &text, indent: 0)
        let reference = String(decoding: try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
        XCTAssertEqual(parsed, try JSONSerialization.jsonObject(with: Data(reference.utf8)) as? NSDictionary)
        XCTAssertTrue(text.contains("\"organization\" : \"甲\",\n  \"orgId\" : 7"), text)
    }

    /// `e` writes the list on screen (filter and sort applied) as a UTF-8 CSV with a BOM, and says where.
    func testTheListsExport() throws {
        let lines = try render("v v e", 200, 24)
        XCTAssertTrue(lines[23].hasPrefix(" 已导出2行 → \(tmp.path)/liangxin/exports/training-secretaries-newUntrained-2026-"), lines[23])
        let dir = tmp.path + "/liangxin/exports"
        func read(_ prefix: String) throws -> [String] {
            let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasPrefix(prefix) })
            let data = try XCTUnwrap(FileManager.default.contents(atPath: dir + "/" + name))
            XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
            return String(decoding: data.dropFirst(3), as: UTF8.self).split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(try read("training-secretaries-newUntrained-2026"), [
            "地区,党组织,书记,任职日期,学时,参加集中培训,参加书记轮训,最近参训",
            "西岭街道,快递物流行业党支部,王芳,2026-04-22,0,否,否,",
            "西岭街道,饱饱外卖联合党支部,孙磊,2015-03-01,0,否,否,",
        ])
        // The 56-学时 list narrowed to 东湖 organizations: 李华, 刘强, 吴磊 (55.5).
        _ = try render("v v f f / \"东湖\" Enter e")
        let under = try read("training-secretaries-underHours-2026")
        XCTAssertEqual(under.count, 4)
        XCTAssertTrue(under.contains("西岭街道,饱饱外卖联合党支部,孙磊,2015-03-01,0,否,否,") == false)
        XCTAssertTrue(under.contains("东湖街道,东湖书店党支部,吴磊,2021-03-01,55.5,是,否,2026-11-10"), under.joined(separator: "\n"))
        // The ledger exports every matching session, not only the screenful.
        _ = try render("v / \"2026\" Enter e")
        let sessions = try read("training-sessions")
        XCTAssertEqual(sessions.count, 1 + 7)
        XCTAssertEqual(sessions[0], "日期,结束日期,培训名称,类型,形式,主办单位,培训对象,人次,学时")
        XCTAssertEqual(sessions[1], "2026-11-10,2026-11-14,党务工作者能力提升班,学习培训班,线上,东湖区委两新工委,党组织书记,25,36.5")
        _ = try render("e")
        let summary = try read("training-summary-2026")
        XCTAssertEqual(summary[1], "培训总量,2026年,7,577,139.5,2,260,61.5")
    }

    func testTheReportShapes() throws {
        let d = try store.trainingYear(2026, today: today)
        let c = try store.secretaryCoverage(year: 2026, today: today)
        let json = TrainingReport.json(d, c)
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(obj["schema"] as? String, "liangxin.report.training/1")
        XCTAssertEqual(obj["year"] as? Int, 2026)
        XCTAssertEqual(obj["through"] as? String, "2026-11-22")
        let totals = try XCTUnwrap(obj["totals"] as? [String: Any])
        XCTAssertEqual(totals["sessions"] as? Int, 7)
        XCTAssertEqual(totals["personTimes"] as? Int, 577)
        XCTAssertEqual((totals["hours"] as? NSNumber)?.doubleValue, 139.5)
        XCTAssertEqual((obj["lastYear"] as? [String: Any])?["year"] as? Int, 2025)
        XCTAssertEqual((obj["byMonth"] as? [[String: Any]])?.count, 12)
        let course = try XCTUnwrap((obj["byType"] as? [[String: Any]])?.first { $0["type"] as? String == "course" })
        XCTAssertEqual(course["personTimes"] as? Int, 115)
        XCTAssertEqual(course["concentrated"] as? Bool, true)
        let sec = try XCTUnwrap(obj["secretaries"] as? [String: Any])
        XCTAssertEqual(sec["activeOrganizations"] as? Int, 9)
        XCTAssertEqual(((sec["concentrated"] as? [String: Any])?["rate"] as? NSNumber)?.doubleValue, 22.22)
        XCTAssertTrue(json.contains("\"rate\" : 22.22"), "two decimals, not binary noise")
        let lists = try XCTUnwrap(obj["lists"] as? [String: [[String: Any]]])
        XCTAssertEqual(Set(lists.keys), ["noConcentrated", "underHours", "noRotation", "newUntrained"])
        XCTAssertEqual(lists["newUntrained"]?.map { $0["secretary"] as? String }, ["王芳", "孙磊"])
        XCTAssertTrue(lists["noConcentrated"]?.contains { $0["secretary"] is NSNull } == true, "the vacancy is null")

        let csv = TrainingReport.csv(d, c).split(separator: "\n").map(String.init)
        XCTAssertEqual(csv[0], TrainingReport.csvHeader.joined(separator: ","))
        XCTAssertTrue(csv.contains("total,2026,,7,577,139.5,,,,,,,,,,,"))
        XCTAssertTrue(csv.contains("secretaries,concentrated,参加集中培训,,,,2,22.22,,,,,,,,,"))
        XCTAssertTrue(csv.contains("list,newUntrained,任职超过6个月仍未参训的书记,,,,,,20,饱饱外卖联合党支部,西岭街道,孙磊,2015-03-01,0,0,0,"))
        let md = TrainingReport.markdown(d, c)
        XCTAssertTrue(md.contains("| 学时 | 139.5 | 61.5 | +78 |"), md)
        XCTAssertTrue(md.contains("| 参加集中培训 | 2 | 22.22% |"))
        XCTAssertTrue(md.contains("### 任职超过6个月仍未参训的书记（2）"))
    }

    /// On the sample city: every figure the summary screen shows is the one `report training` prints.
    func testTheScreenEqualsTheReportOnTheSampleCity() throws {
        let t = TempDir()
        let s = try Store(path: t.file("sample.sqlite"))
        _ = try CSVSet.load(directory: SampleDataDir.path, into: s, today: today)
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(TrainingReport.json(
            try s.trainingYear(2026, today: today), try s.secretaryCoverage(year: 2026, today: today)).utf8)) as? [String: Any])
        let lines = MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today), panel: .training, width: 120, height: 40, keys: [])
        }
        func words(_ l: String) -> [String] { l.split(whereSeparator: { $0 == " " || $0 == "│" }).map(String.init) }
        func num(_ v: Any?) -> String { (v as? NSNumber).map { formatHours($0.doubleValue) } ?? "?" }
        let totals = obj["totals"] as! [String: Any], last = obj["lastYear"] as! [String: Any]
        XCTAssertEqual(Array(words(lines[3]).prefix(3)), ["场次", num(totals["sessions"]), num(last["sessions"])])
        XCTAssertEqual(Array(words(lines[4]).prefix(3)), ["人次", num(totals["personTimes"]), num(last["personTimes"])])
        XCTAssertEqual(Array(words(lines[5]).prefix(3)), ["学时", num(totals["hours"]), num(last["hours"])])
        XCTAssertEqual(Array(words(lines[3]).prefix(3)), ["场次", "200", "100"])
        let sec = obj["secretaries"] as! [String: Any]
        for (line, key) in [(2, "concentrated"), (3, "reachedHours"), (4, "rotation")] {
            let o = sec[key] as! [String: Any]
            XCTAssertEqual(Array(words(lines[line]).suffix(2)), [num(o["count"]), String(format: "%.2f%%", (o["rate"] as! NSNumber).doubleValue)], lines[line])
        }
        XCTAssertTrue(lines[5].hasSuffix(" \(num(sec["newUntrained"])) │"), lines[5])
        XCTAssertTrue(lines[1].contains("在册党组织 \(num(sec["activeOrganizations"]))"), lines[1])
        let months = obj["byMonth"] as! [[String: Any]]
        for m in months {
            let i = (m["month"] as! Int)
            let w = words(lines[8 + i])
            XCTAssertEqual(w[0], "\(i)月")
            XCTAssertEqual(w[1], num(m["sessions"]))
            XCTAssertTrue(w.contains(num(m["personTimes"])) && w.contains(num(m["hours"])), lines[8 + i])
        }
        for t in obj["byType"] as! [[String: Any]] {
            let label = t["label"] as! String
            let row = try XCTUnwrap(lines.first { $0.contains("││ \(label) ") }, label)
            let w = words(String(row.split(separator: "││")[1]))
            XCTAssertEqual(Array(w.suffix(4).prefix(3)), [num(t["sessions"]), num(t["personTimes"]), num(t["hours"])], label)
        }
        let lists = obj["lists"] as! [String: [[String: Any]]]
        XCTAssertTrue(lines[22].contains("任职超过6个月仍未参训的书记 · \(lists["newUntrained"]!.count)"), lines[22])
    }
}
