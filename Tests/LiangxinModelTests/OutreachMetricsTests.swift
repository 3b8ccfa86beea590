import XCTest
@testable import LiangxinModel

final class OutreachMetricsTests: XCTestCase {
    private func survey(_ id: Int64, _ date: String, workers: Int = 10, found: Int = 0, transferred: Int = 0) -> PlatformSurvey {
        PlatformSurvey(id: id, platformId: 1, surveyDate: day(date), workers: workers, membersFound: found, membersTransferred: transferred)
    }

    func testTheLatestSurveyHoldsTheCountsAndTheLaterEntryWinsOnTheSameDay() {
        let a = survey(1, "2026-03-01", workers: 10), b = survey(2, "2026-09-01", workers: 20), c = survey(3, "2026-09-01", workers: 30)
        XCTAssertEqual(OutreachRules.latest([b, a, c])?.workers, 30)
        XCTAssertEqual(OutreachRules.latest([a, b], asOf: day("2026-08-31"))?.workers, 10)
        XCTAssertNil(OutreachRules.latest([a], asOf: day("2026-02-28")))
        XCTAssertNil(OutreachRules.latest([]))
    }

    func testOverdueIsStrictlyOlderThanNMonths() {
        let t = day("2026-11-22")
        XCTAssertEqual(OutreachRules.overdueBefore(today: t, months: 6), day("2026-05-22"))
        XCTAssertTrue(OutreachRules.isOverdue(lastSurvey: nil, today: t, months: 6))
        XCTAssertTrue(OutreachRules.isOverdue(lastSurvey: day("2026-05-21"), today: t, months: 6))
        XCTAssertFalse(OutreachRules.isOverdue(lastSurvey: day("2026-05-22"), today: t, months: 6))
        // Month ends clamp: six months before 31 August is 28 February.
        XCTAssertEqual(OutreachRules.overdueBefore(today: day("2026-08-31"), months: 6), day("2026-02-28"))
    }

    func testFindingsOfOnePlatform() {
        let t = day("2026-11-22")
        let active = PartyOrg(id: 1, name: "支部", orgType: .branch, formation: .industry, regionCode: "990102")
        var revoked = active
        revoked.status = .revoked
        revoked.revokedOn = day("2026-06-30")
        let s = survey(1, "2026-10-01", found: 5, transferred: 2)
        XCTAssertEqual(OutreachRules.findings(latest: s, branch: active, today: t, months: 6), [.notTransferred])
        XCTAssertEqual(OutreachRules.findings(latest: s, branch: nil, today: t, months: 6), [.noBranch, .notTransferred])
        XCTAssertEqual(OutreachRules.findings(latest: s, branch: revoked, today: t, months: 6), [.noBranch, .notTransferred])
        // As of a day before the revocation the branch still covered the platform.
        XCTAssertFalse(OutreachRules.hasMembersWithoutBranch(s, branch: revoked, on: day("2026-01-01")))
        // No members found: no branch is needed and nothing waits for a transfer.
        XCTAssertEqual(OutreachRules.findings(latest: survey(2, "2026-10-01"), branch: nil, today: t, months: 6), [])
        XCTAssertEqual(OutreachRules.findings(latest: nil, branch: nil, today: t, months: 6), [.overdue])
        XCTAssertEqual(OutreachRules.findings(latest: survey(3, "2026-10-01", found: 4, transferred: 4), branch: active, today: t, months: 6), [])
    }

    func testLedgerTotalsCountPlatformsAndSumTheirLatestSurveys() {
        var t = LedgerTotals()
        t.add(latest: survey(1, "2026-01-01", workers: 100, found: 7, transferred: 3))
        t.add(latest: nil)
        XCTAssertEqual(t.platforms, 2)
        XCTAssertEqual(t.surveyed, 1)
        XCTAssertEqual(t.workers, 100)
        XCTAssertEqual(t.notTransferred, 4)
        XCTAssertEqual((t + t).membersFound, 14)
    }

