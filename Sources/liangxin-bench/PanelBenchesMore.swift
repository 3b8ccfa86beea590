import LiangxinApp
import LiangxinModel
import LiangxinStore
import TermKit

/// Times one store read under `name` (the panels' reads take no timer of their own).
@discardableResult
func timed<T>(_ timer: QueryTimer, _ name: String, _ body: () throws -> T) rethrows -> T {
    let t0 = monotonicNs()
    defer { timer.record(name, seconds: Double(monotonicNs() - t0) / 1e9) }
    return try body()
}

/// The five panels beside the overview. Each script starts where the panel opens, walks through what a user does
/// (move, page, filter as you type, sort, open and back, switch view, switch panel) and ends where it started, so
/// the rounds repeat; `s` cycles the sort columns, so the rounds go through all of them. The reads are the store
/// calls the panel makes for its first frame and for the keys, each timed on its own.
extension PanelBench {
    static let coverage = PanelBench(
        panel: .coverage,
        // Opens on the region table of the city with its first district selected.
        keys: [ScriptKey("j (move)", .char("j")), ScriptKey("k (move back)", .char("k")),
               ScriptKey("PgDn (page)", .pageDown), ScriptKey("Home", .home), ScriptKey("j (back to 1st district)", .char("j")),
               ScriptKey("Enter (drill down)", .enter), ScriptKey("Backspace (up)", .backspace),
               ScriptKey("s (sort regions)", .char("s")),
               ScriptKey("v (categories)", .char("v")), ScriptKey("Enter (category units)", .enter),
               ScriptKey("Backspace (back)", .backspace),
               ScriptKey("v (unit list)", .char("v")), ScriptKey("j (move in list)", .char("j")),
               ScriptKey("PgDn (list page)", .pageDown), ScriptKey("PgUp (list page back)", .pageUp)]
            + filter("有限公司")
            + [ScriptKey("s (sort units)", .char("s")), ScriptKey("Enter (open unit)", .enter), ScriptKey("Esc (close unit)", .esc),
               ScriptKey("v (statistics forms)", .char("v")), ScriptKey("→ (next form)", .right), ScriptKey("← (form back)", .left),
               ScriptKey("v (regions)", .char("v"))]
            + switchPanel,
        moveKey: .char("j"),
        readsSavedFigures: true,
        queries: { store, today, timer in
            let settings = try timed(timer, "settings") { try store.settings() }
            let regions = try timed(timer, "regions") { try store.regions() }
            let tree = RegionTree(regions)
            let city = tree.home?.code
            let scope = settings.scope
            _ = try timed(timer, "coverageRollup (saved summary)") { try store.coverageRollup(scope: scope, today: today, tree: tree) }
            _ = try timed(timer, "coverageRollup (no summary: unit scan)") { try store.coverageRollup(scope: scope, today: today, tree: tree, useSaved: false) }
            _ = try timed(timer, "coverageCells (the report's unit scan)") { try store.coverageCells(scope: scope, today: today) }
            _ = try timed(timer, "unitFindingCounts (city)") { try store.unitFindingCounts(scope: scope, today: today, region: city) }
            let q = UnitQuery(region: city)
            _ = try timed(timer, "unitCount (city)") { try store.unitCount(q, scope: scope, today: today) }
            let rows = try timed(timer, "unitRows (city, first page)") { try store.unitRows(q, scope: scope, today: today, offset: 0, limit: 30) }
            _ = try timed(timer, "unitRows (city, page at 1000)") { try store.unitRows(q, scope: scope, today: today, offset: 1000, limit: 30) }
            var f = q
            f.text = "有限公司"
            _ = try timed(timer, "unitCount (filter 有限公司)") { try store.unitCount(f, scope: scope, today: today) }
            _ = try timed(timer, "unitRows (filter 有限公司)") { try store.unitRows(f, scope: scope, today: today, offset: 0, limit: 30) }
            // What the list reads (in the background) for a new filter or order: every matching id in order.
            _ = try timed(timer, "unitIds (city, by name)") { try store.unitIds(q, scope: scope, today: today) }
            _ = try timed(timer, "unitIds (filter 有限公司)") { try store.unitIds(f, scope: scope, today: today) }
            if let id = rows.first?.id {
                _ = try timed(timer, "unitDetail") { try store.unitDetail(id: id, scope: scope, today: today) }
            }
            _ = try timed(timer, "statisticsCells (city)") { try store.statisticsCells(scope: scope, today: today, region: city) }
        },
        referenceSQL: nil)

