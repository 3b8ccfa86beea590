import XCTest
@testable import LiangxinModel

/// A fixture for the two statistics forms, every figure worked out by hand (today 2026-11-22, default scope).
///
/// Organizations: O1 党委 own · O2 党总支 own · O3 党支部 own · O4 联合党支部 joint (covers E4 E5 E6 and S3) ·
/// O5 行业党委 industry · O6 兼合式 · O7 党支部 own but 撤销 · O8 党支部 own. Instructors I1, I2.
///
/// | unit | category | staff | 正式+预备 | legal rep / 工商联 | org / instructor | class | member band |
/// |---|---|---:|---|---|---|---|---|
/// | E1 | 私营 | 300 | 60 | yes / yes | O1 | own (党委) | enough |
/// | E2 | 私营 | 80 | 30 | | O2 | own (党总支) | enough |
/// | E3 | 外资 | 120 | 5 | | O3, I1 | own (党支部) | enough |
/// | E4 | 私营 | 20 | 3 | | O4 | joint | enough |
/// | E5 | 私营 | 60 | 1+1 | yes / | O4 | joint | few |
/// | E6 | 私营 | 10 | 0 | | O4 | joint | none |
/// | E7 | 私营 | 55 | 4 | | I1 only | workOnly | enough (应建未建) |
/// | E8 | 私营 | 5 | 0+1 | | — | uncovered | few |
/// | E9 | 私营 | 8 | 0 | | O6 兼合式 | workOnly | none |
/// | E10 | 外资 | 150 | 2 | / yes | O7 撤销, I2 | workOnly | few |
/// | E11 | 私营 | 200 | 9 | | deregistered 2025 | out of scope | |
/// | X1 | 个体工商户 | 2 | 0 | | — | uncovered (in neither form) | |
/// | S1 | 社会团体 | 10 | 3 | | O8 | own (党支部) | enough |
/// | S2 | 基金会 | 6 | 0 | | I2 only | workOnly | none |
/// | S3 | 民办学校 | 90 | 2 | | O4 | joint | few |
/// | S4 | 律师事务所 | 30 | 4 | | O5 | industry | enough |
/// | S5 | 会计师事务所 | 12 | 1 | | — | uncovered | few |
/// | S6 | 民办非企业单位 | 7 | 3 | | — | uncovered | enough (应建未建) |
/// | S7 | 税务师事务所 | 9 | 0 | | — | uncovered | none |
enum FormsFixture {
    static let today = Day(year: 2026, month: 11, day: 22)!
    static let d = Day(year: 2020, month: 1, day: 1)!

