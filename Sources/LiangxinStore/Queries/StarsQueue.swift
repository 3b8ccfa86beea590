import Foundation
import GRDB
import LiangxinModel

/// Which applications the review queue shows.
public struct StarQueueFilter: Hashable, Sendable {
    /// Empty = the stages in a reviewer's hands (自评申报, 初核, 审核, 公示).
    public var stages: [EvalStage] = []
    /// A region and everything under it (codes are hierarchical prefixes).
    public var regionCode: String?
    /// The committee (parent organization) the applicant belongs to.
    public var committeeId: Int64?
    public var appliedStar: Int?
    public var year: Int?
    /// Part of the organization's name (the `/` filter).
    public var text: String = ""

    public init(stages: [EvalStage] = [], regionCode: String? = nil, committeeId: Int64? = nil, appliedStar: Int? = nil,
                year: Int? = nil, text: String = "") {
        self.stages = stages; self.regionCode = regionCode; self.committeeId = committeeId; self.appliedStar = appliedStar
        self.year = year; self.text = text
    }

    public static let reviewStages: [EvalStage] = [.submitted, .firstCheck, .review, .publicity]
    public var effectiveStages: [EvalStage] { stages.isEmpty ? StarQueueFilter.reviewStages : stages }
}

public enum StarQueueSort: Int, CaseIterable, Sendable {
    case waiting, name, stage, applied, region
}

/// One row of the review queue.
public struct StarQueueRow: Hashable, Sendable {
    public var evaluationId: Int64
    public var orgId: Int64
    public var orgName: String
    public var regionName: String
    public var committeeName: String?
    public var stage: EvalStage
    public var appliedStar: Int
    public var year: Int
    public var selfScores: String
    public var reviewerScores: String
    public var rubricId: Int64?
    /// Since when it waits at its stage (its last transition, else the notice's start or the submission).
    public var waitingSince: Day?

    public func waitingDays(today: Day) -> Int? { waitingSince.map { max(0, today.days(since: $0)) } }
}

extension Store {
    public func starQueueCount(_ f: StarQueueFilter) throws -> Int {
        try read { db in
            let (w, args) = StarQueueSQL.whereClause(f)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM star_evaluation e JOIN party_org o ON o.id = e.party_org_id WHERE \(w)",
                                    arguments: args) ?? 0
        }
    }

    /// One page of the queue in the chosen order (longest waiting first by default).
    public func starQueue(_ f: StarQueueFilter, sort: StarQueueSort = .waiting, ascending: Bool = true, offset: Int = 0,
                          limit: Int = 100) throws -> [StarQueueRow] {
        try read { db in
            let (w, args) = StarQueueSQL.whereClause(f)
            let dir = ascending ? "ASC" : "DESC"
            let order: String
            switch sort {
            case .waiting: order = "since \(dir) NULLS LAST, e.id"
            case .name: order = "o.name \(dir), e.id"
            case .stage: order = "CASE e.stage \(StarQueueSQL.stageOrder) END \(dir), since ASC NULLS LAST, e.id"
            case .applied: order = "e.applied_star \(dir), since ASC NULLS LAST, e.id"
            case .region: order = "o.region_code \(dir), since ASC NULLS LAST, e.id"
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.id, e.party_org_id, o.name, COALESCE(r.name, o.region_code) AS region, p.name AS committee, e.stage,
                       e.applied_star, e.year, e.self_scores, e.reviewer_scores, e.rubric_id, \(StarQueueSQL.since) AS since
                FROM star_evaluation e JOIN party_org o ON o.id = e.party_org_id
                LEFT JOIN region r ON r.code = o.region_code
                LEFT JOIN party_org p ON p.id = o.parent_id
                WHERE \(w) ORDER BY \(order) LIMIT ? OFFSET ?
                """, arguments: args + [limit, offset])
            return rows.map { r in
                StarQueueRow(evaluationId: r["id"], orgId: r["party_org_id"], orgName: r["name"], regionName: r["region"],
                             committeeName: r["committee"], stage: EvalStage(rawValue: r["stage"]) ?? .draft,
                             appliedStar: r["applied_star"], year: r["year"], selfScores: r["self_scores"],
                             reviewerScores: r["reviewer_scores"], rubricId: r["rubric_id"],
                             waitingSince: (r["since"] as String?).flatMap { Day($0) })
            }
        }
    }

    /// Where an application sits in the queue (nil when the filter no longer holds it).
    public func starQueuePosition(of evaluationId: Int64, _ f: StarQueueFilter, sort: StarQueueSort, ascending: Bool) throws -> Int? {
        // The queue is short per stage; scanning its ids in order is cheaper than a window function on every key.
        var offset = 0
        while true {
            let page = try starQueue(f, sort: sort, ascending: ascending, offset: offset, limit: 2000)
            if let i = page.firstIndex(where: { $0.evaluationId == evaluationId }) { return offset + i }
            if page.count < 2000 { return nil }
            offset += 2000
        }
    }

    /// Applications per stage for a year (the queue by stage).
    public func starStageCounts(year: Int) throws -> [EvalStage: Int] {
        try read { db in
            var out: [EvalStage: Int] = [:]
            for s in EvalStage.allCases { out[s] = 0 }
            for r in try Row.fetchAll(db, sql: "SELECT stage, COUNT(*) AS n FROM star_evaluation WHERE year = ? GROUP BY stage", arguments: [year]) {
                if let s = EvalStage(rawValue: r["stage"]) { out[s] = r["n"] }
            }
            return out
        }
    }

    /// The cycle the panel shows by default: the latest year with applications, not after this year.
    public func starCycleYear(today: Day) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(year) FROM star_evaluation WHERE year <= ?", arguments: [today.year]) ?? today.year
        }
    }

    /// Committees (organizations that have member organizations), for the queue's filter.
    public func committees(matching text: String, limit: Int = 50) throws -> [PartyOrg] {
        try read { db in
            try PartyOrg.filter(sql: "id IN (SELECT DISTINCT parent_id FROM party_org WHERE parent_id IS NOT NULL) AND name LIKE ?",
                                arguments: ["%\(text)%"]).order(sql: "name").limit(limit).fetchAll(db)
        }
    }
}

enum StarQueueSQL {
    /// The day an application started waiting at its stage.
    static let since = """
        COALESCE((SELECT substr(MAX(ev.at), 1, 10) FROM star_event ev WHERE ev.evaluation_id = e.id),
                 CASE WHEN e.stage = '\(EvalStage.publicity.rawValue)' THEN e.publicity_start END, e.submitted)
        """

    static let stageOrder = EvalStage.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")

    static func whereClause(_ f: StarQueueFilter) -> (String, StatementArguments) {
        var parts: [String] = []
        var args: [DatabaseValueConvertible?] = []
        let stages = f.effectiveStages
        parts.append("e.stage IN (\(stages.map { _ in "?" }.joined(separator: ",")))")
        args += stages.map { $0.rawValue }
        if let r = f.regionCode, !r.isEmpty { parts.append("o.region_code LIKE ?"); args.append(r + "%") }
        if let c = f.committeeId { parts.append("o.parent_id = ?"); args.append(c) }
        if let s = f.appliedStar { parts.append("e.applied_star = ?"); args.append(s) }
        if let y = f.year { parts.append("e.year = ?"); args.append(y) }
        if !f.text.isEmpty { parts.append("o.name LIKE ?"); args.append("%\(f.text)%") }
        return (parts.joined(separator: " AND "), StatementArguments(args))
    }
}
