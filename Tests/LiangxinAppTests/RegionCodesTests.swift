import XCTest
import LiangxinModel
import LiangxinStore
@testable import LiangxinApp
import LiangxinTestSupport

/// The coverage panel counts a region's findings over `RegionRollup.codes(under:)` (a walk down the tree); it must
/// accept exactly the regions the parent-link definition `isUnder` accepts, unknown codes included.
final class RegionCodesTests: XCTestCase {
    /// The definition: `code` is `ancestor` or has it in its lineage (parent links upward).
    func isUnder(_ code: String, _ ancestor: String, tree: RegionTree) -> Bool {
        code == ancestor || tree.lineage(of: code).contains { $0.code == ancestor }
    }

    func testCodesUnderAgreeWithIsUnderOnAGeneratedProvince() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 3000, seed: 3, today: today, into: store)
        let tree = RegionTree(try store.regions())
        let all = Array(tree.regions.keys) + ["99999999", ""]
        for code in tree.regions.keys.sorted() {
            let under = RegionRollup.codes(under: code, tree: tree)
            for other in all {
                XCTAssertEqual(under.contains(other), isUnder(other, code, tree: tree), "\(other) under \(code)")
            }
        }
        // The one root holds every region (the home region, one level down here, holds all but the root).
        XCTAssertEqual(tree.roots.count, 1)
        XCTAssertEqual(RegionRollup.codes(under: tree.roots[0].code, tree: tree).count, tree.regions.count)
    }
}
