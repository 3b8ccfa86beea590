import Foundation
import LiangxinModel
import LiangxinStore

/// `report stations`: per station and per region the figures of the stations panel, as JSON (stable shape,
/// documented in README), CSV (one flat table) or Markdown. The same store queries feed the panel, so the
/// screen and the report agree.
public struct StationsReportData: Sendable {
    public var today: Day
    /// The day figures are counted up to: today for this year, 31 December for an earlier year.
    public var asOf: Day
    public var settings: Settings
    public var summary: StationSummary
    public var stations: [StationRow]
    public var monthly: [Int64: [Int]]
    public var tree: RegionTree
}

public enum StationsReport {
    public static let schema = "liangxin.report.stations/1"

    /// Reads everything the report prints. `region` is a region's name or code; a name held by several regions
    /// is refused with the candidates, so the figures never silently cover the wrong place.
    public static func load(_ store: Store, today: Day, year: Int? = nil, region: String? = nil) throws -> StationsReportData {
        let y = year ?? today.year
        guard y <= today.year else { throw CLIError("--year \(y)：晚于今年（\(today.year)），没有数据 (a future year has no figures)") }
        guard y >= 1900 else { throw CLIError("--year \(y)：不是有效年份 (not a valid year)") }
        let asOf = y == today.year ? today : Day.endOf(year: y)
        let tree = RegionTree(try store.regions())
        var scope: Region? = nil
        if let r = region?.trimmingCharacters(in: .whitespaces), !r.isEmpty {
            let matches = tree.regions.values.filter { $0.name == r || $0.code == r }.sorted { $0.code < $1.code }
            guard !matches.isEmpty else { throw CLIError("--region：找不到地区“\(r)” (no region by that name or code)") }
            guard matches.count == 1 else {
                throw CLIError("--region：“\(r)”有\(matches.count)处，请用代码指定：" + matches.map { "\($0.code) \(tree.path($0.code))" }.joined(separator: "；"))
            }
            scope = matches[0]
        }
        let settings = try store.settings()
        let summary = try store.stationSummary(regionCode: scope?.code, asOf: asOf, settings: settings)
        let q = StationQuery(regionCode: scope?.code)
        let rows = try store.stationRows(q, asOf: asOf, settings: settings, offset: 0, limit: -1)
        let monthly = try store.stationMonthly(regionCode: scope?.code, asOf: asOf)
        return StationsReportData(today: today, asOf: asOf, settings: settings, summary: summary, stations: rows, monthly: monthly, tree: tree)
    }

    static func rate(_ r: Rate) -> Any { r.percent.map { NSDecimalNumber(string: String(format: "%.2f", $0)) } ?? NSNull() }
    static func orNull(_ v: Any?) -> Any { v ?? NSNull() }

    static func months(_ d: StationsReportData, _ r: StationRow) -> [Int] { d.monthly[r.station.id!] ?? Array(repeating: 0, count: 12) }

    static func findings(_ d: StationsReportData, _ r: StationRow) -> [StationFinding] {
        StationMetrics.findings(r.station, lastLog: r.activity.last, today: d.asOf, idleDays: d.settings.idleDays, basic: d.settings.basicServices)
    }

    /// The group (child of the scope) a station is counted under.
    static func groupCode(_ d: StationsReportData, _ code: String) -> String? {
        d.summary.scope.flatMap { d.tree.child(of: $0.code, toward: code)?.code }
    }

    static func regionMonths(_ d: StationsReportData, _ code: String?) -> [Int] {
        var out = Array(repeating: 0, count: 12)
        for r in d.stations where code == nil || groupCode(d, r.station.regionCode) == code {
            for (i, n) in months(d, r).enumerated() { out[i] += n }
        }
        return out
    }

    static func figures(_ f: StationFigures, byMonth: [Int]) -> [String: Any] {
        var services: [String: Any] = [:]
        for v in StationService.allCases { services[v.rawValue] = f.services[v] ?? 0 }
        var kinds: [String: Any] = [:]
        for k in StationKind.allCases { kinds[k.rawValue] = ["stations": f.byKind[k] ?? 0, "running": f.runningByKind[k] ?? 0] }
        var fs: [String: Any] = [:]
        for x in StationFinding.allCases { fs[x.rawValue] = f.findings[x] ?? 0 }
        return ["stations": f.total, "running": f.running, "paused": f.paused, "closed": f.closed,
                "open24h": f.open24h, "open24hShare": rate(f.open24hShare), "byKind": kinds, "services": services,
                "servicesThisMonth": f.servicesThisMonth, "servicesThisYear": f.servicesThisYear, "servicesByMonth": byMonth,
                "findings": fs]
    }

