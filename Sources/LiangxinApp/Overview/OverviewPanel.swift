import LiangxinModel
import LiangxinStore
import TermKit

/// 总览: the key figures of every area on one screen, bars and sparklines where people would rather look than read.
@MainActor
public final class OverviewPanel: Panel {
    public let id = PanelID.overview
    public private(set) var data: OverviewData?

    public init() {}

    /// The load as a background read: the same work whether warmed up or awaited.
    private func loadRead(_ ctx: AppContext) -> BackgroundRead<OverviewData> {
        let store = ctx.store, today = ctx.today
        return BackgroundRead(key: "overview.load") { try store.overview(today: today) }
    }

    public func warmUp(_ ctx: AppContext) { ctx.background.prefetch(loadRead(ctx)) }

    public func isReady(_ ctx: AppContext) -> Bool { ctx.background.isReady(loadRead(ctx)) }

    public func reload(_ ctx: AppContext) throws {
        data = try ctx.background.wait(loadRead(ctx))
        ctx.saveInBackground(data?.figuresToSave)
    }

    public func handle(_ key: Key, _ ctx: AppContext) -> Bool { false }

    public func help(_ ctx: AppContext) -> [KeyHelp] { [] }

    /// The category rows: all of them when there is room, the five headline groups when the screen is short.
    static let fullGroups: [CoverageGroup] = [.all, .enterprise, .acfic, .small, .social, .school, .intermediary, .courierDeliveryRide]
    static let compactGroups: [CoverageGroup] = [.all, .enterprise, .small, .social, .courierDeliveryRide]

