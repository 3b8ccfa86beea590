import LiangxinModel
import LiangxinStore
import TermKit

/// The unit list: a query (region, category group, finding, typed text, order) run in SQL one screenful at a time.
/// The page on screen is cached and re-read only when the query, the scroll position, the screen height or the
/// data change.
@MainActor
struct CoverageUnitList {
    var query = UnitQuery()
    var state = TableState(sortColumn: UnitSort.name.rawValue)
    private(set) var rows: [UnitRow] = []
    private(set) var total = 0
    /// Rows that fit on screen at the last render (key handling pages by it).
    var visible = 20
    private var cacheKey: String?
    /// Bumped by `invalidate()` when the data changed.
    private var generation = 0

    /// After a change the selection stays on the same unit when it is still on the page.
    private var followId: Int64?

    mutating func invalidate() {
        generation += 1
        counts.removeAll()
        followId = selectedRow?.id
    }

    /// The count, keyed by the query alone: scrolling re-reads only the page.
    private var countKey: String?
    /// Counts read for this generation of the data, by query without its order.
    private var counts: [String: Int] = [:]

    /// Reads the page on screen if anything it depends on changed.
    mutating func refresh(_ ctx: AppContext, scope: ScopeRule) {
        let q = effectiveQuery
        let qk = "\(q)|\(scope)|\(generation)"
        let key = "\(qk)|\(state.offset)|\(visible)"
        if key == cacheKey { return }
        do {
            if qk != countKey {
                // The order does not change the count, and a count read once holds until the data change: sorting,
                // clearing a filter or coming back to a list re-reads only the page (issue 8: a count at the
                // province reads every unit, 50–75 ms).
                var unordered = q
                unordered.sort = .name
                unordered.ascending = true
                let ck = "\(unordered)|\(scope)|\(generation)"
                if let n = counts[ck] { total = n } else {
                    total = try ctx.store.unitCount(q, scope: scope, today: ctx.today)
                    if counts.count > 64 { counts.removeAll() }
                    counts[ck] = total
                }
                countKey = qk
            }
            // The count first, so the scroll position can be clamped before the page is read.
            state.clamp(total: total, visible: visible)
            rows = try ctx.store.unitRows(q, scope: scope, today: ctx.today, offset: state.offset, limit: visible)
            cacheKey = "\(qk)|\(state.offset)|\(visible)"
            if let id = followId, let i = rows.firstIndex(where: { $0.id == id }) { state.selected = state.offset + i }
            followId = nil
        } catch {
            rows = []
            total = 0
            countKey = nil
            ctx.say("\(error)", error: true)
        }
    }

    var selectedRow: UnitRow? {
        let i = state.selected - state.offset
        return rows.indices.contains(i) ? rows[i] : nil
    }

    /// The effective query (typed text and order applied), for export.
    var effectiveQuery: UnitQuery {
        var q = query
        q.text = state.filter
        q.sort = UnitSort(rawValue: state.sortColumn ?? 0) ?? .name
        q.ascending = state.ascending
        return q
    }

    static func columns(_ ctx: AppContext, wide: Bool) -> [Column] {
        [Column.flex(ctx.t(.cvColName), min: 12, weight: 3),
         Column.fixed(ctx.t(.cvColCategory), wide ? 12 : 8),
         Column.fixed(ctx.t(.cvColRegion), wide ? 10 : 8),
         Column.fixed(ctx.t(.cvColStaff), 5, align: .right),
         Column.fixed(ctx.t(.cvColMembers), 4, align: .right),
         Column.fixed(ctx.t(.cvColCoverage), 6),
         Column.flex(ctx.t(.cvColOrg), min: 8, weight: 2),
         Column.fixed(ctx.t(.cvColInstructor), 6)]
    }

    static func cells(_ r: UnitRow, _ ctx: AppContext, wide: Bool = true) -> [String] {
        [r.name, ctx.lang == .zh && !wide ? r.category.shortLabel : r.category.label, r.regionName, "\(r.staff)", "\(r.fullMembers)", ctx.t(r.coverage.str),
         r.partyOrgName ?? "", r.instructorName ?? ""]
    }

    static func exportHeader(_ ctx: AppContext) -> [String] {
        columns(ctx, wide: true).map(\.title) + [ctx.t(.cvColPlanned)]
    }

    static func exportRow(_ r: UnitRow, _ ctx: AppContext) -> [String] {
        var c = cells(r, ctx)
        c[5] = ctx.t(r.coverage.longStr)
        return c + [r.plannedDate.map(\.description) ?? ""]
    }

    func table(_ ctx: AppContext, wide: Bool) -> Table {
        Table(columns: CoverageUnitList.columns(ctx, wide: wide), rows: rows.map { CoverageUnitList.cells($0, ctx, wide: wide) },
              totalRows: total, state: state, rowRoles: rows.map { $0.coverage == .uncovered ? .bad : nil },
              ascii: ctx.ascii)
    }
}
