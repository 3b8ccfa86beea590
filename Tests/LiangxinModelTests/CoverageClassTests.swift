import XCTest
@testable import LiangxinModel

final class CoverageClassTests: XCTestCase {
    private func org(_ formation: Formation, status: OrgStatus = .normal, founded: String? = nil) -> PartyOrg {
        PartyOrg(id: 1, name: "党组织", orgType: formation == .joint ? .jointBranch : .branch, formation: formation,
                 regionCode: "990102", fullMembers: 5, status: status, founded: founded.map { day($0) })
    }
    private func unit(org: Int64? = 1, orgSince: String? = nil, instructor: Int64? = nil, instructorSince: String? = nil) -> OrgUnit {
        OrgUnit(id: 1, name: "单位", category: .privateEnterprise, regionCode: "990102", staff: 20, fullMembers: 3,
             partyOrgId: org, orgSince: orgSince.map { day($0) }, instructorId: instructor,
             instructorSince: instructorSince.map { day($0) })
    }

    func testByFormation() {
        XCTAssertEqual(CoverageClass.classify(unit(), org: org(.independent)), .own)
        XCTAssertEqual(CoverageClass.classify(unit(), org: org(.joint)), .joint)
        XCTAssertEqual(CoverageClass.classify(unit(), org: org(.industry)), .industry)
        // 兼合式: members' 组织关系 are elsewhere → only work coverage.
        XCTAssertEqual(CoverageClass.classify(unit(), org: org(.embedded)), .workOnly)
        XCTAssertEqual(CoverageClass.classify(unit(instructor: 7), org: org(.embedded)), .workOnly)
        // An organization wins over an instructor.
        XCTAssertEqual(CoverageClass.classify(unit(instructor: 7), org: org(.independent)), .own)
    }

    func testInstructorOnlyAndUncovered() {
        XCTAssertEqual(CoverageClass.classify(unit(org: nil, instructor: 7), org: nil), .workOnly)
        XCTAssertEqual(CoverageClass.classify(unit(org: nil), org: nil), .uncovered)
        // An org handed in for a unit that does not point at any org is ignored.
        XCTAssertEqual(CoverageClass.classify(unit(org: nil), org: org(.independent)), .uncovered)
        // A unit pointing at an org the caller could not find.
        XCTAssertEqual(CoverageClass.classify(unit(org: 1, instructor: 7), org: nil), .workOnly)
    }

    func testRevokedOrganizationFallsBack() {
        XCTAssertEqual(CoverageClass.classify(unit(instructor: 7), org: org(.independent, status: .revoked)), .workOnly)
        XCTAssertEqual(CoverageClass.classify(unit(), org: org(.joint, status: .revoked)), .uncovered)
        // 软弱涣散 is still an organization.
        XCTAssertEqual(CoverageClass.classify(unit(), org: org(.independent, status: .weak)), .own)
    }

    func testAsOfEarlierDay() {
        let lastYearEnd = day("2025-12-31")
        // Org founded after the day: not yet covered then; falls back to the instructor, or uncovered.
        let young = org(.independent, founded: "2026-03-01")
        XCTAssertEqual(CoverageClass.classify(unit(), org: young), .own)
        XCTAssertEqual(CoverageClass.classify(unit(), org: young, asOf: lastYearEnd), .uncovered)
        XCTAssertEqual(CoverageClass.classify(unit(instructor: 7, instructorSince: "2024-05-01"), org: young, asOf: lastYearEnd), .workOnly)
        // Founded exactly on the day counts.
        XCTAssertEqual(CoverageClass.classify(unit(), org: org(.joint, founded: "2025-12-31"), asOf: lastYearEnd), .joint)
        // Org old, but the unit joined it after the day.
        let old = org(.joint, founded: "2019-01-01")
        XCTAssertEqual(CoverageClass.classify(unit(orgSince: "2026-01-01"), org: old, asOf: lastYearEnd), .uncovered)
        XCTAssertEqual(CoverageClass.classify(unit(orgSince: "2025-12-31"), org: old, asOf: lastYearEnd), .joint)
        XCTAssertEqual(CoverageClass.classify(unit(orgSince: "2026-01-01"), org: old), .joint)
        // No dates recorded: assumed covered all along.
        XCTAssertEqual(CoverageClass.classify(unit(), org: org(.industry), asOf: lastYearEnd), .industry)
        // Instructor linked after the day.
        XCTAssertEqual(CoverageClass.classify(unit(org: nil, instructor: 7, instructorSince: "2026-01-10"), org: nil, asOf: lastYearEnd), .uncovered)
        XCTAssertEqual(CoverageClass.classify(unit(org: nil, instructor: 7, instructorSince: "2025-12-31"), org: nil, asOf: lastYearEnd), .workOnly)
        XCTAssertEqual(CoverageClass.classify(unit(org: nil, instructor: 7), org: nil, asOf: lastYearEnd), .workOnly)
        // 兼合式 org founded after the day, instructor later still → uncovered then.
        XCTAssertEqual(CoverageClass.classify(unit(instructor: 7, instructorSince: "2026-02-01"), org: org(.embedded, founded: "2026-01-05"),
                                              asOf: lastYearEnd), .uncovered)
    }

