import Foundation
import GRDB
import LiangxinModel
import LiangxinStore
import LiangxinTestSupport

/// Six stations over three districts whose figures are counted by hand below (today = 2026-11-22, idle after
/// 30 days, so a last service before 2026-10-23 is idle and one on 2026-10-23 exactly is not).
///
/// | id | station | district | status | hours | services | contact | logs (date ×count) |
/// |---:|---|---|---|---|---|---|---|
/// | 1 | 东湖街道党群服务中心爱心驿站 | 东湖区 | 运行 | 24h | 休息 饮水 充电 热饭 如厕 应急药箱 | 张三 13800000011 | 11-20×30, 11-01×20, 10-31×1, 10-15×50, 01-01×10, 2025-12-31×99 |
/// | 2 | 迅达快递东湖站暖心驿站 | 东湖区 | 运行 | 08:00-20:00 | 休息 饮水 充电 应急药箱 Wi-Fi | 李四 13800000012 | 10-23×15 (exactly 30 days), 09-01×5 |
/// | 3 | 西岭超市暖"新"驿站 | 西岭区 | 运行 | 08:00-12:00,14:00-20:00 | 休息 饮水 如厕 | 王五, no phone | 10-22×8 (31 days), 03-05×12 |
/// | 4 | 西岭银行红色驿站 | 西岭区 | 运行 | 24h | 休息 饮水 充电 热饭 应急药箱 | none | none |
/// | 5 | 东湖药店党群驿站 | 东湖区 | 暂停 (装修) | 09:00-21:00 | 休息 饮水 充电 应急药箱 | 赵六 13800000015 | 11-05×7 |
/// | 6 | 南港加油站爱心驿站 | 南港区 | 撤销 (场地收回) | 24h | 休息 饮水 充电 应急药箱 | 钱七 13800000016 | 01-01×40 |
///
/// Hand counts:
/// - month (2026-11-01…22): s1 30+20 = 50, s5 7 → 57; year 2026: s1 20+30+1+50+10 = 111, s2 15+5 = 20, s3 8+12 = 20,
///   s4 0, s5 7, s6 40 → 198.
/// - by month 2026: Jan s1 10 + s6 40 = 50; Mar 12; Sep 5; Oct s1 1+50 + s2 15 + s3 8 = 74; Nov 57. 50+12+5+74+57 = 198.
/// - running 4 (s1–s4), paused 1, closed 1; open 24h among running: s1, s4 → 2/4 = 50.00%.
/// - idle: s3 (last 10-22), s4 (never logged, opened 2026-09-01, 82 days) → 2; s2 (exactly 30 days) is not. Missing basic: s3 (充电, 应急药箱) → 1.
///   No contact: s3 (no phone), s4 → 2.
/// - districts: 东湖区 s1 s2 s5 → 3 stations, 2 running; 西岭区 s3 s4 → 2, 2 running; 南港区 s6 → 1, 0 running.
///   Regions with no running station: 南港区.
/// - matrix (running): 东湖区 休息2 饮水2 充电2 热饭1 如厕1 应急药箱2 Wi-Fi1; 西岭区 休息2 饮水2 充电1 热饭1 如厕1 应急药箱1.
enum StationFixture {
    static let extraRegions = [
        Region(code: "990104", name: "南港区", level: .county, parentCode: "990100"),
        Region(code: "990104001", name: "南港街道", level: .street, parentCode: "990104"),
    ]

    static var stations: [Station] {
        [
            Station(id: 1, name: "东湖街道党群服务中心爱心驿站", kind: .love, regionCode: "990102001", hostUnit: "东湖街道党群服务中心",
                    hostType: .partyCenter, address: "示例市东湖区长安路1号", contactName: "张三", contactPhone: "13800000011", hours: "24h",
                    services: [.rest, .water, .charging, .hotMeal, .toilet, .firstAid], opened: Day("2024-01-01")),
            Station(id: 2, name: "迅达快递东湖站暖心驿站", kind: .warmHeart, regionCode: "990102001", hostUnit: "迅达快递东湖站",
                    hostType: .courierOutlet, address: "示例市东湖区解放路2号", contactName: "李四", contactPhone: "13800000012",
                    hours: "08:00-20:00", services: [.rest, .water, .charging, .firstAid, .wifi], opened: Day("2025-03-01")),
            Station(id: 3, name: "西岭超市暖\"新\"驿站", kind: .warmNew, regionCode: "990103001", hostUnit: "西岭超市", hostType: .supermarket,
                    address: "示例市西岭区白沙路3号", contactName: "王五", hours: "08:00-12:00,14:00-20:00",
                    services: [.rest, .water, .toilet], opened: Day("2025-06-01")),
            Station(id: 4, name: "西岭银行红色驿站", kind: .red, regionCode: "990103001", hostUnit: "示例银行西岭支行", hostType: .bank,
                    address: "示例市西岭区岭南路4号", hours: "24h", services: [.rest, .water, .charging, .hotMeal, .firstAid],
                    opened: Day("2026-09-01")),
            Station(id: 5, name: "东湖药店党群驿站", kind: .partyMass, regionCode: "990102001", hostUnit: "东湖大药房", hostType: .pharmacy,
                    address: "示例市东湖区桃源路5号", contactName: "赵六", contactPhone: "13800000015", hours: "09:00-21:00",
                    services: [.rest, .water, .charging, .firstAid], opened: Day("2023-05-01"), status: .paused, statusReason: "装修"),
            Station(id: 6, name: "南港加油站爱心驿站", kind: .love, regionCode: "990104001", hostUnit: "示例能源南港加油站", hostType: .gasStation,
                    address: "示例市南港区港湾路6号", contactName: "钱七", contactPhone: "13800000016", hours: "24h",
                    services: [.rest, .water, .charging, .firstAid], opened: Day("2022-01-01"), status: .closed, statusReason: "场地收回"),
        ]
    }

    static var logs: [StationLog] {
        let raw: [(Int64, String, Int)] = [
            (1, "2026-11-20", 30), (1, "2026-11-01", 20), (1, "2026-10-31", 1), (1, "2026-10-15", 50), (1, "2026-01-01", 10), (1, "2025-12-31", 99),
            (2, "2026-10-23", 15), (2, "2026-09-01", 5),
            (3, "2026-10-22", 8), (3, "2026-03-05", 12),
            (5, "2026-11-05", 7),
            (6, "2026-01-01", 40),
        ]
        return raw.map { StationLog(stationId: $0.0, date: Day($0.1)!, count: $0.2) }
    }

    /// The coverage fixture's regions and units, plus 南港区 and the stations and their logs.
    static func load(into store: Store) throws {
        try Fixture.make().load(into: store)
        try store.pool.write { db in for r in extraRegions { try r.insert(db) } }
        try store.write(source: "fixture") { l in
            for var s in stations { try l.insert(&s) }
            for var g in logs { try l.insert(&g) }
        }
    }
}
