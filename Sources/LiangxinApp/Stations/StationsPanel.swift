import LiangxinModel
import LiangxinStore
import TermKit

/// 驿站: the care station register, its summary and findings, a station's detail, and the forms and quick-log
/// that keep the ledger. Lists are paged in SQL; a page is re-read only when the query, the scroll position or
/// the data change.
@MainActor
public final class StationsPanel: Panel {
    public let id = PanelID.stations

    enum View: Int, CaseIterable { case register, summary, findings }

    /// Something holding the keyboard over the panel.
    enum Overlay {
        case form(Form)
        case quickLog(QuickLog)
        case confirm(ConfirmDialog, () -> Void)
    }

    var view = View.register
    var settings = Settings()
    var tree = RegionTree([])
    /// The region the panel rolls up by (the file's home region: the city).
    var scope: String?
    /// Bumped on every reload, so cached pages are read again.
    var generation = 0

    // Register
    var query = StationQuery()
    var state = TableState()
    var counts: (total: Int, running: Int) = (0, 0)
    var countsKey: (StationQuery, Int)?
    var page: [StationRow] = []
    var pageKey: PageKey?
    var visible = 18
    var tableArea = Rect.zero
    var selectedY: Int?

    // Findings
    var findingQuery = StationQuery()
    var findingState = TableState()
    var findingTotal = 0
    var findingCounts: [StationFinding: Int] = [:]
    var findingCountsKey: (StationQuery, Int)?
    var findingPage: [StationFindingRow] = []
    var findingPageKey: PageKey?
    var findingVisible = 18
    var findingArea = Rect.zero

    // Summary
    var summary: StationSummary?
    var summaryGeneration = -1
    /// True while the summary view's figures are read in the background (the view says "正在统计…").
    private(set) var summaryWaiting = false

    var detail: StationDetail?
    var overlay: Overlay?
    /// The text field of the `/` filter while it is typed.
    var filterField: TextField?
    /// The date last used in a quick-log: catching up on last week's counts means typing it once.
    var quickDate: Day?
    var viewTabs: [Range<Int>] = []
    var viewBarY = 0
    var loadError: String?

    struct PageKey: Equatable {
        var query: StationQuery
        var offset: Int
        var limit: Int
        var generation: Int
    }

    public init() {}

    public var capturesText: Bool { overlay != nil || filterField != nil }

    public func reload(_ ctx: AppContext) throws {
        settings = try ctx.store.settings()
        tree = RegionTree(try ctx.store.regions())
        scope = tree.home?.code
        generation += 1
        // The summary view's figures start reading now, beside the keys, so `v` finds them ready (issue 8: the first
        // summary view waited 24–44 ms for them on a province).
        _ = try? ctx.background.value(summaryRead(ctx))
        try detail?.reload(ctx, settings: settings)
    }

    private func summaryRead(_ ctx: AppContext) -> BackgroundRead<StationSummary> {
        let store = ctx.store, tree = tree, scope = scope, today = ctx.today, settings = settings
        return BackgroundRead(key: "stations.summary|\(generation)|\(scope ?? "")") {
            try store.stationSummary(tree: tree, regionCode: scope, asOf: today, settings: settings)
        }
    }

    // MARK: data (cached)

    func registerCounts(_ ctx: AppContext) -> (total: Int, running: Int) {
        if let k = countsKey, k.0 == query, k.1 == generation { return counts }
        do {
            counts = try ctx.store.stationCounts(query, asOf: ctx.today, settings: settings)
            countsKey = (query, generation)
        } catch { loadError = "\(error)" }
        return counts
    }

    func registerPage(_ ctx: AppContext) -> [StationRow] {
        let key = PageKey(query: query, offset: state.offset, limit: visible, generation: generation)
        if key == pageKey { return page }
        do {
            page = try ctx.store.stationRows(query, asOf: ctx.today, settings: settings, offset: key.offset, limit: key.limit)
            pageKey = key
        } catch { loadError = "\(error)"; page = [] }
        return page
    }

    func findingsCounts(_ ctx: AppContext) -> Int {
        if let k = findingCountsKey, k.0 == findingQuery, k.1 == generation { return findingTotal }
        do {
            findingCounts = try ctx.store.stationFindingCounts(findingQuery, asOf: ctx.today, settings: settings)
            findingTotal = findingQuery.finding.map { findingCounts[$0] ?? 0 } ?? findingCounts.values.reduce(0, +)
            findingCountsKey = (findingQuery, generation)
        } catch { loadError = "\(error)" }
        return findingTotal
    }

