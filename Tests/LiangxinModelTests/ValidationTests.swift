import XCTest
@testable import LiangxinModel

final class UnitValidationTests: XCTestCase {
    let today = Day(year: 2026, month: 6, day: 30)!

    private func valid() -> OrgUnit {
        OrgUnit(name: "东湖甲科技有限公司", creditCode: "91320000100000000B", category: .privateEnterprise, regionCode: "990102",
             staff: 30, fullMembers: 3, registered: Day(year: 2015, month: 1, day: 1))
    }
    private func fields(_ issues: [ValidationIssue]) -> [String] { issues.map(\.field) }

    func testValidUnitHasNoIssues() {
        XCTAssertEqual(Validate.unit(valid(), today: today), [])
        var noCode = valid(); noCode.creditCode = ""
        XCTAssertEqual(Validate.unit(noCode, today: today), [])
        noCode.creditCode = nil
        XCTAssertEqual(Validate.unit(noCode, today: today), [])
    }

    func testRequiredFields() {
        var u = valid(); u.name = "  "; u.regionCode = ""
        let issues = Validate.unit(u, today: today)
        XCTAssertEqual(fields(issues), ["name", "regionCode"])
        XCTAssertEqual(issues[0].zh, "单位名称：必填")
        XCTAssertEqual(issues[0].message(.en), "Name: required")
        XCTAssertEqual(issues[0].severity, .error)
    }

    func testCreditCodeMessagesNameTheField() {
        func issue(_ code: String, _ category: UnitCategory = .privateEnterprise) -> ValidationIssue? {
            var u = valid(); u.creditCode = code; u.category = category; u.kind = category.kind
            let all = Validate.unit(u, today: today)
            XCTAssertEqual(all.count, 1, "\(code): \(all)")
            return all.first
        }
        let length = issue("9132")
        XCTAssertEqual(length?.field, "creditCode")
        XCTAssertEqual(length?.zh, "统一社会信用代码：应为18位，实为4位")
        XCTAssertEqual(length?.en, "Credit code: must be 18 characters, got 4")
        let bad = issue("91320000I00000000B")
        XCTAssertEqual(bad?.field, "creditCode")
        XCTAssertEqual(bad?.zh, "统一社会信用代码：第9位“I”不是有效字符")
        let check = issue("91320000100000000C")
        XCTAssertEqual(check?.field, "creditCode")
        XCTAssertEqual(check?.zh, "统一社会信用代码：校验位应为B，实为C")
        XCTAssertEqual(check?.message(.en), "Credit code: check character should be B, is C")
        let prefix = issue("91320000100000000B", .association)
        XCTAssertEqual(prefix?.field, "creditCode")
        XCTAssertEqual(prefix?.zh, "统一社会信用代码：前两位91与类别“社会团体”不符（应为51）")
        XCTAssertEqual(prefix?.en, "Credit code: prefix 91 does not match category association (expected 51)")
        let accounting = issue("51110000500000000B", .accountingFirm)
        XCTAssertEqual(accounting?.zh, "统一社会信用代码：前两位51与类别“会计师事务所”不符（应为91/31）")
    }

    func testDuplicateCreditCodeThroughTheClosure() {
        var u = valid(); u.creditCode = "91320000100000000b"   // typed in lower case
        var asked: [String] = []
        let issues = Validate.unit(u, today: today, duplicateOf: { code in
            asked.append(code)
            return code == "91320000100000000B" ? "东湖乙商贸有限公司" : nil
        })
        XCTAssertEqual(asked, ["91320000100000000B"])   // the store is asked with the upper-cased code
        XCTAssertEqual(fields(issues), ["creditCode"])
        XCTAssertEqual(issues.first?.zh, "统一社会信用代码：已被“东湖乙商贸有限公司”使用")
        // An invalid code is reported as such; the store is not asked.
        asked = []
        u.creditCode = "91320000100000000C"
        _ = Validate.unit(u, today: today, duplicateOf: { asked.append($0); return "x" })
        XCTAssertEqual(asked, [])
        // No duplicate: no issue.
        u.creditCode = "91320000100000000B"
        XCTAssertEqual(Validate.unit(u, today: today, duplicateOf: { _ in nil }), [])
    }

