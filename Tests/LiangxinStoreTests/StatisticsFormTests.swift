import Foundation
import XCTest
import LiangxinModel
@testable import LiangxinStore

/// The two statistics forms on the hand-counted fixture (Fixtures.swift), and their XLSX read back.
final class StatisticsFormTests: XCTestCase {
    // Enterprises in scope on 2026-11-22 (unit 7 was deregistered in 2025):
    //   1 恒远机械 120 staff, 8 members, own 党支部 (org 1)
    //   3 东湖书店 15 staff, 3 members, joint (org 2)
    //   6 东湖商贸 8 staff, no members, uncovered
    //   8 迅达快递西岭站 40 staff, industry-built (org 3)
    //   9 西岭科技 60 staff, 4 members, org revoked → instructor only (应建未建)
    // Columns: 合计 {1,3,6,8,9}; ≥50 staff {1,9}; ≥100 staff {1}; legal representative a member: none.
    static let enterprise: [[Int]] = [
        [5, 2, 1, 0],        // 单位数
        [1, 1, 0, 0],        // 有指导员: 9
        [1, 1, 1, 0],        // 单独建立: 1
        [0, 0, 0, 0],        //   党委
        [0, 0, 0, 0],        //   党总支
        [1, 1, 1, 0],        //   党支部: 1
        [2, 0, 0, 0],        // 联合: 3, 8
        [1, 0, 0, 0],        //   ≥3 正式党员: 3
        [1, 0, 0, 0],        //   行业统建: 8
        [1, 0, 0, 0],        //   联合党支部数: org 2
        [2, 1, 0, 0],        // 未建立: 6, 9
        [1, 1, 0, 0],        //   应建未建: 9
        [0, 0, 0, 0],        //   个别党员
        [1, 0, 0, 0],        //   没有党员: 6
        [1, 1, 0, 0],        // 指导员: {1}
        [175, 120, 120, 0],  // 有组织单位职工: 120 + 15 + 40
        [11, 8, 8, 0],       // 有组织单位党员: 8 + 3 + 0
        [60, 60, 0, 0],      // 仅工作覆盖职工: 9
        [4, 4, 0, 0],        // 仅工作覆盖党员: 9
    ]
    // Social organizations: 4 东湖律所 (law firm, joint org 2, 1 member, 20 staff); 5 东湖协会 (association,
    // instructor, 6 staff); 10 西岭基金会 (foundation, 兼合式 → work only, 5 staff); 11 启航培训学校 (school →
    // 民办非企业单位, 2 members, uncovered, 25 staff).
    // Columns: 合计, 社会团体, 基金会, 民办非企业单位, 律师事务所, 会计师事务所, 税务师事务所.
    static let social: [[Int]] = [
        [4, 1, 1, 1, 1, 0, 0],
        [1, 1, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 1, 0, 0],
        [3, 1, 1, 1, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 1, 0, 0, 0],
        [2, 1, 1, 0, 0, 0, 0],
        [1, 1, 0, 0, 0, 0, 0],
        [20, 0, 0, 0, 20, 0, 0],
        [1, 0, 0, 0, 1, 0, 0],
        [11, 6, 5, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
    ]

    func testFormsOnTheFixtureMatchTheHandCount() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("f.sqlite"))
        try Fixture.make().load(into: store)
        let forms = try store.statisticsForms(today: today)
        XCTAssertEqual(forms.enterprise.values, Self.enterprise)
        XCTAssertEqual(forms.social.values, Self.social)
        XCTAssertEqual(forms.enterprise.columns.map(\.label), ["合计", "职工50人以上的", "职工100人以上的", "法定代表人是党员的"])
        XCTAssertEqual(forms.social.columns.map(\.label), ["合计", "社会团体", "基金会", "民办非企业单位", "律师事务所", "会计师事务所", "税务师事务所"])
        XCTAssertEqual(forms.enterprise.value("应建未建（正式党员3人以上）", "合计"), 1)
        XCTAssertEqual(forms.regionName, "示例市")
        // A region narrows the units: 西岭区 holds enterprises 8 and 9.
        let west = try store.statisticsForms(today: today, region: "990103")
        XCTAssertEqual(west.enterprise.values[0], [2, 1, 0, 0])
        XCTAssertEqual(west.regionName, "西岭区")
    }

    /// In every column: units = own + joint + none; the three kinds of "none" add up; own splits by type.
    func testTheRowsAddUpOnTheSampleCity() throws {
        let tmp = TempDir()
        let store = try SampleDB.copy(to: tmp.file("s.sqlite"))
        let forms = try store.statisticsForms(today: today)
        for f in [forms.enterprise, forms.social] {
            for c in f.columns.indices {
                let v = f.values.map { $0[c] }
                XCTAssertEqual(v[0], v[2] + v[6] + v[10], "\(f.title) column \(c)")
                XCTAssertEqual(v[2], v[3] + v[4] + v[5])
                XCTAssertEqual(v[10], v[11] + v[12] + v[13])
            }
        }
        // The totals agree with the coverage figures of the overview (EXPECTED.md): enterprises in scope 1260,
        // own 589, joint 374 + industry 107, work-only 86 + uncovered 104.
        XCTAssertEqual(forms.enterprise.values[0][0], 1260)
        XCTAssertEqual(forms.enterprise.values[2][0], 589)
        XCTAssertEqual(forms.enterprise.values[6][0], 374 + 107)
        XCTAssertEqual(forms.enterprise.values[10][0], 86 + 104)
        XCTAssertEqual(forms.social.values[0][0], 455)
    }

    func testTheWorkbookHasTheOfficialLayoutAndReadsBack() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("f.sqlite"))
        try Fixture.make().load(into: store)
        let path = tmp.file("forms.xlsx")
        try StatisticsSheet.workbook(try store.statisticsForms(today: today)).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try XLSXReader.sheetNames(path: path), ["非公企业", "社会组织"])

        let e = try XLSXReader.read(path: path)
        XCTAssertEqual(e.records[0], [StatisticsForms.enterpriseTitle])
        XCTAssertEqual(e.records[1], ["填报单位：示例市　　统计时点：2026-11-22　　统计范围：运营中单位"])
        XCTAssertEqual(e.records[2], ["项目", "", "合计", "其中"])
        XCTAssertEqual(e.records[3], ["", "", "", "职工50人以上的", "职工100人以上的", "法定代表人是党员的"])
        XCTAssertEqual(e.records[4], ["甲", "乙", "1", "2", "3", "4"])
        XCTAssertEqual(e.records[5], ["单位数", "合计", "5", "2", "1", "0"])
        XCTAssertEqual(e.records[6], ["", "其中：有党建工作指导员的", "1", "1", "0", "0"])
        XCTAssertEqual(e.records[16], ["", "应建未建（正式党员3人以上）", "1", "1", "0", "0"])
        for (i, row) in Self.enterprise.enumerated() {
            XCTAssertEqual(e.records[5 + i].dropFirst(2).map { Int($0)! }, row, "body row \(i)")
        }
        XCTAssertTrue(e.records[24][0].hasPrefix("注：1."))
        XCTAssertEqual(try mergeRanges(xlsx: path, sheet: 1), [
            "A1:F1", "A2:F2", "A3:B4", "C3:C4", "D3:F3",
            "A6:A7", "A8:A11", "A12:A15", "A16:A19", "A20:A24",
            "A25:F25", "A26:F26", "A27:F27",
        ])

        let s = try XLSXReader.read(path: path, sheet: "社会组织")
        XCTAssertEqual(s.records[2], ["项目", "", "合计", "社会团体", "基金会", "民办非企业单位", "中介组织"])
        XCTAssertEqual(s.records[3], ["", "", "", "", "", "", "律师事务所", "会计师事务所", "税务师事务所"])
        XCTAssertEqual(s.records[5], ["单位数", "合计", "4", "1", "1", "1", "1", "0", "0"])
        XCTAssertEqual(try mergeRanges(xlsx: path, sheet: 2), [
            "A1:I1", "A2:I2", "A3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:I3",
            "A6:A7", "A8:A11", "A12:A15", "A16:A19", "A20:A24",
            "A25:I25", "A26:I26", "A27:I27",
        ])
        XCTAssertThrowsError(try XLSXReader.read(path: path, sheet: "没有这张表")) { e in
            XCTAssertTrue("\(e)".contains("非公企业、社会组织"), "\(e)")
        }
    }
}
