import GRDB
import LiangxinModel

// Storage mapping of the model's plain structs: table names, snake_case columns, and dates and labels stored as
// the text staff read (`2026-03-01`, `联合组建`), so the file is legible to `sqlite3` and to other tools.

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap { Day($0) }
    }
}

extension UnitKind: DatabaseValueConvertible {}
extension UnitCategory: DatabaseValueConvertible {}
extension UnitStatus: DatabaseValueConvertible {}
extension Sector: DatabaseValueConvertible {}
extension OrgType: DatabaseValueConvertible {}
extension Formation: DatabaseValueConvertible {}
extension OrgStatus: DatabaseValueConvertible {}
extension InstructorRating: DatabaseValueConvertible {}
extension VisitFrequency: DatabaseValueConvertible {}
extension ReasonNotFormed: DatabaseValueConvertible {}
extension ActivityType: DatabaseValueConvertible {}
extension StationKind: DatabaseValueConvertible {}
extension StationHostType: DatabaseValueConvertible {}
extension StationStatus: DatabaseValueConvertible {}
extension TrainingType: DatabaseValueConvertible {}
extension TrainingMode: DatabaseValueConvertible {}
extension AttendeeRole: DatabaseValueConvertible {}
extension EvalStage: DatabaseValueConvertible {}
extension RegionLevel: DatabaseValueConvertible {}

/// A ledger record: every change to one goes through `Ledger`, which writes its audit row.
public protocol LedgerRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
    /// The name audit rows and messages use (`unit`, `party_org` …).
    static var entity: String { get }
    /// The optimistic-concurrency counter, for records that have one.
    var recordVersion: Int? { get set }
    /// A short human description for messages and history (the name, or date and count).
    var caption: String { get }
}

extension LedgerRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    public static var entity: String { databaseTableName }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension OrgUnit: LedgerRecord {
    public static let databaseTableName = "unit"
    public var recordVersion: Int? { get { version } set { version = newValue ?? version } }
    public var caption: String { name }
}
extension PartyOrg: LedgerRecord {
    public static let databaseTableName = "party_org"
    public var recordVersion: Int? { get { version } set { version = newValue ?? version } }
    public var caption: String { name }
}
extension Instructor: LedgerRecord {
    public static let databaseTableName = "instructor"
    public var recordVersion: Int? { get { version } set { version = newValue ?? version } }
    public var caption: String { name }
}
extension Platform: LedgerRecord {
    public static let databaseTableName = "platform"
    public var recordVersion: Int? { get { version } set { version = newValue ?? version } }
    public var caption: String { name }
}
extension PlatformSurvey: LedgerRecord {
    public static let databaseTableName = "platform_survey"
    public var recordVersion: Int? { get { nil } set {} }
    public var caption: String { "\(surveyDate)" }
}
extension OutreachActivity: LedgerRecord {
    public static let databaseTableName = "outreach_activity"
    public var recordVersion: Int? { get { version } set { version = newValue ?? version } }
    public var caption: String { title }
}
extension Station: LedgerRecord {
    public static let databaseTableName = "station"
    public var recordVersion: Int? { get { version } set { version = newValue ?? version } }
    public var caption: String { name }
}
extension StationLog: LedgerRecord {
    public static let databaseTableName = "station_log"
    public var recordVersion: Int? { get { nil } set {} }
    public var caption: String { "\(date) ×\(count)" }
}
extension TrainingSession: LedgerRecord {
    public static let databaseTableName = "training_session"
    public var recordVersion: Int? { get { version } set { version = newValue ?? version } }
    public var caption: String { title }
}
extension TrainingAttendance: LedgerRecord {
    public static let databaseTableName = "training_attendance"
    public var recordVersion: Int? { get { nil } set {} }
    public var caption: String { personName ?? "×\(headCount)" }
}
extension StarEvaluation: LedgerRecord {
    public static let databaseTableName = "star_evaluation"
    public var recordVersion: Int? { get { version } set { version = newValue ?? version } }
    public var caption: String { "\(year)" }
}
extension StarEvent: LedgerRecord {
    public static let databaseTableName = "star_event"
    public var recordVersion: Int? { get { nil } set {} }
    public var caption: String { action }
}

extension Region: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "region"
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// One row of the audit table: who changed what, when, and the record before and after (JSON).
public struct AuditEntry: Codable, Sendable, FetchableRecord, MutablePersistableRecord, Hashable {
    public static let databaseTableName = "audit"
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    public var id: Int64?
    public var at: String
    public var actor: String
    public var entity: String
    public var entityId: Int64
    public var action: String
    public var before: String?
    public var after: String?
    public var source: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
