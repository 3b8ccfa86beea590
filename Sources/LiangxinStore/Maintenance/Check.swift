import GRDB
import LiangxinModel

public struct CheckReport: Sendable {
    /// `PRAGMA integrity_check` lines other than "ok".
    public var integrity: [String] = []
    /// `PRAGMA foreign_key_check`: a record pointing at one that does not exist.
    public var foreignKeys: [ConsistencyFinding] = []
    /// The domain's rules (`Consistency`) and stored records the entry forms would refuse (`Validate`).
    public var findings: [ConsistencyFinding] = []

    public var isClean: Bool { integrity.isEmpty && foreignKeys.isEmpty && findings.isEmpty }
    public var count: Int { integrity.count + foreignKeys.count + findings.count }
}

extension Store {
    /// SQLite's integrity and foreign-key checks, the consistency rules, and the form validation of every record.
    public func check(today: Day) throws -> CheckReport {
        let scope = try settings().scope
        return try read { db in
            var r = CheckReport()
            r.integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row["table"] ?? "?"
                let parent: String = row["parent"] ?? "?"
                let rowid: Int64 = row["rowid"] ?? 0
                r.foreignKeys.append(ConsistencyFinding(rule: "foreignKey", entity: table, id: rowid, caption: "",
                                                        message: "引用了不存在的\(parent)记录 (refers to a missing \(parent))"))
            }
            let units = try OrgUnit.fetchAll(db)
            let orgs = try PartyOrg.fetchAll(db)
            r.findings = Consistency.check(units: units, orgs: orgs, today: today)

            // Records the forms would refuse today (typed in before a rule, or written by another tool).
            func invalid<R: LedgerRecord>(_ records: [R], _ rules: (R) throws -> [ValidationIssue]) rethrows {
                for rec in records {
                    for e in try rules(rec).errors {
                        r.findings.append(ConsistencyFinding(rule: "validation", entity: R.entity, id: rec.id ?? 0, caption: rec.caption,
                                                             message: e.zh))
                    }
                }
            }
            var covered: [Int64: Int] = [:]
            for u in units { if let o = u.partyOrgId { covered[o, default: 0] += 1 } }
            // Everyone registered per session (`TrainingAttendance.registered`): named attendees and head counts.
            var registered: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT session_id, SUM(MAX(head_count, 0)) AS n FROM training_attendance GROUP BY session_id") {
                registered[row["session_id"]] = row["n"]
            }
            invalid(units) { Validate.unit($0, today: today) }
            invalid(orgs) { Validate.partyOrg($0, coveredUnits: covered[$0.id ?? 0] ?? 0, today: today) }
            invalid(try Instructor.fetchAll(db)) { Validate.instructor($0) }
            invalid(try Station.fetchAll(db)) { Validate.station($0, today: today) }
            invalid(try StationLog.fetchAll(db)) { Validate.stationLog($0, today: today) }
            invalid(try PlatformSurvey.fetchAll(db)) { Validate.survey($0, today: today) }
            invalid(try OutreachActivity.fetchAll(db)) { Validate.activity($0, today: today) }
            invalid(try TrainingSession.fetchAll(db)) { Validate.trainingSession($0, registered: registered[$0.id ?? 0] ?? 0, today: today) }
            // Saved figures that hold today must be what computing them gives (their triggers keep them so; a file
            // edited with the triggers dropped would show here).
            let stale = "与台账不一致（触发器被删除？），清除后下次打开将重新计算：sqlite3 数据库文件 'DELETE FROM saved_figures' (saved figures differ from the ledgers; delete them and the next start computes them again)"
            if let saved = try CoverageSummary.saved(db, scope: scope, today: today),
               saved != (try CoverageSQL.scan(db, scope: scope, today: today, byRegion: true)) {
                r.findings.append(ConsistencyFinding(rule: "savedFigures", entity: "saved_figures", id: 0, caption: "coverage", message: "保存的覆盖统计" + stale))
            }
            if let saved = try TrainingFigures.saved(db, year: today.year, today: today),
               saved != (try Store.inListOrder(db, Store.secretaryFacts(db, year: today.year, today: today))) {
                r.findings.append(ConsistencyFinding(rule: "savedFigures", entity: "saved_figures", id: 0, caption: "training", message: "保存的书记培训统计" + stale))
            }
            return r
        }
    }
}
