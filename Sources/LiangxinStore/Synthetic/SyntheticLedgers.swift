import Foundation
import LiangxinModel

/// The ledgers around the units and organizations: instructors, outreach, care stations, training, star reviews.
extension SyntheticCity {
    // MARK: instructors

    mutating func makeInstructors() {
        instructorsByDistrict = Array(repeating: [], count: districtCodes.count)
        for d in districtCodes.indices {
            let n = units.reduce(0) { $0 + ($1.district == d ? 1 : 0) }
            for _ in 0..<max(n > 0 ? 1 : 0, Int(Double(n) / 9 + 0.5)) {
                let street = rng.pick(streets[d])
                let sn = regionName[street]!
                let dn = districtName(d)
                let employer = rng.weighted([(dn + "委组织部", 20.0), (dn + "委两新工委", 15), (dn + "委社会工作部", 15),
                                             (sn + (sn.hasSuffix("街道") ? "党工委" : "党委"), 25), (name + "市场监督管理局", 6),
                                             (name + "民政局", 4), (dn + "市场监督管理局", 8), (dn + "工商联", 7)])
                let id = bases.instructor + Int64(instructors.count) + 1
                instructors.append(Instructor(id: id, name: person(), phone: phone(), employer: employer, fullTime: rng.chance(0.3),
                                              visitFrequency: rng.weighted([(.weekly, 15.0), (.fortnightly, 30), (.monthly, 40), (.quarterly, 15)]),
                                              rating: rng.weighted([(.excellent, 25.0), (.competent, 58), (.basic, 13), (.incompetent, 4)]),
                                              regionCode: districtCodes[d]))
                instructorLoad.append(0)
                instructorsByDistrict[d].append(instructors.count - 1)
            }
        }
        for i in units.indices {
            let u = units[i].u
            if u.status != .operating {
                if rng.chance(0.25) {
                    link(i, recent: 0)
                    if let s = units[i].u.instructorSince, s >= u.deregistered! { units[i].u.instructorSince = u.deregistered!.adding(days: -30) }
                }
                continue
            }
            if let o = units[i].org, orgs[o].o.formation == .embedded {
                link(i, recent: 0)           // 兼合式 units always also have an instructor
            } else if hasOrganization(i) {
                if rng.chance(0.42) { link(i, recent: 0.03) }
            } else if rng.chance(0.5) || (units[i].shouldForm && rng.chance(0.5)) {
                link(i, recent: 0.08)
            }
        }
    }

    func hasOrganization(_ i: Int) -> Bool {
        guard let o = units[i].org else { return false }
        return orgs[o].o.status != .revoked && orgs[o].o.formation.givesOrganizationalCoverage
    }

    /// Links the least loaded of four instructors of the unit's district.
    mutating func link(_ i: Int, recent: Double) {
        let candidates = instructorsByDistrict[units[i].district]
        guard !candidates.isEmpty else { return }
        var best = rng.pick(candidates)
        for _ in 0..<3 {
            let c = rng.pick(candidates)
            if instructorLoad[c] < instructorLoad[best] { best = c }
        }
        instructorLoad[best] += 1
        units[i].u.instructorId = instructors[best].id
        let reg = units[i].u.registered!
        let lo = max(reg.adding(days: rng.int(10, 200)), Day(year: 2015, month: 6, day: 1)!)
        var since: Day
        if reg >= yearStart || rng.chance(recent) || lo > lastYearEnd {
            since = day(max(yearStart, reg), today.adding(days: -1))
        } else {
            since = day(lo, lastYearEnd)
        }
        if since > today { since = today }
        units[i].u.instructorSince = since
    }

