/// A locality's star-rating standard. It is data (imported from TOML or JSON), never code, because each
/// locality publishes its own.
public struct Rubric: Hashable, Sendable, Codable {
    public struct SubItem: Hashable, Sendable, Codable {
        public var name: String
        public var max: Double
        public init(name: String, max: Double) { self.name = name; self.max = max }
    }
    public struct Dimension: Hashable, Sendable, Codable {
        public var name: String
        public var max: Double
        public var items: [SubItem]?
        public init(name: String, max: Double, items: [SubItem]? = nil) { self.name = name; self.max = max; self.items = items }
    }
    public struct Threshold: Hashable, Sendable, Codable {
        public var star: Int
        public var minScore: Double
        public init(star: Int, minScore: Double) { self.star = star; self.minScore = minScore }
    }
    public enum VetoEffect: Hashable, Sendable, Codable {
        case noRating
        case cap(Int)
    }
    public struct Veto: Hashable, Sendable, Codable {
        public var name: String
        public var effect: VetoEffect
        public init(name: String, effect: VetoEffect) { self.name = name; self.effect = effect }
    }
    public struct Quota: Hashable, Sendable, Codable {
        public var star: Int
        /// The largest share of rated organizations that may hold this star, in percent.
        public var maxPercent: Double
        public init(star: Int, maxPercent: Double) { self.star = star; self.maxPercent = maxPercent }
    }
    public struct Condition: Hashable, Sendable, Codable {
        public var star: Int
        /// What the star additionally requires; `innovation` is the one the default rubric knows.
        public var requires: String
        public init(star: Int, requires: String) { self.star = star; self.requires = requires }
    }

    public var year: Int
    public var name: String
    public var dimensions: [Dimension]
    public var thresholds: [Threshold]
    public var vetoes: [Veto]
    public var quotas: [Quota]
    public var conditions: [Condition]

    public init(year: Int, name: String, dimensions: [Dimension], thresholds: [Threshold], vetoes: [Veto],
                quotas: [Quota], conditions: [Condition]) {
        self.year = year; self.name = name; self.dimensions = dimensions; self.thresholds = thresholds
        self.vetoes = vetoes; self.quotas = quotas; self.conditions = conditions
    }

    public var maxTotal: Double { dimensions.reduce(0) { $0 + $1.max } }

    /// The default standard, in the shape DOMAIN.md gives (100 points, ≥90 five stars with an innovation project).
    public static func standard(year: Int) -> Rubric {
        Rubric(
            year: year, name: "两新组织党组织星级评定标准（默认）",
            dimensions: [
                Dimension(name: "组织设置", max: 15),
                Dimension(name: "班子队伍", max: 20),
                Dimension(name: "党员管理", max: 15),
                Dimension(name: "组织生活", max: 20, items: [
                    SubItem(name: "三会一课", max: 8), SubItem(name: "主题党日", max: 4),
                    SubItem(name: "组织生活会", max: 4), SubItem(name: "民主评议", max: 4)]),
                Dimension(name: "阵地建设", max: 10),
                Dimension(name: "作用发挥", max: 20),
            ],
            thresholds: [Threshold(star: 5, minScore: 90), Threshold(star: 4, minScore: 80),
                         Threshold(star: 3, minScore: 70), Threshold(star: 2, minScore: 60),
                         Threshold(star: 1, minScore: 0)],
            vetoes: [Veto(name: "严重违纪违法", effect: .noRating), Veto(name: "重大安全生产事故", effect: .noRating),
                     Veto(name: "不良信用记录", effect: .cap(2)), Veto(name: "软弱涣散", effect: .noRating)],
            quotas: [Quota(star: 5, maxPercent: 10), Quota(star: 4, maxPercent: 30)],
            conditions: [Condition(star: 5, requires: "innovation")])
    }
}

/// Scores are compared in tenths of a point: 89.5 must stay below 90 whatever floating point does.
public func tenths(_ x: Double) -> Int { Int((x * 10).rounded()) }

public struct ScoreResult: Equatable, Sendable {
    public var total: Double
    /// The star the thresholds, vetoes and extra conditions give; 0 = no rating.
    public var star: Int
    public var reasons: [String]
}

extension Rubric {
    /// Totals the scores (each dimension bounded by its maximum), then applies thresholds, vetoes and conditions.
    public func score(_ scores: [String: Double], vetoes ticked: Set<String> = [], innovation: Bool = false) -> ScoreResult {
        var totalTenths = 0
        for d in dimensions {
            let s = max(0, min(scores[d.name] ?? 0, d.max))
            totalTenths += tenths(s)
        }
        var reasons: [String] = []
        var star = thresholds.sorted { $0.star > $1.star }.first { totalTenths >= tenths($0.minScore) }?.star ?? 0
        for c in conditions where star >= c.star {
            if c.requires == "innovation" && !innovation {
                reasons.append("\(String(repeating: "★", count: c.star))需创新项目")
                star = c.star - 1
            }
        }
        for v in vetoes where ticked.contains(v.name) {
            switch v.effect {
            case .noRating:
                reasons.append("一票否决：\(v.name)")
                star = 0
            case .cap(let cap) where star > cap:
                reasons.append("\(v.name)：最高\(cap)星")
                star = cap
            case .cap: break
            }
        }
        return ScoreResult(total: Double(totalTenths) / 10, star: star, reasons: reasons)
    }

    /// Bounds a typed score to its dimension: the review screen refuses more than the maximum.
    public func clamp(_ value: Double, dimension: String) -> Double {
        guard let d = dimensions.first(where: { $0.name == dimension }) else { return value }
        return max(0, min(value, d.max))
    }

