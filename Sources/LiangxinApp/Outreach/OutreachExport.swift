import LiangxinModel
import LiangxinStore

/// `e`: the table in view to CSV, with the filter and sort on screen applied (every matching row, not only the
/// page), through `ScreenExport`.
extension OutreachPanel {
    /// Enough for any real ledger; the export is the one place a whole filtered list is read.
    static let exportLimit = 1_000_000

    func exportSummary(_ ctx: AppContext) {
        guard let d = summary else { return }
        let header = [ctx.t(.oSector), ctx.t(.oPlatforms), ctx.t(.oStations), ctx.t(.oBranchOffices), ctx.t(.oWorkers),
                      ctx.t(.oMembersFound), ctx.t(.oPocket), ctx.t(.oTransferred), ctx.t(.oMobile), ctx.t(.oBranches),
                      ctx.t(.oUnits), ctx.t(.oCoverage), ctx.t(.oViewActivities)]
        let rows = OutreachPanel.summaryRows.map { s -> [String] in
            let l = d.ledger(s)
            return [rowLabel(s, ctx), "\(l.platforms)", "\(l.stations)", "\(l.branchOffices)", "\(l.workers)", "\(l.membersFound)",
                    "\(l.pocketMembers)", "\(l.membersTransferred)", "\(l.mobileMembers)", "\(d.branches(s))",
                    "\(d.coverage(s).inScope)", d.coverage(s).orgRate.text, "\(d.activities(s).count)"]
        }
        ScreenExport.run(ctx, name: "outreach-sectors", header: header, rows: rows)
    }

    func exportLedger(_ ctx: AppContext) {
        let cols = ledgerColumns(ctx, wide: true)
        do {
            let rows = try ctx.store.ledgerPage(ledgerQuery, today: ctx.today, months: months, offset: 0, limit: OutreachPanel.exportLimit)
            ScreenExport.run(ctx, name: "outreach-ledger", header: cols.map(\.column.title), rows: rows.map { r in cols.map { $0.value(r) } })
        } catch { ctx.say("\(error)", error: true) }
    }

    func exportActivities(_ ctx: AppContext, awards: Bool) {
        let cols = awards ? awardColumns(ctx, wide: true) : activityColumns(ctx, wide: true)
        do {
            let rows = try ctx.store.activityPage(awards ? awardQuery : activityQuery, offset: 0, limit: OutreachPanel.exportLimit)
            ScreenExport.run(ctx, name: awards ? "outreach-awards" : "outreach-activities", header: cols.map(\.column.title),
                             rows: rows.map { r in cols.map { $0.value(r) } })
        } catch { ctx.say("\(error)", error: true) }
    }

    func exportDetail(_ d: PlatformDetailState, _ ctx: AppContext) {
        guard let data = d.data else { return }
        if d.focusActivities {
            let cols = detailActivityColumns(ctx, wide: true)
            do {
                let rows = try ctx.store.activityPage(ActivityQuery(platformId: d.id), offset: 0, limit: OutreachPanel.exportLimit)
                ScreenExport.run(ctx, name: "outreach-platform-\(d.id)-activities", header: cols.map(\.column.title),
                                 rows: rows.map { r in cols.map { $0.value(r) } })
            } catch { ctx.say("\(error)", error: true) }
        } else {
            let cols = historyColumns(ctx, wide: true)
            ScreenExport.run(ctx, name: "outreach-platform-\(d.id)-surveys", header: cols.map(\.column.title),
                             rows: data.surveys.map { s in cols.map { $0.value(s) } })
        }
    }
}
