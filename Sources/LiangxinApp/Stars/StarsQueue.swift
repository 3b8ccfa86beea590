import LiangxinModel
import LiangxinStore
import TermKit

/// The review queue: applications filtered by stage, region, committee and applied star, longest waiting first,
/// read a page at a time.
@MainActor
final class StarsQueueView {
    var filter = StarQueueFilter()
    var sort: StarQueueSort = .waiting
    var ascending = true
    var state = TableState()
    private(set) var total = 0
    /// The cached page: rows `pageOffset ..< pageOffset + page.count`.
    private var page: [StarQueueRow] = []
    private var pageOffset = 0
    private var rubrics: [Int64: Rubric] = [:]
    var visible = 20
    var form: Form?
    /// Region and committee names for the filter line.
    var regionName: String?
    var committeeName: String?

    /// Reads the queue again. A new order (`s`, `S`) leaves the count as it is: only the filter and the data change it.
    func reload(_ ctx: AppContext, recount: Bool = true) throws {
        if recount { total = try ctx.store.starQueueCount(filter) }
        page = []
        state.clamp(total: total, visible: visible)
        try fetchIfNeeded(ctx)
    }

    func fetchIfNeeded(_ ctx: AppContext) throws {
        let need = state.offset..<min(total, state.offset + visible)
        if need.isEmpty { page = []; return }
        if need.lowerBound >= pageOffset && need.upperBound <= pageOffset + page.count { return }
        // A window around the screen, so moving a few rows does not query again.
        pageOffset = max(0, state.offset - visible)
        page = try ctx.store.starQueue(filter, sort: sort, ascending: ascending, offset: pageOffset, limit: visible * 3)
    }

    func row(_ i: Int) -> StarQueueRow? {
        let j = i - pageOffset
        return page.indices.contains(j) ? page[j] : nil
    }

    /// The application at a queue position, read directly (for next / previous from the review screen).
    func evaluationId(at i: Int, _ ctx: AppContext) throws -> Int64? {
        guard i >= 0, i < total else { return nil }
        if let r = row(i) { return r.evaluationId }
        return try ctx.store.starQueue(filter, sort: sort, ascending: ascending, offset: i, limit: 1).first?.evaluationId
    }

    func rubric(_ id: Int64?, year: Int, _ ctx: AppContext) -> Rubric {
        if let id, let r = rubrics[id] { return r }
        let r = (try? id.flatMap { try ctx.store.rubricRecord(id: $0) }?.rubric()) ?? Rubric.standard(year: year)
        if let id { rubrics[id] = r }
        return r
    }

    func total(_ sheet: String, _ r: Rubric) -> String {
        guard let s = ScoreSheet.parse(sheet), !s.isEmpty else { return "—" }
        return ScoreSheet.formatScore(r.score(s).total)
    }

    func columns(_ ctx: AppContext, width: Int) -> [Column] {
        let en = ctx.lang == .en
        var c: [Column] = [.fixed(en ? "Days" : "等待", 6, align: .right), .flex(en ? "Organization" : "党组织", min: 12, weight: 3),
                           .fixed(en ? "Region" : "地区", 10)]
        if width >= 100 { c.append(.flex(en ? "Committee" : "上级党组织", min: 10, weight: 2)) }
        c += [.fixed(en ? "Stage" : "阶段", 8), .fixed(en ? "Applied" : "申报", 7), .fixed(en ? "Self" : "自评分", 6, align: .right),
              .fixed(en ? "Review" : "审核分", 6, align: .right)]
        return c
    }

    func cells(_ r: StarQueueRow, _ ctx: AppContext, wide: Bool) -> [String] {
        let rub = rubric(r.rubricId, year: r.year, ctx)
        var c = [r.waitingDays(today: ctx.today).map(String.init) ?? "—", r.orgName, r.regionName]
        if wide { c.append(r.committeeName ?? "—") }
        c += [r.stage.rawValue, starText(r.appliedStar), total(r.selfScores, rub), total(r.reviewerScores, rub)]
        return c
    }

    /// Sort columns in the order `s` steps through them.
    static let sortOrder: [StarQueueSort] = [.waiting, .name, .region, .stage, .applied]

    func sortColumn(wide: Bool) -> Int {
        switch sort {
        case .waiting: return 0
        case .name: return 1
        case .region: return 2
        case .stage: return wide ? 4 : 3
        case .applied: return wide ? 5 : 4
        }
    }

    func filterSummary(_ ctx: AppContext) -> String {
        let en = ctx.lang == .en
        var parts: [String] = []
        parts.append(filter.stages.isEmpty ? (en ? "awaiting review" : "待审（自评申报–公示）") : filter.stages.map(\.rawValue).joined(separator: "、"))
        if let r = regionName { parts.append(r) }
        if let c = committeeName { parts.append(c) }
        if let s = filter.appliedStar { parts.append((en ? "applied " : "申报") + starText(s)) }
        return parts.joined(separator: " · ")
    }

