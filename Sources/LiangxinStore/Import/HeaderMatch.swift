import Foundation

/// A user's own header names for `--map FILE`: one `源列名=column` per line (`column` as in the CSV header, or
/// `-` to ignore that column on purpose); blank lines and lines starting with `#` are skipped.
public struct ColumnMap: Sendable, Equatable {
    /// Normalized source header → column (nil = ignore).
    public var entries: [String: String?] = [:]

    public init(entries: [String: String?] = [:]) { self.entries = entries }

    public static func load(path: String, kind: LedgerKind) throws -> ColumnMap {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportProblem(file: path, row: 0, column: nil, reason: "无法读取映射文件 (cannot read the map file)")
        }
        let (text, _) = try TextDecoding.decode([UInt8](data), file: path)
        return try parse(text, file: path, kind: kind)
    }

    public static func parse(_ text: String, file: String, kind: LedgerKind) throws -> ColumnMap {
        var m = ColumnMap()
        for (i, raw) in text.components(separatedBy: .newlines).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(where: { $0 == "=" || $0 == "＝" }) else {
                throw ImportProblem(file: file, row: i + 1, column: nil, reason: "应为“源列名=列名”，如“企业名称=name” (expected source=column)")
            }
            let source = String(line[..<eq]).trimmingCharacters(in: .whitespaces)
            let target = String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            guard !source.isEmpty else {
                throw ImportProblem(file: file, row: i + 1, column: nil, reason: "源列名为空 (empty source header)")
            }
            if target == "-" || target.isEmpty { m.entries[HeaderMatcher.normalize(source)] = .some(nil); continue }
            guard let col = kind.columns.first(where: { $0 == target.lowercased() }) else {
                throw ImportProblem(file: file, row: i + 1, column: nil,
                                    reason: "“\(target)”不是\(kind.rawValue)的列；可用：\(kind.columns.joined(separator: ", ")) (unknown column)")
            }
            m.entries[HeaderMatcher.normalize(source)] = .some(col)
        }
        return m
    }
}

/// Which source column feeds which ledger column, found on the header row.
public struct HeaderMatch: Sendable {
    /// Index of the header among the table's records (title rows above it are skipped).
    public var headerIndex: Int
    public var columnOf: [Int: String] = [:]
    /// Ledger column → the header text in the file, for messages.
    public var sourceHeader: [String: String] = [:]
    public var matched: [(source: String, column: String)] = []
    public var unknown: [String] = []
    public var ignored: [String] = []

    public func has(_ column: String) -> Bool { sourceHeader[column] != nil }
}

public enum HeaderMatcher {
    /// Headers staff add that carry nothing to import: row counters and our own rejects column.
    static let alwaysIgnored: Set<String> = ["序号", "行号", "错误原因", "reason"]

    /// Spaces and line breaks removed (Excel headers are often wrapped), a leading required-mark `*` dropped,
    /// full-width brackets made plain, lower case.
    public static func normalize(_ s: String) -> String {
        var t = s.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{3000}" && $0 != "\u{FEFF}" }
            .map(String.init).joined()
        while t.hasPrefix("*") || t.hasPrefix("＊") { t.removeFirst() }
        t = t.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        return t.lowercased()
    }

    /// "职工人数(人)" → "职工人数": a unit or hint in brackets at the end.
    static func withoutSuffix(_ s: String) -> String? {
        guard s.hasSuffix(")"), let open = s.lastIndex(of: "("), open > s.startIndex else { return nil }
        return String(s[..<open])
    }

    static func lookup(kind: LedgerKind) -> [String: String] {
        var out: [String: String] = [:]
        for c in kind.columns {
            out[normalize(c)] = c
        }
        for (c, names) in kind.aliases {
            for n in names where out[normalize(n)] == nil { out[normalize(n)] = c }
        }
        return out
    }

    /// What one header cell means: a ledger column, deliberately ignored (nil), or unknown (absent).
    static func meaning(_ header: String, kind: LedgerKind, map: ColumnMap, table: [String: String]) -> String?? {
        let n = normalize(header)
        if n.isEmpty { return .some(nil) }
        if let m = map.entries[n] { return .some(m) }
        if let c = table[n] { return .some(c) }
        if alwaysIgnored.contains(n) { return .some(nil) }
        if let s = withoutSuffix(n) {
            if let m = map.entries[s] { return .some(m) }
            if let c = table[s] { return .some(c) }
        }
        return .none
    }

    /// Finds the header among the first rows (a title row may sit above it) and maps each column.
    public static func match(_ t: SourceTable, kind: LedgerKind, map: ColumnMap) throws -> HeaderMatch {
        let table = lookup(kind: kind)
        var best: (index: Int, score: Int)?
        for (i, rec) in t.records.prefix(10).enumerated() {
            let score = rec.reduce(0) { n, h in
                if case .some(.some) = meaning(h, kind: kind, map: map, table: table) { return n + 1 }
                return n
            }
            if score >= min(2, kind.columns.count) { best = (i, score); break }
            if score > (best?.score ?? 0) { best = (i, score) }
        }
        guard let b = best else {
            throw ImportProblem(file: t.file, row: t.rowNumbers.first ?? 1, column: nil,
                                reason: "表头中没有可识别的列（\(kind.label)）；请检查表头或编码，或用--map指定 (no known column in the header)")
        }
        var m = HeaderMatch(headerIndex: b.index)
        var firstSource: [String: String] = [:]
        for (i, h) in t.records[b.index].enumerated() {
            let text = h.trimmingCharacters(in: .whitespacesAndNewlines)
            switch meaning(h, kind: kind, map: map, table: table) {
            case .some(.some(let c)):
                if let other = firstSource[c] {
                    throw ImportProblem(file: t.file, row: t.rowNumbers[b.index], column: nil,
                                        reason: "列“\(other)”和“\(text)”都对应\(c)，请删去一列或用--map区分 (two columns map to \(c))")
                }
                firstSource[c] = text
                m.columnOf[i] = c
                m.sourceHeader[c] = text
                m.matched.append((text, c))
            case .some(.none):
                if !text.isEmpty { m.ignored.append(text) }
            case .none:
                m.unknown.append(text)
            }
        }
        return m
    }
}
