import LiangxinModel
import LiangxinStore
import TermKit

/// One of the two statistics forms in its row/column layout: a title line, then the rows (indented as the printed
/// form indents them) against the columns. Narrow screens use the short column headers.
@MainActor
enum StatisticsFormsView {
    static func title(_ t: StatisticsForms.Table, _ ctx: AppContext) -> String { ctx.lang == .en ? t.titleEn : t.title }

    static func rowLabel(_ r: StatisticsForms.Row, _ ctx: AppContext) -> String {
        String(repeating: "  ", count: r.depth) + (ctx.lang == .en ? r.labelEn : r.label)
    }

    static func columnTitle(_ c: StatisticsForms.Column, wide: Bool, _ ctx: AppContext) -> String {
        ctx.lang == .en ? (wide ? c.labelEn : String(c.labelEn.prefix(8))) : (wide ? c.label : c.short)
    }

    /// Header and rows as text (the screen and the export share them).
    static func grid(_ t: StatisticsForms.Table, wide: Bool, _ ctx: AppContext) -> (header: [String], rows: [[String]]) {
        let header = [ctx.t(.cvColRow)] + t.columns.map { columnTitle($0, wide: wide, ctx) }
        let rows = t.rows.map { r in
            [rowLabel(r, ctx)] + (0..<t.columns.count).map { c in t.value(r, c).map(String.init) ?? "" }
        }
        return (header, rows)
    }

    static func render(_ t: StatisticsForms.Table, index: Int, count: Int, state: TableState, into buf: inout Buffer,
                       area: Rect, _ ctx: AppContext) {
        guard area.height >= 2 else { return }
        let head = "\(title(t, ctx))  \(index + 1)/\(count) ←→"
        buf.put(truncate(head, toWidth: area.width), x: area.x, y: area.y, style: .title)
        let wide = area.width >= 100
        let g = grid(t, wide: wide, ctx)
        let valueCols = g.header.dropFirst().map { Column.fixed($0, max(6, displayWidth($0)), align: .right) }
        let table = Table(columns: [Column.flex(g.header[0], min: 14)] + valueCols,
                          rows: Array(g.rows[state.visibleRange(total: g.rows.count, visible: visibleRows(area)).clamped(to: 0..<g.rows.count)]),
                          totalRows: g.rows.count, state: state,
                          rowRoles: t.rows.map { $0.isHeading ? .dim : ($0.depth == 0 ? .title : nil) }
                            .dropFirst(state.offset).map { $0 },
                          ascii: ctx.ascii)
        table.render(into: &buf, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1))
    }

    static func visibleRows(_ area: Rect) -> Int { max(1, area.height - 2) }
}
