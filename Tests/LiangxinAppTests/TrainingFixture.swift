import Foundation
import GRDB
import LiangxinModel
import LiangxinStore
import LiangxinTestSupport

/// Ten party organizations and nine sessions whose training figures are counted by hand (today = 2026-11-22).
///
/// Secretaries (org id: secretary, appointed):
///   11 张明 2020-01-01 — 书记轮训 40 (listed twice on it: counted once) + 学习培训班 16 = exactly 56 学时
///   12 李华 2026-06-22 — appointed 5 months ago, untrained: not yet overdue (deadline 2026-12-22)
///   13 王芳 2026-04-22 — appointed 7 months ago; the 书记 row on S1 names her predecessor 赵旧: overdue
///   14 陈刚 2019-03-01 — 专题党课 3 + 宣讲 2 = 5 (his organization's 20 members on S2 are not him)
///   15 刘强 2018-05-01 — trained only in 2025 (60 学时)
///   16 赵敏 — organization revoked 2025-12-01: not counted in 2026
///   17 — no secretary (vacant): counted, on every 2026 list, never overdue
///   18 周敏 2026-01-05 — 专题研讨 2 on 2026-03-10 (trained within 6 months)
///   19 吴磊 2021-03-01 — 学习培训班 16 + 专题党课 3 + 学习培训班 36.5 = 55.5 (short of 56)
///   20 孙磊 2015-03-01 — never trained: overdue
///
/// 2026 (to 11-22): 7 sessions, 577 人次, 139.5 学时 — see TrainingTests for the sums.
enum TrainingFixture {
    static let regions = Fixture.make().regions

    static let orgs: [PartyOrg] = {
        func org(_ id: Int64, _ name: String, _ region: String, _ sec: String?, _ appointed: String?, status: OrgStatus = .normal,
                 revoked: String? = nil) -> PartyOrg {
            PartyOrg(id: id, name: name, orgType: .branch, formation: .independent, regionCode: region, secretaryName: sec,
                     secretaryAppointed: appointed.flatMap { Day($0) }, fullMembers: 5, status: status, revokedOn: revoked.flatMap { Day($0) })
        }
        return [
            org(11, "恒远机械党支部", "990102001", "张明", "2020-01-01"),
            org(12, "东湖商圈联合党支部", "990102001", "李华", "2026-06-22"),
            org(13, "快递物流行业党支部", "990103001", "王芳", "2026-04-22"),
            org(14, "西岭科技党支部", "990103001", "陈刚", "2019-03-01"),
            org(15, "东湖律所党支部", "990102001", "刘强", "2018-05-01"),
            org(16, "已撤销党支部", "990103001", "赵敏", "2017-01-01", status: .revoked, revoked: "2025-12-01"),
            org(17, "启航学校党支部", "990103001", nil, nil),
            org(18, "西岭基金会党支部", "990103001", "周敏", "2026-01-05"),
            org(19, "东湖书店党支部", "990102001", "吴磊", "2021-03-01"),
            org(20, "饱饱外卖联合党支部", "990103001", "孙磊", "2015-03-01"),
        ]
    }()

    static let sessions: [TrainingSession] = {
        func s(_ id: Int64, _ date: String, _ end: String?, _ title: String, _ type: TrainingType, _ mode: TrainingMode,
               _ pt: Int, _ h: Double) -> TrainingSession {
            TrainingSession(id: id, date: Day(date)!, title: title, type: type, mode: mode, organizer: "东湖区委两新工委",
                            audience: "党组织书记", regionCode: "990102", personTimes: pt, hours: h, endDate: end.flatMap { Day($0) })
        }
        return [
            s(1, "2026-03-02", "2026-03-06", "2026年东湖区党组织书记轮训班", .secretaryRotation, .offline, 30, 40),
            s(2, "2026-05-12", "2026-05-13", "两新组织党务骨干培训班", .course, .blended, 50, 16),
            s(3, "2026-03-10", nil, "党建引领发展专题研讨", .seminar, .offline, 12, 2),
            s(4, "2026-07-01", nil, "“七一”专题党课", .partyLecture, .online, 120, 3),
            s(5, "2026-09-15", nil, "新就业群体微宣讲", .outreachTalk, .offline, 300, 2),
            s(6, "2026-10-20", "2026-10-24", "非公企业党组织书记示范培训班", .course, .offline, 40, 40),
            s(7, "2026-11-10", "2026-11-14", "党务工作者能力提升班", .course, .online, 25, 36.5),
            s(8, "2025-05-19", "2025-05-26", "2025年党组织书记培训班", .course, .offline, 60, 60),
            s(9, "2025-11-03", nil, "2025年理论宣讲", .outreachTalk, .offline, 200, 1.5),
        ]
    }()

    static let attendance: [TrainingAttendance] = {
        func sec(_ s: Int64, _ org: Int64, _ name: String) -> TrainingAttendance {
            TrainingAttendance(sessionId: s, partyOrgId: org, personName: name, role: .secretary)
        }
        return [
            sec(1, 11, "张明"), sec(1, 11, "张明"), sec(1, 13, "赵旧"),
            sec(2, 11, "张明"), sec(2, 19, "吴磊"), TrainingAttendance(sessionId: 2, partyOrgId: 14, role: .member, headCount: 20),
            sec(3, 18, "周敏"),
            sec(4, 14, "陈刚"), sec(4, 19, "吴磊"),
            sec(5, 14, "陈刚"), TrainingAttendance(sessionId: 5, role: .publicAttendee, headCount: 250),
            TrainingAttendance(sessionId: 6, partyOrgId: 18, role: .member, headCount: 10),
            sec(7, 19, "吴磊"),
            sec(8, 15, "刘强"),
            TrainingAttendance(sessionId: 9, role: .publicAttendee, headCount: 200),
        ]
    }()

    static func load(into store: Store) throws {
        try store.pool.write { db in
            for r in regions { try r.insert(db) }
        }
        try store.write(source: "fixture") { l in
            for var o in orgs { try l.insert(&o) }
            for var s in sessions { try l.insert(&s) }
            for var a in attendance { try l.insert(&a) }
        }
    }
}
