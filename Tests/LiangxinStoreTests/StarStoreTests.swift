import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// Rubric files (round trips and broken files located by line), rubric supersession, the cycle's changes in SQL
/// against the model, the queue's order and the secretary's training hours.
final class StarStoreTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        tmp = TempDir()
        store = try Store(path: tmp.file("s.sqlite"))
        try Fixture.make().load(into: store)
    }

    /// The standard rubric plus a cap veto, so every shape of the file is exercised.
    var rubric: Rubric {
        var r = Rubric.standard(year: 2026)
        r.name = "示例市两新组织党组织星级评定标准（2026）"
        return r
    }

    // MARK: files

    func testRubricRoundTripsThroughTOMLAndJSON() throws {
        for f in RubricFile.Format.allCases {
            let text = RubricFile.write(rubric, format: f)
            XCTAssertEqual(try RubricFile.parse(text, file: "r.\(f.rawValue)", format: f), rubric, f.rawValue)
            // Written again, the text is the same (stable key order).
            XCTAssertEqual(RubricFile.write(try RubricFile.parse(text, file: "r", format: f), format: f), text)
        }
        let toml = RubricFile.write(rubric, format: .toml)
        XCTAssertTrue(toml.contains("[[dimensions.items]]\n  name = \"三会一课\"\n  max = 8"), toml)
        XCTAssertTrue(toml.contains("[[vetoes]]\nname = \"不良信用记录\"\neffect = \"cap\"\ncap = 2"), toml)
        XCTAssertTrue(toml.contains("[[quotas]]\nstar = 5\nmax_percent = 10"), toml)
        // A file saved by hand with decimals and a BOM reads the same.
        let edited = "\u{FEFF}" + toml.replacingOccurrences(of: "min = 90", with: "min = 89.5")
        XCTAssertEqual(try RubricFile.parse(edited, file: "r.toml", format: .toml).thresholds.first { $0.star == 5 }?.minScore, 89.5)
    }

    func failure(_ text: String, _ format: RubricFile.Format) -> [String] {
        do {
            _ = try RubricFile.parse(text, file: "bad.\(format.rawValue)", format: format)
            XCTFail("accepted")
            return []
        } catch let e as RubricFile.Failed {
            return e.problems.map(\.description)
        } catch {
            XCTFail("\(error)")
            return []
        }
    }

    /// The line of the first line of `text` holding `needle` (1-based).
    func lineOf(_ needle: String, in text: String) -> Int {
        (text.components(separatedBy: "\n").firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    func testBrokenTOMLFilesAreReportedWithFileAndLine() throws {
        let good = RubricFile.write(rubric, format: .toml)
        // Syntax: an unterminated string on the line of 组织设置.
        let syntax = good.replacingOccurrences(of: "name = \"组织设置\"", with: "name = \"组织设置")
        let s = failure(syntax, .toml)
        XCTAssertEqual(s.count, 1)
        XCTAssertTrue(s[0].hasPrefix("bad.toml:\(lineOf("name = \"组织设置", in: syntax)): TOML语法错误"), s[0])
        // A wrong type: the second dimension's max is text.
        let type = good.replacingOccurrences(of: "name = \"班子队伍\"\nmax = 20", with: "name = \"班子队伍\"\nmax = \"二十\"")
        XCTAssertEqual(failure(type, .toml), ["bad.toml:\(lineOf("max = \"二十\"", in: type)): dimensions[1].max: 类型不对，应为数字 (wrong type)"])
        // A missing key: a threshold without its score names the threshold's header.
        let missing = good.replacingOccurrences(of: "star = 3\nmin = 70\n", with: "star = 3\n")
        let m = failure(missing, .toml)
        XCTAssertEqual(m.count, 1)
        XCTAssertTrue(m[0].contains("thresholds[2].min: 缺少此项"), m[0])
        XCTAssertTrue(m[0].hasPrefix("bad.toml:"), m[0])
        // A rule broken: ★★★★ at 95 is above ★★★★★ at 90 → the line of the ★★★★ line's score.
        let rule = good.replacingOccurrences(of: "min = 80", with: "min = 95")
        XCTAssertEqual(failure(rule, .toml), ["bad.toml:\(lineOf("min = 95", in: rule)): thresholds: 5星的分数线应高于4星"])
        // Sub-items that do not add up name the dimension's items.
        let items = good.replacingOccurrences(of: "name = \"三会一课\"\n  max = 8", with: "name = \"三会一课\"\n  max = 9")
        let i = failure(items, .toml)
        XCTAssertEqual(i, ["bad.toml:\(lineOf("[[dimensions.items]]", in: items)): dimensions.组织生活: 子项满分之和应等于20.0"])
        // An unknown veto effect.
        let effect = good.replacingOccurrences(of: "effect = \"cap\"", with: "effect = \"halve\"")
        XCTAssertEqual(failure(effect, .toml), ["bad.toml:\(lineOf("halve", in: effect)): vetoes.不良信用记录: effect 应为 \"no_rating\" 或 \"cap\"，实为“halve”"])
    }

    func testBrokenJSONFilesAreReportedWithTheLineOfTheByteOffset() throws {
        let good = RubricFile.write(rubric, format: .json)
        // A missing comma after `"max" : 15`: the parser stops at the next key, on the following line.
        let syntax = good.replacingOccurrences(of: "\"max\" : 15,", with: "\"max\" : 15")
        let s = failure(syntax, .json)
        XCTAssertEqual(s.count, 1)
        XCTAssertTrue(s[0].hasPrefix("bad.json:\(lineOf("\"max\" : 15", in: syntax) + 1): JSON语法错误"), s[0])
        // A wrong type is found by its path.
        let type = good.replacingOccurrences(of: "\"max_percent\" : 30", with: "\"max_percent\" : \"三成\"")
        XCTAssertEqual(failure(type, .json), ["bad.json:\(lineOf("三成", in: type)): quotas[1].max_percent: 类型不对，应为数字 (wrong type)"])
    }

    func testReadingAFileThatIsNotThere() {
        XCTAssertThrowsError(try RubricFile.read(path: tmp.file("none.toml"))) { e in
            XCTAssertEqual("\(e)", "\(tmp.file("none.toml")):0: 无法读取文件 (cannot read)")
        }
        XCTAssertEqual(RubricFile.format(forPath: "x.JSON", text: ""), .json)
        XCTAssertEqual(RubricFile.format(forPath: "x.txt", text: "  {"), .json)
        XCTAssertEqual(RubricFile.format(forPath: "x.txt", text: "year = 1"), .toml)
    }

    // MARK: supersession

    func testARubricUsedByDecidedEvaluationsIsSupersededNotChanged() throws {
        guard case .added(let first) = try store.importRubric(rubric, source: "test") else { return XCTFail() }
        XCTAssertEqual(try store.importRubric(rubric, source: "test"), .unchanged(id: first))
        // Unused: changed in place.
        var r2 = rubric
        r2.quotas = [Rubric.Quota(star: 5, maxPercent: 12)]
        XCTAssertEqual(try store.importRubric(r2, source: "test"), .replaced(id: first))
        XCTAssertEqual(try store.currentRubric(year: 2026)?.rubric().quotas.first?.maxPercent, 12)
        // Used by a decided application (and one pending): a new one supersedes it, the pending one moves over.
        try store.write(source: "test") { l in
            var done = StarEvaluation(partyOrgId: 1, year: 2026, rubricId: first, stage: .decided, appliedStar: 4, decidedStar: 4)
            var open = StarEvaluation(partyOrgId: 2, year: 2026, rubricId: first, stage: .review, appliedStar: 3)
            try l.insert(&done)
            try l.insert(&open)
        }
        var r3 = r2
        r3.thresholds[0].minScore = 92
        guard case .superseded(let old, let new, let moved) = try store.importRubric(r3, source: "test") else { return XCTFail() }
        XCTAssertEqual(old, first)
        XCTAssertEqual(moved, 1)
        XCTAssertEqual(try store.rubricRecord(id: first)?.supersededBy, new)
        XCTAssertEqual(try store.rubricRecord(id: first)?.rubric(), r2, "the decided evaluation's rubric is untouched")
        XCTAssertEqual(try store.currentRubric(year: 2026)?.id, new)
        let rubricIds = try store.read { try Int64.fetchAll($0, sql: "SELECT rubric_id FROM star_evaluation ORDER BY party_org_id") }
        XCTAssertEqual(rubricIds, [first, new])
        // Every step is audited: insert, update (replace), insert + update (supersede), and the moved application.
        let audit = try store.read { try AuditEntry.filter(Column("entity") == "rubric").order(Column("id")).fetchAll($0) }
        XCTAssertEqual(audit.map(\.action), ["insert", "update", "insert", "update"])
        XCTAssertEqual(try store.history(entity: "star_evaluation", id: 2).map(\.action), ["insert", "update"])
        // A broken rubric is refused before anything is written.
        var bad = r3
        bad.dimensions = []
        XCTAssertThrowsError(try store.importRubric(bad, source: "test"))
        XCTAssertEqual(try store.rubricRecords().count, 2)
    }

    // MARK: queries

    func testSecretaryHoursCountOnlyTheSecretarysSessionsThisYear() throws {
        try store.write(source: "test") { l in
            var a = TrainingSession(date: Day("2026-03-01")!, title: "书记轮训", type: .secretaryRotation, personTimes: 30, hours: 24)
            var b = TrainingSession(date: Day("2026-06-01")!, title: "专题党课", type: .partyLecture, personTimes: 30, hours: 3.5)
            var c = TrainingSession(date: Day("2025-12-31")!, title: "去年培训", type: .course, personTimes: 30, hours: 40)
            try l.insert(&a); try l.insert(&b); try l.insert(&c)
            var rows = [TrainingAttendance(sessionId: a.id!, partyOrgId: 1, personName: "张书记", role: .secretary),
                        TrainingAttendance(sessionId: b.id!, partyOrgId: 1, personName: "张书记", role: .secretary),
                        TrainingAttendance(sessionId: c.id!, partyOrgId: 1, personName: "张书记", role: .secretary),
                        TrainingAttendance(sessionId: b.id!, partyOrgId: 1, personName: "李委员", role: .committeeMember),
                        TrainingAttendance(sessionId: a.id!, partyOrgId: 2, personName: "王书记", role: .secretary)]
            for i in rows.indices { try l.insert(&rows[i]) }
        }
        // Org 1's secretary in 2026: 24 + 3.5 = 27.5 (the 2025 session and the committee member's do not count).
        XCTAssertEqual(try store.read { try StarsSQL.secretaryHours($0, orgId: 1, year: 2026) }, 27.5)
        XCTAssertEqual(try store.read { try StarsSQL.secretaryHours($0, orgId: 2, year: 2026) }, 24)
        XCTAssertEqual(try store.read { try StarsSQL.secretaryHours($0, orgId: 3, year: 2026) }, 0)
    }

    func testQueueIsFilteredAndSortedByWaitingTime() throws {
        try store.write(source: "test") { l in
            // Waiting since: org 1 at 公示 since 2026-09-01; org 2 submitted 2026-09-20; org 3 at 审核, submitted 2026-10-01
            // but returned to 审核 by an event on 2026-11-01; org 5 a draft (not in the queue).
            var e1 = StarEvaluation(partyOrgId: 1, year: 2026, stage: .publicity, appliedStar: 5, publicityStart: Day("2026-09-01"),
                                    publicityEnd: Day("2026-09-07"), submitted: Day("2026-03-01"))
            var e2 = StarEvaluation(partyOrgId: 2, year: 2026, stage: .submitted, appliedStar: 3, submitted: Day("2026-09-20"))
            var e3 = StarEvaluation(partyOrgId: 3, year: 2026, stage: .review, appliedStar: 4, submitted: Day("2026-10-01"))
            var e5 = StarEvaluation(partyOrgId: 5, year: 2026, stage: .draft, appliedStar: 2)
            try l.insert(&e1); try l.insert(&e2); try l.insert(&e3); try l.insert(&e5)
            var ev = StarEvent(evaluationId: e3.id, partyOrgId: 3, at: "2026-11-01T09:00:00+08:00", actor: "t", action: "退回",
                               fromStage: .publicity, toStage: .review, comment: "补充材料")
            try l.insert(&ev)
        }
        let q = try store.starQueue(StarQueueFilter(year: 2026))
        // Days waited on 2026-11-22: 82, 63, 21.
        XCTAssertEqual(q.map(\.orgName), ["恒远机械党支部", "东湖商圈联合党支部", "快递物流行业党支部"])
        XCTAssertEqual(q.map { $0.waitingDays(today: today) }, [82, 63, 21])
        XCTAssertEqual(try store.starQueueCount(StarQueueFilter(year: 2026)), 3)
        XCTAssertEqual(try store.starQueueCount(StarQueueFilter(stages: [.draft])), 1)
        XCTAssertEqual(try store.starQueue(StarQueueFilter(regionCode: "990103")).map(\.orgName), ["快递物流行业党支部"])
        XCTAssertEqual(try store.starQueue(StarQueueFilter(appliedStar: 3)).map(\.orgName), ["东湖商圈联合党支部"])
        XCTAssertEqual(try store.starQueue(StarQueueFilter(text: "快递")).count, 1)
        XCTAssertEqual(try store.starQueue(StarQueueFilter(), sort: .waiting, ascending: false).first?.orgName, "快递物流行业党支部")
        XCTAssertEqual(try store.starQueuePosition(of: 2, StarQueueFilter(), sort: .waiting, ascending: true), 1)
        XCTAssertNil(try store.starQueuePosition(of: 4, StarQueueFilter(), sort: .waiting, ascending: true))
    }

    /// `StarsChangeSQL.kindExpr` mirrors `StarChange.Kind.of`: on the sample city the counts the SQL groups equal the
    /// model's classification of every change listed.
    func testCycleChangesInSQLAgreeWithTheModel() throws {
        let t2 = TempDir()
        let s = try Store(path: t2.file("sample.sqlite"))
        _ = try CSVSet.load(directory: SampleDataTests.sampleDir, into: s, today: today)
        // Add in-cycle changes so every kind occurs: a raise, a lowering and a revoke, filed under the organizations'
        // 2026 applications (so the cycle does not depend on the clock).
        let orgs = try s.read { try PartyOrg.filter(sql: """
            status <> '撤销' AND star_level BETWEEN 2 AND 4 AND id IN (SELECT party_org_id FROM star_evaluation WHERE year = 2026)
            """).order(sql: "id").limit(3).fetchAll($0) }
        XCTAssertEqual(orgs.count, 3)
        try s.write(source: "test") { l in
            for (o, a) in zip(orgs, [StarAction.raise(to: orgs[0].starLevel + 1), .lower(to: orgs[1].starLevel - 1), .revoke]) {
                let e = try StarEvaluation.filter(sql: "party_org_id = ? AND year = 2026", arguments: [o.id]).fetchOne(l.db)
                try l.star(a, evaluation: nil, org: o, rubric: nil, comment: "周期内调整")
                // File it under the cycle's application, as the panel does.
                try l.db.execute(sql: "UPDATE star_event SET evaluation_id = ? WHERE id = (SELECT MAX(id) FROM star_event)", arguments: [e?.id])
            }
        }
        for year in [2025, 2026] {
            let sum = try s.starSummary(year: year)
            let all = try s.starChanges(year: year)
            XCTAssertEqual(sum.changeCounts, all.countsByKind, "\(year)")
            XCTAssertEqual(all.count, sum.changeCounts.values.reduce(0, +))
        }
        let c26 = try s.starSummary(year: 2026).changeCounts
        XCTAssertGreaterThanOrEqual(c26[.down] ?? 0, 1)
        XCTAssertGreaterThanOrEqual(c26[.revoked] ?? 0, 1)
        // The distribution the panel shows is the overview's (hand-counted in EXPECTED.md) after the three changes.
        XCTAssertEqual(try s.starDistribution().active, 1069)
    }
}
