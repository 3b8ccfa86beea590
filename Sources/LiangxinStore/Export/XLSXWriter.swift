import Foundation
import LiangxinModel
import ZIPFoundation

/// One worksheet to write: cells by row, merged ranges, column widths.
public struct XLSXSheet: Sendable {
    public enum Value: Sendable, Equatable {
        case empty
        case text(String)
        case number(Double)
        case date(Day)
    }
    /// The fixed styles of `XLSXWriter.styles`.
    public enum Style: Int, Sendable {
        case plain = 0, header, date, title, bodyNumber, bodyLabel, note, text
    }
    public struct Cell: Sendable, Equatable {
        public var value: Value
        public var style: Style
        public init(_ value: Value, _ style: Style = .plain) { self.value = value; self.style = style }
    }

    public var name: String
    public var rows: [[Cell]] = []
    /// Ranges such as "A1:F1".
    public var merges: [String] = []
    public var columnWidths: [Double] = []
    /// Rows kept in view when scrolling (the header).
    public var frozenRows = 0
    public var rowHeights: [Int: Double] = [:]
    /// Printed landscape, scaled to the page width (forms that go upward on paper).
    public var printFitToWidth = false

    public init(name: String) { self.name = name }
}

/// A minimal valid workbook (content types, relationships, workbook, styles, shared strings, sheets), written
/// with ZIPFoundation. LibreOffice and Excel open it; `XLSXReader` reads it back.
public enum XLSXWriter {
    public static func data(_ sheets: [XLSXSheet]) throws -> Data {
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        func sst(_ s: String) -> Int {
            if let i = stringIndex[s] { return i }
            strings.append(s)
            stringIndex[s] = strings.count - 1
            return strings.count - 1
        }
        var parts: [(String, Data)] = []
        var usedNames = Set<String>()
        var names: [String] = []
        for (n, sheet) in sheets.enumerated() {
            var name = safeSheetName(sheet.name)
            var k = 2
            while usedNames.contains(name) { name = String(safeSheetName(sheet.name).prefix(28)) + "(\(k))"; k += 1 }
            usedNames.insert(name)
            names.append(name)
            parts.append(("xl/worksheets/sheet\(n + 1).xml", Data(sheetXML(sheet, sst: sst).utf8)))
        }
        var sstXML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        sstXML += "<sst xmlns=\"\(ns)\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">"
        for s in strings { sstXML += "<si><t xml:space=\"preserve\">\(escape(s))</t></si>" }
        sstXML += "</sst>"

        var wb = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        wb += "<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rns)\"><bookViews><workbookView/></bookViews><sheets>"
        for (i, n) in names.enumerated() { wb += "<sheet name=\"\(escape(n))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }
        wb += "</sheets></workbook>"

        var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"\(pns)\">"
        for i in names.indices {
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rns)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        rels += "<Relationship Id=\"rId\(names.count + 1)\" Type=\"\(rns)/styles\" Target=\"styles.xml\"/>"
        rels += "<Relationship Id=\"rId\(names.count + 2)\" Type=\"\(rns)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        rels += "</Relationships>"

        var ct = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        ct += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        ct += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        ct += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        ct += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in names.indices {
            ct += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        ct += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        ct += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        ct += "</Types>"

        let root = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"\(pns)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(rns)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

        let all: [(String, Data)] = [("[Content_Types].xml", Data(ct.utf8)), ("_rels/.rels", Data(root.utf8)),
                                     ("xl/workbook.xml", Data(wb.utf8)), ("xl/_rels/workbook.xml.rels", Data(rels.utf8)),
                                     ("xl/styles.xml", Data(styles.utf8)), ("xl/sharedStrings.xml", Data(sstXML.utf8))] + parts
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in all {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { pos, size in data.subdata(in: Int(pos)..<Int(pos) + size) })
        }
        guard let out = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return out
    }

    public static func write(_ sheets: [XLSXSheet], to path: String) throws {
        try FileOutput.write(try data(sheets), to: path)
    }

    static let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pns = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Sheet names: at most 31 characters, none of : \ / ? * [ ].
    static func safeSheetName(_ s: String) -> String {
        let cleaned = String(s.map { ":\\/?*[]".contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }

    /// 0 → "A", 27 → "AB".
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                // Control characters are not allowed in XML 1.0 at all.
                if u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func sheetXML(_ s: XLSXSheet, sst: (String) -> Int) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        x += "<worksheet xmlns=\"\(ns)\" xmlns:r=\"\(rns)\">"
        if s.printFitToWidth { x += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        if s.frozenRows > 0 {
            x += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(s.frozenRows)\" topLeftCell=\"A\(s.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        } else {
            x += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        }
        x += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !s.columnWidths.isEmpty {
            x += "<cols>"
            for (i, w) in s.columnWidths.enumerated() { x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>" }
            x += "</cols>"
        }
        x += "<sheetData>"
        for (r, row) in s.rows.enumerated() {
            x += "<row r=\"\(r + 1)\""
            if let h = s.rowHeights[r] { x += " ht=\"\(h)\" customHeight=\"1\"" }
            x += ">"
            for (c, cell) in row.enumerated() {
                let ref = columnLetters(c) + String(r + 1)
                let st = cell.style.rawValue == 0 ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case .empty:
                    if cell.style != .plain { x += "<c r=\"\(ref)\"\(st)/>" }
                case .text(let t):
                    x += "<c r=\"\(ref)\" t=\"s\"\(st)><v>\(sst(t))</v></c>"
                case .number(let n):
                    x += "<c r=\"\(ref)\"\(st)><v>\(RowEncoders.s(n))</v></c>"
                case .date(let d):
                    let style = cell.style == .plain ? " s=\"\(XLSXSheet.Style.date.rawValue)\"" : st
                    x += "<c r=\"\(ref)\"\(style)><v>\(d.ordinal + 25569)</v></c>"
                }
            }
            x += "</row>"
        }
        x += "</sheetData>"
        if !s.merges.isEmpty {
            x += "<mergeCells count=\"\(s.merges.count)\">"
            for m in s.merges { x += "<mergeCell ref=\"\(m)\"/>" }
            x += "</mergeCells>"
        }
        x += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        if s.printFitToWidth { x += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>" }
        x += "</worksheet>"
        return x
    }

    /// The fixed style sheet; `XLSXSheet.Style` indexes its cellXfs.
    static let styles: String = {
        let border = "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<styleSheet xmlns=\"\(ns)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
        + "<fonts count=\"4\"><font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"16\"/><name val=\"宋体\"/><family val=\"2\"/></font>"
        + "<font><sz val=\"10\"/><name val=\"宋体\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFEDEDED\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>\(border)</borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"8\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"right\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
    }()
}
