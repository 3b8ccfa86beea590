import GRDB
import LiangxinModel

extension Store {
    /// One pass each over the organizations, the sessions and the secretaries' attendance, by organization id.
    /// Issue 8: SQL's aggregates (GROUP BY with FILTER, DISTINCT per organization and session) cost 130–520 ms on
    /// 100,000 units; here the attendance streams in index order (role, organization, session, name: covering), so
    /// duplicates are neighbours, and each row costs two array look-ups.
    static func secretaryFacts(_ db: Database, year: Int, today: Day) throws -> [SecretaryFact] {
        let period = TrainingRules.period(year: year, today: today)
        let asOf = period?.upperBound ?? Day.endOf(year: year)
        func counted(_ day: String) -> String {
            "((status <> '\(OrgStatus.revoked.rawValue)' OR revoked_on > \(day)) AND (founded IS NULL OR founded <= \(day)))"
        }
        var out: [SecretaryFact] = [], ids: [Int64] = [], secretaries = NameBytes()
        // Each rule once per row, no WHERE repeating them (the few organizations counted neither for the year nor
        // today are skipped here); for the current year the year ends today, and one rule answers both.
        let sameDay = asOf == today
        let orgs = try RawRows(db, sql: """
            SELECT id, secretary_name, secretary_appointed, \(counted(":asOf")) AS in_year,
                   \(sameDay ? "NULL" : counted(":today")) AS active_today
            FROM party_org ORDER BY id
            """, arguments: sameDay ? ["asOf": asOf.description] : ["today": today.description, "asOf": asOf.description])
        while try orgs.next() {
            let inYear = orgs.bool(3), activeToday = sameDay ? inYear : orgs.bool(4)
            guard inYear || activeToday else { continue }
            let id = orgs.int64(0)
            ids.append(id)
            secretaries.append(orgs.bytes(1))
            out.append(SecretaryFact(orgId: id, appointed: orgs.text(2).flatMap { Day($0) }, hasSecretary: !secretaries.isNil(ids.count - 1),
                                     inYear: inYear, activeToday: activeToday))
        }
        let tally = try SecretaryTally.count(db, orgs: IdSlots(ids), secretaries: secretaries, period: period, today: today)
        for i in out.indices {
            let t = tally.rows[i]
            guard t.sessions > 0 || t.last >= 0 else { continue }
            out[i].sessions = t.sessions; out[i].hours = t.hours
            out[i].concentrated = t.concentrated; out[i].rotations = t.rotations
            if t.last >= 0 { out[i].lastTraining = tally.days[Int(t.last)] }
        }
        return out
    }
}

/// What the secretaries' attendance adds up to per organization (by the position the organization was read at).
struct SecretaryTally {
    struct Counts { var sessions = 0, hours = 0.0, concentrated = 0, rotations = 0, last: Int32 = -1 }
    /// One per organization; `last` indexes `days`.
    var rows: [Counts]
    /// The sessions' dates, by session position (each parsed once, not once per organization).
    var days: [Day?]

    /// A session's facts the rules read, worked out once per session rather than once per attendance row.
    private struct Facts { var hours: Double, inPeriod: Bool, concentrated: Bool, rotation: Bool, upToToday: Bool }

    static func count(_ db: Database, orgs: IdSlots, secretaries: NameBytes, period: ClosedRange<Day>?, today: Day) throws -> SecretaryTally {
        // An empty period (a future year) matches no session.
        let from = period?.lowerBound.description ?? "9999-12-31", through = period?.upperBound.description ?? "0000-01-01"
        // The session's rules in SQL, once per session: a type compared in Swift costs a Unicode-aware comparison.
        let types = SecretaryCoverage.concentratedTypes.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var ids: [Int64] = [], facts: [Facts] = [], dates: [String] = []
        let sessions = try RawRows(db, sql: """
            SELECT id, date, hours, date >= :from AND date <= :through, type IN (\(types)), type = :rotation, date <= :today
            FROM training_session
            """, arguments: ["from": from, "through": through, "rotation": SecretaryCoverage.rotationType.rawValue,
                             "today": today.description])
        while try sessions.next() {
            ids.append(sessions.int64(0))
            dates.append(sessions.text(1) ?? "")
            facts.append(Facts(hours: sessions.isNull(2) ? 0 : sessions.double(2), inPeriod: sessions.bool(3),
                               concentrated: sessions.bool(4), rotation: sessions.bool(5), upToToday: sessions.bool(6)))
        }
        let sessionSlots = IdSlots(ids)
        var rows = Array(repeating: Counts(), count: secretaries.count)
        var previous: (org: Int64, session: Int64)?
        let attendance = try RawRows(db, sql: """
            SELECT party_org_id, session_id, person_name FROM training_attendance
            WHERE role = ? AND party_org_id IS NOT NULL ORDER BY party_org_id, session_id
            """, arguments: [AttendeeRole.secretary.rawValue])
        while try attendance.next() {
            let org = attendance.int64(0), sid = attendance.int64(1)
            guard let i = orgs[org], let s = sessionSlots[sid] else { continue }
            // A named attendee counts only when it is the organization's secretary.
            if let name = attendance.bytes(2), !secretaries.equals(i, name) { continue }
            if let p = previous, p.org == org, p.session == sid { continue }
            previous = (org, sid)
            let f = facts[s]
            if f.inPeriod {
                rows[i].sessions += 1
                rows[i].hours += f.hours
                if f.concentrated { rows[i].concentrated += 1 }
                if f.rotation { rows[i].rotations += 1 }
            }
            if f.upToToday, rows[i].last < 0 || dates[s] > dates[Int(rows[i].last)] { rows[i].last = Int32(s) }
        }
        return SecretaryTally(rows: rows, days: dates.map { Day($0) })
    }
}
