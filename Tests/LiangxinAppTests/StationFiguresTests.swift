import Foundation
import GRDB
import XCTest
import LiangxinModel
import LiangxinStore
import TermKit
@testable import LiangxinApp
import LiangxinTestSupport

/// The stations' figures from the store against the hand count of StationFixture, the SQL mirrors against the
/// model's formulas, and the report against both.
final class StationFiguresTests: XCTestCase {
    var tmp: TempDir!
    var store: Store!
    let settings = Settings()

    override func setUpWithError() throws {
        setlocale(LC_ALL, "C.UTF-8")
        tmp = TempDir()
        store = try Store(path: tmp.file("s.sqlite"))
        try StationFixture.load(into: store)
    }

    func testRegisterActivityAgainstTheHandCount() throws {
        let rows = try store.stationRows(StationQuery(), asOf: today, settings: settings, offset: 0, limit: -1)
        // Natural order: region code, then id — 东湖街道 (1, 2, 5), 西岭街道 (3, 4), 南港街道 (6).
        XCTAssertEqual(rows.map { $0.station.id! }, [1, 2, 5, 3, 4, 6])
        let got = Dictionary(uniqueKeysWithValues: rows.map { ($0.station.id!, $0.activity) })
        XCTAssertEqual(got[1], StationActivity(month: 50, year: 111, last: Day("2026-11-20")))
        XCTAssertEqual(got[2], StationActivity(month: 0, year: 20, last: Day("2026-10-23")))
        XCTAssertEqual(got[3], StationActivity(month: 0, year: 20, last: Day("2026-10-22")))
        XCTAssertEqual(got[4], StationActivity(month: 0, year: 0, last: nil))
        XCTAssertEqual(got[5], StationActivity(month: 7, year: 7, last: Day("2026-11-05")))
        XCTAssertEqual(got[6], StationActivity(month: 0, year: 40, last: Day("2026-01-01")))
        let c = try store.stationCounts(StationQuery(), asOf: today, settings: settings)
        XCTAssertEqual(c.total, 6)
        XCTAssertEqual(c.running, 4)
    }

    func testFindingListsIncludingTheStationExactlyThirtyDaysIdle() throws {
        func ids(_ f: StationFinding) throws -> [Int64] {
            try store.stationRows(StationQuery(finding: f), asOf: today, settings: settings, offset: 0, limit: -1).map { $0.station.id! }
        }
        // Station 2's last service, 2026-10-23, is exactly 30 days ago: not idle. Station 3 (31 days) and 4 (never) are.
        XCTAssertEqual(try ids(.idle), [3, 4])
        XCTAssertEqual(try ids(.missingBasic), [3])
        XCTAssertEqual(try ids(.noContact), [3, 4])
        XCTAssertEqual(try store.stationFindingCounts(StationQuery(), asOf: today, settings: settings), [.idle: 2, .missingBasic: 1, .noContact: 2])
        let list = try store.stationFindingRows(StationQuery(), asOf: today, settings: settings, offset: 0, limit: -1)
        XCTAssertEqual(list.map { "\($0.finding.rawValue):\($0.row.station.id!)" },
                       ["idle:3", "idle:4", "missingBasic:3", "noContact:3", "noContact:4"])
        // One day later station 2 turns idle too; with N = 31 station 3 is back within the limit.
        XCTAssertEqual(try store.stationFindingCounts(StationQuery(), asOf: Day("2026-11-23")!, settings: settings)[.idle], 3)
        var s31 = settings
        s31.idleDays = 31
        XCTAssertEqual(try store.stationFindingCounts(StationQuery(), asOf: today, settings: s31)[.idle], 1)
    }

