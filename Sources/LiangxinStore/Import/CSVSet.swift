import Foundation
import GRDB
import LiangxinModel

public struct ImportReport: Sendable {
    public var inserted: [LedgerKind: Int] = [:]
    public var problems: [ImportProblem] = []
    public var totalInserted: Int { inserted.values.reduce(0, +) }
}

/// Loads a whole set of ledgers (a folder of `LedgerKind.fileName` files, as in `sample-data/`) in one transaction,
/// file by file in `LedgerKind` order through the same importer as `liangxin import`, so ids the files use to
/// refer to each other carry across. Any bad row anywhere and nothing is written.
public enum CSVSet {
    public static func load(directory: String, into store: Store, today: Day, force: Bool = false) throws -> ImportReport {
        if !force, try !store.isEmpty() {
            throw StoreError.refused("数据库已有数据，未导入；如确需覆盖请加 --force (the database already holds data; use --force)")
        }
        var report = ImportReport()
        var files: [(kind: LedgerKind, table: SourceTable, header: HeaderMatch)] = []
        for kind in LedgerKind.allCases {
            let path = (directory as NSString).appendingPathComponent(kind.fileName)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                var t = try SourceTable.read(path: path)
                t.file = kind.fileName
                let h = try HeaderMatcher.match(t, kind: kind, map: ColumnMap())
                var r = ImportResult(kind: kind, file: kind.fileName)
                ImportEngine.check(h, kind: kind, table: t, strict: true, result: &r)
                report.problems += r.fileProblems
                files.append((kind, t, h))
            } catch let p as ImportProblem {
                report.problems.append(ImportProblem(file: kind.fileName, row: p.row, column: p.column, reason: p.reason))
            }
        }
        if !report.problems.isEmpty { throw ImportFailed(problems: report.problems) }

        try store.pool.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            if force { try wipe(db) }
            let session = try ImportSession(db: db, today: today)
            var problems: [ImportProblem] = []
            for f in files {
                var r = ImportResult(kind: f.kind, file: f.kind.fileName)
                let ledger = Ledger(db: db, source: f.kind.fileName)
                try ImportEngine.run(f.kind.spec, table: f.table, header: f.header, session: session, ledger: ledger, result: &r, progress: nil)
                problems += r.bad.flatMap(\.problems)
                report.inserted[f.kind] = r.inserted
            }
            problems += try ImportEngine.foreignKeyProblems(db, file: directory)
            if !problems.isEmpty { throw ImportFailed(problems: problems) }
        }
        return report
    }

    static func wipe(_ db: Database) throws {
        for t in ["star_event", "star_evaluation", "rubric", "training_attendance", "training_session", "station_log", "station",
                  "outreach_activity", "platform_survey", "platform", "unit", "party_org", "instructor", "region"] {
            try db.execute(sql: "DELETE FROM \(t)")
        }
    }
}
