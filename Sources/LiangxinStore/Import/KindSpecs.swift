import GRDB
import LiangxinModel

/// Everything the importer needs to know about one ledger: how its rows decode and encode, how a row finds its
/// stored record (natural key), what it refers to, and the validation the forms use.
protocol KindSpec {
    associatedtype R: Hashable & Sendable
    static var kind: LedgerKind { get }
    static func decode(_ r: inout RowReader) -> R
    static func encode(_ v: R) -> [String]
    static func fileId(_ v: R) -> Int64?
    static func setId(_ v: inout R, _ id: Int64?)
    /// The keys a row is looked up by, most specific first; only from columns the file has.
    static func keys(_ v: R, _ h: HeaderMatch) -> [String]
    /// The keys a stored record is found under.
    static func storedKeys(_ v: R) -> [String]
    /// Whether the file's columns can identify records at all (an id column, or a whole natural key).
    static func canMatch(_ h: HeaderMatch) -> Bool
    static func loadAll(_ db: Database) throws -> [(Int64, R)]
    /// Carries over from the stored record what a file does not hold (id, version, rubric).
    static func adopt(_ v: inout R, from old: R)
    static func references(_ v: inout R, _ s: ImportSession, _ p: inout [(String, String)]) throws
    static func validate(_ v: R, old: R?, _ s: ImportSession) throws -> [ValidationIssue]
    static func insert(_ v: inout R, _ l: Ledger, _ s: ImportSession) throws -> Int64
    static func update(_ v: inout R, _ l: Ledger, old: R) throws
    static func caption(_ v: R) -> String
    static func afterWrite(_ v: R, old: R?, _ s: ImportSession) throws
}

extension KindSpec {
    static func canMatch(_ h: HeaderMatch) -> Bool {
        h.has("id") || kind.naturalKey.contains { $0.allSatisfy(h.has) }
    }
    static func keyAvailable(_ h: HeaderMatch) -> Bool { kind.naturalKey.contains { $0.allSatisfy(h.has) } }
    static func afterWrite(_ v: R, old: R?, _ s: ImportSession) throws {}
    static func references(_ v: inout R, _ s: ImportSession, _ p: inout [(String, String)]) throws {}
}

/// The ledgers whose records have ids and go through the audited `Ledger`.
protocol RecordSpec: KindSpec where R: LedgerRecord {}

extension RecordSpec {
    static func fileId(_ v: R) -> Int64? { v.id }
    static func setId(_ v: inout R, _ id: Int64?) { v.id = id }
    static func loadAll(_ db: Database) throws -> [(Int64, R)] { try R.fetchAll(db).map { ($0.id!, $0) } }
    static func adopt(_ v: inout R, from old: R) { v.id = old.id; v.recordVersion = old.recordVersion }
    static func insert(_ v: inout R, _ l: Ledger, _ s: ImportSession) throws -> Int64 { try l.insert(&v) }
    static func update(_ v: inout R, _ l: Ledger, old: R) throws { try l.update(&v) }
    static func caption(_ v: R) -> String { v.caption }
}

func key(_ parts: Any?...) -> String {
    parts.map { p in
        switch p {
        case let s as String: return s
        case let d as Day: return d.description
        case let n as Int64: return String(n)
        case let n as Int: return String(n)
        case let e as any DomainEnum: return e.rawValue
        default: return ""
        }
    }.joined(separator: "\u{1F}")
}

