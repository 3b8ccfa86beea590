import LiangxinModel
import LiangxinStore
import TermKit

/// The header every training view shares: the views as tabs, the chosen year, its totals against last year and
/// the secretary coverage.
@MainActor
enum TrainingHeader {
    static func render(panel p: TrainingPanel, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        Block().render(into: &buf, area: area)
        guard area.width > 10 else { return }
        // Title: the views (the active one highlighted), then the year.
        var x = area.x + 2
        let views: [(TrainingPanel.View, Str)] = [(.summary, .trViewSummary), (.ledger, .trViewLedger), (.secretaries, .trViewSecretaries)]
        for (i, (v, s)) in views.enumerated() {
            if i > 0 { x += buf.put("·", x: x, y: area.y, style: .border) }
            x += buf.put(" \(ctx.t(s)) ", x: x, y: area.y, style: v == p.view ? .tabActive : .dim)
        }
        var yearText = " \(TrainingFormat.year(p.year, ctx.lang))"
        if let period = p.data?.period, period.upperBound < Day.endOf(year: p.year) {
            yearText += ctx.lang == .en ? " (to \(period.upperBound)) " : "（\(ctx.t(.trThrough))\(period.upperBound)） "
        } else { yearText += " " }
        x += 1
        x += buf.put(yearText, x: x, y: area.y, style: .title, maxWidth: max(0, area.maxX - 2 - x))
        let inner = area.inset(1).inset(left: 1, right: 1)
        let halves = inner.splitColumns([.ratio(1), .fixed(2), .ratio(1)])
        if let c = p.coverage {
            let label = " \(ctx.t(.trSecretaryCoverage)) · \(ctx.t(.trOfActiveOrgs)) \(c.active) "
            let lx = halves[2].x
            if lx > x + 1, lx + displayWidth(label) <= area.maxX - 2 {
                buf.put(label, x: lx, y: area.y, style: .title)
            }
            renderCoverage(c, into: &buf, area: halves[2], ctx)
        }
        if let d = p.data { renderTotals(d, into: &buf, area: halves[0], ctx) }
    }

    static func renderTotals(_ d: TrainingYearData, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let labels = [ctx.t(.trSessions), ctx.t(.trPersonTimes), ctx.t(.trHours)]
        let lw = labels.map(displayWidth).max() ?? 4
        let nw = max(6, min(10, (area.width - lw) / 3 - 1))
        func row(_ y: Int, _ cells: [String], _ styles: [Style]) {
            guard y < area.maxY else { return }
            var x = area.x
            for (i, c) in cells.enumerated() {
                let w = i == 0 ? lw : nw
                guard x + w <= area.maxX else { break }
                buf.put(pad(c, toWidth: w, align: i == 0 ? .left : .right), x: x, y: y, style: styles[i])
                x += w + 1
            }
        }
        let now = d.now.total, last = d.lastYear.total
        row(area.y, ["", TrainingFormat.year(d.year, ctx.lang), TrainingFormat.year(d.year - 1, ctx.lang), ctx.t(.trChange)],
            [.header, .header, .header, .header])
        let values: [(String, String, String)] = [
            ("\(now.sessions)", "\(last.sessions)", TrainingFormat.change(now.sessions, last.sessions)),
            ("\(now.personTimes)", "\(last.personTimes)", TrainingFormat.change(now.personTimes, last.personTimes)),
            (formatHours(now.hours), formatHours(last.hours), TrainingFormat.change(now.hours, last.hours)),
        ]
        for (i, v) in values.enumerated() {
            row(area.y + 1 + i, [labels[i], v.0, v.1, v.2], [.dim, .title, .text, Style(changeRole(v.2))])
        }
    }

    static func renderCoverage(_ c: SecretaryFigures, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        func gauge(_ s: Str, _ n: Int, _ r: Rate) -> InfoLine {
            .gauge(ctx.t(s), r.fraction, "\(n) \(pad(r.text, toWidth: 7, align: .right))", n == c.active ? .good : .warning)
        }
        let overdue = c.count(.newUntrained)
        InfoList(lines: [gauge(.trConcentrated, c.concentrated, c.concentratedRate),
                         gauge(.trReachedHours, c.reachedHours, c.hoursRate),
                         gauge(.trRotation, c.rotation, c.rotationRate),
                         .pair(ctx.t(.trNewUntrained), "\(overdue)", overdue > 0 ? .warning : .good)])
            .render(into: &buf, area: area)
    }
}

/// 概况: the year by month (bars of 人次), by type and by mode; on a tall screen also the first rows of a secretary list.
@MainActor
enum TrainingSummaryView {
    static func render(panel p: TrainingPanel, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        guard let d = p.data else { return }
        let roomy = area.height >= 30
        let rows = roomy ? area.splitRows([.fixed(15), .ratio(1)]) : [area]
        let cols = rows[0].splitColumns(ratios: [1, 1])
        let mb = Block(title: "\(ctx.t(.trByMonth)) · \(ctx.t(.trPersonTimes))")
        mb.render(into: &buf, area: cols[0])
        renderMonths(d, into: &buf, area: mb.inner(cols[0]).inset(left: 1, right: 1), ctx)
        let tb = Block(title: ctx.t(.trByTypeMode))
        tb.render(into: &buf, area: cols[1])
        renderTypes(d, into: &buf, area: tb.inner(cols[1]).inset(left: 1, right: 1), ctx)
        if roomy { p.lists.renderPreview(into: &buf, area: rows[1], ctx) }
    }

