import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// The fixture city with stars and a 2026 cycle in review (see `StarFixture` for the hand-made figures).
enum StarFixture {
    static func load(_ store: Store) throws {
        try Fixture.make().load(into: store)
        _ = try store.importRubric(Rubric.standard(year: 2026), source: "fixture")   // rubric #1
        _ = try store.importRubric(Rubric.standard(year: 2025), source: "fixture")   // rubric #2
        func sheet(_ v: [Double]) -> String {
            let names = Rubric.standard(year: 2026).dimensions.map(\.name)
            return ScoreSheet.format(Dictionary(uniqueKeysWithValues: zip(names, v)), order: names)
        }
        try store.write(source: "fixture") { l in
            // Rated: 东湖商圈 ★★★★★, 快递物流 ★★★, 兼合式 ★★ → 3 rated of 4 active (恒远 unrated; #4 revoked).
            for (id, star) in [(Int64(2), 5), (3, 3), (5, 2)] {
                var o = try PartyOrg.fetchOne(l.db, key: id)!
                o.starLevel = star
                try l.update(&o)
            }
            var o1 = try PartyOrg.fetchOne(l.db, key: 1)!
            o1.secretaryName = "张伟"
            try l.update(&o1)
            var evs = [
                // #1 恒远 at 公示 since 2026-09-01 (82 days), self 14+18+13+18+9+18 = 90, innovation project.
                StarEvaluation(partyOrgId: 1, year: 2026, rubricId: 1, stage: .publicity, appliedStar: 5, selfScores: sheet([14, 18, 13, 18, 9, 18]),
                               evidence: "三会一课记录、主题党日台账、创新项目材料", innovation: true, publicityStart: Day("2026-09-01"),
                               publicityEnd: Day("2026-09-07"), submitted: Day("2026-03-01")),
                // #2 快递物流 submitted 2026-09-20 (63 days), self 12+15+12+15+8+15 = 77.
                StarEvaluation(partyOrgId: 3, year: 2026, rubricId: 1, stage: .submitted, appliedStar: 3, selfScores: sheet([12, 15, 12, 15, 8, 15]),
                               submitted: Day("2026-09-20")),
                // #3 the revoked branch at 公示 since 2026-10-01 (52 days), scored 12+15+12+15+8+15 = 77.
                StarEvaluation(partyOrgId: 4, year: 2026, rubricId: 1, stage: .publicity, appliedStar: 3, selfScores: sheet([12, 15, 12, 15, 8, 15]),
                               reviewerScores: sheet([12, 15, 12, 15, 8, 15]), publicityStart: Day("2026-10-01"), publicityEnd: Day("2026-10-07"),
                               submitted: Day("2026-03-02")),
                // #4 兼合式 at 公示 since 2026-10-15 (38 days), vetoed.
                StarEvaluation(partyOrgId: 5, year: 2026, rubricId: 1, stage: .publicity, appliedStar: 3, selfScores: sheet([12, 15, 12, 15, 8, 15]),
                               reviewerScores: sheet([12, 15, 12, 15, 8, 15]), vetoes: "严重违纪违法", publicityStart: Day("2026-10-15"),
                               publicityEnd: Day("2026-10-21"), submitted: Day("2026-03-03")),
                // #5 东湖商圈's 2026 draft, and #6 its 2025 ★★★★★.
                StarEvaluation(partyOrgId: 2, year: 2026, rubricId: 1, stage: .draft, appliedStar: 5),
                StarEvaluation(partyOrgId: 2, year: 2025, rubricId: 2, stage: .decided, appliedStar: 5, selfScores: sheet([15, 19, 14, 19, 9, 19]),
                               reviewerScores: sheet([14, 19, 14, 19, 9, 18]), innovation: true, decidedStar: 5,
                               publicityStart: Day("2025-04-01"), publicityEnd: Day("2025-04-07"), submitted: Day("2025-03-01")),
            ]
            for i in evs.indices { try l.insert(&evs[i]) }
            // 张伟 (恒远's secretary) trained 24 + 8 = 32 学时 in 2026.
            var s1 = TrainingSession(date: Day("2026-05-10")!, title: "书记轮训", type: .secretaryRotation, personTimes: 20, hours: 24)
            var s2 = TrainingSession(date: Day("2026-07-01")!, title: "专题党课", type: .partyLecture, personTimes: 20, hours: 8)
            try l.insert(&s1); try l.insert(&s2)
            for s in [s1, s2] {
                var a = TrainingAttendance(sessionId: s.id!, partyOrgId: 1, personName: "张伟", role: .secretary)
                try l.insert(&a)
            }
        }
    }
}

