import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct StarsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stars",
        abstract: "Star levels: distribution, coverage, quotas, the cycle's changes and the queue by stage (JSON shape in README).")
    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "json, csv or md.")
    var format: ReportFormat = .json
    @Option(name: .long, help: "The cycle (evaluation year); default: the latest year with applications.")
    var year: Int?
    @Option(name: .long, help: "Language of the Markdown labels: zh or en.")
    var lang: String = "zh"

    func run() throws {
        if let y = year, !(2000...2100).contains(y) { throw ValidationError("--year: “\(y)” should be a year such as 2026") }
        let store = try dbOptions.open(create: false)
        let data = try StarsReport.load(store, today: try dbOptions.resolvedToday(), year: year)
        switch format {
        case .json: print(StarsReport.json(data))
        case .csv: print(StarsReport.csv(data), terminator: "")
        case .md: print(StarsReport.markdown(data, lang: Lang(rawValue: lang) ?? .zh), terminator: "")
        }
    }
}
