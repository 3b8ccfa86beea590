/// A change of an organization's star within a cycle: a grant that differs from the star it held, or a 升星 /
/// 降星 / 摘星 during the cycle.
public struct StarChange: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case up, down, revoked, new

        /// The arrow the panel shows: ↑ ↓ 摘 新.
        public var mark: String {
            switch self {
            case .up: return "↑"
            case .down: return "↓"
            case .revoked: return "摘"
            case .new: return "新"
            }
        }

        /// nil when nothing changed. From unrated to a star is a new rating, not a raise.
        public static func of(from: Int, to: Int) -> Kind? {
            if from == to { return nil }
            if to == 0 { return .revoked }
            if from == 0 { return .new }
            return to > from ? .up : .down
        }
    }

    public var partyOrgId: Int64
    public var orgName: String
    public var from: Int
    public var to: Int
    /// The day it took effect (the grant's or the event's date).
    public var on: String
    public var action: String

    public init(partyOrgId: Int64, orgName: String, from: Int, to: Int, on: String, action: String) {
        self.partyOrgId = partyOrgId; self.orgName = orgName; self.from = from; self.to = to; self.on = on; self.action = action
    }

    public var kind: Kind? { Kind.of(from: from, to: to) }
}

extension Array where Element == StarChange {
    /// How many changes of each kind (all kinds present, zero when none).
    public var countsByKind: [StarChange.Kind: Int] {
        var c: [StarChange.Kind: Int] = [:]
        for k in StarChange.Kind.allCases { c[k] = 0 }
        for ch in self { if let k = ch.kind { c[k, default: 0] += 1 } }
        return c
    }
}

/// Quotas (e.g. ★★★★★ ≤ 10% of rated organizations), checked against the distribution as it would be after a change.
public enum StarQuota {
    public struct Excess: Hashable, Sendable {
        public var star: Int
        /// The share the star would have after the change.
        public var share: Rate
        /// The share it has now.
        public var current: Rate
        public var maxPercent: Double
    }

    /// The distribution after one active organization moves from one star to another.
    public static func moving(_ d: StarDistribution, from: Int, to: Int) -> StarDistribution {
        var c = d.counts
        let f = max(0, min(5, from)), t = max(0, min(5, to))
        if c[f] > 0 { c[f] -= 1 }
        c[t] += 1
        return StarDistribution(counts: c)
    }

    /// The quotas a change would break. Shares compare in hundredths of a percent, so exactly 10.00% is within ≤ 10%.
    public static func exceeded(by d: StarDistribution, from: Int, to: Int, rubric: Rubric) -> [Excess] {
        guard to > 0 else { return [] }
        let after = moving(d, from: from, to: to)
        return rubric.quotas.filter { $0.star == to }.compactMap { q in
            let share = after.share(of: q.star)
            guard let bp = share.basisPoints, bp > Int((q.maxPercent * 100).rounded()) else { return nil }
            return Excess(star: q.star, share: share, current: d.share(of: q.star), maxPercent: q.maxPercent)
        }
    }

    /// The warning the review screen shows before it asks to confirm.
    public static func warning(_ x: Excess) -> ValidationIssue {
        let max = ScoreSheet.formatScore(x.maxPercent)
        return ValidationIssue("star", .warning,
            zh: "\(starText(x.star))比例将超过限额\(max)%：当前\(x.current.text)（\(x.current.numerator)/\(x.current.denominator)），授星后\(x.share.text)",
            en: "\(x.star)-star share would exceed the \(max)% quota: now \(x.current.text) (\(x.current.numerator)/\(x.current.denominator)), after \(x.share.text)")
    }
}

public enum StarLevels {
    /// Organizations below this star are listed for 软弱涣散 consideration.
    public static let rectificationBelow = 3

    /// Rated but below ★★★ (unrated organizations are a coverage question, not a rating one).
    public static func flaggedForRectification(_ org: PartyOrg) -> Bool {
        org.status.isActive && org.starLevel >= 1 && org.starLevel < rectificationBelow
    }
}
