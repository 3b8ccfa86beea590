import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

@main
struct LiangxinBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liangxin-bench",
        abstract: "Measure every panel on a generated province and on the sample data (run in release mode).",
        subcommands: [BenchRun.self, ChildCommand.self],
        defaultSubcommand: BenchRun.self)
}

struct BenchRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Generate (or reuse) the database, measure each panel, print the figures beside the targets.")

    @Option(help: "Units in the generated database.") var units = 100_000
    @Option(help: "Seed of the generated database.") var seed: UInt64 = 1
    @Option(help: "Today, YYYY-MM-DD (the sample data's today by default).") var today = "2026-11-22"
    @Option(help: "Measuring processes per panel and dataset (medians over these).") var runs = 7
    @Option(help: "Rounds of the key script in the first process.") var keyRounds = 100
    @Option(help: "Screen size WIDTHxHEIGHT.") var size = "120x40"
    @Option(help: "Where the databases and SQL scripts go.") var dir = NSTemporaryDirectory() + "liangxin-bench"
    @Option(help: "The sample-data/ directory (default: ./sample-data or the source tree's).") var sampleDir: String?
    @Flag(help: "Skip the sample data.") var noSample = false
    @Option(help: "Only this panel (overview, coverage, …).") var panel: String?

    func run() throws {
        var o = BenchOptions()
        o.units = units
        o.seed = seed
        guard let d = Day(today) else { throw ValidationError("--today: “\(today)” is not a date (YYYY-MM-DD)") }
        o.today = d
        o.runs = max(1, runs)
        o.keyRounds = max(1, keyRounds)
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 80, parts[1] >= 24 else { throw ValidationError("--size: “\(size)” should be at least 80x24") }
        (o.width, o.height) = (parts[0], parts[1])
        o.dir = dir
        if let panel {
            guard let p = PanelBench.named(panel) else { throw ValidationError("--panel: “\(panel)” has no benchmark entry") }
            o.panels = [p]
        }
        o.sampleDir = noSample ? nil : try sampleDir ?? Self.findSampleData()
        o.executable = try Self.ownExecutable()
        #if DEBUG
        FileHandle.standardError.write(Data("liangxin-bench: this is a debug build; the targets are for `swift run -c release liangxin-bench`\n".utf8))
        #endif
        let report = try Runner.run(o)
        var printer = ReportPrinter(report)
        print(printer.text())
    }

    static func ownExecutable() throws -> String {
        let path = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        return path
    }

    static func findSampleData() throws -> String {
        var candidates: [String] = []
        if let e = ProcessInfo.processInfo.environment["LIANGXIN_SAMPLE_DATA"], !e.isEmpty { candidates.append(e) }
        candidates.append(FileManager.default.currentDirectoryPath + "/sample-data")
        // Sources/liangxin-bench/BenchCommand.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("sample-data").path)
        for c in candidates where FileManager.default.fileExists(atPath: c + "/units.csv") { return c }
        throw ValidationError("sample-data/ not found; pass --sample-dir or --no-sample")
    }
}

/// One measuring process (started by `run`; prints one JSON line).
struct ChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "child", abstract: "Internal: one measuring process.",
                                                    shouldDisplay: false)

    @Option var db: String
    @Option var panel: String
    @Option var today: String
    @Option var size = "120x40"
    @Option var keyRounds = 100
    @Option var reloadRounds = 10
    @Option var queryRounds = 10
    @Option var idleSeconds = 1.0

    func run() throws {
        let start = monotonicNs()
        guard let p = PanelBench.named(panel), let d = Day(today) else { throw ValidationError("bad --panel or --today") }
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("bad --size") }
        let o = ChildOptions(db: db, panel: p, today: d, width: parts[0], height: parts[1], keyRounds: keyRounds,
                             reloadRounds: reloadRounds, queryRounds: queryRounds, idleSeconds: idleSeconds)
        let r = try MainActor.assumeIsolated { try Child.run(o, mainStart: start) }
        let enc = JSONEncoder()
        print(String(decoding: try enc.encode(r), as: UTF8.self))
    }
}
