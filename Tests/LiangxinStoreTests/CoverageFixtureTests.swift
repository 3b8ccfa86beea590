import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The fixture's figures, counted by hand (today 2026-11-22; "last year" = as of 2025-12-31):
///
/// now, in scope (unit 7 deregistered 2025-06-30 is out): 1 own · 2,3,4 joint · 8 industry · 5,9,10 work only
/// (9's org is revoked, it keeps its instructor; 10's org is 兼合式) · 6,11,12 uncovered → 11 units,
/// 党组织覆盖率 5/11 = 45.45%, 单独组建率 1/11 = 9.09%, 工作覆盖率 8/11 = 72.73%.
///
/// last year (11 not yet registered): 1 own · 2,3 joint (4 joined in 2026) · 5,10 work only (9's instructor came
/// in 2026) · 4,6,8,9,12 uncovered (8's org founded 2026) → 10 units, 3/10 = 30.00%, 1/10 = 10.00%, 5/10 = 50.00%.
final class CoverageFixtureTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        tmp = TempDir()
        store = try Store(path: tmp.file("cov.sqlite"))
        try Fixture.make().load(into: store)
    }

    func testOverallRatesNowAndLastYear() throws {
        let d = try store.overview(today: today)
        let all = try XCTUnwrap(d.coverage[.all])
        XCTAssertEqual(all, CoverageCounts(own: 1, joint: 3, industry: 1, workOnly: 3, uncovered: 3))
        XCTAssertEqual(all.orgRate.text, "45.45%")
        XCTAssertEqual(all.ownRate.text, "9.09%")
        XCTAssertEqual(all.workRate.text, "72.73%")
        let last = try XCTUnwrap(d.coverageLastYear[.all])
        XCTAssertEqual(last, CoverageCounts(own: 1, joint: 2, industry: 0, workOnly: 2, uncovered: 5))
        XCTAssertEqual(last.orgRate.text, "30.00%")
        XCTAssertEqual(last.ownRate.text, "10.00%")
        XCTAssertEqual(last.workRate.text, "50.00%")
        XCTAssertEqual(all.orgRate.changeText(from: last.orgRate), "+15.45")
    }

    func testRatesByCategory() throws {
        let d = try store.overview(today: today)
        // 非公企业 1,3,6,8,9: own, joint, uncovered, industry, work only.
        XCTAssertEqual(d.coverage[.enterprise], CoverageCounts(own: 1, joint: 1, industry: 1, workOnly: 1, uncovered: 1))
        XCTAssertEqual(d.coverage[.enterprise]?.orgRate.text, "60.00%")
        XCTAssertEqual(d.coverage[.acfic]?.orgRate.text, "100.00%")
        // 小个专 2 (joint), 12 (uncovered).
        XCTAssertEqual(d.coverage[.small]?.orgRate.text, "50.00%")
        // 社会组织 4 joint, 5 and 10 work only, 11 uncovered.
        XCTAssertEqual(d.coverage[.social]?.orgRate.text, "25.00%")
        XCTAssertEqual(d.coverage[.social]?.workRate.text, "75.00%")
        XCTAssertEqual(d.coverage[.intermediary]?.orgRate.text, "100.00%")
        XCTAssertEqual(d.coverage[.school]?.inScope, 1)
        XCTAssertEqual(d.coverage[.school]?.orgRate.text, "0.00%")
        XCTAssertEqual(d.coverage[.foundation]?.workRate.text, "100.00%")
        // 快递外卖网约车 8 (industry), 12 (uncovered).
        XCTAssertEqual(d.coverage[.courierDeliveryRide]?.orgRate.text, "50.00%")
    }

    func testOtherOverviewFigures() throws {
        let d = try store.overview(today: today)
        XCTAssertEqual(d.unitsTotal, 12)
        XCTAssertEqual(d.unitsInScope, 11)
        XCTAssertEqual(d.fullMembers, 18)       // 8+3+1+4+2
        XCTAssertEqual(d.orgsTotal, 5)
        XCTAssertEqual(d.orgsActive, 4)
        XCTAssertEqual(d.findings[.shouldForm], 2)   // 3 (joint, 3 members) and 9 (4 members, no org)
        XCTAssertEqual(d.findings[.blindSpot], 3)    // 6, 11, 12
        XCTAssertEqual(d.findings[.jointTooWide], 0)
        XCTAssertEqual(d.stars.coverage.text, "0.00%")
        XCTAssertEqual(d.stars.counts[0], 4)
    }

    func testScopeRuleChangesTheFigures() throws {
        var s = try store.settings()
        s.scope = ScopeRule(minStaff: 10, minStaffKinds: [.enterprise])   // drops 东湖商贸 (8 staff)
        try store.save(settings: s)
        let d = try store.overview(today: today)
        XCTAssertEqual(d.unitsInScope, 10)
        XCTAssertEqual(d.coverage[.enterprise]?.orgRate.text, "75.00%")
        XCTAssertEqual(d.coverage[.all]?.orgRate.text, "50.00%")
    }

    /// The SQL classification and the model's must agree unit for unit, now and as of last year, under two scopes.
    func testSQLMirrorsTheModel() throws {
        let f = Fixture.make()
        let orgs = Dictionary(uniqueKeysWithValues: f.orgs.map { ($0.id!, $0) })
        for scope in [ScopeRule.default, ScopeRule(minStaff: 10), ScopeRule(operatingOnly: false)] {
            let sql = try store.read { db in try CoverageSQL.cells(db, scope: scope, today: today) }
            let modelNow = CoverageRollup.cells(units: f.units, orgs: orgs, scope: scope, on: today)
            let modelLast = CoverageRollup.cells(units: f.units, orgs: orgs, scope: scope, on: today, asOf: today.endOfPreviousYear)
            XCTAssertEqual(CoverageRollup.byGroup(sql.now), CoverageRollup.byGroup(modelNow), "\(scope)")
            XCTAssertEqual(CoverageRollup.byGroup(sql.lastYear), CoverageRollup.byGroup(modelLast), "\(scope)")
            let tree = RegionTree(f.regions)
            let a = CoverageRollup.byChild(sql.now, of: "990100", tree: tree).map { $0.1 }
            let b = CoverageRollup.byChild(modelNow, of: "990100", tree: tree).map { $0.1 }
            XCTAssertEqual(a, b)
        }
    }

    func testByDistrict() throws {
        let sql = try store.read { db in try CoverageSQL.cells(db, scope: .default, today: today) }
        let rows = CoverageRollup.byChild(sql.now, of: "990100", tree: RegionTree(Fixture.make().regions))
        XCTAssertEqual(rows.map(\.0.name), ["东湖区", "西岭区"])
        XCTAssertEqual(rows[0].1.orgRate.text, "66.67%")   // 4 of 6
        XCTAssertEqual(rows[1].1.orgRate.text, "20.00%")   // 1 of 5
    }
}
