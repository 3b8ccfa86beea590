import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
@testable import LiangxinApp
import LiangxinTestSupport

/// The training figures against the hand count of TrainingFixture, the store's SQL against the model's rules, and
/// the sample city against sample-data/EXPECTED.md.
final class TrainingFigureTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!

    override func setUpWithError() throws {
        tmp = TempDir()
        store = try Store(path: tmp.file("t.sqlite"))
        try TrainingFixture.load(into: store)
    }

    func testYearTotalsByMonthTypeAndModeAgainstTheHandCount() throws {
        let d = try store.trainingYear(2026, today: today)
        XCTAssertEqual(d.period, Day("2026-01-01")!...Day("2026-11-22")!)
        // 2026: S1…S7. 人次 30+50+12+120+300+40+25 = 577; 学时 40+16+2+3+2+40+36.5 = 139.5.
        XCTAssertEqual(d.now.total, TrainingTotals(sessions: 7, personTimes: 577, hours: 139.5))
        // March: S1 + S3 = 2 sessions, 42 人次, 42 学时; May S2; July S4; September S5; October S6; November S7.
        let months = d.now.byMonth.map { [$0.sessions, $0.personTimes, tenths($0.hours)] }
        XCTAssertEqual(months, [[0, 0, 0], [0, 0, 0], [2, 42, 420], [0, 0, 0], [1, 50, 160], [0, 0, 0],
                                [1, 120, 30], [0, 0, 0], [1, 300, 20], [1, 40, 400], [1, 25, 365], [0, 0, 0]])
        // 学习培训班 = S2 + S6 + S7: 3 sessions, 50+40+25 = 115 人次, 16+40+36.5 = 92.5 学时.
        XCTAssertEqual(d.now.type(.course), TrainingTotals(sessions: 3, personTimes: 115, hours: 92.5))
        XCTAssertEqual(d.now.type(.secretaryRotation), TrainingTotals(sessions: 1, personTimes: 30, hours: 40))
        XCTAssertEqual(d.now.type(.seminar), TrainingTotals(sessions: 1, personTimes: 12, hours: 2))
        XCTAssertEqual(d.now.type(.partyLecture), TrainingTotals(sessions: 1, personTimes: 120, hours: 3))
        XCTAssertEqual(d.now.type(.outreachTalk), TrainingTotals(sessions: 1, personTimes: 300, hours: 2))
        XCTAssertEqual(d.now.type(.quiz), TrainingTotals())
        // 线下 = S1, S3, S5, S6: 30+12+300+40 = 382 人次, 40+2+2+40 = 84 学时; 线上 = S4, S7: 145, 39.5; 线上+线下 = S2.
        XCTAssertEqual(d.now.mode(.offline), TrainingTotals(sessions: 4, personTimes: 382, hours: 84))
        XCTAssertEqual(d.now.mode(.online), TrainingTotals(sessions: 2, personTimes: 145, hours: 39.5))
        XCTAssertEqual(d.now.mode(.blended), TrainingTotals(sessions: 1, personTimes: 50, hours: 16))
        // 2025 (whole year): S8 + S9 = 2 sessions, 60+200 = 260 人次, 60+1.5 = 61.5 学时.
        XCTAssertEqual(d.lastYear.total, TrainingTotals(sessions: 2, personTimes: 260, hours: 61.5))
        XCTAssertEqual(d.lastYear.byMonth[4].sessions, 1)
        XCTAssertEqual(d.lastYear.byMonth[10].personTimes, 200)
        // The model's count from the records is the same.
        XCTAssertEqual(TrainingBreakdown(TrainingFixture.sessions, year: 2026, today: today), d.now)
        XCTAssertEqual(TrainingBreakdown(TrainingFixture.sessions, year: 2025, today: today), d.lastYear)
    }

    func testSecretaryCoverageAgainstTheHandCount() throws {
        let c = try store.secretaryCoverage(year: 2026, today: today)
        // Counted: the 9 active organizations (16 is revoked). Concentrated course: 张明 (S1, S2) and 吴磊 (S2, S7).
        // 56 学时: only 张明 (40 + 16, S1 counted once although listed twice); 吴磊 has 16 + 3 + 36.5 = 55.5.
        // Rotation: only 张明.
        XCTAssertEqual(c.active, 9)
        XCTAssertEqual(c.concentrated, 2)
        XCTAssertEqual(c.reachedHours, 1)
        XCTAssertEqual(c.rotation, 1)
        XCTAssertEqual(c.concentratedRate.text, "22.22%")
        XCTAssertEqual(c.hoursRate.text, "11.11%")
        XCTAssertEqual(c.rotationRate.text, "11.11%")
        func ids(_ l: SecretaryList) -> Set<Int64> { Set(c.list(l).map(\.orgId)) }
        XCTAssertEqual(ids(.noConcentrated), [12, 13, 14, 15, 17, 18, 20])
        XCTAssertEqual(ids(.underHours), [12, 13, 14, 15, 17, 18, 19, 20])
        XCTAssertEqual(ids(.noRotation), [12, 13, 14, 15, 17, 18, 19, 20])
        // Overdue: 王芳 (appointed 7 months ago; her predecessor's row does not count) and 孙磊 (never trained).
        // Not 李华 (5 months), not 刘强 (trained in 2025, after his appointment), not the vacant 17.
        XCTAssertEqual(ids(.newUntrained), [13, 20])
        let zhang = try XCTUnwrap(try store.secretaryTraining(year: 2026, today: today).first { $0.orgId == 11 })
        XCTAssertEqual(zhang.hours, 56)
        XCTAssertEqual(zhang.sessions, 2)
        XCTAssertEqual(zhang.lastTraining, Day("2026-05-12"))
        // Lists run by region code, then organization: every 东湖 (990102001) row before every 西岭 one.
        let regions = c.list(.underHours).map(\.regionCode)
        XCTAssertEqual(regions, regions.sorted())
    }

    func testLastYearCoverageCountsTheOrganizationsOfThatYear() throws {
        let c = try store.secretaryCoverage(year: 2025, today: today)
        // As of 2025-12-31 organization 16 was already revoked (2025-12-01): 9 counted. 刘强's 60-学时 course is the
        // only 2025 secretary training: concentrated 1, 56 学时 1, rotation 0.
        XCTAssertEqual([c.active, c.concentrated, c.reachedHours, c.rotation], [9, 1, 1, 0])
        // The overdue list is about today whatever the year.
        XCTAssertEqual(Set(c.list(.newUntrained).map(\.orgId)), [13, 20])
    }

    func testTheSQLAggregatesAgreeWithTheModelOnTheFixture() throws {
        for year in [2025, 2026] {
            let sql = try store.secretaryTraining(year: year, today: today)
            var model = SecretaryCoverage.aggregate(orgs: TrainingFixture.orgs, sessions: TrainingFixture.sessions,
                                                    attendance: TrainingFixture.attendance, year: year, today: today)
            let names = Dictionary(uniqueKeysWithValues: TrainingFixture.regions.map { ($0.code, $0.name) })
            for i in model.indices { model[i].regionName = names[model[i].regionCode] ?? "" }
            XCTAssertEqual(sql, model, "\(year)")
        }
    }

    func testTheSampleCityMatchesTheIndependentCount() throws {
        let t = TempDir()
        let s = try Store(path: t.file("sample.sqlite"))
        _ = try CSVSet.load(directory: SampleDataDir.path, into: s, today: today)
        let d = try s.trainingYear(2026, today: today)
        // EXPECTED.md: 200 sessions, 24661 人次, 1652.5 学时 in 2026.
        XCTAssertEqual(d.now.total, TrainingTotals(sessions: 200, personTimes: 24661, hours: 1652.5))
        let c = try s.secretaryCoverage(year: 2026, today: today)
        // EXPECTED.md: active orgs 1069; concentrated 748 (69.97%), ≥ 56 学时 588 (55.00%), 书记轮训 641 (59.96%).
        XCTAssertEqual([c.active, c.concentrated, c.reachedHours, c.rotation], [1069, 748, 588, 641])
        XCTAssertEqual([c.concentratedRate.text, c.hoursRate.text, c.rotationRate.text], ["69.97%", "55.00%", "59.96%"])
        let rows = try s.secretaryTraining(year: 2026, today: today)
        // Org 547's secretary has exactly 56.0 学时 and passes.
        let exact = try XCTUnwrap(rows.first { $0.orgId == 547 })
        XCTAssertEqual(tenths(exact.hours), 560)
        XCTAssertTrue(SecretaryCoverage.reachedHours(exact))
        // The SQL and the model agree on every organization of the sample city, both years.
        let (orgs, sessions, attendance, regions) = try s.read { db in
            (try PartyOrg.fetchAll(db), try TrainingSession.fetchAll(db), try TrainingAttendance.fetchAll(db), try Region.fetchAll(db))
        }
        let names = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0.name) })
        for year in [2025, 2026] {
            let model = SecretaryCoverage.aggregate(orgs: orgs, regionNames: names, sessions: sessions, attendance: attendance, year: year, today: today)
            let sql = try s.secretaryTraining(year: year, today: today)
            XCTAssertEqual(sql.count, model.count)
            for (a, b) in zip(sql, model) {
                XCTAssertEqual(a.orgId, b.orgId)
                XCTAssertEqual(tenths(a.hours), tenths(b.hours), "org \(a.orgId)")
                var a2 = a, b2 = b
                a2.hours = 0; b2.hours = 0
                XCTAssertEqual(a2, b2)
            }
            XCTAssertEqual(TrainingBreakdown(sessions, year: year, today: today).total.sessions, try s.trainingYear(year, today: today).now.total.sessions)
        }
    }
}

enum SampleDataDir {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data").path
}
