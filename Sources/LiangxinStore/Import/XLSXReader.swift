import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation
import LiangxinModel

/// Reads one worksheet of an `.xlsx` workbook into text cells: shared and inline strings, numbers in their
/// shortest form (whole numbers without ".0", so ids and counts read back as typed), booleans, and numbers in a
/// date format as `YYYY-MM-DD` (the 1900 and 1904 date systems). Formulas give their cached value.
public enum XLSXReader {
    public static func read(path: String, sheet: String? = nil) throws -> SourceTable {
        func fail(_ reason: String) -> ImportProblem { ImportProblem(file: path, row: 0, column: nil, reason: reason) }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw fail("不是有效的XLSX文件（无法按ZIP打开）(not a valid .xlsx)")
        }
        func entry(_ name: String) throws -> Data? {
            guard let e = archive[name] else { return nil }
            var data = Data()
            do { _ = try archive.extract(e, skipCRC32: false) { data.append($0) } } catch {
                throw fail("XLSX文件中的\(name)已损坏 (\(name) is damaged)")
            }
            return data
        }
        guard let wb = try entry("xl/workbook.xml") else { throw fail("XLSX文件缺少xl/workbook.xml (no workbook)") }
        let book = WorkbookXML.parse(wb)
        let rels = try entry("xl/_rels/workbook.xml.rels").map(RelsXML.parse) ?? [:]
        guard !book.sheets.isEmpty else { throw fail("工作簿中没有工作表 (no sheets)") }
        let chosen: (name: String, rid: String)
        if let want = sheet {
            guard let s = book.sheets.first(where: { $0.name == want }) ?? book.sheets.first(where: { $0.name.lowercased() == want.lowercased() }) else {
                throw fail("没有名为“\(want)”的工作表；可选：\(book.sheets.map(\.name).joined(separator: "、")) (no such sheet)")
            }
            chosen = s
        } else {
            chosen = book.sheets[0]
        }
        var target = rels[chosen.rid] ?? "worksheets/sheet1.xml"
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        guard let sheetData = try entry(target) else { throw fail("找不到工作表“\(chosen.name)”的数据（\(target)）(sheet data missing)") }
        let shared = try entry("xl/sharedStrings.xml").map(SharedStringsXML.parse) ?? []
        let dateStyles = try entry("xl/styles.xml").map(StylesXML.dateStyles) ?? []
        let parsed = SheetXML.parse(sheetData, shared: shared, dateStyles: dateStyles, date1904: book.date1904)
        if let e = parsed.error { throw fail("工作表“\(chosen.name)”无法解析：\(e) (sheet XML error)") }
        return SourceTable(file: path, format: "XLSX 工作表“\(chosen.name)”", encoding: nil,
                           records: parsed.rows.map(\.cells), rowNumbers: parsed.rows.map(\.number))
    }

    /// The sheet names in workbook order.
    public static func sheetNames(path: String) throws -> [String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        guard let e = archive["xl/workbook.xml"] else { return [] }
        var data = Data()
        _ = try archive.extract(e) { data.append($0) }
        return WorkbookXML.parse(data).sheets.map(\.name)
    }

    /// "AB12" → 27 (zero-based column index).
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0
        var any = false
        for u in ref.unicodeScalars {
            guard (65...90).contains(u.value) || (97...122).contains(u.value) else { break }
            n = n * 26 + Int((u.value & ~0x20) - 64)
            any = true
        }
        return any ? n - 1 : nil
    }

    /// A serial day number as a calendar date (1900 system: day 1 = 1900-01-01, with Excel's phantom 1900-02-29).
    public static func dateText(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        var days: Int
        if date1904 {
            days = whole + 1462   // 1904-01-01 is serial 1462 in the 1900 system
        } else {
            days = whole
        }
        if days < 61 { days += 1 }   // before the phantom 29 February 1900
        // Days since 1899-12-30 → civil date.
        return civil(daysSince18991230: days)
    }

    static func civil(daysSince18991230 d: Int) -> String {
        Day(ordinal: d - 25569).description   // 1899-12-30 is 25569 days before 1970-01-01
    }

    /// A number cell's text: integers without a fraction, others in their shortest round-trip form.
    static func numberText(_ raw: String) -> String {
        guard let v = Double(raw), v.isFinite else { return raw }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}

// MARK: - The XML parts

extension XMLParser {
    /// Fed through a stream, in chunks: handed a whole large sheet at once, libxml2 stops at its 10 MB lookup
    /// limit ("huge input"), which a 100,000-row sheet passes.
    static func chunked(_ data: Data) -> XMLParser {
        XMLParser(stream: InputStream(data: data))
    }
}

