import LiangxinApp
import LiangxinModel
import LiangxinStore
import TermKit

/// One scripted key: what the report calls it, and the key.
struct ScriptKey: Sendable {
    var label: String
    var key: Key
    init(_ label: String, _ key: Key) { self.label = label; self.key = key }
}

/// What the benchmark does with one panel. Each panel adds one entry to `PanelBench.all`: its keys, its reads and
/// the SQL of those reads. Nothing else in the benchmark knows about panels.
struct PanelBench: Sendable {
    var panel: PanelID
    /// Keys timed one by one (update + render of the frame after each). The sequence must bring the panel back to
    /// where it started, so it can be repeated: move, page, filter typing, sort, drill down, switch panel.
    var keys: [ScriptKey]
    /// A key that moves the selection one row, for the bytes one cursor move writes; nil while the panel has no
    /// list (the reference list frame is measured for every panel anyway).
    var moveKey: Key?
    /// Whether the first frame reads saved figures (`saved_figures`): then it is also measured without them.
    var readsSavedFigures = false
    /// Runs every read the panel makes, telling `timer` how long each took.
    var queries: @Sendable (Store, Day, QueryTimer) throws -> Void
    /// The same reads as SQL, for the `sqlite3` reference; nil for a panel without one (issue 8 names the overview's
    /// aggregates as the reference).
    var referenceSQL: (@Sendable (Store, Day) throws -> [QueryPart])?

    static let all: [PanelBench] = [overview, coverage, outreach, stations, training, stars]

    static let overview = PanelBench(
        panel: .overview,
        // The overview has no list yet: moving and paging reach the global keys and change nothing.
        keys: [ScriptKey("Down (move)", .down), ScriptKey("PgDn (page)", .pageDown),
               ScriptKey("Tab (next panel)", .tab), ScriptKey("S-Tab (back)", .backTab),
               ScriptKey("2 (panel by digit)", .char("2")), ScriptKey("1 (back)", .char("1")),
               ScriptKey("? (help)", .char("?")), ScriptKey("Esc (close help)", .esc)],
        moveKey: nil,
        readsSavedFigures: true,
        // Each read timed on its own (the unit scan as on a start without a saved summary), then the whole as it runs.
        queries: { store, today, timer in
            _ = try store.overview(today: today, timer: timer, useSavedSummary: false)
            _ = try timed(timer, "overview, all reads (saved summary)") { try store.overview(today: today) }
        },
        referenceSQL: { store, today in try store.overviewQueries(today: today) })

    /// `/`, then `text` one character (one frame) at a time, then Esc to clear the filter.
    static func filter(_ text: String, clear: Key = .esc) -> [ScriptKey] {
        [ScriptKey("/ (filter)", .char("/"))] + text.map { ScriptKey("type \($0)", .char($0)) } + [ScriptKey("Esc (clear filter)", clear)]
    }

    /// Tab to the next panel and S-Tab back: the panel's own data are cached, so coming back only re-renders.
    static let switchPanel = [ScriptKey("Tab (next panel)", .tab), ScriptKey("S-Tab (back)", .backTab)]

    /// Reload is a key too, but it re-runs the panel's reads: it is held to the first-frame target, not 16 ms.
    static let reloadKey = ScriptKey("r (reload)", .char("r"))

    static func named(_ name: String) -> PanelBench? {
        guard let id = PanelID.parse(name) else { return nil }
        return all.first { $0.panel == id }
    }
}
