import Foundation
import GRDB
import LiangxinModel

/// The state one import transaction shares across its files: which ids exist (stored or just written), how the
/// ids of the files map to stored ids, the regions, and running totals some checks need.
final class ImportSession {
    let db: Database
    let today: Day
    var regions = RegionResolver()
    private var idSets: [LedgerKind: Set<Int64>] = [:]
    /// File id → stored id, for rows that matched a stored record under another id (or were given a new one).
    var idMap: [LedgerKind: [Int64: Int64]] = [:]
    private var registeredSums: [Int64: Int] = [:]
    private var rubricIds: [Int: Int64] = [:]

    init(db: Database, today: Day) throws {
        self.db = db
        self.today = today
        let rows = try Row.fetchAll(db, sql: "SELECT code, name, parent_code FROM region")
        for r in rows { regions.add(code: r["code"], name: r["name"], parent: r["parent_code"]) }
    }

    func ids(_ kind: LedgerKind) throws -> Set<Int64> {
        if let s = idSets[kind] { return s }
        let s = Set(try Int64.fetchAll(db, sql: kind == .regions ? "SELECT rowid FROM region" : "SELECT id FROM \(kind.table)"))
        idSets[kind] = s
        return s
    }

    func exists(_ kind: LedgerKind, _ id: Int64) throws -> Bool { try ids(kind).contains(id) }

    func added(_ kind: LedgerKind, _ id: Int64) throws {
        _ = try ids(kind)
        idSets[kind]!.insert(id)
    }

    /// A reference written in a file: an id this import re-numbered, else a stored id.
    func resolve(_ kind: LedgerKind, _ fileId: Int64) -> Int64 { idMap[kind]?[fileId] ?? fileId }

    /// Resolves and checks one reference; a missing target is a problem on that column.
    func reference(_ id: inout Int64?, to kind: LedgerKind, column: String, problems: inout [(String, String)]) throws {
        guard let f = id else { return }
        let r = resolve(kind, f)
        id = r
        if try !exists(kind, r) {
            problems.append((column, "编号\(f)的\(kind.label)不存在 (no \(kind.rawValue) #\(f))"))
        }
    }

    func reference(_ id: inout Int64, to kind: LedgerKind, column: String, problems: inout [(String, String)]) throws {
        var o: Int64? = id
        if id == 0 { return }   // missing: already reported as required
        try reference(&o, to: kind, column: column, problems: &problems)
        id = o!
    }

    /// People registered for a session (stored, plus what this import wrote): every attendance row's head count,
    /// named attendees and head-count rows alike — `TrainingAttendance.registered` in SQL.
    func registered(session: Int64) throws -> Int {
        if let n = registeredSums[session] { return n }
        let n = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(MAX(head_count, 0)), 0) FROM training_attendance WHERE session_id = ?",
                                 arguments: [session]) ?? 0
        registeredSums[session] = n
        return n
    }

    func addRegistered(session: Int64, _ delta: Int) throws {
        registeredSums[session] = try registered(session: session) + delta
    }

    /// Evaluations of a year are scored against that year's rubric; the default one is stored when none exists.
    func rubricId(for year: Int) throws -> Int64 {
        if let id = rubricIds[year] { return id }
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM rubric WHERE year = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1", arguments: [year]) {
            rubricIds[year] = id
            return id
        }
        let id = try RubricStore.insert(Rubric.standard(year: year), db: db)
        rubricIds[year] = id
        return id
    }
}

public enum RubricStore {
    static func insert(_ rubric: Rubric, db: Database) throws -> Int64 {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted]
        let body = String(decoding: try enc.encode(rubric), as: UTF8.self)
        try db.execute(sql: "INSERT INTO rubric(year, name, body, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [rubric.year, rubric.name, body, Ledger.timestamp()])
        return db.lastInsertedRowID
    }
}

/// A model field name (`creditCode`) as its CSV column (`credit_code`).
func columnName(_ field: String) -> String {
    var out = ""
    for ch in field {
        if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
    }
    return out
}