    static let outreach = PanelBench(
        panel: .outreach,
        // Opens on the summary (one row per sector).
        keys: [ScriptKey("j (move)", .char("j")), ScriptKey("k (move back)", .char("k")),
               ScriptKey("v (platform ledger)", .char("v")), ScriptKey("j (move in list)", .char("j")),
               ScriptKey("PgDn (list page)", .pageDown), ScriptKey("PgUp (list page back)", .pageUp)]
            + filter("快递")
            + [ScriptKey("s (sort)", .char("s")), ScriptKey("Enter (open platform)", .enter), ScriptKey("Esc (close platform)", .esc),
               ScriptKey("v (activities)", .char("v")), ScriptKey("j (move in activities)", .char("j")),
               ScriptKey("v (awards)", .char("v")), ScriptKey("v (summary)", .char("v"))]
            + switchPanel,
        moveKey: .char("j"),
        queries: { store, today, timer in
            let summary = try timed(timer, "outreachSummary") { try store.outreachSummary(today: today) }
            let months = summary.staleMonths
            _ = try timed(timer, "ledgerCount") { try store.ledgerCount(LedgerQuery(), today: today, months: months) }
            let rows = try timed(timer, "ledgerPage (first page)") { try store.ledgerPage(LedgerQuery(), today: today, months: months, offset: 0, limit: 30) }
            let f = LedgerQuery(text: "快递")
            _ = try timed(timer, "ledgerCount (filter 快递)") { try store.ledgerCount(f, today: today, months: months) }
            _ = try timed(timer, "ledgerPage (filter 快递)") { try store.ledgerPage(f, today: today, months: months, offset: 0, limit: 30) }
            if let id = rows.first?.platform.id {
                _ = try timed(timer, "platformDetail") { try store.platformDetail(id: id, today: today, months: months) }
            }
            _ = try timed(timer, "activityCount") { try store.activityCount(ActivityQuery()) }
            _ = try timed(timer, "activityPage (first page)") { try store.activityPage(ActivityQuery(), offset: 0, limit: 30) }
        },
        referenceSQL: nil)

    static let stations = PanelBench(
        panel: .stations,
        // Opens on the register (every station of the city).
        keys: [ScriptKey("j (move)", .char("j")), ScriptKey("PgDn (page)", .pageDown), ScriptKey("PgUp (page back)", .pageUp)]
            + filter("暖心驿站")
            + [ScriptKey("s (sort)", .char("s")), ScriptKey("Enter (open station)", .enter), ScriptKey("Esc (close station)", .esc),
               ScriptKey("Home", .home),
               ScriptKey("v (summary)", .char("v")), ScriptKey("v (findings)", .char("v")), ScriptKey("j (move in findings)", .char("j")),
               ScriptKey("k (move back)", .char("k")), ScriptKey("v (register)", .char("v"))]
            + switchPanel,
        moveKey: .char("j"),
        queries: { store, today, timer in
            let settings = try timed(timer, "settings") { try store.settings() }
            let regions = try timed(timer, "regions") { try store.regions() }
            let tree = RegionTree(regions)
            let city = tree.home?.code
            let q = StationQuery(regionCode: city)
            _ = try timed(timer, "stationCounts") { try store.stationCounts(q, asOf: today, settings: settings) }
            let rows = try timed(timer, "stationRows (first page)") { try store.stationRows(q, asOf: today, settings: settings, offset: 0, limit: 30) }
            let f = StationQuery(text: "暖心驿站", regionCode: city)
            _ = try timed(timer, "stationCounts (filter 暖心驿站)") { try store.stationCounts(f, asOf: today, settings: settings) }
            _ = try timed(timer, "stationRows (filter 暖心驿站)") { try store.stationRows(f, asOf: today, settings: settings, offset: 0, limit: 30) }
            if let id = rows.first?.station.id {
                _ = try timed(timer, "stationRow (detail)") { try store.stationRow(id: id, asOf: today, settings: settings) }
                _ = try timed(timer, "stationTrailingMonths") { try store.stationTrailingMonths(id: id, asOf: today) }
                _ = try timed(timer, "stationLogCount") { try store.stationLogCount(stationId: id) }
                _ = try timed(timer, "stationLogs (first page)") { try store.stationLogs(stationId: id, offset: 0, limit: 20) }
            }
            // With the region tree already read, as the panel calls it.
            _ = try timed(timer, "stationSummary") { try store.stationSummary(tree: tree, regionCode: city, asOf: today, settings: settings) }
            _ = try timed(timer, "stationFindingCounts") { try store.stationFindingCounts(q, asOf: today, settings: settings) }
            _ = try timed(timer, "stationFindingRows (first page)") { try store.stationFindingRows(q, asOf: today, settings: settings, offset: 0, limit: 30) }
        },
        referenceSQL: nil)

