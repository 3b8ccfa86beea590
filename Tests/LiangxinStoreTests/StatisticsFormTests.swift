import Foundation
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The two statistics forms on the hand-counted fixture (Fixtures.swift), and their XLSX read back.
final class StatisticsFormTests: XCTestCase {
    // Enterprises in scope on 2026-11-22 (unit 7 was deregistered in 2025):
    //   1 恒远机械 120 staff, 8 members, own 党支部 (org 1)
    //   3 东湖书店 15 staff, 3 members, joint (org 2), 工商联会员
    //   6 东湖商贸 8 staff, no members, uncovered
    //   8 迅达快递西岭站 40 staff, industry-built (org 3)
    //   9 西岭科技 60 staff, 4 members, org revoked → instructor only (应建未建)
    // Columns: 合计 {1,3,6,8,9}; ≥50 staff {1,9}; ≥100 staff {1}; legal representative a member: none;
    // 工商联会员企业 {3}; 外商投资企业: none.
    static let enterprise: [[Int]] = [
        [5, 2, 1, 0, 1, 0],        // 单位数 合计
        [1, 1, 0, 0, 0, 0],        //   有指导员: 9
        [1, 1, 1, 0, 0, 0],        // 单独建立 小计: 1
        [0, 0, 0, 0, 0, 0],        //   党委
        [0, 0, 0, 0, 0, 0],        //   党总支
        [1, 1, 1, 0, 0, 0],        //   党支部: 1
        [1, 0, 0, 0, 1, 0],        // 联合 小计: 3
        [1, 0, 0, 0, 1, 0],        //   ≥3 正式党员: 3
        [1, 0, 0, 0, 1, 0],        //   联合党支部数: org 2
        [1, 0, 0, 0, 0, 0],        // 行业统建: 8
        [2, 1, 0, 0, 0, 0],        // 未建立 小计: 6, 9
        [1, 1, 0, 0, 0, 0],        //   应建未建: 9
        [0, 0, 0, 0, 0, 0],        //   个别党员
        [1, 0, 0, 0, 0, 0],        //   没有党员: 6
        [1, 1, 0, 0, 0, 0],        // 指导员: {1}
        [175, 120, 120, 0, 15, 0], // 有组织单位职工: 120 + 15 + 40; 工商联 15
        [11, 8, 8, 0, 3, 0],       // 有组织单位党员: 8 + 3 + 0; 工商联 3
        [60, 60, 0, 0, 0, 0],      // 仅工作覆盖职工: 9
        [4, 4, 0, 0, 0, 0],        // 仅工作覆盖党员: 9
    ]
    // Social organizations: 4 东湖律所 (law firm, joint org 2, 1 member, 20 staff); 5 东湖协会 (association,
    // instructor, 6 staff); 10 西岭基金会 (foundation, 兼合式 → work only, 5 staff); 11 启航培训学校 (school →
    // 民办非企业单位, 2 members, uncovered, 25 staff).
    // Columns: 合计, 社会团体, 基金会, 民办非企业单位, 律师事务所, 会计师事务所, 税务师事务所.
    static let social: [[Int]] = [
        [4, 1, 1, 1, 1, 0, 0],     // 单位数: 5, 10, 11, 4
        [1, 1, 0, 0, 0, 0, 0],     //   有指导员: 5
        [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], // 单独建立
        [1, 0, 0, 0, 1, 0, 0],     // 联合 小计: 4
        [0, 0, 0, 0, 0, 0, 0],     //   ≥3 正式党员: none (4 has 1)
        [1, 0, 0, 0, 1, 0, 0],     //   联合党支部数: org 2
        [0, 0, 0, 0, 0, 0, 0],     // 行业统建
        [3, 1, 1, 1, 0, 0, 0],     // 未建立 小计: 5, 10, 11
        [0, 0, 0, 0, 0, 0, 0],     //   应建未建
        [1, 0, 0, 1, 0, 0, 0],     //   个别党员: 11
        [2, 1, 1, 0, 0, 0, 0],     //   没有党员: 5, 10
        [1, 1, 0, 0, 0, 0, 0],     // 指导员: {1}
        [20, 0, 0, 0, 20, 0, 0],   // 有组织单位职工: 4
        [1, 0, 0, 0, 1, 0, 0],     // 有组织单位党员: 4
        [11, 6, 5, 0, 0, 0, 0],    // 仅工作覆盖职工: 5 + 10
        [0, 0, 0, 0, 0, 0, 0],     // 仅工作覆盖党员
    ]

