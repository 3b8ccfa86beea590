/// One of the 党内统计 tables higher levels expect, as rows × columns of counts with their labels. The same value
/// feeds the XLSX export (laid out like the official form) and any screen that shows it.
public struct StatisticsForm: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        /// The merged heading above (e.g. 其中, 中介组织); nil when the column's label spans both header rows.
        public var group: String?
        public var label: String
    }
    public struct Row: Hashable, Sendable {
        /// The row group (merged down the first label column), e.g. 已单独建立党组织.
        public var group: String
        public var label: String
    }

    public var title: String
    public var columns: [Column]
    public var rows: [Row]
    /// `values[row][column]`.
    public var values: [[Int]]
    public var notes: [String]

    public func value(_ row: String, _ column: String) -> Int? {
        guard let r = rows.firstIndex(where: { $0.label == row || $0.group + $0.label == row }),
              let c = columns.firstIndex(where: { $0.label == column }) else { return nil }
        return values[r][c]
    }
}

/// The two statistics forms of DOMAIN.md: "非公有经济控制的企业法人单位建立党的基层组织情况" and
/// "社会组织法人单位建立党的基层组织情况". One computation for both; they differ only in their columns.
///
/// Rows (for the units in scope on the day, each column a subset of them):
/// - 单位数; 其中 linked to an instructor (有党建工作指导员).
/// - 已单独建立党组织 (coverage class own), split by the organization's type: 党委 / 党总支 / 党支部 (other types).
/// - 已建立联合党支部: units covered jointly or by an industry organization (行业统建 shown on its own line); of them
///   units with ≥3 正式党员; the number of distinct joint organizations (联合组建) covering them.
/// - 未建立党组织 (work coverage only or uncovered): 应建未建 (≥3 正式党员), 仅有个别党员 (fewer than 3 正式党员
///   but at least one member), 没有党员 — these three add up to the subtotal.
/// - 补充资料: instructors linked to the units; staff and members (正式+预备) of units with an organization, and of
///   units with work coverage only.
/// 单位数 = 已单独建立 + 已建立联合 + 未建立, in every column.
public enum StatisticsForms {
    public static let enterpriseTitle = "非公有经济控制的企业法人单位建立党的基层组织情况"
    public static let socialTitle = "社会组织法人单位建立党的基层组织情况"

    public static let rowLabels: [StatisticsForm.Row] = [
        .init(group: "单位数", label: "合计"),
        .init(group: "单位数", label: "其中：有党建工作指导员的"),
        .init(group: "已单独建立党组织的单位", label: "小计"),
        .init(group: "已单独建立党组织的单位", label: "建立党委的"),
        .init(group: "已单独建立党组织的单位", label: "建立党总支的"),
        .init(group: "已单独建立党组织的单位", label: "建立党支部的"),
        .init(group: "已建立联合党支部的单位", label: "小计"),
        .init(group: "已建立联合党支部的单位", label: "其中：正式党员3人以上的"),
        .init(group: "已建立联合党支部的单位", label: "其中：行业统建的"),
        .init(group: "已建立联合党支部的单位", label: "联合党支部数（个）"),
        .init(group: "未建立党组织的单位", label: "小计"),
        .init(group: "未建立党组织的单位", label: "应建未建（正式党员3人以上）"),
        .init(group: "未建立党组织的单位", label: "仅有个别党员"),
        .init(group: "未建立党组织的单位", label: "没有党员"),
        .init(group: "补充资料", label: "党建工作指导员（人）"),
        .init(group: "补充资料", label: "已建党组织单位职工（人）"),
        .init(group: "补充资料", label: "已建党组织单位党员（人）"),
        .init(group: "补充资料", label: "仅工作覆盖单位职工（人）"),
        .init(group: "补充资料", label: "仅工作覆盖单位党员（人）"),
    ]

    static let notes = [
        "注：1. 单位数为统计范围内、统计时点运营的单位；",
        "2. 已建立联合党支部的单位含行业统建党组织覆盖的单位，联合党支部数为覆盖这些单位的联合组建党组织个数；",
        "3. 兼合式党组织覆盖的单位计入未建立党组织的单位（工作覆盖）；应建未建指正式党员3人以上、尚未建立党组织的单位。",
    ]

