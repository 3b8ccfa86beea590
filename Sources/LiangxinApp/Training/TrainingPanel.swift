import LiangxinModel
import LiangxinStore
import TermKit

/// 培训: the session ledger, a chosen year's totals (by month, type and mode, against last year) and the secretary
/// coverage lists, with forms to enter sessions and their attendees. Every view shares a header with the year's
/// totals and the secretary coverage, so an entered session is seen to move them at once.
@MainActor
public final class TrainingPanel: Panel {
    public let id = PanelID.training

    public enum View: Int, CaseIterable, Sendable { case summary, ledger, secretaries }

    public private(set) var view: View = .summary
    /// The year the summary and the coverage are for (0 until the first load: then today's year).
    public private(set) var year = 0
    private(set) var years: ClosedRange<Int>?
    public private(set) var data: TrainingYearData?
    /// The secretary coverage's counts and lists (the names are read per screenful by the list).
    public private(set) var coverage: SecretaryFigures?
    var ledger = SessionLedger()
    var lists = SecretaryListState()
    public private(set) var detail: SessionDetail?
    public private(set) var form: Form?
    private var confirm: (dialog: ConfirmDialog, action: () -> Void)?

    public init(view: View = .summary) { self.view = view }

    public var capturesText: Bool {
        form != nil || confirm != nil || ledger.table.filtering || lists.table.filtering
    }

    // MARK: data

    /// A year's reads, made off the key thread when the panel is warmed up (`BackgroundReads`).
    struct Loaded: Sendable {
        var years: ClosedRange<Int>
        var year: Int
        var data: TrainingYearData
        var coverage: SecretaryFigures
        /// Figures computed because none saved held, to save once the screen is drawn.
        var unsaved: UnsavedFigures?
    }

    nonisolated static func load(_ store: Store, today: Day, year wanted: Int) throws -> Loaded {
        let years = try store.trainingYears(today: today)
        let year = min(max(wanted, years.lowerBound), years.upperBound)
        let figures = try store.trainingFigures(year: year, today: today)
        return Loaded(years: years, year: year, data: try store.trainingYear(year, today: today),
                      coverage: figures.figures, unsaved: figures.unsaved)
    }

    static func loadKey(_ year: Int) -> String { "training.load|\(year)" }

    /// The year in view's load as a background read: the same whether warmed up or awaited.
    private func loadRead(_ ctx: AppContext) -> BackgroundRead<Loaded> {
        let store = ctx.store, today = ctx.today, y = year == 0 ? ctx.today.year : year
        return BackgroundRead(key: Self.loadKey(y)) { try TrainingPanel.load(store, today: today, year: y) }
    }

    public func warmUp(_ ctx: AppContext) { ctx.background.prefetch(loadRead(ctx)) }

    public func isReady(_ ctx: AppContext) -> Bool { ctx.background.isReady(loadRead(ctx)) }

    public var isWaitingForReads: Bool { view == .ledger && detail == nil && ledger.waiting }

    public func reload(_ ctx: AppContext) throws {
        let l = try ctx.background.wait(loadRead(ctx))
        years = l.years
        year = l.year
        data = l.data
        coverage = l.coverage
        ctx.saveInBackground(l.unsaved)
        lists.setFigures(coverage)
        ledger.invalidate()
        try detail?.reload(ctx)
    }

    private func changeYear(_ delta: Int, _ ctx: AppContext) {
        let target = year + delta
        guard let ys = years, ys.contains(target) else { return }
        year = target
        do { try reload(ctx) } catch { ctx.say("\(error)", error: true) }
    }

    // MARK: keys

    public func handle(_ key: Key, _ ctx: AppContext) -> Bool {
        if Form.route(key, to: &form, ctx) { return true }
        if let c = confirm { return handleConfirm(c, key) }
        if let d = detail {
            switch d.handle(key, ctx, panel: self) {
            case .handled: return true
            case .close: detail = nil; return true
            case .notMine: if key == .char("v") || key == .char("[") || key == .char("]") { return true } else { return false }
            }
        }
        if ledger.table.filtering && view == .ledger {
            if TableKeys.editFilter(key, &ledger.table) == .changed { ledger.invalidate() }
            return true
        }
        if lists.table.filtering && view == .secretaries {
            _ = TableKeys.editFilter(key, &lists.table)
            return true
        }
        switch key {
        case .char("v"):
            view = View(rawValue: (view.rawValue + 1) % View.allCases.count)!
            return true
        case .char("["), .char("<"):
            changeYear(-1, ctx); return true
        case .char("]"), .char(">"):
            changeYear(1, ctx); return true
        case .char("a"):
            openSessionForm(ctx, editing: nil, copying: nil); return true
        default: break
        }
        switch view {
        case .summary: return handleSummary(key, ctx)
        case .ledger: return handleLedger(key, ctx)
        case .secretaries: return handleSecretaries(key, ctx)
        }
    }

