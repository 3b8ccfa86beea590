import Foundation
import LiangxinModel
import LiangxinStore

/// `report coverage`: the coverage table of a region and its children, every category group, as JSON (stable
/// shape, documented in README), CSV or Markdown; `report coverage-forms`: the two statistics forms.
public enum CoverageReport {
    public static let schema = "liangxin.report.coverage/1"

    public struct Row: Sendable {
        public var region: Region
        /// True for the region asked for, false for its children.
        public var isRegion: Bool
        public var group: CoverageGroup
        public var now: CoverageCounts
        public var last: CoverageCounts
    }

    public struct Data: Sendable {
        public var today: Day
        public var settings: Settings
        public var region: Region
        public var rows: [Row]
    }

    /// Finds a region by name or code; nil means the home region (the city of the sample).
    public static func region(named name: String?, in tree: RegionTree) throws -> Region {
        guard let name, !name.isEmpty else {
            guard let h = tree.home else { throw CLIError("数据库中没有地区 (no regions in the database)") }
            return h
        }
        if let r = tree.regions[name] { return r }
        let exact = tree.regions.values.filter { $0.name == name }.sorted { $0.code < $1.code }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 {
            throw CLIError("--region：“\(name)”有\(exact.count)个，请用代码：\(exact.map { "\($0.code) \(tree.path($0.code))" }.joined(separator: "；")) (ambiguous; use a code)")
        }
        let near = tree.regions.values.filter { $0.name.contains(name) || name.contains($0.name) }.sorted { $0.code < $1.code }.prefix(5)
        throw CLIError("--region：没有名为“\(name)”的地区" + (near.isEmpty ? "" : "，是否指：\(near.map(\.name).joined(separator: "、"))") + " (no such region)")
    }

    public static func build(store: Store, today: Day, regionName: String?) throws -> Data {
        let settings = try store.settings()
        let tree = RegionTree(try store.regions())
        let r = try region(named: regionName, in: tree)
        let cells = try store.coverageCells(scope: settings.scope, today: today)
        var rows: [Row] = []
        let rollNow = RegionCoverage(cells.now, tree: tree), rollLast = RegionCoverage(cells.lastYear, tree: tree)
        for (reg, isRegion) in [(r, true)] + (tree.children[r.code] ?? []).map({ ($0, false) }) {
            let now = rollNow.byGroup(reg.code)
            let last = rollLast.byGroup(reg.code)
            for g in CoverageGroup.allCases {
                rows.append(Row(region: reg, isRegion: isRegion, group: g, now: now[g] ?? CoverageCounts(), last: last[g] ?? CoverageCounts()))
            }
        }
        return Data(today: today, settings: settings, region: r, rows: rows)
    }

    static func rate(_ r: Rate) -> Any { r.percent.map { NSDecimalNumber(string: String(format: "%.2f", $0)) } ?? NSNull() }
    static func rateText(_ r: Rate) -> String { r.percent.map { String(format: "%.2f", $0) } ?? "" }

    public static func jsonObject(_ d: Data) -> [String: Any] {
        let rows: [[String: Any]] = d.rows.map { r in
            let c = r.now, l = r.last
            return ["regionCode": r.region.code, "region": r.region.name, "level": r.region.level.label,
                    "isRegion": r.isRegion, "category": r.group.rawValue, "categoryLabel": r.group.label,
                    "units": c.inScope, "own": c.own, "joint": c.joint, "industry": c.industry, "workOnly": c.workOnly,
                    "uncovered": c.uncovered, "orgRate": rate(c.orgRate), "ownRate": rate(c.ownRate), "workRate": rate(c.workRate),
                    "lastYear": ["units": l.inScope, "orgRate": rate(l.orgRate), "ownRate": rate(l.ownRate), "workRate": rate(l.workRate)]]
        }
        return [
            "schema": schema,
            "today": d.today.description,
            "lastYearAsOf": d.today.endOfPreviousYear.description,
            "scope": ["operatingOnly": d.settings.scope.operatingOnly, "minStaff": d.settings.scope.minStaff,
                      "minStaffKinds": d.settings.scope.minStaffKinds.map(\.code), "summary": d.settings.scope.summary],
            "region": ["code": d.region.code, "name": d.region.name, "level": d.region.level.label],
            "rows": rows,
        ]
    }

