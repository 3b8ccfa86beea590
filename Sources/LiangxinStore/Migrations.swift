import GRDB

/// The whole schema. Once a migration has shipped it is never edited: changes come as new migrations.
enum Schema {
    /// Written into `liangxin_meta`; a file with a higher number was made by a newer Liangxin.
    static let version = 1

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in try createV1(db) }
        m.registerMigration("v2-stars") { db in try StarsSchema.createV2(db) }
        m.registerMigration("v2-stations") { db in try StationsSchema.createV2(db) }
        m.registerMigration("v2-training") { db in try createV2Training(db) }
        m.registerMigration("v2-coverage") { db in try createV2Coverage(db) }
        m.registerMigration("v2-saved-figures") { db in try SavedFiguresSchema.createV2(db) }
        return m
    }

    private static func createV1(_ db: Database) throws {
        try db.create(table: "liangxin_meta") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.execute(sql: "INSERT INTO liangxin_meta(key, value) VALUES ('app', 'liangxin'), ('schema_version', '\(version)')")

        try db.create(table: "region") { t in
            t.primaryKey("code", .text)
            t.column("name", .text).notNull()
            t.column("level", .integer).notNull()
            t.column("parent_code", .text).references("region", onDelete: .restrict)
        }
        try db.create(index: "region_parent", on: "region", columns: ["parent_code"])

        try db.create(table: "instructor") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("phone", .text)
            t.column("employer", .text)
            t.column("full_time", .boolean).notNull().defaults(to: false)
            t.column("visit_frequency", .text)
            t.column("rating", .text)
            t.column("region_code", .text).references("region")
            t.column("version", .integer).notNull().defaults(to: 1)
        }

        try db.create(table: "party_org") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("org_type", .text).notNull()
            t.column("formation", .text).notNull()
            t.column("parent_id", .integer).references("party_org", onDelete: .setNull)
            t.column("region_code", .text).notNull().references("region")
            t.column("secretary_name", .text)
            t.column("secretary_phone", .text)
            t.column("secretary_appointed", .text)
            t.column("full_members", .integer).notNull().defaults(to: 0)
            t.column("probationary_members", .integer).notNull().defaults(to: 0)
            t.column("status", .text).notNull()
            t.column("revoked_on", .text)
            t.column("star_level", .integer).notNull().defaults(to: 0)
            t.column("founded", .text)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "party_org_region", on: "party_org", columns: ["region_code"])
        // Covering for the overview's one pass over the organizations (counts, findings, stars).
        try db.create(index: "party_org_status_star", on: "party_org", columns: ["status", "star_level", "org_type", "full_members"])
        // Deleting an organization first checks for child organizations (coverage panel).
        try db.create(index: "party_org_parent", on: "party_org", columns: ["parent_id"])

        try db.create(table: "unit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("credit_code", .text).unique()
            t.column("kind", .text).notNull()
            t.column("category", .text).notNull()
            t.column("industry", .text)
            t.column("region_code", .text).notNull().references("region")
            t.column("address", .text)
            t.column("staff", .integer).notNull().defaults(to: 0)
            t.column("full_members", .integer).notNull().defaults(to: 0)
            t.column("probationary_members", .integer).notNull().defaults(to: 0)
            t.column("legal_rep_member", .boolean).notNull().defaults(to: false)
            t.column("acfic_member", .boolean).notNull().defaults(to: false)
            t.column("sector", .text)
            t.column("party_org_id", .integer).references("party_org", onDelete: .setNull)
            t.column("org_since", .text)
            t.column("instructor_id", .integer).references("instructor", onDelete: .setNull)
            t.column("instructor_since", .text)
            t.column("reason_not_formed", .text)
            t.column("planned_date", .text)
            t.column("registered", .text)
            t.column("status", .text).notNull()
            t.column("deregistered", .text)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "unit_region", on: "unit", columns: ["region_code"])
        // Covering for the overview's scan of every unit (CoverageSQL.scanPart): the narrow index is read instead of
        // the wide rows, in organization order, so the join to party_org walks it in order too.
        try db.create(index: "unit_party_org", on: "unit", columns: [
            "party_org_id", "category", "acfic_member", "sector", "status", "registered", "deregistered", "kind", "staff",
            "instructor_id", "instructor_since", "org_since", "full_members", "probationary_members", "planned_date"])
        try db.create(index: "unit_instructor", on: "unit", columns: ["instructor_id"])
        try db.create(index: "unit_category", on: "unit", columns: ["category"])
        try db.create(index: "unit_name", on: "unit", columns: ["name"])

        try db.create(table: "platform") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("sector", .text).notNull()
            t.column("region_code", .text).notNull().references("region")
            t.column("party_org_id", .integer).references("party_org", onDelete: .setNull)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(table: "platform_survey") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("platform_id", .integer).notNull().references("platform", onDelete: .cascade)
            t.column("survey_date", .text).notNull()
            for c in ["stations", "branch_offices", "workers", "members_found", "pocket_members",
                      "members_transferred", "mobile_members"] {
                t.column(c, .integer).notNull().defaults(to: 0)
            }
            t.column("note", .text)
        }
        try db.create(index: "platform_survey_platform_date", on: "platform_survey", columns: ["platform_id", "survey_date"])
        // Outreach panel: platforms by sector and by covering branch, a sector's units (covering branches).
        try db.create(index: "platform_sector_name", on: "platform", columns: ["sector", "name"])
        try db.create(index: "platform_party_org", on: "platform", columns: ["party_org_id"])
        try db.create(index: "unit_sector", on: "unit", columns: ["sector"])

        try db.create(table: "outreach_activity") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("date", .text).notNull()
            t.column("sector", .text).notNull()
            t.column("type", .text).notNull()
            t.column("title", .text).notNull()
            t.column("organizer", .text)
            t.column("region_code", .text).references("region")
            t.column("platform_id", .integer).references("platform", onDelete: .setNull)
            for c in ["participants", "people_served", "items", "volunteer_times"] {
                t.column(c, .integer).notNull().defaults(to: 0)
            }
            t.column("award", .text)
            t.column("award_person", .text)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "outreach_activity_date", on: "outreach_activity", columns: ["date"])
        // Outreach panel: a sector's or a type's activities by date, a platform's activities.
        try db.create(index: "outreach_activity_sector_date", on: "outreach_activity", columns: ["sector", "date"])
        try db.create(index: "outreach_activity_type_date", on: "outreach_activity", columns: ["type", "date"])
        try db.create(index: "outreach_activity_platform_date", on: "outreach_activity", columns: ["platform_id", "date"])

        try db.create(table: "station") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("region_code", .text).notNull().references("region")
            t.column("host_unit", .text)
            t.column("host_type", .text)
            t.column("address", .text)
            t.column("latitude", .double)
            t.column("longitude", .double)
            t.column("contact_name", .text)
            t.column("contact_phone", .text)
            t.column("hours", .text).notNull()
            t.column("services", .text).notNull()
            t.column("opened", .text)
            t.column("status", .text).notNull()
            t.column("status_reason", .text)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "station_region", on: "station", columns: ["region_code"])
        try db.create(table: "station_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("station_id", .integer).notNull().references("station", onDelete: .cascade)
            t.column("date", .text).notNull()
            t.column("count", .integer).notNull()
            t.column("note", .text)
        }
        // Covering for a station's sums and last date by period (the register's activity columns).
        try db.create(index: "station_log_station_date", on: "station_log", columns: ["station_id", "date", "count"])
        // Covering for totals by month over a period (overview, stations summary), with the station for a region's.
        try db.create(index: "station_log_date", on: "station_log", columns: ["date", "station_id", "count"])

        try db.create(table: "training_session") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("date", .text).notNull()
            t.column("end_date", .text)
            t.column("title", .text).notNull()
            t.column("type", .text).notNull()
            t.column("mode", .text).notNull()
            t.column("organizer", .text)
            t.column("audience", .text)
            t.column("region_code", .text).references("region")
            t.column("person_times", .integer).notNull().defaults(to: 0)
            t.column("hours", .double).notNull()
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        // Covering for the yearly and monthly training sums.
        try db.create(index: "training_session_date", on: "training_session", columns: ["date", "person_times", "hours"])
        try db.create(table: "training_attendance") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("session_id", .integer).notNull().references("training_session", onDelete: .cascade)
            t.column("party_org_id", .integer).references("party_org", onDelete: .setNull)
            t.column("person_name", .text)
            t.column("role", .text).notNull()
            t.column("head_count", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "training_attendance_session", on: "training_attendance", columns: ["session_id"])
        try db.create(index: "training_attendance_org", on: "training_attendance", columns: ["party_org_id", "role"])
        // Secretary coverage reads only 书记 rows: (role, org, session) covers that scan.
        try db.create(index: "training_attendance_role", on: "training_attendance", columns: ["role", "party_org_id", "session_id", "person_name"])

        try db.create(table: "rubric") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("year", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("body", .text).notNull()
            t.column("superseded_by", .integer).references("rubric")
            t.column("created_at", .text).notNull()
        }
        try db.create(table: "star_evaluation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("party_org_id", .integer).notNull().references("party_org", onDelete: .cascade)
            t.column("year", .integer).notNull()
            t.column("rubric_id", .integer).references("rubric")
            t.column("stage", .text).notNull()
            t.column("applied_star", .integer).notNull().defaults(to: 0)
            t.column("self_scores", .text).notNull().defaults(to: "")
            t.column("reviewer_scores", .text).notNull().defaults(to: "")
            t.column("vetoes", .text).notNull().defaults(to: "")
            t.column("evidence", .text)
            t.column("innovation", .boolean).notNull().defaults(to: false)
            t.column("decided_star", .integer)
            t.column("publicity_start", .text)
            t.column("publicity_end", .text)
            t.column("submitted", .text)
            t.column("version", .integer).notNull().defaults(to: 1)
            t.uniqueKey(["party_org_id", "year"])
        }
        try db.create(index: "star_evaluation_year_stage", on: "star_evaluation", columns: ["year", "stage"])
        try db.create(table: "star_event") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("evaluation_id", .integer).references("star_evaluation", onDelete: .cascade)
            t.column("party_org_id", .integer).notNull().references("party_org", onDelete: .cascade)
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("from_stage", .text)
            t.column("to_stage", .text)
            t.column("star_from", .integer)
            t.column("star_to", .integer)
            t.column("comment", .text)
        }
        try db.create(index: "star_event_org", on: "star_event", columns: ["party_org_id", "at"])
        // Star review (issue 7): waiting time per application, committees' members, rubric uses, the year's grants.
        try db.create(index: "star_event_evaluation", on: "star_event", columns: ["evaluation_id", "at"])
        try db.create(index: "star_evaluation_rubric", on: "star_evaluation", columns: ["rubric_id", "stage"])

        try db.create(table: "setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }

        try db.create(table: "audit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entity_id", .integer).notNull()
            t.column("action", .text).notNull()
            t.column("before", .text)
            t.column("after", .text)
            t.column("source", .text)
        }
        try db.create(index: "audit_entity", on: "audit", columns: ["entity", "entity_id"])
    }

    /// Issue 8, the training panel at city scale. The secretary lists run by region, then organization name: this
    /// index hands over the organizations' ids in that order without a sort. The year's totals by month, type and
    /// mode read the sessions of two years from a covering index instead of fetching each row.
    /// The coverage panel's unit scan by region reads only these columns: as a covering index in region order it
    /// reads a quarter of the pages of the unit table, and each region's units come together (issue 8).
    private static func createV2Coverage(_ db: Database) throws {
        try db.create(index: "unit_coverage_scan", on: "unit", columns: [
            "region_code", "category", "acfic_member", "sector", "status", "registered", "deregistered", "kind", "staff",
            "party_org_id", "org_since", "instructor_id", "instructor_since", "planned_date", "full_members", "probationary_members",
        ])
    }

    private static func createV2Training(_ db: Database) throws {
        try db.create(index: "party_org_region_name", on: "party_org", columns: ["region_code", "name"])
        try db.create(index: "training_session_breakdown", on: "training_session", columns: ["date", "type", "mode", "person_times", "hours"])
    }
}
