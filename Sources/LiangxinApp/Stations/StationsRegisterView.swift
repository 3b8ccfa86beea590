import LiangxinModel
import LiangxinStore
import TermKit

/// The register: one row per station, paged from SQL. Wide screens add kind, host unit and address.
extension StationsPanel {
    enum RegisterColumn: CaseIterable {
        case name, kind, region, host, address, hours, services, status, month, year, last

        var sort: StationSort? {
            switch self {
            case .name: return .name
            case .region: return .region
            case .status: return .status
            case .month: return .month
            case .year: return .year
            case .last: return .last
            default: return nil
            }
        }
    }

    static func registerColumns(wide: Bool) -> [RegisterColumn] {
        wide ? RegisterColumn.allCases : [.name, .region, .hours, .services, .status, .month, .year, .last]
    }

    func column(_ c: RegisterColumn, _ ctx: AppContext, regionWidth: Int) -> Column {
        switch c {
        case .name: return .flex(ctx.t(.stColName), min: 12, weight: 3)
        case .kind: return .fixed(ctx.t(.stColKind), 4)
        case .region: return .fixed(ctx.t(.stColRegion), regionWidth)
        case .host: return .flex(ctx.t(.stColHost), min: 8, weight: 2)
        case .address: return .flex(ctx.t(.stColAddress), min: 8, weight: 2)
        case .hours: return .fixed(ctx.t(.stColHours), 10)
        case .services: return .fixed(ctx.t(.stColServices), 12)
        case .status: return .fixed(ctx.t(.stColStatus), 4)
        case .month: return .fixed(ctx.t(.stColMonth), 5, align: .right)
        case .year: return .fixed(ctx.t(.stColYear), 6, align: .right)
        case .last: return .fixed(ctx.t(.stColLast), 10)
        }
    }

    func cell(_ c: RegisterColumn, _ r: StationRow, _ ctx: AppContext) -> String {
        let s = r.station
        switch c {
        case .name: return s.name
        case .kind: return ctx.t(s.kind.short)
        case .region: return StationText.group(s.regionCode, tree: tree, scope: scope)
        case .host: return s.hostUnit ?? ""
        case .address: return s.address ?? ""
        case .hours: return StationText.hours(s.hours)
        case .services: return StationText.marks(s, basic: settings.basicServices, ascii: ctx.ascii)
        case .status: return s.status.rawValue
        case .month: return String(r.activity.month)
        case .year: return String(r.activity.year)
        case .last: return r.activity.last?.description ?? "—"
        }
    }

    /// Idle stations stand out; paused and closed ones step back.
    func role(_ r: StationRow, _ ctx: AppContext) -> Role? {
        if r.station.status != .running { return .dim }
        return StationMetrics.isIdle(status: r.station.status, lastLog: r.activity.last, opened: r.station.opened, today: ctx.today, days: settings.idleDays) ? .warning : nil
    }

    /// Width of the region column: the longest name among the regions rows are grouped by.
    var regionWidth: Int {
        let names = scope.flatMap { tree.children[$0] }?.map { displayWidth($0.name) } ?? []
        return max(4, min(8, names.max() ?? 6))
    }

