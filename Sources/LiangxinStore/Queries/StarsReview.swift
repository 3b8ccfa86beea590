import Foundation
import GRDB
import LiangxinModel

/// Everything the review screen shows for one application, read in one transaction.
public struct StarReviewData: Sendable {
    public var evaluation: StarEvaluation
    public var org: PartyOrg
    public var rubric: Rubric
    public var regionName: String
    public var committeeName: String?
    /// Units whose party organization this is.
    public var coveredUnits: Int
    /// The star decided in the latest earlier cycle (nil when never rated before this year).
    public var lastStar: Int?
    public var lastStarYear: Int?
    /// 学时 of the sessions the secretary attended this year (training_attendance rows with role 书记).
    public var secretaryHours: Double
    public var history: [StarHistoryLine]
    /// The star distribution of active organizations (for the quota check).
    public var distribution: StarDistribution
    /// The organization's applications of other years, newest first.
    public var otherYears: [StarEvaluation] = []
}

/// One line of an application's or an organization's history: a recorded event, or a date the ledger holds
/// (submitted, public notice) for applications that predate the event log.
public struct StarHistoryLine: Hashable, Sendable {
    public var at: String
    public var actor: String
    public var action: String
    public var fromStage: EvalStage?
    public var toStage: EvalStage?
    public var starFrom: Int?
    public var starTo: Int?
    public var comment: String?
    /// True for a line read from the application's dates rather than from star_event.
    public var fromLedger: Bool

    public init(_ v: StarEvent) {
        self.init(at: v.at, actor: v.actor, action: v.action, fromStage: v.fromStage, toStage: v.toStage,
                  starFrom: v.starFrom, starTo: v.starTo, comment: v.comment, fromLedger: false)
    }

    init(at: String, actor: String, action: String, fromStage: EvalStage? = nil, toStage: EvalStage? = nil, starFrom: Int? = nil,
         starTo: Int? = nil, comment: String? = nil, fromLedger: Bool) {
        self.at = at; self.actor = actor; self.action = action; self.fromStage = fromStage; self.toStage = toStage
        self.starFrom = starFrom; self.starTo = starTo; self.comment = comment; self.fromLedger = fromLedger
    }
}

extension Store {
    public func starReview(evaluationId: Int64, today: Day) throws -> StarReviewData? {
        try read { db in
            guard let e = try StarEvaluation.fetchOne(db, key: evaluationId),
                  let o = try PartyOrg.fetchOne(db, key: e.partyOrgId) else { return nil }
            let rubric = try RubricQueries.forEvaluation(db, e)
            let region = try String.fetchOne(db, sql: "SELECT name FROM region WHERE code = ?", arguments: [o.regionCode]) ?? o.regionCode
            let committee = try o.parentId.flatMap { try String.fetchOne(db, sql: "SELECT name FROM party_org WHERE id = ?", arguments: [$0]) }
            let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit WHERE party_org_id = ?", arguments: [o.id]) ?? 0
            let last = try Row.fetchOne(db, sql: """
                SELECT year, decided_star FROM star_evaluation
                WHERE party_org_id = ? AND year < ? AND stage = ? ORDER BY year DESC LIMIT 1
                """, arguments: [o.id, e.year, EvalStage.decided.rawValue])
            let hours = try StarsSQL.secretaryHours(db, orgId: o.id!, year: today.year)
            return StarReviewData(evaluation: e, org: o, rubric: rubric, regionName: region, committeeName: committee,
                                  coveredUnits: units, lastStar: last?["decided_star"], lastStarYear: last?["year"],
                                  secretaryHours: hours, history: try StarsSQL.history(db, evaluation: e),
                                  distribution: try StarsSQL.distribution(db),
                                  otherYears: try StarEvaluation.filter(sql: "party_org_id = ? AND year <> ?", arguments: [o.id, e.year])
                                    .order(sql: "year DESC").limit(10).fetchAll(db))
        }
    }

    public func starDistribution() throws -> StarDistribution {
        try read { db in try StarsSQL.distribution(db) }
    }
}

enum StarsSQL {
    static func distribution(_ db: Database) throws -> StarDistribution {
        var c = Array(repeating: 0, count: 6)
        for row in try Row.fetchAll(db, sql: "SELECT star_level AS s, COUNT(*) AS n FROM party_org WHERE status <> ? GROUP BY star_level",
                                    arguments: [OrgStatus.revoked.rawValue]) {
            let s: Int = row["s"]
            c[max(0, min(5, s))] += row["n"] as Int
        }
        return StarDistribution(counts: c)
    }

    static func secretaryHours(_ db: Database, orgId: Int64, year: Int) throws -> Double {
        try Double.fetchOne(db, sql: """
            SELECT COALESCE(SUM(s.hours), 0) FROM training_attendance a JOIN training_session s ON s.id = a.session_id
            WHERE a.party_org_id = ? AND a.role = ? AND s.date >= ? AND s.date <= ?
            """, arguments: [orgId, AttendeeRole.secretary.rawValue, Day.startOf(year: year).description,
                             Day.endOf(year: year).description]) ?? 0
    }

    /// The application's events, oldest first, with the ledger's dates for what happened before events were kept.
    static func history(_ db: Database, evaluation e: StarEvaluation) throws -> [StarHistoryLine] {
        let events = try StarEvent.filter(sql: "evaluation_id = ?", arguments: [e.id]).order(sql: "at, id").fetchAll(db)
        var lines = events.map(line)
        let recorded = Set(events.map(\.action))
        if let s = e.submitted, !recorded.contains(StarEventAction.submit.rawValue) {
            lines.insert(StarHistoryLine(at: s.description, actor: "", action: StarEventAction.submit.rawValue, fromStage: .draft,
                                         toStage: .submitted, comment: nil, fromLedger: true), at: 0)
        }
        if let p = e.publicityStart, !events.contains(where: { $0.toStage == .publicity }) {
            let end = e.publicityEnd.map { "至\($0)" } ?? ""
            let l = StarHistoryLine(at: p.description, actor: "", action: "公示", toStage: .publicity,
                                    comment: "公示期\(p)\(end)", fromLedger: true)
            let i = lines.firstIndex { $0.at > l.at } ?? lines.count
            lines.insert(l, at: i)
        }
        if e.stage == .decided, let d = e.decidedStar, !recorded.contains(StarEventAction.grant.rawValue) {
            lines.append(StarHistoryLine(at: e.publicityEnd?.description ?? "", actor: "", action: StarEventAction.grant.rawValue,
                                         toStage: .decided, starTo: d, fromLedger: true))
        }
        return lines
    }

    static func line(_ v: StarEvent) -> StarHistoryLine { StarHistoryLine(v) }
}
