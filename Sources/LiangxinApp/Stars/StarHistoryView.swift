import LiangxinModel
import LiangxinStore
import TermKit

/// One organization's star over the years: each year's application and result, and every recorded change, with
/// keys for 升星 / 降星 / 摘星 during the cycle.
@MainActor
final class StarHistoryView {
    private(set) var history: StarOrgHistory
    let cycleYear: Int
    var state = TableState()
    var form: Form?

    init(_ h: StarOrgHistory, cycleYear: Int) { history = h; self.cycleYear = cycleYear }

    func reload(_ ctx: AppContext) throws {
        if let h = try ctx.store.starHistory(orgId: history.org.id!) { history = h }
    }

    var capturesText: Bool { form != nil }

    enum Outcome { case stay, back, open(Int64) }

    func handle(_ key: Key, _ ctx: AppContext) -> Outcome {
        if Form.route(key, to: &form, ctx) { return .stay }
        let n = history.evaluations.count
        switch key {
        case .esc, .backspace: return .back
        case .down, .char("j"): state.moveDown(total: n, visible: 8)
        case .up, .char("k"): state.moveUp(total: n, visible: 8)
        case .enter:
            if history.evaluations.indices.contains(state.selected) { return .open(history.evaluations[state.selected].id!) }
        case .char("+"), .char("-"), .char("Z"):
            let kind: StarEventAction = key == .char("+") ? .raise : (key == .char("-") ? .lower : .revoke)
            let ev = history.evaluations.first { $0.year == cycleYear }
            let rubric = (try? ev?.rubricId.flatMap { try ctx.store.rubricRecord(id: $0) }?.rubric())
                ?? (try? ctx.store.currentRubric(year: cycleYear)?.rubric()) ?? Rubric.standard(year: cycleYear)
            let dist = (try? ctx.store.starDistribution()) ?? StarDistribution()
            form = StarForms.change(ctx, kind: kind, org: history.org, evaluation: ev, distribution: dist, rubric: rubric, done: { _ in })
        default: return .stay
        }
        return .stay
    }

    func uses(_ key: Key) -> Bool {
        if capturesText { return true }
        switch key {
        case .esc, .backspace, .down, .up, .enter, .char("j"), .char("k"), .char("+"), .char("-"), .char("Z"): return true
        default: return false
        }
    }

    func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let en = ctx.lang == .en
        let o = history.org
        let b = Block(title: (en ? "Star history · " : "星级历程 · ") + o.name)
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let facts = [(en ? "now " : "现有") + starText(o.starLevel), o.status.rawValue, o.orgType.rawValue, history.regionName,
                     (en ? "members " : "党员") + "\(o.members)", o.secretaryName.map { (en ? "secretary " : "书记") + $0 }].compactMap { $0 }
        buf.put(truncate(facts.joined(separator: " · "), toWidth: inner.width), x: inner.x, y: inner.y,
                style: o.status == .normal ? .title : .warning.bolded)
        let evRows = min(history.evaluations.count, max(3, (inner.height - 4) / 2))
        let tableArea = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: evRows + 1)
        let cols: [Column] = [.fixed(en ? "Year" : "年度", 6), .fixed(en ? "Stage" : "阶段", 8), .fixed(en ? "Applied" : "申报", 7),
                              .fixed(en ? "Self" : "自评分", 6, align: .right), .fixed(en ? "Review" : "审核分", 6, align: .right),
                              .fixed(en ? "Granted" : "评定", 7), .flex(en ? "Vetoes" : "否决项", min: 6)]
        var st = state
        st.clamp(total: history.evaluations.count, visible: evRows)
        let rows = history.evaluations[st.visibleRange(total: history.evaluations.count, visible: evRows)].map { e -> [String] in
            let r = Rubric.standard(year: e.year)
            func tot(_ s: String) -> String { ScoreSheet.parse(s).flatMap { $0.isEmpty ? nil : ScoreSheet.formatScore(r.score($0).total) } ?? "—" }
            return [String(e.year), e.stage.rawValue, starText(e.appliedStar), tot(e.selfScores), tot(e.reviewerScores),
                    e.decidedStar.map(starText) ?? "", e.vetoes]
        }
        Table(columns: cols, rows: rows, totalRows: history.evaluations.count, state: st,
              emptyText: en ? "(no applications)" : "（无申报记录）").render(into: &buf, area: tableArea)
        let evY = tableArea.maxY + 1
        guard evY < inner.maxY - 1 else { return }
        buf.put(en ? "Changes and decisions" : "变动与办理记录", x: inner.x, y: evY, style: .header)
        let room = inner.maxY - 1 - (evY + 1)
        if history.events.isEmpty {
            buf.put(en ? "(none recorded)" : "（无记录）", x: inner.x, y: evY + 1, style: .dim)
        }
        for (i, v) in history.events.prefix(max(0, room)).enumerated() {
            let line = StarReviewScreen.historyText(StarHistoryLine(v), ctx)
            buf.put(truncate(line, toWidth: inner.width), x: inner.x, y: evY + 1 + i, style: .text)
        }
        let hint = en ? "+ raise  - lower  Z revoke  Enter open application  Esc back" : "+ 升星  - 降星  Z 摘星  Enter 查看申报  Esc 返回"
        buf.put(truncate(hint, toWidth: inner.width), x: inner.x, y: inner.maxY - 1, style: .dim)
        if let f = form { f.render(into: &buf, area: area) }
    }
}
