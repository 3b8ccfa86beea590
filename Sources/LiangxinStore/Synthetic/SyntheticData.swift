import Foundation
import GRDB
import LiangxinModel

/// What `SyntheticData.generate` wrote.
public struct SyntheticReport: Sendable {
    public var cities = 0
    /// Rows per table, in the order they were written.
    public var rows: [(table: String, count: Int)] = []
    public var seconds = 0.0
    public func count(_ table: String) -> Int { rows.first { $0.table == table }?.count ?? 0 }
}

/// A realistic synthetic province for performance work: `units` units spread over cities of about the sample
/// city's size (2500 units each), every ledger in the sample's proportions and distributions. The same seed and
/// today always give the same content. Rows are written straight through prepared statements in one
/// transaction: no audit rows (nobody edited anything), otherwise an ordinary Liangxin database.
public enum SyntheticData {
    public static let maxUnits = 5_000_000
    public static let unitsPerCity = 2500

    public static func generate(units: Int, seed: UInt64, today: Day, into store: Store, force: Bool = false,
                                progress: ((_ city: Int, _ of: Int) -> Void)? = nil) throws -> SyntheticReport {
        guard (1...maxUnits).contains(units) else {
            throw StoreError.refused("--units：应为1到\(maxUnits)之间的整数，实为\(units) (units must be 1…\(maxUnits))")
        }
        if !force, try !store.isEmpty() {
            throw StoreError.refused("\(store.path): 数据库已有数据，未生成；如确需覆盖请加 --force (the database already holds data; use --force)")
        }
        let started = Date()
        let cityCount = min(99, max(1, Int((Double(units) / Double(unitsPerCity)).rounded())))
        var report = SyntheticReport()
        report.cities = cityCount
        var totals: [String: Int] = [:]
        try store.pool.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            // A larger page cache for the bulk load; the connection goes back to the default afterwards.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            if force {
                try CSVSet.wipe(db)
                try db.execute(sql: "DELETE FROM setting WHERE key = 'synthetic'")
            }
            let w = try Writer(db)
            try w.region(Region(code: "990000", name: "示例省", level: .province, parentCode: nil))
            var rubricIds: [Int: Int64] = [:]
            for y in [today.year - 1, today.year] {
                rubricIds[y] = try insertRubric(Rubric.standard(year: y), createdAt: "\(today)T00:00:00Z", db: db)
            }
            var bases = SyntheticCity.Bases()
            for c in 0..<cityCount {
                let n = units / cityCount + (c < units % cityCount ? 1 : 0)
                var city = SyntheticCity(seed: seed, index: c, unitCount: n, today: today, bases: bases, rubricIds: rubricIds)
                city.generate()
                try w.write(city)
                for (t, k) in city.counts { totals[t, default: 0] += k }
                bases.unit += Int64(city.units.count); bases.org += Int64(city.orgs.count)
                bases.instructor += Int64(city.instructors.count); bases.platform += Int64(city.platforms.count)
                bases.survey += Int64(city.surveys.count); bases.activity += Int64(city.activities.count)
                bases.station += Int64(city.stations.count); bases.log += Int64(city.logs.count)
                bases.session += Int64(city.sessions.count); bases.attendance += Int64(city.attendance.count)
                bases.evaluation += Int64(city.evaluations.count)
                progress?(c + 1, cityCount)
            }
            totals["region", default: 0] += 1
            totals["rubric"] = rubricIds.count
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('synthetic', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [markerValue(units: units, seed: seed, today: today)])
        }
        // The saved figures, so the first start reads them instead of scanning every unit and attendance row.
        try store.refreshSavedFigures(today: today)
        report.rows = SyntheticCity.tables.map { ($0, totals[$0] ?? 0) }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// What `generate` records in the `synthetic` setting, so a benchmark can tell whether a file is the one it wants.
    public static func markerValue(units: Int, seed: UInt64, today: Day) -> String {
        "{\"units\":\(units),\"seed\":\(seed),\"today\":\"\(today)\",\"generator\":1}"
    }

    /// The `synthetic` setting of a database, or nil for one `generate` did not make.
    public static func marker(of store: Store) throws -> String? { try store.setting("synthetic") }

    static func insertRubric(_ rubric: Rubric, createdAt: String, db: Database) throws -> Int64 {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted]   // as RubricStore writes it
        let body = String(decoding: try enc.encode(rubric), as: UTF8.self)
        try db.execute(sql: "INSERT INTO rubric(year, name, body, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [rubric.year, rubric.name, body, createdAt])
        return db.lastInsertedRowID
    }
}

extension SyntheticCity {
    static let tables = ["region", "instructor", "party_org", "unit", "platform", "platform_survey", "outreach_activity", "station",
                         "station_log", "training_session", "training_attendance", "rubric", "star_evaluation"]

    var counts: [(String, Int)] {
        [("region", regions.count), ("instructor", instructors.count), ("party_org", orgs.count), ("unit", units.count),
         ("platform", platforms.count), ("platform_survey", surveys.count), ("outreach_activity", activities.count),
         ("station", stations.count), ("station_log", logs.count), ("training_session", sessions.count),
         ("training_attendance", attendance.count), ("star_evaluation", evaluations.count)]
    }
}

/// One prepared INSERT per table; the columns are the records' own (GRDB's snake_case of the model's fields).
private struct Writer {
    let region, instructor, org, unit, platform, survey, activity, station, log, session, attendance, evaluation: Statement