    func testSummaryAgainstTheHandCount() throws {
        let s = try store.stationSummary(regionCode: nil, asOf: today, settings: settings)
        XCTAssertEqual(s.scope?.name, "示例市")
        XCTAssertEqual(s.groups.map(\.region.name), ["东湖区", "西岭区", "南港区"])
        XCTAssertEqual(s.total.total, 6)
        XCTAssertEqual([s.total.running, s.total.paused, s.total.closed], [4, 1, 1])
        XCTAssertEqual(s.total.open24h, 2)
        XCTAssertEqual(s.total.open24hShare.text, "50.00%")
        XCTAssertEqual(s.total.servicesThisMonth, 57)
        XCTAssertEqual(s.total.servicesThisYear, 198)
        XCTAssertEqual(s.byMonth, [50, 0, 12, 0, 0, 0, 0, 0, 5, 74, 57, 0])
        XCTAssertEqual(s.total.findings, [.idle: 2, .missingBasic: 1, .noContact: 2])
        let east = s.groups[0].figures, west = s.groups[1].figures, south = s.groups[2].figures
        XCTAssertEqual([east.total, east.running, west.total, west.running, south.total, south.running], [3, 2, 2, 2, 1, 0])
        XCTAssertEqual(east.services, [.rest: 2, .water: 2, .charging: 2, .hotMeal: 1, .toilet: 1, .heatingCooling: 0, .firstAid: 2,
                                       .umbrella: 0, .reading: 0, .repairTools: 0, .wifi: 1, .talk: 0])
        XCTAssertEqual(west.services.filter { $0.value > 0 }, [.rest: 2, .water: 2, .charging: 1, .hotMeal: 1, .toilet: 1, .firstAid: 1])
        XCTAssertEqual(south.services, [:])
        XCTAssertEqual(east.byKind, [.love: 1, .warmHeart: 1, .partyMass: 1])
        XCTAssertEqual(east.runningByKind, [.love: 1, .warmHeart: 1])
        XCTAssertEqual([east.servicesThisMonth, east.servicesThisYear, west.servicesThisYear, south.servicesThisYear], [57, 138, 20, 40])
        XCTAssertEqual(s.regionsWithoutRunning.map(\.name), ["南港区"])
        // Under one district the streets are the groups.
        let d = try store.stationSummary(regionCode: "990102", asOf: today, settings: settings)
        XCTAssertEqual(d.groups.map(\.region.name), ["东湖街道"])
        XCTAssertEqual(d.total.total, 3)
    }

    /// Each SQL mirror against the model's formula, over every station, on days around the month, year and
    /// idle boundaries and for several thresholds and basic sets.
    func testSQLAgreesWithTheModel() throws {
        try assertSQLAgreesWithModel(store)
    }

    func testSQLAgreesWithTheModelOnTheSampleCity() throws {
        try assertSQLAgreesWithModel(try StationFiguresTests.sample())
    }

    func assertSQLAgreesWithModel(_ store: Store, file: StaticString = #filePath, line: UInt = #line) throws {
        let stations = try store.read { try Station.fetchAll($0) }
        let logs = Dictionary(grouping: try store.read { try StationLog.fetchAll($0) }, by: \.stationId)
        let days = [today, Day("2026-11-01")!, Day("2026-10-31")!, Day("2026-01-01")!, Day("2025-12-31")!, Day("2026-10-23")!]
        let variants: [(Int, [StationService])] = [(30, StationService.defaultBasicSet), (1, [.hotMeal, .wifi]), (365, [])]
        for asOf in days {
            for (idle, basic) in variants {
                var st = Settings()
                st.idleDays = idle
                st.basicServices = basic
                let rows = try store.stationRows(StationQuery(), asOf: asOf, settings: st, offset: 0, limit: -1)
                XCTAssertEqual(rows.count, stations.count, file: file, line: line)
                var expected: [StationFinding: [Int64]] = [:]
                for r in rows {
                    let model = StationActivity(logs: logs[r.station.id!] ?? [], asOf: asOf)
                    XCTAssertEqual(r.activity, model, "station \(r.station.id!) as of \(asOf)", file: file, line: line)
                    for f in StationMetrics.findings(r.station, lastLog: model.last, today: asOf, idleDays: idle, basic: basic) {
                        expected[f, default: []].append(r.station.id!)
                    }
                }
                for f in StationFinding.allCases {
                    let sql = try store.stationRows(StationQuery(finding: f), asOf: asOf, settings: st, offset: 0, limit: -1).map { $0.station.id! }
                    XCTAssertEqual(Set(sql), Set(expected[f] ?? []), "\(f) as of \(asOf), N=\(idle), basic \(basic)", file: file, line: line)
                }
                let s = try store.stationSummary(regionCode: nil, asOf: asOf, settings: st)
                XCTAssertEqual(s.total.servicesThisYear, rows.map(\.activity.year).reduce(0, +), file: file, line: line)
                XCTAssertEqual(s.total.servicesThisMonth, rows.map(\.activity.month).reduce(0, +), file: file, line: line)
                XCTAssertEqual(s.total.open24h, stations.filter { $0.status == .running && StationMetrics.isOpenAllDay($0) }.count, file: file, line: line)
                let model = StationMetrics.serviceCounts(stations)
                for v in StationService.allCases {
                    XCTAssertEqual(s.total.services[v] ?? 0, model[v] ?? 0, "\(v)", file: file, line: line)
                }
                for f in StationFinding.allCases {
                    XCTAssertEqual(s.total.findings[f] ?? 0, expected[f]?.count ?? 0, file: file, line: line)
                }
            }
        }
    }

