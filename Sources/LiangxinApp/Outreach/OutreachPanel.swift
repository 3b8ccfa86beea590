import Foundation
import LiangxinModel
import LiangxinStore
import TermKit

/// 新就业群体: the committee's work list for couriers, riders, drivers and streamers. Four views cycled with `v`
/// (summary by sector, the survey ledger, activities, awards), a platform detail on Enter, and the forms.
/// Rendering lives in OutreachSummaryView / OutreachListViews / PlatformDetailView; the keys are here.
@MainActor
public final class OutreachPanel: Panel {
    public let id = PanelID.outreach

    public enum View: Int, CaseIterable, Sendable { case summary, ledger, activities, awards }

    public internal(set) var view: View = .summary
    public internal(set) var summary: OutreachSummary?
    /// The sector the lists are narrowed to (Enter on a summary row); nil = every sector.
    public internal(set) var sector: Sector?
    /// The ledger's findings filter (`f`).
    public internal(set) var finding: OutreachFinding?
    /// Selected row of the summary: 0–4 the sectors, 5 the total.
    var summaryRow = 0
    var ledger = ListState(sort: LedgerSort.sector.rawValue, ascending: true)
    var activities = ListState(sort: ActivitySort.date.rawValue, ascending: false)
    var awards = ListState(sort: ActivitySort.date.rawValue, ascending: false)
    var ledgerCache = PageCache<LedgerRow>()
    var activityCache = PageCache<ActivityRow>()
    var awardCache = PageCache<ActivityRow>()
    var detail: PlatformDetailState?
    var form: Form?
    var confirm: PendingDelete?
    var loadError: String?
    /// Rows the last frame drew that a click can select: body rectangle, index of its first row, which list.
    var clickable: [(rect: Rect, first: Int, target: ClickTarget)] = []
    enum ClickTarget { case summary, list, history, detailActivities }

    public init() {}

    public var capturesText: Bool {
        form != nil || confirm != nil || editingList != nil
    }

    /// The list whose filter is being typed, if any.
    private var editingList: View? {
        guard detail == nil, view != .summary else { return nil }
        switch view {
        case .ledger: return ledger.editor != nil ? .ledger : nil
        case .activities: return activities.editor != nil ? .activities : nil
        case .awards: return awards.editor != nil ? .awards : nil
        case .summary: return nil
        }
    }

    /// The summary as a background read: warmed up after the first frame, so Tab here does not wait for it (issue 8:
    /// 25–50 ms on a province, while the other panels' warm-ups share the cores).
    private func loadRead(_ ctx: AppContext) -> BackgroundRead<OutreachSummary> {
        let store = ctx.store, today = ctx.today
        return BackgroundRead(key: "outreach.summary") { try store.outreachSummary(today: today) }
    }

    public func warmUp(_ ctx: AppContext) { ctx.background.prefetch(loadRead(ctx)) }

    public func isReady(_ ctx: AppContext) -> Bool { ctx.background.isReady(loadRead(ctx)) }

    public func reload(_ ctx: AppContext) throws {
        loadError = nil
        ledgerCache.invalidate(); activityCache.invalidate(); awardCache.invalidate()
        summary = try ctx.background.wait(loadRead(ctx))
        if var d = detail {
            d.data = try ctx.store.platformDetail(id: d.id, today: ctx.today, months: months)
            d.actCache.invalidate()
            detail = d.data == nil ? nil : d
        }
    }

    var months: Int { summary?.staleMonths ?? Settings().surveyStaleMonths }

    // MARK: Queries

    var ledgerQuery: LedgerQuery {
        LedgerQuery(sector: sector, finding: finding, text: ledger.filter, sort: LedgerSort(rawValue: ledger.sort) ?? .sector,
                    ascending: ledger.ascending)
    }
    var activityQuery: ActivityQuery {
        ActivityQuery(sector: sector, text: activities.filter, sort: ActivitySort(rawValue: activities.sort) ?? .date,
                      ascending: activities.ascending)
    }
    var awardQuery: ActivityQuery {
        ActivityQuery(sector: sector, type: .award, text: awards.filter, sort: ActivitySort(rawValue: awards.sort) ?? .date,
                      ascending: awards.ascending)
    }

