import LiangxinModel
import LiangxinStore
import TermKit

/// The platform detail (Enter on a ledger row): what the platform is and who covers it, every survey over time,
/// and its activities. ← → choose which table the keys move in.
extension OutreachPanel {
    func historyColumns(_ ctx: AppContext, wide: Bool) -> [ListColumn<PlatformSurvey>] {
        typealias C = ListColumn<PlatformSurvey>
        func n(_ s: Str, _ w: Int, _ v: @escaping (PlatformSurvey) -> Int) -> C {
            C(.fixed(ctx.t(s), w, align: .right)) { String(v($0)) }
        }
        let date = C(.fixed(ctx.t(.oSurveyDate), 10)) { "\($0.surveyDate)" }
        let note = C(.flex(ctx.t(.oNote), min: 4, weight: 1)) { $0.note ?? "" }
        if wide {
            return [date, n(.oStations, 8, \.stations), n(.oBranchOffices, 8, \.branchOffices), n(.oWorkers, 8, \.workers),
                    n(.oMembersFound, 8, \.membersFound), n(.oPocket, 8, \.pocketMembers), n(.oTransferred, 8, \.membersTransferred),
                    n(.oMobile, 8, \.mobileMembers), note]
        }
        return [date, n(.oStationsShort, 4, \.stations), n(.oBranchOfficesShort, 4, \.branchOffices), n(.oWorkersShort, 5, \.workers),
                n(.oMembersShort, 4, \.membersFound), n(.oPocketShort, 4, \.pocketMembers), n(.oTransferredShort, 4, \.membersTransferred),
                n(.oMobileShort, 4, \.mobileMembers), note]
    }

    func detailActivityColumns(_ ctx: AppContext, wide: Bool) -> [ListColumn<ActivityRow>] {
        activityColumns(ctx, wide: wide).filter { $0.sort != ActivitySort.sector.rawValue }
    }

    func renderDetail(_ st: PlatformDetailState, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        guard let data = st.data else { return }
        // The history takes what its surveys need (at most half of what is left), the activities the rest.
        let historyHeight = max(5, min(data.surveys.count + 3, (area.height - 6) / 2))
        let parts = area.splitRows([.fixed(6), .fixed(historyHeight), .ratio(1)])
        renderDetailInfo(data, into: &buf, area: parts[0], ctx)

        // Survey history: every survey, newest first (a platform has a handful).
        let hInner = OutreachPanel.tableArea(parts[1])
        let hCols = historyColumns(ctx, wide: hInner.width >= 100)
        var d = st
        d.historyVisible = max(1, Table.visibleRowCount(in: hInner, state: TableState()))
        d.history.clamp(total: data.surveys.count, visible: d.historyVisible)
        let hRange = d.history.visibleRange(total: data.surveys.count, visible: d.historyVisible)
        var hState = ListState(sort: -1, ascending: false)
        hState.table = d.history
        drawList("\(ctx.t(.oHistory)) · \(ctx.t(.oTotalSurveys).filled(["n": "\(data.surveys.count)"]))", ctx.t(.oFootDetail), hCols,
                 rows: Array(data.surveys[hRange]), total: data.surveys.count, st: hState, roles: [], focused: !d.focusActivities,
                 target: .history, tabs: false, into: &buf, area: parts[1], ctx)

        // Activities, paged in SQL.
        let aInner = OutreachPanel.tableArea(parts[2])
        let aCols = detailActivityColumns(ctx, wide: aInner.width >= 100)
        prepare(&d.acts, aCols.compactMap(\.sort), aInner)
        detail = d
        loadDetailActivities(ctx)
        d = detail ?? d
        drawList("\(ctx.t(.oDetailActivities)) · \(ctx.t(.oTotalRows).filled(["n": "\(d.actCache.total)"]))", "", aCols,
                 rows: d.actCache.rows, total: d.actCache.total, st: d.acts, roles: [], focused: d.focusActivities,
                 target: .detailActivities, tabs: false, into: &buf, area: parts[2], ctx)
    }

    private func renderDetailInfo(_ data: PlatformDetail, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let p = data.platform
        let b = Block(title: p.name)
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let branch: (String, Role)
        if let o = data.branch {
            branch = (o.status.isActive ? "\(o.name)（\(o.formation.label) · \(o.orgType.label)）" : "\(o.name)（\(ctx.t(.oRevoked))）",
                      o.status.isActive ? .text : .bad)
        } else {
            branch = (ctx.t(.oNone), (data.latest?.membersFound ?? 0) > 0 ? .bad : .dim)
        }
        let secretary = [data.branch?.secretaryName, data.branch?.secretaryPhone].compactMap { $0 }.joined(separator: " ")
        let findings = OutreachFinding.allCases.filter(data.findings.contains).map { $0.title(ctx.lang, months: months) }
        let lines: [[(String, String, Role)]] = [
            [(ctx.t(.oSector), p.sector.label(ctx.lang), .text), (ctx.t(.oRegion), data.regionPath, .text)],
            [(ctx.t(.oBranch), branch.0, branch.1)],
            [(ctx.t(.oSecretary), secretary.isEmpty ? ctx.t(.oNone) : secretary, .text)],
            [(ctx.t(.oLastSurvey), data.latest.map { "\($0.surveyDate)" } ?? ctx.t(.oNever), data.findings.contains(.overdue) ? .warning : .text),
             (ctx.t(.oSurveyCount), "\(data.surveys.count)", .text),
             (ctx.t(.oFindingCol), findings.isEmpty ? ctx.t(.oFindingsNone) : findings.joined(separator: "、"), findings.isEmpty ? .good : .warning)],
        ]
        for (i, pairs) in lines.enumerated() where i < inner.height {
            var x = inner.x
            for (label, value, role) in pairs {
                guard x < inner.maxX else { break }
                x += buf.put(label + " ", x: x, y: inner.y + i, style: .dim, maxWidth: inner.maxX - x)
                x += buf.put(value, x: x, y: inner.y + i, style: Style(role), maxWidth: inner.maxX - x)
                x += 4
            }
        }
    }
}
