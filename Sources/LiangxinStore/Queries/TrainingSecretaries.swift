import GRDB
import LiangxinModel

extension Store {
    /// The panel's secretary coverage: counts and lists over facts without names (names are read per screenful
    /// with `secretaryLabels`). Issue 8: ~50 ms on 100,000 units, where every row read with its names took 180.
    public func secretaryFigures(year: Int, today: Day) throws -> SecretaryFigures {
        try read { db in
            SecretaryFigures(ordered: try Store.inListOrder(db, Store.secretaryFacts(db, year: year, today: today)), year: year, today: today)
        }
    }

    /// Per-secretary aggregates of every organization counted for `year` or active today, by organization id.
    /// Mirrors `SecretaryCoverage.aggregate` (same rows, same rules; tests compare them on the fixture, the sample
    /// city and a generated one).
    public func secretaryTraining(year: Int, today: Day) throws -> [SecretaryTraining] {
        try read { db in
            let facts = try Store.secretaryFacts(db, year: year, today: today)
            return zip(facts, try Store.secretaryLabels(db, alignedWith: facts.map(\.orgId))).map { SecretaryTraining($0, $1) }
        }
    }

    /// The coverage with every row named (reports). The rows come in the lists' order, so the model sorts nothing.
    public func secretaryCoverage(year: Int, today: Day) throws -> SecretaryCoverage {
        try read { db in
            let facts = try Store.inListOrder(db, Store.secretaryFacts(db, year: year, today: today))
            let rows = zip(facts, try Store.secretaryLabels(db, alignedWith: facts.map(\.orgId))).map { SecretaryTraining($0, $1) }
            return SecretaryCoverage(rows, year: year, today: today)
        }
    }

    /// The names of the given organizations (a screenful of a list), by id.
    public func secretaryLabels(ids: [Int64]) throws -> [Int64: SecretaryLabel] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var out: [Int64: SecretaryLabel] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT o.id, o.name, o.region_code, COALESCE(r.name, o.region_code), o.secretary_name
                FROM party_org o LEFT JOIN region r ON r.code = o.region_code
                WHERE o.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(ids)) {
                out[r[0]] = SecretaryLabel(orgName: r[1], regionCode: r[2], regionName: r[3], secretary: r[4])
            }
            return out
        }
    }

    /// The names of every organization in `facts`, position for position (to filter, sort by name or export).
    public func secretaryLabels(alignedWith facts: [SecretaryFact]) throws -> [SecretaryLabel] {
        try read { db in try Store.secretaryLabels(db, alignedWith: facts.map(\.orgId)) }
    }

    static func regionNames(_ db: Database) throws -> [String: String] {
        Dictionary(try Row.fetchAll(db, sql: "SELECT code, name FROM region").map { ($0[0] as String, $0[1] as String) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// One table scan; an organization missing from the table (deleted between two reads) gets an empty label.
    static func secretaryLabels(_ db: Database, alignedWith ids: [Int64]) throws -> [SecretaryLabel] {
        let names = try regionNames(db)
        let slots = IdSlots(ids)
        var out = Array(repeating: SecretaryLabel(orgName: "", regionCode: "", regionName: "", secretary: nil), count: ids.count)
        var region: (code: String, name: String)?
        let rows = try RawRows(db, sql: "SELECT id, name, region_code, secretary_name FROM party_org ORDER BY id")
        while try rows.next() {
            guard let i = slots[rows.int64(0)] else { continue }
            let code = rows.text(2) ?? ""
            // Neighbouring ids mostly share a region: one look-up (and one shared name) per change.
            if region?.code != code { region = (code, names[code] ?? code) }
            out[i] = SecretaryLabel(orgName: rows.text(1) ?? "", regionCode: code, regionName: region?.name ?? code, secretary: rows.text(3))
        }
        return out
    }

    /// `facts` (by id) rearranged into the lists' order: region code, organization name, id. The v2-training index
    /// holds exactly that order, so this reads ids from the index alone; reading the organizations themselves in
    /// that order fetches each row through the index (45 ms against 15 for the table in order at city scale).
    static func inListOrder(_ db: Database, _ facts: [SecretaryFact]) throws -> [SecretaryFact] {
        let slots = IdSlots(facts.map(\.orgId))
        var out: [SecretaryFact] = []
        out.reserveCapacity(facts.count)
        let ids = try RawRows(db, sql: "SELECT id FROM party_org ORDER BY region_code, name, id")
        while try ids.next() {
            if let i = slots[ids.int64(0)] { out.append(facts[i]) }
        }
        return out
    }
}