    /// Fetches the count when the query changed and the page when it or the scroll position changed.
    func load<Row, Q: Hashable>(_ cache: inout PageCache<Row>, _ st: inout ListState, query: Q,
                                count: () throws -> Int, page: (Int, Int) throws -> [Row]) {
        do {
            if cache.countKey != AnyHashable(query) {
                cache.total = try count()
                cache.countKey = AnyHashable(query)
                cache.pageKey = nil
            }
            st.table.clamp(total: cache.total, visible: st.visible)
            let key = PageCache<Row>.PageKey(query: AnyHashable(query), offset: st.table.offset, limit: st.visible)
            if cache.pageKey != key {
                cache.rows = try page(st.table.offset, st.visible)
                cache.pageKey = key
            }
        } catch {
            loadError = "\(error)"
        }
    }

    func loadLedger(_ ctx: AppContext) {
        let q = ledgerQuery, m = months, day = ctx.today, store = ctx.store
        load(&ledgerCache, &ledger, query: q, count: { try store.ledgerCount(q, today: day, months: m) },
             page: { o, l in try store.ledgerPage(q, today: day, months: m, offset: o, limit: l) })
    }

    func loadActivities(_ ctx: AppContext) {
        let q = activityQuery, store = ctx.store
        load(&activityCache, &activities, query: q, count: { try store.activityCount(q) },
             page: { o, l in try store.activityPage(q, offset: o, limit: l) })
    }

    func loadAwards(_ ctx: AppContext) {
        let q = awardQuery, store = ctx.store
        load(&awardCache, &awards, query: q, count: { try store.activityCount(q) },
             page: { o, l in try store.activityPage(q, offset: o, limit: l) })
    }

    func loadDetailActivities(_ ctx: AppContext) {
        guard var d = detail else { return }
        let q = ActivityQuery(platformId: d.id, sort: ActivitySort(rawValue: d.acts.sort) ?? .date, ascending: d.acts.ascending)
        let store = ctx.store
        load(&d.actCache, &d.acts, query: q, count: { try store.activityCount(q) }, page: { o, l in try store.activityPage(q, offset: o, limit: l) })
        detail = d
    }

    var selectedLedgerRow: LedgerRow? { ledgerCache.row(ledger.table.selected, offset: ledger.table.offset) }
    var selectedActivityRow: ActivityRow? {
        view == .awards ? awardCache.row(awards.table.selected, offset: awards.table.offset)
            : activityCache.row(activities.table.selected, offset: activities.table.offset)
    }

    // MARK: Keys

    public func handle(_ key: Key, _ ctx: AppContext) -> Bool {
        if Form.route(key, to: &form, ctx) { return true }
        if let c = confirm { handleConfirm(c, key, ctx); return true }
        if detail != nil { return handleDetail(key, ctx) }
        switch view {
        case .summary: return handleSummary(key, ctx)
        case .ledger: return handleLedger(key, ctx)
        case .activities, .awards: return handleActivities(key, ctx)
        }
    }

    private func handleConfirm(_ c: PendingDelete, _ key: Key, _ ctx: AppContext) {
        var d = c.dialog
        var go = false
        switch key {
        case .left, .right, .tab, .backTab: d.next(); confirm?.dialog = d; return
        case .char("y"): go = true
        case .enter: go = d.selected == 0
        case .esc, .char("n"): go = false
        default: return
        }
        confirm = nil
        guard go else { return }
        do { ctx.say(try c.run(ctx)) } catch { ctx.say("\(error)", error: true) }
    }

    private func nextView() {
        view = View(rawValue: (view.rawValue + 1) % View.allCases.count) ?? .summary
    }

    private func handleSummary(_ key: Key, _ ctx: AppContext) -> Bool {
        let sectorOfRow: Sector? = summaryRow < Sector.allCases.count ? Sector.allCases[summaryRow] : nil
        switch key {
        case .char("j"), .down: summaryRow = min(Sector.allCases.count, summaryRow + 1)
        case .char("k"), .up: summaryRow = max(0, summaryRow - 1)
        case .home: summaryRow = 0
        case .end: summaryRow = Sector.allCases.count
        case .enter:
            sector = sectorOfRow
            finding = nil
            ledger.resetSelection()
            view = .ledger
        case .char("f"):
            sector = nil
            finding = .overdue
            ledger.resetSelection()
            view = .ledger
        case .char("a"): form = ActivityForm.make(ctx, sector: sectorOfRow)
        case .char("v"): nextView()
        case .char("e"): exportSummary(ctx)
        case .mouse(let x, let y): return click(x, y)
        default: return false
        }
        return true
    }

