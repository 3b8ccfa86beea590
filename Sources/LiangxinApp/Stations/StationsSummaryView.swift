import LiangxinModel
import LiangxinStore
import TermKit

/// The summary: the service matrix by region on top (gaps in red), then stations by region and kind,
/// services by month, the 24-hour share, the findings and the regions with no running station.
extension StationsPanel {
    func renderSummary(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        guard let s = currentSummary(ctx) else {
            if summaryWaiting { buf.put(ctx.t(.computing), x: area.x + 1, y: area.y, style: .dim, maxWidth: area.width - 1) }
            return
        }
        let roomy = area.height >= 30
        let matrixRows = s.groups.count + 2 + 2
        let parts = area.splitRows([.fixed(min(matrixRows, area.height / 2 + 1)), .ratio(1)])
        renderMatrix(s, into: &buf, area: parts[0], ctx)
        let cols = parts[1].splitColumns(ratios: [1, 1, 1])
        let kindNames = cols[0].width >= 34

        let regionBars = s.groups.map { g in
            BarChart.Bar(label: g.region.name, value: Double(g.figures.running), valueText: "\(g.figures.running)/\(g.figures.total)",
                         role: g.figures.running == 0 ? .bad : .bar)
        }
        let kindBars = StationKind.allCases.map { k in
            BarChart.Bar(label: kindNames ? k.rawValue : ctx.t(k.short), value: Double(s.total.runningByKind[k] ?? 0),
                         valueText: "\(s.total.runningByKind[k] ?? 0)/\(s.total.byKind[k] ?? 0)")
        }
        let share = s.total.open24hShare
        let gauge = InfoLine.gauge(ctx.t(.stOpen24h), share.fraction, "\(s.total.open24h)/\(s.total.running) \(share.text)", .bar)
        let findingLines = StationFinding.allCases.map { f -> InfoLine in
            let n = s.total.findings[f] ?? 0
            return .pair(f.label(ctx, idleDays: settings.idleDays), "\(n)", n > 0 ? .warning : .good)
        }
        let gaps = s.regionsWithoutRunning.map(\.name)
        let gapLine = InfoLine.text(gaps.isEmpty ? ctx.t(.stNone) : gaps.joined(separator: "、"), gaps.isEmpty ? .good : .bad)
        let totals = InfoLine.pair(ctx.t(.stTotal), "\(s.total.total) · \(StationStatus.running.rawValue)\(s.total.running) · "
                                   + "\(StationStatus.paused.rawValue)\(s.total.paused) · \(StationStatus.closed.rawValue)\(s.total.closed)")
        let monthLine = InfoLine.pair(ctx.t(.stServicesMonth), "\(s.total.servicesThisMonth)")
        let yearLine = InfoLine.pair("\(ctx.t(.stServicesYear)) \(s.asOf.year)", "\(s.total.servicesThisYear)")

        if roomy {
            let left = cols[0].splitRows([.fixed(s.groups.count + 2), .fixed(StationKind.allCases.count + 2), .ratio(1)])
            bars(ctx.t(.stByRegion), regionBars, into: &buf, area: left[0])
            bars(ctx.t(.stByKind), kindBars, into: &buf, area: left[1])
            let mb = Block(title: "\(ctx.t(.stByMonth)) \(s.asOf.year)")
            mb.render(into: &buf, area: cols[1])
            let mi = mb.inner(cols[1]).inset(left: 1, right: 1)
            let months = (0..<12).map { i -> BarChart.Bar in
                let label = ctx.lang == .en ? monthNames[i] : "\(i + 1)\(ctx.t(.stMonthSuffix))"
                let future = i + 1 > s.asOf.month
                return BarChart.Bar(label: label, value: Double(s.byMonth[i]), valueText: future ? "—" : "\(s.byMonth[i])",
                                    role: i + 1 == s.asOf.month ? .barAlt : .bar)
            }
            BarChart(bars: months, labelWidth: ctx.lang == .en ? 3 : 4, ascii: ctx.ascii).render(into: &buf, area: Rect(x: mi.x, y: mi.y, width: mi.width, height: min(12, mi.height)))
            InfoList(lines: [monthLine, yearLine]).render(into: &buf, area: Rect(x: mi.x, y: mi.y + 13, width: mi.width, height: max(0, mi.height - 13)))
            let right = cols[2]
            let rb = Block(title: ctx.t(.stFindingsBlock))
            rb.render(into: &buf, area: right)
            let lines: [InfoLine] = [totals, gauge, .text("", .text)] + findingLines
                + [.text("", .text), .text(ctx.t(.stNoRunning) + "：", .dim), gapLine]
            InfoList(lines: lines).render(into: &buf, area: rb.inner(right).inset(left: 1, right: 1))
        } else {
            bars(ctx.t(.stByRegion), regionBars, into: &buf, area: cols[0])
            let kb = Block(title: ctx.t(.stByKind))
            kb.render(into: &buf, area: cols[1])
            let ki = kb.inner(cols[1]).inset(left: 1, right: 1)
            BarChart(bars: kindBars, ascii: ctx.ascii).render(into: &buf, area: Rect(x: ki.x, y: ki.y, width: ki.width, height: min(kindBars.count, ki.height)))
            let upTo = Array(s.byMonth.prefix(s.asOf.month)).map(Double.init)
            InfoList(lines: [.spark(ctx.t(.ovByMonth), upTo), monthLine, yearLine])
                .render(into: &buf, area: Rect(x: ki.x, y: ki.y + kindBars.count, width: ki.width, height: max(0, ki.height - kindBars.count)))
            let rb = Block(title: ctx.t(.stFindingsBlock))
            rb.render(into: &buf, area: cols[2])
            let shareLine = InfoLine.pair(ctx.t(.stOpen24h), "\(s.total.open24h)/\(s.total.running) \(share.text)")
            InfoList(lines: [shareLine] + findingLines + [.text(ctx.t(.stNoRunning) + "：", .dim), gapLine])
                .render(into: &buf, area: rb.inner(cols[2]).inset(left: 1, right: 1))
        }
    }

