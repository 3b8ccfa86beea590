import LiangxinModel
import LiangxinStore
import TermKit

/// The summary view: the sector table with coverage bars, activities this year by type, a month-by-month
/// sparkline per sector, the findings, and (when there is room) this year's awards.
extension OutreachPanel {
    /// The rows of the sector table: the five sectors, then the total (nil).
    nonisolated static let summaryRows: [Sector?] = Sector.allCases.map { Optional($0) } + [nil]

    func renderSummary(_ d: OutreachSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let roomy = area.height >= 30
        let sectorHeight = OutreachPanel.summaryRows.count + 3
        let parts = area.splitRows(roomy ? [.fixed(sectorHeight), .fixed(12), .ratio(1)] : [.fixed(sectorHeight), .ratio(1)])
        renderSectorTable(d, into: &buf, area: parts[0], ctx)
        let band = parts[1].splitColumns(ratios: [1, 1])
        renderByType(d, into: &buf, area: band[0], ctx)
        let right = band[1].splitRows([.fixed(Sector.allCases.count + 2), .ratio(1)])
        renderSparklines(d, into: &buf, area: right[0], ctx)
        renderFindings(d, into: &buf, area: right[1], ctx)
        if roomy { renderAwards(d, into: &buf, area: parts[2], ctx) }
    }

    /// The sector table's cells of one row, in column order (the bar comes after them).
    func sectorCells(_ d: OutreachSummary, _ s: Sector?, wide: Bool) -> [String] {
        let l = d.ledger(s)
        var cells = [String(l.platforms), String(l.stations), String(l.workers), String(l.membersFound), String(l.pocketMembers),
                     String(l.membersTransferred), String(l.mobileMembers), String(d.branches(s))]
        if wide { cells.append(String(d.coverage(s).inScope)) }
        return cells
    }

    func sectorHeaders(_ ctx: AppContext, wide: Bool) -> [String] {
        wide ? [ctx.t(.oPlatforms), ctx.t(.oStations), ctx.t(.oWorkers), ctx.t(.oMembersFound), ctx.t(.oPocket),
                ctx.t(.oTransferred), ctx.t(.oMobile), ctx.t(.oBranches), ctx.t(.oUnits)]
            : [ctx.t(.oPlatformsShort), ctx.t(.oStationsShort), ctx.t(.oWorkersShort), ctx.t(.oMembersShort), ctx.t(.oPocketShort),
               ctx.t(.oTransferredShort), ctx.t(.oMobileShort), ctx.t(.oBranchesShort)]
    }

    func rowLabel(_ s: Sector?, _ ctx: AppContext) -> String { s?.label(ctx.lang) ?? ctx.t(.oAll) }

    private func renderSectorTable(_ d: OutreachSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let title = "\(ctx.t(.oSummaryTitle)) · \(ctx.t(.oAsOf))\(d.asOf)"
        let b = Block(title: truncate(title, toWidth: max(8, area.width - 8 - viewTabsWidth(ctx))))
        b.render(into: &buf, area: area)
        viewTabs(into: &buf, area: area, ctx)
        footer(ctx.t(.oFootSummary), into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let wide = inner.width >= 100
        let rows = OutreachPanel.summaryRows
        let headers = sectorHeaders(ctx, wide: wide)
        let cells = rows.map { sectorCells(d, $0, wide: wide) }
        let labelW = rows.map { displayWidth(rowLabel($0, ctx)) }.max() ?? 4
        let widths = headers.indices.map { i in max(displayWidth(headers[i]), cells.map { displayWidth($0[i]) }.max() ?? 0) }
        let used = labelW + widths.reduce(0, +) + widths.count + 1
        let barW = max(0, inner.width - used)
        var x = inner.x + labelW + 1
        var xs: [Int] = []
        buf.put(pad(ctx.t(.oSector), toWidth: labelW), x: inner.x, y: inner.y, style: .header)
        for (i, h) in headers.enumerated() {
            xs.append(x)
            buf.put(pad(h, toWidth: widths[i], align: .right), x: x, y: inner.y, style: .header)
            x += widths[i] + 1
        }
        buf.put(truncate(ctx.t(.oCoverage), toWidth: barW), x: x, y: inner.y, style: .header)
        let target = d.settings.target(for: .courierDeliveryRide)
        for (r, s) in rows.enumerated() {
            let y = inner.y + 1 + r
            guard y < inner.maxY else { break }
            let selected = view == .summary && r == summaryRow
            let style: Style = selected ? .selected : (s == nil ? .title : .text)
            if selected { buf.fill(Rect(x: inner.x, y: y, width: x - inner.x - 1, height: 1), style: .selected) }
            buf.put(pad(rowLabel(s, ctx), toWidth: labelW), x: inner.x, y: y, style: style)
            for (i, c) in cells[r].enumerated() {
                buf.put(pad(c, toWidth: widths[i], align: .right), x: xs[i], y: y, style: style)
            }
            let rate = d.coverage(s).orgRate
            // The seeds' 20% target is for 快递外卖网约车; trucks and streamers have none.
            let t = (s?.isCourierDeliveryRide ?? false) ? target : nil
            Gauge(ratio: rate.fraction, valueText: pad(rate.text, toWidth: 7, align: .right), role: targetRole(rate.percent, target: t))
                .render(into: &buf, area: Rect(x: x, y: y, width: barW, height: 1))
        }
        clickable.append((Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: rows.count), 0, .summary))
    }

