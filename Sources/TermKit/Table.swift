/// Selection, scroll position, sort and filter of a `Table`. Pure state: the caller owns it,
/// moves it with keys, and uses `offset` to fetch only the rows on screen.
public struct TableState: Equatable, Hashable, Sendable {
    /// Index of the selected row among all `total` rows.
    public var selected: Int
    /// Index of the first row on screen.
    public var offset: Int
    /// Column the rows are sorted by (nil = natural order) and the direction.
    public var sortColumn: Int?
    public var ascending: Bool
    /// Filter text (shown as `/text` under the table when non-empty or while `filtering`).
    public var filter: String
    /// True while the user types the filter: the table puts the terminal cursor after the text.
    public var filtering: Bool

    public init(selected: Int = 0, offset: Int = 0, sortColumn: Int? = nil, ascending: Bool = true,
                filter: String = "", filtering: Bool = false) {
        self.selected = selected
        self.offset = offset
        self.sortColumn = sortColumn
        self.ascending = ascending
        self.filter = filter
        self.filtering = filtering
    }

    /// Keeps `selected` within `0..<total` and `offset` such that the selection is one of the
    /// `visible` rows on screen and the screen is never emptier than it needs to be.
    public mutating func clamp(total: Int, visible: Int) {
        let visible = max(1, visible)
        if total <= 0 { selected = 0; offset = 0; return }
        selected = min(max(0, selected), total - 1)
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        offset = min(max(0, offset), max(0, total - visible))
    }

    public mutating func moveUp(total: Int, visible: Int) { select(selected - 1, total: total, visible: visible) }
    public mutating func moveDown(total: Int, visible: Int) { select(selected + 1, total: total, visible: visible) }

    /// Moves a screenful up; the selection keeps its place on screen when possible.
    public mutating func pageUp(total: Int, visible: Int) {
        let page = max(1, visible - 1)
        offset -= page
        select(selected - page, total: total, visible: visible)
    }

    /// Moves a screenful down; the selection keeps its place on screen when possible.
    public mutating func pageDown(total: Int, visible: Int) {
        let page = max(1, visible - 1)
        offset += page
        select(selected + page, total: total, visible: visible)
    }

    public mutating func home(total: Int, visible: Int) { select(0, total: total, visible: visible) }
    public mutating func end(total: Int, visible: Int) { select(total - 1, total: total, visible: visible) }

    /// The keys every list shares: j/k or arrows, PgDn/PgUp, Home/End. Returns false for any other key.
    public mutating func navigate(_ key: Key, total: Int, visible: Int) -> Bool {
        switch key {
        case .char("j"), .down: moveDown(total: total, visible: visible)
        case .char("k"), .up: moveUp(total: total, visible: visible)
        case .pageDown: pageDown(total: total, visible: visible)
        case .pageUp: pageUp(total: total, visible: visible)
        case .home: home(total: total, visible: visible)
        case .end: end(total: total, visible: visible)
        default: return false
        }
        return true
    }

    /// Selects row `index` (clamped) and scrolls it into view.
    public mutating func select(_ index: Int, total: Int, visible: Int) {
        selected = index
        clamp(total: total, visible: visible)
    }

    /// Sorts by `column`; choosing the sorted column again flips the direction.
    public mutating func sort(by column: Int) {
        if sortColumn == column { ascending.toggle() } else { sortColumn = column; ascending = true }
    }

    /// Rows on screen: `offset ..< min(offset + visible, total)`.
    public func visibleRange(total: Int, visible: Int) -> Range<Int> {
        let lo = min(max(0, offset), max(0, total))
        return lo..<min(total, lo + max(0, visible))
    }
}

/// A table column: a header, a width and an alignment (use `.right` for numbers).
public struct Column: Equatable, Hashable, Sendable {
    public enum Width: Equatable, Hashable, Sendable {
        /// Exactly this many cells.
        case fixed(Int)
        /// A share (by `weight`) of what fixed columns leave, but at least `min` cells.
        case flex(min: Int, weight: Int)
    }

    public var title: String
    public var width: Width
    public var align: Alignment

    public init(_ title: String, width: Width = .flex(min: 4, weight: 1), align: Alignment = .left) {
        self.title = title
        self.width = width
        self.align = align
    }

    public static func fixed(_ title: String, _ width: Int, align: Alignment = .left) -> Column {
        Column(title, width: .fixed(width), align: align)
    }

    public static func flex(_ title: String, min: Int = 4, weight: Int = 1, align: Alignment = .left) -> Column {
        Column(title, width: .flex(min: min, weight: weight), align: align)
    }
}

/// A virtualized table: a header row, body rows, and an optional filter line `/text`.
/// `rows` holds only the rows on screen — `rows[0]` is row number `state.offset` of `totalRows` —
/// so lists of any length cost only a screenful. Ask `visibleRowCount(in:state:)` how many to supply
/// after `state.clamp(total:visible:)`.
public struct Table: Widget {
    public var columns: [Column]
    public var rows: [[String]]
    public var totalRows: Int
    public var state: TableState
    /// Optional role per supplied row (parallel to `rows`), e.g. `.bad` for overdue items.
    public var rowRoles: [Role?]
    /// Shown in the body when `totalRows == 0`.
    public var emptyText: String
    /// Draw the selection highlight (off when the table does not have focus).
    public var showSelection: Bool
    public var ascii: Bool

