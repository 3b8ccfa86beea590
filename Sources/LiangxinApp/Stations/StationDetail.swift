import LiangxinModel
import LiangxinStore
import TermKit

/// One station opened from a list: its fields, a 12-month sparkline, its log entries (paged, newest first)
/// and its change history from the audit table.
@MainActor
final class StationDetail {
    let id: Int64
    private(set) var row: StationRow?
    private(set) var months: [Int] = []
    private(set) var history: [AuditEntry] = []
    var logState = TableState()
    private(set) var logTotal = 0
    private var logPage: [StationLog] = []
    private var logPageKey: (offset: Int, limit: Int, generation: Int)?
    private var generation = 0
    /// Log rows on screen at the last render (for paging keys).
    var visibleLogs = 6
    /// Where the log table was drawn (mouse clicks).
    private(set) var logArea = Rect.zero

    init(id: Int64) { self.id = id }

    func reload(_ ctx: AppContext, settings: Settings) throws {
        row = try ctx.store.stationRow(id: id, asOf: ctx.today, settings: settings)
        months = try ctx.store.stationTrailingMonths(id: id, asOf: ctx.today)
        history = try ctx.store.history(entity: Station.entity, id: id)
        logTotal = try ctx.store.stationLogCount(stationId: id)
        generation += 1
        logState.clamp(total: logTotal, visible: visibleLogs)
    }

    private func logs(_ ctx: AppContext) -> [StationLog] {
        let key = (offset: logState.offset, limit: visibleLogs, generation: generation)
        if let k = logPageKey, k == key { return logPage }
        logPage = (try? ctx.store.stationLogs(stationId: id, offset: key.offset, limit: key.limit)) ?? []
        logPageKey = key
        return logPage
    }

    func selectedLog(_ ctx: AppContext) -> StationLog? {
        let page = logs(ctx)
        let i = logState.selected - logState.offset
        return page.indices.contains(i) ? page[i] : nil
    }

    /// Moves in the log list; false for keys it does not use.
    func move(_ key: Key) -> Bool {
        let n = logTotal, v = visibleLogs
        if logState.navigate(key, total: n, visible: v) { return true }
        switch key {
        case .mouse(let x, let y):
            guard logArea.contains(x: x, y: y) else { return false }
            let i = logState.offset + (y - logArea.y - 1)
            if y > logArea.y, i < n { logState.select(i, total: n, visible: v) }
        default: return false
        }
        return true
    }

