import LiangxinModel
import LiangxinStore
import TermKit

/// Selection, sort and filter of one list of the outreach panel, and how many rows the last frame showed.
struct ListState {
    var table = TableState()
    /// Raw value of the list's sort enum (`LedgerSort` / `ActivitySort`).
    var sort: Int
    var ascending: Bool
    /// Body rows of the last frame (a guess until the first one: keys may arrive before anything is drawn).
    var visible = 20
    /// The sort columns the last frame's column set offers, in the order `s` steps through them (every sort of
    /// the enum until a frame has been drawn).
    var sortable: [Int]
    /// Non-nil while the filter is being typed.
    var editor: TextField?

    init(sort: Int, ascending: Bool, sortable: [Int] = []) { self.sort = sort; self.ascending = ascending; self.sortable = sortable }

    var filter: String { editor?.value ?? table.filter }

    mutating func resetSelection() { table.selected = 0; table.offset = 0 }
}

/// The rows on screen of a list and its total, fetched again only when the query, the page or the data changed.
struct PageCache<Row> {
    struct PageKey: Hashable { var query: AnyHashable; var offset: Int; var limit: Int }
    var countKey: AnyHashable?
    var total = 0
    var pageKey: PageKey?
    var rows: [Row] = []

    mutating func invalidate() { countKey = nil; pageKey = nil }

    /// The row at absolute index `i` if it is on the cached page.
    func row(_ i: Int, offset: Int) -> Row? {
        let k = i - offset
        return rows.indices.contains(k) ? rows[k] : nil
    }
}

/// One column of a list: its header and width, the text of a row, and the sort it stands for.
struct ListColumn<Row> {
    var column: Column
    var value: (Row) -> String
    var sort: Int?

    init(_ column: Column, sort: Int? = nil, _ value: @escaping (Row) -> String) {
        self.column = column; self.value = value; self.sort = sort
    }
}

/// The platform detail: its record, history and (paged) activities, and which of the two tables has the keys.
struct PlatformDetailState {
    var id: Int64
    var data: PlatformDetail?
    var history = TableState()
    var historyVisible = 6
    var acts = ListState(sort: ActivitySort.date.rawValue, ascending: false)
    var actCache = PageCache<ActivityRow>()
    var focusActivities = false
}

/// A delete waiting for its confirmation.
struct PendingDelete {
    var dialog: ConfirmDialog
    var run: @MainActor (AppContext) throws -> String
}
