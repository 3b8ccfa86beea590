import Foundation
import XCTest

/// A private tmux server running one command, for driving the real binary as a user would.
final class TmuxSession {
    let socket: String
    let name = "e2e"

    static var tmuxPath: String? {
        for p in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"] where FileManager.default.isExecutableFile(atPath: p) { return p }
        return nil
    }

    init(command: String, width: Int, height: Int) throws {
        socket = "liangxin-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        guard let path = TmuxSession.tmuxPath else { throw XCTSkip("tmux not installed") }
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env.removeValue(forKey: "TMUX")
        return try Spawn.run(path, ["-L", socket, "-f", "/dev/null"] + args, environment: env).output
    }

    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", name]).components(separatedBy: "\n")
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func resize(_ w: Int, _ h: Int) throws { try tmux(["resize-window", "-t", name, "-x", "\(w)", "-y", "\(h)"]) }

    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds (a frame is drawn asynchronously).
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 30, _ predicate: ([String]) -> Bool) throws -> [String] {
        let end = Date().addingTimeInterval(timeout)
        var last: [String] = []
        while Date() < end {
            last = try screen()
            if predicate(last) { return last }
            usleep(100_000)
        }
        XCTFail("timed out waiting for \(what); screen was:\n" + last.joined(separator: "\n"))
        return last
    }
}
