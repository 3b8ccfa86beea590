import Foundation
import LiangxinModel
import LiangxinStore

/// `report overview`: the overview's figures as JSON (stable shape, documented in README), CSV or Markdown.
public enum OverviewReport {
    public static let schema = "liangxin.report.overview/1"
    static let groups: [CoverageGroup] = CoverageGroup.allCases

    static func rate(_ r: Rate) -> Any { r.percent.map { NSDecimalNumber(string: String(format: "%.2f", $0)) } ?? NSNull() }

    public static func jsonObject(_ d: OverviewData) -> [String: Any] {
        let coverage: [[String: Any]] = groups.map { g in
            let c = d.coverage[g] ?? CoverageCounts(), l = d.coverageLastYear[g] ?? CoverageCounts()
            return ["group": g.rawValue, "label": g.label, "units": c.inScope, "own": c.own, "joint": c.joint,
                    "industry": c.industry, "workOnly": c.workOnly, "uncovered": c.uncovered,
                    "orgRate": rate(c.orgRate), "ownRate": rate(c.ownRate), "workRate": rate(c.workRate),
                    "lastYear": ["units": l.inScope, "orgRate": rate(l.orgRate), "ownRate": rate(l.ownRate), "workRate": rate(l.workRate)]]
        }
        func totals(_ t: TrainingTotals) -> [String: Any] {
            ["sessions": t.sessions, "personTimes": t.personTimes, "hours": NSDecimalNumber(string: formatHours(t.hours))]
        }
        var findings: [String: Any] = [:]
        for f in OverviewFinding.allCases { findings[f.rawValue] = d.findings[f] ?? 0 }
        return [
            "schema": schema,
            "today": d.today.description,
            "scope": ["operatingOnly": d.settings.scope.operatingOnly, "minStaff": d.settings.scope.minStaff,
                      "minStaffKinds": d.settings.scope.minStaffKinds.map(\.code), "summary": d.settings.scope.summary],
            "units": ["total": d.unitsTotal, "inScope": d.unitsInScope],
            "partyOrganizations": ["total": d.orgsTotal, "active": d.orgsActive, "weak": d.orgsWeak],
            "members": ["full": d.fullMembers, "probationary": d.probationaryMembers],
            "instructors": d.instructors,
            "coverage": coverage,
            "stations": ["total": d.stationsTotal, "running": d.stationsRunning, "servicesThisYear": d.servicesThisYear,
                         "servicesByMonth": d.servicesByMonth, "idle": d.findings[.idleStation] ?? 0,
                         "idleDays": d.settings.idleDays],
            "training": ["thisYear": totals(d.trainingThisYear), "lastYear": totals(d.trainingLastYear),
                         "personTimesByMonth": d.personTimesByMonth],
            "stars": ["counts": ["unrated": d.stars.counts[0], "1": d.stars.counts[1], "2": d.stars.counts[2],
                                 "3": d.stars.counts[3], "4": d.stars.counts[4], "5": d.stars.counts[5]],
                      "active": d.stars.active, "rated": d.stars.rated, "coverage": rate(d.stars.coverage)],
            "outreach": ["platforms": d.platforms, "workers": d.workers, "membersFound": d.membersFound,
                         "activitiesThisYear": d.activitiesThisYear],
            "findings": findings,
        ]
    }