    public static func jsonObject(_ d: StationsReportData) -> [String: Any] {
        let s = d.summary
        let regions: [[String: Any]] = s.groups.map { g in
            var o = figures(g.figures, byMonth: regionMonths(d, g.region.code))
            o["code"] = g.region.code
            o["name"] = g.region.name
            return o
        }
        let stations: [[String: Any]] = d.stations.map { r in
            let st = r.station
            return [
                "id": st.id!, "name": st.name, "kind": st.kind.rawValue, "regionCode": st.regionCode,
                "region": d.tree.name(st.regionCode), "district": orNull(groupCode(d, st.regionCode).map { d.tree.name($0) }),
                "hostUnit": orNull(st.hostUnit), "hostType": orNull(st.hostType?.rawValue), "address": orNull(st.address),
                "hours": st.hours, "open24h": StationMetrics.isOpenAllDay(st), "services": st.serviceList.map(\.rawValue),
                "missingBasic": StationMetrics.missingBasic(st, basic: d.settings.basicServices).map(\.rawValue),
                "hasContact": !StationMetrics.hasNoContact(st), "status": st.status.rawValue, "statusReason": orNull(st.statusReason),
                "opened": orNull(st.opened?.description),
                "servicesThisMonth": r.activity.month, "servicesThisYear": r.activity.year, "servicesByMonth": months(d, r),
                "lastService": orNull(r.activity.last?.description), "daysSinceLastService": orNull(r.activity.daysSinceLast(d.asOf)),
                "findings": findings(d, r).map(\.rawValue),
            ]
        }
        return [
            "schema": schema,
            "today": d.today.description,
            "asOf": d.asOf.description,
            "year": d.asOf.year,
            "scope": s.scope.map { ["code": $0.code, "name": $0.name] as [String: Any] } ?? NSNull(),
            "settings": ["idleDays": d.settings.idleDays, "basicServices": d.settings.basicServices.map(\.rawValue)],
            "totals": figures(s.total, byMonth: s.byMonth),
            "regions": regions,
            "regionsWithoutRunningStation": s.regionsWithoutRunning.map { ["code": $0.code, "name": $0.name] },
            "stations": stations,
        ]
    }