    init(_ db: Database) throws {
        func prepare(_ table: String, _ columns: [String]) throws -> Statement {
            try db.makeStatement(sql: "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
        }
        region = try prepare("region", ["code", "name", "level", "parent_code"])
        instructor = try prepare("instructor", ["id", "name", "phone", "employer", "full_time", "visit_frequency", "rating", "region_code", "version"])
        org = try prepare("party_org", ["id", "name", "org_type", "formation", "parent_id", "region_code", "secretary_name", "secretary_phone",
                                        "secretary_appointed", "full_members", "probationary_members", "status", "revoked_on", "star_level",
                                        "founded", "version"])
        unit = try prepare("unit", ["id", "name", "credit_code", "kind", "category", "industry", "region_code", "address", "staff",
                                    "full_members", "probationary_members", "legal_rep_member", "acfic_member", "sector", "party_org_id",
                                    "org_since", "instructor_id", "instructor_since", "reason_not_formed", "planned_date", "registered",
                                    "status", "deregistered", "version"])
        platform = try prepare("platform", ["id", "name", "sector", "region_code", "party_org_id", "version"])
        survey = try prepare("platform_survey", ["id", "platform_id", "survey_date", "stations", "branch_offices", "workers", "members_found",
                                                 "pocket_members", "members_transferred", "mobile_members", "note"])
        activity = try prepare("outreach_activity", ["id", "date", "sector", "type", "title", "organizer", "region_code", "platform_id",
                                                     "participants", "people_served", "items", "volunteer_times", "award", "award_person", "version"])
        station = try prepare("station", ["id", "name", "kind", "region_code", "host_unit", "host_type", "address", "latitude", "longitude",
                                          "contact_name", "contact_phone", "hours", "services", "opened", "status", "status_reason", "version"])
        log = try prepare("station_log", ["id", "station_id", "date", "count", "note"])
        session = try prepare("training_session", ["id", "date", "title", "type", "mode", "organizer", "audience", "region_code",
                                                   "person_times", "hours", "version"])
        attendance = try prepare("training_attendance", ["id", "session_id", "party_org_id", "person_name", "role", "head_count"])
        evaluation = try prepare("star_evaluation", ["id", "party_org_id", "year", "rubric_id", "stage", "applied_star", "self_scores",
                                                     "reviewer_scores", "vetoes", "evidence", "innovation", "decided_star", "publicity_start",
                                                     "publicity_end", "submitted", "version"])
    }

    private func run(_ s: Statement, _ values: [(any DatabaseValueConvertible)?]) throws {
        s.setUncheckedArguments(StatementArguments(values))
        try s.execute()
    }

    func region(_ r: Region) throws { try run(region, [r.code, r.name, r.level.rawValue, r.parentCode]) }

    func write(_ c: SyntheticCity) throws {
        for r in c.regions { try region(r) }
        for i in c.instructors {
            try run(instructor, [i.id, i.name, i.phone, i.employer, i.fullTime, i.visitFrequency, i.rating, i.regionCode, i.version])
        }
        for w in c.orgs {
            let o = w.o
            try run(org, [o.id, o.name, o.orgType, o.formation, o.parentId, o.regionCode, o.secretaryName, o.secretaryPhone,
                          o.secretaryAppointed, o.fullMembers, o.probationaryMembers, o.status, o.revokedOn, o.starLevel, o.founded, o.version])
        }
        for w in c.units {
            let u = w.u
            try run(unit, [u.id, u.name, u.creditCode, u.kind, u.category, u.industry, u.regionCode, u.address, u.staff, u.fullMembers,
                           u.probationaryMembers, u.legalRepMember, u.acficMember, u.sector, u.partyOrgId, u.orgSince, u.instructorId,
                           u.instructorSince, u.reasonNotFormed, u.plannedDate, u.registered, u.status, u.deregistered, u.version])
        }
        for p in c.platforms { try run(platform, [p.id, p.name, p.sector, p.regionCode, p.partyOrgId, p.version]) }
        for s in c.surveys {
            try run(survey, [s.id, s.platformId, s.surveyDate, s.stations, s.branchOffices, s.workers, s.membersFound, s.pocketMembers,
                             s.membersTransferred, s.mobileMembers, s.note])
        }
        for a in c.activities {
            try run(activity, [a.id, a.date, a.sector, a.type, a.title, a.organizer, a.regionCode, a.platformId, a.participants,
                               a.peopleServed, a.items, a.volunteerTimes, a.award, a.awardPerson, a.version])
        }
        for s in c.stations {
            try run(station, [s.id, s.name, s.kind, s.regionCode, s.hostUnit, s.hostType, s.address, s.latitude, s.longitude,
                              s.contactName, s.contactPhone, s.hours, s.services, s.opened, s.status, s.statusReason, s.version])
        }
        for l in c.logs { try run(log, [l.id, l.stationId, l.date, l.count, l.note]) }
        for s in c.sessions {
            try run(session, [s.id, s.date, s.title, s.type, s.mode, s.organizer, s.audience, s.regionCode, s.personTimes, s.hours, s.version])
        }
        for a in c.attendance { try run(attendance, [a.id, a.sessionId, a.partyOrgId, a.personName, a.role, a.headCount]) }
        for e in c.evaluations {
            try run(evaluation, [e.id, e.partyOrgId, e.year, e.rubricId, e.stage, e.appliedStar, e.selfScores, e.reviewerScores,
                                 e.vetoes, e.evidence, e.innovation, e.decidedStar, e.publicityStart, e.publicityEnd, e.submitted, e.version])
        }
    }
}
