import Foundation
import GRDB
import LiangxinModel

/// The two statistics forms computed from the ledger, for a region (all below it) on a day.
public struct StatisticsReport: Sendable {
    public var enterprise: StatisticsForm
    public var social: StatisticsForm
    public var regionName: String
    public var today: Day
    public var scope: ScopeRule
}

extension Store {
    /// Both forms for a region code (it and everything below it; nil = everywhere) on a day. The figures come
    /// from the coverage panel's computation (`StatisticsForms` over the cells SQLite aggregates), so the export,
    /// the panel and `report coverage-forms` agree by construction.
    public func statisticsForms(today: Day, region: String? = nil) throws -> StatisticsReport {
        let scope = try settings().scope
        let tables = StatisticsForms.tables(try statisticsCells(scope: scope, today: today, region: region))
        let regions = RegionTree(try self.regions())
        let name = region.map { regions.name($0) } ?? regions.home?.name ?? "全部地区"
        return StatisticsReport(enterprise: StatisticsForm(tables[0]), social: StatisticsForm(tables[1]),
                                regionName: name, today: today, scope: scope)
    }
}

/// Lays a statistics form out as the official tables are: title, a line naming the reporting region and date,
/// a two-row header with merged cells (项目 over two columns and two rows; groups such as 其中 / 中介组织 merged
/// across their columns, the others merged down), a 栏次 row (甲 乙 1 2 3 …), the row groups merged down the
/// first column (a one-line group across both label columns), and the notes.
public enum StatisticsSheet {
    public static func sheet(_ f: StatisticsForm, name: String, regionName: String, today: Day, scope: ScopeRule) -> XLSXSheet {
        var s = XLSXSheet(name: name)
        let n = f.columns.count
        let last = XLSXWriter.columnLetters(n + 1)
        func blank(_ style: XLSXSheet.Style) -> XLSXSheet.Cell { XLSXSheet.Cell(.empty, style) }
        // 1: title; 2: reporting line.
        s.rows.append([XLSXSheet.Cell(.text(f.title), .title)] + Array(repeating: blank(.plain), count: n + 1))
        s.merges.append("A1:\(last)1")
        s.rowHeights[0] = 30
        s.rows.append([XLSXSheet.Cell(.text("填报单位：\(regionName)　　统计时点：\(today)　　统计范围：\(scope.summary)"), .note)]
                      + Array(repeating: blank(.plain), count: n + 1))
        s.merges.append("A2:\(last)2")
        // 3–4: header.
        var h1: [XLSXSheet.Cell] = [XLSXSheet.Cell(.text("项目"), .header), blank(.header)]
        var h2: [XLSXSheet.Cell] = [blank(.header), blank(.header)]
        s.merges.append("A3:B4")
        var c = 0
        while c < n {
            let col = f.columns[c]
            let letter = XLSXWriter.columnLetters(c + 2)
            if let g = col.group {
                var end = c
                while end + 1 < n && f.columns[end + 1].group == g { end += 1 }
                h1.append(XLSXSheet.Cell(.text(g), .header))
                for _ in c..<end { h1.append(blank(.header)) }
                for k in c...end { h2.append(XLSXSheet.Cell(.text(f.columns[k].label), .header)) }
                if end > c { s.merges.append("\(letter)3:\(XLSXWriter.columnLetters(end + 2))3") }
                c = end + 1
            } else {
                h1.append(XLSXSheet.Cell(.text(col.label), .header))
                h2.append(blank(.header))
                s.merges.append("\(letter)3:\(letter)4")
                c += 1
            }
        }
        s.rows.append(h1)
        s.rows.append(h2)
        s.rowHeights[2] = 24
        s.rowHeights[3] = 36
        // 5: 栏次.
        s.rows.append([XLSXSheet.Cell(.text("甲"), .header), XLSXSheet.Cell(.text("乙"), .header)]
                      + (1...n).map { XLSXSheet.Cell(.number(Double($0)), .header) })
        // Body.
        let top = s.rows.count
        var r = 0
        while r < f.rows.count {
            let g = f.rows[r].group
            var end = r
            while end + 1 < f.rows.count && f.rows[end + 1].group == g { end += 1 }
            for k in r...end {
                let first: XLSXSheet.Cell = k == r ? XLSXSheet.Cell(.text(g), .bodyLabel) : blank(.bodyLabel)
                let numbers = f.values[k].map { XLSXSheet.Cell(.number(Double($0)), .bodyNumber) }
                s.rows.append([first, XLSXSheet.Cell(.text(f.rows[k].label), .bodyLabel)] + numbers)
            }
            if end > r { s.merges.append("A\(top + r + 1):A\(top + end + 1)") }
            // A one-line group without an item (行业统建) spans both label columns.
            else if f.rows[r].label.isEmpty { s.merges.append("A\(top + r + 1):B\(top + r + 1)") }
            r = end + 1
        }
        // Notes, each merged across the table.
        for note in f.notes {
            s.rows.append([XLSXSheet.Cell(.text(note), .note)] + Array(repeating: blank(.plain), count: n + 1))
            s.merges.append("A\(s.rows.count):\(last)\(s.rows.count)")
        }
        s.columnWidths = [16, 30] + Array(repeating: 14, count: n)
        s.printFitToWidth = true
        return s
    }

    public static func workbook(_ forms: StatisticsReport) throws -> Data {
        try XLSXWriter.data([
            sheet(forms.enterprise, name: "非公企业", regionName: forms.regionName, today: forms.today, scope: forms.scope),
            sheet(forms.social, name: "社会组织", regionName: forms.regionName, today: forms.today, scope: forms.scope),
        ])
    }

    /// The same tables flattened to CSV rows (group, item, then the columns).
    public static func csvRows(_ f: StatisticsForm) -> (header: [String], rows: [[String]]) {
        let header = ["项目", "细目"] + f.columns.map { ($0.group.map { $0 + "：" } ?? "") + $0.label }
        let rows = f.rows.indices.map { [f.rows[$0].group, f.rows[$0].label] + f.values[$0].map(String.init) }
        return (header, rows)
    }
}
