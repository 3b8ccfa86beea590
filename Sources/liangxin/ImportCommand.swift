import ArgumentParser
import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import one ledger from a CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX file.",
        discussion: """
        KIND: \(LedgerKind.allCases.map(\.rawValue).joined(separator: ", ")).
        Headers may be the CSV column names or the Chinese names staff use (单位名称, 统一社会信用代码, 党员数 …); \
        --map FILE maps others, one `源列名=column` a line (`源列名=-` ignores a column). Rows update the record \
        with the same id, else the same natural key (units: credit code, else name + region), else are added. \
        Any bad row and nothing is written, unless --skip-bad (bad rows go to NAME.rejects.csv beside the file).
        """)

    @Argument(help: "Ledger kind.") var kind: String
    @Argument(help: "CSV or XLSX file.") var file: String
    @OptionGroup var dbOptions: DBOptions
    @Flag(name: .long, help: "Report what would happen; write nothing.") var dryRun = false
    @Flag(name: .long, help: "Write the good rows; put the bad ones in a rejects file beside the input.") var skipBad = false
    @Option(name: .long, help: "Header map file: one `源列名=column` per line.") var map: String?
    @Option(name: .long, help: "XLSX sheet name (default: the first sheet).") var sheet: String?
    @Flag(name: .long, help: "Print every update and problem, not only the first 20.") var verbose = false

    func run() throws {
        guard let k = LedgerKind.parse(kind) else {
            throw ValidationError("“\(kind)”不是台账类型；可用：\(LedgerKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard FileManager.default.fileExists(atPath: file) else { throw CLIError("\(file): 文件不存在 (no such file)") }
        var options = ImportOptions(today: try dbOptions.resolvedToday(), dryRun: dryRun, skipBad: skipBad, sheet: sheet)
        if let m = map {
            do { options.map = try ColumnMap.load(path: m, kind: k) } catch let p as ImportProblem { throw CLIError(p.description) }
        }
        let store = try dbOptions.open()
        let bar = ProgressBar(label: "导入 \(k.rawValue)")
        let result: ImportResult
        do {
            result = try LedgerImport.run(kind: k, file: file, into: store, options: options,
                                          progress: { done, total in bar.update(done, total) })
        } catch let e as StoreError {
            bar.finish()
            throw CLIError(e.description)
        }
        bar.finish()
        if !dryRun {
            // The next start reads the saved figures instead of scanning every unit; if this fails, it scans.
            try? store.refreshSavedFigures(today: options.today)
        }
        print(ImportSummary.text(result, verbose: verbose))
        if !result.fileProblems.isEmpty || (!result.bad.isEmpty && !skipBad) { throw ExitCode(1) }
    }
}

/// A one-line bar on stderr, only when stderr is a terminal and the file is large enough to wait for.
final class ProgressBar {
    let label: String
    let enabled = isatty(2) == 1
    var shown = false
    var last = -1

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 2000 else { return }
        let pct = total == 0 ? 100 : done * 100 / total
        if pct == last { return }
        last = pct
        let width = 30
        let filled = width * pct / 100
        let line = "\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(pct)% \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}

enum ImportSummary {
    static func text(_ r: ImportResult, verbose: Bool) -> String {
        var out: [String] = []
        let limit = verbose ? Int.max : 20
        out.append("导入 \(r.kind.rawValue)（\(r.kind.label)）← \(r.file)" + (r.format.isEmpty ? "" : "（\(r.format)，表头在第\(r.headerRow)行）"))
        if !r.fileProblems.isEmpty {
            for p in r.fileProblems { out.append("  ✗ " + p.description) }
            out.append("结果：未写入任何数据 (nothing was written)")
            return out.joined(separator: "\n")
        }
        let cols = r.matchedOrder.map { c in r.matched[c] == c ? c : "\(r.matched[c]!)→\(c)" }
        out.append("列 (columns): " + cols.joined(separator: ", "))
        if !r.unknown.isEmpty { out.append("未知列，未导入 (unknown columns, not imported): " + r.unknown.map { "“\($0)”" }.joined(separator: "、")) }
        if !r.ignored.isEmpty { out.append("忽略的列 (ignored): " + r.ignored.joined(separator: "、")) }
        out.append("行数 \(r.rows)：新增 \(r.inserted)，更新 \(r.updated)，未变 \(r.unchanged)，错误 \(r.bad.count)"
                   + " (rows: \(r.inserted) to insert, \(r.updated) to update, \(r.unchanged) unchanged, \(r.bad.count) bad)")
        if r.idIgnored > 0 {
            out.append("注意：\(r.idIgnored)行按自然键匹配到已有记录，文件中的编号未采用 (matched by natural key; the file's id was not used)")
        }
        if !r.updates.isEmpty {
            out.append("更新 (updates):")
            for u in r.updates.prefix(limit) {
                out.append("  第\(u.row)行 #\(u.id) \(u.caption)：" + u.changed.map { r.display($0) ?? $0 }.joined(separator: "、"))
            }
            if r.updates.count > limit { out.append("  …另有\(r.updates.count - limit)行 (--verbose 显示全部)") }
        }
        if !r.bad.isEmpty {
            out.append("错误行 (bad rows):")
            let all = r.bad.flatMap(\.problems)
            for p in all.prefix(limit) {
                out.append("  第\(p.row)行" + (r.display(p.column).map { "，列“\($0)”" } ?? "") + "：\(p.reason)")
            }
            if all.count > limit { out.append("  …另有\(all.count - limit)处 (--verbose 显示全部)") }
        }
        if !r.warnings.isEmpty {
            out.append("提醒 (warnings, imported anyway):")
            for p in r.warnings.prefix(limit) {
                out.append("  第\(p.row)行" + (r.display(p.column).map { "，列“\($0)”" } ?? "") + "：\(p.reason)")
            }
            if r.warnings.count > limit { out.append("  …另有\(r.warnings.count - limit)条") }
        }
        if r.dryRun {
            out.append("结果：试运行，未写入 (dry run: nothing was written)")
        } else if r.written {
            out.append("结果：已写入（一个事务；审计记录来源为该文件）(written in one transaction)")
            if let rj = r.rejectsFile { out.append("错误行已另存 (rejected rows saved to): \(rj)") }
        } else {
            out.append("结果：有错误行，未写入任何数据；改正后重试，或加 --skip-bad 只写入正确的行 (bad rows: nothing was written)")
        }
        out.append(String(format: "用时 %.2f 秒 (seconds)", r.seconds))
        return out.joined(separator: "\n")
    }
}
