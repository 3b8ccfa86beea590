import XCTest
@testable import LiangxinModel

/// A small city with two districts: 12 units, 6 organizations, figures worked out by hand below.
///
/// | unit | category (group extras) | region | org / instructor | now (2026-06-30) | last year (2025-12-31) |
/// |---|---|---|---|---|---|
/// | U1 东湖甲科技 | 私营 (工商联) | 东湖街道 990102001 | O1 own, since 2020-05-01 | own | own |
/// | U2 东湖乙商贸 | 私营, 3 full members | 东湖区 | O2 joint (founded 2026-03-01); instructor since 2024-01-01 | joint | workOnly |
/// | U3 东湖丙餐饮 | 私营, staff 15 | 东湖区 | O2 joint since 2026-03-01 | joint | uncovered |
/// | U4 东湖丁快递网点 | 私营, 快递 | 东湖区 | O2 joint since 2026-04-01 | joint | uncovered |
/// | U5 西山精密制造 | 外商投资 (工商联) | 西山区 | instructor since 2025-06-01 | workOnly | workOnly |
/// | U6 西山小吃店 | 个体工商户 (小个专) | 西山街道 990103001 | — | uncovered | uncovered |
/// | U7 西山律师事务所 | 律师事务所 | 西山区 | O3 行业统建 since 2019 | industry | industry |
/// | U8 东湖实验学校 | 民办学校 | 湖滨街道 990102002 | O6 own since 2019-09-01 | own | own |
/// | U9 东湖注销公司 | 私营 | 东湖区 | deregistered 2026-02-01 | out of scope | uncovered |
/// | U10 西山商会协会 | 社会团体 | 西山区 | O4 兼合式 since 2022 | workOnly | workOnly |
/// | U11 西山戊贸易 | 私营, 2 full members | 西山区 | O5 own, founded 2026-02-01 and since revoked; instructor since 2026-01-10 | workOnly | uncovered |
/// | U12 西山新设公司 | 私营, staff 10 | 西山区 | registered 2026-02-01 | uncovered | out of scope |
///
/// O5 was founded after 2025-12-31, so U11's last-year class does not depend on when O5 was revoked (the model
/// keeps no revocation date: a revoked org counts for no day at all, earlier days included).
enum CityFixture {
    static let today = Day(year: 2026, month: 6, day: 30)!
    static let lastYear = today.endOfPreviousYear   // 2025-12-31

    static let tree = RegionTree([
        Region(code: "990000", name: "示例省", level: .province, parentCode: nil),
        Region(code: "990100", name: "示例市", level: .city, parentCode: "990000"),
        Region(code: "990103", name: "西山区", level: .county, parentCode: "990100"),
        Region(code: "990102", name: "东湖区", level: .county, parentCode: "990100"),
        Region(code: "990102001", name: "东湖街道", level: .street, parentCode: "990102"),
        Region(code: "990102002", name: "湖滨街道", level: .street, parentCode: "990102"),
        Region(code: "990103001", name: "西山街道", level: .street, parentCode: "990103"),
    ])

    static let orgs: [Int64: PartyOrg] = [
        1: PartyOrg(id: 1, name: "东湖甲科技党支部", orgType: .branch, formation: .independent, regionCode: "990102001",
                    fullMembers: 8, founded: Day(year: 2020, month: 5, day: 1)),
        2: PartyOrg(id: 2, name: "东湖商圈联合党支部", orgType: .jointBranch, formation: .joint, regionCode: "990102",
                    fullMembers: 6, founded: Day(year: 2026, month: 3, day: 1)),
        3: PartyOrg(id: 3, name: "律师行业党委", orgType: .committee, formation: .industry, regionCode: "990100",
                    fullMembers: 120, founded: Day(year: 2018, month: 1, day: 1)),
        4: PartyOrg(id: 4, name: "西山商会兼合式党支部", orgType: .functional, formation: .embedded, regionCode: "990103",
                    fullMembers: 3, founded: Day(year: 2022, month: 1, day: 1)),
        5: PartyOrg(id: 5, name: "西山戊贸易党支部", orgType: .branch, formation: .independent, regionCode: "990103",
                    fullMembers: 2, status: .revoked, founded: Day(year: 2026, month: 2, day: 1)),
        6: PartyOrg(id: 6, name: "东湖实验学校党支部", orgType: .branch, formation: .independent, regionCode: "990102002",
                    fullMembers: 6, founded: Day(year: 2019, month: 9, day: 1)),
    ]

