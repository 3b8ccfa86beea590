import LiangxinModel
import LiangxinStore

/// The small forms of the star workflow: pass a check, open the public notice, grant, return, reject, and change a
/// star during the cycle. Each one validates by running the model's rule on the typed values (so the screen refuses
/// exactly what the store would), asks before breaking a quota, and saves through one audited write.
@MainActor
enum StarForms {
    /// `5 ★★★★★` ↔ 5.
    static func starOption(_ n: Int) -> String { "\(n) \(starText(n))" }
    static func parseStar(_ s: String) -> Int? { s.split(separator: " ").first.flatMap { Int($0) } }

    static func l(_ ctx: AppContext, _ zh: String, _ en: String) -> String { ctx.lang == .en ? en : zh }

    /// The form for the reviewer's "approve" at the application's stage, or nil when nothing can be approved there.
    static func approve(_ ctx: AppContext, _ d: StarReviewData, done: @escaping (String) -> Void) -> Form? {
        let e = d.evaluation
        switch e.stage {
        case .draft, .returned:
            return simple(ctx, d, title: l(ctx, "提交申报", "Submit"), action: .submit, commentRequired: false, done: done)
        case .submitted, .firstCheck:
            return simple(ctx, d, title: passLabel(e.stage, ctx), action: .pass(), commentRequired: false, done: done)
        case .review:
            return publicity(ctx, d, done: done)
        case .publicity:
            return grant(ctx, d, done: done)
        case .decided, .rejected:
            return nil
        }
    }

    /// What passing the current stage means, for the form's title and the key hint.
    static func passLabel(_ stage: EvalStage, _ ctx: AppContext) -> String {
        switch stage {
        case .draft, .returned: return l(ctx, "提交申报", "Submit")
        case .submitted: return l(ctx, "通过初核", "Pass first check")
        case .firstCheck: return l(ctx, "通过审核", "Pass review")
        case .review: return l(ctx, "进入公示", "Open public notice")
        case .publicity: return l(ctx, "授星", "Grant the star")
        case .decided, .rejected: return "—"
        }
    }

    static func sendBack(_ ctx: AppContext, _ d: StarReviewData, done: @escaping (String) -> Void) -> Form {
        let to = StarWorkflow.previous(before: d.evaluation.stage)
        let title = to == .returned ? l(ctx, "退回申报单位", "Return to the applicant")
            : l(ctx, "退回至“\(to?.rawValue ?? "—")”", "Return to \(to?.code ?? "—")")
        return simple(ctx, d, title: title + " · " + d.org.name, action: .sendBack, commentRequired: true, done: done)
    }

    static func reject(_ ctx: AppContext, _ d: StarReviewData, done: @escaping (String) -> Void) -> Form {
        simple(ctx, d, title: l(ctx, "不予通过 · ", "Reject · ") + d.org.name, action: .reject, commentRequired: true, done: done)
    }

    /// A form with one comment field (required for a return or a rejection).
    static func simple(_ ctx: AppContext, _ d: StarReviewData, title: String, action: StarAction, commentRequired: Bool,
                       done: @escaping (String) -> Void) -> Form {
        let fields = [FormField("comment", l(ctx, "意见", "Comment"), required: commentRequired,
                                hint: commentRequired ? l(ctx, "必填，申报单位将看到", "required; the applicant sees it") : l(ctx, "可不填", "optional"))]
        return make(ctx, d, title: title, fields: fields, values: [:], parse: { _ in (action, []) }, done: done)
    }

    static func publicity(_ ctx: AppContext, _ d: StarReviewData, done: @escaping (String) -> Void) -> Form {
        let fields = [
            FormField("publicityStart", l(ctx, "公示开始", "Notice starts"), .date, required: true),
            FormField("publicityEnd", l(ctx, "公示结束", "Notice ends"), .date, required: true, hint: l(ctx, "一般不少于5个工作日", "usually 5 working days or more")),
            FormField("comment", l(ctx, "意见", "Comment")),
        ]
        let values = ["publicityStart": ctx.today.description, "publicityEnd": ctx.today.adding(days: 6).description]
        return make(ctx, d, title: passLabel(.review, ctx), fields: fields, values: values, parse: { v in
            var fv = FormValues(v)
            let s = fv.day("publicityStart", l(ctx, "公示开始", "Notice starts"))
            let t = fv.day("publicityEnd", l(ctx, "公示结束", "Notice ends"))
            return (.pass(publicityStart: s, publicityEnd: t), fv.issues)
        }, done: done)
    }

