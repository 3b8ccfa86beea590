import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore
import NcursesBackend
import TermKit

/// Runs the dashboard on the real terminal: theme, ncurses, the app loop, and the terminal restored after.
enum TUI {
    static func themeSearchPaths() -> [String] {
        var paths: [String] = []
        if let x = ProcessInfo.processInfo.environment["LIANGXIN_THEMES"] { paths.append(x) }
        paths.append(FileManager.default.currentDirectoryPath + "/themes")
        let cfg = ProcessInfo.processInfo.environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        paths.append(cfg + "/liangxin/themes")
        if let sample = try? SampleData.directory() {
            paths.append(URL(fileURLWithPath: sample).deletingLastPathComponent().appendingPathComponent("themes").path)
        }
        return paths
    }

    /// Piped or redirected, the dashboard would wait for keys nobody can type: say what to use instead, before
    /// any database is opened or created.
    static func requireTerminal() {
        guard isatty(0) != 0, isatty(1) != 0 else {
            FileHandle.standardError.write(Data("liangxin: 标准输入输出不是终端；无终端时请用 snapshot 或 report (not a terminal; use `liangxin snapshot` or `liangxin report`)\n".utf8))
            Foundation.exit(2)
        }
    }

    @MainActor
    static func run(store: Store, today: Day, ui: UIOptions, panel: String) throws {
        let lang = try ui.resolvedLang()
        guard let start = PanelID.parse(panel) else {
            throw CLIError("--panel: “\(panel)” is not one of overview, coverage, outreach, stations, training, stars")
        }
        let (theme, themeError) = Theme.loadOrBuiltIn(name: ui.theme, searchPaths: themeSearchPaths())
        if let e = themeError {
            FileHandle.standardError.write(Data("\(e)\n已改用默认主题 (using the default theme)\n".utf8))
        }
        if ui.ascii { BorderSet.preferred = .ascii }

        // While curses owns the screen, stderr goes to a log beside the database, or a fatal message is lost.
        let logPath = URL(fileURLWithPath: store.path).deletingPathExtension().path + ".log"
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.start(theme: theme, ascii: ui.ascii)
        } catch {
            FileHandle.standardError.write(Data("liangxin: \(error)\n".utf8))
            Foundation.exit(2)
        }
        do { try NcursesTerminal.redirectStderr(to: logPath) } catch {
            terminal.stop()
            throw CLIError("\(error)")
        }
        defer {
            terminal.stop()
            NcursesTerminal.restoreStderr()
        }
        let app = App(ctx: AppContext(store: store, today: today, lang: lang, ascii: ui.ascii, reads: .threaded), start: start)
        app.run(on: terminal)
    }
}
