import GRDB
import LiangxinModel

/// The SQL mirror of `CoverageClass.classify` and `ScopeRule.includes`, so coverage runs inside SQLite at any size.
/// `CoverageFixtureTests` checks it against the model on a fixture, and `SyntheticDataTests` on a generated city.
///
/// Performance (issue 8): the classes come out as small integers packed into one number per unit and are counted
/// in Swift while SQLite streams the rows. Grouping in SQL made SQLite sort every unit row (a temporary B-tree for
/// GROUP BY), which was most of the overview's time on 100,000 units.
enum CoverageSQL {
    /// 0 = out of scope; 1…5 the classes in `CoverageClass.allCases` order.
    static func code(_ c: CoverageClass) -> Int { CoverageClass.allCases.firstIndex(of: c)! + 1 }
    static func coverageClass(code: Int) -> CoverageClass? { (1...5).contains(code) ? CoverageClass.allCases[code - 1] : nil }

    /// The class of `u` (joined with its organization `o`) as of `asOf` (`nil` or `"NULL"` = now, else an SQL
    /// parameter such as `:last`), written as `label(class)` (by default the raw value, `'own'` …).
    static func classExpr(asOf day: String?, label: (CoverageClass) -> String = { "'\($0.rawValue)'" }) -> String {
        let asOf = day == "NULL" ? nil : day
        // Now: an organization counts while it is not revoked. As of a day: also one revoked after that day, and only
        // once it was founded and the unit had joined it; an instructor only from the day the unit was linked.
        let orgActive = asOf.map { "(o.status <> '\(OrgStatus.revoked.rawValue)' OR o.revoked_on > \($0))"
            + " AND (o.founded IS NULL OR o.founded <= \($0)) AND (u.org_since IS NULL OR u.org_since <= \($0))" }
            ?? "o.status <> '\(OrgStatus.revoked.rawValue)'"
        let instructor = asOf.map { "u.instructor_id IS NOT NULL AND (u.instructor_since IS NULL OR u.instructor_since <= \($0))" }
            ?? "u.instructor_id IS NOT NULL"
        return """
        CASE
          WHEN o.id IS NOT NULL AND \(orgActive)
            THEN CASE o.formation
                   WHEN '\(Formation.independent.rawValue)' THEN \(label(.own))
                   WHEN '\(Formation.joint.rawValue)' THEN \(label(.joint))
                   WHEN '\(Formation.industry.rawValue)' THEN \(label(.industry))
                   ELSE \(label(.workOnly)) END
          WHEN \(instructor) THEN \(label(.workOnly))
          ELSE \(label(.uncovered))
        END
        """
    }

    /// The class as its code, 0 when out of scope on `day` (`:today` / `:last`).
    static func codeExpr(_ rule: ScopeRule, day: String, asOf: String?) -> String {
        "CASE WHEN \(scopeExpr(rule, day: day)) THEN \(classExpr(asOf: asOf) { String(code($0)) }) ELSE 0 END"
    }

    /// Whether `u` is in scope on `day` under the rule.
    static func scopeExpr(_ rule: ScopeRule, day: String) -> String {
        var parts = ["(u.registered IS NULL OR u.registered <= \(day))"]
        if rule.operatingOnly {
            parts.append("(u.status <> '\(UnitStatus.deregistered.rawValue)' OR (u.deregistered IS NOT NULL AND u.deregistered > \(day)))")
        }
        if rule.minStaff > 0 && !rule.minStaffKinds.isEmpty {
            let kinds = rule.minStaffKinds.map { "'\($0.rawValue)'" }.joined(separator: ",")
            parts.append("(u.kind NOT IN (\(kinds)) OR u.staff >= \(rule.minStaff))")
        }
        return parts.joined(separator: " AND ")
    }

    // MARK: the unit scan

    static let categories = UnitCategory.allCases
    static let sectors = Sector.allCases
    /// Cells: category (and one slot for a category this version does not know) × acfic × sector (and none).
    static let cellCount = (categories.count + 1) * 2 * (sectors.count + 1)