    private func handleConfirm(_ c: (dialog: ConfirmDialog, action: () -> Void), _ key: Key) -> Bool {
        var d = c.dialog
        switch key {
        case .left, .right, .tab, .backTab: d.next(); confirm = (d, c.action)
        case .char("y"): confirm = nil; c.action()
        case .esc, .char("n"): confirm = nil
        case .enter:
            confirm = nil
            if d.selected == 0 { c.action() }
        default: break
        }
        return true
    }

    /// Asks before a delete; the first button does it.
    func ask(_ message: String, _ ctx: AppContext, action: @escaping () -> Void) {
        confirm = (ConfirmDialog(title: ctx.t(.trDelete), message: message, buttons: [ctx.t(.trDelete), ctx.t(.trCancel)]), action)
    }

    private func handleSummary(_ key: Key, _ ctx: AppContext) -> Bool {
        switch key {
        case .char("e"):
            guard let d = data else { return true }
            let rows = TrainingReport.breakdownRows(d, lang: ctx.lang)
            ScreenExport.run(ctx, name: "training-summary-\(year)", header: TrainingReport.breakdownHeader(ctx.lang), rows: rows)
            return true
        case .char("f"):
            lists.nextList()
            return true
        default: return false
        }
    }

    private func handleLedger(_ key: Key, _ ctx: AppContext) -> Bool {
        let total = ledger.count(ctx)
        if TableKeys.navigate(key, &ledger.table, total: total, visible: ledger.visible) { return true }
        switch key {
        case .mouse(let x, let y):
            if let i = TableKeys.row(atY: y, x: x, in: ledger.area, state: ledger.table, total: total) {
                ledger.table.select(i, total: total, visible: ledger.visible)
            }
        case .char("/"):
            ledger.table.filtering = true
        case .esc, .backspace:
            guard !ledger.table.filter.isEmpty else { return false }
            ledger.table.filter = ""
            ledger.table.select(0, total: total, visible: ledger.visible)
            ledger.invalidate()
        case .char("s"):
            ledger.nextSort()
        case .char("S"):
            ledger.ascending.toggle(); ledger.invalidate()
        case .enter:
            if let s = ledger.selected(ctx) { open(s, ctx) }
        case .char("m"):
            if let s = ledger.selected(ctx) { openSessionForm(ctx, editing: s, copying: nil) }
        case .char("c"):
            if let s = ledger.selected(ctx) { openSessionForm(ctx, editing: nil, copying: s) }
        case .char("d"):
            if let s = ledger.selected(ctx) { askDelete(s, ctx) }
        case .char("e"):
            exportLedger(ctx)
        default:
            return false
        }
        return true
    }

    private func handleSecretaries(_ key: Key, _ ctx: AppContext) -> Bool {
        let total = lists.count(ctx)
        if TableKeys.navigate(key, &lists.table, total: total, visible: lists.visible) { return true }
        switch key {
        case .mouse(let x, let y):
            if let i = TableKeys.row(atY: y, x: x, in: lists.area, state: lists.table, total: total) {
                lists.table.select(i, total: total, visible: lists.visible)
            }
        case .char("f"), .right, .left:
            if key == .left { lists.previousList() } else { lists.nextList() }
        case .char("/"):
            lists.table.filtering = true
        case .esc, .backspace:
            guard !lists.table.filter.isEmpty else { return false }
            lists.table.filter = ""
            lists.table.select(0, total: lists.count(ctx), visible: lists.visible)
        case .char("s"):
            lists.nextSort()
        case .char("S"):
            lists.reverse()
        case .char("e"):
            let (header, rows) = lists.export(ctx)
            ScreenExport.run(ctx, name: "training-secretaries-\(lists.list.rawValue)-\(year)", header: header, rows: rows)
        default:
            return false
        }
        return true
    }

    // MARK: actions

    func open(_ s: TrainingSession, _ ctx: AppContext) {
        if let id = s.id { open(id: id, ctx) }
    }

