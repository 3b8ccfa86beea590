import Foundation
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The outreach summary on the sample city, against figures counted straight from the CSVs by a short Python
/// script (independent of the program): each platform's latest survey summed by sector; operating units of each
/// sector with an active 单独/联合/行业统建 organization; activities of 2026 up to 2026-11-22.
final class OutreachSampleTests: XCTestCase {
    func testSampleCityFigures() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("sample.sqlite"))
        let report = try CSVSet.load(directory: SampleDataTests.sampleDir, into: store, today: today)
        XCTAssertTrue(report.problems.isEmpty)
        let d = try store.outreachSummary(today: today)
        // sector: platforms, stations, workers, found, pocket, transferred, mobile, branches, units with org, units
        let expected: [(Sector, [Int])] = [
            (.courier, [8, 167, 3667, 189, 39, 35, 54, 8, 11, 49]),
            (.delivery, [6, 310, 7881, 388, 58, 76, 215, 5, 4, 40]),
            (.rideHailing, [6, 187, 4153, 182, 17, 44, 54, 4, 2, 30]),
            (.truck, [5, 97, 2012, 101, 28, 25, 34, 3, 2, 15]),
            (.streamer, [5, 15, 411, 37, 10, 13, 13, 5, 4, 14]),
        ]
        for (s, v) in expected {
            let l = d.ledger(s), c = d.coverage(s)
            XCTAssertEqual([l.platforms, l.stations, l.workers, l.membersFound, l.pocketMembers, l.membersTransferred, l.mobileMembers,
                            d.branches(s), c.withOrganization, c.inScope], v, "\(s)")
        }
        XCTAssertEqual(Sector.allCases.map { d.coverage($0).orgRate.text }, ["22.45%", "10.00%", "6.67%", "13.33%", "28.57%"])
        // EXPECTED.md: 快递外卖网约车 119 units, 17 with an organization, 14.29%; 30 platforms, 2 never surveyed and 4
        // surveyed only before 2026-05-22; the overview's 18124 workers, 897 members found, 81 activities this year.
        let cdr = d.coverage(.courier) + d.coverage(.delivery) + d.coverage(.rideHailing)
        XCTAssertEqual([cdr.inScope, cdr.withOrganization], [119, 17])
        XCTAssertEqual(cdr.orgRate.text, "14.29%")
        XCTAssertEqual([d.ledgerAll.platforms, d.ledgerAll.surveyed, d.ledgerAll.workers, d.ledgerAll.membersFound], [30, 28, 18124, 897])
        XCTAssertEqual(d.branchesAll, 25)
        XCTAssertEqual(d.findings, [.overdue: 6, .noBranch: 7, .notTransferred: 28])
        XCTAssertEqual(d.activitiesAll.count, 81)
        // type: count, participants, served, items, volunteer person-times
        let types: [(ActivityType, [Int])] = [
            (.care, [26, 462, 3676, 8653, 0]), (.training, [17, 2047, 0, 0, 0]), (.volunteer, [13, 440, 1651, 0, 1377]),
            (.award, [11, 963, 0, 0, 0]), (.forum, [7, 171, 0, 0, 0]), (.survey, [7, 64, 1714, 0, 0]),
        ]
        for (t, v) in types {
            let a = d.byType[t] ?? ActivityTotals()
            XCTAssertEqual([a.count, a.participants, a.peopleServed, a.items, a.volunteerTimes], v, "\(t)")
        }
        XCTAssertEqual(d.awards.count, 11)
        let o = try store.overview(today: today)
        XCTAssertEqual([o.platforms, o.workers, o.membersFound, o.activitiesThisYear], [d.ledgerAll.platforms, d.ledgerAll.workers,
                                                                                         d.ledgerAll.membersFound, d.activitiesAll.count])
    }
}