    func testClassFlags() {
        XCTAssertEqual(CoverageClass.allCases.filter(\.hasOrganization), [.own, .joint, .industry])
        XCTAssertEqual(CoverageClass.allCases.filter(\.hasWorkCoverage), [.own, .joint, .industry, .workOnly])
        XCTAssertTrue(Formation.joint.givesOrganizationalCoverage)
        XCTAssertFalse(Formation.embedded.givesOrganizationalCoverage)
    }
}

final class ScopeRuleTests: XCTestCase {
    let today = Day(year: 2026, month: 6, day: 30)!

    private func unit(_ category: UnitCategory, staff: Int = 20, registered: String? = nil,
                      status: UnitStatus = .operating, deregistered: String? = nil) -> OrgUnit {
        OrgUnit(name: "单位", category: category, regionCode: "990102", staff: staff, registered: registered.map { day($0) },
             status: status, deregistered: deregistered.map { day($0) })
    }

    func testDeregisteredUnits() {
        let gone = unit(.privateEnterprise, registered: "2015-01-01", status: .deregistered, deregistered: "2026-02-01")
        XCTAssertFalse(ScopeRule.default.includes(gone, on: today))
        // Still operating the day before it was deregistered, and on 2025-12-31.
        XCTAssertTrue(ScopeRule.default.includes(gone, on: day("2026-01-31")))
        XCTAssertTrue(ScopeRule.default.includes(gone, on: day("2025-12-31")))
        // On the deregistration day itself it no longer operates.
        XCTAssertFalse(ScopeRule.default.includes(gone, on: day("2026-02-01")))
        // Deregistered with no date: out of scope whatever the day.
        XCTAssertFalse(ScopeRule.default.includes(unit(.privateEnterprise, status: .deregistered), on: day("2000-01-01")))
        // Counting all units (含注销): kept.
        XCTAssertTrue(ScopeRule(operatingOnly: false).includes(gone, on: today))
    }

    func testRegisteredAfterTheDay() {
        let fresh = unit(.privateEnterprise, registered: "2026-02-01")
        XCTAssertTrue(ScopeRule.default.includes(fresh, on: today))
        XCTAssertTrue(ScopeRule.default.includes(fresh, on: day("2026-02-01")))
        XCTAssertFalse(ScopeRule.default.includes(fresh, on: day("2026-01-31")))
        // Even when deregistered units are counted, one not yet registered is not.
        XCTAssertFalse(ScopeRule(operatingOnly: false).includes(fresh, on: day("2025-12-31")))
        // No registration date: always in.
        XCTAssertTrue(ScopeRule.default.includes(unit(.privateEnterprise), on: day("1990-01-01")))
    }

    func testMinStaffOnlyForListedKinds() {
        let rule = ScopeRule(minStaff: 10)   // default kinds: 非公企业 only
        XCTAssertFalse(rule.includes(unit(.privateEnterprise, staff: 9), on: today))
        XCTAssertTrue(rule.includes(unit(.privateEnterprise, staff: 10), on: today))   // ≥ 10: in
        XCTAssertFalse(rule.includes(unit(.foreignInvested, staff: 3), on: today))
        XCTAssertTrue(rule.includes(unit(.individualBusiness, staff: 2), on: today))   // 小个专 not listed
        XCTAssertTrue(rule.includes(unit(.association, staff: 0), on: today))          // 社会组织 not listed
        let both = ScopeRule(minStaff: 10, minStaffKinds: [.enterprise, .smallIndividual])
        XCTAssertFalse(both.includes(unit(.individualBusiness, staff: 2), on: today))
        XCTAssertFalse(both.includes(unit(.market, staff: 9), on: today))
        XCTAssertTrue(both.includes(unit(.lawFirm, staff: 2), on: today))
        // minStaff 0 = no limit.
        XCTAssertTrue(ScopeRule(minStaff: 0).includes(unit(.privateEnterprise, staff: 0), on: today))
    }

    func testSummary() {
        XCTAssertEqual(ScopeRule.default.summary, "运营中单位")
        XCTAssertEqual(ScopeRule(minStaff: 10).summary, "运营中单位；非公企业职工≥10人")
        XCTAssertEqual(ScopeRule(operatingOnly: false, minStaff: 50, minStaffKinds: [.enterprise, .smallIndividual]).summary,
                       "全部单位（含注销）；非公企业、小个专职工≥50人")
        XCTAssertEqual(ScopeRule(operatingOnly: false).summary, "全部单位（含注销）")
    }
}
