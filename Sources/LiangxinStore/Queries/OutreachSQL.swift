import LiangxinModel

/// The SQL mirror of the ledger rules in `OutreachRules` (latest survey, overdue, branch covers, the findings),
/// shared by the summary and the lists. `OutreachSQLTests` checks it against the model.
/// Queries alias the platform `p`, its latest survey `s` and its covering branch `o`.
enum OutreachSQL {
    /// Joins each platform `p` to its latest survey on `asOf` (a bound parameter name such as `:asOf`):
    /// latest by date, then by id, as `OutreachRules.latest` picks it. Uses platform_survey_platform_date.
    static func latestJoin(asOf: String) -> String {
        """
        LEFT JOIN platform_survey s ON s.id = (
          SELECT s2.id FROM platform_survey s2 WHERE s2.platform_id = p.id AND s2.survey_date <= \(asOf)
          ORDER BY s2.survey_date DESC, s2.id DESC LIMIT 1)
        LEFT JOIN party_org o ON o.id = p.party_org_id
        """
    }

    /// `OutreachRules.branchCovers`: the branch exists and is active on `past` (NULL = now).
    static func branchActive(past: String) -> String {
        "(o.id IS NOT NULL AND (o.status <> '\(OrgStatus.revoked.rawValue)' OR (\(past) IS NOT NULL AND o.revoked_on > \(past))))"
    }

    /// The condition of one finding; `cutoff` is `OutreachRules.overdueBefore`, `past` as in `branchActive`.
    static func finding(_ f: OutreachFinding, cutoff: String, past: String) -> String {
        switch f {
        case .overdue: return "(s.id IS NULL OR s.survey_date < \(cutoff))"
        case .noBranch: return "(COALESCE(s.members_found, 0) > 0 AND NOT \(branchActive(past: past)))"
        case .notTransferred: return "(s.id IS NOT NULL AND s.members_found > s.members_transferred)"
        }
    }

    /// Sorts an enumeration column in the order the domain lists it (快递 外卖 网约车 货车 网络主播), not by code point.
    static func enumOrder<E: DomainEnum>(_ column: String, _ type: E.Type) -> String {
        "CASE \(column) " + E.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ") + " END"
    }

    /// A LIKE pattern matching `text` anywhere, with the wildcards in it taken literally (use `ESCAPE '\'`).
    static func contains(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
