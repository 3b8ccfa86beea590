import GRDB
import LiangxinModel

/// The statistics forms' input aggregated inside SQLite: units in scope grouped by the attributes the two tables
/// ask about, so `StatisticsForms` gets a few hundred cells for any number of units. The bands mirror
/// `StatisticsForms.StaffBand`, `MemberBand` and `OwnOrgBucket`; `CoverageFormsTests` checks the tables built from
/// these cells equal those built by the model from whole records.
enum StatisticsSQL {
    static func cells(_ db: Database, scope: ScopeRule, today: Day, region: String?) throws -> [StatisticsForms.Cell] {
        let cls = CoverageSQL.classExpr(asOf: "NULL")
        let own = Findings.minMembersForOwnBranch
        var conds = [CoverageSQL.scopeExpr(scope, day: ":today"),
                     "u.kind IN ('\(UnitKind.enterprise.rawValue)', '\(UnitKind.social.rawValue)')"]
        var args: [String: DatabaseValueConvertible?] = ["today": today.description]
        if let r = region {
            conds.append(RegionSQL.under(":region", broad: try RegionSQL.isBroad(db, r)))
            args["region"] = r
        }
        // The org-type bucket is computed in the outer query so the class expression runs once per unit.
        let grouped = """
        SELECT category, sb, lr, a, cls, ob, mb, COUNT(*) AS n, SUM(has_ins) AS wi, SUM(staff) AS st, SUM(members) AS m,
               group_concat(DISTINCT CASE WHEN cls = 'joint' THEN org_id END) AS jo,
               group_concat(DISTINCT instructor_id) AS ins
        FROM (
          SELECT *, CASE WHEN cls = 'own' THEN CASE org_type WHEN '\(OrgType.committee.rawValue)' THEN 0
                                                             WHEN '\(OrgType.generalBranch.rawValue)' THEN 1 ELSE 2 END END AS ob
          FROM (
            SELECT u.category AS category,
                   CASE WHEN u.staff >= 100 THEN 2 WHEN u.staff >= 50 THEN 1 ELSE 0 END AS sb,
                   u.legal_rep_member AS lr, u.acfic_member AS a, \(cls) AS cls,
                   o.org_type AS org_type, u.party_org_id AS org_id,
                   CASE WHEN u.full_members >= \(own) THEN 2 WHEN u.full_members + u.probationary_members > 0 THEN 1 ELSE 0 END AS mb,
                   u.instructor_id IS NOT NULL AS has_ins, u.instructor_id AS instructor_id, u.staff AS staff,
                   u.full_members + u.probationary_members AS members
            FROM unit u LEFT JOIN party_org o ON o.id = u.party_org_id
            WHERE \(conds.joined(separator: " AND "))
          )
        )
        GROUP BY category, sb, lr, a, cls, ob, mb
        """
        func ids(_ s: String?) -> Set<Int64> { Set((s ?? "").split(separator: ",").compactMap { Int64($0) }) }
        var out: [StatisticsForms.Cell] = []
        for r in try Row.fetchAll(db, sql: grouped, arguments: StatementArguments(args)) {
            guard let cat = UnitCategory(rawValue: r["category"] as String),
                  let sb = StatisticsForms.StaffBand(rawValue: r["sb"]),
                  let c = CoverageClass(rawValue: r["cls"] as String),
                  let mb = StatisticsForms.MemberBand(rawValue: r["mb"]) else { continue }
            let ob = (r["ob"] as Int?).flatMap(StatisticsForms.OwnOrgBucket.init(rawValue:))
            out.append(StatisticsForms.Cell(category: cat, staffBand: sb, legalRepMember: r["lr"], acficMember: r["a"], coverage: c,
                                            ownBucket: ob, memberBand: mb, units: r["n"], withInstructor: r["wi"], staff: r["st"],
                                            members: r["m"], jointOrgIds: ids(r["jo"]), instructorIds: ids(r["ins"])))
        }
        return StatisticsForms.merge(out)
    }
}

extension Store {
    /// The statistics forms' cells for a region and everything below it (nil = everywhere), units in scope today.
    public func statisticsCells(scope: ScopeRule, today: Day, region: String? = nil) throws -> [StatisticsForms.Cell] {
        try read { db in try StatisticsSQL.cells(db, scope: scope, today: today, region: region) }
    }
}
