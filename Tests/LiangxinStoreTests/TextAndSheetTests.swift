import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore

/// Reading files: the encoding rule, the CSV grammar, spreadsheet values, XLSX details, header matching.
final class TextAndSheetTests: XCTestCase {
    let chinese = "单位名称,所在地区\n恒远机械,东湖区\n"

    func testEncodingsAreDetected() throws {
        XCTAssertEqual(try TextDecoding.decode(Array(chinese.utf8), file: "f").encoding, .utf8)
        XCTAssertEqual(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(chinese.utf8), file: "f").encoding, .utf8BOM)
        let gb = try gb18030(chinese)
        let d = try TextDecoding.decode(gb, file: "f")
        XCTAssertEqual(d.encoding, .gb18030)
        XCTAssertEqual(d.text, chinese)
        let u16 = try Iconv.convert(Array(chinese.utf8), from: "UTF-8", to: "UTF-16")
        XCTAssertEqual(try TextDecoding.decode(u16, file: "f").text, chinese)
    }

    /// A wrong guess must not garble: damaged UTF-8 is refused at its line, bytes that are neither UTF-8 nor
    /// Chinese GB18030 are refused, never decoded into nonsense.
    func testUndecidableTextIsRefusedNotGarbled() throws {
        var damaged = Array("单位名称,所在地区\n恒远机械,东湖区\n东湖书店,西岭区\n".utf8)
        damaged[damaged.count - 5] = 0xFF
        XCTAssertThrowsError(try TextDecoding.decode(damaged, file: "f.csv")) { e in
            let p = e as? ImportProblem
            XCTAssertEqual(p?.row, 3)
            XCTAssertTrue(p?.reason.contains("UTF-8") ?? false, "\(e)")
        }
        // Shift-JIS Japanese (日本語のテキスト) read as GB18030 decodes without error but is not GB2312 text.
        let sjis: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x83, 0x65, 0x83, 0x4C, 0x83, 0x58, 0x83, 0x67, 0x0A]
        XCTAssertThrowsError(try TextDecoding.decode(sjis, file: "f.csv")) { e in
            XCTAssertTrue("\(e)".contains("为免乱码"), "\(e)")
        }
        // A lone byte that GB18030 cannot hold at all.
        XCTAssertThrowsError(try TextDecoding.decode(Array("abc\n".utf8) + [0x80, 0x0A], file: "f.csv")) { e in
            XCTAssertEqual((e as? ImportProblem)?.row, 2)
        }
    }

    func testCSVGrammar() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n3,,z"
        let rows = try CSVParser.parse(text, file: "f")
        XCTAssertEqual(rows, [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "", "z"]])
        XCTAssertEqual(try CSVParser.parse("a\tb\n1\t2\n", file: "f"), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(try CSVParser.parse("a;b\n1;2\n", file: "f"), [["a", "b"], ["1", "2"]])
        XCTAssertThrowsError(try CSVParser.parse("a,b\n1,\"open\n2,3\n", file: "f")) { e in
            XCTAssertEqual((e as? ImportProblem)?.row, 2)
        }
        // Written and read back, every awkward cell survives.
        let cells = [["逗号,在内", "引号\"在内", " 前后空格 ", "换\n行", ""]]
        XCTAssertEqual(try CSVParser.parse(CSVFile.text(header: ["h1", "h2", "h3", "h4", "h5"], rows: cells), file: "f").dropFirst().map { $0 }, cells)
    }

    func testSpreadsheetValues() {
        XCTAssertEqual(RowReader.parseDay("2025/3/1"), Day("2025-03-01"))
        XCTAssertEqual(RowReader.parseDay("2025年3月1日"), Day("2025-03-01"))
        XCTAssertEqual(RowReader.parseDay("45717"), Day("2025-03-01"), "an Excel serial day")
        XCTAssertNil(RowReader.parseDay("2025-02-29"))
        XCTAssertEqual(RowReader.wholeNumber("12.0"), 12)
        XCTAssertEqual(RowReader.wholeNumber("1,234"), 1234)
        XCTAssertNil(RowReader.wholeNumber("1,23"))
        XCTAssertNil(RowReader.wholeNumber("12.5"))
        XCTAssertEqual(RowReader.trim("\u{3000} 东湖区\t"), "东湖区")
        XCTAssertEqual(XLSXReader.dateText(serial: 1, date1904: false), "1900-01-01")
        XCTAssertEqual(XLSXReader.dateText(serial: 61, date1904: false), "1900-03-01")
        XCTAssertEqual(XLSXReader.dateText(serial: 45717.75, date1904: false), "2025-03-01")
        XCTAssertEqual(XLSXReader.dateText(serial: 0, date1904: true), "1904-01-01")
        XCTAssertEqual(XLSXReader.numberText("1.3800000001E10"), "13800000001")
        XCTAssertEqual(XLSXReader.numberText("30.592479000000001"), "30.592479")
        XCTAssertEqual(XLSXReader.columnIndex("AB12"), 27)
        XCTAssertEqual(XLSXWriter.columnLetters(27), "AB")
    }

    /// A workbook as Excel writes it: inline and rich shared strings, a title row, a custom date format, a
    /// formula with its cached value, a boolean, gaps between cells.
    func testReadsAnExcelStyleWorkbook() throws {
        let tmp = TempDir()
        let path = tmp.file("excel.xlsx")
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheet = """
        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(ns)"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>单位台账</t></is></c></row>
        <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="D3" t="s"><v>2</v></c><c r="E3" t="s"><v>3</v></c></row>
        <row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4" s="1"><v>45717</v></c><c r="D4"><f>1+1</f><v>2</v></c><c r="E4" t="b"><v>1</v></c></row>
        </sheetData></worksheet>
        """
        let shared = """
        <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(ns)"><si><t>单位名称</t></si><si><t>登记日期</t></si>
        <si><t>职工人数</t></si><si><t>法定代表人是党员</t></si>
        <si><r><t>恒远</t></r><r><rPr><b/></rPr><t>机械</t></r><rPh><t>ハ</t></rPh></si></sst>
        """
        let styles = """
        <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(ns)"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
        <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176"/></cellXfs></styleSheet>
        """
        let workbook = """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(ns)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId7"/></sheets></workbook>
        """
        let rels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="x" Target="/xl/worksheets/data.xml"/></Relationships>
        """
        let archive = try ZIPArchiveForTests(path)
        try archive.add("xl/workbook.xml", workbook)
        try archive.add("xl/_rels/workbook.xml.rels", rels)
        try archive.add("xl/worksheets/data.xml", sheet)
        try archive.add("xl/sharedStrings.xml", shared)
        try archive.add("xl/styles.xml", styles)
        let t = try SourceTable.read(path: path)
        XCTAssertEqual(t.rowNumbers, [1, 3, 4])
        XCTAssertEqual(t.records[1], ["单位名称", "登记日期", "", "职工人数", "法定代表人是党员"])
        XCTAssertEqual(t.records[2], ["恒远机械", "2025-03-01", "", "2", "TRUE"])
        let h = try HeaderMatcher.match(t, kind: .units, map: ColumnMap())
        XCTAssertEqual(h.headerIndex, 1)
        XCTAssertEqual(h.columnOf, [0: "name", 1: "registered", 3: "staff", 4: "legal_rep_member"])
    }

    /// A sheet past libxml2's 10 MB single-chunk limit (a 100,000-unit export is 60 MB of XML) still reads.
    func testASheetLargerThanTenMegabytesReads() throws {
        let tmp = TempDir()
        let path = tmp.file("big.xlsx")
        var sheet = XLSXSheet(name: "big")
        let filler = String(repeating: "示例市东湖区长安路", count: 8)
        sheet.rows = [[XLSXSheet.Cell(.text("地址"))]] + (1...40_000).map { [XLSXSheet.Cell(.text("\($0)号\(filler)"))] }
        try XLSXWriter.data([sheet]).write(to: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(try zipEntry(path, "xl/sharedStrings.xml").utf8.count, 10_000_000)
        let t = try SourceTable.read(path: path)
        XCTAssertEqual(t.records.count, 40_001)
        XCTAssertEqual(t.records[40_000], ["40000号" + filler])
    }

    func testHeaderNormalisation() throws {
        let t = SourceTable(file: "f", format: "CSV", encoding: .utf8,
                            records: [["*单位名称", "职工\n人数", "正式党员（人）", "Credit_Code", "序号", "联系人"]], rowNumbers: [1])
        let h = try HeaderMatcher.match(t, kind: .units, map: ColumnMap())
        XCTAssertEqual(h.columnOf, [0: "name", 1: "staff", 2: "full_members", 3: "credit_code"])
        XCTAssertEqual(h.ignored, ["序号"])
        XCTAssertEqual(h.unknown, ["联系人"])
        let twice = SourceTable(file: "f", format: "CSV", encoding: .utf8, records: [["单位名称", "名称"]], rowNumbers: [1])
        XCTAssertThrowsError(try HeaderMatcher.match(twice, kind: .units, map: ColumnMap())) { e in
            XCTAssertTrue("\(e)".contains("都对应name"), "\(e)")
        }
        let none = SourceTable(file: "f", format: "CSV", encoding: .utf8, records: [["甲", "乙"], ["1", "2"]], rowNumbers: [1, 2])
        XCTAssertThrowsError(try HeaderMatcher.match(none, kind: .units, map: ColumnMap())) { e in
            XCTAssertTrue("\(e)".contains("表头中没有可识别的列"), "\(e)")
        }
    }

    /// The column-by-column coding of units gives exactly the columns and values the Codable path gives.
    func testUnitColumnsMatchCodable() throws {
        let u = OrgUnit(id: 7, name: "全字段单位", creditCode: "91990102MA0TE5T01X", category: .foreignInvested, industry: "制造业",
                        regionCode: "990102", address: "路1号", staff: 9, fullMembers: 3, probationaryMembers: 1, legalRepMember: true,
                        acficMember: true, sector: .courier, partyOrgId: 2, orgSince: Day("2020-01-02"), instructorId: 3,
                        instructorSince: Day("2021-02-03"), reasonNotFormed: .other, plannedDate: Day("2027-01-01"),
                        registered: Day("2010-05-06"), status: .deregistered, deregistered: Day("2025-01-01"), version: 4)
        let mine = try u.databaseDictionary
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(u)) as! [String: Any]
        XCTAssertEqual(Set(mine.keys), Set(json.keys.map(columnName)), "every Codable key, snake-cased")
        let tmp = TempDir()
        let store = try Store(path: tmp.file("c.sqlite"))
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try Region(code: "990102", name: "东湖区", level: .county, parentCode: nil).insert(db)
            var v = u
            try v.insert(db)
        }
        XCTAssertEqual(try store.read { try OrgUnit.fetchOne($0, key: 7) }, u)
        let columns = try store.read { try String.fetchAll($0, sql: "SELECT name FROM pragma_table_info('unit')") }
        XCTAssertEqual(Set(columns), Set(mine.keys))
    }
}

import ZIPFoundation
import LiangxinTestSupport

/// Builds a workbook by hand, part by part, the way another program would.
struct ZIPArchiveForTests {
    let archive: Archive
    init(_ path: String) throws { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create) }
    func add(_ name: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                             provider: { pos, size in data.subdata(in: Int(pos)..<Int(pos) + size) })
    }
}
