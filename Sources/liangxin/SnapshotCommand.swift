import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore
import TermKit

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a panel as plain text without a terminal, after feeding it keys.",
        discussion: """
        Keys are names separated by spaces: j k Up Down Left Right Home End PgUp PgDn Enter Tab S-Tab Esc \
        Backspace Del F1–F12 C-a…C-z Space, single characters, and text in double quotes ("东湖区") typed \
        character by character. Example: --keys 'Tab j j Enter / "东湖" Enter'
        """)

    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "Panel: overview, coverage, outreach, stations, training, stars (or 1–6).")
    var panel: String = "overview"
    @Option(name: .long, help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "120x40"
    @Option(name: .long, help: "Keys to feed before rendering.")
    var keys: String = ""
    @Option(name: .long, help: "Interface language: zh or en.")
    var lang: String = "zh"
    @Flag(name: .long, help: "ASCII borders.")
    var ascii = false

    func run() throws {
        guard let p = PanelID.parse(panel) else {
            throw ValidationError("--panel: “\(panel)” is not one of overview, coverage, outreach, stations, training, stars")
        }
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...1000).contains(h) else {
            throw ValidationError("--size: “\(size)” should be WIDTHxHEIGHT, e.g. 120x40")
        }
        let keyList: [Key]
        do { keyList = try Key.parseScript(keys) } catch { throw ValidationError("--keys: \(error)") }
        guard let l = Lang(rawValue: lang) else { throw ValidationError("--lang: “\(lang)” is not zh or en") }
        let store = try dbOptions.open(create: false)
        let today = try dbOptions.resolvedToday()
        if ascii { BorderSet.preferred = .ascii }
        let lines = MainActor.assumeIsolated {
            LiangxinApp.Snapshot.render(ctx: AppContext(store: store, today: today, lang: l, ascii: ascii),
                                        panel: p, width: w, height: h, keys: keyList)
        }
        print(lines.joined(separator: "\n"))
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a panel's figures as JSON, CSV or Markdown.",
        subcommands: [
            OverviewReportCommand.self,
            StarsReportCommand.self,
            OutreachReportCommand.self,
            TrainingReportCommand.self,
            StationsReportCommand.self,
            CoverageReportCommand.self, CoverageFormsReportCommand.self,
        ])
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv, md
}

struct OverviewReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "overview", abstract: "The overview figures (JSON shape in README).")
    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "json, csv or md.")
    var format: ReportFormat = .json
    @Option(name: .long, help: "Language of the Markdown labels: zh or en.")
    var lang: String = "zh"

    func run() throws {
        let store = try dbOptions.open(create: false)
        let data = try store.overview(today: try dbOptions.resolvedToday())
        switch format {
        case .json: print(OverviewReport.json(data))
        case .csv: print(OverviewReport.csv(data), terminator: "")
        case .md: print(OverviewReport.markdown(data, lang: Lang(rawValue: lang) ?? .zh), terminator: "")
        }
    }
}
