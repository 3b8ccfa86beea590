import Foundation
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// The summary's two lists keep a window of rows around the screen (a cursor move reads nothing): after moves,
/// pages and jumps past the window, Enter still opens the organization at the cursor's place in the list's order.
final class StarsListTests: XCTestCase {
    func title(_ store: Store, _ keys: String) throws -> String {
        let k = try Key.parseScript(keys)
        let lines = MainActor.assumeIsolated {
            Snapshot.render(ctx: AppContext(store: store, today: today), panel: .stars, width: 120, height: 40, keys: k)
        }
        return try XCTUnwrap(lines.first { $0.contains("星级历程 · ") }, lines.joined(separator: "\n"))
    }

    func testEnterOpensTheOrganizationAtTheCursorAfterMovesPastTheWindow() throws {
        setlocale(LC_ALL, "C.UTF-8")
        let store = try StationFiguresTests.sample()
        let sum = try store.starSummary(year: 2026)
        XCTAssertGreaterThan(sum.fiveStarCount, 60)
        XCTAssertGreaterThan(sum.belowThreeCount, 60)
        func js(_ n: Int, _ key: String = "j") -> String { Array(repeating: key, count: n).joined(separator: " ") }
        let cases: [(String, StarOrgList, Int)] = [
            ("", .fiveStar, 0), (js(3), .fiveStar, 3), (js(45), .fiveStar, 45), (js(45) + " " + js(40, "k"), .fiveStar, 5),
            ("End", .fiveStar, sum.fiveStarCount - 1), ("End " + js(20, "k"), .fiveStar, sum.fiveStarCount - 21),
            ("End Home j", .fiveStar, 1),
            ("Right " + js(33), .belowThree, 33), ("Right End k", .belowThree, sum.belowThreeCount - 2),
            ("Right j j Left j", .fiveStar, 1),
        ]
        for (keys, list, index) in cases {
            let org = try XCTUnwrap(try store.starOrgs(list, offset: index, limit: 1).first)
            XCTAssertTrue(try title(store, keys + " Enter").contains("星级历程 · \(org.name)"), "\(keys) → \(list) #\(index) \(org.name)")
        }
    }
}
