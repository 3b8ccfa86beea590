/// How a unit is covered (两个覆盖). One classification, used by every panel, report and test.
public enum CoverageClass: String, CaseIterable, Sendable, Codable {
    case own          // 单独组建
    case joint        // 联合组建
    case industry     // 行业统建
    case workOnly     // 仅工作覆盖 (instructor, liaison, 兼合式)
    case uncovered    // 未覆盖

    public var hasOrganization: Bool { self == .own || self == .joint || self == .industry }
    public var hasWorkCoverage: Bool { self != .uncovered }

    /// Classifies a unit, optionally as it stood on an earlier day (for "against last year").
    /// The store's aggregate SQL mirrors this rule (CoverageSQL); a test keeps the two in step.
    public static func classify(_ unit: OrgUnit, org: PartyOrg?, asOf day: Day? = nil) -> CoverageClass {
        if let org, unit.partyOrgId != nil, org.isActive(on: day) {
            let inTime = day.map { d in (org.founded.map { $0 <= d } ?? true) && (unit.orgSince.map { $0 <= d } ?? true) } ?? true
            if inTime {
                switch org.formation {
                case .independent: return .own
                case .joint: return .joint
                case .industry: return .industry
                case .embedded: return .workOnly
                }
            }
        }
        if unit.instructorId != nil, day.map({ d in unit.instructorSince.map { $0 <= d } ?? true }) ?? true {
            return .workOnly
        }
        return .uncovered
    }
}

/// Which units count (the denominator of every rate). A locality may narrow it, e.g. to "三有" enterprises.
public struct ScopeRule: Hashable, Sendable, Codable {
    /// Deregistered units are out of scope unless this is false.
    public var operatingOnly: Bool
    /// Units of `minStaffKinds` with fewer staff than this are out of scope (0 = no limit).
    public var minStaff: Int
    public var minStaffKinds: [UnitKind]

    public init(operatingOnly: Bool = true, minStaff: Int = 0, minStaffKinds: [UnitKind] = [.enterprise]) {
        self.operatingOnly = operatingOnly; self.minStaff = minStaff; self.minStaffKinds = minStaffKinds
    }

    public static let `default` = ScopeRule()

    public func includes(_ unit: OrgUnit, on day: Day) -> Bool {
        if let r = unit.registered, r > day { return false }
        if operatingOnly && !unit.isOperating(on: day) { return false }
        if minStaff > 0 && minStaffKinds.contains(unit.kind) && unit.staff < minStaff { return false }
        return true
    }

    /// One line for the screen: "范围：运营中单位；非公企业职工≥10人".
    public var summary: String {
        var parts = [operatingOnly ? "运营中单位" : "全部单位（含注销）"]
        if minStaff > 0 && !minStaffKinds.isEmpty { parts.append("\(minStaffKinds.map(\.label).joined(separator: "、"))职工≥\(minStaff)人") }
        return parts.joined(separator: "；")
    }
}

/// Counts of units in scope by coverage class; the three rates derive from them and nothing else.
public struct CoverageCounts: Hashable, Sendable, Codable {
    public var own = 0, joint = 0, industry = 0, workOnly = 0, uncovered = 0

    public init(own: Int = 0, joint: Int = 0, industry: Int = 0, workOnly: Int = 0, uncovered: Int = 0) {
        self.own = own; self.joint = joint; self.industry = industry; self.workOnly = workOnly; self.uncovered = uncovered
    }

    public var inScope: Int { own + joint + industry + workOnly + uncovered }
    public var withOrganization: Int { own + joint + industry }
    public var withWorkCoverage: Int { withOrganization + workOnly }

    /// 党组织覆盖率 = units with a party organization ÷ units in scope.
    public var orgRate: Rate { Rate(withOrganization, inScope) }
    /// 单独组建率 = units with their own organization ÷ units in scope.
    public var ownRate: Rate { Rate(own, inScope) }
    /// 工作覆盖率 = units with organizational or work coverage ÷ units in scope.
    public var workRate: Rate { Rate(withWorkCoverage, inScope) }

    public mutating func add(_ c: CoverageClass, _ n: Int = 1) {
        switch c {
        case .own: own += n
        case .joint: joint += n
        case .industry: industry += n
        case .workOnly: workOnly += n
        case .uncovered: uncovered += n
        }
    }

    public static func + (a: Self, b: Self) -> Self {
        Self(own: a.own + b.own, joint: a.joint + b.joint, industry: a.industry + b.industry,
             workOnly: a.workOnly + b.workOnly, uncovered: a.uncovered + b.uncovered)
    }
}