    static func renderMonths(_ d: TrainingYearData, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        guard area.height > 0 else { return }
        let withLast = area.width >= 50
        let mw = max(4, displayWidth(ctx.t(.trMonth))), sw = max(4, displayWidth(ctx.t(.trSessions)))
        let pw = 6, hw = 7, lw = 8
        let right = pw + 1 + hw + (withLast ? 1 + lw : 0)
        let barX = area.x + mw + 1 + sw + 1
        let barW = max(0, area.maxX - right - 1 - barX)
        buf.put(pad(ctx.t(.trMonth), toWidth: mw) + " " + pad(ctx.t(.trSessions), toWidth: sw, align: .right), x: area.x, y: area.y, style: .header)
        var head = pad(ctx.t(.trPersonTimes), toWidth: pw, align: .right) + " " + pad(ctx.t(.trHours), toWidth: hw, align: .right)
        if withLast { head += " " + pad(ctx.t(.trLastYearPT), toWidth: lw, align: .right) }
        buf.put(head, x: area.maxX - right, y: area.y, style: .header)
        let top = Double(d.now.byMonth.map(\.personTimes).max() ?? 0)
        var bars: [BarChart.Bar] = []
        for m in 1...12 {
            let y = area.y + m
            guard y < area.maxY else { break }
            let t = d.now.byMonth[m - 1]
            let future = d.period.map { m > $0.upperBound.month && d.year == $0.upperBound.year } ?? true
            let style: Style = future ? .dim : .text
            buf.put(pad("\(m)\(ctx.t(.trMonthSuffix))", toWidth: mw, align: .right) + " " + pad("\(t.sessions)", toWidth: sw, align: .right),
                    x: area.x, y: y, style: style)
            var v = pad("\(t.personTimes)", toWidth: pw, align: .right) + " " + pad(formatHours(t.hours), toWidth: hw, align: .right)
            if withLast { v += " " + pad("\(d.lastYear.byMonth[m - 1].personTimes)", toWidth: lw, align: .right) }
            buf.put(v, x: area.maxX - right, y: y, style: style)
            bars.append(BarChart.Bar(label: "", value: Double(t.personTimes), valueText: ""))
        }
        if barW > 0 {
            BarChart(bars: bars, maxValue: top > 0 ? top : 1, labelWidth: 0).render(into: &buf, area: Rect(x: barX, y: area.y + 1, width: barW, height: min(12, area.height - 1)))
        }
    }

    static func renderTypes(_ d: TrainingYearData, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        guard area.height > 0 else { return }
        let wide = area.width >= 50
        let labels = TrainingType.allCases.map { $0.label(ctx.lang) } + TrainingMode.allCases.map { $0.label(ctx.lang) }
        let lw = min(labels.map(displayWidth).max() ?? 8, area.width / 2)
        let sw = max(4, displayWidth(ctx.t(.trSessions))), pw = 6, hw = 7, cw = 7
        let right = sw + 1 + pw + 1 + hw + (wide ? 1 + cw : 0)
        let barX = area.x + lw + 1
        let barW = wide ? max(0, area.maxX - right - 1 - barX) : 0
        func numbers(_ t: TrainingTotals, _ last: TrainingTotals) -> String {
            var s = pad("\(t.sessions)", toWidth: sw, align: .right) + " " + pad("\(t.personTimes)", toWidth: pw, align: .right)
                + " " + pad(formatHours(t.hours), toWidth: hw, align: .right)
            if wide { s += " " + pad(TrainingFormat.change(t.personTimes, last.personTimes), toWidth: cw, align: .right) }
            return s
        }
        func header(_ title: String, _ y: Int) {
            var h = pad(ctx.t(.trSessions), toWidth: sw, align: .right) + " " + pad(ctx.t(.trPersonTimes), toWidth: pw, align: .right)
                + " " + pad(ctx.t(.trHours), toWidth: hw, align: .right)
            if wide { h += " " + pad(ctx.t(.trChange), toWidth: cw, align: .right) }
            buf.put(pad(title, toWidth: lw), x: area.x, y: y, style: .header)
            buf.put(h, x: area.maxX - right, y: y, style: .header)
        }
        var y = area.y
        var bars: [(Int, Double, Int)] = []   // row, 人次, group (types 0, modes 1: each scaled to its own largest)
        header(ctx.t(.trType), y)
        for t in TrainingType.allCases {
            y += 1
            guard y < area.maxY else { return }
            let v = d.now.type(t)
            buf.put(truncate(t.label(ctx.lang), toWidth: lw), x: area.x, y: y, style: v.sessions > 0 ? .text : .dim)
            buf.put(numbers(v, d.lastYear.type(t)), x: area.maxX - right, y: y, style: v.sessions > 0 ? .text : .dim)
            bars.append((y, Double(v.personTimes), 0))
        }
        y += 1
        guard y < area.maxY else { return }
        header(ctx.t(.trMode), y)
        for m in TrainingMode.allCases {
            y += 1
            guard y < area.maxY else { break }
            let v = d.now.mode(m)
            buf.put(truncate(m.label(ctx.lang), toWidth: lw), x: area.x, y: y, style: v.sessions > 0 ? .text : .dim)
            buf.put(numbers(v, d.lastYear.mode(m)), x: area.maxX - right, y: y, style: v.sessions > 0 ? .text : .dim)
            bars.append((y, Double(v.personTimes), 1))
        }
        guard barW > 2 else { return }
        for (by, v, g) in bars {
            let top = max(1, bars.filter { $0.2 == g }.map(\.1).max() ?? 1)
            BarChart(bars: [BarChart.Bar(label: "", value: v, valueText: "", role: g == 0 ? .bar : .barAlt)], maxValue: top, labelWidth: 0)
                .render(into: &buf, area: Rect(x: barX, y: by, width: barW, height: 1))
        }
    }
}
