import Foundation
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// Renders through the same update loop the terminal uses and asserts exact screen lines.
final class OverviewRenderTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("o.sqlite"))
        try Fixture.make().load(into: store)
    }

    func render(_ w: Int, _ h: Int, keys: String = "", lang: Lang = .zh) throws -> [String] {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today, lang: lang), panel: .overview, width: w, height: h, keys: k)
        }
    }

    /// The fixture's hand-counted figures (see CoverageFixtureTests) as they appear at 80×24.
    func testOverviewAt80x24() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 两个覆盖 · 统计范围：运营中单位 ────────────────────────────────────────────┐
        │ 类别                 单位数 党组织覆盖率        较上年 单独组建率 工作覆盖率 │
        │ 两新组织合计             11 ████▌░░░░░  45.45%  +15.45      9.09%     72.73% │
        │   非公企业                5 ██████░░░░  60.00%  +20.00     20.00%     80.00% │
        │   小个专                  2 █████░░░░░  50.00%   ±0.00      0.00%     50.00% │
        │   社会组织                4 ██▌░░░░░░░  25.00%  +25.00      0.00%     75.00% │
        │   快递外卖网约车行业      2 █████░░░░░  50.00%  +50.00      0.00%     50.00% │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌─ 组织与党员 ─────┐┌─ 爱心驿站 ───────┐┌─ 星级评定 ───────┐┌─ 问题清单 ───────┐
        │ 统计范…  11 / 12 ││ 运行驿站   0 / 0 ││ ★★★★★    ░░░░░ 0 ││ 应建未建单位   2 │
        │ 党组织（在册） 4 ││ 本年服务       0 ││ ★★★★     ░░░░░ 0 ││ 无组织无指导员 3 │
        │ 软弱涣散       0 ││ 逐月     ▁▁▁▁▁▁▁ ││ ★★★      ░░░░░ 0 ││ 联合党支部超5… 0 │
        │ 正式党员      18 ││ 驿站30天无服务 0 ││ ★★       ░░░░░ 0 ││ 党支部超50人   0 │
        │ 预备党员（新…  0 │└──────────────────┘│ ★        ░░░░░ 0 ││ 拟建日期已过   0 │
        │ 党建指导员     1 │┌─ 教育培训 ───────┐│ 未定级         4 ││ 软弱涣散党组织 0 │
        └──────────────────┘│ 本年场次       0 ││ 星级覆盖率 0.00% ││ 驿站30天无服务 0 │
        ┌─ 新就业群体 ─────┐│ 人次           0 ││                  ││ 驿站缺基本服务 0 │
        │ 平台品牌       0 ││ 学时           0 ││                  ││                  │
        │ 从业人员       0 ││ 逐月     ▁▁▁▁▁▁▁ ││                  ││                  │
        │ 发现党员       0 ││ 上年   0 · 0 · 0 ││                  ││                  │
        │ 本年活动       0 ││                  ││                  ││                  │
        └──────────────────┘└──────────────────┘└──────────────────┘└──────────────────┘
         o.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        let lines = try render(80, 24)
        let want = expected.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, want.count)
        for (i, (got, exp)) in zip(lines, want).enumerated() { XCTAssertEqual(got, exp, "line \(i)") }
        for l in lines { XCTAssertLessThanOrEqual(displayWidth(l), 80, l) }
    }

    func testWideLayoutShowsEveryGroupAndBothChanges() throws {
        let lines = try render(120, 40)
        XCTAssertEqual(lines.count, 40)
        XCTAssertEqual(lines[3], "│ 两新组织合计             11 ███████████████████▏░░░░░░░░░░░░░░░░░░░░░░  45.45%  +15.45      9.09%     72.73%  +22.73 │")
        XCTAssertTrue(lines[5].contains("工商联会员企业"))
        XCTAssertTrue(lines[9].contains("中介组织") && lines[9].contains("100.00%"))
        XCTAssertTrue(lines.contains { $0.contains("应建未建单位") && $0.hasSuffix("2 │") })
    }

    func testTooSmallScreen() throws {
        let lines = try render(60, 20)
        XCTAssertTrue(lines[9].contains("终端太小"))
        XCTAssertTrue(lines[10].contains("60×20"))
    }

    func testEnglish() throws {
        let lines = try render(120, 40, lang: .en)
        XCTAssertTrue(lines[0].hasPrefix(" 1 Overview │ 2 Coverage"))
        XCTAssertTrue(lines.contains { $0.contains("Non-public enterprises") && $0.contains("60.00%") })
    }
}

