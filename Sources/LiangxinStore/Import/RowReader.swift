import LiangxinModel

/// Reads typed cells from one CSV row by column name, collecting every problem instead of stopping at the first.
struct RowReader {
    let file: String
    let line: Int
    let index: [String: Int]
    let cells: [String]
    var problems: [ImportProblem] = []

    init(file: String, line: Int, index: [String: Int], cells: [String]) {
        self.file = file; self.line = line; self.index = index; self.cells = cells
    }

    mutating func fail(_ column: String?, _ reason: String) {
        problems.append(ImportProblem(file: file, row: line, column: column, reason: reason))
    }

    /// The trimmed text, nil when the column is absent or the cell empty.
    func text(_ c: String) -> String? {
        guard let i = index[c], i < cells.count else { return nil }
        let t = cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    mutating func required(_ c: String) -> String {
        guard let t = text(c) else { fail(c, "必填 (required)"); return "" }
        return t
    }

    mutating func int(_ c: String, default d: Int = 0) -> Int {
        guard let t = text(c) else { return d }
        guard let v = Int(t) else { fail(c, "“\(t)”不是整数 (not a whole number)"); return d }
        return v
    }

    mutating func optionalInt(_ c: String) -> Int? {
        guard let t = text(c) else { return nil }
        guard let v = Int(t) else { fail(c, "“\(t)”不是整数 (not a whole number)"); return nil }
        return v
    }

    mutating func id(_ c: String) -> Int64? {
        guard let t = text(c) else { return nil }
        guard let v = Int64(t), v > 0 else { fail(c, "“\(t)”不是有效编号 (not a valid id)"); return nil }
        return v
    }

    mutating func double(_ c: String) -> Double? {
        guard let t = text(c) else { return nil }
        guard let v = Double(t), v.isFinite else { fail(c, "“\(t)”不是数字 (not a number)"); return nil }
        return v
    }

    mutating func day(_ c: String) -> Day? {
        guard let t = text(c) else { return nil }
        guard let d = Day(t) else { fail(c, "“\(t)”不是有效日期，应为YYYY-MM-DD (not a real date)"); return nil }
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
}
