/// What a column holds, so readers and writers treat it alike: an XLSX writer stores numbers as numbers and
/// dates as dates, an import accepts a date typed the way Excel shows it.
public enum ColumnType: Sendable {
    case text, int, double, date, bool, id
}

extension LedgerKind {
    /// The ledger's name as staff say it.
    public var label: String {
        switch self {
        case .regions: return "行政区划"
        case .instructors: return "党建工作指导员"
        case .partyOrgs: return "党组织"
        case .units: return "两新组织单位"
        case .platforms: return "平台（品牌）"
        case .surveys: return "摸排台账"
        case .activities: return "关爱服务活动"
        case .stations: return "爱心驿站"
        case .stationLogs: return "驿站服务记录"
        case .trainingSessions: return "教育培训"
        case .attendance: return "参训人员"
        case .starEvaluations: return "星级评定"
        }
    }

    /// Accepts the English kind (`units`, `party_orgs`), its short forms, or the Chinese label.
    public static func parse(_ s: String) -> LedgerKind? {
        let l = s.lowercased().replacingOccurrences(of: "-", with: "_")
        if let k = LedgerKind(rawValue: l) { return k }
        let short: [String: LedgerKind] = [
            "orgs": .partyOrgs, "party_org": .partyOrgs, "unit": .units, "surveys": .surveys, "activities": .activities,
            "logs": .stationLogs, "station_log": .stationLogs, "sessions": .trainingSessions, "training": .trainingSessions,
            "attendance": .attendance, "stars": .starEvaluations, "evaluations": .starEvaluations, "instructor": .instructors,
            "platform": .platforms, "station": .stations, "region": .regions,
        ]
        if let k = short[l] { return k }
        return allCases.first { $0.label == s }
    }

    public func type(of column: String) -> ColumnType {
        if column == "id" || column.hasSuffix("_id") { return .id }
        switch column {
        case "org_since", "instructor_since", "planned_date", "registered", "deregistered", "secretary_appointed",
             "revoked_on", "founded", "survey_date", "date", "end_date", "opened", "publicity_start", "publicity_end", "submitted":
            return .date
        case "full_time", "legal_rep_member", "acfic_member", "innovation":
            return .bool
        case "staff", "full_members", "probationary_members", "star_level", "stations", "branch_offices", "workers",
             "members_found", "pocket_members", "members_transferred", "mobile_members", "participants", "people_served",
             "items", "volunteer_times", "count", "person_times", "head_count", "year", "applied_star", "decided_star", "level":
            return .int
        case "latitude", "longitude":
            return .double
        case "hours":
            return self == .trainingSessions ? .double : .text
        default:
            return .text
        }
    }

    /// The columns that identify a record when the file has no id (see README, "Natural keys"): alternatives,
    /// most specific first.
    public var naturalKey: [[String]] {
        switch self {
        case .regions: return [["code"]]
        case .units: return [["credit_code"], ["name", "region_code"]]
        case .instructors, .partyOrgs, .platforms: return [["name", "region_code"]]
        case .stations: return [["name", "region_code", "address"]]
        case .surveys: return [["platform_id", "survey_date"]]
        case .activities, .trainingSessions: return [["date", "title"]]
        case .stationLogs: return [["station_id", "date"]]
        case .attendance: return [["session_id", "party_org_id", "person_name", "role", "head_count"]]
        case .starEvaluations: return [["party_org_id", "year"]]
        }
    }

