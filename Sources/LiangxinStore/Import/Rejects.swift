import Foundation

/// The rows `--skip-bad` left out, beside the input (`units.csv` → `units.rejects.csv`): the file's own header
/// and cells plus a 错误原因 column, in the input's encoding, so they can be fixed and imported again (the
/// importer ignores the 错误原因 column).
enum Rejects {
    static func path(for input: String) -> String {
        let url = URL(fileURLWithPath: input)
        return url.deletingPathExtension().path + ".rejects.csv"
    }

    static func write(_ r: ImportResult, table: SourceTable, header h: HeaderMatch) throws -> String {
        let header = table.records[h.headerIndex]
        let width = max(header.count, r.bad.map(\.cells.count).max() ?? 0)
        func pad(_ a: [String]) -> [String] { a + Array(repeating: "", count: max(0, width - a.count)) }
        let rows = r.bad.map { b in
            pad(b.cells) + [b.problems.map { p in "第\(p.row)行" + (r.display(p.column).map { " \($0)" } ?? "") + "：\(p.reason)" }
                                .joined(separator: "；")]
        }
        let text = CSVFile.text(header: pad(header) + ["错误原因"], rows: rows)
        let enc: OutputEncoding = table.encoding == .gb18030 ? .gb18030 : .utf8bom
        let out = path(for: r.file)
        try CSVFile.write(try CSVFile.bytes(text, encoding: enc), to: out)
        return out
    }
}
