import XCTest
final class TermKitTestsPlaceholder: XCTestCase { func testBuilds() {} }
