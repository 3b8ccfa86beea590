import Foundation
import LiangxinModel

/// `e` on any table: the rows on screen (filter and sort applied) to a CSV that Excel and WPS open as Chinese
/// (UTF-8 with a BOM), under `$XDG_DATA_HOME/liangxin/exports/`.
@MainActor
public enum ScreenExport {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home + "/.local/share")
        return base + "/liangxin/exports"
    }

    /// Writes the file and returns its path. `name` says what was exported (`coverage-units`); a second export in
    /// the same second gets `-2`, `-3` … rather than overwriting the first.
    public static func write(name: String, header: [String], rows: [[String]], now: Date = Date(),
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let dir = directory(environment: environment)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let stem = "\(dir)/\(name)-\(f.string(from: now))"
        var path = stem + ".csv"
        var n = 2
        while FileManager.default.fileExists(atPath: path) { path = "\(stem)-\(n).csv"; n += 1 }
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(CSVWriter.format([header] + rows).utf8))
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CLIError("无法写入 \(path) (cannot write)")
        }
        return path
    }

    /// Exports and leaves the path (or the reason it failed) in the status line.
    public static func run(_ ctx: AppContext, name: String, header: [String], rows: [[String]]) {
        do {
            let path = try write(name: name, header: header, rows: rows)
            ctx.say((ctx.lang == .en ? "Exported \(rows.count) rows → " : "已导出\(rows.count)行 → ") + path)
        } catch {
            ctx.say("\(error)", error: true)
        }
    }
}

/// An error whose message is the whole story.
public struct CLIError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
