import GRDB
import LiangxinModel

/// Migration "v2-stars" (issue 8, the star panel at 100,000 units).
///
/// The review queue is sorted by how long each application has waited at its stage. That day came from a
/// correlated subquery over the application's events, so every query computed it for the whole queue and sorted
/// the lot. It is now stored in `star_evaluation.waiting_since` and indexed in the queue's order, so a page is read
/// straight off the index. Triggers keep the column right on every write path — the ledger, imports, undo, the
/// synthetic generator and anything run through `sqlite3` — so no Swift code has to remember it; the records do
/// not carry it (they would write it back stale). `StarsWaitingTests` checks the stored day against the formula.
enum StarsSchema {
    /// The same formula as `StarQueueSQL.since`, written for the application named `t`.
    static func since(_ t: String) -> String {
        """
        COALESCE((SELECT substr(MAX(ev.at), 1, 10) FROM star_event ev WHERE ev.evaluation_id = \(t).id),
                 CASE WHEN \(t).stage = '\(EvalStage.publicity.rawValue)' THEN \(t).publicity_start END, \(t).submitted)
        """
    }

    /// Recomputes the day for the applications matching `condition` (trigger bodies name NEW / OLD in it).
    static func refresh(where condition: String) -> String {
        "UPDATE star_evaluation SET waiting_since = \(since("star_evaluation")) WHERE \(condition);"
    }

    static func createV2(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE star_evaluation ADD COLUMN waiting_since TEXT")
        try db.execute(sql: refresh(where: "1"))
        // The inputs of the formula: the application's stage and dates, and its events (added, removed, moved).
        // Only those columns fire the update trigger, so its own UPDATE of waiting_since does not re-fire it.
        try db.execute(sql: """
            CREATE TRIGGER star_evaluation_waiting_insert AFTER INSERT ON star_evaluation
            BEGIN \(refresh(where: "id = NEW.id")) END;
            CREATE TRIGGER star_evaluation_waiting_update AFTER UPDATE OF stage, publicity_start, submitted ON star_evaluation
            BEGIN \(refresh(where: "id = NEW.id")) END;
            CREATE TRIGGER star_event_waiting_insert AFTER INSERT ON star_event WHEN NEW.evaluation_id IS NOT NULL
            BEGIN \(refresh(where: "id = NEW.evaluation_id")) END;
            CREATE TRIGGER star_event_waiting_delete AFTER DELETE ON star_event WHEN OLD.evaluation_id IS NOT NULL
            BEGIN \(refresh(where: "id = OLD.evaluation_id")) END;
            CREATE TRIGGER star_event_waiting_update AFTER UPDATE OF evaluation_id, at ON star_event
            BEGIN \(refresh(where: "id IN (OLD.evaluation_id, NEW.evaluation_id)")) END;
            """)
        // The queue in its default order (longest waiting first, undated last, then by id), with what its filters
        // and other sort keys read, so a page, a count and the stage / applied-star sorts never touch the rows.
        try db.execute(sql: """
            CREATE INDEX star_evaluation_queue ON star_evaluation
              (year, waiting_since IS NULL, waiting_since, stage, applied_star, party_org_id)
            """)
        // The cycle's grants (the summary's changes) read the star decided and the notice's end: covering them spares
        // a row read per grant. It starts with (year, stage), so it serves everything the v1 index did.
        try db.execute(sql: "DROP INDEX star_evaluation_year_stage")
        try db.create(index: "star_evaluation_year_stage_decided", on: "star_evaluation",
                      columns: ["year", "stage", "party_org_id", "decided_star", "publicity_end"])
        // The star an organization held before a cycle: its latest earlier grant, found without reading rows.
        try db.create(index: "star_evaluation_org_stage", on: "star_evaluation", columns: ["party_org_id", "stage", "year", "decided_star"])
        // The five-star and below-★★★ lists in their order (star, name, id) with the status they filter on; also the
        // distribution's GROUP BY star_level without a sort.
        try db.create(index: "party_org_star_name", on: "party_org", columns: ["star_level", "name", "status"])
        // The queue sorted by organization name is read in name order and stops after a page.
        try db.create(index: "party_org_name", on: "party_org", columns: ["name"])
    }
}
