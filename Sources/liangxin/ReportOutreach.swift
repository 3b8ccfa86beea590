import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct OutreachReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outreach",
        abstract: "新就业群体: per sector the ledger figures, the coverage rate and the activity totals (JSON shape in README).",
        discussion: """
        Ledger figures come from each platform's latest survey. --year picks the year of the activity totals; a past \
        year also shows the ledger, the findings and the coverage as they stood on its 31 December.
        """)
    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "json, csv or md.")
    var format: ReportFormat = .json
    @Option(name: .long, help: "Year of the activity totals (default: this year).")
    var year: Int?
    @Option(name: .long, help: "Language of the Markdown labels: zh or en.")
    var lang: String = "zh"

    func run() throws {
        let store = try dbOptions.open(create: false)
        let data: OutreachReportData
        do { data = try OutreachReport.load(store, today: try dbOptions.resolvedToday(), year: year) }
        catch StoreError.refused(let m) { throw CLIError("--year: \(m)") }
        switch format {
        case .json: print(OutreachReport.json(data))
        case .csv: print(OutreachReport.csv(data), terminator: "")
        case .md: print(OutreachReport.markdown(data, lang: Lang(rawValue: lang) ?? .zh), terminator: "")
        }
    }
}
