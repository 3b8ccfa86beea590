import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// Regions are read by hand (`Region.init(row:)`), not through Codable: the same values, and a bad level in the file
/// is an error, not a crash.
final class RegionReadTests: XCTestCase {
    func testRegionsReadByHandMatchTheRowsAndRefuseABadLevel() throws {
        let tmp = TempDir()
        let s = try Store(path: tmp.file("sample.sqlite"))
        _ = try CSVSet.load(directory: SampleDataTests.sampleDir, into: s, today: today)
        let regions = try s.regions()
        let rows = try s.read { try Row.fetchAll($0, sql: "SELECT code, name, level, parent_code FROM region ORDER BY code") }
        XCTAssertEqual(regions.count, rows.count)
        XCTAssertGreaterThan(regions.count, 20)
        for (r, row) in zip(regions, rows) {
            XCTAssertEqual(r.code, row["code"] as String)
            XCTAssertEqual(r.name, row["name"] as String)
            XCTAssertEqual(r.level.rawValue, row["level"] as Int)
            XCTAssertEqual(r.parentCode, row["parent_code"] as String?)
        }
        XCTAssertEqual(regions.first { $0.code == "990102" }, Region(code: "990102", name: "东湖区", level: .county, parentCode: "990100"))
        try s.pool.write { try $0.execute(sql: "UPDATE region SET level = 9 WHERE code = '990102'") }
        XCTAssertThrowsError(try s.regions())
    }
}
