import LiangxinModel
import LiangxinStore
import TermKit

/// The review screen: one application on one screen — the organization's facts, the rubric's dimensions with self and
/// reviewer scores side by side, totals and the star they give, vetoes, evidence and history — with keys to score
/// dimension by dimension, tick vetoes, approve, return and reject.
@MainActor
final class StarReviewScreen {
    private(set) var data: StarReviewData
    /// The row under the cursor: dimensions first, then vetoes, then the innovation project.
    private(set) var cursor = 0
    /// The score being typed (dimension by dimension: Enter saves and moves on).
    private(set) var editor: TextField?
    private(set) var form: Form?
    /// "3/46" when opened from the queue.
    var position: (index: Int, total: Int)?
    /// True once an action moved it out of the queue's filter (`n` then shows the one that took its place).
    var leftQueue = false

    init(_ data: StarReviewData) { self.data = data }

    enum Outcome { case stay, back, next, previous }

    var capturesText: Bool { editor != nil || form != nil }
    var dimensions: [Rubric.Dimension] { data.rubric.dimensions }
    var rowCount: Int { dimensions.count + data.rubric.vetoes.count + 1 }
    var reviewerScores: [String: Double] { ScoreSheet.parse(data.evaluation.reviewerScores) ?? [:] }
    var selfScores: [String: Double] { ScoreSheet.parse(data.evaluation.selfScores) ?? [:] }
    /// Scores and vetoes are the reviewer's while the application is in review.
    var editable: Bool { StarQueueFilter.reviewStages.contains(data.evaluation.stage) }

    func replace(_ d: StarReviewData) {
        data = d
        cursor = min(cursor, rowCount - 1)
    }

    func reload(_ ctx: AppContext) throws {
        if let d = try ctx.store.starReview(evaluationId: data.evaluation.id!, today: ctx.today) { replace(d) }
    }

    private func t(_ ctx: AppContext, _ zh: String, _ en: String) -> String { ctx.lang == .en ? en : zh }

    func handle(_ key: Key, _ ctx: AppContext) -> Outcome {
        if Form.route(key, to: &form, ctx) { return .stay }
        if editor != nil { handleEditor(key, ctx); return .stay }
        switch key {
        case .esc, .backspace: return .back
        case .down, .char("j"): cursor = min(rowCount - 1, cursor + 1)
        case .up, .char("k"): cursor = max(0, cursor - 1)
        case .home: cursor = 0
        case .end: cursor = rowCount - 1
        case .char("n"), .char("]"), .pageDown: return .next
        case .char("p"), .char("["), .pageUp: return .previous
        case .enter:
            if cursor < dimensions.count { startEditing(ctx) } else { toggle(ctx) }
        case .char(" "):
            if cursor >= dimensions.count { toggle(ctx) } else { startEditing(ctx) }
        case .char("a"):
            if let f = StarForms.approve(ctx, data, done: { _ in }) { form = f }
            else { ctx.say(t(ctx, "“\(data.evaluation.stage.rawValue)”的申报已办结", "This application is closed (\(data.evaluation.stage.code))"), error: true) }
        case .char("R"):
            if StarWorkflow.previous(before: data.evaluation.stage) != nil { form = StarForms.sendBack(ctx, data, done: { _ in }) }
            else { ctx.say(t(ctx, "“\(data.evaluation.stage.rawValue)”阶段不能退回", "Cannot return at \(data.evaluation.stage.code)"), error: true) }
        case .char("X"):
            if StarWorkflow.canReject(data.evaluation.stage) { form = StarForms.reject(ctx, data, done: { _ in }) }
            else { ctx.say(t(ctx, "“\(data.evaluation.stage.rawValue)”阶段不能不予通过", "Cannot reject at \(data.evaluation.stage.code)"), error: true) }
        case .char("+"), .char("-"), .char("Z"):
            let kind: StarEventAction = key == .char("+") ? .raise : (key == .char("-") ? .lower : .revoke)
            form = StarForms.change(ctx, kind: kind, org: data.org, evaluation: data.evaluation, distribution: data.distribution,
                                    rubric: data.rubric, done: { _ in })
        default: return .stay
        }
        return .stay
    }

