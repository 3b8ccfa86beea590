import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The coverage panel's region and category tables are lookups in `RegionCoverage`, built straight from the unit
/// scan's counters (issue 8). They must give, for every region, what summing the region's cells and those of every
/// region below it by group gives — the computation the panel did before, kept here as the reference.
final class RegionRollupTests: XCTestCase {
    /// The reference: every cell whose region is `code` or has `code` in its lineage, summed by group.
    func reference(_ cells: [CoverageCell], under code: String, tree: RegionTree) -> [CoverageGroup: CoverageCounts] {
        CoverageRollup.byGroup(cells.filter { c in c.regionCode == code || tree.lineage(of: c.regionCode).contains { $0.code == code } })
    }

    func testRollupsEqualSummedCellsForEveryRegion() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 3000, seed: 9, today: today, into: store)
        let tree = RegionTree(try store.regions())
        XCTAssertGreaterThan(tree.regions.count, 50)
        for scope in [ScopeRule.default, ScopeRule(minStaff: 10), ScopeRule(operatingOnly: false)] {
            let cells = try store.coverageCells(scope: scope, today: today)
            let fast = try store.coverageRollup(scope: scope, today: today, tree: tree)
            let fromCells = (RegionCoverage(cells.now, tree: tree), RegionCoverage(cells.lastYear, tree: tree))
            var checked = 0
            for code in tree.regions.keys.sorted() {
                let now = reference(cells.now, under: code, tree: tree), last = reference(cells.lastYear, under: code, tree: tree)
                XCTAssertEqual(fast.now.byGroup(code), now, "\(code) \(scope)")
                XCTAssertEqual(fast.lastYear.byGroup(code), last, "\(code) \(scope)")
                XCTAssertEqual(fromCells.0.byGroup(code), now, "\(code) \(scope)")
                XCTAssertEqual(fromCells.1.byGroup(code), last, "\(code) \(scope)")
                XCTAssertEqual(fast.now.counts(code), now[.all] ?? CoverageCounts(), "\(code) \(scope)")
                if (now[.all]?.inScope ?? 0) > 0 { checked += 1 }
            }
            XCTAssertGreaterThan(checked, 50, "regions with units in scope")
        }
    }

    /// A damaged region table whose parent links go round in a circle: the sums finish (each region counted once
    /// per step, never looping for ever).
    func testParentLinksInACircleDoNotHang() {
        let tree = RegionTree([Region(code: "1", name: "甲", level: .city, parentCode: "2"),
                               Region(code: "2", name: "乙", level: .county, parentCode: "1")])
        let cells = [CoverageCell(regionCode: "2", category: .privateEnterprise, acfic: false, sector: nil, counts: CoverageCounts(own: 1))]
        let r = RegionCoverage(cells, tree: tree)
        XCTAssertEqual(r.counts("1"), CoverageCounts(own: 1))
        XCTAssertEqual(r.counts("2"), CoverageCounts(own: 1))
        XCTAssertEqual(tree.lineage(of: "1").map(\.code), ["1", "2"])
        XCTAssertEqual(tree.path("2"), "甲 › 乙")
    }

    /// A cell of a region the region table does not know counts for that code alone, as the panel did before.
    func testUnknownRegionCountsForItselfOnly() {
        let tree = RegionTree([Region(code: "1", name: "市", level: .city, parentCode: nil),
                               Region(code: "11", name: "区", level: .county, parentCode: "1")])
        let cells = [CoverageCell(regionCode: "11", category: .privateEnterprise, acfic: true, sector: nil, counts: CoverageCounts(own: 2, uncovered: 1)),
                     CoverageCell(regionCode: "99", category: .lawFirm, acfic: false, sector: .courier, counts: CoverageCounts(workOnly: 4))]
        let r = RegionCoverage(cells, tree: tree)
        // Hand count: 市 holds 区's 2 own + 1 uncovered; 99 is not below 市.
        XCTAssertEqual(r.counts("1"), CoverageCounts(own: 2, uncovered: 1))
        XCTAssertEqual(r.counts("1", group: .acfic), CoverageCounts(own: 2, uncovered: 1))
        XCTAssertEqual(r.counts("11", group: .enterprise), CoverageCounts(own: 2, uncovered: 1))
        XCTAssertEqual(r.counts("99"), CoverageCounts(workOnly: 4))
        XCTAssertEqual(r.counts("99", group: .intermediary), CoverageCounts(workOnly: 4))
        XCTAssertEqual(r.counts("99", group: .courierDeliveryRide), CoverageCounts(workOnly: 4))
        XCTAssertEqual(r.byGroup("99")[.enterprise], nil)
        XCTAssertEqual(r.counts("nowhere"), CoverageCounts())
    }
}