    static let training = PanelBench(
        panel: .training,
        // Opens on the year's summary; the ledger is the list.
        keys: [ScriptKey("f (next secretary list)", .char("f")),
               ScriptKey("v (session ledger)", .char("v")), ScriptKey("j (move in list)", .char("j")),
               ScriptKey("PgDn (list page)", .pageDown), ScriptKey("PgUp (list page back)", .pageUp)]
            + filter("书记轮训")
            + [ScriptKey("s (sort)", .char("s")), ScriptKey("Enter (open session)", .enter), ScriptKey("Esc (close session)", .esc),
               ScriptKey("Home", .home),
               ScriptKey("v (secretaries)", .char("v")), ScriptKey("j (move in secretaries)", .char("j")),
               ScriptKey("v (summary)", .char("v"))]
            + switchPanel,
        moveKey: nil,
        readsSavedFigures: true,
        queries: { store, today, timer in
            let years = try timed(timer, "trainingYears") { try store.trainingYears(today: today) }
            let year = min(years.upperBound, today.year)
            _ = try timed(timer, "trainingYear") { try store.trainingYear(year, today: today) }
            // The panel reads the figures and one screenful of names; `report training` the named coverage.
            _ = try timed(timer, "trainingFigures (saved)") { try store.trainingFigures(year: year, today: today) }
            let figures = try timed(timer, "secretaryFigures (computed)") { try store.secretaryFigures(year: year, today: today) }
            let page = figures.list(.noConcentrated).prefix(30).map(\.orgId)
            _ = try timed(timer, "secretaryLabels (a page)") { try store.secretaryLabels(ids: Array(page)) }
            _ = try timed(timer, "secretaryLabels (every row)") { try store.secretaryLabels(alignedWith: figures.facts) }
            _ = try timed(timer, "secretaryCoverage (report)") { try store.secretaryCoverage(year: year, today: today) }
            _ = try timed(timer, "secretaryTraining") { try store.secretaryTraining(year: year, today: today) }
            _ = try timed(timer, "trainingSessionCount") { try store.trainingSessionCount(filter: "") }
            let rows = try timed(timer, "trainingSessions (first page)") {
                try store.trainingSessions(filter: "", sort: TrainingSort.allCases[0], ascending: true, offset: 0, limit: 30)
            }
            _ = try timed(timer, "trainingSessionCount (filter 书记轮训)") { try store.trainingSessionCount(filter: "书记轮训") }
            _ = try timed(timer, "trainingSessions (filter 书记轮训)") {
                try store.trainingSessions(filter: "书记轮训", sort: TrainingSort.allCases[0], ascending: true, offset: 0, limit: 30)
            }
            if let id = rows.first?.id {
                _ = try timed(timer, "trainingAttendance") { try store.trainingAttendance(session: id) }
                _ = try timed(timer, "trainingHistory") { try store.trainingHistory(session: id) }
            }
        },
        referenceSQL: nil)

    static let stars = PanelBench(
        panel: .stars,
        // Opens on the cycle's summary with its two lists (five-star, below three).
        keys: [ScriptKey("j (move)", .char("j")), ScriptKey("k (move back)", .char("k")),
               ScriptKey("→ (other list)", .right), ScriptKey("← (list back)", .left),
               ScriptKey("Enter (org history)", .enter), ScriptKey("Esc (close history)", .esc),
               ScriptKey("v (review queue)", .char("v")), ScriptKey("j (move in queue)", .char("j")),
               ScriptKey("PgDn (queue page)", .pageDown), ScriptKey("PgUp (queue page back)", .pageUp)]
            + filter("党支部")
            + [ScriptKey("s (sort)", .char("s")), ScriptKey("Enter (open review)", .enter), ScriptKey("Esc (close review)", .esc),
               ScriptKey("v (summary)", .char("v"))]
            + switchPanel,
        moveKey: .char("j"),
        queries: { store, today, timer in
            let year = try timed(timer, "starCycleYear") { try store.starCycleYear(today: today) }
            _ = try timed(timer, "starSummary") { try store.starSummary(year: year) }
            let five = try timed(timer, "starOrgs (five-star, first page)") { try store.starOrgs(.fiveStar, offset: 0, limit: 10) }
            _ = try timed(timer, "starOrgs (below three, first page)") { try store.starOrgs(.belowThree, offset: 0, limit: 10) }
            if let id = five.first?.id {
                _ = try timed(timer, "starHistory") { try store.starHistory(orgId: id) }
            }
            var f = StarQueueFilter(year: year)
            _ = try timed(timer, "starQueueCount") { try store.starQueueCount(f) }
            let page = try timed(timer, "starQueue (first page)") { try store.starQueue(f, offset: 0, limit: 60) }
            f.text = "党支部"
            _ = try timed(timer, "starQueueCount (filter 党支部)") { try store.starQueueCount(f) }
            _ = try timed(timer, "starQueue (filter 党支部)") { try store.starQueue(f, offset: 0, limit: 60) }
            if let id = page.first?.evaluationId {
                _ = try timed(timer, "starReview") { try store.starReview(evaluationId: id, today: today) }
            }
            _ = try timed(timer, "starDistribution") { try store.starDistribution() }
        },
        referenceSQL: nil)
}
