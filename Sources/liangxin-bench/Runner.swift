import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct BenchOptions: Sendable {
    var units = 100_000
    var seed: UInt64 = 1
    var today = Day("2026-11-22")!
    /// Measuring processes per panel and dataset (first frame, memory, bytes), and sqlite3 reference runs.
    var runs = 7
    var keyRounds = 100
    var reloadRounds = 10
    var queryRounds = 10
    var width = 120
    var height = 40
    var idleSeconds = 1.0
    var dir = NSTemporaryDirectory() + "liangxin-bench"
    /// sample-data/ to load with CSVSet; nil skips the sample dataset.
    var sampleDir: String?
    var panels: [PanelBench] = PanelBench.all
    /// This program, to start measuring processes; nil measures inside this process (tests).
    var executable: String?
}

struct PanelFigures: Sendable {
    var panel: PanelID
    /// Process start → first complete frame (in-process: store open → frame), one per run.
    var firstFrameMs: [Double] = []
    /// Store open → first complete frame, one per run.
    var openToFrameMs: [Double] = []
    /// CPU time of the process at its first frame, one per run.
    var frameCPUMs: [Double] = []
    var frameDiskReadBytes: [Int] = []
    /// The same without saved figures (panels that read them): process start → frame, store open → frame.
    var coldFirstFrameMs: [Double] = []
    var coldOpenToFrameMs: [Double] = []
    var sqliteMs: [Double] = []
    var sqliteProblem: String?
    var keyOrder: [String] = []
    var keys: [String: [Double]] = [:]
    var settled: [String: [Double]] = [:]
    var queryOrder: [String] = []
    var queries: [String: [Double]] = [:]
    var maxRSSKB: [Int] = []
    var firstFrameBytes: [Int] = []
    var listMoveBytes: [Int] = []
    var panelMoveBytes: [Int] = []
    var idleBytes: [Int] = []
}

struct DatasetFigures: Sendable {
    var name: String
    var path: String
    var units: Int
    var fileBytes: Int
    var generationSeconds: Double?
    var panels: [PanelFigures] = []
}

struct BenchReport: Sendable {
    var options: BenchOptions
    var datasets: [DatasetFigures] = []
    /// 1-minute load average when the measuring started and ended.
    var load: (start: Double?, end: Double?) = (nil, nil)
    var cores = ProcessInfo.processInfo.activeProcessorCount
}

