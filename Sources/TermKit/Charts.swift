/// Left-aligned partial blocks: index n is n/8 of a cell.
private let eighths: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

/// A bar of `length` cells (fractional), drawn with full blocks and one partial block
/// (or `#` in ASCII, rounded to whole cells).
func barString(length: Double, ascii: Bool) -> String {
    let l = max(0, length)
    if ascii { return String(repeating: "#", count: Int(l.rounded())) }
    var full = Int(l)
    var part = Int(((l - Double(full)) * 8).rounded())
    if part == 8 { full += 1; part = 0 }
    return String(repeating: "█", count: full) + eighths[part]
}

/// Horizontal bars, one per row: `label  ████████▌    value`. Each bar has its own role
/// (e.g. good / warning / bad) and an optional target marker `│` drawn in `accent`.
public struct BarChart: Widget {
    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Double
        public var valueText: String
        public var role: Role
        public var target: Double?

        public init(label: String, value: Double, valueText: String? = nil, role: Role = .bar, target: Double? = nil) {
            self.label = label
            self.value = value
            self.valueText = valueText ?? BarChart.format(value)
            self.role = role
            self.target = target
        }
    }

    public var bars: [Bar]
    /// The value of a full-length bar (default: the largest value or target).
    public var maxValue: Double?
    /// A target marker for every bar (a bar's own `target` wins).
    public var target: Double?
    /// Label column width (default: widest label, at most a third of the area).
    public var labelWidth: Int?
    public var ascii: Bool

    public init(bars: [Bar], maxValue: Double? = nil, target: Double? = nil, labelWidth: Int? = nil,
                ascii: Bool = BorderSet.preferred.isASCII) {
        self.bars = bars
        self.maxValue = maxValue
        self.target = target
        self.labelWidth = labelWidth
        self.ascii = ascii
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format1(v))
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty, !bars.isEmpty else { return }
        let lw = labelWidth ?? min(bars.map { displayWidth($0.label) }.max() ?? 0, area.width / 3)
        let vw = min(bars.map { displayWidth($0.valueText) }.max() ?? 0, area.width / 3)
        let barWidth = max(0, area.width - lw - vw - (lw > 0 ? 1 : 0) - (vw > 0 ? 1 : 0))
        let candidates = bars.map { $0.value } + bars.compactMap { $0.target } + [target].compactMap { $0 }
        let top = maxValue ?? max(candidates.max() ?? 0, 0)
        let barX = area.x + lw + (lw > 0 ? 1 : 0)
        for (i, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + i
            if lw > 0 { buffer.put(pad(bar.label, toWidth: lw), x: area.x, y: y, style: .text) }
            if barWidth > 0 {
                buffer.fill(Rect(x: barX, y: y, width: barWidth, height: 1), style: .text)
                let length = top > 0 ? min(1, max(0, bar.value / top)) * Double(barWidth) : 0
                buffer.put(barString(length: length, ascii: ascii), x: barX, y: y, style: Style(bar.role), maxWidth: barWidth)
                if let t = bar.target ?? target, top > 0 {
                    let col = min(barWidth - 1, max(0, Int((min(1, t / top) * Double(barWidth)).rounded(.down))))
                    buffer.put(ascii ? "|" : "│", x: barX + col, y: y, style: .accent)
                }
            }
            if vw > 0 { buffer.put(pad(bar.valueText, toWidth: vw, align: .right), x: area.maxX - vw, y: y, style: .text) }
        }
    }
}

private func format1(_ v: Double) -> String {
    let scaled = (v * 10).rounded()
    let sign = scaled < 0 ? "-" : ""
    let a = abs(Int(scaled))
    return "\(sign)\(a / 10).\(a % 10)"
}

/// A one-row trend: `▁▂▃▅▇█` (ASCII: `_.-~=+*#`). Shows the last `area.width` values.
public struct Sparkline: Widget {
    public var values: [Double]
    /// Value of the lowest glyph (default: 0, or the smallest value if negative).
    public var minValue: Double?
    /// Value of the highest glyph (default: the largest value).
    public var maxValue: Double?
    public var style: Style
    public var ascii: Bool

    public static let blocks: [String] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let asciiLevels: [String] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    public init(values: [Double], minValue: Double? = nil, maxValue: Double? = nil, style: Style = .spark,
                ascii: Bool = BorderSet.preferred.isASCII) {
        self.values = values
        self.minValue = minValue
        self.maxValue = maxValue
        self.style = style
        self.ascii = ascii
    }

    /// The glyphs for `width` cells (the most recent values).
    public func glyphs(width: Int) -> String {
        let shown = values.suffix(max(0, width))
        guard !shown.isEmpty else { return "" }
        let lo = minValue ?? min(0, shown.min() ?? 0)
        let hi = maxValue ?? (shown.max() ?? 0)
        let levels = ascii ? Sparkline.asciiLevels : Sparkline.blocks
        return shown.map { v -> String in
            guard hi > lo else { return levels[0] }
            let f = min(1, max(0, (v - lo) / (hi - lo)))
            return levels[Int((f * 7).rounded())]
        }.joined()
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.put(glyphs(width: area.width), x: area.x, y: area.y, style: style, maxWidth: area.width)
    }
}

/// A ratio bar on one row: `label ██████░░░░ 62%` (ASCII: `label ######.... 62%`).
public struct Gauge: Widget {
    public var ratio: Double
    public var label: String
    public var valueText: String
    public var role: Role
    public var ascii: Bool

    public init(ratio: Double, label: String = "", valueText: String? = nil, role: Role = .bar,
                ascii: Bool = BorderSet.preferred.isASCII) {
        let r = ratio.isFinite ? min(1, max(0, ratio)) : 0
        self.ratio = r
        self.label = label
        self.valueText = valueText ?? "\(Int((r * 100).rounded()))%"
        self.role = role
        self.ascii = ascii
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let y = area.y
        var x = area.x
        if !label.isEmpty {
            x += buffer.put(truncate(label, toWidth: max(0, area.width / 2)) + " ", x: x, y: y, style: .text, maxWidth: area.width)
        }
        let vw = displayWidth(valueText)
        let barWidth = max(0, area.maxX - x - vw - 1)
        if barWidth > 0 {
            let empty = ascii ? "." : "░"
            buffer.put(String(repeating: empty, count: barWidth), x: x, y: y, style: .dim)
            buffer.put(barString(length: ratio * Double(barWidth), ascii: ascii), x: x, y: y, style: Style(role), maxWidth: barWidth)
            x += barWidth + 1
        }
        buffer.put(valueText, x: x, y: y, style: .text, maxWidth: area.maxX - x)
    }
}
