import LiangxinModel
import LiangxinStore
import TermKit

/// The coverage panel's keys. The list in `help` is the keymap the `?` overlay shows.
extension CoveragePanel {
    /// Kept short enough that every panel key shows on an 80×24 screen.
    public func help(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("j k ↑ ↓ PgUp PgDn", ctx.t(.cvKeyMove)), KeyHelp("Enter", ctx.t(.cvKeyEnter)),
            KeyHelp("Esc Backspace", ctx.t(.cvKeyBack)), KeyHelp("v", ctx.t(.cvKeyView)), KeyHelp("/", ctx.t(.cvKeyFilter)),
            KeyHelp("s S", ctx.t(.cvKeySort)), KeyHelp("f", ctx.t(.cvKeyFindings)),
            KeyHelp(UnitFinding.allCases.map { String($0.key) }.joined(separator: " "),
                    UnitFinding.allCases.map { ctx.t($0.shortStr) }.joined(separator: "/")),
            KeyHelp("a", ctx.t(.cvKeyAdd)), KeyHelp("m", ctx.t(.cvKeyEdit)), KeyHelp("p P", ctx.t(.cvKeyOrg)),
            KeyHelp("i I", ctx.t(.cvKeyInstructor)), KeyHelp("A", ctx.t(.cvKeyAssign)), KeyHelp("d", ctx.t(.cvKeyDelete)),
            KeyHelp("c", ctx.t(.cvKeyScope)), KeyHelp("e", ctx.t(.cvKeyExport)),
        ]
    }

    public func handle(_ key: Key, _ ctx: AppContext) -> Bool {
        if Form.route(key, to: &form, ctx) { return true }
        if dialog != nil { handleDialog(key, ctx); return true }
        if view == .units && detail == nil && list.state.filtering { handleFilter(key); return true }
        if detail != nil, handleDetail(key, ctx) { return true }
        if detail == nil, handleView(key, ctx) { return true }
        return handleCommon(key, ctx)
    }

    // MARK: moving in a table

    /// j/k, arrows, pages, Home/End on a table state of `total` rows with `visible` on screen.
    func move(_ state: inout TableState, _ key: Key, total: Int, visible: Int) -> Bool {
        switch key {
        case .char("j"), .down: state.moveDown(total: total, visible: visible)
        case .char("k"), .up: state.moveUp(total: total, visible: visible)
        case .pageDown: state.pageDown(total: total, visible: visible)
        case .pageUp: state.pageUp(total: total, visible: visible)
        case .home: state.home(total: total, visible: visible)
        case .end: state.end(total: total, visible: visible)
        default: return false
        }
        return true
    }

    var gridVisible: Int { max(1, CoverageGrid.visibleRows(tableArea)) }

    func handleView(_ key: Key, _ ctx: AppContext) -> Bool {
        switch view {
        case .regions:
            if move(&regionGrid.state, key, total: regionGrid.rows.count, visible: gridVisible) { return true }
            switch key {
            case .enter: drill(ctx)
            case .backspace, .esc: up(ctx)
            case .char("s"), .char("S"):
                var st = regionGrid.state
                if key == .char("s") {
                    st.sortColumn = ((st.sortColumn ?? -1) + 1) % GridColumn.allCases.count
                    st.ascending = st.sortColumn == GridColumn.label.rawValue
                } else { st.ascending.toggle() }
                regionGrid.state = st
                regionGrid.rows = regionRows(ctx)
            case .mouse(_, let y):
                if let i = regionGrid.rowIndex(atY: y, in: tableArea) { regionGrid.state.select(i, total: regionGrid.rows.count, visible: gridVisible) }
            default: return false
            }
            return true
        case .categories:
            if move(&categoryGrid.state, key, total: categoryGrid.rows.count, visible: gridVisible) { return true }
            switch key {
            case .enter:
                guard categoryGrid.rows.indices.contains(categoryGrid.state.selected) else { return true }
                let g = CoverageGroup(rawValue: categoryGrid.rows[categoryGrid.state.selected].code)
                openUnits(region: region, group: g, finding: nil, ctx)
            case .backspace, .esc: up(ctx)
            case .mouse(_, let y):
                if let i = categoryGrid.rowIndex(atY: y, in: tableArea) { categoryGrid.state.select(i, total: categoryGrid.rows.count, visible: gridVisible) }
            default: return false
            }
            return true
        case .units:
            // Keys may come before the first render (a key script): the page must be read to act on it.
            list.refresh(ctx, scope: settings.scope)
            if move(&list.state, key, total: list.total, visible: list.visible) { return true }
            switch key {
            case .enter: openDetail(ctx)
            case .backspace: backFromUnits(ctx)
            case .esc:
                if !list.state.filter.isEmpty { list.state.filter = ""; list.state.selected = 0; list.state.offset = 0 }
                else { backFromUnits(ctx) }
            case .char("s"):
                list.state.sortColumn = ((list.state.sortColumn ?? 0) + 1) % UnitSort.allCases.count
                list.state.ascending = true
                list.state.selected = 0
            case .char("S"):
                list.state.ascending.toggle()
                list.state.selected = 0
            case .char("/"):
                list.state.filtering = true
            case .mouse(_, let y):
                let t = list.table(ctx, wide: tableArea.width >= 100)
                if let i = t.rowIndex(atY: y, in: tableArea) { list.state.select(i, total: list.total, visible: list.visible) }
            default: return false
            }
            return true
        case .forms:
            refreshStats(ctx)
            let rows = statsTables.first?.rows.count ?? 0
            if move(&statsState, key, total: rows, visible: StatisticsFormsView.visibleRows(tableArea)) { return true }
            switch key {
            case .left: statsIndex = (statsIndex + max(1, statsTables.count) - 1) % max(1, statsTables.count)
            case .right: statsIndex = (statsIndex + 1) % max(1, statsTables.count)
            case .backspace, .esc: up(ctx)
            default: return false
            }
            return true
        }
    }

    /// `/` typed into the unit list's filter: the list follows as you type; Enter keeps it, Esc clears it.
    func handleFilter(_ key: Key) {
        var s = list.state
        switch key {
        case .enter: s.filtering = false
        case .esc: s.filtering = false; s.filter = ""
        case .backspace: if !s.filter.isEmpty { s.filter.removeLast() }
        case .ctrl("u"): s.filter = ""
        case .char(let c): s.filter.append(c)
        default: break
        }
        if s.filter != list.state.filter { s.selected = 0; s.offset = 0 }
        list.state = s
    }

    func handleDetail(_ key: Key, _ ctx: AppContext) -> Bool {
        guard let d = detail else { return false }
        switch key {
        case .esc, .backspace: detail = nil
        case .char("j"), .down: historyOffset = min(historyOffset + 1, max(0, d.history.count - 1))
        case .char("k"), .up: historyOffset = max(0, historyOffset - 1)
        case .char("d"):
            var buttons = [ctx.t(.cvDeleteUnit)]
            if d.partyOrg != nil { buttons.append(ctx.t(.cvDeleteOrg)) }
            if d.instructor != nil { buttons.append(ctx.t(.cvDeleteInstructor)) }
            if buttons.count == 1 { confirmDeleteUnit(d.unit, ctx); return true }
            buttons.append(ctx.t(.cvCancel))
            dialog = PanelDialog(dialog: ConfirmDialog(title: ctx.t(.cvConfirmDeleteTitle), message: ctx.t(.cvDeleteWhich),
                                                       buttons: buttons, selected: buttons.count - 1),
                                 action: .chooseDelete(unit: d.unit, org: d.partyOrg, instructor: d.instructor))
        default: return false
        }
        return true
    }

    /// Keys that work in every view (and in the detail).
    func handleCommon(_ key: Key, _ ctx: AppContext) -> Bool {
        if view == .units && detail == nil { list.refresh(ctx, scope: settings.scope) }
        switch key {
        case .char("v"):
            detail = nil
            let next = View(rawValue: (view.rawValue + 1) % View.allCases.count)!
            if next == .units { openUnits(region: region, group: nil, finding: nil, ctx, keepQuery: true) } else { view = next }
        case .char("f"):
            let all = UnitFinding.allCases
            let current = view == .units ? list.query.finding : nil
            let next = current.flatMap { all.firstIndex(of: $0) }.map { $0 + 1 < all.count ? all[$0 + 1] : nil } ?? all.first
            detail = nil
            openUnits(region: view == .units ? list.query.region : region, group: view == .units ? list.query.group : nil,
                      finding: next, ctx)
        case .char(let c) where UnitFinding.allCases.contains { $0.key == c }:
            let f = UnitFinding.allCases.first { $0.key == c }!
            detail = nil
            let again = view == .units && list.query.finding == f
            openUnits(region: view == .units ? list.query.region : region, group: view == .units ? list.query.group : nil,
                      finding: again ? nil : f, ctx)
        case .char("/"):
            detail = nil
            if view != .units { openUnits(region: region, group: nil, finding: nil, ctx, keepQuery: true) }
            list.state.filtering = true
        case .char("a"):
            form = UnitForm.make(ctx, regionCode: newUnitRegion())
        case .char("c"):
            form = ScopeForm.make(ctx, settings: settings)
        case .char("P"):
            form = PartyOrgForm.make(ctx, units: selectedUnitId.map { [$0] } ?? [], regionCode: selectedUnitId == nil ? newUnitRegion() : nil)
        case .char("I"):
            form = InstructorForm.make(ctx, units: selectedUnitId.map { [$0] } ?? [], regionCode: selectedUnitId == nil ? newUnitRegion() : nil)
        case .char("m"), .char("p"), .char("i"), .char("A"), .char("d"):
            guard let id = selectedUnitId else { ctx.say(ctx.t(.cvNoSelection), error: true); return true }
            guard let u = try? ctx.store.fetch(OrgUnit.self, id: id) else { return true }
            switch key {
            case .char("m"): form = UnitForm.make(ctx, editing: u)
            case .char("A"): form = AssignForm.make(ctx, unit: u)
            case .char("p"):
                if let oid = u.partyOrgId, let o = try? ctx.store.fetch(PartyOrg.self, id: oid) { form = PartyOrgForm.make(ctx, editing: o) }
                else { form = PartyOrgForm.make(ctx, units: [id]) }
            case .char("i"):
                if let iid = u.instructorId, let ins = try? ctx.store.fetch(Instructor.self, id: iid) { form = InstructorForm.make(ctx, editing: ins) }
                else { form = InstructorForm.make(ctx, units: [id]) }
            default: confirmDeleteUnit(u, ctx)
            }
        case .char("e"):
            export(ctx)
        default:
            return false
        }
        return true
    }

    /// A new unit's region: the street in view or selected, else none (the form asks).
    func newUnitRegion() -> String? {
        var code: String? = view == .units ? list.query.region : region
        if view == .regions, regionGrid.rows.indices.contains(regionGrid.state.selected) { code = regionGrid.rows[regionGrid.state.selected].code }
        guard let c = code, let r = tree.regions[c], r.level >= .street else { return nil }
        return c
    }

    // MARK: navigation

    func drill(_ ctx: AppContext) {
        guard regionGrid.rows.indices.contains(regionGrid.state.selected) else { return }
        let row = regionGrid.rows[regionGrid.state.selected]
        guard !row.isTotal, let r = tree.regions[row.code], r.level < .street, !(tree.children[r.code] ?? []).isEmpty else {
            openUnits(region: row.code, group: nil, finding: nil, ctx)
            return
        }
        region = r.code
        regionGrid.state = TableState(sortColumn: regionGrid.state.sortColumn, ascending: regionGrid.state.ascending)
        selectFirstChild = true
        refresh(ctx)
    }

    func up(_ ctx: AppContext) {
        guard region != tree.home?.code, let parent = tree.regions[region]?.parentCode, tree.regions[parent] != nil else { return }
        let from = region
        region = parent
        refresh(ctx)
        if let i = regionGrid.rows.firstIndex(where: { $0.code == from }) {
            regionGrid.state.select(i, total: regionGrid.rows.count, visible: gridVisible)
        }
    }

    func refresh(_ ctx: AppContext) {
        do { try regionChanged(ctx) } catch { ctx.say("\(error)", error: true) }
    }

    func openUnits(region code: String?, group: CoverageGroup?, finding: UnitFinding?, _ ctx: AppContext, keepQuery: Bool = false) {
        if view != .units { returnView = view }
        view = .units
        if keepQuery && list.query.region == code { return }
        list.query = UnitQuery(region: code, group: group == .all ? nil : group, finding: finding)
        list.state.selected = 0
        list.state.offset = 0
    }

    func backFromUnits(_ ctx: AppContext) {
        view = returnView == .units ? .regions : returnView
        list.query.finding = nil
    }

    func openDetail(_ ctx: AppContext) {
        guard let r = list.selectedRow else { return }
        do {
            detail = try ctx.store.unitDetail(id: r.id, scope: settings.scope, today: ctx.today)
            historyOffset = 0
        } catch { ctx.say("\(error)", error: true) }
    }

    // MARK: deleting

    func confirmDeleteUnit(_ u: OrgUnit, _ ctx: AppContext) {
        let msg = ctx.lang == .en ? "Delete the unit “\(u.name)”? (u undoes)" : "删除单位“\(u.name)”？（可用 u 撤销）"
        dialog = PanelDialog(dialog: ConfirmDialog(title: ctx.t(.cvConfirmDeleteTitle), message: msg,
                                                   buttons: [ctx.t(.cvDelete), ctx.t(.cvCancel)], selected: 1),
                             action: .deleteUnit(u))
    }

    func handleDialog(_ key: Key, _ ctx: AppContext) {
        guard var d = dialog else { return }
        switch key {
        case .left, .backTab: d.dialog.previous(); dialog = d
        case .right, .tab: d.dialog.next(); dialog = d
        case .esc, .char("n"): dialog = nil
        case .char("y"):
            if case .chooseDelete = d.action { return }
            dialog = nil
            perform(d.action, button: 0, ctx)
        case .enter:
            dialog = nil
            perform(d.action, button: d.dialog.selected, ctx)
        default: break
        }
    }

    func perform(_ action: PanelDialog.Action, button: Int, _ ctx: AppContext) {
        let en = ctx.lang == .en
        switch action {
        case .chooseDelete(let unit, let org, let ins):
            var choices: [PanelDialog.Action?] = [.deleteUnit(unit)]
            if let o = org { choices.append(.deleteOrg(o)) }
            if let i = ins { choices.append(.deleteInstructor(i)) }
            guard button < choices.count, let chosen = choices[button] else { return }
            switch chosen {
            case .deleteUnit(let u): confirmDeleteUnit(u, ctx)
            case .deleteOrg(let o):
                let blockers = (try? ctx.store.partyOrgDeleteBlockers(o.id!)) ?? []
                if !blockers.isEmpty {
                    ctx.say(ctx.t(.cvDeleteBlocked) + blockers.joined(separator: "、") + (en ? "; set its status to 撤销 instead" : "；可将状态改为“撤销”"), error: true)
                    return
                }
                let n = (try? ctx.store.unitIds(partyOrg: o.id!).count) ?? 0
                let msg = en ? "Delete “\(o.name)”? Its \(n) unit(s) will have no organization. (u undoes)"
                             : "删除党组织“\(o.name)”？它覆盖的\(n)家单位将不再属于任何党组织。（可用 u 撤销）"
                dialog = PanelDialog(dialog: ConfirmDialog(title: ctx.t(.cvConfirmDeleteTitle), message: msg,
                                                           buttons: [ctx.t(.cvDelete), ctx.t(.cvCancel)], selected: 1), action: chosen)
            case .deleteInstructor(let i):
                let n = (try? ctx.store.unitIds(instructor: i.id!).count) ?? 0
                let msg = en ? "Delete the instructor “\(i.name)”? \(n) unit(s) lose the link. (u undoes)"
                             : "删除党建指导员“\(i.name)”？\(n)家单位将不再联系该指导员。（可用 u 撤销）"
                dialog = PanelDialog(dialog: ConfirmDialog(title: ctx.t(.cvConfirmDeleteTitle), message: msg,
                                                           buttons: [ctx.t(.cvDelete), ctx.t(.cvCancel)], selected: 1), action: chosen)
            case .chooseDelete: break
            }
        case .deleteUnit(let u):
            guard button == 0 else { return }
            run(ctx, done: ctx.t(.cvDeleted) + u.name) { try $0.delete(OrgUnit.self, id: u.id!, expectedVersion: u.version) }
            if detail?.unit.id == u.id { detail = nil }
        case .deleteOrg(let o):
            guard button == 0 else { return }
            run(ctx, done: ctx.t(.cvDeleted) + o.name) { try $0.deletePartyOrg(o.id!, expectedVersion: o.version) }
        case .deleteInstructor(let i):
            guard button == 0 else { return }
            run(ctx, done: ctx.t(.cvDeleted) + i.name) { try $0.deleteInstructor(i.id!, expectedVersion: i.version) }
        }
    }

    func run(_ ctx: AppContext, done: String, _ body: (Ledger) throws -> Void) {
        do {
            try ctx.write(source: "form", body)
            ctx.say(done + (ctx.lang == .en ? " (u undoes)" : "（u 撤销）"))
        } catch {
            ctx.say("\(error)", error: true)
        }
    }

    // MARK: export

    func export(_ ctx: AppContext) {
        switch view {
        case .regions, .categories:
            let g = view == .regions ? regionGrid : categoryGrid
            let name = view == .regions ? "coverage-regions" : "coverage-categories"
            ScreenExport.run(ctx, name: name, header: CoverageGrid.header(ctx, labelTitle: g.labelTitle),
                             rows: g.rows.map(CoverageGrid.texts))
        case .units:
            do {
                let rows = try ctx.store.unitRows(list.effectiveQuery, scope: settings.scope, today: ctx.today)
                ScreenExport.run(ctx, name: "coverage-units", header: CoverageUnitList.exportHeader(ctx),
                                 rows: rows.map { CoverageUnitList.exportRow($0, ctx) })
            } catch { ctx.say("\(error)", error: true) }
        case .forms:
            refreshStats(ctx)
            if statsWaiting { ctx.say(ctx.t(.cvStatsComputing)); return }
            guard statsTables.indices.contains(statsIndex) else { return }
            let t = statsTables[statsIndex]
            let g = StatisticsFormsView.grid(t, wide: true, ctx)
            ScreenExport.run(ctx, name: "coverage-form-\(t.code)", header: g.header, rows: g.rows)
        }
    }
}
