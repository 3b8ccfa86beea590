import Foundation
import Glibc
import GRDB
import LiangxinApp
import LiangxinStore
import NcursesBackend
import TermKit

/// Bytes the real ncurses backend writes, counted in a temporary file standing in for the terminal
/// (xterm-256color at the benchmark's size).
enum TerminalBytes {
    struct Counts { var firstFrame = 0, listMove = 0, panelMove: Int?, idle = 0 }

    @MainActor
    static func measure(app: App, store: Store, width: Int, height: Int, moveKey: Key?, idleSeconds: Double) throws -> Counts {
        // Not a tty: ncurses takes the size from LINES and COLUMNS.
        setenv("COLUMNS", String(width), 1)
        setenv("LINES", String(height), 1)
        guard let out = tmpfile(), let input = fopen("/dev/null", "r") else { throw BenchError("cannot open a temporary file") }
        defer { fclose(out); fclose(input) }
        let term = try NcursesTerminal.start(theme: Theme.builtIn, ascii: false, colorMode: .c256, output: out, input: input,
                                             terminalType: "xterm-256color")
        defer { term.stop() }
        guard term.size.width == width, term.size.height == height else {
            throw BenchError("ncurses sees \(term.size.width)×\(term.size.height), not \(width)×\(height)")
        }
        func written() -> Int {
            fflush(out)
            var st = stat()
            fstat(fileno(out), &st)
            return Int(st.st_size)
        }
        var c = Counts()
        term.present(app.render(width: width, height: height))
        _ = term.readKey(timeoutMs: 0)          // as the loop does after a frame (ncurses sends keypad mode once)
        c.firstFrame = written()

        if let moveKey {
            let before = written()
            app.update(.key(moveKey))
            term.present(app.render(width: width, height: height))
            c.panelMove = written() - before
        }

        // A screenful of units in a table, then the same with the selection one row down: what a cursor move in
        // any list panel costs on the wire.
        let list = try ListFrame(store: store, width: width, height: height)
        term.present(list.render(selected: 3))
        let beforeMove = written()
        term.present(list.render(selected: 4))
        c.listMove = written() - beforeMove

        // Idle: the loop's ticks (another user's commit would show up) and the same frame presented again.
        term.present(app.render(width: width, height: height))
        _ = term.readKey(timeoutMs: 0)
        let beforeIdle = written()
        let start = monotonicNs()
        var ticks = 0
        while Double(monotonicNs() - start) / 1e9 < idleSeconds {
            _ = term.readKey(timeoutMs: 0)
            ticks += 1
            if ticks % 5 == 0, app.update(.tick) { term.present(app.render(width: width, height: height)) }
            term.present(app.render(width: width, height: height))
            usleep(100_000)
        }
        c.idle = written() - beforeIdle
        return c
    }
}

/// The reference list frame: a bordered table of units filling the screen, one page read from the store.
struct ListFrame {
    let width: Int, height: Int
    let rows: [[String]]
    let total: Int

    init(store: Store, width: Int, height: Int) throws {
        self.width = width
        self.height = height
        let visible = max(1, height - 3)
        (rows, total) = try store.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT u.name, u.category, COALESCE(r.name, u.region_code), u.staff, u.full_members, COALESCE(o.name, '')
                FROM unit u LEFT JOIN region r ON r.code = u.region_code LEFT JOIN party_org o ON o.id = u.party_org_id
                ORDER BY u.id LIMIT ?
                """, arguments: [visible]).map { r in (0..<6).map { i -> String in
                    let v: DatabaseValue = r[i]
                    return v.isNull ? "" : (String.fromDatabaseValue(v) ?? Int.fromDatabaseValue(v).map(String.init) ?? "")
                } }
            return (rows, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0)
        }
    }

    func render(selected: Int) -> Buffer {
        var buf = Buffer(width: width, height: height)
        let block = Block(title: "单位")
        block.render(into: &buf, area: buf.area)
        let table = Table(columns: [.flex("名称", min: 20, weight: 3), .fixed("类别", 12), .fixed("地区", 12),
                                    .fixed("职工", 6, align: .right), .fixed("党员", 6, align: .right), .flex("党组织", min: 10, weight: 2)],
                          rows: rows, totalRows: total, state: TableState(selected: selected))
        table.render(into: &buf, area: block.inner(buf.area))
        return buf
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