    public func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        guard let d = data else { return }
        let roomy = area.height >= 34
        let groups = roomy ? OverviewPanel.fullGroups : OverviewPanel.compactGroups
        let parts = area.splitRows([.fixed(groups.count + 3), .ratio(1)])
        renderCoverage(d, groups: groups, into: &buf, area: parts[0], ctx)
        let stars = "\(ctx.t(.ovStars)) · \(ctx.t(.ovStarCoverage)) \(d.stars.coverage.text)"
        if roomy {
            let rows = parts[1].splitRows(ratios: [1, 1])
            let top = rows[0].splitColumns(ratios: [1, 1, 1])
            let bottom = rows[1].splitColumns(ratios: [1, 1, 1])
            block(ctx.t(.ovOrgs), orgLines(d, ctx), into: &buf, area: top[0])
            block(ctx.t(.ovStations), stationLines(d, ctx), into: &buf, area: top[1])
            block(ctx.t(.ovTraining), trainingLines(d, ctx), into: &buf, area: top[2])
            block(stars, starLines(d, ctx, room: bottom[0].height - 2), into: &buf, area: bottom[0])
            block(ctx.t(.ovOutreach), outreachLines(d, ctx), into: &buf, area: bottom[1])
            block(ctx.t(.ovFindings), findingLines(d, ctx), into: &buf, area: bottom[2])
        } else {
            // Short screens: four columns, two of them stacked, so every finding still shows at 80×24.
            let cols = parts[1].splitColumns(ratios: [1, 1, 1, 1])
            let left = cols[0].splitRows([.fixed(8), .ratio(1)])
            let mid = cols[1].splitRows([.fixed(6), .ratio(1)])
            block(ctx.t(.ovOrgs), orgLines(d, ctx), into: &buf, area: left[0])
            block(ctx.t(.ovOutreach), Array(outreachLines(d, ctx).prefix(4)), into: &buf, area: left[1])
            block(ctx.t(.ovStations), stationLines(d, ctx), into: &buf, area: mid[0])
            block(ctx.t(.ovTraining), trainingLines(d, ctx), into: &buf, area: mid[1])
            block(ctx.t(.ovStars), starLines(d, ctx, room: cols[2].height - 2) + [.pair(ctx.t(.ovStarCoverage), d.stars.coverage.text)],
                  into: &buf, area: cols[2])
            block(ctx.t(.ovFindings), findingLines(d, ctx), into: &buf, area: cols[3])
        }
    }

    private func block(_ title: String, _ lines: [InfoLine], into buf: inout Buffer, area: Rect) {
        let b = Block(title: title)
        b.render(into: &buf, area: area)
        InfoList(lines: lines).render(into: &buf, area: b.inner(area).inset(left: 1, right: 1))
    }

    private func renderCoverage(_ d: OverviewData, groups: [CoverageGroup], into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: "\(ctx.t(.ovCoverage)) · \(ctx.t(.ovScope))：\(d.settings.scope.summary)")
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        // Columns in cells: category, units, org-rate bar, change, own rate, work rate, change (dropped when narrow).
        let numW = 6, rateW = 8, chgW = 7
        let wide = inner.width >= 100
        let catW = min(groups.map { displayWidth($0.label(ctx.lang)) + ($0.depth > 0 ? 2 : 0) }.max() ?? 10, 24)
        var cols: [(String, Int, Alignment)] = [(ctx.t(.ovCategory), catW, .left), (ctx.t(.ovUnits), numW, .right),
                                                (ctx.t(.ovOrgRate), 0, .left), (ctx.t(.ovChange), chgW, .right),
                                                (ctx.t(.ovOwnRate), rateW + 2, .right), (ctx.t(.ovWorkRate), rateW + 2, .right)]
        if wide { cols.append((ctx.t(.ovChange), chgW, .right)) }
        let used = cols.reduce(0) { $0 + $1.1 } + cols.count - 1
        let barW = max(8, inner.width - used)
        cols[2].1 = barW
        var x = inner.x
        var starts: [Int] = []
        for c in cols {
            starts.append(x)
            buf.put(pad(truncate(c.0, toWidth: c.1), toWidth: c.1, align: c.2), x: x, y: inner.y, style: .header, maxWidth: max(0, inner.maxX - x))
            x += c.1 + 1
        }
        for (i, g) in groups.enumerated() {
            let y = inner.y + 1 + i
            guard y < inner.maxY else { break }
            let now = d.coverage[g] ?? CoverageCounts()
            let last = d.coverageLastYear[g] ?? CoverageCounts()
            let indent = String(repeating: "  ", count: max(0, min(g.depth, 1)))
            let rowStyle: Style = g == .all ? .title : .text
            buf.put(truncate(indent + g.label(ctx.lang), toWidth: catW), x: starts[0], y: y, style: rowStyle)
            buf.put(pad(String(now.inScope), toWidth: numW, align: .right), x: starts[1], y: y, style: .text)
            let rate = now.orgRate
            Gauge(ratio: rate.fraction, valueText: pad(rate.text, toWidth: 7, align: .right),
                  role: targetRole(rate.percent, target: d.settings.target(for: g)))
                .render(into: &buf, area: Rect(x: starts[2], y: y, width: barW, height: 1))
            let chg = rate.changeText(from: last.orgRate)
            buf.put(pad(chg, toWidth: chgW, align: .right), x: starts[3], y: y, style: Style(changeRole(chg)))
            buf.put(pad(now.ownRate.text, toWidth: rateW + 2, align: .right), x: starts[4], y: y, style: .text)
            buf.put(pad(now.workRate.text, toWidth: rateW + 2, align: .right), x: starts[5], y: y, style: .text)
            guard wide else { continue }
            let wchg = now.workRate.changeText(from: last.workRate)
            buf.put(pad(wchg, toWidth: chgW, align: .right), x: starts[6], y: y, style: Style(changeRole(wchg)), maxWidth: max(0, inner.maxX - starts[6]))
        }
    }

    private func orgLines(_ d: OverviewData, _ ctx: AppContext) -> [InfoLine] {
        [.pair(ctx.t(.ovUnitsInScope), "\(d.unitsInScope) / \(d.unitsTotal)"),
         .pair(ctx.t(.ovOrgsActive), "\(d.orgsActive)"),
         .pair(ctx.t(.ovOrgsWeak), "\(d.orgsWeak)", d.orgsWeak > 0 ? .warning : .good),
         .pair(ctx.t(.ovFullMembers), "\(d.fullMembers)"),
         .pair(ctx.t(.ovProbationary), "\(d.probationaryMembers)"),
         .pair(ctx.t(.ovInstructors), "\(d.instructors)")]
    }

    private func stationLines(_ d: OverviewData, _ ctx: AppContext) -> [InfoLine] {
        let months = Array(d.servicesByMonth.prefix(d.today.month)).map(Double.init)
        return [.pair(ctx.t(.ovStationsRunning), "\(d.stationsRunning) / \(d.stationsTotal)"),
                .pair(ctx.t(.ovServicesYear), "\(d.servicesThisYear)"),
                .spark(ctx.t(.ovByMonth), months),
                .pair(ctx.t(.fIdleStation), "\(d.findings[.idleStation] ?? 0)", (d.findings[.idleStation] ?? 0) > 0 ? .warning : .good)]
    }

    private func trainingLines(_ d: OverviewData, _ ctx: AppContext) -> [InfoLine] {
        let t = d.trainingThisYear, l = d.trainingLastYear
        let months = Array(d.personTimesByMonth.prefix(d.today.month)).map(Double.init)
        return [.pair(ctx.t(.ovSessions), "\(t.sessions)"),
                .pair(ctx.t(.ovPersonTimes), "\(t.personTimes)"),
                .pair(ctx.t(.ovHours), formatHours(t.hours)),
                .spark(ctx.t(.ovByMonth), months),
                .pair(ctx.t(.ovLastYear), "\(l.sessions) · \(l.personTimes) · \(formatHours(l.hours))", .dim)]
    }

    private func starLines(_ d: OverviewData, _ ctx: AppContext, room: Int) -> [InfoLine] {
        let rated = max(1, d.stars.counts.max() ?? 1)
        var lines: [InfoLine] = (1...5).reversed().map { s in
            .gauge(String(repeating: "★", count: s), Double(d.stars.counts[s]) / Double(rated), "\(d.stars.counts[s])", s >= 3 ? .good : .warning)
        }
        if room > 5 { lines.append(.pair(ctx.t(.ovUnrated), "\(d.stars.counts[0])", .dim)) }
        return lines
    }

    private func outreachLines(_ d: OverviewData, _ ctx: AppContext) -> [InfoLine] {
        let rate = d.coverage[.courierDeliveryRide]?.orgRate ?? Rate(0, 0)
        return [.pair(ctx.t(.ovPlatforms), "\(d.platforms)"),
                .pair(ctx.t(.ovWorkers), "\(d.workers)"),
                .pair(ctx.t(.ovMembersFound), "\(d.membersFound)"),
                .pair(ctx.t(.ovActivities), "\(d.activitiesThisYear)"),
                .gauge(ctx.t(.ovOrgRate), rate.fraction, rate.text, targetRole(rate.percent, target: d.settings.target(for: .courierDeliveryRide)))]
    }

    private func findingLines(_ d: OverviewData, _ ctx: AppContext) -> [InfoLine] {
        OverviewFinding.allCases.map { f in
            let n = d.findings[f] ?? 0
            return .pair(ctx.t(f.str), "\(n)", n > 0 ? .warning : .good)
        }
    }
}
