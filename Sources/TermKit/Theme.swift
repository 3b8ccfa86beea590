import Foundation
import TOMLKit

/// How many colours the terminal can show (or the user allows).
public enum ColorMode: String, Sendable, Equatable, CaseIterable {
    case none, c16, c256
}

/// One role's colours and attributes as written in a theme file. Colours are 0–255 (or 0–15 for
/// the 16-colour fields); nil means the terminal's default colour.
public struct ColorSpec: Equatable, Hashable, Sendable {
    public var fg256: Int?
    public var bg256: Int?
    public var fg16: Int?
    public var bg16: Int?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(fg256: Int? = nil, bg256: Int? = nil, fg16: Int? = nil, bg16: Int? = nil,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.fg256 = fg256
        self.bg256 = bg256
        self.fg16 = fg16
        self.bg16 = bg16
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public var hasColor: Bool { fg256 != nil || bg256 != nil || fg16 != nil || bg16 != nil }
}

/// What a backend needs to draw one style: colour numbers (nil = terminal default) and attributes.
public struct ResolvedStyle: Equatable, Hashable, Sendable {
    public var fg: Int?
    public var bg: Int?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(fg: Int? = nil, bg: Int? = nil, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }
}

/// A theme file could not be used. `line` (1-based) is set whenever the place is known.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}

/// Maps every `Role` to colours for 256- and 16-colour terminals, plus attributes.
///
/// File format (TOML), one table per role; any role left out keeps the built-in default:
/// ```toml
/// name = "default"
/// [selected]
/// fg = 231          # 0–255, a name (black red green yellow blue magenta cyan white,
/// bg = 25           #   bright_black … bright_white) or "default"
/// fg16 = "bright_white"
/// bg16 = "blue"     # used on 16-colour terminals (derived from fg/bg when absent)
/// bold = true       # also: reverse, underline
/// ```
public struct Theme: Equatable, Sendable {
    public var name: String
    public var specs: [Role: ColorSpec]

    public init(name: String, specs: [Role: ColorSpec]) {
        self.name = name
        self.specs = specs
    }

    public subscript(role: Role) -> ColorSpec {
        get { specs[role] ?? Theme.builtIn.specs[role] ?? ColorSpec() }
        set { specs[role] = newValue }
    }

    /// Attributes every role gets when there is no colour at all (`ColorMode.none`), so a
    /// selection or a tab stays visible under `NO_COLOR`.
    public static let monochromeAttributes: [Role: ColorSpec] = [
        .title: ColorSpec(bold: true),
        .header: ColorSpec(bold: true, underline: true),
        .selected: ColorSpec(reverse: true),
        .tabActive: ColorSpec(bold: true, reverse: true),
        .statusBar: ColorSpec(reverse: true),
        .warning: ColorSpec(bold: true),
        .bad: ColorSpec(bold: true, underline: true),
        .accent: ColorSpec(bold: true),
        .input: ColorSpec(underline: true),
        .inputActive: ColorSpec(reverse: true),
        .error: ColorSpec(bold: true, reverse: true),
    ]

    /// Colours and attributes for `role` on a terminal with `mode` colours.
    public func resolve(_ role: Role, _ mode: ColorMode) -> ResolvedStyle {
        let s = self[role]
        switch mode {
        case .c256:
            return ResolvedStyle(fg: s.fg256 ?? s.fg16, bg: s.bg256 ?? s.bg16,
                                 bold: s.bold, reverse: s.reverse, underline: s.underline)
        case .c16:
            return ResolvedStyle(fg: s.fg16 ?? s.fg256.map(Theme.nearest16), bg: s.bg16 ?? s.bg256.map(Theme.nearest16),
                                 bold: s.bold, reverse: s.reverse, underline: s.underline)
        case .none:
            let m = Theme.monochromeAttributes[role] ?? ColorSpec()
            return ResolvedStyle(fg: nil, bg: nil, bold: s.bold || m.bold, reverse: s.reverse || m.reverse,
                                 underline: s.underline || m.underline)
        }
    }

    /// `resolve(style.role, mode)` plus the style's own attributes.
    public func resolve(style: Style, _ mode: ColorMode) -> ResolvedStyle {
        var r = resolve(style.role, mode)
        r.bold = r.bold || style.bold
        r.reverse = r.reverse != style.reverse   // reversing a reversed role shows it plain
        r.underline = r.underline || style.underline
        return r
    }

    // MARK: Colours

    public static let colorNames: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright_black": 8, "gray": 8, "grey": 8, "bright_red": 9, "bright_green": 10, "bright_yellow": 11,
        "bright_blue": 12, "bright_magenta": 13, "bright_cyan": 14, "bright_white": 15,
    ]

    private static let ansi16RGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The xterm RGB value of a 256-colour index.
    public static func rgb(_ c: Int) -> (Int, Int, Int) {
        switch c {
        case 0..<16: return ansi16RGB[c]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let i = c - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let v = 8 + 10 * (min(255, max(232, c)) - 232)
            return (v, v, v)
        }
    }

