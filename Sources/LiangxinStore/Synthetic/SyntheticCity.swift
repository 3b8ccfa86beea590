import Foundation
import LiangxinModel

/// Generates one city's ledgers in memory, following sample-data/make_sample.py: the same category mix, the
/// same coverage rates per group, the same ways of forming organizations and the same ledgers around them,
/// scaled by the city's size (`scale` = units ÷ the sample's 2485). Figures come out near the sample's rates
/// by probability rather than by exact steering, so the generator can stream a province city by city.
struct SyntheticCity {
    /// Ids are assigned here (first id of each table for this city), so references need no round trip.
    struct Bases {
        var unit: Int64 = 0, org: Int64 = 0, instructor: Int64 = 0, platform: Int64 = 0, survey: Int64 = 0
        var activity: Int64 = 0, station: Int64 = 0, log: Int64 = 0, session: Int64 = 0, attendance: Int64 = 0
        var evaluation: Int64 = 0
    }

    enum Form { case own, joint, industry }

    struct WorkUnit {
        var u: OrgUnit
        var district: Int
        var street: String
        var covered = false
        var form = Form.joint
        /// Covered before this year as a unit, but its coverage dates from this year.
        var late = false
        var platform: Int?
        var shouldForm = false
        var org: Int?
        var instructor: Int?
        var big = 0          // 1 党委-sized, 2 党总支-sized, 3 a 党支部 deliberately over 50
    }

    struct WorkOrg {
        var o: PartyOrg
        var units: [Int] = []
        var children: [Int] = []
        var committee = false
        var childOfUnit = false
        var temporary = false
        var district: Int?
    }

    var rng: SeededRandom
    let today: Day
    let index: Int
    let code: String
    let name: String
    let unitCount: Int
    let scale: Double
    let bases: Bases
    let rubricIds: [Int: Int64]

    // Derived days (the sample's fixed dates, moved with "today").
    let yearStart: Day, lastYearEnd: Day, sixMonthsAgo: Day
    var year: Int { today.year }

    // Output and working state
    var regions: [Region] = []
    var districtCodes: [String] = []
    var streets: [[String]] = []              // per district
    var communities: [String: [String]] = [:] // street → communities
    var regionName: [String: String] = [:]
    var units: [WorkUnit] = []
    var orgs: [WorkOrg] = []
    var committees: [String: Int] = [:]
    var instructors: [Instructor] = []
    var instructorLoad: [Int] = []
    var instructorsByDistrict: [[Int]] = []
    var platforms: [Platform] = []
    var platformModes: [Vocabulary.CoverMode] = []
    var platformDistricts: [Int?] = []
    var platformBrands: [String] = []
    var surveys: [PlatformSurvey] = []
    var activities: [OutreachActivity] = []
    var stations: [Station] = []
    var logs: [StationLog] = []
    var sessions: [TrainingSession] = []
    var attendance: [TrainingAttendance] = []
    var evaluations: [StarEvaluation] = []

