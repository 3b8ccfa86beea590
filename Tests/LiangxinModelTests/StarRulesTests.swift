import XCTest
@testable import LiangxinModel

/// The star workflow's rules: scoring at the boundaries with vetoes and conditions, quotas, and every stage's allowed
/// and refused actions.
final class StarRulesTests: XCTestCase {
    let rubric = Rubric.standard(year: 2026)
    let org = PartyOrg(id: 7, name: "恒远机械党支部", orgType: .branch, formation: .independent, regionCode: "990102001",
                       fullMembers: 8, starLevel: 3)

    /// 组织设置 15, 班子队伍 20, 党员管理 15, 组织生活 20, 阵地建设 10, 作用发挥 20.
    func sheet(_ v: [Double]) -> String {
        ScoreSheet.format(Dictionary(uniqueKeysWithValues: zip(rubric.dimensions.map(\.name), v)), order: rubric.dimensions.map(\.name))
    }

    func eval(_ stage: EvalStage, reviewer: [Double]? = [15, 20, 15, 20, 10, 10], vetoes: String = "", innovation: Bool = true) -> StarEvaluation {
        StarEvaluation(id: 1, partyOrgId: 7, year: 2026, rubricId: 1, stage: stage, appliedStar: 5, selfScores: sheet([15, 20, 15, 20, 10, 10]),
                       reviewerScores: reviewer.map(sheet) ?? "", vetoes: vetoes, innovation: innovation)
    }

    func apply(_ a: StarAction, _ e: StarEvaluation?, org o: PartyOrg? = nil, comment: String? = nil) throws -> StarTransition {
        try StarWorkflow.apply(a, evaluation: e, org: o ?? org, rubric: rubric, comment: comment, actor: "tester", at: "2026-11-22T10:00:00+08:00")
    }

    func refusal(_ body: () throws -> Any) -> StarRefusal? {
        do { _ = try body(); return nil } catch { return error as? StarRefusal }
    }

    // MARK: scoring

    func testAssessAtTheBoundariesWithVetoesAndConditions() {
        // 15+20+15+20+10+9.5 = 89.5 → ★★★★ even with an innovation project; 90 → ★★★★★ with one, ★★★★ without.
        XCTAssertEqual(StarWorkflow.assess(eval(.publicity, reviewer: [15, 20, 15, 20, 10, 9.5]), org: org, rubric: rubric).star, 4)
        XCTAssertEqual(StarWorkflow.assess(eval(.publicity), org: org, rubric: rubric), ScoreResult(total: 90, star: 5, reasons: []))
        XCTAssertEqual(StarWorkflow.assess(eval(.publicity, innovation: false), org: org, rubric: rubric).star, 4)
        // 59.9 → ★ (the standard's lowest line is 0); 60 → ★★.
        XCTAssertEqual(StarWorkflow.assess(eval(.publicity, reviewer: [15, 20, 15, 9.9, 0, 0]), org: org, rubric: rubric).star, 1)
        XCTAssertEqual(StarWorkflow.assess(eval(.publicity, reviewer: [15, 20, 15, 10, 0, 0]), org: org, rubric: rubric).star, 2)
        // A cap veto (不良信用记录: at most ★★) lowers 90 → ★★; a no-rating veto gives 0 with its reason.
        XCTAssertEqual(StarWorkflow.assess(eval(.publicity, vetoes: "不良信用记录"), org: org, rubric: rubric).star, 2)
        let vetoed = StarWorkflow.assess(eval(.publicity, vetoes: "严重违纪违法"), org: org, rubric: rubric)
        XCTAssertEqual(vetoed.star, 0)
        XCTAssertEqual(vetoed.reasons, ["一票否决：严重违纪违法"])
        // A 软弱涣散 organization is vetoed without the box being ticked: the listing is a fact.
        var weak = org
        weak.status = .weak
        XCTAssertEqual(StarWorkflow.effectiveVetoes([], org: weak, rubric: rubric), ["软弱涣散"])
        XCTAssertEqual(StarWorkflow.assess(eval(.publicity), org: weak, rubric: rubric).star, 0)
        // A ticked name the rubric does not know is ignored.
        XCTAssertEqual(StarWorkflow.effectiveVetoes(["不存在"], org: org, rubric: rubric), [])
        XCTAssertEqual(StarWorkflow.vetoCap(["不良信用记录", "严重违纪违法"], rubric: rubric), 0)
    }