    static func grant(_ ctx: AppContext, _ d: StarReviewData, done: @escaping (String) -> Void) -> Form {
        let computed = StarWorkflow.assess(d.evaluation, org: d.org, rubric: d.rubric).star
        let fields = [
            FormField("star", l(ctx, "授予星级", "Star"), .choice((1...5).map(starOption)), required: true,
                      hint: l(ctx, "按标准为\(starText(computed))；←→调整", "the rubric gives \(starText(computed)); ←→ adjusts")),
            FormField("comment", l(ctx, "理由/意见", "Reason"), hint: l(ctx, "调整星级时必填", "required when adjusting")),
        ]
        let values = ["star": (1...5).contains(computed) ? starOption(computed) : ""]
        return make(ctx, d, title: l(ctx, "授星 · ", "Grant · ") + d.org.name, fields: fields, values: values, parse: { v in
            let star = parseStar(v["star"] ?? "") ?? 0
            var warnings: [ValidationIssue] = StarQuota.exceeded(by: d.distribution, from: d.org.starLevel, to: star, rubric: d.rubric)
                .map(StarQuota.warning)
            if let end = d.evaluation.publicityEnd, end >= ctx.today {
                warnings.append(ValidationIssue("star", .warning, zh: "公示期至\(end)，尚未结束", en: "The public notice runs until \(end)"))
            }
            return (.grant(star: star), warnings)
        }, done: done)
    }

    /// 升星 / 降星 / 摘星 of an organization's current star, filed under its application of `evaluation` when given.
    static func change(_ ctx: AppContext, kind: StarEventAction, org: PartyOrg, evaluation: StarEvaluation?,
                       distribution: StarDistribution, rubric: Rubric, done: @escaping (String) -> Void) -> Form {
        var fields: [FormField] = []
        var values: [String: String] = [:]
        let cur = org.starLevel
        switch kind {
        case .raise:
            let opts = (cur + 1...max(cur + 1, 5)).filter { $0 <= 5 }.reversed().map(starOption)
            fields.append(FormField("star", l(ctx, "升至", "Raise to"), .choice(opts), required: true))
            values["star"] = cur < 5 ? starOption(cur + 1) : ""
        case .lower:
            let opts = cur > 1 ? (1...(cur - 1)).reversed().map(starOption) : []
            fields.append(FormField("star", l(ctx, "降至", "Lower to"), .choice(opts.isEmpty ? ["—"] : opts), required: true))
            values["star"] = cur > 1 ? starOption(cur - 1) : ""
        default: break
        }
        fields.append(FormField("comment", l(ctx, "理由", "Reason"), required: true))
        let title = "\(kind.rawValue) · \(org.name)（\(l(ctx, "现", "now")) \(starText(cur))）"
        return Form(title: title, fields: fields, values: values, lang: ctx.lang, validate: { v in
            let (action, star) = changeAction(kind, v)
            var issues: [ValidationIssue] = []
            do {
                _ = try StarWorkflow.apply(action, evaluation: evaluation, org: org, rubric: rubric, comment: v["comment"], actor: "", at: "")
            } catch let r as StarRefusal {
                issues.append(r.issue)
            } catch {}
            if kind == .raise {
                issues += StarQuota.exceeded(by: distribution, from: cur, to: star, rubric: rubric).map(StarQuota.warning)
            }
            return issues
        }, save: { v in
            let (action, star) = changeAction(kind, v)
            try ctx.write(source: "stars") { l in
                _ = try l.star(action, evaluation: evaluation, org: org, rubric: rubric, comment: v["comment"])
            }
            let msg = "\(kind.rawValue)：\(org.name) \(starText(cur)) → \(starText(star))"
            done(msg)
            return msg
        })
    }

    static func changeAction(_ kind: StarEventAction, _ v: [String: String]) -> (StarAction, Int) {
        let star = parseStar(v["star"] ?? "") ?? 0
        switch kind {
        case .raise: return (.raise(to: star), star)
        case .lower: return (.lower(to: star), star)
        default: return (.revoke, 0)
        }
    }

    /// Builds a workflow form: `parse` turns the typed values into the action (plus parse problems and warnings);
    /// validation runs the model's rule; saving writes through the ledger.
    static func make(_ ctx: AppContext, _ d: StarReviewData, title: String, fields: [FormField], values: [String: String],
                     parse: @escaping ([String: String]) -> (StarAction, [ValidationIssue]), done: @escaping (String) -> Void) -> Form {
        Form(title: title, fields: fields, values: values, lang: ctx.lang, validate: { v in
            let (action, extra) = parse(v)
            var issues = extra.filter { $0.severity == .error }
            if issues.isEmpty {
                do {
                    _ = try StarWorkflow.apply(action, evaluation: d.evaluation, org: d.org, rubric: d.rubric, comment: v["comment"], actor: "", at: "")
                } catch let r as StarRefusal {
                    // A refusal about scores or stage has no field here; show it on the first one.
                    let known = fields.contains { $0.key == r.field }
                    issues.append(ValidationIssue(known ? r.field : fields[0].key, zh: r.zh, en: r.en))
                } catch {}
            }
            return issues + extra.filter { $0.severity == .warning }
        }, save: { v in
            let (action, _) = parse(v)
            let ev = try ctx.write(source: "stars") { l in
                try l.star(action, evaluation: d.evaluation, org: d.org, rubric: d.rubric, comment: v["comment"])
            }
            let to = ev.toStage?.rawValue ?? ""
            var msg = "\(ev.action)：\(d.org.name)"
            if !to.isEmpty { msg += " → \(to)" }
            if let s = ev.starTo { msg += " \(starText(s))" }
            done(msg)
            return msg
        })
    }
}
