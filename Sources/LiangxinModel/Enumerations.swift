/// Every enumeration of the domain stores its Chinese label as the raw value: that is what staff type,
/// what the ledgers and upward reports say, and what a `sqlite3` user reads in the file.
public protocol DomainEnum: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String, AllCases: RandomAccessCollection {}

extension DomainEnum {
    public var label: String { rawValue }

    /// Parses the Chinese label or the English code name (case-insensitive), so a CSV may use either.
    public static func parse(_ text: String) -> Self? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let v = Self(rawValue: t) { return v }
        let lower = t.lowercased()
        return allCases.first { String(describing: $0).lowercased() == lower }
    }

    /// The English identifier (`enterprise`, `joint` …), used by `--lang en` and by JSON reports.
    public var code: String { String(describing: self) }
}

public enum RegionLevel: Int, CaseIterable, Sendable, Codable, Comparable {
    case province = 1, city, county, street, community
    public var label: String { ["省", "市", "县区", "乡镇街道", "社区"][rawValue - 1] }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public enum UnitKind: String, DomainEnum {
    case enterprise = "非公企业"
    case smallIndividual = "小个专"
    case social = "社会组织"
}

public enum UnitCategory: String, DomainEnum {
    case privateEnterprise = "私营企业"
    case foreignInvested = "外商投资企业"
    case individualBusiness = "个体工商户"
    case market = "专业市场"
    case association = "社会团体"
    case foundation = "基金会"
    case nonprofit = "民办非企业单位"
    case school = "民办学校"
    case lawFirm = "律师事务所"
    case accountingFirm = "会计师事务所"
    case taxFirm = "税务师事务所"

    public var kind: UnitKind {
        switch self {
        case .privateEnterprise, .foreignInvested: return .enterprise
        case .individualBusiness, .market: return .smallIndividual
        default: return .social
        }
    }

    /// 中介组织 as the seeds count them.
    public var isIntermediary: Bool { self == .lawFirm || self == .accountingFirm || self == .taxFirm }

    /// The first two characters of a GB 32100 code each category may carry (registrar and type).
    public var creditCodePrefixes: [String] {
        switch self {
        case .privateEnterprise, .foreignInvested: return ["91"]
        case .individualBusiness: return ["92"]
        case .market: return ["91", "92"]
        case .association: return ["51"]
        case .nonprofit, .school: return ["52"]
        case .foundation: return ["53"]
        case .lawFirm: return ["31"]
        case .accountingFirm: return ["91", "31"]
        case .taxFirm: return ["91"]
        }
    }

    public static func categories(of kind: UnitKind) -> [UnitCategory] { allCases.filter { $0.kind == kind } }
}

public enum UnitStatus: String, DomainEnum {
    case operating = "运营"
    case deregistered = "注销"
}

/// 新就业群体 sectors.
public enum Sector: String, DomainEnum {
    case courier = "快递"
    case delivery = "外卖"
    case rideHailing = "网约车"
    case truck = "货车"
    case streamer = "网络主播"

    /// The seeds' "快递外卖网约车行业" row.
    public var isCourierDeliveryRide: Bool { self == .courier || self == .delivery || self == .rideHailing }
}

public enum OrgType: String, DomainEnum {
    case committee = "党委"
    case generalBranch = "党总支"
    case branch = "党支部"
    case jointBranch = "联合党支部"
    case temporaryBranch = "临时党支部"
    case functional = "功能型党组织"
}

/// 组建方式.
public enum Formation: String, DomainEnum {
    case independent = "单独组建"
    case joint = "联合组建"
    case industry = "行业统建"
    case embedded = "兼合式"

    /// Only these give 组织覆盖 (DOMAIN.md); 兼合式 members keep their 组织关系 elsewhere, so it counts as
    /// party work reaching the unit, i.e. 工作覆盖.
    public var givesOrganizationalCoverage: Bool { self != .embedded }
}

public enum OrgStatus: String, DomainEnum {
    case normal = "正常"
    case weak = "软弱涣散"
    case revoked = "撤销"
    public var isActive: Bool { self != .revoked }
}

public enum InstructorRating: String, DomainEnum {
    case excellent = "优秀"
    case competent = "称职"
    case basic = "基本称职"
    case incompetent = "不称职"
}

public enum VisitFrequency: String, DomainEnum {
    case weekly = "每周"
    case fortnightly = "每两周"
    case monthly = "每月"
    case quarterly = "每季度"
}

public enum ReasonNotFormed: String, DomainEnum {
    case tooFewMembers = "党员人数不足"
    case noMembers = "无党员"
    case newlyFounded = "新成立"
    case hardship = "经营困难"
    case other = "其他"
}

public enum ActivityType: String, DomainEnum {
    case care = "关爱慰问"
    case training = "培训"
    case volunteer = "志愿服务"
    case award = "评选表彰"
    case forum = "座谈"
    case survey = "摸排"
}

public enum StationKind: String, DomainEnum {
    case love = "爱心驿站"
    case warmHeart = "暖心驿站"
    case warmNew = "暖\"新\"驿站"
    case red = "红色驿站"
    case partyMass = "党群驿站"
}

public enum StationHostType: String, DomainEnum {
    case supermarket = "商超"
    case bank = "银行"
    case pharmacy = "药店"
    case gasStation = "加油站"
    case partyCenter = "党群服务中心"
    case courierOutlet = "快递网点"
    case communityCenter = "社区服务站"
    case other = "其他"
}

public enum StationStatus: String, DomainEnum {
    case running = "运行"
    case paused = "暂停"
    case closed = "撤销"
}

/// The services checklist ("六能" / "七个一").
public enum StationService: String, DomainEnum {
    case rest = "休息"
    case water = "饮水"
    case charging = "充电"
    case hotMeal = "热饭"
    case toilet = "如厕"
    case heatingCooling = "取暖纳凉"
    case firstAid = "应急药箱"
    case umbrella = "雨具"
    case reading = "阅读"
    case repairTools = "维修工具"
    case wifi = "Wi-Fi"
    case talk = "倾诉"

    public static let defaultBasicSet: [StationService] = [.rest, .water, .charging, .firstAid]
}

public enum TrainingType: String, DomainEnum {
    case course = "学习培训班"
    case partyLecture = "专题党课"
    case thematicStudy = "主题教育集中学习"
    case seminar = "专题研讨"
    case outreachTalk = "宣讲"
    case quiz = "知识竞赛"
    case secretaryRotation = "书记轮训"
    case partyWorkerTraining = "党务工作者培训"

    /// Counts as the "concentrated course" (集中培训) the regulations require of secretaries each year.
    public var isConcentrated: Bool {
        self == .course || self == .secretaryRotation || self == .partyWorkerTraining || self == .thematicStudy
    }
}

public enum TrainingMode: String, DomainEnum {
    case online = "线上"
    case offline = "线下"
    case blended = "线上+线下"
}

public enum AttendeeRole: String, DomainEnum {
    case secretary = "书记"
    case committeeMember = "委员"
    case member = "党员"
    case publicAttendee = "群众"
}

/// Stages of a star application (评星定级).
public enum EvalStage: String, DomainEnum {
    case draft = "草稿"
    case submitted = "自评申报"
    case firstCheck = "初核"
    case review = "审核"
    case publicity = "公示"
    case decided = "授星"
    case returned = "退回"
    case rejected = "不予通过"
}

public enum Lang: String, Sendable, CaseIterable {
    case zh, en
}
