import Foundation

/// A sheet of cells as read from a CSV or XLSX file, before any column means anything. Row numbers are the
/// ones a spreadsheet shows (the first record is row 1), so every message points where the user looks.
public struct SourceTable: Sendable {
    public var file: String
    /// "CSV GB18030", "XLSX 工作表“单位”" — for the report.
    public var format: String
    public var encoding: TextEncoding?
    public var records: [[String]]
    public var rowNumbers: [Int]

    public init(file: String, format: String, encoding: TextEncoding?, records: [[String]], rowNumbers: [Int]) {
        self.file = file; self.format = format; self.encoding = encoding; self.records = records; self.rowNumbers = rowNumbers
    }

    /// Reads a `.xlsx` (first sheet, or `sheet`) or anything else as CSV text in a detected encoding.
    public static func read(path: String, sheet: String? = nil) throws -> SourceTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportProblem(file: path, row: 0, column: nil, reason: "无法读取文件 (cannot read the file)")
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try XLSXReader.read(path: path, sheet: sheet)
        }
        if sheet != nil {
            throw ImportProblem(file: path, row: 0, column: nil, reason: "--sheet 只适用于XLSX文件 (--sheet is for XLSX files)")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ImportProblem(file: path, row: 0, column: nil, reason: "这是旧版Excel（.xls）文件，请另存为.xlsx或CSV后再导入 (old .xls format; save as .xlsx or CSV)")
        }
        let (text, enc) = try TextDecoding.decode(bytes, file: path)
        let records = try CSVParser.parse(text, file: path, tabbed: enc == .utf16)
        return SourceTable(file: path, format: "CSV \(enc.rawValue)", encoding: enc, records: records,
                           rowNumbers: (0..<records.count).map { $0 + 1 })
    }
}

/// RFC 4180 CSV over UTF-8 bytes: quoted fields with doubled quotes, CR LF or LF, quoted line breaks. The
/// delimiter is a comma unless the first line has none and has tabs (Excel's "Unicode text") or semicolons.
public enum CSVParser {
    public static func parse(_ text: String, file: String, tabbed: Bool = false) throws -> [[String]] {
        let b = Array(text.utf8)
        let delim = delimiter(b, tabbed: tabbed)
        var records: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var i = 0
        var quoted = false
        var quoteStartRecord = 0
        var fieldStarted = false
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); fieldStarted = false }
        while i < b.count {
            let c = b[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < b.count && b[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    quoted = false; i += 1; continue
                }
                field.append(c); i += 1; continue
            }
            switch c {
            case 0x22 where !fieldStarted && field.isEmpty:
                quoted = true; fieldStarted = true; quoteStartRecord = records.count + 1
            case delim:
                endField()
            case 0x0D:
                if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                endField(); records.append(row); row = []
            case 0x0A:
                endField(); records.append(row); row = []
            default:
                field.append(c); fieldStarted = true
            }
            i += 1
        }
        if quoted {
            throw ImportProblem(file: file, row: quoteStartRecord, column: nil, reason: "引号没有闭合（从这一行开始的字段缺少结束的\"）(unclosed quote)")
        }
        if fieldStarted || !field.isEmpty || !row.isEmpty { endField(); records.append(row) }
        return records
    }

    static func delimiter(_ b: [UInt8], tabbed: Bool) -> UInt8 {
        if tabbed { return 0x09 }
        var commas = 0, tabs = 0, semis = 0, quoted = false
        for c in b {
            if c == 0x22 { quoted.toggle() }
            if quoted { continue }
            if c == 0x0A { break }
            if c == 0x2C { commas += 1 } else if c == 0x09 { tabs += 1 } else if c == 0x3B { semis += 1 }
        }
        if commas == 0 && tabs > 0 { return 0x09 }
        if commas == 0 && semis > 0 { return 0x3B }
        return 0x2C
    }
}
