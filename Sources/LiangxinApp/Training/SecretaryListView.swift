import LiangxinModel
import LiangxinStore
import TermKit

/// 书记培训: one of the secretary lists at a time (`f` steps through them), filtered with `/`, sorted with `s`/`S`,
/// exported with `e`. The lists come from `SecretaryFigures` as positions in its facts (one read per year). Issue 8:
/// the names are read for the rows on screen only, or for the whole list once a filter, a sort by name or an export
/// needs them; the filtered, sorted positions are kept until the list, filter, sort or data change.
@MainActor
struct SecretaryListState {
    enum Sort: Int, CaseIterable { case region, org, secretary, appointed, hours, lastTraining }

    private(set) var list: SecretaryList = .newUntrained
    var table = TableState()
    private(set) var sort: Sort = .region
    private(set) var ascending = true
    var visible = 20
    var area = Rect.zero
    private var figures: SecretaryFigures?
    /// Every fact's names, position for position, once something needed them all.
    private var allLabels: [SecretaryLabel]?
    /// Names read a screenful at a time, by organization id.
    private var pageLabels: [Int64: SecretaryLabel] = [:]
    /// Bumped with every new set of figures, so a cached order is never reused for other data.
    private var generation = 0
    private var cache: (key: CacheKey, order: [Int32])?

    private struct CacheKey: Equatable {
        var generation: Int, list: SecretaryList, filter: String, sort: Sort, ascending: Bool
    }

    mutating func setFigures(_ f: SecretaryFigures?) {
        figures = f; generation += 1; cache = nil; allLabels = nil; pageLabels = [:]
    }

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

    /// How many rows the current list shows (filter applied).
    mutating func count(_ ctx: AppContext) -> Int { order(ctx).count }

    /// The current list with the filter and sort applied, as positions in the figures' facts.
    mutating func order(_ ctx: AppContext) -> [Int32] {
        let key = CacheKey(generation: generation, list: list, filter: table.filter, sort: sort, ascending: ascending)
        if let c = cache, c.key == key { return c.order }
        let o = computeOrder(ctx)
        cache = (key, o)
        return o
    }

    private mutating func computeOrder(_ ctx: AppContext) -> [Int32] {
        guard let f = figures else { return [] }
        var r = f.members[list] ?? []
        let words = table.filter.split(separator: " ").map(String.init)
        if !words.isEmpty, let names = labels(ctx) {
            r = r.filter { p in
                let l = names[Int(p)]
                return words.allSatisfy { w in l.orgName.contains(w) || (l.secretary ?? "").contains(w) || l.regionName.contains(w) }
            }
        }
        // The facts are in the region order already; every other order sorts by one key, then id (ids are unique,
        // so descending is ascending reversed).
        let sorted: [Int32]
        switch sort {
        case .region: sorted = r
        case .org, .secretary:
            guard let names = labels(ctx) else { return r }
            sorted = SecretaryListState.byKey(r, f) { p in sort == .org ? names[p].orgName : names[p].secretary ?? "" }
        case .appointed: sorted = SecretaryListState.byKey(r, f) { f.facts[$0].appointed?.description ?? "" }
        case .hours: sorted = SecretaryListState.byKey(r, f) { tenths(f.facts[$0].hours) }
        case .lastTraining: sorted = SecretaryListState.byKey(r, f) { f.facts[$0].lastTraining?.description ?? "" }
        }
        return ascending ? sorted : sorted.reversed()
    }