    static let orgs: [Int64: PartyOrg] = {
        let list = [
            PartyOrg(id: 1, name: "O1", orgType: .committee, formation: .independent, regionCode: "990102", fullMembers: 60),
            PartyOrg(id: 2, name: "O2", orgType: .generalBranch, formation: .independent, regionCode: "990102", fullMembers: 30),
            PartyOrg(id: 3, name: "O3", orgType: .branch, formation: .independent, regionCode: "990102", fullMembers: 5),
            PartyOrg(id: 4, name: "O4", orgType: .jointBranch, formation: .joint, regionCode: "990102", fullMembers: 8),
            PartyOrg(id: 5, name: "O5", orgType: .committee, formation: .industry, regionCode: "990100", fullMembers: 100),
            PartyOrg(id: 6, name: "O6", orgType: .functional, formation: .embedded, regionCode: "990102", fullMembers: 3),
            PartyOrg(id: 7, name: "O7", orgType: .branch, formation: .independent, regionCode: "990102", fullMembers: 3, status: .revoked),
            PartyOrg(id: 8, name: "O8", orgType: .branch, formation: .independent, regionCode: "990102", fullMembers: 5),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.id!, $0) })
    }()

    static func u(_ id: Int64, _ name: String, _ c: UnitCategory, staff: Int, full: Int = 0, prob: Int = 0, lr: Bool = false,
                  acfic: Bool = false, org: Int64? = nil, ins: Int64? = nil) -> OrgUnit {
        OrgUnit(id: id, name: name, category: c, regionCode: "990102001", staff: staff, fullMembers: full, probationaryMembers: prob,
                legalRepMember: lr, acficMember: acfic, partyOrgId: org, orgSince: org == nil ? nil : d, instructorId: ins,
                instructorSince: ins == nil ? nil : d, registered: d)
    }

    static let units: [OrgUnit] = {
        var e11 = u(11, "E11", .privateEnterprise, staff: 200, full: 9)
        e11.status = .deregistered
        e11.deregistered = Day(year: 2025, month: 3, day: 1)
        return [
            u(1, "E1", .privateEnterprise, staff: 300, full: 60, lr: true, acfic: true, org: 1),
            u(2, "E2", .privateEnterprise, staff: 80, full: 30, org: 2),
            u(3, "E3", .foreignInvested, staff: 120, full: 5, org: 3, ins: 1),
            u(4, "E4", .privateEnterprise, staff: 20, full: 3, org: 4),
            u(5, "E5", .privateEnterprise, staff: 60, full: 1, prob: 1, lr: true, org: 4),
            u(6, "E6", .privateEnterprise, staff: 10, org: 4),
            u(7, "E7", .privateEnterprise, staff: 55, full: 4, ins: 1),
            u(8, "E8", .privateEnterprise, staff: 5, prob: 1),
            u(9, "E9", .privateEnterprise, staff: 8, org: 6),
            u(10, "E10", .foreignInvested, staff: 150, full: 2, acfic: true, org: 7, ins: 2),
            e11,
            u(12, "X1", .individualBusiness, staff: 2),
            u(21, "S1", .association, staff: 10, full: 3, org: 8),
            u(22, "S2", .foundation, staff: 6, ins: 2),
            u(23, "S3", .school, staff: 90, full: 2, org: 4),
            u(24, "S4", .lawFirm, staff: 30, full: 4, org: 5),
            u(25, "S5", .accountingFirm, staff: 12, full: 1),
            u(26, "S6", .nonprofit, staff: 7, full: 3),
            u(27, "S7", .taxFirm, staff: 9),
        ]
    }()

    static func tables(scope: ScopeRule = .default) -> [StatisticsForms.Table] {
        StatisticsForms.tables(StatisticsForms.cells(units: units, orgs: orgs, scope: scope, today: today))
    }
}

final class StatisticsFormsTests: XCTestCase {
    typealias R = StatisticsForms.Row

    private func assertRows(_ t: StatisticsForms.Table, _ expected: [R: [Int]], file: StaticString = #filePath, line: UInt = #line) {
        for row in R.allCases where !row.isHeading {
            XCTAssertEqual(t.values[row], expected[row], "\(t.code) · \(row.label)", file: file, line: line)
        }
    }