    /// Why units without an organization have none, and when some plan to form one.
    mutating func reasonsAndPlans() {
        let recentCutoff = Day(year: year - 1, month: 9, day: 1)!
        for i in units.indices where !hasOrganization(i) {
            let u = units[i].u
            if u.registered! >= recentCutoff && u.status == .operating { units[i].u.reasonNotFormed = .newlyFounded }
            else if u.fullMembers == 0 { units[i].u.reasonNotFormed = rng.weighted([(.noMembers, 90.0), (.hardship, 5), (.other, 5)]) }
            else if u.fullMembers < 3 { units[i].u.reasonNotFormed = rng.weighted([(.tooFewMembers, 88.0), (.hardship, 6), (.other, 6)]) }
            else if u.registered! >= Day(year: year - 1, month: 1, day: 1)! {
                units[i].u.reasonNotFormed = rng.weighted([(.hardship, 25.0), (.other, 35), (.newlyFounded, 40)])
            } else { units[i].u.reasonNotFormed = rng.weighted([(.hardship, 45.0), (.other, 55)]) }
            if u.status == .operating && (u.fullMembers >= 3 && rng.chance(0.8) || (1...2).contains(u.fullMembers) && rng.chance(0.15)) {
                units[i].u.plannedDate = rng.chance(0.4) ? day(dayOf(0, 3, 1), today.adding(days: -1))
                    : rng.day(today.adding(days: 10), Day(year: year + 1, month: 6, day: 30)!)
            }
        }
    }

    // MARK: outreach

    mutating func makeSurveysAndActivities() {
        for p in platforms.indices {
            let brand = platformBrands[p]
            if brand == "食刻达外卖" || brand == "小鹿直播" { continue }       // never surveyed
            let stale = ["途安网约车", "通衢货运", "光影MCN"].contains(brand) || (brand == "速邦快递" && platformDistricts[p] == 3)
            let n = rng.pick([1, 2, 2, 3, 3, 4])
            var dates: [Day]
            if stale {
                dates = (0..<n).map { _ in day(dayOf(1, 1, 10), today.adding(days: -186)) }
            } else {
                dates = (0..<(n - 1)).map { _ in day(dayOf(1, 1, 10), today.adding(days: -205)) }
                dates.append(day(today.adding(days: -174), today))
            }
            dates.sort()
            let (lo, hi) = Vocabulary.workers[platforms[p].sector]!
            var workers = rng.int(lo, hi)
            var stations = max(1, workers / rng.int(15, 40))
            var found = max(1, Int(Double(workers) * rng.double(0.02, 0.07) + 0.5))
            var transferred = rng.int(0, found / 3)
            for d in dates {
                let id = bases.survey + Int64(surveys.count) + 1
                surveys.append(PlatformSurvey(id: id, platformId: platforms[p].id!, surveyDate: d, stations: stations,
                                              branchOffices: max(0, stations / 6), workers: workers, membersFound: found,
                                              pocketMembers: rng.int(0, max(0, found - transferred) / 2),
                                              membersTransferred: transferred, mobileMembers: rng.int(0, found - transferred),
                                              note: rng.pick(Vocabulary.surveyNotes).nilIfEmpty))
                workers = max(lo, min(hi, workers + rng.int(-workers / 10, workers / 8)))
                stations = max(1, stations + rng.int(-1, 2))
                found = min(workers, found + rng.int(0, 3))
                transferred = min(found, transferred + rng.int(0, 2))
            }
        }

        let sectors: [Sector] = [.courier, .delivery, .rideHailing, .truck, .streamer]
        let types: [(ActivityType, Double)] = [(.care, 26), (.training, 20), (.volunteer, 22), (.award, 8), (.forum, 12), (.survey, 12)]
        for k in 0..<scaled(149) {
            let sector = k < 20 ? sectors[k % 5] : rng.weighted([(.courier, 30.0), (.delivery, 28), (.rideHailing, 20), (.truck, 11), (.streamer, 11)])
            let type = k < 12 ? types[k % 6].0 : rng.weighted(types)
            let date = day(dayOf(1, 1, 4), today.adding(days: -1))
            let region: String
            if rng.chance(0.35) { region = code }
            else if rng.chance(6.0 / 7) { region = rng.pick(districtCodes) } else { region = rng.pick(rng.pick(streets)) }
            let own = platforms.indices.filter { platforms[$0].sector == sector }
            let platform = !own.isEmpty && rng.chance(0.4) ? rng.pick(own) : nil
            activity(date, sector, type, region, platform)
        }
        if index == 0 {
            // The seed's care event: 260 riders served, 507 medicine packs and 200 gift packs.
            var a = OutreachActivity(date: dayOf(0, 7, 16), sector: .delivery, type: .care,
                                     title: "“暖新”夏送清凉关爱行动：为快递外卖骑手送上应急药包507份、爱心礼包200份",
                                     organizer: "\(name)委社会工作部", regionCode: code, participants: 36, peopleServed: 260, items: 707)
            a.id = bases.activity + Int64(activities.count) + 1
            activities.append(a)
        }
    }