    func testNegativeCountsAndMembersAboveStaff() {
        var u = valid(); u.staff = -1; u.fullMembers = -2; u.probationaryMembers = -1
        let issues = Validate.unit(u, today: today)
        XCTAssertEqual(fields(issues), ["staff", "fullMembers", "probationaryMembers"])
        XCTAssertEqual(issues[0].zh, "在岗职工：不能为负数")
        XCTAssertEqual(issues.errors.count, 3)
        // 3 + 1 members but 2 staff: a warning, not an error.
        var w = valid(); w.staff = 2; w.fullMembers = 3; w.probationaryMembers = 1
        let warn = Validate.unit(w, today: today)
        XCTAssertEqual(warn.map(\.field), ["fullMembers"])
        XCTAssertEqual(warn.warnings.count, 1)
        XCTAssertEqual(warn.errors.count, 0)
        XCTAssertEqual(warn[0].zh, "党员数（4）多于在岗职工（2）")
        // Staff unknown (0): no comparison.
        w.staff = 0
        XCTAssertEqual(Validate.unit(w, today: today), [])
    }

    func testDates() {
        var u = valid(); u.status = .deregistered
        let noDate = Validate.unit(u, today: today)
        XCTAssertEqual(fields(noDate), ["deregistered"])
        XCTAssertEqual(noDate[0].zh, "注销日期：已注销单位必填")
        u.deregistered = Day(year: 2026, month: 7, day: 1)
        XCTAssertEqual(Validate.unit(u, today: today).map(\.zh), ["注销日期：不能晚于今天（2026-06-30）"])
        u.deregistered = Day(year: 2014, month: 12, day: 31)   // before registration on 2015-01-01
        XCTAssertEqual(Validate.unit(u, today: today).map(\.zh), ["注销日期：早于登记日期"])
        u.deregistered = Day(year: 2026, month: 6, day: 30)    // today is fine
        XCTAssertEqual(Validate.unit(u, today: today), [])

        var f = valid(); f.registered = Day(year: 2026, month: 7, day: 1)
        let future = Validate.unit(f, today: today)
        XCTAssertEqual(fields(future), ["registered"])
        XCTAssertEqual(future[0].zh, "登记日期：不能晚于今天（2026-06-30）")
        XCTAssertEqual(future[0].en, "Registered: cannot be after today (2026-06-30)")
        f.registered = today
        XCTAssertEqual(Validate.unit(f, today: today), [])
        f.orgSince = Day(year: 2026, month: 8, day: 1); f.instructorSince = Day(year: 2027, month: 1, day: 1)
        XCTAssertEqual(fields(Validate.unit(f, today: today)), ["orgSince", "instructorSince"])
    }

    func testKindCategoryAndSector() {
        var u = valid(); u.kind = .social
        XCTAssertEqual(fields(Validate.unit(u, today: today)), ["category"])
        var s = OrgUnit(name: "协会", category: .association, regionCode: "990103", sector: .courier)
        XCTAssertEqual(fields(Validate.unit(s, today: today)), ["sector"])
        s.sector = nil
        XCTAssertEqual(Validate.unit(s, today: today), [])
    }
}

final class PartyOrgValidationTests: XCTestCase {
    let today = Day(year: 2026, month: 6, day: 30)!
    private func valid(_ formation: Formation = .independent, type: OrgType = .branch, full: Int = 3) -> PartyOrg {
        PartyOrg(name: "党支部", orgType: type, formation: formation, regionCode: "990102", secretaryPhone: "13800138000", fullMembers: full)
    }

    func testValid() {
        XCTAssertEqual(Validate.partyOrg(valid(), coveredUnits: 1, today: today), [])
        XCTAssertEqual(Validate.partyOrg(valid(.joint, type: .jointBranch), coveredUnits: 5, today: today), [])
        XCTAssertEqual(Validate.partyOrg(valid(full: 50), coveredUnits: 1, today: today), [])
    }

    func testOwnBranchNeedsThreeFullMembers() {
        let issues = Validate.partyOrg(valid(full: 2), coveredUnits: 1, today: today)
        XCTAssertEqual(issues.map(\.field), ["fullMembers"])
        XCTAssertEqual(issues[0].severity, .error)
        XCTAssertEqual(issues[0].zh, "正式党员：单独组建需至少3名")
        // A joint branch with 2 is not held to it.
        XCTAssertEqual(Validate.partyOrg(valid(.joint, type: .jointBranch, full: 2), coveredUnits: 2, today: today), [])
    }

    func testJointOverFiveUnitsWarns() {
        let issues = Validate.partyOrg(valid(.joint, type: .jointBranch), coveredUnits: 6, today: today)
        XCTAssertEqual(issues.map(\.field), ["formation"])
        XCTAssertEqual(issues[0].severity, .warning)
        XCTAssertEqual(issues[0].zh, "联合党支部覆盖6家单位，超过5家")
        // Industry organizations may cover many.
        XCTAssertEqual(Validate.partyOrg(valid(.industry, type: .committee, full: 120), coveredUnits: 40, today: today), [])
    }

