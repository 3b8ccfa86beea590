import XCTest
@testable import LiangxinModel

final class FindingsTests: XCTestCase {
    private func org(_ formation: Formation, type: OrgType = .branch, full: Int = 5, status: OrgStatus = .normal) -> PartyOrg {
        PartyOrg(id: 1, name: "党组织", orgType: type, formation: formation, regionCode: "990102", fullMembers: full, status: status)
    }
    private func unit(full: Int, org: Int64? = nil, instructor: Int64? = nil, planned: String? = nil) -> OrgUnit {
        OrgUnit(name: "单位", category: .privateEnterprise, regionCode: "990102", staff: 30, fullMembers: full,
             partyOrgId: org, instructorId: instructor, plannedDate: planned.map { day($0) })
    }

    func testShouldFormButHasNot() {
        // Exactly 3 正式党员 under a joint branch: enough for their own → listed.
        XCTAssertTrue(Findings.shouldFormButHasNot(unit(full: 3, org: 1), org: org(.joint)))
        // 2 is not enough.
        XCTAssertFalse(Findings.shouldFormButHasNot(unit(full: 2, org: 1), org: org(.joint)))
        // Already its own branch.
        XCTAssertFalse(Findings.shouldFormButHasNot(unit(full: 3, org: 1), org: org(.independent)))
        XCTAssertFalse(Findings.shouldFormButHasNot(unit(full: 40, org: 1), org: org(.independent)))
        // 行业统建, 兼合式, instructor only, nothing at all: all listed with ≥ 3.
        XCTAssertTrue(Findings.shouldFormButHasNot(unit(full: 4, org: 1), org: org(.industry)))
        XCTAssertTrue(Findings.shouldFormButHasNot(unit(full: 3, org: 1), org: org(.embedded)))
        XCTAssertTrue(Findings.shouldFormButHasNot(unit(full: 3, instructor: 9), org: nil))
        XCTAssertTrue(Findings.shouldFormButHasNot(unit(full: 3), org: nil))
        // Its own branch was revoked: listed again.
        XCTAssertTrue(Findings.shouldFormButHasNot(unit(full: 3, org: 1), org: org(.independent, status: .revoked)))
        // Probationary members do not count: 2 full + 5 probationary.
        var u = unit(full: 2, org: 1)
        u.probationaryMembers = 5
        XCTAssertFalse(Findings.shouldFormButHasNot(u, org: org(.joint)))
    }

    func testShouldFormButHasNotOnTheCity() {
        // U1 (8, own) no; U2 (3, joint) yes; U7 (4, 行业统建) yes; U8 (6, own) no; the rest have < 3.
        let names = CityFixture.units.filter { u in
            Findings.shouldFormButHasNot(u, org: u.partyOrgId.flatMap { CityFixture.orgs[$0] })
        }.map(\.name)
        XCTAssertEqual(names, ["东湖乙商贸有限公司", "西山律师事务所"])
    }

    func testBlindSpot() {
        XCTAssertTrue(Findings.isBlindSpot(unit(full: 0), org: nil))
        XCTAssertFalse(Findings.isBlindSpot(unit(full: 0, instructor: 9), org: nil))
        XCTAssertFalse(Findings.isBlindSpot(unit(full: 0, org: 1), org: org(.embedded)))
        XCTAssertFalse(Findings.isBlindSpot(unit(full: 1, org: 1), org: org(.joint)))
        XCTAssertTrue(Findings.isBlindSpot(unit(full: 1, org: 1), org: org(.joint, status: .revoked)))
        // In the city, among operating units: U6 (小吃店) and U12 (新设公司).
        let blind = CityFixture.units.filter { u in
            ScopeRule.default.includes(u, on: CityFixture.today)
                && Findings.isBlindSpot(u, org: u.partyOrgId.flatMap { CityFixture.orgs[$0] })
        }.map(\.name)
        XCTAssertEqual(blind, ["西山小吃店", "西山新设公司"])
    }

    func testJointBranchTooWide() {
        XCTAssertFalse(Findings.jointBranchTooWide(org(.joint, type: .jointBranch), coveredUnits: 5))   // 5 is the normal limit
        XCTAssertTrue(Findings.jointBranchTooWide(org(.joint, type: .jointBranch), coveredUnits: 6))
        XCTAssertFalse(Findings.jointBranchTooWide(org(.industry, type: .committee), coveredUnits: 40))
        XCTAssertFalse(Findings.jointBranchTooWide(org(.joint, type: .jointBranch, status: .revoked), coveredUnits: 6))
        // O2 of the city covers U2 U3 U4 = 3.
        let covered = CityFixture.units.filter { $0.partyOrgId == 2 }.count
        XCTAssertEqual(covered, 3)
        XCTAssertFalse(Findings.jointBranchTooWide(CityFixture.orgs[2]!, coveredUnits: covered))
    }

