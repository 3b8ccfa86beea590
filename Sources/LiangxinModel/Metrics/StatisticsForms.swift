/// The two 党内统计 tables higher levels expect (DOMAIN.md):
/// "非公有经济控制的企业法人单位建立党的基层组织情况" and "社会组织法人单位建立党的基层组织情况".
///
/// One definition, used by the coverage panel, `report coverage-forms` and the XLSX export. The input is a list of
/// `StatisticsCell`s — units in scope grouped by everything a row or column asks about — so the store can
/// aggregate 100,000 units in SQL and hand over a few hundred cells; `cells(units:…)` builds the same cells from
/// whole records (fixtures, tests, small data) and a test keeps the two in step.
///
/// Which units: units in scope (the `ScopeRule`). The enterprise table takes kind 非公企业 (私营企业, 外商投资企业;
/// 个体工商户 and 专业市场 are not enterprise legal persons); the social table takes kind 社会组织, with 民办学校
/// under 民办非企业单位 and the three 事务所 as their own columns.
///
/// Rows (each a count of units unless it says 个 or 人):
/// - 单位数, of which linked to an instructor;
/// - 已单独建立党组织 (class `own`), split by the type of the organization: 党委 / 党总支 / 党支部 (any other type);
/// - 已建立联合党支部 (class `joint`), of which with ≥3 正式党员, and the number of distinct joint branches (个);
/// - 由行业党组织统建 (class `industry`): counted apart so the four parts add up to 单位数;
/// - 未建立党组织 (no organizational coverage), split 应建未建 (≥3 正式党员) / 仅有个别党员 (some members, fewer than
///   3 正式) / 没有党员 (no 正式 or 预备 member);
/// - supplementary: distinct instructors linked (人), staff and members (正式+预备) of the units with an
///   organization, and of the units with work coverage only (instructor, liaison or 兼合式).
public enum StatisticsForms {
    /// Staff bands for the enterprise columns "职工50人以上" and "职工100人以上".
    public enum StaffBand: Int, CaseIterable, Sendable, Codable, Comparable {
        case under50 = 0, from50 = 1, from100 = 2
        public init(staff: Int) { self = staff >= 100 ? .from100 : (staff >= 50 ? .from50 : .under50) }
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// Members of a unit as the 未建立 rows split them.
    public enum MemberBand: Int, CaseIterable, Sendable, Codable {
        /// No 正式 and no 预备 member.
        case none = 0
        /// Some members, fewer than `Findings.minMembersForOwnBranch` 正式党员.
        case few = 1
        /// At least `Findings.minMembersForOwnBranch` 正式党员 (enough for an own branch).
        case enough = 2

        public init(full: Int, probationary: Int) {
            if full >= Findings.minMembersForOwnBranch { self = .enough }
            else { self = full + probationary > 0 ? .few : .none }
        }
    }

    /// The type bucket of an own organization: 党委, 党总支, or 党支部 (every other type).
    public enum OwnOrgBucket: Int, CaseIterable, Sendable, Codable {
        case committee = 0, generalBranch = 1, branch = 2
        public init(_ t: OrgType) {
            switch t {
            case .committee: self = .committee
            case .generalBranch: self = .generalBranch
            default: self = .branch
            }
        }
    }

    public enum Row: String, CaseIterable, Sendable, Codable {
        case units, withInstructor
        case own, ownCommittee, ownGeneralBranch, ownBranch
        case joint, jointEnoughMembers, jointBranches
        case industry
        case none, noneShouldForm, noneFewMembers, noneNoMembers
        case supplement, instructors, orgStaff, orgMembers, workOnlyStaff, workOnlyMembers

