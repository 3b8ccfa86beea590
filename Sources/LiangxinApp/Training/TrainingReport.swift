import Foundation
import LiangxinModel
import LiangxinStore

/// `report training`: a year's totals by month, type and mode against last year, the secretary coverage and its
/// lists, as JSON (stable shape, documented in README), CSV or Markdown. The panel shows the same figures from the
/// same two values (`TrainingYearData`, `SecretaryCoverage`).
public enum TrainingReport {
    public static let schema = "liangxin.report.training/1"

    static func hours(_ h: Double) -> NSDecimalNumber { NSDecimalNumber(string: formatHours(h)) }

    static func totals(_ t: TrainingTotals) -> [String: Any] {
        ["sessions": t.sessions, "personTimes": t.personTimes, "hours": hours(t.hours)]
    }

    /// One organization of a list, keys in JSONText's order (written directly: the lists are the bulk of the report).
    static func secretary(_ s: SecretaryTraining, into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 2)
        func key(_ k: String) { out += pad + "\"" + k + "\" : " }
        func text(_ v: String?) { if let v { JSONText.string(v, into: &out) } else { out += "null" } }
        out += "{\n"
        key("appointed"); text(s.appointed?.description); out += ",\n"
        key("concentrated"); out += String(s.concentrated) + ",\n"
        key("hours"); out += formatHours(s.hours) + ",\n"
        key("lastTraining"); text(s.lastTraining?.description); out += ",\n"
        key("organization"); text(s.orgName); out += ",\n"
        key("orgId"); out += String(s.orgId) + ",\n"
        key("region"); text(s.regionName); out += ",\n"
        key("regionCode"); text(s.regionCode); out += ",\n"
        key("rotations"); out += String(s.rotations) + ",\n"
        key("secretary"); text(s.secretary); out += ",\n"
        key("sessions"); out += String(s.sessions) + "\n"
        out += String(repeating: " ", count: indent) + "}"
    }

    /// The report as a tree for `JSONText` (the lists as `JSONText.Rows`, written without a dictionary per row).
    static func jsonObject(_ d: TrainingYearData, _ c: SecretaryCoverage) -> [String: Any] {
        var last = totals(d.lastYear.total)
        last["year"] = d.year - 1
        let months: [[String: Any]] = (1...12).map { m in
            var o = totals(d.now.byMonth[m - 1])
            o["month"] = m
            o["lastYear"] = totals(d.lastYear.byMonth[m - 1])
            return o
        }
        let types: [[String: Any]] = TrainingType.allCases.map { t in
            var o = totals(d.now.type(t))
            o["type"] = t.code; o["label"] = t.label; o["concentrated"] = t.isConcentrated
            o["lastYear"] = totals(d.lastYear.type(t))
            return o
        }
        let modes: [[String: Any]] = TrainingMode.allCases.map { m in
            var o = totals(d.now.mode(m))
            o["mode"] = m.code; o["label"] = m.label
            o["lastYear"] = totals(d.lastYear.mode(m))
            return o
        }
        var lists: [String: Any] = [:]
        for l in SecretaryList.allCases { lists[l.rawValue] = JSONText.Rows(rows: c.list(l)) }
        return [
            "schema": schema,
            "today": c.today.description,
            "year": d.year,
            "from": d.period?.lowerBound.description ?? NSNull(),
            "through": d.period?.upperBound.description ?? NSNull(),
            "totals": totals(d.now.total),
            "lastYear": last,
            "byMonth": months,
            "byType": types,
            "byMode": modes,
            "secretaries": [
                "activeOrganizations": c.active,
                "requiredHours": hours(TrainingRules.secretaryYearlyHours),
                "newSecretaryMonths": TrainingRules.newSecretaryMonths,
                "concentrated": ["count": c.concentrated, "rate": OverviewReport.rate(c.concentratedRate)],
                "reachedHours": ["count": c.reachedHours, "rate": OverviewReport.rate(c.hoursRate)],
                "rotation": ["count": c.rotation, "rate": OverviewReport.rate(c.rotationRate)],
                "newUntrained": c.count(.newUntrained),
            ] as [String: Any],
            "lists": lists,
        ]
    }

    public static func json(_ d: TrainingYearData, _ c: SecretaryCoverage) -> String {
        var out = ""
        JSONText.write(jsonObject(d, c), into: &out, indent: 0)
        return out
    }

    /// The columns of the CSV: figure rows fill the first eight, list rows the section, item and the organization's.
    public static let csvHeader = ["section", "item", "label", "sessions", "personTimes", "hours", "count", "rate",
                                   "orgId", "organization", "region", "secretary", "appointed", "secretaryHours",
                                   "concentrated", "rotations", "lastTraining"]

    public static func csv(_ d: TrainingYearData, _ c: SecretaryCoverage) -> String {
        var rows: [[String]] = [csvHeader]
        func figure(_ section: String, _ item: String, _ label: String, _ t: TrainingTotals) {
            rows.append([section, item, label, "\(t.sessions)", "\(t.personTimes)", formatHours(t.hours)] + Array(repeating: "", count: 11))
        }
        func share(_ item: String, _ label: String, _ n: Int, _ r: Rate?) {
            rows.append(["secretaries", item, label, "", "", "", "\(n)", r?.percent.map { String(format: "%.2f", $0) } ?? ""] + Array(repeating: "", count: 9))
        }
        figure("total", "\(d.year)", "", d.now.total)
        figure("lastYear", "\(d.year - 1)", "", d.lastYear.total)
        for m in 1...12 { figure("month", "\(m)", "", d.now.byMonth[m - 1]) }
        for m in 1...12 { figure("lastYearMonth", "\(m)", "", d.lastYear.byMonth[m - 1]) }
        for t in TrainingType.allCases { figure("type", t.code, t.label, d.now.type(t)) }
        for m in TrainingMode.allCases { figure("mode", m.code, m.label, d.now.mode(m)) }
        share("activeOrganizations", Str.trOfActiveOrgs.text(.zh), c.active, nil)
        share("concentrated", Str.trConcentrated.text(.zh), c.concentrated, c.concentratedRate)
        share("reachedHours", Str.trReachedHours.text(.zh), c.reachedHours, c.hoursRate)
        share("rotation", Str.trRotation.text(.zh), c.rotation, c.rotationRate)
        share("newUntrained", Str.trNewUntrained.text(.zh), c.count(.newUntrained), nil)
        for l in SecretaryList.allCases {
            for s in c.list(l) {
                rows.append(["list", l.rawValue, l.str.text(.zh), "", "", "", "", "",
                             "\(s.orgId)", s.orgName, s.regionName, s.secretary ?? "", s.appointed?.description ?? "",
                             formatHours(s.hours), "\(s.concentrated)", "\(s.rotations)", s.lastTraining?.description ?? ""])
            }
        }
        return CSVWriter.format(rows)
    }

    public static func markdown(_ d: TrainingYearData, _ c: SecretaryCoverage, lang: Lang = .zh) -> String {
        func t(_ s: Str) -> String { s.text(lang) }
        let y = TrainingFormat.year(d.year, lang), ly = TrainingFormat.year(d.year - 1, lang)
        var out = "# \(t(.appTitle)) · \(t(.tabTraining)) · \(y)"
        if let p = d.period { out += "（\(p.lowerBound) ~ \(p.upperBound)）" }
        out += "\n\n| | \(y) | \(ly) | \(t(.trChange)) |\n|---|---:|---:|---:|\n"
        let n = d.now.total, l = d.lastYear.total
        out += "| \(t(.trSessions)) | \(n.sessions) | \(l.sessions) | \(TrainingFormat.change(n.sessions, l.sessions)) |\n"
        out += "| \(t(.trPersonTimes)) | \(n.personTimes) | \(l.personTimes) | \(TrainingFormat.change(n.personTimes, l.personTimes)) |\n"
        out += "| \(t(.trHours)) | \(formatHours(n.hours)) | \(formatHours(l.hours)) | \(TrainingFormat.change(n.hours, l.hours)) |\n"
        func table(_ title: String, _ rows: [(String, TrainingTotals, TrainingTotals)]) {
            out += "\n## \(title)\n\n| | \(t(.trSessions)) | \(t(.trPersonTimes)) | \(t(.trHours)) | \(t(.trLastYearPT)) |\n|---|---:|---:|---:|---:|\n"
            for (label, v, last) in rows { out += "| \(label) | \(v.sessions) | \(v.personTimes) | \(formatHours(v.hours)) | \(last.personTimes) |\n" }
        }
        table(t(.trByMonth), (1...12).map { ("\($0)\(t(.trMonthSuffix))", d.now.byMonth[$0 - 1], d.lastYear.byMonth[$0 - 1]) })
        table(t(.trType), TrainingType.allCases.map { ($0.label(lang), d.now.type($0), d.lastYear.type($0)) })
        table(t(.trMode), TrainingMode.allCases.map { ($0.label(lang), d.now.mode($0), d.lastYear.mode($0)) })
        out += "\n## \(t(.trSecretaryCoverage))（\(t(.trOfActiveOrgs)) \(c.active)）\n\n| | | |\n|---|---:|---:|\n"
        out += "| \(t(.trConcentrated)) | \(c.concentrated) | \(c.concentratedRate.text) |\n"
        out += "| \(t(.trReachedHours)) | \(c.reachedHours) | \(c.hoursRate.text) |\n"
        out += "| \(t(.trRotation)) | \(c.rotation) | \(c.rotationRate.text) |\n"
        out += "| \(t(.trNewUntrained)) | \(c.count(.newUntrained)) | |\n"
        for list in SecretaryList.allCases {
            let rows = c.list(list)
            out += "\n### \(t(list.str))（\(rows.count)）\n\n"
            guard !rows.isEmpty else { out += "\(t(.trNoneMissing))\n"; continue }
            out += "| \(t(.trRegion)) | \(t(.trOrg)) | \(t(.trSecretary)) | \(t(.trAppointed)) | \(t(.trHours)) | \(t(.trConcentrated)) | \(t(.trRotation)) | \(t(.trLastTraining)) |\n"
            out += "|---|---|---|---|---:|---:|---:|---|\n"
            for s in rows {
                out += "| \(s.regionName) | \(s.orgName) | \(TrainingFormat.secretary(s.secretary, lang)) | \(s.appointed?.description ?? "") | "
                    + "\(formatHours(s.hours)) | \(s.concentrated) | \(s.rotations) | \(s.lastTraining?.description ?? "") |\n"
            }
        }
        return out
    }

    /// The summary view's export: the year by month, type and mode, with last year beside each row.
    static func breakdownHeader(_ lang: Lang) -> [String] {
        let t = { (s: Str) in s.text(lang) }
        return [lang == .en ? "Group" : "分组", lang == .en ? "Item" : "项目", t(.trSessions), t(.trPersonTimes), t(.trHours),
                t(.trLastYearFull) + t(.trSessions), t(.trLastYearFull) + t(.trPersonTimes), t(.trLastYearFull) + t(.trHours)]
    }

    static func breakdownRows(_ d: TrainingYearData, lang: Lang) -> [[String]] {
        func row(_ g: Str, _ item: String, _ v: TrainingTotals, _ l: TrainingTotals) -> [String] {
            [g.text(lang), item, "\(v.sessions)", "\(v.personTimes)", formatHours(v.hours), "\(l.sessions)", "\(l.personTimes)", formatHours(l.hours)]
        }
        var rows = [row(.trTotals, TrainingFormat.year(d.year, lang), d.now.total, d.lastYear.total)]
        rows += (1...12).map { row(.trMonth, "\($0)\(Str.trMonthSuffix.text(lang))", d.now.byMonth[$0 - 1], d.lastYear.byMonth[$0 - 1]) }
        rows += TrainingType.allCases.map { row(.trType, $0.label(lang), d.now.type($0), d.lastYear.type($0)) }
        rows += TrainingMode.allCases.map { row(.trMode, $0.label(lang), d.now.mode($0), d.lastYear.mode($0)) }
        return rows
    }
}

