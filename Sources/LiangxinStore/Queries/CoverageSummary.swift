import Foundation
import GRDB
import LiangxinModel

/// The saved result of the coverage unit scan (`SavedFigures` of kind coverage): read instead of scanning 100,000
/// units when nothing the scan reads has changed and today is within the days it holds for.
enum CoverageSummary {
    /// The rule as the summary's key: every field the scan's SQL reads.
    static func key(_ rule: ScopeRule) -> String {
        "operatingOnly=\(rule.operatingOnly ? 1 : 0);minStaff=\(rule.minStaff);kinds=\(rule.minStaffKinds.map(\.rawValue).sorted().joined(separator: ","))"
    }

    /// The meaning of a slot number and of the payload: another build with other categories, sectors, classes,
    /// findings thresholds or scan SQL must not read this one's summary. (Bump `format` when the scan loop's own
    /// logic changes.)
    static let layout = "format=1;categories=" + CoverageSQL.categories.map(\.rawValue).joined(separator: ",")
        + ";sectors=" + CoverageSQL.sectors.map(\.rawValue).joined(separator: ",")
        + ";classes=" + CoverageClass.allCases.map(\.rawValue).joined(separator: ",")
        + ";findings=\(Findings.minMembersForOwnBranch),\(Findings.maxBranchMembers)"
        + ";sql=" + PackedWriter.fingerprint(CoverageSQL.scanPart(scope: .default, today: Day.startOf(year: 2000), byRegion: true).sql)

    static func generation(_ db: Database) throws -> Int64 { try SavedFigures.generation(db, .coverage) }

    /// The saved scan for the rule, when it was saved at the current generation and holds for `today`; nil
    /// otherwise, and when the payload cannot be read (it is then scanned and saved again).
    static func saved(_ db: Database, scope: ScopeRule, today: Day) throws -> CoverageSQL.Scan? {
        guard let bytes = try SavedFigures.payload(db, .coverage, key: key(scope), layout: layout, today: today) else { return nil }
        return try? decode(bytes)
    }

    /// The first day on or after `today` on which some unit's scope or finding may change, so a scan made for
    /// `today` holds for every day before it. A value that is not a date counts from its first ten characters,
    /// or from tomorrow: the summary then ends early, never late.
    static func validUntil(_ db: Database, today: Day) throws -> Day {
        let row = try Row.fetchOne(db, sql: """
            SELECT MIN(CASE WHEN registered > :today THEN registered END),
                   MIN(CASE WHEN deregistered > :today THEN deregistered END),
                   MIN(CASE WHEN planned_date >= :today THEN planned_date END)
            FROM unit
            """, arguments: ["today": today.description])
        let tomorrow = today.adding(days: 1)
        /// The day a stored date (plus `days`) starts to count, not before tomorrow; tomorrow for a value that is no date.
        func from(_ column: Int, plus days: Int) -> Day? {
            guard let text = row?[column] as String? else { return nil }
            guard let d = Day(String(text.prefix(10))) else { return tomorrow }
            return max(d.adding(days: days), tomorrow)
        }
        // In scope from the day of registration; out (operating units only) from the day of deregistration;
        // "planned date passed" from the day after it; last year's classes (as of the end of last year) with a new year.
        let candidates = [from(0, plus: 0), from(1, plus: 0), from(2, plus: 1), Day.startOf(year: today.year + 1)]
        return candidates.compactMap { $0 }.min()!
    }

    /// Saves `scan`, made at `generation` for `today`, unless the data changed since (then the next reader scans).
    static func save(_ db: Database, _ scan: CoverageSQL.Scan, scope: ScopeRule, today: Day, generation: Int64) throws -> Bool {
        try SavedFigures.save(db, .coverage, key: key(scope), layout: layout, generation: generation, from: today,
                              until: { try validUntil(db, today: today) }, payload: { encode(scan) })
    }

    // MARK: the payload

    static func encode(_ s: CoverageSQL.Scan) -> [UInt8] {
        var w = PackedWriter()
        for v in [s.units, s.inScope, s.fullMembers, s.probationaryMembers, s.shouldForm, s.blindSpots, s.plannedPassed] { w.int(v) }
        w.int(s.regionNames.count)
        for r in s.regionNames { w.string(r) }
        w.int(s.runs.count)
        for run in s.runs { w.int(run.region); w.int(run.slot); w.int(run.n) }
        func counts(_ d: [Int64: Int]) {
            w.int(d.count)
            for (id, n) in d.sorted(by: { $0.key < $1.key }) { w.int64(id); w.int(n) }
        }
        counts(s.jointUnits)
        let index = Dictionary(uniqueKeysWithValues: s.regionNames.enumerated().map { ($0.element, $0.offset) })
        let tallies = s.findings.compactMap { code, t in index[code].map { ($0, t) } }.sorted { $0.0 < $1.0 }
        w.int(tallies.count)
        for (r, t) in tallies {
            w.int(r); w.int(t.shouldForm); w.int(t.blindSpots); w.int(t.plannedPassed)
            counts(t.jointUnits)
            counts(t.largeBranchUnits)
        }
        return w.sealed
    }