        public var label: String {
            switch self {
            case .units: return "单位数"
            case .withInstructor: return "其中：联系党建工作指导员的"
            case .own: return "已单独建立党组织的单位"
            case .ownCommittee: return "建立党委的"
            case .ownGeneralBranch: return "建立党总支的"
            case .ownBranch: return "建立党支部的"
            case .joint: return "已建立联合党支部的单位"
            case .jointEnoughMembers: return "其中：有3名以上正式党员的"
            case .jointBranches: return "联合党支部数（个）"
            case .industry: return "由行业党组织统建的单位"
            case .none: return "未建立党组织的单位"
            case .noneShouldForm: return "应建未建（3名以上正式党员）"
            case .noneFewMembers: return "仅有个别党员的"
            case .noneNoMembers: return "没有党员的"
            case .supplement: return "补充资料"
            case .instructors: return "党建工作指导员（人）"
            case .orgStaff: return "已建党组织单位在岗职工（人）"
            case .orgMembers: return "已建党组织单位党员（人）"
            case .workOnlyStaff: return "仅工作覆盖单位在岗职工（人）"
            case .workOnlyMembers: return "仅工作覆盖单位党员（人）"
            }
        }

        public var labelEn: String {
            switch self {
            case .units: return "Units"
            case .withInstructor: return "of which: with an instructor"
            case .own: return "Own organization formed"
            case .ownCommittee: return "party committee"
            case .ownGeneralBranch: return "general branch"
            case .ownBranch: return "branch"
            case .joint: return "In a joint branch"
            case .jointEnoughMembers: return "of which: ≥3 full members"
            case .jointBranches: return "Joint branches (number)"
            case .industry: return "Built by an industry committee"
            case .none: return "No party organization"
            case .noneShouldForm: return "should form (≥3 full members)"
            case .noneFewMembers: return "only a few members"
            case .noneNoMembers: return "no members"
            case .supplement: return "Supplementary"
            case .instructors: return "Instructors (people)"
            case .orgStaff: return "Staff in units with an org"
            case .orgMembers: return "Members in units with an org"
            case .workOnlyStaff: return "Staff in work-coverage-only units"
            case .workOnlyMembers: return "Members in work-coverage-only units"
            }
        }

        /// Indentation level in the printed table.
        public var depth: Int {
            switch self {
            case .units, .own, .joint, .industry, .none, .supplement: return 0
            default: return 1
            }
        }

        /// A heading without figures.
        public var isHeading: Bool { self == .supplement }
    }

    /// Units in scope sharing every attribute the two tables ask about, with their sums and the distinct joint
    /// branches and instructors among them (distinct counts do not add up across cells, so the ids travel along).
    public struct Cell: Hashable, Sendable {
        public var category: UnitCategory
        public var staffBand: StaffBand
        public var legalRepMember: Bool
        public var acficMember: Bool
        public var coverage: CoverageClass
        /// The type bucket of the organization when `coverage == .own`, else nil.
        public var ownBucket: OwnOrgBucket?
        public var memberBand: MemberBand
        public var units: Int
        public var withInstructor: Int
        public var staff: Int
        /// 正式 + 预备.
        public var members: Int
        /// Ids of the joint branches covering these units (only for `coverage == .joint`).
        public var jointOrgIds: Set<Int64>
        public var instructorIds: Set<Int64>

        public init(category: UnitCategory, staffBand: StaffBand, legalRepMember: Bool, acficMember: Bool,
                    coverage: CoverageClass, ownBucket: OwnOrgBucket?, memberBand: MemberBand, units: Int = 0,
                    withInstructor: Int = 0, staff: Int = 0, members: Int = 0, jointOrgIds: Set<Int64> = [],
                    instructorIds: Set<Int64> = []) {
            self.category = category; self.staffBand = staffBand; self.legalRepMember = legalRepMember
            self.acficMember = acficMember; self.coverage = coverage; self.ownBucket = ownBucket
            self.memberBand = memberBand; self.units = units; self.withInstructor = withInstructor; self.staff = staff
            self.members = members; self.jointOrgIds = jointOrgIds; self.instructorIds = instructorIds
        }