    /// Positions sorted by (key, organization id), each key worked out once.
    private static func byKey<K: Comparable>(_ r: [Int32], _ f: SecretaryFigures, _ key: (Int) -> K) -> [Int32] {
        let keyed = r.map { p in (key(Int(p)), f.facts[Int(p)].orgId, p) }
        return keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Every fact's names, read once (nil with the error on the status line when the read fails).
    private mutating func labels(_ ctx: AppContext) -> [SecretaryLabel]? {
        if let l = allLabels { return l }
        guard let f = figures else { return nil }
        do { allLabels = try ctx.store.secretaryLabels(alignedWith: f.facts) } catch { ctx.say("\(error)", error: true) }
        return allLabels
    }

    /// The names of the rows at `positions`, from the whole set when it is loaded, else read for these rows.
    private mutating func labels(at positions: ArraySlice<Int32>, _ ctx: AppContext) -> [SecretaryLabel] {
        guard let f = figures else { return [] }
        if let all = allLabels { return positions.map { all[Int($0)] } }
        let missing = positions.map { f.facts[Int($0)].orgId }.filter { pageLabels[$0] == nil }
        if !missing.isEmpty {
            do { pageLabels.merge(try ctx.store.secretaryLabels(ids: missing)) { a, _ in a } } catch { ctx.say("\(error)", error: true) }
        }
        return positions.map { pageLabels[f.facts[Int($0)].orgId] ?? SecretaryLabel(orgName: "", regionCode: "", regionName: "", secretary: nil) }
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

    private func cells(_ s: SecretaryFact, _ l: SecretaryLabel, width: Int, _ ctx: AppContext) -> [String] {
        var r = [l.orgName, TrainingFormat.secretary(l.secretary, ctx.lang)]
        if width >= 100 { r.insert(l.regionName, at: 0) }
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
        let order = self.order(ctx)
        let b = Block(title: title(order.count, ctx))
        b.render(into: &buf, area: outer)
        let inner = b.inner(outer).inset(left: 1, right: 1)
        area = inner
        visible = max(1, Table.visibleRowCount(in: inner, state: table))
        table.clamp(total: order.count, visible: visible)
        let cols = columns(width: inner.width, ctx)
        var st = table
        st.sortColumn = cols.firstIndex { $0.1 == sort }
        st.ascending = ascending
        let shown = order[table.visibleRange(total: order.count, visible: visible)]
        Table(columns: cols.map(\.0), rows: rows(shown, width: inner.width, ctx), totalRows: order.count, state: st,
              emptyText: ctx.t(.trNoneMissing)).render(into: &buf, area: inner)
    }

    /// The first rows of the current list, without a selection (the summary on a tall screen).
    mutating func renderPreview(into buf: inout Buffer, area outer: Rect, _ ctx: AppContext) {
        let members = figures?.members[list] ?? []
        let b = Block(title: title(members.count, ctx))
        b.render(into: &buf, area: outer)
        let inner = b.inner(outer).inset(left: 1, right: 1)
        let cols = columns(width: inner.width, ctx)
        let n = Table.visibleRowCount(in: inner, state: TableState())
        Table(columns: cols.map(\.0), rows: rows(members.prefix(n), width: inner.width, ctx), totalRows: members.count,
              state: TableState(), emptyText: ctx.t(.trNoneMissing), showSelection: false).render(into: &buf, area: inner)
    }

    /// The cells of the rows at `positions`, their names read if need be.
    private mutating func rows(_ positions: ArraySlice<Int32>, width: Int, _ ctx: AppContext) -> [[String]] {
        guard let f = figures else { return [] }
        return zip(positions, labels(at: positions, ctx)).map { cells(f.facts[Int($0)], $1, width: width, ctx) }
    }

    private func yesNo(_ b: Bool, _ ctx: AppContext) -> String { ctx.lang == .en ? (b ? "yes" : "no") : (b ? "是" : "否") }

    /// The list as filtered and sorted on screen, with every column.
    mutating func export(_ ctx: AppContext) -> ([String], [[String]]) {
        let header = [ctx.t(.trRegion), ctx.t(.trOrg), ctx.t(.trSecretary), ctx.t(.trAppointed), ctx.t(.trHours),
                      ctx.t(.trConcentrated), ctx.t(.trRotation), ctx.t(.trLastTraining)]
        guard let f = figures, let names = labels(ctx) else { return (header, []) }
        return (header, order(ctx).map { p in
            let s = f.facts[Int(p)], l = names[Int(p)]
            return [l.regionName, l.orgName, TrainingFormat.secretary(l.secretary, ctx.lang), s.appointed?.description ?? "", formatHours(s.hours),
                    yesNo(SecretaryCoverage.attendedConcentrated(s), ctx), yesNo(SecretaryCoverage.attendedRotation(s), ctx),
                    s.lastTraining?.description ?? ""]
        })
    }
}
