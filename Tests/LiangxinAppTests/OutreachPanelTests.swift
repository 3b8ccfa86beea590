import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// The outreach panel driven key by key through the app's update loop on the hand-counted fixture
/// (LiangxinStoreTests/OutreachSQLTests has the hand count of every figure below).
final class OutreachPanelTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("o.sqlite"))
        try OutreachFixture.make().load(into: store)
    }

    func render(_ w: Int, _ h: Int, keys: String = "", lang: Lang = .zh) throws -> [String] {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today, lang: lang), panel: .outreach, width: w, height: h, keys: k)
        }
    }

    func assertScreen(_ lines: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let want = expected.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, want.count, file: file, line: line)
        for (i, (got, exp)) in zip(lines, want).enumerated() { XCTAssertEqual(got, exp, "line \(i)", file: file, line: line) }
    }

    /// Sector figures from each platform's latest survey, the coverage bars, activities by type, sparklines,
    /// findings and this year's awards.
    func testSummaryAt120x40() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级                                    两新党建看板 · 2026-11-22
        ┌─ 按行业汇总 · 各平台最近一次摸排 · 截至2026-11-22 ────────────────────────────────────────  概况  台账  活动  表彰  ─┐
        │ 行业     平台品牌 站点网点 从业人员 发现党员 口袋党员 转入关系 流动党员 覆盖支部 单位 党组织覆盖率                   │
        │ 快递            2       18      440       19        4        8        8        2    2 ███████████░░░░░░░░░░░  50.00% │
        │ 外卖            1        3      200        6        2        6        1        1    3 ███████▍░░░░░░░░░░░░░░  33.33% │
        │ 网约车          1        0      500       12        4        5        6        1    1 ██████████████████████ 100.00% │
        │ 货车            1        2       80        0        0        0        0        1    2 ███████████░░░░░░░░░░░  50.00% │
        │ 网络主播        1        0        0        0        0        0        0        0    1 ░░░░░░░░░░░░░░░░░░░░░░   0.00% │
        │ 合计            6       23     1220       37       10       19       15        4    9 █████████▊░░░░░░░░░░░░  44.44% │
        └────────────────────────────────────────────────────────────────────── Enter 行业台账 · v 视图 · f 问题 · a 新增活动 ─┘
        ┌─ 本年活动（按类型） 2026 ────────────────────────────────┐┌─ 逐月活动（按行业） 2026 ────────────────────────────────┐
        │ 类型            场次 参与人数 服务人数 发放物品 志愿人次 ││ 快递     █▁█▁▁▁█▁▁▁▁                                   3 │
        │ 关爱慰问           1       20      260      707        0 ││ 外卖     ▁▁█▁▁▁▁▁▁▁█                                   2 │
        │ 培训               1       40        0        0        0 ││ 网约车   ▁▁▁▁█▁▁▁▁▁▁                                   1 │
        │ 志愿服务           2       55      180        0       95 ││ 货车     ▁▁▁▁▁▁▁▁▁█▁                                   1 │
        │ 评选表彰           2      110        0        0        0 ││ 网络主播 ▁▁▁▁▁▁▁▁█▁▁                                   1 │
        │ 座谈               1       12        0        0        0 │└──────────────────────────────────────────────────────────┘
        │ 摸排               1        6        0        0        0 │┌─ 问题清单 ───────────────────────────────────────────────┐
        │ 合计               8      243      440      707       95 ││ 未摸排或超6个月                                        2 │
        │                                                          ││ 有党员无覆盖支部                                       2 │
        │                                                          ││ 党员未转入组织关系                                     3 │
        └──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘
        ┌─ 本年评选表彰 2026 · 共2条 ──────────────────────────────────────────────────────────────────────────────────────────┐
        │ 日期       奖项                       获奖人   行业     组织单位                 活动                                │
        │ 2026-10-18 红色方向盘                 李四     货车     西岭区委两新工委         红色方向盘评选                      │
        │ 2026-03-04 最美快递员                 张三     快递     示例市委社会工作部       最美快递员评选                      │
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
         o.sqlite                                                                                   ?帮助 1-6面板 Tab切换 q退出
        """
        let lines = try render(120, 40)
        assertScreen(lines, expected)
        for l in lines { XCTAssertLessThanOrEqual(displayWidth(l), 120, l) }
    }

    func testSummaryAt80x24() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 按行业汇总 · 各平台最近一次摸排 · 截至2026-11… ──  概况  台账  活动  表彰  ─┐
        │ 行业     平台 站点 从业 党员 口袋 转入 流动 支部 党组织覆盖率                │
        │ 快递        2   18  440   19    4    8    8    2 █████████▌░░░░░░░░░  50.00% │
        │ 外卖        1    3  200    6    2    6    1    1 ██████▍░░░░░░░░░░░░  33.33% │
        │ 网约车      1    0  500   12    4    5    6    1 ███████████████████ 100.00% │
        │ 货车        1    2   80    0    0    0    0    1 █████████▌░░░░░░░░░  50.00% │
        │ 网络主播    1    0    0    0    0    0    0    0 ░░░░░░░░░░░░░░░░░░░   0.00% │
        │ 合计        6   23 1220   37   10   19   15    4 ████████▌░░░░░░░░░░  44.44% │
        └────────────────────────────── Enter 行业台账 · v 视图 · f 问题 · a 新增活动 ─┘
        ┌─ 本年活动（按类型） 2026 ────────────┐┌─ 逐月活动（按行业） 2026 ────────────┐
        │ 类型        场次 参与 服务 物品 志愿 ││ 快递     █▁█▁▁▁█▁▁▁▁               3 │
        │ 关爱慰问       1   20  260  707    0 ││ 外卖     ▁▁█▁▁▁▁▁▁▁█               2 │
        │ 培训           1   40    0    0    0 ││ 网约车   ▁▁▁▁█▁▁▁▁▁▁               1 │
        │ 志愿服务       2   55  180    0   95 ││ 货车     ▁▁▁▁▁▁▁▁▁█▁               1 │
        │ 评选表彰       2  110    0    0    0 ││ 网络主播 ▁▁▁▁▁▁▁▁█▁▁               1 │
        │ 座谈           1   12    0    0    0 │└──────────────────────────────────────┘
        │ 摸排           1    6    0    0    0 │┌─ 问题清单 ───────────────────────────┐
        │ 合计           8  243  440  707   95 ││ 未摸排或超6个月                    2 │
        │                                      ││ 有党员无覆盖支部                   2 │
        │                                      ││ 党员未转入组织关系                 3 │
        │                                      ││                                      │
        └──────────────────────────────────────┘└──────────────────────────────────────┘
         o.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        let lines = try render(80, 24)
        assertScreen(lines, expected)
        for l in lines { XCTAssertLessThanOrEqual(displayWidth(l), 80, l) }
    }

    func testLedgerAndPlatformDetailAt80x24() throws {
        assertScreen(try render(80, 24, keys: "v"), """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 摸排台账 · 共6条 ────────────────────────────────  概况  台账  活动  表彰  ─┐
        │ 平台/品牌            行业▲    站点  从业 党员 转入 覆盖支部       最近摸排   │
        │ 云驰快递（示例市）   快递       12   300    9    2                2026-01-10 │
        │ 迅达快递（东湖片区） 快递        6   140   10    6 东湖快递流动…  2026-09-15 │
        │ 饱饱外卖（示例市）   外卖        3   200    6    6 外卖骑手党支…  2026-06-01 │
        │ 畅行网约车（示例市） 网约车      0   500   12    5 东湖快递流动…  2026-05-22 │
        │ 运通达货运（西岭片…  货车        2    80    0    0 运通达货运党…  2026-08-08 │
        │ 小鹿直播（西岭片区） 网络主播                                     未摸排     │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        └────────────── Enter 详情 · n 新摸排 · a 新增平台 · f 问题 · / 筛选 · v 视图 ─┘
         o.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """)
        // Enter on the first row: 云驰快递 has no branch and its only survey is from January.
        assertScreen(try render(80, 24, keys: "v Enter"), """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 云驰快递（示例市） ─────────────────────────────────────────────────────────┐
        │ 行业 快递    地区 示例市                                                     │
        │ 覆盖支部 无                                                                  │
        │ 书记 无                                                                      │
        │ 最近摸排 2026-01-10    摸排次数 1    问题 未摸排或超6个月、有党员无覆盖支部  │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌─ 摸排历史 · 共1次 ───────────────────────────────────────────────────────────┐
        │ 摸排日期   站点 分支  从业 党员 口袋 转入 流动 备注                          │
        │ 2026-01-10   12    2   300    9    1    2    3                               │
        │                                                                              │
        └───────────────── n 新摸排 · + 新活动 · m 修改 · d 删除 · ←→ 切换 · Esc 返回 ─┘
        ┌─ 开展活动 · 共0条 ───────────────────────────────────────────────────────────┐
        │ 日期▼      类型     活动                                 参与 服务 物品 志愿 │
        │ （无数据）                                                                   │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        └──────────────────────────────────────────────────────────────────────────────┘
         o.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """)
    }

    func testPlatformDetailAt120x40ShowsTheHistoryAndItsActivities() throws {
        assertScreen(try render(120, 40, keys: "v j Enter"), """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级                                    两新党建看板 · 2026-11-22
        ┌─ 迅达快递（东湖片区） ───────────────────────────────────────────────────────────────────────────────────────────────┐
        │ 行业 快递    地区 示例市 › 东湖区                                                                                    │
        │ 覆盖支部 东湖快递流动党员党支部（行业统建 · 党支部）                                                                 │
        │ 书记 无                                                                                                              │
        │ 最近摸排 2026-09-15    摸排次数 2    问题 党员未转入组织关系                                                         │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
        ┌─ 摸排历史 · 共2次 ───────────────────────────────────────────────────────────────────────────────────────────────────┐
        │ 摸排日期   站点网点 分支机构 从业人员 发现党员 口袋党员 转入关系 流动党员 备注                                       │
        │ 2026-09-15        6        1      140       10        3        6        5                                            │
        │ 2025-10-10        5        1      120        8        2        3        4                                            │
        └───────────────────────────────────────────────────────── n 新摸排 · + 新活动 · m 修改 · d 删除 · ←→ 切换 · Esc 返回 ─┘
        ┌─ 开展活动 · 共2条 ───────────────────────────────────────────────────────────────────────────────────────────────────┐
        │ 日期▼      类型     活动                                        组织单位                      参与  服务  物品  志愿 │
        │ 2026-07-01 志愿服务 快递小哥社区志愿服务                        东湖区委社会工作部              25    80          50 │
        │ 2026-01-15 关爱慰问 迅达快递春节慰问                            东湖区委社会工作部              20   260   707       │
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
         o.sqlite                                                                                   ?帮助 1-6面板 Tab切换 q退出
        """)
    }

    func testActivityListAt80x24() throws {
        assertScreen(try render(80, 24, keys: "v v"), """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 活动台账 · 共9条 ────────────────────────────────  概况  台账  活动  表彰  ─┐
        │ 日期▼      行业     类型     活动                        参与 服务 物品 志愿 │
        │ 2026-11-05 外卖     摸排     外卖平台摸排                   6                │
        │ 2026-10-18 货车     评选表彰 红色方向盘评选                50                │
        │ 2026-09-09 网络主播 座谈     网络主播座谈会                12                │
        │ 2026-07-01 快递     志愿服务 快递小哥社区志愿服务          25   80        50 │
        │ 2026-05-10 网约车   培训     网约车司机培训                40                │
        │ 2026-03-20 外卖     志愿服务 外卖骑手志愿服务              30  100        45 │
        │ 2026-03-04 快递     评选表彰 最美快递员评选                60                │
        │ 2026-01-15 快递     关爱慰问 迅达快递春节慰问              20  260  707      │
        │ 2025-12-20 快递     关爱慰问 冬季送温暖                    10   50   50      │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        └──────────────────── a 新增 · + 快速新增 · m 修改 · d 删除 · / 筛选 · v 视图 ─┘
         o.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """)
    }

    /// `f` steps through the three findings lists; Esc clears the filter.
    func testFindingsListsOnScreen() throws {
        func names(_ keys: String) throws -> [String] {
            let lines = try render(80, 24, keys: keys)
            return lines[3..<22].map { String($0.dropFirst(2).prefix(10)).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var lines = try render(80, 24, keys: "v f")
        XCTAssertTrue(lines[1].hasPrefix("┌─ 摸排台账 · 未摸排或超6个月 · 共2条 "), lines[1])
        XCTAssertEqual(try names("v f"), ["云驰快递（示例市）", "小鹿直播（西岭片区）"])
        XCTAssertEqual(try names("v f f"), ["云驰快递（示例市）", "饱饱外卖（示例市）"])
        XCTAssertEqual(try names("v f f f"), ["云驰快递（示例市）", "迅达快递（东湖片区）", "畅行网约车（示例市）"])
        XCTAssertEqual(try names("v f f f f").count, 6)
        lines = try render(80, 24, keys: "v f f Esc")
        XCTAssertTrue(lines[1].hasPrefix("┌─ 摸排台账 · 共6条 "), lines[1])
        // From the summary, f opens the first list; Enter on a sector row narrows the ledger to it.
        lines = try render(80, 24, keys: "f")
        XCTAssertTrue(lines[1].contains("未摸排或超6个月 · 共2条"))
        lines = try render(80, 24, keys: "j Enter")
        XCTAssertTrue(lines[1].hasPrefix("┌─ 摸排台账 · 外卖 · 共1条 "), lines[1])
        lines = try render(80, 24, keys: "j Enter Esc")
        XCTAssertTrue(lines[1].hasPrefix("┌─ 按行业汇总"), lines[1])
        // The wide ledger marks each row's findings.
        let wide = try render(120, 40, keys: "v")
        XCTAssertTrue(wide.contains { $0.contains("云驰快递（示例市）") && $0.hasSuffix("2026-01-10 超期 无支部 未转入 │") }, wide.joined(separator: "\n"))
        XCTAssertTrue(wide.contains { $0.contains("小鹿直播（西岭") && $0.contains("未摸排     未摸排") })
    }

    /// An activity typed into the form from the activity list lands in the database with its audit row and moves
    /// the year's totals, the type's line and the sector's sparkline on the summary.
    func testAnActivityEnteredByKeysMovesTheTotalsAndTheSparkline() throws {
        let before = try render(80, 24)
        XCTAssertEqual(before[11], "│ 类型        场次 参与 服务 物品 志愿 ││ 快递     █▁█▁▁▁█▁▁▁▁               3 │")
        XCTAssertEqual(before[12], "│ 关爱慰问       1   20  260  707    0 ││ 外卖     ▁▁█▁▁▁▁▁▁▁█               2 │")
        XCTAssertEqual(before[18], "│ 合计           8  243  440  707   95 ││ 未摸排或超6个月                    2 │")
        // v v = activity list; a = new; date stays today; sector → 快递, type → 关爱慰问; title, organizer, counts.
        let keys = #"v v a Tab Right Tab Right Tab "社区送清凉" Tab "东湖区委社会工作部" Tab "15" Tab "120" Tab "300" C-s v v"#
        let after = try render(80, 24, keys: keys)
        XCTAssertEqual(after[11], "│ 类型        场次 参与 服务 物品 志愿 ││ 快递     █▁█▁▁▁█▁▁▁█               4 │")
        XCTAssertEqual(after[12], "│ 关爱慰问       2   35  380 1007    0 ││ 外卖     ▁▁█▁▁▁▁▁▁▁█               2 │")
        XCTAssertEqual(after[18], "│ 合计           9  258  560 1007   95 ││ 未摸排或超6个月                    2 │")
        let a = try XCTUnwrap(try store.read { try OutreachActivity.filter(Column("title") == "社区送清凉").fetchOne($0) })
        XCTAssertEqual(a.date, today)
        XCTAssertEqual(a.sector, .courier)
        XCTAssertEqual(a.type, .care)
        XCTAssertEqual(a.organizer, "东湖区委社会工作部")
        XCTAssertEqual([a.participants, a.peopleServed, a.items], [15, 120, 300])
        let audit = try store.history(entity: "outreach_activity", id: a.id!)
        XCTAssertEqual(audit.map(\.action), ["insert"])
        XCTAssertEqual(audit.first?.source, "form")
        // The activity list shows it on top, and the report counts it too.
        let list = try render(80, 24, keys: "v v")
        XCTAssertEqual(list[3], "│ 2026-11-22 快递     关爱慰问 社区送清凉                    15  120  300      │")
        let report = try OutreachReport.load(store, today: today)
        XCTAssertEqual(report.summary.activities(.courier).count, 4)
        XCTAssertEqual(report.summary.months(.courier)[10], 1)
    }

    /// `+` from the list starts a new activity like the selected one: same sector, type, organizer and platform.
    func testQuickAddStartsFromTheSelectedActivity() throws {
        let lines = try render(100, 30, keys: #"v v j + Tab Tab Tab "年度红色方向盘复评" C-s"#)
        XCTAssertTrue(lines.joined().contains("获奖人：评选表彰必填"), "the copied type is an award, so the awardee is asked for")
        let out = try render(100, 30, keys: #"v v j + Tab Tab Tab "年度红色方向盘复评" Tab Tab Tab Tab Tab Tab "红色方向盘" Tab "王五" C-s"#)
        XCTAssertFalse(out.joined().contains("快速新增活动 *"), "the form closed after saving")
        let a = try XCTUnwrap(try store.read { try OutreachActivity.filter(Column("title") == "年度红色方向盘复评").fetchOne($0) })
        XCTAssertEqual(a.sector, .truck)
        XCTAssertEqual(a.type, .award)
        XCTAssertEqual(a.organizer, "西岭区委两新工委")
        XCTAssertEqual(a.platformId, 5)
        XCTAssertEqual(a.awardPerson, "王五")
        XCTAssertEqual(a.date, today)
    }

    /// A survey entered from the platform detail adds a row: the history shows both, the summary moves to it.
    func testASurveyEnteredByKeysKeepsTheHistoryAndMovesTheLedger() throws {
        // v j Enter = detail of 迅达快递（东湖片区）; n = new survey prefilled from 2026-09-15 (6, 1, 140, 10, 3, 6, 5).
        let keys = #"v j Enter n Tab C-u "7" Tab Tab C-u "150" Tab C-u "12" Tab Tab C-u "9" C-s"#
        let detail = try render(80, 24, keys: keys)
        XCTAssertEqual(detail[7], "┌─ 摸排历史 · 共3次 ───────────────────────────────────────────────────────────┐")
        XCTAssertEqual(detail[9], "│ 2026-11-22    7    1   150   12    3    9    5                               │")
        XCTAssertEqual(detail[10], "│ 2026-09-15    6    1   140   10    3    6    5                               │")
        XCTAssertEqual(detail[11], "│ 2025-10-10    5    1   120    8    2    3    4                               │")
        XCTAssertTrue(detail[5].contains("最近摸排 2026-11-22    摸排次数 3"), detail[5])
        // 快递: stations 18 − 6 + 7 = 19, workers 440 − 140 + 150 = 450, found 19 − 10 + 12 = 21, transferred 8 − 6 + 9 = 11.
        let summary = try render(80, 24)
        XCTAssertEqual(summary[3], "│ 快递        2   19  450   21    4   11    8    2 █████████▌░░░░░░░░░  50.00% │")
        let surveys = try store.read { try PlatformSurvey.filter(Column("platform_id") == 1).order(Column("survey_date")).fetchAll($0) }
        XCTAssertEqual(surveys.map { "\($0.surveyDate)" }, ["2025-10-10", "2026-09-15", "2026-11-22"])
        XCTAssertEqual(try store.history(entity: "platform_survey", id: surveys[2].id!).map(\.action), ["insert"])
    }

    /// Members transferred cannot exceed members found: the save is refused and the message sits by the field.
    func testSurveyValidationRefusesMoreTransferredThanFound() throws {
        let keys = #"v j n Tab Tab Tab Tab C-u "5" Tab Tab C-u "8" C-s"#
        let text = try render(100, 30, keys: keys).joined(separator: "\n")
        XCTAssertTrue(text.contains("转入组织关系  8                                         ✗ 转入组织关系（8）不能多于发现党员…"), text)
        XCTAssertTrue(text.contains("有1处需要修改，未保存"))
        // Moving off and back shows the focused field's message in full.
        let moved = try render(100, 30, keys: keys + " Up Down").joined(separator: "\n")
        XCTAssertTrue(moved.contains("│ │ 转入组织关系（8）不能多于发现党员（5）"), moved)
        XCTAssertEqual(try store.read { try PlatformSurvey.filter(Column("platform_id") == 1).fetchCount($0) }, 2)
        // A date that does not exist is refused the same way.
        let bad = try render(100, 30, keys: #"v j n C-u "2026-02-30" C-s"#).joined(separator: "\n")
        XCTAssertTrue(bad.contains("✗ 摸排日期：“2026-02-30”不是有效日"), bad)
    }

    /// The figures on the summary are the report's: each sector row, the by-type rows and the findings.
    func testScreenFiguresEqualTheReport() throws {
        let lines = try render(120, 40)
        let report = OutreachReport.jsonObject(try OutreachReport.load(store, today: today))
        let sectors = try XCTUnwrap(report["sectors"] as? [[String: Any]]) + [try XCTUnwrap(report["total"] as? [String: Any])]
        for (i, s) in sectors.enumerated() {
            let row = lines[3 + i].split(separator: " ").map(String.init)
            let ledger = try XCTUnwrap(s["ledger"] as? [String: Int])
            let coverage = try XCTUnwrap(s["coverage"] as? [String: Any])
            XCTAssertEqual(row[1], s["label"] as? String)
            let shown = [ledger["platforms"], ledger["stations"], ledger["workers"], ledger["membersFound"], ledger["pocketMembers"],
                         ledger["membersTransferred"], ledger["mobileMembers"], s["coveringBranches"] as? Int, coverage["units"] as? Int]
            XCTAssertEqual(row[2...10].map { Int($0) }, shown, lines[3 + i])
            let rate = (coverage["orgRate"] as? NSNumber).map { String(format: "%.2f%%", $0.doubleValue) }
            XCTAssertEqual(row[12], rate)
        }
        let byType = try XCTUnwrap(report["activitiesByType"] as? [[String: Any]])
        for (i, t) in byType.enumerated() {
            let row = lines[12 + i].split(separator: "│")[0].split(separator: " ").map(String.init)
            XCTAssertEqual(row[0], t["label"] as? String)
            XCTAssertEqual(row[1...5].map { Int($0) }, ["count", "participants", "peopleServed", "items", "volunteerTimes"].map { t[$0] as? Int })
        }
        let total = try XCTUnwrap(report["total"] as? [String: Any])
        let findings = try XCTUnwrap(total["findings"] as? [String: Int])
        XCTAssertTrue(lines[18].hasSuffix("未摸排或超6个月                                        \(findings["overdue"]!) │"), lines[18])
        XCTAssertTrue(lines[19].hasSuffix("有党员无覆盖支部                                       \(findings["noBranch"]!) │"), lines[19])
        XCTAssertTrue(lines[20].hasSuffix("党员未转入组织关系                                     \(findings["notTransferred"]!) │"), lines[20])
        let counts = try XCTUnwrap((total["activities"] as? [String: Any])?["count"] as? Int)
        XCTAssertTrue(lines[18].hasPrefix("│ 合计               \(counts) "), lines[18])
    }

    func testReportShapesAndAPastYear() throws {
        let data = try OutreachReport.load(store, today: today)
        let json = OutreachReport.json(data)
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(obj["schema"] as? String, "liangxin.report.outreach/1")
        XCTAssertEqual(obj["year"] as? Int, 2026)
        XCTAssertEqual(obj["overdueBefore"] as? String, "2026-05-22")
        let sectors = try XCTUnwrap(obj["sectors"] as? [[String: Any]])
        XCTAssertEqual(sectors.map { $0["sector"] as? String }, ["courier", "delivery", "rideHailing", "truck", "streamer"])
        let courier = sectors[0]
        XCTAssertEqual((courier["ledger"] as? [String: Int])?["workers"], 440)
        XCTAssertEqual(((courier["coverage"] as? [String: Any])?["orgRate"] as? NSNumber)?.doubleValue, 50.0)
        XCTAssertEqual((courier["activities"] as? [String: Any])?["byMonth"] as? [Int], [1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0])
        XCTAssertTrue(json.contains("\"orgRate\" : 33.33"))
        let findings = try XCTUnwrap(obj["findings"] as? [String: [[String: Any]]])
        XCTAssertEqual(findings["overdue"]?.map { $0["name"] as? String }, ["云驰快递（示例市）", "小鹿直播（西岭片区）"])
        XCTAssertTrue(findings["overdue"]?[1]["lastSurvey"] is NSNull)
        let awards = try XCTUnwrap(obj["awards"] as? [[String: Any]])
        XCTAssertEqual(awards.map { $0["person"] as? String }, ["李四", "张三"])

        let csv = OutreachReport.csv(data)
        XCTAssertTrue(csv.hasPrefix("section,item,value\n"))
        XCTAssertTrue(csv.contains("sector.courier,workers,440\n"))
        XCTAssertTrue(csv.contains("sector.all,orgRate,44.44\n"))
        XCTAssertTrue(csv.contains("type.care,items,707\n"))
        let md = OutreachReport.markdown(data)
        XCTAssertTrue(md.contains("| 快递 | 2 | 18 | 440 | 19 | 4 | 8 | 8 | 2 | 2 | 50.00% | 3 |"), md)
        XCTAssertTrue(md.contains("- 小鹿直播（西岭片区）（网络主播，西岭区）最近摸排 未摸排"), md)

        // 2025 stands on its 31 December (hand count in OutreachSQLTests).
        let past = OutreachReport.jsonObject(try OutreachReport.load(store, today: today, year: 2025))
        XCTAssertEqual(past["asOf"] as? String, "2025-12-31")
        XCTAssertEqual((past["findings"] as? [String: [[String: Any]]])?["overdue"]?.count, 5)
        XCTAssertThrowsError(try OutreachReport.load(store, today: today, year: 2027))
    }

    /// A platform goes with its surveys, its activities are unlinked; `u` brings all of it back.
    func testDeletingAPlatformAsksAndUndoBringsItsSurveysBack() throws {
        let s = store!
        try MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today), start: .outreach)
            for k in try Key.parseScript("v j d") { app.update(.key(k)) }
            XCTAssertTrue(app.render(width: 80, height: 24).text.contains("删除平台“迅达快递（东湖片区）”及其2次摸排记录？"))
            app.update(.key(.char("y")))
            XCTAssertNil(try s.fetch(Platform.self, id: 1))
            XCTAssertEqual(try s.read { try PlatformSurvey.filter(Column("platform_id") == 1).fetchCount($0) }, 0)
            XCTAssertNil(try s.fetch(OutreachActivity.self, id: 2)?.platformId)
            XCTAssertEqual(app.ctx.status, "已删除：迅达快递（东湖片区）")
            app.update(.key(.char("u")))
            XCTAssertEqual(try s.fetch(Platform.self, id: 1)?.name, "迅达快递（东湖片区）")
            XCTAssertEqual(try s.read { try PlatformSurvey.filter(Column("platform_id") == 1).fetchCount($0) }, 2)
            XCTAssertEqual(try s.fetch(OutreachActivity.self, id: 2)?.platformId, 1)
            // Enter on the dialog keeps the record: the default button is 取消.
            for k in try Key.parseScript("d Enter") { app.update(.key(k)) }
            XCTAssertNotNil(try s.fetch(Platform.self, id: 1))
        }
    }

    func testFilterSortAndClick() throws {
        var lines = try render(80, 24, keys: #"v / "西岭" Enter"#)
        XCTAssertTrue(lines[1].contains("共2条"))
        XCTAssertTrue(lines[21].hasPrefix("│ /西岭"), lines[21])
        // s steps from 行业 to 站点 (ascending), S reverses it.
        lines = try render(80, 24, keys: "v s s S")
        XCTAssertTrue(lines[2].contains("从业▼"), lines[2])
        XCTAssertTrue(lines[3].contains("畅行网约车（示例市）"), lines[3])
        // A click lands on what the last frame drew: a summary row picks the sector Enter opens, a ledger row
        // the platform.
        let s = store!
        MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today), start: .outreach)
            _ = app.render(width: 80, height: 24)
            app.update(.key(.mouse(x: 4, y: 7)))
            app.update(.key(.enter))
            var text = app.render(width: 80, height: 24).lines()
            XCTAssertTrue(text[1].hasPrefix("┌─ 摸排台账 · 网络主播 · 共1条 "), text[1])
            app.update(.key(.esc))
            app.update(.key(.char("v")))
            _ = app.render(width: 80, height: 24)
            app.update(.key(.mouse(x: 10, y: 5)))
            app.update(.key(.enter))
            text = app.render(width: 80, height: 24).lines()
            XCTAssertTrue(text[1].hasPrefix("┌─ 饱饱外卖（示例市） "), text[1])
            XCTAssertTrue(text[3].contains("外卖骑手党支部（已撤销）"), text[3])
        }
    }

    func testEveryViewFitsInEnglishToo() throws {
        for lang in [Lang.zh, .en] {
            for (w, h) in [(80, 24), (120, 40)] {
                for keys in ["", "v", "v v", "v v v", "v Enter", "v v a", "v j n"] {
                    for l in try render(w, h, keys: keys, lang: lang) {
                        XCTAssertLessThanOrEqual(displayWidth(l), w, "\(lang) \(w)x\(h) [\(keys)] \(l)")
                    }
                }
            }
        }
        let en = try render(120, 40, lang: .en)
        XCTAssertTrue(en[3].hasPrefix("│ Courier "), en[3])
        XCTAssertTrue(en.contains { $0.contains("Not surveyed in 6 months") })
    }

    func testHelpShowsThePanelsKeys() throws {
        let text = try render(100, 40, keys: "?").joined(separator: "\n")
        XCTAssertTrue(text.contains("切换视图：概况 台账 活动 表彰"), text)
        XCTAssertTrue(text.contains("快速新增活动"))
    }
}
