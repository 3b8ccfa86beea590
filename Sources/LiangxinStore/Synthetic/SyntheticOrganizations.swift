import Foundation
import LiangxinModel

/// The party organizations of a city: industry committees, own branches (and the branches under an enterprise's
/// committee), joint branches in street order, industry-built branches, the sample's planted edge cases, members,
/// 软弱涣散, stars and secretaries.
extension SyntheticCity {
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