    public static func json(_ d: OverviewData) -> String {
        let data = try! JSONSerialization.data(withJSONObject: jsonObject(d), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Flat `section,item,value` rows, so a spreadsheet can pivot them.
    public static func csv(_ d: OverviewData) -> String {
        var rows: [[String]] = [["section", "item", "value"]]
        func add(_ s: String, _ i: String, _ v: String) { rows.append([s, i, v]) }
        add("units", "total", "\(d.unitsTotal)")
        add("units", "inScope", "\(d.unitsInScope)")
        add("partyOrganizations", "active", "\(d.orgsActive)")
        add("partyOrganizations", "weak", "\(d.orgsWeak)")
        add("members", "full", "\(d.fullMembers)")
        add("members", "probationary", "\(d.probationaryMembers)")
        add("instructors", "total", "\(d.instructors)")
        for g in groups {
            let c = d.coverage[g] ?? CoverageCounts(), l = d.coverageLastYear[g] ?? CoverageCounts()
            add("coverage.\(g.rawValue)", "units", "\(c.inScope)")
            add("coverage.\(g.rawValue)", "orgRate", c.orgRate.percent.map { String(format: "%.2f", $0) } ?? "")
            add("coverage.\(g.rawValue)", "ownRate", c.ownRate.percent.map { String(format: "%.2f", $0) } ?? "")
            add("coverage.\(g.rawValue)", "workRate", c.workRate.percent.map { String(format: "%.2f", $0) } ?? "")
            add("coverage.\(g.rawValue)", "orgRateLastYear", l.orgRate.percent.map { String(format: "%.2f", $0) } ?? "")
        }
        add("stations", "running", "\(d.stationsRunning)")
        add("stations", "servicesThisYear", "\(d.servicesThisYear)")
        add("training", "sessions", "\(d.trainingThisYear.sessions)")
        add("training", "personTimes", "\(d.trainingThisYear.personTimes)")
        add("training", "hours", formatHours(d.trainingThisYear.hours))
        for s in 0...5 { add("stars", s == 0 ? "unrated" : "\(s)", "\(d.stars.counts[s])") }
        add("stars", "coverage", d.stars.coverage.percent.map { String(format: "%.2f", $0) } ?? "")
        for f in OverviewFinding.allCases { add("findings", f.rawValue, "\(d.findings[f] ?? 0)") }
        return CSVWriter.format(rows)
    }

    public static func markdown(_ d: OverviewData, lang: Lang = .zh) -> String {
        var out = "# \(Str.appTitle.text(lang)) · \(Str.tabOverview.text(lang)) · \(d.today)\n\n"
        out += "\(Str.ovScope.text(lang))：\(d.settings.scope.summary)\n\n"
        out += "| \(Str.ovCategory.text(lang)) | \(Str.ovUnits.text(lang)) | \(Str.ovOrgRate.text(lang)) | \(Str.ovOwnRate.text(lang)) | \(Str.ovWorkRate.text(lang)) | \(Str.ovChange.text(lang)) |\n|---|---:|---:|---:|---:|---:|\n"
        for g in groups {
            let c = d.coverage[g] ?? CoverageCounts(), l = d.coverageLastYear[g] ?? CoverageCounts()
            out += "| \(g.label(lang)) | \(c.inScope) | \(c.orgRate.text) | \(c.ownRate.text) | \(c.workRate.text) | \(c.orgRate.changeText(from: l.orgRate)) |\n"
        }
        out += "\n| | |\n|---|---:|\n"
        out += "| \(Str.ovOrgsActive.text(lang)) | \(d.orgsActive) |\n| \(Str.ovFullMembers.text(lang)) | \(d.fullMembers) |\n"
        out += "| \(Str.ovProbationary.text(lang)) | \(d.probationaryMembers) |\n| \(Str.ovInstructors.text(lang)) | \(d.instructors) |\n"
        out += "| \(Str.ovStationsRunning.text(lang)) | \(d.stationsRunning) |\n| \(Str.ovServicesYear.text(lang)) | \(d.servicesThisYear) |\n"
        out += "| \(Str.ovSessions.text(lang)) | \(d.trainingThisYear.sessions) |\n| \(Str.ovPersonTimes.text(lang)) | \(d.trainingThisYear.personTimes) |\n"
        out += "| \(Str.ovHours.text(lang)) | \(formatHours(d.trainingThisYear.hours)) |\n| \(Str.ovStarCoverage.text(lang)) | \(d.stars.coverage.text) |\n"
        for s in (1...5).reversed() { out += "| \(String(repeating: "★", count: s)) | \(d.stars.counts[s]) |\n" }
        out += "\n## \(Str.ovFindings.text(lang))\n\n"
        for f in OverviewFinding.allCases { out += "- \(f.str.text(lang))：\(d.findings[f] ?? 0)\n" }
        return out
    }
}

/// RFC 4180 CSV text.
public enum CSVWriter {
    public static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    public static func format(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