    private var monthNames: [String] { ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] }

    private func bars(_ title: String, _ bars: [BarChart.Bar], into buf: inout Buffer, area: Rect) {
        let b = Block(title: title)
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        BarChart(bars: bars, ascii: BorderSet.preferred.isASCII).render(into: &buf, area: inner)
    }

    /// Rows: the regions and a total; columns: running stations, then one per service. A 0 where stations run
    /// is a gap ("no station offers 热饭 in 某区") and shows in red; a region with none running shows dashes.
    private func renderMatrix(_ s: StationSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: ctx.t(.stMatrixTitle))
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        guard inner.height > 0 else { return }
        let services = StationService.allCases
        let labelW = max(displayWidth(ctx.t(.stTotal)), min(10, s.groups.map { displayWidth($0.region.name) }.max() ?? 4))
        let runW = max(4, displayWidth(ctx.t(.stMatrixRunning)))
        let cellW = inner.width >= labelW + runW + 2 + services.count * 6 + 16 ? 5 : 4
        let extra = inner.width >= labelW + runW + 2 + services.count * (cellW + 1) + 16
        var x = inner.x
        func put(_ t: String, _ w: Int, _ y: Int, _ style: Style, align: Alignment = .right) {
            if x + w <= inner.maxX { buf.put(pad(truncate(t, toWidth: w), toWidth: w, align: align), x: x, y: y, style: style) }
            x += w + 1
        }
        put(ctx.t(.stColRegion), labelW, inner.y, .header, align: .left)
        put(ctx.t(.stMatrixRunning), runW, inner.y, .header)
        for v in services { put(ctx.t(v.short), cellW, inner.y, .header) }
        if extra {
            put(ctx.t(.stColMonth), 6, inner.y, .header)
            put(ctx.t(.stColYear), 7, inner.y, .header)
        }
        let rows = s.groups.map { ($0.region.name, $0.figures, false) } + [(ctx.t(.stTotal), s.total, true)]
        for (i, row) in rows.enumerated() {
            // The total row always shows, on the last line when the regions do not all fit.
            let y = row.2 ? min(inner.y + 1 + i, inner.maxY - 1) : inner.y + 1 + i
            guard y < inner.maxY, row.2 || y < inner.maxY - 1 else { continue }
            let f = row.1
            let base: Style = row.2 ? .title : .text
            x = inner.x
            put(row.0, labelW, y, base, align: .left)
            put("\(f.running)", runW, y, f.running == 0 ? .bad : base)
            for v in services {
                if f.running == 0 { put("—", cellW, y, .dim); continue }
                let n = f.services[v] ?? 0
                put("\(n)", cellW, y, n == 0 ? .bad : base)
            }
            if extra {
                put("\(f.servicesThisMonth)", 6, y, base)
                put("\(f.servicesThisYear)", 7, y, base)
            }
        }
    }
}
