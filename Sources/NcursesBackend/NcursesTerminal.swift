// The only file of the project that talks to ncurses. Everything terminal-specific lives here:
// locale, terminal type, colours, keys, mouse, signals, stderr.
import CNcursesw
import Glibc
import TermKit

/// Why the terminal could not be started. The caller prints `description` and exits with code 2.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// No UTF-8 locale could be set: Chinese would print as garbage.
    case noUTF8Locale(current: String)
    /// TERM is unset or empty.
    case noTerminalType
    /// ncurses does not know (or cannot use) this terminal type.
    case unusableTerminal(String)
    /// Opening the stderr log failed.
    case cannotOpenLog(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .noUTF8Locale(let current):
            return "无法设置 UTF-8 区域设置（当前编码 \(current)），中文无法正确显示。"
                + "请设置 LANG=zh_CN.UTF-8 或 C.UTF-8 (no UTF-8 locale available)"
        case .noTerminalType:
            return "未设置 TERM 环境变量，无法打开终端界面 (TERM is not set)"
        case .unusableTerminal(let name):
            return "无法使用终端类型 '\(name)'：请检查 TERM 环境变量，例如 TERM=xterm-256color "
                + "(unknown or unusable terminal type '\(name)')"
        case .cannotOpenLog(let path, let code):
            return "无法打开日志文件 \(path)：\(String(cString: strerror(code))) (cannot open log file)"
        }
    }
}

// MARK: - State shared with signal handlers

// Signal handlers can only reach globals. They are written on the main thread before handlers are
// installed and read inside handlers; this is the accepted practice for endwin-on-signal.
nonisolated(unsafe) private var cursesActive = false
nonisolated(unsafe) private var savedStderr: Int32 = -1
nonisolated(unsafe) private var crashNote: UnsafeMutablePointer<CChar>? = nil
nonisolated(unsafe) private var crashNoteLength = 0
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>? = nil
nonisolated(unsafe) private var handlersInstalled = false

private let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

/// SIGINT, SIGTERM, SIGHUP: restore the terminal, exit 128+signal (130, 143, 129).
private func onTerminate(_ sig: Int32) {
    if cursesActive { cursesActive = false; endwin() }
    if savedStderr >= 0 { dup2(savedStderr, 2) }
    _exit(128 + sig)
}

/// Crash signals: restore the terminal, then let the signal finish the process. A fault raised by
/// the CPU (SIGSEGV, SIGBUS, SIGILL, SIGFPE with a kernel si_code) goes back to whatever handled it
/// before — the Swift runtime's backtracer, or the default action — and happens again when this
/// handler returns. A signal that was sent (kill, raise, abort) or a trap is re-raised with the
/// default action, since the Swift backtracer returns from a sent signal without ending the process.
private func onCrash(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if cursesActive { cursesActive = false; endwin() }
    if savedStderr >= 0, let note = crashNote { _ = write(savedStderr, note, crashNoteLength) }
    let sent = (info?.pointee.si_code ?? 0) <= 0
    if sent || sig == SIGABRT || sig == SIGTRAP {
        signal(sig, SIG_DFL)
        raise(sig)          // pending until this handler returns, then the default action
    } else if let previous = previousActions {
        sigaction(sig, previous + Int(sig), nil)
    } else {
        signal(sig, SIG_DFL)
    }
}

private func installSignalHandlers() {
    guard !handlersInstalled else { return }
    let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    previous.initialize(repeating: sigaction(), count: 65)
    previousActions = previous
    for sig in terminatingSignals {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { onTerminate($0) }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0
        sigaction(sig, &sa, previous + Int(sig))
    }
    for sig in crashSignals {
        var sa = sigaction()
        sa.__sigaction_handler.sa_sigaction = { onCrash($0, $1, $2) }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigaction(sig, &sa, previous + Int(sig))
    }
    handlersInstalled = true
}

private func restoreSignalHandlers() {
    guard handlersInstalled, let previous = previousActions else { return }
    for sig in terminatingSignals + crashSignals { sigaction(sig, previous + Int(sig), nil) }
    handlersInstalled = false
}

// MARK: - Terminal

/// A `TerminalBackend` on ncursesw. Create with `start`, end with `stop` (idempotent; also done on
/// SIGINT/SIGTERM/SIGHUP and crash signals).
public final class NcursesTerminal: TerminalBackend {
    public private(set) var size: (width: Int, height: Int)
    /// The colour mode in use (chosen from the terminal's COLORS and NO_COLOR unless given).
    public let colorMode: ColorMode
    public let theme: Theme
    public let ascii: Bool

