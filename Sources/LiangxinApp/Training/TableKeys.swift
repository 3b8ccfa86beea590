import TermKit

/// The shared list keys (j/k, arrows, PgUp/PgDn, Home/End) and the `/` filter line, for the training panel's tables.
enum TableKeys {
    /// Moves the selection; returns whether the key was a movement.
    static func navigate(_ key: Key, _ state: inout TableState, total: Int, visible: Int) -> Bool {
        let v = max(1, visible)
        switch key {
        case .char("j"), .down: state.moveDown(total: total, visible: v)
        case .char("k"), .up: state.moveUp(total: total, visible: v)
        case .pageDown, .char(" "): state.pageDown(total: total, visible: v)
        case .pageUp: state.pageUp(total: total, visible: v)
        case .home, .char("g"): state.home(total: total, visible: v)
        case .end, .char("G"): state.end(total: total, visible: v)
        default: return false
        }
        return true
    }

    enum FilterEdit { case unchanged, changed, done }

    /// Keys while the filter is typed: text edits it (the list narrows as you type), Enter keeps it, Esc clears it.
    static func editFilter(_ key: Key, _ state: inout TableState) -> FilterEdit {
        switch key {
        case .enter:
            state.filtering = false
            return .done
        case .esc:
            state.filtering = false
            state.filter = ""
            state.selected = 0; state.offset = 0
            return .changed
        case .backspace:
            if state.filter.isEmpty { state.filtering = false; return .done }
            state.filter.removeLast()
        case .ctrl("u"):
            state.filter = ""
        case .char(let c):
            state.filter.append(c)
        default:
            return .unchanged
        }
        state.selected = 0; state.offset = 0
        return .changed
    }

    /// The row under a click inside a table drawn at `area` (header on its first row).
    static func row(atY y: Int, x: Int, in area: Rect, state: TableState, total: Int) -> Int? {
        guard area.contains(x: x, y: y) else { return nil }
        let i = y - area.y - 1
        guard i >= 0, i < Table.visibleRowCount(in: area, state: state) else { return nil }
        let index = state.offset + i
        return index < total ? index : nil
    }
}
