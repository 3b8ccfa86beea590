import LiangxinModel
import LiangxinStore
import TermKit

/// One row of the region or category table: counts now and at the end of last year.
struct GridRow {
    var label: String
    /// For narrow screens.
    var shortLabel: String
    var depth: Int
    /// The region code or the category group's raw value.
    var code: String
    var now: CoverageCounts
    var last: CoverageCounts
    var target: Double?
    var isTotal: Bool
}

/// The columns of the coverage tables, in screen order.
enum GridColumn: Int, CaseIterable {
    case label, units, own, joint, industry, workOnly, uncovered, orgRate, change, ownRate, workRate, workChange

    @MainActor func title(_ ctx: AppContext, wide: Bool, labelTitle: String) -> String {
        switch self {
        case .label: return labelTitle
        case .units: return wide ? ctx.t(.cvColUnits) : ctx.t(.cvUnits)
        // Count columns keep short headers at every width, so the label and the bar get the room.
        case .own: return ctx.t(.cvColOwnShort)
        case .joint: return ctx.t(.cvColJointShort)
        case .industry: return ctx.t(.cvColIndustryShort)
        case .workOnly: return ctx.t(.cvClassWorkOnly)
        case .uncovered: return ctx.t(.cvColUncovered)
        case .orgRate: return ctx.t(wide ? .cvColOrgRate : .cvColOrgRateShort)
        case .change, .workChange: return ctx.t(.cvColChange)
        case .ownRate: return ctx.t(wide ? .cvColOwnRate : .cvColOwnRateShort)
        case .workRate: return ctx.t(wide ? .cvColWorkRate : .cvColWorkRateShort)
        }
    }

    /// The value that sorts a row by this column.
    func sortKey(_ r: GridRow) -> Double {
        let n = r.now
        switch self {
        case .label: return 0
        case .units: return Double(n.inScope)
        case .own: return Double(n.own)
        case .joint: return Double(n.joint)
        case .industry: return Double(n.industry)
        case .workOnly: return Double(n.workOnly)
        case .uncovered: return Double(n.uncovered)
        case .orgRate: return Double(n.orgRate.basisPoints ?? -1)
        case .ownRate: return Double(n.ownRate.basisPoints ?? -1)
        case .workRate: return Double(n.workRate.basisPoints ?? -1)
        case .change: return Double((n.orgRate.basisPoints ?? 0) - (r.last.orgRate.basisPoints ?? 0))
        case .workChange: return Double((n.workRate.basisPoints ?? 0) - (r.last.workRate.basisPoints ?? 0))
        }
    }
}

/// The region and category tables: counts, the three rates with two decimals, a bar coloured by the target, and
/// the change against last year. Narrow screens (under 100 cells) show rates without the % sign and short headers.
@MainActor
struct CoverageGrid {
    var rows: [GridRow]
    var state: TableState
    var labelTitle: String

    static func isWide(_ width: Int) -> Bool { width >= 100 }

    /// Cell widths of every column for a table `width` cells wide (one space between columns): each count column
    /// as wide as its header or its largest figure, the label as wide as the longest label allows, the bar the rest.
    func widths(_ width: Int, _ ctx: AppContext) -> [GridColumn: Int] {
        let wide = CoverageGrid.isWide(width)
        var w: [GridColumn: Int] = [:]
        // Rates and changes as wide as their header or their longest text (+100.00 is rare and gets its room).
        let texts: [(GridColumn, (GridRow) -> String)] = [
            (.change, { $0.now.orgRate.changeText(from: $0.last.orgRate) }),
            (.ownRate, { CoverageGrid.rateText($0.now.ownRate, wide: wide) }),
            (.workRate, { CoverageGrid.rateText($0.now.workRate, wide: wide) }),
        ] + (wide ? [(.workChange, { $0.now.workRate.changeText(from: $0.last.workRate) })] : [])
        for (c, f) in texts {
            w[c] = max(displayWidth(c.title(ctx, wide: wide, labelTitle: "")), rows.map { displayWidth(f($0)) }.max() ?? 0)
        }
        let counts: [(GridColumn, (CoverageCounts) -> Int)] = [(.units, { $0.inScope }), (.own, { $0.own }), (.joint, { $0.joint }),
                                                               (.industry, { $0.industry }), (.workOnly, { $0.workOnly }),
                                                               (.uncovered, { $0.uncovered })]
        for (c, f) in counts {
            let digits = String(rows.map { f($0.now) }.max() ?? 0).count
            w[c] = max(displayWidth(c.title(ctx, wide: wide, labelTitle: "")), digits)
        }
        let fixed = w.values.reduce(0, +) + w.count + 1   // separators after the label and between the rest
        let minBar = wide ? 16 : 10
        let longest = rows.map { displayWidth(wide ? $0.label : $0.shortLabel) + CoverageGrid.indent($0.depth, wide: wide) }.max() ?? 8
        w[.label] = max(4, min(longest, wide ? 24 : 12, width - fixed - minBar))
        w[.orgRate] = max(0, width - fixed - w[.label]!)
        return w
    }

