import GRDB
import LiangxinModel

/// Look-ups for pick lists: a few dozen matches by name (or code), never a whole table.
extension Store {
    public func searchRegions(_ text: String, limit: Int = 50) throws -> [Region] {
        try read { db in
            try Region.filter(sql: "name LIKE ? OR code LIKE ?", arguments: ["%\(text)%", "\(text)%"])
                .order(sql: "level, code").limit(limit).fetchAll(db)
        }
    }

    public func region(_ code: String) throws -> Region? {
        try read { db in try Region.fetchOne(db, key: code) }
    }

    public func regions() throws -> [Region] {
        // Decoded by hand: the Codable decoding of 3,445 regions took 13 ms of the coverage panel's load (issue 8).
        try read { db in
            var out: [Region] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT code, name, level, parent_code FROM region ORDER BY code")
            while let r = try rows.next() {
                guard let level = (r[2] as Int?).flatMap(RegionLevel.init(rawValue:)) else {
                    out.append(try Region(row: r))  // the record decoder's message for a damaged row
                    continue
                }
                out.append(Region(code: r[0], name: r[1], level: level, parentCode: r[3]))
            }
            return out
        }
    }

    public func searchPartyOrgs(_ text: String, activeOnly: Bool = true, limit: Int = 50) throws -> [PartyOrg] {
        try read { db in
            var q = PartyOrg.filter(sql: "name LIKE ? OR secretary_name LIKE ?", arguments: ["%\(text)%", "%\(text)%"])
            if activeOnly { q = q.filter(sql: "status <> ?", arguments: [OrgStatus.revoked.rawValue]) }
            return try q.order(sql: "name").limit(limit).fetchAll(db)
        }
    }

    public func searchInstructors(_ text: String, limit: Int = 50) throws -> [Instructor] {
        try read { db in
            try Instructor.filter(sql: "name LIKE ? OR employer LIKE ? OR phone LIKE ?", arguments: ["%\(text)%", "%\(text)%", "\(text)%"])
                .order(sql: "name").limit(limit).fetchAll(db)
        }
    }

    public func searchUnits(_ text: String, limit: Int = 50) throws -> [OrgUnit] {
        try read { db in
            try OrgUnit.filter(sql: "name LIKE ? OR credit_code LIKE ?", arguments: ["%\(text)%", "\(text.uppercased())%"])
                .order(sql: "name").limit(limit).fetchAll(db)
        }
    }

    public func fetch<R: LedgerRecord>(_ type: R.Type, id: Int64) throws -> R? {
        try read { db in try R.fetchOne(db, key: id) }
    }

    /// The name of whoever holds a credit code (for the duplicate check), excluding one unit.
    public func creditCodeHolder(_ code: String, except id: Int64?) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT name FROM unit WHERE credit_code = ? AND id IS NOT ?", arguments: [code, id])
        }
    }
}
