import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore

/// The sample city loaded once per test run into a template file; each test copies it (a copy is much faster
/// than loading 15,000 rows again).
enum SampleDB {
    nonisolated(unsafe) private static var template: String?
    private static let lock = NSLock()

    static func copy(to path: String) throws -> Store {
        lock.lock()
        defer { lock.unlock() }
        if template == nil {
            let dir = NSTemporaryDirectory() + "liangxin-sample-template-\(getpid())"
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let p = dir + "/sample.sqlite"
            try? FileManager.default.removeItem(atPath: p)
            let store = try Store(path: p)
            _ = try CSVSet.load(directory: SampleDataTests.sampleDir, into: store, today: today)
            try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try store.pool.close()
            template = p
        }
        try FileManager.default.copyItem(atPath: template!, toPath: path)
        return try Store(path: path)
    }
}

/// Every ledger exported as plain CSV with the import's column names: the comparison for round trips.
func exportAll(_ store: Store) throws -> [LedgerKind: String] {
    var out: [LedgerKind: String] = [:]
    for k in LedgerKind.allCases {
        out[k] = String(decoding: try LedgerExport.csv(k, store: store), as: UTF8.self)
    }
    return out
}

func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func gb18030(_ text: String) throws -> [UInt8] {
    try Iconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
}

/// The `<mergeCell ref=…>` ranges of one worksheet of an XLSX file.
func mergeRanges(xlsx path: String, sheet: Int) throws -> [String] {
    let xml = try zipEntry(path, "xl/worksheets/sheet\(sheet).xml")
    let re = try NSRegularExpression(pattern: "<mergeCell ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"/>")
    let ns = xml as NSString
    return re.matches(in: xml, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
}

import ZIPFoundation
import LiangxinTestSupport

func zipEntry(_ path: String, _ name: String) throws -> String {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    guard let e = archive[name] else { throw CocoaError(.fileNoSuchFile) }
    var data = Data()
    _ = try archive.extract(e) { data.append($0) }
    return String(decoding: data, as: UTF8.self)
}