    static func decode(_ bytes: [UInt8]) throws -> CoverageSQL.Scan {
        var r = try PackedReader(sealed: bytes)
        var s = CoverageSQL.Scan()
        s.units = try r.int(); s.inScope = try r.int(); s.fullMembers = try r.int(); s.probationaryMembers = try r.int()
        s.shouldForm = try r.int(); s.blindSpots = try r.int(); s.plannedPassed = try r.int()
        let regions = try r.count()
        s.regionNames.reserveCapacity(regions)
        for _ in 0..<regions { s.regionNames.append(try r.string()) }
        let runs = try r.count(minBytes: 3)
        s.runs.reserveCapacity(runs)
        let slots = CoverageSQL.cellCount * 36
        for _ in 0..<runs {
            s.runs.append(.init(region: try r.int(in: 0..<regions), slot: try r.int(in: 0..<slots), n: try r.int(in: 1..<Int.max)))
        }
        func counts() throws -> [Int64: Int] {
            var d: [Int64: Int] = [:]
            for _ in 0..<(try r.count(minBytes: 2)) { d[try r.int64()] = try r.int(in: 1..<Int.max) }
            return d
        }
        s.jointUnits = try counts()
        for _ in 0..<(try r.count(minBytes: 6)) {
            let region = try r.int(in: 0..<regions)
            var t = FindingTally()
            t.shouldForm = try r.int(); t.blindSpots = try r.int(); t.plannedPassed = try r.int()
            t.jointUnits = try counts()
            t.largeBranchUnits = try counts()
            s.findings[s.regionNames[region]] = t
        }
        guard r.atEnd else { throw PackedReader.Damaged() }
        return s
    }
}

extension Store {
    /// The scan of every unit by region: the saved summary when it holds, else scanned (with what to save).
    /// `useSaved: false` always scans (the benchmark's figure for a start without a summary).
    /// `generation` is the one the scan is of (a caller reading more in another transaction compares it there).
    func coverageScanByRegion(scope: ScopeRule, today: Day, useSaved: Bool = true) throws
        -> (scan: CoverageSQL.Scan, generation: Int64, unsaved: UnsavedFigures?) {
        if useSaved, let (s, g) = try read({ db -> (CoverageSQL.Scan, Int64)? in
            try CoverageSummary.saved(db, scope: scope, today: today).map { ($0, try CoverageSummary.generation(db)) }
        }) {
            return (s, g, nil)
        }
        let (s, generation) = try coverageScanSplit(scope: scope, today: today)
        return (s, generation, UnsavedFigures(content: .coverage(s, scope), today: today, generation: generation))
    }

    /// The unit scan by region in two halves (region codes below and from the middle one), one per core: a start
    /// without a saved summary waits for half the scan (issue 8). Two reads are two snapshots; they are one state of
    /// the data when both saw the same generation (every write to what the scan reads bumps it), else they are
    /// read again, and after three tries in one read.
    func coverageScanSplit(scope: ScopeRule, today: Day) throws -> (scan: CoverageSQL.Scan, generation: Int64) {
        @Sendable func scan(_ range: CoverageSQL.RegionRange?) throws -> (CoverageSQL.Scan, Int64) {
            try read { db in (try CoverageSQL.scan(db, scope: scope, today: today, range: range, byRegion: true), try CoverageSummary.generation(db)) }
        }
        let middle = try read { db in
            try String.fetchOne(db, sql: "SELECT code FROM region ORDER BY code LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM region)")
        }
        if let middle {
            let ranges = [CoverageSQL.RegionRange(from: nil, below: middle), CoverageSQL.RegionRange(from: middle, below: nil)]
            for _ in 0..<3 {
                let halves = Halves()
                DispatchQueue.concurrentPerform(iterations: 2) { i in halves.set(i, Result { try scan(ranges[i]) }) }
                if let both = CoverageSQL.Scan.joined(try halves.get(0), try halves.get(1)) { return both }
            }
        }
        return try scan(nil)
    }
}

extension CoverageSQL.Scan {
    /// Two halves of a split scan as one, when both were read at the same generation (one state of the data).
    static func joined(_ a: (CoverageSQL.Scan, Int64), _ b: (CoverageSQL.Scan, Int64)) -> (scan: CoverageSQL.Scan, generation: Int64)? {
        a.1 == b.1 ? (a.0.followed(by: b.0), a.1) : nil
    }
}

/// The two halves' results, written by two threads.
private final class Halves: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<(CoverageSQL.Scan, Int64), any Error>?] = [nil, nil]

    func set(_ i: Int, _ r: Result<(CoverageSQL.Scan, Int64), any Error>) { lock.lock(); results[i] = r; lock.unlock() }

    func get(_ i: Int) throws -> (CoverageSQL.Scan, Int64) {
        lock.lock(); defer { lock.unlock() }
        return try results[i]!.get()
    }
}

extension Store {
    /// Scans and saves the summary now.
    public func refreshCoverageSummary(scope: ScopeRule, today: Day) throws {
        if let unsaved = try coverageScanByRegion(scope: scope, today: today).unsaved { try saveFigures(unsaved) }
    }
}
