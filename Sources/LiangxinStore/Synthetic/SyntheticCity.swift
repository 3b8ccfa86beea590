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
}
