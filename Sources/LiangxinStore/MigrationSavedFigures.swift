import GRDB

/// Migration "v2-saved-figures" (issue 8: first frames at 100,000 units).
///
/// Two panels sum whole ledgers on every start: coverage scans every unit (~100 ms at city scale, more on a busy
/// server), training every secretary's attendance. Their results are kept in `saved_figures` and reused while they
/// still hold:
/// - `figures_generation` counts, per kind of figures, the writes to what they read. Triggers bump it on every
///   write path (ledger, import, undo, the generator, `sqlite3`), so figures saved at an older generation are never
///   used. Writes to other columns (a unit's name, a session's title) leave them current.
/// - Figures also depend on today; `valid_from` ..< `valid_until` are the days they hold for unchanged
///   (`CoverageSummary.validUntil`; training figures hold for the day they were made).
enum SavedFiguresSchema {
    /// The kinds of saved figures, each with the columns it reads, table by table.
    enum Kind: String, CaseIterable {
        case coverage, training

        var reads: [(table: String, columns: [String])] {
            switch self {
            case .coverage:
                // `CoverageSQL.scanPart`.
                return [("unit", ["region_code", "category", "acfic_member", "sector", "status", "registered", "deregistered", "kind",
                                  "staff", "party_org_id", "org_since", "instructor_id", "instructor_since", "planned_date",
                                  "full_members", "probationary_members"]),
                        ("party_org", ["id", "formation", "status", "org_type", "full_members", "founded", "revoked_on"])]
            case .training:
                // `Store.secretaryFacts` and the lists' order (`Store.inListOrder`).
                return [("party_org", ["id", "name", "region_code", "status", "revoked_on", "founded", "secretary_name", "secretary_appointed"]),
                        ("training_session", ["id", "date", "hours", "type"]),
                        ("training_attendance", ["role", "party_org_id", "session_id", "person_name"])]
            }
        }
    }

    static func bump(_ kind: Kind) -> String {
        "UPDATE figures_generation SET generation = generation + 1 WHERE kind = '\(kind.rawValue)';"
    }

    /// Insert, delete, and update of the columns read. The ledger writes every column on an update, so "UPDATE OF"
    /// alone would fire on a change of name too: the WHEN clause compares the values.
    static func triggers(_ kind: Kind) -> String {
        kind.reads.map { table, columns in
            let name = "\(kind.rawValue)_figures_\(table)"
            let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let changed = columns.map { "OLD.\"\($0)\" IS NOT NEW.\"\($0)\"" }.joined(separator: " OR ")
            return """
                CREATE TRIGGER \(name)_insert AFTER INSERT ON \(table) BEGIN \(bump(kind)) END;
                CREATE TRIGGER \(name)_delete AFTER DELETE ON \(table) BEGIN \(bump(kind)) END;
                CREATE TRIGGER \(name)_update AFTER UPDATE OF \(quoted) ON \(table) WHEN \(changed) BEGIN \(bump(kind)) END;
                """
        }.joined(separator: "\n")
    }

    static func createV2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE figures_generation (kind TEXT PRIMARY KEY, generation INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO figures_generation(kind, generation) VALUES \(Kind.allCases.map { "('\($0.rawValue)', 0)" }.joined(separator: ", "));
            CREATE TABLE saved_figures (
              kind TEXT NOT NULL,
              key TEXT NOT NULL,
              layout TEXT NOT NULL,
              generation INTEGER NOT NULL,
              valid_from TEXT NOT NULL,
              valid_until TEXT NOT NULL,
              payload BLOB NOT NULL,
              PRIMARY KEY (kind, key, layout)
            );
            \(Kind.allCases.map(triggers).joined(separator: "\n"))
            -- Deleting an instructor clears units' instructor_id through the foreign key; counted here as well.
            CREATE TRIGGER coverage_figures_instructor_delete AFTER DELETE ON instructor BEGIN \(bump(.coverage)) END;
            """)
    }
}
