import TermKit

/// A block's body as lines of label/value pairs, bars and sparklines: the overview's building brick.
enum InfoLine {
    case pair(String, String, Role)
    case gauge(String, Double, String, Role)
    case spark(String, [Double])
    case text(String, Style)

    static func pair(_ label: String, _ value: String) -> InfoLine { .pair(label, value, .text) }
}

struct InfoList {
    var lines: [InfoLine]
    var labelWidth: Int?

    /// Draws as many lines as fit; labels take the widest label's cells (at most half the width).
    func render(into buf: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let widest = lines.map { l -> Int in
            switch l {
            case .pair(let a, _, _), .gauge(let a, _, _, _), .spark(let a, _): return displayWidth(a)
            case .text: return 0
            }
        }.max() ?? 0
        let lw = min(labelWidth ?? widest, area.width / 2)
        for (i, line) in lines.prefix(area.height).enumerated() {
            let y = area.y + i
            switch line {
            case .pair(let label, let value, let role):
                // Values are short and must never be cut; the label gives way.
                let vw = min(displayWidth(value), area.width)
                buf.put(truncate(label, toWidth: max(0, area.width - vw - 1)), x: area.x, y: y, style: .dim)
                buf.put(truncate(value, toWidth: vw), x: area.maxX - vw, y: y, style: Style(role))
            case .gauge(let label, let ratio, let value, let role):
                buf.put(truncate(label, toWidth: lw), x: area.x, y: y, style: .dim)
                Gauge(ratio: ratio, valueText: value, role: role).render(into: &buf, area: Rect(x: area.x + lw + 1, y: y, width: max(0, area.width - lw - 1), height: 1))
            case .spark(let label, let values):
                buf.put(truncate(label, toWidth: lw), x: area.x, y: y, style: .dim)
                let w = max(0, area.width - lw - 1)
                Sparkline(values: values, minValue: 0).render(into: &buf, area: Rect(x: area.maxX - min(w, values.count * 2), y: y, width: min(w, values.count * 2), height: 1))
            case .text(let t, let style):
                buf.put(truncate(t, toWidth: area.width), x: area.x, y: y, style: style)
            }
        }
    }
}

/// Green at or above the target, amber within 10 points below, red further below; plain when there is no target.
func targetRole(_ percent: Double?, target: Double?) -> Role {
    guard let p = percent, let t = target else { return .bar }
    if p >= t { return .good }
    return p >= t - 10 ? .warning : .bad
}

func changeRole(_ text: String) -> Role {
    text.hasPrefix("+") ? .good : (text.hasPrefix("-") ? .bad : .dim)
}

func formatHours(_ h: Double) -> String {
    let t = Int((h * 10).rounded())
    return t % 10 == 0 ? "\(t / 10)" : "\(t / 10).\(t % 10)"
}
