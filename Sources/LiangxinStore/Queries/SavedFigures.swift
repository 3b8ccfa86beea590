import Foundation
import GRDB
import LiangxinModel

/// Reading and saving figures kept in `saved_figures` (migration "v2-saved-figures"): a payload is read only at
/// the current generation of its kind, for a day it holds for, and saved only if no write to what it was made from
/// landed since.
enum SavedFigures {
    typealias Kind = SavedFiguresSchema.Kind

    static func generation(_ db: Database, _ kind: Kind) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT generation FROM figures_generation WHERE kind = ?", arguments: [kind.rawValue]) ?? -1
    }

    /// The payload saved for `key` and `layout` that holds today at the current generation, else nil.
    static func payload(_ db: Database, _ kind: Kind, key: String, layout: String, today: Day) throws -> [UInt8]? {
        let day = today.description
        guard let row = try Row.fetchOne(db, sql: """
            SELECT payload FROM saved_figures
            WHERE kind = ? AND key = ? AND layout = ?
              AND generation = (SELECT generation FROM figures_generation WHERE kind = ?)
              AND valid_from <= ? AND ? < valid_until
            """, arguments: [kind.rawValue, key, layout, kind.rawValue, day, day]),
              let data = row[0] as Data?
        else { return nil }
        return [UInt8](data)
    }

    /// Saves a payload made at `generation` for the days `from ..< until`; false (nothing saved) when the data
    /// changed since. `until` is worked out only when it will be saved (it may read the data).
    static func save(_ db: Database, _ kind: Kind, key: String, layout: String, generation: Int64, from: Day,
                     until: () throws -> Day, payload: () -> [UInt8]) throws -> Bool {
        guard try self.generation(db, kind) == generation else { return false }
        // What another build saved under another layout is never read by this one: replaced, not kept beside.
        try db.execute(sql: "DELETE FROM saved_figures WHERE kind = ? AND key = ? AND layout <> ?", arguments: [kind.rawValue, key, layout])
        try db.execute(sql: """
            INSERT OR REPLACE INTO saved_figures(kind, key, layout, generation, valid_from, valid_until, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [kind.rawValue, key, layout, generation, from.description, try until().description, Data(payload())])
        return true
    }
}

/// Figures a read had to compute because none saved held: `Store.saveFigures` keeps them for the next reader.
public struct UnsavedFigures: Sendable {
    enum Content: Sendable {
        case coverage(CoverageSQL.Scan, ScopeRule)
        case training([SecretaryFact], year: Int)
    }
    let content: Content
    let today: Day
    let generation: Int64

    /// The same for the same figures of the same data (two panels that computed them save them once).
    public var key: String {
        switch content {
        case .coverage(_, let scope): return "coverage|\(CoverageSummary.key(scope))|\(today)|\(generation)"
        case .training(_, let year): return "training|\(year)|\(today)|\(generation)"
        }
    }
}

extension Store {
    /// Keeps figures for the next reader. False when the data changed since they were made (nothing is saved).
    @discardableResult
    public func saveFigures(_ u: UnsavedFigures) throws -> Bool {
        try pool.write { db in
            switch u.content {
            case .coverage(let scan, let scope):
                return try CoverageSummary.save(db, scan, scope: scope, today: u.today, generation: u.generation)
            case .training(let facts, let year):
                return try TrainingFigures.save(db, facts, year: year, today: u.today, generation: u.generation)
            }
        }
    }

    /// Computes and saves what the first frames read: the coverage summary under the scope rule in the settings and
    /// this year's training figures (after an import or the generator, so the next start finds them).
    public func refreshSavedFigures(today: Day) throws {
        try refreshCoverageSummary(scope: try settings().scope, today: today)
        if let unsaved = try trainingFigures(year: today.year, today: today).unsaved { try saveFigures(unsaved) }
    }

    /// Drops every saved figure (the benchmark's cold start; saved figures are only ever copies of what the reads give).
    public func forgetSavedFigures() throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM saved_figures") }
    }
}
