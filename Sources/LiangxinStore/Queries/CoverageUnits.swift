import GRDB
import LiangxinModel

/// The five findings lists of the coverage panel, each a filter on the unit list. The predicates are the model's
/// (`Findings`); `FindingsSQL` mirrors them and `CoverageUnitsTests` keeps the two in step.
public enum UnitFinding: String, CaseIterable, Sendable {
    /// 应建未建: ≥3 正式党员 and no own organization.
    case shouldForm
    /// No organization and no instructor (盲区).
    case blindSpot
    /// Units of a joint branch that covers more than 5 units in scope.
    case jointTooWide
    /// Units of a 党支部 / 联合党支部 with more than 50 正式党员.
    case branchTooLarge
    /// 拟建日期 already past and still no organization.
    case plannedPassed
}

/// The columns the unit list sorts by.
public enum UnitSort: Int, CaseIterable, Sendable {
    case name, category, region, staff, members, coverage, partyOrg, instructor
}

/// What the unit list shows: a region, a category group, a finding, typed text, and an order.
public struct UnitQuery: Hashable, Sendable {
    /// The region in view: units in it or any region below it (nil = everywhere).
    public var region: String?
    public var group: CoverageGroup?
    public var finding: UnitFinding?
    /// Matches the name, the credit code, the party organization or the instructor.
    public var text: String
    public var sort: UnitSort
    public var ascending: Bool

    public init(region: String? = nil, group: CoverageGroup? = nil, finding: UnitFinding? = nil, text: String = "",
                sort: UnitSort = .name, ascending: Bool = true) {
        self.region = region; self.group = group; self.finding = finding; self.text = text
        self.sort = sort; self.ascending = ascending
    }
}

/// One row of the unit list.
public struct UnitRow: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var category: UnitCategory
    public var regionCode: String
    public var regionName: String
    public var staff: Int
    public var fullMembers: Int
    public var probationaryMembers: Int
    public var coverage: CoverageClass
    public var partyOrgId: Int64?
    public var partyOrgName: String?
    public var instructorId: Int64?
    public var instructorName: String?
    public var plannedDate: Day?
}

/// Everything the unit detail shows.
public struct UnitDetail: Sendable {
    public var unit: OrgUnit
    public var regionPath: String
    public var coverage: CoverageClass
    public var inScope: Bool
    public var partyOrg: PartyOrg?
    public var parentOrgName: String?
    /// The other units the same organization covers (a page of them) and how many there are in all.
    public var coCovered: [(id: Int64, name: String, regionName: String)]
    public var coCoveredTotal: Int
    public var instructor: Instructor?
    public var instructorUnits: Int
    public var history: [AuditEntry]
    public var findings: [UnitFinding]
}

/// The SQL of the findings predicates (mirrors `Findings`). Column names are parameters so the same predicates run
/// over `unit u LEFT JOIN party_org o` and over a materialized row set with the class computed once.
enum FindingsSQL {
    struct Cols {
        var fullMembers = "u.full_members", plannedDate = "u.planned_date", partyOrgId = "u.party_org_id"
        var orgId = "o.id", orgStatus = "o.status", orgType = "o.org_type", orgFull = "o.full_members"
        var cls: String
        /// The columns of `FindingsSQL.materialized`.
        static let x = Cols(fullMembers: "full_members", plannedDate: "planned_date", partyOrgId: "party_org_id", orgId: "org_id",
                            orgStatus: "org_status", orgType: "org_type", orgFull: "org_full", cls: "cls")
    }

    static func condition(_ f: UnitFinding, scope: ScopeRule, cls: String) -> String {
        condition(f, scope: scope, c: Cols(cls: "(\(cls))"))
    }

