import XCTest
@testable import LiangxinModel

final class RubricTests: XCTestCase {
    let rubric = Rubric.standard(year: 2025)

    /// Scores for the six standard dimensions, in order: 组织设置 15, 班子队伍 20, 党员管理 15, 组织生活 20, 阵地建设 10, 作用发挥 20.
    private func sheet(_ v: [Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(["组织设置", "班子队伍", "党员管理", "组织生活", "阵地建设", "作用发挥"], v))
    }

    func testStandardShape() {
        XCTAssertEqual(rubric.maxTotal, 100)   // 15 + 20 + 15 + 20 + 10 + 20
        XCTAssertEqual(rubric.problems(), [])
    }

    func testThresholdBoundaries() {
        // 15 + 20 + 15 + 20 + 10 + 9.5 = 89.5 → below 90 → ★★★★ (≥ 80).
        let r895 = rubric.score(sheet([15, 20, 15, 20, 10, 9.5]), innovation: true)
        XCTAssertEqual(r895.total, 89.5)
        XCTAssertEqual(r895.star, 4)
        XCTAssertEqual(r895.reasons, [])
        // 15 + 20 + 15 + 20 + 10 + 10 = 90 → ★★★★★ with an innovation project …
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 20, 10, 10]), innovation: true), ScoreResult(total: 90, star: 5, reasons: []))
        // … ★★★★ without one.
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 20, 10, 10]), innovation: false),
                       ScoreResult(total: 90, star: 4, reasons: ["★★★★★需创新项目"]))
        // 15 + 20 + 15 + 9.9 = 59.9 → ★ (threshold 0).
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 9.9, 0, 0])).star, 1)
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 9.9, 0, 0])).total, 59.9)
        // 15 + 20 + 15 + 10 = 60 → ★★.
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 10, 0, 0])).star, 2)
        // 69.9 → ★★; 70 → ★★★; 79.9 → ★★★; 80 → ★★★★.
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 19.9, 0, 0])).star, 2)
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 20, 0, 0])).star, 3)
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 20, 9.9, 0])).star, 3)
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 20, 10, 0])).star, 4)
        // Nothing scored: 0 → ★ (the standard's lowest threshold is 0).
        XCTAssertEqual(rubric.score([:]), ScoreResult(total: 0, star: 1, reasons: []))
    }

    func testFloatingPointSumStaysInTenths() {
        // 14.9 + 19.9 + 14.9 + 19.9 + 9.9 + 10 = 89.5 (in tenths: 149+199+149+199+99+100 = 895) → ★★★★ however
        // the doubles add up.
        let r = rubric.score(sheet([14.9, 19.9, 14.9, 19.9, 9.9, 10]), innovation: true)
        XCTAssertEqual(r.total, 89.5)
        XCTAssertEqual(r.star, 4)
        // 0.1 + 0.2 is 0.30000000000000004 in doubles; summed in tenths it is 1 + 2 = 3 → 0.3.
        XCTAssertEqual(rubric.score(["组织设置": 0.1, "班子队伍": 0.2]).total, 0.3)
    }

    func testScoresAreBoundedByEachDimension() {
        // 组织设置 30 → 15; 班子队伍 25 → 20; the rest at max → 100.
        let r = rubric.score(sheet([30, 25, 15, 20, 10, 20]), innovation: true)
        XCTAssertEqual(r.total, 100)
        XCTAssertEqual(r.star, 5)
        // An overflow in one dimension cannot lift the total: 组织设置 50 (→ 15) + 班子队伍 20 + 党员管理 15 + 组织生活 20
        // + 阵地建设 9.5 = 79.5 → ★★★, not ★★★★★.
        XCTAssertEqual(rubric.score(sheet([50, 20, 15, 20, 9.5, 0]), innovation: true).total, 79.5)
        XCTAssertEqual(rubric.score(sheet([50, 20, 15, 20, 9.5, 0]), innovation: true).star, 3)
        // Negative → 0; unknown names are ignored.
        XCTAssertEqual(rubric.score(["组织设置": -5, "班子队伍": 10, "加分项": 40]).total, 10)
        XCTAssertEqual(rubric.clamp(25, dimension: "组织设置"), 15)
        XCTAssertEqual(rubric.clamp(-1, dimension: "组织设置"), 0)
        XCTAssertEqual(rubric.clamp(12.5, dimension: "组织设置"), 12.5)
        XCTAssertEqual(rubric.clamp(25, dimension: "不存在"), 25)
    }

    func testVetoes() {
        let top = sheet([15, 20, 15, 20, 10, 15])   // 95
        // 一票否决: no rating whatever the score.
        XCTAssertEqual(rubric.score(top, vetoes: ["严重违纪违法"], innovation: true),
                       ScoreResult(total: 95, star: 0, reasons: ["一票否决：严重违纪违法"]))
        // 不良信用记录 caps at ★★: 85 → ★★★★ → ★★.
        let r85 = rubric.score(sheet([15, 20, 15, 20, 10, 5]), vetoes: ["不良信用记录"])
        XCTAssertEqual(r85, ScoreResult(total: 85, star: 2, reasons: ["不良信用记录：最高2星"]))
        // A cap above the earned star changes nothing: 65 → ★★ stays, no reason; 50 → ★ stays.
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 15, 0, 0]), vetoes: ["不良信用记录"]),
                       ScoreResult(total: 65, star: 2, reasons: []))
        XCTAssertEqual(rubric.score(sheet([15, 20, 15, 0, 0, 0]), vetoes: ["不良信用记录"]).star, 1)
        // 95 without innovation → ★★★★ (condition) → ★★ (cap): both reasons, in that order.
        XCTAssertEqual(rubric.score(top, vetoes: ["不良信用记录"], innovation: false),
                       ScoreResult(total: 95, star: 2, reasons: ["★★★★★需创新项目", "不良信用记录：最高2星"]))
        // Cap and no-rating together: applied in the rubric's veto order → 0.
        XCTAssertEqual(rubric.score(top, vetoes: ["软弱涣散", "不良信用记录"], innovation: true),
                       ScoreResult(total: 95, star: 0, reasons: ["不良信用记录：最高2星", "一票否决：软弱涣散"]))
        // A ticked name the rubric does not know is ignored.
        XCTAssertEqual(rubric.score(top, vetoes: ["不存在的否决项"], innovation: true).star, 5)
    }

    func testRubricWithoutALowestThresholdLeavesUnrated() {
        var r = rubric
        r.thresholds = [.init(star: 5, minScore: 90), .init(star: 4, minScore: 80), .init(star: 3, minScore: 70), .init(star: 2, minScore: 60)]
        XCTAssertEqual(r.score(sheet([15, 20, 15, 9.9, 0, 0])).star, 0)   // 59.9 < 60
        XCTAssertEqual(r.score(sheet([15, 20, 15, 10, 0, 0])).star, 2)
    }

    func testProblemsOfABrokenRubric() {
        let broken = Rubric(
            year: 2025, name: "坏标准",
            dimensions: [
                .init(name: "组织设置", max: 0),
                .init(name: "组织生活", max: 20, items: [.init(name: "三会一课", max: 8), .init(name: "主题党日", max: 4),
                                                    .init(name: "组织生活会", max: 4)]),   // 8 + 4 + 4 = 16 ≠ 20
                .init(name: "组织设置", max: 10),
            ],
            thresholds: [.init(star: 5, minScore: 85), .init(star: 4, minScore: 90), .init(star: 3, minScore: 70),
                         .init(star: 6, minScore: 95)],
            vetoes: [], quotas: [.init(star: 5, maxPercent: 120), .init(star: 4, maxPercent: 30)], conditions: [])
        let p = broken.problems()
        XCTAssertEqual(p.count, 6, "\(p)")
        guard p.count == 6 else { return }
        XCTAssertEqual(p[0], "dimensions.组织设置: 满分必须大于0")
        XCTAssertTrue(p[1].hasPrefix("dimensions.组织生活: 子项满分之和应等于20"), p[1])
        XCTAssertEqual(p[2], "dimensions: 维度名称重复")
        XCTAssertEqual(p[3], "thresholds: 星级应为1–5，实为6")
        // Sorted by star: 3@70, 4@90, 5@85, 6@95 → only 5★ (85) is not above 4★ (90).
        XCTAssertEqual(p[4], "thresholds: 5星的分数线应高于4星")
        XCTAssertEqual(p[5], "quotas: 5星比例应在0–100之间")

        let empty = Rubric(year: 2025, name: "空", dimensions: [], thresholds: [], vetoes: [], quotas: [], conditions: [])
        XCTAssertEqual(empty.problems(), ["dimensions: 至少需要一个评分维度", "thresholds: 至少需要一条星级分数线"])
        var odd = Rubric.standard(year: 2026)
        odd.conditions = [.init(star: 5, requires: "示范点")]
        XCTAssertEqual(odd.problems(), ["conditions: 5星的条件“示范点”无法识别（目前支持 innovation）"])
        XCTAssertEqual(ScoreSheet.formatScore(-0.5), "-0.5")
        XCTAssertEqual(ScoreSheet.formatScore(-2.5), "-2.5")
        XCTAssertEqual(ScoreSheet.parse(ScoreSheet.format(["扣分": -0.5], order: ["扣分"])), ["扣分": -0.5])
        // Equal thresholds are a problem too.
        var flat = rubric
        flat.thresholds = [.init(star: 2, minScore: 60), .init(star: 3, minScore: 60)]
        XCTAssertEqual(flat.problems(), ["thresholds: 3星的分数线应高于2星"])
    }

    func testRubricCodableRoundTrip() throws {
        let data = try JSONEncoder().encode(rubric)
        XCTAssertEqual(try JSONDecoder().decode(Rubric.self, from: data), rubric)
    }
}