    /// Whether the key was one the screen uses (so the panel does not pass it to the global keymap).
    func uses(_ key: Key) -> Bool {
        if capturesText { return true }
        switch key {
        case .esc, .backspace, .down, .up, .home, .end, .pageDown, .pageUp, .enter,
             .char("j"), .char("k"), .char("n"), .char("p"), .char("]"), .char("["), .char(" "),
             .char("a"), .char("R"), .char("X"), .char("+"), .char("-"), .char("Z"): return true
        default: return false
        }
    }

    private func startEditing(_ ctx: AppContext) {
        guard editable else {
            ctx.say(t(ctx, "“\(data.evaluation.stage.rawValue)”阶段不能修改评分", "Scores are fixed at \(data.evaluation.stage.code)"), error: true)
            return
        }
        guard cursor < dimensions.count else { return }
        editor = freshEditor()
    }

    /// Typing replaces the score; the current one shows as a placeholder and an empty Enter keeps it.
    private func freshEditor() -> TextField {
        TextField("", placeholder: reviewerScores[dimensions[cursor].name].map(ScoreSheet.formatScore) ?? "")
    }

    private func handleEditor(_ key: Key, _ ctx: AppContext) {
        guard var ed = editor else { return }
        switch key {
        case .esc:
            editor = nil
        case .enter, .tab, .down:
            let d = dimensions[cursor]
            let text = ed.value.trimmingCharacters(in: .whitespaces)
            var scores = reviewerScores
            if text.isEmpty {
                // Nothing typed: the score stands (or stays missing).
            } else {
                guard let v = Double(text), v.isFinite else {
                    ctx.say(t(ctx, "\(d.name)：“\(text)”不是数字", "\(d.name): “\(text)” is not a number"), error: true)
                    return
                }
                // Bounded by the dimension's maximum: a score above it is refused, not silently cut.
                guard v >= 0, tenths(v) <= tenths(d.max) else {
                    ctx.say(t(ctx, "\(d.name)：应在0–\(ScoreSheet.formatScore(d.max))分之间", "\(d.name): must be 0–\(ScoreSheet.formatScore(d.max))"), error: true)
                    return
                }
                scores[d.name] = Double(tenths(v)) / 10
            }
            guard save(ctx, { $0.reviewerScores = ScoreSheet.format(scores, order: self.dimensions.map(\.name)) }) else { return }
            if cursor + 1 < dimensions.count {
                cursor += 1
                editor = freshEditor()
            } else {
                editor = nil
                let r = StarWorkflow.assess(data.evaluation, org: data.org, rubric: data.rubric)
                ctx.say(t(ctx, "审核评分已保存：合计\(ScoreSheet.formatScore(r.total))分，按标准\(starText(r.star))",
                          "Scores saved: total \(ScoreSheet.formatScore(r.total)), the rubric gives \(starText(r.star))"))
            }
        case .up, .backTab:
            editor = nil
            cursor = max(0, cursor - 1)
        case .char(let c) where !(c.isASCII && (c.isNumber || c == ".")):
            // Scores are numbers; other keys would only make a value to refuse later.
            break
        default:
            _ = ed.handle(key)
            editor = ed
        }
    }

    /// Ticks the veto or the innovation project under the cursor.
    private func toggle(_ ctx: AppContext) {
        guard editable else {
            ctx.say(t(ctx, "“\(data.evaluation.stage.rawValue)”阶段不能修改否决项", "Vetoes are fixed at \(data.evaluation.stage.code)"), error: true)
            return
        }
        let i = cursor - dimensions.count
        let vetoes = data.rubric.vetoes
        if i < vetoes.count {
            var set = data.evaluation.vetoSet
            let name = vetoes[i].name
            if set.contains(name) { set.remove(name) } else { set.insert(name) }
            let joined = vetoes.map(\.name).filter(set.contains).joined(separator: "、")
            _ = save(ctx) { $0.vetoes = joined }
        } else {
            _ = save(ctx) { $0.innovation.toggle() }
        }
    }