    static func d(_ s: String) -> Day { Day(s)! }

    static let units: [OrgUnit] = [
        OrgUnit(id: 1, name: "东湖甲科技有限公司", category: .privateEnterprise, regionCode: "990102001", staff: 120, fullMembers: 8,
             acficMember: true, partyOrgId: 1, orgSince: d("2020-05-01"), registered: d("2012-03-01")),
        OrgUnit(id: 2, name: "东湖乙商贸有限公司", category: .privateEnterprise, regionCode: "990102", staff: 30, fullMembers: 3,
             partyOrgId: 2, orgSince: d("2026-03-01"), instructorId: 1, instructorSince: d("2024-01-01"), registered: d("2016-07-01")),
        OrgUnit(id: 3, name: "东湖丙餐饮有限公司", category: .privateEnterprise, regionCode: "990102", staff: 15, fullMembers: 1,
             partyOrgId: 2, orgSince: d("2026-03-01")),
        OrgUnit(id: 4, name: "东湖丁快递网点", category: .privateEnterprise, regionCode: "990102", staff: 40, fullMembers: 2,
             sector: .courier, partyOrgId: 2, orgSince: d("2026-04-01")),
        OrgUnit(id: 5, name: "西山精密制造有限公司", category: .foreignInvested, regionCode: "990103", staff: 200,
             acficMember: true, instructorId: 2, instructorSince: d("2025-06-01")),
        OrgUnit(id: 6, name: "西山小吃店", category: .individualBusiness, regionCode: "990103001", staff: 3),
        OrgUnit(id: 7, name: "西山律师事务所", category: .lawFirm, regionCode: "990103", staff: 25, fullMembers: 4,
             partyOrgId: 3, orgSince: d("2019-01-01")),
        OrgUnit(id: 8, name: "东湖实验学校", category: .school, regionCode: "990102002", staff: 80, fullMembers: 6,
             partyOrgId: 6, orgSince: d("2019-09-01")),
        OrgUnit(id: 9, name: "东湖注销公司", category: .privateEnterprise, regionCode: "990102", staff: 12,
             registered: d("2015-01-01"), status: .deregistered, deregistered: d("2026-02-01")),
        OrgUnit(id: 10, name: "西山商会协会", category: .association, regionCode: "990103", staff: 6, fullMembers: 1,
             partyOrgId: 4, orgSince: d("2022-03-01")),
        OrgUnit(id: 11, name: "西山戊贸易有限公司", category: .privateEnterprise, regionCode: "990103", staff: 50, fullMembers: 2,
             partyOrgId: 5, orgSince: d("2026-02-01"), instructorId: 2, instructorSince: d("2026-01-10")),
        OrgUnit(id: 12, name: "西山新设公司", category: .privateEnterprise, regionCode: "990103", staff: 10,
             registered: d("2026-02-01")),
    ]

    static func cells(scope: ScopeRule = .default, asOf: Day? = nil) -> [CoverageCell] {
        CoverageRollup.cells(units: units, orgs: orgs, scope: scope, on: today, asOf: asOf)
    }
}

final class CoverageRollupTests: XCTestCase {
    typealias C = CoverageCounts

    func testClassOfEachUnitNowAndLastYear() {
        let now: [CoverageClass] = [.own, .joint, .joint, .joint, .workOnly, .uncovered, .industry, .own, .uncovered,
                                    .workOnly, .workOnly, .uncovered]
        let then: [CoverageClass] = [.own, .workOnly, .uncovered, .uncovered, .workOnly, .uncovered, .industry, .own,
                                     .uncovered, .workOnly, .uncovered, .uncovered]
        for (i, u) in CityFixture.units.enumerated() {
            let org = u.partyOrgId.flatMap { CityFixture.orgs[$0] }
            XCTAssertEqual(CoverageClass.classify(u, org: org), now[i], u.name)
            XCTAssertEqual(CoverageClass.classify(u, org: org, asOf: CityFixture.lastYear), then[i], u.name)
        }
    }