/// The rows of the category table, as the seeds and the statistics forms group units.
public enum CoverageGroup: String, CaseIterable, Sendable, Codable {
    case all, enterprise, privateEnterprise, foreignInvested, acfic
    case small, individualBusiness, market
    case social, association, foundation, nonprofit, school, intermediary, lawFirm, accountingFirm, taxFirm
    case courierDeliveryRide

    public var label: String {
        switch self {
        case .all: return "两新组织合计"
        case .enterprise: return "非公企业"
        case .privateEnterprise: return "私营企业"
        case .foreignInvested: return "外商投资企业"
        case .acfic: return "工商联会员企业"
        case .small: return "小个专"
        case .individualBusiness: return "个体工商户"
        case .market: return "专业市场"
        case .social: return "社会组织"
        case .association: return "社会团体"
        case .foundation: return "基金会"
        case .nonprofit: return "民办非企业单位"
        case .school: return "民办学校"
        case .intermediary: return "中介组织"
        case .lawFirm: return "律师事务所"
        case .accountingFirm: return "会计师事务所"
        case .taxFirm: return "税务师事务所"
        case .courierDeliveryRide: return "快递外卖网约车行业"
        }
    }

    /// Indentation depth in the category table.
    public var depth: Int {
        switch self {
        case .all: return 0
        case .enterprise, .small, .social, .courierDeliveryRide: return 1
        case .school, .lawFirm, .accountingFirm, .taxFirm: return 3
        default: return 2
        }
    }

    /// The groups a unit with these attributes belongs to.
    public static func groups(category: UnitCategory, acfic: Bool, sector: Sector?) -> [CoverageGroup] {
        var g: [CoverageGroup] = [.all]
        switch category {
        case .privateEnterprise: g += [.enterprise, .privateEnterprise]
        case .foreignInvested: g += [.enterprise, .foreignInvested]
        case .individualBusiness: g += [.small, .individualBusiness]
        case .market: g += [.small, .market]
        case .association: g += [.social, .association]
        case .foundation: g += [.social, .foundation]
        case .nonprofit: g += [.social, .nonprofit]
        case .school: g += [.social, .nonprofit, .school]
        case .lawFirm: g += [.social, .intermediary, .lawFirm]
        case .accountingFirm: g += [.social, .intermediary, .accountingFirm]
        case .taxFirm: g += [.social, .intermediary, .taxFirm]
        }
        if acfic && category.kind == .enterprise { g.append(.acfic) }
        if sector?.isCourierDeliveryRide == true { g.append(.courierDeliveryRide) }
        return g
    }
}

/// One aggregate cell as the store returns it: how many units with these attributes fall in each class.
public struct CoverageCell: Hashable, Sendable {
    public var regionCode: String
    public var category: UnitCategory
    public var acfic: Bool
    public var sector: Sector?
    public var counts: CoverageCounts

    public init(regionCode: String, category: UnitCategory, acfic: Bool, sector: Sector?, counts: CoverageCounts) {
        self.regionCode = regionCode; self.category = category; self.acfic = acfic; self.sector = sector; self.counts = counts
    }
}

public enum CoverageRollup {
    /// Sums cells into category groups (all regions given).
    public static func byGroup(_ cells: [CoverageCell]) -> [CoverageGroup: CoverageCounts] {
        var out: [CoverageGroup: CoverageCounts] = [:]
        for c in cells {
            for g in CoverageGroup.groups(category: c.category, acfic: c.acfic, sector: c.sector) {
                out[g, default: CoverageCounts()] = out[g, default: CoverageCounts()] + c.counts
            }
        }
        return out
    }

    /// Sums cells into the children of `parent` (a cell below a child counts for that child).
    public static func byChild(_ cells: [CoverageCell], of parent: String, tree: RegionTree,
                               group: CoverageGroup = .all) -> [(Region, CoverageCounts)] {
        let sums = RegionCoverage(cells, tree: tree)
        return (tree.children[parent] ?? []).map { ($0, sums.counts($0.code, group: group)) }
    }

    /// Pure reference computation over whole records (fixtures, tests, small data).
    public static func cells(units: [OrgUnit], orgs: [Int64: PartyOrg], scope: ScopeRule, on day: Day,
                             asOf: Day? = nil) -> [CoverageCell] {
        var map: [String: CoverageCell] = [:]
        let d = asOf ?? day
        for u in units where scope.includes(u, on: d) {
            let cls = CoverageClass.classify(u, org: u.partyOrgId.flatMap { orgs[$0] }, asOf: asOf)
            let key = "\(u.regionCode)|\(u.category.rawValue)|\(u.acficMember)|\(u.sector?.rawValue ?? "")"
            var cell = map[key] ?? CoverageCell(regionCode: u.regionCode, category: u.category, acfic: u.acficMember,
                                                sector: u.sector, counts: CoverageCounts())
            cell.counts.add(cls)
            map[key] = cell
        }
        return Array(map.values)
    }
}
