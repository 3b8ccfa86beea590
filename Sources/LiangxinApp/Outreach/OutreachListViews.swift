import LiangxinModel
import LiangxinStore
import TermKit

/// The three lists (survey ledger, activities, awards): their columns at two widths, titles and drawing.
/// Each list asks the store for the rows on screen only (see `OutreachPanel.load`).
extension OutreachPanel {
    static func num(_ n: Int?) -> String { n.map(String.init) ?? "" }
    /// Activity counts: a blank reads better than a column of zeros for figures that do not apply.
    static func count(_ n: Int) -> String { n == 0 ? "" : String(n) }

    func branchText(_ org: PartyOrg?, _ ctx: AppContext) -> String {
        guard let o = org else { return "" }
        return o.status.isActive ? o.name : "\(o.name)（\(ctx.t(.oRevoked))）"
    }

    func ledgerColumns(_ ctx: AppContext, wide: Bool) -> [ListColumn<LedgerRow>] {
        let lang = ctx.lang
        typealias C = ListColumn<LedgerRow>
        let name = C(.flex(ctx.t(.oPlatform), min: wide ? 14 : 12, weight: 3), sort: LedgerSort.name.rawValue) { $0.platform.name }
        let sector = C(.fixed(ctx.t(.oSector), 8), sort: LedgerSort.sector.rawValue) { $0.platform.sector.label(lang) }
        let stations = C(.fixed(ctx.t(.oStationsShort), 4, align: .right), sort: LedgerSort.stations.rawValue) { OutreachPanel.num($0.latest?.stations) }
        let workers = C(.fixed(ctx.t(.oWorkersShort), 5, align: .right), sort: LedgerSort.workers.rawValue) { OutreachPanel.num($0.latest?.workers) }
        let found = C(.fixed(ctx.t(.oMembersShort), 4, align: .right), sort: LedgerSort.membersFound.rawValue) { OutreachPanel.num($0.latest?.membersFound) }
        let transferred = C(.fixed(ctx.t(.oTransferredShort), 4, align: .right), sort: LedgerSort.transferred.rawValue) {
            OutreachPanel.num($0.latest?.membersTransferred)
        }
        let branch = C(.flex(ctx.t(.oBranch), min: wide ? 10 : 8, weight: 2), sort: LedgerSort.branch.rawValue) { [unowned self] in
            self.branchText($0.branch, ctx)
        }
        let last = C(.fixed(ctx.t(.oLastSurvey), 10), sort: LedgerSort.lastSurvey.rawValue) { r in
            r.latest.map { "\($0.surveyDate)" } ?? ctx.t(.oNever)
        }
        guard wide else { return [name, sector, stations, workers, found, transferred, branch, last] }
        let region = C(.fixed(ctx.t(.oRegion), 6), sort: LedgerSort.region.rawValue) { $0.regionName }
        let offices = C(.fixed(ctx.t(.oBranchOfficesShort), 4, align: .right)) { OutreachPanel.num($0.latest?.branchOffices) }
        let pocket = C(.fixed(ctx.t(.oPocketShort), 4, align: .right), sort: LedgerSort.pocketMembers.rawValue) { OutreachPanel.num($0.latest?.pocketMembers) }
        let mobile = C(.fixed(ctx.t(.oMobileShort), 4, align: .right), sort: LedgerSort.mobileMembers.rawValue) { OutreachPanel.num($0.latest?.mobileMembers) }
        let markers = C(.fixed(ctx.t(.oFindingCol), 18)) { findingMarkers($0, lang) }
        return [name, sector, region, stations, offices, workers, found, pocket, transferred, mobile, branch, last, markers]
    }