    static let rows: [StatisticsForm.Row] = [
        .init(group: "单位数", label: "合计"),
        .init(group: "单位数", label: "其中：联系党建工作指导员的"),
        .init(group: "已单独建立党组织的单位", label: "小计"),
        .init(group: "已单独建立党组织的单位", label: "建立党委的"),
        .init(group: "已单独建立党组织的单位", label: "建立党总支的"),
        .init(group: "已单独建立党组织的单位", label: "建立党支部的"),
        .init(group: "已建立联合党支部的单位", label: "小计"),
        .init(group: "已建立联合党支部的单位", label: "其中：有3名以上正式党员的"),
        .init(group: "已建立联合党支部的单位", label: "联合党支部数（个）"),
        .init(group: "由行业党组织统建的单位", label: ""),
        .init(group: "未建立党组织的单位", label: "小计"),
        .init(group: "未建立党组织的单位", label: "应建未建（3名以上正式党员）"),
        .init(group: "未建立党组织的单位", label: "仅有个别党员的"),
        .init(group: "未建立党组织的单位", label: "没有党员的"),
        .init(group: "补充资料", label: "党建工作指导员（人）"),
        .init(group: "补充资料", label: "已建党组织单位在岗职工（人）"),
        .init(group: "补充资料", label: "已建党组织单位党员（人）"),
        .init(group: "补充资料", label: "仅工作覆盖单位在岗职工（人）"),
        .init(group: "补充资料", label: "仅工作覆盖单位党员（人）"),
    ]

