import LiangxinModel
import LiangxinStore
import TermKit

/// The findings list: idle running stations, those lacking a basic service, those with no contact.
extension StationsPanel {
    func renderFindings(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let total = findingsCounts(ctx)
        let parts = StationFinding.allCases.map { f -> String in
            let mark = findingQuery.finding == f ? "▸" : ""
            return "\(mark)\(f.shortLabel(ctx, idleDays: settings.idleDays)) \(findingCounts[f] ?? 0)"
        }
        let b = Block(title: "\(ctx.t(.stViewFindings)) · \(parts.joined(separator: " · "))")
        b.render(into: &buf, area: area)
        let inner = b.inner(area)
        let wide = inner.width >= 110
        var columns: [Column] = [.fixed(ctx.t(.stColFinding), wide ? 14 : 12), .flex(ctx.t(.stColName), min: 12, weight: 3),
                                 .fixed(ctx.t(.stColRegion), regionWidth), .flex(ctx.t(.stColDetail), min: 12, weight: 2)]
        if wide {
            columns += [.fixed(ctx.t(.stColStatus), 4), .fixed(ctx.t(.stColMonth), 5, align: .right), .fixed(ctx.t(.stColYear), 6, align: .right)]
        }
        findingVisible = max(1, Table.visibleRowCount(in: inner, state: findingState))
        findingState.clamp(total: total, visible: findingVisible)
        let rows = findingsPage(ctx)
        let table = Table(columns: columns, rows: rows.map { f in
            var cells = [f.finding.shortLabel(ctx, idleDays: settings.idleDays), f.row.station.name,
                         StationText.group(f.row.station.regionCode, tree: tree, scope: scope),
                         StationText.detail(f.finding, f.row, ctx, basic: settings.basicServices)]
            if wide { cells += [f.row.station.status.rawValue, String(f.row.activity.month), String(f.row.activity.year)] }
            return cells
        }, totalRows: total, state: findingState, rowRoles: rows.map { $0.finding == .idle ? .warning : nil },
           emptyText: ctx.t(.stEmptyFindings), ascii: ctx.ascii)
        table.render(into: &buf, area: inner)
        if let f = filterField {
            buf.cursor = (inner.x + 1 + min(f.caretColumn, max(0, inner.width - 2)), inner.maxY - 1)
        }
        findingArea = inner
        selectedY = total > 0 ? inner.y + 1 + (findingState.selected - findingState.offset) : nil
    }
}
