import XCTest
@testable import LiangxinModel

/// The secretary training rules, each at its boundary.
final class SecretaryRuleTests: XCTestCase {
    let today = Day(year: 2026, month: 11, day: 22)!

    func row(appointed: String?, last: String?, secretary: String? = "张三", hours: Double = 0) -> SecretaryTraining {
        SecretaryTraining(orgId: 1, orgName: "党支部", regionCode: "990102", regionName: "东湖区", secretary: secretary,
                          appointed: appointed.map { day($0) }, hours: hours, lastTraining: last.map { day($0) })
    }

    func testNewSecretaryIsOverdueOnlyAfterSixMonths() {
        // Appointed 2026-05-22: the deadline 2026-11-22 is today — not yet overdue. One day earlier, overdue.
        XCTAssertFalse(SecretaryCoverage.overdueNewSecretary(row(appointed: "2026-05-22", last: nil), today: today))
        XCTAssertTrue(SecretaryCoverage.overdueNewSecretary(row(appointed: "2026-05-21", last: nil), today: today))
        // 5 months ago: no; 7 months ago: yes.
        XCTAssertFalse(SecretaryCoverage.overdueNewSecretary(row(appointed: "2026-06-22", last: nil), today: today))
        XCTAssertTrue(SecretaryCoverage.overdueNewSecretary(row(appointed: "2026-04-22", last: nil), today: today))
        // Trained on the day of appointment counts; training only before the appointment does not.
        XCTAssertFalse(SecretaryCoverage.overdueNewSecretary(row(appointed: "2026-04-22", last: "2026-04-22"), today: today))
        XCTAssertTrue(SecretaryCoverage.overdueNewSecretary(row(appointed: "2026-04-22", last: "2026-04-21"), today: today))
        // A long-serving secretary never trained since appointment is on the list too; a vacancy or an unknown date is not.
        XCTAssertTrue(SecretaryCoverage.overdueNewSecretary(row(appointed: "2015-03-01", last: nil), today: today))
        XCTAssertFalse(SecretaryCoverage.overdueNewSecretary(row(appointed: "2015-03-01", last: nil, secretary: nil), today: today))
        XCTAssertFalse(SecretaryCoverage.overdueNewSecretary(row(appointed: nil, last: nil), today: today))
    }

    func testHoursAreCountedInTenths() {
        XCTAssertTrue(SecretaryCoverage.reachedHours(row(appointed: nil, last: nil, hours: 56)))
        XCTAssertFalse(SecretaryCoverage.reachedHours(row(appointed: nil, last: nil, hours: 55.5)))
        XCTAssertTrue(SecretaryCoverage.reachedHours(row(appointed: nil, last: nil, hours: 40.1 + 15.9)))
    }

    func testOnlyTheCurrentSecretarysRowsCount() {
        let org = PartyOrg(id: 7, name: "党支部", orgType: .branch, formation: .independent, regionCode: "990102", secretaryName: "王芳")
        XCTAssertTrue(SecretaryCoverage.isSecretaryRow(TrainingAttendance(sessionId: 1, partyOrgId: 7, personName: "王芳", role: .secretary), of: org))
        XCTAssertTrue(SecretaryCoverage.isSecretaryRow(TrainingAttendance(sessionId: 1, partyOrgId: 7, personName: nil, role: .secretary), of: org))
        XCTAssertFalse(SecretaryCoverage.isSecretaryRow(TrainingAttendance(sessionId: 1, partyOrgId: 7, personName: "赵旧", role: .secretary), of: org))
        XCTAssertFalse(SecretaryCoverage.isSecretaryRow(TrainingAttendance(sessionId: 1, partyOrgId: 7, personName: "王芳", role: .member), of: org))
        XCTAssertFalse(SecretaryCoverage.isSecretaryRow(TrainingAttendance(sessionId: 1, partyOrgId: 8, personName: "王芳", role: .secretary), of: org))
    }

    func testCountedOrganizations() {
        var o = PartyOrg(id: 1, name: "党支部", orgType: .branch, formation: .independent, regionCode: "990102", founded: day("2026-03-01"))
        XCTAssertTrue(SecretaryCoverage.isCounted(o, asOf: today))
        XCTAssertFalse(SecretaryCoverage.isCounted(o, asOf: day("2025-12-31")), "not founded yet")
        o.status = .revoked; o.revokedOn = day("2026-06-01")
        XCTAssertFalse(SecretaryCoverage.isCounted(o, asOf: today))
        o.founded = nil
        XCTAssertTrue(SecretaryCoverage.isCounted(o, asOf: day("2025-12-31")), "revoked only later")
    }

