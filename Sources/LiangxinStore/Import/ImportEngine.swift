import Foundation
import GRDB
import LiangxinModel

/// The one import path: single files (`liangxin import`) and the sample set (`init --sample`) both come here.
///
/// For each row: the cells the file has are decoded; the stored record is found by id (when the file has an id
/// column and that id is stored) or by natural key; for an update the file's cells overlay the stored record's
/// (columns the file lacks keep their values); the result is validated as the forms validate; unchanged rows are
/// left alone, so importing the same file twice changes nothing.
enum ImportEngine {
    static func run<S: KindSpec>(_ spec: S.Type, table: SourceTable, header h: HeaderMatch, session: ImportSession,
                                 ledger: Ledger, result: inout ImportResult, progress: ((Int, Int) -> Void)?) throws {
        let kind = S.kind
        let columns = kind.columns
        let index = kind.columnIndex
        var stored: [Int64: S.R] = [:]
        var byKey: [String: [Int64]] = [:]
        for (id, v) in try S.loadAll(session.db) {
            stored[id] = v
            for k in S.storedKeys(v) { byKey[k, default: []].append(id) }
        }
        var seenKeys: [String: Int] = [:]
        var seenIds: [Int64: Int] = [:]
        let keyColumn = kind.naturalKey.first { $0.allSatisfy(h.has) }?.first
        let hasId = h.has("id")
        let complete = columns.allSatisfy { $0 == "id" || h.has($0) }
        let sources = h.columnOf.map { (src: $0.key, pos: index[$0.value]!) }
        let total = table.records.count - h.headerIndex - 1
        var done = 0

        for i in (h.headerIndex + 1)..<max(h.headerIndex + 1, table.records.count) {
            done += 1
            if done % 500 == 0 { progress?(done, total) }
            let rec = table.records[i]
            let rowNo = table.rowNumbers[i]
            if rec.allSatisfy({ RowReader.trim($0).isEmpty }) { continue }
            result.rows += 1

            var fileCells = [String?](repeating: nil, count: columns.count)
            for s in sources { fileCells[s.pos] = s.src < rec.count ? rec[s.src] : "" }
            var reader = RowReader(file: table.file, line: rowNo, index: index, cells: fileCells, regions: session.regions)
            var probe = S.decode(&reader)
            var refProblems: [(String, String)] = []
            try S.references(&probe, session, &refProblems)
            var problems: [ImportProblem] = []
            func fail(_ column: String?, _ reason: String) {
                problems.append(ImportProblem(file: table.file, row: rowNo, column: column, reason: reason))
            }

            // Which stored record this row is.
            let fid = hasId ? S.fileId(probe) : nil
            let keys = S.keys(probe, h)
            for k in keys { if let r = seenKeys[k] { fail(keyColumn, "与第\(r)行是同一条记录 (same record as row \(r))"); break } }
            if let f = fid, let r = seenIds[f] { fail("id", "编号\(f)与第\(r)行重复 (id repeated from row \(r))") }
            var target: Int64?
            if let f = fid, stored[f] != nil { target = f }
            var keyHit: Int64?
            for k in keys {
                guard let ids = byKey[k], !ids.isEmpty else { continue }
                if ids.count > 1 {
                    fail(keyColumn, "匹配到\(ids.count)条已有记录（编号\(ids.map(String.init).joined(separator: "、"))），请在文件中写明编号 (matches several records; give the id)")
                }
                keyHit = ids[0]
                break
            }
            if let t = target, let kh = keyHit, kh != t {
                fail(keyColumn, "编号\(t)是“\(S.caption(stored[t]!))”，但这一行的\(h.sourceHeader[keyColumn ?? ""] ?? "关键列")属于“\(S.caption(stored[kh]!))”（编号\(kh)）(id and natural key name different records)")
            } else if target == nil, let kh = keyHit {
                target = kh
                if fid != nil { result.idIgnored += 1 }
            }

            var v = probe
            var old: S.R?
            if let t = target, let o = stored[t], complete {
                // Every column is in the file: the stored values would all be overwritten anyway.
                old = o
                S.adopt(&v, from: o)
            } else if let t = target, let o = stored[t] {
                old = o
                var merged = S.encode(o).map { Optional($0) }
                for (j, c) in fileCells.enumerated() where c != nil { merged[j] = c }
                reader = RowReader(file: table.file, line: rowNo, index: index, cells: merged, regions: session.regions)
                v = S.decode(&reader)
                refProblems = []
                try S.references(&v, session, &refProblems)
                S.adopt(&v, from: o)
            }
            problems += reader.problems
            for (c, why) in refProblems { fail(c, why) }
            for k in keys where seenKeys[k] == nil { seenKeys[k] = rowNo }
            if let f = fid, seenIds[f] == nil { seenIds[f] = rowNo }

            if problems.isEmpty, let o = old, v == o {
                result.unchanged += 1
                if let f = fid, let t = target, f != t { session.idMap[kind, default: [:]][f] = t }
                continue
            }
            // The forms' validation, on every row: a column that already failed to read is not reported twice.
            let unreadable = Set(problems.compactMap(\.column))
            let issues = try S.validate(v, old: old, session)
            for e in issues.errors where !unreadable.contains(columnName(e.field)) { fail(columnName(e.field), e.zh) }
            if problems.isEmpty {
                for w in issues.warnings {
                    result.warnings.append(ImportProblem(file: table.file, row: rowNo, column: columnName(w.field), reason: w.zh))
                }
            }
            if !problems.isEmpty {
                result.bad.append(BadRow(row: rowNo, cells: rec, problems: problems))
                continue
            }

            do {
                if let o = old, let t = target {
                    try S.update(&v, ledger, old: o)
                    for k in S.storedKeys(o) { byKey[k]?.removeAll { $0 == t } }
                    for k in S.storedKeys(v) { byKey[k, default: []].append(t) }
                    stored[t] = v
                    let before = S.encode(o), after = S.encode(v)
                    let changed = columns.indices.filter { columns[$0] != "id" && before[$0] != after[$0] }.map { columns[$0] }
                    result.updated += 1
                    result.updates.append(UpdateNote(row: rowNo, id: t, caption: S.caption(v), changed: changed))
                    if let f = fid, f != t { session.idMap[kind, default: [:]][f] = t }
                } else {
                    let newId = try S.insert(&v, ledger, session)
                    stored[newId] = v
                    for k in S.storedKeys(v) { byKey[k, default: []].append(newId) }
                    try session.added(kind, newId)
                    if let f = fid, f != newId { session.idMap[kind, default: [:]][f] = newId }
                    result.inserted += 1
                }
                try S.afterWrite(v, old: old, session)
            } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                // A rule the checks above did not foresee; the statement failed alone, the transaction goes on.
                fail(nil, "与数据库约束冲突：\(e.message ?? "\(e)") (constraint failed)")
                result.bad.append(BadRow(row: rowNo, cells: rec, problems: problems))
            }
        }
        progress?(total, total)
    }

    /// File-level checks before any row is read.
    static func check(_ h: HeaderMatch, kind: LedgerKind, table: SourceTable, strict: Bool, result: inout ImportResult) {
        let headerRow = table.rowNumbers.isEmpty ? 1 : table.rowNumbers[h.headerIndex]
        if !kind.spec.canMatch(h) {
            let alts = kind.naturalKey.map { alt in alt.map(kind.chineseHeader).joined(separator: "+") }.joined(separator: "”或“")
            result.fileProblems.append(ImportProblem(file: table.file, row: headerRow, column: nil,
                reason: "缺少用于识别记录的列：需要“编号”或“\(alts)” (no id column and no complete natural key)"))
        }
        if strict && !h.unknown.isEmpty {
            result.fileProblems.append(ImportProblem(file: table.file, row: headerRow, column: nil,
                reason: "未知列：\(h.unknown.joined(separator: "、")) (unknown columns)"))
        }
    }

    /// Whatever the per-row checks missed, SQLite's own foreign-key check catches before commit.
    static func foreignKeyProblems(_ db: Database, file: String) throws -> [ImportProblem] {
        let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        return fk.prefix(50).map { r in
            ImportProblem(file: file, row: 0, column: r["parent"],
                          reason: "\(r["table"] as String? ?? "?")的记录（rowid \(r["rowid"] as Int64? ?? 0)）引用了不存在的\(r["parent"] as String? ?? "")记录 (foreign key)")
        }
    }
}