    func testQuotasCompareSharesAfterTheChange() {
        // 10 rated, one ★★★★★: 1/10 = 10%. Granting ★★★★★ to an unrated org: 2/11 = 18.18% > 10% → warned.
        let d = StarDistribution(counts: [5, 1, 2, 3, 3, 1])
        let x = StarQuota.exceeded(by: d, from: 0, to: 5, rubric: rubric)
        XCTAssertEqual(x.count, 1)
        XCTAssertEqual(x[0].share.text, "18.18%")
        XCTAssertEqual(x[0].current.text, "10.00%")
        XCTAssertEqual(StarQuota.warning(x[0]).zh, "★★★★★比例将超过限额10%：当前10.00%（1/10），授星后18.18%")
        XCTAssertEqual(StarQuota.warning(x[0]).severity, .warning)
        // Exactly at the quota is within it: 19 rated with one ★★★★★ → granting a second from ★★★★: 2/19 = 10.53% > 10%;
        // 20 rated (no new rated org) from ★★★★: 2/20 = 10.00% → not exceeded.
        XCTAssertTrue(StarQuota.exceeded(by: StarDistribution(counts: [0, 4, 4, 4, 7, 1]), from: 4, to: 5, rubric: rubric).isEmpty)
        XCTAssertEqual(StarQuota.exceeded(by: StarDistribution(counts: [0, 4, 4, 3, 7, 1]), from: 4, to: 5, rubric: rubric).count, 1)
        // ★★★ has no quota; a revoke (to 0) never breaks one.
        XCTAssertTrue(StarQuota.exceeded(by: d, from: 0, to: 3, rubric: rubric).isEmpty)
        XCTAssertTrue(StarQuota.exceeded(by: d, from: 5, to: 0, rubric: rubric).isEmpty)
        // ★★★★ ≤ 30%: 3/10 → raising a ★★★ to ★★★★ gives 4/10 = 40% → warned.
        XCTAssertEqual(StarQuota.exceeded(by: d, from: 3, to: 4, rubric: rubric).first?.share.text, "40.00%")
    }

    func testChangeKinds() {
        XCTAssertEqual(StarChange.Kind.of(from: 2, to: 3), .up)
        XCTAssertEqual(StarChange.Kind.of(from: 4, to: 3), .down)
        XCTAssertEqual(StarChange.Kind.of(from: 4, to: 0), .revoked)
        XCTAssertEqual(StarChange.Kind.of(from: 0, to: 3), .new)
        XCTAssertNil(StarChange.Kind.of(from: 3, to: 3))
    }

    func testRectificationListIsRatedBelowThreeAndActive() {
        var o = org
        for (star, status, flagged) in [(1, OrgStatus.normal, true), (2, .weak, true), (3, .normal, false), (0, .normal, false),
                                        (1, .revoked, false)] {
            o.starLevel = star
            o.status = status
            XCTAssertEqual(StarLevels.flaggedForRectification(o), flagged, "\(star) \(status)")
        }
    }

    // MARK: transitions

    func testPassMovesOneStageAndNeedsNoticeDates() throws {
        XCTAssertEqual(try apply(.pass(), eval(.submitted)).evaluation?.stage, .firstCheck)
        XCTAssertEqual(try apply(.pass(), eval(.firstCheck)).evaluation?.stage, .review)
        // Into 公示 the dates are required and ordered.
        XCTAssertEqual(refusal { try self.apply(.pass(), self.eval(.review)) }?.field, "publicityStart")
        XCTAssertEqual(refusal { try self.apply(.pass(publicityStart: Day("2026-11-20"), publicityEnd: Day("2026-11-19")), self.eval(.review)) }?.field,
                       "publicityEnd")
        let t = try apply(.pass(publicityStart: Day("2026-11-20"), publicityEnd: Day("2026-11-26")), eval(.review), comment: " 同意 ")
        XCTAssertEqual(t.evaluation?.stage, .publicity)
        XCTAssertEqual(t.evaluation?.publicityEnd, Day("2026-11-26"))
        XCTAssertEqual(t.event.action, "通过")
        XCTAssertEqual(t.event.fromStage, .review)
        XCTAssertEqual(t.event.toStage, .publicity)
        XCTAssertEqual(t.event.comment, "同意")
        XCTAssertEqual(t.event.actor, "tester")
        XCTAssertNil(t.org, "passing a check does not touch the star")
        // Passing is refused where it makes no sense.
        for s in [EvalStage.draft, .returned, .publicity, .decided, .rejected] {
            XCTAssertEqual(refusal { try self.apply(.pass(), self.eval(s)) }?.field, "stage", "\(s)")
        }
    }

