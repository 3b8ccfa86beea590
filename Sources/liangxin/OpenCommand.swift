import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the dashboard on a database (the default command).")

    @OptionGroup var dbOptions: DBOptions
    @OptionGroup var ui: UIOptions
    @Option(name: .long, help: "Panel to start on: overview, coverage, outreach, stations, training, stars.")
    var panel: String = "overview"

    func run() throws {
        TUI.requireTerminal()
        let store = try dbOptions.open()
        let day = try dbOptions.resolvedToday()
        try MainActor.assumeIsolated { try TUI.run(store: store, today: day, ui: ui, panel: panel) }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the dashboard on the demo database, building it from the sample data when missing.")

    @OptionGroup var ui: UIOptions
    @Option(name: .long, help: "Demo database file (default: $XDG_DATA_HOME/liangxin/demo.sqlite).")
    var db: String?
    @Option(name: .long, help: "Pretend today is this day (YYYY-MM-DD).")
    var today: String?
    @Flag(name: .long, help: "Rebuild the demo database from the sample data first.")
    var reset = false
    @Option(name: .long, help: "Panel to start on.")
    var panel: String = "overview"

    func run() throws {
        TUI.requireTerminal()
        let path = db ?? DemoDatabase.defaultPath()
        let day = try DBOptions(db: path, today: today).resolvedToday()
        let store = try DemoDatabase.prepare(path: path, today: day, reset: reset)
        try MainActor.assumeIsolated { try TUI.run(store: store, today: day, ui: ui, panel: panel) }
    }
}

extension DBOptions {
    init(db: String?, today: String?) {
        self.init()
        self.db = db
        self.today = today
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a database; with --sample, load the sample city (示例市) into it.")

    @OptionGroup var dbOptions: DBOptions
    @Flag(name: .long, help: "Load the sample data.")
    var sample = false
    @Flag(name: .long, help: "Replace what the database holds (only with --sample).")
    var force = false

    func run() throws {
        TUI.requireTerminal()
        let store = try dbOptions.open()
        guard sample else {
            print("已创建数据库 (database ready): \(store.path)")
            return
        }
        let dir = try SampleData.directory()
        do {
            let report = try CSVSet.load(directory: dir, into: store, today: try dbOptions.resolvedToday(), force: force)
            print("已载入示例数据 (sample loaded) → \(store.path)")
            for k in LedgerKind.allCases { if let n = report.inserted[k] { print("  \(k.rawValue): \(n)") } }
        } catch let e as ImportFailed {
            throw CLIError(e.description)
        } catch let e as StoreError {
            throw CLIError(e.description)
        }
    }
}