    /// The packed key of a unit: cell, class now, class at the end of last year, and whether a planned date has passed.
    static func keyExpr(_ rule: ScopeRule) -> String {
        let cat = "CASE u.category " + categories.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
            + " ELSE \(categories.count) END"
        let sector = "CASE u.sector " + sectors.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset + 1)" }.joined(separator: " ")
            + " ELSE 0 END"
        return """
        ((((\(cat)) * 2 + (u.acfic_member <> 0)) * \(sectors.count + 1) + (\(sector))) * 36
          + (\(codeExpr(rule, day: ":today", asOf: nil))) * 6
          + (\(codeExpr(rule, day: ":last", asOf: ":last")))) * 2
          + COALESCE(u.planned_date < :today, 0)
        """
    }

    /// One row per unit: the packed key, its members, and its organization when that is an active joint branch
    /// (for "joint branch over five units"). `byRegion` adds the unit's region code.
    /// `sectorOnly` reads only the units of a new-employment sector (through the `unit_sector` index), for the
    /// outreach summary, which counts nothing else.
    static func scanPart(scope: ScopeRule, today: Day, range: RegionRange? = nil, byRegion: Bool, sectorOnly: Bool = false) -> QueryPart {
        var conditions: [String] = []
        if range?.from != nil { conditions.append("u.region_code >= :from") }
        if range?.below != nil { conditions.append("u.region_code < :below") }
        if sectorOnly { conditions.append("u.sector IS NOT NULL") }
        let sql = """
        SELECT \(keyExpr(scope)) AS k, u.full_members AS f, u.probationary_members AS p,
               CASE WHEN o.formation = '\(Formation.joint.rawValue)' AND o.status <> '\(OrgStatus.revoked.rawValue)' THEN o.id END AS j,
               CASE WHEN \(FindingsSQL.condition(.branchTooLarge, scope: scope, cls: "NULL")) THEN o.id END AS b\
        \(byRegion ? ", u.region_code AS r" : "")
        FROM unit u LEFT JOIN party_org o ON o.id = u.party_org_id
        \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
        """
        var args: [(String, DatabaseValueConvertible?)] = [("today", today.description), ("last", today.endOfPreviousYear.description)]
        if let f = range?.from { args.append(("from", f)) }
        if let b = range?.below { args.append(("below", b)) }
        // The sqlite3 script makes SQLite evaluate every column of every row without printing 100,000 rows: a filter
        // no row passes (cheaper than summing, so the reference stays the lower bound of the work).
        return QueryPart("coverage and scope (unit scan)", sql, args,
                         reference: "SELECT COUNT(*) FROM (\(sql)) WHERE k < 0 OR f < 0 OR p < 0 OR j < 0 OR b < 0")
    }

    /// Region codes `from ..< below` (nil: no bound): one part of a scan split across threads.
    struct RegionRange: Sendable, Equatable {
        var from: String?
        var below: String?
    }

    /// What one scan of the units yields.
    struct Scan: Equatable {
        /// The regions met ("" alone when not by region); `Run.region` indexes them.
        var regionNames: [String] = []
        /// The non-zero counters, by region and `slot(cell:now:last:)`, in that order. Sparse: a dense table of every
        /// slot per region was 4,680 counters × 3,445 regions (129 MB) on 100,000 units, and most of the coverage
        /// panel's first frame went into filling and reading it (issue 8).
        var runs: [Run] = []
        struct Run: Equatable { var region: Int; var slot: Int; var n: Int }

        var units = 0
        var inScope = 0
        var fullMembers = 0
        var probationaryMembers = 0
        var shouldForm = 0
        var blindSpots = 0
        var plannedPassed = 0
        /// In-scope units per active joint branch.
        var jointUnits: [Int64: Int] = [:]
        /// By region (only when scanned by region): the unit-level findings of the units in scope, so the coverage
        /// panel counts its findings from this one scan instead of reading every unit again (issue 8).
        var findings: [String: FindingTally] = [:]

        static func slot(cell: Int, now: Int, last: Int) -> Int { (cell * 6 + now) * 6 + last }

        /// This scan (by region) followed by one of the regions after all of its own (the other half of a split scan):
        /// what one scan of both ranges gives.
        func followed(by b: Scan) -> Scan {
            var s = self
            let shift = regionNames.count
            s.regionNames += b.regionNames
            s.runs += b.runs.map { Run(region: $0.region + shift, slot: $0.slot, n: $0.n) }
            s.units += b.units; s.inScope += b.inScope
            s.fullMembers += b.fullMembers; s.probationaryMembers += b.probationaryMembers
            s.shouldForm += b.shouldForm; s.blindSpots += b.blindSpots; s.plannedPassed += b.plannedPassed
            s.jointUnits.merge(b.jointUnits, uniquingKeysWith: +)
            s.findings.merge(b.findings, uniquingKeysWith: { a, _ in a })
            return s
        }

        /// The same scan without regions (what `scan(byRegion: false)` gives): the overview reads it from a saved
        /// summary by region.
        func withoutRegions() -> Scan {
            var s = self
            var bySlot: [Int: Int] = [:]
            for run in runs { bySlot[run.slot, default: 0] += run.n }
            s.regionNames = [""]
            s.runs = bySlot.sorted { $0.key < $1.key }.map { Run(region: 0, slot: $0.key, n: $0.value) }
            s.findings = [:]
            return s
        }

        /// The counts summed up the region tree, now and at the end of last year, straight from the counters (the
        /// coverage panel's tables; the same sums as `RegionCoverage(cells(lastYear:), tree:)`).
        func rollups(tree: RegionTree) -> (now: RegionCoverage, lastYear: RegionCoverage) {
            let n = RegionCoverage.groupCount
            var now = [CoverageCounts](repeating: CoverageCounts(), count: regionNames.count * n), last = now
            var groupsOfCell = [[Int]?](repeating: nil, count: cellCount)
            for run in runs {
                let cell = run.slot / 36
                let sectorIndex = cell % (sectors.count + 1)
                let catIndex = cell / (sectors.count + 1) / 2
                guard catIndex < categories.count else { continue }
                let gs: [Int]
                if let known = groupsOfCell[cell] { gs = known } else {
                    gs = RegionCoverage.groupIndices(category: categories[catIndex], acfic: (cell / (sectors.count + 1)) % 2 == 1,
                                                     sector: sectorIndex == 0 ? nil : sectors[sectorIndex - 1])
                    groupsOfCell[cell] = gs
                }
                let base = run.region * n
                if let cls = coverageClass(code: (run.slot / 6) % 6) {
                    for g in gs { now[base + g].add(cls, run.n) }
                }
                if let cls = coverageClass(code: run.slot % 6) {
                    for g in gs { last[base + g].add(cls, run.n) }
                }
            }
            return (RegionCoverage(codes: regionNames, own: now, tree: tree), RegionCoverage(codes: regionNames, own: last, tree: tree))
        }

        func cells(lastYear: Bool) -> [CoverageCell] {
            // Runs come region by region (in index order) and by slot: one region's cells at a time, regions by code.
            var byRegion: [(code: String, cells: [CoverageCell])] = []
            var i = 0
            while i < runs.count {
                let r = runs[i].region
                var byCell: [Int: CoverageCounts] = [:]
                while i < runs.count && runs[i].region == r {
                    let slot = runs[i].slot
                    if let cls = coverageClass(code: lastYear ? slot % 6 : (slot / 6) % 6) { byCell[slot / 36, default: CoverageCounts()].add(cls, runs[i].n) }
                    i += 1
                }
                var cells: [CoverageCell] = []
                for (cell, counts) in byCell.sorted(by: { $0.key < $1.key }) {
                    let sectorIndex = cell % (sectors.count + 1)
                    let acfic = (cell / (sectors.count + 1)) % 2 == 1
                    let catIndex = cell / (sectors.count + 1) / 2
                    guard catIndex < categories.count, counts.inScope > 0 else { continue }
                    cells.append(CoverageCell(regionCode: regionNames[r], category: categories[catIndex], acfic: acfic,
                                              sector: sectorIndex == 0 ? nil : sectors[sectorIndex - 1], counts: counts))
                }
                byRegion.append((regionNames[r], cells))
            }
            return byRegion.sorted { $0.code < $1.code }.flatMap(\.cells)
        }
    }

    static func scan(_ db: Database, scope: ScopeRule, today: Day, range: RegionRange? = nil, byRegion: Bool,
                     sectorOnly: Bool = false, timer: QueryTimer? = nil) throws -> Scan {
        let part = scanPart(scope: scope, today: today, range: range, byRegion: byRegion, sectorOnly: sectorOnly)
        return try timed(timer, part.name) {
            var s = Scan()
            let size = cellCount * 36
            // One dense table without regions; by region, each unit's (region, slot) packed into one number and
            // counted after the scan by sorting (a dictionary increment per unit cost more than the sort).
            // (rows come in table order, not grouped by region).
            var table = [Int](repeating: 0, count: byRegion ? 0 : size)
            var packed: [Int] = []
            var regions = ByteInterner()
            var tallies: [FindingTally] = []
            // (region, organization) of each in-scope unit under a joint branch / a branch over 50 members, counted
            // after the scan: hashing per unit into per-region dictionaries was a tenth of the scan (issue 8).
            var jointPairs: [OrgPair] = [], largePairs: [OrgPair] = []
            var jointTotals = OrgCounter()
            let own = code(.own), workOnly = code(.workOnly), uncovered = code(.uncovered)
            // Stepped through SQLite's C API: decoding each value through `Row`, and a `String` per region code, was
            // most of the scan's time at 100,000 units (issue 8).
            let col = try RawRows(db, sql: part.sql, arguments: part.statementArguments)
            while try col.next() {
                let key = Int(col.int64(0))
                let full = Int(col.int64(1))
                let planned = key & 1
                let slot = key >> 1
                var r = -1
                if byRegion {
                    r = regions.index(col.bytes(5) ?? UnsafeBufferPointer(start: nil, count: 0))
                    if r == tallies.count { tallies.append(FindingTally()) }
                    packed.append(r * size + slot)
                } else {
                    table[slot] += 1
                }
                s.units += 1
                let now = (slot / 6) % 6
                guard now != 0 else { continue }
                s.inScope += 1
                s.fullMembers += full
                s.probationaryMembers += Int(col.int64(2))
                // The same predicates as `FindingsSQL` (and the model's `Findings`).
                let shouldForm = full >= Findings.minMembersForOwnBranch && now != own
                let blind = now == uncovered
                let passed = planned == 1 && (now == workOnly || now == uncovered)
                if shouldForm { s.shouldForm += 1 }
                if blind { s.blindSpots += 1 }
                if passed { s.plannedPassed += 1 }
                let j = col.isNull(3) ? nil : col.int64(3)
                if let j { jointTotals.add(j) }
                if r >= 0 {
                    if shouldForm { tallies[r].shouldForm += 1 }
                    if blind { tallies[r].blindSpots += 1 }
                    if passed { tallies[r].plannedPassed += 1 }
                    // An active joint organization makes the class joint, so every in-scope unit with j is a joint unit.
                    if let j { jointPairs.append(OrgPair(region: r, org: j)) }
                    if !col.isNull(4) { largePairs.append(OrgPair(region: r, org: col.int64(4))) }
                }
            }
            s.jointUnits = jointTotals.dictionary
            for (pair, n) in OrgPair.counted(jointPairs) { tallies[pair.region].jointUnits[pair.org] = n }
            for (pair, n) in OrgPair.counted(largePairs) { tallies[pair.region].largeBranchUnits[pair.org] = n }
            if byRegion {
                s.regionNames = regions.strings
                for (i, region) in s.regionNames.enumerated() where tallies[i] != FindingTally() { s.findings[region] = tallies[i] }
                // Counting sort by region (linear), then each region's few slots sorted and counted.
                var starts = [Int](repeating: 0, count: s.regionNames.count + 1)
                for k in packed { starts[k / size + 1] += 1 }
                for r in s.regionNames.indices { starts[r + 1] += starts[r] }
                var fill = starts
                var slots = [Int](repeating: 0, count: packed.count)
                for k in packed { let r = k / size; slots[fill[r]] = k % size; fill[r] += 1 }
                s.runs.reserveCapacity(packed.count / 4)
                for r in s.regionNames.indices {
                    slots[starts[r]..<starts[r + 1]].sort()
                    var i = starts[r]
                    while i < starts[r + 1] {
                        var j = i + 1
                        while j < starts[r + 1] && slots[j] == slots[i] { j += 1 }
                        s.runs.append(Scan.Run(region: r, slot: slots[i], n: j - i))
                        i = j
                    }
                }
            } else {
                s.regionNames = [""]
                for (slot, n) in table.enumerated() where n > 0 { s.runs.append(Scan.Run(region: 0, slot: slot, n: n)) }
            }
            return s
        }
    }

    /// Coverage cells (region × category × acfic × sector) now and at the end of last year, in one scan.
    static func cells(_ db: Database, scope: ScopeRule, today: Day, byRegion: Bool = true,
                      sectorOnly: Bool = false, timer: QueryTimer? = nil) throws -> (now: [CoverageCell], lastYear: [CoverageCell]) {
        let s = try scan(db, scope: scope, today: today, byRegion: byRegion, sectorOnly: sectorOnly, timer: timer)
        return (s.cells(lastYear: false), s.cells(lastYear: true))
    }
}

