import GRDB
import LiangxinModel

/// Columns the station register can be sorted by (nil sorts by region, then entry order).
public enum StationSort: Int, CaseIterable, Sendable {
    case name, region, status, month, year, last
}

/// What the station register shows: a text filter, one finding list, a region, and the order.
public struct StationQuery: Hashable, Sendable {
    /// Matched anywhere in the name, address, host unit, kind, status, services or the name of the region.
    public var text: String
    public var finding: StationFinding?
    /// Only stations under this region (code prefix).
    public var regionCode: String?
    public var sort: StationSort?
    public var ascending: Bool

    public init(text: String = "", finding: StationFinding? = nil, regionCode: String? = nil,
                sort: StationSort? = nil, ascending: Bool = true) {
        self.text = text; self.finding = finding; self.regionCode = regionCode; self.sort = sort; self.ascending = ascending
    }
}

/// One line of the register: the station and its activity as of a day.
public struct StationRow: Hashable, Sendable {
    public var station: Station
    public var activity: StationActivity
    public init(station: Station, activity: StationActivity) { self.station = station; self.activity = activity }
}

/// The register and finding lists are paged in SQL: a screenful of rows costs a screenful of work.
extension Store {
    /// How many stations the query lists, and how many of those are running.
    public func stationCounts(_ q: StationQuery, asOf: Day, settings: Settings) throws -> (total: Int, running: Int) {
        try read { db in
            let w = try StationQueries.whereClause(db, q, settings: settings)
            var args = StationQueries.args(asOf, settings)
            args.merge(w.args) { $1 }
            let r = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(\(StationSQL.running)), 0) AS r FROM station s WHERE \(w.sql)",
                                     arguments: StatementArguments(args))!
            return (r["n"], r["r"])
        }
    }

    /// Rows `offset ..< offset+limit` of the register in the query's order (`limit` < 0: all of them).
    public func stationRows(_ q: StationQuery, asOf: Day, settings: Settings, offset: Int, limit: Int) throws -> [StationRow] {
        try read { db in
            let w = try StationQueries.whereClause(db, q, settings: settings)
            var args = StationQueries.args(asOf, settings)
            args.merge(w.args) { $1 }
            args["limit"] = limit
            args["offset"] = max(0, offset)
            // Ids first (sorting needs only the sort key), then the activity of just those rows.
            let ids = try Int64.fetchAll(db, sql: """
                SELECT s.id FROM station s WHERE \(w.sql)
                ORDER BY \(StationQueries.orderBy(q.sort, q.ascending)) LIMIT :limit OFFSET :offset
                """, arguments: StatementArguments(args))
            return try StationQueries.rows(db, ids: ids, asOf: asOf, settings: settings)
        }
    }

    /// The index of a station in the register's order, or nil when the query leaves it out.
    public func stationPosition(id: Int64, _ q: StationQuery, asOf: Day, settings: Settings) throws -> Int? {
        try read { db in
            let w = try StationQueries.whereClause(db, q, settings: settings)
            var args = StationQueries.args(asOf, settings)
            args.merge(w.args) { $1 }
            let ids = try Int64.fetchAll(db, sql: "SELECT s.id FROM station s WHERE \(w.sql) ORDER BY \(StationQueries.orderBy(q.sort, q.ascending))",
                                         arguments: StatementArguments(args))
            return ids.firstIndex(of: id)
        }
    }

    public func stationRow(id: Int64, asOf: Day, settings: Settings) throws -> StationRow? {
        try read { db in try StationQueries.rows(db, ids: [id], asOf: asOf, settings: settings).first }
    }

    /// Services in each of the `count` months ending with the month of `asOf`, oldest first.
    public func stationTrailingMonths(id: Int64, asOf: Day, count: Int = 12) throws -> [Int] {
        let months = StationMetrics.trailingMonths(endingAt: asOf, count: count)
        let from = Day(year: months[0].year, month: months[0].month, day: 1)!
        return try read { db in
            var out = Array(repeating: 0, count: count)
            for r in try Row.fetchAll(db, sql: """
                SELECT substr(date, 1, 7) AS ym, SUM(count) AS n FROM station_log
                WHERE station_id = ? AND date >= ? AND date <= ? GROUP BY ym
                """, arguments: [id, from.description, asOf.description]) {
                let ym: String = r["ym"]
                if let i = months.firstIndex(where: { String(format: "%04d-%02d", $0.year, $0.month) == ym }) { out[i] = r["n"] }
            }
            return out
        }
    }

    /// A station's log entries, newest first.
    public func stationLogs(stationId: Int64, offset: Int, limit: Int) throws -> [StationLog] {
        try read { db in
            try StationLog.filter(Column("station_id") == stationId).order(Column("date").desc, Column("id").desc)
                .limit(limit, offset: max(0, offset)).fetchAll(db)
        }
    }

    public func stationLogCount(stationId: Int64) throws -> Int {
        try read { db in try StationLog.filter(Column("station_id") == stationId).fetchCount(db) }
    }

    /// Entries already logged for a station on a day (a second quick-log the same day is probably a slip).
    public func stationLogsOn(stationId: Int64, date: Day) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(count), 0) FROM station_log WHERE station_id = ? AND date = ?",
                             arguments: [stationId, date.description]) ?? 0
        }
    }

    /// Every station's services by month of `asOf`'s year up to `asOf` (for the report), keyed by station id.
    public func stationMonthly(regionCode: String?, asOf: Day) throws -> [Int64: [Int]] {
        try read { db in
            var out: [Int64: [Int]] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT l.station_id AS sid, CAST(substr(l.date, 6, 2) AS INTEGER) AS m, SUM(l.count) AS n
                FROM station_log l JOIN station s ON s.id = l.station_id
                WHERE l.date >= :from AND l.date <= :to AND (:scope IS NULL OR \(StationSQL.under(":scope")))
                GROUP BY sid, m
                """, arguments: ["from": asOf.startOfYear.description, "to": asOf.description, "scope": regionCode]) {
                let sid: Int64 = r["sid"], m: Int = r["m"]
                if (1...12).contains(m) { out[sid, default: Array(repeating: 0, count: 12)][m - 1] += r["n"] as Int }
            }
            return out
        }
    }
}

// MARK: findings

/// One line of the findings list.
public struct StationFindingRow: Hashable, Sendable {
    public var finding: StationFinding
    public var row: StationRow
}

extension Store {
    /// How many stations each finding lists (the query's text and region apply; its `finding` does not).
    public func stationFindingCounts(_ q: StationQuery, asOf: Day, settings: Settings) throws -> [StationFinding: Int] {
        try read { db in
            var base = q
            base.finding = nil
            let w = try StationQueries.whereClause(db, base, settings: settings)
            var args = StationQueries.args(asOf, settings)
            args.merge(w.args) { $1 }
            let sums = StationFinding.allCases.map { "COALESCE(SUM(\(StationSQL.finding($0, basic: settings.basicServices))), 0) AS \($0.rawValue)" }
            let r = try Row.fetchOne(db, sql: "SELECT \(sums.joined(separator: ", ")) FROM station s WHERE \(w.sql)",
                                     arguments: StatementArguments(args))!
            var out: [StationFinding: Int] = [:]
            for f in StationFinding.allCases { out[f] = r[f.rawValue] }
            return out
        }
    }

    /// The findings list, paged: idle stations first, then those missing a basic service, then those with no
    /// contact; a station with several findings appears once per finding. `q.finding` narrows it to one list.
    public func stationFindingRows(_ q: StationQuery, asOf: Day, settings: Settings, offset: Int, limit: Int) throws -> [StationFindingRow] {
        try read { db in
            var base = q
            base.finding = nil
            let w = try StationQueries.whereClause(db, base, settings: settings)
            var args = StationQueries.args(asOf, settings)
            args.merge(w.args) { $1 }
            args["limit"] = limit
            args["offset"] = max(0, offset)
            let kinds = q.finding.map { [$0] } ?? StationFinding.allCases
            let parts = kinds.map { f in
                "SELECT \(StationFinding.allCases.firstIndex(of: f)!) AS f, s.id AS id, s.region_code AS rc, s.name AS nm FROM station s WHERE \(w.sql) AND \(StationSQL.finding(f, basic: settings.basicServices))"
            }
            let pairs = try Row.fetchAll(db, sql: "\(parts.joined(separator: " UNION ALL ")) ORDER BY f, rc, nm, id LIMIT :limit OFFSET :offset",
                                         arguments: StatementArguments(args))
            let ids = pairs.map { $0["id"] as Int64 }
            let rows = Dictionary(try StationQueries.rows(db, ids: Array(Set(ids)), asOf: asOf, settings: settings).map { ($0.station.id!, $0) },
                                  uniquingKeysWith: { a, _ in a })
            return pairs.compactMap { p in
                let f = StationFinding.allCases[p["f"] as Int]
                return rows[p["id"] as Int64].map { StationFindingRow(finding: f, row: $0) }
            }
        }
    }
}

enum StationQueries {
    static func args(_ asOf: Day, _ settings: Settings) -> [String: (any DatabaseValueConvertible)?] {
        StationSQL.arguments(asOf: asOf, idleDays: settings.idleDays).mapValues { $0 }
    }

    /// The WHERE clause of a query (the station is `s`) and its arguments.
    static func whereClause(_ db: Database, _ q: StationQuery, settings: Settings) throws -> (sql: String, args: [String: (any DatabaseValueConvertible)?]) {
        var parts = ["1"]
        var args: [String: (any DatabaseValueConvertible)?] = [:]
        if let r = q.regionCode, !r.isEmpty {
            parts.append(StationSQL.under(":scope"))
            args["scope"] = r
        }
        let text = q.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            let pattern = StationSQL.containsPattern(text)
            args["q"] = pattern
            var any = ["s.name", "COALESCE(s.address, '')", "COALESCE(s.host_unit, '')", "s.kind", "s.status", "s.services"]
                .map { "\($0) LIKE :q ESCAPE '\\'" }
            // Regions by name (东湖区 finds every station under it): a few codes, matched as prefixes.
            let codes = try String.fetchAll(db, sql: "SELECT code FROM region WHERE name LIKE ? ESCAPE '\\' ORDER BY level LIMIT 50", arguments: [pattern])
            for (len, group) in Dictionary(grouping: codes, by: \.count) {
                let list = group.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ",")
                any.append("substr(s.region_code, 1, \(len)) IN (\(list))")
            }
            parts.append("(\(any.joined(separator: " OR ")))")
        }
        if let f = q.finding { parts.append(StationSQL.finding(f, basic: settings.basicServices)) }
        return (parts.joined(separator: " AND "), args)
    }

    static func orderBy(_ sort: StationSort?, _ ascending: Bool) -> String {
        let dir = ascending ? "ASC" : "DESC"
        switch sort {
        case nil: return "s.region_code \(dir), s.id \(dir)"
        case .name?: return "s.name \(dir), s.id"
        case .region?: return "s.region_code \(dir), s.name, s.id"
        case .status?:
            return "CASE s.status WHEN '\(StationStatus.running.rawValue)' THEN 0 WHEN '\(StationStatus.paused.rawValue)' THEN 1 ELSE 2 END \(dir), s.region_code, s.id"
        case .month?: return "\(StationSQL.month) \(dir), s.name, s.id"
        case .year?: return "\(StationSQL.year) \(dir), s.name, s.id"
        case .last?: return "COALESCE(\(StationSQL.last), '') \(dir), s.name, s.id"
        }
    }

    /// The stations with these ids and their activity, in the order of `ids`.
    static func rows(_ db: Database, ids: [Int64], asOf: Day, settings: Settings) throws -> [StationRow] {
        guard !ids.isEmpty else { return [] }
        let args = args(asOf, settings)
        let list = ids.map(String.init).joined(separator: ",")
        let found = try Row.fetchAll(db, sql: """
            SELECT s.*, \(StationSQL.month) AS act_month, \(StationSQL.year) AS act_year, \(StationSQL.last) AS act_last
            FROM station s WHERE s.id IN (\(list))
            """, arguments: StatementArguments(args))
        var byId: [Int64: StationRow] = [:]
        for r in found {
            let s = try Station(row: r)
            let last: String? = r["act_last"]
            byId[s.id!] = StationRow(station: s, activity: StationActivity(month: r["act_month"], year: r["act_year"], last: last.flatMap { Day($0) }))
        }
        return ids.compactMap { byId[$0] }
    }
}
