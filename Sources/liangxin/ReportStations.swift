import ArgumentParser
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct StationsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stations",
        abstract: "Care stations per station and per region: services this month and year, by month, 24h share, service matrix, findings (JSON shape in README).")
    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "json, csv or md.")
    var format: ReportFormat = .json
    @Option(name: .long, help: "Year to count (default: this year, up to today; an earlier year is counted up to 31 December).")
    var year: Int?
    @Option(name: .long, help: "Only stations under this region (name or code); regions are rolled up by its children.")
    var region: String?
    @Option(name: .long, help: "Language of the Markdown labels: zh or en.")
    var lang: String = "zh"

    func run() throws {
        let store = try dbOptions.open(create: false)
        let data = try StationsReport.load(store, today: try dbOptions.resolvedToday(), year: year, region: region)
        switch format {
        case .json: print(StationsReport.json(data))
        case .csv: print(StationsReport.csv(data), terminator: "")
        case .md: print(StationsReport.markdown(data, lang: Lang(rawValue: lang) ?? .zh), terminator: "")
        }
    }
}
