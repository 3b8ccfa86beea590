/// Something in the ledgers that cannot all be true at once, with the record it concerns.
public struct ConsistencyFinding: Hashable, Sendable {
    public var rule: String
    /// The table of the record (`unit`, `party_org` …).
    public var entity: String
    public var id: Int64
    public var caption: String
    public var message: String

    public init(rule: String, entity: String, id: Int64, caption: String, message: String) {
        self.rule = rule; self.entity = entity; self.id = id; self.caption = caption; self.message = message
    }
}

/// The domain's consistency rules over whole ledgers (`liangxin check`). Each rule is a plain statement about
/// units and organizations; the store gathers the records and adds SQLite's own checks.
public enum Consistency {
    public static func check(units: [OrgUnit], orgs: [PartyOrg], today: Day) -> [ConsistencyFinding] {
        var out: [ConsistencyFinding] = []
        var byOrg: [Int64: [OrgUnit]] = [:]
        for u in units { if let o = u.partyOrgId { byOrg[o, default: []].append(u) } }
        let orgById = Dictionary(uniqueKeysWithValues: orgs.compactMap { o in o.id.map { ($0, o) } })

        for o in orgs {
            guard let id = o.id else { continue }
            func add(_ rule: String, _ message: String) {
                out.append(ConsistencyFinding(rule: rule, entity: "party_org", id: id, caption: o.name, message: message))
            }
            let covered = byOrg[id] ?? []
            if o.probationaryMembers > o.fullMembers {
                add("probationaryExceedsFull", "预备党员（\(o.probationaryMembers)）多于正式党员（\(o.fullMembers)）")
            }
            guard o.status.isActive else { continue }
            if o.formation == .joint && covered.isEmpty {
                add("jointWithoutUnits", "联合组建的党组织没有覆盖任何单位")
            }
            if o.formation == .independent && covered.count > 1 {
                add("ownCoversSeveral", "单独组建的党组织覆盖了\(covered.count)家单位（应为1家）")
            }
            if o.formation == .independent && covered.count == 1 {
                let u = covered[0]
                if u.fullMembers != o.fullMembers || u.probationaryMembers != o.probationaryMembers {
                    add("ownMembersDiffer", "党员数（正式\(o.fullMembers)、预备\(o.probationaryMembers)）与所在单位“\(u.name)”（正式\(u.fullMembers)、预备\(u.probationaryMembers)）不一致")
                }
            } else if o.formation != .embedded && !covered.isEmpty {
                let sum = covered.reduce(0) { $0 + $1.fullMembers }
                if sum > o.fullMembers {
                    add("unitMembersExceedOrg", "所覆盖的\(covered.count)家单位正式党员合计\(sum)人，多于党组织的\(o.fullMembers)人")
                }
            }
        }
        for u in units {
            guard let id = u.id, let oid = u.partyOrgId else { continue }
            func add(_ rule: String, _ message: String) {
                out.append(ConsistencyFinding(rule: rule, entity: "unit", id: id, caption: u.name, message: message))
            }
            guard let o = orgById[oid] else { continue }   // a missing organization is the foreign-key check's finding
            if u.isOperating(on: today) && !o.status.isActive {
                add("unitInRevokedOrg", "运营中单位所属党组织“\(o.name)”（#\(oid)）已撤销")
            }
            if o.status.isActive && o.formation == .independent, let r = u.reasonNotFormed {
                add("reasonButOwnOrg", "已单独建立党组织，却填有未建立原因“\(r.label)”")
            }
        }
        return out
    }
}
