import Foundation
import LiangxinStore

/// `e` on a table: the rows on screen (filter and sort applied) as a CSV file Excel opens directly (UTF-8 with
/// a byte-order mark), under `$XDG_DATA_HOME/liangxin/exports/`, readable by the owner only.
public enum TableExport {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let x = environment["XDG_DATA_HOME"], !x.isEmpty { base = x }
        else { base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share" }
        return base + "/liangxin/exports"
    }

    /// Writes `<panel>-<YYYYMMDD-HHMMSS>.csv` (a suffix when that name is taken) and returns its path.
    @discardableResult
    public static func write(panel: String, columns: [String], rows: [[String]], now: Date = Date(),
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let dir = directory(environment: environment)
        let stem = dir + "/" + panel + "-" + f.string(from: now)
        var path = stem + ".csv"
        var n = 2
        while FileManager.default.fileExists(atPath: path) { path = "\(stem)-\(n).csv"; n += 1 }
        let width = columns.count
        let padded = rows.map { $0.count >= width ? $0 : $0 + Array(repeating: "", count: width - $0.count) }
        let bytes = try CSVFile.bytes(CSVFile.text(header: columns, rows: padded), encoding: .utf8bom)
        try CSVFile.write(bytes, to: path)
        return path
    }

    /// For panels: exports and leaves the path (or what went wrong) in the status line.
    @MainActor
    public static func export(_ ctx: AppContext, panel: PanelID, columns: [String], rows: [[String]]) {
        do {
            let path = try write(panel: String(describing: panel), columns: columns, rows: rows)
            ctx.say("\(ctx.t(.exportedTo)) \(path)（\(rows.count)）")
        } catch {
            ctx.say("\(ctx.t(.exportFailed))：\(error.localizedDescription)", error: true)
        }
    }
}