    /// The sample city's figures as `count_expected.py` counted them (sample-data/EXPECTED.md).
    func testSampleCityMatchesTheIndependentCount() throws {
        let sample = try StationFiguresTests.sample()
        let s = try sample.stationSummary(regionCode: nil, asOf: today, settings: settings)
        XCTAssertEqual(s.total.total, 40)
        XCTAssertEqual(s.total.running, 34)
        XCTAssertEqual(s.total.servicesThisYear, 67034)
        // Stations 26 and 34; station 9 opened on 2026-11-12 and has logged nothing yet, which is not idleness.
        XCTAssertEqual(s.total.findings[.idle], 2)
        XCTAssertEqual(s.regionsWithoutRunning.map(\.name), ["高新区"])
        let idle = try sample.stationRows(StationQuery(finding: .idle), asOf: today, settings: settings, offset: 0, limit: -1)
        XCTAssertEqual(Set(idle.map { $0.station.id! }), [26, 34])
        XCTAssertEqual(idle.first { $0.station.id == 26 }?.activity.last, Day("2026-10-22"))
        XCTAssertEqual(idle.first { $0.station.id == 34 }?.activity.last, Day("2026-09-08"))
        // The boundary station: last log exactly 2026-10-23, not idle.
        let five = try XCTUnwrap(try sample.stationRow(id: 5, asOf: today, settings: settings))
        XCTAssertEqual(five.activity.last, Day("2026-10-23"))
        // The overview counts the same.
        let o = try sample.overview(today: today)
        XCTAssertEqual(o.findings[.idleStation], 2)
        XCTAssertEqual(o.findings[.stationMissingBasic], s.total.findings[.missingBasic])
        XCTAssertEqual(o.servicesByMonth, s.byMonth)
    }

