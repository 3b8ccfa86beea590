import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// Every ledger goes out and comes back unchanged: as CSV in each encoding staff meet (UTF-8, UTF-8 with BOM,
/// GB18030) with the Chinese headers, and as XLSX. The comparison is the plain CSV export of every ledger,
/// which holds every stored column of every record.
final class RoundTripTests: XCTestCase {
    /// Exports every kind from the sample, imports the files one by one into an empty database (in
    /// `LedgerKind` order, so references resolve), and compares.
    func roundTrip(write: (LedgerKind, Store, String) throws -> Void, ext: String) throws {
        let tmp = TempDir()
        let source = try SampleDB.copy(to: tmp.file("source.sqlite"))
        let expected = try exportAll(source)
        let target = try Store(path: tmp.file("target.sqlite"))
        for k in LedgerKind.allCases {
            let file = tmp.file("\(k.rawValue).\(ext)")
            try write(k, source, file)
            let r = try LedgerImport.run(kind: k, file: file, into: target, options: ImportOptions(today: today))
            XCTAssertTrue(r.fileProblems.isEmpty, "\(k): \(r.fileProblems)")
            XCTAssertTrue(r.bad.isEmpty, "\(k): \(r.bad.prefix(3).map(\.problems))")
            XCTAssertTrue(r.unknown.isEmpty, "\(k): \(r.unknown)")
            XCTAssertEqual(r.inserted, r.rows, "\(k)")
            XCTAssertTrue(r.written)
        }
        let got = try exportAll(target)
        for k in LedgerKind.allCases {
            XCTAssertEqual(got[k], expected[k], "\(k) differs after the round trip")
            XCTAssertGreaterThan(expected[k]!.split(separator: "\n").count, 1, "\(k) has rows")
        }
        // And importing the same files again changes nothing.
        let auditBefore = try target.read { try AuditEntry.fetchCount($0) }
        for k in LedgerKind.allCases {
            let r = try LedgerImport.run(kind: k, file: tmp.file("\(k.rawValue).\(ext)"), into: target, options: ImportOptions(today: today))
            XCTAssertEqual([r.inserted, r.updated, r.bad.count], [0, 0, 0], "\(k) re-import")
            XCTAssertEqual(r.unchanged, r.rows, "\(k)")
        }
        XCTAssertEqual(try target.read { try AuditEntry.fetchCount($0) }, auditBefore, "re-import writes no audit rows")
        XCTAssertEqual(try exportAll(target), expected)
    }

    func testEveryKindRoundTripsAsUTF8CSVWithColumnNames() throws {
        try roundTrip(write: { k, s, f in try writeFile(f, LedgerExport.csv(k, store: s)) }, ext: "csv")
    }

    func testEveryKindRoundTripsAsUTF8WithBOMAndChineseHeaders() throws {
        try roundTrip(write: { k, s, f in
            let b = try LedgerExport.csv(k, store: s, headers: .zh, encoding: .utf8bom)
            XCTAssertEqual(Array(b.prefix(3)), [0xEF, 0xBB, 0xBF])
            try writeFile(f, b)
        }, ext: "csv")
    }

    func testEveryKindRoundTripsAsGB18030WithChineseHeaders() throws {
        try roundTrip(write: { k, s, f in
            let b = try LedgerExport.csv(k, store: s, headers: .zh, encoding: .gb18030)
            XCTAssertNil(String(validating: b, as: UTF8.self), "\(k): really GB18030, not UTF-8")
            try writeFile(f, b)
            let t = try SourceTable.read(path: f)
            XCTAssertEqual(t.encoding, .gb18030)
        }, ext: "csv")
    }

    func testEveryKindRoundTripsAsXLSX() throws {
        try roundTrip(write: { k, s, f in try LedgerExport.xlsx(k, store: s).write(to: URL(fileURLWithPath: f)) }, ext: "xlsx")
    }

    /// The XLSX keeps types: numbers are numbers, dates are dates (serial numbers in a date format), codes and
    /// phone numbers are text.
    func testXLSXCellTypes() throws {
        let tmp = TempDir()
        let store = try SampleDB.copy(to: tmp.file("s.sqlite"))
        let path = tmp.file("units.xlsx")
        try LedgerExport.xlsx(.units, store: store).write(to: URL(fileURLWithPath: path))
        let xml = try zipEntry(path, "xl/worksheets/sheet1.xml")
        // Row 2 = unit 1: id 1 is a number, the registration date 1995-09-17 a date serial (34959) in style 2.
        XCTAssertTrue(xml.contains("<c r=\"A2\"><v>1</v></c>"), String(xml.prefix(600)))
        XCTAssertTrue(xml.contains("<c r=\"U2\" s=\"2\"><v>34959</v></c>"))
        XCTAssertTrue(xml.contains("<c r=\"C2\" t=\"s\" s=\"7\">"), "credit code as text")
        let t = try SourceTable.read(path: path)
        XCTAssertEqual(t.records[0].prefix(3), ["id", "name", "credit_code"])
        XCTAssertEqual(t.records[1][20], "1995-09-17")
        XCTAssertEqual(t.records[1][2], "91990103QTARQFDPXU")
        XCTAssertTrue(t.format.contains("两新组织单位"))
    }
}
