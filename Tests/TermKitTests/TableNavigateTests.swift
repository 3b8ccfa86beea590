import XCTest
@testable import TermKit

final class TableNavigateTests: XCTestCase {
    func testTheSharedListKeys() {
        var s = TableState()
        // 30 rows, 10 visible.
        XCTAssertTrue(s.navigate(.char("j"), total: 30, visible: 10))
        XCTAssertEqual(s.selected, 1)
        XCTAssertTrue(s.navigate(.down, total: 30, visible: 10))
        XCTAssertTrue(s.navigate(.up, total: 30, visible: 10))
        XCTAssertTrue(s.navigate(.char("k"), total: 30, visible: 10))
        XCTAssertEqual(s.selected, 0)
        // A page keeps one row of context: visible − 1 rows.
        XCTAssertTrue(s.navigate(.pageDown, total: 30, visible: 10))
        XCTAssertEqual(s.selected, 9)
        XCTAssertTrue(s.navigate(.end, total: 30, visible: 10))
        XCTAssertEqual(s.selected, 29)
        XCTAssertEqual(s.offset, 20, "the last page shows the selection")
        XCTAssertTrue(s.navigate(.pageUp, total: 30, visible: 10))
        XCTAssertEqual(s.selected, 20)
        XCTAssertTrue(s.navigate(.home, total: 30, visible: 10))
        XCTAssertEqual(s.selected, 0)
        XCTAssertFalse(s.navigate(.enter, total: 30, visible: 10))
        XCTAssertFalse(s.navigate(.char("x"), total: 30, visible: 10))
    }
}