    /// Checks the rubric's own consistency; messages name the part at fault.
    public func problems() -> [String] {
        var out: [String] = []
        if dimensions.isEmpty { out.append("dimensions: 至少需要一个评分维度") }
        for d in dimensions {
            if d.max <= 0 { out.append("dimensions.\(d.name): 满分必须大于0") }
            if let items = d.items, abs(items.reduce(0) { $0 + $1.max } - d.max) > 0.001 {
                out.append("dimensions.\(d.name): 子项满分之和应等于\(d.max)")
            }
        }
        if Set(dimensions.map(\.name)).count != dimensions.count { out.append("dimensions: 维度名称重复") }
        if thresholds.isEmpty { out.append("thresholds: 至少需要一条星级分数线") }
        for c in conditions where c.requires != "innovation" {
            out.append("conditions: \(c.star)星的条件“\(c.requires)”无法识别（目前支持 innovation）")
        }
        for t in thresholds where !(1...5).contains(t.star) { out.append("thresholds: 星级应为1–5，实为\(t.star)") }
        let sorted = thresholds.sorted { $0.star < $1.star }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.minScore >= b.minScore {
            out.append("thresholds: \(b.star)星的分数线应高于\(a.star)星")
        }
        for q in quotas where !(0...100).contains(q.maxPercent) { out.append("quotas: \(q.star)星比例应在0–100之间") }
        return out
    }
}

/// A star application and its review, one per organization and year.
public struct StarEvaluation: Hashable, Sendable, Codable {
    public var id: Int64?
    public var partyOrgId: Int64
    public var year: Int
    public var rubricId: Int64?
    public var stage: EvalStage
    public var appliedStar: Int
    /// `组织设置:14;班子队伍:18` — see `ScoreSheet`.
    public var selfScores: String
    public var reviewerScores: String
    /// Veto names joined with `、`.
    public var vetoes: String
    public var evidence: String?
    public var innovation: Bool
    public var decidedStar: Int?
    public var publicityStart: Day?
    public var publicityEnd: Day?
    public var submitted: Day?
    public var version: Int

    public init(id: Int64? = nil, partyOrgId: Int64, year: Int, rubricId: Int64? = nil, stage: EvalStage = .draft,
                appliedStar: Int = 0, selfScores: String = "", reviewerScores: String = "", vetoes: String = "",
                evidence: String? = nil, innovation: Bool = false, decidedStar: Int? = nil, publicityStart: Day? = nil,
                publicityEnd: Day? = nil, submitted: Day? = nil, version: Int = 1) {
        self.id = id; self.partyOrgId = partyOrgId; self.year = year; self.rubricId = rubricId; self.stage = stage
        self.appliedStar = appliedStar; self.selfScores = selfScores; self.reviewerScores = reviewerScores
        self.vetoes = vetoes; self.evidence = evidence; self.innovation = innovation; self.decidedStar = decidedStar
        self.publicityStart = publicityStart; self.publicityEnd = publicityEnd; self.submitted = submitted
        self.version = version
    }

    public var vetoSet: Set<String> { Set(vetoes.split(separator: "、").map(String.init).filter { !$0.isEmpty }) }
}

/// `name:score;name:score` ↔ dictionary.
public enum ScoreSheet {
    public static func parse(_ text: String) -> [String: Double]? {
        var out: [String: Double] = [:]
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "；" }) {
            let kv = part.split(whereSeparator: { $0 == ":" || $0 == "：" })
            guard kv.count == 2, let v = Double(kv[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            out[kv[0].trimmingCharacters(in: .whitespaces)] = v
        }
        return out
    }

    public static func format(_ scores: [String: Double], order: [String]) -> String {
        order.compactMap { name in scores[name].map { "\(name):\(formatScore($0))" } }.joined(separator: ";")
    }

    public static func formatScore(_ v: Double) -> String {
        let t = tenths(v)
        let sign = t < 0 ? "-" : ""
        let a = abs(t)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}

/// One transition of an application (submit, pass, return, reject, approve) or a star change in the cycle.
public struct StarEvent: Hashable, Sendable, Codable {
    public var id: Int64?
    public var evaluationId: Int64?
    public var partyOrgId: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var fromStage: EvalStage?
    public var toStage: EvalStage?
    public var starFrom: Int?
    public var starTo: Int?
    public var comment: String?

    public init(id: Int64? = nil, evaluationId: Int64?, partyOrgId: Int64, at: String, actor: String, action: String,
                fromStage: EvalStage? = nil, toStage: EvalStage? = nil, starFrom: Int? = nil, starTo: Int? = nil,
                comment: String? = nil) {
        self.id = id; self.evaluationId = evaluationId; self.partyOrgId = partyOrgId; self.at = at; self.actor = actor
        self.action = action; self.fromStage = fromStage; self.toStage = toStage; self.starFrom = starFrom
        self.starTo = starTo; self.comment = comment
    }
}

public enum StarWorkflow {
    /// The stage an application moves to when it passes its current one.
    public static func next(after stage: EvalStage) -> EvalStage? {
        switch stage {
        case .draft, .returned: return .submitted
        case .submitted: return .firstCheck
        case .firstCheck: return .review
        case .review: return .publicity
        case .publicity: return .decided
        case .decided, .rejected: return nil
        }
    }

    /// Where a reviewer's "return" sends it: back one stage. A stage names the last step passed, so an application
    /// at 自评申报 is the one under first check, and returning it sends it to the applicant (退回).
    public static func previous(before stage: EvalStage) -> EvalStage? {
        switch stage {
        case .submitted: return .returned
        case .firstCheck: return .submitted
        case .review: return .firstCheck
        case .publicity: return .review
        case .draft, .returned, .decided, .rejected: return nil
        }
    }

    public static func canReject(_ stage: EvalStage) -> Bool {
        [.submitted, .firstCheck, .review, .publicity].contains(stage)
    }
}