    func testGrantSetsTheStarAndRecordsFromTo() throws {
        let t = try apply(.grant(star: 5), eval(.publicity))
        XCTAssertEqual(t.evaluation?.stage, .decided)
        XCTAssertEqual(t.evaluation?.decidedStar, 5)
        XCTAssertEqual(t.org?.starLevel, 5)
        XCTAssertEqual(t.event.starFrom, 3)
        XCTAssertEqual(t.event.starTo, 5)
        XCTAssertEqual(t.event.action, "授星")
    }

    func testGrantRefusals() {
        // Adjusting the computed star (★★★★★) needs a reason; with one it passes.
        XCTAssertEqual(refusal { try self.apply(.grant(star: 4), self.eval(.publicity)) }?.field, "comment")
        XCTAssertNil(refusal { try self.apply(.grant(star: 4), self.eval(.publicity), comment: "创新项目未落地") })
        // Not at 公示; not all scored; vetoed; above a cap; revoked; out of range.
        XCTAssertEqual(refusal { try self.apply(.grant(star: 5), self.eval(.review)) }?.field, "stage")
        XCTAssertEqual(refusal { try self.apply(.grant(star: 5), self.eval(.publicity, reviewer: [15, 20])) }?.zh,
                       "审核评分未完成：党员管理、组织生活、阵地建设、作用发挥")
        XCTAssertEqual(refusal { try self.apply(.grant(star: 1), self.eval(.publicity, vetoes: "严重违纪违法"), comment: "x") }?.zh,
                       "一票否决（严重违纪违法），不能授星")
        XCTAssertEqual(refusal { try self.apply(.grant(star: 3), self.eval(.publicity, vetoes: "不良信用记录"), comment: "x") }?.zh,
                       "否决项限定最高2星")
        XCTAssertNil(refusal { try self.apply(.grant(star: 2), self.eval(.publicity, vetoes: "不良信用记录")) })
        var revoked = org
        revoked.status = .revoked
        XCTAssertEqual(refusal { try self.apply(.grant(star: 5), self.eval(.publicity), org: revoked) }?.zh, "恒远机械党支部已撤销，不能授星")
        XCTAssertEqual(refusal { try self.apply(.grant(star: 6), self.eval(.publicity), comment: "x") }?.zh, "星级应为1–5")
    }

    func testReturnGoesBackOneStageWithAComment() throws {
        XCTAssertEqual(refusal { try self.apply(.sendBack, self.eval(.firstCheck)) }?.field, "comment")
        XCTAssertEqual(refusal { try self.apply(.sendBack, self.eval(.firstCheck), comment: "  ") }?.field, "comment")
        for (from, to) in [(EvalStage.submitted, EvalStage.returned), (.firstCheck, .submitted), (.review, .firstCheck), (.publicity, .review)] {
            XCTAssertEqual(try apply(.sendBack, eval(from), comment: "材料不全").evaluation?.stage, to, "\(from)")
        }
        for s in [EvalStage.draft, .returned, .decided, .rejected] {
            XCTAssertEqual(refusal { try self.apply(.sendBack, self.eval(s), comment: "x") }?.field, "stage", "\(s)")
        }
    }

    func testRejectNeedsACommentAndAnOpenApplication() throws {
        XCTAssertEqual(refusal { try self.apply(.reject, self.eval(.review)) }?.field, "comment")
        for s in [EvalStage.submitted, .firstCheck, .review, .publicity] {
            XCTAssertEqual(try apply(.reject, eval(s), comment: "存在违规").evaluation?.stage, .rejected)
        }
        for s in [EvalStage.draft, .returned, .decided, .rejected] {
            XCTAssertEqual(refusal { try self.apply(.reject, self.eval(s), comment: "x") }?.field, "stage", "\(s)")
        }
    }