    func testCellsGroupIdenticalAttributes() {
        let cells = CityFixture.cells()
        // Keys (region|category|acfic|sector): U1; U2+U3; U4 (快递); U5; U6; U7; U8; U10; U11+U12 → 9 cells (U9 out of scope).
        XCTAssertEqual(cells.count, 9)
        let eastPlain = cells.first { $0.regionCode == "990102" && $0.category == .privateEnterprise && $0.sector == nil }
        XCTAssertEqual(eastPlain?.counts, C(joint: 2))                       // U2, U3
        let westPlain = cells.first { $0.regionCode == "990103" && $0.category == .privateEnterprise && $0.sector == nil }
        XCTAssertEqual(westPlain?.counts, C(workOnly: 1, uncovered: 1))      // U11, U12
        XCTAssertEqual(cells.reduce(C()) { $0 + $1.counts }.inScope, 11)
    }

    func testByGroupNow() {
        let g = CoverageRollup.byGroup(CityFixture.cells())
        // All 11 in scope: own U1 U8 = 2; joint U2 U3 U4 = 3; industry U7 = 1; workOnly U5 U10 U11 = 3; uncovered U6 U12 = 2.
        XCTAssertEqual(g[.all], C(own: 2, joint: 3, industry: 1, workOnly: 3, uncovered: 2))
        // org 6/11 = 54.5454 % → 54.55; own 2/11 = 18.1818 % → 18.18; work 9/11 = 81.8181 % → 81.82.
        XCTAssertEqual(rates(g[.all]!), ["54.55%", "18.18%", "81.82%"])

        // 非公企业: U1 own; U2 U3 U4 joint; U5 U11 workOnly; U12 uncovered = 7.
        XCTAssertEqual(g[.enterprise], C(own: 1, joint: 3, workOnly: 2, uncovered: 1))
        // 4/7 = 57.1428 → 57.14; 1/7 = 14.2857 → 14.29; 6/7 = 85.7142 → 85.71.
        XCTAssertEqual(rates(g[.enterprise]!), ["57.14%", "14.29%", "85.71%"])
        // 私营企业: U1 U2 U3 U4 U11 U12 = 6: 4/6 = 66.67; 1/6 = 16.67; 5/6 = 83.33.
        XCTAssertEqual(g[.privateEnterprise], C(own: 1, joint: 3, workOnly: 1, uncovered: 1))
        XCTAssertEqual(rates(g[.privateEnterprise]!), ["66.67%", "16.67%", "83.33%"])
        // 外商投资企业: U5 only, instructor: 0/1, 0/1, 1/1.
        XCTAssertEqual(g[.foreignInvested], C(workOnly: 1))
        XCTAssertEqual(rates(g[.foreignInvested]!), ["0.00%", "0.00%", "100.00%"])
        // 工商联会员企业: U1 own, U5 workOnly: 1/2, 1/2, 2/2.
        XCTAssertEqual(g[.acfic], C(own: 1, workOnly: 1))
        XCTAssertEqual(rates(g[.acfic]!), ["50.00%", "50.00%", "100.00%"])

        // 小个专: U6, nothing.
        XCTAssertEqual(g[.small], C(uncovered: 1))
        XCTAssertEqual(rates(g[.small]!), ["0.00%", "0.00%", "0.00%"])
        XCTAssertEqual(g[.individualBusiness], C(uncovered: 1))
        XCTAssertNil(g[.market])

        // 社会组织: U7 industry, U8 own, U10 workOnly: 2/3 = 66.67; 1/3 = 33.33; 3/3 = 100.
        XCTAssertEqual(g[.social], C(own: 1, industry: 1, workOnly: 1))
        XCTAssertEqual(rates(g[.social]!), ["66.67%", "33.33%", "100.00%"])
        XCTAssertEqual(g[.association], C(workOnly: 1))
        XCTAssertEqual(rates(g[.association]!), ["0.00%", "0.00%", "100.00%"])
        // 民办学校 is also counted as 民办非企业单位.
        XCTAssertEqual(g[.nonprofit], C(own: 1))
        XCTAssertEqual(g[.school], C(own: 1))
        XCTAssertEqual(rates(g[.school]!), ["100.00%", "100.00%", "100.00%"])
        // 中介组织 / 律师事务所: U7 行业统建: organization yes, own no.
        XCTAssertEqual(g[.intermediary], C(industry: 1))
        XCTAssertEqual(g[.lawFirm], C(industry: 1))
        XCTAssertEqual(rates(g[.lawFirm]!), ["100.00%", "0.00%", "100.00%"])
        XCTAssertNil(g[.foundation]); XCTAssertNil(g[.accountingFirm]); XCTAssertNil(g[.taxFirm])

        // 快递外卖网约车行业: U4 joint.
        XCTAssertEqual(g[.courierDeliveryRide], C(joint: 1))
        XCTAssertEqual(rates(g[.courierDeliveryRide]!), ["100.00%", "0.00%", "100.00%"])

        // The three kinds partition the whole: 7 + 1 + 3 = 11.
        XCTAssertEqual(g[.enterprise]! + g[.small]! + g[.social]!, g[.all]!)
    }

