import GRDB
import LiangxinModel

// Column-by-column coding for the records written by the hundred thousand (units, audit rows). Codable with
// GRDB's snake-case strategy converts every key name on every row, which made a 100,000-unit import spend more
// than half its time renaming keys. These produce exactly the columns the Codable path does
// (RecordColumnsTests compares them), so the two can never drift apart unnoticed.

extension OrgUnit {
    public init(row r: Row) throws {
        self.init(id: r["id"], name: r["name"], creditCode: r["credit_code"], category: r["category"], industry: r["industry"],
                  regionCode: r["region_code"], address: r["address"], staff: r["staff"], fullMembers: r["full_members"],
                  probationaryMembers: r["probationary_members"], legalRepMember: r["legal_rep_member"],
                  acficMember: r["acfic_member"], sector: r["sector"], partyOrgId: r["party_org_id"],
                  orgSince: r["org_since"], instructorId: r["instructor_id"], instructorSince: r["instructor_since"],
                  reasonNotFormed: r["reason_not_formed"], plannedDate: r["planned_date"], registered: r["registered"],
                  status: r["status"], deregistered: r["deregistered"], version: r["version"])
        // Stored as written, even if it disagrees with the category (`check` reports that).
        kind = r["kind"]
    }

    public func encode(to c: inout PersistenceContainer) throws {
        c["id"] = id
        c["name"] = name
        c["credit_code"] = creditCode
        c["kind"] = kind
        c["category"] = category
        c["industry"] = industry
        c["region_code"] = regionCode
        c["address"] = address
        c["staff"] = staff
        c["full_members"] = fullMembers
        c["probationary_members"] = probationaryMembers
        c["legal_rep_member"] = legalRepMember
        c["acfic_member"] = acficMember
        c["sector"] = sector
        c["party_org_id"] = partyOrgId
        c["org_since"] = orgSince
        c["instructor_id"] = instructorId
        c["instructor_since"] = instructorSince
        c["reason_not_formed"] = reasonNotFormed
        c["planned_date"] = plannedDate
        c["registered"] = registered
        c["status"] = status
        c["deregistered"] = deregistered
        c["version"] = version
    }
}

extension AuditEntry {
    public func encode(to c: inout PersistenceContainer) throws {
        c["id"] = id
        c["at"] = at
        c["actor"] = actor
        c["entity"] = entity
        c["entity_id"] = entityId
        c["action"] = action
        c["before"] = before
        c["after"] = after
        c["source"] = source
    }
}
