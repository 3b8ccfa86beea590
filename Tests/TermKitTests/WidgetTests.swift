import XCTest
@testable import TermKit

final class WidgetTests: XCTestCase {
    // MARK: Block

    func testBlockWithTitleUnicodeAndASCII() {
        var b = Buffer(width: 14, height: 3)
        Block(title: "覆盖率", borders: .unicode).render(into: &b, area: b.area)
        XCTAssertEqual(b.lines(), ["┌─ 覆盖率 ───┐", "│            │", "└────────────┘"])
        var a = Buffer(width: 14, height: 3)
        Block(title: "两新组织党建工作", borders: .ascii).render(into: &a, area: a.area)
        XCTAssertEqual(a.lines(), ["+- 两新组… --+", "|            |", "+------------+"])
        XCTAssertEqual(Block().inner(a.area), Rect(x: 1, y: 1, width: 12, height: 1))
    }

    // MARK: Table

    private let columns: [Column] = [
        .flex("名称", min: 4), .fixed("党员", 4, align: .right), .fixed("覆盖率", 8, align: .right),
    ]
    private let districts: [[String]] = [
        ["东湖区", "128", "92.5%"], ["西山区", "64", "78.0%"], ["青云谱区", "1024", "100.0%"],
    ]

    func testTableWithChineseHeadersRightAlignedNumbersAndSortIndicator() {
        var b = Buffer(width: 26, height: 5)
        let state = TableState(selected: 1, sortColumn: 2, ascending: false)
        Table(columns: columns, rows: districts, state: state, ascii: false).render(into: &b, area: b.area)
        XCTAssertEqual(b.lines(), [
            "名称         党员  覆盖率▼",
            "东湖区        128    92.5%",
            "西山区         64    78.0%",
            "青云谱区     1024   100.0%",
            "",
        ])
        // The selected row is highlighted across the whole width, the others are not.
        XCTAssertEqual(b[0, 2].style, .selected)
        XCTAssertEqual(b[25, 2].style, .selected)
        XCTAssertEqual(b[0, 1].style, .text)
        XCTAssertEqual(b[0, 0].style, .header)
    }

    func testTableNarrowColumnsTruncateWithEllipsis() {
        var b = Buffer(width: 16, height: 2)
        let state = TableState(selected: 0, sortColumn: 0, ascending: true)
        Table(columns: [.flex("组织名称", min: 3), .fixed("人数", 4, align: .right)],
              rows: [["东湖区新经济组织党委", "12"]], state: state, ascii: true).render(into: &b, area: b.area)
        XCTAssertEqual(b.lines(), ["组织名称^   人数", "东湖区新经…   12"])
    }

    func testTableScrollsVirtualRowsAndShowsFilterLine() {
        var b = Buffer(width: 20, height: 5)
        var state = TableState(filter: "区", filtering: true)
        let visible = Table.visibleRowCount(in: b.area, state: state)
        XCTAssertEqual(visible, 3)
        for _ in 0..<4 { state.moveDown(total: 10, visible: visible) }
        XCTAssertEqual(state.selected, 4)
        XCTAssertEqual(state.offset, 2)
        let window = state.visibleRange(total: 10, visible: visible)
        XCTAssertEqual(window, 2..<5)
        let rows = window.map { ["第\($0)行", "\($0 * 10)"] }   // only the rows on screen
        let table = Table(columns: [.flex("行"), .fixed("数", 4, align: .right)], rows: rows, totalRows: 10,
                          state: state, ascii: true)
        table.render(into: &b, area: b.area)
        XCTAssertEqual(b.lines(), [
            "行                数",
            "第2行             20",
            "第3行             30",
            "第4行             40",
            "/区             5/10",
        ])
        XCTAssertEqual(b[0, 3].style, .selected)
        XCTAssertEqual(b.cursor?.x, 3)    // after "/区": the IME follows the filter text
        XCTAssertEqual(b.cursor?.y, 4)
        XCTAssertEqual(table.rowIndex(atY: 2, in: b.area), 3)
        XCTAssertNil(table.rowIndex(atY: 0, in: b.area))
    }

