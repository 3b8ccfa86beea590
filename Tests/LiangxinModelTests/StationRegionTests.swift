import XCTest
@testable import LiangxinModel

final class OpeningHoursTests: XCTestCase {
    func testAllDay() {
        for t in ["24h", "24H", " 24h ", "24小时", "全天", "00:00-24:00", "0:00-24:00"] {
            XCTAssertEqual(OpeningHours.parse(t), .allDay, t)
        }
        XCTAssertTrue(OpeningHours.parse("24h")!.isAllDay)
        XCTAssertFalse(OpeningHours.parse("08:00-20:00")!.isAllDay)
    }

    func testRangesInMinutes() {
        // 08:00 = 480, 20:00 = 1200.
        XCTAssertEqual(OpeningHours.parse("08:00-20:00"), .ranges([(480, 1200)]))
        // 08:00–12:00 = 480–720; 14:00–20:00 = 840–1200.
        XCTAssertEqual(OpeningHours.parse("08:00-12:00,14:00-20:00"), .ranges([(480, 720), (840, 1200)]))
        XCTAssertEqual(OpeningHours.parse("08:00-12:00，14:00-20:00"), .ranges([(480, 720), (840, 1200)]))
        // Past midnight: 22:00 = 1320, 06:00 = 360 (end before start).
        XCTAssertEqual(OpeningHours.parse("22:00-06:00"), .ranges([(1320, 360)]))
        // 8:30～17:30 = 510–1050; 24:00 is allowed as an end: 20:00–24:00 = 1200–1440.
        XCTAssertEqual(OpeningHours.parse("8:30～17:30"), .ranges([(510, 1050)]))
        XCTAssertEqual(OpeningHours.parse("20:00-24:00"), .ranges([(1200, 1440)]))
        XCTAssertNotEqual(OpeningHours.parse("08:00-20:00"), .ranges([(480, 1140)]))
        XCTAssertNotEqual(OpeningHours.parse("08:00-20:00"), .allDay)
    }

    func testInvalid() {
        for bad in ["25:00-26:00", "8-20", "08:00-08:00", "", "  ", "08:60-09:00", "08:00", "08:00-09:00-10:00",
                    "08:0-09:00", "24:30-01:00", "08:00-12:00,abc", "早八晚八"] {
            XCTAssertNil(OpeningHours.parse(bad), bad)
        }
    }
}

final class StationServicesTests: XCTestCase {
    func testJoinUsesChecklistOrderAndDropsRepeats() {
        // Checklist order: 休息 饮水 充电 热饭 如厕 取暖纳凉 应急药箱 雨具 阅读 维修工具 Wi-Fi 倾诉.
        XCTAssertEqual(Station.join([.wifi, .rest, .charging, .rest]), "休息、充电、Wi-Fi")
        XCTAssertEqual(Station.join([]), "")
        let s = Station(name: "驿站", kind: .warmNew, regionCode: "990102", services: [.talk, .firstAid, .water])
        XCTAssertEqual(s.services, "饮水、应急药箱、倾诉")
        XCTAssertEqual(s.serviceList, [.water, .firstAid, .talk])
    }

    func testSplitKeepsTextOrderAndAcceptsCodesAndSeparators() {
        XCTAssertEqual(Station.split("Wi-Fi、休息"), [.wifi, .rest])
        XCTAssertEqual(Station.split("充电,饮水；rest|wifi，hotMeal"), [.charging, .water, .rest, .wifi, .hotMeal])
        // Unknown names are dropped; empty text gives nothing.
        XCTAssertEqual(Station.split("休息、按摩、饮水"), [.rest, .water])
        XCTAssertEqual(Station.split(""), [])
        // join ∘ split normalises into checklist order.
        XCTAssertEqual(Station.join(Station.split("倾诉、休息、充电")), "休息、充电、倾诉")
    }
}

final class RegionTreeTests: XCTestCase {
    let tree = CityFixture.tree

    func testLineage() {
        XCTAssertEqual(tree.lineage(of: "990102001").map(\.code), ["990102001", "990102", "990100", "990000"])
        XCTAssertEqual(tree.lineage(of: "990000").map(\.code), ["990000"])
        XCTAssertEqual(tree.lineage(of: "123456"), [])
    }