    func findingsPage(_ ctx: AppContext) -> [StationFindingRow] {
        let key = PageKey(query: findingQuery, offset: findingState.offset, limit: findingVisible, generation: generation)
        if key == findingPageKey { return findingPage }
        do {
            findingPage = try ctx.store.stationFindingRows(findingQuery, asOf: ctx.today, settings: settings, offset: key.offset, limit: key.limit)
            findingPageKey = key
        } catch { loadError = "\(error)"; findingPage = [] }
        return findingPage
    }

    /// The summary view's figures: nil while they are still read in the background, unless `wait` (an export).
    func currentSummary(_ ctx: AppContext, wait: Bool = false) -> StationSummary? {
        if summaryGeneration == generation, let s = summary { return s }
        do {
            let read = summaryRead(ctx)
            guard let s = wait ? try ctx.background.wait(read) : try ctx.background.value(read) else {
                summaryWaiting = true
                return nil
            }
            summary = s
            summaryGeneration = generation
        } catch { loadError = "\(error)" }
        summaryWaiting = false
        return summaryGeneration == generation ? summary : nil
    }

    public var isWaitingForReads: Bool { view == .summary && detail == nil && summaryWaiting }

    /// The station under the selection in the list in view.
    func selectedStation(_ ctx: AppContext) -> StationRow? {
        if let d = detail { return d.row }
        switch view {
        case .register:
            _ = registerCounts(ctx)
            let p = registerPage(ctx)
            let i = state.selected - state.offset
            return p.indices.contains(i) ? p[i] : nil
        case .findings:
            _ = findingsCounts(ctx)
            let p = findingsPage(ctx)
            let i = findingState.selected - findingState.offset
            return p.indices.contains(i) ? p[i].row : nil
        case .summary:
            return nil
        }
    }

    // MARK: keys

    public func handle(_ key: Key, _ ctx: AppContext) -> Bool {
        applyPendingSelection(ctx)
        if let o = overlay { handleOverlay(o, key, ctx); return true }
        if filterField != nil { handleFilterKey(key, ctx); return true }
        if let d = detail { return handleDetail(d, key, ctx) }
        if case .mouse(let x, let y) = key, y == viewBarY, let i = viewTabs.firstIndex(where: { $0.contains(x) }) {
            view = View(rawValue: i)!
            return true
        }
        switch key {
        case .char("v"):
            view = View(rawValue: (view.rawValue + 1) % View.allCases.count)!
            return true
        case .char("a"):
            openStationForm(ctx, editing: nil)
            return true
        case .char("e"):
            export(ctx)
            return true
        default: break
        }
        switch view {
        case .register: return handleRegister(key, ctx)
        case .findings: return handleFindings(key, ctx)
        case .summary: return false
        }
    }

    private func handleRegister(_ key: Key, _ ctx: AppContext) -> Bool {
        let n = registerCounts(ctx).total
        if state.navigate(key, total: n, visible: visible) { return true }
        switch key {
        case .mouse(let x, let y):
            guard tableArea.contains(x: x, y: y), y > tableArea.y else { return false }
            let i = state.offset + (y - tableArea.y - 1)
            if i < n { state.select(i, total: n, visible: visible) }
        case .char("/"):
            filterField = TextField(query.text)
            state.filtering = true
        case .char("s"):
            let all = StationSort.allCases
            query.sort = query.sort.map { all[(all.firstIndex(of: $0)! + 1) % all.count] } ?? all[0]
            query.ascending = true
            state.home(total: n, visible: visible)
        case .char("S"):
            query.ascending.toggle()
            state.home(total: n, visible: visible)
        case .char("f"):
            query.finding = StationsPanel.nextFinding(after: query.finding)
            state = TableState(filter: state.filter)
        case .esc, .backspace:
            guard !query.text.isEmpty || query.finding != nil else { return false }
            query.text = ""
            query.finding = nil
            state = TableState()
        default: return handleStationAction(key, ctx)
        }
        return true
    }

    private func handleFindings(_ key: Key, _ ctx: AppContext) -> Bool {
        let n = findingsCounts(ctx)
        if findingState.navigate(key, total: n, visible: findingVisible) { return true }
        switch key {
        case .mouse(let x, let y):
            guard findingArea.contains(x: x, y: y), y > findingArea.y else { return false }
            let i = findingState.offset + (y - findingArea.y - 1)
            if i < n { findingState.select(i, total: n, visible: findingVisible) }
        case .char("/"):
            filterField = TextField(findingQuery.text)
            findingState.filtering = true
        case .char("f"):
            findingQuery.finding = StationsPanel.nextFinding(after: findingQuery.finding)
            findingState = TableState(filter: findingState.filter)
        case .esc, .backspace:
            guard !findingQuery.text.isEmpty || findingQuery.finding != nil else { return false }
            findingQuery.text = ""
            findingQuery.finding = nil
            findingState = TableState()
        default: return handleStationAction(key, ctx)
        }
        return true
    }