    func testAggregateCountsASessionOncePerSecretaryAndOnlyInTheYear() {
        let org = PartyOrg(id: 1, name: "党支部", orgType: .branch, formation: .independent, regionCode: "990102", secretaryName: "张明",
                           secretaryAppointed: day("2020-01-01"))
        let sessions = [TrainingSession(id: 1, date: day("2026-03-02"), title: "轮训", type: .secretaryRotation, hours: 40),
                        TrainingSession(id: 2, date: day("2025-12-30"), title: "党课", type: .partyLecture, hours: 3),
                        TrainingSession(id: 3, date: day("2026-11-23"), title: "明天", type: .course, hours: 8)]
        let a = [TrainingAttendance(sessionId: 1, partyOrgId: 1, personName: "张明", role: .secretary),
                 TrainingAttendance(sessionId: 1, partyOrgId: 1, personName: "张明", role: .secretary),
                 TrainingAttendance(sessionId: 2, partyOrgId: 1, personName: "张明", role: .secretary),
                 TrainingAttendance(sessionId: 3, partyOrgId: 1, personName: "张明", role: .secretary)]
        let r = SecretaryCoverage.aggregate(orgs: [org], sessions: sessions, attendance: a, year: 2026, today: today)
        XCTAssertEqual(r.count, 1)
        // 40 once (listed twice); the 2025 党课 is last year; the session after today is not counted yet.
        XCTAssertEqual([r[0].sessions, r[0].concentrated, r[0].rotations], [1, 1, 1])
        XCTAssertEqual(r[0].hours, 40)
        XCTAssertEqual(r[0].lastTraining, day("2026-03-02"))
    }

    func testPeriodAndBreakdown() {
        XCTAssertEqual(TrainingRules.period(year: 2026, today: today), day("2026-01-01")...today)
        XCTAssertEqual(TrainingRules.period(year: 2025, today: today), day("2025-01-01")...day("2025-12-31"))
        XCTAssertNil(TrainingRules.period(year: 2027, today: today))
        let s = [TrainingSession(date: day("2026-01-31"), title: "a", type: .quiz, mode: .online, personTimes: 10, hours: 2),
                 TrainingSession(date: day("2026-11-23"), title: "b", type: .quiz, personTimes: 99, hours: 9)]
        let b = TrainingBreakdown(s, year: 2026, today: today)
        XCTAssertEqual(b.total, TrainingTotals(sessions: 1, personTimes: 10, hours: 2))
        XCTAssertEqual(b.byMonth[0].personTimes, 10)
        XCTAssertEqual(b.type(.quiz).sessions, 1)
        XCTAssertEqual(b.mode(.offline), TrainingTotals())
    }

    func testHoursFitTheSessionsLength() {
        func issues(_ h: Double, end: String?, type: TrainingType = .course) -> [ValidationIssue] {
            Validate.trainingSession(TrainingSession(date: day("2026-03-02"), title: "班", type: type, personTimes: 10, hours: h,
                                                     endDate: end.map { day($0) }), registered: 0, today: today)
        }
        // 5 days hold at most 60 学时, usually 40: 40 passes, 48 asks, 61 is refused.
        XCTAssertEqual(issues(40, end: "2026-03-06"), [])
        XCTAssertEqual(issues(48, end: "2026-03-06").map(\.severity), [.warning])
        XCTAssertEqual(issues(61, end: "2026-03-06").map(\.severity), [.error])
        XCTAssertEqual(issues(61, end: "2026-03-06")[0].zh, "学时：5天的培训最多60学时（每天12学时）")
        // One day without an end date: over 12 only warns (older ledgers have none), 8 is fine.
        XCTAssertEqual(issues(40, end: nil).map(\.severity), [.warning])
        XCTAssertEqual(issues(8, end: nil), [])
        // An end date before the start, or after today, is refused.
        XCTAssertEqual(issues(4, end: "2026-03-01").map(\.field), ["endDate"])
        XCTAssertEqual(issues(4, end: "2026-11-23").map(\.field), ["endDate"])
        XCTAssertEqual(TrainingSession(date: day("2026-03-02"), title: "", type: .course, endDate: day("2026-03-06")).days, 5)
        // 人次 against everyone registered, head counts included.
        XCTAssertEqual(TrainingAttendance.registered([TrainingAttendance(sessionId: 1, personName: "甲"),
                                                      TrainingAttendance(sessionId: 1, role: .publicAttendee, headCount: 250)]), 251)
    }

    /// The stored form takes a fast path; it must refuse what the general parser refuses.
    func testDayFastPathAgreesWithTheGeneralParser() {
        XCTAssertEqual(Day("2026-11-22"), Day(year: 2026, month: 11, day: 22))
        XCTAssertEqual(Day("2024-02-29"), Day(year: 2024, month: 2, day: 29))
        for bad in ["2026-02-30", "2026-13-01", "2026-00-10", "1899-12-31", "2201-01-01", "2026/11-22", "2026-1a-22", "２０２６-11-2"] {
            XCTAssertNil(Day(bad), bad)
        }
        XCTAssertEqual(Day(" 2026-11-22 "), Day(year: 2026, month: 11, day: 22), "the general path still trims")
    }
}