    private let screen: OpaquePointer
    private var previous: Buffer? = nil
    private var cursorVisible: Bool? = nil
    private var lastCursor: (x: Int, y: Int)? = nil
    private var attrCache: [Style: (attr: attr_t, pair: Int16)] = [:]
    private var rolePairs: [Role: (pair: Int16, extraBold: Bool)] = [:]
    private var stopped = false
    private let maxCombining: Int

    /// Number of frames that sent anything to the terminal (for tests and benchmarks).
    public private(set) var framesWritten = 0

    /// Sets the locale, opens the terminal and configures it. `ascii` makes `BorderSet.ascii` the
    /// widgets' default (borders, bars, sparklines and sort arrows in plain ASCII).
    /// - Parameters:
    ///   - colorMode: force a colour mode (still limited by what the terminal can show);
    ///     nil = 256 / 16 / none from the terminal's COLORS, and none when NO_COLOR is set.
    ///   - output, input: streams for `newterm` (default stdout/stdin); a benchmark passes a pipe
    ///     as `output` to count the bytes written.
    ///   - terminalType: overrides TERM.
    public static func start(theme: Theme, ascii: Bool, colorMode: ColorMode? = nil,
                             output: UnsafeMutablePointer<FILE>? = nil, input: UnsafeMutablePointer<FILE>? = nil,
                             terminalType: String? = nil) throws -> NcursesTerminal {
        try ensureUTF8Locale()
        let type = terminalType ?? ProcessInfoLite.env("TERM") ?? ""
        if type.isEmpty { throw TerminalError.noTerminalType }
        // Our handlers go in before newterm, so ncurses keeps its own SIGINT/SIGTERM handlers out
        // and `stop()` can put back exactly what the process had before.
        installSignalHandlers()
        guard let screen = newterm(type, output ?? lx_stdout(), input ?? lx_stdin()) else {
            restoreSignalHandlers()
            throw TerminalError.unusableTerminal(type)
        }
        set_term(screen)
        // A terminal that cannot move the cursor (TERM=dumb) cannot show a dashboard.
        let cup = tigetstr("cup")
        if cup == nil || Int(bitPattern: cup) == -1 {
            endwin()
            delscreen(screen)
            restoreSignalHandlers()
            throw TerminalError.unusableTerminal(type)
        }
        if ProcessInfoLite.env("ESCDELAY") == nil { set_escdelay(25) }
        cbreak()
        noecho()
        // Ctrl-S saves a form and Ctrl-Q is free: turn off XON/XOFF flow control, which would freeze the screen.
        var tio = termios()
        if tcgetattr(0, &tio) == 0 {
            tio.c_iflag &= ~tcflag_t(IXON)
            _ = tcsetattr(0, TCSANOW, &tio)
            def_prog_mode()   // so a return from Ctrl-Z keeps it off
        }
        nonl()
        intrflush(lx_stdscr(), false)
        keypad(lx_stdscr(), true)
        mouseinterval(0)
        mousemask(lx_button1_clicked() | lx_button1_pressed(), nil)

        // Colours
        var mode: ColorMode = .none
        let wanted: ColorMode
        if let colorMode { wanted = colorMode }
        else if let noColor = ProcessInfoLite.env("NO_COLOR"), !noColor.isEmpty { wanted = .none }
        else { wanted = .c256 }
        if wanted != .none && has_colors() {
            start_color()
            let colors = Int(lx_colors())
            if colors >= 256 && wanted == .c256 { mode = .c256 }
            else if colors >= 8 { mode = .c16 }
        }
        if ascii { BorderSet.preferred = .ascii }
        let terminal = NcursesTerminal(screen: screen, theme: theme, ascii: ascii, mode: mode)
        cursesActive = true
        return terminal
    }

    private init(screen: OpaquePointer, theme: Theme, ascii: Bool, mode: ColorMode) {
        self.screen = screen
        self.theme = theme
        self.ascii = ascii
        self.colorMode = mode
        self.size = (Int(lx_getmaxx(lx_stdscr())), Int(lx_getmaxy(lx_stdscr())))
        self.maxCombining = Int(lx_ccharw_max()) - 1
        setUpPairs()
        werase(lx_stdscr())
    }

    deinit { stop() }

