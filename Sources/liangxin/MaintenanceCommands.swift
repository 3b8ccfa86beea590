import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to FILE with SQLite's online backup (safe while others are writing).")

    @Argument(help: "The backup file to create (must not exist).") var file: String
    @OptionGroup var dbOptions: DBOptions

    func run() throws {
        let store = try dbOptions.open(create: false)
        do {
            let info = try store.backup(to: file)
            print("已备份 (backed up) \(store.path) → \(info.path)")
            print("  \(info.bytes) 字节；单位 \(info.units)，党组织 \(info.partyOrgs)；完整性检查通过 (integrity ok)")
        } catch let e as StoreError { throw CLIError(e.description) }
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the database with a backup, after checking it; the replaced database is kept as a dated copy.")

    @Argument(help: "The backup file to restore.") var file: String
    @OptionGroup var dbOptions: DBOptions

    func run() throws {
        let target = Store.defaultPath(flag: dbOptions.db)
        do {
            let info = try Store.restore(from: file, to: target)
            print("已恢复 (restored) \(info.restoredFrom) → \(target)")
            if let c = info.replacedCopy { print("  原数据库已另存为 (the replaced database was kept as) \(c)") }
            print("  单位 \(info.units)，党组织 \(info.partyOrgs)；完整性检查通过 (integrity ok)")
        } catch let e as StoreError { throw CLIError(e.description) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the database: SQLite integrity and foreign keys, the domain's consistency rules, and every record against the entry forms' rules. Exit 1 when anything is found.")

    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "Show at most this many findings per rule (0 = all).") var limit: Int = 20

    func run() throws {
        let store = try dbOptions.open(create: false)
        let report = try store.check(today: try dbOptions.resolvedToday())
        print("检查 (check) \(store.path)")
        print("  完整性 (integrity_check): " + (report.integrity.isEmpty ? "ok" : "\(report.integrity.count)处问题"))
        for l in report.integrity.prefix(limit == 0 ? .max : limit) { print("    \(l)") }
        print("  外键 (foreign_key_check): " + (report.foreignKeys.isEmpty ? "ok" : "\(report.foreignKeys.count)处问题"))
        for f in report.foreignKeys.prefix(limit == 0 ? .max : limit) { print("    \(f.entity) #\(f.id)：\(f.message)") }
        let rules = Dictionary(grouping: report.findings, by: \.rule)
        print("  一致性 (consistency): " + (report.findings.isEmpty ? "ok" : "\(report.findings.count)处问题"))
        for rule in rules.keys.sorted() {
            let list = rules[rule]!
            print("    [\(rule)] \(list.count)")
            for f in list.prefix(limit == 0 ? .max : limit) { print("      \(f.entity) #\(f.id) “\(f.caption)”：\(f.message)") }
            if limit > 0 && list.count > limit { print("      …另有\(list.count - limit)处（--limit 0 显示全部）") }
        }
        if report.isClean {
            print("结果：未发现问题 (no problems found)")
        } else {
            print("结果：发现\(report.count)处问题 (\(report.count) problems found)")
            throw ExitCode(1)
        }
    }
}
