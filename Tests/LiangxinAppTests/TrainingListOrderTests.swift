import Foundation
import XCTest
import LiangxinModel
import LiangxinStore
@testable import LiangxinApp
import LiangxinTestSupport

/// Issue 8: the secretary list over facts without names (names read per screenful, or all of them for a filter, a
/// sort by name or an export) shows the rows the simple computation does: the named coverage filtered and sorted
/// in Swift, as the list did before, for every list, sort, direction and a few filters, on a generated city.
final class TrainingListOrderTests: XCTestCase {
    func testEveryListSortAndFilterMatchesTheSimpleComputation() throws {
        let tmp = TempDir()
        let store = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 1200, seed: 3, today: today, into: store)
        let full = try store.secretaryCoverage(year: 2026, today: today)
        let figures = try store.secretaryFigures(year: 2026, today: today)
        // A region's name and a common word in organization names; two words must both appear.
        let region = try XCTUnwrap(full.rows.first?.regionName)
        let filters = ["", "党支部", region, "\(region) 党支部", "不会出现的字"]
        XCTAssertGreaterThan(full.count(.underHours), 100, "lists long enough to sort")
        XCTAssertGreaterThan(full.count(.newUntrained), 5)
        MainActor.assumeIsolated {
            let ctx = AppContext(store: store, today: today)
            for list in SecretaryList.allCases {
                for filter in filters {
                    var state = SecretaryListState()
                    state.setFigures(figures)
                    while state.list != list { state.nextList() }
                    state.table.filter = filter
                    for sort in SecretaryListState.Sort.allCases {
                        while state.sort != sort { state.nextSort() }
                        for reversed in [false, true] {
                            if reversed { state.reverse() }
                            let got = state.order(ctx).map { figures.facts[Int($0)].orgId }
                            let want = Self.simple(full.list(list), filter: filter, sort: sort, ascending: state.ascending).map(\.orgId)
                            XCTAssertEqual(got, want, "\(list) \(filter) \(sort) \(state.ascending)")
                            if reversed { state.reverse() }
                        }
                    }
                    // The export carries the same rows, named.
                    let (_, rows) = state.export(ctx)
                    XCTAssertEqual(rows.map { $0[1] }, Self.simple(full.list(list), filter: filter, sort: state.sort, ascending: state.ascending).map(\.orgName))
                }
            }
        }
    }

    /// The list as it was computed before issue 8: every named row in Swift, filtered, then sorted by the column
    /// with the id breaking ties (the region order is the model's own).
    static func simple(_ rows: [SecretaryTraining], filter: String, sort: SecretaryListState.Sort, ascending: Bool) -> [SecretaryTraining] {
        var r = rows
        let words = filter.split(separator: " ").map(String.init)
        if !words.isEmpty {
            r = r.filter { s in words.allSatisfy { w in s.orgName.contains(w) || (s.secretary ?? "").contains(w) || s.regionName.contains(w) } }
        }
        guard sort != .region || !ascending else { return r }
        func less(_ a: SecretaryTraining, _ b: SecretaryTraining) -> Bool {
            switch sort {
            case .region: return (a.regionCode, a.orgName, a.orgId) < (b.regionCode, b.orgName, b.orgId)
            case .org: return (a.orgName, a.orgId) < (b.orgName, b.orgId)
            case .secretary: return (a.secretary ?? "", a.orgId) < (b.secretary ?? "", b.orgId)
            case .appointed: return (a.appointed?.description ?? "", a.orgId) < (b.appointed?.description ?? "", b.orgId)
            case .hours: return (tenths(a.hours), a.orgId) < (tenths(b.hours), b.orgId)
            case .lastTraining: return (a.lastTraining?.description ?? "", a.orgId) < (b.lastTraining?.description ?? "", b.orgId)
            }
        }
        return r.sorted { ascending ? less($0, $1) : less($1, $0) }
    }
}
