import XCTest
@testable import LiangxinModel

/// The activity figures and findings of one station, against hand counts.
final class StationActivityTests: XCTestCase {
    let today = Day(year: 2026, month: 11, day: 22)!

    func log(_ d: String, _ n: Int) -> StationLog { StationLog(stationId: 1, date: day(d), count: n) }

    func testMonthYearAndLastCountOnlyUpToAsOf() {
        let logs = [log("2026-11-20", 30), log("2026-11-01", 20), log("2026-10-31", 1), log("2026-10-15", 50),
                    log("2026-01-01", 10), log("2025-12-31", 99)]
        // Month (2026-11-01…22): 30 + 20 = 50; year: 50 + 1 + 50 + 10 = 111 (2025-12-31 is last year); last 11-20.
        XCTAssertEqual(StationActivity(logs: logs, asOf: today), StationActivity(month: 50, year: 111, last: day("2026-11-20")))
        // As of 2026-11-19 the 11-20 entry is in the future: month 20, year 81, last 11-01.
        XCTAssertEqual(StationActivity(logs: logs, asOf: day("2026-11-19")), StationActivity(month: 20, year: 81, last: day("2026-11-01")))
        // As of 2026-10-31: month = 1 + 50 = 51, year = 61.
        XCTAssertEqual(StationActivity(logs: logs, asOf: day("2026-10-31")), StationActivity(month: 51, year: 61, last: day("2026-10-31")))
        // As of the last day of 2025: only the 99.
        XCTAssertEqual(StationActivity(logs: logs, asOf: day("2025-12-31")), StationActivity(month: 99, year: 99, last: day("2025-12-31")))
        XCTAssertEqual(StationActivity(logs: [], asOf: today), StationActivity())
        XCTAssertEqual(StationActivity(logs: logs, asOf: today).daysSinceLast(today), 2)
        XCTAssertNil(StationActivity().daysSinceLast(today))
    }

    func testFindingsOfOneStationIncludingExactlyNDaysAgo() {
        let basic = StationService.defaultBasicSet
        let full = Station(name: "甲", kind: .love, regionCode: "990102001", contactName: "张三", contactPhone: "13800000011",
                           services: [.rest, .water, .charging, .firstAid])
        // 2026-10-23 → 2026-11-22 is exactly 30 days: not idle; 10-22 (31 days) is.
        XCTAssertEqual(today.days(since: day("2026-10-23")), 30)
        XCTAssertEqual(StationMetrics.findings(full, lastLog: day("2026-10-23"), today: today, idleDays: 30, basic: basic), [])
        XCTAssertEqual(StationMetrics.findings(full, lastLog: day("2026-10-22"), today: today, idleDays: 30, basic: basic), [.idle])
        XCTAssertEqual(StationMetrics.findings(full, lastLog: nil, today: today, idleDays: 30, basic: basic), [.idle])

        var lacking = full
        lacking.services = Station.join([.rest, .water])
        lacking.contactPhone = "  "
        XCTAssertEqual(StationMetrics.findings(lacking, lastLog: nil, today: today, idleDays: 30, basic: basic), [.idle, .missingBasic, .noContact])
        // A different basic set is a setting: with only 休息 required, nothing is missing.
        XCTAssertEqual(StationMetrics.findings(lacking, lastLog: today, today: today, idleDays: 30, basic: [.rest]), [.noContact])
        // Paused and closed stations are on no list.
        lacking.status = .paused
        XCTAssertEqual(StationMetrics.findings(lacking, lastLog: nil, today: today, idleDays: 30, basic: basic), [])
        lacking.status = .closed
        XCTAssertEqual(StationMetrics.findings(lacking, lastLog: nil, today: today, idleDays: 30, basic: basic), [])
    }

    func testNoContactNeedsBothNameAndPhone() {
        var s = Station(name: "乙", kind: .red, regionCode: "990102001", contactName: "李四", contactPhone: "13800000012")
        XCTAssertFalse(StationMetrics.hasNoContact(s))
        s.contactName = "\u{3000}"   // an ideographic space typed by an IME is still blank
        XCTAssertTrue(StationMetrics.hasNoContact(s))
        s.contactName = "李四"; s.contactPhone = nil
        XCTAssertTrue(StationMetrics.hasNoContact(s))
    }

    func testTrailingTwelveMonthsCrossTheYear() {
        let months = StationMetrics.trailingMonths(endingAt: today)
        XCTAssertEqual(months.count, 12)
        XCTAssertEqual(months.first!.year, 2025); XCTAssertEqual(months.first!.month, 12)
        XCTAssertEqual(months.last!.year, 2026); XCTAssertEqual(months.last!.month, 11)
        let logs = [log("2025-11-30", 7), log("2025-12-01", 3), log("2025-12-31", 4), log("2026-06-15", 5), log("2026-11-22", 6), log("2026-11-23", 100)]
        // 2025-11 is outside; Dec 2025 = 3 + 4 = 7; Jun 2026 (index 6) = 5; Nov 2026 = 6 (11-23 is after today).
        XCTAssertEqual(StationMetrics.trailing(logs, endingAt: today), [7, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 6])
    }

    func testOpenAllDayAndServiceCounts() {
        let a = Station(name: "丙", kind: .love, regionCode: "1", hours: "24小时", services: [.rest, .hotMeal])
        let b = Station(name: "丁", kind: .love, regionCode: "1", hours: "08:00-20:00", services: [.rest])
        var c = Station(name: "戊", kind: .love, regionCode: "1", hours: "24h", services: [.hotMeal])
        c.status = .closed
        XCTAssertTrue(StationMetrics.isOpenAllDay(a))
        XCTAssertFalse(StationMetrics.isOpenAllDay(b))
        // Running stations only: the closed one's 热饭 does not count.
        XCTAssertEqual(StationMetrics.serviceCounts([a, b, c]), [.rest: 2, .hotMeal: 1])
    }

    /// Hours are `24h` or `HH:MM-HH:MM` ranges; the message names the field so the form can show it beside it.
    func testHoursValidation() {
        func issues(_ h: String) -> [String] {
            Validate.station(Station(name: "驿站", kind: .love, regionCode: "990102001", hours: h), today: today).map(\.field)
        }
        for ok in ["24h", "24小时", "08:00-20:00", "8:30-17:30", "08:00-12:00,14:00-20:00", "22:00-06:00", "20:00-24:00"] {
            XCTAssertEqual(issues(ok), [], ok)
        }
        for bad in ["", "8-20", "早八晚八", "25:00-26:00", "08:00-08:00", "08:00", "08:60-09:00"] {
            XCTAssertEqual(issues(bad), ["hours"], bad)
        }
        let msg = Validate.station(Station(name: "驿站", kind: .love, regionCode: "990102001", hours: "8-20"), today: today)[0]
        XCTAssertEqual(msg.zh, "开放时间：应为“24h”或“HH:MM-HH:MM”（多段用逗号分隔）")
    }

    func testStationFormRules() {
        var s = Station(name: "驿站", kind: .love, regionCode: "990102001", contactPhone: "1380013800", opened: day("2026-11-23"))
        XCTAssertEqual(Set(Validate.station(s, today: today).map(\.field)), ["contactPhone", "opened"])
        s.contactPhone = "0710-3456789"; s.opened = today
        XCTAssertEqual(Validate.station(s, today: today), [])
        s.status = .paused
        XCTAssertEqual(Validate.station(s, today: today).map(\.field), ["statusReason"])
        XCTAssertEqual(Validate.stationLog(StationLog(stationId: 1, date: day("2026-11-23"), count: 0), today: today).map(\.field), ["count", "date"])
    }
}
