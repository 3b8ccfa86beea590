/// The workflow's rules: which action is allowed at which stage, what it needs (comments, dates, complete scores),
/// and what it changes. One place, used by the review screen, the store and the tests.
extension StarWorkflow {
    /// The vetoes that apply: those ticked, plus 软弱涣散 when the organization is listed as such and the rubric
    /// names that veto (a listing is a fact, not the reviewer's judgment).
    public static func effectiveVetoes(_ ticked: Set<String>, org: PartyOrg, rubric: Rubric) -> Set<String> {
        var v = ticked.filter { name in rubric.vetoes.contains { $0.name == name } }
        if org.status == .weak, rubric.vetoes.contains(where: { $0.name == OrgStatus.weak.rawValue }) {
            v.insert(OrgStatus.weak.rawValue)
        }
        return v
    }

    /// The highest star the vetoes allow: 5 with none, 0 when one of them means no rating.
    public static func vetoCap(_ vetoes: Set<String>, rubric: Rubric) -> Int {
        var cap = 5
        for v in rubric.vetoes where vetoes.contains(v.name) {
            switch v.effect {
            case .noRating: cap = 0
            case .cap(let c): cap = min(cap, c)
            }
        }
        return cap
    }

    /// The star the reviewer's scores, the vetoes and the extra conditions give.
    public static func assess(_ e: StarEvaluation, org: PartyOrg, rubric: Rubric) -> ScoreResult {
        rubric.score(ScoreSheet.parse(e.reviewerScores) ?? [:], vetoes: effectiveVetoes(e.vetoSet, org: org, rubric: rubric),
                     innovation: e.innovation)
    }

    /// The applicant's own total and star (no vetoes: those are the reviewer's).
    public static func selfAssess(_ e: StarEvaluation, rubric: Rubric) -> ScoreResult {
        rubric.score(ScoreSheet.parse(e.selfScores) ?? [:], innovation: e.innovation)
    }

    /// Dimensions the reviewer has not scored yet.
    public static func unscored(_ e: StarEvaluation, rubric: Rubric) -> [String] {
        let s = ScoreSheet.parse(e.reviewerScores) ?? [:]
        return rubric.dimensions.map(\.name).filter { s[$0] == nil }
    }