final class AppKeysTests: XCTestCase {
    func makeApp() throws -> (TempDir, Store) {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("k.sqlite"))
        try Fixture.make().load(into: store)
        return (tmp, store)
    }

    func testTabsDigitsAndMouseSwitchPanels() throws {
        let (tmp, store) = try makeApp(); _ = tmp
        MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: store, today: today))
            XCTAssertEqual(app.activePanel.id, .overview)
            app.update(.key(.tab))
            XCTAssertEqual(app.activePanel.id, .coverage)
            app.update(.key(.backTab))
            app.update(.key(.backTab))
            XCTAssertEqual(app.activePanel.id, .stars)
            app.update(.key(.char("4")))
            XCTAssertEqual(app.activePanel.id, .stations)
            _ = app.render(width: 120, height: 40)
            // " 1 总览 │ 2 覆盖 │ 3 新就业群体": the third tab starts at column 16.
            app.update(.key(.mouse(x: 18, y: 0)))
            XCTAssertEqual(app.activePanel.id, .outreach)
            app.update(.key(.char("q")))
            XCTAssertTrue(app.quit)
        }
    }

    func testHelpOverlayIsBuiltFromTheKeymapAndClosesOnAnyKey() throws {
        let (tmp, store) = try makeApp(); _ = tmp
        MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: store, today: today))
            app.update(.key(.char("?")))
            let text = app.render(width: 100, height: 30).lines().joined(separator: "\n")
            XCTAssertTrue(text.contains("帮助"))
            XCTAssertTrue(text.contains("下一个面板"))
            XCTAssertTrue(text.contains("退出"))
            app.update(.key(.char("x")))
            XCTAssertFalse(app.showHelp)
            XCTAssertFalse(app.quit)
        }
    }

    func testAnotherUsersCommitIsPickedUpOnTick() throws {
        let (tmp, store) = try makeApp(); _ = tmp
        try MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: store, today: today))
            XCTAssertFalse(app.update(.tick))
            let other = try Store(path: store.path)
            try other.write { l in
                var u = OrgUnit(name: "新登记企业", category: .privateEnterprise, regionCode: "990102001", staff: 12)
                try l.insert(&u)
            }
            XCTAssertTrue(app.update(.tick))
            let overview = app.activePanel as! OverviewPanel
            XCTAssertEqual(overview.data?.unitsInScope, 12)
        }
    }
}

final class OverviewReportTests: XCTestCase {
    func testJSONShape() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("r.sqlite"))
        try Fixture.make().load(into: store)
        let json = OverviewReport.json(try store.overview(today: today))
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(obj["schema"] as? String, "liangxin.report.overview/1")
        XCTAssertEqual(obj["today"] as? String, "2026-11-22")
        let coverage = try XCTUnwrap(obj["coverage"] as? [[String: Any]])
        let all = try XCTUnwrap(coverage.first { $0["group"] as? String == "all" })
        XCTAssertEqual(all["units"] as? Int, 11)
        XCTAssertEqual((all["orgRate"] as? NSNumber)?.doubleValue, 45.45)
        XCTAssertEqual((all["workRate"] as? NSNumber)?.doubleValue, 72.73)
        XCTAssertEqual(((all["lastYear"] as? [String: Any])?["orgRate"] as? NSNumber)?.doubleValue, 30.0)
        XCTAssertTrue(json.contains("\"orgRate\" : 45.45"), "rates print with two decimals, not binary noise")
        let findings = try XCTUnwrap(obj["findings"] as? [String: Int])
        XCTAssertEqual(findings["shouldForm"], 2)
        XCTAssertEqual(findings["blindSpot"], 3)
        let school = try XCTUnwrap(coverage.first { $0["group"] as? String == "school" })
        XCTAssertEqual((school["lastYear"] as? [String: Any])?["orgRate"] is NSNull, true, "no school last year: null, not 0")
    }

    func testCSVAndMarkdown() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("r2.sqlite"))
        try Fixture.make().load(into: store)
        let d = try store.overview(today: today)
        let csv = OverviewReport.csv(d)
        XCTAssertTrue(csv.hasPrefix("section,item,value\n"))
        XCTAssertTrue(csv.contains("coverage.all,orgRate,45.45\n"))
        let md = OverviewReport.markdown(d)
        XCTAssertTrue(md.contains("| 两新组织合计 | 11 | 45.45% | 9.09% | 72.73% | +15.45 |"))
    }
}
