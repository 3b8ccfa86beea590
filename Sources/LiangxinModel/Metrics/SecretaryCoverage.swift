/// One party organization's secretary and what they attended: the aggregate every secretary rule reads.
/// The store computes it in one pass over the attendance (SecretaryTally); `SecretaryCoverage.aggregate` computes it
/// from records, and tests keep the two in step.
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

/// What the full coverage (`SecretaryCoverage`) and the panel's figures without names (`SecretaryFigures`) share:
/// the counts and lists `SecretaryCoverage.classify` makes, and the rates from them.
public protocol SecretaryCounts {
    /// Organizations counted for the year (the denominator).
    var active: Int { get }
    var concentrated: Int { get }
    var reachedHours: Int { get }
    var rotation: Int { get }
    /// Each list as ascending positions in the rows.
    var members: [SecretaryList: [Int32]] { get }
}

extension SecretaryCounts {
    public func count(_ l: SecretaryList) -> Int { members[l]?.count ?? 0 }
    public var concentratedRate: Rate { Rate(concentrated, active) }
    public var hoursRate: Rate { Rate(reachedHours, active) }
    public var rotationRate: Rate { Rate(rotation, active) }
}

/// Secretary training of the active party organizations in one year (党员教育管理工作条例: ≥56 学时 and a
/// concentrated course a year, a county rotation a year, a new secretary trained within 6 months).
public struct SecretaryCoverage: SecretaryCounts, Hashable, Sendable {
    public var year: Int
    public var today: Day
    /// Organizations counted for the year (the denominator).
    public var active: Int
    public var concentrated: Int
    public var reachedHours: Int
    public var rotation: Int
    /// Every row, in the lists' order: region code, organization name, id.
    public private(set) var rows: [SecretaryTraining]
    /// Each list as positions in `rows` (ascending, so in the same order). Issue 8: at city scale a list holds up
    /// to 40,000 rows of ~180 bytes; positions keep one copy of the rows however many lists and views share them.
    public private(set) var members: [SecretaryList: [Int32]]

    public init(_ rows: [SecretaryTraining], year: Int, today: Day) {
        self.year = year
        self.today = today
        // One order (region, organization, id), then every list keeps it. The store reads the rows in that order,
        // so the check passes and nothing is sorted; rows from elsewhere are sorted here.
        func less(_ a: SecretaryTraining, _ b: SecretaryTraining) -> Bool {
            if a.regionCode != b.regionCode { return a.regionCode < b.regionCode }
            if a.orgName != b.orgName { return a.orgName < b.orgName }
            return a.orgId < b.orgId
        }
        let inOrder = zip(rows, rows.dropFirst()).allSatisfy { !less($1, $0) }
        self.rows = inOrder ? rows : rows.sorted(by: less)
        let c = SecretaryCoverage.classify(self.rows, today: today)
        active = c.active; concentrated = c.concentrated; reachedHours = c.reachedHours; rotation = c.rotation
        members = c.members
    }

    /// The counts and the lists of rows already in the lists' order, as positions: one place for the full
    /// coverage (`SecretaryCoverage`) and the panel's figures without names (`SecretaryFigures`).
    static func classify<R: SecretaryRecord>(_ rows: [R], today: Day)
        -> (active: Int, concentrated: Int, reachedHours: Int, rotation: Int, members: [SecretaryList: [Int32]]) {
        var noConc: [Int32] = [], under: [Int32] = [], noRot: [Int32] = [], overdue: [Int32] = []
        var n = 0, c = 0, h = 0, r = 0
        for (i, s) in rows.enumerated() {
            let p = Int32(i)
            if s.activeToday && overdueNewSecretary(s, today: today) { overdue.append(p) }
            guard s.inYear else { continue }
            n += 1
            if attendedConcentrated(s) { c += 1 } else { noConc.append(p) }
            if reachedHours(s) { h += 1 } else { under.append(p) }
            if attendedRotation(s) { r += 1 } else { noRot.append(p) }
        }
        return (n, c, h, r, [.noConcentrated: noConc, .underHours: under, .noRotation: noRot, .newUntrained: overdue])
    }

    /// A list's rows (a copy: the report and the tests read whole lists; the panel reads positions).
    public func list(_ l: SecretaryList) -> [SecretaryTraining] { (members[l] ?? []).map { rows[Int($0)] } }

    // MARK: the rules, one place each

    public static func attendedConcentrated(_ s: some SecretaryRecord) -> Bool { s.concentrated > 0 }
    public static func reachedHours(_ s: some SecretaryRecord) -> Bool { TrainingRules.meetsSecretaryHours(s.hours) }
    public static func attendedRotation(_ s: some SecretaryRecord) -> Bool { s.rotations > 0 }

    /// Appointed more than `newSecretaryMonths` ago (the deadline, appointment + 6 months, is before today) with no
    /// session attended since the appointment. A secretary appointed exactly 6 months ago still has today.
    public static func overdueNewSecretary(_ s: some SecretaryRecord, today: Day) -> Bool {
        guard s.hasSecretary, let a = s.appointed else { return false }
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
