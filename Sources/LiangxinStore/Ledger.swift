import Foundation
import GRDB
import LiangxinModel

/// The single write path: every insert, update and delete of a ledger record goes through here and leaves an
/// audit row (who, when, entity, id, before, after) in the same transaction.
public struct Ledger {
    public let db: Database
    public let source: String?
    public let actor: String
    public let at: String
    /// The audit rows this transaction wrote, so the UI can undo exactly its own last change.
    public let written = AuditIds()

    public final class AuditIds: @unchecked Sendable {
        public internal(set) var ids: [Int64] = []
    }

    init(db: Database, source: String?) {
        self.db = db
        self.source = source
        self.actor = Ledger.osUser()
        self.at = Ledger.timestamp()
    }

    public static func osUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    public static func timestamp(_ date: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone.current
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ssXXX"
        return f.string(from: date)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func json<R: Encodable>(_ r: R) -> String {
        (try? String(decoding: encoder.encode(r), as: UTF8.self)) ?? "{}"
    }

    private func audit(_ entity: String, _ id: Int64, _ action: String, before: String?, after: String?) throws {
        var row = AuditEntry(id: nil, at: at, actor: actor, entity: entity, entityId: id, action: action,
                             before: before, after: after, source: source)
        try row.insert(db)
        written.ids.append(row.id!)
    }

    @discardableResult
    public func insert<R: LedgerRecord>(_ record: inout R) throws -> Int64 {
        try record.insert(db)
        let id = record.id!
        try audit(R.entity, id, "insert", before: nil, after: Ledger.json(record))
        return id
    }

    /// Saves a changed record. A versioned record must carry the version it was read at: if someone saved in
    /// between, the save is refused (`concurrentEdit`) and nothing is written.
    public func update<R: LedgerRecord>(_ record: inout R) throws {
        guard let id = record.id else { throw StoreError.notFound(entity: R.entity, id: 0) }
        guard let current = try R.fetchOne(db, key: id) else { throw StoreError.notFound(entity: R.entity, id: id) }
        if let v = record.recordVersion {
            guard current.recordVersion == v else {
                throw StoreError.concurrentEdit(entity: R.entity, id: id, caption: current.caption)
            }
            record.recordVersion = v + 1
        }
        let before = Ledger.json(current)
        let after = Ledger.json(record)
        if before == after { return }
        try record.update(db)
        try audit(R.entity, id, "update", before: before, after: after)
    }

    public func delete<R: LedgerRecord>(_ type: R.Type, id: Int64, expectedVersion: Int? = nil) throws {
        guard let current = try R.fetchOne(db, key: id) else { throw StoreError.notFound(entity: R.entity, id: id) }
        if let v = expectedVersion, current.recordVersion != v {
            throw StoreError.concurrentEdit(entity: R.entity, id: id, caption: current.caption)
        }
        _ = try R.deleteOne(db, key: id)
        try audit(R.entity, id, "delete", before: Ledger.json(current), after: nil)
    }

    /// Re-inserts a deleted record with its old id (undo of a delete), audited as an insert.
    public func restore<R: LedgerRecord>(_ record: R) throws {
        var r = record
        try r.insert(db)
        try audit(R.entity, r.id!, "restore", before: nil, after: Ledger.json(r))
    }

    /// Settings are audited too: a changed scope rule changes every figure.
    public func setSetting(_ key: String, _ value: String) throws {
        let before = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        if before == value { return }
        try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
        var row = AuditEntry(id: nil, at: at, actor: actor, entity: "setting:\(key)", entityId: 0, action: before == nil ? "insert" : "update",
                             before: before, after: value, source: source)
        try row.insert(db)
    }

    /// Regions are keyed by code; their audit rows carry the row id and name the code in `entity`.
    @discardableResult
    public func insertRegion(_ r: Region) throws -> Int64 {
        try r.insert(db)
        let id = db.lastInsertedRowID
        try audit("region:\(r.code)", id, "insert", before: nil, after: Ledger.json(r))
        return id
    }

    public func updateRegion(_ r: Region) throws {
        guard let current = try Region.fetchOne(db, key: r.code) else { throw StoreError.notFound(entity: "region:\(r.code)", id: 0) }
        let before = Ledger.json(current), after = Ledger.json(r)
        if before == after { return }
        try r.update(db)
        let id = try Int64.fetchOne(db, sql: "SELECT rowid FROM region WHERE code = ?", arguments: [r.code]) ?? 0
        try audit("region:\(r.code)", id, "update", before: before, after: after)
    }

    /// Reverses one audited change: an insert is deleted, an update put back, a delete restored. Refused when
    /// the record changed again since (someone else's later work is never silently thrown away).
    public func revert(_ entry: AuditEntry) throws {
        guard let reverter = Ledger.reverters[entry.entity] else {
            throw StoreError.refused("无法撤销“\(entry.entity)”的修改 (cannot undo this kind of change)")
        }
        try reverter(self, entry)
    }

    nonisolated(unsafe) static let reverters: [String: (Ledger, AuditEntry) throws -> Void] = {
        var m: [String: (Ledger, AuditEntry) throws -> Void] = [:]
        func add<R: LedgerRecord>(_ t: R.Type) { m[R.entity] = { l, e in try l.revert(t, e) } }
        add(OrgUnit.self); add(PartyOrg.self); add(Instructor.self); add(Platform.self); add(PlatformSurvey.self)
        add(OutreachActivity.self); add(Station.self); add(StationLog.self); add(TrainingSession.self)
        add(TrainingAttendance.self); add(StarEvaluation.self); add(StarEvent.self)
        return m
    }()

    private func revert<R: LedgerRecord>(_ type: R.Type, _ e: AuditEntry) throws {
        let dec = JSONDecoder()
        let current = try R.fetchOne(db, key: e.entityId)
        // The record still holds what this change wrote. The version counter is left out of the comparison: undoing
        // a later change of this session bumps it without changing the content, and must not block undoing an
        // earlier one (add a unit, then a joint branch for it, then `u` twice).
        func unchanged(_ c: R) -> Bool {
            guard let after = e.after, var written = try? dec.decode(R.self, from: Data(after.utf8)) else { return false }
            written.recordVersion = c.recordVersion
            return Ledger.json(written) == Ledger.json(c)
        }
        switch e.action {
        case "insert", "restore":
            guard let c = current else { return }
            guard unchanged(c) else { throw StoreError.concurrentEdit(entity: R.entity, id: e.entityId, caption: c.caption) }
            try delete(type, id: e.entityId)
        case "update":
            guard let c = current, let before = e.before else { throw StoreError.notFound(entity: R.entity, id: e.entityId) }
            guard unchanged(c) else { throw StoreError.concurrentEdit(entity: R.entity, id: e.entityId, caption: c.caption) }
            var old = try dec.decode(R.self, from: Data(before.utf8))
            old.recordVersion = c.recordVersion
            try update(&old)
        case "delete":
            guard current == nil, let before = e.before else {
                throw StoreError.refused("编号\(e.entityId)已重新使用，无法恢复 (the id is taken again)")
            }
            try restore(try dec.decode(R.self, from: Data(before.utf8)))
        default:
            throw StoreError.refused("未知的修改类型 \(e.action)")
        }
    }
}

extension Store {
    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func history(entity: String, id: Int64) throws -> [AuditEntry] {
        try read { db in
            try AuditEntry.filter(Column("entity") == entity && Column("entity_id") == id).order(Column("id")).fetchAll(db)
        }
    }
}