        /// The grouping key (everything but the sums).
        var key: String {
            "\(category.rawValue)|\(staffBand.rawValue)|\(legalRepMember)|\(acficMember)|\(coverage.rawValue)|\(ownBucket?.rawValue ?? -1)|\(memberBand.rawValue)"
        }

        mutating func absorb(_ o: Cell) {
            units += o.units; withInstructor += o.withInstructor; staff += o.staff; members += o.members
            jointOrgIds.formUnion(o.jointOrgIds); instructorIds.formUnion(o.instructorIds)
        }
    }

    /// A column: which units it takes, and its header (full and short, for narrow screens).
    public struct Column: Sendable {
        public var code: String
        public var label: String
        public var short: String
        public var labelEn: String
        public var includes: @Sendable (Cell) -> Bool
    }

    /// One of the two forms, figures computed: `values[row][column]` (nil for a heading row).
    public struct Table: Sendable {
        public var code: String
        public var title: String
        public var titleEn: String
        public var columns: [Column]
        public var rows: [Row]
        public var values: [Row: [Int]]

        public func value(_ row: Row, _ column: Int) -> Int? { values[row]?[column] }
    }

    public static let enterpriseColumns: [Column] = [
        Column(code: "total", label: "合计", short: "合计", labelEn: "Total") { _ in true },
        Column(code: "staff50", label: "职工50人以上", short: "≥50人", labelEn: "Staff ≥50") { $0.staffBand >= .from50 },
        Column(code: "staff100", label: "职工100人以上", short: "≥100人", labelEn: "Staff ≥100") { $0.staffBand >= .from100 },
        Column(code: "legalRepMember", label: "法定代表人是党员", short: "法人党员", labelEn: "Legal rep. member") { $0.legalRepMember },
        Column(code: "acfic", label: "工商联会员企业", short: "工商联", labelEn: "ACFIC member") { $0.acficMember },
        Column(code: "foreignInvested", label: "外商投资企业", short: "外资", labelEn: "Foreign-invested") { $0.category == .foreignInvested },
    ]

    public static let socialColumns: [Column] = [
        Column(code: "total", label: "合计", short: "合计", labelEn: "Total") { _ in true },
        Column(code: "association", label: "社会团体", short: "社团", labelEn: "Associations") { $0.category == .association },
        Column(code: "foundation", label: "基金会", short: "基金会", labelEn: "Foundations") { $0.category == .foundation },
        Column(code: "nonprofit", label: "民办非企业单位", short: "民非", labelEn: "Private non-enterprise") { $0.category == .nonprofit || $0.category == .school },
        Column(code: "lawFirm", label: "律师事务所", short: "律所", labelEn: "Law firms") { $0.category == .lawFirm },
        Column(code: "accountingFirm", label: "会计师事务所", short: "会计所", labelEn: "Accounting firms") { $0.category == .accountingFirm },
        Column(code: "taxFirm", label: "税务师事务所", short: "税务所", labelEn: "Tax firms") { $0.category == .taxFirm },
    ]

    /// The two tables from cells (cells of other kinds are ignored by each table).
    public static func tables(_ cells: [Cell]) -> [Table] { [enterprise(cells), social(cells)] }

    public static func enterprise(_ cells: [Cell]) -> Table {
        compute(code: "enterprise", title: "非公有经济控制的企业法人单位建立党的基层组织情况",
                titleEn: "Party organizations in enterprise legal persons under non-public control",
                columns: enterpriseColumns, cells: cells.filter { $0.category.kind == .enterprise })
    }

    public static func social(_ cells: [Cell]) -> Table {
        compute(code: "social", title: "社会组织法人单位建立党的基层组织情况",
                titleEn: "Party organizations in social organization legal persons",
                columns: socialColumns, cells: cells.filter { $0.category.kind == .social })
    }

