/// One party organization's secretary and what they attended: the aggregate every secretary rule reads.
/// The store computes it in SQL (TrainingSQL); `SecretaryCoverage.aggregate` computes it from records, and a test
/// keeps the two in step.
public struct SecretaryTraining: Hashable, Sendable, Codable {
    public var orgId: Int64
    public var orgName: String
    public var regionCode: String
    public var regionName: String
    public var secretary: String?
    public var appointed: Day?
    /// Sessions the secretary attended in the chosen year, their 学时, and how many were concentrated courses
    /// and 书记轮训.
    public var sessions: Int
    public var hours: Double
    public var concentrated: Int
    public var rotations: Int
    /// The latest session attended, any year, up to today.
    public var lastTraining: Day?
    /// Counted for the chosen year (active at its end, or today for the current year, and founded by then).
    public var inYear: Bool
    /// Active today (the overdue new-secretary list is always about now).
    public var activeToday: Bool

    public init(orgId: Int64, orgName: String, regionCode: String, regionName: String, secretary: String?, appointed: Day?,
                sessions: Int = 0, hours: Double = 0, concentrated: Int = 0, rotations: Int = 0, lastTraining: Day? = nil,
                inYear: Bool = true, activeToday: Bool = true) {
        self.orgId = orgId; self.orgName = orgName; self.regionCode = regionCode; self.regionName = regionName
        self.secretary = secretary; self.appointed = appointed; self.sessions = sessions; self.hours = hours
        self.concentrated = concentrated; self.rotations = rotations; self.lastTraining = lastTraining
        self.inYear = inYear; self.activeToday = activeToday
    }
}

/// The lists that drive the committee's next rotation.
public enum SecretaryList: String, CaseIterable, Sendable {
    /// No concentrated course (集中培训) this year.
    case noConcentrated
    /// Fewer than 56 学时 this year.
    case underHours
    /// No 书记轮训 this year.
    case noRotation
    /// Appointed more than 6 months ago and not trained since.
    case newUntrained
}

/// Secretary training of the active party organizations in one year (党员教育管理工作条例: ≥56 学时 and a
/// concentrated course a year, a county rotation a year, a new secretary trained within 6 months).
public struct SecretaryCoverage: Hashable, Sendable {
    public var year: Int
    public var today: Day
    /// Organizations counted for the year (the denominator).
    public var active: Int
    public var concentrated: Int
    public var reachedHours: Int
    public var rotation: Int
    public var lists: [SecretaryList: [SecretaryTraining]]

    public init(_ rows: [SecretaryTraining], year: Int, today: Day) {
        self.year = year
        self.today = today
        // One sort (region, organization, id), then every list keeps that order.
        let sorted = rows.sorted { a, b in
            if a.regionCode != b.regionCode { return a.regionCode < b.regionCode }
            if a.orgName != b.orgName { return a.orgName < b.orgName }
            return a.orgId < b.orgId
        }
        let counted = sorted.filter(\.inYear)
        active = counted.count
        var noConc: [SecretaryTraining] = [], under: [SecretaryTraining] = [], noRot: [SecretaryTraining] = []
        var c = 0, h = 0, r = 0
        for s in counted {
            if SecretaryCoverage.attendedConcentrated(s) { c += 1 } else { noConc.append(s) }
            if SecretaryCoverage.reachedHours(s) { h += 1 } else { under.append(s) }
            if SecretaryCoverage.attendedRotation(s) { r += 1 } else { noRot.append(s) }
        }
        concentrated = c; reachedHours = h; rotation = r
        lists = [
            .noConcentrated: noConc, .underHours: under, .noRotation: noRot,
            .newUntrained: sorted.filter { $0.activeToday && SecretaryCoverage.overdueNewSecretary($0, today: today) },
        ]
    }

