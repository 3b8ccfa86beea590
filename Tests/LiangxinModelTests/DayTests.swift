import XCTest
@testable import LiangxinModel

final class DayTests: XCTestCase {
    func testParsesDashSlashAndDot() {
        XCTAssertEqual(Day("2026-03-05"), Day(year: 2026, month: 3, day: 5))
        XCTAssertEqual(Day("2026/03/05"), Day(year: 2026, month: 3, day: 5))
        XCTAssertEqual(Day("2026.03.05"), Day(year: 2026, month: 3, day: 5))
        // Spreadsheets drop leading zeros: 2026-3-5 is the same day.
        XCTAssertEqual(Day("2026-3-5"), Day(year: 2026, month: 3, day: 5))
        XCTAssertEqual(Day("2026/3/5"), Day(year: 2026, month: 3, day: 5))
        // Surrounding blanks are trimmed.
        XCTAssertEqual(Day("  2026-12-31 "), Day(year: 2026, month: 12, day: 31))
    }

    func testRefusesDaysThatDoNotExist() {
        XCTAssertNil(Day("2026-02-30"))   // February 2026 has 28 days
        XCTAssertNil(Day("2026-02-29"))   // 2026 is not divisible by 4: not a leap year
        XCTAssertNil(Day("2023-02-29"))
        XCTAssertNil(Day("1900-02-29"))   // divisible by 100, not by 400: not leap
        XCTAssertNil(Day("2026-04-31"))   // April has 30 days
        XCTAssertNil(Day("2026-13-01"))
        XCTAssertNil(Day("2026-00-10"))
        XCTAssertNil(Day("2026-01-00"))
        XCTAssertNil(Day(year: 2026, month: 2, day: 30))
        XCTAssertNil(Day(year: 2026, month: 11, day: 31))
    }

    func testLeapDays() {
        XCTAssertEqual(Day("2024-02-29"), Day(year: 2024, month: 2, day: 29))  // 2024 = 4 × 506: leap
        XCTAssertNotNil(Day("2000-02-29"))                                      // divisible by 400: leap
        XCTAssertEqual(Day.daysIn(year: 2024, month: 2), 29)
        XCTAssertEqual(Day.daysIn(year: 2026, month: 2), 28)
        XCTAssertEqual(Day.daysIn(year: 2100, month: 2), 28)
        XCTAssertEqual(Day.daysIn(year: 2000, month: 2), 29)
    }

    func testRefusesMalformedText() {
        for bad in ["", "2026", "2026-03", "26-03-05", "2026-03-05-01", "2026-003-05", "2026-03-005",
                    "2026--03-05", "abcd-01-01", "2026-0x-05", "2026 03 05", "2026年3月5日"] {
            XCTAssertNil(Day(bad), bad)
        }
        // Outside the supported years 1900…2200.
        XCTAssertNil(Day("1899-12-31"))
        XCTAssertNil(Day("2201-01-01"))
        XCTAssertNotNil(Day("1900-01-01"))
        XCTAssertNotNil(Day("2200-12-31"))
    }

    func testDescriptionPadsMonthAndDay() {
        XCTAssertEqual(day("2026-3-5").description, "2026-03-05")
        XCTAssertEqual(day("2026.11.30").description, "2026-11-30")
    }

    func testOrdinalKnownValues() {
        XCTAssertEqual(day("1970-01-01").ordinal, 0)
        XCTAssertEqual(day("1970-01-02").ordinal, 1)
        XCTAssertEqual(day("1969-12-31").ordinal, -1)
        // 1970…1999 = 30 years, leap years 1972,76,80,84,88,92,96 = 7: 30×365 + 7 = 10957.
        XCTAssertEqual(day("2000-01-01").ordinal, 10957)
        // + 31 (Jan) + 29 (Feb 2000, leap) = 11017.
        XCTAssertEqual(day("2000-03-01").ordinal, 11017)
        // 1970…2025 = 56 years, leap years 1972…2024 = (2024−1972)/4 + 1 = 14: 56×365 + 14 = 20454.
        XCTAssertEqual(day("2026-01-01").ordinal, 20454)
        // 1900…1969 = 70 years, leap years 1904…1968 = 17: −(70×365 + 17) = −25567.
        XCTAssertEqual(day("1900-01-01").ordinal, -25567)
    }

