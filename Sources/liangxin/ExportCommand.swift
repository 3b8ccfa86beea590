import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case csv, xlsx }

extension OutputEncoding: ExpressibleByArgument {}
extension HeaderLanguage: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a ledger (CSV or XLSX), or the statistics forms (coverage-forms) as XLSX.",
        discussion: """
        KIND: \(LedgerKind.allCases.map(\.rawValue).joined(separator: ", ")), or coverage-forms.
        A ledger's columns are the import's, so what is exported imports back unchanged. Without --out the CSV goes \
        to standard output and an XLSX to KIND.xlsx in the current directory.
        """)

    @Argument(help: "Ledger kind, or coverage-forms.") var kind: String
    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "csv or xlsx.") var format: ExportFormat = .csv
    @Option(name: .long, help: "Output file.") var out: String?
    @Option(name: .long, help: "CSV encoding: utf8, utf8bom (Excel) or gb18030 (Excel/WPS on Chinese Windows).") var encoding: OutputEncoding = .utf8
    @Option(name: .long, help: "Header names: en (the CSV column names) or zh (the Chinese names).") var headers: HeaderLanguage = .en
    @Option(name: .long, help: "coverage-forms: only units under this region code.") var region: String?

    func run() throws {
        let store = try dbOptions.open(create: false)
        if kind == "coverage-forms" || kind == "coverage_forms" {
            let forms = try store.statisticsForms(today: try dbOptions.resolvedToday(), region: region)
            switch format {
            case .xlsx:
                let path = out ?? "coverage-forms.xlsx"
                try write(Data(try StatisticsSheet.workbook(forms)), to: path)
            case .csv:
                var text = ""
                for f in [forms.enterprise, forms.social] {
                    let t = StatisticsSheet.csvRows(f)
                    text += f.title + "\n" + CSVFile.text(header: t.header, rows: t.rows) + "\n"
                }
                try emit(try CSVFile.bytes(text, encoding: encoding))
            }
            return
        }
        guard let k = LedgerKind.parse(kind) else {
            throw ValidationError("“\(kind)”不是台账类型；可用：\(LedgerKind.allCases.map(\.rawValue).joined(separator: ", ")), coverage-forms")
        }
        if region != nil { throw ValidationError("--region is for coverage-forms") }
        switch format {
        case .csv:
            try emit(try LedgerExport.csv(k, store: store, headers: headers, encoding: encoding))
        case .xlsx:
            try write(try LedgerExport.xlsx(k, store: store, headers: headers), to: out ?? "\(k.rawValue).xlsx")
        }
    }

    func emit(_ bytes: [UInt8]) throws {
        if let o = out { try write(Data(bytes), to: o) } else { FileHandle.standardOutput.write(Data(bytes)) }
    }

    func write(_ data: Data, to path: String) throws {
        do { try CSVFile.write([UInt8](data), to: path) } catch {
            throw CLIError("\(path): 无法写入 (cannot write): \(error.localizedDescription)")
        }
        FileHandle.standardError.write(Data("已导出 (exported) → \(path)\n".utf8))
    }
}
