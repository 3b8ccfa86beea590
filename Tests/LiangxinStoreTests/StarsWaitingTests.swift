import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The stored "waiting since" day and organization name (migration v2-stars) against the formula and the name they
/// copy, through every write path, and the queue's fast reads against the simple queries they replace, on the
/// sample city and a generated one.
final class StarsWaitingTests: XCTestCase {
    /// The formula as the queue computed it before it was stored, written out again here on purpose.
    static let formula = """
        COALESCE((SELECT substr(MAX(ev.at), 1, 10) FROM star_event ev WHERE ev.evaluation_id = e.id),
                 CASE WHEN e.stage = '公示' THEN e.publicity_start END, e.submitted)
        """

    /// Applications whose stored day or name differ from the formula or the organization's name.
    func mismatches(_ s: Store, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        try s.read { try Int.fetchOne($0, sql: """
            SELECT COUNT(*) FROM star_evaluation e
            WHERE e.waiting_since IS NOT (\(Self.formula)) OR e.org_name IS NOT (SELECT o.name FROM party_org o WHERE o.id = e.party_org_id)
            """)! }
    }

    func waiting(_ s: Store, _ id: Int64) throws -> String? {
        try s.read { try String.fetchOne($0, sql: "SELECT waiting_since FROM star_evaluation WHERE id = ?", arguments: [id]) }
    }

    func sample(_ tmp: TempDir) throws -> Store {
        let s = try Store(path: tmp.file("sample.sqlite"))
        _ = try CSVSet.load(directory: SampleDataTests.sampleDir, into: s, today: today)
        return s
    }

    /// Applications of 2026 at a stage, by id.
    static func at(_ s: Store, _ stage: EvalStage, limit: Int) throws -> [StarEvaluation] {
        try s.read { try StarEvaluation.filter(sql: "year = 2026 AND stage = ?", arguments: [stage.rawValue]).order(sql: "id").limit(limit).fetchAll($0) }
    }

    /// Moves applications through the workflow as reviewers do: passes, a notice, returns, a rejection, a grant.
    /// Returns the audit ids of the last save (for undo).
    @discardableResult
    static func review(_ s: Store) throws -> [Int64] {
        let submitted = try Self.at(s, .submitted, limit: 3), review = try Self.at(s, .review, limit: 2), notice = try Self.at(s, .publicity, limit: 1)
        var last: [Int64] = []
        func act(_ a: StarAction, _ e: StarEvaluation, comment: String? = nil) throws {
            let org = try XCTUnwrap(try s.fetch(PartyOrg.self, id: e.partyOrgId))
            let fresh = try XCTUnwrap(try s.fetch(StarEvaluation.self, id: e.id!))
            last = try s.write(source: "test") { l in
                try l.star(a, evaluation: fresh, org: org, rubric: Rubric.standard(year: 2026), comment: comment)
                return l.written.ids
            }
        }
        for e in submitted { try act(.pass(), e) }
        try act(.sendBack, submitted[0], comment: "补充材料")
        try act(.pass(publicityStart: Day("2026-11-02"), publicityEnd: Day("2026-11-09")), review[0])
        try act(.reject, review[1], comment: "材料不实")
        if let n = notice.first {
            let org = try XCTUnwrap(try s.fetch(PartyOrg.self, id: n.partyOrgId))
            try act(.grant(star: max(1, min(5, org.starLevel))), n, comment: "按评定")
        }
        return last
    }

