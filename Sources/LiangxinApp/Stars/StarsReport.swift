import Foundation
import LiangxinModel
import LiangxinStore

/// `report stars`: the distribution, star coverage, quotas, the cycle's changes and the queue by stage, as JSON (stable
/// shape, documented in README), CSV or Markdown.
public enum StarsReport {
    public static let schema = "liangxin.report.stars/1"

    public struct Data: Sendable {
        public var today: Day
        public var summary: StarSummary
        public var changes: [StarChange]
    }

    public static func load(_ store: Store, today: Day, year: Int?) throws -> Data {
        let y = try year ?? store.starCycleYear(today: today)
        return Data(today: today, summary: try store.starSummary(year: y, recentLimit: 0), changes: try store.starChanges(year: y))
    }

    static func pct(_ r: Rate) -> Any { r.percent.map { NSDecimalNumber(string: String(format: "%.2f", $0)) } ?? NSNull() }
    static func pctText(_ r: Rate) -> String { r.percent.map { String(format: "%.2f", $0) } ?? "" }

    static func quotaRows(_ s: StarSummary) -> [(star: Int, max: Double, share: Rate, within: Bool)] {
        s.rubric.quotas.sorted { $0.star > $1.star }.map { q in
            let share = s.distribution.share(of: q.star)
            return (q.star, q.maxPercent, share, (share.basisPoints ?? 0) <= Int((q.maxPercent * 100).rounded()))
        }
    }

    static let stageOrder: [EvalStage] = [.draft, .submitted, .firstCheck, .review, .publicity, .decided, .returned, .rejected]

    public static func jsonObject(_ d: Data) -> [String: Any] {
        let s = d.summary, dist = s.distribution
        var counts: [String: Any] = ["unrated": dist.counts[0]]
        var shares: [String: Any] = [:]
        for i in 1...5 { counts["\(i)"] = dist.counts[i]; shares["\(i)"] = pct(dist.share(of: i)) }
        var changeCounts: [String: Any] = [:]
        for k in StarChange.Kind.allCases { changeCounts[k.rawValue] = s.changeCounts[k] ?? 0 }
        let list: [[String: Any]] = d.changes.map {
            ["orgId": $0.partyOrgId, "org": $0.orgName, "from": $0.from, "to": $0.to, "kind": $0.kind?.rawValue ?? "",
             "on": $0.on, "action": $0.action]
        }
        let stages: [[String: Any]] = stageOrder.map { ["stage": $0.rawValue, "code": $0.code, "count": s.stageCounts[$0] ?? 0] }
        let awaiting = StarQueueFilter.reviewStages.reduce(0) { $0 + (s.stageCounts[$1] ?? 0) }
        return [
            "schema": schema,
            "today": d.today.description,
            "year": s.year,
            "rubric": ["year": s.rubric.year, "name": s.rubric.name, "maxTotal": NSDecimalNumber(string: ScoreSheet.formatScore(s.rubric.maxTotal))],
            "distribution": ["counts": counts, "shares": shares, "active": dist.active, "rated": dist.rated],
            "coverage": pct(dist.coverage),
            "quotas": quotaRows(s).map { ["star": $0.star, "maxPercent": NSDecimalNumber(string: ScoreSheet.formatScore($0.max)),
                                          "share": pct($0.share), "within": $0.within] as [String: Any] },
            "changes": ["counts": changeCounts, "list": list],
            "queue": ["byStage": stages, "awaitingReview": awaiting],
            "fiveStar": s.fiveStarCount,
            "belowThree": s.belowThreeCount,
        ]
    }

    public static func json(_ d: Data) -> String {
        let data = try! JSONSerialization.data(withJSONObject: jsonObject(d), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Flat `section,item,value` rows; the changes as `change,<kind>,<org>|<from>|<to>|<date>`.
    public static func csv(_ d: Data) -> String {
        let s = d.summary, dist = s.distribution
        var rows: [[String]] = [["section", "item", "value"]]
        rows.append(["cycle", "year", "\(s.year)"])
        rows.append(["distribution", "unrated", "\(dist.counts[0])"])
        for i in 1...5 { rows.append(["distribution", "\(i)", "\(dist.counts[i])"]) }
        rows.append(["distribution", "active", "\(dist.active)"])
        rows.append(["distribution", "rated", "\(dist.rated)"])
        rows.append(["coverage", "percent", pctText(dist.coverage)])
        for q in quotaRows(s) {
            rows.append(["quota.\(q.star)", "maxPercent", ScoreSheet.formatScore(q.max)])
            rows.append(["quota.\(q.star)", "share", pctText(q.share)])
        }
        for k in StarChange.Kind.allCases { rows.append(["changes", k.rawValue, "\(s.changeCounts[k] ?? 0)"]) }
        for st in stageOrder { rows.append(["queue", st.code, "\(s.stageCounts[st] ?? 0)"]) }
        rows.append(["lists", "fiveStar", "\(s.fiveStarCount)"])
        rows.append(["lists", "belowThree", "\(s.belowThreeCount)"])
        for c in d.changes {
            rows.append(["change", c.kind?.rawValue ?? "", "\(c.orgName)|\(c.from)|\(c.to)|\(c.on)|\(c.action)"])
        }
        return CSVWriter.format(rows)
    }

    public static func markdown(_ d: Data, lang: Lang = .zh) -> String {
        let s = d.summary, dist = s.distribution
        let en = lang == .en
        var out = "# \(Str.appTitle.text(lang)) · \(Str.tabStars.text(lang)) · \(s.year) · \(d.today)\n\n"
        out += "| \(Str.srStar.text(lang)) | \(en ? "Orgs" : "组织数") | \(en ? "Share of rated" : "占已定级") |\n|---|---:|---:|\n"
        for i in (1...5).reversed() { out += "| \(starText(i)) | \(dist.counts[i]) | \(dist.share(of: i).text) |\n" }
        out += "| \(Str.ovUnrated.text(lang)) | \(dist.counts[0]) | |\n\n"
        out += "\(Str.ovStarCoverage.text(lang))：\(dist.coverage.text)（\(dist.rated)/\(dist.active)）\n\n"
        for q in quotaRows(s) {
            out += "- \(starText(q.star)) ≤ \(ScoreSheet.formatScore(q.max))%：\(q.share.text) \(q.within ? "✓" : (en ? "over quota" : "超出限额"))\n"
        }
        out += "\n## \(Str.srChanges.text(lang))\n\n"
        out += StarChange.Kind.allCases.map { "\($0.mark) \(s.changeCounts[$0] ?? 0)" }.joined(separator: " · ") + "\n\n"
        if !d.changes.isEmpty {
            out += "| \(en ? "Date" : "日期") | \(Str.srOrg.text(lang)) | \(en ? "Change" : "变动") | |\n|---|---|---|---|\n"
            for c in d.changes { out += "| \(c.on) | \(c.orgName) | \(starText(c.from)) → \(starText(c.to)) | \(c.kind?.mark ?? "") \(c.action) |\n" }
        }
        out += "\n## \(Str.srQueueByStage.text(lang))\n\n| \(en ? "Stage" : "阶段") | \(en ? "Applications" : "件数") |\n|---|---:|\n"
        for st in stageOrder { out += "| \(st.rawValue) | \(s.stageCounts[st] ?? 0) |\n" }
        out += "\n- \(Str.srFiveStarList.text(lang))：\(s.fiveStarCount)\n- \(Str.srBelowThreeList.text(lang))：\(s.belowThreeCount)\n"
        return out
    }
}
