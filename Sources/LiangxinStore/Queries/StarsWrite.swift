import GRDB
import LiangxinModel

extension Ledger {
    /// Writes what `StarWorkflow.apply` decided: the application, the organization's star, and the history event, each
    /// with its audit row, in the caller's transaction. Stale records are refused (`concurrentEdit`).
    @discardableResult
    public func record(_ t: StarTransition) throws -> StarEvent {
        if var e = t.evaluation { try update(&e) }
        if var o = t.org { try update(&o) }
        var ev = t.event
        try insert(&ev)
        return ev
    }

    /// Applies an action to fresh copies of the records (read in this transaction) and writes the result. The
    /// versions the caller saw must still be current, so a reviewer never overrides a colleague's decision unseen.
    @discardableResult
    public func star(_ action: StarAction, evaluation: StarEvaluation?, org: PartyOrg, rubric: Rubric?, comment: String?) throws -> StarEvent {
        if let e = evaluation, let id = e.id {
            guard let cur = try StarEvaluation.fetchOne(db, key: id) else { throw StoreError.notFound(entity: StarEvaluation.entity, id: id) }
            if cur.version != e.version { throw StoreError.concurrentEdit(entity: StarEvaluation.entity, id: id, caption: cur.caption) }
        }
        guard let oid = org.id, let cur = try PartyOrg.fetchOne(db, key: oid) else { throw StoreError.notFound(entity: PartyOrg.entity, id: org.id ?? 0) }
        if cur.version != org.version { throw StoreError.concurrentEdit(entity: PartyOrg.entity, id: oid, caption: cur.caption) }
        let t = try StarWorkflow.apply(action, evaluation: evaluation, org: org, rubric: rubric, comment: comment, actor: actor, at: at)
        return try record(t)
    }
}