    /// Movement, sort, filter and export keys shared by the lists. Returns nil when the key is not one of them.
    /// `narrowSorts` are the sorts of the 80-column set, used until a frame has told which set is on screen.
    private func handleListCommon(_ key: Key, _ st: inout ListState, total: Int, narrowSorts: [Int], ctx: AppContext) -> Bool? {
        if var ed = st.editor {
            switch key {
            case .enter: st.table.filter = ed.value; st.editor = nil
            case .esc: st.table.filter = ""; st.editor = nil; st.resetSelection()
            default:
                if ed.handle(key) { st.editor = ed; st.table.filter = ed.value; st.resetSelection() }
            }
            return true
        }
        let v = st.visible
        switch key {
        case .char("j"), .down: st.table.moveDown(total: total, visible: v)
        case .char("k"), .up: st.table.moveUp(total: total, visible: v)
        case .pageDown: st.table.pageDown(total: total, visible: v)
        case .pageUp: st.table.pageUp(total: total, visible: v)
        case .home: st.table.home(total: total, visible: v)
        case .end: st.table.end(total: total, visible: v)
        case .char("/"): st.editor = TextField(st.table.filter)
        case .char("s"):
            let order = st.sortable.isEmpty ? narrowSorts : st.sortable
            guard !order.isEmpty else { return true }
            let i = order.firstIndex(of: st.sort).map { ($0 + 1) % order.count } ?? 0
            st.sort = order[i]
            st.ascending = true
            st.resetSelection()
        case .char("S"): st.ascending.toggle(); st.resetSelection()
        default: return nil
        }
        return true
    }

    /// Esc in a list: clears the typed filter, then the findings filter, then goes back to the summary.
    private func back(_ st: inout ListState) {
        if !st.table.filter.isEmpty { st.table.filter = ""; st.resetSelection(); return }
        if view == .ledger && finding != nil { finding = nil; st.resetSelection(); return }
        sector = nil
        view = .summary
    }

    private func handleLedger(_ key: Key, _ ctx: AppContext) -> Bool {
        loadLedger(ctx)
        var st = ledger
        if let used = handleListCommon(key, &st, total: ledgerCache.total,
                                       narrowSorts: ledgerColumns(ctx, wide: false).compactMap(\.sort), ctx: ctx) {
            ledger = st
            return used
        }
        switch key {
        case .esc, .backspace: back(&st); ledger = st
        case .char("v"): nextView()
        case .char("f"):
            let all = OutreachFinding.allCases
            if let f = finding, let i = all.firstIndex(of: f) { finding = i + 1 < all.count ? all[i + 1] : nil } else { finding = all[0] }
            ledger.resetSelection()
        case .char("a"): form = PlatformForm.make(ctx, sector: sector)
        case .enter, .char("n"), .char("m"), .char("d"):
            loadLedger(ctx)
            guard let row = selectedLedgerRow else { ctx.say(ctx.t(.oNothingSelected)); return true }
            switch key {
            case .enter: openDetail(row.platform.id!, ctx)
            case .char("n"): form = SurveyForm.make(ctx, platform: row.platform, latest: row.latest)
            case .char("m"): form = PlatformForm.make(ctx, editing: row.platform)
            default: askDeletePlatform(row.platform, surveys: row.surveyCount, ctx)
            }
        case .char("e"): exportLedger(ctx)
        case .mouse(let x, let y): return click(x, y)
        default: return false
        }
        return true
    }

    private func handleActivities(_ key: Key, _ ctx: AppContext) -> Bool {
        let awardsView = view == .awards
        if awardsView { loadAwards(ctx) } else { loadActivities(ctx) }
        var st = awardsView ? awards : activities
        let total = awardsView ? awardCache.total : activityCache.total
        let narrow = (awardsView ? awardColumns(ctx, wide: false) : activityColumns(ctx, wide: false)).compactMap(\.sort)
        if let used = handleListCommon(key, &st, total: total, narrowSorts: narrow, ctx: ctx) {
            if awardsView { awards = st } else { activities = st }
            return used
        }
        switch key {
        case .esc, .backspace:
            back(&st)
            if awardsView { awards = st } else { activities = st }
        case .char("v"): nextView()
        case .char("a"): form = ActivityForm.make(ctx, sector: sector)
        case .char("+"), .char("m"), .char("d"), .enter:
            if awardsView { loadAwards(ctx) } else { loadActivities(ctx) }
            let row = selectedActivityRow
            if key == .char("+") {
                form = ActivityForm.make(ctx, like: row?.activity, sector: sector)
                return true
            }
            guard let row else { ctx.say(ctx.t(.oNothingSelected)); return true }
            switch key {
            case .char("m"): form = ActivityForm.make(ctx, editing: row.activity)
            case .char("d"): askDeleteActivity(row.activity, ctx)
            default:
                if let pid = row.activity.platformId { openDetail(pid, ctx) }
                else { form = ActivityForm.make(ctx, editing: row.activity) }
            }
        case .char("e"): exportActivities(ctx, awards: awardsView)
        case .mouse(let x, let y): return click(x, y)
        default: return false
        }
        return true
    }