    func open(id: Int64, _ ctx: AppContext) {
        let d = SessionDetail(sessionId: id)
        do {
            try d.reload(ctx)
            detail = d
        } catch { ctx.say("\(error)", error: true) }
    }

    func openSessionForm(_ ctx: AppContext, editing: TrainingSession?, copying: TrainingSession?) {
        form = SessionForm.make(ctx, editing: editing, copying: copying) { [weak self] id in
            guard let self else { return }
            // A new session opens at once, so its attendees can be added and checked.
            if editing == nil { self.ledger.invalidate(); self.open(id: id, ctx) }
        }
    }

    func openAttendanceForm(_ ctx: AppContext, session: TrainingSession, registered: [AttendanceRow]) {
        form = AttendanceForm.make(ctx, session: session, existing: registered)
    }

    func askDelete(_ s: TrainingSession, _ ctx: AppContext) {
        guard let id = s.id else { return }
        ask(ctx.t(.trDeleteSessionQ) + "\n" + s.title, ctx) { [weak self] in
            do {
                // Attendance rows are deleted through the ledger first, so the delete is audited and undone whole.
                try ctx.write(source: "training") { l in
                    for a in try ctx.store.trainingAttendance(session: id) {
                        if let aid = a.attendance.id { try l.delete(TrainingAttendance.self, id: aid) }
                    }
                    try l.delete(TrainingSession.self, id: id, expectedVersion: s.version)
                }
                ctx.say(ctx.t(.trDeleted) + s.title)
                if self?.detail?.sessionId == id { self?.detail = nil }
                self?.ledger.invalidate()
            } catch {
                ctx.say("\(error)", error: true)
            }
        }
    }

    private func exportLedger(_ ctx: AppContext) {
        do {
            let all = try ctx.store.trainingSessions(filter: ledger.table.filter, sort: ledger.sort, ascending: ledger.ascending)
            let (header, rows) = SessionLedger.export(all, ctx)
            ScreenExport.run(ctx, name: "training-sessions", header: header, rows: rows)
        } catch {
            ctx.say("\(error)", error: true)
        }
    }

    // MARK: help

    public func help(_ ctx: AppContext) -> [KeyHelp] {
        var keys: [KeyHelp] = [
            KeyHelp("v", ctx.t(.trKeyView)),
            KeyHelp("[ ]  < >", ctx.t(.trKeyYear)),
            KeyHelp("j k ↑ ↓", ctx.t(.trKeyMove)),
            KeyHelp("PgUp PgDn Home End", ctx.t(.trKeyPage)),
            KeyHelp("Enter", ctx.t(.trKeyOpen)),
            KeyHelp("Esc Backspace", ctx.t(.trKeyBack)),
            KeyHelp("/", ctx.t(.trKeyFilter)),
            KeyHelp("s  S", ctx.t(.trKeySort)),
            KeyHelp("f  ← →", ctx.t(.trKeyList)),
            KeyHelp("a", ctx.t(.trKeyAdd)),
            KeyHelp("m", ctx.t(.trKeyEdit)),
            KeyHelp("c", ctx.t(.trKeyCopy)),
            KeyHelp("d", ctx.t(.trKeyDelete)),
            KeyHelp("e", ctx.t(.trKeyExport)),
        ]
        if detail != nil {
            keys = [KeyHelp("j k ↑ ↓", ctx.t(.trKeyMove)), KeyHelp("a", ctx.t(.trKeyAttend)), KeyHelp("m", ctx.t(.trKeyEdit)),
                    KeyHelp("c", ctx.t(.trKeyCopy)), KeyHelp("d", ctx.t(.trKeyDeleteAttendance)), KeyHelp("e", ctx.t(.trKeyExport)),
                    KeyHelp("Esc Backspace", ctx.t(.trKeyBack))]
        }
        return keys
    }

    // MARK: render

    public func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        if let d = detail {
            d.render(into: &buf, area: area, ctx)
        } else {
            let parts = area.splitRows([.fixed(6), .ratio(1)])
            TrainingHeader.render(panel: self, into: &buf, area: parts[0], ctx)
            switch view {
            case .summary: TrainingSummaryView.render(panel: self, into: &buf, area: parts[1], ctx)
            case .ledger: ledger.render(into: &buf, area: parts[1], ctx)
            case .secretaries: lists.render(into: &buf, area: parts[1], ctx)
            }
        }
        if let f = form { f.render(into: &buf, area: area) }
        if let c = confirm {
            c.dialog.render(into: &buf, area: area)
            buf.cursor = nil
        }
    }
}
