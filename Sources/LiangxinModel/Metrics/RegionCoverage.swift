/// Coverage counts of every region with everything below it, by category group, summed once per data load: the
/// coverage panel's region and category tables are lookups in it. Summing the province's cells again on each drill,
/// return and sort took 17–35 ms a key at 100,000 units (issue 8).
///
/// The same sums as `CoverageRollup.byGroup` over the cells under a region (a cell counts for its own region and
/// every region in its lineage; a cell of a region the tree does not know counts for that code alone), which
/// `RegionCoverageTests` checks.
public struct RegionCoverage: Sendable {
    private static let groups = CoverageGroup.allCases
    private static let groupIndex = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
    /// Where each region's sums start in `sums` (divided by the group count): the tree's positions, then codes the
    /// tree does not know.
    private var slot: [String: Int] = [:]
    /// Per region slot, the counts of each group in `CoverageGroup.allCases` order.
    private var sums: [CoverageCounts] = []

    public init() {}

    private struct CellKind: Hashable {
        var category: UnitCategory, acfic: Bool, sector: Sector?
    }

    /// The positions in `CoverageGroup.allCases` of the groups a unit with these attributes counts in.
    public static func groupIndices(category: UnitCategory, acfic: Bool, sector: Sector?) -> [Int] {
        CoverageGroup.groups(category: category, acfic: acfic, sector: sector).map { groupIndex[$0]! }
    }

    public static var groupCount: Int { groups.count }

    public init(_ cells: [CoverageCell], tree: RegionTree) {
        // First each region's own cells by group, in one flat table (a few thousand codes × the groups).
        let n = Self.groups.count
        var codeIndex: [String: Int] = [:]
        var codes: [String] = []
        var own: [CoverageCounts] = []
        var groupsOf: [CellKind: [Int]] = [:]
        var lastKind: CellKind?
        var gs: [Int] = []
        for c in cells {
            // Cells come region by region, mostly in the same few kinds: skip the hashing when nothing changed.
            let kind = CellKind(category: c.category, acfic: c.acfic, sector: c.sector)
            if kind != lastKind {
                if let known = groupsOf[kind] { gs = known } else {
                    gs = Self.groupIndices(category: c.category, acfic: c.acfic, sector: c.sector)
                    groupsOf[kind] = gs
                }
                lastKind = kind
            }
            let r: Int
            if let lastCode = codes.last, lastCode == c.regionCode { r = codes.count - 1 } else if let i = codeIndex[c.regionCode] { r = i } else {
                r = codes.count; codeIndex[c.regionCode] = r; codes.append(c.regionCode)
                own.append(contentsOf: repeatElement(CoverageCounts(), count: n))
            }
            for g in gs { own[r * n + g] = own[r * n + g] + c.counts }
        }
        self.init(codes: codes, own: own, tree: tree)
    }

    /// From each region's own counts (`own[i * groupCount + g]` for `codes[i]` and group position g): each region's
    /// sums go once into every region of its lineage (up the tree's parent positions: this runs twice per load).
    public init(codes: [String], own: [CoverageCounts], tree: RegionTree) {
        let n = Self.groups.count
        var slot = tree.slot
        var sums = [CoverageCounts](repeating: CoverageCounts(), count: tree.parentSlot.count * n)
        for (r, code) in codes.enumerated() {
            let base = r * n
            guard own[base..<(base + n)].contains(where: { $0 != CoverageCounts() }) else { continue }
            if var s = tree.slot[code] {
                // A damaged region table could link a region to itself: never more steps than regions.
                var steps = 0
                while s >= 0 && steps < tree.parentSlot.count {
                    for g in 0..<n { sums[s * n + g] = sums[s * n + g] + own[base + g] }
                    s = tree.parentSlot[s]
                    steps += 1
                }
            } else {
                slot[code] = sums.count / n
                sums.append(contentsOf: own[base..<(base + n)])
            }
        }
        self.slot = slot
        self.sums = sums
    }

    /// The units in scope of `code` and every region below it, in one category group.
    public func counts(_ code: String, group: CoverageGroup = .all) -> CoverageCounts {
        guard let s = slot[code] else { return CoverageCounts() }
        return sums[s * Self.groups.count + Self.groupIndex[group]!]
    }

    /// Every group's counts for `code` and the regions below it (groups without units left out, as `byGroup` does).
    public func byGroup(_ code: String) -> [CoverageGroup: CoverageCounts] {
        guard let s = slot[code] else { return [:] }
        let n = Self.groups.count
        var out: [CoverageGroup: CoverageCounts] = [:]
        for (i, g) in Self.groups.enumerated() where sums[s * n + i] != CoverageCounts() { out[g] = sums[s * n + i] }
        return out
    }
}