    func openDetail(_ platformId: Int64, _ ctx: AppContext) {
        do {
            guard let data = try ctx.store.platformDetail(id: platformId, today: ctx.today, months: months) else {
                ctx.say(StoreError.notFound(entity: "platform", id: platformId).description, error: true)
                return
            }
            var d = PlatformDetailState(id: platformId)
            d.data = data
            detail = d
        } catch {
            ctx.say("\(error)", error: true)
        }
    }

    private func handleDetail(_ key: Key, _ ctx: AppContext) -> Bool {
        guard var d = detail, let data = d.data else { detail = nil; return false }
        loadDetailActivities(ctx)
        d = detail ?? d
        let surveys = data.surveys.count
        switch key {
        case .esc, .backspace: detail = nil; return true
        case .left, .char("h"): d.focusActivities = false
        case .right, .char("l"): d.focusActivities = true
        case .char("j"), .down, .char("k"), .up, .pageDown, .pageUp, .home, .end:
            if d.focusActivities {
                var st = d.acts
                _ = handleListCommon(key, &st, total: d.actCache.total, narrowSorts: [], ctx: ctx)
                d.acts = st
            } else {
                let v = d.historyVisible
                switch key {
                case .char("j"), .down: d.history.moveDown(total: surveys, visible: v)
                case .char("k"), .up: d.history.moveUp(total: surveys, visible: v)
                case .pageDown: d.history.pageDown(total: surveys, visible: v)
                case .pageUp: d.history.pageUp(total: surveys, visible: v)
                case .home: d.history.home(total: surveys, visible: v)
                default: d.history.end(total: surveys, visible: v)
                }
            }
        case .char("n"), .char("a"): form = SurveyForm.make(ctx, platform: data.platform, latest: data.latest)
        case .char("+"):
            let like = d.focusActivities ? d.actCache.row(d.acts.table.selected, offset: d.acts.table.offset)?.activity : nil
            form = like.map { ActivityForm.make(ctx, like: $0) } ?? ActivityForm.make(ctx, platform: data.platform)
        case .char("m"):
            if d.focusActivities {
                guard let a = d.actCache.row(d.acts.table.selected, offset: d.acts.table.offset)?.activity else {
                    ctx.say(ctx.t(.oNothingSelected)); break
                }
                form = ActivityForm.make(ctx, editing: a)
            } else {
                form = PlatformForm.make(ctx, editing: data.platform)
            }
        case .char("d"):
            if d.focusActivities {
                guard let a = d.actCache.row(d.acts.table.selected, offset: d.acts.table.offset)?.activity else {
                    ctx.say(ctx.t(.oNothingSelected)); break
                }
                askDeleteActivity(a, ctx)
            } else {
                guard data.surveys.indices.contains(d.history.selected) else { ctx.say(ctx.t(.oNothingSelected)); break }
                askDeleteSurvey(data.surveys[d.history.selected], platform: data.platform, ctx)
            }
        case .char("e"): exportDetail(d, ctx)
        case .mouse(let x, let y): detail = d; return click(x, y)
        default: return false
        }
        detail = d
        return true
    }

    /// Selects the clicked row of whatever table the last frame drew there.
    private func click(_ x: Int, _ y: Int) -> Bool {
        guard let hit = clickable.first(where: { $0.rect.contains(x: x, y: y) }) else { return false }
        let i = hit.first + (y - hit.rect.y)
        switch hit.target {
        case .summary: summaryRow = min(Sector.allCases.count, max(0, i))
        case .list:
            switch view {
            case .ledger: if i < ledgerCache.total { ledger.table.select(i, total: ledgerCache.total, visible: ledger.visible) }
            case .activities: if i < activityCache.total { activities.table.select(i, total: activityCache.total, visible: activities.visible) }
            case .awards: if i < awardCache.total { awards.table.select(i, total: awardCache.total, visible: awards.visible) }
            case .summary: break
            }
        case .history:
            guard var d = detail, let n = d.data?.surveys.count, i < n else { return true }
            d.focusActivities = false
            d.history.select(i, total: n, visible: d.historyVisible)
            detail = d
        case .detailActivities:
            guard var d = detail, i < d.actCache.total else { return true }
            d.focusActivities = true
            d.acts.table.select(i, total: d.actCache.total, visible: d.acts.visible)
            detail = d
        }
        return true
    }

