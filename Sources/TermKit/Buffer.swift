/// A width×height grid of cells: the whole truth of one frame. Widgets draw into it; a backend
/// flushes it (only the runs that changed since the previous frame).
///
/// Invariants: a wide glyph occupies a lead cell and continuation cells to its right (one for the
/// usual 2-cell glyph), and is never split — a write that would cut one blanks the orphaned part.
public struct Buffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the real terminal cursor should be (e.g. the caret of a text field, so an IME window
    /// follows it); `nil` hides the cursor.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int, style: Style = .text) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
        self.cursor = nil
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public static func == (a: Buffer, b: Buffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Resets every cell to a blank with `style` and hides the cursor.
    public mutating func clear(style: Style = .text) {
        for i in cells.indices { cells[i] = Cell(" ", style: style) }
        cursor = nil
    }

    // MARK: Writing

    /// Writes `text` starting at (`x`, `y`), clipped at the right edge and at `maxWidth` cells.
    /// Returns the number of cells used. Zero-width graphemes (controls, stray marks) are skipped; a
    /// wide glyph that does not fit entirely becomes a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        var limit = width
        if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
        var col = x
        for g in text {
            if col >= limit { break }
            let w = graphemeWidth(g)
            if w == 0 { continue }
            if col + w > limit || col < 0 {
                // Does not fit entirely (right edge, or starts left of the buffer): the visible
                // part becomes spaces.
                let lo = max(col, 0), hi = min(col + w, limit)
                if lo < hi { for i in lo..<hi { setGlyph(" ", width: 1, at: i, y: y, style: style) } }
                col += w
                if col > limit { col = limit; break }
                continue
            }
            setGlyph(String(g), width: w, at: col, y: y, style: style)
            col += w
        }
        return max(0, min(col, limit) - max(x, 0))
    }

    /// Writes a single character (convenience for borders and glyphs).
    @discardableResult
    public mutating func put(_ ch: Character, x: Int, y: Int, style: Style) -> Int {
        put(String(ch), x: x, y: y, style: style)
    }

    /// Fills `rect` (clipped to the buffer) with `char` in `style`.
    public mutating func fill(_ rect: Rect, style: Style, char: Character = " ") {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        let w = graphemeWidth(char)
        for y in r.y..<r.maxY {
            if w == 1 {
                for x in r.x..<r.maxX { setGlyph(String(char), width: 1, at: x, y: y, style: style) }
            } else {
                put(String(repeating: char, count: r.width), x: r.x, y: y, style: style, maxWidth: r.width)
            }
        }
    }

    /// Changes the style of the cells in `rect` without touching their text.
    public mutating func setStyle(_ rect: Rect, style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x].style = style }
        }
    }

    /// Copies `other` into this buffer with its top-left corner at (`x`, `y`).
    public mutating func blit(_ other: Buffer, x ox: Int, y oy: Int) {
        for y in 0..<other.height {
            var x = 0
            while x < other.width {
                let c = other[x, y]
                if c.isContinuation { x += 1; continue }
                put(c.grapheme, x: ox + x, y: oy + y, style: c.style, maxWidth: other.width - x)
                x += max(1, c.width)
            }
        }
    }

    /// Blanks every cell of a multi-cell glyph that covers column `x` (keeping their styles), so
    /// that overwriting part of it never leaves half a glyph behind.
    private mutating func detach(_ x: Int, _ y: Int) {
        let base = y * width
        var lead = x
        while lead > 0 && cells[base + lead].isContinuation { lead -= 1 }
        var end = lead + 1
        while end < width && cells[base + end].isContinuation { end += 1 }
        guard end - lead > 1 else { return }
        for i in lead..<end { cells[base + i] = Cell(" ", style: cells[base + i].style) }
    }

    private mutating func setGlyph(_ g: String, width w: Int, at x: Int, y: Int, style: Style) {
        guard x >= 0, x + w <= width else { return }
        let base = y * width
        for i in x..<(x + w) { detach(i, y) }
        cells[base + x] = Cell(g, style: style)
        for i in (x + 1)..<(x + w) { cells[base + i] = Cell("", style: style, isContinuation: true) }
    }

    // MARK: Reading

    /// Plain text of row `y`: each glyph once, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = ""
        for x in 0..<width {
            let c = cells[y * width + x]
            if !c.isContinuation { s += c.grapheme }
        }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Plain text of every row (see `line(_:)`).
    public func lines() -> [String] { (0..<height).map { line($0) } }

    /// Every row's plain text joined with newlines, trailing empty rows dropped.
    public var text: String {
        var ls = lines()
        while ls.last == "" { ls.removeLast() }
        return ls.joined(separator: "\n")
    }

    // MARK: Diff

    /// A run of changed cells on one row: `xStart..<xEnd`.
    public struct Run: Equatable, Hashable, Sendable {
        public var y: Int
        public var xStart: Int
        public var xEnd: Int
        public init(y: Int, xStart: Int, xEnd: Int) { self.y = y; self.xStart = xStart; self.xEnd = xEnd }
    }

    /// The runs of cells that differ from `old`. A run never begins on the right half of a wide glyph
    /// nor ends in the middle of one. Runs separated by at most `mergeGap` unchanged cells are joined.
    /// When the sizes differ every row is one full run. The cursor is not compared.
    public func diff(from old: Buffer, mergeGap: Int = 0) -> [Run] {
        if old.width != width || old.height != height {
            return (0..<height).map { Run(y: $0, xStart: 0, xEnd: width) }
        }
        var runs: [Run] = []
        for y in 0..<height {
            let base = y * width
            var x = 0
            var current: Run? = nil
            while x < width {
                if cells[base + x] != old.cells[base + x] {
                    var start = x
                    while start > 0 && (cells[base + start].isContinuation || old.cells[base + start].isContinuation) {
                        start -= 1
                    }
                    var end = x + 1
                    while end < width && (cells[base + end].isContinuation || old.cells[base + end].isContinuation) {
                        end += 1
                    }
                    if var c = current, start <= c.xEnd + mergeGap {
                        c.xEnd = max(c.xEnd, end)
                        current = c
                    } else {
                        if let c = current { runs.append(c) }
                        current = Run(y: y, xStart: start, xEnd: end)
                    }
                    x = end
                } else {
                    x += 1
                }
            }
            if let c = current { runs.append(c) }
        }
        return runs
    }
}
