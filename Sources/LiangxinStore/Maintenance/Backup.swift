import Foundation
import GRDB
import LiangxinModel

public struct BackupInfo: Sendable {
    public var path: String
    public var bytes: Int
    public var units: Int
    public var partyOrgs: Int
}

public struct RestoreInfo: Sendable {
    public var restoredFrom: String
    /// Where the database that was replaced now lives (nil when there was none).
    public var replacedCopy: String?
    public var units: Int
    public var partyOrgs: Int
}

extension Store {
    /// A consistent copy through SQLite's online backup, read inside one read transaction: writers carry on,
    /// the copy is the database as of one instant. Refuses to overwrite an existing file.
    @discardableResult
    public func backup(to path: String) throws -> BackupInfo {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            throw StoreError.refused("\(path): 文件已存在，未覆盖 (already exists; not overwritten)")
        }
        if URL(fileURLWithPath: path).standardizedFileURL == URL(fileURLWithPath: self.path).standardizedFileURL {
            throw StoreError.refused("备份文件不能是数据库本身 (the backup cannot be the database itself)")
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !fm.fileExists(atPath: dir) {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotCreate(path: path, reason: "无法写入该目录 (directory not writable)")
        }
        do {
            let dest = try DatabaseQueue(path: path)
            try pool.backup(to: dest)
            // A single self-contained file: no WAL beside it.
            try dest.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            try dest.close()
        } catch {
            try? fm.removeItem(atPath: path)
            throw StoreError.refused("\(path): 备份失败 (backup failed): \(error)")
        }
        let verified = try Store.verify(path)
        let size = ((try? fm.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        return BackupInfo(path: path, bytes: size, units: verified.units, partyOrgs: verified.orgs)
    }

    /// Checks a file is a Liangxin database of a schema this program opens and passes `integrity_check`,
    /// reading only. Returns a few counts to show.
    @discardableResult
    public static func verify(_ path: String) throws -> (units: Int, orgs: Int) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotCreate(path: path, reason: "文件不存在 (no such file)")
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        if size == 0 { throw StoreError.notLiangxin(path: path) }
        try checkExisting(path)
        var config = Configuration()
        config.readonly = true
        let q = try DatabaseQueue(path: path, configuration: config)
        defer { try? q.close() }
        return try q.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type='table'")
            guard tables.contains("liangxin_meta") else { throw StoreError.notLiangxin(path: path) }
            let result = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard result == ["ok"] else {
                throw StoreError.refused("\(path): 完整性检查未通过，未做任何替换 (integrity check failed): \(result.prefix(5).joined(separator: "; "))")
            }
            let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0
            let orgs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM party_org") ?? 0
            return (units, orgs)
        }
    }

    /// Replaces the database at `target` with the backup at `source`, after checking the backup. The replaced
    /// database is first copied (online backup) to `NAME-replaced-YYYYMMDD-HHMMSS.sqlite` beside it. The copy in
    /// goes through SQLite's backup API into the open database, so other users' connections see the restored
    /// data rather than a file swapped under them.
    public static func restore(from source: String, to target: String, now: Date = Date()) throws -> RestoreInfo {
        let fm = FileManager.default
        let src = URL(fileURLWithPath: source).standardizedFileURL, dst = URL(fileURLWithPath: target).standardizedFileURL
        if src == dst { throw StoreError.refused("要恢复的文件就是当前数据库 (the backup is the database itself)") }
        try verify(source)
        var replaced: String?
        let existed = fm.fileExists(atPath: target)
        let store = try Store(path: target)
        if existed {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.dateFormat = "yyyyMMdd-HHmmss"
            let base = dst.deletingPathExtension().path
            let ext = dst.pathExtension.isEmpty ? "sqlite" : dst.pathExtension
            var copy = "\(base)-replaced-\(f.string(from: now)).\(ext)"
            var n = 2
            while fm.fileExists(atPath: copy) { copy = "\(base)-replaced-\(f.string(from: now))-\(n).\(ext)"; n += 1 }
            try store.backup(to: copy)
            replaced = copy
        }
        var config = Configuration()
        config.readonly = true
        let from = try DatabaseQueue(path: source, configuration: config)
        do {
            try from.backup(to: store.pool)
            try from.close()
        } catch {
            throw StoreError.refused("恢复失败，原数据库未改变（副本见 \(replaced ?? "-")）(restore failed): \(error)")
        }
        // Bring an older schema up to date and check the result.
        _ = try Store(path: target)
        let after = try verify(target)
        return RestoreInfo(restoredFrom: source, replacedCopy: replaced, units: after.units, partyOrgs: after.orgs)
    }
}