    init(seed: UInt64, index: Int, unitCount: Int, today: Day, bases: Bases, rubricIds: [Int: Int64]) {
        // Each city draws from its own stream: a city's content does not depend on the cities before it.
        rng = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03 &+ 1)
        self.today = today
        self.index = index
        self.unitCount = unitCount
        self.scale = Double(unitCount) / 2485
        self.bases = bases
        self.rubricIds = rubricIds
        code = "99" + String(format: "%02d", index + 1) + "00"
        if index == 0 { name = "示例市" } else {
            let f = Vocabulary.cityFirst, s = Vocabulary.citySecond
            name = String(f[(index - 1) % f.count]) + String(s[((index - 1) / f.count) % s.count]) + "市"
        }
        yearStart = today.startOfYear
        lastYearEnd = today.endOfPreviousYear
        sixMonthsAgo = today.adding(months: -6)
    }

    /// A day in [a, b], never after today: nothing in a ledger is dated in the future (plans aside).
    mutating func day(_ a: Day, _ b: Day) -> Day { rng.day(min(a, today), min(b, today)) }

    /// Names that would repeat from city to city (streets and districts share the sample's names) carry the
    /// city's name outside the first city.
    var cityPrefix: String { index == 0 ? "" : name }

    /// `n` scaled to this city's size, rounded.
    func scaled(_ n: Double) -> Int { Int((n * scale).rounded()) }

    /// A fixed day of this year (`yearsBack` = 1: last year), clamped to today.
    func dayOf(_ yearsBack: Int, _ month: Int, _ day: Int) -> Day {
        min(Day(year: year - yearsBack, month: month, day: day)!, today)
    }

    mutating func generate() {
        makeRegions()
        makePlatforms()
        makeUnits()
        decideCoverage()
        assignMembers()
        makeOwnOrgs()
        makeJointBranches()
        makeIndustryBranches()
        datejointAndIndustryMembership()
        plantOddities()
        syncMembers()
        markWeakAndStars()
        appointSecretaries()
        makeInstructors()
        reasonsAndPlans()
        makeSurveysAndActivities()
        makeStations()
        makeTraining()
        makeEvaluations()
    }

    // MARK: regions

    mutating func addRegion(_ code: String, _ name: String, _ level: RegionLevel, _ parent: String?) {
        regions.append(Region(code: code, name: name, level: level, parentCode: parent))
        regionName[code] = name
    }

    mutating func makeRegions() {
        addRegion(code, name, .city, "990000")
        var pool = Vocabulary.communities
        rng.shuffle(&pool)
        for t in Vocabulary.districts {
            let dcode = String(code.prefix(4)) + t.suffix
            addRegion(dcode, t.name, .county, code)
            districtCodes.append(dcode)
            var list: [String] = []
            for (i, sname) in t.streets.enumerated() {
                let scode = dcode + String(format: "%03d", i + 1)
                addRegion(scode, sname, .street, dcode)
                list.append(scode)
                var comms: [String] = []
                if rng.chance(0.55) && !pool.isEmpty {
                    for j in 1...rng.pick([2, 2, 3]) where !pool.isEmpty {
                        let ccode = scode + String(format: "%03d", j)
                        addRegion(ccode, pool.removeLast() + "社区", .community, scode)
                        comms.append(ccode)
                    }
                }
                communities[scode] = comms
            }
            streets.append(list)
        }
    }

    mutating func pickDistrict() -> Int {
        rng.weighted(Vocabulary.districts.enumerated().map { ($0.offset, $0.element.weight) })
    }

    /// A street, or one of its communities half the time.
    mutating func pickPlace(_ d: Int) -> (place: String, street: String) {
        let s = rng.pick(streets[d])
        if let c = communities[s], !c.isEmpty, rng.chance(0.5) { return (rng.pick(c), s) }
        return (s, s)
    }

    func districtName(_ d: Int) -> String { Vocabulary.districts[d].name }
    func districtShort(_ d: Int) -> String { String(districtName(d).dropLast()) }
    func streetShort(_ s: String) -> String {
        let n = regionName[s] ?? ""
        for suffix in ["街道", "镇", "乡"] where n.hasSuffix(suffix) { return String(n.dropLast(suffix.count)) }
        return n
    }

    // MARK: people, places, names

    mutating func person() -> String {
        let s = Vocabulary.surnames, g = Vocabulary.given
        let surname = s[min(Int(pow(rng.unit(), 1.6) * Double(s.count)), s.count - 1)]
        if rng.chance(0.62) { return String(surname) + String(rng.pick(g)) + String(rng.pick(g)) }
        return String(surname) + String(rng.pick(g))
    }

    mutating func phone() -> String {
        var p = rng.pick(Vocabulary.phonePrefixes)
        for _ in 0..<8 { p += String(rng.int(0, 9)) }
        return p
    }

    mutating func address(_ d: Int) -> String {
        let road = rng.pick(Vocabulary.districts[d].roads)
        var a = "\(name)\(districtName(d))\(road)\(Int(pow(rng.unit(), 1.7) * 400) + 1)号"
        let r = rng.unit()
        if r < 0.15 { a += "\(rng.int(1, 12))栋\(rng.int(1, 28) * 100 + rng.int(1, 12))室" }
        else if r < 0.22 { a += "附\(rng.int(1, 9))号" }
        return a
    }

    mutating func zihao() -> String {
        while true {
            let a = rng.pick(Vocabulary.zihaoA), b = rng.pick(Vocabulary.zihaoB)
            if a != b { return String(a) + String(b) }
        }
    }

    // MARK: platforms

    mutating func makePlatforms() {
        let defs = Vocabulary.platforms
        let k = max(5, scaled(30))
        for i in 0..<k {
            let (brand, sector, d, mode) = defs[i % defs.count]
            let round = i / defs.count
            let district = d.map { ($0 + round) % districtCodes.count }
            var pname: String
            if let district {
                pname = district == 5 ? "\(brand)（\(districtName(district))）" : "\(brand)（\(districtShort(district))片区）"
            } else {
                pname = "\(brand)（\(name)）"
            }
            if round > 0 && district == nil { pname += "第\(round + 1)分部" }
            platforms.append(Platform(id: bases.platform + Int64(i) + 1, name: pname, sector: sector,
                                      regionCode: district.map { districtCodes[$0] } ?? code))
            platformModes.append(mode)
            platformDistricts.append(district)
            platformBrands.append(brand)
        }
    }

    // MARK: units

    /// The sample's mix of 2485 units: (category, sector, count).
    static let slots: [(UnitCategory, Sector?, Double)] = [
        (.privateEnterprise, nil, 1150), (.foreignInvested, nil, 70), (.individualBusiness, nil, 620), (.market, nil, 30),
        (.association, nil, 150), (.foundation, nil, 25), (.nonprofit, nil, 110), (.school, nil, 65), (.lawFirm, nil, 55),
        (.accountingFirm, nil, 35), (.taxFirm, nil, 25),
        (.privateEnterprise, .courier, 25), (.individualBusiness, .courier, 25), (.privateEnterprise, .delivery, 20),
        (.individualBusiness, .delivery, 20), (.privateEnterprise, .rideHailing, 20), (.individualBusiness, .rideHailing, 10),
        (.privateEnterprise, .truck, 8), (.individualBusiness, .truck, 7), (.privateEnterprise, .streamer, 8),
        (.individualBusiness, .streamer, 7),
    ]
    static let slotPairs: [(Int, Double)] = slots.enumerated().map { ($0.offset, $0.element.2) }

    /// Registration years weigh recent years more (1 + (y − 1995)^1.3), as in the sample.
    func registrationYears(from lo: Int) -> [(Int, Double)] {
        (max(1995, lo)...(year - 1)).map { ($0, 1 + pow(Double($0 - 1995), 1.3)) }
    }

    mutating func makeUnits() {
        let yearsAll = registrationYears(from: 1995), yearsSector = registrationYears(from: year - 12)
        let derigCutoff = Day(year: year - 2, month: 6, day: 1)!
        for i in 0..<unitCount {
            let slot = SyntheticCity.slots[rng.weighted(SyntheticCity.slotPairs)]
            let category = slot.0, sector = slot.1
            var d = pickDistrict()
            var platform: Int?
            if let sector {
                let candidates = platforms.indices.filter { platforms[$0].sector == sector }
                if !candidates.isEmpty {
                    let p = rng.pick(candidates)
                    platform = p
                    if let pd = platformDistricts[p] { d = pd }
                }
            }
            let (place, street) = pickPlace(d)
            let (uname, industry) = unitName(category, sector: sector, platform: platform, d: d, street: street)
            var u = OrgUnit(id: bases.unit + Int64(i) + 1, name: uname, category: category, industry: industry,
                            regionCode: place, address: address(d), staff: staff(category, sector: sector), sector: sector)
            u.creditCode = creditCode(category, district: districtCodes[d], serial: Int(u.id!))
            if rng.chance(0.05) {
                u.registered = day(yearStart, today.adding(days: -3))
            } else {
                let y = rng.weighted(sector != nil ? yearsSector : yearsAll)
                u.registered = day(Day(year: y, month: 1, day: 1)!, Day(year: y, month: 12, day: 31)!)
            }
            if let r = u.registered, r < derigCutoff, rng.chance(0.033) {
                u.status = .deregistered
                u.deregistered = rng.chance(1.0 / 3) ? day(yearStart, today.adding(days: -2))
                    : day(max(r.adding(days: 400), Day(year: 2019, month: 1, day: 1)!), lastYearEnd)
            }
            if category.kind == .enterprise && sector == nil {
                u.acficMember = rng.chance(0.25 + min(0.45, Double(u.staff) / 800))
            }
            units.append(WorkUnit(u: u, district: d, street: street, platform: platform))
        }
        // A handful of large companies, so 党委 and 党总支 have somewhere to be.
        let big = units.indices.filter { units[$0].u.category == .privateEnterprise && units[$0].u.sector == nil }
            .sorted { (units[$0].u.staff, $1) > (units[$1].u.staff, $0) }
        let sizes = [1980, 1650, 1420, 1200, 980, 860, 760, 700, 640, 600, 560, 520, 500, 480]
        for (k, i) in big.prefix(max(1, scaled(14))).enumerated() {
            units[i].u.staff = max(units[i].u.staff, sizes[k % sizes.count])
        }
    }

    mutating func staff(_ c: UnitCategory, sector: Sector?) -> Int {
        if sector != nil { return c == .privateEnterprise ? rng.int(10, 80) : rng.int(1, 15) }
        func curve(_ lo: Int, _ hi: Int) -> Int { lo + Int(Double(hi - lo) * pow(rng.unit(), 2.2)) }
        switch c {
        case .privateEnterprise: return max(10, min(2000, Int(rng.lognormal(3.4, 0.95))))
        case .foreignInvested: return max(10, min(2000, Int(rng.lognormal(4.3, 0.9))))
        case .individualBusiness:
            return rng.weighted([(1, 14), (2, 22), (3, 18), (4, 13), (5, 10), (6, 7), (7, 5), (8, 4), (9, 2), (10, 2), (12, 2), (15, 1)])
        case .market: return rng.int(5, 15)
        case .association: return curve(3, 30)
        case .foundation: return curve(3, 20)
        case .nonprofit: return curve(5, 120)
        case .school: return curve(20, 300)
        case .lawFirm: return curve(5, 80)
        case .accountingFirm: return curve(5, 60)
        case .taxFirm: return curve(3, 30)
        }
    }

    /// GB 32100: registrar and type by category, the district's code, nine characters that are a bijection of
    /// the unit id (so codes never repeat), and the check character.
    func creditCode(_ c: UnitCategory, district: String, serial: Int) -> String {
        let alphabet = CreditCode.alphabet
        let modulus = 26_439_622_160_671   // 31^9
        var v = (serial * 387_420_489 + 1_234_567_891) % modulus
        var body = ""
        for _ in 0..<9 { body.append(alphabet[v % 31]); v /= 31 }
        let prefix = c == .lawFirm ? "31" : c == .individualBusiness ? "92" : c == .association ? "51"
            : c == .foundation ? "53" : (c == .nonprofit || c == .school) ? "52" : "91"
        let first17 = prefix + district + body
        return first17 + String(CreditCode.checkCharacter(for: first17)!)
    }

    mutating func unitName(_ c: UnitCategory, sector: Sector?, platform: Int?, d: Int, street: String) -> (String, String) {
        let dn = districtName(d)
        if let sector {
            let brand = platform.map { platformBrands[$0] } ?? "示例"
            let ds = districtShort(d), ss = streetShort(street)
            let priv = c == .privateEnterprise
            let industry = sector == .streamer ? "文化体育和娱乐业" : "交通运输仓储和邮政业"
            switch sector {
            case .courier: return (brand + (priv ? ds + ss + "营业部" : ss + rng.pick(["加盟服务点", "代收点", "揽投点"])), industry)
            case .delivery: return (brand + (priv ? ds + ss + "配送站" : ss + "配送点"), industry)
            case .rideHailing:
                return (priv ? brand + ds + rng.pick(["运营服务中心", "司机服务站", "分公司", "运力服务部"]) + (rng.chance(0.5) ? "" : "（\(ss)）")
                        : brand + ss + rng.pick(["加盟车队", "司机之家"]), industry)
            case .truck:
                return (priv ? brand + ds + ss + rng.pick(["配货站", "物流园站点", "运力服务中心"])
                        : dn + String(rng.pick(Array(Vocabulary.surnames.prefix(50)))) + "记货运部", industry)
            case .streamer: return (dn + zihao() + (priv ? "文化传媒有限公司" : "直播工作室"), industry)
            }
        }
        switch c {
        case .privateEnterprise:
            let row = rng.weighted(Vocabulary.enterpriseBusiness.map { ($0, $0.2) })
            let prefix = name + (rng.chance(0.55) ? dn : "")
            let suffix = rng.weighted([("有限公司", 80.0), ("有限责任公司", 12), ("股份有限公司", 8)])
            return (prefix + zihao() + rng.pick(row.1) + suffix, row.0)
        case .foreignInvested:
            let rows = Vocabulary.enterpriseBusiness
            let row = rng.weighted([(rows[0], 5.0), (rows[1], 2), (rows[2], 2), (rows[7], 1), (rows[8], 1)])
            return (rng.pick(Vocabulary.foreignNames) + rng.pick(row.1) + "（\(name)）有限公司", row.0)
        case .individualBusiness:
            let row = rng.weighted(Vocabulary.shops.map { ($0, $0.3) })
            let pre = rng.chance(0.6) ? dn : ""
            let surnames = Array(Vocabulary.surnames.prefix(60))
            if !row.1.isEmpty && rng.chance(0.7) { return (pre + String(rng.pick(surnames)) + row.1 + rng.pick(row.2), row.0) }
            if rng.chance(0.25) { return (pre + String(rng.pick(surnames)) + rng.pick(["姐", "哥", "叔", "嫂"]) + rng.pick(row.2), row.0) }
            return (pre + zihao() + rng.pick(row.2), row.0)
        case .market:
            let n = rng.chance(0.4) ? dn + streetShort(street) + rng.pick(Vocabulary.marketTypes)
                : name + zihao() + rng.pick(Vocabulary.marketTypes)
            return (n, "租赁和商务服务业")
        case .association:
            if rng.chance(0.12) { return (name + rng.pick(Vocabulary.chambers) + "商会", "公共管理、社会保障和社会组织") }
            let pre = rng.chance(0.6) ? name : dn
            let suffix = rng.weighted([("协会", 70.0), ("商会", 8), ("联合会", 8), ("研究会", 8), ("促进会", 6)])
            return (pre + rng.pick(Vocabulary.associationFields) + suffix, "公共管理、社会保障和社会组织")
        case .foundation:
            return (name + zihao() + rng.pick(Vocabulary.foundationAims) + "基金会", "公共管理、社会保障和社会组织")
        case .nonprofit:
            let row = rng.pick(Vocabulary.nonprofits)
            return ((rng.chance(0.4) ? name : dn) + zihao() + rng.pick(row.1), row.0)
        case .school:
            return ((rng.chance(0.3) ? name : dn) + zihao() + rng.pick(Vocabulary.schools), "教育")
        case .lawFirm:
            var a = rng.pick(Vocabulary.lawFirst), b = rng.pick(Vocabulary.lawSecond)
            if a == b { a = b; b = "和" }
            return ((rng.chance(0.7) ? name : dn) + String(a) + String(b) + "律师事务所", "法律服务")
        case .accountingFirm:
            let suffix = rng.weighted([("会计师事务所", 50.0), ("会计师事务所有限公司", 30), ("会计师事务所（普通合伙）", 20)])
            return ((rng.chance(0.6) ? name : dn) + zihao() + suffix, "会计审计服务")
        case .taxFirm:
            let suffix = rng.weighted([("税务师事务所有限公司", 70.0), ("税务师事务所", 30)])
            return ((rng.chance(0.6) ? name : dn) + zihao() + suffix, "税务服务")
        }
    }

    // MARK: coverage

    /// Organizational coverage by group, as the sample's seed figures (84.91% 非公企业, 80.83% 工商联, 29.07% 小个专,
    /// 94.53% 社会组织, 98.46% 民办学校, 92.77% 中介组织, 14.14% 快递外卖网约车), solved for each stratum.
    func coverageChance(_ w: WorkUnit) -> Double {
        let u = w.u
        if let s = u.sector {
            guard let p = w.platform, platformModes[p] == .industry else { return 0 }
            return s.isCourierDeliveryRide ? 0.214 : 0.40
        }
        switch u.category {
        case .privateEnterprise, .foreignInvested: return u.acficMember ? 0.808 : 0.933
        case .individualBusiness, .market: return 0.306
        case .school: return 0.985
        case .lawFirm, .accountingFirm, .taxFirm: return 0.928
        default: return 0.943
        }
    }

    mutating func decideCoverage() {
        for i in units.indices where units[i].u.status == .operating {
            let p = coverageChance(units[i])
            let newThisYear = (units[i].u.registered ?? yearStart) >= yearStart
            // Units registered this year are less often covered yet.
            units[i].covered = rng.chance(newThisYear ? p * 0.5 : min(0.995, p * 1.025))
            guard units[i].covered else { continue }
            units[i].form = formation(units[i].u)
            if !newThisYear && rng.chance(0.03) { units[i].late = true }
        }
    }

    mutating func formation(_ u: OrgUnit) -> Form {
        if u.sector != nil { return rng.chance(0.8) ? .industry : .joint }
        func split(_ own: Double, _ joint: Double, _ industry: Double) -> Form {
            rng.weighted([(Form.own, own), (.joint, joint), (.industry, industry)])
        }
        switch u.category {
        case .privateEnterprise, .foreignInvested:
            // Larger firms more often have their own branch: about 55% own overall, then 35 joint : 10 industry.
            let own = u.staff >= 50 ? 0.75 : u.staff >= 20 ? 0.55 : 0.35
            return rng.chance(own) ? .own : (rng.chance(0.78) ? .joint : .industry)
        case .market: return rng.chance(0.75) ? .own : .joint
        case .individualBusiness:
            if u.staff >= 6 && rng.chance(0.04) { return .own }
            return rng.chance(0.6) ? .joint : .industry
        case .school: return split(80, 12, 8)
        case .lawFirm: return u.staff >= 8 ? split(40, 15, 45) : split(0, 30, 70)
        case .accountingFirm, .taxFirm: return u.staff >= 8 ? split(35, 30, 35) : split(0, 50, 50)
        default: return u.staff >= 6 ? split(50, 35, 15) : split(0, 70, 30)
        }
    }

    // MARK: members

    mutating func assignMembers() {
        // 应建未建: a few joint- or industry-covered units and some without any organization have ≥3 members.
        for i in units.indices where units[i].u.status == .operating {
            let w = units[i]
            if w.covered && w.form == .joint && w.u.staff >= 8 { units[i].shouldForm = rng.chance(0.016) }
            else if w.covered && w.form == .industry && w.u.staff >= 8 && w.u.sector == nil { units[i].shouldForm = rng.chance(0.01) }
            else if !w.covered && w.u.staff >= 5 { units[i].shouldForm = rng.chance(0.017) }
        }
        // The largest own-branch enterprises hold 党委 (>100 members) and 党总支 (51–100); a few 党支部 grow past 50.
        let ownOp = units.indices.filter { units[$0].u.status == .operating && units[$0].covered && units[$0].form == .own }
        let ownEnterprises = ownOp.filter { units[$0].u.kind == .enterprise }.sorted { (units[$0].u.staff, $1) > (units[$1].u.staff, $0) }
        let k1 = min(ownEnterprises.count, max(1, scaled(3))), k2 = min(ownEnterprises.count - k1, max(1, scaled(8)))
        for i in ownEnterprises.prefix(k1) { units[i].big = 1 }
        for i in ownEnterprises.dropFirst(k1).prefix(k2) { units[i].big = 2 }
        let ownSocial = ownOp.filter { [.school, .nonprofit].contains(units[$0].u.category) }
            .sorted { (units[$0].u.staff, $1) > (units[$1].u.staff, $0) }
        for i in ownSocial.prefix(max(1, scaled(2))) { units[i].big = 2 }
        var next50 = Array(ownEnterprises.dropFirst(k1 + k2).prefix(max(1, scaled(49))))
        rng.shuffle(&next50)
        for i in next50.prefix(max(1, scaled(5))) { units[i].big = 3 }

        for i in units.indices {
            var u = units[i].u
            let w = units[i]
            if u.status == .operating && w.covered && w.form == .own {
                switch w.big {
                case 1: u.fullMembers = rng.int(105, 180); u.staff = max(u.staff, u.fullMembers * rng.int(4, 9))
                case 2: u.fullMembers = rng.int(55, 98); u.staff = max(u.staff, u.fullMembers * rng.int(4, 9))
                case 3: u.fullMembers = rng.int(51, 62); u.staff = max(u.staff, u.fullMembers * rng.int(3, 6))
                default:
                    let cap = rng.chance(0.25) ? rng.int(12, 46) : rng.int(5, 18)
                    u.fullMembers = max(3, min(cap, Int(Double(u.staff) * rng.double(0.04, 0.22) + 0.5)))
                    if u.kind != .enterprise { u.staff = max(u.staff, u.fullMembers + rng.int(0, 6)) }
                }
            } else if w.shouldForm {
                u.fullMembers = rng.int(3, 6)
            } else if u.status == .operating && w.covered {
                u.fullMembers = rng.weighted([(0, 30), (1, 40), (2, 30)])
            } else {
                u.fullMembers = rng.weighted([(0, 56), (1, 28), (2, 16)])
            }
            u.staff = max(u.staff, u.fullMembers)
            units[i].u = u
        }
    }

    func probation(_ full: Int, _ rng: inout SeededRandom) -> Int {
        if full >= 3 { return Int(Double(full) * rng.double(0.03, 0.12) + rng.unit()) }
        return rng.chance(0.04) ? 1 : 0
    }

    // MARK: organizations

    @discardableResult
    mutating func newOrg(_ name: String, _ type: OrgType, _ formation: Formation, region: String, parent: Int? = nil,
                         founded: Day) -> Int {
        let id = bases.org + Int64(orgs.count) + 1
        let o = PartyOrg(id: id, name: name, orgType: type, formation: formation, parentId: parent.map { orgs[$0].o.id! },
                         regionCode: region, founded: founded)
        orgs.append(WorkOrg(o: o, district: districtCodes.firstIndex { region.hasPrefix($0) }))
        if let parent { orgs[parent].children.append(orgs.count - 1) }
        return orgs.count - 1
    }

    mutating func makeCommittees() {
        for (key, label) in [("快递", "快递物流行业党委"), ("互联网", "互联网行业党委"), ("律师", "律师行业党委"), ("财会", "注册会计师行业党委"),
                             ("非公", "非公有制经济组织党委"), ("社会", "社会组织党委"), ("个私", "个体劳动者私营企业协会党委"),
                             ("教育", "民办教育行业党委")] {
            let o = newOrg(name + label, .committee, .industry, region: code,
                           founded: day(Day(year: year - 17, month: 3, day: 1)!, Day(year: year - 7, month: 12, day: 31)!))
            orgs[o].committee = true
            committees[key] = o
        }
    }

    func committeeKey(_ u: OrgUnit) -> String {
        if u.kind == .enterprise { return "非公" }
        if u.category == .school { return "教育" }
        if u.category == .lawFirm { return "律师" }
        if u.category == .accountingFirm || u.category == .taxFirm { return "财会" }
        return u.kind == .smallIndividual ? "个私" : "社会"
    }

    mutating func foundedForUnit(_ u: WorkUnit) -> Day {
        let reg = u.u.registered ?? yearStart
        if reg >= yearStart || u.late { return day(max(yearStart, reg.adding(days: 20)), today.adding(days: -5)) }
        let delay = rng.int(30, 720)
        if reg.adding(days: delay) > lastYearEnd { return day(reg.adding(days: 10), lastYearEnd) }
        return day(max(reg.adding(days: delay), Day(year: 2004, month: 7, day: 1)!), lastYearEnd)
    }

    mutating func makeOwnOrgs() {
        makeCommittees()
        for i in units.indices where units[i].u.status == .operating && units[i].covered && units[i].form == .own {
            let u = units[i].u
            let type: OrgType = units[i].big == 3 ? .branch : u.fullMembers > 100 ? .committee : u.fullMembers > 50 ? .generalBranch : .branch
            let parent = rng.chance(0.3) ? committees[committeeKey(u)] : nil
            let o = newOrg(u.name + type.rawValue, type, .independent, region: u.regionCode, parent: parent, founded: foundedForUnit(units[i]))
            orgs[o].units.append(i)
            orgs[o].o.fullMembers = u.fullMembers
            units[i].org = o
            units[i].u.orgSince = orgs[o].o.founded
            if type == .committee {
                // Branches under an enterprise's own committee: no unit points at them.
                let full = u.fullMembers
                let k = (full + 39) / 40 + rng.int(0, 1)
                var left = full
                for j in 1...k {
                    let part = j == k ? left : min(left - 3 * (k - j), max(3, Int(Double(left) / Double(k - j + 1) * rng.double(0.8, 1.15) + 0.5)))
                    left -= part
                    let f = orgs[o].o.founded!
                    let c = newOrg("\(u.name)第\(Chinese.number(j))党支部", .branch, .independent, region: u.regionCode, parent: o,
                                   founded: day(f, min(today.adding(days: -10), f.adding(days: 900))))
                    orgs[c].o.fullMembers = part
                    orgs[c].childOfUnit = true
                }
            }
        }
    }

    static let kindLabel: [UnitKind: String] = [.enterprise: "非公企业", .smallIndividual: "个体工商户", .social: "社会组织"]

    mutating func makeJointBranches() {
        var made: [(org: Int, street: String, kind: UnitKind)] = []
        for kind in [UnitKind.enterprise, .smallIndividual, .social] {
            for d in districtCodes.indices {
                let list = units.indices.filter {
                    let w = units[$0]
                    return w.u.status == .operating && w.covered && w.form == .joint && w.u.kind == kind && w.district == d
                }.sorted { (units[$0].street, units[$0].u.regionCode, units[$0].u.registered!, $0)
                    < (units[$1].street, units[$1].u.regionCode, units[$1].u.registered!, $1) }
                if list.isEmpty { continue }
                if list.count == 1 { units[list[0]].form = .industry; continue }
                // Chunks of 2–5 units in street order; now and then one that grew to 6–9 (a finding).
                var sizes: [Int] = []
                var left = list.count
                var plant: (at: Int, size: Int)? = nil
                let bigSize = rng.int(6, 9)
                if rng.chance(5.0 / 18) && list.count >= bigSize + 2 { plant = (rng.int(0, 3), bigSize) }
                while left > 0 {
                    if let p = plant, sizes.count >= p.at, left >= p.size, left - p.size != 1 {
                        sizes.append(p.size); left -= p.size; plant = nil; continue
                    }
                    if (2...5).contains(left) { sizes.append(left); left = 0; continue }
                    let choices = [(2, 3.0), (3, 4.0), (4, 3.0), (5, 2.0)].filter { left - $0.0 != 1 && left - $0.0 >= 0 }
                    let s = rng.weighted(choices)
                    sizes.append(s)
                    left -= s
                }
                var pos = 0
                for s in sizes {
                    let chunk = Array(list[pos..<(pos + s)])
                    pos += s
                    let street = units[chunk[0]].street
                    let earliest = chunk.map { units[$0].u.registered! }.min()!
                    let founded: Day
                    if rng.chance(0.01) || earliest > Day(year: year - 1, month: 10, day: 1)! {
                        founded = day(max(yearStart, earliest.adding(days: 10)), today.adding(days: -10))
                    } else {
                        founded = day(max(earliest.adding(days: 60), Day(year: 2008, month: 1, day: 1)!), lastYearEnd)
                    }
                    let o = newOrg("", .jointBranch, .joint, region: street, founded: founded)
                    var total = 0
                    for i in chunk { units[i].org = o; orgs[o].units.append(i); total += units[i].u.fullMembers }
                    // A joint branch needs three members: bring a unit up when the chunk has fewer.
                    while total < 3 {
                        let low = chunk.filter { units[$0].u.fullMembers < 2 }
                        let i = rng.pick(low)
                        units[i].u.fullMembers += 1
                        units[i].u.staff = max(units[i].u.staff, units[i].u.fullMembers)
                        total += 1
                    }
                    orgs[o].o.fullMembers = total
                    made.append((o, street, kind))
                }
            }
        }
        // Names: street + kind, with an ordinal where a street has several.
        var count: [String: Int] = [:], seq: [String: Int] = [:]
        for m in made { count["\(m.street)|\(m.kind)", default: 0] += 1 }
        for m in made {
            let key = "\(m.street)|\(m.kind)"
            seq[key, default: 0] += 1
            let ordinal = count[key]! > 1 ? "第\(Chinese.number(seq[key]!))" : ""
            orgs[m.org].o.name = "\(cityPrefix)\(regionName[m.street]!)\(SyntheticCity.kindLabel[m.kind]!)\(ordinal)联合党支部"
        }
    }

    mutating func industryBranch(_ name: String, _ type: OrgType, parent: Int, region: String, chunk: [Int]) -> Int {
        let earliest = chunk.map { units[$0].u.registered! }.min() ?? Day(year: 2015, month: 1, day: 1)!
        let founded: Day
        if earliest > Day(year: year - 1, month: 10, day: 1)! {
            founded = day(max(yearStart, earliest.adding(days: 10)), today.adding(days: -10))
        } else {
            founded = day(max(earliest.adding(days: 30), orgs[parent].o.founded!.adding(days: 30), Day(year: 2012, month: 1, day: 1)!),
                              lastYearEnd)
        }
        let o = newOrg(name, type, .industry, region: region, parent: parent, founded: founded)
        var total = 0
        for i in chunk { units[i].org = o; orgs[o].units.append(i); total += units[i].u.fullMembers }
        orgs[o].o.fullMembers = max(3, total + rng.int(0, 6))
        return o
    }

    mutating func makeIndustryBranches() {
        // Platforms' own branches gather their covered stations and outlets.
        for p in platforms.indices where platformModes[p] == .industry {
            let parent = committees[[Sector.courier, .truck].contains(platforms[p].sector) ? "快递" : "互联网"]!
            let chunk = units.indices.filter {
                units[$0].platform == p && units[$0].u.status == .operating && units[$0].covered && units[$0].form == .industry
            }
            let area = platformDistricts[p].map { cityPrefix + ($0 == 5 ? districtName($0) : districtShort($0) + "片区") } ?? name
            let o = industryBranch("\(platformBrands[p])\(area)\(p >= Vocabulary.platforms.count ? "第二" : "")党支部", .branch,
                                   parent: parent, region: platforms[p].regionCode, chunk: chunk)
            orgs[o].o.fullMembers = max(orgs[o].o.fullMembers, rng.int(4, 14))
            platforms[p].partyOrgId = orgs[o].o.id
        }
        let ride = newOrg("\(name)网约车司机流动党员功能型党支部", .functional, .industry, region: code, parent: committees["互联网"],
                          founded: day(Day(year: year - 4, month: 3, day: 1)!, Day(year: year - 2, month: 12, day: 31)!))
        orgs[ride].o.fullMembers = rng.int(9, 16)
        let streamDistrict = districtCodes[4]
        let stream = newOrg("\(cityPrefix)\(districtName(4))直播电商功能型党组织", .functional, .embedded, region: streamDistrict,
                            founded: day(Day(year: year - 3, month: 5, day: 1)!, Day(year: year - 1, month: 6, day: 30)!))
        orgs[stream].o.fullMembers = rng.int(4, 8)
        for p in platforms.indices {
            if platformModes[p] == .functional { platforms[p].partyOrgId = orgs[ride].o.id }
            if platformModes[p] == .embeddedFunctional { platforms[p].partyOrgId = orgs[stream].o.id }
        }

        // Everything else industry-built: by district and industry, by sector, or by profession city-wide.
        var keys: [String] = []
        var groups: [String: [Int]] = [:]
        for i in units.indices where units[i].covered && units[i].form == .industry && units[i].org == nil && units[i].u.status == .operating {
            let u = units[i].u
            let key: String
            if let s = u.sector { key = "sector|\(s.rawValue)" }
            else if u.kind == .enterprise || u.kind == .smallIndividual {
                key = "\(u.kind.rawValue)|\(units[i].district)|\(Vocabulary.industryLabel(u.industry ?? ""))"
            } else if u.category == .lawFirm { key = "律师" }
            else if u.category == .accountingFirm || u.category == .taxFirm { key = "财会" }
            else if u.category == .school { key = "教育" }
            else { key = "社会|\(units[i].district)" }
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(i)
        }
        for key in keys {
            var list = groups[key]!
            let parts = key.split(separator: "|").map(String.init)
            switch parts[0] {
            case UnitKind.enterprise.rawValue, UnitKind.smallIndividual.rawValue, "社会":
                list.sort { (units[$0].u.regionCode, units[$0].u.registered!, $0) < (units[$1].u.regionCode, units[$1].u.registered!, $1) }
                let d = Int(parts[1])!
                let n = max(1, (list.count + 11) / 12)
                for j in 0..<n {
                    let chunk = Array(list[(j * list.count / n)..<((j + 1) * list.count / n)])
                    let ordinal = n > 1 ? "第\(Chinese.number(j + 1))" : ""
                    let dn = cityPrefix + districtName(d)
                    if parts[0] == UnitKind.enterprise.rawValue {
                        _ = industryBranch("\(dn)\(parts[2])行业\(ordinal)党支部", .branch, parent: committees["非公"]!, region: districtCodes[d], chunk: chunk)
                    } else if parts[0] == UnitKind.smallIndividual.rawValue {
                        _ = industryBranch("\(dn)\(parts[2])个体工商户\(ordinal)党支部", .branch, parent: committees["个私"]!, region: districtCodes[d], chunk: chunk)
                    } else {
                        _ = industryBranch("\(dn)社会组织行业\(ordinal)党支部", .branch, parent: committees["社会"]!, region: districtCodes[d], chunk: chunk)
                    }
                }
            case "sector":
                let sector = Sector(rawValue: parts[1])!
                _ = industryBranch("\(name)\(sector.rawValue)行业流动党员党支部", .branch,
                                   parent: committees[[Sector.courier, .truck].contains(sector) ? "快递" : "互联网"]!, region: code, chunk: list)
            default:
                list.sort { (units[$0].district, units[$0].u.regionCode, $0) < (units[$1].district, units[$1].u.regionCode, $1) }
                let label = ["律师": "律师行业", "财会": "财税中介行业", "教育": "民办教育行业"][key]!
                let n = max(1, Int((Double(list.count) / 6).rounded()))
                for j in 0..<n {
                    let chunk = Array(list[(j * list.count / n)..<((j + 1) * list.count / n)])
                    _ = industryBranch("\(name)\(label)第\(Chinese.number(j + 1))联合党支部", .jointBranch, parent: committees[key]!,
                                       region: code, chunk: chunk)
                }
            }
        }
        // Covered sector units whose platform has no branch of its own are left uncovered by construction
        // (coverageChance is 0 for them), so every covered operating unit has its organization now.
    }

    /// When each unit joined its joint or industry branch.
    mutating func datejointAndIndustryMembership() {
        for i in units.indices {
            guard let o = units[i].org, orgs[o].o.formation != .independent else { continue }
            let reg = units[i].u.registered!
            var delay: Int
            if reg <= lastYearEnd {
                delay = rng.int(15, 400)
                if reg.adding(days: delay) > lastYearEnd { delay = rng.int(0, lastYearEnd.days(since: reg)) }
            } else {
                delay = min(rng.int(15, 200), today.days(since: reg))
            }
            let lo = max(orgs[o].o.founded!, reg.adding(days: delay))
            if lo <= lastYearEnd && units[i].late {
                units[i].u.orgSince = day(max(yearStart, lo), today.adding(days: -3))
            } else if lo > lastYearEnd {
                units[i].u.orgSince = day(lo, today)
            } else {
                units[i].u.orgSince = day(lo, min(lastYearEnd, lo.adding(days: rng.int(0, 1500))))
            }
        }
    }

    /// The sample's edge cases, scaled: units pointing at revoked organizations, 兼合式 branches, temporary
    /// branches, deregistered units with their revoked branch or still listed in a joint branch.
    mutating func plantOddities() {
        var plain = units.indices.filter {
            let w = units[$0]
            return w.u.status == .operating && !w.covered && w.u.kind != .social && w.u.registered! < yearStart && w.u.sector == nil
                && w.org == nil && !w.shouldForm
        }
        rng.shuffle(&plain)
        var taken = Set<Int>()
        // An operating unit still pointing at its own branch, revoked this year.
        for i in plain.filter({ units[$0].u.kind == .enterprise && units[$0].u.staff >= 20 }).prefix(scaled(1)) {
            let f = day(dayOf(0, 1, 10), dayOf(0, 3, 31))
            let o = newOrg(units[i].u.name + "党支部", .branch, .independent, region: units[i].u.regionCode, founded: f)
            orgs[o].o.status = .revoked
            orgs[o].o.revokedOn = day(f.adding(days: 30), today.adding(days: -1))
            orgs[o].o.fullMembers = 3
            orgs[o].units.append(i)
            units[i].u.fullMembers = 3
            units[i].org = o
            units[i].u.orgSince = f
            taken.insert(i)
        }
        // Two operating units still pointing at a joint branch revoked this year.
        for _ in 0..<scaled(1) {
            guard let a = plain.first(where: { !taken.contains($0) }),
                  let b = plain.first(where: { !taken.contains($0) && $0 != a && units[$0].district == units[a].district }) else { break }
            let street = units[a].street
            let o = newOrg(cityPrefix + regionName[street]! + "商户联合党支部", .jointBranch, .joint, region: street,
                           founded: day(Day(year: year - 7, month: 4, day: 1)!, Day(year: year - 4, month: 12, day: 31)!))
            orgs[o].o.status = .revoked
            orgs[o].o.fullMembers = max(3, units[a].u.fullMembers + units[b].u.fullMembers)
            var latest = yearStart
            for i in [a, b] {
                orgs[o].units.append(i)
                units[i].org = o
                units[i].u.orgSince = day(dayOf(0, 1, 5), dayOf(0, 4, 30))
                latest = max(latest, units[i].u.orgSince!)
                taken.insert(i)
            }
            orgs[o].o.revokedOn = day(latest, today)
        }
        // 兼合式 branches in busy streets: three units each, all with instructors (work coverage either way).
        var byStreet: [String: [Int]] = [:]
        var streetOrder: [String] = []
        for i in plain where !taken.contains(i) {
            if byStreet[units[i].street] == nil { streetOrder.append(units[i].street) }
            byStreet[units[i].street, default: []].append(i)
        }
        streetOrder.sort { (byStreet[$0]!.count, $1) > (byStreet[$1]!.count, $0) }
        for s in streetOrder.prefix(scaled(2)) where byStreet[s]!.count >= 3 {
            let group = Array(byStreet[s]!.prefix(3))
            let o = newOrg(cityPrefix + regionName[s]! + "商圈兼合式党支部", .branch, .embedded, region: s,
                           founded: day(Day(year: year - 5, month: 1, day: 1)!, Day(year: year - 2, month: 12, day: 31)!))
            orgs[o].o.fullMembers = group.reduce(0) { $0 + units[$1].u.fullMembers } + rng.int(3, 8)
            for i in group {
                orgs[o].units.append(i)
                units[i].org = o
                units[i].u.orgSince = day(max(orgs[o].o.founded!, units[i].u.registered!), lastYearEnd)
                taken.insert(i)
            }
        }
        // Temporary branches and an old revoked joint branch, without units.
        for k in 0..<scaled(2) {
            let o = newOrg(k % 2 == 0 ? "\(cityPrefix)\(districtName(2))重点项目临时党支部" + (k > 1 ? "（\(k / 2 + 1)）" : "")
                           : "\(name)两新组织党组织书记示范培训班临时党支部" + (k > 1 ? "（\(k / 2 + 1)）" : ""),
                           .temporaryBranch, .embedded, region: k % 2 == 0 ? districtCodes[2] : code,
                           founded: day(yearStart, today.adding(days: -20)))
            orgs[o].o.fullMembers = rng.int(7, 42)
            orgs[o].temporary = true
        }
        for k in 0..<scaled(1) {
            let street = streets[1][min(3, streets[1].count - 1)]
            let o = newOrg("\(cityPrefix)\(regionName[street]!)商贸\(k > 0 ? "第\(Chinese.number(k + 1))" : "")联合党支部", .jointBranch, .joint,
                           region: street, founded: Day(year: year - 14, month: 5, day: 18)!)
            orgs[o].o.status = .revoked
            orgs[o].o.revokedOn = day(Day(year: year - 6, month: 1, day: 1)!, Day(year: year - 2, month: 12, day: 31)!)
            orgs[o].o.fullMembers = 3
        }
        // Deregistered units: some had their own branch (revoked with them), a few are still listed in a joint branch.
        let joints = orgs.indices.filter { orgs[$0].o.formation == .joint && orgs[$0].o.status != .revoked && !orgs[$0].units.isEmpty }
        for i in units.indices where units[i].u.status == .deregistered && units[i].org == nil {
            let dereg = units[i].u.deregistered!, reg = units[i].u.registered!
            if dereg <= lastYearEnd && units[i].u.staff >= 12 && rng.chance(0.16) {
                units[i].u.fullMembers = rng.int(3, 9)
                units[i].u.staff = max(units[i].u.staff, units[i].u.fullMembers)
                let f = day(max(reg.adding(days: 60), Day(year: 2008, month: 1, day: 1)!), dereg.adding(days: -30))
                let o = newOrg(units[i].u.name + "党支部", .branch, .independent, region: units[i].u.regionCode, founded: min(f, dereg))
                orgs[o].o.status = .revoked
                orgs[o].o.revokedOn = dereg
                orgs[o].o.fullMembers = units[i].u.fullMembers
                orgs[o].units.append(i)
                units[i].org = o
                units[i].u.orgSince = orgs[o].o.founded
            } else if rng.chance(0.053) {
                let fits = joints.filter {
                    orgs[$0].district == units[i].district && orgs[$0].o.founded! < dereg.adding(days: -60)
                        && orgs[$0].o.founded! <= lastYearEnd && orgs[$0].units.count <= 5
                }
                guard !fits.isEmpty else { continue }
                let o = rng.pick(fits)
                units[i].u.fullMembers = rng.int(0, 2)
                orgs[o].units.append(i)
                units[i].org = o
                units[i].u.orgSince = day(max(orgs[o].o.founded!, reg), min(lastYearEnd, dereg.adding(days: -10)))
            }
        }
    }

    /// Probationary members, legal representatives, and organizations' members in step with their units.
    mutating func syncMembers() {
        for i in units.indices {
            var u = units[i].u
            u.staff = max(u.staff, u.fullMembers)
            u.probationaryMembers = probation(u.fullMembers, &rng)
            if u.kind == .smallIndividual && u.members > u.staff { u.staff = u.members }
            if u.fullMembers >= 1 { u.legalRepMember = rng.chance(u.kind != .smallIndividual ? 0.35 : 0.5) }
            u.partyOrgId = units[i].org.map { orgs[$0].o.id! }
            units[i].u = u
        }
        for k in orgs.indices {
            let w = orgs[k]
            if w.o.formation == .independent, let first = w.units.first {
                orgs[k].o.fullMembers = units[first].u.fullMembers
                orgs[k].o.probationaryMembers = units[first].u.probationaryMembers
            } else if w.o.formation == .joint && !w.units.isEmpty {
                let op = w.units.filter { units[$0].u.status == .operating }
                orgs[k].o.fullMembers = max(3, op.reduce(0) { $0 + units[$1].u.fullMembers })
                orgs[k].o.probationaryMembers = op.reduce(0) { $0 + units[$1].u.probationaryMembers }
            } else if !w.committee && !w.childOfUnit {
                orgs[k].o.probationaryMembers = probation(w.o.fullMembers, &rng)
            }
        }
        // An enterprise committee's probationary members are split over its branches.
        for k in orgs.indices where orgs[k].o.orgType == .committee && !orgs[k].committee && !orgs[k].children.isEmpty {
            var left = orgs[k].o.probationaryMembers
            let total = max(1, orgs[k].o.fullMembers)
            for c in orgs[k].children.dropLast() {
                let share = min(left, orgs[k].o.probationaryMembers * orgs[c].o.fullMembers / total)
                orgs[c].o.probationaryMembers = share
                left -= share
            }
            orgs[orgs[k].children.last!].o.probationaryMembers = left
        }
        for k in orgs.indices where orgs[k].committee {
            let kids = orgs[k].children.filter { orgs[$0].o.status != .revoked }
            orgs[k].o.fullMembers = kids.reduce(0) { $0 + orgs[$1].o.fullMembers } + rng.int(3, 7)
            orgs[k].o.probationaryMembers = kids.reduce(0) { $0 + orgs[$1].o.probationaryMembers }
        }
    }

    /// About 2% 软弱涣散; stars by the sample's quotas (5★ 8%, 4★ 25%, 3★ 35%, 2★ 12%, 1★ 5%), better organizations first.
    mutating func markWeakAndStars() {
        var branchLike = orgs.indices.filter {
            let w = orgs[$0]
            return w.o.status == .normal && !w.committee && !w.temporary && w.o.founded! <= lastYearEnd
        }
        rng.shuffle(&branchLike)
        for k in branchLike.prefix(Int(Double(orgs.count) * 0.02 + 0.5)) { orgs[k].o.status = .weak }

        let active = orgs.indices.filter { orgs[$0].o.status != .revoked }
        var quota = [5: 0.08, 4: 0.25, 3: 0.35, 2: 0.12, 1: 0.05].mapValues { Int($0 * Double(active.count) + 0.5) }
        let unratedSince = today.adding(days: -408)
        let forced = Set(active.filter { orgs[$0].o.founded! > unratedSince || orgs[$0].committee || orgs[$0].temporary })
        let weak = active.filter { orgs[$0].o.status == .weak && !forced.contains($0) }
        let weakSet = Set(weak)
        for (i, k) in weak.enumerated() {
            if i % 3 == 0 { orgs[k].o.starLevel = 0 }
            else if i % 3 == 1 && quota[1]! > 0 { orgs[k].o.starLevel = 1; quota[1]! -= 1 }
            else { orgs[k].o.starLevel = 2; quota[2]! -= 1 }
        }
        var pool = active.filter { !forced.contains($0) && !weakSet.contains($0) }.map { k -> (Int, Double) in
            let o = orgs[k].o
            return (k, rng.unit() + (o.formation == .independent ? 0.25 : 0) + min(0.3, Double(o.fullMembers) / 150))
        }
        pool.sort { ($0.1, $1.0) > ($1.1, $0.0) }
        var pos = 0
        for s in [5, 4, 3, 2, 1] {
            let n = max(0, quota[s]!)
            for (k, _) in pool[min(pos, pool.count)..<min(pos + n, pool.count)] { orgs[k].o.starLevel = s }
            pos += n
        }
    }

    mutating func appointSecretaries() {
        for k in orgs.indices {
            let f = orgs[k].o.founded!
            orgs[k].o.secretaryName = person()
            orgs[k].o.secretaryPhone = phone()
            if rng.chance(0.12) && f <= sixMonthsAgo {
                orgs[k].o.secretaryAppointed = day(sixMonthsAgo.adding(days: 1), today.adding(days: -1))
            } else if f > sixMonthsAgo {
                orgs[k].o.secretaryAppointed = f
            } else {
                orgs[k].o.secretaryAppointed = day(f, min(sixMonthsAgo, f.adding(days: rng.int(0, 3000))))
            }
        }
    }
}

/// Chinese numerals for ordinals (第一 … 第九十九).
enum Chinese {
    static let digits = Array("零一二三四五六七八九十")
    static func number(_ n: Int) -> String {
        if n <= 10 { return String(digits[max(0, n)]) }
        if n < 20 { return "十" + String(digits[n - 10]) }
        if n < 100 { return String(digits[n / 10]) + "十" + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        return String(n)
    }
}
