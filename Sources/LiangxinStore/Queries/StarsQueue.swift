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
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(StarQueueSQL.from(f)) WHERE \(w)", arguments: args) ?? 0
        }
    }

    /// One page of the queue in the chosen order (longest waiting first by default).
    public func starQueue(_ f: StarQueueFilter, sort: StarQueueSort = .waiting, ascending: Bool = true, offset: Int = 0,
                          limit: Int = 100) throws -> [StarQueueRow] {
        try read { db in
            // The page's ids first: the order needs only the sort key, most of it read off an index; the names,
            // committees and scores are then read for just those rows.
            let ids = try StarQueueSQL.pageIds(db, f, sort: sort, ascending: ascending, offset: offset, limit: limit)
            return try StarQueueSQL.rows(db, ids: ids)
        }
    }

    /// Where an application sits in the queue (nil when the filter no longer holds it).
    public func starQueuePosition(of evaluationId: Int64, _ f: StarQueueFilter, sort: StarQueueSort, ascending: Bool) throws -> Int? {
        // The queue is short per stage; scanning its ids in order is cheaper than a window function on every key.
        // Ids only: the rows (names, committees, scores) are not needed to find a place.
        try read { db in
            var offset = 0
            while true {
                let page = try StarQueueSQL.pageIds(db, f, sort: sort, ascending: ascending, offset: offset, limit: 2000)
                if let i = page.firstIndex(of: evaluationId) { return offset + i }
                if page.count < 2000 { return nil }
                offset += 2000
            }
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
    /// The day an application started waiting at its stage; stored as `waiting_since` (see `StarsSchema`).
    static let since = StarsSchema.since("e")

    static let stageOrder = EvalStage.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")

    /// The filter reads the organization's row (region, committee). The name is matched on the application's copy
    /// of it (`org_name`, see `StarsSchema`), off the queue's index.
    static func readsOrg(_ f: StarQueueFilter) -> Bool {
        !(f.regionCode ?? "").isEmpty || f.committeeId != nil
    }

    /// The applications first, then their organizations (CROSS JOIN fixes that order: without statistics SQLite
    /// may otherwise loop over the organizations and scan the year's applications for each).
    static let appsThenOrgs = "star_evaluation e CROSS JOIN party_org o ON o.id = e.party_org_id"

    /// The organizations in the order of an index (name, region), each one's applications looked up by id.
    static let orgsThenApps = "party_org o CROSS JOIN star_evaluation e INDEXED BY star_evaluation_org_stage ON e.party_org_id = o.id"

    /// The tables a count reads. `party_org_id` is NOT NULL and an enforced foreign key (deleting an organization
    /// deletes its applications), so every application has its organization: the join only matters when the filter
    /// reads the organization, and a plain count is read off the index alone.
    static func from(_ f: StarQueueFilter) -> String {
        readsOrg(f) ? appsThenOrgs : "star_evaluation e"
    }

    /// Sorted by a column of the organization, pages up to this far walk the organizations in that order and stop
    /// after the page (a screenful costs under a millisecond); deeper reads (End, the position search, the export)
    /// sort the whole queue once, which costs the same wherever the page is (walking to the end costs three times that).
    static let walkLimit = 1000

    /// Ascending: longest waiting first, undated last (the order of the `star_evaluation_queue` index).
    static func waiting(_ ascending: Bool) -> String {
        "e.waiting_since IS NULL, e.waiting_since \(ascending ? "ASC" : "DESC")"
    }

    /// The ids of one page. `walk` forces (true) or forbids (false) walking the organizations for the name and
    /// region orders; nil decides by depth (`walkLimit`). Both ways read the same ORDER BY.
    static func pageIds(_ db: Database, _ f: StarQueueFilter, sort: StarQueueSort, ascending: Bool, offset: Int, limit: Int,
                        walk: Bool? = nil) throws -> [Int64] {
        let dir = ascending ? "ASC" : "DESC"
        let walks = walk ?? (max(0, offset) + limit <= walkLimit)
        var from = self.from(f), name = "e.org_name"
        let order: String
        switch sort {
        case .waiting: order = "\(waiting(ascending)), e.id"
        case .stage: order = "CASE e.stage \(stageOrder) END \(dir), \(waiting(true)), e.id"
        case .applied: order = "e.applied_star \(dir), \(waiting(true)), e.id"
        case .region:
            from = walks ? orgsThenApps : appsThenOrgs
            order = "o.region_code \(dir), \(waiting(true)), e.id"
        case .name:
            // Walking the name index, the name is matched there, before any application is looked up.
            from = walks ? orgsThenApps : appsThenOrgs
            if walks { name = "o.name" }
            order = "o.name \(dir), e.id"
        }
        let (w, args) = whereClause(f, name: name)
        return try Int64.fetchAll(db, sql: "SELECT e.id FROM \(from) WHERE \(w) ORDER BY \(order) LIMIT ? OFFSET ?",
                                  arguments: args + [limit, max(0, offset)])
    }

    /// The rows of these applications, in the order of `ids`.
    static func rows(_ db: Database, ids: [Int64]) throws -> [StarQueueRow] {
        guard !ids.isEmpty else { return [] }
        var byId: [Int64: StarQueueRow] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT e.id, e.party_org_id, o.name, COALESCE(r.name, o.region_code) AS region, p.name AS committee, e.stage,
                   e.applied_star, e.year, e.self_scores, e.reviewer_scores, e.rubric_id, e.waiting_since
            FROM star_evaluation e JOIN party_org o ON o.id = e.party_org_id
            LEFT JOIN region r ON r.code = o.region_code
            LEFT JOIN party_org p ON p.id = o.parent_id
            WHERE e.id IN (\(ids.map(String.init).joined(separator: ",")))
            """) {
            let row = StarQueueRow(evaluationId: r["id"], orgId: r["party_org_id"], orgName: r["name"], regionName: r["region"],
                                   committeeName: r["committee"], stage: EvalStage(rawValue: r["stage"]) ?? .draft,
                                   appliedStar: r["applied_star"], year: r["year"], selfScores: r["self_scores"],
                                   reviewerScores: r["reviewer_scores"], rubricId: r["rubric_id"],
                                   waitingSince: (r["waiting_since"] as String?).flatMap { Day($0) })
            byId[row.evaluationId] = row
        }
        return ids.compactMap { byId[$0] }
    }

    /// `name` is the column the `/` text is matched on: the application's copy, or the organization's own name
    /// when the query reads it anyway (the triggers keep them equal).
    static func whereClause(_ f: StarQueueFilter, name: String = "e.org_name") -> (String, StatementArguments) {
        var parts: [String] = []
        var args: [DatabaseValueConvertible?] = []
        let stages = f.effectiveStages
        parts.append("e.stage IN (\(stages.map { _ in "?" }.joined(separator: ",")))")
        args += stages.map { $0.rawValue }
        if let r = f.regionCode, !r.isEmpty { parts.append("o.region_code LIKE ?"); args.append(r + "%") }
        if let c = f.committeeId { parts.append("o.parent_id = ?"); args.append(c) }
        if let s = f.appliedStar { parts.append("e.applied_star = ?"); args.append(s) }
        if let y = f.year { parts.append("e.year = ?"); args.append(y) }
        if !f.text.isEmpty { parts.append("\(name) LIKE ?"); args.append("%\(f.text)%") }
        return (parts.joined(separator: " AND "), StatementArguments(args))
    }
}