    /// The closest of the 16 basic colours to a 256-colour index.
    public static func nearest16(_ c: Int) -> Int {
        if c >= 0 && c < 16 { return c }
        let (r, g, b) = rgb(c)
        var best = 0
        var bestDistance = Int.max
        for (i, (r2, g2, b2)) in ansi16RGB.enumerated() {
            let d = (r - r2) * (r - r2) + (g - g2) * (g - g2) + (b - b2) * (b - b2)
            if d < bestDistance { bestDistance = d; best = i }
        }
        return best
    }

    // MARK: Built-in

    /// The compiled-in default theme (the same as themes/default.toml), used when theme files
    /// are missing or broken.
    public static let builtIn = Theme(name: "default", specs: [
        .text: ColorSpec(),
        .dim: ColorSpec(fg256: 245, fg16: 8),
        .title: ColorSpec(fg256: 81, fg16: 14, bold: true),
        .border: ColorSpec(fg256: 240, fg16: 8),
        .header: ColorSpec(fg256: 252, bg256: 236, fg16: 15, bold: true),
        .selected: ColorSpec(fg256: 231, bg256: 25, fg16: 15, bg16: 4),
        .tabActive: ColorSpec(fg256: 16, bg256: 81, fg16: 0, bg16: 6, bold: true),
        .tabInactive: ColorSpec(fg256: 250, bg256: 237, fg16: 7),
        .statusBar: ColorSpec(fg256: 252, bg256: 238, fg16: 0, bg16: 7),
        .good: ColorSpec(fg256: 114, fg16: 2),
        .warning: ColorSpec(fg256: 221, fg16: 3),
        .bad: ColorSpec(fg256: 203, fg16: 9),
        .bar: ColorSpec(fg256: 75, fg16: 12),
        .barAlt: ColorSpec(fg256: 141, fg16: 5),
        .spark: ColorSpec(fg256: 117, fg16: 6),
        .accent: ColorSpec(fg256: 214, fg16: 11, bold: true),
        .input: ColorSpec(fg256: 252, bg256: 236, fg16: 7, underline: true),
        .inputActive: ColorSpec(fg256: 231, bg256: 24, fg16: 15, bg16: 4),
        .error: ColorSpec(fg256: 231, bg256: 160, fg16: 15, bg16: 1, bold: true),
        .overlay: ColorSpec(fg256: 252, bg256: 235, fg16: 7),
    ])

    // MARK: Loading