/// Pretty, key-sorted JSON written directly: the lists run to tens of thousands of organizations at scale, where
/// JSONSerialization takes seconds. Same layout as JSONSerialization's (`"key" : value`, two-space indent).
enum JSONText {
    /// A list of organizations, written without building a dictionary per row.
    struct Rows { var rows: [SecretaryTraining] }

    static func write(_ v: Any, into out: inout String, indent: Int) {
        switch v {
        case let r as Rows:
            guard !r.rows.isEmpty else { out += "[]"; return }
            let pad = String(repeating: " ", count: indent + 2)
            out += "[\n"
            for (i, s) in r.rows.enumerated() {
                out += pad
                TrainingReport.secretary(s, into: &out, indent: indent + 2)
                out += i < r.rows.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case is NSNull: out += "null"
        case let s as String: string(s, into: &out)
        case let n as NSDecimalNumber: out += n.description
        case let i as Int: out += String(i)
        case let i as Int64: out += String(i)
        case let b as Bool: out += b ? "true" : "false"
        case let x as Double: out += x.description
        case let a as [Any]:
            guard !a.isEmpty else { out += "[]"; return }
            let pad = String(repeating: " ", count: indent + 2)
            out += "[\n"
            for (i, e) in a.enumerated() {
                out += pad
                write(e, into: &out, indent: indent + 2)
                out += i < a.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case let o as [String: Any]:
            guard !o.isEmpty else { out += "{}"; return }
            let pad = String(repeating: " ", count: indent + 2)
            out += "{\n"
            // Case-insensitive, as JSONSerialization sorts them (`organization` before `orgId`).
            let keys = o.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
            for (i, k) in keys.enumerated() {
                out += pad
                string(k, into: &out)
                out += " : "
                write(o[k]!, into: &out, indent: indent + 2)
                out += i < keys.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        default:
            string("\(v)", into: &out)
        }
    }

    static func string(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }
}