    func testBranchTooLarge() {
        XCTAssertFalse(Findings.branchTooLarge(org(.independent, full: 50)))
        XCTAssertTrue(Findings.branchTooLarge(org(.independent, full: 51)))
        XCTAssertTrue(Findings.branchTooLarge(org(.joint, type: .jointBranch, full: 51)))
        // A 党总支 or 党委 may be that large.
        XCTAssertFalse(Findings.branchTooLarge(org(.independent, type: .generalBranch, full: 80)))
        XCTAssertFalse(Findings.branchTooLarge(org(.industry, type: .committee, full: 120)))
        XCTAssertFalse(Findings.branchTooLarge(org(.independent, full: 60, status: .revoked)))
    }

    func testPlannedDatePassed() {
        let today = day("2026-06-30")
        XCTAssertTrue(Findings.plannedDatePassed(unit(full: 3, planned: "2026-06-29"), org: nil, today: today))   // yesterday
        XCTAssertFalse(Findings.plannedDatePassed(unit(full: 3, planned: "2026-06-30"), org: nil, today: today))  // today: not yet late
        XCTAssertFalse(Findings.plannedDatePassed(unit(full: 3, planned: "2026-09-01"), org: nil, today: today))  // future
        XCTAssertFalse(Findings.plannedDatePassed(unit(full: 3), org: nil, today: today))                         // no plan
        // Past, but an organization now covers it (own or joint) → no finding.
        XCTAssertFalse(Findings.plannedDatePassed(unit(full: 3, org: 1, planned: "2026-01-01"), org: org(.joint), today: today))
        // Past, and only an instructor or a 兼合式 org → still no organization → finding.
        XCTAssertTrue(Findings.plannedDatePassed(unit(full: 3, instructor: 9, planned: "2026-01-01"), org: nil, today: today))
        XCTAssertTrue(Findings.plannedDatePassed(unit(full: 3, org: 1, planned: "2026-01-01"), org: org(.embedded), today: today))
    }
}

final class StarDistributionTests: XCTestCase {
    private func org(_ star: Int, status: OrgStatus = .normal) -> PartyOrg {
        PartyOrg(name: "支部", orgType: .branch, formation: .independent, regionCode: "990102", status: status, starLevel: star)
    }

    func testDistributionAndCoverage() {
        // Active: stars 0,0,1,3,3,4,5,5 and a 软弱涣散 one with 2 = 9; a revoked 5★ is left out.
        let orgs = [org(0), org(0), org(1), org(3), org(3), org(4), org(5), org(5), org(2, status: .weak), org(5, status: .revoked)]
        let d = StarDistribution(orgs: orgs)
        XCTAssertEqual(d.counts, [2, 1, 1, 2, 1, 2])
        XCTAssertEqual(d.active, 9)
        XCTAssertEqual(d.rated, 7)
        // 7/9 = 77.7777 % → 77.78.
        XCTAssertEqual(d.coverage.text, "77.78%")
        // 5★ share of the rated: 2/7 = 28.5714 → 28.57 (over a 10 % quota); 4★: 1/7 = 14.29.
        XCTAssertEqual(d.share(of: 5).text, "28.57%")
        XCTAssertEqual(d.share(of: 4).text, "14.29%")
    }

    func testOutOfRangeStarsAreClampedAndEmptyHasNoRate() {
        let d = StarDistribution(orgs: [org(7), org(-1)])
        XCTAssertEqual(d.counts, [1, 0, 0, 0, 0, 1])
        XCTAssertEqual(StarDistribution().coverage.text, "—")
        XCTAssertEqual(StarDistribution(orgs: [org(0)]).share(of: 5).text, "—")   // nobody rated
        XCTAssertEqual(StarDistribution(orgs: [org(0)]).coverage.text, "0.00%")
    }
}

final class StationMetricsTests: XCTestCase {
    let today = Day(year: 2026, month: 6, day: 30)!