enum RegionSpec: KindSpec {
    static let kind = LedgerKind.regions
    static func decode(_ r: inout RowReader) -> Region { RowDecoders.region(&r) }
    static func encode(_ v: Region) -> [String] { RowEncoders.region(v) }
    static func fileId(_ v: Region) -> Int64? { nil }
    static func setId(_ v: inout Region, _ id: Int64?) {}
    static func keys(_ v: Region, _ h: HeaderMatch) -> [String] { h.has("code") ? [key(v.code)] : [] }
    static func storedKeys(_ v: Region) -> [String] { [key(v.code)] }
    static func canMatch(_ h: HeaderMatch) -> Bool { h.has("code") }
    static func loadAll(_ db: Database) throws -> [(Int64, Region)] {
        try Row.fetchAll(db, sql: "SELECT rowid AS rid, * FROM region").map { ($0["rid"], try Region(row: $0)) }
    }
    static func adopt(_ v: inout Region, from old: Region) {}
    static func validate(_ v: Region, old: Region?, _ s: ImportSession) throws -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        if v.parentCode == v.code { out.append(ValidationIssue("parentCode", zh: "上级代码：不能是自身", en: "Parent: cannot be itself")) }
        return out
    }
    static func insert(_ v: inout Region, _ l: Ledger, _ s: ImportSession) throws -> Int64 {
        let id = try l.insertRegion(v)
        s.regions.add(code: v.code, name: v.name, parent: v.parentCode)
        return id
    }
    static func update(_ v: inout Region, _ l: Ledger, old: Region) throws { try l.updateRegion(v) }
    static func afterWrite(_ v: Region, old: Region?, _ s: ImportSession) throws {
        s.regions.add(code: v.code, name: v.name, parent: v.parentCode)
    }
    static func caption(_ v: Region) -> String { v.name }
}

enum InstructorSpec: RecordSpec {
    static let kind = LedgerKind.instructors
    static func decode(_ r: inout RowReader) -> Instructor { RowDecoders.instructor(&r) }
    static func encode(_ v: Instructor) -> [String] { RowEncoders.instructor(v) }
    static func keys(_ v: Instructor, _ h: HeaderMatch) -> [String] { keyAvailable(h) ? [key(v.name, v.regionCode)] : [] }
    static func storedKeys(_ v: Instructor) -> [String] { [key(v.name, v.regionCode)] }
    static func validate(_ v: Instructor, old: Instructor?, _ s: ImportSession) throws -> [ValidationIssue] { Validate.instructor(v) }
}

enum PartyOrgSpec: RecordSpec {
    static let kind = LedgerKind.partyOrgs
    static func decode(_ r: inout RowReader) -> PartyOrg { RowDecoders.partyOrg(&r) }
    static func encode(_ v: PartyOrg) -> [String] { RowEncoders.partyOrg(v) }
    static func keys(_ v: PartyOrg, _ h: HeaderMatch) -> [String] { keyAvailable(h) ? [key(v.name, v.regionCode)] : [] }
    static func storedKeys(_ v: PartyOrg) -> [String] { [key(v.name, v.regionCode)] }
    static func references(_ v: inout PartyOrg, _ s: ImportSession, _ p: inout [(String, String)]) throws {
        try s.reference(&v.parentId, to: .partyOrgs, column: "parent_id", problems: &p)
        if let pid = v.parentId, pid == v.id { p.append(("parent_id", "上级党组织不能是自身 (cannot be its own parent)")) }
    }
    static func validate(_ v: PartyOrg, old: PartyOrg?, _ s: ImportSession) throws -> [ValidationIssue] {
        let covered = try old?.id.map { try Int.fetchOne(s.db, sql: "SELECT COUNT(*) FROM unit WHERE party_org_id = ?", arguments: [$0]) ?? 0 } ?? 0
        return Validate.partyOrg(v, coveredUnits: covered, today: s.today)
    }
}