/// A region's (by its index in the scan) unit under an organization.
struct OrgPair: Comparable {
    var region: Int
    var org: Int64
    static func < (a: Self, b: Self) -> Bool { (a.region, a.org) < (b.region, b.org) }

    /// Each distinct pair with how many times it occurs.
    static func counted(_ pairs: [OrgPair]) -> [(OrgPair, Int)] {
        var out: [(OrgPair, Int)] = []
        for p in pairs.sorted() {
            if let last = out.last, last.0 == p { out[out.count - 1].1 += 1 } else { out.append((p, 1)) }
        }
        return out
    }
}

/// Units per organization id, in an array indexed by id while ids are small (they are row ids), else a dictionary.
struct OrgCounter {
    private var dense: [Int] = []
    private var sparse: [Int64: Int] = [:]

    mutating func add(_ id: Int64) {
        if id >= 0 && id < 1 << 24 {
            let i = Int(id)
            if i >= dense.count { dense.append(contentsOf: repeatElement(0, count: max(i + 1 - dense.count, dense.count))) }
            dense[i] += 1
        } else {
            sparse[id, default: 0] += 1
        }
    }

    var dictionary: [Int64: Int] {
        var d = sparse
        for (i, n) in dense.enumerated() where n > 0 { d[Int64(i)] = n }
        return d
    }
}

