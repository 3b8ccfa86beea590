import Foundation

/// Store reads that may take longer than a frame (a new sort or filter over 100,000 units, another panel's load,
/// the statistics forms) run here, off the thread that answers keys, and the screen shows what it has until the
/// result comes (issue 8: a key must render within 16 ms; these reads take 50–200 ms at city scale).
///
/// `inline` runs each read at once on the caller's thread: the headless snapshot, reports and the tests get the
/// finished screen from the same code without waiting. The terminal and the benchmark use `threaded`.
///
/// Results are kept by key until `invalidate()` (any data change): asking again for a key gives the same result.
/// Readers get the value only on the main actor; the work itself must only touch Sendable values (the `Store`).
@MainActor
public final class BackgroundReads {
    public enum Mode: Sendable { case inline, threaded }
    public let mode: Mode

    private final class Job: @unchecked Sendable {
        // Written once by the worker under the lock, read by the main thread under the lock.
        let lock = NSLock()
        var result: Result<any Sendable, any Error>?
        let done = DispatchSemaphore(value: 0)
    }

    private var jobs: [String: Job] = [:]
    /// Jobs whose results have not been looked at since they finished (to know when to draw again).
    private var unseen: Set<String> = []
    /// Reads a key asked for: concurrent, so they never queue behind a panel's warm-up.
    private let queue = DispatchQueue.global(qos: .userInitiated)
    /// Warm-ups of other panels, one at a time: on a shared two-core server they must leave a core to the keys.
    private let warmQueue = DispatchQueue(label: "liangxin.warm-up", qos: .utility)
    private let group = DispatchGroup()

    public init(mode: Mode = .inline) { self.mode = mode }

    /// The result for `key` if it is ready; otherwise starts `work` (once per key) and returns nil.
    /// In inline mode the work runs now and the result is returned.
    public func value<T: Sendable>(_ key: String, _ work: @escaping @Sendable () throws -> T) throws -> T? {
        let job = start(key, work)
        job.lock.lock()
        let r = job.result
        job.lock.unlock()
        // Still running: it stays "unseen", so the loop draws again when it is done.
        guard let r else { return nil }
        unseen.remove(key)
        return try cast(r.get())
    }

    /// The result for `key`, waiting for it (starting `work` if nobody has): for a read the screen cannot do without.
    public func wait<T: Sendable>(_ key: String, _ work: @escaping @Sendable () throws -> T) throws -> T {
        let job = start(key, work)
        job.lock.lock()
        var r = job.result
        job.lock.unlock()
        if r == nil {
            job.done.wait()
            job.done.signal()
            job.lock.lock(); r = job.result; job.lock.unlock()
        }
        unseen.remove(key)
        return try cast(r!.get())
    }

    /// Starts `work` for `key` if it is neither running nor done (a warm-up of what a key will soon ask for).
    public func prefetch<T: Sendable>(_ key: String, _ work: @escaping @Sendable () throws -> T) {
        _ = start(key, work, on: warmQueue)
    }

    public func isReady(_ key: String) -> Bool {
        guard let job = jobs[key] else { return false }
        job.lock.lock(); defer { job.lock.unlock() }
        return job.result != nil
    }

    /// Whether a read finished that nobody has looked at yet: the screen should be drawn again.
    public func takeFinished() -> Bool {
        let finished = unseen.filter { isReady($0) }
        unseen.subtract(finished)
        return !finished.isEmpty
    }

    /// Whether any read is still running.
    public var busy: Bool { jobs.keys.contains { !isReady($0) } }

    /// Blocks until every started read has finished.
    public func waitAll() { group.wait() }

    /// Forgets every result (the data changed). Reads still running finish into jobs nobody keeps.
    public func invalidate() {
        jobs.removeAll()
        unseen.removeAll()
    }

    /// Forgets one result (its reader keeps it itself).
    public func forget(_ key: String) {
        jobs[key] = nil
        unseen.remove(key)
    }

    private func start<T: Sendable>(_ key: String, _ work: @escaping @Sendable () throws -> T, on q: DispatchQueue? = nil) -> Job {
        if let j = jobs[key] { return j }
        let job = Job()
        jobs[key] = job
        let run: @Sendable () -> Void = {
            let r: Result<any Sendable, any Error> = Result { try work() }
            job.lock.lock(); job.result = r; job.lock.unlock()
            job.done.signal()
        }
        switch mode {
        case .inline:
            run()
        case .threaded:
            unseen.insert(key)
            group.enter()
            (q ?? queue).async { [group] in run(); group.leave() }
        }
        return job
    }

    private func cast<T>(_ v: any Sendable) throws -> T {
        guard let t = v as? T else { throw BackgroundReadError.wrongType(String(describing: T.self)) }
        return t
    }
}

/// A read with its key: the same work whether a panel's data are warmed up after the first frame, awaited when the
/// panel is shown, or asked for without waiting.
public struct BackgroundRead<Value: Sendable>: Sendable {
    public let key: String
    public let work: @Sendable () throws -> Value

    public init(key: String, work: @escaping @Sendable () throws -> Value) { self.key = key; self.work = work }
}

extension BackgroundReads {
    public func prefetch<T: Sendable>(_ r: BackgroundRead<T>) { prefetch(r.key, r.work) }
    public func wait<T: Sendable>(_ r: BackgroundRead<T>) throws -> T { try wait(r.key, r.work) }
    public func value<T: Sendable>(_ r: BackgroundRead<T>) throws -> T? { try value(r.key, r.work) }
    public func isReady<T: Sendable>(_ r: BackgroundRead<T>) -> Bool { isReady(r.key) }
}

enum BackgroundReadError: Error, CustomStringConvertible {
    case wrongType(String)
    var description: String {
        switch self { case .wrongType(let t): return "internal error: a background read gave something other than \(t)" }
    }
}