    func testIdle() {
        // 2026-05-31 → 2026-06-30 is 30 days: exactly N = 30 → still recent.
        XCTAssertEqual(today.days(since: day("2026-05-31")), 30)
        XCTAssertFalse(StationMetrics.isIdle(status: .running, lastLog: day("2026-05-31"), today: today, days: 30))
        // 2026-05-30 → 31 days = N + 1 → idle.
        XCTAssertTrue(StationMetrics.isIdle(status: .running, lastLog: day("2026-05-30"), today: today, days: 30))
        // Never logged.
        XCTAssertTrue(StationMetrics.isIdle(status: .running, lastLog: nil, today: today, days: 30))
        // Opened 10 days ago and not logged yet: not idle; opened 31 days ago: idle; a future opening date is ignored.
        XCTAssertFalse(StationMetrics.isIdle(status: .running, lastLog: nil, opened: today.adding(days: -10), today: today, days: 30))
        XCTAssertTrue(StationMetrics.isIdle(status: .running, lastLog: nil, opened: today.adding(days: -31), today: today, days: 30))
        XCTAssertTrue(StationMetrics.isIdle(status: .running, lastLog: nil, opened: today.adding(days: 5), today: today, days: 30))
        XCTAssertFalse(StationMetrics.isIdle(status: .running, lastLog: day("2020-01-01"), opened: today.adding(days: -30), today: today, days: 30))
        // Paused or closed stations are never idle, whatever the log.
        XCTAssertFalse(StationMetrics.isIdle(status: .paused, lastLog: nil, today: today, days: 30))
        XCTAssertFalse(StationMetrics.isIdle(status: .paused, lastLog: day("2020-01-01"), today: today, days: 30))
        XCTAssertFalse(StationMetrics.isIdle(status: .closed, lastLog: nil, today: today, days: 30))
        // Across a leap February: 2024-02-01 → 2024-03-02 = 29 + 1 = 30 days.
        XCTAssertFalse(StationMetrics.isIdle(status: .running, lastLog: day("2024-02-01"), today: day("2024-03-02"), days: 30))
        XCTAssertTrue(StationMetrics.isIdle(status: .running, lastLog: day("2024-01-31"), today: day("2024-03-02"), days: 30))
    }

    func testByMonth() {
        let logs = [
            StationLog(stationId: 1, date: day("2026-01-05"), count: 12),
            StationLog(stationId: 1, date: day("2026-01-31"), count: 8),
            StationLog(stationId: 1, date: day("2026-03-01"), count: 5),
            StationLog(stationId: 2, date: day("2026-12-31"), count: 7),
            StationLog(stationId: 1, date: day("2025-12-31"), count: 100),   // other year
            StationLog(stationId: 1, date: day("2027-01-01"), count: 100),   // other year
        ]
        // Jan 12 + 8 = 20; Mar 5; Dec 7.
        XCTAssertEqual(StationMetrics.byMonth(logs, year: 2026), [20, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 7])
        XCTAssertEqual(StationMetrics.byMonth(logs, year: 2025), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100])
        XCTAssertEqual(StationMetrics.byMonth([], year: 2026), Array(repeating: 0, count: 12))
    }

    func testMissingBasicServices() {
        let s = Station(name: "驿站", kind: .love, regionCode: "990102", services: [.water, .rest, .wifi])
        // Basic set 休息 饮水 充电 应急药箱; it has 休息 饮水 → missing 充电, 应急药箱 in checklist order.
        XCTAssertEqual(StationMetrics.missingBasic(s, basic: StationService.defaultBasicSet), [.charging, .firstAid])
        XCTAssertEqual(StationMetrics.missingBasic(s, basic: [.wifi]), [])
    }
}

final class TrainingTests: XCTestCase {
    func testTotals() {
        let sessions = [
            TrainingSession(date: day("2026-03-01"), title: "书记轮训班", type: .secretaryRotation, personTimes: 60, hours: 16),
            TrainingSession(date: day("2026-04-10"), title: "专题党课", type: .partyLecture, personTimes: 160, hours: 1.5),
            TrainingSession(date: day("2026-05-20"), title: "专题研讨", type: .seminar, personTimes: 40, hours: 0.5),
        ]
        let t = TrainingTotals(sessions)
        // 3 sessions; 60 + 160 + 40 = 260 人次; 16 + 1.5 + 0.5 = 18 学时.
        XCTAssertEqual(t, TrainingTotals(sessions: 3, personTimes: 260, hours: 18))
        XCTAssertEqual(TrainingTotals([]), TrainingTotals())
    }

    func testSecretaryHours() {
        XCTAssertTrue(TrainingRules.meetsSecretaryHours(56.0))
        XCTAssertFalse(TrainingRules.meetsSecretaryHours(55.9))
        XCTAssertTrue(TrainingRules.meetsSecretaryHours(56.1))
        // Summed in floating point: 0.1 × 560 drifts from 56 but still passes (compared in tenths).
        let drifted = (0..<560).reduce(0.0) { acc, _ in acc + 0.1 }
        XCTAssertNotEqual(drifted, 56.0)
        XCTAssertTrue(TrainingRules.meetsSecretaryHours(drifted))
        XCTAssertEqual(TrainingRules.memberYearlyHours, 32)
    }

    func testConcentratedCourses() {
        XCTAssertEqual(TrainingType.allCases.filter(\.isConcentrated),
                       [.course, .thematicStudy, .secretaryRotation, .partyWorkerTraining])
    }
}