    /// Indentation of a row label: one cell per level, at most two on narrow screens.
    static func indent(_ depth: Int, wide: Bool) -> Int { wide ? depth : min(depth, 2) }

    static func rateText(_ r: Rate, wide: Bool) -> String {
        wide ? r.text : (r.basisPoints.map { "\($0 / 100).\($0 % 100 < 10 ? "0" : "")\($0 % 100)" } ?? "—")
    }

    /// The texts of a row (export and tests), always with the % sign.
    static func texts(_ r: GridRow) -> [String] {
        let n = r.now
        return [r.label, "\(n.inScope)", "\(n.own)", "\(n.joint)", "\(n.industry)", "\(n.workOnly)", "\(n.uncovered)",
                n.orgRate.text, n.orgRate.changeText(from: r.last.orgRate), n.ownRate.text, n.workRate.text,
                n.workRate.changeText(from: r.last.workRate)]
    }

    static func header(_ ctx: AppContext, labelTitle: String) -> [String] {
        [labelTitle, ctx.t(.cvColUnits), ctx.t(.cvColOwn), ctx.t(.cvColJoint), ctx.t(.cvColIndustry), ctx.t(.cvColWorkOnly),
         ctx.t(.cvColUncovered), ctx.t(.cvColOrgRate), ctx.t(.cvColOrgRate) + ctx.t(.cvColChange), ctx.t(.cvColOwnRate),
         ctx.t(.cvColWorkRate), ctx.t(.cvColWorkRate) + ctx.t(.cvColWorkChange)]
    }

    static func visibleRows(_ area: Rect) -> Int { max(0, area.height - 1) }

    func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        guard !area.isEmpty else { return }
        let wide = CoverageGrid.isWide(area.width)
        let w = widths(area.width, ctx)
        let cols = GridColumn.allCases.filter { w[$0] != nil }
        var xs: [GridColumn: Int] = [:]
        var x = area.x
        for c in cols { xs[c] = x; x += w[c]! + 1 }
        let up = ctx.ascii ? "^" : "▲", down = ctx.ascii ? "v" : "▼"
        buf.fill(area.row(0), style: .header)
        for c in cols {
            let cw = w[c]!
            var t = c.title(ctx, wide: wide, labelTitle: labelTitle)
            if state.sortColumn == c.rawValue { t = truncate(t, toWidth: cw - 1) + (state.ascending ? up : down) }
            let align: Alignment = c == .label || c == .orgRate ? .left : .right
            buf.put(pad(truncate(t, toWidth: cw), toWidth: cw, align: align), x: xs[c]!, y: area.y, style: .header, maxWidth: cw)
        }
        let visible = CoverageGrid.visibleRows(area)
        for (i, index) in state.visibleRange(total: rows.count, visible: visible).enumerated() {
            let r = rows[index]
            let y = area.y + 1 + i
            let selected = index == state.selected
            let base: Style = selected ? .selected : (r.isTotal ? .title : .text)
            if selected { buf.fill(area.row(1 + i), style: .selected) }
            func put(_ c: GridColumn, _ s: String, _ style: Style? = nil) {
                guard let cw = w[c], let cx = xs[c] else { return }
                let align: Alignment = c == .label ? .left : .right
                buf.put(pad(truncate(s, toWidth: cw), toWidth: cw, align: align), x: cx, y: y, style: selected ? .selected : (style ?? base), maxWidth: cw)
            }
            let n = r.now
            put(.label, String(repeating: " ", count: CoverageGrid.indent(r.depth, wide: wide)) + (wide ? r.label : r.shortLabel))
            put(.units, "\(n.inScope)")
            put(.own, "\(n.own)")
            put(.joint, "\(n.joint)")
            put(.industry, "\(n.industry)")
            put(.workOnly, "\(n.workOnly)")
            put(.uncovered, "\(n.uncovered)", n.uncovered > 0 && !r.isTotal ? .warning : nil)
            let chg = n.orgRate.changeText(from: r.last.orgRate)
            put(.change, chg, Style(changeRole(chg)))
            put(.ownRate, CoverageGrid.rateText(n.ownRate, wide: wide))
            put(.workRate, CoverageGrid.rateText(n.workRate, wide: wide))
            let wchg = n.workRate.changeText(from: r.last.workRate)
            put(.workChange, wchg, Style(changeRole(wchg)))
            if let bw = w[.orgRate], let bx = xs[.orgRate], bw > 0 {
                let value = CoverageGrid.rateText(n.orgRate, wide: wide)
                Gauge(ratio: n.orgRate.fraction, valueText: pad(value, toWidth: wide ? 7 : 6, align: .right),
                      role: targetRole(n.orgRate.percent, target: r.target), ascii: ctx.ascii)
                    .render(into: &buf, area: Rect(x: bx, y: y, width: bw, height: 1))
                if selected { buf.setStyle(Rect(x: bx + bw - (wide ? 7 : 6), y: y, width: wide ? 7 : 6, height: 1), style: .selected) }
            }
        }
        if rows.isEmpty, area.height > 1 { buf.put("（无数据）", x: area.x, y: area.y + 1, style: .dim) }
    }

    /// The row index under a screen row, if any.
    func rowIndex(atY y: Int, in area: Rect) -> Int? {
        let i = y - area.y - 1
        guard i >= 0, i < CoverageGrid.visibleRows(area) else { return nil }
        let index = state.offset + i
        return index < rows.count ? index : nil
    }
}

