import Foundation
import GRDB
import LiangxinModel

/// The star panel's figures for one cycle: distribution, coverage, changes, the queue by stage, and the sizes of
/// the five-star and below-★★★ lists (whose rows are read a page at a time).
public struct StarSummary: Sendable {
    public var year: Int
    public var distribution: StarDistribution
    public var rubric: Rubric
    public var stageCounts: [EvalStage: Int]
    public var changeCounts: [StarChange.Kind: Int]
    /// The latest changes, newest first (at most `recentLimit`).
    public var recentChanges: [StarChange]
    public var fiveStarCount: Int
    public var belowThreeCount: Int
}

/// An organization in one of the panel's lists.
public struct StarOrgRow: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var regionName: String
    public var star: Int
    public var status: OrgStatus
    public var members: Int
}

public enum StarOrgList: Int, CaseIterable, Sendable {
    case fiveStar, belowThree
}

/// One organization's star over the years.
public struct StarOrgHistory: Sendable {
    public var org: PartyOrg
    public var regionName: String
    public var evaluations: [StarEvaluation]
    public var events: [StarEvent]
}

extension Store {
    public func starSummary(year: Int, recentLimit: Int = 50) throws -> StarSummary {
        let stages = try starStageCounts(year: year)
        return try read { db in
            let rubric = try RubricQueries.current(db, year: year).map { try $0.rubric() } ?? Rubric.standard(year: year)
            let (counts, recent) = try StarsChangeSQL.countsAndLatest(db, year: year, limit: recentLimit)
            let five = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM party_org WHERE \(StarsChangeSQL.listWhere(.fiveStar))") ?? 0
            let below = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM party_org WHERE \(StarsChangeSQL.listWhere(.belowThree))") ?? 0
            return StarSummary(year: year, distribution: try StarsSQL.distribution(db), rubric: rubric, stageCounts: stages,
                               changeCounts: counts, recentChanges: recent, fiveStarCount: five, belowThreeCount: below)
        }
    }

    /// Every change of a cycle, newest first (for the report), a page at a time.
    public func starChanges(year: Int, limit: Int = 1_000_000, offset: Int = 0) throws -> [StarChange] {
        try read { db in try StarsChangeSQL.fetch(db, year: year, limit: limit, offset: offset) }
    }