    static func compute(code: String, title: String, titleEn: String, columns: [Column], cells: [Cell]) -> Table {
        var values: [Row: [Int]] = [:]
        for (ci, col) in columns.enumerated() {
            let mine = cells.filter(col.includes)
            func units(_ p: (Cell) -> Bool) -> Int { mine.filter(p).reduce(0) { $0 + $1.units } }
            var joint = Set<Int64>(), instructors = Set<Int64>()
            for c in mine {
                joint.formUnion(c.jointOrgIds)
                instructors.formUnion(c.instructorIds)
            }
            let figures: [Row: Int] = [
                .units: units { _ in true },
                .withInstructor: mine.reduce(0) { $0 + $1.withInstructor },
                .own: units { $0.coverage == .own },
                .ownCommittee: units { $0.coverage == .own && $0.ownBucket == .committee },
                .ownGeneralBranch: units { $0.coverage == .own && $0.ownBucket == .generalBranch },
                .ownBranch: units { $0.coverage == .own && $0.ownBucket == .branch },
                .joint: units { $0.coverage == .joint },
                .jointEnoughMembers: units { $0.coverage == .joint && $0.memberBand == .enough },
                .jointBranches: joint.count,
                .industry: units { $0.coverage == .industry },
                .none: units { !$0.coverage.hasOrganization },
                .noneShouldForm: units { !$0.coverage.hasOrganization && $0.memberBand == .enough },
                .noneFewMembers: units { !$0.coverage.hasOrganization && $0.memberBand == .few },
                .noneNoMembers: units { !$0.coverage.hasOrganization && $0.memberBand == .none },
                .instructors: instructors.count,
                .orgStaff: mine.filter { $0.coverage.hasOrganization }.reduce(0) { $0 + $1.staff },
                .orgMembers: mine.filter { $0.coverage.hasOrganization }.reduce(0) { $0 + $1.members },
                .workOnlyStaff: mine.filter { $0.coverage == .workOnly }.reduce(0) { $0 + $1.staff },
                .workOnlyMembers: mine.filter { $0.coverage == .workOnly }.reduce(0) { $0 + $1.members },
            ]
            for (row, v) in figures {
                values[row, default: Array(repeating: 0, count: columns.count)][ci] = v
            }
        }
        return Table(code: code, title: title, titleEn: titleEn, columns: columns, rows: Row.allCases, values: values)
    }

    /// Reference computation from whole records: units in scope on `today`, classified now.
    public static func cells(units: [OrgUnit], orgs: [Int64: PartyOrg], scope: ScopeRule, today: Day) -> [Cell] {
        var map: [String: Cell] = [:]
        for u in units where scope.includes(u, on: today) {
            let org = u.partyOrgId.flatMap { orgs[$0] }
            let cls = CoverageClass.classify(u, org: org)
            var c = Cell(category: u.category, staffBand: StaffBand(staff: u.staff), legalRepMember: u.legalRepMember,
                         acficMember: u.acficMember, coverage: cls,
                         ownBucket: cls == .own ? org.map { OwnOrgBucket($0.orgType) } : nil,
                         memberBand: MemberBand(full: u.fullMembers, probationary: u.probationaryMembers),
                         units: 1, withInstructor: u.instructorId == nil ? 0 : 1, staff: u.staff, members: u.members,
                         jointOrgIds: cls == .joint ? Set([u.partyOrgId!]) : [],
                         instructorIds: u.instructorId.map { Set([$0]) } ?? [])
            if var old = map[c.key] { old.absorb(c); c = old }
            map[c.key] = c
        }
        return map.values.sorted { $0.key < $1.key }
    }

    /// Merges cells with equal keys (the store may return several per key).
    public static func merge(_ cells: [Cell]) -> [Cell] {
        var map: [String: Cell] = [:]
        for c in cells {
            if var old = map[c.key] { old.absorb(c); map[c.key] = old } else { map[c.key] = c }
        }
        return map.values.sorted { $0.key < $1.key }
    }
}
