import LiangxinModel
import LiangxinStore

/// Secretaries picked from a searchable list: the list is of active party organizations (found by organization or
/// secretary name), shown by their secretary, because a secretary's training is counted for the organization.
@MainActor
enum TrainingLookups {
    static func secretaries(_ store: Store, lang: Lang) -> Lookup {
        Lookup(search: { q in
            ((try? store.searchPartyOrgs(q)) ?? []).map { o in
                (String(o.id!), "\(TrainingFormat.secretary(o.secretaryName, lang)) · \(o.name)")
            }
        }, label: { id in
            Int64(id).flatMap { try? store.fetch(PartyOrg.self, id: $0) }.map { "\(TrainingFormat.secretary($0.secretaryName, lang))（\($0.name)）" }
        })
    }
}
