import Foundation
import LiangxinModel
import LiangxinStore
import TermKit

/// The update loop: state, messages (keys, resizes, ticks), and a render of the whole screen into a buffer.
/// The terminal and the headless snapshot both drive this same type.
@MainActor
public final class App {
    public let ctx: AppContext
    public private(set) var panels: [Panel]
    public private(set) var active = 0
    public private(set) var showHelp = false
    public private(set) var quit = false
    public static let minWidth = 80
    public static let minHeight = 24
    private var tabRanges: [Range<Int>] = []
    private var helpScroll = 0
    private var lastAuditId: Int64 = 0
    private var loaded: Set<Int> = []
    /// Panels shown since start: after a data change their reads are warmed up again in the background.
    private var visited: Set<Int> = []
    /// Whether the other panels' reads were started in the background since the last data change.
    private var warmed = false
    private var startedUp = false
    /// The panel in view waits for its background reads (drawn as loading).
    private var waiting = false

    public enum Message {
        case key(Key)
        /// Periodic: picks up changes other users committed to the same file.
        case tick
    }

    public init(ctx: AppContext, panels: [Panel]? = nil, start: PanelID = .overview) {
        self.ctx = ctx
        self.panels = panels ?? App.defaultPanels()
        self.active = self.panels.firstIndex { $0.id == start } ?? 0
        lastAuditId = (try? currentAuditId()) ?? 0
        ensureLoaded()
    }

    public static func defaultPanels() -> [Panel] {
        [
            OverviewPanel(),
            CoveragePanel(),
            OutreachPanel(),
            StationsPanel(),
            TrainingPanel(),
            StarsPanel(),
        ]
    }

    public var activePanel: Panel { panels[active] }

    private func ensureLoaded() {
        waiting = false
        guard !loaded.contains(active) else { return }
        visited.insert(active)
        // With background reads, a panel whose reads are still running is drawn as "loading" and filled in when
        // they come (issue 8: Tab to a panel must not wait for its first load); the first panel is always awaited.
        if ctx.background.mode == .threaded && !loaded.isEmpty && !panels[active].isReady(ctx) {
            panels[active].warmUp(ctx)
            waiting = true
            return
        }
        do {
            try panels[active].reload(ctx)
            loaded.insert(active)
        } catch {
            ctx.say("\(error)", error: true)
        }
    }

    /// True while the panel in view, or something it shows, waits for a background read.
    public var isWaitingForReads: Bool { waiting || activePanel.isWaitingForReads }

    /// Starts, in the background, the reads of the panels not in view (after the first frame, and after a data
    /// change for the panels shown before), so that switching to them is immediate.
    private func warmUp() {
        guard ctx.background.mode == .threaded, !warmed else { return }
        warmed = true
        for i in panels.indices where i != active && (!startedUp || visited.contains(i)) {
            panels[i].warmUp(ctx)
        }
        startedUp = true
    }

    /// Waits for every background read and draws until nothing more changes (headless use: the final screen).
    public func settle(width: Int, height: Int) {
        guard ctx.background.mode == .threaded else { return }
        for _ in 0..<10 {
            ctx.background.waitAll()
            _ = render(width: width, height: height)
            if !ctx.background.busy && !ctx.background.takeFinished() { break }
        }
    }

    private func currentAuditId() throws -> Int64 {
        try ctx.store.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit") ?? 0 }
    }

    /// Reloads every panel on its next showing; the active one now.
    public func dataChanged() {
        loaded.removeAll()
        ctx.background.invalidate()
        warmed = false
        lastAuditId = (try? currentAuditId()) ?? lastAuditId
        ensureLoaded()
    }

    /// Returns whether the screen may have changed.
    @discardableResult
    public func update(_ msg: Message) -> Bool {
        switch msg {
        case .tick:
            guard let id = try? currentAuditId(), id != lastAuditId else { return false }
            dataChanged()
            return true
        case .key(let key):
            return handle(key)
        }
    }

    private func handle(_ key: Key) -> Bool {
        if showHelp {
            // Long keymaps scroll on short screens; any other key closes the help.
            switch key {
            case .down, .char("j"): helpScroll += 1
            case .up, .char("k"): helpScroll = max(0, helpScroll - 1)
            case .pageDown, .char(" "): helpScroll += 10
            case .pageUp: helpScroll = max(0, helpScroll - 10)
            case .resize: break
            default: showHelp = false
            }
            return true
        }
        if case .mouse(let x, let y) = key, y == 0 {
            if let i = tabRanges.firstIndex(where: { $0.contains(x) }) { switchTo(i) }
            return true
        }
        let before = ctx.status
        ctx.status = ""
        ctx.statusIsError = false
        let panel = activePanel
        if !waiting, panel.handle(key, ctx) {
            let changed = (try? currentAuditId()) ?? lastAuditId
            if changed != lastAuditId { dataChanged() }
            return true
        }
        switch key {
        case .char("q"), .ctrl("c"): quit = true
        case .char("?"), .f(1): showHelp = true; helpScroll = 0
        case .tab: switchTo((active + 1) % panels.count)
        case .backTab: switchTo((active + panels.count - 1) % panels.count)
        case .char(let c) where c.isASCII && c.isNumber:
            if let n = Int(String(c)), n >= 1, n <= panels.count { switchTo(n - 1) }
        case .char("u"):
            ctx.undoLast()
            dataChanged()
        case .char("r"), .f(5):
            dataChanged()
            ctx.say(ctx.t(.refreshed))
        case .resize, .ctrl("l"): break
        default:
            ctx.status = before
            return false
        }
        return true
    }

