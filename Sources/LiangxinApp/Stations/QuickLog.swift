import LiangxinModel
import LiangxinStore
import TermKit

/// The quick-log prompt: one line prefilled with a date, so logging a station is `l`, the count, Enter.
/// The date can be edited in place (`11-20 35`) and a note may follow the count (`2026-11-20 35 夜间`).
struct QuickLog {
    let station: Station
    var field: TextField
    var error: String?

    init(station: Station, date: Day) {
        self.station = station
        field = TextField(date.description + " ")
    }

    enum Parsed: Equatable {
        case entry(date: Day, count: Int, note: String?)
        case problem(String)
    }

    /// Reads `[date] count [note]`. The date is `YYYY-MM-DD` or `MM-DD` (this year); left out, it is today.
    static func parse(_ text: String, today: Day, lang: Lang) -> Parsed {
        var words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        var date = today
        // Leading dates: the last one wins, so typing `11-20 12` after the prefilled date just works.
        while let first = words.first, first.contains(where: { "-/.".contains($0) }) {
            guard let d = Day(first) ?? shortDay(first, year: today.year) else {
                return .problem(Str.stQuickBadDate.text(lang).filling(first))
            }
            date = d
            words = words.count > 1 ? words[1].split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
                + words.dropFirst(2) : []
        }
        guard let c = words.first, c.allSatisfy(\.isASCII), let count = Int(c), count > 0 else {
            return .problem(Str.stQuickBadCount.text(lang))
        }
        let note = words.count > 1 ? words[1...].joined(separator: " ").trimmingCharacters(in: .whitespaces) : ""
        return .entry(date: date, count: count, note: note.isEmpty ? nil : note)
    }

    /// `11-20` or `11/20`: a day of this year, as staff write it when catching up on last week's counts.
    static func shortDay(_ s: String, year: Int) -> Day? {
        let parts = s.split(whereSeparator: { "-/.".contains($0) })
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
        return Day(year: year, month: m, day: d)
    }

    /// A box of four rows across the bottom of `area` (or the top, when `avoidY` — the selected row — would be hidden).
    @MainActor
    func render(into buf: inout Buffer, area: Rect, avoidY: Int?, _ ctx: AppContext) {
        // Full width over the bottom rows, so it reads as the list's own input line.
        var box = Rect(x: area.x, y: area.maxY - 4, width: area.width, height: 4)
        if let y = avoidY, y >= box.y { box.y = area.y + 1 }
        buf.fill(box, style: .overlay)
        let b = Block(title: "\(ctx.t(.stQuickTitle)) · \(station.name)")
        b.render(into: &buf, area: box)
        let inner = b.inner(box).inset(left: 1, right: 1)
        let prompt = ctx.t(.stQuickPrompt)
        let pw = buf.put(prompt, x: inner.x, y: inner.y, style: .overlay, maxWidth: inner.width)
        field.render(into: &buf, area: Rect(x: inner.x + pw, y: inner.y, width: max(1, inner.width - pw), height: 1), focused: true)
        let cursor = buf.cursor
        if let e = error {
            buf.put(truncate(e, toWidth: inner.width), x: inner.x, y: inner.y + 1, style: .error)
        } else {
            buf.put(truncate(ctx.t(.stQuickHint), toWidth: inner.width), x: inner.x, y: inner.y + 1, style: .dim)
        }
        buf.cursor = cursor
    }
}
