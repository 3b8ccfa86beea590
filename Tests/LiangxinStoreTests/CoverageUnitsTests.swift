import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The coverage panel's SQL (unit list, findings, groups, statistics cells) against the model's definitions, on the
/// hand-counted fixture and on the whole sample city.
final class CoverageUnitsTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        tmp = TempDir()
        store = try Store(path: tmp.file("cu.sqlite"))
        try Fixture.make().load(into: store)
    }

    func names(_ q: UnitQuery, scope: ScopeRule = .default) throws -> [String] {
        try store.unitRows(q, scope: scope, today: today).map(\.name)
    }

    /// Fixture findings by hand: 应建未建 = 3 东湖书店 (joint, 3 members) and 9 西岭科技 (4, revoked org → work only);
    /// blind = 6 东湖商贸, 11 启航培训学校, 12 饱饱外卖西岭站; none of the org findings; no planned dates.
    func testFindingsListsOnTheFixture() throws {
        XCTAssertEqual(try names(UnitQuery(finding: .shouldForm)), ["东湖书店", "西岭科技"])
        XCTAssertEqual(try names(UnitQuery(finding: .blindSpot)), ["东湖商贸", "启航培训学校", "饱饱外卖西岭站"])
        XCTAssertEqual(try names(UnitQuery(finding: .jointTooWide)), [])
        XCTAssertEqual(try names(UnitQuery(finding: .branchTooLarge)), [])
        XCTAssertEqual(try names(UnitQuery(finding: .plannedPassed)), [])
        let c = try store.unitFindingCounts(scope: .default, today: today)
        XCTAssertEqual(c.units[.shouldForm], 2)
        XCTAssertEqual(c.units[.blindSpot], 3)
        // In the east district only: 东湖书店 and 东湖商贸.
        XCTAssertEqual(try names(UnitQuery(region: "990102", finding: .shouldForm)), ["东湖书店"])
        XCTAssertEqual(try store.unitFindingCounts(scope: .default, today: today, region: "990102").units[.blindSpot], 1)
    }

    /// The findings counted in the coverage scan (`coverageRollup`, summed over a region and the regions below it)
    /// equal the separate count (`unitFindingCounts`) everywhere and in every region.
    func assertScanFindingsAgree(_ s: Store, scope: ScopeRule, file: StaticString = #filePath, line: UInt = #line) throws {
        let f = try s.coverageRollup(scope: scope, today: today, tree: RegionTree(try s.regions())).findings
        let all = try s.unitFindingCounts(scope: scope, today: today)
        let scanned = f.counts(regions: f.byRegion.keys)
        XCTAssertEqual(scanned.units, all.units, file: file, line: line)
        XCTAssertEqual(scanned.orgs, all.orgs, file: file, line: line)
        let regions = try s.read { db in try String.fetchAll(db, sql: "SELECT code FROM region ORDER BY code") }
        XCTAssertFalse(regions.isEmpty, file: file, line: line)
        for r in regions {
            let under = try s.read { db in try String.fetchAll(db, sql: """
                WITH RECURSIVE sub(code) AS (SELECT ? UNION SELECT r.code FROM region r JOIN sub ON r.parent_code = sub.code)
                SELECT code FROM sub
                """, arguments: [r]) }
            let sql = try s.unitFindingCounts(scope: scope, today: today, region: r)
            let scan = f.counts(regions: under)
            XCTAssertEqual(scan.units, sql.units, r, file: file, line: line)
            XCTAssertEqual(scan.orgs, sql.orgs, r, file: file, line: line)
        }
    }

    func testScanFindingsAgreeOnTheFixture() throws {
        try assertScanFindingsAgree(store, scope: .default)
    }

    /// Making the joint branch cover 6 units (adding 3 more) and its members 51 lists them under both org findings.
    func testOrgFindingsFollowTheModel() throws {
        try store.write { l in
            for id: Int64 in [5, 6, 11] {
                var u = try OrgUnit.fetchOne(l.db, key: id)!
                u.partyOrgId = 2
                u.orgSince = Day("2026-06-01")
                try l.update(&u)
            }
            var o = try PartyOrg.fetchOne(l.db, key: 2)!
            o.fullMembers = 51
            try l.update(&o)
        }
        let wide = try names(UnitQuery(finding: .jointTooWide, sort: .name))
        XCTAssertEqual(Set(wide), ["东湖小吃店", "东湖书店", "东湖律所", "东湖协会", "东湖商贸", "启航培训学校"])
        XCTAssertEqual(Set(try names(UnitQuery(finding: .branchTooLarge))), Set(wide))
        let c = try store.unitFindingCounts(scope: .default, today: today)
        XCTAssertEqual(c.orgs[.jointTooWide], 1)
        XCTAssertEqual(c.units[.jointTooWide], 6)
        XCTAssertEqual(c.orgs[.branchTooLarge], 1)
        try assertScanFindingsAgree(store, scope: .default)
        try assertScanFindingsAgree(store, scope: ScopeRule(minStaff: 10, minStaffKinds: [.enterprise, .smallIndividual, .social]))
        // A scope of at least 10 staff for every kind drops 东湖小吃店 (4), 东湖协会 (6) and 东湖商贸 (8): 3 left, not too wide.
        XCTAssertEqual(try names(UnitQuery(finding: .jointTooWide), scope: ScopeRule(minStaff: 10, minStaffKinds: [.enterprise, .smallIndividual, .social])), [])
    }

    func testGroupsMirrorTheRollup() throws {
        let cells = try store.coverageCells(scope: .default, today: today)
        let byGroup = CoverageRollup.byGroup(cells.now)
        for g in CoverageGroup.allCases {
            let rows = try store.unitPage(UnitQuery(group: g), scope: .default, today: today, offset: 0, limit: 100)
            XCTAssertEqual(rows.total, byGroup[g]?.inScope ?? 0, g.rawValue)
        }
    }

    func testPagingSortingAndText() throws {
        let all = try store.unitPage(UnitQuery(sort: .staff, ascending: false), scope: .default, today: today, offset: 0, limit: 3)
        XCTAssertEqual(all.total, 11)
        XCTAssertEqual(all.rows.map(\.name), ["恒远机械", "西岭科技", "迅达快递西岭站"])   // 120, 60, 40 staff
        let next = try store.unitPage(UnitQuery(sort: .staff, ascending: false), scope: .default, today: today, offset: 3, limit: 3)
        XCTAssertEqual(next.rows.map(\.staff), [25, 20, 15])
        let byClass = try names(UnitQuery(sort: .coverage))
        XCTAssertEqual(byClass.first, "恒远机械")   // own first
        XCTAssertEqual(try names(UnitQuery(text: "东湖商圈")), ["东湖书店", "东湖小吃店", "东湖律所"])   // by org name
        XCTAssertEqual(try names(UnitQuery(text: "王建国")).count, 2)   // by instructor: 5 and 9
        XCTAssertEqual(try names(UnitQuery(text: "100%_")), [])        // LIKE wildcards are literal
        let r = try XCTUnwrap(try store.unitPage(UnitQuery(text: "西岭科技"), scope: .default, today: today, offset: 0, limit: 5).rows.first)
        XCTAssertEqual(r.coverage, .workOnly)
        XCTAssertEqual(r.regionName, "西岭街道")
        XCTAssertEqual(r.partyOrgName, "已撤销党支部")
        XCTAssertEqual(r.instructorName, "王建国")
    }

    func testUnitDetailShowsTheJointBranchAndHistory() throws {
        let d = try XCTUnwrap(try store.unitDetail(id: 3, scope: .default, today: today))
        XCTAssertEqual(d.coverage, .joint)
        XCTAssertEqual(d.partyOrg?.name, "东湖商圈联合党支部")
        XCTAssertEqual(d.coCovered.map(\.name), ["东湖小吃店", "东湖律所"])
        XCTAssertEqual(d.coCoveredTotal, 2)
        XCTAssertEqual(d.regionPath, "示例市 › 东湖区 › 东湖街道")
        XCTAssertEqual(d.findings, [.shouldForm])
        XCTAssertEqual(d.history.map(\.action), ["insert"])
        XCTAssertEqual(try store.unitIds(partyOrg: 2), [3, 2, 4])   // 东湖书店 < 东湖小吃店 < 东湖律所 by code point
    }

    func testDeleteBlockers() throws {
        XCTAssertEqual(try store.partyOrgDeleteBlockers(1), [])
    }

    /// The statistics cells aggregated in SQL give the same tables as the model over whole records.
    func testStatisticsSQLMirrorsTheModel() throws {
        let f = Fixture.make()
        let orgs = Dictionary(uniqueKeysWithValues: f.orgs.map { ($0.id!, $0) })
        for scope in [ScopeRule.default, ScopeRule(minStaff: 10), ScopeRule(operatingOnly: false)] {
            let sql = StatisticsForms.tables(try store.statisticsCells(scope: scope, today: today))
            let model = StatisticsForms.tables(StatisticsForms.cells(units: f.units, orgs: orgs, scope: scope, today: today))
            for (a, b) in zip(sql, model) { XCTAssertEqual(a.values, b.values, "\(scope) \(a.code)") }
        }
        // Region filter: the east street alone.
        let east = StatisticsForms.tables(try store.statisticsCells(scope: .default, today: today, region: "990102"))
        let eastModel = StatisticsForms.tables(StatisticsForms.cells(units: f.units.filter { $0.regionCode.hasPrefix("990102") },
                                                                     orgs: orgs, scope: .default, today: today))
        XCTAssertEqual(east[0].values, eastModel[0].values)
        XCTAssertEqual(east[0].values[.units]?.first, 3)   // 恒远机械, 东湖书店, 东湖商贸
        // The city (990100) holds its districts although their codes do not start with its code.
        let city = StatisticsForms.tables(try store.statisticsCells(scope: .default, today: today, region: "990100"))
        XCTAssertEqual(city[0].values, StatisticsForms.tables(try store.statisticsCells(scope: .default, today: today))[0].values)
        XCTAssertEqual(try store.unitPage(UnitQuery(region: "990100"), scope: .default, today: today, offset: 0, limit: 1).total, 11)
    }

    /// On the whole sample city: statistics cells, findings lists and group counts, SQL against the model unit by unit.
    func testSampleCityAgreesWithTheModel() throws {
        let tmp2 = TempDir()
        let s = try Store(path: tmp2.file("sample.sqlite"))
        _ = try CSVSet.load(directory: SampleDataTests.sampleDir, into: s, today: today)
        let (units, orgList) = try s.read { db in (try OrgUnit.fetchAll(db), try PartyOrg.fetchAll(db)) }
        let orgs = Dictionary(uniqueKeysWithValues: orgList.map { ($0.id!, $0) })
        let sql = StatisticsForms.tables(try s.statisticsCells(scope: .default, today: today))
        let model = StatisticsForms.tables(StatisticsForms.cells(units: units, orgs: orgs, scope: .default, today: today))
        for (a, b) in zip(sql, model) { XCTAssertEqual(a.values, b.values, a.code) }
        // EXPECTED.md: 非公企业 1260 in scope (enterprise kind), 社会组织 455.
        XCTAssertEqual(sql[0].values[.units]?.first, 1260)
        XCTAssertEqual(sql[1].values[.units]?.first, 455)

        let inScope = units.filter { ScopeRule.default.includes($0, on: today) }
        let covered = Dictionary(grouping: inScope.filter { $0.partyOrgId != nil }, by: { $0.partyOrgId! }).mapValues(\.count)
        func modelIds(_ f: UnitFinding) -> Set<Int64> {
            Set(inScope.filter { u in
                let o = u.partyOrgId.flatMap { orgs[$0] }
                switch f {
                case .shouldForm: return Findings.shouldFormButHasNot(u, org: o)
                case .blindSpot: return Findings.isBlindSpot(u, org: o)
                case .jointTooWide:
                    return o.map { Findings.jointBranchTooWide($0, coveredUnits: covered[$0.id!] ?? 0) } ?? false
                case .branchTooLarge: return o.map(Findings.branchTooLarge) ?? false
                case .plannedPassed: return Findings.plannedDatePassed(u, org: o, today: today)
                }
            }.map { $0.id! })
        }
        let counts = try s.unitFindingCounts(scope: .default, today: today)
        try assertScanFindingsAgree(s, scope: .default)
        for f in UnitFinding.allCases {
            let ids = Set(try s.unitRows(UnitQuery(finding: f), scope: .default, today: today).map(\.id))
            XCTAssertEqual(ids, modelIds(f), f.rawValue)
            XCTAssertEqual(counts.units[f], ids.count, f.rawValue)
        }
        // EXPECTED.md: 27 应建未建, 334 盲区, 5 joint branches over 5 units, 20 planned dates passed.
        XCTAssertEqual(counts.units[.shouldForm], 27)
        XCTAssertEqual(counts.units[.blindSpot], 334)
        XCTAssertEqual(counts.orgs[.jointTooWide], 5)
        XCTAssertEqual(counts.units[.plannedPassed], 20)
    }
}