    func testTableEmpty() {
        var b = Buffer(width: 16, height: 3)
        Table(columns: columns, rows: [], state: TableState(), ascii: true).render(into: &b, area: b.area)
        XCTAssertEqual(b.line(1), "（无数据）")
    }

    func testTableStateNavigation() {
        var s = TableState()
        s.end(total: 100, visible: 10)
        XCTAssertEqual([s.selected, s.offset], [99, 90])
        s.pageUp(total: 100, visible: 10)
        XCTAssertEqual([s.selected, s.offset], [90, 81])
        s.home(total: 100, visible: 10)
        XCTAssertEqual([s.selected, s.offset], [0, 0])
        s.pageDown(total: 100, visible: 10)
        XCTAssertEqual([s.selected, s.offset], [9, 9])
        s.moveUp(total: 100, visible: 10)
        XCTAssertEqual([s.selected, s.offset], [8, 8])
        s.moveUp(total: 100, visible: 10)
        s.home(total: 100, visible: 10)
        s.moveUp(total: 100, visible: 10)
        XCTAssertEqual([s.selected, s.offset], [0, 0])
        s.select(50, total: 20, visible: 10)         // the list shrank (e.g. a filter)
        XCTAssertEqual([s.selected, s.offset], [19, 10])
        s.select(3, total: 0, visible: 10)
        XCTAssertEqual([s.selected, s.offset], [0, 0])
        s.sort(by: 2)
        XCTAssertEqual(s.sortColumn, 2); XCTAssertTrue(s.ascending)
        s.sort(by: 2)
        XCTAssertFalse(s.ascending)
        s.sort(by: 1)
        XCTAssertEqual(s.sortColumn, 1); XCTAssertTrue(s.ascending)
    }

    // MARK: Charts

    func testBarChartWithRolesAndTarget() {
        var b = Buffer(width: 30, height: 3)
        BarChart(bars: [
            .init(label: "东湖区", value: 80, valueText: "80%", role: .good),
            .init(label: "西山", value: 45, valueText: "45%", role: .warning),
            .init(label: "青云谱区", value: 12.5, valueText: "12.5%", role: .bad),
        ], maxValue: 100, target: 60, ascii: false).render(into: &b, area: b.area)
        XCTAssertEqual(b.lines(), [
            "东湖区   █████████│██      80%",
            "西山     ██████▊  │        45%",
            "青云谱区 █▉       │      12.5%",
        ])
        XCTAssertEqual(b[9, 0].style.role, .good)
        XCTAssertEqual(b[9, 1].style.role, .warning)
        XCTAssertEqual(b[9, 2].style.role, .bad)
        XCTAssertEqual(b[18, 0].style.role, .accent)
    }

    func testBarChartASCII() {
        var b = Buffer(width: 20, height: 2)
        BarChart(bars: [.init(label: "甲", value: 10), .init(label: "乙", value: 5, role: .barAlt)], ascii: true)
            .render(into: &b, area: b.area)
        XCTAssertEqual(b.lines(), ["甲 ############## 10", "乙 #######         5"])
    }

