import Foundation
import XCTest

/// The dashboard in a real terminal: start on the demo database, switch panels, resize, quit, and check that the
/// terminal left the alternate screen.
final class TerminalEndToEndTests: XCTestCase {
    /// The `liangxin` binary sits beside the test bundle in the build directory.
    var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("liangxin").path
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func testDemoSessionInTmux() throws {
        guard TmuxSession.tmuxPath != nil else { throw XCTSkip("tmux not installed (apt-get install tmux)") }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary), "missing \(binary)")
        let data = NSTemporaryDirectory() + "liangxin-e2e-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: data) }
        let cmd = "cd '\(root)' && env XDG_DATA_HOME='\(data)' LIANGXIN_TODAY=2026-11-22 LANG=C.UTF-8 '\(binary)' demo; echo EXITED:$?; sleep 30"
        let t = try TmuxSession(command: cmd, width: 120, height: 40)

        // The overview with the sample city's headline figure (sample-data/EXPECTED.md: 合计 70.62%).
        var s = try t.waitFor("the overview", timeout: 90) { $0.contains { $0.contains("两新组织合计") && $0.contains("70.62%") } }
        XCTAssertTrue(s[0].hasPrefix(" 1 总览 │ 2 覆盖"))
        XCTAssertEqual(try t.value("#{alternate_on}"), "1")

        // Panel switching by digit and by Tab.
        try t.send("2")
        s = try t.waitFor("the coverage tab") { !$0.contains { $0.contains("两新组织合计") && $0.contains("70.62%") && $0.contains("较上年") } }
        try t.send("Tab")
        try t.send("1")
        try t.waitFor("back to the overview") { $0.contains { $0.contains("两新组织合计") } && $0.contains { $0.contains("问题清单") } }

        // Resize: the layout follows, nothing wider than the terminal, Chinese never split.
        try t.resize(80, 24)
        // tmux crops the old frame at once; the program's own 80-column layout puts 问题清单 in the fourth column.
        s = try t.waitFor("the 80×24 layout") { $0.contains { $0.contains("两新组织合计") } && $0.contains { $0.hasSuffix("┌─ 问题清单 ───────┐") } }
        for line in s { XCTAssertLessThanOrEqual(line.count, 80, line) }
        try t.resize(60, 20)
        try t.waitFor("the too-small screen") { $0.contains { $0.contains("终端太小") } }
        try t.resize(120, 40)
        try t.waitFor("the full layout again") { $0.contains { $0.contains("工商联会员企业") } }

        // Help overlay, then quit: the program exits 0 and the terminal is back on the normal screen.
        try t.send("?")
        try t.waitFor("the help overlay") { $0.contains { $0.contains("下一个面板") } }
        try t.send("Escape")
        try t.send("q")
        try t.waitFor("the exit") { $0.contains { $0.contains("EXITED:0") } }
        XCTAssertEqual(try t.value("#{alternate_on}"), "0")
    }

    func testUnusableTerminalGivesAClearErrorAndExitCode2() throws {
        guard TmuxSession.tmuxPath != nil else { throw XCTSkip("tmux not installed (apt-get install tmux)") }
        let data = NSTemporaryDirectory() + "liangxin-e2e-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: data) }
        let cmd = "env TERM=no-such-terminal-xyz '\(binary)' --db '\(data)/x.sqlite'; echo EXITED:$?; sleep 30"
        let t = try TmuxSession(command: cmd, width: 250, height: 20)
        let s = try t.waitFor("the exit") { $0.contains { $0.contains("EXITED:") } }
        let text = s.filter { !$0.isEmpty }
        XCTAssertEqual(text.count, 2, "one line, then the exit code: \(text)")
        XCTAssertTrue(text[0].contains("no-such-terminal-xyz"), text[0])
        XCTAssertEqual(text[1], "EXITED:2")
    }

    func testWithoutATerminalItSaysWhatToUseAndCreatesNothing() throws {
        let data = NSTemporaryDirectory() + "liangxin-e2e-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: data) }
        let r = try Spawn.run(binary, ["--db", data + "/x.sqlite"], environment: ProcessInfo.processInfo.environment)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.output.contains("liangxin snapshot"), r.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data + "/x.sqlite"))
    }
}
