import Foundation
import GRDB
import LiangxinModel
import LiangxinStore

/// Shared by the store and app tests: one fixture, one place.

/// A fresh directory per test, removed afterwards.
public final class TempDir {
    public let path: String
    public init() {
        path = NSTemporaryDirectory() + "liangxin-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    public func file(_ name: String) -> String { path + "/" + name }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

public let today = Day("2026-11-22")!

/// A small city: two districts, a street in each, and the units, organizations and instructors the coverage
/// tests count by hand (see CoverageFixtureTests for the figures).
public struct Fixture {
    public var units: [OrgUnit] = []
    public var orgs: [PartyOrg] = []
    public var instructors: [Instructor] = []
    public let regions = [
        Region(code: "990100", name: "示例市", level: .city, parentCode: nil),
        Region(code: "990102", name: "东湖区", level: .county, parentCode: "990100"),
        Region(code: "990103", name: "西岭区", level: .county, parentCode: "990100"),
        Region(code: "990102001", name: "东湖街道", level: .street, parentCode: "990102"),
        Region(code: "990103001", name: "西岭街道", level: .street, parentCode: "990103"),
    ]

    public static func make() -> Fixture {
        var f = Fixture()
        f.orgs = [
            PartyOrg(id: 1, name: "恒远机械党支部", orgType: .branch, formation: .independent, regionCode: "990102001", fullMembers: 8, founded: Day("2020-01-01")),
            PartyOrg(id: 2, name: "东湖商圈联合党支部", orgType: .jointBranch, formation: .joint, regionCode: "990102001", fullMembers: 12, founded: Day("2019-05-01")),
            PartyOrg(id: 3, name: "快递物流行业党支部", orgType: .branch, formation: .industry, regionCode: "990103001", fullMembers: 6, founded: Day("2026-03-01")),
            PartyOrg(id: 4, name: "已撤销党支部", orgType: .branch, formation: .independent, regionCode: "990103001", fullMembers: 3, status: .revoked),
            PartyOrg(id: 5, name: "兼合式党支部", orgType: .branch, formation: .embedded, regionCode: "990103001", fullMembers: 4),
        ]
        f.instructors = [Instructor(id: 1, name: "王建国", phone: "13800000001")]
        let d = Day("2018-01-01")!
        f.units = [
            // East: own, joint ×3 (one with 3 members → 应建未建), instructor only, uncovered, deregistered.
            OrgUnit(id: 1, name: "恒远机械", category: .privateEnterprise, regionCode: "990102001", staff: 120, fullMembers: 8, partyOrgId: 1, orgSince: d, registered: d),
            OrgUnit(id: 2, name: "东湖小吃店", category: .individualBusiness, regionCode: "990102001", staff: 4, partyOrgId: 2, orgSince: d, registered: d),
            OrgUnit(id: 3, name: "东湖书店", category: .privateEnterprise, regionCode: "990102001", staff: 15, fullMembers: 3, acficMember: true, partyOrgId: 2, orgSince: d, registered: d),
            OrgUnit(id: 4, name: "东湖律所", category: .lawFirm, regionCode: "990102001", staff: 20, fullMembers: 1, partyOrgId: 2, orgSince: Day("2026-02-01"), registered: d),
            OrgUnit(id: 5, name: "东湖协会", category: .association, regionCode: "990102001", staff: 6, instructorId: 1, instructorSince: d, registered: d),
            OrgUnit(id: 6, name: "东湖商贸", category: .privateEnterprise, regionCode: "990102001", staff: 8, registered: d),
            OrgUnit(id: 7, name: "旧公司", category: .privateEnterprise, regionCode: "990102001", staff: 30, fullMembers: 5, registered: d, status: .deregistered, deregistered: Day("2025-06-30")),
            // West: industry-built courier (org founded this year), revoked org with instructor, embedded, school new this year.
            OrgUnit(id: 8, name: "迅达快递西岭站", category: .privateEnterprise, regionCode: "990103001", staff: 40, sector: .courier, partyOrgId: 3, orgSince: Day("2026-03-01"), registered: d),
            OrgUnit(id: 9, name: "西岭科技", category: .privateEnterprise, regionCode: "990103001", staff: 60, fullMembers: 4, partyOrgId: 4, instructorId: 1, instructorSince: Day("2026-05-01"), registered: d),
            OrgUnit(id: 10, name: "西岭基金会", category: .foundation, regionCode: "990103001", staff: 5, partyOrgId: 5, orgSince: d, registered: d),
            OrgUnit(id: 11, name: "启航培训学校", category: .school, regionCode: "990103001", staff: 25, fullMembers: 2, registered: Day("2026-04-01")),
            OrgUnit(id: 12, name: "饱饱外卖西岭站", category: .individualBusiness, regionCode: "990103001", staff: 3, sector: .delivery, registered: d),
        ]
        return f
    }

    public func load(into store: Store) throws {
        try store.pool.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for r in regions { try r.insert(db) }
        }
        try store.write(source: "fixture") { l in
            for var i in instructors { try l.insert(&i) }
            for var o in orgs { try l.insert(&o) }
            for var u in units { try l.insert(&u) }
        }
    }
}