    public static func enterprise(units: [OrgUnit], orgs: [Int64: PartyOrg], scope: ScopeRule, today: Day) -> StatisticsForm {
        let columns: [(StatisticsForm.Column, (OrgUnit) -> Bool)] = [
            (.init(group: nil, label: "合计"), { _ in true }),
            (.init(group: "其中", label: "职工50人以上的"), { $0.staff >= 50 }),
            (.init(group: "其中", label: "职工100人以上的"), { $0.staff >= 100 }),
            (.init(group: "其中", label: "法定代表人是党员的"), { $0.legalRepMember }),
        ]
        return form(enterpriseTitle, units.filter { $0.kind == .enterprise }, orgs: orgs, scope: scope, today: today, columns: columns)
    }

    public static func social(units: [OrgUnit], orgs: [Int64: PartyOrg], scope: ScopeRule, today: Day) -> StatisticsForm {
        let columns: [(StatisticsForm.Column, (OrgUnit) -> Bool)] = [
            (.init(group: nil, label: "合计"), { _ in true }),
            (.init(group: nil, label: "社会团体"), { $0.category == .association }),
            (.init(group: nil, label: "基金会"), { $0.category == .foundation }),
            (.init(group: nil, label: "民办非企业单位"), { $0.category == .nonprofit || $0.category == .school }),
            (.init(group: "中介组织", label: "律师事务所"), { $0.category == .lawFirm }),
            (.init(group: "中介组织", label: "会计师事务所"), { $0.category == .accountingFirm }),
            (.init(group: "中介组织", label: "税务师事务所"), { $0.category == .taxFirm }),
        ]
        return form(socialTitle, units.filter { $0.kind == .social }, orgs: orgs, scope: scope, today: today, columns: columns)
    }

    static func form(_ title: String, _ units: [OrgUnit], orgs: [Int64: PartyOrg], scope: ScopeRule, today: Day,
                     columns: [(StatisticsForm.Column, (OrgUnit) -> Bool)]) -> StatisticsForm {
        let inScope = units.filter { scope.includes($0, on: today) }
        var values = Array(repeating: Array(repeating: 0, count: columns.count), count: rowLabels.count)
        for (c, (_, member)) in columns.enumerated() {
            var instructors = Set<Int64>()
            var jointOrgs = Set<Int64>()
            for u in inScope where member(u) {
                let org = u.partyOrgId.flatMap { orgs[$0] }
                let cls = CoverageClass.classify(u, org: org)
                values[0][c] += 1
                if let i = u.instructorId { values[1][c] += 1; instructors.insert(i) }
                switch cls {
                case .own:
                    values[2][c] += 1
                    switch org?.orgType {
                    case .committee?: values[3][c] += 1
                    case .generalBranch?: values[4][c] += 1
                    default: values[5][c] += 1
                    }
                case .joint, .industry:
                    values[6][c] += 1
                    if u.fullMembers >= Findings.minMembersForOwnBranch { values[7][c] += 1 }
                    if cls == .industry { values[8][c] += 1 }
                    if cls == .joint, let o = u.partyOrgId { jointOrgs.insert(o) }
                case .workOnly, .uncovered:
                    values[10][c] += 1
                    if u.fullMembers >= Findings.minMembersForOwnBranch { values[11][c] += 1 }
                    else if u.members > 0 { values[12][c] += 1 }
                    else { values[13][c] += 1 }
                }
                if cls.hasOrganization {
                    values[15][c] += u.staff
                    values[16][c] += u.members
                } else if cls == .workOnly {
                    values[17][c] += u.staff
                    values[18][c] += u.members
                }
            }
            values[9][c] = jointOrgs.count
            values[14][c] = instructors.count
        }
        return StatisticsForm(title: title, columns: columns.map(\.0), rows: rowLabels, values: values, notes: notes)
    }
}