    static func condition(_ f: UnitFinding, scope: ScopeRule, c: Cols) -> String {
        switch f {
        case .shouldForm:
            return "(\(c.fullMembers) >= \(Findings.minMembersForOwnBranch) AND \(c.cls) <> 'own')"
        case .blindSpot:
            return "(\(c.cls) = 'uncovered')"
        case .jointTooWide:
            // A joint branch counts the units in scope it covers, wherever they are (evaluated once, not per row).
            return """
            (\(c.cls) = 'joint' AND \(c.partyOrgId) IN (
               SELECT u.party_org_id FROM unit u JOIN party_org o ON o.id = u.party_org_id
               WHERE o.formation = '\(Formation.joint.rawValue)' AND o.status <> '\(OrgStatus.revoked.rawValue)'
                 AND \(CoverageSQL.scopeExpr(scope, day: ":today"))
               GROUP BY u.party_org_id HAVING COUNT(*) > \(Findings.maxJointUnits)))
            """
        case .branchTooLarge:
            return """
            (\(c.orgId) IS NOT NULL AND \(c.orgStatus) <> '\(OrgStatus.revoked.rawValue)'
             AND \(c.orgType) IN ('\(OrgType.branch.rawValue)', '\(OrgType.jointBranch.rawValue)')
             AND \(c.orgFull) > \(Findings.maxBranchMembers))
            """
        case .plannedPassed:
            return "(\(c.plannedDate) IS NOT NULL AND \(c.plannedDate) < :today AND \(c.cls) IN ('workOnly', 'uncovered'))"
        }
    }
}

/// Region codes do not always nest by prefix (city 990100 holds district 990102), so "in a region" follows the
/// region table's parent links.
enum RegionSQL {
    /// `broad`: the region holds most units (a city), so a scan of the table beats one index lookup per unit.
    static func under(_ param: String, broad: Bool = false) -> String {
        """
        \(broad ? "+" : "")u.region_code IN (WITH RECURSIVE sub(code) AS (SELECT \(param) UNION SELECT r.code FROM region r JOIN sub ON r.parent_code = sub.code)
                          SELECT code FROM sub)
        """
    }

    static func isBroad(_ db: Database, _ code: String?) throws -> Bool {
        guard let code else { return true }
        let level = try Int.fetchOne(db, sql: "SELECT level FROM region WHERE code = ?", arguments: [code]) ?? RegionLevel.street.rawValue
        return level <= RegionLevel.city.rawValue
    }
}

/// Which units a category group holds, in SQL (mirrors `CoverageGroup.groups`).
enum GroupSQL {
    static func condition(_ g: CoverageGroup) -> String {
        switch g {
        case .all: return "1"
        case .acfic: return "(u.kind = '\(UnitKind.enterprise.rawValue)' AND u.acfic_member)"
        case .courierDeliveryRide:
            let s = Sector.allCases.filter(\.isCourierDeliveryRide).map { "'\($0.rawValue)'" }.joined(separator: ",")
            return "(u.sector IN (\(s)))"
        default:
            let cats = UnitCategory.allCases.filter { CoverageGroup.groups(category: $0, acfic: false, sector: nil).contains(g) }
            return "(u.category IN (\(cats.map { "'\($0.rawValue)'" }.joined(separator: ","))))"
        }
    }
}

enum UnitListSQL {
    static let classOrder = "CASE cls WHEN 'own' THEN 0 WHEN 'joint' THEN 1 WHEN 'industry' THEN 2 WHEN 'workOnly' THEN 3 ELSE 4 END"

    static func orderBy(_ s: UnitSort, ascending: Bool) -> String {
        let dir = ascending ? "ASC" : "DESC"
        let key: String
        switch s {
        case .name: key = "name"
        case .category: key = "category"
        case .region: key = "region_code"
        case .staff: key = "staff"
        case .members: key = "full_members"
        case .coverage: key = classOrder
        case .partyOrg: key = "org_name IS NULL, org_name"
        case .instructor: key = "instructor_name IS NULL, instructor_name"
        }
        // Ties keep a stable order so paging never repeats or skips a row.
        let parts = key.split(separator: ",").map { "\($0) \(dir)" }
        return (parts + ["name \(dir)", "id \(dir)"]).joined(separator: ", ")
    }