    mutating func activity(_ date: Day, _ sector: Sector, _ type: ActivityType, _ region: String, _ platform: Int?) {
        let dn = region == code ? nil : regionName[String(region.prefix(6))]
        let organizer = dn.map { rng.pick([$0 + "委两新工委", $0 + "委社会工作部", $0 + "总工会"]) }
            ?? rng.pick(["\(name)委两新工委", "\(name)委社会工作部", "\(name)快递物流行业党委", "\(name)互联网行业党委"])
        let w = Vocabulary.sectorWord[sector]!
        let place = region == code ? "全市" : regionName[region]!
        var a = OutreachActivity(date: date, sector: sector, type: type, title: "", organizer: organizer, regionCode: region,
                                 platformId: platform.map { platforms[$0].id! })
        switch type {
        case .care:
            a.peopleServed = rng.int(30, 240); a.items = rng.int(40, 600); a.participants = rng.int(5, 30)
            a.title = rng.pick(["夏送清凉", "冬送温暖", "春节慰问", "端午送粽", "中秋送月饼", "高温慰问"]) + "：慰问" + place + w
        case .training:
            a.participants = rng.int(20, 200)
            a.title = place + w + rng.pick(["交通安全培训", "职业技能培训", "急救知识培训", "党史学习教育培训", "消防安全培训"])
        case .volunteer:
            a.participants = rng.int(8, 60); a.volunteerTimes = rng.int(20, 180); a.peopleServed = rng.int(20, 300)
            a.title = w + rng.pick(["“民情哨兵”社区巡查", "文明交通劝导", "敬老助老志愿服务", "社区环境整治志愿服务", "防汛值守志愿服务", "反诈宣传志愿服务"])
        case .award:
            let award = rng.pick(Vocabulary.awards[sector]!)
            a.award = award; a.awardPerson = person(); a.participants = rng.int(30, 150)
            a.title = "\(date.month > 6 ? date.year : date.year - 1)年度\(place)“\(award)”评选"
        case .forum:
            a.participants = rng.int(8, 40)
            a.title = place + w + rng.pick(["代表座谈会", "“面对面”恳谈会", "权益保障座谈会", "诉求收集座谈会"])
        case .survey:
            a.participants = rng.int(3, 20); a.peopleServed = rng.int(20, 500)
            a.title = place + w + rng.pick(["党员摸排", "站点及从业人员摸排", "流动党员摸排"])
        }
        if let platform { a.title = platformBrands[platform] + "：" + a.title }
        a.id = bases.activity + Int64(activities.count) + 1
        activities.append(a)
    }

    // MARK: care stations

