import LiangxinModel
import LiangxinStore
import TermKit

/// Drawing the coverage panel: a frame titled with the view and the region, the scope rule on the first line, the
/// view in the middle, the findings one key away on the last line; forms and questions on top.
extension CoveragePanel {
    func viewName(_ v: View, _ ctx: AppContext) -> String {
        switch v {
        case .regions: return ctx.t(.cvRegions)
        case .categories: return ctx.t(.cvCategories)
        case .units: return ctx.t(.cvUnits)
        case .forms: return ctx.t(.cvForms)
        }
    }

    func title(_ ctx: AppContext) -> String {
        if let d = detail { return "\(ctx.t(.cvDetail)) · \(d.regionPath)" }
        switch view {
        case .units:
            var parts = [viewName(.units, ctx), path(list.query.region ?? region)]
            if let g = list.query.group { parts.append(g.label(ctx.lang)) }
            if let f = list.query.finding {
                var s = ctx.t(f.str)
                if f.countsOrgs, let n = findingOrgs[f], list.query.region == region { s += " · \(n)\(ctx.t(.cvFindingOrgs))" }
                parts.append(s)
            }
            parts.append(list.waiting ? ctx.t(.listSearching) : "\(list.total)\(ctx.t(.cvUnitsCount))")
            return parts.joined(separator: " · ")
        default:
            return "\(viewName(view, ctx)) · \(path(region))"
        }
    }

    func scopeLine(_ ctx: AppContext) -> String {
        let targets = ScopeForm.targetGroups.compactMap { g in
            settings.targets[g.rawValue].map { "\(g.label(ctx.lang))\(ScopeForm.formatTarget($0))%" }
        }
        return "\(ctx.t(.cvScope))（\(ctx.t(.cvChangeScope))）：\(settings.scope.summary) · \(ctx.t(.cvTargets))：\(targets.joined(separator: " "))"
    }

    public func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let inner = Block().inner(area)
        if view == .units && detail == nil {
            // The title counts the list's rows: read the page first.
            list.visible = max(1, Table.visibleRowCount(in: Rect(x: 0, y: 0, width: inner.width, height: max(0, inner.height - 2)), state: list.state))
            list.refresh(ctx, scope: settings.scope)
        }
        Block(title: title(ctx)).render(into: &buf, area: area)
        guard inner.height >= 4 else { return }
        buf.put(truncate(scopeLine(ctx), toWidth: inner.width), x: inner.x, y: inner.y, style: .dim)
        renderStrip(into: &buf, area: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), ctx)
        let content = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2)
        tableArea = content
        if let d = detail {
            UnitDetailView.render(d, historyOffset: historyOffset, into: &buf, area: content, ctx)
        } else {
            switch view {
            case .regions:
                // A tall screen shows, under the regions, the categories of the selected region.
                let need = regionGrid.rows.count + 1
                if content.height - need - 2 >= 14, regionGrid.rows.indices.contains(regionGrid.state.selected) {
                    let parts = content.splitRows([.fixed(need), .fixed(1), .fixed(1), .ratio(1)])
                    tableArea = parts[0]
                    regionGrid.state.clamp(total: regionGrid.rows.count, visible: CoverageGrid.visibleRows(parts[0]))
                    regionGrid.render(into: &buf, area: parts[0], ctx)
                    let sel = regionGrid.rows[regionGrid.state.selected]
                    buf.put(truncate("\(ctx.t(.cvCategories)) · \(path(sel.code))", toWidth: parts[2].width), x: parts[2].x, y: parts[2].y, style: .title)
                    let companion = CoverageGrid(rows: categoryRows(ctx, of: sel.code), state: TableState(selected: -1),
                                                 labelTitle: ctx.t(.cvColCategory))
                    companion.render(into: &buf, area: parts[3], ctx)
                } else {
                    regionGrid.state.clamp(total: regionGrid.rows.count, visible: CoverageGrid.visibleRows(content))
                    regionGrid.render(into: &buf, area: content, ctx)
                }
            case .categories:
                categoryGrid.state.clamp(total: categoryGrid.rows.count, visible: CoverageGrid.visibleRows(content))
                categoryGrid.render(into: &buf, area: content, ctx)
            case .units:
                list.visible = max(1, Table.visibleRowCount(in: content, state: list.state))
                list.refresh(ctx, scope: settings.scope)
                list.table(ctx, wide: content.width >= 100).render(into: &buf, area: content)
            case .forms:
                refreshStats(ctx)
                if statsWaiting {
                    buf.put(ctx.t(.cvStatsComputing), x: content.x + 1, y: content.y, style: .dim, maxWidth: content.width - 1)
                    break
                }
                guard statsTables.indices.contains(statsIndex) else { break }
                let t = statsTables[statsIndex]
                statsState.clamp(total: t.rows.count, visible: StatisticsFormsView.visibleRows(content))
                tableArea = Rect(x: content.x, y: content.y + 1, width: content.width, height: content.height - 1)
                StatisticsFormsView.render(t, index: statsIndex, count: statsTables.count, state: statsState, into: &buf, area: content, ctx)
            }
        }
        if let f = form {
            f.render(into: &buf, area: area)
        } else if let d = dialog {
            d.dialog.render(into: &buf, area: area)
        }
    }

    /// "w 应建未建 27  b 无组织无指导员 334 …" with the active finding highlighted, and the main keys at the right;
    /// without the spaces when the screen is narrow, so all five always show.
    func renderStrip(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let active = view == .units && detail == nil ? list.query.finding : nil
        func item(_ f: UnitFinding, compact: Bool) -> String {
            let n = (f.countsOrgs ? findingOrgs[f] : findingUnits[f]) ?? 0
            return compact ? "\(f.key)\(ctx.t(f.shortStr))\(n)" : "\(f.key) \(ctx.t(f.shortStr)) \(n)"
        }
        let full = UnitFinding.allCases.map { displayWidth(item($0, compact: false)) + 2 }.reduce(0, +)
        let compact = full > area.width
        var x = area.x
        for f in UnitFinding.allCases {
            let n = (f.countsOrgs ? findingOrgs[f] : findingUnits[f]) ?? 0
            let text = item(f, compact: compact)
            let w = displayWidth(text)
            guard x + w <= area.maxX else { break }
            let style: Style = f == active ? .selected : (n > 0 ? .warning : .dim)
            buf.put(text, x: x, y: area.y, style: style)
            x += w + (compact ? 1 : 2)
        }
        let hint = ctx.t(.cvKeyHints)
        let hw = displayWidth(hint)
        if x + hw <= area.maxX { buf.put(hint, x: area.maxX - hw, y: area.y, style: .dim) }
    }
}
