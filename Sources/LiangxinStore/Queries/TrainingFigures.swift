import GRDB
import LiangxinModel

/// The training panel's secretary facts in the lists' order, saved (`SavedFigures` of kind training) so a start
/// reads them instead of every secretary's attendance (issue 8: the training panel's first frame was 90–150 ms at
/// city scale). They hold for the day they were made: today bounds this year's period, who is active, and who is
/// overdue.
enum TrainingFigures {
    /// Another build with other rules for what counts must not read these. (Bump `format` when the tally's own logic
    /// changes: `Store.secretaryFacts`, `SecretaryTally`.)
    static let layout = "format=1;concentrated=" + SecretaryCoverage.concentratedTypes.map(\.rawValue).joined(separator: ",")
        + ";rotation=" + SecretaryCoverage.rotationType.rawValue

    static func key(year: Int) -> String { "year=\(year)" }

    static func save(_ db: Database, _ facts: [SecretaryFact], year: Int, today: Day, generation: Int64) throws -> Bool {
        try SavedFigures.save(db, .training, key: key(year: year), layout: layout, generation: generation, from: today,
                              until: { today.adding(days: 1) }, payload: { encode(facts) })
    }

    static func saved(_ db: Database, year: Int, today: Day) throws -> [SecretaryFact]? {
        guard let bytes = try SavedFigures.payload(db, .training, key: key(year: year), layout: layout, today: today) else { return nil }
        return try? decode(bytes)
    }

    // MARK: the payload

    static func encode(_ facts: [SecretaryFact]) -> [UInt8] {
        var w = PackedWriter()
        w.int(facts.count)
        for f in facts {
            w.int64(f.orgId)
            w.int((f.hasSecretary ? 1 : 0) | (f.inYear ? 2 : 0) | (f.activeToday ? 4 : 0)
                  | (f.appointed != nil ? 8 : 0) | (f.lastTraining != nil ? 16 : 0))
            // Days as days since 1970 (before it, negative).
            w.int(f.appointed?.ordinal ?? 0)
            w.int(f.lastTraining?.ordinal ?? 0)
            w.int(f.sessions); w.int(f.concentrated); w.int(f.rotations)
            w.int(Int(Int64(bitPattern: f.hours.bitPattern)))
        }
        return w.sealed
    }

    static func decode(_ bytes: [UInt8]) throws -> [SecretaryFact] {
        var r = try PackedReader(sealed: bytes)
        let n = try r.count(minBytes: 8)
        var out: [SecretaryFact] = []
        out.reserveCapacity(n)
        // Years 0001–9999 at most: a damaged number never reaches the calendar arithmetic.
        let days = -719_162..<2_932_897
        for _ in 0..<n {
            let id = try r.int64()
            let flags = try r.int(in: 0..<32)
            let appointedDay = try r.int(in: days), lastDay = try r.int(in: days)
            let appointed = flags & 8 != 0 ? Day(ordinal: appointedDay) : nil, last = flags & 16 != 0 ? Day(ordinal: lastDay) : nil
            let sessions = try r.int(in: 0..<Int.max), concentrated = try r.int(in: 0..<Int.max), rotations = try r.int(in: 0..<Int.max)
            let hours = Double(bitPattern: UInt64(bitPattern: Int64(try r.int())))
            out.append(SecretaryFact(orgId: id, appointed: appointed, hasSecretary: flags & 1 != 0, inYear: flags & 2 != 0,
                                     activeToday: flags & 4 != 0, sessions: sessions, hours: hours, concentrated: concentrated,
                                     rotations: rotations, lastTraining: last))
        }
        guard r.atEnd else { throw PackedReader.Damaged() }
        return out
    }
}

extension Store {
    /// The training panel's secretary figures for a year: the saved ones when they hold, else computed (with what
    /// to save: `saveFigures`, off the key thread). `useSaved: false` always computes.
    public func trainingFigures(year: Int, today: Day, useSaved: Bool = true) throws -> (figures: SecretaryFigures, unsaved: UnsavedFigures?) {
        try read { db in
            if useSaved, let facts = try TrainingFigures.saved(db, year: year, today: today) {
                return (SecretaryFigures(ordered: facts, year: year, today: today), nil)
            }
            let generation = try SavedFigures.generation(db, .training)
            let facts = try Store.inListOrder(db, Store.secretaryFacts(db, year: year, today: today))
            return (SecretaryFigures(ordered: facts, year: year, today: today),
                    UnsavedFigures(content: .training(facts, year: year), today: today, generation: generation))
        }
    }
}
