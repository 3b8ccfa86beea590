import TermKit

/// A pop-up list to pick one or several items, narrowed as you type.
struct Picker {
    struct Item { var id: String; var label: String }
    let title: String
    let multi: Bool
    let source: (String) -> [Item]
    var filter = TextField()
    var items: [Item] = []
    var state = TableState()
    var chosen: [String]
    /// Labels of chosen items not in the current result list (multi-pick keeps them across searches).
    var chosenLabels: [String: String]

    init(title: String, multi: Bool, chosen: [String], chosenLabels: [String: String] = [:], source: @escaping (String) -> [Item]) {
        self.title = title; self.multi = multi; self.source = source; self.chosen = chosen; self.chosenLabels = chosenLabels
        items = source("")
        if let first = chosen.first, let i = items.firstIndex(where: { $0.id == first }) { state.selected = i }
    }

    enum Outcome { case open, picked([String], [String: String]), cancelled }

    mutating func handle(_ key: Key, visible: Int) -> Outcome {
        switch key {
        case .esc: return .cancelled
        case .up: state.moveUp(total: items.count, visible: visible)
        case .down: state.moveDown(total: items.count, visible: visible)
        case .pageUp: state.pageUp(total: items.count, visible: visible)
        case .pageDown: state.pageDown(total: items.count, visible: visible)
        case .enter:
            if multi { return .picked(chosen, chosenLabels) }
            guard items.indices.contains(state.selected) else { return .open }
            let it = items[state.selected]
            return .picked([it.id], [it.id: it.label])
        case .char(" ") where multi, .tab where multi:
            guard items.indices.contains(state.selected) else { return .open }
            let it = items[state.selected]
            if let i = chosen.firstIndex(of: it.id) { chosen.remove(at: i) } else { chosen.append(it.id); chosenLabels[it.id] = it.label }
        default:
            if filter.handle(key) {
                items = source(filter.value)
                state = TableState()
            }
        }
        return .open
    }

    func render(into buf: inout Buffer, area: Rect, hint: String) {
        let w = min(area.width - 4, max(40, (items.map { displayWidth($0.label) }.max() ?? 20) + 8))
        let h = min(area.height - 2, max(8, min(items.count, 14) + 5))
        let box = area.centered(width: w, height: h)
        buf.fill(box, style: .overlay)
        let b = Block(title: title)
        b.render(into: &buf, area: box)
        let inner = b.inner(box).inset(left: 1, right: 1)
        buf.put("/", x: inner.x, y: inner.y, style: .accent)
        let fieldArea = Rect(x: inner.x + 2, y: inner.y, width: max(0, inner.width - 2), height: 1)
        filter.render(into: &buf, area: fieldArea, focused: true)
        let listArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 2))
        var st = state
        st.clamp(total: items.count, visible: listArea.height)
        let range = st.visibleRange(total: items.count, visible: listArea.height)
        for (row, i) in range.enumerated() {
            let it = items[i]
            let mark = multi ? (chosen.contains(it.id) ? "[x] " : "[ ] ") : ""
            let style: Style = i == st.selected ? .selected : .overlay
            let y = listArea.y + row
            buf.fill(Rect(x: listArea.x, y: y, width: listArea.width, height: 1), style: style)
            buf.put(truncate(mark + it.label, toWidth: listArea.width), x: listArea.x, y: y, style: style)
        }
        if items.isEmpty { buf.put("（无匹配）", x: listArea.x, y: listArea.y, style: .dim) }
        buf.put(truncate(hint, toWidth: inner.width), x: inner.x, y: inner.maxY - 1, style: .dim)
    }
}
