import GRDB
import GRDBSQLite

/// Steps a statement through SQLite's C API, for the few reads that bring 100,000+ rows into Swift: there GRDB's
/// per-row decoding (type checks, NULL checks, dynamic casts) costs more than SQLite's own work.
final class RawRows {
    private let statement: Statement
    private let handle: OpaquePointer

    init(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws {
        statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        handle = statement.sqliteStatement
    }

    /// Ends the read, so the transaction around it closes cleanly however far the loop went.
    deinit { sqlite3_reset(handle) }

    /// Moves to the next row; false at the end.
    func next() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                            sql: statement.sql)
    }

    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
    func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }
    func bool(_ i: Int32) -> Bool { sqlite3_column_int64(handle, i) != 0 }

    /// The column's text as UTF-8 bytes (nil for NULL); valid until the next step.
    func bytes(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let p = sqlite3_column_text(handle, i) else { return nil }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i)))
    }

    /// The column's text (nil for NULL), decoded exactly as GRDB decodes a String.
    func text(_ i: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, i) else { return nil }
        return String(cString: p)
    }
}