enum UnitSpec: RecordSpec {
    static let kind = LedgerKind.units
    static func decode(_ r: inout RowReader) -> OrgUnit { RowDecoders.unit(&r) }
    static func encode(_ v: OrgUnit) -> [String] { RowEncoders.unit(v) }
    /// By credit code; a unit recorded without one is also found by name and region, so a file can add the code.
    static func keys(_ v: OrgUnit, _ h: HeaderMatch) -> [String] {
        let byName = h.has("name") && h.has("region_code")
        if h.has("credit_code"), let c = v.creditCode {
            return ["c" + key(c)] + (byName ? ["n" + key(v.name, v.regionCode, "nocode")] : [])
        }
        return byName ? ["n" + key(v.name, v.regionCode)] : []
    }
    static func storedKeys(_ v: OrgUnit) -> [String] {
        if let c = v.creditCode { return ["c" + key(c), "n" + key(v.name, v.regionCode)] }
        return ["n" + key(v.name, v.regionCode), "n" + key(v.name, v.regionCode, "nocode")]
    }
    static func references(_ v: inout OrgUnit, _ s: ImportSession, _ p: inout [(String, String)]) throws {
        try s.reference(&v.partyOrgId, to: .partyOrgs, column: "party_org_id", problems: &p)
        try s.reference(&v.instructorId, to: .instructors, column: "instructor_id", problems: &p)
    }
    static func validate(_ v: OrgUnit, old: OrgUnit?, _ s: ImportSession) throws -> [ValidationIssue] {
        // Another unit holding the code is found by the key lookup before this, with both records named.
        Validate.unit(v, today: s.today)
    }
}

enum PlatformSpec: RecordSpec {
    static let kind = LedgerKind.platforms
    static func decode(_ r: inout RowReader) -> Platform { RowDecoders.platform(&r) }
    static func encode(_ v: Platform) -> [String] { RowEncoders.platform(v) }
    static func keys(_ v: Platform, _ h: HeaderMatch) -> [String] { keyAvailable(h) ? [key(v.name, v.regionCode)] : [] }
    static func storedKeys(_ v: Platform) -> [String] { [key(v.name, v.regionCode)] }
    static func references(_ v: inout Platform, _ s: ImportSession, _ p: inout [(String, String)]) throws {
        try s.reference(&v.partyOrgId, to: .partyOrgs, column: "party_org_id", problems: &p)
    }
    static func validate(_ v: Platform, old: Platform?, _ s: ImportSession) throws -> [ValidationIssue] { [] }
}

enum SurveySpec: RecordSpec {
    static let kind = LedgerKind.surveys
    static func decode(_ r: inout RowReader) -> PlatformSurvey { RowDecoders.survey(&r) }
    static func encode(_ v: PlatformSurvey) -> [String] { RowEncoders.survey(v) }
    static func keys(_ v: PlatformSurvey, _ h: HeaderMatch) -> [String] { keyAvailable(h) ? [key(v.platformId, v.surveyDate)] : [] }
    static func storedKeys(_ v: PlatformSurvey) -> [String] { [key(v.platformId, v.surveyDate)] }
    static func references(_ v: inout PlatformSurvey, _ s: ImportSession, _ p: inout [(String, String)]) throws {
        try s.reference(&v.platformId, to: .platforms, column: "platform_id", problems: &p)
    }
    static func validate(_ v: PlatformSurvey, old: PlatformSurvey?, _ s: ImportSession) throws -> [ValidationIssue] {
        Validate.survey(v, today: s.today)
    }
}

enum ActivitySpec: RecordSpec {
    static let kind = LedgerKind.activities
    static func decode(_ r: inout RowReader) -> OutreachActivity { RowDecoders.activity(&r) }
    static func encode(_ v: OutreachActivity) -> [String] { RowEncoders.activity(v) }
    static func keys(_ v: OutreachActivity, _ h: HeaderMatch) -> [String] { keyAvailable(h) ? [key(v.date, v.title)] : [] }
    static func storedKeys(_ v: OutreachActivity) -> [String] { [key(v.date, v.title)] }
    static func references(_ v: inout OutreachActivity, _ s: ImportSession, _ p: inout [(String, String)]) throws {
        try s.reference(&v.platformId, to: .platforms, column: "platform_id", problems: &p)
    }
    static func validate(_ v: OutreachActivity, old: OutreachActivity?, _ s: ImportSession) throws -> [ValidationIssue] {
        Validate.activity(v, today: s.today)
    }
}

