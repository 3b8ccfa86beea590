import Foundation
import GRDB
import LiangxinModel

/// Header language of an exported ledger: the import column names, or the Chinese names staff use (both import).
public enum HeaderLanguage: String, Sendable, CaseIterable {
    case en, zh
}

/// A whole ledger out as CSV or XLSX, with the import's columns, so export → import is a round trip.
public enum LedgerExport {
    /// Every record, in id order (regions by code), as import cells.
    public static func rows(_ kind: LedgerKind, store: Store) throws -> [[String]] {
        try store.read { db in try rows(kind.spec, db) }
    }

    static func rows<S: KindSpec>(_ s: S.Type, _ db: Database) throws -> [[String]] {
        try S.loadAll(db).sorted { $0.0 < $1.0 }.map { S.encode($0.1) }
    }

    public static func header(_ kind: LedgerKind, _ lang: HeaderLanguage) -> [String] {
        lang == .en ? kind.columns : kind.columns.map(kind.chineseHeader)
    }

    public static func csv(_ kind: LedgerKind, store: Store, headers: HeaderLanguage = .en,
                           encoding: OutputEncoding = .utf8) throws -> [UInt8] {
        try CSVFile.bytes(CSVFile.text(header: header(kind, headers), rows: rows(kind, store: store)), encoding: encoding)
    }

    /// One sheet named after the ledger: header row frozen, numbers as numbers, dates as dates, and every text
    /// column (codes, phone numbers) stored as text so Excel cannot turn 13800000001 into 1.38E+10.
    public static func sheet(_ kind: LedgerKind, rows: [[String]], headers: HeaderLanguage = .en) -> XLSXSheet {
        var sheet = XLSXSheet(name: kind.label)
        sheet.frozenRows = 1
        let cols = kind.columns
        sheet.rows.append(header(kind, headers).map { XLSXSheet.Cell(.text($0), .header) })
        for r in rows {
            sheet.rows.append(r.enumerated().map { i, text in
                if text.isEmpty { return XLSXSheet.Cell(.empty) }
                switch kind.type(of: cols[i]) {
                case .int, .id:
                    if let n = Int64(text) { return XLSXSheet.Cell(.number(Double(n))) }
                case .double:
                    if let d = Double(text) { return XLSXSheet.Cell(.number(d)) }
                case .date:
                    if let d = Day(text) { return XLSXSheet.Cell(.date(d), .date) }
                case .bool, .text:
                    break
                }
                return XLSXSheet.Cell(.text(text), .text)
            })
        }
        sheet.columnWidths = cols.indices.map { i in
            let longest = ([header(kind, headers)[i]] + rows.prefix(200).map { $0[i] }).map(displayWidthEstimate).max() ?? 8
            return Double(min(50, max(8, longest + 2)))
        }
        return sheet
    }

    public static func xlsx(_ kind: LedgerKind, store: Store, headers: HeaderLanguage = .en) throws -> Data {
        try XLSXWriter.data([sheet(kind, rows: rows(kind, store: store), headers: headers)])
    }

    /// Spreadsheet column width: a CJK character takes two.
    static func displayWidthEstimate(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}