    func testSubmitNeedsAnAppliedStarAndEverySelfScore() throws {
        XCTAssertEqual(try apply(.submit, eval(.draft)).evaluation?.stage, .submitted)
        XCTAssertEqual(try apply(.submit, eval(.returned)).evaluation?.stage, .submitted)
        var e = eval(.draft)
        e.selfScores = "组织设置:10"
        XCTAssertEqual(refusal { try self.apply(.submit, e) }?.field, "selfScores")
        e = eval(.draft)
        e.appliedStar = 0
        XCTAssertEqual(refusal { try self.apply(.submit, e) }?.field, "appliedStar")
        XCTAssertEqual(refusal { try self.apply(.submit, self.eval(.review)) }?.field, "stage")
    }

    func testRaiseLowerRevokeDuringTheCycle() throws {
        // Current ★★★.
        let up = try apply(.raise(to: 4), nil, comment: "获评示范点")
        XCTAssertEqual(up.org?.starLevel, 4)
        XCTAssertEqual(up.event.action, "升星")
        XCTAssertEqual(up.event.starFrom, 3)
        XCTAssertNil(up.evaluation)
        XCTAssertEqual(try apply(.lower(to: 2), nil, comment: "组织生活不规范").org?.starLevel, 2)
        let off = try apply(.revoke, eval(.decided), comment: "书记严重违纪")
        XCTAssertEqual(off.org?.starLevel, 0)
        XCTAssertEqual(off.event.evaluationId, 1, "filed under the cycle's application")
        XCTAssertNil(off.evaluation, "the application itself stays as decided")
        // Refused: no reason; not a raise; lower to 0 (that is a revoke); nothing to revoke; raising a revoked org.
        XCTAssertEqual(refusal { try self.apply(.raise(to: 4), nil) }?.field, "comment")
        XCTAssertEqual(refusal { try self.apply(.raise(to: 3), nil, comment: "x") }?.field, "star")
        XCTAssertEqual(refusal { try self.apply(.raise(to: 6), nil, comment: "x") }?.field, "star")
        XCTAssertEqual(refusal { try self.apply(.lower(to: 0), nil, comment: "x") }?.field, "star")
        XCTAssertEqual(refusal { try self.apply(.lower(to: 3), nil, comment: "x") }?.field, "star")
        var none = org
        none.starLevel = 0
        XCTAssertEqual(refusal { try self.apply(.revoke, nil, org: none, comment: "x") }?.zh, "恒远机械党支部没有星级可摘")
        var revoked = org
        revoked.status = .revoked
        XCTAssertEqual(refusal { try self.apply(.raise(to: 4), nil, org: revoked, comment: "x") }?.field, "star")
        XCTAssertNoThrow(try apply(.revoke, nil, org: revoked, comment: "组织已撤销"))
    }

    func testAllowedActionsPerStage() {
        XCTAssertEqual(StarWorkflow.allowed(at: .draft), [.submit])
        XCTAssertEqual(StarWorkflow.allowed(at: .firstCheck), [.pass, .sendBack, .reject])
        XCTAssertEqual(StarWorkflow.allowed(at: .publicity), [.grant, .sendBack, .reject])
        XCTAssertEqual(StarWorkflow.allowed(at: .decided), [])
        // Every allowed action really applies (with a comment and dates where needed), and nothing else does.
        for stage in EvalStage.allCases {
            let allowed = Set(StarWorkflow.allowed(at: stage))
            let actions: [(StarEventAction, StarAction)] = [
                (.submit, .submit), (.pass, .pass(publicityStart: Day("2026-11-20"), publicityEnd: Day("2026-11-26"))),
                (.grant, .grant(star: 5)), (.sendBack, .sendBack), (.reject, .reject)]
            for (name, a) in actions {
                let ok = refusal { try self.apply(a, self.eval(stage), comment: "意见") } == nil
                XCTAssertEqual(ok, allowed.contains(name), "\(stage) \(name)")
            }
        }
    }
}
