import Foundation
import LiangxinModel
import LiangxinStore

/// `report outreach`: per sector the ledger figures, the covering branches, the coverage rate and the activity
/// totals; the activities by type, the awards and the findings lists. JSON (stable shape, README), CSV or Markdown.
/// The summary screen draws from the same `OutreachSummary`, so the two cannot disagree.
public struct OutreachReportData: Sendable {
    public var summary: OutreachSummary
    /// The platforms of each finding on `summary.asOf`, by name.
    public var findingRows: [OutreachFinding: [LedgerRow]]

    public init(summary: OutreachSummary, findingRows: [OutreachFinding: [LedgerRow]]) {
        self.summary = summary; self.findingRows = findingRows
    }
}

public enum OutreachReport {
    public static let schema = "liangxin.report.outreach/1"

    public static func load(_ store: Store, today: Day, year: Int? = nil) throws -> OutreachReportData {
        let s = try store.outreachSummary(today: today, year: year)
        var rows: [OutreachFinding: [LedgerRow]] = [:]
        for f in OutreachFinding.allCases {
            rows[f] = try store.ledgerPage(LedgerQuery(finding: f, sort: .name), today: s.asOf, months: s.staleMonths, offset: 0,
                                           limit: 1_000_000, branchAsOf: s.asOf == today ? nil : s.asOf)
        }
        return OutreachReportData(summary: s, findingRows: rows)
    }

    static func rate(_ r: Rate) -> Any { r.percent.map { NSDecimalNumber(string: String(format: "%.2f", $0)) } ?? NSNull() }
    static func percentText(_ r: Rate) -> String { r.percent.map { String(format: "%.2f", $0) } ?? "" }

    static func sectorObject(_ d: OutreachSummary, _ s: Sector?) -> [String: Any] {
        let l = d.ledger(s), c = d.coverage(s), a = d.activities(s)
        var findings: [String: Any] = [:]
        for f in OutreachFinding.allCases { findings[f.rawValue] = d.finding(f, s) }
        return [
            "sector": s?.code ?? "all", "label": s?.label ?? Str.oAll.text(.zh),
            "ledger": ["platforms": l.platforms, "surveyed": l.surveyed, "stations": l.stations, "branchOffices": l.branchOffices,
                       "workers": l.workers, "membersFound": l.membersFound, "pocketMembers": l.pocketMembers,
                       "membersTransferred": l.membersTransferred, "notTransferred": l.notTransferred, "mobileMembers": l.mobileMembers],
            "coveringBranches": d.branches(s),
            "coverage": ["units": c.inScope, "withOrganization": c.withOrganization, "own": c.own, "joint": c.joint,
                         "industry": c.industry, "workOnly": c.workOnly, "uncovered": c.uncovered,
                         "orgRate": rate(c.orgRate), "workRate": rate(c.workRate)],
            "activities": ["count": a.count, "participants": a.participants, "peopleServed": a.peopleServed, "items": a.items,
                           "volunteerTimes": a.volunteerTimes, "byMonth": d.months(s)],
            "findings": findings,
        ]
    }

    public static func jsonObject(_ r: OutreachReportData) -> [String: Any] {
        let d = r.summary
        let byType: [[String: Any]] = ActivityType.allCases.map { t in
            let a = d.byType[t] ?? ActivityTotals()
            return ["type": t.code, "label": t.label, "count": a.count, "participants": a.participants, "peopleServed": a.peopleServed,
                    "items": a.items, "volunteerTimes": a.volunteerTimes]
        }
        let awards: [[String: Any]] = d.awards.map { a in
            ["date": a.date.description, "award": a.award ?? "", "person": a.awardPerson ?? "", "sector": a.sector.code,
             "title": a.title, "organizer": a.organizer ?? NSNull(), "platformId": a.platformId.map { NSNumber(value: $0) } ?? NSNull()]
        }
        var findings: [String: Any] = [:]
        for f in OutreachFinding.allCases {
            findings[f.rawValue] = (r.findingRows[f] ?? []).map { row -> [String: Any] in
                ["id": row.platform.id ?? 0, "name": row.platform.name, "sector": row.platform.sector.code, "region": row.regionName,
                 "lastSurvey": row.latest.map { $0.surveyDate.description } ?? NSNull(),
                 "membersFound": row.latest?.membersFound ?? 0, "membersTransferred": row.latest?.membersTransferred ?? 0,
                 "branch": row.branch?.name ?? NSNull()]
            }
        }
        return [
            "schema": schema,
            "today": d.today.description,
            "year": d.year,
            "asOf": d.asOf.description,
            "surveyStaleMonths": d.staleMonths,
            "overdueBefore": d.overdueBefore.description,
            "sectors": Sector.allCases.map { sectorObject(d, $0) },
            "total": sectorObject(d, nil),
            "activitiesByType": byType,
            "awards": awards,
            "findings": findings,
        ]
    }