    /// The WHERE conditions over `unit u LEFT JOIN party_org o LEFT JOIN instructor i`, and their arguments.
    static func conditions(_ q: UnitQuery, scope: ScopeRule, broad: Bool, finding: Bool = true, text: Bool = true)
        -> (conds: [String], args: [String: DatabaseValueConvertible?]) {
        let cls = CoverageSQL.classExpr(asOf: "NULL")
        var conds = [CoverageSQL.scopeExpr(scope, day: ":today")]
        var args: [String: DatabaseValueConvertible?] = [:]
        if let r = q.region {
            conds.append(RegionSQL.under(":region", broad: broad))
            args["region"] = r
        }
        if let g = q.group, g != .all { conds.append(GroupSQL.condition(g)) }
        if finding, let f = q.finding { conds.append(FindingsSQL.condition(f, scope: scope, cls: cls)) }
        let t = q.text.trimmingCharacters(in: .whitespaces)
        if text && !t.isEmpty {
            conds.append("(u.name LIKE :like ESCAPE '\\' OR u.credit_code LIKE :codeLike ESCAPE '\\' OR o.name LIKE :like ESCAPE '\\' OR i.name LIKE :like ESCAPE '\\')")
            let esc = t.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            args["like"] = "%\(esc)%"
            args["codeLike"] = "\(esc.uppercased())%"
        }
        return (conds, args)
    }

    static func hasText(_ q: UnitQuery) -> Bool { !q.text.trimmingCharacters(in: .whitespaces).isEmpty }

    /// How many units match (only the joins the conditions need).
    static func count(_ q: UnitQuery, scope: ScopeRule, broad: Bool) -> (sql: String, args: [String: DatabaseValueConvertible?]) {
        let (conds, args) = conditions(q, scope: scope, broad: broad)
        let sql = """
        SELECT COUNT(*) FROM unit u LEFT JOIN party_org o ON o.id = u.party_org_id
        \(hasText(q) ? "LEFT JOIN instructor i ON i.id = u.instructor_id" : "")
        WHERE \(conds.joined(separator: "\n  AND "))
        """
        return (sql, args)
    }

    /// The units in scope matching the query, with their class and the names to show.
    static func base(_ q: UnitQuery, scope: ScopeRule, broad: Bool) -> (sql: String, args: [String: DatabaseValueConvertible?]) {
        let cls = CoverageSQL.classExpr(asOf: "NULL")
        let (conds, args) = conditions(q, scope: scope, broad: broad)
        let sql = """
        SELECT u.id AS id, u.name AS name, u.category AS category, u.region_code AS region_code,
               COALESCE(r.name, u.region_code) AS region_name, u.staff AS staff, u.full_members AS full_members,
               u.probationary_members AS probationary_members, \(cls) AS cls, u.party_org_id AS org_id, o.name AS org_name,
               u.instructor_id AS instructor_id, i.name AS instructor_name, u.planned_date AS planned_date
        FROM unit u
        LEFT JOIN party_org o ON o.id = u.party_org_id
        LEFT JOIN instructor i ON i.id = u.instructor_id
        LEFT JOIN region r ON r.code = u.region_code
        WHERE \(conds.joined(separator: "\n  AND "))
        """
        return (sql, args)
    }

    /// The columns the findings need, one row per unit in scope of the query, the class computed once.
    static func materialized(_ q: UnitQuery, scope: ScopeRule, broad: Bool) -> (sql: String, args: [String: DatabaseValueConvertible?]) {
        let (conds, args) = conditions(q, scope: scope, broad: broad, finding: false, text: false)
        let sql = """
        WITH x AS MATERIALIZED (
          SELECT u.id AS id, u.full_members AS full_members, u.planned_date AS planned_date, u.party_org_id AS party_org_id,
                 o.id AS org_id, o.status AS org_status, o.org_type AS org_type, o.full_members AS org_full,
                 \(CoverageSQL.classExpr(asOf: "NULL")) AS cls
          FROM unit u LEFT JOIN party_org o ON o.id = u.party_org_id
          WHERE \(conds.joined(separator: "\n    AND ")))
        """
        return (sql, args)
    }

