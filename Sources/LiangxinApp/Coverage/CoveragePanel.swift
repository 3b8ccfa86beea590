import LiangxinModel
import LiangxinStore
import TermKit

/// 覆盖: where the blind spots are and what goes upward. Four views of the region in view — the region table
/// (drill city → district → street → its units), the category table, the unit list (findings are filters on it)
/// and the two statistics forms — plus a unit's detail and the forms that enter units, party organizations and
/// instructors. Keys live in CoverageKeys.swift, drawing in CoverageRender.swift.
@MainActor
public final class CoveragePanel: Panel {
    public let id = PanelID.coverage

    public enum View: Int, CaseIterable, Sendable { case regions, categories, units, forms }

    public internal(set) var view: View = .regions
    /// Where Backspace from the unit list goes back to.
    var returnView: View = .regions

    // Data of the region in view, re-read by `reload` after any change.
    public internal(set) var settings = Settings()
    var tree = RegionTree([])
    /// The cells summed per region and everything below it, by group: the tables look up, never re-sum.
    var rollNow = RegionCoverage()
    var rollLast = RegionCoverage()
    /// The region in view (its code).
    public internal(set) var region = ""
    /// The findings of every region, from the same scan as the cells.
    var findings = CoverageFindings()
    var findingUnits: [UnitFinding: Int] = [:]
    var findingOrgs: [UnitFinding: Int] = [:]
    /// Finding counts of the regions visited since the last reload.
    var findingCache: [String: (generation: Int, units: [UnitFinding: Int], orgs: [UnitFinding: Int])] = [:]
    /// Bumped on every reload: caches keyed by it are re-read.
    var generation = 0

    var regionGrid = CoverageGrid(rows: [], state: TableState(), labelTitle: "")
    var categoryGrid = CoverageGrid(rows: [], state: TableState(), labelTitle: "")
    var list = CoverageUnitList()

    public internal(set) var detail: UnitDetail?
    var historyOffset = 0

    public internal(set) var form: Form?
    var dialog: PanelDialog?

    var statsTables: [StatisticsForms.Table] = []
    var statsKey: String?
    /// The forms of the region in view are being computed (the view shows a line saying so).
    var statsWaiting = false
    var statsIndex = 0
    var statsState = TableState()

    /// A new region in view starts with its first child selected (Enter drills on), not its total.
    var selectFirstChild = true

    /// Where the table was drawn last, for mouse clicks.
    var tableArea = Rect.zero

    public init() {}

    public var capturesText: Bool { form != nil || dialog != nil || list.state.filtering }

    /// What a load reads and sums: made off the key thread when the panel is warmed up (`BackgroundReads`).
    struct Loaded: Sendable {
        var settings: Settings
        var tree: RegionTree
        var findings: CoverageFindings
        var rollNow: RegionCoverage
        var rollLast: RegionCoverage
        /// A fresh scan (no saved summary held), to save once the screen is drawn.
        var unsaved: UnsavedFigures?
    }

    nonisolated static func load(_ store: Store, today: Day) throws -> Loaded {
        let settings = try store.settings()
        let tree = RegionTree(try store.regions())
        let (now, last, findings, unsaved) = try store.coverageRollup(scope: settings.scope, today: today, tree: tree)
        return Loaded(settings: settings, tree: tree, findings: findings, rollNow: now, rollLast: last, unsaved: unsaved)
    }

    static let loadKey = "coverage.load"

    /// The load as a background read: the same work whether warmed up or awaited.
    private func loadRead(_ ctx: AppContext) -> BackgroundRead<Loaded> {
        let store = ctx.store, today = ctx.today
        return BackgroundRead(key: Self.loadKey) { try CoveragePanel.load(store, today: today) }
    }

    public func warmUp(_ ctx: AppContext) { ctx.background.prefetch(loadRead(ctx)) }

    public func isReady(_ ctx: AppContext) -> Bool { ctx.background.isReady(loadRead(ctx)) }

    public var isWaitingForReads: Bool { (view == .units && detail == nil && list.waiting) || (view == .forms && statsWaiting) }

    public func reload(_ ctx: AppContext) throws {
        let l = try ctx.background.wait(loadRead(ctx))
        settings = l.settings
        tree = l.tree
        if region.isEmpty || tree.regions[region] == nil { region = tree.home?.code ?? "" }
        findings = l.findings
        rollNow = l.rollNow
        rollLast = l.rollLast
        generation += 1
        ctx.saveInBackground(l.unsaved)
        list.invalidate()
        try regionChanged(ctx)
        if let d = detail, let id = d.unit.id {
            detail = try ctx.store.unitDetail(id: id, scope: settings.scope, today: ctx.today)
        }
    }

