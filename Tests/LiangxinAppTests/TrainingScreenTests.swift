import Foundation
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// The training panel on the hand-counted fixture, rendered through the app's update loop, asserted line by line.
/// Figures (see TrainingFigureTests): 2026 7 sessions / 577 人次 / 139.5 学时 against 2025 2 / 260 / 61.5;
/// secretaries 2 of 9 at a concentrated course (22.22%), 1 at 56 学时 (11.11%), 1 at a rotation (11.11%), 2 overdue.
final class TrainingScreenTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("t.sqlite"))
        try TrainingFixture.load(into: store)
    }

    func render(_ w: Int, _ h: Int, keys: String = "", lang: Lang = .zh) throws -> [String] {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today, lang: lang), panel: .training, width: w, height: h, keys: k)
        }
    }

    func assertLines(_ got: [String], _ expected: String, width: Int, file: StaticString = #filePath, line: UInt = #line) {
        let want = expected.components(separatedBy: "\n")
        XCTAssertEqual(got.count, want.count, file: file, line: line)
        for (i, (g, e)) in zip(got, want).enumerated() { XCTAssertEqual(g, e, "line \(i)", file: file, line: line) }
        for l in got { XCTAssertLessThanOrEqual(displayWidth(l), width, l, file: file, line: line) }
    }

    /// 3月 = S1 + S3 (2 sessions, 42 人次, 42 学时); 学习培训班 3 / 115 / 92.5, +55 人次 on 2025's 60; 线下 382, +122 on 260.
    /// The overdue list: 王芳 (appointed 2026-04-22) and 孙磊 (2015-03-01), both in 西岭街道.
    func testSummaryAt120x40() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级                                    两新党建看板 · 2026-11-22
        ┌─ 概况 · 台账 · 书记培训 ─ 2026年（截至2026-11-22） ──────── 书记培训 · 在册党组织 9 ─────────────────────────────────┐
        │          2026年     2025年     较上年                      参加集中培训    ██████▉░░░░░░░░░░░░░░░░░░░░░░░░ 2  22.22% │
        │ 场次          7          2         +5                      满56学时        ███▌░░░░░░░░░░░░░░░░░░░░░░░░░░░ 1  11.11% │
        │ 人次        577        260       +317                      参加书记轮训    ███▌░░░░░░░░░░░░░░░░░░░░░░░░░░░ 1  11.11% │
        │ 学时      139.5       61.5        +78                      任职超6个月未训                                         2 │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
        ┌─ 逐月 · 人次 ────────────────────────────────────────────┐┌─ 按类型与形式 ───────────────────────────────────────────┐
        │ 月份 场次                          人次    学时 上年人次 ││ 类型                         场次   人次    学时  较上年 │
        │  1月    0                             0       0        0 ││ 学习培训班       ████▎          3    115    92.5     +55 │
        │  2月    0                             0       0        0 ││ 专题党课         ████▍          1    120       3    +120 │
        │  3月    2 ███▏                       42      42        0 ││ 主题教育集中学习                0      0       0      ±0 │
        │  4月    0                             0       0        0 ││ 专题研讨         ▌              1     12       2     +12 │
        │  5月    1 ███▋                       50      16       60 ││ 宣讲             ███████████    1    300       2    +100 │
        │  6月    0                             0       0        0 ││ 知识竞赛                        0      0       0      ±0 │
        │  7月    1 ████████▊                 120       3        0 ││ 书记轮训         █▏             1     30      40     +30 │
        │  8月    0                             0       0        0 ││ 党务工作者培训                  0      0       0      ±0 │
        │  9月    1 ██████████████████████    300       2        0 ││ 形式                         场次   人次    学时  较上年 │
        │ 10月    1 ██▉                        40      40        0 ││ 线上             ████▏          2    145    39.5    +145 │
        │ 11月    1 █▉                         25    36.5      200 ││ 线下             ███████████    4    382      84    +122 │
        │ 12月    0                             0       0        0 ││ 线上+线下        █▌             1     50      16     +50 │
        └──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘
        ┌─ 任职超过6个月仍未参训的书记 · 2 · f 下一清单 ───────────────────────────────────────────────────────────────────────┐
        │ 地区            党组织                              书记       任职日期    学时 参加集中培训 参加书记轮训 最近参训   │
        │ 西岭街道        快递物流行业党支部                  王芳       2026-04-22     0      —            —                  │
        │ 西岭街道        饱饱外卖联合党支部                  孙磊       2015-03-01     0      —            —                  │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
         t.sqlite                                                                                   ?帮助 1-6面板 Tab切换 q退出
        """
        assertLines(try render(120, 40), expected, width: 120)
    }

    func testSummaryAt80x24() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 概况 · 台账 · 书记培训 ─ 2026年（截至2026-11-22） ──────────────────────────┐
        │          2026年     2025年     较上年  参加集中培训    ██▌░░░░░░░░ 2  22.22% │
        │ 场次          7          2         +5  满56学时        █▎░░░░░░░░░ 1  11.11% │
        │ 人次        577        260       +317  参加书记轮训    █▎░░░░░░░░░ 1  11.11% │
        │ 学时      139.5       61.5        +78  任职超6个月未训                     2 │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌─ 逐月 · 人次 ────────────────────────┐┌─ 按类型与形式 ───────────────────────┐
        │ 月份 场次               人次    学时 ││ 类型             场次   人次    学时 │
        │  1月    0                  0       0 ││ 学习培训班          3    115    92.5 │
        │  2月    0                  0       0 ││ 专题党课            1    120       3 │
        │  3月    2 █▌              42      42 ││ 主题教育集中学习    0      0       0 │
        │  4月    0                  0       0 ││ 专题研讨            1     12       2 │
        │  5月    1 █▉              50      16 ││ 宣讲                1    300       2 │
        │  6月    0                  0       0 ││ 知识竞赛            0      0       0 │
        │  7月    1 ████▍          120       3 ││ 书记轮训            1     30      40 │
        │  8月    0                  0       0 ││ 党务工作者培训      0      0       0 │
        │  9月    1 ███████████    300       2 ││ 形式             场次   人次    学时 │
        │ 10月    1 █▌              40      40 ││ 线上                2    145    39.5 │
        │ 11月    1 ▉               25    36.5 ││ 线下                4    382      84 │
        │ 12月    0                  0       0 ││ 线上+线下           1     50      16 │
        │                                      ││                                      │
        └──────────────────────────────────────┘└──────────────────────────────────────┘
         t.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        assertLines(try render(80, 24), expected, width: 80)
    }

    /// Newest first; all nine sessions of both years.
    func testLedgerAt80x24() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 概况 · 台账 · 书记培训 ─ 2026年（截至2026-11-22） ──────────────────────────┐
        │          2026年     2025年     较上年  参加集中培训    ██▌░░░░░░░░ 2  22.22% │
        │ 场次          7          2         +5  满56学时        █▎░░░░░░░░░ 1  11.11% │
        │ 人次        577        260       +317  参加书记轮训    █▎░░░░░░░░░ 1  11.11% │
        │ 学时      139.5       61.5        +78  任职超6个月未训                     2 │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌─ 台账 · 9 ───────────────────────────────────────────────────────────────────┐
        │ 日期▼      培训名称                      类型         形式        人次  学时 │
        │ 2026-11-10 党务工作者能力提升班          学习培训班   线上          25  36.5 │
        │ 2026-10-20 非公企业党组织书记示范培训班  学习培训班   线下          40    40 │
        │ 2026-09-15 新就业群体微宣讲              宣讲         线下         300     2 │
        │ 2026-07-01 “七一”专题党课                专题党课     线上         120     3 │
        │ 2026-05-12 两新组织党务骨干培训班        学习培训班   线上+线下     50    16 │
        │ 2026-03-10 党建引领发展专题研讨          专题研讨     线下          12     2 │
        │ 2026-03-02 2026年东湖区党组织书记轮训班  书记轮训     线下          30    40 │
        │ 2025-11-03 2025年理论宣讲                宣讲         线下         200   1.5 │
        │ 2025-05-19 2025年党组织书记培训班        学习培训班   线下          60    60 │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        └──────────────────────────────────────────────────────────────────────────────┘
         t.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        assertLines(try render(80, 24, keys: "v"), expected, width: 80)
    }

    /// The second list: the 7 without a concentrated course, by region then organization; the vacancy shows as such.
    func testSecretaryListAt80x24() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 概况 · 台账 · 书记培训 ─ 2026年（截至2026-11-22） ──────────────────────────┐
        │          2026年     2025年     较上年  参加集中培训    ██▌░░░░░░░░ 2  22.22% │
        │ 场次          7          2         +5  满56学时        █▎░░░░░░░░░ 1  11.11% │
        │ 人次        577        260       +317  参加书记轮训    █▎░░░░░░░░░ 1  11.11% │
        │ 学时      139.5       61.5        +78  任职超6个月未训                     2 │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌─ 未参加集中培训的书记 · 7 · f 下一清单 ──────────────────────────────────────┐
        │ 党组织                                 书记       任职日期    学时 集中 轮训 │
        │ 东湖商圈联合党支部                     李华       2026-06-22     0  —    —   │
        │ 东湖律所党支部                         刘强       2018-05-01     0  —    —   │
        │ 启航学校党支部                         （未配备）                0  —    —   │
        │ 快递物流行业党支部                     王芳       2026-04-22     0  —    —   │
        │ 西岭基金会党支部                       周敏       2026-01-05     2  —    —   │
        │ 西岭科技党支部                         陈刚       2019-03-01     5  —    —   │
        │ 饱饱外卖联合党支部                     孙磊       2015-03-01     0  —    —   │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        └──────────────────────────────────────────────────────────────────────────────┘
         t.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        assertLines(try render(80, 24, keys: "v v f"), expected, width: 80)
    }

    /// Enter on the oldest 2026 session (S1): its fields, the attendance (张明 listed twice, his predecessor's row under
    /// 快递物流) and its history, newest first (the time column is the clock's, so only the rest is compared).
    func testSessionDetailAt80x24() throws {
        let lines = try render(80, 24, keys: "v G k k Enter")
        XCTAssertEqual(Array(lines[1...13]), [
            "┌─ 培训详情 · 2026年东湖区党组织书记轮训班 ────────────────────────────────────┐",
            "│ 日期     2026-03-02 ~ 03-06（5天）     类型     书记轮训 · 线下              │",
            "│ 主办单位 东湖区委两新工委              人次     30                           │",
            "│ 培训对象 党组织书记                    学时     40                           │",
            "│ 地区     东湖区                        登记人数 3：书记3                     │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "┌─ 参训人员 · 3 ───────────────────────────────────────────────────────────────┐",
            "│ 党组织                                            姓名         身份     人数 │",
            "│ 快递物流行业党支部                                赵旧         书记        1 │",
            "│ 恒远机械党支部                                    张明         书记        1 │",
            "│ 恒远机械党支部                                    张明         书记        1 │",
            "│                                                                              │",
            "│                                                                              │",
        ])
        XCTAssertEqual(lines[16], "┌─ 修改记录 · 4 ───────────────────────────────────────────────────────────────┐")
        let what = lines[18...21].map { String($0.dropFirst(2 + 17 + 11)) }
        XCTAssertEqual(what, ["新增参训人员：赵旧 书记                          │", "新增参训人员：张明 书记                          │",
                              "新增参训人员：张明 书记                          │", "新增培训                                         │"])
        XCTAssertTrue(lines.allSatisfy { displayWidth($0) <= 80 })
    }

    /// `[` shows 2025 (whole year, no "to" date) against 2024, and the coverage of 2025 (刘强's 60 学时 course).
    func testPreviousYear() throws {
        let lines = try render(80, 24, keys: "[")
        XCTAssertEqual(Array(lines[1...5]), [
            "┌─ 概况 · 台账 · 书记培训 ─ 2025年 ────── 书记培训 · 在册党组织 9 ─────────────┐",
            "│          2025年     2024年     较上年  参加集中培训    █▎░░░░░░░░░ 1  11.11% │",
            "│ 场次          2          0         +2  满56学时        █▎░░░░░░░░░ 1  11.11% │",
            "│ 人次        260          0       +260  参加书记轮训    ░░░░░░░░░░░ 0   0.00% │",
            "│ 学时       61.5          0      +61.5  任职超6个月未训                     2 │",
        ])
        // The years stop at the first session's year and at this year.
        XCTAssertEqual(try render(80, 24, keys: "[ [ [")[2], lines[2])
        XCTAssertEqual(try render(80, 24, keys: "] ]")[2], try render(80, 24)[2])
        XCTAssertEqual(try render(80, 24, keys: "< >")[2], try render(80, 24)[2])
    }

    func testEnglishFitsBothSizes() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            for keys in ["", "v", "v v", "v Enter", "a"] {
                let lines = try render(w, h, keys: keys, lang: .en)
                XCTAssertEqual(lines.count, h)
                for l in lines { XCTAssertLessThanOrEqual(displayWidth(l), w, "\(keys): \(l)") }
            }
        }
        let lines = try render(120, 40, lang: .en)
        XCTAssertTrue(lines[1].contains("Summary") && lines[1].contains("2026 (to 2026-11-22)"), lines[1])
        XCTAssertTrue(lines.contains { $0.contains("Secretary rotation") })
    }

    func testHelpShowsThePanelsKeys() throws {
        let text = try render(120, 40, keys: "?").joined(separator: "\n")
        for s in ["切换视图：概况 / 台账 / 书记培训", "上一年 / 下一年", "以所选培训为模板复制（新日期）", "导出屏幕上的清单", "切换书记清单"] {
            XCTAssertTrue(text.contains(s), s)
        }
    }

    /// `/` narrows as you type (every word must match); `s` sorts by the next column, `S` reverses.
    func testFilterAndSort() throws {
        let lines = try render(80, 24, keys: "v / \"宣讲\" Enter")
        XCTAssertEqual(lines[7], "┌─ 台账 · 2 ───────────────────────────────────────────────────────────────────┐")
        XCTAssertTrue(lines[9].contains("新就业群体微宣讲") && lines[10].contains("2025年理论宣讲"))
        XCTAssertTrue(lines[21].hasPrefix("│ /宣讲"), lines[21])
        XCTAssertTrue(lines[21].contains("1/2"), lines[21])
        let two = try render(80, 24, keys: "v / \"2025 宣讲\" Enter")
        XCTAssertEqual(two[7], "┌─ 台账 · 1 ───────────────────────────────────────────────────────────────────┐")
        // Sorted by title (A first): the “七一” title sorts after the digits.
        let sorted = try render(80, 24, keys: "v s")
        XCTAssertTrue(sorted[8].contains("培训名称▲"), sorted[8])
        XCTAssertTrue(sorted[9].contains("2025年党组织书记培训班"), sorted[9])
        let reversed = try render(80, 24, keys: "v s S")
        XCTAssertTrue(reversed[8].contains("培训名称▼"), reversed[8])
        // Esc clears a kept filter.
        XCTAssertEqual(try render(80, 24, keys: "v / \"宣讲\" Enter Esc")[7], try render(80, 24, keys: "v")[7])
    }

    /// On a terminal a typed filter's count and first page are read in the background: the key answers at once with
    /// the previous rows and "查询中…", then the screen is exactly the headless one.
    func testTypedFilterAnswersAtOnceThenShowsTheMatches() throws {
        let s = store!
        let open = try Key.parseScript("v /")
        MainActor.assumeIsolated {
            let inline = Snapshot.render(ctx: AppContext(store: s, today: today), panel: .training, width: 80, height: 24,
                                         keys: open + [.char("宣")])
            let app = App(ctx: AppContext(store: s, today: today, reads: .threaded), start: .training)
            for k in open { app.update(.key(k)); app.settle(width: 80, height: 24) }
            let all = app.render(width: 80, height: 24).lines()
            XCTAssertEqual(all[7], "┌─ 台账 · 9 ───────────────────────────────────────────────────────────────────┐")
            // Held until the test lets it go, so the frame in between is certain.
            let visible = (app.activePanel as! TrainingPanel).ledger.visible
            let gate = DispatchSemaphore(value: 0)
            let held: (Int, [TrainingSession])? = try? app.ctx.background.value("training.ledger|宣|\(TrainingSort.date)|false|\(visible)") {
                gate.wait()
                return (try s.trainingSessionCount(filter: "宣"),
                        try s.trainingSessions(filter: "宣", sort: .date, ascending: false, offset: 0, limit: visible))
            }
            XCTAssertNil(held)
            app.update(.key(.char("宣")))
            let waiting = app.render(width: 80, height: 24).lines()
            XCTAssertTrue(app.isWaitingForReads)
            XCTAssertEqual(waiting[7], "┌─ 台账 · 查询中… ─────────────────────────────────────────────────────────────┐")
            XCTAssertEqual(Array(waiting[8..<20]), Array(all[8..<20]), "the previous rows stay")
            gate.signal()
            app.settle(width: 80, height: 24)
            XCTAssertFalse(app.isWaitingForReads)
            let done = app.render(width: 80, height: 24).lines()
            XCTAssertEqual(done, inline)
            XCTAssertEqual(done[7], "┌─ 台账 · 2 ───────────────────────────────────────────────────────────────────┐")
        }
    }

    /// The panel keeps the secretary figures it computed (issue 8); the next start reads them and draws the same.
    func testThePanelSavesItsFiguresAndTheNextStartDrawsTheSame() throws {
        XCTAssertNotNil(try store.trainingFigures(year: 2026, today: today).unsaved, "none saved yet")
        let computed = try render(120, 40)
        XCTAssertNil(try store.trainingFigures(year: 2026, today: today).unsaved, "saved by the first start")
        XCTAssertEqual(try render(120, 40), computed)
        try store.forgetSavedFigures()
        XCTAssertEqual(try render(120, 40), computed)
    }

    func testMouseClickSelectsARow() throws {
        let s = store!
        let title = MainActor.assumeIsolated { () -> String in
            // As on a terminal: the screen is drawn before the click arrives. Row 12 is the fourth session.
            let app = App(ctx: AppContext(store: s, today: today), start: .training)
            app.update(.key(.char("v")))
            _ = app.render(width: 80, height: 24)
            app.update(.key(.mouse(x: 20, y: 12)))
            app.update(.key(.enter))
            return app.render(width: 80, height: 24).lines()[1]
        }
        XCTAssertTrue(title.contains("“七一”专题党课"), title)
    }
}
