import XCTest
final class LiangxinModelTestsPlaceholder: XCTestCase { func testBuilds() {} }
