import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct TrainingReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Training totals by month, type and mode, and the secretary coverage lists (JSON shape in README).")
    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "json, csv or md.")
    var format: ReportFormat = .json
    @Option(name: .long, help: "The year (default: this year). A past year covers all of it; this year runs to today.")
    var year: Int?
    @Option(name: .long, help: "Language of the Markdown labels: zh or en.")
    var lang: String = "zh"

    func run() throws {
        let today = try dbOptions.resolvedToday()
        let y = year ?? today.year
        guard (1900...today.year).contains(y) else {
            throw ValidationError("--year: \(y) is not between 1900 and this year (\(today.year))")
        }
        guard let l = Lang(rawValue: lang) else { throw ValidationError("--lang: “\(lang)” is not zh or en") }
        let store = try dbOptions.open(create: false)
        let data = try store.trainingYear(y, today: today)
        let coverage = try store.secretaryCoverage(year: y, today: today)
        switch format {
        case .json: print(TrainingReport.json(data, coverage))
        case .csv: print(TrainingReport.csv(data, coverage), terminator: "")
        case .md: print(TrainingReport.markdown(data, coverage, lang: l), terminator: "")
        }
    }
}