    private func renderByType(_ d: OutreachSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: "\(ctx.t(.oByType)) \(d.year)")
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let wide = inner.width >= 50
        let headers = wide ? [ctx.t(.oCount), ctx.t(.oParticipants), ctx.t(.oServed), ctx.t(.oItems), ctx.t(.oVolunteer)]
            : [ctx.t(.oCount), ctx.t(.oParticipantsShort), ctx.t(.oServedShort), ctx.t(.oItemsShort), ctx.t(.oVolunteerShort)]
        func cells(_ t: ActivityTotals) -> [String] {
            [String(t.count), String(t.participants), String(t.peopleServed), String(t.items), String(t.volunteerTimes)]
        }
        let rows: [(label: String, cells: [String], style: Style)] = ActivityType.allCases.map {
            (label: $0.label(ctx.lang), cells: cells(d.byType[$0] ?? ActivityTotals()), style: Style.text)
        } + [(label: ctx.t(.oAll), cells: cells(d.activitiesAll), style: Style.title)]
        NumberGrid(corner: ctx.t(.oType), headers: headers, rows: rows).render(into: &buf, area: inner)
    }

    private func renderSparklines(_ d: OutreachSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: "\(ctx.t(.oByMonth)) \(d.year)")
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        // The months so far, on one scale for every sector so the lines compare.
        let shown = d.year == d.today.year ? d.today.month : 12
        let top = Double(Sector.allCases.flatMap { d.months($0).prefix(shown) }.max() ?? 0)
        let labelW = Sector.allCases.map { displayWidth($0.label(ctx.lang)) }.max() ?? 8
        let countW = Sector.allCases.map { displayWidth(String(d.activities($0).count)) }.max() ?? 1
        for (i, s) in Sector.allCases.enumerated() {
            let y = inner.y + i
            guard y < inner.maxY else { break }
            buf.put(pad(s.label(ctx.lang), toWidth: labelW), x: inner.x, y: y, style: .dim)
            let values = d.months(s).prefix(shown).map(Double.init)
            let room = max(0, inner.width - labelW - countW - 2)
            Sparkline(values: values, minValue: 0, maxValue: max(top, 1)).render(into: &buf, area: Rect(x: inner.x + labelW + 1, y: y, width: min(room, values.count), height: 1))
            buf.put(pad(String(d.activities(s).count), toWidth: countW, align: .right), x: inner.maxX - countW, y: y, style: .text)
        }
    }

    private func renderFindings(_ d: OutreachSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: ctx.t(.oFindings))
        b.render(into: &buf, area: area)
        let lines: [InfoLine] = OutreachFinding.allCases.map { f in
            let n = d.findings[f] ?? 0
            return .pair(f.title(ctx.lang, months: d.staleMonths), "\(n)", n > 0 ? .warning : .good)
        }
        InfoList(lines: lines).render(into: &buf, area: b.inner(area).inset(left: 1, right: 1))
    }

    private func renderAwards(_ d: OutreachSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: "\(ctx.t(.oAwardsYear)) \(d.year) · \(ctx.t(.oTotalRows).filled(["n": "\(d.awards.count)"]))")
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let cols = awardColumns(ctx, wide: inner.width >= 100)
        let visible = Table.visibleRowCount(in: inner, state: TableState())
        let rows = d.awards.prefix(visible).map { a in cols.map { $0.value(ActivityRow(activity: a, platformName: nil, regionName: nil)) } }
        Table(columns: cols.map(\.column), rows: Array(rows), totalRows: d.awards.count, state: TableState(), showSelection: false)
            .render(into: &buf, area: inner)
    }

    /// ` text ` on the bottom border, flush right, for the view's main keys.
    func footer(_ text: String, into buf: inout Buffer, area: Rect) {
        let room = area.width - 4
        guard !text.isEmpty, room >= 6, area.height >= 2 else { return }
        let label = " " + truncate(text, toWidth: room - 2) + " "
        buf.put(label, x: area.maxX - 2 - displayWidth(label), y: area.maxY - 1, style: .dim)
    }
}

/// A header and rows of a label column followed by right-aligned numbers: each number column is as wide as its
/// widest cell, the label column as its widest label.
struct NumberGrid {
    var corner: String
    var headers: [String]
    var rows: [(label: String, cells: [String], style: Style)]

    func render(into buf: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let labelW = min(area.width / 2, max(displayWidth(corner), rows.map { displayWidth($0.label) }.max() ?? 0))
        let widths = headers.indices.map { i in max(displayWidth(headers[i]), rows.map { displayWidth($0.cells[i]) }.max() ?? 0) }
        func line(_ label: String, _ cells: [String], _ style: Style, _ y: Int) {
            buf.put(pad(label, toWidth: labelW), x: area.x, y: y, style: style)
            var x = area.maxX
            // Numbers are placed from the right edge, so a narrow area drops the label's slack first.
            for (i, c) in cells.enumerated().reversed() {
                x -= widths[i]
                guard x > area.x + labelW else { break }
                buf.put(pad(c, toWidth: widths[i], align: .right), x: x, y: y, style: style)
                x -= 1
            }
        }
        line(corner, headers, .header, area.y)
        for (i, r) in rows.enumerated() where area.y + 1 + i < area.maxY {
            line(r.label, r.cells, r.style, area.y + 1 + i)
        }
    }
}