enum StationSpec: RecordSpec {
    static let kind = LedgerKind.stations
    static func decode(_ r: inout RowReader) -> Station { RowDecoders.station(&r) }
    static func encode(_ v: Station) -> [String] { RowEncoders.station(v) }
    static func keys(_ v: Station, _ h: HeaderMatch) -> [String] { keyAvailable(h) ? [key(v.name, v.regionCode, v.address)] : [] }
    static func storedKeys(_ v: Station) -> [String] { [key(v.name, v.regionCode, v.address)] }
    static func validate(_ v: Station, old: Station?, _ s: ImportSession) throws -> [ValidationIssue] {
        Validate.station(v, today: s.today)
    }
}

enum StationLogSpec: RecordSpec {
    static let kind = LedgerKind.stationLogs
    static func decode(_ r: inout RowReader) -> StationLog { RowDecoders.stationLog(&r) }
    static func encode(_ v: StationLog) -> [String] { RowEncoders.stationLog(v) }
    static func keys(_ v: StationLog, _ h: HeaderMatch) -> [String] { keyAvailable(h) ? [key(v.stationId, v.date)] : [] }
    static func storedKeys(_ v: StationLog) -> [String] { [key(v.stationId, v.date)] }
    static func references(_ v: inout StationLog, _ s: ImportSession, _ p: inout [(String, String)]) throws {
        try s.reference(&v.stationId, to: .stations, column: "station_id", problems: &p)
    }
    static func validate(_ v: StationLog, old: StationLog?, _ s: ImportSession) throws -> [ValidationIssue] {
        Validate.stationLog(v, today: s.today)
    }
}

enum TrainingSessionSpec: RecordSpec {
    static let kind = LedgerKind.trainingSessions
    static func decode(_ r: inout RowReader) -> TrainingSession { RowDecoders.trainingSession(&r) }
    static func encode(_ v: TrainingSession) -> [String] { RowEncoders.trainingSession(v) }
    static func keys(_ v: TrainingSession, _ h: HeaderMatch) -> [String] { keyAvailable(h) ? [key(v.date, v.title)] : [] }
    static func storedKeys(_ v: TrainingSession) -> [String] { [key(v.date, v.title)] }
    static func validate(_ v: TrainingSession, old: TrainingSession?, _ s: ImportSession) throws -> [ValidationIssue] {
        let registered = try old?.id.map { try s.registered(session: $0) } ?? 0
        return Validate.trainingSession(v, registered: registered, today: s.today)
    }
}

enum AttendanceSpec: RecordSpec {
    static let kind = LedgerKind.attendance
    static func decode(_ r: inout RowReader) -> TrainingAttendance { RowDecoders.attendance(&r) }
    static func encode(_ v: TrainingAttendance) -> [String] { RowEncoders.attendance(v) }
    /// A line of attendance has no identity of its own: it is the same line when every column agrees.
    static func canMatch(_ h: HeaderMatch) -> Bool { h.has("id") || h.has("session_id") }
    static func keys(_ v: TrainingAttendance, _ h: HeaderMatch) -> [String] {
        h.has("session_id") ? [key(v.sessionId, v.partyOrgId, v.personName, v.role, v.headCount)] : []
    }
    static func storedKeys(_ v: TrainingAttendance) -> [String] { [key(v.sessionId, v.partyOrgId, v.personName, v.role, v.headCount)] }
    static func references(_ v: inout TrainingAttendance, _ s: ImportSession, _ p: inout [(String, String)]) throws {
        try s.reference(&v.sessionId, to: .trainingSessions, column: "session_id", problems: &p)
        try s.reference(&v.partyOrgId, to: .partyOrgs, column: "party_org_id", problems: &p)
    }
    static func validate(_ v: TrainingAttendance, old: TrainingAttendance?, _ s: ImportSession) throws -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        if v.headCount < 0 { out.append(ValidationIssue("headCount", zh: "人数：不能为负数", en: "Head count: negative")) }
        // The session's 人次 must cover everyone registered, named attendees and head counts alike (the rule the
        // training panel's forms apply).
        if v.sessionId > 0, let session = try TrainingSession.fetchOne(s.db, key: v.sessionId) {
            var registered = try s.registered(session: v.sessionId) + TrainingAttendance.registered([v])
            if let o = old, o.sessionId == v.sessionId { registered -= TrainingAttendance.registered([o]) }
            for e in Validate.trainingSession(session, registered: registered, today: s.today).errors where e.field == "personTimes" {
                out.append(ValidationIssue("headCount", zh: "培训“\(session.title)”的" + e.zh, en: e.en))
            }
        }
        return out
    }
    static func afterWrite(_ v: TrainingAttendance, old: TrainingAttendance?, _ s: ImportSession) throws {
        if let o = old { try s.addRegistered(session: o.sessionId, -TrainingAttendance.registered([o])) }
        try s.addRegistered(session: v.sessionId, TrainingAttendance.registered([v]))
    }
}

