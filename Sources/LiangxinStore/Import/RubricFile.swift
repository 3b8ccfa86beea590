import Foundation
import LiangxinModel
import TOMLKit

/// A rubric as a file staff edit: TOML or JSON with the same keys (`dimensions`, `thresholds`, `vetoes`, `quotas`,
/// `conditions`). Every problem — syntax, a wrong type, or a rule the rubric breaks — is reported with file and line.
public enum RubricFile {
    public enum Format: String, CaseIterable, Sendable { case toml, json }

    /// One problem, located the way an editor finds it.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public struct Failed: Error, Sendable, CustomStringConvertible {
        public var problems: [Problem]
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    // The file's shape: snake_case keys, effects and conditions as words.
    struct Doc: Codable {
        struct Item: Codable { var name: String; var max: Double }
        struct Dim: Codable { var name: String; var max: Double; var items: [Item]? }
        struct Threshold: Codable { var star: Int; var min: Double }
        struct Veto: Codable { var name: String; var effect: String; var cap: Int? }
        struct Quota: Codable {
            var star: Int
            var maxPercent: Double
            enum CodingKeys: String, CodingKey { case star, maxPercent = "max_percent" }
        }
        struct Condition: Codable { var star: Int; var requires: String }
        var year: Int
        var name: String
        var dimensions: [Dim]
        var thresholds: [Threshold]
        var vetoes: [Veto]?
        var quotas: [Quota]?
        var conditions: [Condition]?
    }

    public static func format(forPath path: String, text: String) -> Format {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "json" { return .json }
        if ext == "toml" { return .toml }
        return text.drop(while: { $0.isWhitespace }).first == "{" ? .json : .toml
    }

