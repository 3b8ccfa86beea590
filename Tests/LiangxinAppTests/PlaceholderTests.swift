import XCTest
final class LiangxinAppTestsPlaceholder: XCTestCase { func testBuilds() {} }