    static func row(_ r: Row) -> UnitRow {
        UnitRow(id: r["id"], name: r["name"], category: UnitCategory(rawValue: r["category"] as String) ?? .privateEnterprise,
                regionCode: r["region_code"], regionName: r["region_name"], staff: r["staff"], fullMembers: r["full_members"],
                probationaryMembers: r["probationary_members"],
                coverage: CoverageClass(rawValue: r["cls"] as String) ?? .uncovered, partyOrgId: r["org_id"],
                partyOrgName: r["org_name"], instructorId: r["instructor_id"], instructorName: r["instructor_name"],
                plannedDate: (r["planned_date"] as String?).flatMap(Day.init))
    }
}

extension Store {
    /// Coverage cells of every region, now and as of the end of last year (roll them up with `CoverageRollup`).
    /// From the saved summary when it holds; a scan made here is not saved (reports leave the file as it was).
    public func coverageCells(scope: ScopeRule, today: Day) throws -> (now: [CoverageCell], lastYear: [CoverageCell]) {
        let s = try coverageScanByRegion(scope: scope, today: today).scan
        return (s.cells(lastYear: false), s.cells(lastYear: true))
    }

    /// What the coverage panel shows, from one scan of the units (or the saved summary of one): the counts of every
    /// region with everything below it (now and at the end of last year) and the findings of every region.
    /// `unsaved` is a fresh scan the caller may keep with `saveFigures` (off the key thread: it writes).
    public func coverageRollup(scope: ScopeRule, today: Day, tree: RegionTree, useSaved: Bool = true) throws
        -> (now: RegionCoverage, lastYear: RegionCoverage, findings: CoverageFindings, unsaved: UnsavedFigures?) {
        let (s, _, unsaved) = try coverageScanByRegion(scope: scope, today: today, useSaved: useSaved)
        let r = s.rollups(tree: tree)
        return (r.now, r.lastYear, CoverageFindings(byRegion: s.findings, jointTotals: s.jointUnits), unsaved)
    }

    /// How many units in scope each finding lists for a region, and for the two organization findings how many
    /// organizations are behind them. One scan, the class of each unit computed once.
    public func unitFindingCounts(scope: ScopeRule, today: Day, region: String? = nil) throws -> (units: [UnitFinding: Int], orgs: [UnitFinding: Int]) {
        try read { db in
            let broad = try RegionSQL.isBroad(db, region)
            var (sql, args) = UnitListSQL.materialized(UnitQuery(region: region), scope: scope, broad: broad)
            args["today"] = today.description
            let c = FindingsSQL.Cols.x
            let sums = UnitFinding.allCases.map { f in
                "COALESCE(SUM(\(FindingsSQL.condition(f, scope: scope, c: c))), 0) AS \(f.rawValue)"
            }
            let orgCounts = [UnitFinding.jointTooWide, .branchTooLarge].map { f in
                "COUNT(DISTINCT CASE WHEN \(FindingsSQL.condition(f, scope: scope, c: c)) THEN party_org_id END) AS \(f.rawValue)_orgs"
            }
            let row = try Row.fetchOne(db, sql: sql + "\nSELECT \((sums + orgCounts).joined(separator: ", ")) FROM x",
                                       arguments: StatementArguments(args))!
            var units: [UnitFinding: Int] = [:], orgs: [UnitFinding: Int] = [:]
            for f in UnitFinding.allCases { units[f] = row[f.rawValue] }
            orgs[.jointTooWide] = row["jointTooWide_orgs"]
            orgs[.branchTooLarge] = row["branchTooLarge_orgs"]
            return (units, orgs)
        }
    }

    /// How many units the list holds.
    public func unitCount(_ q: UnitQuery, scope: ScopeRule, today: Day) throws -> Int {
        try read { db in
            var (sql, args) = UnitListSQL.count(q, scope: scope, broad: try RegionSQL.isBroad(db, q.region))
            args["today"] = today.description
            return try Int.fetchOne(db, sql: sql, arguments: StatementArguments(args)) ?? 0
        }
    }

