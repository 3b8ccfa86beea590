import Foundation
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// `report coverage` and `report coverage-forms`: the documented shapes, and the same figures as the screen.
final class CoverageReportTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("r.sqlite"))
        try Fixture.make().load(into: store)
    }

    func testJSONShape() throws {
        let d = try CoverageReport.build(store: store, today: today, regionName: nil)
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(CoverageReport.json(d).utf8)) as? [String: Any])
        XCTAssertEqual(obj["schema"] as? String, "liangxin.report.coverage/1")
        XCTAssertEqual(obj["today"] as? String, "2026-11-22")
        XCTAssertEqual(obj["lastYearAsOf"] as? String, "2025-12-31")
        XCTAssertEqual((obj["region"] as? [String: Any])?["name"] as? String, "示例市")
        XCTAssertEqual((obj["scope"] as? [String: Any])?["operatingOnly"] as? Bool, true)
        let rows = try XCTUnwrap(obj["rows"] as? [[String: Any]])
        // The city and its two districts, every category group each.
        XCTAssertEqual(rows.count, 3 * CoverageGroup.allCases.count)
        let city = try XCTUnwrap(rows.first { $0["regionCode"] as? String == "990100" && $0["category"] as? String == "all" })
        XCTAssertEqual(city["units"] as? Int, 11)
        XCTAssertEqual(city["own"] as? Int, 1)
        XCTAssertEqual(city["joint"] as? Int, 3)
        XCTAssertEqual(city["industry"] as? Int, 1)
        XCTAssertEqual(city["workOnly"] as? Int, 3)
        XCTAssertEqual(city["uncovered"] as? Int, 3)
        XCTAssertEqual(city["orgRate"] as? Double, 45.45)
        XCTAssertEqual(city["ownRate"] as? Double, 9.09)
        XCTAssertEqual(city["workRate"] as? Double, 72.73)
        XCTAssertEqual(city["isRegion"] as? Bool, true)
        XCTAssertEqual((city["lastYear"] as? [String: Any])?["orgRate"] as? Double, 30.0)
        XCTAssertTrue(CoverageReport.json(d).contains("\"orgRate\" : 45.45"))
        // A category with no unit in scope has null rates.
        let empty = try XCTUnwrap(rows.first { $0["regionCode"] as? String == "990102" && $0["category"] as? String == "foundation" })
        XCTAssertTrue(empty["orgRate"] is NSNull)
        let west = try XCTUnwrap(rows.first { $0["region"] as? String == "西岭区" && $0["category"] as? String == "all" })
        XCTAssertEqual(west["orgRate"] as? Double, 20.0)
        XCTAssertEqual(west["isRegion"] as? Bool, false)
    }

    func testRegionOptionAndCSVAndMarkdown() throws {
        let d = try CoverageReport.build(store: store, today: today, regionName: "东湖区")
        let csv = CoverageReport.csv(d).components(separatedBy: "\n")
        XCTAssertEqual(csv[0], CoverageReport.csvHeader.joined(separator: ","))
        XCTAssertEqual(csv[1], "990102,东湖区,all,两新组织合计,6,1,3,0,1,1,66.67,16.67,83.33,6,50.00,16.67,66.67")
        XCTAssertTrue(csv.contains("990102001,东湖街道,all,两新组织合计,6,1,3,0,1,1,66.67,16.67,83.33,6,50.00,16.67,66.67"))
        let md = CoverageReport.markdown(d)
        XCTAssertTrue(md.contains("| 两新组织合计 | 6 | 1 | 3 | 0 | 1 | 1 | 66.67% | 16.67% | 83.33% | +16.67 |"), md)
        XCTAssertTrue(md.contains("| 东湖街道 | 6 |"), md)
        XCTAssertThrowsError(try CoverageReport.build(store: store, today: today, regionName: "东湖")) { e in
            XCTAssertTrue("\(e)".contains("没有名为“东湖”的地区，是否指：东湖区、东湖街道"), "\(e)")
        }
        XCTAssertEqual(try CoverageReport.build(store: store, today: today, regionName: "990103").region.name, "西岭区")
    }

    func testFormsCSVAndMarkdown() throws {
        let f = try CoverageReport.forms(store: store, today: today, regionName: nil)
        let csv = CoverageReport.formsCSV(f.tables, region: f.region).components(separatedBy: "\n")
        XCTAssertEqual(csv[0], "非公有经济控制的企业法人单位建立党的基层组织情况,示例市")
        XCTAssertEqual(csv[1], "code,项目,合计,职工50人以上,职工100人以上,法定代表人是党员,工商联会员企业,外商投资企业")
        XCTAssertEqual(csv[2], "units,单位数,5,2,1,0,1,0")
        XCTAssertTrue(csv.contains("社会组织法人单位建立党的基层组织情况,示例市"))
        XCTAssertTrue(csv.contains("none,未建立党组织的单位,3,1,1,1,0,0,0"))
        XCTAssertTrue(csv.contains("supplement,补充资料,,,,,,,"))
        let md = CoverageReport.formsMarkdown(f.tables, region: f.region, today: today)
        XCTAssertTrue(md.contains("| 单位数 | 5 | 2 | 1 | 0 | 1 | 0 |"), md)
        XCTAssertTrue(md.contains("| 　应建未建（3名以上正式党员） | 1 | 1 | 0 | 0 | 0 | 0 |"), md)
    }

    /// On the sample city: every region row on screen (120×40, city and districts) carries the figures of
    /// `report coverage`, and the category rows of a district those of `report coverage --region`.
    func testScreenEqualsReportOnTheSampleCity() throws {
        let tmp2 = TempDir()
        let s = try Store(path: tmp2.file("sample.sqlite"))
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data").path
        _ = try CSVSet.load(directory: dir, into: s, today: today)
        let d = try CoverageReport.build(store: s, today: today, regionName: nil)
        let lines = MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today), panel: .coverage, width: 120, height: 40, keys: [])
        }
        func expect(_ r: CoverageReport.Row) -> String {
            let c = r.now
            return "\(c.inScope) \(c.own) \(c.joint) \(c.industry) \(c.workOnly) \(c.uncovered) \(c.orgRate.text) "
                + "\(c.orgRate.changeText(from: r.last.orgRate)) \(c.ownRate.text) \(c.workRate.text) \(c.workRate.changeText(from: r.last.workRate))"
        }
        func figures(_ line: String) -> String {
            // Drop the label and the bar: the words that hold a digit or a dash.
            line.split(separator: " ").map(String.init).filter { w in w.contains { $0.isASCII && $0.isNumber } || w == "—" }
                .map { $0.replacingOccurrences(of: "│", with: "") }.filter { !$0.contains("█") && !$0.contains("░") }
                .joined(separator: " ")
        }
        let regionRows = d.rows.filter { $0.group == .all }
        XCTAssertEqual(regionRows.count, 7)   // 示例市 and 6 districts
        for r in regionRows {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix("│" + (r.isRegion ? "" : " ") + r.region.name + " ") }, r.region.name)
            XCTAssertEqual(figures(line), expect(r), r.region.name)
        }
        // The city's 70.62% is EXPECTED.md's 合计.
        XCTAssertEqual(regionRows[0].now.orgRate.text, "70.62%")
        // Drilled into 东湖区, the category view equals `report coverage --region 东湖区`.
        let east = try CoverageReport.build(store: s, today: today, regionName: "东湖区")
        let cat = MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: s, today: today), panel: .coverage, width: 120, height: 40, keys: [.enter, .char("v")])
        }
        XCTAssertTrue(cat[1].contains("类别 · 示例市 › 东湖区"), cat[1])
        for r in east.rows where r.isRegion {
            let label = String(repeating: " ", count: r.group.depth) + r.group.label
            let line = try XCTUnwrap(cat.first { $0.hasPrefix("│" + label + " ") }, label)
            XCTAssertEqual(figures(line), expect(r), label)
        }
    }
}