    mutating func makeStations() {
        let n = max(1, scaled(40))
        let kinds: [(StationKind, Double)] = [(.love, 30), (.warmHeart, 25), (.warmNew, 20), (.red, 10), (.partyMass, 15)]
        let basic: [StationService] = [.rest, .water, .charging, .toilet, .firstAid]
        let extra = StationService.allCases.filter { !basic.contains($0) }
        let districtWeights = Vocabulary.districts.enumerated().map { ($0.offset, $0.element.stations) }
        for k in 0..<n {
            let d = rng.weighted(districtWeights)
            let (place, street) = pickPlace(d)
            let host = rng.pick(Vocabulary.hosts)
            let ss = streetShort(street), ds = districtShort(d)
            let hostName: String
            switch host {
            case .supermarket: hostName = zihao() + "超市" + ss + "店"
            case .bank: hostName = rng.pick(["示例银行", "示例农村商业银行", "示例城市商业银行"]) + ds + ss + "支行"
            case .pharmacy: hostName = zihao() + "大药房" + ss + "店"
            case .gasStation: hostName = "示例能源" + ss + "加油站"
            case .partyCenter: hostName = regionName[place]! + "党群服务中心"
            case .courierOutlet: hostName = rng.pick(["迅达快递", "云驰快递", "速邦快递", "鸿翼速运"]) + ss + "营业部"
            default: hostName = (place == street ? regionName[street]! + "便民" : regionName[place]!) + "服务站"
            }
            let kind = rng.weighted(kinds)
            var services = basic + extra.filter { _ in rng.chance(0.45) }
            if rng.chance(0.075) { services.removeAll { $0 == .firstAid } }
            else if rng.chance(0.05) { services.removeAll { $0 == .charging } }
            let opened = rng.chance(0.03) ? day(yearStart, today.adding(days: -10))
                : day(Day(year: year - 5, month: 3, day: 1)!, Day(year: year - 1, month: 10, day: 31)!)
            var s = Station(id: bases.station + Int64(k) + 1, name: hostName + kind.rawValue, kind: kind, regionCode: place,
                            hostUnit: hostName, hostType: host, address: address(d),
                            latitude: 30.5 + Double(index % 10) * 0.9 + rng.double(-0.05, 0.05),
                            longitude: 114.3 + Double(index / 10) * 0.9 + rng.double(-0.06, 0.06),
                            hours: rng.chance(0.4) ? "24h" : rng.pick(Vocabulary.hours), services: services, opened: opened)
            if rng.chance(0.95) { s.contactName = person(); s.contactPhone = phone() }
            var stop: Day? = nil
            if rng.chance(0.15) {
                if rng.chance(0.5) {
                    let d0 = day(today.adding(days: -120), today.adding(days: -20))
                    s.status = .paused; s.statusReason = "承接单位调整，\(d0)起暂停服务"; stop = d0
                } else {
                    let d0 = day(today.adding(days: -330), today.adding(days: -30))
                    s.status = .closed; s.statusReason = "场地收回，\(d0)撤销"; stop = d0
                }
            }
            stations.append(s)
            // Service logs every one to seven days over the past year; about one running station in eleven has gone quiet.
            var end = stop.map { $0.adding(days: -1) } ?? today
            if s.status == .running && rng.chance(0.09) { end = today.adding(days: -rng.int(31, 80)) }
            let base = Double(rng.int(8, 30))
            var logDay = max(opened, today.adding(days: -364)).adding(days: rng.int(0, 3))
            while logDay <= end {
                let seasonal = [1, 2, 7, 8, 12].contains(logDay.month) ? 1.25 : 1.0
                let count = max(3, min(60, Int(rng.gauss(base * seasonal, base * 0.35))))
                let note = rng.chance(0.03) ? rng.pick(Vocabulary.logNotes) : nil
                logs.append(StationLog(id: bases.log + Int64(logs.count) + 1, stationId: s.id!, date: logDay, count: count, note: note))
                logDay = logDay.adding(days: rng.pick([1, 2, 2, 3, 3, 4, 5, 7]))
            }
        }
    }

    // MARK: training