    /// What the register and the findings list both do with the selected station.
    private func handleStationAction(_ key: Key, _ ctx: AppContext) -> Bool {
        switch key {
        case .enter: openDetail(ctx)
        case .char("l"): openQuickLog(ctx)
        case .char("m"): if let r = selectedStation(ctx) { openStationForm(ctx, editing: r.station) }
        case .char("p"): if let r = selectedStation(ctx) { overlay = .form(StationStatusForm.make(ctx, station: r.station)) }
        case .char("d"): if let r = selectedStation(ctx) { confirmDelete(r.station, ctx) }
        default: return false
        }
        return true
    }

    /// `f` cycles: all → each finding list in turn → all.
    static func nextFinding(after f: StationFinding?) -> StationFinding? {
        let all = StationFinding.allCases
        guard let f, let i = all.firstIndex(of: f) else { return all.first }
        return i + 1 < all.count ? all[i + 1] : nil
    }

    private func handleFilterKey(_ key: Key, _ ctx: AppContext) {
        guard var f = filterField else { return }
        let register = view == .register
        func apply(_ text: String) {
            if register { query.text = text; state.filter = text; state.selected = 0; state.offset = 0 }
            else { findingQuery.text = text; findingState.filter = text; findingState.selected = 0; findingState.offset = 0 }
        }
        func stop() {
            filterField = nil
            if register { state.filtering = false } else { findingState.filtering = false }
        }
        switch key {
        case .enter: stop()
        case .esc: apply(""); stop()
        case .down, .up, .pageDown, .pageUp:
            // Moving while typing keeps the filter open.
            if register { _ = handleRegister(key, ctx) } else { _ = handleFindings(key, ctx) }
        default:
            if f.handle(key) { filterField = f; apply(f.value) }
        }
    }

    private func handleDetail(_ d: StationDetail, _ key: Key, _ ctx: AppContext) -> Bool {
        if d.move(key) { return true }
        guard let r = d.row else {
            if key == .esc || key == .backspace { detail = nil; return true }
            return false
        }
        switch key {
        case .esc, .backspace: detail = nil
        case .char("l"): openQuickLog(ctx)
        case .char("a"):
            overlay = .form(StationLogForm.make(ctx, station: r.station, date: quickDate ?? ctx.today))
        case .enter:
            if let log = d.selectedLog(ctx) { overlay = .form(StationLogForm.make(ctx, station: r.station, editing: log, date: log.date)) }
        case .char("d"):
            guard let log = d.selectedLog(ctx) else { return true }
            let dialog = ConfirmDialog(title: ctx.t(.stLogs), message: ctx.t(.stDeleteLogConfirm).filling(log.date, log.count),
                                       buttons: [ctx.t(.stYes), ctx.t(.stNo)], selected: 1)
            overlay = .confirm(dialog) {
                do {
                    try ctx.write(source: "form") { try $0.delete(StationLog.self, id: log.id!) }
                    ctx.say(ctx.t(.stLogDeleted).filling(log.date, log.count))
                } catch { ctx.say("\(error)", error: true) }
            }
        case .char("m"): openStationForm(ctx, editing: r.station)
        case .char("p"): overlay = .form(StationStatusForm.make(ctx, station: r.station))
        case .char("e"):
            let logs = (try? ctx.store.stationLogs(stationId: d.id, offset: 0, limit: -1)) ?? []
            ScreenExport.run(ctx, name: "station-\(d.id)-log", header: [ctx.t(.stLogDate), ctx.t(.stLogCount), ctx.t(.stLogNote)],
                             rows: logs.map { [$0.date.description, String($0.count), $0.note ?? ""] })
        default: return false
        }
        return true
    }

    private func handleOverlay(_ o: Overlay, _ key: Key, _ ctx: AppContext) {
        switch o {
        case .form(let form):
            switch form.handle(key) {
            case .editing: break
            case .cancelled: overlay = nil
            case .saved(let message):
                overlay = nil
                ctx.say(message)
            }
        case .quickLog(var q):
            switch key {
            case .esc: overlay = nil
            case .enter: saveQuickLog(&q, ctx)
            default:
                if q.field.handle(key) { q.error = nil }
                overlay = .quickLog(q)
            }
        case .confirm(var dialog, let action):
            switch key {
            case .left, .right, .tab, .backTab: dialog.next(); overlay = .confirm(dialog, action)
            case .char("y"): overlay = nil; action()
            case .esc, .char("n"): overlay = nil
            case .enter:
                overlay = nil
                if dialog.selected == 0 { action() }
            default: break
            }
        }
    }

