import LiangxinModel
import LiangxinStore
import TermKit

/// 书记培训: one of the secretary lists at a time (`f` steps through them), filtered with `/`, sorted with `s`/`S`,
/// exported with `e`. The lists come whole from `SecretaryCoverage` (one GROUP BY per year); only the rows on screen
/// are drawn.
@MainActor
struct SecretaryListState {
    enum Sort: Int, CaseIterable { case region, org, secretary, appointed, hours, lastTraining }

    private(set) var list: SecretaryList = .newUntrained
    var table = TableState()
    private(set) var sort: Sort = .region
    private(set) var ascending = true
    var visible = 20
    var area = Rect.zero
    private var coverage: SecretaryCoverage?

    mutating func setCoverage(_ c: SecretaryCoverage?) { coverage = c }

    mutating func nextList() { step(1) }
    mutating func previousList() { step(SecretaryList.allCases.count - 1) }

    private mutating func step(_ d: Int) {
        let all = SecretaryList.allCases
        list = all[(all.firstIndex(of: list)! + d) % all.count]
        table.selected = 0; table.offset = 0
    }

    mutating func nextSort() {
        sort = Sort(rawValue: (sort.rawValue + 1) % Sort.allCases.count)!
        ascending = sort != .hours && sort != .lastTraining
    }

    mutating func reverse() { ascending.toggle() }

    /// The current list with the filter and sort applied.
    var rows: [SecretaryTraining] {
        var r = coverage?.list(list) ?? []
        let words = table.filter.split(separator: " ").map(String.init)
        if !words.isEmpty {
            r = r.filter { s in words.allSatisfy { w in s.orgName.contains(w) || (s.secretary ?? "").contains(w) || s.regionName.contains(w) } }
        }
        guard sort != .region || !ascending else { return r }   // the model's order: region, then organization
        let asc = ascending
        func less(_ a: SecretaryTraining, _ b: SecretaryTraining) -> Bool {
            switch sort {
            case .region: return (a.regionCode, a.orgName, a.orgId) < (b.regionCode, b.orgName, b.orgId)
            case .org: return (a.orgName, a.orgId) < (b.orgName, b.orgId)
            case .secretary: return (a.secretary ?? "", a.orgId) < (b.secretary ?? "", b.orgId)
            case .appointed: return (a.appointed?.description ?? "", a.orgId) < (b.appointed?.description ?? "", b.orgId)
            case .hours: return (tenths(a.hours), a.orgId) < (tenths(b.hours), b.orgId)
            case .lastTraining: return (a.lastTraining?.description ?? "", a.orgId) < (b.lastTraining?.description ?? "", b.orgId)
            }
        }
        return r.sorted { asc ? less($0, $1) : less($1, $0) }
    }

    private func columns(width: Int, _ ctx: AppContext) -> [(Column, Sort?)] {
        var c: [(Column, Sort?)] = [(.flex(ctx.t(.trOrg), min: 14, weight: 3), .org),
                                    (.fixed(ctx.t(.trSecretary), 10), .secretary)]
        if width >= 100 { c.insert((.flex(ctx.t(.trRegion), min: 8, weight: 1), .region), at: 0) }
        if width >= 70 { c.append((.fixed(ctx.t(.trAppointed), 10), .appointed)) }
        c.append((.fixed(ctx.t(.trHours), 5, align: .right), .hours))
        c.append(width >= 100 ? (.fixed(ctx.t(.trConcentrated), 12, align: .center), nil) : (.fixed(ctx.t(.trConcShort), 4, align: .center), nil))
        c.append(width >= 100 ? (.fixed(ctx.t(.trRotation), 12, align: .center), nil) : (.fixed(ctx.t(.trRotShort), 4, align: .center), nil))
        if width >= 100 { c.append((.fixed(ctx.t(.trLastTraining), 10), .lastTraining)) }
        return c
    }

    private func cells(_ s: SecretaryTraining, width: Int, _ ctx: AppContext) -> [String] {
        var r = [s.orgName, TrainingFormat.secretary(s.secretary, ctx.lang)]
        if width >= 100 { r.insert(s.regionName, at: 0) }
        if width >= 70 { r.append(s.appointed?.description ?? "") }
        r.append(formatHours(s.hours))
        r.append(TrainingFormat.mark(SecretaryCoverage.attendedConcentrated(s), ascii: ctx.ascii))
        r.append(TrainingFormat.mark(SecretaryCoverage.attendedRotation(s), ascii: ctx.ascii))
        if width >= 100 { r.append(s.lastTraining?.description ?? "") }
        return r
    }

    private func title(_ total: Int, _ ctx: AppContext) -> String {
        "\(ctx.t(list.str)) · \(total) · \(ctx.t(.trListHint))"
    }

    mutating func render(into buf: inout Buffer, area outer: Rect, _ ctx: AppContext) {
        let rows = self.rows
        let b = Block(title: title(rows.count, ctx))
        b.render(into: &buf, area: outer)
        let inner = b.inner(outer).inset(left: 1, right: 1)
        area = inner
        visible = max(1, Table.visibleRowCount(in: inner, state: table))
        table.clamp(total: rows.count, visible: visible)
        let cols = columns(width: inner.width, ctx)
        var st = table
        st.sortColumn = cols.firstIndex { $0.1 == sort }
        st.ascending = ascending
        let shown = Array(rows[table.visibleRange(total: rows.count, visible: visible)])
        Table(columns: cols.map(\.0), rows: shown.map { cells($0, width: inner.width, ctx) }, totalRows: rows.count, state: st,
              emptyText: ctx.t(.trNoneMissing)).render(into: &buf, area: inner)
    }

    /// The first rows of the current list, without a selection (the summary on a tall screen).
    func renderPreview(into buf: inout Buffer, area outer: Rect, _ ctx: AppContext) {
        let rows = coverage?.list(list) ?? []
        let b = Block(title: title(rows.count, ctx))
        b.render(into: &buf, area: outer)
        let inner = b.inner(outer).inset(left: 1, right: 1)
        let cols = columns(width: inner.width, ctx)
        let n = Table.visibleRowCount(in: inner, state: TableState())
        Table(columns: cols.map(\.0), rows: rows.prefix(n).map { cells($0, width: inner.width, ctx) }, totalRows: rows.count,
              state: TableState(), emptyText: ctx.t(.trNoneMissing), showSelection: false).render(into: &buf, area: inner)
    }

    private func yesNo(_ b: Bool, _ ctx: AppContext) -> String { ctx.lang == .en ? (b ? "yes" : "no") : (b ? "是" : "否") }

    /// The list as filtered and sorted on screen, with every column.
    func export(_ ctx: AppContext) -> ([String], [[String]]) {
        let header = [ctx.t(.trRegion), ctx.t(.trOrg), ctx.t(.trSecretary), ctx.t(.trAppointed), ctx.t(.trHours),
                      ctx.t(.trConcentrated), ctx.t(.trRotation), ctx.t(.trLastTraining)]
        return (header, rows.map { s in
            [s.regionName, s.orgName, TrainingFormat.secretary(s.secretary, ctx.lang), s.appointed?.description ?? "", formatHours(s.hours),
             yesNo(SecretaryCoverage.attendedConcentrated(s), ctx), yesNo(SecretaryCoverage.attendedRotation(s), ctx),
             s.lastTraining?.description ?? ""]
        })
    }
}