final class StarsPanelTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("stars.sqlite"))
        try StarFixture.load(store)
    }

    func render(_ keys: String, _ w: Int = 120, _ h: Int = 40, lang: Lang = .zh) throws -> [String] {
        let k = try Key.parseScript(keys)
        let s = store!
        return MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today, lang: lang), panel: .stars, width: w, height: h, keys: k)
        }
    }

    func evaluation(_ id: Int64) throws -> StarEvaluation { try XCTUnwrap(try store.fetch(StarEvaluation.self, id: id)) }
    func org(_ id: Int64) throws -> PartyOrg { try XCTUnwrap(try store.fetch(PartyOrg.self, id: id)) }
    func events() throws -> [StarEvent] { try store.read { try StarEvent.order(Column("id")).fetchAll($0) } }
    func audit(_ entity: String, _ id: Int64, source: String = "stars") throws -> [String] {
        try store.history(entity: entity, id: id).filter { $0.source == source }.map(\.action)
    }

    func assertLines(_ got: [String], _ expected: String, width: Int, file: StaticString = #filePath, line: UInt = #line) {
        let want = expected.components(separatedBy: "\n")
        XCTAssertEqual(got.count, want.count, file: file, line: line)
        for (i, (g, e)) in zip(got, want).enumerated() { XCTAssertEqual(g, e, "line \(i)", file: file, line: line) }
        for l in got { XCTAssertLessThanOrEqual(displayWidth(l), width, l, file: file, line: line) }
    }

    /// Open the queue, score every dimension, approve: the star lands on the organization and the application, with
    /// its history row and its audit rows.
    func testCompleteReviewFromTheQueueGrantsTheStar() throws {
        // 14 + 19 + 14 + 18 + 9 + 18 = 92 ≥ 90 with an innovation project → ★★★★★. Quota ★★★★★ ≤ 10%: now 1 of 3 rated
        // (33.33%), after 2 of 4 (50.00%) → the form warns and `y` confirms.
        let lines = try render(#"v Enter Enter "14" Enter "19" Enter "14" Enter "18" Enter "9" Enter "18" Enter a Tab Enter y"#)
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(lines.last!.contains("授星：恒远机械党支部 → 授星 ★★★★★"), text)
        XCTAssertEqual(try org(1).starLevel, 5)
        let e = try evaluation(1)
        XCTAssertEqual(e.stage, .decided)
        XCTAssertEqual(e.decidedStar, 5)
        XCTAssertEqual(e.reviewerScores, "组织设置:14;班子队伍:19;党员管理:14;组织生活:18;阵地建设:9;作用发挥:18")
        let ev = try events()
        XCTAssertEqual(ev.count, 1)
        XCTAssertEqual(ev[0].action, "授星")
        XCTAssertEqual(ev[0].fromStage, .publicity)
        XCTAssertEqual(ev[0].toStage, .decided)
        XCTAssertEqual(ev[0].starFrom, 0)
        XCTAssertEqual(ev[0].starTo, 5)
        XCTAssertEqual(ev[0].evaluationId, 1)
        XCTAssertEqual(ev[0].actor, Ledger.osUser())
        // Six score saves and the grant on the application, the star on the organization, the event itself.
        XCTAssertEqual(try audit("star_evaluation", 1), Array(repeating: "update", count: 7))
        XCTAssertEqual(try audit("party_org", 1), ["update"])
        XCTAssertEqual(try audit("star_event", ev[0].id!), ["insert"])
        // The history on screen shows the grant with who did it.
        XCTAssertTrue(text.contains("授星 公示→授星 —→★★★★★ · \(Ledger.osUser())"), text)
    }

    func testAQuotaWarningShowsTheCurrentShareAndNoWritesNothing() throws {
        try store.write(source: "test") { l in
            var e = try StarEvaluation.fetchOne(l.db, key: 1)!
            e.reviewerScores = "组织设置:14;班子队伍:19;党员管理:14;组织生活:18;阵地建设:9;作用发挥:18"
            try l.update(&e)
        }
        let lines = try render("v Enter a Tab Enter")
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("★★★★★比例将超过限额10%：当前33.33%（1/3），授星后50.00%"), text)
        XCTAssertTrue(text.contains("仍要保存？"), text)
        _ = try render("v Enter a Tab Enter n Esc Esc")
        XCTAssertEqual(try evaluation(1).stage, .publicity)
        XCTAssertEqual(try org(1).starLevel, 0)
        XCTAssertTrue(try events().isEmpty)
        // Adjusting to ★★★★ (no quota breach: ★★★★ 0 → 1 of 4 = 25% ≤ 30%) needs a reason.
        let adjusted = try render("v Enter a Left Tab Enter")
        XCTAssertTrue(adjusted.joined().contains("调整星级（按标准为★★★★★）须填写理由"), adjusted.joined(separator: "\n"))
        _ = try render(#"v Enter a Left Tab "创新项目尚未落地" Enter"#)
        XCTAssertEqual(try org(1).starLevel, 4)
        XCTAssertEqual(try events().last?.comment, "创新项目尚未落地")
    }

    func testScoresAboveTheMaximumAreRefused() throws {
        let lines = try render(#"v Enter Enter "16" Enter"#)
        XCTAssertTrue(lines.last!.contains("组织设置：应在0–15分之间"), lines.last!)
        XCTAssertEqual(try evaluation(1).reviewerScores, "")
        // Letters never reach the score; 14.5 is kept in tenths.
        _ = try render(#"v Enter Enter "1x4.5" Enter Esc"#)
        XCTAssertEqual(try evaluation(1).reviewerScores, "组织设置:14.5")
    }

    func testVetoedAndRevokedOrganizationsCannotBeGranted() throws {
        // #4 (vetoed) is fourth in the queue; #3 (revoked) third.
        let vetoed = try render("v End Enter a Tab Enter")
        XCTAssertTrue(vetoed.joined().contains("一票否决（严重违纪违法），不能授星"), vetoed.joined(separator: "\n"))
        let revoked = try render("v j j Enter a Tab Enter")
        XCTAssertTrue(revoked.joined().contains("已撤销党支部已撤销，不能授星"), revoked.joined(separator: "\n"))
        XCTAssertTrue(try events().isEmpty)
        XCTAssertEqual(try evaluation(3).stage, .publicity)
        XCTAssertEqual(try evaluation(4).stage, .publicity)
        // Unticking the veto (Space on its row, below the six dimensions) lets the computed ★★★ through.
        _ = try render("v End Enter j j j j j j Space a Tab Enter")
        XCTAssertEqual(try evaluation(4).vetoes, "")
        XCTAssertEqual(try org(5).starLevel, 3)
    }

    func testReturnAndRejectNeedACommentAndAreRecorded() throws {
        let refused = try render("v j Enter R Enter")
        XCTAssertTrue(refused.joined().contains("✗ 退回须填写意见"), refused.joined(separator: "\n"))
        XCTAssertTrue(refused.joined().contains("退回申报单位 · 快递物流行业党支部"), refused.joined(separator: "\n"))
        XCTAssertEqual(try evaluation(2).stage, .submitted)
        _ = try render(#"v j Enter R "请补充组织生活记录" Enter"#)
        XCTAssertEqual(try evaluation(2).stage, .returned)
        // The queue is now #1, #3, #4: reject #3 (second).
        _ = try render(#"v j Enter X "党组织已撤销" Enter"#)
        XCTAssertEqual(try evaluation(3).stage, .rejected)
        let ev = try events()
        XCTAssertEqual(ev.map(\.action), ["退回", "不予通过"])
        XCTAssertEqual(ev.map(\.comment), ["请补充组织生活记录", "党组织已撤销"])
        XCTAssertEqual(ev[0].fromStage, .submitted)
        XCTAssertEqual(ev[0].toStage, .returned)
        XCTAssertEqual(try audit("star_evaluation", 2), ["update"])
    }

    func testNextAndPreviousStayOnTheReviewScreen() throws {
        XCTAssertTrue(try render("v Enter n")[1].contains("审核 2/4 · 2026 · 自评申报（待初核）"))
        XCTAssertTrue(try render("v Enter n n p")[2].contains("快递物流行业党支部"))
        // After an approval the application leaves the queue; `n` shows the one that took its place.
        let after = try render(#"v j Enter R "补材料" Enter n"#)
        XCTAssertTrue(after[2].contains("已撤销党支部"), after.joined(separator: "\n"))
    }

    func testRevokingAStarFromTheHistoryShowsInTheChanges() throws {
        // The five-star list holds 东湖商圈 only: Enter opens its history; Z revokes with a reason.
        let history = try render("Enter")
        XCTAssertTrue(history.joined().contains("星级历程 · 东湖商圈联合党支部"), history.joined(separator: "\n"))
        XCTAssertTrue(history.joined().contains("2025   授星     ★★★★★"), history.joined(separator: "\n"))
        _ = try render(#"Enter Z "书记严重违纪" Enter"#)
        XCTAssertEqual(try org(2).starLevel, 0)
        let ev = try XCTUnwrap(try events().last)
        XCTAssertEqual(ev.action, "摘星")
        XCTAssertEqual(ev.evaluationId, 5, "filed under the organization's 2026 application")
        XCTAssertEqual(ev.starFrom, 5)
        XCTAssertEqual(ev.starTo, 0)
        let summary = try render("")
        XCTAssertTrue(summary[summary.count - 2].isEmpty == false)
        XCTAssertTrue(summary.joined(separator: "\n").contains("本周期变动 · ↑0  ↓0  摘1  新0"), summary.joined(separator: "\n"))
        let data = try StarsReport.load(store, today: today, year: nil)
        let json = StarsReport.jsonObject(data)
        XCTAssertEqual((json["changes"] as? [String: Any])?["counts"] as? [String: Int], ["up": 0, "down": 0, "revoked": 1, "new": 0])
    }

    func testReportShape() throws {
        _ = try render(#"v Enter Enter "14" Enter "19" Enter "14" Enter "18" Enter "9" Enter "18" Enter a Tab Enter y"#)
        let d = try StarsReport.load(store, today: today, year: 2026)
        let j = StarsReport.jsonObject(d)
        XCTAssertEqual(j["schema"] as? String, "liangxin.report.stars/1")
        XCTAssertEqual(j["year"] as? Int, 2026)
        // Active: 恒远 ★★★★★ (new), 东湖商圈 ★★★★★, 快递物流 ★★★, 兼合式 ★★ → 4 rated of 4 = 100%; ★★★★★ 2/4 = 50%.
        let dist = try XCTUnwrap(j["distribution"] as? [String: Any])
        XCTAssertEqual(dist["counts"] as? [String: Int], ["unrated": 0, "1": 0, "2": 1, "3": 1, "4": 0, "5": 2])
        XCTAssertEqual(dist["active"] as? Int, 4)
        XCTAssertEqual("\(j["coverage"]!)", "100")
        let quotas = try XCTUnwrap(j["quotas"] as? [[String: Any]])
        XCTAssertEqual(quotas.map { "\($0["star"]!) \($0["share"]!) \($0["within"]!)" }, ["5 50 false", "4 0 true"])
        let changes = try XCTUnwrap((j["changes"] as? [String: Any])?["list"] as? [[String: Any]])
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(changes[0]["kind"] as? String, "new")
        let queue = try XCTUnwrap(j["queue"] as? [String: Any])
        XCTAssertEqual(queue["awaitingReview"] as? Int, 3)
        XCTAssertEqual((queue["byStage"] as? [[String: Any]])?.map { "\($0["code"]!)=\($0["count"]!)" },
                       ["draft=1", "submitted=1", "firstCheck=0", "review=0", "publicity=2", "decided=1", "returned=0", "rejected=0"])
        let csv = StarsReport.csv(d)
        XCTAssertTrue(csv.hasPrefix("section,item,value\ncycle,year,2026\n"), csv)
        XCTAssertTrue(csv.contains("change,new,恒远机械党支部|0|5|"), csv)
        XCTAssertTrue(StarsReport.markdown(d).contains("| ★★★★★ | 2 | 50.00% |"))
    }

    func testEnglishLabels() throws {
        let lines = try render("v", 120, 40, lang: .en)
        XCTAssertTrue(lines[1].contains("Review queue · 2026"), lines[1])
        let review = try render("v Enter", 120, 40, lang: .en)
        XCTAssertTrue(review.joined().contains("The rubric gives: not scored yet (self ★★★★★)"), review.joined(separator: "\n"))
    }
}


/// Exact screens of the fixture at both sizes the dashboard must fit.
final class StarsScreenTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("stars.sqlite"))
        try StarFixture.load(store)
    }

    func check(_ keys: String, _ w: Int, _ h: Int, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let k = try Key.parseScript(keys)
        let s = store!
        let got = MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today), panel: .stars, width: w, height: h, keys: k)
        }
        let want = expected.components(separatedBy: "\n")
        XCTAssertEqual(got.count, want.count, file: file, line: line)
        for (i, (g, e)) in zip(got, want).enumerated() { XCTAssertEqual(g, e, "line \(i)", file: file, line: line) }
        for l in got { XCTAssertLessThanOrEqual(displayWidth(l), w, l, file: file, line: line) }
    }

    /// Distribution of the 3 rated among 4 active (★★★★★ 1, ★★★ 1, ★★ 1 → 33.33% each; coverage 3/4 = 75.00%), the
    /// quota lines at 10% and 30%, the stages (1 draft, 1 submitted, 3 at 公示), the lists.
    func testSummaryAt120x40() throws {
        try check("", 120, 40, """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级                                    两新党建看板 · 2026-11-22
        ┌─ 星级分布 · 2026年度 ────────────────────────────────────┐┌─ 五星党组织 · 1 ─────────────────────────────────────────┐
        │ ★★★★★      █████████│████████████████████       1 33.33% ││ 党组织                               地区     星级  党员 │
        │ ★★★★                                  │         0  0.00% ││ 东湖商圈联合党支部                   东湖街道 ★★★★★   12 │
        │ ★★★        ██████████████████████████████       1 33.33% ││                                                          │
        │ ★★         ██████████████████████████████       1 33.33% ││                                                          │
        │ ★                                               0  0.00% ││                                                          │
        │ 星级覆盖率 █████████████████████████▌░░░░░░░░ 3/4 75.00% ││                                                          │
        │ 未定级 1                        │限额 ★★★★★≤10% ★★★★≤30% ││                                                          │
        │ 条形为占已定级组织的比例，竖线为限额                     ││                                                          │
        │                                                          ││                                                          │
        └──────────────────────────────────────────────────────────┘│                                                          │
        ┌─ 申报办理进度 · 2026 ────────────────────────────────────┐│                                                          │
        │ 草稿                     1  自评申报（待初核）       1   ││                                                          │
        │ 初核（待审核）           0  审核（待公示）           0   ││                                                          │
        │ 公示（公示中，待授星）   3  授星                     0   ││                                                          │
        │ 退回                     0  不予通过                 0   ││                                                          │
        │                                                          ││                                                          │
        └──────────────────────────────────────────────────────────┘│                                                          │
        ┌─ 本周期变动 · ↑0  ↓0  摘0  新0 ──────────────────────────┐└──────────────────────────────────────────────────────────┘
        │ （本周期无变动）                                         │┌─ 三星以下·建议纳入软弱涣散排查 · 1 ──────────────────────┐
        │                                                          ││ 党组织                               地区     星级  党员 │
        │                                                          ││ 兼合式党支部                         西岭街道 ★★       4 │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        │                                                          ││                                                          │
        └──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘
         stars.sqlite                                                                               ?帮助 1-6面板 Tab切换 q退出
        """)
    }

    func testSummaryAt80x24() throws {
        try check("", 80, 24, """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 星级分布 · 2026年度 ────────────────┐┌─ 五星党组织 · 1 ─────────────────────┐
        │ ★★★★★      ███│███████▉     1 33.33% ││ 党组织           地区     星级  党员 │
        │ ★★★★                 │      0  0.00% ││ 东湖商圈联合党…  东湖街道 ★★★★★   12 │
        │ ★★★        ███████████▉     1 33.33% ││                                      │
        │ ★★         ███████████▉     1 33.33% ││                                      │
        │ ★                           0  0.00% ││                                      │
        │ 星级覆盖率 ██████████▌░░░ 3/4 75.00% ││                                      │
        │ 未定级 1                             ││                                      │
        └──────────────────────────────────────┘│                                      │
        ┌─ 申报办理进度 · 2026 ────────────────┐│                                      │
        │ 草稿           1  自评申报       1   │└──────────────────────────────────────┘
        │ 初核           0  审核           0   │┌─ 三星以下·软弱涣散排查 · 1 ──────────┐
        │ 公示           3  授星           0   ││ 党组织           地区     星级  党员 │
        │ 退回           0  不予通过       0   ││ 兼合式党支部     西岭街道 ★★       4 │
        └──────────────────────────────────────┘│                                      │
        ┌─ 本周期变动 · ↑0  ↓0  摘0  新0 ──────┐│                                      │
        │ （本周期无变动）                     ││                                      │
        │                                      ││                                      │
        │                                      ││                                      │
        │                                      ││                                      │
        │                                      ││                                      │
        └──────────────────────────────────────┘└──────────────────────────────────────┘
         stars.sqlite                                       ?帮助 1-6面板 Tab切换 q退出
        """)
    }

    /// The longest-waiting application (恒远, 82 days at 公示): self scores 90, not yet scored by the reviewer; its
    /// secretary's 24 + 8 = 32 学时 below 56.
    func testReviewScreenAt120x40() throws {
        try check("v Enter", 120, 40, """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级                                    两新党建看板 · 2026-11-22
        ┌─ 审核 1/4 · 2026 · 公示（公示中，待授星） · 已等待82天 ──────────────────────────────────────────────────────────────┐
        │ 恒远机械党支部  党支部 · 单独组建 · 东湖街道                                                                         │
        │ 党员8 · 覆盖单位1 · 上次星级 未评 · 书记张伟 本年培训32学时<56                                                       │
        │ 申报 ★★★★★ · 现有 — · 提交于2026-03-01 · 公示2026-09-01–2026-09-07                                                   │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
        ┌─ 评分（两新组织党组织星级评定标准（默认）） ─────────────────────────┐┌─ 一票否决 · 创新项目 ────────────────────────┐
        │ 维度                                            满分   自评   审核   ││ [ ] 严重违纪违法 · 不予定级                  │
        │ 组织设置                                          15     14      —   ││ [ ] 重大安全生产事故 · 不予定级              │
        │ 班子队伍                                          20     18      —   ││ [ ] 不良信用记录 · 最高2星                   │
        │ 党员管理                                          15     13      —   ││ [ ] 软弱涣散 · 不予定级                      │
        │ 组织生活 三会一课8 主题党日4 组织生活会4 民…      20     18      —   ││ [✓] 创新项目                                 │
        │ 阵地建设                                          10      9      —   │└──────────────────────────────────────────────┘
        │ 作用发挥                                          20     18      —   │┌─ 佐证材料 ───────────────────────────────────┐
        │ 合计                                             100     90      —   ││ 三会一课记录、主题党日台账、创新项目材料     │
        │ 按标准评定：待评分（自评★★★★★）                                      ││                                              │
        └──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
        ┌─ 办理历程 ───────────────────────────────────────────────────────────┐┌─ 历年星级 ───────────────────────────────────┐
        │ 2026-03-01       提交申报 草稿→自评申报（台账）                      ││ （无其他年度申报）                           │
        │ 2026-09-01       公示 →公示（台账） · “公示期2026-09-01至2026-09-07” ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        │                                                                      ││                                              │
        └──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
         Enter评分 空格勾选 a授星 R退回 X不予通过 +/-/Z升降摘星 n/p下/上一条 Esc返回
         stars.sqlite                                                                               ?帮助 1-6面板 Tab切换 q退出
        """)
    }

    func testReviewScreenAt80x24() throws {
        try check("v Enter", 80, 24, """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 审核 1/4 · 2026 · 公示（公示中，待授星） · 已等待82天 ──────────────────────┐
        │ 恒远机械党支部  党支部 · 单独组建 · 东湖街道                                 │
        │ 党员8 · 覆盖单位1 · 上次星级 未评 · 书记张伟 本年培训32学时<56               │
        │ 申报 ★★★★★ · 现有 — · 提交于2026-03-01 · 公示2026-09-01–2026-09-07           │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌─ 评分（两新组织党组织星级评定标准（默认）） ─┐┌─ 一票否决 · 创新项目 ────────┐
        │ 维度                    满分   自评   审核   ││ [ ] 严重违纪违法 · 不予定级  │
        │ 组织设置                  15     14      —   ││ [ ] 重大安全生产事故 · 不予… │
        │ 班子队伍                  20     18      —   ││ [ ] 不良信用记录 · 最高2星   │
        │ 党员管理                  15     13      —   ││ [ ] 软弱涣散 · 不予定级      │
        │ 组织生活 三会一课8 …      20     18      —   ││ [✓] 创新项目                 │
        │ 阵地建设                  10      9      —   │└──────────────────────────────┘
        │ 作用发挥                  20     18      —   │┌─ 佐证材料 ───────────────────┐
        │ 合计                     100     90      —   ││ 三会一课记录、主题党日台账、 │
        │ 按标准评定：待评分（自评★★★★★）              ││ 创新项目材料                 │
        └──────────────────────────────────────────────┘└──────────────────────────────┘
        ┌─ 办理历程 ───────────────────────────────────────────────────────────────────┐
        │ 2026-03-01       提交申报 草稿→自评申报（台账）                              │
        │ 2026-09-01       公示 →公示（台账） · “公示期2026-09-01至2026-09-07”         │
        │                                                                              │
        └──────────────────────────────────────────────────────────────────────────────┘
         Enter评分 空格勾选 a授星 R退回 X不予通过 +/-/Z升降摘星 n/p下/上一条 Esc返回
         stars.sqlite                                       ?帮助 1-6面板 Tab切换 q退出
        """)
    }

    func testQueueAt80x24() throws {
        try check("v", 80, 24, """
         1 总览 │ 2 覆盖 │ 3 新就业群体 │ 4 驿站 │ 5 培训 │ 6 星级
        ┌─ 审核队列 · 2026年度 · 待审（自评申报–公示） · 4件 ──────────────────────────┐
        │  等待▲ 党组织                      地区       阶段     申报    自评分 审核分 │
        │     82 恒远机械党支部              东湖街道   公示     ★★★★★       90      — │
        │     63 快递物流行业党支部          西岭街道   自评申报 ★★★         77      — │
        │     52 已撤销党支部                西岭街道   公示     ★★★         77     77 │
        │     38 兼合式党支部                西岭街道   公示     ★★★         77     77 │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │ Enter 审核  f 筛选  / 搜索  s 排序  S 反序  e 导出  v 概览                   │
        └──────────────────────────────────────────────────────────────────────────────┘
         stars.sqlite                                       ?帮助 1-6面板 Tab切换 q退出
        """)
    }
}
