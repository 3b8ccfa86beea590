import Foundation
import Glibc

/// posix_spawn and waitpid, timed. Foundation's `Process.waitUntilExit` polls its run loop in 50 ms steps on
/// Linux, which would swamp the sqlite3 reference; this waits in the kernel.
enum Spawn {
    struct Result { var status: Int32; var spawnedNs: UInt64; var exitedNs: UInt64 }

    /// Runs `path` with `arguments`, standard input, output and error connected to the given files.
    static func run(_ path: String, _ arguments: [String], stdin: String = "/dev/null", stdout: String, stderr: String) throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = monotonicNs()
        let rc = argv.withUnsafeBufferPointer { posix_spawn(&pid, path, &actions, nil, $0.baseAddress!, environ) }
        guard rc == 0 else { throw BenchError("cannot start \(path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw BenchError("waitpid: \(String(cString: strerror(errno)))") }
        }
        let exited = monotonicNs()
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: code, spawnedNs: spawned, exitedNs: exited)
    }
}