    func testReportShapeAndFiguresFollowTheHandCount() throws {
        let d = try StationsReport.load(store, today: today)
        let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(StationsReport.json(d).utf8)) as? [String: Any])
        XCTAssertEqual(o["schema"] as? String, "liangxin.report.stations/1")
        XCTAssertEqual(o["asOf"] as? String, "2026-11-22")
        let totals = try XCTUnwrap(o["totals"] as? [String: Any])
        XCTAssertEqual(totals["servicesThisYear"] as? Int, 198)
        XCTAssertEqual(totals["servicesThisMonth"] as? Int, 57)
        XCTAssertEqual(totals["servicesByMonth"] as? [Int], [50, 0, 12, 0, 0, 0, 0, 0, 5, 74, 57, 0])
        XCTAssertEqual((totals["open24hShare"] as? NSNumber)?.doubleValue, 50)
        XCTAssertEqual(totals["findings"] as? [String: Int], ["idle": 2, "missingBasic": 1, "noContact": 2])
        let regions = try XCTUnwrap(o["regions"] as? [[String: Any]])
        XCTAssertEqual(regions.map { $0["name"] as? String }, ["东湖区", "西岭区", "南港区"])
        XCTAssertEqual(regions[0]["servicesByMonth"] as? [Int], [10, 0, 0, 0, 0, 0, 0, 0, 5, 66, 57, 0])
        XCTAssertEqual((regions[1]["services"] as? [String: Int])?["充电"], 1)
        XCTAssertEqual((o["regionsWithoutRunningStation"] as? [[String: String]])?.map { $0["name"] }, ["南港区"])
        let stations = try XCTUnwrap(o["stations"] as? [[String: Any]])
        XCTAssertEqual(stations.map { $0["id"] as? Int }, [1, 2, 5, 3, 4, 6])
        let s3 = stations[3]
        XCTAssertEqual(s3["findings"] as? [String], ["idle", "missingBasic", "noContact"])
        XCTAssertEqual(s3["missingBasic"] as? [String], ["充电", "应急药箱"])
        XCTAssertEqual(s3["daysSinceLastService"] as? Int, 31)
        XCTAssertEqual(s3["hasContact"] as? Bool, false)
        XCTAssertEqual(stations[1]["daysSinceLastService"] as? Int, 30)
        XCTAssertEqual(stations[1]["findings"] as? [String], [])
        XCTAssertTrue(stations[4]["lastService"] is NSNull)
        XCTAssertEqual(stations[0]["servicesByMonth"] as? [Int], [10, 0, 0, 0, 0, 0, 0, 0, 0, 51, 50, 0])
        XCTAssertNil(stations[0]["contactPhone"], "phone numbers stay out of reports")

        // An earlier year is counted to its last day; a region narrows by name.
        let y = try StationsReport.load(store, today: today, year: 2025)
        XCTAssertEqual(y.asOf, Day("2025-12-31"))
        XCTAssertEqual(y.summary.total.servicesThisYear, 99)
        let west = try StationsReport.load(store, today: today, region: "西岭区")
        XCTAssertEqual(west.stations.map { $0.station.id! }, [3, 4])
        XCTAssertThrowsError(try StationsReport.load(store, today: today, region: "北极区"))
        XCTAssertThrowsError(try StationsReport.load(store, today: today, year: 2027))

        let csv = StationsReport.csv(d).split(separator: "\n").map(String.init)
        XCTAssertEqual(csv[0], "level,code,name,district,kind,status,hours,services,stations,running,open24h,servicesThisMonth,servicesThisYear,m01,m02,m03,m04,m05,m06,m07,m08,m09,m10,m11,m12,lastService,idle,missingBasic,noContact")
        XCTAssertEqual(csv[1], "total,990100,示例市,,,,,,6,4,2,57,198,50,0,12,0,0,0,0,0,5,74,57,0,,2,1,2")
        XCTAssertEqual(csv[4], "region,990104,南港区,,,,,,1,0,0,0,40,40,0,0,0,0,0,0,0,0,0,0,0,,0,0,0")
        XCTAssertEqual(csv[8], "station,3,\"西岭超市暖\"\"新\"\"驿站\",西岭区,\"暖\"\"新\"\"驿站\",运行,\"08:00-12:00,14:00-20:00\",休息、饮水、如厕,1,1,0,0,20,0,0,12,0,0,0,0,0,0,8,0,0,2026-10-22,1,1,1")
        let md = StationsReport.markdown(d)
        XCTAssertTrue(md.contains("| 东湖区 | 3 | 2 | 1 | 2 | 2 | 2 | 1 | 1 | 0 | 2 | 0 | 0 | 0 | 1 | 0 | 57 | 138 |"), md)
        XCTAssertTrue(md.contains("无运行驿站的地区：南港区"))
    }

    // MARK: sample city, loaded once

    nonisolated(unsafe) static var sampleStore: Store?
    nonisolated(unsafe) static var sampleDir: TempDir?

    static func sample() throws -> Store {
        if let s = sampleStore { return s }
        let dir = TempDir()
        let s = try Store(path: dir.file("sample.sqlite"))
        let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data").path
        _ = try CSVSet.load(directory: csv, into: s, today: today)
        sampleStore = s
        sampleDir = dir
        return s
    }
}
