import GRDB

/// Migration "v2-coverage-summary" (issue 8: the coverage panel's first frame at 100,000 units).
///
/// Every coverage figure comes from one scan of all units, ~100 ms at city scale and more on a busy server. The
/// scan's result is kept in `coverage_summary`, one row per scope rule, and reused while it still holds:
/// - `coverage_summary_state.generation` counts changes to what the scan reads. Triggers bump it on every write
///   path (ledger, import, undo, the generator, `sqlite3`), so a summary saved at an older generation is never used.
/// - A summary also depends on today (registrations, deregistrations and planned dates against today, last year's
///   classes against the end of last year); `valid_from` ..< `valid_until` are the days it holds for unchanged
///   (`CoverageSummary.validUntil`).
enum CoverageSummarySchema {
    /// The unit and organization columns the unit scan reads (`CoverageSQL.scanPart`); writes to others (a name, an
    /// address) leave the summary valid.
    static let unitColumns = ["region_code", "category", "acfic_member", "sector", "status", "registered", "deregistered", "kind",
                              "staff", "party_org_id", "org_since", "instructor_id", "instructor_since", "planned_date",
                              "full_members", "probationary_members"]
    static let orgColumns = ["formation", "status", "org_type", "full_members", "founded", "revoked_on"]

    static let bump = "UPDATE coverage_summary_state SET generation = generation + 1;"

    /// The ledger writes every column on an update, so "UPDATE OF" alone would fire on a change of name too.
    static func changed(_ cols: [String]) -> String {
        "WHEN " + cols.map { "OLD.\"\($0)\" IS NOT NEW.\"\($0)\"" }.joined(separator: " OR ")
    }

    static func createV2(_ db: Database) throws {
        let quoted = { (cols: [String]) in cols.map { "\"\($0)\"" }.joined(separator: ", ") }
        try db.execute(sql: """
            CREATE TABLE coverage_summary_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
            INSERT INTO coverage_summary_state(id, generation) VALUES (1, 0);
            CREATE TABLE coverage_summary (
              scope TEXT NOT NULL,
              layout TEXT NOT NULL,
              generation INTEGER NOT NULL,
              valid_from TEXT NOT NULL,
              valid_until TEXT NOT NULL,
              payload BLOB NOT NULL,
              PRIMARY KEY (scope, layout)
            );
            CREATE TRIGGER coverage_summary_unit_insert AFTER INSERT ON unit BEGIN \(bump) END;
            CREATE TRIGGER coverage_summary_unit_delete AFTER DELETE ON unit BEGIN \(bump) END;
            CREATE TRIGGER coverage_summary_unit_update AFTER UPDATE OF \(quoted(unitColumns)) ON unit
              \(changed(unitColumns)) BEGIN \(bump) END;
            CREATE TRIGGER coverage_summary_org_insert AFTER INSERT ON party_org BEGIN \(bump) END;
            CREATE TRIGGER coverage_summary_org_delete AFTER DELETE ON party_org BEGIN \(bump) END;
            CREATE TRIGGER coverage_summary_org_update AFTER UPDATE OF id, \(quoted(orgColumns)) ON party_org
              \(changed(["id"] + orgColumns)) BEGIN \(bump) END;
            -- Deleting an instructor clears units' instructor_id through the foreign key; counted here as well.
            CREATE TRIGGER coverage_summary_instructor_delete AFTER DELETE ON instructor BEGIN \(bump) END;
            """)
    }
}
