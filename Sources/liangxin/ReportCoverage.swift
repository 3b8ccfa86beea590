import ArgumentParser
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct CoverageReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "The coverage table of a region and its children, every category (JSON shape in README).")
    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "json, csv or md.")
    var format: ReportFormat = .json
    @Option(name: .long, help: "Region name or code (default: the city).")
    var region: String?
    @Option(name: .long, help: "Language of the Markdown labels: zh or en.")
    var lang: String = "zh"

    func run() throws {
        let store = try dbOptions.open(create: false)
        let data = try CoverageReport.build(store: store, today: try dbOptions.resolvedToday(), regionName: region)
        switch format {
        case .json: print(CoverageReport.json(data))
        case .csv: print(CoverageReport.csv(data), terminator: "")
        case .md: print(CoverageReport.markdown(data, lang: Lang(rawValue: lang) ?? .zh), terminator: "")
        }
    }
}

struct CoverageFormsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage-forms",
        abstract: "The two statistics forms (非公有经济控制的企业法人单位 / 社会组织法人单位建立党的基层组织情况).")
    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "csv or md.")
    var format: ReportFormat = .csv
    @Option(name: .long, help: "Region name or code (default: the city).")
    var region: String?
    @Option(name: .long, help: "Language of the Markdown labels: zh or en.")
    var lang: String = "zh"

    func validate() throws {
        if format == .json { throw ValidationError("--format: coverage-forms prints csv or md") }
    }

    func run() throws {
        let store = try dbOptions.open(create: false)
        let today = try dbOptions.resolvedToday()
        let f = try CoverageReport.forms(store: store, today: today, regionName: region)
        switch format {
        case .md: print(CoverageReport.formsMarkdown(f.tables, region: f.region, today: today, lang: Lang(rawValue: lang) ?? .zh), terminator: "")
        default: print(CoverageReport.formsCSV(f.tables, region: f.region), terminator: "")
        }
    }
}