    func testByGroupLastYear() {
        let g = CoverageRollup.byGroup(CityFixture.cells(asOf: CityFixture.lastYear))
        // In scope on 2025-12-31: U1…U11 (U9 still operating, U12 not yet registered) = 11.
        // own U1 U8 = 2; joint 0 (O2 founded 2026-03-01); industry U7 = 1; workOnly U2 (instructor) U5 U10 = 3;
        // uncovered U3 U4 U6 U9 U11 = 5.
        XCTAssertEqual(g[.all], C(own: 2, industry: 1, workOnly: 3, uncovered: 5))
        // 3/11 = 27.2727 → 27.27; 2/11 = 18.18; 6/11 = 54.5454 → 54.55.
        XCTAssertEqual(rates(g[.all]!), ["27.27%", "18.18%", "54.55%"])
        // 非公企业: U1 own; U2 U5 workOnly; U3 U4 U9 U11 uncovered = 7: 1/7 = 14.29; 1/7; 3/7 = 42.857 → 42.86.
        XCTAssertEqual(g[.enterprise], C(own: 1, workOnly: 2, uncovered: 4))
        XCTAssertEqual(rates(g[.enterprise]!), ["14.29%", "14.29%", "42.86%"])
        // 私营企业: U1 U2 U3 U4 U9 U11 = 6: 1/6 = 16.67; 1/6; 2/6 = 33.33.
        XCTAssertEqual(g[.privateEnterprise], C(own: 1, workOnly: 1, uncovered: 4))
        XCTAssertEqual(rates(g[.privateEnterprise]!), ["16.67%", "16.67%", "33.33%"])
        XCTAssertEqual(g[.foreignInvested], C(workOnly: 1))
        XCTAssertEqual(g[.acfic], C(own: 1, workOnly: 1))
        XCTAssertEqual(rates(g[.acfic]!), ["50.00%", "50.00%", "100.00%"])
        XCTAssertEqual(g[.small], C(uncovered: 1))
        XCTAssertEqual(g[.social], C(own: 1, industry: 1, workOnly: 1))
        XCTAssertEqual(rates(g[.social]!), ["66.67%", "33.33%", "100.00%"])
        XCTAssertEqual(g[.lawFirm], C(industry: 1))
        XCTAssertEqual(g[.school], C(own: 1))
        // The courier outlet joined only in April 2026.
        XCTAssertEqual(g[.courierDeliveryRide], C(uncovered: 1))
        XCTAssertEqual(rates(g[.courierDeliveryRide]!), ["0.00%", "0.00%", "0.00%"])
    }