    // MARK: actions

    func openDetail(_ ctx: AppContext) {
        guard let r = selectedStation(ctx), let id = r.station.id else { return }
        let d = StationDetail(id: id)
        do { try d.reload(ctx, settings: settings); detail = d } catch { ctx.say("\(error)", error: true) }
    }

    func openStationForm(_ ctx: AppContext, editing: Station?) {
        overlay = .form(StationForm.make(ctx, editing: editing, regionCode: nil, basic: settings.basicServices) { [weak self] id in
            guard let self, editing == nil else { return }
            // A new station: show it selected in the full register, whatever was filtered.
            self.view = .register
            self.detail = nil
            self.query.text = ""
            self.query.finding = nil
            self.state = TableState()
            self.pendingSelect = id
        })
    }

    /// A station to select once the register is read again (after adding it).
    var pendingSelect: Int64?

    func openQuickLog(_ ctx: AppContext) {
        guard let r = selectedStation(ctx) else { ctx.say(ctx.t(.stNothingSelected), error: true); return }
        overlay = .quickLog(QuickLog(station: r.station, date: quickDate ?? ctx.today))
    }

    /// Validates and writes the entry; then the selection moves to the station that followed, ready for the next.
    private func saveQuickLog(_ q: inout QuickLog, _ ctx: AppContext) {
        switch QuickLog.parse(q.field.value, today: ctx.today, lang: ctx.lang) {
        case .problem(let message):
            q.error = message
            overlay = .quickLog(q)
        case .entry(let date, let count, let note):
            var log = StationLog(stationId: q.station.id!, date: date, count: count, note: note)
            if let issue = Validate.stationLog(log, today: ctx.today).errors.first {
                q.error = issue.message(ctx.lang)
                overlay = .quickLog(q)
                return
            }
            let next = nextInList(ctx)
            do {
                let before = try ctx.store.stationLogsOn(stationId: log.stationId, date: date)
                try ctx.write(source: "quick-log") { try $0.insert(&log) }
                let month = (try? ctx.store.stationRow(id: log.stationId, asOf: ctx.today, settings: settings))??.activity.month ?? 0
                var msg = ctx.t(.stQuickSaved).filling(q.station.name, date, count, month)
                if before > 0 { msg += ctx.t(.stQuickSameDay).filling(before) }
                ctx.say(msg)
                quickDate = date
                overlay = nil
                if detail == nil { pendingNext = next }
            } catch {
                q.error = "\(error)"
                overlay = .quickLog(q)
            }
        }
    }

    /// After a quick-log the list is read again; the station that came next is selected (its position may
    /// have moved when the list is sorted by activity, or the logged station may have left a findings list).
    var pendingNext: (station: Int64?, finding: StationFinding?)?

    private func nextInList(_ ctx: AppContext) -> (station: Int64?, finding: StationFinding?) {
        switch view {
        case .register:
            let n = registerCounts(ctx).total
            guard state.selected + 1 < n else { return (selectedStation(ctx)?.station.id, nil) }
            let rows = (try? ctx.store.stationRows(query, asOf: ctx.today, settings: settings, offset: state.selected + 1, limit: 1)) ?? []
            return (rows.first?.station.id, nil)
        case .findings:
            let n = findingsCounts(ctx)
            let i = min(findingState.selected + 1, max(0, n - 1))
            let rows = (try? ctx.store.stationFindingRows(findingQuery, asOf: ctx.today, settings: settings, offset: i, limit: 1)) ?? []
            return (rows.first?.row.station.id, rows.first?.finding)
        case .summary:
            return (nil, nil)
        }
    }

    /// Applies `pendingSelect` / `pendingNext` once the lists can be read again.
    func applyPendingSelection(_ ctx: AppContext) {
        if let id = pendingSelect {
            pendingSelect = nil
            let n = registerCounts(ctx).total
            if let i = try? ctx.store.stationPosition(id: id, query, asOf: ctx.today, settings: settings) {
                state.select(i, total: n, visible: visible)
            }
        }
        guard let p = pendingNext else { return }
        pendingNext = nil
        switch view {
        case .register:
            let n = registerCounts(ctx).total
            if let id = p.station, let i = try? ctx.store.stationPosition(id: id, query, asOf: ctx.today, settings: settings) {
                state.select(i, total: n, visible: visible)
            }
        case .findings:
            let n = findingsCounts(ctx)
            let all = (try? ctx.store.stationFindingRows(findingQuery, asOf: ctx.today, settings: settings, offset: 0, limit: -1)) ?? []
            if let id = p.station, let i = all.firstIndex(where: { $0.row.station.id == id && $0.finding == p.finding }) {
                findingState.select(i, total: n, visible: findingVisible)
            } else {
                findingState.clamp(total: n, visible: findingVisible)
            }
        case .summary: break
        }
    }