    func activityColumns(_ ctx: AppContext, wide: Bool) -> [ListColumn<ActivityRow>] {
        let lang = ctx.lang
        typealias C = ListColumn<ActivityRow>
        let n = wide ? 5 : 4
        var cols = [
            C(.fixed(ctx.t(.oDate), 10), sort: ActivitySort.date.rawValue) { "\($0.activity.date)" },
            C(.fixed(ctx.t(.oSector), 8), sort: ActivitySort.sector.rawValue) { $0.activity.sector.label(lang) },
            C(.fixed(ctx.t(.oType), 8), sort: ActivitySort.type.rawValue) { $0.activity.type.label(lang) },
            C(.flex(ctx.t(.oTitle), min: wide ? 16 : 10, weight: 3), sort: ActivitySort.title.rawValue) { $0.activity.title },
        ]
        if wide { cols.append(C(.flex(ctx.t(.oOrganizer), min: 10, weight: 2), sort: ActivitySort.organizer.rawValue) { $0.activity.organizer ?? "" }) }
        cols += [
            C(.fixed(ctx.t(.oParticipantsShort), n, align: .right), sort: ActivitySort.participants.rawValue) { OutreachPanel.count($0.activity.participants) },
            C(.fixed(ctx.t(.oServedShort), n, align: .right), sort: ActivitySort.peopleServed.rawValue) { OutreachPanel.count($0.activity.peopleServed) },
            C(.fixed(ctx.t(.oItemsShort), n, align: .right), sort: ActivitySort.items.rawValue) { OutreachPanel.count($0.activity.items) },
            C(.fixed(ctx.t(.oVolunteerShort), n, align: .right), sort: ActivitySort.volunteerTimes.rawValue) { OutreachPanel.count($0.activity.volunteerTimes) },
        ]
        return cols
    }

    func awardColumns(_ ctx: AppContext, wide: Bool) -> [ListColumn<ActivityRow>] {
        let lang = ctx.lang
        typealias C = ListColumn<ActivityRow>
        var cols = [
            C(.fixed(ctx.t(.oDate), 10), sort: ActivitySort.date.rawValue) { "\($0.activity.date)" },
            C(.flex(ctx.t(.oAward), min: 10, weight: 2), sort: ActivitySort.award.rawValue) { $0.activity.award ?? "" },
            C(.fixed(ctx.t(.oAwardPerson), 8), sort: ActivitySort.awardPerson.rawValue) { $0.activity.awardPerson ?? "" },
            C(.fixed(ctx.t(.oSector), 8), sort: ActivitySort.sector.rawValue) { $0.activity.sector.label(lang) },
            C(.flex(ctx.t(.oOrganizer), min: 8, weight: 2), sort: ActivitySort.organizer.rawValue) { $0.activity.organizer ?? "" },
        ]
        if wide { cols.append(C(.flex(ctx.t(.oTitle), min: 10, weight: 3), sort: ActivitySort.title.rawValue) { $0.activity.title }) }
        return cols
    }

    /// "摸排台账 · 快递 · 未摸排或超6个月 · 共2条".
    func listTitle(_ base: Str, total: Int, _ ctx: AppContext) -> String {
        var parts = [ctx.t(base)]
        if let s = sector { parts.append(s.label(ctx.lang)) }
        if base == .oLedger, let f = finding { parts.append(f.title(ctx.lang, months: months)) }
        parts.append(ctx.t(.oTotalRows).filled(["n": "\(total)"]))
        return parts.joined(separator: " · ")
    }

    /// The table area of a list view inside its block.
    static func tableArea(_ area: Rect) -> Rect { area.inset(1).inset(left: 1, right: 1) }

    func renderLedger(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let inner = OutreachPanel.tableArea(area)
        let cols = ledgerColumns(ctx, wide: inner.width >= 110)
        prepare(&ledger, cols.compactMap(\.sort), inner)
        loadLedger(ctx)
        let roles: [Role?] = ledgerCache.rows.map { r in
            r.findings.contains(.noBranch) ? .bad : (r.findings.contains(.overdue) ? .warning : nil)
        }
        drawList(listTitle(.oLedger, total: ledgerCache.total, ctx), ctx.t(.oFootLedger), cols, rows: ledgerCache.rows,
                 total: ledgerCache.total, st: ledger, roles: roles, into: &buf, area: area, ctx)
    }

