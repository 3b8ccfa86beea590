import GRDB
import LiangxinModel

/// Migration "v2-stars" (issue 8, the star panel at 100,000 units).
///
/// The review queue is sorted by how long each application has waited at its stage. That day came from a
/// correlated subquery over the application's events, so every query computed it for the whole queue and sorted
/// the lot. It is now stored in `star_evaluation.waiting_since` and indexed in the queue's order, so a page is read
/// straight off the index. The `/` filter matches the organization's name on every key; reading the name from
/// 6,000 scattered organization rows per key cost more than the rest of the frame, so a copy rides in
/// `star_evaluation.org_name`, in the same index.
///
/// Triggers keep both columns right on every write path — the ledger, imports, undo, the synthetic generator and
/// anything run through `sqlite3` — so no Swift code has to remember them; the records do not carry them (they
/// would write them back stale). `StarsWaitingTests` checks them against the formula and the organization's name.
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

    /// Copies the organization's name into the applications matching `condition`.
    static func copyName(where condition: String) -> String {
        "UPDATE star_evaluation SET org_name = (SELECT o.name FROM party_org o WHERE o.id = star_evaluation.party_org_id) WHERE \(condition);"
    }

    static func createV2(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE star_evaluation ADD COLUMN waiting_since TEXT")
        try db.execute(sql: "ALTER TABLE star_evaluation ADD COLUMN org_name TEXT")
        try db.execute(sql: refresh(where: "1"))
        try db.execute(sql: copyName(where: "1"))
        // The inputs: the application's stage, dates and organization, its events (added, removed, moved), and the
        // organization's name. Only those columns fire the update triggers, so their own UPDATEs do not re-fire them.
        try db.execute(sql: """
            CREATE TRIGGER star_evaluation_derived_insert AFTER INSERT ON star_evaluation
            BEGIN \(refresh(where: "id = NEW.id")) \(copyName(where: "id = NEW.id")) END;
            CREATE TRIGGER star_evaluation_org_update AFTER UPDATE OF party_org_id ON star_evaluation
            BEGIN \(copyName(where: "id = NEW.id")) END;
            CREATE TRIGGER party_org_name_update AFTER UPDATE OF name ON party_org
            BEGIN \(copyName(where: "party_org_id = NEW.id")) END;
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
        // and other sort keys read, so a page, a count, a name search and the stage / applied-star sorts never
        // touch the rows.
        try db.execute(sql: """
            CREATE INDEX star_evaluation_queue ON star_evaluation
              (year, waiting_since IS NULL, waiting_since, stage, applied_star, party_org_id, org_name)
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
