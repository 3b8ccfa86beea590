import Foundation

/// How a CSV is written: plain UTF-8 (scripts, git), UTF-8 with a byte-order mark (Excel opens it as UTF-8),
/// or GB18030 (Excel and WPS on Chinese Windows).
public enum OutputEncoding: String, Sendable, CaseIterable {
    case utf8
    case utf8bom
    case gb18030
}

public enum CSVFile {
    /// A field is quoted when it holds a delimiter, a quote, a line break, or spaces at its ends.
    public static func field(_ s: String) -> String {
        let needs = s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || s.first == " " || s.last == " "
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    public static func text(header: [String], rows: [[String]]) -> String {
        var out = header.map(field).joined(separator: ",") + "\n"
        out.reserveCapacity(rows.count * 120)
        for r in rows { out += r.map(field).joined(separator: ",") + "\n" }
        return out
    }

    public static func bytes(_ text: String, encoding: OutputEncoding) throws -> [UInt8] {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf8bom: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .gb18030: return try Iconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
        }
    }

    /// Writes atomically (a temporary file renamed into place), readable by the owner only: ledgers hold
    /// names and phone numbers.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try FileOutput.write(Data(bytes), to: path)
    }
}

enum FileOutput {
    static func write(_ data: Data, to path: String) throws {
        let fm = FileManager.default
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !fm.fileExists(atPath: dir) {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let tmp = path + ".tmp-\(getpid())"
        guard fm.createFile(atPath: tmp, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        if rename(tmp, path) != 0 {
            try? fm.removeItem(atPath: tmp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