    func testSparkline() {
        var b = Buffer(width: 12, height: 3)
        let values: [Double] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 4, 2]
        Sparkline(values: values, ascii: false).render(into: &b, area: b.area.row(0))
        Sparkline(values: values, ascii: true).render(into: &b, area: b.area.row(1))
        Sparkline(values: values, ascii: false).render(into: &b, area: Rect(x: 0, y: 2, width: 4, height: 1))
        XCTAssertEqual(b.lines(), ["▁▂▃▄▅▅▆▇█▅▃", "_.-~==+*#=-", "▇█▅▃"])   // narrow: the latest values
    }

    func testGauge() {
        var b = Buffer(width: 24, height: 2)
        Gauge(ratio: 0.625, label: "覆盖率", ascii: false).render(into: &b, area: b.area.row(0))
        Gauge(ratio: 0.5, label: "培训", ascii: true).render(into: &b, area: b.area.row(1))
        XCTAssertEqual(b.lines(), ["覆盖率 ████████▏░░░░ 63%", "培训 ########....... 50%"])
        XCTAssertEqual(Gauge(ratio: 2).valueText, "100%")
        XCTAssertEqual(Gauge(ratio: .nan).valueText, "0%")
    }

    // MARK: Chrome

    func testTabsAndHitTesting() {
        var b = Buffer(width: 30, height: 1)
        let tabs = Tabs(titles: ["概览", "覆盖", "培训", "星级"], active: 1, borders: .unicode)
        let ranges = tabs.render(into: &b, area: b.area)
        XCTAssertEqual(b.line(0), " 概览 │ 覆盖 │ 培训 │ 星级")
        XCTAssertEqual(ranges, [0..<6, 7..<13, 14..<20, 21..<27])
        XCTAssertEqual(b[8, 0].style, .tabActive)
        XCTAssertEqual(b[1, 0].style, .tabInactive)
        XCTAssertEqual(tabs.tab(atX: 9, in: b.area), 1)
        XCTAssertNil(tabs.tab(atX: 6, in: b.area))    // the separator
    }

    func testTabsScrollToKeepActiveVisible() {
        var b = Buffer(width: 14, height: 1)
        let tabs = Tabs(titles: ["概览", "覆盖", "培训", "星级"], active: 3, borders: .ascii)
        let ranges = tabs.render(into: &b, area: b.area)
        XCTAssertEqual(b.line(0), " 培训 | 星级")
        XCTAssertEqual(ranges, [0..<0, 0..<0, 0..<6, 7..<13])
    }

    func testStatusBar() {
        var b = Buffer(width: 30, height: 2)
        StatusBar(left: "东湖区 · 共 128 条", right: "? 帮助").render(into: &b, area: b.area.row(0))
        StatusBar(left: "两新组织党建工作看板数据已加载完成", right: "12:30").render(into: &b, area: Rect(x: 0, y: 1, width: 20, height: 1))
        XCTAssertEqual(b.lines(), ["东湖区 · 共 128 条      ? 帮助", "两新组织党建…  12:30"])
        XCTAssertEqual(b[29, 0].style, .statusBar)
    }

    // MARK: Overlays

    func testHelpOverlay() {
        var b = Buffer(width: 36, height: 12)
        HelpOverlay(sections: [
            HelpSection(title: "移动", entries: [(keys: "j/↓", description: "下一行"), (keys: "k/↑", description: "上一行")]),
            HelpSection(title: "通用", entries: [(keys: "q", description: "退出"), (keys: "?", description: "帮助")]),
        ], borders: .unicode).render(into: &b, area: b.area)
        XCTAssertEqual(b.lines(), [
            "",
            "        ┌─ 帮助 ───────────┐",
            "        │ 移动             │",
            "        │   j/↓  下一行    │",
            "        │   k/↑  上一行    │",
            "        │                  │",
            "        │ 通用             │",
            "        │   q    退出      │",
            "        │   ?    帮助      │",
            "        └─── 按任意键关闭 ─┘",
            "",
            "",
        ])
        XCTAssertEqual(b[9, 3].style, .overlay)
    }

    func testHelpOverlayScrollsWhenTooTall() {
        var b = Buffer(width: 24, height: 5)
        let entries = (1...6).map { (keys: "F\($0)", description: "功能\($0)") }
        HelpOverlay(sections: [HelpSection(title: "功能键", entries: entries)], footer: nil, scroll: 2, borders: .ascii)
            .render(into: &b, area: b.area)
        XCTAssertEqual(b.lines(), [
            "    +- 帮助 ------+",
            "    |   F2  功能2 |",
            "    |   F3  功能3 |",
            "    |   F4  功能4 |",
            "    +-------------+",
        ])
    }

    func testConfirmDialog() {
        var b = Buffer(width: 30, height: 8)
        var dialog = ConfirmDialog(title: "确认", message: "确定删除东湖区的这条记录吗？", selected: 0,
                                   borders: .ascii, maxMessageWidth: 16)
        dialog.next()
        dialog.render(into: &b, area: b.area)
        XCTAssertEqual(b.lines(), [
            "",
            "    +- 确认 -------------+",
            "    | 确定删除东湖区的   |",
            "    | 这条记录吗？       |",
            "    |                    |",
            "    | [ 确定 ]  [ 取消 ] |",
            "    +--------------------+",
            "",
        ])
        XCTAssertEqual(b[16, 5].style, .selected)     // "[ 取消 ]"
        XCTAssertEqual(b[6, 5].style, .overlay)
        XCTAssertEqual(dialog.buttonRects(in: b.area), [Rect(x: 6, y: 5, width: 8, height: 1), Rect(x: 16, y: 5, width: 8, height: 1)])
        dialog.next()
        XCTAssertEqual(dialog.selected, 0)
        dialog.previous()
        XCTAssertEqual(dialog.selected, 1)
    }

    // MARK: TextField

    func testTextFieldEditingChinese() {
        var f = TextField("东湖区")
        XCTAssertEqual(f.caret, 3)
        f.left()
        f.insert("新")
        XCTAssertEqual(f.value, "东湖新区")
        XCTAssertEqual(f.caret, 3)
        f.backspace()
        XCTAssertEqual(f.value, "东湖区")
        XCTAssertEqual(f.caret, 2)
        f.home()
        f.delete()
        XCTAssertEqual(f.value, "湖区")
        XCTAssertEqual(f.caret, 0)
        f.end()
        _ = f.handle(.char("街"))
        _ = f.handle(.char("道"))
        XCTAssertEqual(f.value, "湖区街道")
        XCTAssertEqual(f.caret, 4)
        f.right()
        XCTAssertEqual(f.caret, 4)
        f.insert("e")
        f.insert("\u{301}")           // combining accent joins the previous character
        XCTAssertEqual(f.value, "湖区街道é")
        XCTAssertEqual(f.caret, 5)
        f.backspace()
        XCTAssertEqual(f.value, "湖区街道")
        XCTAssertFalse(f.handle(.enter))
        XCTAssertTrue(f.handle(.ctrl("u")))
        XCTAssertEqual(f.value, "")
        f.insert("东湖 区 党委")
        _ = f.handle(.ctrl("w"))
        XCTAssertEqual(f.value, "东湖 区 ")
        f.insert("a\tb\n")
        XCTAssertEqual(f.value, "东湖 区 ab")
    }

    func testTextFieldRenderingScrollsAndPlacesCursorOnCaret() {
        var f = TextField("东湖区党委")
        var b = Buffer(width: 8, height: 1)
        f.render(into: &b, area: b.area)
        XCTAssertEqual(b.line(0), "区党委")           // scrolled: caret at the end needs a free cell
        XCTAssertEqual(b.cursor?.x, 6)
        XCTAssertEqual(f.caretColumn, 10)
        f.home()
        f.right()
        f.insert("西")
        b = Buffer(width: 8, height: 1)
        f.render(into: &b, area: b.area)
        XCTAssertEqual(f.value, "东西湖区党委")
        XCTAssertEqual(b.line(0), "东西湖区")
        XCTAssertEqual(b.cursor?.x, 4)                 // on 湖, the caret cell
        XCTAssertEqual(b.cursor?.y, 0)
        // In a wider area at an offset, the cursor is in screen coordinates.
        var wide = Buffer(width: 30, height: 3)
        f.render(into: &wide, area: Rect(x: 5, y: 2, width: 20, height: 1))
        XCTAssertEqual(wide.line(2), "     东西湖区党委")
        XCTAssertEqual(wide.cursor?.x, 9)
        XCTAssertEqual(wide.cursor?.y, 2)
        // Unfocused: no cursor.
        var plain = Buffer(width: 20, height: 1)
        f.render(into: &plain, area: plain.area, focused: false)
        XCTAssertNil(plain.cursor)
        XCTAssertEqual(plain[0, 0].style, .input)
        // Placeholder.
        var empty = Buffer(width: 20, height: 1)
        TextField(placeholder: "输入关键字").render(into: &empty, area: empty.area)
        XCTAssertEqual(empty.line(0), "输入关键字")
        XCTAssertEqual(empty.cursor?.x, 0)
    }
}