    // MARK: Deletes

    private func ask(_ message: String, _ ctx: AppContext, run: @escaping @MainActor (AppContext) throws -> String) {
        confirm = PendingDelete(dialog: ConfirmDialog(title: ctx.t(.oConfirmTitle), message: message,
                                                      buttons: [ctx.t(.oDelete), ctx.t(.oCancel)], selected: 1),
                                run: run)
    }

    /// A platform goes with its surveys (deleted one by one, so undo brings them back) and leaves its activities
    /// unlinked (saved through the ledger too, so undo links them again).
    private func askDeletePlatform(_ p: Platform, surveys: Int, _ ctx: AppContext) {
        let msg = ctx.t(.oDeletePlatform).filled(["name": p.name, "n": "\(surveys)"])
        ask(msg, ctx) { ctx in
            try ctx.write(source: "outreach") { l in try l.deletePlatform(p) }
            return ctx.t(.oDeleted) + p.name
        }
    }

    private func askDeleteSurvey(_ s: PlatformSurvey, platform: Platform, _ ctx: AppContext) {
        ask(ctx.t(.oDeleteSurvey).filled(["name": "\(platform.name) \(s.surveyDate)"]), ctx) { ctx in
            try ctx.write(source: "outreach") { l in try l.delete(PlatformSurvey.self, id: s.id!) }
            return ctx.t(.oDeleted) + "\(platform.name) \(s.surveyDate)"
        }
    }

    private func askDeleteActivity(_ a: OutreachActivity, _ ctx: AppContext) {
        ask(ctx.t(.oDeleteActivity).filled(["name": a.title]), ctx) { ctx in
            try ctx.write(source: "outreach") { l in try l.delete(OutreachActivity.self, id: a.id!, expectedVersion: a.version) }
            return ctx.t(.oDeleted) + a.title
        }
    }

    // MARK: Drawing

    public func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        clickable = []
        if let d = detail {
            renderDetail(d, into: &buf, area: area, ctx)
        } else {
            switch view {
            case .summary:
                if let d = summary { renderSummary(d, into: &buf, area: area, ctx) }
            case .ledger: renderLedger(into: &buf, area: area, ctx)
            case .activities: renderActivities(into: &buf, area: area, ctx)
            case .awards: renderAwards(into: &buf, area: area, ctx)
            }
        }
        if let e = loadError {
            // A failed read is said once in the status line; the screen keeps what it last had.
            ctx.say(ctx.t(.oLoadFailed) + e, error: true)
            loadError = nil
        }
        if let f = form { f.render(into: &buf, area: area) }
        if let c = confirm {
            c.dialog.render(into: &buf, area: area)
            buf.cursor = nil
        }
    }

    // MARK: Help

    public func help(_ ctx: AppContext) -> [KeyHelp] {
        [KeyHelp("j k ↑ ↓", ctx.t(.oKeyMove)), KeyHelp("PgDn PgUp Home End", ctx.t(.oKeyPage)),
         KeyHelp("Enter", ctx.t(.oKeyOpen)), KeyHelp("Esc BS", ctx.t(.oKeyBack)), KeyHelp("v", ctx.t(.oKeyView)),
         KeyHelp("/", ctx.t(.oKeyFilter)), KeyHelp("s  S", ctx.t(.oKeySort)), KeyHelp("f", ctx.t(.oKeyFinding)),
         KeyHelp("a", ctx.t(.oKeyAdd)), KeyHelp("n", ctx.t(.oKeySurvey)), KeyHelp("+", ctx.t(.oKeyQuick)),
         KeyHelp("m", ctx.t(.oKeyEdit)), KeyHelp("d", ctx.t(.oKeyDelete)), KeyHelp("e", ctx.t(.oKeyExport)),
         KeyHelp("← →", ctx.t(.oKeyFocus)), KeyHelp(ctx.lang == .en ? "click" : "鼠标", ctx.t(.oKeyClick))]
    }
}
