import Foundation
import GRDB
import SwiftCSV
import LiangxinModel

public struct ImportReport: Sendable {
    public var inserted: [LedgerKind: Int] = [:]
    public var problems: [ImportProblem] = []
    public var totalInserted: Int { inserted.values.reduce(0, +) }
}

public struct ImportFailed: Error, CustomStringConvertible {
    public var problems: [ImportProblem]
    public var description: String {
        let head = "导入失败：\(problems.count)处问题，未写入任何数据 (import failed; nothing was written)"
        return ([head] + problems.prefix(50).map { "  " + $0.description }
                + (problems.count > 50 ? ["  …另有\(problems.count - 50)处"] : [])).joined(separator: "\n")
    }
}

/// Reads CSV text: UTF-8 with or without BOM. (Other encodings arrive with the import command.)
public enum CSVText {
    public static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportProblem(file: path, row: 0, column: nil, reason: "无法读取文件 (cannot read)")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw ImportProblem(file: path, row: 0, column: nil, reason: "不是UTF-8编码 (not UTF-8)")
        }
        return s
    }

    /// Header and rows; the row numbers reported are spreadsheet rows (header = 1).
    public static func parse(_ text: String, file: String) throws -> (header: [String], rows: [[String]]) {
        do {
            let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
            return (csv.header.map { $0.trimmingCharacters(in: .whitespaces) }, csv.rows)
        } catch {
            throw ImportProblem(file: file, row: 0, column: nil, reason: "CSV格式错误：\(error)")
        }
    }
}

