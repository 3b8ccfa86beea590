import Foundation
import GRDB
import LiangxinModel

/// A stored rubric: the standard of one year as JSON. Changes go through the `Ledger` like any record, so an import
/// or a supersession leaves its audit rows.
public struct RubricRecord: Hashable, Sendable, LedgerRecord {
    public static let databaseTableName = "rubric"
    public var id: Int64?
    public var year: Int
    public var name: String
    public var body: String
    public var supersededBy: Int64?
    public var createdAt: String

    public var recordVersion: Int? { get { nil } set {} }
    public var caption: String { "\(year) \(name)" }

    public init(id: Int64? = nil, rubric: Rubric, createdAt: String) {
        self.id = id; year = rubric.year; name = rubric.name; body = RubricRecord.encode(rubric); supersededBy = nil
        self.createdAt = createdAt
    }

    static func encode(_ r: Rubric) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: (try? enc.encode(r)) ?? Data(), as: UTF8.self)
    }

    /// The rubric it holds; a body that no longer decodes is reported, never guessed.
    public func rubric() throws -> Rubric {
        do { return try JSONDecoder().decode(Rubric.self, from: Data(body.utf8)) }
        catch { throw StoreError.refused("评定标准 #\(id ?? 0)（\(year)）无法读取：\(error)") }
    }
}

/// What an import did.
public enum RubricImportOutcome: Equatable, Sendable {
    case added(id: Int64)
    case replaced(id: Int64)
    case superseded(old: Int64, new: Int64, repointed: Int)
    case unchanged(id: Int64)
}

extension Store {
    /// The rubric in force for a year: the newest one not superseded.
    public func currentRubric(year: Int) throws -> RubricRecord? {
        try read { db in try RubricQueries.current(db, year: year) }
    }

    public func rubricRecord(id: Int64) throws -> RubricRecord? {
        try read { db in try RubricRecord.fetchOne(db, key: id) }
    }

    public func rubricRecords() throws -> [RubricRecord] {
        try read { db in try RubricRecord.order(sql: "year, id").fetchAll(db) }
    }

    /// How many decided (授星 or 不予通过) evaluations a rubric was used for: such a rubric can only be superseded.
    public func decidedUses(rubricId: Int64) throws -> Int {
        try read { db in try RubricQueries.decidedUses(db, rubricId: rubricId) }
    }

    /// Stores a rubric for its year. Unused by decided evaluations, the current one is replaced in place; used, it is
    /// kept and superseded by the new one, and the year's pending applications move to the new standard.
    public func importRubric(_ rubric: Rubric, source: String) throws -> RubricImportOutcome {
        let problems = rubric.problems()
        if !problems.isEmpty { throw StoreError.refused(problems.joined(separator: "\n")) }
        return try write(source: source) { l in
            var new = RubricRecord(rubric: rubric, createdAt: l.at)
            guard var old = try RubricQueries.current(l.db, year: rubric.year) else {
                try l.insert(&new)
                return .added(id: new.id!)
            }
            if try old.rubric() == rubric { return .unchanged(id: old.id!) }
            if try RubricQueries.decidedUses(l.db, rubricId: old.id!) == 0 {
                old.name = new.name
                old.body = new.body
                try l.update(&old)
                return .replaced(id: old.id!)
            }
            try l.insert(&new)
            old.supersededBy = new.id
            try l.update(&old)
            var moved = 0
            let pending = try StarEvaluation.filter(sql: "rubric_id = ? AND stage NOT IN (?, ?)",
                                                    arguments: [old.id!, EvalStage.decided.rawValue, EvalStage.rejected.rawValue]).fetchAll(l.db)
            for var e in pending {
                e.rubricId = new.id
                try l.update(&e)
                moved += 1
            }
            return .superseded(old: old.id!, new: new.id!, repointed: moved)
        }
    }
}

enum RubricQueries {
    static func current(_ db: Database, year: Int) throws -> RubricRecord? {
        try RubricRecord.filter(sql: "year = ? AND superseded_by IS NULL", arguments: [year]).order(sql: "id DESC").fetchOne(db)
    }

    static func decidedUses(_ db: Database, rubricId: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM star_evaluation WHERE rubric_id = ? AND stage IN (?, ?)",
                         arguments: [rubricId, EvalStage.decided.rawValue, EvalStage.rejected.rawValue]) ?? 0
    }

    /// The rubric an evaluation is scored against: its own, else the year's current one, else the default standard.
    static func forEvaluation(_ db: Database, _ e: StarEvaluation) throws -> Rubric {
        if let id = e.rubricId, let r = try RubricRecord.fetchOne(db, key: id) { return try r.rubric() }
        if let r = try current(db, year: e.year) { return try r.rubric() }
        return Rubric.standard(year: e.year)
    }
}
