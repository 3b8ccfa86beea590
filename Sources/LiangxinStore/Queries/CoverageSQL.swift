import GRDB
import LiangxinModel

/// The SQL mirror of `CoverageClass.classify` and `ScopeRule.includes`, so coverage aggregates run inside SQLite
/// at any size. `CoverageSQLTests` checks it against the model on a fixture.
enum CoverageSQL {
    /// The class of `u` (joined with its organization `o`) as of `asOf` (NULL = now).
    static func classExpr(asOf: String) -> String {
        """
        CASE
          WHEN o.id IS NOT NULL
               AND (o.status <> '\(OrgStatus.revoked.rawValue)' OR (\(asOf) IS NOT NULL AND o.revoked_on > \(asOf)))
               AND (\(asOf) IS NULL OR ((o.founded IS NULL OR o.founded <= \(asOf)) AND (u.org_since IS NULL OR u.org_since <= \(asOf))))
            THEN CASE o.formation
                   WHEN '\(Formation.independent.rawValue)' THEN 'own'
                   WHEN '\(Formation.joint.rawValue)' THEN 'joint'
                   WHEN '\(Formation.industry.rawValue)' THEN 'industry'
                   ELSE 'workOnly' END
          WHEN u.instructor_id IS NOT NULL AND (\(asOf) IS NULL OR u.instructor_since IS NULL OR u.instructor_since <= \(asOf))
            THEN 'workOnly'
          ELSE 'uncovered'
        END
        """
    }

    /// Whether `u` is in scope on `day` under the rule.
    static func scopeExpr(_ rule: ScopeRule, day: String) -> String {
        var parts = ["(u.registered IS NULL OR u.registered <= \(day))"]
        if rule.operatingOnly {
            parts.append("(u.status <> '\(UnitStatus.deregistered.rawValue)' OR (u.deregistered IS NOT NULL AND u.deregistered > \(day)))")
        }
        if rule.minStaff > 0 && !rule.minStaffKinds.isEmpty {
            let kinds = rule.minStaffKinds.map { "'\($0.rawValue)'" }.joined(separator: ",")
            parts.append("(u.kind NOT IN (\(kinds)) OR u.staff >= \(rule.minStaff))")
        }
        return parts.joined(separator: " AND ")
    }

    /// Coverage cells (region × category × acfic × sector) now and at the end of last year, in one scan.
    static func cells(_ db: Database, scope: ScopeRule, today: Day, regionPrefix: String? = nil) throws -> (now: [CoverageCell], lastYear: [CoverageCell]) {
        let last = today.endOfPreviousYear
        let sql = """
        SELECT u.region_code AS r, u.category AS c, u.acfic_member AS a, u.sector AS s,
               CASE WHEN \(scopeExpr(scope, day: ":today")) THEN \(classExpr(asOf: "NULL")) END AS cls,
               CASE WHEN \(scopeExpr(scope, day: ":last")) THEN \(classExpr(asOf: ":last")) END AS clsLast,
               COUNT(*) AS n
        FROM unit u LEFT JOIN party_org o ON o.id = u.party_org_id
        \(regionPrefix == nil ? "" : "WHERE u.region_code >= :prefix AND u.region_code < :prefixEnd")
        GROUP BY r, c, a, s, cls, clsLast
        """
        var args: [String: DatabaseValueConvertible?] = ["today": today.description, "last": last.description]
        if let p = regionPrefix { args["prefix"] = p; args["prefixEnd"] = p + "\u{FFFF}" }
        var now: [String: CoverageCell] = [:], prev: [String: CoverageCell] = [:]
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(args))
        while let row = try rows.next() {
            let region: String = row["r"]
            guard let cat = UnitCategory(rawValue: row["c"] as String) else { continue }
            let acfic: Bool = row["a"]
            let sector = (row["s"] as String?).flatMap(Sector.init(rawValue:))
            let n: Int = row["n"]
            let key = "\(region)|\(cat.rawValue)|\(acfic)|\(sector?.rawValue ?? "")"
            func add(_ map: inout [String: CoverageCell], _ cls: String?) {
                guard let cls, let c = CoverageClass(rawValue: cls) else { return }
                var cell = map[key] ?? CoverageCell(regionCode: region, category: cat, acfic: acfic, sector: sector, counts: CoverageCounts())
                cell.counts.add(c, n)
                map[key] = cell
            }
            add(&now, row["cls"])
            add(&prev, row["clsLast"])
        }
        return (Array(now.values), Array(prev.values))
    }
}
