import GRDB
import LiangxinModel

/// One row of the survey ledger (摸排台账): a platform with its latest survey and covering branch.
public struct LedgerRow: Hashable, Sendable {
    public var platform: Platform
    public var regionName: String
    public var branch: PartyOrg?
    public var latest: PlatformSurvey?
    public var surveyCount: Int
    /// The model's findings for this row (`OutreachRules.findings`).
    public var findings: Set<OutreachFinding>
}

/// Sort columns of the ledger, in the order the panel's `s` steps through them.
public enum LedgerSort: Int, CaseIterable, Sendable {
    case name, sector, region, stations, workers, membersFound, pocketMembers, transferred, mobileMembers, branch, lastSurvey

    var sql: String {
        switch self {
        case .name: return "p.name"
        case .sector: return OutreachSQL.enumOrder("p.sector", Sector.self)
        case .region: return "p.region_code"
        case .stations: return "COALESCE(s.stations, -1)"
        case .workers: return "COALESCE(s.workers, -1)"
        case .membersFound: return "COALESCE(s.members_found, -1)"
        case .pocketMembers: return "COALESCE(s.pocket_members, -1)"
        case .transferred: return "COALESCE(s.members_transferred, -1)"
        case .mobileMembers: return "COALESCE(s.mobile_members, -1)"
        case .branch: return "COALESCE(o.name, '')"
        case .lastSurvey: return "COALESCE(s.survey_date, '')"
        }
    }
}

/// What the ledger list shows: a sector, a finding, typed text (platform, region or branch name), and the order.
public struct LedgerQuery: Hashable, Sendable {
    public var sector: Sector?
    public var finding: OutreachFinding?
    public var text: String
    public var sort: LedgerSort
    public var ascending: Bool

    public init(sector: Sector? = nil, finding: OutreachFinding? = nil, text: String = "", sort: LedgerSort = .sector, ascending: Bool = true) {
        self.sector = sector; self.finding = finding; self.text = text; self.sort = sort; self.ascending = ascending
    }
}

/// One activity with the names its ids point at.
public struct ActivityRow: Hashable, Sendable {
    public var activity: OutreachActivity
    public var platformName: String?
    public var regionName: String?

    public init(activity: OutreachActivity, platformName: String? = nil, regionName: String? = nil) {
        self.activity = activity; self.platformName = platformName; self.regionName = regionName
    }
}

public enum ActivitySort: Int, CaseIterable, Sendable {
    case date, sector, type, title, organizer, participants, peopleServed, items, volunteerTimes, award, awardPerson

    var sql: String {
        switch self {
        case .date: return "a.date"
        case .sector: return OutreachSQL.enumOrder("a.sector", Sector.self)
        case .type: return OutreachSQL.enumOrder("a.type", ActivityType.self)
        case .title: return "a.title"
        case .organizer: return "COALESCE(a.organizer, '')"
        case .participants: return "a.participants"
        case .peopleServed: return "a.people_served"
        case .items: return "a.items"
        case .volunteerTimes: return "a.volunteer_times"
        case .award: return "COALESCE(a.award, '')"
        case .awardPerson: return "COALESCE(a.award_person, '')"
        }
    }
}

public struct ActivityQuery: Hashable, Sendable {
    public var sector: Sector?
    public var type: ActivityType?
    public var platformId: Int64?
    /// Matches title, organizer, award, awardee or platform name.
    public var text: String
    public var sort: ActivitySort
    public var ascending: Bool

    public init(sector: Sector? = nil, type: ActivityType? = nil, platformId: Int64? = nil, text: String = "",
                sort: ActivitySort = .date, ascending: Bool = false) {
        self.sector = sector; self.type = type; self.platformId = platformId; self.text = text; self.sort = sort; self.ascending = ascending
    }
}

/// A platform with everything its detail screen shows except the (paged) activities.
public struct PlatformDetail: Sendable {
    public var platform: Platform
    public var regionPath: String
    public var branch: PartyOrg?
    /// Every survey, newest first: the ledger history.
    public var surveys: [PlatformSurvey]
    public var activityCount: Int
    public var findings: Set<OutreachFinding>
    public var latest: PlatformSurvey? { surveys.first }
}