    func testChildToward() {
        XCTAssertEqual(tree.child(of: "990100", toward: "990102001")?.code, "990102")
        XCTAssertEqual(tree.child(of: "990100", toward: "990103")?.code, "990103")
        XCTAssertEqual(tree.child(of: "990102", toward: "990102002")?.code, "990102002")
        XCTAssertEqual(tree.child(of: "990000", toward: "990103001")?.code, "990100")
        // Not below: another district, the region itself, an unknown code.
        XCTAssertNil(tree.child(of: "990102", toward: "990103001"))
        XCTAssertNil(tree.child(of: "990100", toward: "990100"))
        XCTAssertNil(tree.child(of: "990100", toward: "999999"))
    }

    func testPathNameAndChildren() {
        XCTAssertEqual(tree.path("990102001"), "示例省 › 示例市 › 东湖区 › 东湖街道")
        XCTAssertEqual(tree.path("990100"), "示例省 › 示例市")
        XCTAssertEqual(tree.name("990103"), "西山区")
        XCTAssertEqual(tree.name("999999"), "999999")   // unknown: the code itself
        // Children sorted by code although 西山区 was listed first.
        XCTAssertEqual(tree.children["990100"]?.map(\.name), ["东湖区", "西山区"])
        XCTAssertEqual(tree.roots.map(\.code), ["990000"])
        XCTAssertTrue(Region(code: "990102", name: "东湖区", level: .county, parentCode: "990100").contains("990102001003"))
        XCTAssertFalse(Region(code: "990102", name: "东湖区", level: .county, parentCode: "990100").contains("990103"))
    }

    func testHome() {
        // Province → one city → two districts: home is the city.
        XCTAssertEqual(tree.home?.code, "990100")
        // A single chain goes down to the leaf.
        let chain = RegionTree([
            Region(code: "990100", name: "示例市", level: .city, parentCode: nil),
            Region(code: "990102", name: "东湖区", level: .county, parentCode: "990100"),
            Region(code: "990102001", name: "东湖街道", level: .street, parentCode: "990102"),
        ])
        XCTAssertEqual(chain.home?.code, "990102001")
        // The city at the top with two districts: the city itself; its path has no province.
        let city = RegionTree([
            Region(code: "990103", name: "西山区", level: .county, parentCode: "990100"),
            Region(code: "990100", name: "示例市", level: .city, parentCode: nil),
            Region(code: "990102", name: "东湖区", level: .county, parentCode: "990100"),
        ])
        XCTAssertEqual(city.home?.code, "990100")
        XCTAssertEqual(city.path("990102"), "示例市 › 东湖区")
        // A region whose parent is not loaded counts as a root; roots sorted by code, home starts at the first.
        let orphans = RegionTree([
            Region(code: "990200", name: "乙市", level: .city, parentCode: "990000"),
            Region(code: "990100", name: "甲市", level: .city, parentCode: "990000"),
        ])
        XCTAssertEqual(orphans.roots.map(\.code), ["990100", "990200"])
        XCTAssertEqual(orphans.home?.code, "990100")
        XCTAssertNil(RegionTree([]).home)
    }
}

final class DomainEnumTests: XCTestCase {
    func testParseLabelOrCode() {
        XCTAssertEqual(UnitCategory.parse("律师事务所"), .lawFirm)
        XCTAssertEqual(UnitCategory.parse("LAWFIRM"), .lawFirm)
        XCTAssertEqual(Formation.parse(" 联合组建 "), .joint)
        XCTAssertNil(Formation.parse("联合"))
        XCTAssertEqual(StationKind.parse("暖\"新\"驿站"), .warmNew)
        XCTAssertEqual(UnitCategory.school.code, "school")
        XCTAssertEqual(UnitCategory.school.label, "民办学校")
    }

    func testCategoryKinds() {
        XCTAssertEqual(UnitCategory.categories(of: .enterprise), [.privateEnterprise, .foreignInvested])
        XCTAssertEqual(UnitCategory.categories(of: .smallIndividual), [.individualBusiness, .market])
        XCTAssertEqual(UnitCategory.allCases.filter(\.isIntermediary), [.lawFirm, .accountingFirm, .taxFirm])
        XCTAssertEqual(Sector.allCases.filter(\.isCourierDeliveryRide), [.courier, .delivery, .rideHailing])
    }
}