    /// Errors that stop a grant of `star` (and nothing else: quotas are warnings, see `StarQuota`).
    public static func grantProblems(star: Int, evaluation e: StarEvaluation, org: PartyOrg, rubric: Rubric,
                                     reason: String?) -> [StarRefusal] {
        var out: [StarRefusal] = []
        if e.stage != .publicity {
            out.append(StarRefusal("stage", zh: "只能在公示后授星（当前：\(e.stage.rawValue)）", en: "Stars are granted after the public notice (now: \(e.stage.code))"))
        }
        if !org.status.isActive {
            out.append(StarRefusal("star", zh: "\(org.name)已撤销，不能授星", en: "\(org.name) is revoked; no star can be granted"))
        }
        let missing = unscored(e, rubric: rubric)
        if !missing.isEmpty {
            out.append(StarRefusal("scores", zh: "审核评分未完成：\(missing.joined(separator: "、"))", en: "Reviewer scores missing: \(missing.joined(separator: ", "))"))
        }
        let vetoes = effectiveVetoes(e.vetoSet, org: org, rubric: rubric)
        let cap = vetoCap(vetoes, rubric: rubric)
        if cap == 0 {
            let names = rubric.vetoes.filter { vetoes.contains($0.name) && $0.effect == .noRating }.map(\.name)
            out.append(StarRefusal("star", zh: "一票否决（\(names.joined(separator: "、"))），不能授星", en: "Vetoed (\(names.joined(separator: ", "))); no star can be granted"))
        } else if cap < 5 && star > cap {
            out.append(StarRefusal("star", zh: "否决项限定最高\(cap)星", en: "A veto caps the star at \(cap)"))
        }
        if !(1...5).contains(star) {
            out.append(StarRefusal("star", zh: "星级应为1–5", en: "The star must be 1–5"))
        }
        let computed = assess(e, org: org, rubric: rubric).star
        if star != computed && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(StarRefusal("comment", zh: "调整星级（按标准为\(starText(computed))）须填写理由", en: "Adjusting the star (the rubric gives \(starText(computed))) needs a reason"))
        }
        return out
    }

    /// Applies an action and returns the changed records and the history event; refusals name the field at fault.
    public static func apply(_ action: StarAction, evaluation: StarEvaluation?, org: PartyOrg, rubric: Rubric?,
                             comment: String?, actor: String, at: String) throws -> StarTransition {
        let note = comment.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        func needComment(_ zh: String, _ en: String) throws {
            if note == nil { throw StarRefusal("comment", zh: "\(zh)须填写意见", en: "\(en) needs a comment") }
        }
        var event = StarEvent(evaluationId: evaluation?.id, partyOrgId: org.id ?? 0, at: at, actor: actor,
                              action: action.eventAction.rawValue, comment: note)
        switch action {
        case .submit, .pass, .grant, .sendBack, .reject:
            guard var e = evaluation else {
                throw StarRefusal("stage", zh: "没有申报记录", en: "No application")
            }
            let from = e.stage
            event.fromStage = from
            var changedOrg: PartyOrg? = nil
            switch action {
            case .submit:
                guard from == .draft || from == .returned else { throw notAllowed(action, from) }
                if !(1...5).contains(e.appliedStar) {
                    throw StarRefusal("appliedStar", zh: "申报星级应为1–5", en: "The applied star must be 1–5")
                }
                if let r = rubric {
                    let s = ScoreSheet.parse(e.selfScores) ?? [:]
                    let missing = r.dimensions.map(\.name).filter { s[$0] == nil }
                    if !missing.isEmpty {
                        throw StarRefusal("selfScores", zh: "自评未完成：\(missing.joined(separator: "、"))", en: "Self scores missing: \(missing.joined(separator: ", "))")
                    }
                }
                e.stage = .submitted
            case .pass(let start, let end):
                guard [.submitted, .firstCheck, .review].contains(from), let next = next(after: from) else {
                    throw notAllowed(action, from)
                }
                if next == .publicity {
                    guard let s = start else { throw StarRefusal("publicityStart", zh: "公示开始日期：必填", en: "Notice start: required") }
                    guard let t = end else { throw StarRefusal("publicityEnd", zh: "公示结束日期：必填", en: "Notice end: required") }
                    if t < s { throw StarRefusal("publicityEnd", zh: "公示结束日期早于开始日期", en: "The notice ends before it starts") }
                    e.publicityStart = s
                    e.publicityEnd = t
                }
                e.stage = next
            case .grant(let star):
                guard let r = rubric else { throw StarRefusal("stage", zh: "缺少评定标准", en: "No rubric") }
                if let p = grantProblems(star: star, evaluation: e, org: org, rubric: r, reason: note).first { throw p }
                e.stage = .decided
                e.decidedStar = star
                var o = org
                event.starFrom = o.starLevel
                event.starTo = star
                o.starLevel = star
                changedOrg = o
            case .sendBack:
                guard let back = previous(before: from) else { throw notAllowed(action, from) }
                try needComment("退回", "Returning")
                e.stage = back
            case .reject:
                guard canReject(from) else { throw notAllowed(action, from) }
                try needComment("不予通过", "Rejecting")
                e.stage = .rejected
            default: break
            }
            event.toStage = e.stage
            return StarTransition(evaluation: e, org: changedOrg, event: event)

        case .raise, .lower, .revoke:
            let current = org.starLevel
            let target: Int
            switch action {
            case .raise(let t):
                guard org.status.isActive else {
                    throw StarRefusal("star", zh: "\(org.name)已撤销，不能升星", en: "\(org.name) is revoked; it cannot be raised")
                }
                guard t > current, t <= 5 else {
                    throw StarRefusal("star", zh: "升星应高于现有\(starText(current))且不超过5星", en: "A raise must be above the current \(starText(current)) and at most 5")
                }
                target = t
            case .lower(let t):
                guard t >= 1, t < current else {
                    throw StarRefusal("star", zh: "降星应低于现有\(starText(current))且不低于1星（取消星级请用摘星）", en: "A lowering must be below the current \(starText(current)) and at least 1 (use revoke to remove it)")
                }
                target = t
            default:
                guard current > 0 else {
                    throw StarRefusal("star", zh: "\(org.name)没有星级可摘", en: "\(org.name) holds no star")
                }
                target = 0
            }
            try needComment(action.eventAction.rawValue, action.eventAction.code.capitalized)
            var o = org
            event.starFrom = current
            event.starTo = target
            o.starLevel = target
            return StarTransition(evaluation: nil, org: o, event: event)
        }
    }

    static func notAllowed(_ a: StarAction, _ stage: EvalStage) -> StarRefusal {
        StarRefusal("stage", zh: "“\(stage.rawValue)”阶段不能\(a.eventAction.rawValue)", en: "Cannot \(a.eventAction.code) at stage \(stage.code)")
    }

    /// The actions a reviewer may take at a stage (what the review screen offers).
    public static func allowed(at stage: EvalStage) -> [StarEventAction] {
        switch stage {
        case .draft, .returned: return [.submit]
        case .submitted, .firstCheck, .review: return [.pass, .sendBack, .reject]
        case .publicity: return [.grant, .sendBack, .reject]
        case .decided, .rejected: return []
        }
    }
}