extension Store {
    /// `today` is the day the ledger stands on (its latest surveys and the overdue cut-off); `branchAsOf` reads
    /// the branches as they were on a past day (nil = as they are now), as the summary does for a past year.
    private static func ledgerWhere(_ q: LedgerQuery, today: Day, months: Int, branchAsOf: Day?) -> (String, StatementArguments) {
        var parts: [String] = []
        var args: StatementArguments = ["asOf": today.description]
        if let s = q.sector { parts.append("p.sector = :sector"); args += ["sector": s.rawValue] }
        if let f = q.finding {
            parts.append(OutreachSQL.finding(f, cutoff: ":cutoff", past: ":past"))
            args += ["cutoff": OutreachRules.overdueBefore(today: today, months: months).description, "past": branchAsOf?.description]
        }
        let t = q.text.trimmingCharacters(in: .whitespaces)
        if !t.isEmpty {
            parts.append("(p.name LIKE :text ESCAPE '\\' OR r.name LIKE :text ESCAPE '\\' OR o.name LIKE :text ESCAPE '\\')")
            args += ["text": OutreachSQL.contains(t)]
        }
        return (parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND "), args)
    }

    private static let ledgerFrom = """
        FROM platform p
        \(OutreachSQL.latestJoin(asOf: ":asOf"))
        LEFT JOIN region r ON r.code = p.region_code
        """

    public func ledgerCount(_ q: LedgerQuery, today: Day, months: Int, branchAsOf: Day? = nil) throws -> Int {
        let (w, args) = Store.ledgerWhere(q, today: today, months: months, branchAsOf: branchAsOf)
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) \(Store.ledgerFrom) \(w)", arguments: args) ?? 0 }
    }

