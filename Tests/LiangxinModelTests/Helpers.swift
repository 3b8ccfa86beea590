import XCTest
@testable import LiangxinModel

/// A day written as text; the tests only ever pass valid dates here.
func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
    guard let d = Day(text) else {
        XCTFail("not a valid day: \(text)", file: file, line: line)
        return Day(ordinal: 0)
    }
    return d
}

/// The three rates of a count, as text, for compact assertions.
func rates(_ c: CoverageCounts) -> [String] { [c.orgRate.text, c.ownRate.text, c.workRate.text] }

/// Foundation (imported by XCTest) has its own `OrgUnit` (measurement units); inside these tests the name means ours.