    func testBranchOverFiftyWarns() {
        let issues = Validate.partyOrg(valid(full: 51), coveredUnits: 1, today: today)
        XCTAssertEqual(issues.map(\.field), ["fullMembers"])
        XCTAssertEqual(issues[0].severity, .warning)
        XCTAssertEqual(issues[0].zh, "党支部党员超过50名，应考虑设立党总支")
        XCTAssertEqual(Validate.partyOrg(valid(.joint, type: .jointBranch, full: 51), coveredUnits: 3, today: today).warnings.count, 1)
        XCTAssertEqual(Validate.partyOrg(valid(type: .generalBranch, full: 51), coveredUnits: 1, today: today), [])
    }

    func testPhoneStarAndDates() {
        var o = valid(); o.secretaryPhone = "12345"
        let phone = Validate.partyOrg(o, coveredUnits: 1, today: today)
        XCTAssertEqual(phone.map(\.field), ["secretaryPhone"])
        XCTAssertEqual(phone[0].zh, "书记电话：格式不对（手机11位，或区号-号码）")
        o.secretaryPhone = "0571-88888888"
        XCTAssertEqual(Validate.partyOrg(o, coveredUnits: 1, today: today), [])
        o.secretaryPhone = ""   // empty = not given
        XCTAssertEqual(Validate.partyOrg(o, coveredUnits: 1, today: today), [])
        o.starLevel = 6
        XCTAssertEqual(Validate.partyOrg(o, coveredUnits: 1, today: today).map(\.field), ["starLevel"])
        o.starLevel = 5; o.founded = Day(year: 2026, month: 7, day: 1); o.secretaryAppointed = Day(year: 2026, month: 7, day: 2)
        XCTAssertEqual(Validate.partyOrg(o, coveredUnits: 1, today: today).map(\.field), ["secretaryAppointed", "founded"])
        o = valid(); o.name = ""; o.fullMembers = -1
        // −1 is negative and also fewer than 3 for an own branch.
        XCTAssertEqual(Validate.partyOrg(o, coveredUnits: 1, today: today).map(\.field), ["name", "fullMembers", "fullMembers"])
    }

    func testInstructor() {
        XCTAssertEqual(Validate.instructor(Instructor(name: "王指导", phone: "13912345678")), [])
        XCTAssertEqual(Validate.instructor(Instructor(name: "", phone: "139")).map(\.field), ["name", "phone"])
    }
}

final class StationValidationTests: XCTestCase {
    let today = Day(year: 2026, month: 6, day: 30)!
    private func station(hours: String) -> Station {
        Station(name: "东湖爱心驿站", kind: .love, regionCode: "990102", contactPhone: "13800138000", hours: hours)
    }

    func testHours() {
        for ok in ["24h", "08:00-20:00", "08:00-12:00,14:00-20:00", "22:00-06:00"] {
            XCTAssertEqual(Validate.station(station(hours: ok), today: today), [], ok)
        }
        for bad in ["25:00-26:00", "8-20", "08:00-08:00", ""] {
            let issues = Validate.station(station(hours: bad), today: today)
            XCTAssertEqual(issues.map(\.field), ["hours"], bad)
            XCTAssertEqual(issues.first?.zh, "开放时间：应为“24h”或“HH:MM-HH:MM”（多段用逗号分隔）")
        }
    }

    func testOtherFields() {
        var s = station(hours: "24h"); s.status = .paused
        XCTAssertEqual(Validate.station(s, today: today).map(\.field), ["statusReason"])
        s.statusReason = "装修"
        XCTAssertEqual(Validate.station(s, today: today), [])
        s.latitude = 90.5; s.longitude = -180.5; s.opened = Day(year: 2026, month: 7, day: 1); s.contactPhone = "110"
        XCTAssertEqual(Validate.station(s, today: today).map(\.field), ["contactPhone", "opened", "latitude", "longitude"])
        s.latitude = 30.5; s.longitude = 120.1; s.opened = today; s.contactPhone = nil
        XCTAssertEqual(Validate.station(s, today: today), [])
    }

    func testLog() {
        XCTAssertEqual(Validate.stationLog(StationLog(stationId: 1, date: today, count: 3), today: today), [])
        XCTAssertEqual(Validate.stationLog(StationLog(stationId: 1, date: today, count: 0), today: today).map(\.field), ["count"])
        XCTAssertEqual(Validate.stationLog(StationLog(stationId: 1, date: Day(year: 2026, month: 7, day: 1)!, count: 1), today: today).map(\.field), ["date"])
    }
}

final class OutreachValidationTests: XCTestCase {
    let today = Day(year: 2026, month: 6, day: 30)!
    private func survey(workers: Int = 100, found: Int = 10, pocket: Int = 2, transferred: Int = 5) -> PlatformSurvey {
        PlatformSurvey(platformId: 1, surveyDate: Day(year: 2026, month: 5, day: 1)!, stations: 4, workers: workers,
                       membersFound: found, pocketMembers: pocket, membersTransferred: transferred)
    }

