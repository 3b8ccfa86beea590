import Foundation
import GRDB
import XCTest
import LiangxinModel
@testable import LiangxinStore
import LiangxinTestSupport

/// The star summary's one-pass changes (counts and latest together, names read for the rows shown) against the two
/// simple queries it replaced, on the sample city with in-cycle changes and on a generated city.
final class StarsSummaryAgreementTests: XCTestCase {
    /// The cycle's changes as they were read before issue 8, every row joined to its organization for the name.
    static let simpleChanges = """
        SELECT * FROM (
          SELECT e.party_org_id AS org, o.name AS name,
                 COALESCE((SELECT g.star_from FROM star_event g WHERE g.evaluation_id = e.id AND g.action = '授星' ORDER BY g.id DESC LIMIT 1),
                          (SELECT p.decided_star FROM star_evaluation p WHERE p.party_org_id = e.party_org_id AND p.stage = '授星'
                             AND p.year < e.year ORDER BY p.year DESC LIMIT 1), 0) AS f,
                 COALESCE(e.decided_star, 0) AS t,
                 COALESCE((SELECT substr(g.at, 1, 10) FROM star_event g WHERE g.evaluation_id = e.id AND g.action = '授星' ORDER BY g.id DESC LIMIT 1),
                          e.publicity_end, '') AS d,
                 '授星' AS a, e.id * 2 AS seq
          FROM star_evaluation e JOIN party_org o ON o.id = e.party_org_id
          WHERE e.year = :year AND e.stage = '授星'
          UNION ALL
          SELECT ev.party_org_id, o.name, COALESCE(ev.star_from, 0), COALESCE(ev.star_to, 0), substr(ev.at, 1, 10), ev.action, ev.id * 2 + 1
          FROM star_event ev JOIN party_org o ON o.id = ev.party_org_id
          LEFT JOIN star_evaluation e ON e.id = ev.evaluation_id
          WHERE ev.action IN ('升星', '降星', '摘星')
            AND (e.year = :year OR (ev.evaluation_id IS NULL AND substr(ev.at, 1, 4) = :yearText))
        ) WHERE f <> t
        """

    func simple(_ s: Store, year: Int) throws -> (counts: [StarChange.Kind: Int], all: [StarChange]) {
        try s.read { db in
            let args: StatementArguments = ["year": year, "yearText": String(year)]
            var counts: [StarChange.Kind: Int] = [:]
            for k in StarChange.Kind.allCases { counts[k] = 0 }
            for r in try Row.fetchAll(db, sql: "SELECT \(StarsChangeSQL.kindExpr) AS k, COUNT(*) AS n FROM (\(Self.simpleChanges)) GROUP BY k", arguments: args) {
                counts[StarChange.Kind(rawValue: r["k"])!] = r["n"]
            }
            let all = try Row.fetchAll(db, sql: "\(Self.simpleChanges) ORDER BY d DESC, seq DESC", arguments: args).map { r in
                StarChange(partyOrgId: r["org"], orgName: r["name"], from: r["f"], to: r["t"], on: r["d"], action: r["a"])
            }
            return (counts, all)
        }
    }

    func assertAgrees(_ s: Store, file: StaticString = #filePath, line: UInt = #line) throws {
        var seen = 0
        for year in [2024, 2025, 2026] {
            let want = try simple(s, year: year)
            for limit in [0, 1, 50] {
                let sum = try s.starSummary(year: year, recentLimit: limit)
                XCTAssertEqual(sum.changeCounts, want.counts, "\(year)", file: file, line: line)
                XCTAssertEqual(sum.recentChanges, Array(want.all.prefix(limit)), "\(year) latest \(limit)", file: file, line: line)
            }
            XCTAssertEqual(try s.starChanges(year: year), want.all, "\(year)", file: file, line: line)
            XCTAssertEqual(try s.starChanges(year: year, limit: 7, offset: 5), Array(want.all.dropFirst(5).prefix(7)), file: file, line: line)
            seen += want.all.count
        }
        XCTAssertGreaterThan(seen, 50, file: file, line: line)
    }

    func testSummaryAgreesWithTheSimpleQueriesOnTheSample() throws {
        let tmp = TempDir()
        let s = try Store(path: tmp.file("sample.sqlite"))
        _ = try CSVSet.load(directory: SampleDataTests.sampleDir, into: s, today: today)
        try StarsWaitingTests.review(s)
        // In-cycle changes of every kind: a raise, a lowering and a revoke, one of them filed under no application.
        let orgs = try s.read { try PartyOrg.filter(sql: """
            status <> '撤销' AND star_level BETWEEN 2 AND 4 AND id IN (SELECT party_org_id FROM star_evaluation WHERE year = 2026)
            """).order(sql: "id").limit(3).fetchAll($0) }
        try s.write(source: "test") { l in
            for (o, a) in zip(orgs, [StarAction.raise(to: orgs[0].starLevel + 1), .lower(to: orgs[1].starLevel - 1), .revoke]) {
                try l.star(a, evaluation: nil, org: o, rubric: nil, comment: "周期内调整")
            }
            try l.db.execute(sql: "UPDATE star_event SET evaluation_id = (SELECT id FROM star_evaluation WHERE year = 2026 AND party_org_id = star_event.party_org_id) WHERE action IN ('升星', '降星')")
        }
        try assertAgrees(s)
    }

    func testSummaryAgreesWithTheSimpleQueriesOnAGeneratedCity() throws {
        let tmp = TempDir()
        let s = try Store(path: tmp.file("g.sqlite"))
        _ = try SyntheticData.generate(units: 2500, seed: 3, today: today, into: s)
        try StarsWaitingTests.review(s)
        try assertAgrees(s)
    }
}