    /// One page of the five-star or below-★★★ list, by star then name.
    public func starOrgs(_ list: StarOrgList, offset: Int, limit: Int) throws -> [StarOrgRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.id, o.name, COALESCE(r.name, o.region_code) AS region, o.star_level, o.status,
                       o.full_members + o.probationary_members AS members
                FROM party_org o LEFT JOIN region r ON r.code = o.region_code
                WHERE \(StarsChangeSQL.listWhere(list, alias: "o.")) ORDER BY o.star_level, o.name, o.id LIMIT ? OFFSET ?
                """, arguments: [limit, offset]).map { r in
                StarOrgRow(id: r["id"], name: r["name"], regionName: r["region"], star: r["star_level"],
                           status: OrgStatus(rawValue: r["status"]) ?? .normal, members: r["members"])
            }
        }
    }

    public func starHistory(orgId: Int64) throws -> StarOrgHistory? {
        try read { db in
            guard let o = try PartyOrg.fetchOne(db, key: orgId) else { return nil }
            let region = try String.fetchOne(db, sql: "SELECT name FROM region WHERE code = ?", arguments: [o.regionCode]) ?? o.regionCode
            let evals = try StarEvaluation.filter(sql: "party_org_id = ?", arguments: [orgId]).order(sql: "year DESC").fetchAll(db)
            let events = try StarEvent.filter(sql: "party_org_id = ?", arguments: [orgId]).order(sql: "at DESC, id DESC").fetchAll(db)
            return StarOrgHistory(org: o, regionName: region, evaluations: evals, events: events)
        }
    }

    /// The organization's application for a year, if any (in-cycle star changes are filed under it).
    public func starEvaluation(orgId: Int64, year: Int) throws -> StarEvaluation? {
        try read { db in try StarEvaluation.filter(sql: "party_org_id = ? AND year = ?", arguments: [orgId, year]).fetchOne(db) }
    }
}

/// The cycle's changes in SQL. `kindExpr` mirrors `StarChange.Kind.of` (a test checks they agree on the sample city).
enum StarsChangeSQL {
    /// Grants of the cycle compared with the star held before (the grant event's, else the latest earlier decision),
    /// and the 升星 / 降星 / 摘星 events filed under the cycle. Without the organization's name: a change's
    /// organization always exists (`party_org_id` is NOT NULL and an enforced foreign key), and the names are read
    /// for the rows shown only, not for every grant of the year.
    static let changes = """
        SELECT * FROM (
          SELECT e.party_org_id AS org,
                 COALESCE((SELECT g.star_from FROM star_event g WHERE g.evaluation_id = e.id AND g.action = '\(StarEventAction.grant.rawValue)' ORDER BY g.id DESC LIMIT 1),
                          (SELECT p.decided_star FROM star_evaluation p WHERE p.party_org_id = e.party_org_id AND p.stage = '\(EvalStage.decided.rawValue)'
                             AND p.year < e.year ORDER BY p.year DESC LIMIT 1), 0) AS f,
                 COALESCE(e.decided_star, 0) AS t,
                 COALESCE((SELECT substr(g.at, 1, 10) FROM star_event g WHERE g.evaluation_id = e.id AND g.action = '\(StarEventAction.grant.rawValue)' ORDER BY g.id DESC LIMIT 1),
                          e.publicity_end, '') AS d,
                 '\(StarEventAction.grant.rawValue)' AS a, e.id * 2 AS seq
          FROM star_evaluation e
          WHERE e.year = :year AND e.stage = '\(EvalStage.decided.rawValue)'
          UNION ALL
          SELECT ev.party_org_id, COALESCE(ev.star_from, 0), COALESCE(ev.star_to, 0), substr(ev.at, 1, 10), ev.action, ev.id * 2 + 1
          FROM star_event ev
          LEFT JOIN star_evaluation e ON e.id = ev.evaluation_id
          WHERE ev.action IN ('\(StarEventAction.raise.rawValue)', '\(StarEventAction.lower.rawValue)', '\(StarEventAction.revoke.rawValue)')
            AND (e.year = :year OR (ev.evaluation_id IS NULL AND substr(ev.at, 1, 4) = :yearText))
        ) WHERE f <> t
        """

    static let kindExpr = "CASE WHEN t = 0 THEN 'revoked' WHEN f = 0 THEN 'new' WHEN t > f THEN 'up' ELSE 'down' END"

    static func args(_ year: Int) -> StatementArguments { ["year": year, "yearText": String(year)] }

    static func fetch(_ db: Database, year: Int, limit: Int, offset: Int) throws -> [StarChange] {
        var a = args(year)
        a += ["limit": limit, "offset": offset]
        return try named(db, try Row.fetchAll(db, sql: "\(changes) ORDER BY d DESC, seq DESC LIMIT :limit OFFSET :offset", arguments: a))
    }

    /// The count of each kind and the latest `limit` changes, from one pass over the cycle (the two used to compute
    /// every change twice). Rows with `part` 0 are counts, `part` 1 the changes, newest first.
    static func countsAndLatest(_ db: Database, year: Int, limit: Int) throws -> ([StarChange.Kind: Int], [StarChange]) {
        var a = args(year)
        a += ["limit": limit]
        let rows = try Row.fetchAll(db, sql: """
            WITH c AS MATERIALIZED (\(changes))
            SELECT 0 AS part, \(kindExpr) AS k, COUNT(*) AS n, NULL AS org, NULL AS f, NULL AS t, NULL AS d, NULL AS a FROM c GROUP BY k
            UNION ALL
            SELECT * FROM (SELECT 1, NULL, NULL, org, f, t, d, a FROM c ORDER BY d DESC, seq DESC LIMIT :limit)
            """, arguments: a)
        var counts: [StarChange.Kind: Int] = [:]
        for k in StarChange.Kind.allCases { counts[k] = 0 }
        for r in rows where r["part"] as Int == 0 {
            if let k = StarChange.Kind(rawValue: r["k"] as String? ?? "") { counts[k] = r["n"] }
        }
        return (counts, try named(db, rows.filter { $0["part"] as Int == 1 }))
    }

    /// Changes with their organizations' names, in the order of `rows`.
    private static func named(_ db: Database, _ rows: [Row]) throws -> [StarChange] {
        let ids = Set(rows.map { $0["org"] as Int64 })
        var names: [Int64: String] = [:]
        if !ids.isEmpty {
            for r in try Row.fetchAll(db, sql: "SELECT id, name FROM party_org WHERE id IN (\(ids.map(String.init).joined(separator: ",")))") {
                names[r["id"]] = r["name"]
            }
        }
        return rows.compactMap { r in
            let org: Int64 = r["org"]
            return names[org].map { StarChange(partyOrgId: org, orgName: $0, from: r["f"], to: r["t"], on: r["d"], action: r["a"]) }
        }
    }

    static func listWhere(_ l: StarOrgList, alias: String = "") -> String {
        let active = "\(alias)status <> '\(OrgStatus.revoked.rawValue)'"
        switch l {
        case .fiveStar: return "\(active) AND \(alias)star_level = 5"
        case .belowThree: return "\(active) AND \(alias)star_level >= 1 AND \(alias)star_level < \(StarLevels.rectificationBelow)"
        }
    }
}