    public func list(_ l: SecretaryList) -> [SecretaryTraining] { lists[l] ?? [] }
    public var concentratedRate: Rate { Rate(concentrated, active) }
    public var hoursRate: Rate { Rate(reachedHours, active) }
    public var rotationRate: Rate { Rate(rotation, active) }

    // MARK: the rules, one place each

    public static func attendedConcentrated(_ s: SecretaryTraining) -> Bool { s.concentrated > 0 }
    public static func reachedHours(_ s: SecretaryTraining) -> Bool { TrainingRules.meetsSecretaryHours(s.hours) }
    public static func attendedRotation(_ s: SecretaryTraining) -> Bool { s.rotations > 0 }

    /// Appointed more than `newSecretaryMonths` ago (the deadline, appointment + 6 months, is before today) with no
    /// session attended since the appointment. A secretary appointed exactly 6 months ago still has today.
    public static func overdueNewSecretary(_ s: SecretaryTraining, today: Day) -> Bool {
        guard s.secretary != nil, let a = s.appointed else { return false }
        guard a.adding(months: TrainingRules.newSecretaryMonths) < today else { return false }
        return !(s.lastTraining.map { $0 >= a } ?? false)
    }

    /// The types that count as a concentrated course (集中培训) and as a rotation, for the store's SQL.
    public static var concentratedTypes: [TrainingType] { TrainingType.allCases.filter(\.isConcentrated) }
    public static let rotationType = TrainingType.secretaryRotation

    /// An attendance row is the organization's secretary when it is a 书记 row of that organization naming its
    /// current secretary (or naming nobody): a predecessor's training does not count for the successor.
    public static func isSecretaryRow(_ a: TrainingAttendance, of org: PartyOrg) -> Bool {
        a.role == .secretary && a.partyOrgId == org.id && (a.personName == nil || a.personName == org.secretaryName)
    }

    /// Counted on a day: active then and already founded.
    public static func isCounted(_ org: PartyOrg, asOf day: Day) -> Bool {
        org.isActive(on: day) && (org.founded.map { $0 <= day } ?? true)
    }

    /// The aggregates from records: the reference the store's SQL is tested against. A secretary listed twice on one
    /// session earns its 学时 once.
    public static func aggregate(orgs: [PartyOrg], regionNames: [String: String] = [:], sessions: [TrainingSession],
                                 attendance: [TrainingAttendance], year: Int, today: Day) -> [SecretaryTraining] {
        let period = TrainingRules.period(year: year, today: today)
        let asOf = period?.upperBound ?? Day.endOf(year: year)
        let byId = Dictionary(sessions.compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        var attended: [Int64: Set<Int64>] = [:]
        let orgById = Dictionary(orgs.compactMap { o in o.id.map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
        for a in attendance {
            guard let oid = a.partyOrgId, let org = orgById[oid], isSecretaryRow(a, of: org) else { continue }
            attended[oid, default: []].insert(a.sessionId)
        }
        var out: [SecretaryTraining] = []
        for o in orgs {
            guard let id = o.id else { continue }
            let inYear = isCounted(o, asOf: asOf), now = isCounted(o, asOf: today)
            guard inYear || now else { continue }
            var r = SecretaryTraining(orgId: id, orgName: o.name, regionCode: o.regionCode, regionName: regionNames[o.regionCode] ?? o.regionCode,
                                      secretary: o.secretaryName, appointed: o.secretaryAppointed, inYear: inYear, activeToday: now)
            for sid in attended[id] ?? [] {
                guard let s = byId[sid] else { continue }
                if s.date <= today { r.lastTraining = max(r.lastTraining ?? s.date, s.date) }
                guard let p = period, p.contains(s.date) else { continue }
                r.sessions += 1
                r.hours += s.hours
                if s.type.isConcentrated { r.concentrated += 1 }
                if s.type == rotationType { r.rotations += 1 }
            }
            out.append(r)
        }
        return out.sorted { $0.orgId < $1.orgId }
    }
}