/// Loads a whole set of ledgers (a folder of `LedgerKind.fileName` files, as in `sample-data/`) in one transaction.
/// Any bad row anywhere and nothing is written.
public enum CSVSet {
    public static func load(directory: String, into store: Store, today: Day, force: Bool = false) throws -> ImportReport {
        if !force, try !store.isEmpty() {
            throw StoreError.refused("数据库已有数据，未导入；如确需覆盖请加 --force (the database already holds data; use --force)")
        }
        var report = ImportReport()
        var tables: [LedgerKind: (file: String, header: [String], rows: [[String]])] = [:]
        for kind in LedgerKind.allCases {
            let path = (directory as NSString).appendingPathComponent(kind.fileName)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let t = try CSVText.parse(try CSVText.read(path), file: kind.fileName)
            let unknown = t.header.filter { !kind.columns.contains($0) }
            if !unknown.isEmpty {
                report.problems.append(ImportProblem(file: kind.fileName, row: 1, column: nil,
                                                     reason: "未知列：\(unknown.joined(separator: "、")) (unknown columns)"))
            }
            tables[kind] = (kind.fileName, t.header, t.rows)
        }
        if !report.problems.isEmpty { throw ImportFailed(problems: report.problems) }

        try store.pool.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            if force { try wipe(db) }
            var loader = SetLoader(db: db, today: today)
            for kind in LedgerKind.allCases {
                guard let t = tables[kind] else { continue }
                let n = try loader.load(kind, file: t.file, header: t.header, rows: t.rows)
                report.inserted[kind] = n
            }
            loader.finish()
            if !loader.problems.isEmpty { throw ImportFailed(problems: loader.problems) }
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if !fk.isEmpty {
                let problems = fk.prefix(50).map { r in
                    ImportProblem(file: "\(r["table"] as String? ?? "?").csv", row: 0, column: r["parent"],
                                  reason: "编号\(r["rowid"] as Int64? ?? 0)引用了不存在的\(r["parent"] as String? ?? "")记录")
                }
                throw ImportFailed(problems: Array(problems))
            }
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

/// Decodes, validates and inserts the rows of one set, remembering what later files refer to.
struct SetLoader {
    let db: Database
    let today: Day
    var problems: [ImportProblem] = []
    var creditCodes: [String: String] = [:]
    var sessions: [Int64: (row: Int, file: String, session: TrainingSession)] = [:]
    var named: [Int64: Int] = [:]
    var rubricIds: [Int: Int64] = [:]

    init(db: Database, today: Day) { self.db = db; self.today = today }

    mutating func load(_ kind: LedgerKind, file: String, header: [String], rows: [[String]]) throws -> Int {
        var index: [String: Int] = [:]
        for (i, h) in header.enumerated() { index[h] = i }
        let ledger = Ledger(db: db, source: file)
        var count = 0
        for (i, cells) in rows.enumerated() {
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var r = RowReader(file: file, line: i + 2, index: index, cells: cells)
            let issues: [ValidationIssue]
            switch kind {
            case .regions:
                let v = RowDecoders.region(&r)
                if r.problems.isEmpty { try ledger.insertRegion(v) }
                issues = []
            case .instructors:
                var v = RowDecoders.instructor(&r)
                issues = Validate.instructor(v)
                if r.problems.isEmpty && issues.errors.isEmpty { try ledger.insert(&v) }
            case .partyOrgs:
                var v = RowDecoders.partyOrg(&r)
                issues = Validate.partyOrg(v, coveredUnits: 0, today: today)
                if r.problems.isEmpty && issues.errors.isEmpty { try ledger.insert(&v) }
            case .units:
                var v = RowDecoders.unit(&r)
                let codes = creditCodes
                issues = Validate.unit(v, today: today, duplicateOf: { codes[$0] })
                if let c = v.creditCode { creditCodes[c] = v.name }
                if r.problems.isEmpty && issues.errors.isEmpty { try ledger.insert(&v) }
            case .platforms:
                var v = RowDecoders.platform(&r)
                issues = []
                if r.problems.isEmpty { try ledger.insert(&v) }
            case .surveys:
                var v = RowDecoders.survey(&r)
                issues = Validate.survey(v, today: today)
                if r.problems.isEmpty && issues.errors.isEmpty { try ledger.insert(&v) }
            case .activities:
                var v = RowDecoders.activity(&r)
                issues = Validate.activity(v, today: today)
                if r.problems.isEmpty && issues.errors.isEmpty { try ledger.insert(&v) }
            case .stations:
                var v = RowDecoders.station(&r)
                issues = Validate.station(v, today: today)
                if r.problems.isEmpty && issues.errors.isEmpty { try ledger.insert(&v) }
            case .stationLogs:
                var v = RowDecoders.stationLog(&r)
                issues = Validate.stationLog(v, today: today)
                if r.problems.isEmpty && issues.errors.isEmpty { try ledger.insert(&v) }
            case .trainingSessions:
                var v = RowDecoders.trainingSession(&r)
                // 人次 against the named attendees is checked once the attendance file is read.
                issues = Validate.trainingSession(v, namedAttendees: 0, today: today)
                if r.problems.isEmpty && issues.errors.isEmpty {
                    try ledger.insert(&v)
                    sessions[v.id!] = (i + 2, file, v)
                }
            case .attendance:
                var v = RowDecoders.attendance(&r)
                issues = v.headCount < 0 ? [ValidationIssue("headCount", zh: "人数：不能为负数", en: "Head count: negative")] : []
                // 人次 may not be fewer than everyone registered (TrainingAttendance.registered): names and head counts.
                named[v.sessionId, default: 0] += max(0, v.headCount)
                if r.problems.isEmpty && issues.errors.isEmpty { try ledger.insert(&v) }
            case .starEvaluations:
                var v = RowDecoders.starEvaluation(&r)
                v.rubricId = try rubricId(for: v.year)
                issues = (1...5).contains(v.appliedStar) || v.appliedStar == 0 ? [] :
                    [ValidationIssue("appliedStar", zh: "申报星级：应为1–5", en: "Applied star: must be 1–5")]
                if r.problems.isEmpty && issues.errors.isEmpty { try ledger.insert(&v) }
            }
            problems += r.problems
            for e in issues.errors {
                problems.append(ImportProblem(file: file, row: i + 2, column: SetLoader.column(e.field), reason: e.zh))
            }
            if r.problems.isEmpty && issues.errors.isEmpty { count += 1 }
        }
        return count
    }

    /// Checks that needed every file read.
    mutating func finish() {
        for (id, s) in sessions.sorted(by: { $0.key < $1.key }) {
            let n = named[id] ?? 0
            for e in Validate.trainingSession(s.session, namedAttendees: n, today: today).errors where e.field == "personTimes" {
                problems.append(ImportProblem(file: s.file, row: s.row, column: "person_times", reason: e.zh))
            }
        }
    }

    /// Evaluations of a year are scored against that year's rubric; the default one is stored when none exists.
    mutating func rubricId(for year: Int) throws -> Int64 {
        if let id = rubricIds[year] { return id }
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM rubric WHERE year = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1", arguments: [year]) {
            rubricIds[year] = id
            return id
        }
        let id = try RubricStore.insert(Rubric.standard(year: year), db: db)
        rubricIds[year] = id
        return id
    }

    /// A model field name (`creditCode`) as its CSV column (`credit_code`).
    static func column(_ field: String) -> String {
        var out = ""
        for ch in field {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
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