    func testChangeAgainstLastYear() {
        let now = CoverageRollup.byGroup(CityFixture.cells())[.all]!
        let then = CoverageRollup.byGroup(CityFixture.cells(asOf: CityFixture.lastYear))[.all]!
        // 54.55 − 27.27 = +27.28; 18.18 − 18.18 = ±0.00; 81.82 − 54.55 = +27.27.
        XCTAssertEqual(now.orgRate.changeText(from: then.orgRate), "+27.28")
        XCTAssertEqual(now.ownRate.changeText(from: then.ownRate), "±0.00")
        XCTAssertEqual(now.workRate.changeText(from: then.workRate), "+27.27")
        let e = CoverageRollup.byGroup(CityFixture.cells())[.enterprise]!
        let e0 = CoverageRollup.byGroup(CityFixture.cells(asOf: CityFixture.lastYear))[.enterprise]!
        // 57.14 − 14.29 = +42.85; 85.71 − 42.86 = +42.85.
        XCTAssertEqual(e.orgRate.changeText(from: e0.orgRate), "+42.85")
        XCTAssertEqual(e.workRate.changeText(from: e0.workRate), "+42.85")
    }

    func testByDistrictNow() {
        let rows = CoverageRollup.byChild(CityFixture.cells(), of: "990100", tree: CityFixture.tree)
        // Children in code order, whatever order the tree was given in.
        XCTAssertEqual(rows.map(\.0.name), ["东湖区", "西山区"])
        // 东湖区: U1 (street) own, U2 U3 U4 joint, U8 (street) own = 5: 5/5 = 100; 2/5 = 40; 5/5 = 100.
        XCTAssertEqual(rows[0].1, C(own: 2, joint: 3))
        XCTAssertEqual(rates(rows[0].1), ["100.00%", "40.00%", "100.00%"])
        // 西山区: U7 industry; U5 U10 U11 workOnly; U6 (street) U12 uncovered = 6: 1/6 = 16.67; 0; 4/6 = 66.67.
        XCTAssertEqual(rows[1].1, C(industry: 1, workOnly: 3, uncovered: 2))
        XCTAssertEqual(rates(rows[1].1), ["16.67%", "0.00%", "66.67%"])
    }

    func testByDistrictLastYear() {
        let rows = CoverageRollup.byChild(CityFixture.cells(asOf: CityFixture.lastYear), of: "990100", tree: CityFixture.tree)
        // 东湖区: U1 U8 own; U2 workOnly; U3 U4 U9 uncovered = 6: 2/6 = 33.33; 2/6 = 33.33; 3/6 = 50.
        XCTAssertEqual(rows[0].1, C(own: 2, workOnly: 1, uncovered: 3))
        XCTAssertEqual(rates(rows[0].1), ["33.33%", "33.33%", "50.00%"])
        // 西山区: U7 industry; U5 U10 workOnly; U6 U11 uncovered = 5: 1/5 = 20; 0; 3/5 = 60.
        XCTAssertEqual(rows[1].1, C(industry: 1, workOnly: 2, uncovered: 2))
        XCTAssertEqual(rates(rows[1].1), ["20.00%", "0.00%", "60.00%"])
    }

    func testByDistrictForOneGroup() {
        let cells = CityFixture.cells()
        let ent = CoverageRollup.byChild(cells, of: "990100", tree: CityFixture.tree, group: .enterprise)
        // 东湖区 enterprises: U1 own, U2 U3 U4 joint = 4; 西山区: U5 U11 workOnly, U12 uncovered = 3.
        XCTAssertEqual(ent[0].1, C(own: 1, joint: 3))
        XCTAssertEqual(ent[1].1, C(workOnly: 2, uncovered: 1))
        XCTAssertEqual(rates(ent[1].1), ["0.00%", "0.00%", "66.67%"])   // 2/3 = 66.67
        let social = CoverageRollup.byChild(cells, of: "990100", tree: CityFixture.tree, group: .social)
        XCTAssertEqual(social[0].1, C(own: 1))                          // U8
        XCTAssertEqual(social[1].1, C(industry: 1, workOnly: 1))        // U7, U10
        let small = CoverageRollup.byChild(cells, of: "990100", tree: CityFixture.tree, group: .small)
        XCTAssertEqual(small[0].1, C())                                 // none in 东湖区: zero row, still listed
        XCTAssertEqual(small[0].1.orgRate.text, "—")
        XCTAssertEqual(small[1].1, C(uncovered: 1))
    }