extension CoverageGroup {
    /// The label for narrow screens.
    func shortLabel(_ lang: Lang) -> String {
        guard lang == .zh else { return label(lang) }
        switch self {
        case .all: return "合计"
        case .foreignInvested: return "外资企业"
        case .acfic: return "工商联"
        case .individualBusiness: return "个体户"
        case .nonprofit: return "民办非企"
        case .lawFirm: return "律师所"
        case .accountingFirm: return "会计所"
        case .taxFirm: return "税务所"
        case .courierDeliveryRide: return "快递外卖等"
        default: return label
        }
    }
}

extension UnitCategory {
    /// The category for narrow columns.
    var shortLabel: String {
        switch self {
        case .foreignInvested: return "外资企业"
        case .individualBusiness: return "个体户"
        case .nonprofit: return "民办非企"
        case .lawFirm: return "律师所"
        case .accountingFirm: return "会计所"
        case .taxFirm: return "税务所"
        default: return label
        }
    }
}

extension CoverageClass {
    var str: Str {
        switch self {
        case .own: return .cvClassOwn
        case .joint: return .cvClassJoint
        case .industry: return .cvClassIndustry
        case .workOnly: return .cvClassWorkOnly
        case .uncovered: return .cvClassUncovered
        }
    }

    var longStr: Str {
        switch self {
        case .own: return .cvColOwn
        case .joint: return .cvColJoint
        case .industry: return .cvColIndustry
        case .workOnly: return .cvColWorkOnly
        case .uncovered: return .cvColUncovered
        }
    }

    var role: Role? {
        switch self {
        case .uncovered: return .bad
        case .workOnly: return .warning
        default: return nil
        }
    }
}

extension UnitFinding {
    var str: Str {
        switch self {
        case .shouldForm: return .cvFShouldForm
        case .blindSpot: return .cvFBlindSpot
        case .jointTooWide: return .cvFJointTooWide
        case .branchTooLarge: return .cvFBranchTooLarge
        case .plannedPassed: return .cvFPlannedPassed
        }
    }

    var shortStr: Str {
        switch self {
        case .shouldForm: return .cvFShouldForm
        case .blindSpot: return .cvFBlindSpot
        case .jointTooWide: return .cvFJointTooWideShort
        case .branchTooLarge: return .cvFBranchTooLargeShort
        case .plannedPassed: return .cvFPlannedPassedShort
        }
    }

    /// The key that opens the list, one key away from any view.
    var key: Character {
        switch self {
        case .shouldForm: return "w"
        case .blindSpot: return "b"
        case .jointTooWide: return "x"
        case .branchTooLarge: return "l"
        case .plannedPassed: return "t"
        }
    }

    /// The organization findings are counted in organizations on the strip (as the overview counts them).
    var countsOrgs: Bool { self == .jointTooWide || self == .branchTooLarge }
}
