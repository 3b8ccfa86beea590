import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// The coverage panel driven key by key through the same update loop as the terminal, on the hand-counted fixture
/// (figures in CoverageFixtureTests): exact screen lines, drill-down, findings, detail, the statistics forms.
///
/// By hand (today 2026-11-22, last year = as of 2025-12-31):
/// - city: 11 in scope · own 1 · joint 3 · industry 1 · work only 3 · uncovered 3 → 45.45% / 9.09% / 72.73%;
///   last year 30.00% and 50.00% → +15.45 and +22.73.
/// - 东湖区 (units 1–6): own 1, joint 2 3 4, work 5, uncovered 6 → 4/6 = 66.67%, 1/6 = 16.67%, 5/6 = 83.33%;
///   last year unit 4 had not joined: 3/6 = 50.00%, work 4/6 = 66.67% → +16.67 and +16.66 (8333 − 6667 bp).
/// - 西岭区 (units 8–12): industry 8, work 9 10, uncovered 11 12 → 1/5 = 20.00%, 0.00%, 3/5 = 60.00%; last year
///   (11 not yet registered, 8's org and 9's instructor came in 2026) 0/4 and 1/4 = 25.00% → +20.00 and +35.00.
final class CoveragePanelTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("c.sqlite"))
        try Fixture.make().load(into: store)
    }

    func render(_ w: Int, _ h: Int, keys: String = "", lang: Lang = .zh) throws -> [String] {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today, lang: lang), panel: .coverage, width: w, height: h, keys: k)
        }
    }

    func assertLines(_ got: [String], _ expected: String, width: Int, file: StaticString = #filePath, line: UInt = #line) {
        let want = expected.components(separatedBy: "\n")
        XCTAssertEqual(got.count, want.count, file: file, line: line)
        for (i, (g, e)) in zip(got, want).enumerated() { XCTAssertEqual(g, e, "line \(i)", file: file, line: line) }
        for l in got { XCTAssertLessThanOrEqual(displayWidth(l), width, l, file: file, line: line) }
    }

    func testRegionTableAt80x24() throws {
        let blank = "│" + String(repeating: " ", count: 78) + "│"
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 地区 · 示例市 ──────────────────────────────────────────────────────────────┐
        │统计范围（c 修改）：运营中单位 · 目标：两新组织合计80% 非公企业85% 小个专30% …│
        │地区    单位 单独 联合 统建 仅工作 未覆盖 党组织覆盖率%   较上年 单独率 工作率│
        │示例市    11    1    3    1      3      3 ███▋░░░░  45.45 +15.45   9.09  72.73│
        │ 东湖区    6    1    3    0      1      1 █████▍░░  66.67 +16.67  16.67  83.33│
        │ 西岭区    5    0    0    1      2      2 █▋░░░░░░  20.00 +20.00   0.00  60.00│
        """ + "\n" + Array(repeating: blank, count: 14).joined(separator: "\n") + "\n" + """
        │w应建未建2 b无组织无指导员3 x联合超5家0 l支部超50人0 t拟建已过0               │
        └──────────────────────────────────────────────────────────────────────────────┘
         c.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        assertLines(try render(80, 24), expected, width: 80)
    }

    /// At 120×40 the categories of the selected region (东湖区, selected on entry) show under the regions.
    func testRegionTableAt120x40() throws {
        let lines = try render(120, 40)
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级                                    两新党建看板 · 2026-11-22
        ┌─ 地区 · 示例市 ──────────────────────────────────────────────────────────────────────────────────────────────────────┐
        │统计范围（c 修改）：运营中单位 · 目标：两新组织合计80% 非公企业85% 小个专30% 社会组织90% 快递外卖网约车行业20%        │
        │地区    单位数 单独 联合 统建 仅工作 未覆盖 党组织覆盖率                           较上年 单独组建率 工作覆盖率 较上年│
        │示例市      11    1    3    1      3      3 █████████████▋░░░░░░░░░░░░░░░░  45.45% +15.45      9.09%     72.73% +22.73│
        │ 东湖区      6    1    3    0      1      1 ████████████████████░░░░░░░░░░  66.67% +16.67     16.67%     83.33% +16.66│
        │ 西岭区      5    0    0    1      2      2 ██████░░░░░░░░░░░░░░░░░░░░░░░░  20.00% +20.00      0.00%     60.00% +35.00│
        │                                                                                                                      │
        │类别 · 示例市 › 东湖区                                                                                                │
        │类别                单位数 单独 联合 统建 仅工作 未覆盖 党组织覆盖率              较上年 单独组建率 工作覆盖率  较上年│
        │两新组织合计             6    1    3    0      1      1 ██████████▋░░░░░  66.67%  +16.67     16.67%     83.33%  +16.66│
        │ 非公企业                3    1    1    0      0      1 ██████████▋░░░░░  66.67%   ±0.00     33.33%     66.67%   ±0.00│
        """
        assertLines(Array(lines.prefix(12)), expected, width: 120)
        XCTAssertEqual(lines.count, 40)
        XCTAssertEqual(lines[38], "└" + String(repeating: "─", count: 118) + "┘")
        XCTAssertEqual(lines[37], "│w 应建未建 2  b 无组织无指导员 3  x 联合超5家 0  l 支部超50人 0  t 拟建已过 0                  v视图 /筛选 a新增 ?帮助│")
        // 社会组织 in 东湖区: 4 joint (joined 2026) and 5 work only → 50.00%, +50.00 against 0.00% last year.
        XCTAssertTrue(lines.contains("│ 社会组织                2    0    1    0      1      0 ████████░░░░░░░░  50.00%  +50.00      0.00%    100.00%  +50.00│"))
        for l in lines { XCTAssertLessThanOrEqual(displayWidth(l), 120) }
    }

    /// The bars take the target's colour: the city (45.45%) is more than 10 points below 80% → red; 东湖区 66.67%
    /// likewise; with a target of 60% 东湖区 turns green and the city amber (within 10 points).
    func testBarsAreColouredByTheTarget() throws {
        let s = store!
        func roles() -> [Role] {
            MainActor.assumeIsolated {
                let app = App(ctx: AppContext(store: s, today: today), start: .coverage)
                let buf = app.render(width: 80, height: 24)
                // The bar starts at column 44 on the rows of 示例市, 东湖区, 西岭区.
                return (4...6).map { buf[44, $0].style.role }
            }
        }
        XCTAssertEqual(roles(), [.bad, .bad, .bad])
        var st = try store.settings()
        st.targets[CoverageGroup.all.rawValue] = 50
        try store.save(settings: st)
        XCTAssertEqual(roles(), [.warning, .good, .bad])   // 45.45 ≥ 40 amber, 66.67 ≥ 50 green, 20.00 red
    }

    func testDrillFromCityToStreetToUnitsAndBack() throws {
        // 东湖区 is selected on entry: Enter drills to its street, Enter on the street lists its units.
        var lines = try render(80, 24, keys: "Enter")
        XCTAssertTrue(lines[1].contains("地区 · 示例市 › 东湖区"), lines[1])
        XCTAssertTrue(lines[4].hasPrefix("│东湖区       6    1    3    0      1      1"), lines[4])
        XCTAssertTrue(lines[5].hasPrefix("│ 东湖街道    6    1    3    0      1      1"), lines[5])
        lines = try render(80, 24, keys: "Enter Enter")
        XCTAssertTrue(lines[1].contains("单位 · 示例市 › 东湖区 › 东湖街道 · 6家单位"), lines[1])
        XCTAssertEqual(lines.filter { $0.hasPrefix("│东湖") && $0.contains("东湖街道") }.count, 5)   // 6 units, 恒远机械 too
        XCTAssertTrue(lines.contains { $0.hasPrefix("│恒远机械") })
        // Enter opens the first unit (by name: 东湖书店), Backspace closes it, again goes up to the street table.
        lines = try render(80, 24, keys: "Enter Enter Enter")
        XCTAssertTrue(lines[1].contains("单位详情"), lines[1])
        XCTAssertTrue(lines[3].contains("单位 · 东湖书店"), lines[3])
        lines = try render(80, 24, keys: "Enter Enter Enter Backspace Backspace")
        XCTAssertTrue(lines[1].contains("地区 · 示例市 › 东湖区"), lines[1])
        lines = try render(80, 24, keys: "Enter Enter Enter Backspace Backspace Backspace")
        XCTAssertTrue(lines[1].contains("地区 · 示例市 ─"), lines[1])
        // A mouse click on 西岭区 (screen row 6 once drawn) selects it; Enter drills there.
        let s = store!
        let title = MainActor.assumeIsolated { () -> String in
            let app = App(ctx: AppContext(store: s, today: today), start: .coverage)
            _ = app.render(width: 80, height: 24)
            app.update(.key(.mouse(x: 10, y: 6)))
            app.update(.key(.enter))
            return app.render(width: 80, height: 24).lines()[1]
        }
        XCTAssertTrue(title.contains("地区 · 示例市 › 西岭区"), title)
    }

    func testFindingsAreOneKeyAwayAndFilterTheList() throws {
        var lines = try render(80, 24, keys: "w")
        XCTAssertTrue(lines[1].contains("单位 · 示例市 · 应建未建 · 2家单位"), lines[1])
        XCTAssertTrue(lines[4].hasPrefix("│东湖书店"), lines[4])
        XCTAssertTrue(lines[5].hasPrefix("│西岭科技"), lines[5])
        lines = try render(80, 24, keys: "b")
        XCTAssertTrue(lines[1].contains("无组织无指导员 · 3家单位"), lines[1])
        // f cycles: none → 应建未建 → 无组织无指导员; pressing the same key again clears the filter.
        lines = try render(80, 24, keys: "f f")
        XCTAssertTrue(lines[1].contains("无组织无指导员"), lines[1])
        lines = try render(80, 24, keys: "w w")
        XCTAssertTrue(lines[1].contains("单位 · 示例市 · 11家单位"), lines[1])
        // In a district the lists follow the region in view.
        lines = try render(80, 24, keys: "Enter w")
        XCTAssertTrue(lines[1].contains("示例市 › 东湖区 · 应建未建 · 1家单位"), lines[1])
    }

    func testUnitListSortFilterAndExport() throws {
        // s: sort by category, then region, then staff; S reverses → the largest first.
        var lines = try render(120, 40, keys: "v v s s s S")
        XCTAssertTrue(lines[3].contains("职工▼"), lines[3])
        XCTAssertTrue(lines[4].hasPrefix("│恒远机械"), lines[4])
        XCTAssertTrue(lines[5].hasPrefix("│西岭科技"), lines[5])
        // / filters as you type, by name or by organization; Esc clears.
        lines = try render(120, 40, keys: "/ \"商圈\"")
        XCTAssertTrue(lines[1].contains("3家单位"), lines[1])
        XCTAssertTrue(lines.contains { $0.contains("/商圈") })
        lines = try render(120, 40, keys: "/ \"商圈\" Enter Esc")
        XCTAssertTrue(lines[1].contains("11家单位"), lines[1])
        // e writes the list (filter and order applied) as CSV and says where.
        let dir = tmp.file("xdg")
        setenv("XDG_DATA_HOME", dir, 1)
        defer { unsetenv("XDG_DATA_HOME") }
        lines = try render(120, 40, keys: "w e")
        let status = lines[39]
        XCTAssertTrue(status.contains("已导出2行"), status)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/liangxin/exports")
        XCTAssertEqual(files.count, 1)
        let csv = try String(contentsOfFile: dir + "/liangxin/exports/" + files[0], encoding: .utf8)
        XCTAssertTrue(csv.contains("东湖书店,私营企业,东湖街道,15,3,联合组建,东湖商圈联合党支部,,"), csv)
    }

    /// The detail shows the joint branch, the other units it covers, the instructor and the audit history.
    func testUnitDetail() throws {
        let s = store!
        try MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today), start: .coverage)
            for k in try Key.parseScript("w Enter") { app.update(.key(k)) }
            let text = app.render(width: 120, height: 40).text
            XCTAssertTrue(text.contains("单位 · 东湖书店"))
            XCTAssertTrue(text.contains("东湖商圈联合党支部"))
            XCTAssertTrue(text.contains("联合党支部 · 联合组建"))
            XCTAssertTrue(text.contains("同一党组织覆盖的其他单位 (2)"))
            XCTAssertTrue(text.contains("东湖小吃店 · 东湖街道"))
            XCTAssertTrue(text.contains("东湖律所 · 东湖街道"))
            XCTAssertTrue(text.contains("应建未建"))
            XCTAssertTrue(text.contains("修改记录 (1)"))
            XCTAssertTrue(text.contains("新增 (fixture)"))
        }
        // 西岭科技: its org was revoked, it keeps its instructor.
        let lines = try render(120, 40, keys: "w j Enter")
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("仅工作覆盖"), text)
        XCTAssertTrue(text.contains("王建国") && text.contains("13800000001"), text)
        XCTAssertTrue(text.contains("撤销"), text)
    }

    /// Figures in the two statistics forms as worked out by hand on the fixture. Enterprises in scope: 1 恒远机械
    /// (120 staff, 8 members, own branch), 3 东湖书店 (15, 3, 工商联, joint), 6 东湖商贸 (8, none), 8 迅达快递
    /// (40, 行业统建), 9 西岭科技 (60, 4, revoked org + instructor). Social: 4 东湖律所 (joint), 5 东湖协会
    /// (instructor), 10 西岭基金会 (兼合式), 11 启航培训学校 (2 members, none).
    func testStatisticsFormsOnScreen() throws {
        var lines = try render(120, 40, keys: "v v v")
        XCTAssertTrue(lines[3].hasPrefix("│非公有经济控制的企业法人单位建立党的基层组织情况  1/2 ←→"), lines[3])
        XCTAssertEqual(lines[4], "│项目                                      合计 职工50人以上 职工100人以上 法定代表人是党员 工商联会员企业 外商投资企业│")
        XCTAssertEqual(lines[5], "│单位数                                       5            2             1                0              1            0│")
        XCTAssertEqual(lines[10], "│  建立党支部的                               1            1             1                0              0            0│")
        XCTAssertEqual(lines[13], "│  联合党支部数（个）                         1            0             0                0              1            0│")
        XCTAssertEqual(lines[15], "│未建立党组织的单位                           2            1             0                0              0            0│")
        XCTAssertEqual(lines[16], "│  应建未建（3名以上正式党员）                1            1             0                0              0            0│")
        XCTAssertEqual(lines[21], "│  已建党组织单位在岗职工（人）             175          120           120                0             15            0│")
        lines = try render(120, 40, keys: "v v v Right")
        XCTAssertTrue(lines[3].hasPrefix("│社会组织法人单位建立党的基层组织情况  2/2 ←→"), lines[3])
        XCTAssertEqual(lines[5], "│单位数                                           4        1      1              1          1            0            0│")
        XCTAssertEqual(lines[15], "│未建立党组织的单位                               3        1      1              1          0            0            0│")
        // At 80×24 the short headers fit and the rows scroll.
        lines = try render(80, 24, keys: "v v v")
        XCTAssertTrue(lines[4].hasSuffix("合计  ≥50人 ≥100人 法人党员 工商联   外资│"), lines[4])
        for l in lines { XCTAssertLessThanOrEqual(displayWidth(l), 80) }
    }

    /// The scope rule from the panel: c opens it, 10 staff for enterprises drops 东湖商贸 (8): 10 in scope, the city
    /// 5/10 = 50.00%, and 东湖区 4/5 = 80.00%.
    func testScopeRuleChangedFromThePanelRecomputesAtOnce() throws {
        let s = store!
        let lines = try MainActor.assumeIsolated { () -> [String] in
            let app = App(ctx: AppContext(store: s, today: today), start: .coverage)
            for k in try Key.parseScript("c Tab C-u \"10\" C-s") { app.update(.key(k)) }
            return app.render(width: 80, height: 24).lines()
        }
        XCTAssertTrue(lines[2].contains("运营中单位；非公企业职工≥10人"), lines[2])
        XCTAssertTrue(lines[4].hasPrefix("│示例市    10    1    3    1      3      2"), lines[4])
        XCTAssertTrue(lines[4].contains("50.00"), lines[4])
        XCTAssertTrue(lines[5].contains("80.00"), lines[5])
        XCTAssertTrue(lines[23].contains("已保存统计范围"), lines[23])
        XCTAssertEqual(try store.settings().scope, ScopeRule(minStaff: 10, minStaffKinds: [.enterprise]))
        // A negative minimum is refused next to the field.
        let bad = try MainActor.assumeIsolated { () -> String in
            let app = App(ctx: AppContext(store: s, today: today), start: .coverage)
            for k in try Key.parseScript("c Tab C-u \"-1\" C-s") { app.update(.key(k)) }
            return app.render(width: 100, height: 30).text
        }
        XCTAssertTrue(bad.contains("职工人数下限：不能为负数"), bad)
    }

    func testEnglishAndHelp() throws {
        var lines = try render(120, 40, lang: .en)
        XCTAssertTrue(lines[1].contains("By region · 示例市"), lines[1])
        XCTAssertTrue(lines[3].contains("Org coverage"), lines[3])
        lines = try render(100, 40, keys: "?")
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("应建未建") && text.contains("修改统计范围和目标覆盖率") && text.contains("w b x l t") && text.contains("c                  修改统计范围和目标覆盖率"), text)
    }
}