    mutating func makeTraining() {
        var made: [TrainingSession] = []
        for (yearsBack, factor) in [(0, 1.0), (1, 0.5)] {
            let y = year - yearsBack
            let lo = yearsBack == 0 ? dayOf(0, 1, 6) : Day(year: y, month: 1, day: 7)!
            let hi = yearsBack == 0 ? today.adding(days: -2) : Day(year: y, month: 12, day: 26)!
            for (type, count) in Vocabulary.trainingPlan {
                for k in 0..<Int((Double(count) * factor * scale).rounded()) {
                    let region: String
                    if type.isConcentrated {
                        region = k % 7 == 0 || k % 7 == 6 ? code : districtCodes[k % 6]
                    } else {
                        region = rng.weighted([(code, 2.0), (rng.pick(districtCodes), 5), (rng.pick(rng.pick(streets)), 3)])
                    }
                    made.append(session(day(lo, hi), type, region))
                }
            }
        }
        made.sort { ($0.date, $0.title) < ($1.date, $1.title) }
        for k in made.indices { made[k].id = bases.session + Int64(k) + 1 }
        sessions = made

        // Sessions an organization's secretary could attend: city-wide ones and those of its district.
        func bucket(_ region: String) -> Int { districtCodes.firstIndex { region.hasPrefix($0) } ?? -1 }
        var byYearDistrict: [Int: [Int]] = [:]                    // key: yearsBack * 10 + district + 1
        for (k, s) in sessions.enumerated() {
            byYearDistrict[(year - s.date.year) * 10 + bucket(s.regionCode!) + 1, default: []].append(k)
        }
        func eligible(_ o: Int, yearsBack: Int, _ types: [TrainingType]) -> [Int] {
            let d = orgs[o].district
            let founded = orgs[o].o.founded!
            let city = byYearDistrict[yearsBack * 10] ?? []
            let local = d.map { byYearDistrict[yearsBack * 10 + $0 + 1] ?? [] } ?? []
            return (city + local).filter { types.contains(sessions[$0].type) && sessions[$0].date >= founded }
        }
        var rows: [[(org: Int?, role: AttendeeRole, name: String?, n: Int)]] = Array(repeating: [], count: sessions.count)

        // Secretaries: 60% at a county-level rotation this year, 10% more at another concentrated course, 55% reach 56 学时.
        var secs = orgs.indices.filter { orgs[$0].o.status != .revoked }
        rng.shuffle(&secs)
        secs = secs.filter { orgs[$0].o.founded! < yearStart } + secs.filter { orgs[$0].o.founded! >= yearStart }
        let nR = Int(0.60 * Double(secs.count) + 0.5), nC = Int(0.10 * Double(secs.count) + 0.5), nH = Int(0.55 * Double(secs.count) + 0.5)
        let conc: [TrainingType] = [.course, .secretaryRotation, .partyWorkerTraining, .thematicStudy]
        for (idx, o) in secs.enumerated() {
            let inR = idx < nR, inC = idx >= nR && idx < nR + nC, inH = idx < nH
            var chosen: [Int] = []
            var total = 0.0
            if inR, let s = rng.pickIfAny(eligible(o, yearsBack: 0, [.secretaryRotation])) {
                chosen.append(s); total += sessions[s].hours
            } else if inC, let s = rng.pickIfAny(eligible(o, yearsBack: 0, [.course, .partyWorkerTraining, .thematicStudy])) {
                chosen.append(s); total += sessions[s].hours
            }
            if inH {
                let types: [TrainingType] = (inR ? conc : [.course, .partyWorkerTraining, .thematicStudy]) + [.partyLecture, .seminar, .outreachTalk, .quiz]
                var cand = eligible(o, yearsBack: 0, types).filter { !chosen.contains($0) }
                rng.shuffle(&cand)
                for s in cand where total < 56 { chosen.append(s); total += sessions[s].hours }
            } else {
                var cand = eligible(o, yearsBack: 0, [.partyLecture, .seminar, .outreachTalk, .quiz]).filter { !chosen.contains($0) }
                rng.shuffle(&cand)
                for s in cand.prefix(rng.int(0, 3)) where total + sessions[s].hours < 56 { chosen.append(s); total += sessions[s].hours }
            }
            for s in chosen { rows[s].append((o, .secretary, orgs[o].o.secretaryName, 1)) }
        }
        // Last year: a looser history.
        for o in secs where orgs[o].o.founded! <= Day(year: year - 1, month: 10, day: 31)! && !rng.chance(0.35) {
            var cand = eligible(o, yearsBack: 1, conc + [.partyLecture, .seminar])
            rng.shuffle(&cand)
            for s in cand.prefix(rng.int(1, 3)) { rows[s].append((o, .secretary, orgs[o].o.secretaryName, 1)) }
        }
        // Committee members, members and head counts.
        let activeOrgs = orgs.indices.filter { orgs[$0].o.status != .revoked }
        for k in sessions.indices {
            let s = sessions[k]
            let d = bucket(s.regionCode!)
            let local = activeOrgs.filter { orgs[$0].o.founded! <= s.date && (d < 0 || orgs[$0].district == d) }
            func some(_ lo: Int, _ hi: Int) -> [Int] {
                guard !local.isEmpty else { return [] }
                var picked: [Int] = []
                var seen = Set<Int>()
                for _ in 0..<min(local.count, rng.int(lo, hi)) {
                    let o = rng.pick(local)
                    if seen.insert(o).inserted { picked.append(o) }
                }
                return picked
            }
            if [.course, .partyWorkerTraining, .thematicStudy, .seminar].contains(s.type) {
                for o in some(4, 16) { rows[k].append((o, .committeeMember, person(), 1)) }
            }
            if [.course, .thematicStudy, .partyLecture, .quiz].contains(s.type) {
                for o in some(3, 12) { rows[k].append((o, .member, person(), 1)) }
            }
            if [.partyLecture, .outreachTalk, .quiz, .thematicStudy].contains(s.type) {
                for _ in 0..<rng.int(1, 3) {
                    let o: Int? = !local.isEmpty && rng.chance(0.6) ? rng.pick(local) : nil
                    rows[k].append((o, o != nil ? .member : .publicAttendee, nil, rng.int(15, 160)))
                }
            }
            if s.type == .outreachTalk && rng.chance(0.5) { rows[k].append((nil, .publicAttendee, person(), 1)) }
            let total = rows[k].reduce(0) { $0 + $1.n }
            var pt = total + (rng.chance(0.5) ? rng.int(0, max(3, total / 8)) : 0)
            if pt == 0 { pt = rng.int(20, 80) }
            sessions[k].personTimes = pt
            for r in rows[k] {
                attendance.append(TrainingAttendance(id: bases.attendance + Int64(attendance.count) + 1, sessionId: s.id!,
                                                     partyOrgId: r.org.map { orgs[$0].o.id! }, personName: r.name, role: r.role, headCount: r.n))
            }
        }
    }

