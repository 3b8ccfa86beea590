import Foundation
import Glibc
import LiangxinApp
import LiangxinModel
import LiangxinStore
import NcursesBackend
import TermKit

/// What one measuring process reports (as one JSON line on stdout).
struct ChildResult: Codable, Sendable {
    /// CLOCK_MONOTONIC when the first complete frame was rendered; the parent subtracts its spawn time.
    var frameAtNs: UInt64
    /// From the start of `main` to the first frame (the part of start-up that is ours).
    var mainToFrameMs: Double
    /// CPU time the process had used when the first frame was complete (start-up included): less disturbed than
    /// wall time by other work on a shared machine.
    var frameCPUMs: Double
    /// Bytes this process had read from storage (not the OS page cache) by its first frame: on a machine that
    /// reclaims file pages between runs, a slow first frame shows here.
    var frameDiskReadBytes: Int = 0
    var keyOrder: [String]
    var keys: [String: [Double]]
    /// For keys whose result is read in the background: key press → the frame showing the result.
    var settled: [String: [Double]] = [:]
    var queryOrder: [String]
    var queries: [String: [Double]]
    var maxRSSKB: Int
    var firstFrameBytes: Int
    var listMoveBytes: Int
    var panelMoveBytes: Int?
    var idleBytes: Int
}

struct ChildOptions: Sendable {
    var db: String
    var panel: PanelBench
    var today: Day
    var width = 120
    var height = 40
    var keyRounds = 100
    var reloadRounds = 10
    var queryRounds = 10
    var idleSeconds = 1.0
}

func monotonicNs() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func elapsedMs(since start: UInt64) -> Double { Double(monotonicNs() - start) / 1e6 }

/// `read_bytes` of /proc/self/io: what the process caused to be read from storage.
func processDiskReadBytes() -> Int {
    guard let io = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8),
          let line = io.split(separator: "\n").first(where: { $0.hasPrefix("read_bytes:") }) else { return 0 }
    return Int(line.split(separator: " ").last ?? "") ?? 0
}

func processCPUMs() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

/// The 1-minute load average, to read wall-clock figures from a shared machine with.
func loadAverage() -> Double? {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
}

/// Peak resident memory of this process in KB. getrusage's ru_maxrss would be the figure, but Linux carries it
/// over execve from the parent's address space when the process was started with vfork (as posix_spawn does), so
/// it would report the benchmark's own peak; VmHWM belongs to this process's address space alone. ru_maxrss is
/// the fallback where /proc is missing.
func peakResidentKB() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kb = Int(line.split(separator: " ").dropFirst().first ?? "") {
        return kb
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
}

final class PartTimer: QueryTimer {
    var order: [String] = []
    var samples: [String: [Double]] = [:]
    func record(_ part: String, seconds: Double) {
        if samples[part] == nil { order.append(part) }
        samples[part, default: []].append(seconds * 1000)
    }
}

/// The measurements of one process: the same start-up path as `liangxin snapshot` (open the store, build the app,
/// load the panel, render), then keys, reads, and the bytes ncurses writes.
enum Child {
    @MainActor
    static func run(_ o: ChildOptions, mainStart: UInt64) throws -> ChildResult {
        let trace = ProcessInfo.processInfo.environment["LIANGXIN_BENCH_TRACE"] != nil
        func mark(_ what: String) { if trace { FileHandle.standardError.write(Data("\(what) \(elapsedMs(since: mainStart))\n".utf8)) } }
        let store = try Store(path: o.db, create: false)
        mark("store open")
        // Background reads as on a terminal: the other panels warm up while the keys are typed.
        let app = App(ctx: AppContext(store: store, today: o.today, lang: .zh, reads: .threaded), start: o.panel.panel)
        mark("app + panel loaded")
        let first = app.render(width: o.width, height: o.height)
        let frameAt = monotonicNs()
        let frameCPU = processCPUMs()
        let frameDisk = processDiskReadBytes()
        mark("rendered")
        precondition(!first.lines().joined().isEmpty)

        var keyOrder: [String] = []
        var keys: [String: [Double]] = [:]
        var settled: [String: [Double]] = [:]
        func time(_ k: ScriptKey) {
            let t0 = monotonicNs()
            app.update(.key(k.key))
            _ = app.render(width: o.width, height: o.height)
            if keys[k.label] == nil { keyOrder.append(k.label) }
            keys[k.label, default: []].append(elapsedMs(since: t0))
            // The screen answered; when it shows "searching…" or "loading…", also time the frame with the result
            // (drawn, as the terminal does, when the read is done; the next key waits for it so rounds repeat).
            guard app.isWaitingForReads else { return }
            while app.isWaitingForReads {
                usleep(500)
                _ = app.ctx.background.takeFinished()
                _ = app.render(width: o.width, height: o.height)
            }
            settled[k.label, default: []].append(elapsedMs(since: t0))
        }
        for _ in 0..<o.keyRounds { for k in o.panel.keys { time(k) } }
        for _ in 0..<o.reloadRounds { time(PanelBench.reloadKey) }

        let timer = PartTimer()
        for _ in 0..<o.queryRounds {
            let t0 = monotonicNs()
            try o.panel.queries(store, o.today, timer)
            timer.record("total (all reads)", seconds: elapsedMs(since: t0) / 1000)
        }

        let bytes = try TerminalBytes.measure(app: app, store: store, width: o.width, height: o.height,
                                              moveKey: o.panel.moveKey, idleSeconds: o.idleSeconds)
        return ChildResult(frameAtNs: frameAt, mainToFrameMs: Double(frameAt - mainStart) / 1e6, frameCPUMs: frameCPU, frameDiskReadBytes: frameDisk, keyOrder: keyOrder, keys: keys,
                           settled: settled,
                           queryOrder: timer.order, queries: timer.samples, maxRSSKB: peakResidentKB(),
                           firstFrameBytes: bytes.firstFrame, listMoveBytes: bytes.listMove, panelMoveBytes: bytes.panelMove,
                           idleBytes: bytes.idle)
    }
}
