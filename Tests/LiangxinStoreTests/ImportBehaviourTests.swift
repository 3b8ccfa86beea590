import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// What a new user does: a GB18030 CSV saved by Excel (a title row, Chinese headers, dates as 2020/5/6, a 序号
/// column, a 备注 column we do not know) with a few bad rows, in dry-run, default and --skip-bad modes.
final class ImportBehaviourTests: XCTestCase {
    static func code(_ first17: String) -> String { first17 + String(CreditCode.checkCharacter(for: first17)!) }

    /// Rows as a spreadsheet numbers them: 1 title, 2 header, data from 3.
    static func excelFile() -> String {
        let good1 = code("91990102MA0TE5T01"), good2 = code("51990102MA0TE5T02"), good3 = code("92990102MA0TE5T03")
        let bad = String(code("91990102MA0TE5T04").dropLast()) + (code("91990102MA0TE5T04").last == "0" ? "1" : "0")
        return """
        示例市两新组织台账（2026年）,,,,,,,,,,,
        序号,单位名称,统一社会信用代码,单位类别,所在地区,职工人数（人）,党员数,预备党员,法定代表人是党员,登记日期,党组织编号,备注
        1,示例市东湖区新测试科技有限公司,\(good1),私营企业,东湖区,50,3,0,否,2020/5/6,18,新登记
        2,示例市东湖区校验位错误有限公司,\(bad),私营企业,东湖区,20,0,0,否,2020/5/6,,
        3,东湖区测试协会,\(good2),社会团体,990102,10,0,0,是,2021年3月1日,,"含,逗号"
        4,火星公司,\(code("91990102MA0TE5T05")),私营企业,火星区,-5,0,0,否,2020-01-01,,
        5,日期错误公司,\(code("91990102MA0TE5T06")),私营企业,东湖街道,5,0,0,否,2021-02-30,,
        6,东湖区测试小吃店,\(good3),个体工商户,东湖区 › 东湖街道,3,0,0,否,2022-07-01,,
        7,引用错误公司,\(code("91990102MA0TE5T07")),私营企业,东湖区,8,0,0,否,2020-01-01,99999,
        ,,,,,,,,,,,
        9,示例市东湖区新测试科技有限公司（重复）,\(good1),私营企业,东湖区,50,3,0,否,2020/5/6,18,

        """
    }

    func prepare(_ tmp: TempDir) throws -> (Store, String) {
        let store = try SampleDB.copy(to: tmp.file("db.sqlite"))
        let file = tmp.file("单位台账.csv")
        try writeFile(file, gb18030(Self.excelFile().replacingOccurrences(of: "\n", with: "\r\n")))
        return (store, file)
    }

    func assertTheReport(_ r: ImportResult, file: String) {
        XCTAssertEqual(r.format, "CSV GB18030")
        XCTAssertEqual(r.headerRow, 2, "the title row is skipped")
        XCTAssertEqual(r.unknown, ["备注"])
        XCTAssertEqual(r.ignored, ["序号"])
        XCTAssertEqual(r.matched["staff"], "职工人数（人）")
        XCTAssertEqual(r.matched["full_members"], "党员数")
        XCTAssertEqual(r.rows, 8, "the empty row is not a row")
        XCTAssertEqual(r.inserted, 3)
        XCTAssertEqual(r.bad.map(\.row), [4, 6, 7, 9, 11])
        let p = r.bad.flatMap(\.problems).map { "\($0.row) \($0.column ?? "-") \($0.reason)" }
        XCTAssertEqual(p.count, 6, p.joined(separator: "\n"))
        XCTAssertTrue(p[0].hasPrefix("4 credit_code 统一社会信用代码：校验位应为"), p[0])
        XCTAssertEqual(p[1], "6 region_code “火星区”不是已知的地区代码或名称 (unknown region)")
        XCTAssertEqual(p[2], "6 staff 在岗职工：不能为负数")
        XCTAssertEqual(p[3], "7 registered “2021-02-30”不是有效日期，应为YYYY-MM-DD (not a real date)")
        XCTAssertEqual(p[4], "9 party_org_id 编号99999的党组织不存在 (no party_orgs #99999)")
        XCTAssertTrue(p[5].hasPrefix("11 credit_code 与第3行是同一条记录"), p[5])
        XCTAssertEqual(r.display("staff"), "职工人数（人）（staff）")
        XCTAssertTrue(r.bad.allSatisfy { $0.problems.allSatisfy { $0.file == file } })
    }