    func testFormsOnTheFixtureMatchTheHandCount() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("f.sqlite"))
        try Fixture.make().load(into: store)
        let forms = try store.statisticsForms(today: today)
        XCTAssertEqual(forms.enterprise.rows, Self.rows)
        XCTAssertEqual(forms.social.rows, Self.rows)
        XCTAssertEqual(forms.enterprise.values, Self.enterprise)
        XCTAssertEqual(forms.social.values, Self.social)
        XCTAssertEqual(forms.enterprise.columns, [
            .init(group: nil, label: "合计"), .init(group: "其中", label: "职工50人以上"), .init(group: "其中", label: "职工100人以上"),
            .init(group: "其中", label: "法定代表人是党员"), .init(group: "其中", label: "工商联会员企业"),
            .init(group: "其中", label: "外商投资企业"),
        ])
        XCTAssertEqual(forms.social.columns, [
            .init(group: nil, label: "合计"), .init(group: nil, label: "社会团体"), .init(group: nil, label: "基金会"),
            .init(group: nil, label: "民办非企业单位"), .init(group: "中介组织", label: "律师事务所"),
            .init(group: "中介组织", label: "会计师事务所"), .init(group: "中介组织", label: "税务师事务所"),
        ])
        XCTAssertEqual(forms.enterprise.value("应建未建（3名以上正式党员）", "合计"), 1)
        XCTAssertEqual(forms.enterprise.value("由行业党组织统建的单位", "合计"), 1)
        XCTAssertEqual(forms.regionName, "示例市")
        // A region narrows the units: 西岭区 holds enterprises 8 and 9.
        let west = try store.statisticsForms(today: today, region: "990103")
        XCTAssertEqual(west.enterprise.values[0], [2, 1, 0, 0, 0, 0])
        XCTAssertEqual(west.regionName, "西岭区")
    }

    /// The export only lays out the coverage panel's tables: every figure is the `StatisticsForms.Table` one.
    func testTheFormsCopyTheCoverageTables() throws {
        let tmp = TempDir()
        let store = try SampleDB.copy(to: tmp.file("s.sqlite"))
        let forms = try store.statisticsForms(today: today)
        let tables = StatisticsForms.tables(try store.statisticsCells(scope: try store.settings().scope, today: today))
        for (f, t) in [(forms.enterprise, tables[0]), (forms.social, tables[1])] {
            XCTAssertEqual(f.title, t.title)
            XCTAssertEqual(f.columns.map(\.label), t.columns.map(\.label))
            let figures = t.rows.filter { !$0.isHeading }
            XCTAssertEqual(f.values, figures.map { r in t.columns.indices.map { t.value(r, $0)! } }, t.title)
        }
    }

    /// In every column: units = own + joint + industry + none; the three kinds of "none" add up; own splits by type.
    func testTheRowsAddUpOnTheSampleCity() throws {
        let tmp = TempDir()
        let store = try SampleDB.copy(to: tmp.file("s.sqlite"))
        let forms = try store.statisticsForms(today: today)
        for f in [forms.enterprise, forms.social] {
            for c in f.columns.indices {
                let v = f.values.map { $0[c] }
                XCTAssertEqual(v[0], v[2] + v[6] + v[9] + v[10], "\(f.title) column \(c)")
                XCTAssertEqual(v[2], v[3] + v[4] + v[5])
                XCTAssertEqual(v[10], v[11] + v[12] + v[13])
            }
        }
        // The totals agree with the coverage figures of the overview (EXPECTED.md): enterprises in scope 1260,
        // own 589, joint 374, industry 107, work-only 86 + uncovered 104.
        XCTAssertEqual(forms.enterprise.values[0][0], 1260)
        XCTAssertEqual(forms.enterprise.values[2][0], 589)
        XCTAssertEqual(forms.enterprise.values[6][0], 374)
        XCTAssertEqual(forms.enterprise.values[9][0], 107)
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
        XCTAssertEqual(e.records[0], ["非公有经济控制的企业法人单位建立党的基层组织情况"])
        XCTAssertEqual(e.records[1], ["填报单位：示例市　　统计时点：2026-11-22　　统计范围：运营中单位"])
        XCTAssertEqual(e.records[2], ["项目", "", "合计", "其中"])
        XCTAssertEqual(e.records[3], ["", "", "", "职工50人以上", "职工100人以上", "法定代表人是党员", "工商联会员企业", "外商投资企业"])
        XCTAssertEqual(e.records[4], ["甲", "乙", "1", "2", "3", "4", "5", "6"])
        XCTAssertEqual(e.records[5], ["单位数", "合计", "5", "2", "1", "0", "1", "0"])
        XCTAssertEqual(e.records[6], ["", "其中：联系党建工作指导员的", "1", "1", "0", "0", "0", "0"])
        XCTAssertEqual(e.records[11], ["已建立联合党支部的单位", "小计", "1", "0", "0", "0", "1", "0"])
        XCTAssertEqual(e.records[14], ["由行业党组织统建的单位", "", "1", "0", "0", "0", "0", "0"])
        XCTAssertEqual(e.records[16], ["", "应建未建（3名以上正式党员）", "1", "1", "0", "0", "0", "0"])
        XCTAssertEqual(e.records[19], ["补充资料", "党建工作指导员（人）", "1", "1", "0", "0", "0", "0"])
        for (i, row) in Self.enterprise.enumerated() {
            XCTAssertEqual(e.records[5 + i].dropFirst(2).map { Int($0)! }, row, "body row \(i)")
        }
        XCTAssertEqual(e.records.count, 27)
        XCTAssertTrue(e.records[24][0].hasPrefix("注：1."))
        XCTAssertTrue(e.records[26][0].hasPrefix("3. "))
        XCTAssertEqual(try mergeRanges(xlsx: path, sheet: 1), [
            "A1:H1", "A2:H2", "A3:B4", "C3:C4", "D3:H3",
            "A6:A7", "A8:A11", "A12:A14", "A15:B15", "A16:A19", "A20:A24",
            "A25:H25", "A26:H26", "A27:H27",
        ])

        let s = try XLSXReader.read(path: path, sheet: "社会组织")
        XCTAssertEqual(s.records[0], ["社会组织法人单位建立党的基层组织情况"])
        XCTAssertEqual(s.records[2], ["项目", "", "合计", "社会团体", "基金会", "民办非企业单位", "中介组织"])
        XCTAssertEqual(s.records[3], ["", "", "", "", "", "", "律师事务所", "会计师事务所", "税务师事务所"])
        XCTAssertEqual(s.records[4], ["甲", "乙", "1", "2", "3", "4", "5", "6", "7"])
        XCTAssertEqual(s.records[5], ["单位数", "合计", "4", "1", "1", "1", "1", "0", "0"])
        for (i, row) in Self.social.enumerated() {
            XCTAssertEqual(s.records[5 + i].dropFirst(2).map { Int($0)! }, row, "body row \(i)")
        }
        XCTAssertEqual(try mergeRanges(xlsx: path, sheet: 2), [
            "A1:I1", "A2:I2", "A3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:I3",
            "A6:A7", "A8:A11", "A12:A14", "A15:B15", "A16:A19", "A20:A24",
            "A25:I25", "A26:I26", "A27:I27",
        ])
        XCTAssertThrowsError(try XLSXReader.read(path: path, sheet: "没有这张表")) { e in
            XCTAssertTrue("\(e)".contains("非公企业、社会组织"), "\(e)")
        }
    }
}