    func renderRegister(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let c = registerCounts(ctx)
        var title = "\(ctx.t(.stRegisterTitle)) · \(ctx.t(.stStationsCount).filling(c.total)) · \(ctx.t(.stRunningCount).filling(c.running))"
        if let f = query.finding { title += " · \(ctx.t(.stOnly))：\(f.label(ctx, idleDays: settings.idleDays))" }
        let b = Block(title: title)
        b.render(into: &buf, area: area)
        let inner = b.inner(area)
        // The legend sits on the bottom border, where it costs no row.
        let legend = " \(ctx.t(.stLegend).filling(ctx.ascii ? "x" : "●", ctx.ascii ? "o" : "○", ctx.ascii ? "." : "·")) "
        if displayWidth(legend) + 4 <= area.width {
            buf.put(legend, x: area.maxX - 2 - displayWidth(legend), y: area.maxY - 1, style: .dim)
        }
        let cols = StationsPanel.registerColumns(wide: inner.width >= 110)
        visible = max(1, Table.visibleRowCount(in: inner, state: state))
        state.clamp(total: c.total, visible: visible)
        var st = state
        st.sortColumn = query.sort.flatMap { s in cols.firstIndex { $0.sort == s } }
        st.ascending = query.ascending
        let rows = registerPage(ctx)
        let rw = regionWidth
        let table = Table(columns: cols.map { column($0, ctx, regionWidth: rw) },
                          rows: rows.map { r in cols.map { cell($0, r, ctx) } }, totalRows: c.total, state: st,
                          rowRoles: rows.map { role($0, ctx) }, emptyText: ctx.t(.stEmpty), ascii: ctx.ascii)
        table.render(into: &buf, area: inner)
        if filterField != nil, let f = filterField {
            // The table draws the cursor at the end of the filter; put it on the caret.
            buf.cursor = (inner.x + 1 + min(f.caretColumn, max(0, inner.width - 2)), inner.maxY - 1)
        }
        tableArea = inner
        selectedY = c.total > 0 ? inner.y + 1 + (state.selected - state.offset) : nil
    }

    func export(_ ctx: AppContext) {
        switch view {
        case .register:
            let rows = (try? ctx.store.stationRows(query, asOf: ctx.today, settings: settings, offset: 0, limit: -1)) ?? []
            let header = [ctx.t(.stColName), ctx.t(.stColKind), ctx.t(.stColRegion), StationForm.label("regionCode", ctx.lang),
                          ctx.t(.stColHost), ctx.t(.stColAddress), ctx.t(.stColHours), ctx.t(.stColServices), ctx.t(.stColStatus),
                          ctx.t(.stColMonth), ctx.t(.stColYear), ctx.t(.stColLast)]
            ScreenExport.run(ctx, name: "stations-register", header: header, rows: rows.map { r in
                let s = r.station
                return [s.name, s.kind.rawValue, StationText.group(s.regionCode, tree: tree, scope: scope), tree.name(s.regionCode),
                        s.hostUnit ?? "", s.address ?? "", StationText.hours(s.hours), s.serviceList.map(\.rawValue).joined(separator: "、"),
                        s.status.rawValue, String(r.activity.month), String(r.activity.year), r.activity.last?.description ?? ""]
            })
        case .findings:
            let rows = (try? ctx.store.stationFindingRows(findingQuery, asOf: ctx.today, settings: settings, offset: 0, limit: -1)) ?? []
            ScreenExport.run(ctx, name: "stations-findings",
                             header: [ctx.t(.stColFinding), ctx.t(.stColName), ctx.t(.stColRegion), ctx.t(.stColDetail), ctx.t(.stColLast)],
                             rows: rows.map { f in
                                 [f.finding.label(ctx, idleDays: settings.idleDays), f.row.station.name,
                                  StationText.group(f.row.station.regionCode, tree: tree, scope: scope),
                                  StationText.detail(f.finding, f.row, ctx, basic: settings.basicServices), f.row.activity.last?.description ?? ""]
                             })
        case .summary:
            guard let s = currentSummary(ctx, wait: true) else { return }
            let header = [ctx.t(.stColRegion), ctx.t(.stTotal), ctx.t(.stMatrixRunning), ctx.t(.stOpen24h)]
                + StationService.allCases.map(\.rawValue) + [ctx.t(.stServicesMonth), ctx.t(.stServicesYear)]
            let all = s.groups.map { ($0.region.name, $0.figures) } + [(ctx.t(.stTotal), s.total)]
            ScreenExport.run(ctx, name: "stations-summary", header: header, rows: all.map { name, f in
                [name, String(f.total), String(f.running), String(f.open24h)] + StationService.allCases.map { String(f.services[$0] ?? 0) }
                    + [String(f.servicesThisMonth), String(f.servicesThisYear)]
            })
        }
    }
}
