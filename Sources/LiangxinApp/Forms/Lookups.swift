import LiangxinModel
import LiangxinStore

/// The pick lists every ledger form shares: regions, party organizations, instructors, units.
@MainActor
public enum Lookups {
    public static func regions(_ store: Store) -> Lookup {
        Lookup(search: { q in
            ((try? store.searchRegions(q)) ?? []).map { ($0.code, "\($0.name)（\($0.level.label) \($0.code)）") }
        }, label: { code in
            (try? store.region(code)).flatMap { $0 }.map { $0.name }
        })
    }

    public static func partyOrgs(_ store: Store) -> Lookup {
        Lookup(search: { q in
            ((try? store.searchPartyOrgs(q)) ?? []).map { (String($0.id!), "\($0.name)（\($0.formation.label)）") }
        }, label: { id in
            Int64(id).flatMap { try? store.fetch(PartyOrg.self, id: $0) }.map(\.name)
        })
    }

    public static func instructors(_ store: Store) -> Lookup {
        Lookup(search: { q in
            ((try? store.searchInstructors(q)) ?? []).map { (String($0.id!), "\($0.name)（\($0.employer ?? "")）") }
        }, label: { id in
            Int64(id).flatMap { try? store.fetch(Instructor.self, id: $0) }.map(\.name)
        })
    }

    public static func units(_ store: Store) -> Lookup {
        Lookup(search: { q in
            ((try? store.searchUnits(q)) ?? []).map { (String($0.id!), $0.name) }
        }, label: { id in
            Int64(id).flatMap { try? store.fetch(OrgUnit.self, id: $0) }.map(\.name)
        })
    }
}