    func testEnterpriseTable() {
        let t = FormsFixture.tables()[0]
        XCTAssertEqual(t.title, "非公有经济控制的企业法人单位建立党的基层组织情况")
        XCTAssertEqual(t.columns.map(\.label), ["合计", "职工50人以上", "职工100人以上", "法定代表人是党员", "工商联会员企业", "外商投资企业"])
        // Columns: total · ≥50 staff (E1 E2 E3 E5 E7 E10) · ≥100 (E1 E3 E10) · legal rep (E1 E5) · 工商联 (E1 E10) · 外资 (E3 E10).
        assertRows(t, [
            .units: [10, 6, 3, 2, 2, 2],
            .withInstructor: [3, 3, 2, 0, 1, 2],            // E3 E7 E10
            .own: [3, 3, 2, 1, 1, 1],                       // E1 E2 E3
            .ownCommittee: [1, 1, 1, 1, 1, 0],              // E1
            .ownGeneralBranch: [1, 1, 0, 0, 0, 0],          // E2
            .ownBranch: [1, 1, 1, 0, 0, 1],                 // E3
            .joint: [3, 1, 0, 1, 0, 0],                     // E4 E5 E6 (E5 has 60 staff and a member legal rep)
            .jointEnoughMembers: [1, 0, 0, 0, 0, 0],        // E4 with 3 正式党员
            .jointBranches: [1, 1, 0, 1, 0, 0],             // O4
            .industry: [0, 0, 0, 0, 0, 0],
            .none: [4, 2, 1, 0, 1, 1],                      // E7 E8 E9 E10
            .noneShouldForm: [1, 1, 0, 0, 0, 0],            // E7
            .noneFewMembers: [2, 1, 1, 0, 1, 1],            // E8 (one 预备), E10 (2 正式)
            .noneNoMembers: [1, 0, 0, 0, 0, 0],             // E9
            .instructors: [2, 2, 2, 0, 1, 2],               // I1 (E3 E7), I2 (E10)
            .orgStaff: [590, 560, 420, 360, 300, 120],      // 300+80+120+20+60+10 · 300+80+120+60 · 300+120 · 300+60 · 300 · 120
            .orgMembers: [100, 97, 65, 62, 60, 5],          // 60+30+5+3+2+0 · 60+30+5+2 · 60+5 · 60+2 · 60 · 5
            .workOnlyStaff: [213, 205, 150, 0, 150, 150],   // E7 55 + E9 8 + E10 150
            .workOnlyMembers: [6, 6, 2, 0, 2, 2],           // E7 4 + E10 2
        ])
        // The four parts add up to the units.
        for c in 0..<t.columns.count {
            XCTAssertEqual(t.value(.own, c)! + t.value(.joint, c)! + t.value(.industry, c)! + t.value(.none, c)!, t.value(.units, c)!)
        }
    }

    func testSocialTable() {
        let t = FormsFixture.tables()[1]
        XCTAssertEqual(t.title, "社会组织法人单位建立党的基层组织情况")
        XCTAssertEqual(t.columns.map(\.label), ["合计", "社会团体", "基金会", "民办非企业单位", "律师事务所", "会计师事务所", "税务师事务所"])
        // 民办非企业单位 holds S3 (民办学校) and S6.
        assertRows(t, [
            .units: [7, 1, 1, 2, 1, 1, 1],
            .withInstructor: [1, 0, 1, 0, 0, 0, 0],         // S2
            .own: [1, 1, 0, 0, 0, 0, 0],                    // S1
            .ownCommittee: [0, 0, 0, 0, 0, 0, 0],
            .ownGeneralBranch: [0, 0, 0, 0, 0, 0, 0],
            .ownBranch: [1, 1, 0, 0, 0, 0, 0],
            .joint: [1, 0, 0, 1, 0, 0, 0],                  // S3 in O4, the joint branch it shares with E4 E5 E6
            .jointEnoughMembers: [0, 0, 0, 0, 0, 0, 0],
            .jointBranches: [1, 0, 0, 1, 0, 0, 0],
            .industry: [1, 0, 0, 0, 1, 0, 0],               // S4
            .none: [4, 0, 1, 1, 0, 1, 1],                   // S2 S5 S6 S7
            .noneShouldForm: [1, 0, 0, 1, 0, 0, 0],         // S6
            .noneFewMembers: [1, 0, 0, 0, 0, 1, 0],         // S5
            .noneNoMembers: [2, 0, 1, 0, 0, 0, 1],          // S2 S7
            .instructors: [1, 0, 1, 0, 0, 0, 0],            // I2
            .orgStaff: [130, 10, 0, 90, 30, 0, 0],          // S1 10 + S3 90 + S4 30
            .orgMembers: [9, 3, 0, 2, 4, 0, 0],
            .workOnlyStaff: [6, 0, 6, 0, 0, 0, 0],          // S2 (instructor only)
            .workOnlyMembers: [0, 0, 0, 0, 0, 0, 0],
        ])
    }

