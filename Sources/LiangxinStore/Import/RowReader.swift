import Foundation
import LiangxinModel

/// Region codes known to the database (and added by the import under way), and region names for staff who
/// write “东湖区” rather than 990102.
struct RegionResolver {
    var codes: Set<String> = []
    var byName: [String: [String]] = [:]
    var names: [String: String] = [:]
    var parents: [String: String] = [:]

    mutating func add(code: String, name: String, parent: String?) {
        if let old = names[code] { byName[old]?.removeAll { $0 == code } }
        codes.insert(code)
        names[code] = name
        byName[name, default: []].append(code)
        if let p = parent { parents[code] = p }
    }

    /// A code as written, a unique name, or a path of names ("东湖区/东湖街道", "示例市 › 东湖区").
    enum Resolution { case success(String), failure(String) }

    func resolve(_ text: String) -> Resolution {
        if codes.contains(text) { return .success(text) }
        let parts = text.split(whereSeparator: { "/›>、".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let last = parts.last, let candidates = byName[last], !candidates.isEmpty else {
            return .failure("“\(text)”不是已知的地区代码或名称 (unknown region)")
        }
        var matches = candidates
        if parts.count > 1 {
            matches = candidates.filter { code in
                var ancestors: [String] = []
                var c = parents[code]
                while let cc = c { ancestors.append(names[cc] ?? ""); c = parents[cc] }
                return parts.dropLast().allSatisfy(ancestors.contains)
            }
        }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.isEmpty { return .failure("“\(text)”不是已知的地区 (unknown region)") }
        return .failure("地区名称“\(text)”不唯一（\(matches.sorted().joined(separator: "、"))），请写地区代码 (ambiguous region name)")
    }
}

/// Reads typed cells from one row by column name, collecting every problem instead of stopping at the first.
/// Cells arrive aligned with `LedgerKind.columns`; spreadsheet habits are accepted (dates as 2025/3/1,
/// 2025年3月1日 or an Excel serial number, whole numbers as 12.0 or 1,234, booleans as 是/否/TRUE/FALSE).
struct RowReader {
    let file: String
    let line: Int
    let index: [String: Int]
    let cells: [String?]
    var regions: RegionResolver?
    var problems: [ImportProblem] = []

    init(file: String, line: Int, index: [String: Int], cells: [String?], regions: RegionResolver? = nil) {
        self.file = file; self.line = line; self.index = index; self.cells = cells; self.regions = regions
    }

    mutating func fail(_ column: String?, _ reason: String) {
        problems.append(ImportProblem(file: file, row: line, column: column, reason: reason))
    }

    /// The trimmed text, nil when the column is absent or the cell empty.
    func text(_ c: String) -> String? {
        guard let i = index[c], i < cells.count, let raw = cells[i] else { return nil }
        let t = RowReader.trim(raw)
        return t.isEmpty ? nil : t
    }

    /// Whitespace (and a stray BOM) off both ends. Foundation's trimmingCharacters goes through NSString on
    /// Linux and was a third of a 100,000-row import; most cells need no trimming at all.
    static func trim(_ s: String) -> String {
        let u = s.unicodeScalars
        guard let f = u.first, let l = u.last else { return s }
        if !isSpace(f) && !isSpace(l) { return s }
        var a = u.startIndex, b = u.endIndex
        while a < b && isSpace(u[a]) { a = u.index(after: a) }
        while b > a && isSpace(u[u.index(before: b)]) { b = u.index(before: b) }
        return String(u[a..<b])
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{3000}" || c == "\u{A0}" || c == "\u{FEFF}"
            || (c.value > 0x7F && c.properties.isWhitespace)
    }

    mutating func required(_ c: String) -> String {
        guard let t = text(c) else { fail(c, "必填 (required)"); return "" }
        return t
    }

    /// An integer as typed, or as a spreadsheet shows it (12.0, 1,234).
    static func wholeNumber(_ t: String) -> Int? {
        if let v = Int(t) { return v }
        let plain = t.replacingOccurrences(of: ",", with: "")
        if plain != t, t.range(of: #"^-?\d{1,3}(,\d{3})+$"#, options: .regularExpression) != nil { return Int(plain) }
        if let d = Double(t), d.isFinite, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
        return nil
    }

    mutating func int(_ c: String, default d: Int = 0) -> Int {
        guard let t = text(c) else { return d }
        guard let v = RowReader.wholeNumber(t) else { fail(c, "“\(t)”不是整数 (not a whole number)"); return d }
        return v
    }

    mutating func optionalInt(_ c: String) -> Int? {
        guard let t = text(c) else { return nil }
        guard let v = RowReader.wholeNumber(t) else { fail(c, "“\(t)”不是整数 (not a whole number)"); return nil }
        return v
    }

    mutating func id(_ c: String) -> Int64? {
        guard let t = text(c) else { return nil }
        guard let v = RowReader.wholeNumber(t).map(Int64.init), v > 0 else { fail(c, "“\(t)”不是有效编号 (not a valid id)"); return nil }
        return v
    }

    /// A reference that must be given (0 stands in when it is missing; the problem is recorded).
    mutating func requiredID(_ c: String) -> Int64 {
        if text(c) == nil { fail(c, "必填 (required)"); return 0 }
        return id(c) ?? 0
    }

    mutating func requiredInt(_ c: String) -> Int {
        if text(c) == nil { fail(c, "必填 (required)"); return 0 }
        return int(c)
    }

    mutating func double(_ c: String) -> Double? {
        guard let t = text(c) else { return nil }
        guard let v = Double(t), v.isFinite else { fail(c, "“\(t)”不是数字 (not a number)"); return nil }
        return v
    }

    /// `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`, or an Excel serial day number.
    static func parseDay(_ t: String) -> Day? {
        // The usual shape first, digit by digit: Day(_:) goes through Foundation's trimming, slow on Linux.
        let u = Array(t.utf8)
        if u.count == 10, u[4] == 0x2D, u[7] == 0x2D {
            var n = [Int](repeating: 0, count: 3)
            var ok = true
            for (k, range) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
                for i in range { let d = Int(u[i]) - 48; if d < 0 || d > 9 { ok = false }; n[k] = n[k] * 10 + d }
            }
            if ok, (1900...2200).contains(n[0]) { return Day(year: n[0], month: n[1], day: n[2]) }
        }
        if let d = Day(t) { return d }
        if t.contains("年") {
            let s = t.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
                .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: "号", with: "")
            return Day(s)
        }
        if let n = Int(t), (1...2_958_465).contains(n), let s = XLSXReader.dateText(serial: Double(n), date1904: false) {
            return Day(s)
        }
        return nil
    }

    mutating func day(_ c: String) -> Day? {
        guard let t = text(c) else { return nil }
        guard let d = RowReader.parseDay(t) else { fail(c, "“\(t)”不是有效日期，应为YYYY-MM-DD (not a real date)"); return nil }
        return d
    }

    mutating func requiredDay(_ c: String) -> Day {
        if text(c) == nil { fail(c, "必填 (required)"); return Day(year: 2000, month: 1, day: 1)! }
        return day(c) ?? Day(year: 2000, month: 1, day: 1)!
    }

    mutating func bool(_ c: String) -> Bool {
        guard let t = text(c) else { return false }
        switch t.lowercased() {
        case "是", "true", "yes", "y", "1", "√", "✓": return true
        case "否", "false", "no", "n", "0": return false
        default: fail(c, "“\(t)”应为“是”或“否” (expected yes/no)"); return false
        }
    }

    mutating func enumValue<E: DomainEnum>(_ c: String, _ type: E.Type) -> E? {
        guard let t = text(c) else { return nil }
        if let v = E(rawValue: t) { return v }
        guard let v = E.parse(t) else {
            fail(c, "“\(t)”不是有效取值（可选：\(E.allCases.map(\.rawValue).joined(separator: "、"))）")
            return nil
        }
        return v
    }

    mutating func requiredEnum<E: DomainEnum>(_ c: String, _ type: E.Type) -> E {
        if text(c) == nil { fail(c, "必填 (required)") }
        return enumValue(c, type) ?? E.allCases.first!
    }

    /// A region code, resolved from a code or a name when the import knows the regions.
    mutating func region(_ c: String, required: Bool) -> String? {
        guard let t = text(c) else {
            if required { fail(c, "必填 (required)") }
            return required ? "" : nil
        }
        guard let r = regions else { return t }
        switch r.resolve(t) {
        case .success(let code): return code
        case .failure(let why): fail(c, why); return t
        }
    }
}
