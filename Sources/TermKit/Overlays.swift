/// One titled group of key bindings in the help screen.
public struct HelpSection: Equatable, Sendable {
    public var title: String
    public var entries: [HelpEntry]

    public init(title: String, entries: [(keys: String, description: String)]) {
        self.title = title
        self.entries = entries.map { HelpEntry(keys: $0.keys, description: $0.description) }
    }
}

public struct HelpEntry: Equatable, Sendable {
    public var keys: String
    public var description: String
    public init(keys: String, description: String) { self.keys = keys; self.description = description }
}

/// A centred box listing key bindings by section (build it from the live keymap).
/// Long lists scroll with `scroll` (first content line shown).
public struct HelpOverlay: Widget {
    public var sections: [HelpSection]
    public var title: String
    public var footer: String?
    public var scroll: Int
    public var borders: BorderSet

    public init(sections: [HelpSection], title: String = "帮助", footer: String? = "按任意键关闭",
                scroll: Int = 0, borders: BorderSet = .preferred) {
        self.sections = sections
        self.title = title
        self.footer = footer
        self.scroll = scroll
        self.borders = borders
    }

    /// The content lines (without the box) and their styles.
    public func contentLines() -> [(text: String, style: Style)] {
        let keysWidth = sections.flatMap { $0.entries }.map { displayWidth($0.keys) }.max() ?? 0
        var out: [(String, Style)] = []
        for (i, section) in sections.enumerated() {
            if i > 0 { out.append(("", .overlay)) }
            out.append((section.title, Style(.header, bold: true)))
            for e in section.entries {
                out.append(("  " + pad(e.keys, toWidth: keysWidth) + "  " + e.description, .overlay))
            }
        }
        return out
    }

    /// The rectangle the box occupies inside `area`.
    public func box(in area: Rect) -> Rect {
        let lines = contentLines()
        let contentWidth = max(lines.map { displayWidth($0.text) }.max() ?? 0,
                               displayWidth(title) + 4, displayWidth(footer ?? "") + 4)
        return area.centered(width: contentWidth + 4, height: lines.count + 2)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let r = box(in: area)
        guard r.width >= 4, r.height >= 3 else { return }
        buffer.fill(r, style: .overlay)
        Block(title: title, borders: borders, style: .border, titleStyle: .title).render(into: &buffer, area: r)
        if let footer { Block.renderLabel(footer, into: &buffer, area: r, y: r.maxY - 1, alignment: .right, style: .dim) }
        let inner = r.inset(top: 1, left: 2, bottom: 1, right: 2)
        let lines = contentLines()
        let start = min(max(0, scroll), max(0, lines.count - inner.height))
        for (i, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + i, style: line.style, maxWidth: inner.width)
        }
    }
}

/// A centred question with buttons: `[ 确定 ]  [ 取消 ]`; the `selected` button is highlighted.
public struct ConfirmDialog: Widget {
    public var title: String?
    public var message: String
    public var buttons: [String]
    public var selected: Int
    public var borders: BorderSet
    /// The widest the message may be before it wraps.
    public var maxMessageWidth: Int

    public init(title: String? = nil, message: String, buttons: [String] = ["确定", "取消"], selected: Int = 0,
                borders: BorderSet = .preferred, maxMessageWidth: Int = 48) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selected = selected
        self.borders = borders
        self.maxMessageWidth = maxMessageWidth
    }

    public mutating func next() { if !buttons.isEmpty { selected = (selected + 1) % buttons.count } }
    public mutating func previous() { if !buttons.isEmpty { selected = (selected + buttons.count - 1) % buttons.count } }

    private var buttonLabels: [String] { buttons.map { "[ " + $0 + " ]" } }
    private var buttonsWidth: Int {
        buttonLabels.map(displayWidth).reduce(0, +) + 2 * max(0, buttons.count - 1)
    }

    /// The box inside `area` and the message lines it holds.
    public func layout(in area: Rect) -> (box: Rect, lines: [String]) {
        let limit = max(1, min(maxMessageWidth, area.width - 4))
        let lines = wrap(message, width: limit)
        let w = max(lines.map(displayWidth).max() ?? 0, buttonsWidth, displayWidth(title ?? "") + 4)
        return (area.centered(width: w + 4, height: lines.count + 4), lines)
    }

    /// Where each button is drawn, for mouse hit-testing.
    public func buttonRects(in area: Rect) -> [Rect] {
        let (box, _) = layout(in: area)
        let y = box.maxY - 2
        var x = box.x + max(2, (box.width - buttonsWidth) / 2)
        var out: [Rect] = []
        for label in buttonLabels {
            let w = displayWidth(label)
            out.append(Rect(x: x, y: y, width: max(0, min(w, box.maxX - 1 - x)), height: 1))
            x += w + 2
        }
        return out
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let (box, lines) = layout(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        buffer.fill(box, style: .overlay)
        Block(title: title, borders: borders).render(into: &buffer, area: box)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (i, line) in lines.prefix(max(0, inner.height - 2)).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + i, style: .overlay, maxWidth: inner.width)
        }
        for (i, r) in buttonRects(in: area).enumerated() where r.width > 0 {
            buffer.put(buttonLabels[i], x: r.x, y: r.y, style: i == selected ? .selected : .overlay, maxWidth: r.width)
        }
    }
}