    /// Rows `offset ..< offset + limit` of the list in its order.
    public func unitRows(_ q: UnitQuery, scope: ScopeRule, today: Day, offset: Int, limit: Int) throws -> [UnitRow] {
        try read { db in
            var (base, args) = UnitListSQL.base(q, scope: scope, broad: try RegionSQL.isBroad(db, q.region))
            args["today"] = today.description
            args["limit"] = max(0, limit)
            args["offset"] = max(0, offset)
            return try Row.fetchAll(db, sql: "SELECT * FROM (\(base)) ORDER BY \(UnitListSQL.orderBy(q.sort, ascending: q.ascending)) LIMIT :limit OFFSET :offset",
                                    arguments: StatementArguments(args)).map(UnitListSQL.row)
        }
    }

    /// The ids of every row of the list in its order: one read per query, after which the list pages through
    /// `unitRows(ids:)` without sorting again (issue 8: every page read sorted all matching units, 80–90 ms).
    public func unitIds(_ q: UnitQuery, scope: ScopeRule, today: Day) throws -> [Int64] {
        try read { db in
            var (base, args) = UnitListSQL.base(q, scope: scope, broad: try RegionSQL.isBroad(db, q.region))
            args["today"] = today.description
            return try Int64.fetchAll(db, sql: "SELECT id FROM (\(base)) ORDER BY \(UnitListSQL.orderBy(q.sort, ascending: q.ascending))",
                                      arguments: StatementArguments(args))
        }
    }

