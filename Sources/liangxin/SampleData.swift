import Foundation
import LiangxinApp
import LiangxinModel
import LiangxinStore

/// Finds `sample-data/`: $LIANGXIN_SAMPLE_DATA, the working directory, beside or above the executable
/// (a `swift build` tree), then the source tree this binary was built from.
enum SampleData {
    static func directory() throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        if let e = ProcessInfo.processInfo.environment["LIANGXIN_SAMPLE_DATA"], !e.isEmpty { candidates.append(e) }
        candidates.append(fm.currentDirectoryPath + "/sample-data")
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("sample-data").path)
            candidates.append(dir.appendingPathComponent("share/liangxin/sample-data").path)
            dir = dir.deletingLastPathComponent()
        }
        // Sources/liangxin/SampleData.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("sample-data").path)
        for c in candidates where fm.fileExists(atPath: c + "/units.csv") { return c }
        throw CLIError("找不到示例数据目录 sample-data/（可设置 LIANGXIN_SAMPLE_DATA）(sample data not found; set LIANGXIN_SAMPLE_DATA)")
    }

    /// A fingerprint of the sample files, so a demo database built from older sample data is rebuilt.
    static func fingerprint(_ dir: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for k in LedgerKind.allCases {
            guard let data = FileManager.default.contents(atPath: dir + "/" + k.fileName) else { continue }
            for b in data { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        }
        return String(h, radix: 16)
    }
}

enum DemoDatabase {
    static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return base + "/liangxin/demo.sqlite"
    }

    /// Builds the demo database from the sample data when it is missing, stale or `reset` is asked.
    static func prepare(path: String, today: Day, reset: Bool) throws -> Store {
        let dir = try SampleData.directory()
        let fp = SampleData.fingerprint(dir)
        let fm = FileManager.default
        if fm.fileExists(atPath: path) && !reset {
            do {
                let store = try Store(path: path)
                if try store.setting("sample_fingerprint") == fp { return store }
            } catch let e as StoreError {
                throw CLIError(e.description)
            }
        }
        // Only the demo file is ever replaced here, never a user's database.
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        FileHandle.standardError.write(Data("正在从示例数据生成演示数据库 (building the demo database) → \(path)\n".utf8))
        let store: Store
        do { store = try Store(path: path) } catch let e as StoreError { throw CLIError(e.description) }
        do {
            _ = try CSVSet.load(directory: dir, into: store, today: today)
            try store.write(source: "demo") { try $0.setSetting("sample_fingerprint", fp) }
        } catch let e as ImportFailed {
            throw CLIError(e.description)
        }
        return store
    }
}
