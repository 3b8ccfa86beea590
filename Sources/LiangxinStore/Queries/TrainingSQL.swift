import GRDB
import LiangxinModel

/// A year's training figures and the year before, for the summary and `report training`.
public struct TrainingYearData: Sendable {
    public var year: Int
    /// The days the year's figures cover (to today for the current year).
    public var period: ClosedRange<Day>?
    public var now: TrainingBreakdown
    public var lastYear: TrainingBreakdown
}

/// The session ledger's sort keys, in the order `s` steps through them.
public enum TrainingSort: Int, CaseIterable, Sendable {
    case date, title, type, mode, organizer, audience, personTimes, hours

    var sql: String {
        switch self {
        case .date: return "date"
        case .title: return "title"
        case .type: return "type"
        case .mode: return "mode"
        case .organizer: return "COALESCE(organizer, '')"
        case .audience: return "COALESCE(audience, '')"
        case .personTimes: return "person_times"
        case .hours: return "hours"
        }
    }
}

/// One attendance row with the names a reader needs.
public struct AttendanceRow: Sendable, Hashable {
    public var attendance: TrainingAttendance
    public var orgName: String?
    public var orgSecretary: String?
}

extension Store {
    /// Totals by month, type and mode for `year` (to today when it is the current year) and the whole year before.
    public func trainingYear(_ year: Int, today: Day) throws -> TrainingYearData {
        try read { db in
            let period = TrainingRules.period(year: year, today: today)
            // A handful of distinct names: each parsed once (parsing trims and compares Unicode text).
            var types: [String: TrainingType?] = [:], modes: [String: TrainingMode?] = [:]
            func breakdown(_ y: Int, _ p: ClosedRange<Day>?) throws -> TrainingBreakdown {
                var b = TrainingBreakdown(year: y)
                guard let p else { return b }
                for r in try Row.fetchAll(db, sql: """
                    SELECT CAST(substr(date, 6, 2) AS INTEGER) AS m, type, mode, COUNT(*) AS n,
                           COALESCE(SUM(person_times), 0) AS pt, TOTAL(hours) AS h
                    FROM training_session WHERE date >= ? AND date <= ?
                    GROUP BY m, type, mode
                    """, arguments: [p.lowerBound.description, p.upperBound.description]) {
                    let t: String = r["type"], m: String = r["mode"]
                    if types[t] == nil { types[t] = .some(TrainingType.parse(t)) }
                    if modes[m] == nil { modes[m] = .some(TrainingMode.parse(m)) }
                    guard let type = types[t] ?? nil, let mode = modes[m] ?? nil else { continue }
                    b.add(month: r["m"], type: type, mode: mode, TrainingTotals(sessions: r["n"], personTimes: r["pt"], hours: r["h"]))
                }
                return b
            }
            let last = TrainingRules.period(year: year - 1, today: today)
            return TrainingYearData(year: year, period: period, now: try breakdown(year, period), lastYear: try breakdown(year - 1, last))
        }
    }

    /// The years a user may page through: from the first session's year (or this year) to this year.
    public func trainingYears(today: Day) throws -> ClosedRange<Int> {
        let first = try read { db in try String.fetchOne(db, sql: "SELECT MIN(date) FROM training_session") }
        let y = first.flatMap { Day($0)?.year } ?? today.year
        return min(y, today.year)...today.year
    }

    /// `WHERE` for the ledger's `/` filter: every word must appear in the date, title, type, mode, organizer or
    /// audience.
    static func sessionFilter(_ text: String) -> (sql: String, args: [String]) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        guard !words.isEmpty else { return ("1", []) }
        var parts: [String] = []
        var args: [String] = []
        for w in words {
            let esc = w.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            parts.append("(" + ["date", "title", "type", "mode", "organizer", "audience"].map { "\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
            args += Array(repeating: "%\(esc)%", count: 6)
        }
        return (parts.joined(separator: " AND "), args)
    }

    public func trainingSessionCount(filter: String) throws -> Int {
        let f = Store.sessionFilter(filter)
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_session WHERE \(f.sql)", arguments: StatementArguments(f.args)) ?? 0 }
    }

    /// One page of the ledger (all matching rows when `limit` is nil), ties broken by newest id.
    public func trainingSessions(filter: String, sort: TrainingSort, ascending: Bool, offset: Int = 0, limit: Int? = nil) throws -> [TrainingSession] {
        let f = Store.sessionFilter(filter)
        let dir = ascending ? "ASC" : "DESC"
        return try read { db in
            try TrainingSession.fetchAll(db, sql: """
                SELECT * FROM training_session WHERE \(f.sql)
                ORDER BY \(sort.sql) \(dir), id \(dir) LIMIT \(limit ?? -1) OFFSET \(max(0, offset))
                """, arguments: StatementArguments(f.args))
        }
    }

    /// A session's attendance: secretaries first, then committee members, members and the public; by organization.
    public func trainingAttendance(session id: Int64) throws -> [AttendanceRow] {
        let roleOrder = AttendeeRole.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, o.name AS org_name, o.secretary_name AS org_secretary
                FROM training_attendance a LEFT JOIN party_org o ON o.id = a.party_org_id
                WHERE a.session_id = ?
                ORDER BY CASE a.role \(roleOrder) ELSE 9 END, o.name IS NULL, o.name, a.person_name, a.id
                """, arguments: [id]).map { r in
                AttendanceRow(attendance: try TrainingAttendance(row: r), orgName: r["org_name"], orgSecretary: r["org_secretary"])
            }
        }
    }

    /// Changes to a session and to its attendance rows (deleted ones included), oldest first. The rows are found by
    /// id through the audit index; only delete entries are opened to see which session they belonged to (ids are
    /// never reused).
    public func trainingHistory(session id: Int64) throws -> [AuditEntry] {
        let own = try history(entity: TrainingSession.entity, id: id)
        let rows = try read { db in
            try AuditEntry.fetchAll(db, sql: """
                SELECT * FROM audit WHERE entity = :e AND entity_id IN (
                  SELECT id FROM training_attendance WHERE session_id = :s
                  UNION SELECT entity_id FROM audit WHERE entity = :e AND action = 'delete' AND json_extract(before, '$.sessionId') = :s)
                """, arguments: ["e": TrainingAttendance.entity, "s": id])
        }
        return (own + rows).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }
}