/// The unit-level findings of the units in scope of one region (its own units, not those below it).
public struct FindingTally: Equatable, Sendable {
    public var shouldForm = 0
    public var blindSpots = 0
    public var plannedPassed = 0
    /// In-scope units per active joint organization.
    public var jointUnits: [Int64: Int] = [:]
    /// In-scope units per branch over `Findings.maxBranchMembers` members.
    public var largeBranchUnits: [Int64: Int] = [:]
    public init() {}
}

/// The findings of every region from one scan of the units (`Store.coverageRollup`).
public struct CoverageFindings: Sendable {
    /// By region code.
    public var byRegion: [String: FindingTally] = [:]
    /// In-scope units per active joint organization, everywhere ("joint branch over five units" counts them all).
    public var jointTotals: [Int64: Int] = [:]

    public init(byRegion: [String: FindingTally] = [:], jointTotals: [Int64: Int] = [:]) {
        self.byRegion = byRegion; self.jointTotals = jointTotals
    }

    /// What `Store.unitFindingCounts` returns, over the given regions (a region and every region below it).
    public func counts(regions: some Sequence<String>) -> (units: [UnitFinding: Int], orgs: [UnitFinding: Int]) {
        var units = Dictionary(uniqueKeysWithValues: UnitFinding.allCases.map { ($0, 0) })
        var joint: Set<Int64> = [], large: Set<Int64> = []
        for r in regions {
            guard let t = byRegion[r] else { continue }
            units[.shouldForm]! += t.shouldForm
            units[.blindSpot]! += t.blindSpots
            units[.plannedPassed]! += t.plannedPassed
            for (j, n) in t.jointUnits where (jointTotals[j] ?? 0) > Findings.maxJointUnits {
                units[.jointTooWide]! += n
                joint.insert(j)
            }
            for (b, n) in t.largeBranchUnits {
                units[.branchTooLarge]! += n
                large.insert(b)
            }
        }
        return (units, [.jointTooWide: joint.count, .branchTooLarge: large.count])
    }
}