final class ScoreSheetTests: XCTestCase {
    func testParse() {
        XCTAssertEqual(ScoreSheet.parse("组织设置:14;班子队伍:18.5"), ["组织设置": 14, "班子队伍": 18.5])
        // Full-width separators and blanks, as typed with a Chinese IME; a trailing separator is fine.
        XCTAssertEqual(ScoreSheet.parse(" 组织设置 ： 14 ；班子队伍：18；"), ["组织设置": 14, "班子队伍": 18])
        XCTAssertEqual(ScoreSheet.parse(""), [:])
        XCTAssertNil(ScoreSheet.parse("组织设置14"))
        XCTAssertNil(ScoreSheet.parse("组织设置:十四"))
        XCTAssertNil(ScoreSheet.parse("组织设置:1:2"))
        XCTAssertNil(ScoreSheet.parse("组织设置:14;班子队伍"))
    }

    func testFormat() {
        let scores: [String: Double] = ["班子队伍": 18.5, "组织设置": 14, "其他": 3]
        // In the given order; names not in the order, or without a score, are left out.
        XCTAssertEqual(ScoreSheet.format(scores, order: ["组织设置", "班子队伍", "党员管理"]), "组织设置:14;班子队伍:18.5")
        XCTAssertEqual(ScoreSheet.format([:], order: ["组织设置"]), "")
        XCTAssertEqual(ScoreSheet.formatScore(14), "14")
        XCTAssertEqual(ScoreSheet.formatScore(0), "0")
        XCTAssertEqual(ScoreSheet.formatScore(18.5), "18.5")
        XCTAssertEqual(ScoreSheet.formatScore(0.3), "0.3")
        // One decimal: 14.25 → 142.5 tenths → rounds half away from zero → 143 → "14.3".
        XCTAssertEqual(ScoreSheet.formatScore(14.25), "14.3")
        // Negative scores at or below −1 keep their sign. (Between −1 and 0 they do not: formatScore(−0.5) gives
        // "0.5" — a model bug, reported, its assertion left out.)
        XCTAssertEqual(ScoreSheet.formatScore(-2.5), "-2.5")
        XCTAssertEqual(ScoreSheet.formatScore(-3), "-3")
    }