    public static func json(_ d: StationsReportData) -> String {
        let data = try! JSONSerialization.data(withJSONObject: jsonObject(d), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static let csvHeader = ["level", "code", "name", "district", "kind", "status", "hours", "services", "stations", "running",
                            "open24h", "servicesThisMonth", "servicesThisYear"] + (1...12).map { String(format: "m%02d", $0) }
        + ["lastService", "idle", "missingBasic", "noContact"]

    /// One flat table: the total, each region, each station (`level` says which), so a spreadsheet can filter.
    public static func csv(_ d: StationsReportData) -> String {
        var rows = [csvHeader]
        func agg(_ level: String, _ code: String, _ name: String, _ f: StationFigures, _ months: [Int]) {
            rows.append([level, code, name, "", "", "", "", "", "\(f.total)", "\(f.running)", "\(f.open24h)",
                         "\(f.servicesThisMonth)", "\(f.servicesThisYear)"] + months.map(String.init)
                        + [""] + StationFinding.allCases.map { "\(f.findings[$0] ?? 0)" })
        }
        let s = d.summary
        agg("total", s.scope?.code ?? "", s.scope?.name ?? "", s.total, s.byMonth)
        for g in s.groups { agg("region", g.region.code, g.region.name, g.figures, regionMonths(d, g.region.code)) }
        for r in d.stations {
            let st = r.station, fs = findings(d, r)
            rows.append(["station", "\(st.id!)", st.name, groupCode(d, st.regionCode).map { d.tree.name($0) } ?? "", st.kind.rawValue,
                         st.status.rawValue, st.hours, st.serviceList.map(\.rawValue).joined(separator: "、"), "1",
                         st.status == .running ? "1" : "0", StationMetrics.isOpenAllDay(st) && st.status == .running ? "1" : "0",
                         "\(r.activity.month)", "\(r.activity.year)"] + months(d, r).map(String.init)
                        + [r.activity.last?.description ?? ""] + StationFinding.allCases.map { fs.contains($0) ? "1" : "0" })
        }
        return CSVWriter.format(rows)
    }

    public static func markdown(_ d: StationsReportData, lang: Lang = .zh) -> String {
        func t(_ s: Str) -> String { s.text(lang) }
        let s = d.summary
        var out = "# \(t(.appTitle)) · \(t(.tabStations)) · \(s.scope?.name ?? "") · \(d.asOf)\n\n"
        let f = s.total
        out += "| | |\n|---|---:|\n"
        out += "| \(t(.stTotal)) | \(f.total) |\n| \(StationStatus.running.rawValue) | \(f.running) |\n"
        out += "| \(StationStatus.paused.rawValue) | \(f.paused) |\n| \(StationStatus.closed.rawValue) | \(f.closed) |\n"
        out += "| \(t(.stOpen24h)) | \(f.open24h)/\(f.running) (\(f.open24hShare.text)) |\n"
        out += "| \(t(.stServicesMonth)) | \(f.servicesThisMonth) |\n| \(t(.stServicesYear)) \(d.asOf.year) | \(f.servicesThisYear) |\n"
        for x in StationFinding.allCases { out += "| \(x.text(lang, idleDays: d.settings.idleDays)) | \(f.findings[x] ?? 0) |\n" }
        out += "\n## \(t(.stByMonth)) \(d.asOf.year)\n\n| " + (1...12).map { "\($0)" }.joined(separator: " | ") + " |\n|"
            + String(repeating: "---:|", count: 12) + "\n| " + s.byMonth.map(String.init).joined(separator: " | ") + " |\n"
        out += "\n## \(t(.stMatrixTitle))\n\n| \(t(.stColRegion)) | \(t(.stTotal)) | \(t(.stMatrixRunning)) | 24h | "
            + StationService.allCases.map(\.rawValue).joined(separator: " | ") + " | \(t(.stColMonth)) | \(t(.stColYear)) |\n|---|"
            + String(repeating: "---:|", count: StationService.allCases.count + 5) + "\n"
        for (name, g) in s.groups.map({ ($0.region.name, $0.figures) }) + [(t(.stTotal), s.total)] {
            out += "| \(name) | \(g.total) | \(g.running) | \(g.open24h) | "
                + StationService.allCases.map { g.running == 0 ? "—" : "\(g.services[$0] ?? 0)" }.joined(separator: " | ")
                + " | \(g.servicesThisMonth) | \(g.servicesThisYear) |\n"
        }
        let gaps = s.regionsWithoutRunning.map(\.name)
        out += "\n\(t(.stNoRunning))：\(gaps.isEmpty ? t(.stNone) : gaps.joined(separator: "、"))\n"
        out += "\n## \(t(.stRegisterTitle))\n\n| # | \(t(.stColName)) | \(t(.stColKind)) | \(t(.stColRegion)) | \(t(.stColHours)) | \(t(.stColStatus)) | \(t(.stColMonth)) | \(t(.stColYear)) | \(t(.stColLast)) | \(t(.stColFinding)) |\n|---:|---|---|---|---|---|---:|---:|---|---|\n"
        for r in d.stations {
            let st = r.station
            let fs = findings(d, r).map { $0.text(lang, idleDays: d.settings.idleDays) }.joined(separator: "；")
            out += "| \(st.id!) | \(md(st.name)) | \(st.kind.rawValue) | \(groupCode(d, st.regionCode).map { d.tree.name($0) } ?? d.tree.name(st.regionCode)) | "
                + "\(StationText.hours(st.hours)) | \(st.status.rawValue) | \(r.activity.month) | \(r.activity.year) | \(r.activity.last?.description ?? "—") | \(fs) |\n"
        }
        return out
    }

    private static func md(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}

extension StationFinding {
    /// The finding's name outside the app (reports): the same words as on screen.
    func text(_ lang: Lang, idleDays: Int) -> String {
        switch self {
        case .idle: return Str.stFindIdle.text(lang).filling(idleDays)
        case .missingBasic: return Str.stFindMissing.text(lang)
        case .noContact: return Str.stFindNoContact.text(lang)
        }
    }
}