    mutating func session(_ date: Day, _ type: TrainingType, _ region: String) -> TrainingSession {
        let organizer: String
        if region == code { organizer = rng.pick(["\(name)委两新工委", "\(name)委社会工作部", "\(name)社会组织党委", "\(name)非公经济组织党委"]) }
        else if region.count == 6 { organizer = regionName[region]! + rng.pick(["委两新工委", "委社会工作部"]) }
        else { organizer = regionName[region]! + (regionName[region]!.hasSuffix("街道") ? "党工委" : "党委") }
        let (title, audience) = rng.pick(Vocabulary.trainingTitles[type]!)
        var hours = rng.pick(Vocabulary.trainingHours[type]!)
        if type == .outreachTalk && rng.chance(0.5) { hours = rng.pick([1, 1.5, 2]) }
        let mode: TrainingMode = type == .secretaryRotation ? rng.weighted([(.offline, 80.0), (.blended, 20)])
            : rng.weighted([(.offline, 60.0), (.online, 15), (.blended, 25)])
        let place = region == code ? name : regionName[region]!
        return TrainingSession(date: date, title: "\(date.year)年\(place)\(title)", type: type, mode: mode, organizer: organizer,
                               audience: audience, regionCode: region, hours: hours)
    }

    // MARK: star reviews

    mutating func scores(_ total: Int) -> String {
        let dims = Vocabulary.dimensions
        var s = dims.map { min($0.1, Int(Double($0.1 * total) / 100 + 0.5)) }
        var guardSteps = 0
        while s.reduce(0, +) != total && guardSteps < 1000 {
            guardSteps += 1
            let i = rng.int(0, dims.count - 1)
            if s.reduce(0, +) < total && s[i] < dims[i].1 { s[i] += 1 } else if s.reduce(0, +) > total && s[i] > 0 { s[i] -= 1 }
        }
        for _ in 0..<3 {
            let i = rng.int(0, 5), j = rng.int(0, 5)
            if i != j && s[i] > 0 && s[j] < dims[j].1 { s[i] -= 1; s[j] += 1 }
        }
        return dims.indices.map { "\(dims[$0].0):\(s[$0])" }.joined(separator: ";")
    }

    static let band: [Int: (Int, Int)] = [5: (90, 98), 4: (80, 89), 3: (70, 79), 2: (60, 69), 1: (48, 59), 0: (40, 58)]

    mutating func evaluation(_ o: Int, year y: Int, _ stage: EvalStage, applied: Int, decided: Int? = nil, veto: String = "",
                             submitted: Day?) -> StarEvaluation {
        let innovation = applied == 5 || rng.chance(0.25)
        let band = SyntheticCity.band[applied]!
        let selfTotal = rng.int(band.0, band.1)
        var ev = Array(Vocabulary.evidence)
        rng.shuffle(&ev)
        var evidence = Array(ev.prefix(rng.int(3, 6)))
        if innovation { evidence.append("创新项目材料") }
        var e = StarEvaluation(partyOrgId: orgs[o].o.id!, year: y, rubricId: rubricIds[y], stage: stage, appliedStar: applied,
                               selfScores: scores(selfTotal), vetoes: veto, evidence: evidence.joined(separator: "、"),
                               innovation: innovation, decidedStar: decided, submitted: submitted)
        if [.review, .publicity, .decided, .rejected].contains(stage) || (stage == .returned && rng.chance(0.5)) {
            var rev = decided ?? max(1, applied - (rng.chance(0.4) ? 1 : 0))
            if stage == .rejected { rev = max(1, applied - rng.int(1, 2)) }
            let (lo, hi) = SyntheticCity.band[rev]!
            e.reviewerScores = scores(rev == applied ? min(selfTotal, rng.int(lo, hi)) : rng.int(lo, hi))
        }
        return e
    }