    /// Walks every day from 1900-01-01 to 2200-12-31 with a naive calendar written here, and checks that the
    /// ordinal goes up by exactly one each day and that Day(ordinal:) gives the same day back.
    func testOrdinalRoundTripOverWholeRange() {
        func monthLength(_ y: Int, _ m: Int) -> Int {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        }
        var (y, m, d) = (1900, 1, 1)
        var expected = -25567
        var checked = 0
        while y <= 2200 {
            guard let cur = Day(year: y, month: m, day: d) else { XCTFail("\(y)-\(m)-\(d) refused"); return }
            if cur.ordinal != expected { XCTFail("\(cur): ordinal \(cur.ordinal), expected \(expected)"); return }
            let back = Day(ordinal: expected)
            if back != cur { XCTFail("Day(ordinal: \(expected)) = \(back), expected \(cur)"); return }
            d += 1
            if d > monthLength(y, m) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
            expected += 1
            checked += 1
        }
        // 301 years, 1900…2200. Multiples of 4 in that span: (2200 − 1900)/4 + 1 = 76; 1900, 2100 and 2200 are
        // not leap (centuries not divisible by 400) → 73 leap years → 301×365 + 73 = 109865 + 73 = 109938 days.
        XCTAssertEqual(checked, 109938)
        XCTAssertEqual(day("2200-12-31").ordinal - day("1900-01-01").ordinal + 1, 109938)
    }

    func testAddingMonthsClampsToMonthEnd() {
        XCTAssertEqual(day("2026-08-31").adding(months: 6), day("2027-02-28"))   // Feb 2027: 28 days
        XCTAssertEqual(day("2023-08-31").adding(months: 6), day("2024-02-29"))   // Feb 2024: leap
        XCTAssertEqual(day("2026-01-31").adding(months: 1), day("2026-02-28"))
        XCTAssertEqual(day("2026-03-31").adding(months: 1), day("2026-04-30"))
        XCTAssertEqual(day("2024-02-29").adding(months: 12), day("2025-02-28"))
        XCTAssertEqual(day("2026-12-15").adding(months: 1), day("2027-01-15"))   // year rolls over
        XCTAssertEqual(day("2026-05-20").adding(months: 0), day("2026-05-20"))
        // Backwards.
        XCTAssertEqual(day("2026-03-31").adding(months: -1), day("2026-02-28"))
        XCTAssertEqual(day("2024-03-31").adding(months: -1), day("2024-02-29"))
        XCTAssertEqual(day("2026-01-15").adding(months: -1), day("2025-12-15"))
        XCTAssertEqual(day("2026-01-15").adding(months: -13), day("2024-12-15"))
        // A new secretary must be trained within 6 months: appointed 2025-08-31 → due 2026-02-28.
        XCTAssertEqual(day("2025-08-31").adding(months: TrainingRules.newSecretaryMonths), day("2026-02-28"))
    }

    func testAddingDaysAndDaysSince() {
        XCTAssertEqual(day("2026-02-28").adding(days: 1), day("2026-03-01"))
        XCTAssertEqual(day("2024-02-28").adding(days: 1), day("2024-02-29"))
        XCTAssertEqual(day("2026-12-31").adding(days: 1), day("2027-01-01"))
        XCTAssertEqual(day("2026-01-01").adding(days: -1), day("2025-12-31"))
        XCTAssertEqual(day("2026-03-01").days(since: day("2026-02-01")), 28)   // February 2026
        XCTAssertEqual(day("2024-03-01").days(since: day("2024-02-01")), 29)   // February 2024
        XCTAssertEqual(day("2027-01-01").days(since: day("2026-01-01")), 365)
        XCTAssertEqual(day("2025-01-01").days(since: day("2024-01-01")), 366)
        XCTAssertEqual(day("2026-01-01").days(since: day("2026-01-31")), -30)
        XCTAssertEqual(day("2026-06-30").days(since: day("2026-06-30")), 0)
    }

    func testOrderingAndYearHelpers() {
        XCTAssertLessThan(day("2025-12-31"), day("2026-01-01"))
        XCTAssertLessThan(day("2026-02-28"), day("2026-03-01"))
        XCTAssertFalse(day("2026-03-01") < day("2026-03-01"))
        XCTAssertEqual(day("2026-06-30").endOfPreviousYear, day("2025-12-31"))
        XCTAssertEqual(day("2026-06-30").startOfYear, day("2026-01-01"))
        XCTAssertEqual(Day.endOf(year: 2024), day("2024-12-31"))
        XCTAssertEqual(Day.startOf(year: 2024), day("2024-01-01"))
    }

    func testTodayCanBePinned() {
        XCTAssertEqual(Day.today(environment: ["LIANGXIN_TODAY": "2026-05-01"]), day("2026-05-01"))
        // A pin that is not a date is ignored (falls back to the clock, which is some valid day).
        XCTAssertNotNil(Day(Day.today(environment: ["LIANGXIN_TODAY": "2026-02-30"]).description))
    }

    func testCodableAsText() throws {
        let data = try JSONEncoder().encode([day("2026-03-05")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"2026-03-05\"]")
        XCTAssertEqual(try JSONDecoder().decode([Day].self, from: Data("[\"2024/2/29\"]".utf8)), [day("2024-02-29")])
        XCTAssertThrowsError(try JSONDecoder().decode([Day].self, from: Data("[\"2026-02-30\"]".utf8)))
    }
}