    func testTheSampleAndEveryWritePathKeepTheStoredDayRight() throws {
        let tmp = TempDir()
        let s = try sample(tmp)
        // The import path (CSV through the ledger).
        XCTAssertEqual(try mismatches(s), 0)
        XCTAssertGreaterThan(try s.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM star_evaluation WHERE waiting_since IS NOT NULL")! }, 100)

        // The review workflow (events inserted, stages and notice dates changed).
        let passed = try XCTUnwrap(try Self.at(s, .submitted, limit: 1).first)
        let undo = try Self.review(s)
        XCTAssertEqual(try mismatches(s), 0)
        let eventDay = try s.read { try String.fetchOne($0, sql: "SELECT substr(MAX(at), 1, 10) FROM star_event WHERE evaluation_id = ?", arguments: [passed.id]) }
        XCTAssertNotNil(eventDay)
        XCTAssertEqual(try waiting(s, passed.id!), eventDay, "after its events, it waits since the last one")

        // Undo of the last save (the event deleted, the application put back).
        try s.undo(auditIds: undo)
        XCTAssertEqual(try mismatches(s), 0)

        // An edit of the application's dates, and a renamed organization, through the ledger (the forms' path).
        var draft = try XCTUnwrap(try Self.at(s, .publicity, limit: 2).last)
        draft.publicityStart = Day("2026-10-15")
        var org = try XCTUnwrap(try s.fetch(PartyOrg.self, id: draft.partyOrgId))
        org.name = "改名后的党支部"
        try s.write(source: "test") { l in try l.update(&draft); try l.update(&org) }
        XCTAssertEqual(try mismatches(s), 0)
        XCTAssertEqual(try s.starQueueCount(StarQueueFilter(year: 2026, text: "改名后")), 1)

        // Raw SQL (sqlite3 on the file): an event moved to another application, events deleted, an application deleted.
        let other = try XCTUnwrap(try Self.at(s, .firstCheck, limit: 1).first)
        try s.pool.write { db in
            try db.execute(sql: "UPDATE star_event SET evaluation_id = ? WHERE id = (SELECT MIN(id) FROM star_event)", arguments: [other.id])
            try db.execute(sql: "UPDATE star_event SET at = '2026-01-05T08:00:00+08:00' WHERE id = (SELECT MAX(id) FROM star_event)")
            try db.execute(sql: "UPDATE party_org SET name = name || '（更名）' WHERE id % 7 = 0")
            // Moved to an organization without applications (one per organization and year).
            try db.execute(sql: """
                UPDATE star_evaluation SET party_org_id = (SELECT MIN(id) FROM party_org WHERE id NOT IN (SELECT party_org_id FROM star_evaluation))
                WHERE id = ?
                """, arguments: [other.id])
        }
        XCTAssertEqual(try mismatches(s), 0)
        try s.pool.write { db in
            try db.execute(sql: "DELETE FROM star_event WHERE id = (SELECT MAX(id) FROM star_event)")
            try db.execute(sql: "DELETE FROM star_evaluation WHERE id = ?", arguments: [other.id])
        }
        XCTAssertEqual(try mismatches(s), 0)
    }

    /// A file made before v2-stars gets the day filled in when it is opened.
    func testTheMigrationFillsTheDayOfAnOlderFile() throws {
        let tmp = TempDir()
        let path = tmp.file("v1.sqlite")
        do {
            let q = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(q, upTo: "v1")
            try q.write { db in
                try db.execute(sql: """
                    INSERT INTO region(code, name, level) VALUES ('990100', '示例市', 2);
                    INSERT INTO party_org(id, name, org_type, formation, region_code, status) VALUES (1, '甲党支部', '党支部', '单独组建', '990100', '正常'),
                      (2, '乙党支部', '党支部', '单独组建', '990100', '正常'), (3, '丙党支部', '党支部', '单独组建', '990100', '正常');
                    INSERT INTO star_evaluation(id, party_org_id, year, stage, submitted, publicity_start) VALUES
                      (1, 1, 2026, '审核', '2026-03-01', NULL), (2, 2, 2026, '公示', '2026-03-02', '2026-09-01'), (3, 3, 2026, '草稿', NULL, NULL);
                    INSERT INTO star_event(evaluation_id, party_org_id, at, actor, action) VALUES (1, 1, '2026-06-30T10:00:00+08:00', 't', '通过');
                    """)
            }
            try q.close()
        }
        let s = try Store(path: path)
        XCTAssertEqual(try waiting(s, 1), "2026-06-30")
        XCTAssertEqual(try waiting(s, 2), "2026-09-01")
        XCTAssertNil(try waiting(s, 3))
        XCTAssertEqual(try mismatches(s), 0)
    }

    // MARK: the queue against the simple query

    /// The queue's filter as it was before v2-stars (the organization's own name).
    static func simpleWhere(_ f: StarQueueFilter) -> (String, StatementArguments) {
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

    /// The queue as it was read before v2-stars: the day computed per row, every row joined, the whole lot sorted.
    static func simpleQueue(_ db: Database, _ f: StarQueueFilter, sort: StarQueueSort, ascending: Bool) throws -> [StarQueueRow] {
        let (w, args) = simpleWhere(f)
        let dir = ascending ? "ASC" : "DESC"
        let order: String
        switch sort {
        case .waiting: order = "since \(dir) NULLS LAST, e.id"
        case .name: order = "o.name \(dir), e.id"
        case .stage: order = "CASE e.stage \(StarQueueSQL.stageOrder) END \(dir), since ASC NULLS LAST, e.id"
        case .applied: order = "e.applied_star \(dir), since ASC NULLS LAST, e.id"
        case .region: order = "o.region_code \(dir), since ASC NULLS LAST, e.id"
        }
        return try Row.fetchAll(db, sql: """
            SELECT e.id, e.party_org_id, o.name, COALESCE(r.name, o.region_code) AS region, p.name AS committee, e.stage,
                   e.applied_star, e.year, e.self_scores, e.reviewer_scores, e.rubric_id, \(formula) AS since
            FROM star_evaluation e JOIN party_org o ON o.id = e.party_org_id
            LEFT JOIN region r ON r.code = o.region_code
            LEFT JOIN party_org p ON p.id = o.parent_id
            WHERE \(w) ORDER BY \(order)
            """, arguments: args).map { r in
            StarQueueRow(evaluationId: r["id"], orgId: r["party_org_id"], orgName: r["name"], regionName: r["region"],
                         committeeName: r["committee"], stage: EvalStage(rawValue: r["stage"]) ?? .draft,
                         appliedStar: r["applied_star"], year: r["year"], selfScores: r["self_scores"],
                         reviewerScores: r["reviewer_scores"], rubricId: r["rubric_id"],
                         waitingSince: (r["since"] as String?).flatMap { Day($0) })
        }
    }

    /// Every filter shape the panel builds, for a city's own region, committee and names.
    func filters(_ s: Store) throws -> [StarQueueFilter] {
        let (region, committee) = try s.read { db in
            (try String.fetchOne(db, sql: "SELECT substr(region_code, 1, 6) FROM party_org ORDER BY id LIMIT 1")!,
             try Int64.fetchOne(db, sql: "SELECT parent_id FROM party_org WHERE parent_id IS NOT NULL GROUP BY parent_id ORDER BY COUNT(*) DESC, parent_id LIMIT 1"))
        }
        return [StarQueueFilter(year: 2026), StarQueueFilter(year: 2025), StarQueueFilter(),
                StarQueueFilter(year: 2026, text: "党支部"), StarQueueFilter(year: 2026, text: "联合"), StarQueueFilter(year: 2026, text: "没有这个名字"),
                StarQueueFilter(year: 2026, text: "Ａ%_"), StarQueueFilter(regionCode: region, year: 2026, text: "支部"),
                StarQueueFilter(regionCode: region, year: 2026), StarQueueFilter(committeeId: committee, year: 2026),
                StarQueueFilter(appliedStar: 4, year: 2026), StarQueueFilter(stages: [.publicity], year: 2026),
                StarQueueFilter(stages: [.decided], year: 2025), StarQueueFilter(stages: [.draft], year: 2026)]
    }

    func assertQueueAgrees(_ s: Store, file: StaticString = #filePath, line: UInt = #line) throws {
        var compared = 0
        for f in try filters(s) {
            let count = try s.starQueueCount(f)
            for sort in StarQueueSort.allCases {
                for asc in [true, false] {
                    let simple = try s.read { try Self.simpleQueue($0, f, sort: sort, ascending: asc) }
                    XCTAssertEqual(count, simple.count, "\(f) count", file: file, line: line)
                    XCTAssertEqual(try s.starQueue(f, sort: sort, ascending: asc, offset: 0, limit: 100_000), simple,
                                   "\(f) \(sort) \(asc)", file: file, line: line)
                    // A page in the middle is the same slice.
                    let lo = min(7, simple.count), hi = min(simple.count, lo + 13)
                    XCTAssertEqual(try s.starQueue(f, sort: sort, ascending: asc, offset: lo, limit: 13), Array(simple[lo..<hi]),
                                   "\(f) \(sort) \(asc) page", file: file, line: line)
                    // An application's place (next / previous from the review screen).
                    for i in Set([0, simple.count / 2, simple.count - 1]) where simple.indices.contains(i) {
                        XCTAssertEqual(try s.starQueuePosition(of: simple[i].evaluationId, f, sort: sort, ascending: asc), i,
                                       "\(f) \(sort) \(asc) position", file: file, line: line)
                    }
                    // Walking the organizations (first pages) and sorting the queue (deep pages) give the same order.
                    for walk in [true, false] {
                        let ids = try s.read { try StarQueueSQL.pageIds($0, f, sort: sort, ascending: asc, offset: lo, limit: 13, walk: walk) }
                        XCTAssertEqual(ids, simple[lo..<hi].map(\.evaluationId), "\(f) \(sort) \(asc) walk \(walk)", file: file, line: line)
                    }
                    compared += simple.count
                }
            }
        }
        XCTAssertGreaterThan(compared, 1000, file: file, line: line)
    }

    func testQueueAgreesWithTheSimpleQueryOnTheSample() throws {
        let tmp = TempDir()
        let s = try sample(tmp)
        try Self.review(s)
        try assertQueueAgrees(s)
    }

    func testQueueAgreesWithTheSimpleQueryOnAGeneratedCity() throws {
        let tmp = TempDir()
        let s = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 2500, seed: 7, today: today, into: s)
        // The generator writes applications without events: give some of them a history.
        try Self.review(s)
        XCTAssertEqual(try mismatches(s), 0)
        try assertQueueAgrees(s)
    }
}
