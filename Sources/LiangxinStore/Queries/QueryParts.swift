import Foundation
import GRDB

/// Receives how long each named read of a panel took. The benchmark passes one; normal use passes nil.
public protocol QueryTimer: AnyObject {
    func record(_ part: String, seconds: Double)
}

/// One read a panel makes: a name, the SQL and its named arguments. The panel's query code runs exactly these,
/// and the benchmark hands the same text to the `sqlite3` command-line tool as its reference.
public struct QueryPart: Sendable {
    public let name: String
    public let sql: String
    public let arguments: [(name: String, value: DatabaseValue)]
    /// What the sqlite3 script runs: the statement itself, or, for a read whose rows the program consumes one by
    /// one, the statement wrapped so sqlite3 evaluates every row without printing them.
    public let reference: String

    init(_ name: String, _ sql: String, _ arguments: [(String, DatabaseValueConvertible?)] = [], reference: String? = nil) {
        self.name = name
        self.sql = sql
        self.arguments = arguments.map { ($0.0, $0.1?.databaseValue ?? .null) }
        self.reference = reference ?? sql
    }

    var statementArguments: StatementArguments {
        StatementArguments(Dictionary(uniqueKeysWithValues: arguments.map { ($0.name, $0.value as DatabaseValueConvertible?) }))
    }

    /// A script for `sqlite3 FILE < script`: the parameters bound with `.parameter set`, then every statement.
    public static func sqliteScript(_ parts: [QueryPart]) -> String {
        var lines: [String] = []
        var bound: [String: DatabaseValue] = [:]
        for p in parts {
            for a in p.arguments {
                if let v = bound[a.name] {
                    // One script binds each name once: two reads giving one name different values is a mistake.
                    precondition(v == a.value, "parameter :\(a.name) bound to two values in \(p.name)")
                    continue
                }
                bound[a.name] = a.value
                // The shell unquotes dot-command arguments: a string literal goes inside double quotes to survive.
                let literal = a.value.sqlLiteral
                let arg = literal.hasPrefix("'") ? "\"" + literal.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"") + "\"" : literal
                lines.append(".parameter set :\(a.name) \(arg)")
            }
        }
        for p in parts { lines.append("-- \(p.name)\n\(p.reference.trimmingCharacters(in: .whitespacesAndNewlines));") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension DatabaseValue {
    /// The value as SQL source text.
    var sqlLiteral: String {
        switch storage {
        case .null: return "NULL"
        case .int64(let v): return String(v)
        case .double(let v): return String(v)
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let d): return "X'" + d.map { String(format: "%02X", $0) }.joined() + "'"
        }
    }
}

/// Runs `body`, telling `timer` how long it took under `name`.
@inline(__always)
func timed<T>(_ timer: QueryTimer?, _ name: String, _ body: () throws -> T) rethrows -> T {
    guard let timer else { return try body() }
    let start = DispatchTime.now().uptimeNanoseconds
    defer { timer.record(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
    return try body()
}
