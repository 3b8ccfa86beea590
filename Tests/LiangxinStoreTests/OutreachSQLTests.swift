import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The outreach fixture's figures, counted by hand (today 2026-11-22, 6 months → overdue before 2026-05-22).
///
/// Latest surveys: P1 2026-09-15 (6 stations, 1 office, 140 workers, 10 found, 3 pocket, 6 transferred, 5 mobile;
/// its 2025-10-10 survey is history) · P2 2026-01-10 (12, 2, 300, 9, 1, 2, 3) · P3 2026-06-01 (3, 0, 200, 6, 2, 6, 1)
/// · P4 2026-05-22 (0, 0, 500, 12, 4, 5, 6; 2025-05-01 is history) · P5 2026-08-08 (2, 1, 80, 0…) · P6 never.
///
/// By sector: 快递 P1+P2 = 2 platforms, 18 stations, 3 offices, 440 workers, 19 found, 4 pocket, 8 transferred,
/// 8 mobile · 外卖 P3 = 3, 0, 200, 6, 2, 6, 1 · 网约车 P4 = 0, 0, 500, 12, 4, 5, 6 · 货车 P5 = 2, 1, 80, 0, 0, 0, 0 ·
/// 网络主播 P6 = 1 platform, never surveyed · all: 6 platforms (5 surveyed), 23, 4, 1220, 37, 10, 19, 15.
///
/// Coverage (units of the sector in scope): 快递 8 industry, 13 work only (14 deregistered) → 1/2 = 50.00% ·
/// 外卖 15 joint, 19 兼合式 (work only), 12 uncovered → 1/3 = 33.33% · 网约车 16 industry → 1/1 = 100.00% ·
/// 货车 17 own, 20 uncovered → 1/2 = 50.00% · 网络主播 18 (revoked org) → 0/1 = 0.00% · all 4/9 = 44.44%.
///
/// Covering branches: 快递 P1's 6 + unit 8's 3 → 2 · 外卖 P3's 7 is revoked, unit 15's 2 → 1 · 网约车 6 (P4 and
/// unit 16) → 1 · 货车 8 → 1 · 网络主播 0 · all {2, 3, 6, 8} → 4.
///
/// Findings: overdue P2 (2026-01-10), P6 (never); P4's 2026-05-22 is exactly 6 months: not overdue ·
/// no branch P2 (none), P3 (revoked) · not transferred P1 (10 > 6), P2 (9 > 2), P4 (12 > 5).
///
/// Activities 2026 (up to today; activity 1 is 2025): 快递 2, 3, 6 → 3 activities, 105 participants, 340 served,
/// 707 items, 50 volunteer person-times · 外卖 4, 9 → 2, 36, 100, 0, 45 · 网约车 5 → 1, 40 · 货车 8 → 1, 50 ·
/// 网络主播 7 → 1, 12 · all 8, 243, 440, 707, 95. By type: 关爱慰问 1 (20, 260, 707) · 培训 1 (40) ·
/// 志愿服务 2 (55, 180, volunteer 95) · 评选表彰 2 (110) · 座谈 1 (12) · 摸排 1 (6).
final class OutreachSQLTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!
    var fixture: OutreachFixture!

    override func setUpWithError() throws {
        tmp = TempDir()
        store = try Store(path: tmp.file("out.sqlite"))
        fixture = OutreachFixture.make()
        try fixture.load(into: store)
    }

    func totals(_ v: [Int]) -> LedgerTotals {
        var t = LedgerTotals()
        (t.platforms, t.surveyed, t.stations, t.branchOffices, t.workers) = (v[0], v[1], v[2], v[3], v[4])
        (t.membersFound, t.pocketMembers, t.membersTransferred, t.mobileMembers) = (v[5], v[6], v[7], v[8])
        return t
    }

    func testSectorFiguresAndCoverageAgainstTheHandCount() throws {
        let d = try store.outreachSummary(today: today)
        XCTAssertEqual(d.asOf, today)
        XCTAssertEqual(d.ledger[.courier], totals([2, 2, 18, 3, 440, 19, 4, 8, 8]))
        XCTAssertEqual(d.ledger[.delivery], totals([1, 1, 3, 0, 200, 6, 2, 6, 1]))
        XCTAssertEqual(d.ledger[.rideHailing], totals([1, 1, 0, 0, 500, 12, 4, 5, 6]))
        XCTAssertEqual(d.ledger[.truck], totals([1, 1, 2, 1, 80, 0, 0, 0, 0]))
        XCTAssertEqual(d.ledger[.streamer], totals([1, 0, 0, 0, 0, 0, 0, 0, 0]))
        XCTAssertEqual(d.ledgerAll, totals([6, 5, 23, 4, 1220, 37, 10, 19, 15]))
        XCTAssertEqual(d.ledgerAll.notTransferred, 18)

        XCTAssertEqual(d.coverage[.courier], CoverageCounts(industry: 1, workOnly: 1))
        XCTAssertEqual(d.coverage[.delivery], CoverageCounts(joint: 1, workOnly: 1, uncovered: 1))
        let rates = Sector.allCases.map { d.coverage($0).orgRate.text }
        XCTAssertEqual(rates, ["50.00%", "33.33%", "100.00%", "50.00%", "0.00%"])
        XCTAssertEqual(d.coverageAll.orgRate.text, "44.44%")
        XCTAssertEqual(Sector.allCases.map { d.branches($0) }, [2, 1, 1, 1, 0])
        XCTAssertEqual(d.branchesAll, 4)
    }

    /// The sector rate is the coverage panel's figure: the same cells, so the three ride-hailing/courier/delivery
    /// sectors add up to the overview's 快递外卖网约车行业 row.
    func testSectorCoverageAgreesWithTheOverviewRow() throws {
        let d = try store.outreachSummary(today: today)
        let o = try store.overview(today: today)
        XCTAssertEqual(d.coverage(.courier) + d.coverage(.delivery) + d.coverage(.rideHailing), o.coverage[.courierDeliveryRide])
    }

    func testFindingsAndActivityTotals() throws {
        let d = try store.outreachSummary(today: today)
        XCTAssertEqual(d.findings, [.overdue: 2, .noBranch: 2, .notTransferred: 3])
        XCTAssertEqual(d.finding(.notTransferred, .courier), 2)
        XCTAssertEqual(d.finding(.overdue, .streamer), 1)
        XCTAssertEqual(d.activities(.courier), ActivityTotals(count: 3, participants: 105, peopleServed: 340, items: 707, volunteerTimes: 50))
        XCTAssertEqual(d.activities(.delivery), ActivityTotals(count: 2, participants: 36, peopleServed: 100, volunteerTimes: 45))
        XCTAssertEqual(d.activitiesAll, ActivityTotals(count: 8, participants: 243, peopleServed: 440, items: 707, volunteerTimes: 95))
        XCTAssertEqual(d.byType[.care], ActivityTotals(count: 1, participants: 20, peopleServed: 260, items: 707))
        XCTAssertEqual(d.byType[.volunteer], ActivityTotals(count: 2, participants: 55, peopleServed: 180, volunteerTimes: 95))
        XCTAssertEqual(d.byType[.award]?.count, 2)
        XCTAssertEqual(d.months(.courier), [1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0])
        XCTAssertEqual(d.months(.delivery), [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0])
        XCTAssertEqual(d.months(nil).reduce(0, +), 8)
        XCTAssertEqual(d.awards.map { "\($0.date) \($0.award ?? "") \($0.awardPerson ?? "")" }, ["2026-10-18 红色方向盘 李四", "2026-03-04 最美快递员 张三"])
    }

    /// The findings lists: the SQL filter, the model's rule per row and the reference roll-up name the same platforms.
    func testFindingsListsAgreeWithTheModel() throws {
        let orgs = Dictionary(uniqueKeysWithValues: fixture.base.orgs.map { ($0.id!, $0) })
        let model = OutreachRollup.findings(platforms: fixture.platforms, surveys: fixture.surveys, orgs: orgs, today: today, months: 6)
        XCTAssertEqual(model, [.overdue: [2, 6], .noBranch: [2, 3], .notTransferred: [1, 2, 4]])
        for f in OutreachFinding.allCases {
            XCTAssertEqual(try store.findingPlatformIds(f, today: today, months: 6), model[f], "\(f)")
            let q = LedgerQuery(finding: f, sort: .name)
            XCTAssertEqual(try store.ledgerCount(q, today: today, months: 6), model[f]?.count)
            let rows = try store.ledgerPage(q, today: today, months: 6, offset: 0, limit: 50)
            XCTAssertEqual(rows.map { $0.platform.id! }.sorted(), model[f])
            XCTAssertTrue(rows.allSatisfy { $0.findings.contains(f) })
        }
        // A shorter window makes more platforms overdue: 3 months → before 2026-08-22 (P3 06-01, P4 05-22 and
        // P5 08-08 join; P1 09-15 stays).
        XCTAssertEqual(try store.findingPlatformIds(.overdue, today: today, months: 3), [2, 3, 4, 5, 6])
    }

    /// The SQL mirrors the model's reference roll-up (ledger, branches, activity totals) on the fixture.
    func testSQLAgreesWithTheModelRollup() throws {
        let d = try store.outreachSummary(today: today)
        let ledger = OutreachRollup.ledger(platforms: fixture.platforms, surveys: fixture.surveys, asOf: today)
        for s in Sector.allCases { XCTAssertEqual(d.ledger(s), ledger[s] ?? LedgerTotals(), "\(s)") }
        let orgs = Dictionary(uniqueKeysWithValues: fixture.base.orgs.map { ($0.id!, $0) })
        let branches = OutreachRollup.coveringBranches(platforms: fixture.platforms, units: fixture.base.units, orgs: orgs,
                                                       scope: .default, on: today)
        for s in Sector.allCases { XCTAssertEqual(d.branches(s), branches[s]?.count ?? 0, "\(s)") }
        let cells = CoverageRollup.cells(units: fixture.base.units, orgs: orgs, scope: .default, on: today)
        XCTAssertEqual(d.coverage, OutreachRules.coverageBySector(cells))
        let year = OutreachRollup.inYear(fixture.activities, year: 2026, through: today)
        XCTAssertEqual(d.activities, OutreachRollup.bySector(year))
        XCTAssertEqual(d.byType, OutreachRollup.byType(year))
        for s in Sector.allCases { XCTAssertEqual(d.months(s), OutreachRollup.byMonth(year, sector: s)) }
    }

    /// A past year stands on its 31 December (hand count): P1 2025-10-10 (5, 1, 120, 8, 2, 3, 4), P4 2025-05-01
    /// (0, 0, 420, 10, 3, 4, 5), the rest not yet surveyed; overdue before 2025-06-30 → P2, P3, P4, P5, P6;
    /// not transferred P1, P4; no branch none (P3's branch 7 was revoked only in 2026). Coverage: unit 8's branch
    /// was founded in 2026 → 快递 0/2; 外卖 1/3; 网约车 1/1; 货车 1/2; 网络主播 0/1 → 3/9 = 33.33%.
    /// Branches: 快递 {6} · 外卖 {7, 2} · 网约车 {6} · 货车 {8} → all 4. Activities 2025: activity 1 only.
    func testAPastYearStandsOnItsLastDay() throws {
        let d = try store.outreachSummary(today: today, year: 2025)
        XCTAssertEqual(d.asOf, Day("2025-12-31"))
        XCTAssertEqual(d.ledger(.courier), totals([2, 1, 5, 1, 120, 8, 2, 3, 4]))
        XCTAssertEqual(d.ledger(.rideHailing), totals([1, 1, 0, 0, 420, 10, 3, 4, 5]))
        XCTAssertEqual(d.ledgerAll.surveyed, 2)
        XCTAssertEqual(d.findings, [.overdue: 5, .noBranch: 0, .notTransferred: 2])
        XCTAssertEqual(Sector.allCases.map { d.coverage($0).orgRate.text }, ["0.00%", "33.33%", "100.00%", "50.00%", "0.00%"])
        XCTAssertEqual(d.coverageAll.orgRate.text, "33.33%")
        XCTAssertEqual(Sector.allCases.map { d.branches($0) }, [1, 2, 1, 1, 0])
        XCTAssertEqual(d.branchesAll, 4)
        XCTAssertEqual(d.activitiesAll.count, 1)
        XCTAssertEqual(d.activities(.courier).peopleServed, 50)
        let orgs = Dictionary(uniqueKeysWithValues: fixture.base.orgs.map { ($0.id!, $0) })
        let end = Day("2025-12-31")!
        let branches = OutreachRollup.coveringBranches(platforms: fixture.platforms, units: fixture.base.units, orgs: orgs,
                                                       scope: .default, on: today, asOf: end)
        XCTAssertEqual(Sector.allCases.map { branches[$0]?.count ?? 0 }, [1, 2, 1, 1, 0])
        XCTAssertThrowsError(try store.outreachSummary(today: today, year: 2027))
    }

    /// A new survey adds a row: the old one stays as history and the ledger moves to the new counts.
    func testTheSurveyHistoryIsKeptAcrossTwoSurveys() throws {
        var first = PlatformSurvey(platformId: 6, surveyDate: Day("2026-02-01")!, stations: 1, workers: 40, membersFound: 2, membersTransferred: 0)
        var second = PlatformSurvey(platformId: 6, surveyDate: Day("2026-11-20")!, stations: 2, workers: 55, membersFound: 3, membersTransferred: 1)
        try store.write { l in try l.insert(&first) }
        var d = try store.outreachSummary(today: today)
        XCTAssertEqual(d.ledger(.streamer).workers, 40)
        XCTAssertEqual(d.finding(.overdue, .streamer), 1, "February is more than six months ago")
        try store.write { l in try l.insert(&second) }
        d = try store.outreachSummary(today: today)
        XCTAssertEqual(d.ledger(.streamer), totals([1, 1, 2, 0, 55, 3, 0, 1, 0]))
        XCTAssertEqual(d.finding(.overdue, .streamer), 0)
        XCTAssertEqual(d.finding(.noBranch, .streamer), 1)
        let detail = try XCTUnwrap(try store.platformDetail(id: 6, today: today, months: 6))
        XCTAssertEqual(detail.surveys.map { "\($0.surveyDate) \($0.workers)" }, ["2026-11-20 55", "2026-02-01 40"])
        XCTAssertEqual(detail.findings, [.noBranch, .notTransferred])
        XCTAssertEqual(try store.history(entity: "platform_survey", id: first.id!).map(\.action), ["insert"])
        // Activities are paged in SQL with the platform's name.
        let rows = try store.activityPage(ActivityQuery(platformId: 1), offset: 0, limit: 10)
        XCTAssertEqual(rows.map { $0.activity.id! }, [6, 2])
        XCTAssertEqual(rows.first?.platformName, "迅达快递（东湖片区）")
    }

    func testListsFilterSortAndPage() throws {
        XCTAssertEqual(try store.ledgerCount(LedgerQuery(sector: .courier), today: today, months: 6), 2)
        XCTAssertEqual(try store.ledgerCount(LedgerQuery(text: "西岭"), today: today, months: 6), 2)
        // A branch name matches too; the wildcard characters are taken literally.
        XCTAssertEqual(try store.ledgerCount(LedgerQuery(text: "流动党员"), today: today, months: 6), 2)
        XCTAssertEqual(try store.ledgerCount(LedgerQuery(text: "%"), today: today, months: 6), 0)
        let byWorkers = try store.ledgerPage(LedgerQuery(sort: .workers, ascending: false), today: today, months: 6, offset: 0, limit: 3)
        XCTAssertEqual(byWorkers.map { $0.platform.id! }, [4, 2, 3])
        let page2 = try store.ledgerPage(LedgerQuery(sort: .workers, ascending: false), today: today, months: 6, offset: 3, limit: 3)
        XCTAssertEqual(page2.map { $0.platform.id! }, [1, 5, 6])
        XCTAssertEqual(page2.last?.latest, nil)
        XCTAssertEqual(page2.first?.surveyCount, 2)
        XCTAssertEqual(try store.activityCount(ActivityQuery(type: .award)), 2)
        XCTAssertEqual(try store.activityCount(ActivityQuery(text: "李四")), 1)
        let first = try store.activityPage(ActivityQuery(), offset: 0, limit: 2)
        XCTAssertEqual(first.map { $0.activity.id! }, [9, 8])
    }
}
