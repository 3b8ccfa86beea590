import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

@main
struct Liangxin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liangxin",
        abstract: "两新党建看板 — a terminal dashboard for party building in non-public enterprises and social organizations.",
        subcommands: [
            Open.self,
            Demo.self,
            Init.self,
            Snapshot.self,
            Report.self,
            RubricCommand.self,
            Import.self,
            Export.self,
            Backup.self,
            Restore.self,
            Check.self,
            Generate.self,
        ],
        defaultSubcommand: Open.self)
}

/// Options every command that touches a database shares.
struct DBOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: $LIANGXIN_DB, else $XDG_DATA_HOME/liangxin/liangxin.sqlite).")
    var db: String?

    @Option(name: .long, help: "Pretend today is this day (YYYY-MM-DD); also $LIANGXIN_TODAY.")
    var today: String?

    func resolvedToday() throws -> Day {
        if let t = today {
            guard let d = Day(t) else { throw ValidationError("--today: “\(t)” is not a real date (YYYY-MM-DD)") }
            return d
        }
        return Day.today()
    }

    func open(create: Bool = true) throws -> Store {
        let path = Store.defaultPath(flag: db)
        do { return try Store(path: path, create: create) } catch let e as StoreError { throw CLIError(e.description) }
    }
}

struct UIOptions: ParsableArguments {
    @Option(name: .long, help: "Interface language: zh (default) or en.")
    var lang: String = "zh"

    @Option(name: .long, help: "Theme name from themes/ (default, light, high-contrast, monochrome) or a .toml path.")
    var theme: String = "default"

    @Flag(name: .long, help: "Draw borders with ASCII (for terminals where box drawing is wide).")
    var ascii = false

    func resolvedLang() throws -> Lang {
        guard let l = Lang(rawValue: lang.lowercased()) else { throw ValidationError("--lang: “\(lang)” is not zh or en") }
        return l
    }
}