    mutating func makeEvaluations() {
        var made: [StarEvaluation] = []
        var rated = orgs.indices.filter { orgs[$0].o.status != .revoked && orgs[$0].o.starLevel > 0 }
        rng.shuffle(&rated)
        let decidedThisYear = Set(rated.prefix(Int(0.077 * Double(rated.count) + 0.5)))
        for o in rated {
            let star = orgs[o].o.starLevel
            let fresh = decidedThisYear.contains(o)
            guard !fresh || rng.chance(0.5) else { continue }
            let last = fresh ? max(1, star - (rng.chance(0.6) ? 1 : 0)) : star
            let sub = day(max(dayOf(1, 3, 1), orgs[o].o.founded!.adding(days: 20)), dayOf(1, 10, 31))
            var e = evaluation(o, year: year - 1, .decided, applied: max(last, min(5, last + (rng.chance(0.2) ? 1 : 0))), decided: last,
                               submitted: sub)
            e.publicityStart = sub.adding(days: rng.int(25, 55))
            e.publicityEnd = e.publicityStart!.adding(days: 6)
            made.append(e)
        }
        for o in rated where decidedThisYear.contains(o) {
            let star = orgs[o].o.starLevel
            let sub = day(dayOf(0, 3, 1), dayOf(0, 8, 31))
            var e = evaluation(o, year: year, .decided, applied: min(5, star + (rng.chance(0.2) ? 1 : 0)), decided: star, submitted: sub)
            e.publicityStart = day(sub.adding(days: 30), max(sub.adding(days: 30), min(today.adding(days: -14), sub.adding(days: 90))))
            e.publicityEnd = e.publicityStart!.adding(days: 6)
            made.append(e)
        }
        // Applications of this year at every stage of the flow.
        let stages: [(EvalStage, Double)] = [(.rejected, 16), (.publicity, 26), (.review, 44), (.firstCheck, 46), (.submitted, 54),
                                             (.draft, 24), (.returned, 20)]
        for o in orgs.indices where orgs[o].o.status != .revoked && !decidedThisYear.contains(o) && !orgs[o].committee
            && !orgs[o].temporary && rng.chance(0.23) {
            let stage = rng.weighted(stages)
            let applied = min(5, max(1, orgs[o].o.starLevel + rng.weighted([(0, 45.0), (1, 45), (2, 10)])))
            var veto = ""
            if stage == .rejected {
                veto = orgs[o].o.status == .weak ? "软弱涣散" : rng.weighted([("", 40.0), ("不良信用记录", 35), ("重大安全生产事故", 15), ("严重违纪违法", 10)])
                if orgs[o].o.status == .weak && rng.chance(0.3) { veto += "、不良信用记录" }
            }
            let sub = stage == .draft ? nil : day(max(dayOf(0, 3, 1), orgs[o].o.founded!.adding(days: 15)), today.adding(days: -3))
            var e = evaluation(o, year: year, stage, applied: applied, veto: veto, submitted: sub)
            if stage == .publicity, let sub {
                let start = day(max(sub.adding(days: 20), today.adding(days: -10)), today.adding(days: -1))
                e.publicityStart = min(start, today)
                e.publicityEnd = min(today, e.publicityStart!.adding(days: 6))
            }
            made.append(e)
        }
        made.sort { ($0.year, $0.submitted ?? today, $0.partyOrgId) < ($1.year, $1.submitted ?? today, $1.partyOrgId) }
        for k in made.indices { made[k].id = bases.evaluation + Int64(k) + 1 }
        evaluations = made
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