    /// UTF-8 is required: `setlocale(LC_ALL, "")`, and C.UTF-8 when the user's codeset is not UTF-8.
    public static func ensureUTF8Locale() throws {
        setlocale(LC_ALL, "")
        if isUTF8() { return }
        for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if setlocale(LC_ALL, fallback) != nil, isUTF8() { return }
        }
        throw TerminalError.noUTF8Locale(current: String(cString: lx_codeset()))
    }

    private static func isUTF8() -> Bool {
        let cs = String(cString: lx_codeset()).uppercased()
        return cs == "UTF-8" || cs == "UTF8"
    }

    private func setUpPairs() {
        guard colorMode != .none else {
            for role in Role.allCases { rolePairs[role] = (0, false) }
            return
        }
        let defaults = use_default_colors() != lx_err()
        let colors = Int(lx_colors())
        for (i, role) in Role.allCases.enumerated() {
            let r = theme.resolve(role, colorMode)
            var extraBold = false
            func fit(_ c: Int?, foreground: Bool) -> Int16 {
                guard var c else { return defaults ? -1 : (foreground ? 7 : 0) }
                if c >= colors && c >= 8 && c < 16 {       // 8-colour terminal: bright = bold
                    c -= 8
                    if foreground { extraBold = true }
                }
                return Int16(min(c, max(0, colors - 1)))
            }
            let fg = fit(r.fg, foreground: true)
            let bg = fit(r.bg, foreground: false)
            let pair = Int16(i + 1)
            if Int(pair) < Int(lx_color_pairs()) {
                init_pair(pair, fg, bg)
                rolePairs[role] = (pair, extraBold)
            } else {
                rolePairs[role] = (0, extraBold)
            }
        }
    }

    private func attributes(for style: Style) -> (attr: attr_t, pair: Int16) {
        if let cached = attrCache[style] { return cached }
        let r = theme.resolve(style: style, colorMode)
        let rp = rolePairs[style.role] ?? (0, false)
        var attr = lx_a_normal()
        if r.bold || rp.extraBold { attr |= lx_a_bold() }
        if r.reverse { attr |= lx_a_reverse() }
        if r.underline { attr |= lx_a_underline() }
        let value = (attr, rp.pair)
        attrCache[style] = value
        return value
    }

    // MARK: TerminalBackend

    public func present(_ buffer: Buffer) {
        guard !stopped else { return }
        let win = lx_stdscr()
        let width = min(buffer.width, size.width)
        let height = min(buffer.height, size.height)
        var runs: [Buffer.Run]
        if let previous, previous.width == buffer.width, previous.height == buffer.height {
            runs = buffer.diff(from: previous)
        } else {
            runs = (0..<height).map { Buffer.Run(y: $0, xStart: 0, xEnd: width) }
            if previous == nil || previous?.width != buffer.width || previous?.height != buffer.height {
                werase(win)
            }
        }
        runs = runs.filter { $0.y < height }
        let cursorChanged = buffer.cursor?.x != lastCursor?.x || buffer.cursor?.y != lastCursor?.y
            || (buffer.cursor == nil) != (cursorVisible == false)
        previous = buffer
        if runs.isEmpty && !cursorChanged { return }   // idle: send nothing at all

        for run in runs {
            var x = run.xStart
            while x < min(run.xEnd, width) {
                let cell = buffer[x, run.y]
                if cell.isContinuation { x += 1; continue }
                let w = max(1, cell.width)
                if x + w > width { drawGlyph(" ", width: 1, x: x, y: run.y, style: cell.style); x += 1; continue }
                drawGlyph(cell.grapheme, width: w, x: x, y: run.y, style: cell.style)
                x += w
            }
        }

        if let c = buffer.cursor, c.x >= 0, c.y >= 0, c.x < size.width, c.y < size.height {
            wmove(win, Int32(c.y), Int32(c.x))
            leaveok(win, false)
            if cursorVisible != true { curs_set(1); cursorVisible = true }
            lastCursor = c
        } else {
            if cursorVisible != false {
                if curs_set(0) == lx_err() { leaveok(win, true) }
                cursorVisible = false
            }
            lastCursor = nil
        }
        wnoutrefresh(win)
        doupdate()
        framesWritten += 1
    }

    /// Writes one glyph of `width` cells at (x, y). ncurses and the terminal advance by the C
    /// library's wcwidth, which can differ from our tables (emoji sequences, characters newer than
    /// the C library): the glyph is split or simplified so both agree on where the next cell is, and
    /// padded with spaces up to `width`.
    private func drawGlyph(_ grapheme: String, width: Int, x: Int, y: Int, style: Style) {
        let (attr, pair) = attributes(for: style)
        var clusters: [[wchar_t]] = []
        var total = 0
        var unusable = false
        for scalar in grapheme.unicodeScalars {
            let c = wchar_t(bitPattern: scalar.value)
            let w = Int(wcwidth(c))
            if w < 0 { unusable = true; break }
            if w == 0 {
                if !clusters.isEmpty && clusters[clusters.count - 1].count <= maxCombining {
                    clusters[clusters.count - 1].append(c)
                }
                continue
            }
            clusters.append([c])
            total += w
        }
        if unusable || clusters.isEmpty {
            clusters = [[wchar_t(UInt8(ascii: "?"))]]
            total = 1
        } else if total > width {
            let base = clusters[0][0]
            let bw = Int(wcwidth(base))
            if bw <= width { clusters = [[base]]; total = bw } else { clusters = [[wchar_t(UInt8(ascii: "?"))]]; total = 1 }
        }
        var col = x
        var cc = cchar_t()
        for cluster in clusters {
            var chars = cluster + [0]
            setcchar(&cc, &chars, attr, pair, nil)
            mvwadd_wch(lx_stdscr(), Int32(y), Int32(col), &cc)
            col += Int(wcwidth(cluster[0]))
        }
        if total < width {
            var space: [wchar_t] = [32, 0]
            setcchar(&cc, &space, attr, pair, nil)
            for i in 0..<(width - total) { mvwadd_wch(lx_stdscr(), Int32(y), Int32(x + total + i), &cc) }
        }
    }

    public func readKey(timeoutMs: Int) -> Key? {
        guard !stopped else { return nil }
        let win = lx_stdscr()
        wtimeout(win, Int32(clamping: timeoutMs < 0 ? -1 : timeoutMs))
        var ch: wint_t = 0
        let r = wget_wch(win, &ch)
        if r == lx_err() { return nil }
        let code = Int32(bitPattern: ch)
        if r == lx_key_code_yes() { return functionKey(code) }
        return characterKey(code)
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case lx_key_up(): return .up
        case lx_key_down(): return .down
        case lx_key_left(): return .left
        case lx_key_right(): return .right
        case lx_key_home(), lx_key_a1(): return .home
        case lx_key_end(), lx_key_c1(): return .end
        case lx_key_ppage(), lx_key_a3(): return .pageUp
        case lx_key_npage(), lx_key_c3(): return .pageDown
        case lx_key_enter(): return .enter
        case lx_key_backspace(): return .backspace
        case lx_key_dc(): return .delete
        case lx_key_btab(): return .backTab
        case lx_key_resize():
            size = (Int(lx_getmaxx(lx_stdscr())), Int(lx_getmaxy(lx_stdscr())))
            previous = nil
            clearok(lx_curscr(), true)
            return .resize
        case lx_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == lx_ok() else { return nil }
            if event.bstate & (lx_button1_clicked() | lx_button1_pressed()) != 0 {
                return .mouse(x: Int(event.x), y: Int(event.y))
            }
            return nil
        default:
            let f0 = lx_key_f0()
            if code > f0 && code <= f0 + 63 { return .f(Int(code - f0)) }
            return nil
        }
    }

    private func characterKey(_ code: Int32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .esc
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + code))))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)) else { return nil }
            return .char(Character(scalar))
        }
    }

    public func forceRedraw() {
        guard !stopped else { return }
        previous = nil
        clearok(lx_curscr(), true)
    }

    /// Restores the terminal (endwin), the signal handlers and stderr. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if cursesActive {
            cursesActive = false
            endwin()
        }
        restoreSignalHandlers()
        delscreen(screen)
        NcursesTerminal.restoreStderr()
    }

    // MARK: stderr

    /// Sends stderr to `path` (opened for append) while curses runs, so messages are not lost on
    /// the alternate screen. Returns the saved descriptor of the old stderr; `stop()` (and the
    /// signal handlers) put it back.
    @discardableResult
    public static func redirectStderr(to path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)  // the log may hold names
        if fd < 0 { throw TerminalError.cannotOpenLog(path: path, errno: errno) }
        fflush(lx_stderr())
        if savedStderr < 0 { savedStderr = dup(2) }
        dup2(fd, 2)
        close(fd)
        let note = "liangxin: 程序异常终止，详情见 \(path) (crashed; see the log)\n"
        if let old = crashNote { free(old) }
        crashNote = strdup(note)
        crashNoteLength = note.utf8.count
        return savedStderr
    }

    /// Puts back the stderr saved by `redirectStderr`.
    public static func restoreStderr() {
        guard savedStderr >= 0 else { return }
        fflush(lx_stderr())
        dup2(savedStderr, 2)
        close(savedStderr)
        savedStderr = -1
    }
}

/// getenv without Foundation.
enum ProcessInfoLite {
    static func env(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        return String(cString: v)
    }
}
