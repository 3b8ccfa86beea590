import Foundation
import LiangxinModel
import LiangxinStore
import TermKit

/// 台账: every session, newest first, one screenful read at a time (LIMIT/OFFSET, COUNT(*)); the page is cached
/// until the filter, the sort, the scroll position or the data change.
///
/// A typed filter matches any of six text columns, so its count reads every session and its first page may too
/// (~10 ms each on a province's 12,000 sessions, more on a busy server): both run in the background, and until they
/// are done the previous rows stay on screen with "查询中…" in the title (issue 8: a key renders within 16 ms).
@MainActor
struct SessionLedger {
    var table = TableState()
    var sort: TrainingSort = .date
    var ascending = false
    /// Rows on screen at the last render (for PgUp/PgDn) and where the table was (for clicks).
    var visible = 20
    var area = Rect.zero
    private var total: Int?
    private var page: [TrainingSession] = []
    private var pageKey: PageKey?
    /// The count on screen, kept while a new filter is read.
    private var shownTotal = 0
    /// True while a new filter's count and first page are read in the background.
    private(set) var waiting = false

    private struct PageKey: Equatable {
        var offset: Int, limit: Int, filter: String, sort: TrainingSort, ascending: Bool
    }

    mutating func invalidate() { total = nil; pageKey = nil }

    mutating func count(_ ctx: AppContext) -> Int {
        if let t = total { return t }
        do {
            if table.filter.trimmingCharacters(in: .whitespaces).isEmpty {
                // The whole table's count and a page in date order come from indexes: read at once.
                total = try ctx.store.trainingSessionCount(filter: table.filter)
                waiting = false
            } else {
                let store = ctx.store, key = PageKey(offset: 0, limit: visible, filter: table.filter, sort: sort, ascending: ascending)
                let job = "training.ledger|\(key.filter)|\(key.sort)|\(key.ascending)|\(key.limit)"
                guard let (n, first) = try ctx.background.value(job, {
                    (try store.trainingSessionCount(filter: key.filter),
                     try store.trainingSessions(filter: key.filter, sort: key.sort, ascending: key.ascending, offset: 0, limit: key.limit))
                }) else {
                    waiting = true
                    return shownTotal
                }
                ctx.background.forget(job)
                waiting = false
                total = n
                page = first
                pageKey = key
            }
        } catch {
            ctx.say("\(error)", error: true)
            waiting = false
            total = 0
        }
        shownTotal = total ?? 0
        return shownTotal
    }

    /// The rows from the table's offset, `visible` of them.
    mutating func rows(_ ctx: AppContext) -> [TrainingSession] {
        if waiting { return page }
        let key = PageKey(offset: table.offset, limit: visible, filter: table.filter, sort: sort, ascending: ascending)
        if key == pageKey { return page }
        do {
            page = try ctx.store.trainingSessions(filter: table.filter, sort: sort, ascending: ascending, offset: table.offset, limit: visible)
            pageKey = key
        } catch {
            ctx.say("\(error)", error: true)
            page = []
        }
        return page
    }

    mutating func selected(_ ctx: AppContext) -> TrainingSession? {
        let total = count(ctx)
        guard total > 0 else { return nil }
        table.clamp(total: total, visible: visible)
        let r = rows(ctx)
        let i = table.selected - table.offset
        return r.indices.contains(i) ? r[i] : nil
    }

    /// `s`: the next column; dates and numbers start with the largest, text from A.
    mutating func nextSort() {
        sort = TrainingSort(rawValue: (sort.rawValue + 1) % TrainingSort.allCases.count)!
        ascending = !(sort == .date || sort == .personTimes || sort == .hours)
        invalidate()
    }

    static func columns(width: Int, _ ctx: AppContext) -> [(Column, TrainingSort)] {
        var c: [(Column, TrainingSort)] = [
            (.fixed(ctx.t(.trDate), 10), .date),
            (.flex(ctx.t(.trTitle), min: 12, weight: 3), .title),
            (.fixed(ctx.t(.trType), width >= 100 ? 16 : 12), .type),
            (.fixed(ctx.t(.trMode), 9), .mode),
        ]
        if width >= 100 {
            c.append((.flex(ctx.t(.trOrganizer), min: 8, weight: 2), .organizer))
            c.append((.flex(ctx.t(.trAudience), min: 8, weight: 1), .audience))
        }
        c.append((.fixed(ctx.t(.trPersonTimes), 6, align: .right), .personTimes))
        c.append((.fixed(ctx.t(.trHours), 5, align: .right), .hours))
        return c
    }

    static func cells(_ s: TrainingSession, sorts: [TrainingSort], _ ctx: AppContext) -> [String] {
        sorts.map { k in
            switch k {
            case .date: return s.date.description
            case .title: return s.title
            case .type: return s.type.label(ctx.lang)
            case .mode: return s.mode.label(ctx.lang)
            case .organizer: return s.organizer ?? ""
            case .audience: return s.audience ?? ""
            case .personTimes: return "\(s.personTimes)"
            case .hours: return formatHours(s.hours)
            }
        }
    }

    mutating func render(into buf: inout Buffer, area outer: Rect, _ ctx: AppContext) {
        let total = count(ctx)
        let b = Block(title: "\(ctx.t(.trViewLedger)) · \(waiting ? ctx.t(.listSearching) : "\(total)")")
        b.render(into: &buf, area: outer)
        let inner = b.inner(outer).inset(left: 1, right: 1)
        area = inner
        visible = max(1, Table.visibleRowCount(in: inner, state: table))
        table.clamp(total: total, visible: visible)
        let cols = SessionLedger.columns(width: inner.width, ctx)
        var st = table
        st.sortColumn = cols.firstIndex { $0.1 == sort }
        st.ascending = ascending
        let rows = self.rows(ctx).map { SessionLedger.cells($0, sorts: cols.map(\.1), ctx) }
        Table(columns: cols.map(\.0), rows: rows, totalRows: total, state: st, emptyText: ctx.t(.trNoSessions))
            .render(into: &buf, area: inner)
    }

    /// Every matching session, in the order on screen, as the export writes them.
    static func export(_ all: [TrainingSession], _ ctx: AppContext) -> ([String], [[String]]) {
        let header = [ctx.t(.trDate), ctx.t(.trEndDate), ctx.t(.trTitle), ctx.t(.trType), ctx.t(.trMode), ctx.t(.trOrganizer),
                      ctx.t(.trAudience), ctx.t(.trPersonTimes), ctx.t(.trHours)]
        let rows = all.map { s in
            [s.date.description, s.endDate?.description ?? "", s.title, s.type.label(ctx.lang), s.mode.label(ctx.lang),
             s.organizer ?? "", s.audience ?? "", "\(s.personTimes)", formatHours(s.hours)]
        }
        return (header, rows)
    }
}