    /// Loads theme `name` from the first of `searchPaths` holding `name.toml`. A `name` containing
    /// `/` or ending in `.toml` is a file path. `default` falls back to `builtIn` when no file exists.
    public static func load(name: String, searchPaths: [String]) throws -> Theme {
        let fm = FileManager.default
        var candidates: [String] = []
        if name.contains("/") || name.hasSuffix(".toml") {
            candidates = [name]
        } else {
            candidates = searchPaths.map { ($0 as NSString).appendingPathComponent(name + ".toml") }
        }
        for path in candidates where fm.fileExists(atPath: path) {
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ThemeError(file: path, message: "cannot read the file as UTF-8 text")
            }
            return try parse(toml: text, file: path)
        }
        if name == "default" { return builtIn }
        let names = availableThemes(searchPaths: searchPaths)
        throw ThemeError(file: name, message: "theme not found in \(searchPaths.joined(separator: ", "))"
                         + (names.isEmpty ? "" : "; available: \(names.joined(separator: ", "))"))
    }

    /// Like `load`, but never fails: a missing or broken theme gives `builtIn` and the error.
    public static func loadOrBuiltIn(name: String, searchPaths: [String]) -> (theme: Theme, error: ThemeError?) {
        do { return (try load(name: name, searchPaths: searchPaths), nil) }
        catch let e as ThemeError { return (builtIn, e) }
        catch { return (builtIn, ThemeError(file: name, message: "\(error)")) }
    }

    /// Names of the `*.toml` themes in `searchPaths`, sorted, without duplicates.
    public static func availableThemes(searchPaths: [String]) -> [String] {
        var names = Set<String>()
        for dir in searchPaths {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where f.hasSuffix(".toml") {
                names.insert(String(f.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// Parses a theme file's text; `file` is only used in error messages.
    public static func parse(toml: String, file: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let e as TOMLParseError {
            throw ThemeError(file: file, line: e.source.begin.line, column: e.source.begin.column, message: e.description)
        }
        var theme = Theme(name: (file as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: ""),
                          specs: builtIn.specs)
        var errors: [ThemeError] = []
        func fail(_ message: String, role: String?, key: String?) {
            errors.append(ThemeError(file: file, line: role.flatMap { findLine(in: toml, role: $0, key: key) }, message: message))
        }
        for key in table.keys {
            let value = table[key]
            if key == "name" || key == "description" {
                if let s = value?.string { if key == "name" { theme.name = s } }
                else { fail("'\(key)' must be a string", role: nil, key: nil); errors[errors.count - 1].line = findTopLevelLine(in: toml, key: key) }
                continue
            }
            guard let role = Role.named(key) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: " ")
                fail("unknown role '\(key)' (roles: \(known))", role: key, key: nil)
                continue
            }
            guard let entries = value?.table else {
                fail("role '\(key)' must be a table like [\(key)] with fg/bg/fg16/bg16/bold/reverse/underline", role: key, key: nil)
                continue
            }
            var spec = ColorSpec()
            for field in entries.keys {
                let v = entries[field]
                switch field {
                case "fg", "bg", "fg16", "bg16":
                    let limit = field.hasSuffix("16") ? 15 : 255
                    switch parseColor(v, limit: limit) {
                    case .success(let c):
                        switch field {
                        case "fg": spec.fg256 = c
                        case "bg": spec.bg256 = c
                        case "fg16": spec.fg16 = c
                        default: spec.bg16 = c
                        }
                    case .failure(let message):
                        fail("\(key).\(field): \(message.text)", role: key, key: field)
                    }
                case "bold", "reverse", "underline":
                    guard let b = v?.bool else {
                        fail("\(key).\(field) must be true or false", role: key, key: field)
                        continue
                    }
                    if field == "bold" { spec.bold = b } else if field == "reverse" { spec.reverse = b } else { spec.underline = b }
                default:
                    fail("\(key): unknown setting '\(field)' (use fg, bg, fg16, bg16, bold, reverse, underline)", role: key, key: field)
                }
            }
            theme.specs[role] = spec
        }
        if let first = errors.min(by: { ($0.line ?? Int.max) < ($1.line ?? Int.max) }) { throw first }
        return theme
    }

    private static func parseColor(_ v: TOMLValueConvertible?, limit: Int) -> Result<Int?, ThemeErrorMessage> {
        if let n = v?.int {
            guard n >= 0 && n <= limit else { return .failure(ThemeErrorMessage("colour \(n) is out of range 0–\(limit)")) }
            return .success(n)
        }
        if let s = v?.string {
            let k = s.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
            if k == "default" || k == "none" { return .success(nil) }
            let normalized = k.hasPrefix("bright") && !k.hasPrefix("bright_") ? "bright_" + k.dropFirst(6) : k
            if let n = colorNames[normalized] { return .success(n) }
            return .failure(ThemeErrorMessage("unknown colour '\(s)' (use 0–\(limit), black red green yellow blue magenta cyan white, bright_*, or default)"))
        }
        return .failure(ThemeErrorMessage("a colour must be a number 0–\(limit) or a name"))
    }

    /// Line (1-based) of `role`'s table, or of `key` inside it.
    static func findLine(in text: String, role: String, key: String?) -> Int? {
        var section: String? = nil
        var roleLine: Int? = nil
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                let inner = line.dropFirst().prefix { $0 != "]" }
                section = unquote(inner.trimmingCharacters(in: .whitespaces))
                if section == role && roleLine == nil { roleLine = i + 1 }
                continue
            }
            let (lhs, rhs) = splitAssignment(line)
            guard let lhs else { continue }
            if section == nil || section == "" {
                // `role = { … }` or `role.key = …`
                let parts = lhs.split(separator: ".").map { unquote($0.trimmingCharacters(in: .whitespaces)) }
                if parts.first == role {
                    if roleLine == nil { roleLine = i + 1 }
                    if let key {
                        if parts.count > 1 && parts[1] == key { return i + 1 }
                        if parts.count == 1 && rhs.range(of: #"(^|[{,\s])"# + NSRegularExpression.escapedPattern(for: key) + #"\s*="#,
                                                          options: .regularExpression) != nil { return i + 1 }
                    }
                }
            } else if section == role, let key, unquote(lhs) == key {
                return i + 1
            }
        }
        return roleLine
    }

    static func findTopLevelLine(in text: String, key: String) -> Int? {
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") { return nil }
            if let lhs = splitAssignment(line).0, unquote(lhs) == key { return i + 1 }
        }
        return nil
    }

    private static func splitAssignment(_ line: String) -> (String?, String) {
        guard let eq = line.firstIndex(of: "=") else { return (nil, "") }
        return (line[..<eq].trimmingCharacters(in: .whitespaces), String(line[line.index(after: eq)...]))
    }

    private static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, f == s.last, f == "\"" || f == "'" { return String(s.dropFirst().dropLast()) }
        return s
    }
}

struct ThemeErrorMessage: Error {
    var text: String
    init(_ text: String) { self.text = text }
}

extension Role {
    /// The role for a theme-file key: `tabActive`, `tab_active`, `tab-active` and `TabActive` all work.
    public static func named(_ key: String) -> Role? {
        let k = key.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "").lowercased()
        return Role.allCases.first { $0.rawValue.lowercased() == k }
    }
}