    func testDryRunReportsAndWritesNothing() throws {
        let tmp = TempDir()
        let (store, file) = try prepare(tmp)
        let before = try store.read { try OrgUnit.fetchCount($0) }
        let audits = try store.read { try AuditEntry.fetchCount($0) }
        let r = try LedgerImport.run(kind: .units, file: file, into: store, options: ImportOptions(today: today, dryRun: true))
        assertTheReport(r, file: file)
        XCTAssertFalse(r.written)
        XCTAssertTrue(r.dryRun)
        XCTAssertEqual(try store.read { try OrgUnit.fetchCount($0) }, before)
        XCTAssertEqual(try store.read { try AuditEntry.fetchCount($0) }, audits)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.file("单位台账.rejects.csv")))
    }

    func testByDefaultABadRowMeansNothingIsWritten() throws {
        let tmp = TempDir()
        let (store, file) = try prepare(tmp)
        let before = try store.read { try OrgUnit.fetchCount($0) }
        let r = try LedgerImport.run(kind: .units, file: file, into: store, options: ImportOptions(today: today))
        assertTheReport(r, file: file)
        XCTAssertFalse(r.written)
        XCTAssertEqual(try store.read { try OrgUnit.fetchCount($0) }, before)
        XCTAssertNil(r.rejectsFile)
    }

    func testSkipBadWritesTheGoodRowsAndTheRejectsBesideTheInput() throws {
        let tmp = TempDir()
        let (store, file) = try prepare(tmp)
        let before = try store.read { try OrgUnit.fetchCount($0) }
        let r = try LedgerImport.run(kind: .units, file: file, into: store, options: ImportOptions(today: today, skipBad: true))
        assertTheReport(r, file: file)
        XCTAssertTrue(r.written)
        XCTAssertEqual(try store.read { try OrgUnit.fetchCount($0) }, before + 3)

        // Nothing garbled: the Chinese came through GB18030 intact, dates and regions were read as staff wrote them.
        let added = try store.read { try OrgUnit.filter(Column("credit_code") == Self.code("91990102MA0TE5T01")).fetchOne($0) }
        XCTAssertEqual(added?.name, "示例市东湖区新测试科技有限公司")
        XCTAssertEqual(added?.registered, Day("2020-05-06"))
        XCTAssertEqual(added?.regionCode, "990102")
        XCTAssertEqual(added?.partyOrgId, 18, "refers to an organization already in the database")
        XCTAssertEqual(added?.fullMembers, 3)
        let shop = try store.read { try OrgUnit.filter(Column("credit_code") == Self.code("92990102MA0TE5T03")).fetchOne($0) }
        XCTAssertEqual(shop?.regionCode, "990102001", "a path of region names")
        let assoc = try store.read { try OrgUnit.filter(Column("credit_code") == Self.code("51990102MA0TE5T02")).fetchOne($0) }
        XCTAssertEqual(assoc?.registered, Day("2021-03-01"))
        XCTAssertEqual(assoc?.legalRepMember, true)

        // The audit rows name the file.
        let sources = try store.read { try String.fetchAll($0, sql: "SELECT DISTINCT source FROM audit WHERE entity = 'unit' AND entity_id = ?", arguments: [added!.id!]) }
        XCTAssertEqual(sources, [URL(fileURLWithPath: file).standardizedFileURL.path])

        // The rejects, in the input's encoding, with the file's own header and a reason column.
        let rejects = try XCTUnwrap(r.rejectsFile)
        XCTAssertEqual(rejects, tmp.file("单位台账.rejects.csv"))
        let t = try SourceTable.read(path: rejects)
        XCTAssertEqual(t.encoding, .gb18030)
        XCTAssertEqual(t.records[0].last, "错误原因")
        XCTAssertEqual(t.records[0].first, "序号")
        XCTAssertEqual(t.records.count, 6)
        XCTAssertEqual(t.records[2][1], "火星公司")
        XCTAssertEqual(t.records[2].last, "第6行 所在地区（region_code）：“火星区”不是已知的地区代码或名称 (unknown region)；第6行 职工人数（人）（staff）：在岗职工：不能为负数")
        let perms = try FileManager.default.attributesOfItem(atPath: rejects)[.posixPermissions] as? Int
        XCTAssertEqual(perms, 0o600)

        // Importing the same file again changes nothing; the rejects are still rejected.
        let again = try LedgerImport.run(kind: .units, file: file, into: store, options: ImportOptions(today: today, skipBad: true))
        XCTAssertEqual([again.inserted, again.updated, again.unchanged, again.bad.count], [0, 0, 3, 5])
        XCTAssertEqual(try store.read { try OrgUnit.fetchCount($0) }, before + 3)
    }

    /// A file with only some columns updates those and leaves the rest of each record as it was.
    func testAPartialFileUpdatesOnlyItsColumns() throws {
        let tmp = TempDir()
        let store = try SampleDB.copy(to: tmp.file("db.sqlite"))
        let u1 = try XCTUnwrap(try store.read { try OrgUnit.fetchOne($0, key: 1) })
        let u2 = try XCTUnwrap(try store.read { try OrgUnit.fetchOne($0, key: 2) })
        let file = tmp.file("staff.csv")
        try "统一社会信用代码,在岗职工\n\(u1.creditCode!),\(u1.staff + 5)\n\(u2.creditCode!),\(u2.staff)\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try LedgerImport.run(kind: .units, file: file, into: store, options: ImportOptions(today: today))
        XCTAssertEqual([r.inserted, r.updated, r.unchanged, r.bad.count], [0, 1, 1, 0])
        XCTAssertEqual(r.updates.first?.changed, ["staff"])
        XCTAssertEqual(r.updates.first?.id, 1)
        var expected = u1
        expected.staff += 5
        expected.version += 1
        XCTAssertEqual(try store.read { try OrgUnit.fetchOne($0, key: 1) }, expected)
        XCTAssertEqual(try store.read { try OrgUnit.fetchOne($0, key: 2) }, u2)
        let h = try store.history(entity: "unit", id: 1)
        XCTAssertEqual(h.last?.action, "update")
        XCTAssertEqual(h.last?.source, URL(fileURLWithPath: file).standardizedFileURL.path)
    }

    /// Ids: honoured when the id is stored and the natural key agrees (or names no other record); a row whose
    /// id and key name different records is refused; a stored natural key wins over an unknown id; a new id is
    /// kept when free.
    func testIdsAndNaturalKeys() throws {
        let tmp = TempDir()
        let store = try SampleDB.copy(to: tmp.file("db.sqlite"))
        let u1 = try XCTUnwrap(try store.read { try OrgUnit.fetchOne($0, key: 1) })
        let u2 = try XCTUnwrap(try store.read { try OrgUnit.fetchOne($0, key: 2) })
        let u3 = try XCTUnwrap(try store.read { try OrgUnit.fetchOne($0, key: 3) })
        let newCode = Self.code("91990102MA0TE5T09")
        let file = tmp.file("ids.csv")
        try """
        id,name,credit_code,category,region_code
        1,\(u1.name)（改名）,\(u1.creditCode!),\(u1.category.rawValue),\(u1.regionCode)
        1,\(u2.name),\(u2.creditCode!),\(u2.category.rawValue),\(u2.regionCode)
        999999,\(u3.name),\(u3.creditCode!),\(u3.category.rawValue),\(u3.regionCode)
        888888,新单位,\(newCode),私营企业,990102

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try LedgerImport.run(kind: .units, file: file, into: store, options: ImportOptions(today: today, skipBad: true))
        XCTAssertEqual(r.updated, 1, "row 2 renames unit 1")
        XCTAssertEqual(r.unchanged, 1, "row 4 is unit 3 by its credit code")
        XCTAssertEqual(r.idIgnored, 1)
        XCTAssertEqual(r.inserted, 1)
        XCTAssertEqual(r.bad.map(\.row), [3])
        XCTAssertTrue(r.bad[0].problems.contains { $0.reason.contains("编号1是“\(u1.name)（改名）”") && $0.reason.contains("编号2") }, "\(r.bad)")
        XCTAssertEqual(try store.read { try OrgUnit.fetchOne($0, key: 1) }?.name, u1.name + "（改名）")
        XCTAssertEqual(try store.read { try OrgUnit.fetchOne($0, key: 888888) }?.creditCode, newCode)
    }

    func testPartyOrgsMatchByNameAndRegionAndAMapFileRenamesHeaders() throws {
        let tmp = TempDir()
        let store = try SampleDB.copy(to: tmp.file("db.sqlite"))
        let org = try XCTUnwrap(try store.read { try PartyOrg.fetchOne($0, key: 18) })
        let file = tmp.file("orgs.csv")
        try "组织,地区编码,书记,备注\n\(org.name),\(org.regionCode),张新书记,无\n".write(toFile: file, atomically: true, encoding: .utf8)
        let map = try ColumnMap.parse("# 本地台账的表头\n组织=name\n地区编码 = region_code\n备注=-\n", file: "map.txt", kind: .partyOrgs)
        var options = ImportOptions(today: today)
        options.map = map
        let r = try LedgerImport.run(kind: .partyOrgs, file: file, into: store, options: options)
        XCTAssertEqual(r.unknown, [])
        XCTAssertEqual(r.ignored, ["备注"])
        XCTAssertEqual([r.inserted, r.updated], [0, 1])
        XCTAssertEqual(r.updates.first?.changed, ["secretary_name"])
        XCTAssertEqual(try store.read { try PartyOrg.fetchOne($0, key: 18) }?.secretaryName, "张新书记")

        XCTAssertThrowsError(try ColumnMap.parse("组织=nonsense\n", file: "map.txt", kind: .partyOrgs)) { e in
            XCTAssertTrue("\(e)".contains("map.txt 第1行"), "\(e)")
        }
        // Without the map, the file cannot be matched: no 党组织名称 column.
        let bare = try LedgerImport.run(kind: .partyOrgs, file: file, into: store, options: ImportOptions(today: today))
        XCTAssertEqual(bare.fileProblems.count, 1)
        XCTAssertTrue(bare.fileProblems[0].reason.contains("缺少用于识别记录的列"), bare.fileProblems[0].reason)
    }

    /// Headers in English work too, and a single file may refer to records that are already stored.
    func testSurveysReferToStoredPlatforms() throws {
        let tmp = TempDir()
        let store = try SampleDB.copy(to: tmp.file("db.sqlite"))
        let file = tmp.file("surveys.csv")
        try "platform_id,survey_date,workers,members_found,pocket_members\n3,2026-10-01,120,6,1\n4,2026-10-01,80,90,0\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let r = try LedgerImport.run(kind: .surveys, file: file, into: store, options: ImportOptions(today: today, skipBad: true))
        XCTAssertEqual(r.inserted, 1)
        XCTAssertEqual(r.bad.flatMap(\.problems).map(\.reason), ["发现党员（90）不能多于从业人员（80）"])
    }
}
