import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// Exact screen lines of the stations panel on StationFixture (figures counted by hand there), through the same
/// update loop the terminal uses.
final class StationScreenTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("s.sqlite"))
        try StationFixture.load(into: store)
        // Fixed audit times and user, so the change history on screen is the same on every run.
        try store.pool.write { try $0.execute(sql: "UPDATE audit SET at = '2026-11-01T09:30:00+08:00', actor = 'clerk'") }
    }

    func render(_ w: Int, _ h: Int, keys: String = "", lang: Lang = .zh) throws -> [String] {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today, lang: lang), panel: .stations, width: w, height: h, keys: k)
        }
    }

    func assertScreen(_ w: Int, _ h: Int, keys: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let lines = try render(w, h, keys: keys)
        let want = expected.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, want.count, file: file, line: line)
        for (i, (got, exp)) in zip(lines, want).enumerated() { XCTAssertEqual(got, exp, "line \(i)", file: file, line: line) }
        for l in lines { XCTAssertLessThanOrEqual(displayWidth(l), w, l, file: file, line: line) }
    }

    /// The register with every column: kind, host unit and address appear on wide screens.
    func testRegisterAt120x40() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级                                    两新党建看板 · 2026-11-22
         登记表 │ 汇总 │ 问题清单                                                               v切换视图 f问题 l快速登记 a新增
        ┌─ 驿站登记表 · 共6处 · 运行4 ─────────────────────────────────────────────────────────────────────────────────────────┐
        │名称                  类型 地区   承办单位       地址             开放时间   服务项目     状态  本月   本年 最近服务  │
        │东湖街道党群服务中心… 爱心 东湖区 东湖街道党群…  示例市东湖区长…  24h        ●●●●●·●····· 运行    50    111 2026-11-20│
        │迅达快递东湖站暖心驿… 暖心 东湖区 迅达快递东湖站 示例市东湖区解…  8-20       ●●●···●···●· 运行     0     20 2026-10-23│
        │东湖药店党群驿站      党群 东湖区 东湖大药房     示例市东湖区桃…  9-21       ●●●···●····· 暂停     7      7 2026-11-05│
        │西岭超市暖"新"驿站    暖新 西岭区 西岭超市       示例市西岭区白…  8-12,14-20 ●●○·●·○····· 运行     0     20 2026-10-22│
        │西岭银行红色驿站      红色 西岭区 示例银行西岭…  示例市西岭区岭…  24h        ●●●●··●····· 运行     0      0 —         │
        │南港加油站爱心驿站    爱心 南港区 示例能源南港…  示例市南港区港…  24h        ●●●···●····· 撤销     0     40 2026-01-01│
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
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        └───────────────────────────────────────────────────────────────────── 服务：休饮充热厕暖药伞书修网谈 ●有 ○缺基本 ·无 ─┘
         s.sqlite                                                                                   ?帮助 1-6面板 Tab切换 q退出
        """
        try assertScreen(120, 40, keys: "", expected)
    }

    /// The register at 80×24: the figures of StationFixture (month, year, last service) per row.
    func testRegisterAt80x24() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
         登记表 │ 汇总 │ 问题清单                       v切换视图 f问题 l快速登记 a新增
        ┌─ 驿站登记表 · 共6处 · 运行4 ─────────────────────────────────────────────────┐
        │名称               地区   开放时间   服务项目     状态  本月   本年 最近服务  │
        │东湖街道党群服务…  东湖区 24h        ●●●●●·●····· 运行    50    111 2026-11-20│
        │迅达快递东湖站暖…  东湖区 8-20       ●●●···●···●· 运行     0     20 2026-10-23│
        │东湖药店党群驿站   东湖区 9-21       ●●●···●····· 暂停     7      7 2026-11-05│
        │西岭超市暖"新"驿站 西岭区 8-12,14-20 ●●○·●·○····· 运行     0     20 2026-10-22│
        │西岭银行红色驿站   西岭区 24h        ●●●●··●····· 运行     0      0 —         │
        │南港加油站爱心驿站 南港区 24h        ●●●···●····· 撤销     0     40 2026-01-01│
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
        └───────────────────────────── 服务：休饮充热厕暖药伞书修网谈 ●有 ○缺基本 ·无 ─┘
         s.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        try assertScreen(80, 24, keys: "", expected)
    }

    /// The summary at 80×24. A 0 where stations run is a gap (no running station in 西岭区 offers Wi-Fi); 南港区 runs
    /// none, so its row is dashes and it is listed among the regions with no running station. 24h: 2 of 4 running.
    func testSummaryAt80x24() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
         登记表 │ 汇总 │ 问题清单                       v切换视图 f问题 l快速登记 a新增
        ┌─ 服务项目 · 提供该项服务的运行驿站数 ────────────────────────────────────────┐
        │ 地区   运行 休息 饮水 充电 热饭 如厕 冷暖 药箱 雨具 阅读 维修 WiFi 倾诉      │
        │ 东湖区    2    2    2    2    1    1    0    2    0    0    0    1    0      │
        │ 西岭区    2    2    2    1    1    1    0    1    0    0    0    0    0      │
        │ 南港区    0    —    —    —    —    —    —    —    —    —    —    —    —      │
        │ 合计      4    4    4    3    2    2    0    3    0    0    0    1    0      │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌─ 按地区 · 运行/总数 ───┐┌─ 按类型 · 运行/总数 ───┐┌─ 问题 ───────────────────┐
        │ 东湖区 ███████████ 2/3 ││ 爱心 █████████████ 1/2 ││ 24小时开放    2/4 50.00% │
        │ 西岭区 ███████████ 2/2 ││ 暖心 █████████████ 1/1 ││ 超过30天无服务         2 │
        │ 南港区             0/1 ││ 暖新 █████████████ 1/1 ││ 缺基本服务             1 │
        │                        ││ 红色 █████████████ 1/1 ││ 无联系人或电话         2 │
        │                        ││ 党群               0/1 ││ 无运行驿站的地区：       │
        │                        ││ 逐月        ▁▂▁▁▁▁▁▁█▆ ││ 南港区                   │
        │                        ││ 本月服务            57 ││                          │
        │                        ││ 本年服务 2026      198 ││                          │
        │                        ││                        ││                          │
        │                        ││                        ││                          │
        │                        ││                        ││                          │
        │                        ││                        ││                          │
        └────────────────────────┘└────────────────────────┘└──────────────────────────┘
         s.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        try assertScreen(80, 24, keys: "v", expected)
    }

    /// The summary at 120×40: months as bars, the matrix with month and year totals.
    func testSummaryAt120x40() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级                                    两新党建看板 · 2026-11-22
         登记表 │ 汇总 │ 问题清单                                                               v切换视图 f问题 l快速登记 a新增
        ┌─ 服务项目 · 提供该项服务的运行驿站数 ────────────────────────────────────────────────────────────────────────────────┐
        │ 地区   运行  休息  饮水  充电  热饭  如厕  冷暖  药箱  雨具  阅读  维修  WiFi  倾诉   本月    本年                   │
        │ 东湖区    2     2     2     2     1     1     0     2     0     0     0     1     0     57     138                   │
        │ 西岭区    2     2     2     1     1     1     0     1     0     0     0     0     0      0      20                   │
        │ 南港区    0     —     —     —     —     —     —     —     —     —     —     —     —      0      40                   │
        │ 合计      4     4     4     3     2     2     0     3     0     0     0     1     0     57     198                   │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
        ┌─ 按地区 · 运行/总数 ─────────────────┐┌─ 逐月服务次数 2026 ──────────────────┐┌─ 问题 ───────────────────────────────┐
        │ 东湖区 █████████████████████████ 2/3 ││ 1月  ██████████████████▉          50 ││ 合计       6 · 运行4 · 暂停1 · 撤销1 │
        │ 西岭区 █████████████████████████ 2/2 ││ 2月                                0 ││ 24小时开放     █████░░░░░ 2/4 50.00% │
        │ 南港区                           0/1 ││ 3月  ████▌                        12 ││                                      │
        └──────────────────────────────────────┘│ 4月                                0 ││ 超过30天无服务                     2 │
        ┌─ 按类型 · 运行/总数 ─────────────────┐│ 5月                                0 ││ 缺基本服务                         1 │
        │ 爱心驿站   █████████████████████ 1/2 ││ 6月                                0 ││ 无联系人或电话                     2 │
        │ 暖心驿站   █████████████████████ 1/1 ││ 7月                                0 ││                                      │
        │ 暖"新"驿站 █████████████████████ 1/1 ││ 8月                                0 ││ 无运行驿站的地区：                   │
        │ 红色驿站   █████████████████████ 1/1 ││ 9月  █▉                            5 ││ 南港区                               │
        │ 党群驿站                         0/1 ││ 10月 ████████████████████████████ 74 ││                                      │
        └──────────────────────────────────────┘│ 11月 █████████████████████▋       57 ││                                      │
                                                │ 12月                               — ││                                      │
                                                │                                      ││                                      │
                                                │ 本月服务                          57 ││                                      │
                                                │ 本年服务 2026                    198 ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                │                                      ││                                      │
                                                └──────────────────────────────────────┘└──────────────────────────────────────┘
         s.sqlite                                                                                   ?帮助 1-6面板 Tab切换 q退出
        """
        try assertScreen(120, 40, keys: "v", expected)
    }

    /// The findings: the station exactly 30 days since its last service (迅达快递东湖站) is not listed.
    func testFindingsAt80x24() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
         登记表 │ 汇总 │ 问题清单                       v切换视图 f问题 l快速登记 a新增
        ┌─ 问题清单 · 超30天无服务 2 · 缺基本服务 1 · 无联系人 2 ──────────────────────┐
        │问题         名称                            地区   详情                      │
        │超30天无服务 西岭超市暖"新"驿站              西岭区 2026-10-22（31天前）      │
        │超30天无服务 西岭银行红色驿站                西岭区 从未登记服务              │
        │缺基本服务   西岭超市暖"新"驿站              西岭区 缺：充电、应急药箱        │
        │无联系人     西岭超市暖"新"驿站              西岭区 未填联系电话              │
        │无联系人     西岭银行红色驿站                西岭区 未填联系人                │
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
        └──────────────────────────────────────────────────────────────────────────────┘
         s.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        try assertScreen(80, 24, keys: "v v", expected)
    }

    /// A station opened with Enter: fields, 12-month sparkline (Sep 5, Oct 15), its log and history.
    func testDetailAt80x24() throws {
        let expected = """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
         驿站 › 迅达快递东湖站暖心驿站              Esc返回 l快速登记 a记录 m编辑 p暂停
        ┌─ 驿站详情 · 迅达快递东湖站暖心驿站 ──────────────────────────────────────────┐
        │ 类型 暖心驿站  状态 运行  启用 2025-03-01                                    │
        │ 地区 示例市 › 东湖区 › 东湖街道                                              │
        │ 承办 迅达快递东湖站（快递网点）                                              │
        │ 地址 示例市东湖区解放路2号                                                   │
        │ 联系 李四 13800000012  开放 8-20                                             │
        │ 服务 休息、饮水、充电、应急药箱、Wi-Fi                                       │
        │ 本月 0  本年 20  最近服务 2026-10-23（30天前）                               │
        │ 近12个月 ▁▁▁▁▁▁▁▁▁▃█▁  2025-12…2026-11 · 最多 15                             │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌─ 服务记录（2） ──────────────┐┌─ 修改记录（1） ──────────────────────────────┐
        │日期        次数 备注         ││ 2026-11-01 09:30 clerk 新增                  │
        │2026-10-23    15              ││                                              │
        │2026-09-01     5              ││                                              │
        │                              ││                                              │
        │                              ││                                              │
        │                              ││                                              │
        │                              ││                                              │
        │                              ││                                              │
        │                              ││                                              │
        └──────────────────────────────┘└──────────────────────────────────────────────┘
         s.sqlite                                           ?帮助 1-6面板 Tab切换 q退出
        """
        try assertScreen(80, 24, keys: "j Enter", expected)
    }

    /// Every view, both languages, both sizes: nothing wider than the terminal.
    func testNothingWiderThanTheScreen() throws {
        for lang in [Lang.zh, .en] {
            for (w, h) in [(80, 24), (120, 40)] {
                for keys in ["", "v", "v v", "Enter", "l", "a", "p", "/ \"东湖\"", "f", "?", "Enter ?"] {
                    let lines = try render(w, h, keys: keys, lang: lang)
                    XCTAssertEqual(lines.count, h)
                    for l in lines { XCTAssertLessThanOrEqual(displayWidth(l), w, "\(lang) \(w)x\(h) [\(keys)]: \(l)") }
                }
            }
        }
    }
}