    func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext, settings: Settings, tree: RegionTree) {
        guard let r = row else {
            buf.put(ctx.t(.stNothingSelected), x: area.x + 1, y: area.y + 1, style: .dim)
            return
        }
        let s = r.station
        let crumb = " \(ctx.t(.tabStations)) › \(s.name) "
        buf.fill(area.row(0), style: .tabInactive)
        let hint = ctx.t(.stDetailHint) + " "
        let hw = displayWidth(hint)
        // The name gives way to the keys: they are what a first-time user needs on this screen.
        let shown = truncate(crumb, toWidth: max(0, area.width - hw - 1))
        buf.put(shown, x: area.x, y: area.y, style: .tabActive)
        if displayWidth(shown) + hw < area.width { buf.put(hint, x: area.maxX - hw, y: area.y, style: .tabInactive) }

        let lines = fieldLines(r, ctx, settings: settings, tree: tree)
        let body = area.inset(top: 1)
        let parts = body.splitRows([.fixed(min(lines.count + 2, body.height / 2 + 2)), .ratio(1)])
        let b = Block(title: "\(ctx.t(.stDetailTitle)) · \(s.name)")
        b.render(into: &buf, area: parts[0])
        let inner = b.inner(parts[0]).inset(left: 1, right: 1)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            var x = inner.x
            for (text, style) in line {
                guard x < inner.maxX else { break }
                x += buf.put(text, x: x, y: inner.y + i, style: style, maxWidth: inner.maxX - x)
            }
        }

        let cols = parts[1].splitColumns([.fixed(min(44, max(30, parts[1].width * 2 / 5))), .ratio(1)])
        renderLogs(into: &buf, area: cols[0], ctx)
        let hb = Block(title: "\(ctx.t(.stHistory))（\(history.count)）")
        hb.render(into: &buf, area: cols[1])
        let hi = hb.inner(cols[1]).inset(left: 1, right: 1)
        let hl = StationHistory.lines(history, ctx: ctx, regionName: { tree.name($0) })
        if hl.isEmpty { buf.put(ctx.t(.stNoHistory), x: hi.x, y: hi.y, style: .dim, maxWidth: hi.width) }
        // Long entries wrap (indented) rather than lose the reason at the end.
        let wrapped = hl.flatMap { l in wrap(l, width: hi.width).enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element } }
        for (i, l) in wrapped.prefix(hi.height).enumerated() {
            buf.put(truncate(l, toWidth: hi.width), x: hi.x, y: hi.y + i, style: .text)
        }
    }

    private func renderLogs(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: "\(ctx.t(.stLogs))（\(logTotal)）")
        b.render(into: &buf, area: area)
        let inner = b.inner(area)
        visibleLogs = max(1, Table.visibleRowCount(in: inner, state: logState))
        logState.clamp(total: logTotal, visible: visibleLogs)
        let page = logs(ctx)
        let table = Table(columns: [.fixed(ctx.t(.stLogDate), 10), .fixed(ctx.t(.stLogCount), 5, align: .right), .flex(ctx.t(.stLogNote), min: 4)],
                          rows: page.map { [$0.date.description, String($0.count), $0.note ?? ""] }, totalRows: logTotal,
                          state: logState, emptyText: ctx.t(.stNoLogs))
        table.render(into: &buf, area: inner)
        logArea = inner
    }

    /// The field block's lines as styled runs.
    private func fieldLines(_ r: StationRow, _ ctx: AppContext, settings: Settings, tree: RegionTree) -> [[(String, Style)]] {
        let s = r.station, a = r.activity
        func label(_ k: Str) -> (String, Style) { (ctx.t(k) + " ", .dim) }
        let gap: (String, Style) = ("  ", .text)
        var out: [[(String, Style)]] = []
        let statusRole: Role = s.status == .running ? .good : .warning
        out.append([label(.stFieldKind), (s.kind.rawValue, .text), gap, label(.stFieldStatus), (s.status.rawValue, Style(statusRole)), gap,
                    label(.stFieldOpened), (s.opened?.description ?? "—", .text)])
        if s.status != .running {
            out.append([label(.stFieldReason), (s.statusReason ?? "—", .warning)])
        }
        out.append([label(.stFieldRegion), (tree.path(s.regionCode), .text)])
        let host = (s.hostUnit ?? "—") + (s.hostType.map { "（\($0.rawValue)）" } ?? "")
        out.append([label(.stFieldHost), (host, .text)])
        out.append([label(.stFieldAddress), (s.address ?? "—", .text)])
        let contact = [s.contactName, s.contactPhone].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        out.append([label(.stFieldContact), (contact.isEmpty ? "—" : contact, StationMetrics.hasNoContact(s) ? .warning : .text), gap,
                    label(.stFieldHours), (StationText.hours(s.hours), .text)])
        var services: [(String, Style)] = [label(.stFieldServices), (s.serviceList.map(\.rawValue).joined(separator: "、"), .text)]
        let missing = StationMetrics.missingBasic(s, basic: settings.basicServices)
        if !missing.isEmpty {
            services += [gap, (ctx.t(.stMissingBasic) + missing.map(\.rawValue).joined(separator: "、"), .warning)]
        }
        out.append(services)
        let idle = StationMetrics.isIdle(status: s.status, lastLog: a.last, opened: s.opened, today: ctx.today, days: settings.idleDays)
        let last = a.last.map { "\($0)（\(StationText.ago($0, ctx))）" } ?? ctx.t(.stNeverLogged)
        out.append([label(.stColMonth), ("\(a.month)", .text), gap, label(.stColYear), ("\(a.year)", .text), gap,
                    label(.stColLast), (last, idle ? .warning : .text)])
        let ms = StationMetrics.trailingMonths(endingAt: ctx.today)
        let spark = Sparkline(values: months.map(Double.init), minValue: 0, ascii: ctx.ascii).glyphs(width: months.count)
        let range = "\(ms.first!.year)-\(String(format: "%02d", ms.first!.month))…\(ms.last!.year)-\(String(format: "%02d", ms.last!.month))"
        out.append([label(.stLast12), (spark, .spark), ("  \(range) · \(ctx.t(.stPeak)) \(months.max() ?? 0)", .dim)])
        return out
    }
}