private final class WorkbookXML: NSObject, XMLParserDelegate {
    var sheets: [(name: String, rid: String)] = []
    var date1904 = false
    static func parse(_ data: Data) -> WorkbookXML {
        let d = WorkbookXML()
        let p = XMLParser.chunked(data)
        p.delegate = d
        _ = p.parse()
        return d
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if local == "sheet", let n = attributes["name"] {
            let rid = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value ?? ""
            sheets.append((n, rid))
        } else if local == "workbookPr", let v = attributes["date1904"] {
            date1904 = v == "1" || v == "true"
        }
    }
}

private final class RelsXML: NSObject, XMLParserDelegate {
    var map: [String: String] = [:]
    static func parse(_ data: Data) -> [String: String] {
        let d = RelsXML()
        let p = XMLParser.chunked(data)
        p.delegate = d
        _ = p.parse()
        return d.map
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name.hasSuffix("Relationship"), let id = attributes["Id"], let t = attributes["Target"] { map[id] = t }
    }
}

private final class SharedStringsXML: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inT = false
    var inPhonetic = false
    static func parse(_ data: Data) -> [String] {
        let d = SharedStringsXML()
        let p = XMLParser.chunked(data)
        p.delegate = d
        _ = p.parse()
        return d.strings
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inT = true
        case "rPh": inPhonetic = true   // phonetic guides are not part of the text
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inT = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inT && !inPhonetic { current += string }
    }
}

private final class StylesXML: NSObject, XMLParserDelegate {
    var formats: [Int: String] = [:]
    var xfNumFmts: [Int] = []
    var inCellXfs = false
    static func dateStyles(_ data: Data) -> Set<Int> {
        let d = StylesXML()
        let p = XMLParser.chunked(data)
        p.delegate = d
        _ = p.parse()
        var out = Set<Int>()
        for (i, f) in d.xfNumFmts.enumerated() where isDateFormat(id: f, code: d.formats[f]) { out.insert(i) }
        return out
    }
    /// Built-in date formats (14–22, 27–36, 50–58 in CJK locales) or a custom code with day/month/year parts.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id) { return true }
        guard let code else { return false }
        var plain = ""
        var inQuote = false, inBracket = false
        for ch in code {
            if ch == "\"" { inQuote.toggle(); continue }
            if ch == "[" { inBracket = true; continue }
            if ch == "]" { inBracket = false; continue }
            if !inQuote && !inBracket { plain.append(ch) }
        }
        let l = plain.lowercased()
        return l.contains("y") || l.contains("d") || (l.contains("m") && !l.contains("h") && !l.contains("s")) || plain.contains("年")
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { formats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: xfNumFmts.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

private final class SheetXML: NSObject, XMLParserDelegate {
    struct Row { var number: Int; var cells: [String] }
    let shared: [String]
    let dateStyles: Set<Int>
    let date1904: Bool
    var rows: [Row] = []
    var error: String?

    var rowNumber = 0
    var cells: [String] = []
    var cellColumn = 0
    var cellType = "n"
    var cellStyle = 0
    var value = ""
    var collecting = false
    var inInline = false

    init(shared: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.shared = shared; self.dateStyles = dateStyles; self.date1904 = date1904
    }

    static func parse(_ data: Data, shared: [String], dateStyles: Set<Int>, date1904: Bool) -> SheetXML {
        let d = SheetXML(shared: shared, dateStyles: dateStyles, date1904: date1904)
        let p = XMLParser.chunked(data)
        p.delegate = d
        if !p.parse() && d.error == nil { d.error = p.parserError.map { "\($0)" } ?? "XML" }
        return d
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? (rowNumber + 1)
            cells = []
        case "c":
            if let r = attributes["r"], let c = XLSXReader.columnIndex(r) { cellColumn = c } else { cellColumn = cells.count }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
            inInline = false
        case "v":
            collecting = true
        case "is":
            inInline = true
        case "t" where inInline:
            collecting = true
        case "rPh":
            collecting = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": collecting = false
        case "c":
            let text: String
            switch cellType {
            case "s":
                if let i = Int(value), i >= 0, i < shared.count { text = shared[i] } else { text = "" }
            case "inlineStr", "str", "e": text = value
            case "b": text = value == "1" ? "TRUE" : (value.isEmpty ? "" : "FALSE")
            default:
                if value.isEmpty { text = "" }
                else if dateStyles.contains(cellStyle), let v = Double(value), let d = XLSXReader.dateText(serial: v, date1904: date1904) { text = d }
                else { text = XLSXReader.numberText(value) }
            }
            if cellColumn >= cells.count { cells += Array(repeating: "", count: cellColumn - cells.count + 1) }
            cells[cellColumn] = text
        case "row":
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            rows.append(Row(number: rowNumber, cells: cells))
        default: break
        }
    }
}