enum StarEvaluationSpec: RecordSpec {
    static let kind = LedgerKind.starEvaluations
    static func decode(_ r: inout RowReader) -> StarEvaluation { RowDecoders.starEvaluation(&r) }
    static func encode(_ v: StarEvaluation) -> [String] { RowEncoders.starEvaluation(v) }
    static func keys(_ v: StarEvaluation, _ h: HeaderMatch) -> [String] { keyAvailable(h) ? [key(v.partyOrgId, v.year)] : [] }
    static func storedKeys(_ v: StarEvaluation) -> [String] { [key(v.partyOrgId, v.year)] }
    static func adopt(_ v: inout StarEvaluation, from old: StarEvaluation) {
        v.id = old.id; v.version = old.version; v.rubricId = old.rubricId
    }
    static func references(_ v: inout StarEvaluation, _ s: ImportSession, _ p: inout [(String, String)]) throws {
        try s.reference(&v.partyOrgId, to: .partyOrgs, column: "party_org_id", problems: &p)
    }
    static func validate(_ v: StarEvaluation, old: StarEvaluation?, _ s: ImportSession) throws -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        if !(0...5).contains(v.appliedStar) {
            out.append(ValidationIssue("appliedStar", zh: "申报星级：应为1–5", en: "Applied star: must be 1–5"))
        }
        if let d = v.decidedStar, !(0...5).contains(d) {
            out.append(ValidationIssue("decidedStar", zh: "评定星级：应为0–5", en: "Decided star: must be 0–5"))
        }
        if !(1900...2200).contains(v.year) {
            out.append(ValidationIssue("year", zh: "年度：“\(v.year)”不是有效年份", en: "Year: not a real year"))
        }
        if let a = v.publicityStart, let b = v.publicityEnd, b < a {
            out.append(ValidationIssue("publicityEnd", zh: "公示结束日期早于开始日期", en: "Publicity ends before it starts"))
        }
        return out
    }
    static func insert(_ v: inout StarEvaluation, _ l: Ledger, _ s: ImportSession) throws -> Int64 {
        if v.rubricId == nil { v.rubricId = try s.rubricId(for: v.year) }
        return try l.insert(&v)
    }
}

extension LedgerKind {
    var spec: any KindSpec.Type {
        switch self {
        case .regions: return RegionSpec.self
        case .instructors: return InstructorSpec.self
        case .partyOrgs: return PartyOrgSpec.self
        case .units: return UnitSpec.self
        case .platforms: return PlatformSpec.self
        case .surveys: return SurveySpec.self
        case .activities: return ActivitySpec.self
        case .stations: return StationSpec.self
        case .stationLogs: return StationLogSpec.self
        case .trainingSessions: return TrainingSessionSpec.self
        case .attendance: return AttendanceSpec.self
        case .starEvaluations: return StarEvaluationSpec.self
        }
    }
}