    private func confirmDelete(_ s: Station, _ ctx: AppContext) {
        let logs = (try? ctx.store.stationLogCount(stationId: s.id!)) ?? 0
        // Deleting would take the station's service history with it: a station that served is closed instead.
        guard logs == 0 else {
            ctx.say(ctx.t(.stDeleteRefused).filling(s.name, logs), error: true)
            return
        }
        let dialog = ConfirmDialog(title: ctx.t(.stRegisterTitle), message: ctx.t(.stDeleteConfirm).filling(s.name),
                                   buttons: [ctx.t(.stYes), ctx.t(.stNo)], selected: 1)
        overlay = .confirm(dialog) {
            do {
                try ctx.write(source: "form") { try $0.delete(Station.self, id: s.id!, expectedVersion: s.version) }
                ctx.say(ctx.t(.stDeleted).filling(s.name))
            } catch { ctx.say("\(error)", error: true) }
        }
    }

    // MARK: help

    /// Short enough that the global keys still show below at 80×24.
    public func help(_ ctx: AppContext) -> [KeyHelp] {
        if detail != nil {
            return [KeyHelp("↑↓ j k PgUp PgDn", ctx.t(.stKeyMoveLogs)), KeyHelp("l", ctx.t(.stKeyQuickLog)),
                    KeyHelp("a Enter d", ctx.t(.stKeyLogs)), KeyHelp("m p", ctx.t(.stKeyEditStation)),
                    KeyHelp("e", ctx.t(.stKeyExportLogs)), KeyHelp("Esc", ctx.t(.stKeyBack))]
        }
        var keys = [KeyHelp("v", ctx.t(.stKeyView))]
        if view != .summary {
            keys += [KeyHelp("↑↓ j k PgUp PgDn", ctx.t(.stKeyMove)), KeyHelp("Enter Esc", ctx.t(.stKeyOpen)),
                     KeyHelp("/ f", ctx.t(.stKeyFilter))]
            if view == .register { keys.append(KeyHelp("s S", ctx.t(.stKeySort))) }
            keys += [KeyHelp("l", ctx.t(.stKeyQuickLog)), KeyHelp("p", ctx.t(.stKeyStatus))]
        }
        keys += [KeyHelp("a m d", ctx.t(.stKeyAdd)), KeyHelp("e", ctx.t(.stKeyExport))]
        return keys
    }

    // MARK: render

    public func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        loadError = nil
        applyPendingSelection(ctx)
        if let d = detail {
            d.render(into: &buf, area: area, ctx, settings: settings, tree: tree)
        } else {
            renderViewBar(into: &buf, area: area.row(0), ctx)
            let body = area.inset(top: 1)
            switch view {
            case .register: renderRegister(into: &buf, area: body, ctx)
            case .summary: renderSummary(into: &buf, area: body, ctx)
            case .findings: renderFindings(into: &buf, area: body, ctx)
            }
        }
        if let e = loadError { ctx.say(e, error: true) }
        switch overlay {
        case .form(let f)?:
            f.render(into: &buf, area: area)
        case .quickLog(let q)?:
            q.render(into: &buf, area: area, avoidY: detail == nil ? selectedY : area.y + 1, ctx)
        case .confirm(let d, _)?:
            d.render(into: &buf, area: area)
            buf.cursor = nil
        case nil: break
        }
    }

    private func renderViewBar(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let titles = [ctx.t(.stViewRegister), ctx.t(.stViewSummary), ctx.t(.stViewFindings)]
        let hint = ctx.t(.stViewHint) + " "
        let hw = displayWidth(hint)
        viewTabs = Tabs(titles: titles, active: view.rawValue, borders: ctx.ascii ? .ascii : BorderSet.preferred).render(into: &buf, area: area)
        viewBarY = area.y
        if let last = viewTabs.last, last.upperBound + hw + 1 <= area.maxX {
            buf.put(hint, x: area.maxX - hw, y: area.y, style: .tabInactive)
        }
    }
}
