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
        ordered.removeAll()
        followId = selectedRow?.id
    }

    /// The query whose ids `ids` holds.
    private var idsKey: String?
    private var ids: [Int64] = []
    /// The ordered ids of the queries read for this generation of the data: each query (filter, region, group,
    /// finding, order) is sorted once, and every page after that is read by id (issue 8: each page read sorted all
    /// matching units, 80–90 ms a key; going back to a query, e.g. Esc clearing a filter, re-reads only the page).
    private var ordered: [String: [Int64]] = [:]

    /// True while a new filter or order is being read in the background: the rows of the previous one stay on
    /// screen and the title says so.
    private(set) var waiting = false

    /// Reads the page on screen if anything it depends on changed.
    mutating func refresh(_ ctx: AppContext, scope: ScopeRule) {
        let q = effectiveQuery
        let qk = "\(q)|\(scope)|\(generation)"
        let key = "\(qk)|\(state.offset)|\(visible)"
        if key == cacheKey { return }
        do {
            if qk != idsKey {
                if ordered[qk] == nil {
                    // A new filter or order sorts every matching unit (~100 ms at 100,000 units): off the key thread,
                    // so typing goes on while it runs (issue 8).
                    let store = ctx.store, today = ctx.today, job = "coverage.unitIds|" + qk
                    guard let found = try ctx.background.value(job, { try store.unitIds(q, scope: scope, today: today) }) else {
                        waiting = true
                        return
                    }
                    ctx.background.forget(job)
                    // At most a few lists of 100,000 ids (800 kB each) are kept.
                    if ordered.count >= 8 { ordered.removeAll() }
                    ordered[qk] = found
                }
                waiting = false
                ids = ordered[qk]!
                idsKey = qk
                total = ids.count
            }
            // The count first, so the scroll position can be clamped before the page is read.
            state.clamp(total: total, visible: visible)
            let lo = min(max(0, state.offset), ids.count), hi = min(ids.count, lo + max(0, visible))
            rows = try ctx.store.unitRows(ids: Array(ids[lo..<hi]))
            cacheKey = "\(qk)|\(state.offset)|\(visible)"
            if let id = followId, let i = rows.firstIndex(where: { $0.id == id }) { state.selected = state.offset + i }
            followId = nil
        } catch {
            rows = []
            total = 0
            idsKey = nil
            waiting = false
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
