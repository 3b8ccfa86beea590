import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// Issue 8: the secretary coverage's fast reads (the organizations, sessions and attendance streamed once each, the
/// panel's facts without names, the names read per screenful) against the simple computation from records
/// (`SecretaryCoverage.aggregate`, then the model's own sort), on a generated city with awkward rows added and on
/// the sample city.
final class TrainingFastPathTests: XCTestCase {
    static let sampleDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data").path

    func testAGeneratedCityWithAwkwardRowsAgreesWithTheSimpleComputation() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 1200, seed: 7, today: today, into: store)
        let ids = try addAwkwardRows(store)
        try assertAgree(store, years: [2025, 2026, 2027])
        // The awkward rows are there and count as the rules say.
        let rows = Dictionary(uniqueKeysWithValues: try store.secretaryTraining(year: 2026, today: today).map { ($0.orgId, $0) })
        let zoe = try XCTUnwrap(rows[ids.zoe])
        XCTAssertEqual([zoe.sessions, zoe.concentrated], [1, 1], "the other spelling of her name is her")
        XCTAssertNil(rows[ids.gone], "revoked on 2026-06-30: counted neither for 2026 nor today")
        XCTAssertNil(rows[ids.late], "founded after today")
        XCTAssertNotEqual(rows[ids.c]?.lastTraining, Day("2026-12-15"), "a session after today is no last training")
        XCTAssertEqual(try store.secretaryTraining(year: 2025, today: today).first { $0.orgId == ids.gone }?.sessions, 1)
        XCTAssertEqual(try store.secretaryTraining(year: 2027, today: today).first { $0.orgId == ids.late }?.inYear, true)
    }

    func testTheSampleCityAgreesWithTheSimpleComputation() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("sample.sqlite"))
        _ = try CSVSet.load(directory: Self.sampleDir, into: store, today: today)
        try assertAgree(store, years: [2025, 2026])
        // EXPECTED.md: active orgs 1069; concentrated 748, ≥ 56 学时 588, 书记轮训 641.
        let f = try store.secretaryFigures(year: 2026, today: today)
        XCTAssertEqual([f.active, f.concentrated, f.reachedHours, f.rotation], [1069, 748, 588, 641])
    }

    func testNamesCompareAsStringsDo() {
        var names = NameBytes()
        func bytes(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) { Array(s.utf8).withUnsafeBufferPointer(body) }
        bytes("张明") { names.append($0) }
        names.append(nil)
        bytes("Zo\u{EB}") { names.append($0) }   // ë as one scalar
        bytes("张明") { XCTAssertTrue(names.equals(0, $0)) }
        bytes("张明明") { XCTAssertFalse(names.equals(0, $0)) }
        bytes("") { XCTAssertFalse(names.equals(0, $0)) }
        bytes("张明") { XCTAssertFalse(names.equals(1, $0), "a vacancy matches no one") }
        XCTAssertTrue(names.isNil(1))
        // e + combining diaeresis: other bytes, the same String.
        bytes("Zoe\u{308}") { XCTAssertTrue(names.equals(2, $0)) }
        // A String read from SQLite ends at a NUL, as GRDB reads it.
        bytes("张明\u{0}旧") { XCTAssertTrue(names.equals(0, $0)) }
        XCTAssertEqual(names.count, 3)
    }

    func testIdSlotsDenseAndSparse() {
        let dense = IdSlots([5, 3, 9])
        XCTAssertEqual([dense[5], dense[3], dense[9], dense[4], dense[-1], dense[1000]], [0, 1, 2, nil, nil, nil])
        let sparse = IdSlots([1, 9_000_000_000, 2])
        XCTAssertEqual([sparse[1], sparse[9_000_000_000], sparse[2], sparse[3]], [0, 1, 2, nil])
    }

    // MARK: helpers

    /// Rows the generator does not write: a secretary listed twice on a session, a predecessor's row, a session after
    /// today, a name in another Unicode spelling, ids far beyond the others (the sparse look-up), an organization
    /// revoked this year and one founded after today.
    func addAwkwardRows(_ store: Store) throws -> (zoe: Int64, gone: Int64, late: Int64, c: Int64) {
        let (orgs, sessions) = try store.read { db in (try PartyOrg.fetchAll(db), try TrainingSession.fetchAll(db)) }
        let y2026 = sessions.filter { $0.date.year == 2026 && $0.date <= today }
        let rotation = try XCTUnwrap(y2026.first { $0.type == .secretaryRotation })
        let course = try XCTUnwrap(y2026.first { $0.type == .course })
        let lecture = try XCTUnwrap(sessions.first { $0.date.year == 2025 && $0.type == .partyLecture })
        let withSecretary = orgs.filter { $0.secretaryName != nil && $0.status != .revoked }
        let (a, b, c) = (withSecretary[0], withSecretary[1], withSecretary[2])
        return try store.write { l in
            var future = TrainingSession(date: Day("2026-12-15")!, title: "年末书记轮训", type: .secretaryRotation, personTimes: 5, hours: 40)
            let futureId = try l.insert(&future)
            var far = TrainingSession(id: 8_000_000_000, date: Day("2026-04-01")!, title: "远号专题研讨", type: .seminar, personTimes: 5, hours: 2.5)
            let farId = try l.insert(&far)
            var rows = [
                TrainingAttendance(sessionId: rotation.id!, partyOrgId: a.id, personName: a.secretaryName, role: .secretary),
                TrainingAttendance(sessionId: rotation.id!, partyOrgId: a.id, personName: nil, role: .secretary),
                TrainingAttendance(sessionId: course.id!, partyOrgId: b.id, personName: "前任" + (b.secretaryName ?? ""), role: .secretary),
                TrainingAttendance(sessionId: futureId, partyOrgId: c.id, personName: c.secretaryName, role: .secretary),
                TrainingAttendance(sessionId: farId, partyOrgId: c.id, personName: c.secretaryName, role: .secretary),
            ]
            var zoe = PartyOrg(id: 9_000_000_000, name: "Zoë咖啡党支部", orgType: .branch, formation: .independent, regionCode: a.regionCode,
                               secretaryName: "Zo\u{EB}", secretaryAppointed: Day("2026-01-10"), fullMembers: 3)
            let zoeId = try l.insert(&zoe)
            rows.append(TrainingAttendance(sessionId: course.id!, partyOrgId: zoeId, personName: "Zoe\u{308}", role: .secretary))
            var gone = PartyOrg(name: "年中撤销党支部", orgType: .branch, formation: .independent, regionCode: a.regionCode,
                                secretaryName: "钱进", secretaryAppointed: Day("2020-01-01"), fullMembers: 3, status: .revoked,
                                revokedOn: Day("2026-06-30"))
            let goneId = try l.insert(&gone)
            rows.append(TrainingAttendance(sessionId: lecture.id!, partyOrgId: goneId, personName: "钱进", role: .secretary))
            var late = PartyOrg(name: "年末新建党支部", orgType: .branch, formation: .independent, regionCode: a.regionCode,
                                secretaryName: "孙新", secretaryAppointed: Day("2026-12-01"), fullMembers: 3, founded: Day("2026-12-01"))
            let lateId = try l.insert(&late)
            for i in rows.indices { _ = try l.insert(&rows[i]) }
            return (zoeId, goneId, lateId, c.id!)
        }
    }

    func assertAgree(_ store: Store, years: [Int], file: StaticString = #filePath, line: UInt = #line) throws {
        let (orgs, sessions, attendance, regions) = try store.read { db in
            (try PartyOrg.fetchAll(db), try TrainingSession.fetchAll(db), try TrainingAttendance.fetchAll(db), try Region.fetchAll(db))
        }
        let names = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0.name) })
        for year in years {
            // The simple computation: every record in Swift, the model's sort.
            let model = SecretaryCoverage.aggregate(orgs: orgs, regionNames: names, sessions: sessions, attendance: attendance, year: year, today: today)
            let simple = SecretaryCoverage(model, year: year, today: today)
            let rows = try store.secretaryTraining(year: year, today: today)
            XCTAssertEqual(rows.count, model.count, "\(year)", file: file, line: line)
            for (a, b) in zip(rows, model) {
                // 学时 are summed in another order (the model walks a Set): equal to the tenth, as shown.
                XCTAssertEqual(tenths(a.hours), tenths(b.hours), "\(year) org \(a.orgId)", file: file, line: line)
                var a2 = a, b2 = b
                a2.hours = 0; b2.hours = 0
                XCTAssertEqual(a2, b2, "\(year)", file: file, line: line)
            }
            let full = try store.secretaryCoverage(year: year, today: today)
            let figures = try store.secretaryFigures(year: year, today: today)
            for c in [(full.active, full.concentrated, full.reachedHours, full.rotation),
                      (figures.active, figures.concentrated, figures.reachedHours, figures.rotation)] {
                XCTAssertTrue(c == (simple.active, simple.concentrated, simple.reachedHours, simple.rotation), "\(year)", file: file, line: line)
            }
            for l in SecretaryList.allCases {
                let want = simple.list(l).map(\.orgId)
                XCTAssertEqual(full.list(l).map(\.orgId), want, "\(year) \(l)", file: file, line: line)
                XCTAssertEqual(figures.list(l).map(\.orgId), want, "\(year) \(l)", file: file, line: line)
            }
            // The facts with their names are the report's rows, position for position; a page of names reads the same.
            let labels = try store.secretaryLabels(alignedWith: figures.facts)
            XCTAssertEqual(zip(figures.facts, labels).map { SecretaryTraining($0, $1) }, full.rows, "\(year)", file: file, line: line)
            let page = Array(figures.facts.suffix(25))
            let byId = try store.secretaryLabels(ids: page.map(\.orgId))
            XCTAssertEqual(page.map { byId[$0.orgId] }, Array(labels.suffix(25)), "\(year)", file: file, line: line)
        }
    }
}