/// Prepares the databases, starts the measuring processes, times the sqlite3 reference, gathers the figures.
enum Runner {
    static func run(_ o: BenchOptions, log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) throws -> BenchReport {
        try FileManager.default.createDirectory(atPath: o.dir, withIntermediateDirectories: true)
        var report = BenchReport(options: o)
        var sets: [(name: String, path: String, seconds: Double?)] = []
        let (genPath, genSeconds) = try generated(o, log: log)
        sets.append(("generated \(o.units) units (seed \(o.seed))", genPath, genSeconds))
        if let dir = o.sampleDir {
            sets.append(("sample data 示例市 (sample-data/)", try sample(o, from: dir, log: log), nil))
        }
        report.load.start = loadAverage()
        for s in sets {
            let store = try Store(path: s.path, create: false)
            let units = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0 }
            let size = (try? FileManager.default.attributesOfItem(atPath: s.path)[.size] as? Int) ?? 0
            var d = DatasetFigures(name: s.name, path: s.path, units: units, fileBytes: size, generationSeconds: s.seconds)
            for p in o.panels {
                log("measuring \(p.panel) on \(s.name) …")
                d.panels.append(try measure(p, db: s.path, store: store, dataset: s.name, o))
            }
            report.datasets.append(d)
        }
        report.load.end = loadAverage()
        return report
    }

    /// The generated database, reused when a previous run made the same one.
    static func generated(_ o: BenchOptions, log: (String) -> Void) throws -> (String, Double?) {
        let path = "\(o.dir)/units-\(o.units)-seed-\(o.seed)-\(o.today).sqlite"
        let want = SyntheticData.markerValue(units: o.units, seed: o.seed, today: o.today)
        if FileManager.default.fileExists(atPath: path), let store = try? Store(path: path, create: false),
           (try? SyntheticData.marker(of: store)) == want, try schema(of: store) == currentSchema(o) {
            log("reusing \(path)")
            return (path, nil)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        log("generating \(o.units) units → \(path)")
        let r = try SyntheticData.generate(units: o.units, seed: o.seed, today: o.today, into: try Store(path: path))
        return (path, r.seconds)
    }

    /// Tables and indexes as SQL, to tell a file made before a schema change (new indexes) from a current one.
    static func schema(of store: Store) throws -> String {
        try store.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").joined(separator: "\n")
        }
    }

    static func currentSchema(_ o: BenchOptions) throws -> String {
        let path = "\(o.dir)/schema-probe.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        return try schema(of: try Store(path: path))
    }

    /// The sample city, loaded from its CSVs as `liangxin init --sample` does.
    static func sample(_ o: BenchOptions, from dir: String, log: (String) -> Void) throws -> String {
        let path = "\(o.dir)/sample.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        log("loading the sample data → \(path)")
        _ = try CSVSet.load(directory: dir, into: try Store(path: path), today: o.today)
        return path
    }

    /// Issue 8 names the overview's aggregates as the sqlite3 reference; the other panels have none.
    static let noReference = "none for this panel (the reference is the overview's aggregates)"

    static func measure(_ p: PanelBench, db: String, store: Store, dataset: String, _ o: BenchOptions) throws -> PanelFigures {
        var f = PanelFigures(panel: p.panel)
        let scriptPath = "\(o.dir)/\(URL(fileURLWithPath: db).deletingPathExtension().lastPathComponent)-\(p.panel).sql"
        var sqlite: String?
        if let reference = p.referenceSQL {
            try QueryPart.sqliteScript(try reference(store, o.today)).write(toFile: scriptPath, atomically: true, encoding: .utf8)
            sqlite = findExecutable("sqlite3")
            if sqlite == nil { f.sqliteProblem = "sqlite3 not found on PATH" }
        } else {
            f.sqliteProblem = Self.noReference
        }
        // Every run starts as a user's start does after an import, the generator or another session's reload: with
        // the coverage summary saved. The runs without one come after.
        if p.readsSavedFigures { try store.refreshSavedFigures(today: o.today) }
        for run in 0..<max(1, o.runs) {
            let c = try child(p, db: db, o, first: run == 0)
            f.firstFrameMs.append(c.firstFrameMs)
            f.openToFrameMs.append(c.result.mainToFrameMs)
            f.frameCPUMs.append(c.result.frameCPUMs)
            f.frameDiskReadBytes.append(c.result.frameDiskReadBytes)
            for k in c.result.keyOrder {
                if f.keys[k] == nil { f.keyOrder.append(k) }
                f.keys[k, default: []] += c.result.keys[k] ?? []
                f.settled[k, default: []] += c.result.settled[k] ?? []
            }
            for q in c.result.queryOrder {
                if f.queries[q] == nil { f.queryOrder.append(q) }
                f.queries[q, default: []] += c.result.queries[q] ?? []
            }
            f.maxRSSKB.append(c.result.maxRSSKB)
            f.firstFrameBytes.append(c.result.firstFrameBytes)
            f.listMoveBytes.append(c.result.listMoveBytes)
            if let m = c.result.panelMoveBytes { f.panelMoveBytes.append(m) }
            f.idleBytes.append(c.result.idleBytes)
            if let sqlite, f.sqliteProblem == nil {
                do { f.sqliteMs.append(try timeSQLite(sqlite, db: db, script: scriptPath, dir: o.dir)) }
                catch { f.sqliteProblem = "\(error)" }
            }
        }
        if p.readsSavedFigures {
            for _ in 0..<max(1, o.runs) {
                try store.forgetSavedFigures()
                let c = try child(p, db: db, o, first: false, startOnly: true)
                f.coldFirstFrameMs.append(c.firstFrameMs)
                f.coldOpenToFrameMs.append(c.result.mainToFrameMs)
            }
            try store.refreshSavedFigures(today: o.today)
        }
        return f
    }

    /// One measuring process (or, without an executable, the same measurements in this process).
    /// `startOnly`: the first frame and nothing after it.
    static func child(_ p: PanelBench, db: String, _ o: BenchOptions, first: Bool, startOnly: Bool = false) throws -> (firstFrameMs: Double, result: ChildResult) {
        // Keys, reads and bytes are the same in every run; later runs only repeat the start-up measurement.
        var co = ChildOptions(db: db, panel: p, today: o.today, width: o.width, height: o.height, keyRounds: o.keyRounds,
                              reloadRounds: o.reloadRounds, queryRounds: o.queryRounds, idleSeconds: o.idleSeconds)
        if !first { co.keyRounds = max(1, o.keyRounds / 10); co.reloadRounds = 1; co.queryRounds = 1 }
        if startOnly { co.keyRounds = 0; co.reloadRounds = 0; co.queryRounds = 0; co.idleSeconds = 0 }
        guard let exe = o.executable else {
            let start = monotonicNs()
            let r = try MainActor.assumeIsolated { try Child.run(co, mainStart: start) }
            return (Double(r.frameAtNs - start) / 1e6, r)
        }
        let args = ["child", "--db", db, "--panel", "\(p.panel)", "--today", "\(o.today)", "--size", "\(o.width)x\(o.height)",
                    "--key-rounds", "\(co.keyRounds)", "--reload-rounds", "\(co.reloadRounds)",
                    "--query-rounds", "\(co.queryRounds)", "--idle-seconds", "\(o.idleSeconds)"]
        let outPath = "\(o.dir)/child-stdout.json", errPath = "\(o.dir)/child-stderr.log"
        let r = try Spawn.run(exe, args, stdout: outPath, stderr: errPath)
        let line = ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "").split(separator: "\n").last.map(String.init) ?? ""
        guard r.status == 0, let c = try? JSONDecoder().decode(ChildResult.self, from: Data(line.utf8)) else {
            let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw BenchError("measuring process failed (status \(r.status)): \(err)\(line)")
        }
        return (Double(c.frameAtNs - r.spawnedNs) / 1e6, c)
    }

    /// `sqlite3 FILE < script`, wall time from start to exit.
    static func timeSQLite(_ sqlite: String, db: String, script: String, dir: String) throws -> Double {
        let errPath = "\(dir)/sqlite3-stderr.log"
        let r = try Spawn.run(sqlite, ["-batch", db], stdin: script, stdout: "/dev/null", stderr: errPath)
        let msg = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        guard r.status == 0, msg.isEmpty else { throw BenchError("sqlite3 failed: \(msg)") }
        return Double(r.exitedNs - r.spawnedNs) / 1e6
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }
}

enum Stats {
    static func median(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Nearest-rank percentile.
    static func percentile(_ xs: [Double], _ p: Double) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return s[min(s.count - 1, max(0, rank - 1))]
    }
}
