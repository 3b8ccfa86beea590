import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// Reads that take longer than a frame run off the key thread on a terminal (issue 8). Driven here with threaded
/// reads: the screen answers at once ("正在读取…", "查询中…", "正在统计…") and, once the reads are done, shows exactly
/// what the inline (headless) mode shows.
final class BackgroundReadsTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("c.sqlite"))
        try Fixture.make().load(into: store)
    }

    func testValueStartsOnceAndKeepsTheResultUntilInvalidated() throws {
        try MainActor.assumeIsolated {
            let reads = BackgroundReads(mode: .threaded)
            let gate = DispatchSemaphore(value: 0)
            let runs = Counter()
            let work: @Sendable () throws -> Int = { runs.add(); gate.wait(); return 42 }
            let first: Int? = try reads.value("k", work)
            let second: Int? = try reads.value("k", work)   // still running: not started twice
            XCTAssertNil(first)
            XCTAssertNil(second)
            XCTAssertTrue(reads.busy)
            gate.signal()
            reads.waitAll()
            XCTAssertTrue(reads.takeFinished())
            XCTAssertFalse(reads.takeFinished())
            let done: Int? = try reads.value("k", work)
            XCTAssertEqual(done, 42)
            XCTAssertEqual(runs.value, 1)
            reads.invalidate()
            gate.signal()
            let again: Int = try reads.wait("k", work)
            XCTAssertEqual(again, 42)
            XCTAssertEqual(runs.value, 2)
        }
    }

    func testErrorsComeBackToTheReader() throws {
        struct Boom: Error {}
        try MainActor.assumeIsolated {
            for mode in [BackgroundReads.Mode.inline, .threaded] {
                let reads = BackgroundReads(mode: mode)
                XCTAssertThrowsError(try reads.wait("k") { () throws -> Int in throw Boom() }) { XCTAssertTrue($0 is Boom) }
            }
        }
    }

    /// Tab to a panel whose reads are not done draws it as loading, keys still answer, and the panel appears when
    /// its reads come; after that it is the same screen as without background reads.
    func testTabToAPanelStillLoadingThenTheSameScreenAsInline() throws {
        let s = store!
        MainActor.assumeIsolated {
            let inline = Snapshot.render(ctx: AppContext(store: s, today: today), panel: .coverage, width: 100, height: 30, keys: [])
            let app = App(ctx: AppContext(store: s, today: today, reads: .threaded), start: .overview)
            // Hold the warm-ups back so the loading screen can be seen.
            let gate = DispatchSemaphore(value: 0)
            app.ctx.background.prefetch("hold") { gate.wait(); return 0 }
            _ = app.render(width: 100, height: 30)
            app.ctx.background.forget(CoveragePanel.loadKey)
            app.ctx.background.prefetch("hold-2") { gate.wait(); return 0 }
            let store = s
            app.ctx.background.prefetch(CoveragePanel.loadKey) { gate.wait(); return try CoveragePanel.load(store, today: today) }
            app.update(.key(.tab))
            let loading = app.render(width: 100, height: 30).lines()
            XCTAssertTrue(app.isWaitingForReads)
            XCTAssertTrue(loading[1].contains("覆盖"), loading[1])
            XCTAssertTrue(loading[2].contains("正在读取…"), loading[2])
            app.update(.key(.char("j")))   // goes nowhere while loading, and does not wait
            for _ in 0..<3 { gate.signal() }
            app.settle(width: 100, height: 30)
            XCTAssertFalse(app.isWaitingForReads)
            XCTAssertEqual(app.render(width: 100, height: 30).lines(), inline)
        }
    }

    /// Every panel, reached by digit with the other panels warming up in the background, settles on the screen
    /// the inline (headless) mode draws for it.
    func testEveryPanelSettlesOnTheInlineScreen() throws {
        let s = store!
        MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today, reads: .threaded), start: .overview)
            _ = app.render(width: 120, height: 40)   // starts the warm-ups
            for id in PanelID.allCases {
                let inline = Snapshot.render(ctx: AppContext(store: s, today: today), panel: id, width: 120, height: 40, keys: [])
                app.update(.key(.char(Character("\(id.rawValue + 1)"))))
                app.settle(width: 120, height: 40)
                XCTAssertFalse(app.isWaitingForReads, "\(id)")
                XCTAssertEqual(app.render(width: 120, height: 40).lines(), inline, "\(id)")
            }
        }
    }

    /// Saving the coverage summary waits while another user writes (up to the busy timeout); the other panels'
    /// warm-ups must not wait behind it.
    func testASaveWaitingForAnotherWriterDoesNotHoldTheWarmUpsBack() throws {
        let path = store.path
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let writer = Thread {
            let q = try! DatabaseQueue(path: path)
            try! q.inTransaction(.immediate) { _ in
                locked.signal()
                release.wait()
                return .rollback
            }
        }
        writer.start()
        locked.wait()
        defer { release.signal() }
        let s = store!
        MainActor.assumeIsolated {
            let app = App(ctx: AppContext(store: s, today: today, reads: .threaded), start: .coverage)
            _ = app.render(width: 120, height: 40)   // the coverage scan is saved in the background: it waits
            let overview = app.panels.first { $0.id == .overview }!
            let deadline = Date().addingTimeInterval(3)
            while !overview.isReady(app.ctx) && Date() < deadline { usleep(5000) }
            XCTAssertTrue(overview.isReady(app.ctx), "the overview warmed up while the save waited")
            XCTAssertTrue(app.ctx.background.busy, "the save is still waiting for the other writer")
        }
    }

    /// A new order answers at once with "查询中…" in the title, then shows the rows the inline mode shows.
    func testUnitListAnswersAtOnceThenShowsTheRows() throws {
        let s = store!
        let before = try Key.parseScript("v v / \"东湖\" Enter")
        let sort = try Key.parseScript("s")
        MainActor.assumeIsolated {
            let inline = Snapshot.render(ctx: AppContext(store: s, today: today), panel: .coverage, width: 100, height: 30, keys: before + sort)
            let app = App(ctx: AppContext(store: s, today: today, reads: .threaded), start: .coverage)
            for k in before { app.update(.key(k)); app.settle(width: 100, height: 30) }
            let filtered = app.render(width: 100, height: 30).lines()
            XCTAssertTrue(filtered[1].contains("家单位"), filtered[1])
            let gate = DispatchSemaphore(value: 0)
            app.ctx.background.prefetch("hold") { gate.wait(); return 0 }   // keeps the warm-ups of other panels back
            app.update(.key(sort[0]))
            let first = app.render(width: 100, height: 30).lines()
            if app.isWaitingForReads {
                XCTAssertTrue(first[1].contains("查询中…"), first[1])
                // The header already marks the new column; the rows below stay until the new order comes.
                XCTAssertEqual(Array(first[4...]), Array(filtered[4...]), "the previous rows stay until the new order comes")
            }
            gate.signal()
            app.settle(width: 100, height: 30)
            XCTAssertFalse(app.isWaitingForReads)
            XCTAssertEqual(app.render(width: 100, height: 30).lines(), inline)
        }
    }

    /// The stations summary view's figures start reading when the panel loads; `v` before they are done shows
    /// "正在统计…", then the figures, exactly as the inline mode draws them.
    func testStationsSummaryComputedInTheBackground() throws {
        let s = store!
        try MainActor.assumeIsolated {
            @MainActor func draw(_ panel: StationsPanel, _ ctx: AppContext) -> [String] {
                var buf = Buffer(width: 100, height: 30)
                panel.render(into: &buf, area: Rect(x: 0, y: 0, width: 100, height: 30), ctx)
                return buf.lines()
            }
            let inlineCtx = AppContext(store: s, today: today)
            let inline = StationsPanel()
            try inline.reload(inlineCtx)
            _ = inline.handle(.char("v"), inlineCtx)
            let want = draw(inline, inlineCtx)

            let ctx = AppContext(store: s, today: today, reads: .threaded)
            let gate = DispatchSemaphore(value: 0)
            let tree = RegionTree(try s.regions()), settings = try s.settings()
            // The panel's first load is generation 1 over the city: its read, held until the test lets it go.
            let held: StationSummary? = try ctx.background.value("stations.summary|1|\(tree.home?.code ?? "")") {
                gate.wait()
                return try s.stationSummary(tree: tree, regionCode: tree.home?.code, asOf: today, settings: settings)
            }
            XCTAssertNil(held)
            let panel = StationsPanel()
            try panel.reload(ctx)
            _ = panel.handle(.char("v"), ctx)
            let computing = draw(panel, ctx)
            XCTAssertTrue(panel.isWaitingForReads)
            XCTAssertTrue(computing.contains { $0.contains("正在统计…") }, computing.joined(separator: "\n"))
            gate.signal()
            ctx.background.waitAll()
            XCTAssertEqual(draw(panel, ctx), want)
            XCTAssertFalse(panel.isWaitingForReads)
        }
    }

    /// The statistics forms are computed in the background: "正在统计…" first, then the forms.
    func testStatisticsFormsComputedInTheBackground() throws {
        let s = store!
        let keys = try Key.parseScript("v v v")
        MainActor.assumeIsolated {
            let inline = Snapshot.render(ctx: AppContext(store: s, today: today), panel: .coverage, width: 100, height: 30, keys: keys)
            let app = App(ctx: AppContext(store: s, today: today, reads: .threaded), start: .coverage)
            let gate = DispatchSemaphore(value: 0)
            let store = s
            let panel = app.activePanel as! CoveragePanel
            let scope = panel.settings.scope, region = panel.region
            app.ctx.background.prefetch("coverage.statistics|\(region)|\(panel.generation)") {
                gate.wait()
                return try store.statisticsCells(scope: scope, today: today, region: region)
            }
            for k in keys { app.update(.key(k)) }
            let computing = app.render(width: 100, height: 30).lines()
            XCTAssertTrue(app.isWaitingForReads)
            XCTAssertTrue(computing.contains { $0.contains("正在统计…") })
            gate.signal()
            app.settle(width: 100, height: 30)
            XCTAssertEqual(app.render(width: 100, height: 30).lines(), inline)
        }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
