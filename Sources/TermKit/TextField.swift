/// A one-line text input. `caret` counts Characters (grapheme clusters), so a Chinese character,
/// an emoji or a letter with a combining accent is one step. Rendering scrolls horizontally to keep
/// the caret visible and puts the terminal cursor on the caret cell so an IME window follows it.
public struct TextField: Equatable, Hashable, Sendable {
    public var value: String { didSet { caret = min(max(0, caret), value.count) } }
    public var caret: Int
    /// Shown dimmed while the value is empty.
    public var placeholder: String

    public init(_ value: String = "", caret: Int? = nil, placeholder: String = "") {
        self.value = value
        self.caret = min(max(0, caret ?? value.count), value.count)
        self.placeholder = placeholder
    }

    private var caretIndex: String.Index { value.index(value.startIndex, offsetBy: caret) }

    /// Inserts `text` at the caret and moves the caret after it. Control characters are dropped.
    public mutating func insert(_ text: String) {
        let clean = String(text.filter { c in !c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } })
        guard !clean.isEmpty else { return }
        let i = caretIndex
        let before = String(value[..<i]) + clean
        let newCaret = before.count
        value = before + value[i...]
        caret = min(newCaret, value.count)
    }

    public mutating func insert(_ c: Character) { insert(String(c)) }

    /// Deletes the character before the caret.
    public mutating func backspace() {
        guard caret > 0 else { return }
        let i = value.index(before: caretIndex)
        caret -= 1
        value.remove(at: i)
    }

    /// Deletes the character at the caret.
    public mutating func delete() {
        guard caret < value.count else { return }
        value.remove(at: caretIndex)
    }

    public mutating func left() { caret = max(0, caret - 1) }
    public mutating func right() { caret = min(value.count, caret + 1) }
    public mutating func home() { caret = 0 }
    public mutating func end() { caret = value.count }

    /// Deletes from the start of the line to the caret (Ctrl-U).
    public mutating func deleteToStart() {
        value = String(value[caretIndex...])
        caret = 0
    }

    /// Deletes from the caret to the end of the line (Ctrl-K).
    public mutating func deleteToEnd() { value = String(value[..<caretIndex]) }

    /// Deletes the word before the caret (Ctrl-W): trailing spaces, then non-spaces.
    public mutating func deleteWordBackward() {
        var chars = Array(value)
        var c = caret
        while c > 0 && chars[c - 1] == " " { c -= 1 }
        while c > 0 && chars[c - 1] != " " { c -= 1 }
        chars.removeSubrange(c..<caret)
        caret = c
        value = String(chars)
    }

    /// Applies an editing key. Returns false for keys a text field does not use (Enter, Esc, Tab…).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .backspace: backspace()
        case .delete, .ctrl("d"): delete()
        case .left, .ctrl("b"): left()
        case .right, .ctrl("f"): right()
        case .home, .ctrl("a"): home()
        case .end, .ctrl("e"): end()
        case .ctrl("u"): deleteToStart()
        case .ctrl("k"): deleteToEnd()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// Cells from the start of the value to the caret.
    public var caretColumn: Int { displayWidth(String(value[..<caretIndex])) }

    /// The first cell shown when the field is `width` cells wide: 0 while the caret fits,
    /// otherwise just enough that the caret sits on the last cell (never inside a wide glyph).
    public func scrollOffset(width: Int) -> Int {
        guard width > 0 else { return 0 }
        let caretX = caretColumn
        if caretX < width { return 0 }
        var needed = caretX - (width - 1)
        // Advance to a grapheme boundary.
        var x = 0
        for g in value {
            if x >= needed { break }
            x += graphemeWidth(g)
        }
        needed = x
        return needed
    }

    /// Draws the field on the first row of `area`. When `focused`, uses `inputActive` and sets
    /// `buffer.cursor` to the caret cell.
    public func render(into buffer: inout Buffer, area: Rect, focused: Bool = true) {
        guard !area.isEmpty else { return }
        let style: Style = focused ? .inputActive : .input
        let row = area.row(0)
        buffer.fill(row, style: style)
        if value.isEmpty && !placeholder.isEmpty {
            buffer.put(placeholder, x: row.x, y: row.y, style: Style(.dim), maxWidth: row.width)
        } else {
            let offset = scrollOffset(width: row.width)
            var x = 0
            var out = ""
            for g in value {
                let w = graphemeWidth(g)
                if x >= offset { out.append(g) }
                x += w
            }
            buffer.put(out, x: row.x, y: row.y, style: style, maxWidth: row.width)
        }
        if focused {
            let cx = row.x + caretColumn - scrollOffset(width: row.width)
            buffer.cursor = (min(cx, row.maxX - 1), row.y)
        }
    }
}