    /// Reads a rubric file; throws `Failed` with every problem found, each with its line.
    public static func read(path: String) throws -> Rubric {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failed(problems: [Problem(file: path, line: 0, message: "无法读取文件 (cannot read)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failed(problems: [Problem(file: path, line: 0, message: "不是UTF-8编码 (not UTF-8)")])
        }
        return try parse(text, file: path, format: format(forPath: path, text: text))
    }

    public static func parse(_ text: String, file: String, format: Format) throws -> Rubric {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let json: Data
        switch format {
        case .toml:
            do {
                json = Data(try TOMLTable(string: body).convert(to: .json).utf8)
            } catch let e as TOMLParseError {
                throw Failed(problems: [Problem(file: file, line: e.source.begin.line, message: "TOML语法错误：\(e.description)（第\(e.source.begin.column)列）")])
            }
        case .json:
            json = Data(body.utf8)
            do { _ = try JSONSerialization.jsonObject(with: json) } catch let e as NSError {
                let line = jsonErrorLine(e, bytes: json)
                throw Failed(problems: [Problem(file: file, line: line, message: "JSON语法错误：\(e.userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(e)")")])
            }
        }
        let doc: Doc
        do {
            doc = try JSONDecoder().decode(Doc.self, from: json)
        } catch let e as DecodingError {
            let (path, message) = describe(e)
            throw Failed(problems: [Problem(file: file, line: line(of: path, in: body, format: format), message: message)])
        }
        var problems: [Problem] = []
        var vetoes: [Rubric.Veto] = []
        for (i, v) in (doc.vetoes ?? []).enumerated() {
            switch v.effect {
            case "no_rating", "noRating", "不予定级": vetoes.append(Rubric.Veto(name: v.name, effect: .noRating))
            case "cap", "最高星级":
                guard let c = v.cap, (0...5).contains(c) else {
                    problems.append(Problem(file: file, line: line(of: [.key("vetoes"), .index(i), .key("cap")], in: body, format: format),
                                            message: "vetoes.\(v.name): effect = \"cap\" 需要 cap = 0–5"))
                    continue
                }
                vetoes.append(Rubric.Veto(name: v.name, effect: .cap(c)))
            default:
                problems.append(Problem(file: file, line: line(of: [.key("vetoes"), .index(i), .key("effect")], in: body, format: format),
                                        message: "vetoes.\(v.name): effect 应为 \"no_rating\" 或 \"cap\"，实为“\(v.effect)”"))
            }
        }
        let rubric = Rubric(
            year: doc.year, name: doc.name,
            dimensions: doc.dimensions.map { d in
                Rubric.Dimension(name: d.name, max: d.max, items: d.items?.map { Rubric.SubItem(name: $0.name, max: $0.max) })
            },
            thresholds: doc.thresholds.map { Rubric.Threshold(star: $0.star, minScore: $0.min) },
            vetoes: vetoes,
            quotas: (doc.quotas ?? []).map { Rubric.Quota(star: $0.star, maxPercent: $0.maxPercent) },
            conditions: (doc.conditions ?? []).map { Rubric.Condition(star: $0.star, requires: $0.requires) })
        if !(2000...2100).contains(doc.year) {
            problems.append(Problem(file: file, line: line(of: [.key("year")], in: body, format: format), message: "year: 应为年份（2000–2100）"))
        }
        for p in rubric.problems() {
            problems.append(Problem(file: file, line: locate(problem: p, in: body, format: format, rubric: rubric), message: p))
        }
        if !problems.isEmpty { throw Failed(problems: problems.sorted { $0.line < $1.line }) }
        return rubric
    }

    // MARK: writing

    public static func write(_ r: Rubric, format: Format) -> String {
        switch format {
        case .json:
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? enc.encode(doc(r))) ?? Data(), as: UTF8.self) + "\n"
        case .toml:
            return toml(r)
        }
    }

    static func doc(_ r: Rubric) -> Doc {
        Doc(year: r.year, name: r.name,
            dimensions: r.dimensions.map { Doc.Dim(name: $0.name, max: $0.max, items: $0.items?.map { Doc.Item(name: $0.name, max: $0.max) }) },
            thresholds: r.thresholds.map { Doc.Threshold(star: $0.star, min: $0.minScore) },
            vetoes: r.vetoes.map { v in
                switch v.effect {
                case .noRating: return Doc.Veto(name: v.name, effect: "no_rating", cap: nil)
                case .cap(let c): return Doc.Veto(name: v.name, effect: "cap", cap: c)
                }
            },
            quotas: r.quotas.map { Doc.Quota(star: $0.star, maxPercent: $0.maxPercent) },
            conditions: r.conditions.map { Doc.Condition(star: $0.star, requires: $0.requires) })
    }

    static func q(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 { out += String(format: "\\u%04X", ch.value) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }

    static func num(_ d: Double) -> String { ScoreSheet.formatScore(d) }

    static func toml(_ r: Rubric) -> String {
        var o = "# 星级评定标准 · 两新党建看板 (liangxin rubric export)\n"
        o += "# 导入：liangxin rubric import FILE；已用于授星的标准不能修改，导入同一年度的新标准即取而代之。\n\n"
        o += "year = \(r.year)\nname = \(q(r.name))\n"
        o += "\n# 评分维度（满分 max；可有子项 items，子项满分之和等于维度满分）\n"
        for d in r.dimensions {
            o += "\n[[dimensions]]\nname = \(q(d.name))\nmax = \(num(d.max))\n"
            for i in d.items ?? [] { o += "\n  [[dimensions.items]]\n  name = \(q(i.name))\n  max = \(num(i.max))\n" }
        }
        o += "\n# 星级分数线：总分 ≥ min 得 star 星（按十分之一分比较，89.5 不到 90）\n"
        for t in r.thresholds { o += "\n[[thresholds]]\nstar = \(t.star)\nmin = \(num(t.minScore))\n" }
        o += "\n# 一票否决：effect = \"no_rating\"（不予定级）或 \"cap\"（最高 cap 星）\n"
        for v in r.vetoes {
            switch v.effect {
            case .noRating: o += "\n[[vetoes]]\nname = \(q(v.name))\neffect = \"no_rating\"\n"
            case .cap(let c): o += "\n[[vetoes]]\nname = \(q(v.name))\neffect = \"cap\"\ncap = \(c)\n"
            }
        }
        o += "\n# 限额：star 星不超过已定级组织的 max_percent%\n"
        for x in r.quotas { o += "\n[[quotas]]\nstar = \(x.star)\nmax_percent = \(num(x.maxPercent))\n" }
        o += "\n# 附加条件：requires = \"innovation\"（须有创新项目）\n"
        for c in r.conditions { o += "\n[[conditions]]\nstar = \(c.star)\nrequires = \(q(c.requires))\n" }
        return o
    }

    // MARK: locating lines

    enum PathPart: Hashable { case key(String), index(Int) }

    /// "Invalid value around character 34." → the line holding byte 34.
    static func jsonErrorLine(_ e: NSError, bytes: Data) -> Int {
        let text = (e.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        let offset: Int? = text.range(of: "character ").flatMap { r in Int(text[r.upperBound...].prefix(while: \.isNumber)) }
            ?? (e.userInfo["NSJSONSerializationErrorIndex"] as? Int)
        guard let off = offset else { return 1 }
        return lineOf(byte: off, in: bytes)
    }

    static func lineOf(byte offset: Int, in data: Data) -> Int {
        var line = 1
        for (i, b) in data.enumerated() {
            if i >= offset { break }
            if b == 0x0A { line += 1 }
        }
        return line
    }

    static func describe(_ e: DecodingError) -> ([PathPart], String) {
        func parts(_ path: [CodingKey]) -> [PathPart] { path.map { $0.intValue.map { .index($0) } ?? .key($0.stringValue) } }
        func name(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch e {
        case .keyNotFound(let k, let c):
            let p = c.codingPath
            return (parts(p), "\(name(p + [k])): 缺少此项 (missing)")
        case .typeMismatch(let t, let c):
            return (parts(c.codingPath), "\(name(c.codingPath)): 类型不对，应为\(typeName(t)) (wrong type)")
        case .valueNotFound(let t, let c):
            return (parts(c.codingPath), "\(name(c.codingPath)): 缺少值，应为\(typeName(t)) (missing value)")
        case .dataCorrupted(let c):
            return (parts(c.codingPath), "\(name(c.codingPath)): \(c.debugDescription)")
        @unknown default:
            return ([], "\(e)")
        }
    }

    static func typeName(_ t: Any.Type) -> String {
        if t == Double.self { return "数字" }
        if t == Int.self { return "整数" }
        if t == String.self { return "文本" }
        if "\(t)".hasPrefix("Array") { return "数组" }
        return "表/对象"
    }

    /// The line a semantic problem is about: the named dimension, the threshold or quota of the named star, else the
    /// section it belongs to.
    static func locate(problem: String, in text: String, format: Format, rubric: Rubric) -> Int {
        let head = String(problem.prefix(while: { $0 != ":" }))
        let section = String(head.prefix(while: { $0 != "." }))
        if head.contains("."), let dimName = head.split(separator: ".", maxSplits: 1).last.map(String.init),
           let i = rubric.dimensions.firstIndex(where: { $0.name == dimName }) {
            let field = problem.contains("子项") ? "items" : "max"
            return line(of: [.key("dimensions"), .index(i), .key(field)], in: text, format: format)
        }
        // "4星的分数线…" / "5星比例…" / "thresholds: 星级应为1–5，实为7": the entry with that star.
        let digits = problem.drop(while: { !$0.isNumber })
        if let n = Int(digits.prefix(while: \.isNumber)) {
            let list: [Int]
            switch section {
            case "thresholds": list = rubric.thresholds.map(\.star)
            case "quotas": list = rubric.quotas.map(\.star)
            case "conditions": list = rubric.conditions.map(\.star)
            default: list = []
            }
            // "b星的分数线应高于a星": the lower star's line is usually the one edited too high.
            let last = problem.components(separatedBy: "应高于").last.flatMap { Int($0.prefix(while: \.isNumber)) }
            let target = problem.contains("实为") ? Int(problem.components(separatedBy: "实为").last ?? "") ?? n
                : (problem.contains("应高于") ? last ?? n : n)
            if let i = list.firstIndex(of: target) {
                return line(of: [.key(section), .index(i), .key(section == "thresholds" ? "min" : "star")], in: text, format: format)
            }
        }
        return line(of: [.key(section)], in: text, format: format)
    }

    /// The line of a value in the file, found by its path (`dimensions[2].max`); the nearest enclosing part when the
    /// exact key is absent (it may be the one missing).
    static func line(of path: [PathPart], in text: String, format: Format) -> Int {
        let lines = text.components(separatedBy: "\n")
        switch format {
        case .toml: return tomlLine(path, lines)
        case .json: return JSONLines(text).line(of: path)
        }
    }

    static func tomlLine(_ path: [PathPart], _ lines: [String]) -> Int {
        func trimmed(_ i: Int) -> String { lines[i].trimmingCharacters(in: .whitespaces) }
        func isHeader(_ i: Int) -> Bool { trimmed(i).hasPrefix("[") }
        var from = 0, to = lines.count
        var found = 1
        var prefix: [String] = []
        var i = 0
        while i < path.count {
            guard case .key(let k) = path[i] else { i += 1; continue }
            let dotted = (prefix + [k]).joined(separator: ".")
            if i + 1 < path.count, case .index(let n) = path[i + 1] {
                // An array of tables: the (n+1)-th `[[k]]` header inside the current section.
                var count = -1
                var at: Int? = nil
                for j in from..<to where trimmed(j) == "[[\(dotted)]]" {
                    count += 1
                    if count == n { at = j; break }
                }
                guard let h = at else { return found }
                found = h + 1
                from = h + 1
                // The element ends at the next header that is not one of its own sub-tables.
                var end = to
                for j in from..<to where isHeader(j) && !trimmed(j).hasPrefix("[[\(dotted).") && !trimmed(j).hasPrefix("[\(dotted).") {
                    end = j; break
                }
                to = end
                prefix.append(k)
                i += 2
                continue
            }
            // A plain key in the current section (before its first sub-table header), or, at the top, the first
            // header of an array of tables with that name.
            for j in from..<to {
                let t = trimmed(j)
                if isHeader(j) {
                    if t == "[[\(dotted)]]" || t == "[\(dotted)]" { return j + 1 }
                    if !prefix.isEmpty { break }
                    continue
                }
                if t.hasPrefix(k), t.dropFirst(k.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") {
                    if prefix.isEmpty && (0..<j).contains(where: isHeader) { continue }
                    return j + 1
                }
            }
            return found
        }
        return found
    }
}

/// Where each value of a JSON text starts, by path: a small scanner over a text JSONSerialization already accepted.
struct JSONLines {
    private var map: [[RubricFile.PathPart]: Int] = [:]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var i = 0
        var line = 1
        func skip() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) {
                if bytes[i] == 0x0A { line += 1 }
                i += 1
            }
        }
        func string() -> String {
            var out: [UInt8] = []
            i += 1
            while i < bytes.count, bytes[i] != 0x22 {
                if bytes[i] == 0x5C { out.append(bytes[i]); i += 1 }
                if i < bytes.count { if bytes[i] == 0x0A { line += 1 }; out.append(bytes[i]); i += 1 }
            }
            i += 1
            return String(decoding: out, as: UTF8.self)
        }
        var map: [[RubricFile.PathPart]: Int] = [:]
        func value(_ path: [RubricFile.PathPart]) {
            skip()
            guard i < bytes.count else { return }
            map[path] = line
            switch bytes[i] {
            case 0x7B: // {
                i += 1
                while true {
                    skip()
                    guard i < bytes.count else { return }
                    if bytes[i] == 0x7D { i += 1; return }
                    if bytes[i] == 0x2C { i += 1; continue }
                    let keyLine = line
                    let k = string()
                    skip()
                    if i < bytes.count, bytes[i] == 0x3A { i += 1 }
                    value(path + [.key(k)])
                    // A key's line is where the key is written, not where its value starts.
                    map[path + [.key(k)]] = keyLine
                }
            case 0x5B: // [
                i += 1
                var n = 0
                while true {
                    skip()
                    guard i < bytes.count else { return }
                    if bytes[i] == 0x5D { i += 1; return }
                    if bytes[i] == 0x2C { i += 1; continue }
                    value(path + [.index(n)])
                    n += 1
                }
            case 0x22: _ = string()
            default:
                while i < bytes.count, ![0x2C, 0x7D, 0x5D, 0x0A].contains(bytes[i]) { i += 1 }
            }
        }
        value([])
        self.map = map
    }

    /// The line of the path, or of its nearest ancestor present.
    func line(of path: [RubricFile.PathPart]) -> Int {
        var p = path
        while !p.isEmpty {
            if let l = map[p] { return l }
            p.removeLast()
        }
        return 1
    }
}
