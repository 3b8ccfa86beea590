import XCTest
final class LiangxinStoreTestsPlaceholder: XCTestCase { func testBuilds() {} }
