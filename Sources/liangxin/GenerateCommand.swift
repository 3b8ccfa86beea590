import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic province of N units (for performance work), in the sample data's proportions.",
        discussion: """
        Units are spread over cities of about 2500 units each (示例市 first), with party organizations, instructors, \
        platforms and surveys, outreach activities, care stations with service logs, training with attendance and \
        star reviews in the proportions of sample-data/. The same --seed and --today give the same database.
        """)

    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "Number of units.")
    var units: Int
    @Option(name: .long, help: "Seed of the generator.")
    var seed: UInt64 = 1
    @Flag(name: .long, help: "Replace what the database holds.")
    var force = false

    func validate() throws {
        guard (1...SyntheticData.maxUnits).contains(units) else {
            throw ValidationError("--units: “\(units)” should be between 1 and \(SyntheticData.maxUnits)")
        }
    }

    func run() throws {
        let today = try dbOptions.resolvedToday()
        let store = try dbOptions.open()
        let report: SyntheticReport
        do {
            report = try SyntheticData.generate(units: units, seed: seed, today: today, into: store, force: force) { city, of in
                if of > 1 { FileHandle.standardError.write(Data("\r  \(city)/\(of)".utf8)) }
            }
        } catch let e as StoreError {
            throw CLIError(e.description)
        }
        if report.cities > 1 { FileHandle.standardError.write(Data("\n".utf8)) }
        print("已生成 \(units) 家单位（\(report.cities) 个城市，种子 \(seed)，今天 \(today)）→ \(store.path)  (\(String(format: "%.1f", report.seconds)) s)")
        for (t, n) in report.rows { print("  \(t): \(n)") }
    }
}