    public func switchTo(_ i: Int) {
        guard i != active, panels.indices.contains(i) else { return }
        active = i
        ensureLoaded()
    }

    public func helpSections() -> [HelpSection] {
        let global: [(keys: String, description: String)] = [
            ("?  F1", ctx.t(.keyHelp)), ("1–6", ctx.t(.keySwitchTab)), ("Tab", ctx.t(.keyNextTab)),
            ("S-Tab", ctx.t(.keyPrevTab)), ("u", ctx.t(.keyUndo)), ("r  F5", ctx.t(.keyRefresh)), ("C-l", ctx.t(.keyRedraw)), ("q  C-c", ctx.t(.keyQuit)),
        ]
        let local = activePanel.help(ctx).map { (keys: $0.keys, description: $0.description) }
        var s = [HelpSection(title: ctx.t(.helpGlobal), entries: global)]
        if !local.isEmpty { s.insert(HelpSection(title: "\(ctx.t(activePanel.id.str)) · \(ctx.t(.helpPanel))", entries: local), at: 0) }
        return s
    }

    public func render(width: Int, height: Int) -> Buffer {
        var buf = Buffer(width: width, height: height)
        guard width >= App.minWidth, height >= App.minHeight else {
            let a = ctx.t(.tooSmall), b = "\(ctx.t(.tooSmallDetail)) \(width)×\(height)"
            buf.put(a, x: max(0, (width - displayWidth(a)) / 2), y: max(0, height / 2 - 1), style: .warning.bolded, maxWidth: width)
            buf.put(b, x: max(0, (width - displayWidth(b)) / 2), y: min(height - 1, height / 2), style: .dim, maxWidth: width)
            return buf
        }
        let rows = buf.area.splitRows([.fixed(1), .ratio(1), .fixed(1)])
        let tabs = Tabs(titles: panels.enumerated().map { "\($0.offset + 1) \(ctx.t($0.element.id.str))" }, active: active,
                        borders: BorderSet.preferred)
        tabRanges = tabs.render(into: &buf, area: rows[0])
        let right = " \(ctx.t(.appTitle)) · \(ctx.today) "
        let rw = displayWidth(right)
        if let last = tabRanges.last, last.upperBound + rw < width {
            buf.put(right, x: width - rw, y: 0, style: .tabInactive)
        }
        if waiting { ensureLoaded() }
        if !waiting {
            activePanel.render(into: &buf, area: rows[1], ctx)
        } else {
            let block = Block(title: ctx.t(activePanel.id.str))
            block.render(into: &buf, area: rows[1])
            let inner = block.inner(rows[1])
            buf.put(ctx.t(.loading), x: inner.x + 1, y: inner.y, style: .dim, maxWidth: inner.width - 1)
        }
        let hint = ctx.t(.statusHint)
        let left = ctx.status.isEmpty ? (URL(fileURLWithPath: ctx.store.path).lastPathComponent) : ctx.status
        StatusBar(left: " " + left, right: hint + " ", style: ctx.statusIsError ? .error : .statusBar).render(into: &buf, area: rows[2])
        if showHelp {
            let cursor = buf.cursor
            let overlay = HelpOverlay(sections: helpSections(), title: ctx.t(.helpTitle), footer: ctx.t(.helpFooter), scroll: helpScroll)
            // Keep the scroll within what there is to see, so ↑ answers at once after scrolling too far.
            helpScroll = min(helpScroll, max(0, overlay.contentLines().count - (rows[1].height - 2)))
            HelpOverlay(sections: overlay.sections, title: overlay.title, footer: overlay.footer, scroll: helpScroll).render(into: &buf, area: rows[1])
            buf.cursor = cursor == nil ? nil : nil
        }
        warmUp()
        return buf
    }

    /// Runs until quit on a real terminal: renders only after a change, polls for others' changes when idle.
    public func run(on backend: TerminalBackend) {
        var dirty = true
        var idleTicks = 0
        while !quit {
            if dirty {
                let (w, h) = backend.size
                backend.present(render(width: w, height: h))
                dirty = false
            }
            // While background reads run, wake often to show their results as they come.
            let busy = ctx.background.busy
            if let key = backend.readKey(timeoutMs: busy ? 20 : 500) {
                idleTicks = 0
                if key == .ctrl("l") { backend.forceRedraw() }
                dirty = update(.key(key)) || key == .resize || key == .ctrl("l")
            } else if !busy {
                idleTicks += 1
                // Every 2 s: another user's commit shows up without a key press.
                if idleTicks % 4 == 0 { dirty = update(.tick) }
            }
            if ctx.background.takeFinished() { dirty = true }
        }
    }
}
