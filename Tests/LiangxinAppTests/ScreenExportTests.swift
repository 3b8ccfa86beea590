import Foundation
import XCTest
import LiangxinModel
import LiangxinStore
@testable import LiangxinApp
import LiangxinTestSupport

final class ScreenExportTests: XCTestCase {
    func testWritesTheRowsAsExcelReadyCSVUnderTheDataDirectory() throws {
        let tmp = TempDir()
        let env = ["XDG_DATA_HOME": tmp.path, "HOME": "/nonexistent"]
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = f.string(from: now)
        let header = ["单位名称", "职工", "备注"]
        let rows = [["恒远机械", "120", "含,逗号"], ["东湖书店", "15", ""]]
        let path = try MainActor.assumeIsolated { try ScreenExport.write(name: "coverage-units", header: header, rows: rows, now: now, environment: env) }
        XCTAssertEqual(path, tmp.path + "/liangxin/exports/coverage-units-\(stamp).csv")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark so Excel reads UTF-8")
        XCTAssertEqual(String(decoding: bytes.dropFirst(3), as: UTF8.self),
                       "单位名称,职工,备注\n恒远机械,120,\"含,逗号\"\n东湖书店,15,\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o600)
        // Exported twice in the same second: a second file, not an overwrite.
        let second = try MainActor.assumeIsolated { try ScreenExport.write(name: "coverage-units", header: header, rows: [], now: now, environment: env) }
        XCTAssertEqual(second, tmp.path + "/liangxin/exports/coverage-units-\(stamp)-2.csv")
        XCTAssertEqual(MainActor.assumeIsolated { ScreenExport.directory(environment: ["HOME": "/home/x"]) }, "/home/x/.local/share/liangxin/exports")
    }
}
