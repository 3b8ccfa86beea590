/// A key press (or a terminal event) as the app sees it, independent of any terminal library.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, delete, esc
    case f(Int)
    /// Ctrl plus a lowercase letter (`.ctrl("l")`). Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M are the same
    /// bytes as Backspace, Tab and Enter, so they are reported (and parsed) as those keys.
    case ctrl(Character)
    case resize
    /// A left-button click at a cell (0-based, screen coordinates).
    case mouse(x: Int, y: Int)

    /// Names accepted by `parse` for the non-character keys (first name is the display name).
    private static let named: [(names: [String], key: Key)] = [
        (["Up"], .up), (["Down"], .down), (["Left"], .left), (["Right"], .right),
        (["Home"], .home), (["End"], .end),
        (["PgUp", "PageUp"], .pageUp), (["PgDn", "PageDown", "PgDown"], .pageDown),
        (["Enter", "Return", "Ret"], .enter), (["Tab"], .tab), (["S-Tab", "BTab", "BackTab"], .backTab),
        (["Backspace", "BS"], .backspace), (["Del", "Delete"], .delete), (["Esc", "Escape"], .esc),
        (["Space"], .char(" ")), (["Quote", "DQuote"], .char("\"")), (["Resize"], .resize),
    ]

    /// Parses one key name as used in a headless key script: a single character (`j`, `/`, `中`),
    /// `Up Down Left Right Home End PgUp PgDn Enter Tab S-Tab BTab Backspace BS Del Esc Space`,
    /// `F1`…`F24`, `C-a`…`C-z` (also `Ctrl-a`), `Click(x,y)`. Multi-letter names ignore case.
    public static func parse(_ name: String) -> Key? {
        if name.count == 1, let c = name.first { return .char(c) }
        let lower = name.lowercased()
        for entry in named where entry.names.contains(where: { $0.lowercased() == lower }) {
            return entry.key
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n), !lower.dropFirst().hasPrefix("0") {
            return .f(n)
        }
        for prefix in ["c-", "ctrl-", "ctrl+", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            switch c {
            case "h": return .backspace
            case "i": return .tab
            case "j", "m": return .enter
            default: return .ctrl(c)
            }
        }
        if lower.hasPrefix("click(") && lower.hasSuffix(")") {
            let inner = lower.dropFirst(6).dropLast()
            let parts = inner.split(separator: ",").map { $0.trimmingSpaces }
            if parts.count == 2, let x = Int(parts[0]), let y = Int(parts[1]), x >= 0, y >= 0 {
                return .mouse(x: x, y: y)
            }
        }
        return nil
    }

    /// Parses a key script: names separated by spaces (see `parse`), and double-quoted text meaning
    /// each character typed (a space inside quotes is a typed space; `\"` and `\\` escape).
    /// `"东湖 区" Enter` → 东, 湖, space, 区, Enter.
    public static func parseScript(_ script: String) throws -> [Key] {
        var keys: [Key] = []
        var index = 0
        var tokenNumber = 0
        let chars = Array(script)
        while index < chars.count {
            let c = chars[index]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1; continue }
            tokenNumber += 1
            if c == "\"" && index + 1 < chars.count {
                var j = index + 1
                var typed: [Key] = []
                var closed = false
                while j < chars.count {
                    let d = chars[j]
                    if d == "\\" && j + 1 < chars.count { typed.append(.char(chars[j + 1])); j += 2; continue }
                    if d == "\"" { closed = true; j += 1; break }
                    typed.append(.char(d))
                    j += 1
                }
                if !closed {
                    throw KeyScriptError(token: String(chars[index...]), tokenNumber: tokenNumber,
                                         reason: "unterminated quoted text")
                }
                if j < chars.count, !(chars[j] == " " || chars[j] == "\t" || chars[j] == "\n" || chars[j] == "\r") {
                    var k = j
                    while k < chars.count && chars[k] != " " && chars[k] != "\t" { k += 1 }
                    throw KeyScriptError(token: String(chars[index..<k]), tokenNumber: tokenNumber,
                                         reason: "quoted text must be followed by a space")
                }
                keys += typed
                index = j
                continue
            }
            var j = index
            while j < chars.count && !(chars[j] == " " || chars[j] == "\t" || chars[j] == "\n" || chars[j] == "\r") { j += 1 }
            let token = String(chars[index..<j])
            guard let key = Key.parse(token) else {
                throw KeyScriptError(token: token, tokenNumber: tokenNumber, reason: "unknown key name")
            }
            keys.append(key)
            index = j
        }
        return keys
    }

    /// A short human name, also accepted by `parse` (`j`, `Space`, `PgDn`, `C-l`, `F5`, `S-Tab`).
    public var displayName: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .esc: return "Esc"
        case .f(let n): return "F\(n)"
        case .ctrl(let c): return "C-\(c)"
        case .resize: return "Resize"
        case .mouse(let x, let y): return "Click(\(x),\(y))"
        }
    }

    /// The character of a `.char` key, else nil.
    public var character: Character? {
        if case .char(let c) = self { return c }
        return nil
    }
}

/// A key script could not be parsed: names the offending token and its 1-based position.
public struct KeyScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    public var token: String
    public var tokenNumber: Int
    public var reason: String

    public var description: String {
        "key script: \(reason) '\(token)' (token \(tokenNumber)); " +
            "use names like j Up PgDn Enter Esc Tab S-Tab F1 C-l Space, or \"quoted text\""
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