    /// Header names staff use, per column; the first is the Chinese header `export --headers zh` writes.
    public var aliases: [String: [String]] {
        let region = ["所在地区", "地区", "地区代码", "所属地区", "行政区划代码", "区划代码"]
        let id = ["编号", "系统编号"]
        switch self {
        case .regions:
            return ["code": ["地区代码", "代码", "行政区划代码", "区划代码"], "name": ["地区名称", "名称"],
                    "level": ["层级", "级别"], "parent_code": ["上级代码", "上级地区代码", "上级区划代码"]]
        case .instructors:
            return ["id": id, "name": ["姓名", "指导员姓名", "党建工作指导员", "党建指导员"], "phone": ["电话", "联系电话", "手机", "手机号码"],
                    "employer": ["工作单位", "单位"], "full_time": ["专职", "是否专职"], "visit_frequency": ["走访频次", "联系频次"],
                    "rating": ["考核等次", "评价", "等次"], "region_code": region]
        case .partyOrgs:
            return ["id": id, "name": ["党组织名称", "名称", "组织名称"], "org_type": ["党组织类型", "组织类型", "类型"],
                    "formation": ["组建方式", "建立方式"], "parent_id": ["上级党组织编号"], "region_code": region,
                    "secretary_name": ["书记", "书记姓名", "党组织书记"], "secretary_phone": ["书记电话", "书记联系电话", "联系电话"],
                    "secretary_appointed": ["书记任职日期", "任职日期"], "full_members": ["正式党员", "正式党员数", "党员数", "党员人数"],
                    "probationary_members": ["预备党员", "预备党员数"], "status": ["状态", "组织状态"], "revoked_on": ["撤销日期"],
                    "star_level": ["星级"], "founded": ["成立日期", "建立日期", "组建日期"]]
        case .units:
            return ["id": id, "name": ["单位名称", "名称", "企业名称", "社会组织名称"],
                    "credit_code": ["统一社会信用代码", "社会信用代码", "信用代码"], "kind": ["单位类型", "类型"],
                    "category": ["单位类别", "类别"], "industry": ["行业", "所属行业", "行业类别"], "region_code": region,
                    "address": ["地址", "单位地址", "经营地址", "住所"],
                    "staff": ["职工人数", "在岗职工", "在岗职工数", "职工数", "员工人数", "从业人员数"],
                    "full_members": ["正式党员", "正式党员数", "党员数", "党员人数"], "probationary_members": ["预备党员", "预备党员数"],
                    "legal_rep_member": ["法定代表人是党员", "法定代表人是否党员"], "acfic_member": ["工商联会员", "是否工商联会员"],
                    "sector": ["新就业群体行业", "新业态行业"], "party_org_id": ["党组织编号", "所属党组织编号"],
                    "org_since": ["纳入党组织日期", "组织覆盖日期"], "instructor_id": ["指导员编号", "党建指导员编号"],
                    "instructor_since": ["联系指导员日期", "选派指导员日期"], "reason_not_formed": ["未建立原因", "未建党组织原因"],
                    "planned_date": ["拟建日期", "计划组建日期"], "registered": ["登记日期", "成立日期", "注册日期"],
                    "status": ["状态", "经营状态", "单位状态"], "deregistered": ["注销日期"]]
        case .platforms:
            return ["id": id, "name": ["平台名称", "品牌", "平台（品牌）", "名称"], "sector": ["行业"], "region_code": region,
                    "party_org_id": ["党组织编号", "覆盖党组织编号"]]
        case .surveys:
            return ["id": id, "platform_id": ["平台编号"], "survey_date": ["摸排日期", "日期"], "stations": ["站点网点数", "站点网点", "网点数"],
                    "branch_offices": ["分支机构数", "分支机构"], "workers": ["从业人员数", "从业人员"], "members_found": ["发现党员数", "发现党员"],
                    "pocket_members": ["口袋党员数", "口袋党员"], "members_transferred": ["转入组织关系党员数", "转入组织关系"],
                    "mobile_members": ["流动党员数", "流动党员"], "note": ["备注"]]
        case .activities:
            return ["id": id, "date": ["活动日期", "日期"], "sector": ["行业"], "type": ["活动类型", "类型"], "title": ["活动名称", "名称", "标题"],
                    "organizer": ["主办单位", "组织单位", "举办单位"], "region_code": region, "platform_id": ["平台编号"],
                    "participants": ["参与人数"], "people_served": ["服务人数"], "items": ["发放物品数", "发放物品"],
                    "volunteer_times": ["志愿服务人次"], "award": ["奖项", "表彰名称"], "award_person": ["获奖人"]]
        case .stations:
            return ["id": id, "name": ["驿站名称", "名称"], "kind": ["驿站类型", "类型"], "region_code": region,
                    "host_unit": ["依托单位", "承建单位"], "host_type": ["依托单位类型"], "address": ["地址", "驿站地址"],
                    "latitude": ["纬度"], "longitude": ["经度"], "contact_name": ["联系人"], "contact_phone": ["联系电话", "电话"],
                    "hours": ["开放时间"], "services": ["服务项目", "服务内容"], "opened": ["启用日期", "建成日期"],
                    "status": ["状态", "运行状态"], "status_reason": ["状态原因", "原因"]]
        case .stationLogs:
            return ["id": id, "station_id": ["驿站编号"], "date": ["日期", "服务日期"], "count": ["服务次数", "服务人次", "次数"], "note": ["备注"]]
        case .trainingSessions:
            return ["id": id, "date": ["培训日期", "日期"], "title": ["培训名称", "名称", "班次名称"], "type": ["培训类型", "类型"],
                    "mode": ["培训方式", "方式"], "organizer": ["主办单位", "举办单位"], "audience": ["培训对象", "对象"],
                    "region_code": region, "person_times": ["人次", "参训人次"], "hours": ["学时"],
                    "end_date": ["结束日期", "培训结束日期"]]
        case .attendance:
            return ["id": id, "session_id": ["培训编号"], "party_org_id": ["党组织编号"], "person_name": ["姓名"],
                    "role": ["身份", "角色"], "head_count": ["人数"]]
        case .starEvaluations:
            return ["id": id, "party_org_id": ["党组织编号"], "year": ["年度"], "stage": ["阶段", "环节"], "applied_star": ["申报星级"],
                    "self_scores": ["自评得分"], "reviewer_scores": ["审核得分", "评审得分"], "vetoes": ["否决项", "一票否决"],
                    "evidence": ["佐证材料"], "innovation": ["创新项目"], "decided_star": ["评定星级", "授予星级"],
                    "publicity_start": ["公示开始日期", "公示开始"], "publicity_end": ["公示结束日期", "公示结束"],
                    "submitted": ["申报日期", "提交日期"]]
        }
    }

    /// The Chinese header of a column (its first alias), or the column name when it has none.
    public func chineseHeader(_ column: String) -> String { aliases[column]?.first ?? column }
}

extension LedgerKind {
    /// The table a ledger is stored in.
    public var table: String {
        switch self {
        case .regions: return "region"
        case .instructors: return "instructor"
        case .partyOrgs: return "party_org"
        case .units: return "unit"
        case .platforms: return "platform"
        case .surveys: return "platform_survey"
        case .activities: return "outreach_activity"
        case .stations: return "station"
        case .stationLogs: return "station_log"
        case .trainingSessions: return "training_session"
        case .attendance: return "training_attendance"
        case .starEvaluations: return "star_evaluation"
        }
    }

    /// Column name → position in `columns`.
    var columnIndex: [String: Int] {
        Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    }
}
