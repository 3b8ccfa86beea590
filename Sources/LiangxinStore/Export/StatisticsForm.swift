import LiangxinModel

/// One of the 党内统计 tables laid out as the official paper form: row groups merged down the first label column,
/// columns under merged headings (其中, 中介组织), and the notes printed below. A pure layout of
/// `StatisticsForms.Table` — the figures are computed there (the one place for the formulas) and only copied here.
public struct StatisticsForm: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        /// The merged heading above (e.g. 其中, 中介组织); nil when the column's label spans both header rows.
        public var group: String?
        public var label: String
    }
    public struct Row: Hashable, Sendable {
        /// The row group (merged down the first label column), e.g. 已单独建立党组织的单位.
        public var group: String
        /// The item within the group; empty when the group is a single line (its label then spans both columns).
        public var label: String
    }

    public var title: String
    public var columns: [Column]
    public var rows: [Row]
    /// `values[row][column]`.
    public var values: [[Int]]
    public var notes: [String]

    /// A figure by row label (or group + label, or the group alone for a one-line group) and column label.
    public func value(_ row: String, _ column: String) -> Int? {
        guard let r = rows.firstIndex(where: { $0.label == row || $0.group + $0.label == row }),
              let c = columns.firstIndex(where: { $0.label == column }) else { return nil }
        return values[r][c]
    }
}

extension StatisticsForm {
    /// The layout of a computed table: each top-level row of `StatisticsForms.Row` opens a group (its first line
    /// reads 合计 for 单位数 and 小计 for the others); its indented rows follow as items; 补充资料 is a group
    /// heading without figures of its own; 由行业党组织统建的单位 has no items and is a one-line group.
    public init(_ table: StatisticsForms.Table) {
        var rows: [Row] = []
        var values: [[Int]] = []
        let all = table.rows
        for (i, r) in all.enumerated() {
            if r.depth == 0 {
                if r.isHeading { continue }
                let hasItems = i + 1 < all.count && all[i + 1].depth > 0
                rows.append(Row(group: r.label, label: hasItems ? (r == .units ? "合计" : "小计") : ""))
            } else {
                let group = all[..<i].last { $0.depth == 0 }?.label ?? ""
                rows.append(Row(group: group, label: r.label))
            }
            values.append(table.columns.indices.map { table.value(r, $0) ?? 0 })
        }
        let columns = table.columns.map { Column(group: Self.columnGroup(table: table.code, column: $0.code), label: $0.label) }
        self.init(title: table.title, columns: columns, rows: rows, values: values, notes: Self.notes)
    }

    /// The merged headings of the official forms: every enterprise column after 合计 is an "其中" of it; the three
    /// 事务所 of the social form sit under 中介组织.
    static func columnGroup(table: String, column: String) -> String? {
        switch (table, column) {
        case (_, "total"): return nil
        case ("enterprise", _): return "其中"
        case ("social", "lawFirm"), ("social", "accountingFirm"), ("social", "taxFirm"): return "中介组织"
        default: return nil
        }
    }

    static let notes = [
        "注：1. 单位数为统计范围内、统计时点运营的单位；单位数 = 已单独建立 + 已建立联合党支部 + 行业统建 + 未建立；",
        "2. 联合党支部数为覆盖这些单位的联合党支部个数；由行业党组织统建的单位单列，不计入联合党支部；",
        "3. 兼合式党组织覆盖的单位计入未建立党组织的单位（工作覆盖）；应建未建指正式党员3人以上、尚未建立党组织的单位。",
    ]
}
