import Foundation

/// Anything that draws itself into a rectangle of a buffer.
public protocol Widget {
    func render(into buffer: inout Buffer, area: Rect)
}

/// Glyphs for borders and other line art. Box drawing is East-Asian-ambiguous: some CJK terminals
/// draw it two cells wide, so `.ascii` (`--ascii`) is offered and the other widgets follow
/// `isASCII` for their own glyphs (bars, sparklines, sort arrows).
public struct BorderSet: Equatable, Hashable, Sendable {
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var horizontal: Character
    public var vertical: Character
    public var isASCII: Bool

    public init(topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
                horizontal: Character, vertical: Character, isASCII: Bool) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
        self.isASCII = isASCII
    }

    public static let unicode = BorderSet(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                          horizontal: "─", vertical: "│", isASCII: false)
    public static let rounded = BorderSet(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
                                          horizontal: "─", vertical: "│", isASCII: false)
    public static let ascii = BorderSet(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                                        horizontal: "-", vertical: "|", isASCII: true)

    private static let lock = NSLock()
    nonisolated(unsafe) private static var _preferred = BorderSet.unicode

    /// The process-wide default used by widgets when no set is passed (set `.ascii` for `--ascii`).
    public static var preferred: BorderSet {
        get { lock.lock(); defer { lock.unlock() }; return _preferred }
        set { lock.lock(); _preferred = newValue; lock.unlock() }
    }
}

/// A border with an optional title: `┌─ 标题 ───┐`.
public struct Block: Widget {
    public var title: String?
    public var titleAlignment: Alignment
    public var borders: BorderSet
    public var style: Style
    public var titleStyle: Style
    /// When set, the inside is cleared with this style first.
    public var fill: Style?

    public init(title: String? = nil, titleAlignment: Alignment = .left, borders: BorderSet = .preferred,
                style: Style = .border, titleStyle: Style = .title, fill: Style? = nil) {
        self.title = title
        self.titleAlignment = titleAlignment
        self.borders = borders
        self.style = style
        self.titleStyle = titleStyle
        self.fill = fill
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(1) }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        if let fill { buffer.fill(inner(area), style: fill) }
        let b = borders
        let hLine = String(repeating: b.horizontal, count: area.width - 2)
        buffer.put(String(b.topLeft) + hLine + String(b.topRight), x: area.x, y: area.y, style: style)
        buffer.put(String(b.bottomLeft) + hLine + String(b.bottomRight), x: area.x, y: area.maxY - 1, style: style)
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.put(b.vertical, x: area.x, y: y, style: style)
            buffer.put(b.vertical, x: area.maxX - 1, y: y, style: style)
        }
        if let title, !title.isEmpty {
            Block.renderLabel(title, into: &buffer, area: area, y: area.y, alignment: titleAlignment, style: titleStyle)
        }
    }

    /// Puts ` text ` on a border row, one border glyph in from the corner: `┌─ 标题 ──┐`
    /// (used for titles and footers).
    static func renderLabel(_ text: String, into buffer: inout Buffer, area: Rect, y: Int,
                            alignment: Alignment, style: Style) {
        let room = area.width - 4
        guard room >= 3 else { return }
        let label = " " + truncate(text, toWidth: room - 2) + " "
        let w = displayWidth(label)
        let x: Int
        switch alignment {
        case .left: x = area.x + 2
        case .right: x = area.maxX - 2 - w
        case .center: x = area.x + (area.width - w) / 2
        }
        buffer.put(label, x: x, y: y, style: style)
    }
}