    /// One page of the ledger, sorted in SQL.
    public func ledgerPage(_ q: LedgerQuery, today: Day, months: Int, offset: Int, limit: Int, branchAsOf: Day? = nil) throws -> [LedgerRow] {
        let (w, args) = Store.ledgerWhere(q, today: today, months: months, branchAsOf: branchAsOf)
        let dir = q.ascending ? "ASC" : "DESC"
        let sql = """
            SELECT p.id AS pid, s.id AS sid, COALESCE(r.name, p.region_code) AS regionName,
                   (SELECT COUNT(*) FROM platform_survey c WHERE c.platform_id = p.id) AS surveys
            \(Store.ledgerFrom) \(w)
            ORDER BY \(q.sort.sql) \(dir), p.name \(dir), p.id \(dir)
            LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
            """
        return try read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: args)
            let pids = rows.map { $0["pid"] as Int64 }
            let sids = rows.compactMap { $0["sid"] as Int64? }
            let platforms = Dictionary(uniqueKeysWithValues: try Platform.fetchAll(db, keys: pids).map { ($0.id!, $0) })
            let surveys = Dictionary(uniqueKeysWithValues: try PlatformSurvey.fetchAll(db, keys: sids).map { ($0.id!, $0) })
            let orgIds = Set(platforms.values.compactMap(\.partyOrgId))
            let orgs = Dictionary(uniqueKeysWithValues: try PartyOrg.fetchAll(db, keys: Array(orgIds)).map { ($0.id!, $0) })
            return rows.compactMap { row -> LedgerRow? in
                guard let p = platforms[row["pid"]] else { return nil }
                let latest = (row["sid"] as Int64?).flatMap { surveys[$0] }
                let branch = p.partyOrgId.flatMap { orgs[$0] }
                return LedgerRow(platform: p, regionName: row["regionName"], branch: branch, latest: latest, surveyCount: row["surveys"],
                                 findings: OutreachRules.findings(latest: latest, branch: branch, today: today, months: months,
                                                                  asOf: branchAsOf))
            }
        }
    }

    private static func activityWhere(_ q: ActivityQuery) -> (String, StatementArguments) {
        var parts: [String] = []
        var args: StatementArguments = [:]
        if let s = q.sector { parts.append("a.sector = :sector"); args += ["sector": s.rawValue] }
        if let t = q.type { parts.append("a.type = :type"); args += ["type": t.rawValue] }
        if let p = q.platformId { parts.append("a.platform_id = :pid"); args += ["pid": p] }
        let t = q.text.trimmingCharacters(in: .whitespaces)
        if !t.isEmpty {
            parts.append("""
                (a.title LIKE :text ESCAPE '\\' OR a.organizer LIKE :text ESCAPE '\\' OR a.award LIKE :text ESCAPE '\\'
                 OR a.award_person LIKE :text ESCAPE '\\' OR pl.name LIKE :text ESCAPE '\\')
                """)
            args += ["text": OutreachSQL.contains(t)]
        }
        return (parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND "), args)
    }

    private static let activityFrom = """
        FROM outreach_activity a
        LEFT JOIN platform pl ON pl.id = a.platform_id
        LEFT JOIN region r ON r.code = a.region_code
        """

    public func activityCount(_ q: ActivityQuery) throws -> Int {
        let (w, args) = Store.activityWhere(q)
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) \(Store.activityFrom) \(w)", arguments: args) ?? 0 }
    }

    public func activityPage(_ q: ActivityQuery, offset: Int, limit: Int) throws -> [ActivityRow] {
        let (w, args) = Store.activityWhere(q)
        let dir = q.ascending ? "ASC" : "DESC"
        let sql = """
            SELECT a.*, pl.name AS platformName, r.name AS regionName
            \(Store.activityFrom) \(w)
            ORDER BY \(q.sort.sql) \(dir), a.date \(dir), a.id \(dir)
            LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                ActivityRow(activity: try OutreachActivity(row: row), platformName: row["platformName"], regionName: row["regionName"])
            }
        }
    }

    public func platformDetail(id: Int64, today: Day, months: Int) throws -> PlatformDetail? {
        try read { db in
            guard let p = try Platform.fetchOne(db, key: id) else { return nil }
            // The region and its ancestors, for "示例市 › 东湖区".
            let tree = RegionTree(try Region.fetchAll(db, sql: """
                WITH RECURSIVE up(code, name, level, parent_code) AS (
                  SELECT code, name, level, parent_code FROM region WHERE code = ?
                  UNION ALL SELECT r.code, r.name, r.level, r.parent_code FROM region r JOIN up ON r.code = up.parent_code)
                SELECT * FROM up
                """, arguments: [p.regionCode]))
            let branch = try p.partyOrgId.flatMap { try PartyOrg.fetchOne(db, key: $0) }
            let surveys = try PlatformSurvey.filter(Column("platform_id") == id)
                .order(Column("survey_date").desc, Column("id").desc).fetchAll(db)
            let count = try OutreachActivity.filter(Column("platform_id") == id).fetchCount(db)
            let latest = OutreachRules.latest(surveys, asOf: today)
            let path = tree.regions[p.regionCode] == nil ? p.regionCode : tree.path(p.regionCode)
            return PlatformDetail(platform: p, regionPath: path, branch: branch, surveys: surveys, activityCount: count,
                                  findings: OutreachRules.findings(latest: latest, branch: branch, today: today, months: months))
        }
    }

    /// The survey that holds a platform's current counts.
    public func latestSurvey(platformId: Int64, asOf: Day) throws -> PlatformSurvey? {
        try read { db in
            try PlatformSurvey.filter(sql: "platform_id = ? AND survey_date <= ?", arguments: [platformId, asOf.description])
                .order(Column("survey_date").desc, Column("id").desc).fetchOne(db)
        }
    }

    public func searchPlatforms(_ text: String, limit: Int = 50) throws -> [Platform] {
        try read { db in
            try Platform.filter(sql: "name LIKE ? ESCAPE '\\'", arguments: [OutreachSQL.contains(text)])
                .order(sql: "sector, name").limit(limit).fetchAll(db)
        }
    }

    /// Whether another platform already has this name (for the duplicate warning).
    public func platformNameExists(_ name: String, except id: Int64?) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM platform WHERE name = ? AND id IS NOT ?)", arguments: [name, id]) ?? false
        }
    }

    /// Every platform with a finding, for the findings lists (ids ascending).
    public func findingPlatformIds(_ f: OutreachFinding, today: Day, months: Int) throws -> [Int64] {
        let cutoff = OutreachRules.overdueBefore(today: today, months: months).description
        return try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT p.id FROM platform p \(OutreachSQL.latestJoin(asOf: ":asOf"))
                WHERE \(OutreachSQL.finding(f, cutoff: ":cutoff", past: "NULL")) ORDER BY p.id
                """, arguments: ["asOf": today.description, "cutoff": cutoff])
        }
    }
}

extension Ledger {
    /// Deletes a platform with its surveys, each one audited (SQLite's cascade would leave no audit row, and undo
    /// could not bring them back), and unlinks its activities through the ledger for the same reason.
    public func deletePlatform(_ p: Platform) throws {
        guard let id = p.id else { throw StoreError.notFound(entity: Platform.entity, id: 0) }
        for var a in try OutreachActivity.filter(Column("platform_id") == id).fetchAll(db) {
            a.platformId = nil
            try update(&a)
        }
        for sid in try Int64.fetchAll(db, sql: "SELECT id FROM platform_survey WHERE platform_id = ? ORDER BY id", arguments: [id]) {
            try delete(PlatformSurvey.self, id: sid)
        }
        try delete(Platform.self, id: id, expectedVersion: p.version)
    }
}