    func testSectorCoverageIsTheCoverageFormulaOverTheSectorsCells() {
        let cells = [
            CoverageCell(regionCode: "1", category: .privateEnterprise, acfic: false, sector: .courier, counts: CoverageCounts(industry: 1, uncovered: 2)),
            CoverageCell(regionCode: "2", category: .individualBusiness, acfic: false, sector: .courier, counts: CoverageCounts(joint: 1, workOnly: 3)),
            CoverageCell(regionCode: "1", category: .privateEnterprise, acfic: false, sector: nil, counts: CoverageCounts(own: 9)),
            CoverageCell(regionCode: "1", category: .privateEnterprise, acfic: false, sector: .truck, counts: CoverageCounts(uncovered: 3)),
        ]
        let by = OutreachRules.coverageBySector(cells)
        // 快递: 2 with an organization of 7 → 28.57%; 货车 0 of 3; units without a sector are not counted.
        XCTAssertEqual(by[.courier]?.orgRate.text, "28.57%")
        XCTAssertEqual(by[.truck]?.orgRate.text, "0.00%")
        XCTAssertNil(by[.delivery])
        XCTAssertEqual(by.values.reduce(CoverageCounts(), +).inScope, 10)
    }

    func testActivityRollups() {
        let list = [
            OutreachActivity(date: day("2026-01-05"), sector: .courier, type: .care, title: "a", participants: 5, peopleServed: 20, items: 30),
            OutreachActivity(date: day("2026-01-20"), sector: .courier, type: .volunteer, title: "b", participants: 8, volunteerTimes: 16),
            OutreachActivity(date: day("2026-03-02"), sector: .truck, type: .care, title: "c", peopleServed: 7),
            OutreachActivity(date: day("2025-12-31"), sector: .truck, type: .care, title: "old"),
            OutreachActivity(date: day("2026-12-01"), sector: .truck, type: .care, title: "after today"),
        ]
        let year = OutreachRollup.inYear(list, year: 2026, through: day("2026-11-22"))
        XCTAssertEqual(year.map(\.title), ["a", "b", "c"])
        XCTAssertEqual(OutreachRollup.bySector(year)[.courier], ActivityTotals(count: 2, participants: 13, peopleServed: 20, items: 30, volunteerTimes: 16))
        XCTAssertEqual(OutreachRollup.byType(year)[.care], ActivityTotals(count: 2, participants: 5, peopleServed: 27, items: 30))
        XCTAssertEqual(OutreachRollup.byMonth(year, sector: .courier), [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(OutreachRollup.byMonth(year, sector: nil)[2], 1)
    }

    func testPlatformValidation() {
        let p = Platform(name: "  ", sector: .courier, regionCode: "")
        XCTAssertEqual(Validate.platform(p).map(\.field), ["name", "regionCode"])
        let q = Platform(name: "迅达快递", sector: .courier, regionCode: "990102")
        XCTAssertEqual(Validate.platform(q, sameNameExists: { $0 == "迅达快递" }).map(\.severity), [.warning])
        XCTAssertTrue(Validate.platform(q).isEmpty)
    }

    func testSurveyPlacementWarnsAboutLateAndSameDayEntries() {
        let latest = survey(5, "2026-09-01")
        XCTAssertEqual(Validate.surveyPlacement(PlatformSurvey(platformId: 1, surveyDate: day("2026-10-01")), latest: latest), [])
        XCTAssertEqual(Validate.surveyPlacement(PlatformSurvey(platformId: 1, surveyDate: day("2026-09-01")), latest: latest).map(\.severity), [.warning])
        XCTAssertTrue(Validate.surveyPlacement(PlatformSurvey(platformId: 1, surveyDate: day("2026-08-01")), latest: latest)[0].zh.contains("不改变当前数字"))
        XCTAssertEqual(Validate.surveyPlacement(PlatformSurvey(platformId: 1, surveyDate: day("2026-08-01")), latest: nil), [])
    }
}
