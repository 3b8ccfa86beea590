/// What a reviewer (or the committee during a cycle) does to an application or to an organization's star. The
/// rules of each live in `StarWorkflow.apply`; the store only persists what it returns.
public enum StarAction: Hashable, Sendable {
    /// 草稿 / 退回 → 自评申报 (the applicant's submission, entered by staff on its behalf).
    case submit
    /// Passes the current check: 自评申报 → 初核 → 审核 → 公示 (with the notice's dates).
    case pass(publicityStart: Day? = nil, publicityEnd: Day? = nil)
    /// 公示 → 授星 with the star granted (the computed one, or an adjusted one with a reason).
    case grant(star: Int)
    /// Back one stage, with a comment.
    case sendBack
    /// 不予通过, with a comment.
    case reject
    /// 升星 / 降星 / 摘星 during the cycle, with a reason.
    case raise(to: Int)
    case lower(to: Int)
    case revoke

    /// The word recorded in `star_event.action` and shown in the history.
    public var eventAction: StarEventAction {
        switch self {
        case .submit: return .submit
        case .pass: return .pass
        case .grant: return .grant
        case .sendBack: return .sendBack
        case .reject: return .reject
        case .raise: return .raise
        case .lower: return .lower
        case .revoke: return .revoke
        }
    }
}

public enum StarEventAction: String, DomainEnum {
    case submit = "提交申报"
    case pass = "通过"
    case grant = "授星"
    case sendBack = "退回"
    case reject = "不予通过"
    case raise = "升星"
    case lower = "降星"
    case revoke = "摘星"

    /// Actions that change the star an organization holds.
    public var changesStar: Bool { self == .grant || self == .raise || self == .lower || self == .revoke }
}

/// Why an action is refused, in both languages; the review screen shows it next to the field at fault.
public struct StarRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var zh: String
    public var en: String
    public init(_ field: String, zh: String, en: String) { self.field = field; self.zh = zh; self.en = en }
    public func message(_ lang: Lang) -> String { lang == .en ? en : zh }
    public var description: String { zh }
    public var issue: ValidationIssue { ValidationIssue(field, zh: zh, en: en) }
}

/// The records one action changes: the application (nil for a star change without one), the organization when its
/// star changes, and the event for the history.
public struct StarTransition: Hashable, Sendable {
    public var evaluation: StarEvaluation?
    public var org: PartyOrg?
    public var event: StarEvent
}

/// `★★★` for 3, `—` for unrated.
public func starText(_ n: Int) -> String { n <= 0 ? "—" : String(repeating: "★", count: min(5, n)) }