    /// The same fixture's rates: own E1 E2 E3 S1 · joint E4 E5 E6 S3 · industry S4 · work only E7 E9 E10 S2 ·
    /// uncovered E8 X1 S5 S6 S7 → 18 in scope; 9/18 = 50.00%, 4/18 = 22.22%, 13/18 = 72.22%.
    func testRatesOfTheSameFixture() {
        let cells = CoverageRollup.cells(units: FormsFixture.units, orgs: FormsFixture.orgs, scope: .default, on: FormsFixture.today)
        let all = CoverageRollup.byGroup(cells)[.all]!
        XCTAssertEqual(all, CoverageCounts(own: 4, joint: 4, industry: 1, workOnly: 4, uncovered: 5))
        XCTAssertEqual(rates(all), ["50.00%", "22.22%", "72.22%"])
    }

    /// "三有"-style scope (enterprises with at least 10 staff) drops E8 (5) and E9 (8): 8 enterprises, the
    /// few-members row loses E8 and the no-members row loses E9; the social table does not change.
    func testScopeRuleChangesTheTables() {
        let t = FormsFixture.tables(scope: ScopeRule(minStaff: 10, minStaffKinds: [.enterprise]))
        XCTAssertEqual(t[0].values[.units], [8, 6, 3, 2, 2, 2])
        XCTAssertEqual(t[0].values[.none], [2, 2, 1, 0, 1, 1])
        XCTAssertEqual(t[0].values[.noneFewMembers], [1, 1, 1, 0, 1, 1])
        XCTAssertEqual(t[0].values[.noneNoMembers], [0, 0, 0, 0, 0, 0])
        XCTAssertEqual(t[0].values[.workOnlyStaff], [205, 205, 150, 0, 150, 150])
        XCTAssertEqual(t[1].values[.units], [7, 1, 1, 2, 1, 1, 1])
        // Counting deregistered units too brings E11 (200 staff, 9 正式党员, no org) in as 应建未建.
        let all = FormsFixture.tables(scope: ScopeRule(operatingOnly: false))
        XCTAssertEqual(all[0].values[.units], [11, 7, 4, 2, 2, 2])
        XCTAssertEqual(all[0].values[.noneShouldForm], [2, 2, 1, 0, 0, 0])
    }

    func testCellsMergeAndBands() {
        XCTAssertEqual(StatisticsForms.StaffBand(staff: 49), .under50)
        XCTAssertEqual(StatisticsForms.StaffBand(staff: 50), .from50)
        XCTAssertEqual(StatisticsForms.StaffBand(staff: 100), .from100)
        XCTAssertEqual(StatisticsForms.MemberBand(full: 2, probationary: 5), .few)
        XCTAssertEqual(StatisticsForms.MemberBand(full: 3, probationary: 0), .enough)
        XCTAssertEqual(StatisticsForms.MemberBand(full: 0, probationary: 0), .none)
        XCTAssertEqual(StatisticsForms.OwnOrgBucket(.temporaryBranch), .branch)
        let cells = StatisticsForms.cells(units: FormsFixture.units, orgs: FormsFixture.orgs, scope: .default, today: FormsFixture.today)
        // Splitting every cell in two and merging gives the same tables.
        var halves: [StatisticsForms.Cell] = []
        for c in cells {
            var a = c, b = c
            a.units = c.units / 2; b.units = c.units - a.units
            a.staff = 0; a.members = 0; a.withInstructor = 0
            halves += [a, b]
        }
        let merged = StatisticsForms.merge(halves)
        XCTAssertEqual(StatisticsForms.tables(merged)[0].values, StatisticsForms.tables(cells)[0].values)
        XCTAssertEqual(StatisticsForms.tables(merged)[1].values, StatisticsForms.tables(cells)[1].values)
    }
}