    func renderActivities(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let inner = OutreachPanel.tableArea(area)
        let cols = activityColumns(ctx, wide: inner.width >= 100)
        prepare(&activities, cols.compactMap(\.sort), inner)
        loadActivities(ctx)
        drawList(listTitle(.oActivities, total: activityCache.total, ctx), ctx.t(.oFootActivities), cols, rows: activityCache.rows,
                 total: activityCache.total, st: activities, roles: [], into: &buf, area: area, ctx)
    }

    func renderAwards(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let inner = OutreachPanel.tableArea(area)
        let cols = awardColumns(ctx, wide: inner.width >= 100)
        prepare(&awards, cols.compactMap(\.sort), inner)
        loadAwards(ctx)
        drawList(listTitle(.oAwards, total: awardCache.total, ctx), ctx.t(.oFootActivities), cols, rows: awardCache.rows,
                 total: awardCache.total, st: awards, roles: [], into: &buf, area: area, ctx)
    }

    /// Records what this frame offers (rows that fit, sortable columns) before the page is fetched.
    func prepare(_ st: inout ListState, _ sortable: [Int], _ inner: Rect) {
        st.sortable = sortable
        st.visible = max(1, Table.visibleRowCount(in: inner, state: displayState(st, sortColumn: nil)))
    }

    /// The table state as drawn: the filter being typed, the sort arrow on the sorted column.
    func displayState(_ st: ListState, sortColumn: Int?) -> TableState {
        var ts = st.table
        ts.filtering = st.editor != nil
        ts.filter = st.filter
        ts.sortColumn = sortColumn
        ts.ascending = st.ascending
        return ts
    }

    func drawList<Row>(_ title: String, _ foot: String, _ cols: [ListColumn<Row>], rows: [Row], total: Int, st: ListState,
                       roles: [Role?], focused: Bool = true, target: ClickTarget = .list, tabs: Bool = true,
                       into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let room = area.width - 8 - (tabs ? viewTabsWidth(ctx) : 0)
        let b = Block(title: truncate(title, toWidth: max(8, room)))
        b.render(into: &buf, area: area)
        if tabs { viewTabs(into: &buf, area: area, ctx) }
        footer(foot, into: &buf, area: area)
        let inner = OutreachPanel.tableArea(area)
        let ts = displayState(st, sortColumn: cols.firstIndex { $0.sort == st.sort })
        Table(columns: cols.map(\.column), rows: rows.map { r in cols.map { $0.value(r) } }, totalRows: total, state: ts,
              rowRoles: roles, emptyText: ctx.t(.oEmpty), showSelection: focused).render(into: &buf, area: inner)
        let body = Table.visibleRowCount(in: inner, state: ts)
        clickable.append((Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: min(body, rows.count)), ts.offset, target))
    }

    /// The four views on the top border, flush right, the one in view highlighted: ` 概况 台账 活动 表彰 `.
    static let viewNames: [Str] = [.oViewSummary, .oViewLedger, .oViewActivities, .oViewAwards]

    func viewTabsWidth(_ ctx: AppContext) -> Int {
        OutreachPanel.viewNames.reduce(0) { $0 + displayWidth(ctx.t($1)) + 2 } + 2
    }

    func viewTabs(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let names = OutreachPanel.viewNames
        let width = viewTabsWidth(ctx)
        guard area.width > width + 30 else { return }
        var x = area.maxX - 2 - width
        buf.put(" ", x: x, y: area.y, style: .border)
        x += 1
        for (i, n) in names.enumerated() {
            let text = " " + ctx.t(n) + " "
            x += buf.put(text, x: x, y: area.y, style: i == view.rawValue ? .tabActive : .tabInactive)
        }
        buf.put(" ", x: x, y: area.y, style: .border)
    }
}