    public init(columns: [Column], rows: [[String]], totalRows: Int? = nil, state: TableState,
                rowRoles: [Role?] = [], emptyText: String = "（无数据）", showSelection: Bool = true,
                ascii: Bool = BorderSet.preferred.isASCII) {
        self.columns = columns
        self.rows = rows
        self.totalRows = totalRows ?? rows.count
        self.state = state
        self.rowRoles = rowRoles
        self.emptyText = emptyText
        self.showSelection = showSelection
        self.ascii = ascii
    }

    /// Whether the filter line is shown for `state`.
    public static func showsFilterLine(_ state: TableState) -> Bool { state.filtering || !state.filter.isEmpty }

    /// Body rows that fit in `area` (header and filter line excluded).
    public static func visibleRowCount(in area: Rect, state: TableState) -> Int {
        max(0, area.height - 1 - (showsFilterLine(state) ? 1 : 0))
    }

    /// The absolute row index under screen row `y`, if it is a body row with data.
    public func rowIndex(atY y: Int, in area: Rect) -> Int? {
        let i = y - area.y - 1
        guard i >= 0, i < Table.visibleRowCount(in: area, state: state), i < rows.count else { return nil }
        return state.offset + i
    }

    /// Cell widths of the columns for a table `total` cells wide (one space between columns).
    /// Fixed columns come first; flex columns share the rest; columns that do not fit get 0.
    public func columnWidths(total: Int) -> [Int] {
        var widths = [Int](repeating: 0, count: columns.count)
        var remaining = total - max(0, columns.count - 1)
        for (i, c) in columns.enumerated() {
            if case .fixed(let n) = c.width {
                widths[i] = max(0, min(n, remaining))
                remaining -= widths[i]
            }
        }
        var flex: [(Int, Int, Int)] = []   // index, min, weight
        for (i, c) in columns.enumerated() {
            if case .flex(let mn, let w) = c.width { flex.append((i, max(0, mn), max(1, w))) }
        }
        // Minimums first, in order, while they fit.
        for (i, mn, _) in flex {
            widths[i] = max(0, min(mn, remaining))
            remaining -= widths[i]
        }
        let weightSum = flex.reduce(0) { $0 + $1.2 }
        if remaining > 0 && weightSum > 0 {
            var given = 0
            for (i, _, w) in flex {
                let extra = remaining * w / weightSum
                widths[i] += extra
                given += extra
            }
            if let last = flex.last { widths[last.0] += remaining - given }
        }
        return widths
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let widths = columnWidths(total: area.width)
        let up: String = ascii ? "^" : "▲"
        let down: String = ascii ? "v" : "▼"

        // Header
        buffer.fill(area.row(0), style: .header)
        var titles: [String] = []
        for (i, c) in columns.enumerated() {
            // The sort arrow always stays visible: the title is cut first.
            if state.sortColumn == i {
                titles.append(truncate(c.title, toWidth: widths[i] - 1) + (state.ascending ? up : down))
            } else {
                titles.append(c.title)
            }
        }
        renderRow(titles, widths: widths, into: &buffer, x: area.x, y: area.y, style: .header)

        // Body
        let visible = Table.visibleRowCount(in: area, state: state)
        if totalRows == 0 && visible > 0 {
            buffer.put(truncate(emptyText, toWidth: area.width), x: area.x, y: area.y + 1, style: .dim)
        }
        for i in 0..<min(visible, rows.count) {
            let index = state.offset + i
            let y = area.y + 1 + i
            let isSelected = showSelection && index == state.selected
            var style = Style(i < rowRoles.count ? (rowRoles[i] ?? .text) : .text)
            if isSelected { style = .selected }
            buffer.fill(area.row(1 + i), style: style)
            renderRow(rows[i], widths: widths, into: &buffer, x: area.x, y: y, style: style)
        }

        // Filter line
        if Table.showsFilterLine(state) {
            let y = area.maxY - 1
            buffer.fill(area.row(area.height - 1), style: .input)
            let count = totalRows > 0 ? "\(min(state.selected + 1, totalRows))/\(totalRows)" : "0/0"
            let cw = displayWidth(count)
            let room = max(0, area.width - cw - 1)
            let shown = "/" + state.filter
            let fitted = displayWidth(shown) <= room ? shown
                : "/…" + String(state.filter.reversed().prefixFitting(room - 2).reversed())
            let used = buffer.put(fitted, x: area.x, y: y, style: state.filtering ? .inputActive : .input, maxWidth: room)
            if area.width > cw + 1 { buffer.put(count, x: area.maxX - cw, y: y, style: .dim) }
            if state.filtering { buffer.cursor = (min(area.x + used, area.maxX - 1), y) }
        }
    }

    private func renderRow(_ cells: [String], widths: [Int], into buffer: inout Buffer, x: Int, y: Int, style: Style) {
        var cx = x
        for (i, w) in widths.enumerated() {
            if w > 0 {
                let text = i < cells.count ? cells[i] : ""
                buffer.put(pad(text, toWidth: w, align: columns[i].align), x: cx, y: y, style: style, maxWidth: w)
                cx += w + 1
            }
        }
    }
}

extension Sequence where Element == Character {
    /// The leading characters that fit in `width` cells.
    func prefixFitting(_ width: Int) -> [Character] {
        var out: [Character] = []
        var used = 0
        for c in self {
            let w = graphemeWidth(c)
            if used + w > width { break }
            out.append(c)
            used += w
        }
        return out
    }
}