    /// Re-reads what depends on the region in view.
    func regionChanged(_ ctx: AppContext) throws {
        // The findings come from the reload's one scan of the units, summed over the regions under the one in view
        // (issue 8: a separate count read every unit again); kept per region until the next reload.
        let f: (units: [UnitFinding: Int], orgs: [UnitFinding: Int])
        if let cached = findingCache[region], cached.generation == generation {
            f = (cached.units, cached.orgs)
        } else {
            let here = region
            f = here.isEmpty ? findings.counts(regions: findings.byRegion.keys)
                : findings.counts(regions: RegionRollup.codes(under: here, tree: tree).intersection(findings.byRegion.keys))
            findingCache[region] = (generation, f.units, f.orgs)
        }
        findingUnits = f.units
        findingOrgs = f.orgs
        regionGrid.labelTitle = ctx.t(.cvColRegion)
        regionGrid.rows = regionRows(ctx)
        categoryGrid.labelTitle = ctx.t(.cvColCategory)
        categoryGrid.rows = categoryRows(ctx)
        if selectFirstChild && regionGrid.rows.count > 1 { regionGrid.state.selected = 1 }
        selectFirstChild = false
        regionGrid.state.clamp(total: regionGrid.rows.count, visible: 1000)
        categoryGrid.state.clamp(total: categoryGrid.rows.count, visible: 1000)
    }

    // MARK: data of the tables

    /// The region itself (合计) then its children, sorted by the chosen column.
    func regionRows(_ ctx: AppContext) -> [GridRow] {
        guard !region.isEmpty else { return [] }
        let target = settings.target(for: .all)
        let total = GridRow(label: tree.name(region), shortLabel: tree.name(region), depth: 0, code: region, now: rollNow.counts(region),
                            last: rollLast.counts(region), target: target, isTotal: true)
        var kids = (tree.children[region] ?? []).map { r in
            GridRow(label: r.name, shortLabel: r.name, depth: 1, code: r.code, now: rollNow.counts(r.code), last: rollLast.counts(r.code),
                    target: target, isTotal: false)
        }
        if let s = regionGrid.state.sortColumn, let col = GridColumn(rawValue: s), col != .label {
            let asc = regionGrid.state.ascending
            kids.sort { a, b in
                let ka = col.sortKey(a), kb = col.sortKey(b)
                return ka == kb ? a.code < b.code : (asc ? ka < kb : ka > kb)
            }
        } else if regionGrid.state.sortColumn == GridColumn.label.rawValue && !regionGrid.state.ascending {
            kids.reverse()
        }
        return [total] + kids
    }

    /// Every category group for the region in view (or another region).
    func categoryRows(_ ctx: AppContext, of code: String? = nil) -> [GridRow] {
        let code = code ?? region
        guard !code.isEmpty else { return [] }
        let now = rollNow.byGroup(code)
        let last = rollLast.byGroup(code)
        return CoverageGroup.allCases.map { g in
            GridRow(label: g.label(ctx.lang), shortLabel: g.shortLabel(ctx.lang), depth: g.depth, code: g.rawValue, now: now[g] ?? CoverageCounts(),
                    last: last[g] ?? CoverageCounts(), target: settings.target(for: g), isTotal: g == .all)
        }
    }

    /// The statistics forms for the region in view (read when the view is shown, kept until data change). The
    /// read takes ~200 ms at 100,000 units, so it runs in the background and the view says so meanwhile.
    func refreshStats(_ ctx: AppContext) {
        let key = "\(region)|\(generation)"
        guard key != statsKey else { statsWaiting = false; return }
        let store = ctx.store, scope = settings.scope, today = ctx.today, here: String? = region.isEmpty ? nil : region
        let job = "coverage.statistics|\(key)"
        do {
            guard let cells = try ctx.background.value(job, { try store.statisticsCells(scope: scope, today: today, region: here) }) else {
                statsWaiting = true
                return
            }
            ctx.background.forget(job)
            statsTables = StatisticsForms.tables(cells)
            statsKey = key
            statsWaiting = false
        } catch {
            statsWaiting = false
            ctx.say("\(error)", error: true)
        }
    }

    /// "示例市 › 东湖区" from the home region down.
    func path(_ code: String) -> String {
        let homeLevel = tree.home?.level ?? .province
        return tree.lineage(of: code).reversed().filter { $0.level >= homeLevel }.map(\.name).joined(separator: " › ")
    }

    /// The unit the unit keys act on: the one in the detail, else the selected row of the list.
    var selectedUnitId: Int64? {
        if let d = detail { return d.unit.id }
        if view == .units { return list.selectedRow?.id }
        return nil
    }
}

/// Whether a region lies under another, following the region tree's parent links (codes do not always nest by prefix).
enum RegionRollup {
    /// `code` and every region below it (a region whose parent links lead to `code`), walking down once instead
    /// of up from each of a province's thousands of regions.
    static func codes(under code: String, tree: RegionTree) -> Set<String> {
        var out: Set<String> = [code]
        var stack = [code]
        while let c = stack.popLast() {
            for child in tree.children[c] ?? [] where out.insert(child.code).inserted { stack.append(child.code) }
        }
        return out
    }
}

/// A question the panel is waiting on, and what to do on yes.
struct PanelDialog {
    enum Action {
        case deleteUnit(OrgUnit)
        case deleteOrg(PartyOrg)
        case deleteInstructor(Instructor)
        /// The detail's `d`: which of the unit, its organization or its instructor.
        case chooseDelete(unit: OrgUnit, org: PartyOrg?, instructor: Instructor?)
    }
    var dialog: ConfirmDialog
    var action: Action
}
