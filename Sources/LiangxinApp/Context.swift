import Foundation
import LiangxinModel
import LiangxinStore
import TermKit

/// What every panel may use: the store, today, the language, and a place to leave a status message.
@MainActor
public final class AppContext {
    public let store: Store
    public let today: Day
    public let lang: Lang
    public let ascii: Bool
    /// The one-line message at the bottom (saved, exported, refused …); cleared by the next key.
    public var status: String = ""
    public var statusIsError = false

    /// Reads that may take longer than a frame (see `BackgroundReads`): inline unless the caller draws on a terminal.
    public let background: BackgroundReads

    public init(store: Store, today: Day, lang: Lang = .zh, ascii: Bool = false, reads: BackgroundReads.Mode = .inline) {
        self.store = store; self.today = today; self.lang = lang; self.ascii = ascii
        background = BackgroundReads(mode: reads)
    }

    public func t(_ s: Str) -> String { s.text(lang) }

    public func say(_ message: String, error: Bool = false) { status = message; statusIsError = error }

    /// Audit ids of each change made in this session, newest last: `u` reverts the last one.
    public private(set) var undoStack: [[Int64]] = []

    /// Writes through the audited ledger and remembers the change for undo.
    @discardableResult
    public func write<T>(source: String? = nil, _ body: (Ledger) throws -> T) throws -> T {
        var ids: [Int64] = []
        let result = try store.write(source: source) { l in
            let r = try body(l)
            ids = l.written.ids
            return r
        }
        if !ids.isEmpty {
            undoStack.append(ids)
            background.invalidate()
        }
        return result
    }

    /// Reverts the last change made in this session (refused, with a message, if someone changed it since).
    public func undoLast() {
        guard let last = undoStack.last else {
            say(lang == .en ? "Nothing to undo in this session" : "本次没有可撤销的修改")
            return
        }
        do {
            try store.undo(auditIds: last)
            background.invalidate()
            undoStack.removeLast()
            say(lang == .en ? "Undone" : "已撤销上一次修改")
        } catch {
            say("\(error)", error: true)
        }
    }
}

/// One binding of a panel's keymap: the same list drives key handling and the help overlay.
public struct KeyHelp: Sendable {
    public var keys: String
    public var description: String
    public init(_ keys: String, _ description: String) { self.keys = keys; self.description = description }
}

public enum PanelID: Int, CaseIterable, Sendable {
    case overview, coverage, outreach, stations, training, stars

    public var str: Str {
        switch self {
        case .overview: return .tabOverview
        case .coverage: return .tabCoverage
        case .outreach: return .tabOutreach
        case .stations: return .tabStations
        case .training: return .tabTraining
        case .stars: return .tabStars
        }
    }

    /// Names accepted by `snapshot --panel`.
    public static func parse(_ s: String) -> PanelID? {
        let l = s.lowercased()
        return allCases.first { String(describing: $0) == l || $0.str.text(.zh) == s || $0.str.text(.en).lowercased() == l
            || String($0.rawValue + 1) == s }
    }
}

/// A panel keeps its state, its keys and its rendering together.
@MainActor
public protocol Panel: AnyObject {
    var id: PanelID { get }
    /// Reads what the panel shows; called when it is first shown and after data changes.
    func reload(_ ctx: AppContext) throws
    /// Returns true when the panel used the key (otherwise the global keys get it).
    func handle(_ key: Key, _ ctx: AppContext) -> Bool
    func render(into buffer: inout Buffer, area: Rect, _ ctx: AppContext)
    /// The panel's keys for the help overlay.
    func help(_ ctx: AppContext) -> [KeyHelp]
    /// True while the panel holds the keyboard (a form, a filter being typed): digits and q are text then.
    var capturesText: Bool { get }
    /// Starts the panel's slow reads in the background (`BackgroundReads`), so that `reload` finds them done.
    func warmUp(_ ctx: AppContext)
    /// Whether `reload` would find its slow reads done (the panel is drawn as loading until then).
    func isReady(_ ctx: AppContext) -> Bool
    /// True while what the panel shows waits for a background read (a new filter or order, a computed view).
    var isWaitingForReads: Bool { get }
}

extension Panel {
    public var capturesText: Bool { false }
    public func warmUp(_ ctx: AppContext) {}
    public func isReady(_ ctx: AppContext) -> Bool { true }
    public var isWaitingForReads: Bool { false }
}

extension AppContext {
    /// Keeps figures a panel had to compute (the coverage scan, the training figures) as saved figures, in the
    /// background after the frame (it writes), so the next start reads them (issue 8). A file opened read-only, or
    /// busy with another writer, only loses that shortcut.
    func saveInBackground(_ figures: UnsavedFigures?) {
        guard let figures else { return }
        let store = self.store
        // Not on the warm-up queue: a save waiting for another user's long write must not hold the warm-ups back.
        _ = try? background.value("figures.save|" + figures.key) { (try? store.saveFigures(figures)) ?? false }
    }
}