    func testSurvey() {
        XCTAssertEqual(Validate.survey(survey(), today: today), [])
        // Transferred equal to found is fine; one more is not.
        XCTAssertEqual(Validate.survey(survey(transferred: 10), today: today), [])
        let t = Validate.survey(survey(transferred: 11), today: today)
        XCTAssertEqual(t.map(\.field), ["membersTransferred"])
        XCTAssertEqual(t[0].severity, .error)
        XCTAssertEqual(t[0].zh, "转入组织关系（11）不能多于发现党员（10）")
        XCTAssertEqual(Validate.survey(survey(pocket: 11), today: today).map(\.field), ["pocketMembers"])
        XCTAssertEqual(Validate.survey(survey(workers: 9), today: today).map(\.field), ["membersFound"])
        var s = survey(); s.stations = -1; s.surveyDate = Day(year: 2026, month: 7, day: 1)!
        XCTAssertEqual(Validate.survey(s, today: today).map(\.field), ["stations", "surveyDate"])
    }

    func testActivity() {
        let ok = OutreachActivity(date: today, sector: .courier, type: .care, title: "关爱慰问", peopleServed: 260, items: 507)
        XCTAssertEqual(Validate.activity(ok, today: today), [])
        let award = OutreachActivity(date: today, sector: .courier, type: .award, title: "最美快递员", award: "最美快递员")
        XCTAssertEqual(Validate.activity(award, today: today).map(\.field), ["awardPerson"])
        var bad = ok; bad.title = ""; bad.items = -1
        XCTAssertEqual(Validate.activity(bad, today: today).map(\.field), ["title", "items"])
    }
}

final class TrainingValidationTests: XCTestCase {
    let today = Day(year: 2026, month: 6, day: 30)!
    private func session(_ type: TrainingType = .course, hours: Double = 4, personTimes: Int = 30) -> TrainingSession {
        TrainingSession(date: Day(year: 2026, month: 5, day: 1)!, title: "学习培训班", type: type, personTimes: personTimes, hours: hours)
    }

    func testHours() {
        XCTAssertEqual(Validate.trainingSession(session(), registered: 10, today: today), [])
        let zero = Validate.trainingSession(session(hours: 0), registered: 0, today: today)
        XCTAssertEqual(zero.map(\.field), ["hours"])
        XCTAssertEqual(zero[0].severity, .error)
        XCTAssertEqual(zero[0].zh, "学时：应大于0")
        // 120 学时 fits a 15-day class (at most 12 a day, 8 usual); in one day it is an error once the end date says so.
        var long = session(hours: 120); long.endDate = Day(year: 2026, month: 5, day: 15)
        XCTAssertEqual(Validate.trainingSession(long, registered: 0, today: today), [])
        XCTAssertEqual(Validate.trainingSession(session(hours: 120.5), registered: 0, today: today).errors.map(\.field), ["hours"])
        // A 党课 over 8 学时 is suspicious, not wrong.
        XCTAssertEqual(Validate.trainingSession(session(.partyLecture, hours: 8), registered: 0, today: today), [])
        XCTAssertEqual(Validate.trainingSession(session(.partyLecture, hours: 9), registered: 0, today: today).warnings.map(\.field), ["hours"])
    }

    func testPersonTimesAtLeastNamedAttendees() {
        XCTAssertEqual(Validate.trainingSession(session(personTimes: 6), registered: 6, today: today), [])
        let few = Validate.trainingSession(session(personTimes: 5), registered: 6, today: today)
        XCTAssertEqual(few.map(\.field), ["personTimes"])
        XCTAssertEqual(few[0].zh, "人次（5）不能少于登记的参训人员（6）")
        var s = session(); s.title = " "; s.date = Day(year: 2026, month: 7, day: 1)!
        XCTAssertEqual(Validate.trainingSession(s, registered: 0, today: today).map(\.field), ["title", "date"])
    }
}

final class PhoneTests: XCTestCase {
    func testPhones() {
        for ok in ["13800138000", "19912345678", "138 0013 8000", "010-12345678", "0571-8888888", "0571-88888888",
                   "01012345678", "057188888888", "138-0013-8000", "+8613800138000"] {
            XCTAssertTrue(Validate.isPhone(ok), ok)
        }
        // 2nd digit 2; 10 and 12 digits for a mobile; letters; a landline without the leading 0; too short;
        // two hyphens; all zeros; empty.
        for bad in ["12800138000", "1380013800", "138001380001", "1380013800a", "21-12345678", "0571-888",
                    "010-1234-5678", "0000000000", ""] {
            XCTAssertFalse(Validate.isPhone(bad), bad)
        }
    }
}