    /// The rows of the given units, in the order of `ids` (units no longer there are left out).
    public func unitRows(ids: [Int64]) throws -> [UnitRow] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            let cls = CoverageSQL.classExpr(asOf: "NULL")
            let rows = try Row.fetchAll(db, sql: """
                SELECT u.id AS id, u.name AS name, u.category AS category, u.region_code AS region_code,
                       COALESCE(r.name, u.region_code) AS region_name, u.staff AS staff, u.full_members AS full_members,
                       u.probationary_members AS probationary_members, \(cls) AS cls, u.party_org_id AS org_id, o.name AS org_name,
                       u.instructor_id AS instructor_id, i.name AS instructor_name, u.planned_date AS planned_date
                FROM unit u
                LEFT JOIN party_org o ON o.id = u.party_org_id
                LEFT JOIN instructor i ON i.id = u.instructor_id
                LEFT JOIN region r ON r.code = u.region_code
                WHERE u.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(ids)).map(UnitListSQL.row)
            let byId = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return ids.compactMap { byId[$0] }
        }
    }

    /// One page of the unit list and the number of rows in all.
    public func unitPage(_ q: UnitQuery, scope: ScopeRule, today: Day, offset: Int, limit: Int) throws -> (rows: [UnitRow], total: Int) {
        (try unitRows(q, scope: scope, today: today, offset: offset, limit: limit), try unitCount(q, scope: scope, today: today))
    }

    /// Every row of the list in order (for export).
    public func unitRows(_ q: UnitQuery, scope: ScopeRule, today: Day) throws -> [UnitRow] {
        try unitRows(q, scope: scope, today: today, offset: 0, limit: Int(Int32.max))
    }

    /// A unit with its organization, the other units that organization covers, its instructor, and its history.
    public func unitDetail(id: Int64, scope: ScopeRule, today: Day, coCoveredLimit: Int = 50) throws -> UnitDetail? {
        try read { db in
            guard let u = try OrgUnit.fetchOne(db, key: id) else { return nil }
            let org = try u.partyOrgId.flatMap { try PartyOrg.fetchOne(db, key: $0) }
            let parent = try org?.parentId.flatMap { try String.fetchOne(db, sql: "SELECT name FROM party_org WHERE id = ?", arguments: [$0]) }
            var co: [(Int64, String, String)] = []
            var coTotal = 0
            if let oid = u.partyOrgId {
                coTotal = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit WHERE party_org_id = ? AND id <> ?", arguments: [oid, id]) ?? 0
                for r in try Row.fetchAll(db, sql: """
                    SELECT u.id, u.name, COALESCE(r.name, u.region_code) AS rn FROM unit u LEFT JOIN region r ON r.code = u.region_code
                    WHERE u.party_org_id = ? AND u.id <> ? ORDER BY u.name, u.id LIMIT ?
                    """, arguments: [oid, id, coCoveredLimit]) {
                    co.append((r["id"], r["name"], r["rn"]))
                }
            }
            let ins = try u.instructorId.flatMap { try Instructor.fetchOne(db, key: $0) }
            let insUnits = try u.instructorId.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit WHERE instructor_id = ?", arguments: [$0]) ?? 0 } ?? 0
            let history = try AuditEntry.filter(Column("entity") == OrgUnit.entity && Column("entity_id") == id).order(Column("id")).fetchAll(db)
            let regions = try Region.fetchAll(db, sql: """
                WITH RECURSIVE up(code, depth) AS (SELECT ?, 0 UNION SELECT r.parent_code, up.depth + 1 FROM region r JOIN up ON r.code = up.code
                                                   WHERE r.parent_code IS NOT NULL)
                SELECT region.* FROM region JOIN up ON up.code = region.code WHERE region.level >= ? ORDER BY up.depth DESC
                """, arguments: [u.regionCode, RegionLevel.city.rawValue])
            // The unit's findings by the model's own predicates; only "joint branch too wide" needs a count.
            var findings: [UnitFinding] = []
            if scope.includes(u, on: today) {
                if Findings.shouldFormButHasNot(u, org: org) { findings.append(.shouldForm) }
                if Findings.isBlindSpot(u, org: org) { findings.append(.blindSpot) }
                if let o = org, CoverageClass.classify(u, org: o) == .joint {
                    var (sql, args) = UnitListSQL.count(UnitQuery(), scope: scope, broad: true)
                    args["today"] = today.description
                    args["oid"] = o.id
                    let n = try Int.fetchOne(db, sql: sql + " AND u.party_org_id = :oid", arguments: StatementArguments(args)) ?? 0
                    if Findings.jointBranchTooWide(o, coveredUnits: n) { findings.append(.jointTooWide) }
                }
                if let o = org, Findings.branchTooLarge(o) { findings.append(.branchTooLarge) }
                if Findings.plannedDatePassed(u, org: org, today: today) { findings.append(.plannedPassed) }
            }
            return UnitDetail(unit: u, regionPath: regions.map(\.name).joined(separator: " › "),
                              coverage: CoverageClass.classify(u, org: org), inScope: scope.includes(u, on: today),
                              partyOrg: org, parentOrgName: parent, coCovered: co.map { (id: $0.0, name: $0.1, regionName: $0.2) },
                              coCoveredTotal: coTotal, instructor: ins, instructorUnits: insUnits, history: history,
                              findings: findings)
        }
    }

    /// Ids of the units an organization covers (for the form's covered-units field).
    public func unitIds(partyOrg id: Int64) throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE party_org_id = ? ORDER BY name, id", arguments: [id]) }
    }

    /// Ids of the units an instructor is linked to.
    public func unitIds(instructor id: Int64) throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE instructor_id = ? ORDER BY name, id", arguments: [id]) }
    }

    /// Why an organization cannot simply be deleted (records that would lose it without an audit row), or nil.
    public func partyOrgDeleteBlockers(_ id: Int64) throws -> [String] {
        try read { db in
            var out: [String] = []
            let checks: [(String, String, String)] = [
                ("SELECT COUNT(*) FROM party_org WHERE parent_id = ?", "下级党组织", "child organizations"),
                ("SELECT COUNT(*) FROM star_evaluation WHERE party_org_id = ?", "星级评定", "star evaluations"),
                ("SELECT COUNT(*) FROM training_attendance WHERE party_org_id = ?", "培训记录", "training records"),
                ("SELECT COUNT(*) FROM platform WHERE party_org_id = ?", "平台", "platforms"),
            ]
            for (sql, zh, en) in checks {
                let n = try Int.fetchOne(db, sql: sql, arguments: [id]) ?? 0
                if n > 0 { out.append("\(zh)\(n)条 (\(n) \(en))") }
            }
            return out
        }
    }
}

/// Links between units and the organization or instructor that covers them, changed the audited way (one update
/// per unit, in the caller's transaction), so a save of a joint branch and its units is one undoable change.
extension Ledger {
    /// Makes exactly `unitIds` point at the organization: units newly covered get `since`, units no longer picked
    /// lose the organization. Returns how many were added and removed.
    @discardableResult
    public func setCoveredUnits(partyOrg id: Int64, to unitIds: [Int64], since: Day) throws -> (added: Int, removed: Int) {
        try relink(column: "party_org_id", id: id, to: unitIds) { u, linked in
            u.partyOrgId = linked ? id : nil
            u.orgSince = linked ? since : nil
        }
    }

    /// Makes exactly `unitIds` linked to the instructor (newly linked units get `since`).
    @discardableResult
    public func setLinkedUnits(instructor id: Int64, to unitIds: [Int64], since: Day) throws -> (added: Int, removed: Int) {
        try relink(column: "instructor_id", id: id, to: unitIds) { u, linked in
            u.instructorId = linked ? id : nil
            u.instructorSince = linked ? since : nil
        }
    }

    /// The units whose `column` holds `id` become exactly `unitIds`, each change an audited update.
    private func relink(column: String, id: Int64, to unitIds: [Int64],
                        set: (inout OrgUnit, _ linked: Bool) -> Void) throws -> (added: Int, removed: Int) {
        let before = Set(try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE \(column) = ?", arguments: [id]))
        let after = Set(unitIds)
        for uid in after.subtracting(before).sorted() {
            guard var u = try OrgUnit.fetchOne(db, key: uid) else { throw StoreError.notFound(entity: OrgUnit.entity, id: uid) }
            set(&u, true)
            try update(&u)
        }
        for uid in before.subtracting(after).sorted() {
            guard var u = try OrgUnit.fetchOne(db, key: uid) else { continue }
            set(&u, false)
            try update(&u)
        }
        return (after.subtracting(before).count, before.subtracting(after).count)
    }

    /// Deletes an organization after unlinking its units through the ledger (the foreign key would clear them
    /// silently, leaving undo unable to put them back).
    public func deletePartyOrg(_ id: Int64, expectedVersion: Int?) throws {
        try setCoveredUnits(partyOrg: id, to: [], since: Day(year: 2000, month: 1, day: 1)!)
        try delete(PartyOrg.self, id: id, expectedVersion: expectedVersion)
    }

    /// Deletes an instructor after unlinking its units through the ledger.
    public func deleteInstructor(_ id: Int64, expectedVersion: Int?) throws {
        try setLinkedUnits(instructor: id, to: [], since: Day(year: 2000, month: 1, day: 1)!)
        try delete(Instructor.self, id: id, expectedVersion: expectedVersion)
    }
}

extension Store {
    /// Which other active organizations the given units belong to now (unit name, organization name), for the
    /// party organization form's warning.
    public func coverageOf(units ids: [Int64], except orgId: Int64?) throws -> [(unit: String, org: String)] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            let marks = ids.map { _ in "?" }.joined(separator: ",")
            var args = StatementArguments(ids)
            args += [orgId]
            return try Row.fetchAll(db, sql: """
                SELECT u.name AS u, o.name AS o FROM unit u JOIN party_org o ON o.id = u.party_org_id
                WHERE u.id IN (\(marks)) AND o.id IS NOT ? AND o.status <> '\(OrgStatus.revoked.rawValue)' ORDER BY u.name
                """, arguments: args).map { (unit: $0["u"], org: $0["o"]) }
        }
    }
}
