/// Semantic colour roles. Widgets only ever use roles; a `Theme` maps them to concrete colours.
/// Raw values are the role names used in theme files (`tabActive` may also be written `tab_active`).
public enum Role: String, CaseIterable, Sendable, Hashable {
    case text, dim, title, border, header, selected, tabActive, tabInactive, statusBar
    case good, warning, bad, bar, barAlt, spark, accent, input, inputActive, error, overlay
}

/// How one cell is drawn: a role plus attributes that are added on top of the theme's own.
public struct Style: Equatable, Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .text, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// A plain style for `role`.
    public static func of(_ role: Role) -> Style { Style(role) }

    public static let text = Style(.text)
    public static let dim = Style(.dim)
    public static let title = Style(.title, bold: true)
    public static let border = Style(.border)
    public static let header = Style(.header, bold: true)
    public static let selected = Style(.selected)
    public static let tabActive = Style(.tabActive, bold: true)
    public static let tabInactive = Style(.tabInactive)
    public static let statusBar = Style(.statusBar)
    public static let good = Style(.good)
    public static let warning = Style(.warning)
    public static let bad = Style(.bad)
    public static let bar = Style(.bar)
    public static let barAlt = Style(.barAlt)
    public static let spark = Style(.spark)
    public static let accent = Style(.accent)
    public static let input = Style(.input)
    public static let inputActive = Style(.inputActive)
    public static let error = Style(.error, bold: true)
    public static let overlay = Style(.overlay)

    public var bolded: Style { var s = self; s.bold = true; return s }
    public var reversed: Style { var s = self; s.reverse = true; return s }
    public var underlined: Style { var s = self; s.underline = true; return s }
    /// The same attributes with another role.
    public func with(role: Role) -> Style { var s = self; s.role = role; return s }
}

/// One terminal cell: a grapheme cluster and its style. The right half of a wide glyph is a
/// continuation cell (`isContinuation == true`, empty grapheme) carrying the same style.
public struct Cell: Equatable, Hashable, Sendable {
    public var grapheme: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ grapheme: String = " ", style: Style = .text, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()

    /// Cells this cell's grapheme occupies (0 for a continuation).
    public var width: Int {
        if isContinuation { return 0 }
        guard let g = grapheme.first else { return 1 }
        return max(1, graphemeWidth(g))
    }
}
