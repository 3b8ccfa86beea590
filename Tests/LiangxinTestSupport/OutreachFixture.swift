import Foundation
import GRDB
import LiangxinModel
import LiangxinStore

/// The coverage fixture plus the new-employment ledger: sector units, six platforms, their surveys (one with
/// history, one never surveyed) and nine activities. Today = 2026-11-22, surveys are overdue before 2026-05-22.
/// The figures are counted by hand in LiangxinStoreTests/OutreachSQLTests.
public struct OutreachFixture {
    public var base = Fixture.make()
    public var platforms: [Platform] = []
    public var surveys: [PlatformSurvey] = []
    public var activities: [OutreachActivity] = []

    public static func make() -> OutreachFixture {
        var f = OutreachFixture()
        let d = Day("2018-01-01")!
        f.base.orgs += [
            PartyOrg(id: 6, name: "东湖快递流动党员党支部", orgType: .branch, formation: .industry, regionCode: "990102001", fullMembers: 5, founded: Day("2024-01-01")),
            PartyOrg(id: 7, name: "外卖骑手党支部", orgType: .branch, formation: .industry, regionCode: "990103001", fullMembers: 3,
                     status: .revoked, revokedOn: Day("2026-06-30"), founded: Day("2020-01-01")),
            PartyOrg(id: 8, name: "运通达货运党支部", orgType: .branch, formation: .independent, regionCode: "990103001", fullMembers: 3, founded: Day("2021-01-01")),
        ]
        f.base.units += [
            // courier: 8 (行业统建, from the base fixture) and 13 (instructor only); 14 deregistered, out of scope.
            OrgUnit(id: 13, name: "迅达快递东湖站", category: .individualBusiness, regionCode: "990102001", staff: 12, sector: .courier, instructorId: 1, instructorSince: d, registered: d),
            OrgUnit(id: 14, name: "迅达快递旧站", category: .privateEnterprise, regionCode: "990102001", staff: 9, sector: .courier, registered: d, status: .deregistered, deregistered: Day("2025-06-30")),
            // delivery: 12 (uncovered, base), 15 joint, 19 兼合式 (work coverage only).
            OrgUnit(id: 15, name: "饱饱外卖东湖站", category: .individualBusiness, regionCode: "990102001", staff: 20, sector: .delivery, partyOrgId: 2, orgSince: Day("2025-03-01"), registered: d),
            OrgUnit(id: 19, name: "小满外卖站", category: .individualBusiness, regionCode: "990103001", staff: 6, sector: .delivery, partyOrgId: 5, orgSince: d, registered: d),
            // ride-hailing: industry-built branch 6.
            OrgUnit(id: 16, name: "畅行网约车东湖服务站", category: .privateEnterprise, regionCode: "990102001", staff: 30, sector: .rideHailing, partyOrgId: 6, orgSince: Day("2024-02-01"), registered: d),
            // truck: own branch 8, and one uncovered.
            OrgUnit(id: 17, name: "运通达货运", category: .privateEnterprise, regionCode: "990103001", staff: 50, fullMembers: 3, sector: .truck, partyOrgId: 8, orgSince: d, registered: d),
            OrgUnit(id: 20, name: "满程货运", category: .individualBusiness, regionCode: "990103001", staff: 5, sector: .truck, registered: d),
            // streamer: points at the revoked branch 4, no instructor: uncovered.
            OrgUnit(id: 18, name: "星火直播基地", category: .privateEnterprise, regionCode: "990103001", staff: 15, sector: .streamer, partyOrgId: 4, orgSince: d, registered: d),
        ]
        f.platforms = [
            Platform(id: 1, name: "迅达快递（东湖片区）", sector: .courier, regionCode: "990102", partyOrgId: 6),
            Platform(id: 2, name: "云驰快递（示例市）", sector: .courier, regionCode: "990100"),
            Platform(id: 3, name: "饱饱外卖（示例市）", sector: .delivery, regionCode: "990100", partyOrgId: 7),
            Platform(id: 4, name: "畅行网约车（示例市）", sector: .rideHailing, regionCode: "990100", partyOrgId: 6),
            Platform(id: 5, name: "运通达货运（西岭片区）", sector: .truck, regionCode: "990103", partyOrgId: 8),
            Platform(id: 6, name: "小鹿直播（西岭片区）", sector: .streamer, regionCode: "990103"),
        ]
        func s(_ id: Int64, _ p: Int64, _ date: String, _ st: Int, _ bo: Int, _ w: Int, _ found: Int, _ pocket: Int, _ tr: Int, _ mob: Int) -> PlatformSurvey {
            PlatformSurvey(id: id, platformId: p, surveyDate: Day(date)!, stations: st, branchOffices: bo, workers: w, membersFound: found,
                           pocketMembers: pocket, membersTransferred: tr, mobileMembers: mob)
        }
        f.surveys = [
            s(1, 1, "2025-10-10", 5, 1, 120, 8, 2, 3, 4),
            s(2, 1, "2026-09-15", 6, 1, 140, 10, 3, 6, 5),
            s(3, 2, "2026-01-10", 12, 2, 300, 9, 1, 2, 3),
            s(4, 3, "2026-06-01", 3, 0, 200, 6, 2, 6, 1),
            s(5, 4, "2025-05-01", 0, 0, 420, 10, 3, 4, 5),
            s(6, 4, "2026-05-22", 0, 0, 500, 12, 4, 5, 6),
            s(7, 5, "2026-08-08", 2, 1, 80, 0, 0, 0, 0),
        ]
        f.activities = [
            OutreachActivity(id: 1, date: Day("2025-12-20")!, sector: .courier, type: .care, title: "冬季送温暖", organizer: "东湖区委社会工作部", participants: 10, peopleServed: 50, items: 50),
            OutreachActivity(id: 2, date: Day("2026-01-15")!, sector: .courier, type: .care, title: "迅达快递春节慰问", organizer: "东湖区委社会工作部", regionCode: "990102", platformId: 1, participants: 20, peopleServed: 260, items: 707),
            OutreachActivity(id: 3, date: Day("2026-03-04")!, sector: .courier, type: .award, title: "最美快递员评选", organizer: "示例市委社会工作部", participants: 60, award: "最美快递员", awardPerson: "张三"),
            OutreachActivity(id: 4, date: Day("2026-03-20")!, sector: .delivery, type: .volunteer, title: "外卖骑手志愿服务", organizer: "西岭区委两新工委", participants: 30, peopleServed: 100, volunteerTimes: 45),
            OutreachActivity(id: 5, date: Day("2026-05-10")!, sector: .rideHailing, type: .training, title: "网约车司机培训", organizer: "示例市委社会工作部", participants: 40),
            OutreachActivity(id: 6, date: Day("2026-07-01")!, sector: .courier, type: .volunteer, title: "快递小哥社区志愿服务", organizer: "东湖区委社会工作部", platformId: 1, participants: 25, peopleServed: 80, volunteerTimes: 50),
            OutreachActivity(id: 7, date: Day("2026-09-09")!, sector: .streamer, type: .forum, title: "网络主播座谈会", organizer: "高新区委两新工委", participants: 12),
            OutreachActivity(id: 8, date: Day("2026-10-18")!, sector: .truck, type: .award, title: "红色方向盘评选", organizer: "西岭区委两新工委", platformId: 5, participants: 50, award: "红色方向盘", awardPerson: "李四"),
            OutreachActivity(id: 9, date: Day("2026-11-05")!, sector: .delivery, type: .survey, title: "外卖平台摸排", organizer: "西岭区委两新工委", participants: 6),
        ]
        return f
    }

    public func load(into store: Store) throws {
        try base.load(into: store)
        try store.write(source: "fixture") { l in
            for var p in platforms { try l.insert(&p) }
            for var s in surveys { try l.insert(&s) }
            for var a in activities { try l.insert(&a) }
        }
    }
}