/// Reading, matching, writing (or rolling back) one file.
public enum LedgerImport {
    public static func run(kind: LedgerKind, file: String, into store: Store, options: ImportOptions,
                           progress: ((Int, Int) -> Void)? = nil) throws -> ImportResult {
        let start = Date()
        var result = ImportResult(kind: kind, file: file)
        result.dryRun = options.dryRun
        let table: SourceTable
        let h: HeaderMatch
        do {
            table = try SourceTable.read(path: file, sheet: options.sheet)
            result.format = table.format
            h = try HeaderMatcher.match(table, kind: kind, map: options.map)
        } catch let p as ImportProblem {
            result.fileProblems = [p]
            return result
        }
        describe(h, table: table, into: &result)
        ImportEngine.check(h, kind: kind, table: table, strict: options.strictColumns, result: &result)
        if !result.fileProblems.isEmpty { return result }

        let source = options.source ?? URL(fileURLWithPath: file).standardizedFileURL.path
        try store.pool.writeWithoutTransaction { db in
            try db.inTransaction {
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                let session = try ImportSession(db: db, today: options.today)
                let ledger = Ledger(db: db, source: source)
                try ImportEngine.run(kind.spec, table: table, header: h, session: session, ledger: ledger, result: &result, progress: progress)
                result.fileProblems += try ImportEngine.foreignKeyProblems(db, file: file)
                let commit = !options.dryRun && result.fileProblems.isEmpty && (result.bad.isEmpty || options.skipBad)
                result.written = commit
                return commit ? .commit : .rollback
            }
        }
        if result.written && !result.bad.isEmpty {
            result.rejectsFile = try Rejects.write(result, table: table, header: h)
        }
        result.seconds = Date().timeIntervalSince(start)
        return result
    }

    static func describe(_ h: HeaderMatch, table: SourceTable, into r: inout ImportResult) {
        r.headerRow = table.rowNumbers.isEmpty ? 1 : table.rowNumbers[h.headerIndex]
        r.header = table.records.isEmpty ? [] : table.records[h.headerIndex]
        for (s, c) in h.matched { r.matched[c] = s; r.matchedOrder.append(c) }
        r.unknown = h.unknown
        r.ignored = h.ignored
    }
}
