import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The sample city loads with no rejected row, and the overview's figures equal the ones `count_expected.py`
/// counted straight from the CSVs (sample-data/EXPECTED.md).
final class SampleDataTests: XCTestCase {
    static let sampleDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data").path

    func testLoadsWithoutRejectsAndMatchesTheHandCount() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("sample.sqlite"))
        let report = try CSVSet.load(directory: Self.sampleDir, into: store, today: today)
        XCTAssertTrue(report.problems.isEmpty)
        XCTAssertEqual(report.inserted[.units], 2485)
        XCTAssertEqual(report.inserted[.partyOrgs], 1080)
        XCTAssertEqual(report.inserted[.stations], 40)
        XCTAssertGreaterThanOrEqual(report.inserted[.trainingSessions] ?? 0, 200)

        let d = try store.overview(today: today)
        XCTAssertEqual(d.unitsTotal, 2485)
        XCTAssertEqual(d.unitsInScope, 2410)
        XCTAssertEqual(d.orgsTotal, 1080)
        XCTAssertEqual(d.orgsActive, 1069)
        XCTAssertEqual(d.fullMembers, 8084)
        XCTAssertEqual(d.probationaryMembers, 552)
        XCTAssertEqual(d.instructors, 276)
        // group: in scope, own, joint, industry, work-only, uncovered, 党组织覆盖率, 单独组建率, 工作覆盖率
        let expected: [(CoverageGroup, [Int], [String])] = [
            (.enterprise, [1260, 589, 374, 107, 86, 104], ["84.92%", "46.75%", "91.75%"]),
            (.small, [695, 13, 110, 79, 278, 215], ["29.06%", "1.87%", "69.06%"]),
            (.social, [455, 164, 161, 105, 10, 15], ["94.51%", "36.04%", "96.70%"]),
            (.acfic, [362, 184, 84, 25, 34, 35], ["80.94%", "50.83%", "90.33%"]),
            (.school, [64, 51, 5, 7, 0, 1], ["98.44%", "79.69%", "98.44%"]),
            (.intermediary, [111, 22, 29, 52, 4, 4], ["92.79%", "19.82%", "96.40%"]),
            (.courierDeliveryRide, [119, 0, 3, 14, 46, 56], ["14.29%", "0.00%", "52.94%"]),
            (.all, [2410, 766, 645, 291, 374, 334], ["70.62%", "31.78%", "86.14%"]),
        ]
        for (g, n, r) in expected {
            let c = try XCTUnwrap(d.coverage[g], g.label)
            XCTAssertEqual([c.inScope, c.own, c.joint, c.industry, c.workOnly, c.uncovered], n, g.label)
            XCTAssertEqual([c.orgRate.text, c.ownRate.text, c.workRate.text], r, g.label)
        }
        let lastYear: [(CoverageGroup, [String])] = [
            (.enterprise, ["84.33%", "46.33%", "91.00%"]), (.small, ["28.53%", "1.80%", "63.96%"]),
            (.social, ["92.81%", "35.28%", "95.73%"]), (.acfic, ["80.29%", "51.01%", "87.83%"]),
            (.school, ["96.83%", "80.95%", "96.83%"]), (.intermediary, ["91.43%", "18.10%", "96.19%"]),
            (.courierDeliveryRide, ["13.39%", "0.00%", "49.11%"]), (.all, ["69.88%", "31.37%", "84.12%"]),
        ]
        for (g, r) in lastYear {
            let c = try XCTUnwrap(d.coverageLastYear[g])
            XCTAssertEqual([c.orgRate.text, c.ownRate.text, c.workRate.text], r, "last year \(g.label)")
        }
        XCTAssertEqual(d.findings[.shouldForm], 27)
        XCTAssertEqual(d.findings[.jointTooWide], 5)
        XCTAssertEqual(d.findings[.branchTooLarge], 5)
        XCTAssertEqual(d.findings[.blindSpot], 334)
        XCTAssertEqual(d.findings[.plannedPassed], 20)
        XCTAssertEqual(d.stationsTotal, 40)
        XCTAssertEqual(d.stationsRunning, 34)
        XCTAssertEqual(d.servicesThisYear, 67034)
        XCTAssertEqual(d.findings[.idleStation], 2)   // 26 and 34; 9 opened ten days ago
        XCTAssertEqual(d.trainingThisYear.sessions, 200)
        XCTAssertEqual(d.trainingThisYear.personTimes, 24661)
        XCTAssertEqual(d.trainingThisYear.hours, 1652.5, accuracy: 0.001)
        XCTAssertEqual(d.stars.counts, [163, 51, 128, 374, 267, 86])
        XCTAssertEqual(d.stars.coverage.text, "84.75%")
    }

    func testLoadingTwiceIsRefusedWithoutForce() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("twice.sqlite"))
        _ = try CSVSet.load(directory: Self.sampleDir, into: store, today: today)
        XCTAssertThrowsError(try CSVSet.load(directory: Self.sampleDir, into: store, today: today)) { e in
            XCTAssertTrue("\(e)".contains("--force"))
        }
        let forced = try CSVSet.load(directory: Self.sampleDir, into: store, today: today, force: true)
        XCTAssertEqual(forced.inserted[.units], 2485)
        XCTAssertEqual(try store.read { try OrgUnit.fetchCount($0) }, 2485)
    }

    func testABadRowRejectsTheWholeSetWithRowAndColumn() throws {
        let tmp = TempDir()
        let dir = tmp.file("bad")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for k in LedgerKind.allCases {
            try FileManager.default.copyItem(atPath: Self.sampleDir + "/" + k.fileName, toPath: dir + "/" + k.fileName)
        }
        // Break the check character of unit 2's credit code and give unit 3 a negative staff count.
        var lines = try String(contentsOfFile: dir + "/units.csv", encoding: .utf8).components(separatedBy: "\n")
        var f2 = lines[2].components(separatedBy: ","), f3 = lines[3].components(separatedBy: ",")
        let code = f2[2]
        let last = code.last!
        f2[2] = String(code.dropLast()) + (last == "0" ? "1" : "0")
        f3[8] = "-4"
        lines[2] = f2.joined(separator: ","); lines[3] = f3.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: dir + "/units.csv", atomically: true, encoding: .utf8)

        let store = try Store(path: tmp.file("bad.sqlite"))
        XCTAssertThrowsError(try CSVSet.load(directory: dir, into: store, today: today)) { e in
            guard let f = e as? ImportFailed else { return XCTFail("\(e)") }
            XCTAssertEqual(f.problems.count, 2, "\(f)")
            XCTAssertEqual(f.problems[0].row, 3)
            XCTAssertEqual(f.problems[0].column, "credit_code")
            XCTAssertTrue(f.problems[0].reason.contains("校验位"))
            XCTAssertEqual(f.problems[1].row, 4)
            XCTAssertEqual(f.problems[1].column, "staff")
        }
        XCTAssertTrue(try store.isEmpty(), "nothing written")
    }
}