    func testByStreetAndByCity() {
        let cells = CityFixture.cells()
        // Below 东湖区 only U1 (东湖街道) and U8 (湖滨街道) sit in a street; U2–U4 sit on the district itself.
        let streets = CoverageRollup.byChild(cells, of: "990102", tree: CityFixture.tree)
        XCTAssertEqual(streets.map(\.0.code), ["990102001", "990102002"])
        XCTAssertEqual(streets[0].1, C(own: 1))
        XCTAssertEqual(streets[1].1, C(own: 1))
        // The province has one child, the city, holding all 11.
        let city = CoverageRollup.byChild(cells, of: "990000", tree: CityFixture.tree)
        XCTAssertEqual(city.count, 1)
        XCTAssertEqual(city[0].1, C(own: 2, joint: 3, industry: 1, workOnly: 3, uncovered: 2))
        // A leaf has no children.
        XCTAssertTrue(CoverageRollup.byChild(cells, of: "990103001", tree: CityFixture.tree).isEmpty)
    }

    func testOtherScopes() {
        // 非公企业职工≥20: drops U3 (15) and U12 (10); U9 is already out. 9 left:
        // own U1 U8 = 2; joint U2 U4 = 2; industry U7 = 1; workOnly U5 U10 U11 = 3; uncovered U6 = 1.
        let rule = ScopeRule(minStaff: 20)
        XCTAssertEqual(rule.summary, "运营中单位；非公企业职工≥20人")
        let g = CoverageRollup.byGroup(CityFixture.cells(scope: rule))
        XCTAssertEqual(g[.all], C(own: 2, joint: 2, industry: 1, workOnly: 3, uncovered: 1))
        // 5/9 = 55.5555 → 55.56; 2/9 = 22.2222 → 22.22; 8/9 = 88.8888 → 88.89.
        XCTAssertEqual(rates(g[.all]!), ["55.56%", "22.22%", "88.89%"])
        // The 小个专 with 3 staff stays: the limit is for enterprises only.
        XCTAssertEqual(g[.small], C(uncovered: 1))

        // All units including deregistered: U9 comes back, uncovered → 12: 6/12 = 50; 2/12 = 16.67; 9/12 = 75.
        let all = CoverageRollup.byGroup(CityFixture.cells(scope: ScopeRule(operatingOnly: false)))
        XCTAssertEqual(all[.all], C(own: 2, joint: 3, industry: 1, workOnly: 3, uncovered: 3))
        XCTAssertEqual(rates(all[.all]!), ["50.00%", "16.67%", "75.00%"])
    }

    func testGroupsOfAUnit() {
        XCTAssertEqual(CoverageGroup.groups(category: .privateEnterprise, acfic: true, sector: .delivery),
                       [.all, .enterprise, .privateEnterprise, .acfic, .courierDeliveryRide])
        // 工商联 membership only counts for enterprises; 货车 and 网络主播 are not in the 快递外卖网约车 row.
        XCTAssertEqual(CoverageGroup.groups(category: .individualBusiness, acfic: true, sector: .truck),
                       [.all, .small, .individualBusiness])
        XCTAssertEqual(CoverageGroup.groups(category: .school, acfic: false, sector: nil), [.all, .social, .nonprofit, .school])
        XCTAssertEqual(CoverageGroup.groups(category: .taxFirm, acfic: false, sector: nil), [.all, .social, .intermediary, .taxFirm])
        XCTAssertEqual(CoverageGroup.groups(category: .market, acfic: false, sector: .rideHailing),
                       [.all, .small, .market, .courierDeliveryRide])
    }

    func testCountsArithmetic() {
        var c = C()
        c.add(.own); c.add(.joint, 2); c.add(.industry); c.add(.workOnly, 3); c.add(.uncovered, 4)
        XCTAssertEqual(c, C(own: 1, joint: 2, industry: 1, workOnly: 3, uncovered: 4))
        XCTAssertEqual(c.inScope, 11)
        XCTAssertEqual(c.withOrganization, 4)
        XCTAssertEqual(c.withWorkCoverage, 7)
        XCTAssertEqual(c.orgRate, Rate(4, 11))
        XCTAssertEqual(c.ownRate, Rate(1, 11))
        XCTAssertEqual(c.workRate, Rate(7, 11))
    }
}