    /// One audited update of the application; a colleague's newer save is reported and the screen re-read.
    @discardableResult
    private func save(_ ctx: AppContext, _ change: (inout StarEvaluation) -> Void) -> Bool {
        var e = data.evaluation
        change(&e)
        do {
            try ctx.write(source: "stars") { l in try l.update(&e) }
            data.evaluation = e
            return true
        } catch {
            ctx.say("\(error)", error: true)
            editor = nil
            try? reload(ctx)
            return false
        }
    }

    // MARK: rendering

    func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let d = data, e = d.evaluation
        let histRows = max(3, area.height - 5 - (dimensions.count + 5) - 1)
        let rows = area.splitRows([.fixed(5), .fixed(dimensions.count + 5), .fixed(histRows), .ratio(1)])
        renderFacts(into: &buf, area: rows[0], ctx)
        let mid = rows[1].splitColumns([.ratio(3), .ratio(2)])
        renderScores(into: &buf, area: mid[0], ctx)
        let right = mid[1].splitRows([.fixed(min(mid[1].height - 3, d.rubric.vetoes.count + 3)), .ratio(1)])
        renderVetoes(into: &buf, area: right[0], ctx)
        let eb = Block(title: t(ctx, "佐证材料", "Evidence"))
        eb.render(into: &buf, area: right[1])
        let ei = eb.inner(right[1]).inset(left: 1, right: 1)
        for (i, line) in wrap(e.evidence ?? t(ctx, "（未提供）", "(none)"), width: max(1, ei.width)).prefix(ei.height).enumerated() {
            buf.put(line, x: ei.x, y: ei.y + i, style: e.evidence == nil ? .dim : .text)
        }
        if rows[2].width >= 100 {
            // Roomy screens: the organization's other years beside this application's history.
            let bottom = rows[2].splitColumns([.ratio(3), .ratio(2)])
            renderHistory(into: &buf, area: bottom[0], ctx)
            renderOtherYears(into: &buf, area: bottom[1], ctx)
        } else {
            renderHistory(into: &buf, area: rows[2], ctx)
        }
        let hint = editor != nil
            ? t(ctx, "输入分数 Enter保存并到下一项 ↑上一项 Esc结束", "type the score  Enter save & next  ↑ previous  Esc stop")
            : editable || e.stage == .draft || e.stage == .returned
            ? t(ctx, "Enter评分 空格勾选 a\(StarForms.passLabel(e.stage, ctx)) R退回 X不予通过 +/-/Z升降摘星 n/p下/上一条 Esc返回",
                "Enter score  Space tick  a \(StarForms.passLabel(e.stage, ctx))  R return  X reject  +/-/Z star  n/p next/prev  Esc back")
            : t(ctx, "已办结 · +/-/Z升星/降星/摘星 n/p下/上一条 Esc返回", "Closed · +/-/Z raise/lower/revoke  n/p next/prev  Esc back")
        buf.put(truncate(" " + hint, toWidth: rows[3].width), x: rows[3].x, y: rows[3].y, style: .dim)
        if let f = form {
            f.render(into: &buf, area: area)
        }
    }

    private func renderFacts(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let d = data, e = d.evaluation, o = d.org
        var title = t(ctx, "审核", "Review")
        if let p = position {
            title += leftQueue ? t(ctx, "（已移出队列，余\(p.total)件）", " (left the queue, \(p.total) left)") : " \(p.index + 1)/\(p.total)"
        }
        title += " · \(e.year) · \(e.stage.rawValue)（\(StarReviewScreen.awaiting(e.stage, ctx))）"
        if let since = d.history.last(where: { !$0.at.isEmpty })?.at.prefix(10), let day = Day(String(since)), StarQueueFilter.reviewStages.contains(e.stage) {
            title += t(ctx, " · 已等待\(ctx.today.days(since: day))天", " · waiting \(ctx.today.days(since: day)) days")
        }
        let b = Block(title: title)
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        var x = inner.x
        x += buf.put(o.name, x: x, y: inner.y, style: .title, maxWidth: inner.width)
        let line1 = "  \(o.orgType.rawValue) · \(o.formation.rawValue) · \(d.regionName)" + (d.committeeName.map { t(ctx, " · 上级：", " · under ") + $0 } ?? "")
        buf.put(truncate(line1, toWidth: max(0, inner.maxX - x)), x: x, y: inner.y, style: .dim)
        // Key facts: members, units covered, last star, the secretary's training this year, 软弱涣散.
        var parts: [(String, Style)] = []
        parts.append((t(ctx, "党员\(o.members)", "members \(o.members)"), .text))
        parts.append((t(ctx, "覆盖单位\(d.coveredUnits)", "units \(d.coveredUnits)"), .text))
        let last = d.lastStar.map { "\(starText($0))（\(d.lastStarYear ?? 0)）" } ?? t(ctx, "未评", "none")
        parts.append((t(ctx, "上次星级", "last star") + " " + last, .text))
        // The regulations ask ≥ 56 学时 a year of a secretary; less shows in amber.
        let hoursOK = TrainingRules.meetsSecretaryHours(d.secretaryHours)
        parts.append((t(ctx, "书记\(o.secretaryName ?? "—") 本年培训\(formatHours(d.secretaryHours))学时", "secretary \(o.secretaryName ?? "—") \(formatHours(d.secretaryHours)) h this year")
                      + (hoursOK ? "" : "<56"), hoursOK ? .good : .warning))
        if o.status == .weak { parts.append((t(ctx, "已列为软弱涣散", "listed as weak"), .bad)) }
        if o.status == .revoked { parts.append((t(ctx, "已撤销", "revoked"), .bad)) }
        x = inner.x
        for (i, p) in parts.enumerated() {
            if i > 0 { x += buf.put(" · ", x: x, y: inner.y + 1, style: .dim, maxWidth: max(0, inner.maxX - x)) }
            x += buf.put(p.0, x: x, y: inner.y + 1, style: p.1, maxWidth: max(0, inner.maxX - x))
        }
        let e3 = [t(ctx, "申报", "applied") + " " + starText(e.appliedStar),
                  t(ctx, "现有", "holds") + " " + starText(o.starLevel),
                  e.submitted.map { t(ctx, "提交于", "submitted ") + $0.description } ?? t(ctx, "未提交", "not submitted"),
                  e.publicityStart.map { t(ctx, "公示", "notice ") + "\($0)–\(e.publicityEnd?.description ?? "")" },
                  e.decidedStar.map { t(ctx, "授予", "granted") + " " + starText($0) }].compactMap { $0 }
        buf.put(truncate(e3.joined(separator: " · "), toWidth: inner.width), x: inner.x, y: inner.y + 2, style: .text)
    }

    private func renderScores(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let d = data
        let b = Block(title: t(ctx, "评分（", "Scores (") + d.rubric.name + "）")
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let numW = 6
        let nameW = max(8, inner.width - 3 * (numW + 1) - 2)
        func row(_ cells: [String], y: Int, style: Style) {
            var x = inner.x
            buf.put(pad(truncate(cells[0], toWidth: nameW), toWidth: nameW), x: x, y: y, style: style)
            x += nameW + 1
            for c in cells.dropFirst() {
                buf.put(pad(c, toWidth: numW, align: .right), x: x, y: y, style: style)
                x += numW + 1
            }
        }
        row([t(ctx, "维度", "Dimension"), t(ctx, "满分", "Max"), t(ctx, "自评", "Self"), t(ctx, "审核", "Review")], y: inner.y, style: .header)
        let selfS = selfScores, revS = reviewerScores
        for (i, dim) in dimensions.enumerated() {
            let y = inner.y + 1 + i
            guard y < inner.maxY else { break }
            let sub = dim.items.map { " " + $0.map { "\($0.name)\(ScoreSheet.formatScore($0.max))" }.joined(separator: " ") } ?? ""
            let selected = i == cursor && form == nil
            let style: Style = selected ? .selected : .text
            if selected { buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: .selected) }
            buf.put(pad(truncate(dim.name, toWidth: nameW), toWidth: nameW), x: inner.x, y: y, style: style)
            if !sub.isEmpty, displayWidth(dim.name) + 2 < nameW {
                buf.put(truncate(sub, toWidth: nameW - displayWidth(dim.name)), x: inner.x + displayWidth(dim.name), y: y, style: selected ? style : .dim)
            }
            var x = inner.x + nameW + 1
            buf.put(pad(ScoreSheet.formatScore(dim.max), toWidth: numW, align: .right), x: x, y: y, style: style)
            x += numW + 1
            buf.put(pad(selfS[dim.name].map(ScoreSheet.formatScore) ?? "—", toWidth: numW, align: .right), x: x, y: y, style: style)
            x += numW + 1
            let area = Rect(x: x, y: y, width: numW, height: 1)
            if selected, let ed = editor {
                ed.render(into: &buf, area: area, focused: true)
            } else {
                let r = revS[dim.name]
                // A reviewer score below the applicant's own shows in amber, so the differences stand out.
                let diff: Style = selected ? style : ((r ?? 0) < (selfS[dim.name] ?? 0) && r != nil ? .warning : .text)
                buf.put(pad(r.map(ScoreSheet.formatScore) ?? "—", toWidth: numW, align: .right), x: x, y: y, style: diff)
            }
        }
        let selfR = StarWorkflow.selfAssess(d.evaluation, rubric: d.rubric)
        let revR = StarWorkflow.assess(d.evaluation, org: d.org, rubric: d.rubric)
        let ty = inner.y + 1 + dimensions.count
        if ty < inner.maxY {
            row([t(ctx, "合计", "Total"), ScoreSheet.formatScore(d.rubric.maxTotal), ScoreSheet.formatScore(selfR.total),
                 revS.isEmpty ? "—" : ScoreSheet.formatScore(revR.total)], y: ty, style: .title)
        }
        if ty + 1 < inner.maxY {
            let missing = StarWorkflow.unscored(d.evaluation, rubric: d.rubric)
            var x = inner.x
            x += buf.put(t(ctx, "按标准评定：", "The rubric gives: "), x: x, y: ty + 1, style: .dim)
            if missing.count == dimensions.count {
                buf.put(t(ctx, "待评分（自评\(starText(selfR.star))）", "not scored yet (self \(starText(selfR.star)))"), x: x, y: ty + 1, style: .dim,
                        maxWidth: max(0, inner.maxX - x))
            } else {
                let starStyle: Style = revR.star == 0 ? .bad : (revR.star >= 3 ? .good : .warning)
                x += buf.put(revR.star == 0 ? t(ctx, "不予定级", "no rating") : starText(revR.star), x: x, y: ty + 1, style: starStyle.bolded)
                var note = revR.reasons.joined(separator: "；")
                if !missing.isEmpty { note = t(ctx, "尚缺", "missing ") + missing.joined(separator: "、") + (note.isEmpty ? "" : "；" + note) }
                if !note.isEmpty { buf.put(truncate(" " + note, toWidth: max(0, inner.maxX - x)), x: x, y: ty + 1, style: .warning) }
            }
        }
    }

    private func renderVetoes(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let d = data
        let b = Block(title: t(ctx, "一票否决 · 创新项目", "Vetoes · innovation"))
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let effective = StarWorkflow.effectiveVetoes(d.evaluation.vetoSet, org: d.org, rubric: d.rubric)
        let ascii = BorderSet.preferred.isASCII
        func box(_ on: Bool) -> String { on ? (ascii ? "[x]" : "[✓]") : "[ ]" }
        var lines: [(String, Style, Bool)] = []
        for (i, v) in d.rubric.vetoes.enumerated() {
            let effect: String
            switch v.effect {
            case .noRating: effect = t(ctx, "不予定级", "no rating")
            case .cap(let c): effect = t(ctx, "最高\(c)星", "at most \(c)")
            }
            let ticked = d.evaluation.vetoSet.contains(v.name)
            let auto = !ticked && effective.contains(v.name)
            let text = "\(box(ticked || auto)) \(v.name) · \(effect)" + (auto ? t(ctx, "（已列入）", " (listed)") : "")
            lines.append((text, ticked || auto ? .bad : .text, dimensions.count + i == cursor))
        }
        lines.append(("\(box(d.evaluation.innovation)) " + t(ctx, "创新项目", "Innovation project"), .text, cursor == rowCount - 1))
        for (i, l) in lines.prefix(inner.height).enumerated() {
            let sel = l.2 && form == nil
            if sel { buf.fill(Rect(x: inner.x, y: inner.y + i, width: inner.width, height: 1), style: .selected) }
            buf.put(truncate(l.0, toWidth: inner.width), x: inner.x, y: inner.y + i, style: sel ? .selected : l.1)
        }
    }

    private func renderHistory(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: t(ctx, "办理历程", "History"))
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let lines = data.history
        if lines.isEmpty { buf.put(t(ctx, "（无记录）", "(none)"), x: inner.x, y: inner.y, style: .dim) }
        // The newest lines matter most: when they do not all fit, the oldest give way.
        for (i, h) in lines.suffix(inner.height).enumerated() {
            buf.put(truncate(StarReviewScreen.historyText(h, ctx), toWidth: inner.width), x: inner.x, y: inner.y + i,
                    style: h.fromLedger ? .dim : .text)
        }
    }

    private func renderOtherYears(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: t(ctx, "历年星级", "Other years"))
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let years = data.otherYears
        if years.isEmpty { buf.put(t(ctx, "（无其他年度申报）", "(no other years)"), x: inner.x, y: inner.y, style: .dim) }
        for (i, e) in years.prefix(inner.height).enumerated() {
            let total = ScoreSheet.parse(e.reviewerScores).flatMap { $0.isEmpty ? nil : ScoreSheet.formatScore(data.rubric.score($0).total) }
            let line = "\(e.year)  \(pad(e.stage.rawValue, toWidth: 8))" + t(ctx, "申报", "applied ") + pad(starText(e.appliedStar), toWidth: 6)
                + (e.decidedStar.map { t(ctx, " 评定", " granted ") + pad(starText($0), toWidth: 6) } ?? "")
                + (total.map { t(ctx, " 审核分", " score ") + $0 } ?? "")
            buf.put(truncate(line, toWidth: inner.width), x: inner.x, y: inner.y + i, style: .text)
        }
    }

    static func historyText(_ h: StarHistoryLine, _ ctx: AppContext) -> String {
        var s = String(h.at.prefix(16)).replacingOccurrences(of: "T", with: " ")
        s = pad(s, toWidth: 16) + " " + h.action
        if let f = h.fromStage, let t = h.toStage { s += " \(f.rawValue)→\(t.rawValue)" }
        else if let t = h.toStage, h.starTo == nil { s += " →\(t.rawValue)" }
        if let t = h.starTo { s += " \(starText(h.starFrom ?? 0))→\(starText(t))" }
        if !h.actor.isEmpty { s += " · \(h.actor)" }
        if h.fromLedger { s += ctx.lang == .en ? " (ledger)" : "（台账）" }
        if let c = h.comment { s += " · “\(c)”" }
        return s
    }

    /// What an application at a stage waits for (a stage names the last step passed).
    static func awaiting(_ s: EvalStage, _ ctx: AppContext) -> String {
        let en = ctx.lang == .en
        switch s {
        case .draft: return en ? "not submitted" : "待提交"
        case .submitted: return en ? "awaiting first check" : "待初核"
        case .firstCheck: return en ? "awaiting review" : "待审核"
        case .review: return en ? "awaiting notice" : "待公示"
        case .publicity: return en ? "in notice, then grant" : "公示中，待授星"
        case .decided: return en ? "granted" : "已授星"
        case .returned: return en ? "returned to applicant" : "已退回申报单位"
        case .rejected: return en ? "rejected" : "已办结"
        }
    }
}