    public static func json(_ d: Data) -> String {
        let data = try! JSONSerialization.data(withJSONObject: jsonObject(d), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    public static let csvHeader = ["region_code", "region", "category", "category_label", "units", "own", "joint", "industry",
                                   "work_only", "uncovered", "org_rate", "own_rate", "work_rate", "last_units", "last_org_rate",
                                   "last_own_rate", "last_work_rate"]

    public static func csv(_ d: Data) -> String {
        CSVWriter.format([csvHeader] + d.rows.map { r in
            let c = r.now, l = r.last
            return [r.region.code, r.region.name, r.group.rawValue, r.group.label, "\(c.inScope)", "\(c.own)", "\(c.joint)",
                    "\(c.industry)", "\(c.workOnly)", "\(c.uncovered)", rateText(c.orgRate), rateText(c.ownRate),
                    rateText(c.workRate), "\(l.inScope)", rateText(l.orgRate), rateText(l.ownRate), rateText(l.workRate)]
        })
    }

    public static func markdown(_ d: Data, lang: Lang = .zh) -> String {
        func t(_ s: Str) -> String { s.text(lang) }
        var out = "# \(t(.appTitle)) · \(t(.tabCoverage)) · \(d.region.name) · \(d.today)\n\n"
        out += "\(t(.cvScope))：\(d.settings.scope.summary)\n"
        for isRegion in [true, false] {
            let rows = d.rows.filter { $0.isRegion == isRegion && (isRegion || $0.group == .all) }
            guard !rows.isEmpty else { continue }
            out += isRegion ? "\n## \(d.region.name) · \(t(.cvCategories))\n\n" : "\n## \(d.region.name) · \(t(.cvRegions))\n\n"
            out += "| \(isRegion ? t(.cvColCategory) : t(.cvColRegion)) | \(t(.cvColUnits)) | \(t(.cvColOwn)) | \(t(.cvColJoint)) | \(t(.cvColIndustry)) | \(t(.cvColWorkOnly)) | \(t(.cvColUncovered)) | \(t(.cvColOrgRate)) | \(t(.cvColOwnRate)) | \(t(.cvColWorkRate)) | \(t(.cvColChange)) |\n"
            out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            for r in rows {
                let c = r.now
                let label = isRegion ? String(repeating: "　", count: r.group.depth) + r.group.label(lang) : r.region.name
                out += "| \(label) | \(c.inScope) | \(c.own) | \(c.joint) | \(c.industry) | \(c.workOnly) | \(c.uncovered) | \(c.orgRate.text) | \(c.ownRate.text) | \(c.workRate.text) | \(c.orgRate.changeText(from: r.last.orgRate)) |\n"
            }
        }
        out += "\n\(t(.cvColChange))：\(t(.cvColOrgRate)) − \(d.today.endOfPreviousYear)\n"
        return out
    }

    // MARK: the statistics forms

    public static func forms(store: Store, today: Day, regionName: String?) throws -> (region: Region, tables: [StatisticsForms.Table]) {
        let settings = try store.settings()
        let tree = RegionTree(try store.regions())
        let r = try region(named: regionName, in: tree)
        return (r, StatisticsForms.tables(try store.statisticsCells(scope: settings.scope, today: today, region: r.code)))
    }

    /// Each table as its own block: a title row, the header (项目 + columns), one row per item.
    public static func formsCSV(_ tables: [StatisticsForms.Table], region: Region) -> String {
        var rows: [[String]] = []
        for (i, t) in tables.enumerated() {
            if i > 0 { rows.append([]) }
            rows.append([t.title, region.name])
            rows.append(["code", "项目"] + t.columns.map(\.label))
            for r in t.rows {
                rows.append([r.rawValue, r.label] + t.columns.indices.map { c in t.value(r, c).map(String.init) ?? "" })
            }
        }
        return CSVWriter.format(rows)
    }

    public static func formsMarkdown(_ tables: [StatisticsForms.Table], region: Region, today: Day, lang: Lang = .zh) -> String {
        var out = ""
        for t in tables {
            out += "## \(lang == .en ? t.titleEn : t.title)\n\n\(region.name) · \(today)\n\n"
            out += "| \(Str.cvColRow.text(lang)) | " + t.columns.map { lang == .en ? $0.labelEn : $0.label }.joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---:|", count: t.columns.count) + "\n"
            for r in t.rows {
                let label = String(repeating: "　", count: r.depth) + (lang == .en ? r.labelEn : r.label)
                out += "| \(label) | " + t.columns.indices.map { c in t.value(r, c).map(String.init) ?? "" }.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }
}