    public static func json(_ r: OutreachReportData) -> String {
        let data = try! JSONSerialization.data(withJSONObject: jsonObject(r), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Flat `section,item,value` rows (the overview report's layout), one section per sector and type.
    public static func csv(_ r: OutreachReportData) -> String {
        let d = r.summary
        var rows: [[String]] = [["section", "item", "value"]]
        func add(_ s: String, _ i: String, _ v: String) { rows.append([s, i, v]) }
        add("report", "today", d.today.description)
        add("report", "year", "\(d.year)")
        add("report", "asOf", d.asOf.description)
        add("report", "surveyStaleMonths", "\(d.staleMonths)")
        for s in OutreachPanel.summaryRows {
            let sec = "sector.\(s?.code ?? "all")"
            let l = d.ledger(s), c = d.coverage(s), a = d.activities(s)
            for (k, v) in [("platforms", l.platforms), ("surveyed", l.surveyed), ("stations", l.stations), ("branchOffices", l.branchOffices),
                           ("workers", l.workers), ("membersFound", l.membersFound), ("pocketMembers", l.pocketMembers),
                           ("membersTransferred", l.membersTransferred), ("mobileMembers", l.mobileMembers),
                           ("coveringBranches", d.branches(s)), ("units", c.inScope), ("withOrganization", c.withOrganization)] {
                add(sec, k, "\(v)")
            }
            add(sec, "orgRate", percentText(c.orgRate))
            for (k, v) in [("activities", a.count), ("participants", a.participants), ("peopleServed", a.peopleServed),
                           ("items", a.items), ("volunteerTimes", a.volunteerTimes)] {
                add(sec, k, "\(v)")
            }
            for f in OutreachFinding.allCases { add(sec, "finding.\(f.rawValue)", "\(d.finding(f, s))") }
        }
        for t in ActivityType.allCases {
            let a = d.byType[t] ?? ActivityTotals()
            for (k, v) in [("count", a.count), ("participants", a.participants), ("peopleServed", a.peopleServed), ("items", a.items),
                           ("volunteerTimes", a.volunteerTimes)] {
                add("type.\(t.code)", k, "\(v)")
            }
        }
        for a in d.awards { add("award", a.date.description, "\(a.award ?? "") \(a.awardPerson ?? "")") }
        for f in OutreachFinding.allCases {
            for row in r.findingRows[f] ?? [] { add("finding.\(f.rawValue)", "\(row.platform.id ?? 0)", row.platform.name) }
        }
        return CSVWriter.format(rows)
    }

    public static func markdown(_ r: OutreachReportData, lang: Lang = .zh) -> String {
        let d = r.summary
        func t(_ s: Str) -> String { s.text(lang) }
        var out = "# \(t(.appTitle)) · \(t(.tabOutreach)) · \(d.year) · \(t(.oAsOf))\(d.asOf)\n\n"
        out += "| \(t(.oSector)) | \(t(.oPlatforms)) | \(t(.oStations)) | \(t(.oWorkers)) | \(t(.oMembersFound)) | \(t(.oPocket)) | "
            + "\(t(.oTransferred)) | \(t(.oMobile)) | \(t(.oBranches)) | \(t(.oUnits)) | \(t(.oCoverage)) | \(t(.oViewActivities)) |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for s in OutreachPanel.summaryRows {
            let l = d.ledger(s), c = d.coverage(s)
            out += "| \(s?.label(lang) ?? t(.oAll)) | \(l.platforms) | \(l.stations) | \(l.workers) | \(l.membersFound) | \(l.pocketMembers) | "
                + "\(l.membersTransferred) | \(l.mobileMembers) | \(d.branches(s)) | \(c.inScope) | \(c.orgRate.text) | \(d.activities(s).count) |\n"
        }
        out += "\n## \(t(.oByType)) \(d.year)\n\n"
        out += "| \(t(.oType)) | \(t(.oCount)) | \(t(.oParticipants)) | \(t(.oServed)) | \(t(.oItems)) | \(t(.oVolunteer)) |\n|---|---:|---:|---:|---:|---:|\n"
        for ty in ActivityType.allCases {
            let a = d.byType[ty] ?? ActivityTotals()
            out += "| \(ty.label(lang)) | \(a.count) | \(a.participants) | \(a.peopleServed) | \(a.items) | \(a.volunteerTimes) |\n"
        }
        let a = d.activitiesAll
        out += "| \(t(.oAll)) | \(a.count) | \(a.participants) | \(a.peopleServed) | \(a.items) | \(a.volunteerTimes) |\n"
        out += "\n## \(t(.oAwardsYear)) \(d.year)\n\n"
        out += "| \(t(.oDate)) | \(t(.oAward)) | \(t(.oAwardPerson)) | \(t(.oSector)) | \(t(.oOrganizer)) |\n|---|---|---|---|---|\n"
        for aw in d.awards {
            out += "| \(aw.date) | \(aw.award ?? "") | \(aw.awardPerson ?? "") | \(aw.sector.label(lang)) | \(aw.organizer ?? "") |\n"
        }
        out += "\n## \(t(.oFindings))\n"
        for f in OutreachFinding.allCases {
            let list = r.findingRows[f] ?? []
            out += "\n### \(f.title(lang, months: d.staleMonths))（\(list.count)）\n\n"
            for row in list {
                let last = row.latest.map { "\($0.surveyDate)" } ?? t(.oNever)
                out += "- \(row.platform.name)（\(row.platform.sector.label(lang))，\(row.regionName)）\(t(.oLastSurvey)) \(last)\n"
            }
        }
        return out
    }
}
