import Foundation
import GRDB
import LiangxinModel

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case notSQLite(path: String)
    case notLiangxin(path: String)
    case newerSchema(path: String, found: String)
    case cannotCreate(path: String, reason: String)
    case concurrentEdit(entity: String, id: Int64, caption: String)
    case notFound(entity: String, id: Int64)
    case refused(String)

    public var description: String {
        switch self {
        case .notSQLite(let p):
            return "\(p): 不是SQLite数据库文件，未做任何修改 (not an SQLite database; nothing was changed)"
        case .notLiangxin(let p):
            return "\(p): 不是两新党建看板的数据库，未做任何修改 (not a Liangxin database; nothing was changed)"
        case .newerSchema(let p, let found):
            return "\(p): 数据库由更新版本的程序创建（\(found)），请升级后再打开；未做任何修改 (made by a newer Liangxin; nothing was changed)"
        case .cannotCreate(let p, let r):
            return "\(p): 无法创建数据库：\(r) (cannot create the database)"
        case .concurrentEdit(let e, let id, let c):
            return "“\(c)”已被他人修改（\(e) #\(id)），本次保存未写入；请重新打开后再改 (changed by someone else since you opened it; not saved)"
        case .notFound(let e, let id):
            return "\(e) #\(id) 不存在 (not found)"
        case .refused(let m):
            return m
        }
    }
}

/// The local file store: one SQLite file in WAL mode, so several staff on one server can read while one writes.
public final class Store: Sendable {
    public let path: String
    public let pool: DatabasePool

    /// `--db` wins, then `LIANGXIN_DB`, then `$XDG_DATA_HOME/liangxin/liangxin.sqlite` (else `~/.local/share/…`).
    public static func defaultPath(flag: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let f = flag, !f.isEmpty { return f }
        if let e = environment["LIANGXIN_DB"], !e.isEmpty { return e }
        let base: String
        if let x = environment["XDG_DATA_HOME"], !x.isEmpty { base = x }
        else { base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share" }
        return base + "/liangxin/liangxin.sqlite"
    }

    /// Opens (creating when missing) and migrates. A file that is not ours, or is newer, is refused untouched.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        if exists {
            try Store.checkExisting(path)
        } else {
            guard create else { throw StoreError.cannotCreate(path: path, reason: "文件不存在 (no such file)") }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !fm.fileExists(atPath: dir) {
                do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
                catch { throw StoreError.cannotCreate(path: path, reason: "\(error.localizedDescription)") }
            }
            // Created empty and owner-only before SQLite opens it, so the data is never readable by others.
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.cannotCreate(path: path, reason: "无法写入该目录 (directory not writable)")
            }
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "liangxin"
        pool = try DatabasePool(path: path, configuration: config)
        try Schema.migrator.migrate(pool)
        // A large write-ahead log left behind (a migration that built an index, a process that ended without closing)
        // makes every read look each page up in it: fold it into the file now. Other readers may hold it; then later.
        if let size = (try? fm.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int, size > 4 << 20 {
            _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        // WAL and SHM side files inherit the umask; keep them owner-only too.
        for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
            try? fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }

    /// Reads the header and schema without writing anything.
    static func checkExisting(_ path: String) throws {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotCreate(path: path, reason: "无法读取 (not readable)")
        }
        let head = h.readData(ofLength: 16)
        try? h.close()
        if head.isEmpty { return }   // an empty file is a new database
        guard head.count == 16, String(decoding: head, as: UTF8.self) == "SQLite format 3\u{0}" else {
            throw StoreError.notSQLite(path: path)
        }
        var config = Configuration()
        config.readonly = true
        let q: DatabaseQueue
        do { q = try DatabaseQueue(path: path, configuration: config) } catch { throw StoreError.notSQLite(path: path) }
        defer { try? q.close() }
        do {
            try q.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
                if tables.isEmpty { return }
                guard tables.contains("liangxin_meta") else { throw StoreError.notLiangxin(path: path) }
                let app = try String.fetchOne(db, sql: "SELECT value FROM liangxin_meta WHERE key='app'")
                guard app == "liangxin" else { throw StoreError.notLiangxin(path: path) }
                let v = try String.fetchOne(db, sql: "SELECT value FROM liangxin_meta WHERE key='schema_version'").flatMap { Int($0) } ?? 0
                if v > Schema.version { throw StoreError.newerSchema(path: path, found: "schema \(v)") }
                if try Schema.migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerSchema(path: path, found: "unknown migrations")
                }
            }
        } catch let e as StoreError { throw e }
        catch { throw StoreError.notSQLite(path: path) }
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T { try pool.read(body) }

    /// One write transaction; every change inside goes through the `Ledger`, which audits it.
    @discardableResult
    public func write<T>(source: String? = nil, _ body: (Ledger) throws -> T) throws -> T {
        try pool.write { db in try body(Ledger(db: db, source: source)) }
    }

    /// Reverts the given audit rows, newest first, in one transaction (the undo of one save).
    public func undo(auditIds: [Int64]) throws {
        try write(source: "undo") { l in
            for id in auditIds.sorted(by: >) {
                guard let e = try AuditEntry.fetchOne(l.db, key: id) else { continue }
                try l.revert(e)
            }
        }
    }

    /// True when no ledger holds a row (the sample loader refuses to load on top of data unless forced).
    public func isEmpty() throws -> Bool {
        try read { db in
            for t in ["unit", "party_org", "instructor", "station", "training_session", "platform", "star_evaluation"] {
                if try Int.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM \(t))") == 1 { return false }
            }
            return true
        }
    }
}
