import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

/// `liangxin rubric import|export|list`: the star-rating standard of each year as a TOML or JSON file.
struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Import, export or list the star-rating rubrics (评定标准), one per year.",
        subcommands: [RubricImport.self, RubricExport.self, RubricList.self])
}

struct RubricImport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import",
        abstract: "Store a rubric from a TOML or JSON file for its year. A rubric already used by decided evaluations is not changed but superseded.")
    @OptionGroup var dbOptions: DBOptions
    @Argument(help: "The rubric file (.toml or .json).")
    var file: String

    func run() throws {
        let rubric: Rubric
        do { rubric = try RubricFile.read(path: file) } catch let e as RubricFile.Failed { throw CLIError(e.description) }
        let store = try dbOptions.open()
        let outcome: RubricImportOutcome
        do { outcome = try store.importRubric(rubric, source: "rubric import") } catch let e as StoreError { throw CLIError(e.description) }
        switch outcome {
        case .added(let id): print("已导入\(rubric.year)年度评定标准 #\(id)：\(rubric.name) (added)")
        case .replaced(let id): print("已更新\(rubric.year)年度评定标准 #\(id)（尚未用于授星）：\(rubric.name) (replaced)")
        case .superseded(let old, let new, let moved):
            print("\(rubric.year)年度评定标准 #\(old) 已用于授星，保留不变；新标准 #\(new) 取而代之，\(moved)件待审申报改用新标准 (superseded)")
        case .unchanged(let id): print("与现行\(rubric.year)年度评定标准 #\(id) 相同，未做修改 (unchanged)")
        }
    }
}

struct RubricExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export",
        abstract: "Print (or write) the rubric in force for a year as TOML or JSON.")
    @OptionGroup var dbOptions: DBOptions
    @Option(name: .long, help: "The year (default: the latest year with a stored rubric, else this year's default).")
    var year: Int?
    @Option(name: .long, help: "toml or json.")
    var format: String = "toml"
    @Option(name: .long, help: "Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        guard let f = RubricFile.Format(rawValue: format.lowercased()) else { throw ValidationError("--format: “\(format)” is not toml or json") }
        let store = try dbOptions.open(create: false)
        let y = try year ?? store.rubricRecords().map(\.year).max() ?? dbOptions.resolvedToday().year
        let rubric = try store.currentRubric(year: y)?.rubric() ?? Rubric.standard(year: y)
        let text = RubricFile.write(rubric, format: f)
        if let path = out {
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { throw CLIError("无法写入 \(path) (cannot write)") }
            FileHandle.standardError.write(Data("已导出\(y)年度评定标准 → \(path)\n".utf8))
        } else {
            print(text, terminator: "")
        }
    }
}

struct RubricList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stored rubrics.")
    @OptionGroup var dbOptions: DBOptions

    func run() throws {
        let store = try dbOptions.open(create: false)
        for r in try store.rubricRecords() {
            let uses = try store.decidedUses(rubricId: r.id!)
            let state = r.supersededBy.map { "被#\($0)取代 (superseded)" } ?? "现行 (current)"
            print("#\(r.id!)\t\(r.year)\t\(r.name)\t\(state)\t已用于\(uses)件办结申报")
        }
    }
}