    func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let en = ctx.lang == .en
        let title = (en ? "Review queue · \(filter.year.map(String.init) ?? "")" : "审核队列 · \(filter.year.map { "\($0)年度" } ?? "")")
            + " · \(filterSummary(ctx)) · \(total)" + (en ? "" : "件")
        let b = Block(title: title)
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 1))
        let wide = inner.width >= 100
        visible = Table.visibleRowCount(in: tableArea, state: state)
        state.clamp(total: total, visible: visible)
        try? fetchIfNeeded(ctx)
        var st = state
        st.sortColumn = sortColumn(wide: wide)
        st.ascending = ascending
        let range = state.visibleRange(total: total, visible: visible)
        var rows: [[String]] = []
        var roles: [Role?] = []
        for i in range {
            guard let r = row(i) else { break }
            rows.append(cells(r, ctx, wide: wide))
            roles.append((r.waitingDays(today: ctx.today) ?? 0) > 60 ? .warning : nil)
        }
        Table(columns: columns(ctx, width: inner.width), rows: rows, totalRows: total, state: st, rowRoles: roles,
              emptyText: en ? "(no applications match)" : "（没有符合条件的申报）").render(into: &buf, area: tableArea)
        let hint = en ? "Enter review  f filter  / search  s sort  S reverse  e export  v summary"
                      : "Enter 审核  f 筛选  / 搜索  s 排序  S 反序  e 导出  v 概览"
        buf.put(truncate(hint, toWidth: inner.width), x: inner.x, y: inner.maxY - 1, style: .dim)
        if let f = form { f.render(into: &buf, area: area) }
    }

    /// The filter form: stage, region, committee, applied star, year.
    func filterForm(_ ctx: AppContext, apply: @escaping () -> Void) -> Form {
        let en = ctx.lang == .en
        let all = en ? "awaiting review" : "待审（全部）"
        let stageOptions = [all] + EvalStage.allCases.map(\.rawValue)
        let starOptions = [en ? "any" : "全部"] + (1...5).reversed().map(StarForms.starOption)
        let store = ctx.store
        let committees = Lookup(search: { q in
            ((try? store.committees(matching: q)) ?? []).map { (String($0.id!), $0.name) }
        }, label: { id in Int64(id).flatMap { try? store.fetch(PartyOrg.self, id: $0) }.map(\.name) })
        let fields = [
            FormField("stage", en ? "Stage" : "阶段", .choice(stageOptions)),
            FormField("region", en ? "Region" : "地区", .lookup(Lookups.regions(store)), hint: en ? "and everything under it" : "含下级地区"),
            FormField("committee", en ? "Committee" : "上级党组织", .lookup(committees)),
            FormField("star", en ? "Applied star" : "申报星级", .choice(starOptions)),
            FormField("year", en ? "Year" : "年度", .integer),
        ]
        let values = ["stage": filter.stages.first?.rawValue ?? all, "region": filter.regionCode ?? "",
                      "committee": filter.committeeId.map(String.init) ?? "",
                      "star": filter.appliedStar.map(StarForms.starOption) ?? starOptions[0],
                      "year": filter.year.map(String.init) ?? ""]
        return Form(title: en ? "Filter the queue" : "筛选审核队列", fields: fields, values: values, lang: ctx.lang, validate: { v in
            var fv = FormValues(v)
            if let y = fv.text("year"), Int(y) == nil || !(2000...2100).contains(Int(y)!) {
                fv.issues.append(ValidationIssue("year", zh: "年度：应为2000–2100的整数", en: "Year: a whole number 2000–2100"))
            }
            return fv.issues
        }, save: { [weak self] v in
            guard let self else { return "" }
            let fv = FormValues(v)
            filter.stages = EvalStage(rawValue: v["stage"] ?? "").map { [$0] } ?? []
            filter.regionCode = fv.text("region")
            filter.committeeId = fv.id("committee")
            filter.appliedStar = StarForms.parseStar(v["star"] ?? "")
            if let y = fv.text("year").flatMap({ Int($0) }) { filter.year = y }
            regionName = filter.regionCode.flatMap { Lookups.regions(store).label($0) }
            committeeName = filter.committeeId.flatMap { committees.label(String($0)) }
            state = TableState()
            apply()
            return en ? "Filter applied" : "已筛选：" + filterSummary(ctx)
        })
    }

    func exportRows(_ ctx: AppContext) {
        let wide = true
        let header = columns(ctx, width: 200).map(\.title)
        var rows: [[String]] = []
        var offset = 0
        while let chunk = try? ctx.store.starQueue(filter, sort: sort, ascending: ascending, offset: offset, limit: 1000), !chunk.isEmpty {
            rows += chunk.map { r in
                var c = cells(r, ctx, wide: wide)
                c.insert(String(r.year), at: 0)
                return c
            }
            offset += chunk.count
            if chunk.count < 1000 { break }
        }
        ScreenExport.run(ctx, name: "stars-queue", header: [ctx.lang == .en ? "Year" : "年度"] + header, rows: rows)
    }
}
