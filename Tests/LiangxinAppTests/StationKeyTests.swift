import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// Whole sessions driven by key scripts through the app's update loop, checked on screen and in the database.
final class StationKeyTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("k.sqlite"))
        try StationFixture.load(into: store)
    }

    func render(_ w: Int = 120, _ h: Int = 40, keys: String, lang: Lang = .zh) throws -> [String] {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today, lang: lang), panel: .stations, width: w, height: h, keys: k)
        }
    }

    /// Runs keys on one app and returns it (for the panel's state) with the screen.
    func session(_ keys: String, _ w: Int = 120, _ h: Int = 40) throws -> (StationsPanel, [String], AppContext) {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            let ctx = AppContext(store: s, today: today)
            let app = App(ctx: ctx, start: .stations)
            // As in the terminal, a frame is drawn before each key (clicks hit what is on screen).
            for key in k { _ = app.render(width: w, height: h); app.update(.key(key)) }
            let lines = app.render(width: w, height: h).lines()
            return (app.activePanel as! StationsPanel, lines, ctx)
        }
    }

    func monthTotal() throws -> Int {
        try store.read { try Int.fetchOne($0, sql: "SELECT SUM(count) FROM station_log WHERE date >= '2026-11-01' AND date <= '2026-11-22'") ?? 0 }
    }

    func line(_ lines: [String], containing s: String) -> String? { lines.first { $0.contains(s) } }

    func testQuickLogMovesTheMonthTotalOnScreenAndInTheDatabase() throws {
        // Before: this month 57 (StationFixture), on the summary and in the matrix's total row.
        let before = try render(keys: "v")
        XCTAssertEqual(line(before, containing: "本月服务")?.contains(" 57 "), true, before.joined(separator: "\n"))
        XCTAssertEqual(try monthTotal(), 57)
        // `l`, the count, Enter: 35 services for the selected (first) station today; then the summary.
        let after = try render(keys: "l \"35\" Enter v")
        // 57 + 35 = 92 this month; the year 198 + 35 = 233; 东湖区's month 57 + 35 = 92.
        XCTAssertEqual(line(after, containing: "本月服务")?.contains(" 92 "), true, after.joined(separator: "\n"))
        XCTAssertEqual(line(after, containing: "本年服务 2026")?.contains(" 233 "), true)
        XCTAssertTrue(after.contains { $0.contains("│ 合计      4     4     4     3     2     2     0     3     0     0     0     1     0     92     233") },
                      after.joined(separator: "\n"))
        XCTAssertEqual(try monthTotal(), 92)
        let log = try XCTUnwrap(try store.read { try StationLog.order(Column("id").desc).fetchOne($0) })
        XCTAssertEqual([log.stationId, Int64(log.count)], [1, 35])
        XCTAssertEqual(log.date, today)
        let audit = try store.history(entity: StationLog.entity, id: log.id!)
        XCTAssertEqual(audit.map(\.action), ["insert"])
        XCTAssertEqual(audit[0].source, "quick-log")
        XCTAssertTrue(audit[0].after?.contains("\"count\":35") == true, audit[0].after ?? "")
        XCTAssertEqual(audit[0].actor, Ledger.osUser())
    }

    func testThreeStationsInARowFromTheKeyboard() throws {
        let (panel, lines, ctx) = try session("l \"5\" Enter l \"6\" Enter l \"7 夜班骑手\" Enter")
        // Register order is 1, 2, 5, …: each save moved the selection down to the next station.
        let added = try store.read { try StationLog.filter(Column("date") == today.description).order(Column("id")).fetchAll($0) }
        XCTAssertEqual(added.map(\.stationId), [1, 2, 5])
        XCTAssertEqual(added.map(\.count), [5, 6, 7])
        XCTAssertEqual(added.map(\.note), [nil, nil, "夜班骑手"])
        MainActor.assumeIsolated {
            XCTAssertEqual(panel.state.selected, 3, "ready for the fourth")
            XCTAssertEqual(ctx.undoStack.count, 3)
            XCTAssertEqual(ctx.status, "已登记：东湖药店党群驿站 2026-11-22 ×7（本月14）")
        }
        // On screen: station 1 month 50 + 5 = 55, year 116; station 2 month 6, year 26; station 5 month 14.
        XCTAssertNotNil(line(lines, containing: "运行    55    116 2026-11-22"), lines.joined(separator: "\n"))
        XCTAssertNotNil(line(lines, containing: "运行     6     26 2026-11-22"))
        XCTAssertNotNil(line(lines, containing: "暂停    14     14 2026-11-22"))
    }

    func testQuickLogOnASortedListLandsOnTheStationThatCameNext() throws {
        // Sort by this month's services (s ×4: name, region, status, month), ascending: 0,0,0,0 (by name) then 7, 50.
        let (panel, _, _) = try session("s s s s")
        let order = try store.stationRows(MainActor.assumeIsolated { panel.query }, asOf: today, settings: Settings(), offset: 0, limit: -1)
            .map { $0.station.id! }
        // Logging 100 for the first moves it to the end; the selection follows the one that was second.
        let (after, _, _) = try session("s s s s l \"100\" Enter")
        let q = MainActor.assumeIsolated { after.query }
        let rows = try store.stationRows(q, asOf: today, settings: Settings(), offset: 0, limit: -1).map { $0.station.id! }
        XCTAssertEqual(rows.last, order[0])
        MainActor.assumeIsolated { XCTAssertEqual(rows[after.state.selected], order[1]) }
    }

    func testQuickLogReadsTheDateAndRefusesBadInputWithoutWriting() throws {
        let t = today
        func p(_ s: String) -> QuickLog.Parsed { QuickLog.parse(s, today: t, lang: .zh) }
        XCTAssertEqual(p("2026-11-22 35"), .entry(date: t, count: 35, note: nil))
        XCTAssertEqual(p("35"), .entry(date: t, count: 35, note: nil))
        XCTAssertEqual(p("11-20 12 雨天 多"), .entry(date: Day("2026-11-20")!, count: 12, note: "雨天 多"))
        // The prefilled date followed by a typed one: the typed one wins.
        XCTAssertEqual(p("2026-11-22 11/20 12"), .entry(date: Day("2026-11-20")!, count: 12, note: nil))
        XCTAssertEqual(p("2026-11-22 "), .problem("次数：请在日期后输入正整数，如 2026-11-22 35"))
        XCTAssertEqual(p("2026-11-22 0"), .problem("次数：请在日期后输入正整数，如 2026-11-22 35"))
        XCTAssertEqual(p("2026-11-22 三十"), .problem("次数：请在日期后输入正整数，如 2026-11-22 35"))
        XCTAssertEqual(p("2026-02-30 5"), .problem("日期：“2026-02-30”不是有效日期（YYYY-MM-DD 或 MM-DD）"))

        // On screen the prompt stays open with the message; nothing is written.
        let bad = try render(80, 24, keys: "l \"abc\" Enter")
        XCTAssertNotNil(line(bad, containing: "次数：请在日期后输入正整数"), bad.joined(separator: "\n"))
        let future = try render(80, 24, keys: "l C-u \"2026-11-23 5\" Enter")
        XCTAssertNotNil(line(future, containing: "日期：不能晚于今天（2026-11-22）"), future.joined(separator: "\n"))
        XCTAssertEqual(try monthTotal(), 57)
        // Esc leaves without saving.
        _ = try render(keys: "l \"9\" Esc")
        XCTAssertEqual(try monthTotal(), 57)
    }

    func testUndoTakesBackAQuickLog() throws {
        let (_, lines, ctx) = try session("l \"35\" Enter u")
        XCTAssertEqual(try monthTotal(), 57)
        MainActor.assumeIsolated { XCTAssertEqual(ctx.status, "已撤销上一次修改") }
        XCTAssertNotNil(line(lines, containing: "运行    50    111 2026-11-20"))
    }

    func testPausingAsksForAReasonAndKeepsTheHistory() throws {
        // Station 2 (second row): p proposes 暂停; saving without a reason is refused next to the field.
        let refused = try render(keys: "j p C-s")
        XCTAssertNotNil(line(refused, containing: "✗ 原因：暂停或撤销须说明原因"), refused.joined(separator: "\n"))
        XCTAssertEqual(try store.fetch(Station.self, id: 2)?.status, .running)
        let (_, lines, _) = try session("j p Tab \"驿站所在网点搬迁\" C-s")
        let s = try XCTUnwrap(try store.fetch(Station.self, id: 2))
        XCTAssertEqual(s.status, .paused)
        XCTAssertEqual(s.statusReason, "驿站所在网点搬迁")
        XCTAssertEqual(line(lines, containing: "迅达快递东湖站")?.contains("暂停"), true)
        // The logs stay, and the detail's history says who changed what.
        XCTAssertEqual(try store.stationLogCount(stationId: 2), 2)
        try store.pool.write { try $0.execute(sql: "UPDATE audit SET at = '2026-11-22T10:05:00+08:00', actor = 'clerk' WHERE entity = 'station' AND action = 'update'") }
        let detail = try render(keys: "j Enter")
        // The entry wraps in the history column: read it back as one text.
        let history = detail.compactMap { l -> String? in
            guard let r = l.range(of: "││ ") else { return nil }
            return String(l[r.upperBound...]).replacingOccurrences(of: "│", with: "").trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        XCTAssertTrue(history.contains("2026-11-22 10:05 clerk 修改 状态 运行→暂停；暂停/撤销原因 —→驿站所在网点搬迁"), detail.joined(separator: "\n"))
        XCTAssertNotNil(line(detail, containing: "原因 驿站所在网点搬迁"))
        // Resuming clears the reason from the record (the history keeps it).
        _ = try render(keys: "j p C-s")
        XCTAssertEqual(try store.fetch(Station.self, id: 2)?.status, .running)
        XCTAssertNil(try store.fetch(Station.self, id: 2)?.statusReason)
        XCTAssertEqual(try store.history(entity: "station", id: 2).map(\.action), ["insert", "update", "update"])
    }

    func testAStationWithLogsCannotBeDeletedButAnEmptyOneCan() throws {
        let (_, _, ctx) = try session("d")
        MainActor.assumeIsolated {
            XCTAssertEqual(ctx.status, "“东湖街道党群服务中心爱心驿站”有6条服务记录，不能删除；停用请按 p 撤销（保留历史）")
            XCTAssertTrue(ctx.statusIsError)
        }
        XCTAssertNotNil(try store.fetch(Station.self, id: 1))
        // Station 4 (fifth row) has no log: d asks, y deletes.
        let ask = try render(keys: "j j j j d")
        XCTAssertNotNil(line(ask, containing: "删除驿站“西岭银行红色驿站”？"), ask.joined(separator: "\n"))
        XCTAssertNotNil(try store.fetch(Station.self, id: 4), "asking deletes nothing")
        _ = try render(keys: "j j j j d y")
        XCTAssertNil(try store.fetch(Station.self, id: 4))
        XCTAssertEqual(try store.history(entity: "station", id: 4).map(\.action), ["insert", "delete"])
    }

    func testAddingAStationWithAChineseNameAndAddress() throws {
        // Name; kind: → once (暖心驿站); region picked by typing 西岭; host; host type skipped; address; contact; phone;
        // hours retyped; services keep the basic set; save.
        let keys = "a \"白沙社区暖心驿站\" Tab Right Tab Enter \"西岭街道\" Enter Tab \"白沙社区服务站\" Tab Tab \"示例市西岭区白沙路88号\" "
            + "Tab \"周敏\" Tab \"13912345678\" Tab C-u \"07:30-21:00\" C-s"
        let (panel, lines, ctx) = try session(keys)
        let s = try XCTUnwrap(try store.read { try Station.filter(Column("name") == "白沙社区暖心驿站").fetchOne($0) })
        XCTAssertEqual(s.kind, .warmHeart)
        XCTAssertEqual(s.regionCode, "990103001")
        XCTAssertEqual(s.address, "示例市西岭区白沙路88号")
        XCTAssertEqual(s.contactName, "周敏")
        XCTAssertEqual(s.hours, "07:30-21:00")
        XCTAssertEqual(s.serviceList, StationService.defaultBasicSet)
        XCTAssertEqual(s.opened, today)
        XCTAssertEqual(try store.history(entity: "station", id: s.id!).first?.source, "form")
        MainActor.assumeIsolated {
            XCTAssertEqual(ctx.status, "已新增：白沙社区暖心驿站")
            // The new station is selected: order 1, 2, 5, 3, 4, 7 (new, in 西岭街道), 6.
            XCTAssertEqual(panel.state.selected, 5)
        }
        XCTAssertNotNil(line(lines, containing: "白沙社区暖心驿站      暖心 西岭区 白沙社区服务站 示例市西岭区白…  7:30-21    ●●●···●····· 运行     0      0 —"),
                        lines.joined(separator: "\n"))
    }

    func testTheFormShowsBadHoursAndPhoneNextToTheFields() throws {
        let lines = try render(keys: "a \"测试驿站\" Tab Tab Enter \"东湖街道\" Enter Tab Tab Tab Tab Tab \"12345\" Tab C-u \"8-20\" C-s")
        XCTAssertNotNil(line(lines, containing: "✗ 开放时间：应为“24h”或“HH:MM"), lines.joined(separator: "\n"))
        XCTAssertNotNil(line(lines, containing: "✗ 联系电话：格式不对"))
        XCTAssertNotNil(line(lines, containing: "有2处需要修改，未保存"))
        XCTAssertEqual(try store.read { try Station.fetchCount($0) }, 6)
    }

    func testFilterSortAndFindingFilter() throws {
        // `/西岭` keeps the two stations of 西岭区 (matched by the region's name).
        let west = try render(keys: "/ \"西岭\" Enter")
        XCTAssertNotNil(line(west, containing: "共2处 · 运行2"), west.joined(separator: "\n"))
        XCTAssertNotNil(line(west, containing: "/西岭"))
        // Esc clears it.
        XCTAssertNotNil(line(try render(keys: "/ \"西岭\" Enter Esc"), containing: "共6处 · 运行4"))
        // `f` once: idle stations only (3 and 4); twice: missing a basic service (3).
        let idle = try render(keys: "f")
        XCTAssertNotNil(line(idle, containing: "共2处 · 运行2 · 只看：超过30天无服务"), idle.joined(separator: "\n"))
        XCTAssertNil(line(idle, containing: "迅达快递东湖站"), "exactly 30 days is not idle")
        XCTAssertNotNil(line(try render(keys: "f f"), containing: "共1处 · 运行1 · 只看：缺基本服务"))
        // `s` sorts by name, `S` reverses: the sort arrow sits on the column.
        let byYear = try render(keys: "s s s s s S")
        XCTAssertNotNil(line(byYear, containing: "本年▼"), byYear.joined(separator: "\n"))
        let first = byYear.firstIndex { $0.contains("东湖街道党群服务中心") }!, second = byYear.firstIndex { $0.contains("南港加油站") }!
        XCTAssertLessThan(first, second, "111 before 40")
    }

    func testLogEntriesAreAddedEditedAndDeletedFromTheDetail() throws {
        // Station 2: a adds an entry with a note; Enter on it edits the count; d deletes it after asking.
        _ = try render(keys: "j Enter a Tab \"12\" Tab \"夜间\" C-s")
        var logs = try store.stationLogs(stationId: 2, offset: 0, limit: -1)
        XCTAssertEqual(logs.first.map { [$0.date.description, "\($0.count)", $0.note ?? ""] }, ["2026-11-22", "12", "夜间"])
        _ = try render(keys: "j Enter Enter Tab C-u \"13\" C-s")
        logs = try store.stationLogs(stationId: 2, offset: 0, limit: -1)
        XCTAssertEqual(logs.first?.count, 13)
        let ask = try render(keys: "j Enter d")
        XCTAssertNotNil(line(ask, containing: "删除 2026-11-22 ×13 这条服务记录？"), ask.joined(separator: "\n"))
        _ = try render(keys: "j Enter d y")
        XCTAssertEqual(try store.stationLogCount(stationId: 2), 2)
        // The count moved back: the detail shows this month 0 again.
        XCTAssertNotNil(line(try render(80, 24, keys: "j Enter"), containing: "本月 0  本年 20"))
    }

    func testFindingsViewOpensAStationAndQuickLogsAnIdleOne() throws {
        let findings = try render(80, 24, keys: "v v Enter")
        XCTAssertNotNil(line(findings, containing: "驿站详情 · 西岭超市暖\"新\"驿站"), findings.joined(separator: "\n"))
        // Logging the first idle station today takes it off the idle list; the selection stays on the next one.
        let (panel, lines, _) = try session("v v l \"3\" Enter", 80, 24)
        XCTAssertNotNil(line(lines, containing: "超30天无服务 1"), lines.joined(separator: "\n"))
        MainActor.assumeIsolated { XCTAssertEqual(panel.findingState.selected, 0) }
        XCTAssertNotNil(line(lines, containing: "超30天无服务 西岭银行红色驿站"))
    }

    func testMouseClickSelectsARowAndSwitchesViews() throws {
        // The register's first data row is screen row 4 (tabs, view bar, border, header); row 6 is the third station.
        let (panel, _, _) = try session("Click(10,6)")
        MainActor.assumeIsolated { XCTAssertEqual(panel.state.selected, 2) }
        // The view bar: 汇总 sits after " 登记表 │".
        let (p2, _, _) = try session("Click(12,1)")
        MainActor.assumeIsolated { XCTAssertEqual(p2.view, .summary) }
    }

    func testExportWritesTheFilteredSortedListAsExcelReadableCSV() throws {
        let old = ProcessInfo.processInfo.environment["XDG_DATA_HOME"]
        setenv("XDG_DATA_HOME", tmp.path, 1)
        defer { if let o = old { setenv("XDG_DATA_HOME", o, 1) } else { unsetenv("XDG_DATA_HOME") } }
        // Filter 东湖 (three stations), sort by name: the file holds those rows in that order.
        let (_, _, ctx) = try session("/ \"东湖\" Enter s e")
        let status = MainActor.assumeIsolated { ctx.status }
        XCTAssertTrue(status.hasPrefix("已导出3行 → \(tmp.path)/liangxin/exports/stations-register-"), status)
        let path = String(status.split(separator: " ").last!)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "名称,类型,地区,所在地区,承办单位,地址,开放时间,服务项目,状态,本月,本年,最近服务")
        // Unicode order of the names: 东 (U+4E1C) < 迅 (U+8FC5).
        XCTAssertEqual(lines.dropFirst().map { String($0.split(separator: ",")[0]) }, ["东湖药店党群驿站", "东湖街道党群服务中心爱心驿站", "迅达快递东湖站暖心驿站"])
        XCTAssertEqual(lines[2], "东湖街道党群服务中心爱心驿站,爱心驿站,东湖区,东湖街道,东湖街道党群服务中心,示例市东湖区长安路1号,24h,休息、饮水、充电、热饭、如厕、应急药箱,运行,50,111,2026-11-20")
    }

    /// What the screen shows equals what `report stations` prints, station by station and in the totals.
    func testScreenFiguresEqualTheReport() throws {
        try assertScreenEqualsReport(store, today: today)
        try assertScreenEqualsReport(try StationFiguresTests.sample(), today: today)
    }

    func assertScreenEqualsReport(_ store: Store, today: Day, file: StaticString = #filePath, line: UInt = #line) throws {
        let d = try StationsReport.load(store, today: today)
        let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(StationsReport.json(d).utf8)) as? [String: Any])
        let stations = try XCTUnwrap(o["stations"] as? [[String: Any]])
        let s = store
        // A screen tall enough for every station; read month, year and last service off each row.
        let h = max(24, stations.count + 10)
        let screen = MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today), panel: .stations, width: 120, height: h, keys: [])
        }
        let seen = screen[4..<(4 + stations.count)].map { r in Array(r.dropFirst().dropLast().split(separator: " ").map(String.init).suffix(3)) }
        XCTAssertEqual(seen.count, stations.count, file: file, line: line)
        for (row, st) in zip(seen, stations) {
            let want = ["\(st["servicesThisMonth"] as! Int)", "\(st["servicesThisYear"] as! Int)", (st["lastService"] as? String) ?? "—"]
            XCTAssertEqual(row, want, "\(st["name"]!)", file: file, line: line)
        }
        // The summary's matrix total row and its month and year figures.
        let summary = MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today), panel: .stations, width: 120, height: 40, keys: [.char("v")])
        }
        let totals = try XCTUnwrap(o["totals"] as? [String: Any])
        let services = try XCTUnwrap(totals["services"] as? [String: Int])
        let totalRow = try XCTUnwrap(summary.first { $0.hasPrefix("│ 合计 ") })
        let numbers = totalRow.dropFirst().dropLast().split(separator: " ").dropFirst().map(String.init)
        let want = ["\(totals["running"] as! Int)"] + StationService.allCases.map { "\(services[$0.rawValue]!)" }
            + ["\(totals["servicesThisMonth"] as! Int)", "\(totals["servicesThisYear"] as! Int)"]
        XCTAssertEqual(numbers, want, file: file, line: line)
        let findings = try XCTUnwrap(totals["findings"] as? [String: Int])
        XCTAssertNotNil(summary.first { $0.contains("超过30天无服务") && $0.hasSuffix(" \(findings["idle"]!) │") }, file: file, line: line)
        let gaps = (o["regionsWithoutRunningStation"] as? [[String: String]] ?? []).map { $0["name"]! }.joined(separator: "、")
        XCTAssertNotNil(summary.first { $0.contains("│ \(gaps) ") }, file: file, line: line)
    }
}