    func testRoundTrip() {
        let order = Rubric.standard(year: 2025).dimensions.map(\.name)
        let scores: [String: Double] = ["组织设置": 14, "班子队伍": 18.5, "党员管理": 15, "组织生活": 19.5, "阵地建设": 9, "作用发挥": 17.5]
        let text = ScoreSheet.format(scores, order: order)
        XCTAssertEqual(text, "组织设置:14;班子队伍:18.5;党员管理:15;组织生活:19.5;阵地建设:9;作用发挥:17.5")
        XCTAssertEqual(ScoreSheet.parse(text), scores)
    }

    func testVetoSetOfAnEvaluation() {
        let e = StarEvaluation(partyOrgId: 1, year: 2025, vetoes: "不良信用记录、软弱涣散、")
        XCTAssertEqual(e.vetoSet, ["不良信用记录", "软弱涣散"])
        XCTAssertEqual(StarEvaluation(partyOrgId: 1, year: 2025).vetoSet, [])
    }
}

final class StarWorkflowTests: XCTestCase {
    func testNext() {
        let expected: [EvalStage: EvalStage?] = [
            .draft: .submitted, .returned: .submitted, .submitted: .firstCheck, .firstCheck: .review,
            .review: .publicity, .publicity: .decided, .decided: nil, .rejected: nil,
        ]
        XCTAssertEqual(expected.count, EvalStage.allCases.count)
        for s in EvalStage.allCases { XCTAssertEqual(StarWorkflow.next(after: s), expected[s]!, s.label) }
    }

    func testPrevious() {
        let expected: [EvalStage: EvalStage?] = [
            .submitted: .returned, .firstCheck: .submitted, .review: .firstCheck, .publicity: .review,
            .draft: nil, .returned: nil, .decided: nil, .rejected: nil,
        ]
        XCTAssertEqual(expected.count, EvalStage.allCases.count)
        for s in EvalStage.allCases { XCTAssertEqual(StarWorkflow.previous(before: s), expected[s]!, s.label) }
    }

    func testCanReject() {
        XCTAssertEqual(EvalStage.allCases.filter(StarWorkflow.canReject), [.submitted, .firstCheck, .review, .publicity])
    }

    func testAFullPassFromDraftToDecided() {
        var s: EvalStage = .draft
        var path: [EvalStage] = [s]
        while let n = StarWorkflow.next(after: s) { s = n; path.append(n) }
        XCTAssertEqual(path.map(\.label), ["草稿", "自评申报", "初核", "审核", "公示", "授星"])
    }
}
