/// A row of tabs: ` 概览 │ 覆盖 │ 培训 `. The active tab uses `tabActive`, the others
/// `tabInactive`. When the titles do not fit, tabs are dropped from the left until the active one
/// is visible.
public struct Tabs {
    public var titles: [String]
    public var active: Int
    public var borders: BorderSet

    public init(titles: [String], active: Int, borders: BorderSet = .preferred) {
        self.titles = titles
        self.active = active
        self.borders = borders
    }

    /// The x-range (screen columns) of every tab in `area`; hidden tabs get an empty range.
    public func ranges(in area: Rect) -> [Range<Int>] {
        let widths = titles.map { displayWidth($0) + 2 }
        var first = 0
        func span(_ from: Int, _ to: Int) -> Int {
            guard from <= to else { return 0 }
            return widths[from...to].reduce(0, +) + (to - from)
        }
        if active >= 0 && active < titles.count {
            while first < active && span(first, active) > area.width { first += 1 }
        }
        var out: [Range<Int>] = []
        var x = area.x
        for i in titles.indices {
            if i < first { out.append(area.x..<area.x); continue }
            let start = min(x, area.maxX)
            let end = min(x + widths[i], area.maxX)
            out.append(start..<end)
            x += widths[i] + 1
        }
        return out
    }

    /// The index of the tab at column `x`, if any.
    public func tab(atX x: Int, in area: Rect) -> Int? {
        ranges(in: area).firstIndex { $0.contains(x) }
    }

    /// Draws the tabs on the first row of `area` and returns `ranges(in:)`.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect) -> [Range<Int>] {
        guard !area.isEmpty else { return [] }
        let row = area.row(0)
        buffer.fill(row, style: .tabInactive)
        let rs = ranges(in: row)
        for (i, r) in rs.enumerated() where !r.isEmpty {
            let style: Style = i == active ? .tabActive : .tabInactive
            buffer.put(" " + titles[i] + " ", x: r.lowerBound, y: row.y, style: style, maxWidth: r.count)
            if i + 1 < titles.count, r.upperBound < row.maxX {
                buffer.put(borders.vertical, x: r.upperBound, y: row.y, style: .border)
            }
        }
        return rs
    }
}

/// One row: `left` text at the left, `right` text flush right; the left side is cut with `…` first.
public struct StatusBar: Widget {
    public var left: String
    public var right: String
    public var style: Style

    public init(left: String, right: String = "", style: Style = .statusBar) {
        self.left = left
        self.right = right
        self.style = style
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: style)
        let r = truncate(right, toWidth: row.width)
        let rw = displayWidth(r)
        buffer.put(r, x: row.maxX - rw, y: row.y, style: style)
        let room = row.width - rw - (rw > 0 ? 1 : 0)
        buffer.put(truncate(left, toWidth: room), x: row.x, y: row.y, style: style)
    }
}
