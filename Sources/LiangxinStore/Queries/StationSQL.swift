import LiangxinModel

/// SQL mirrors of the station formulas in the model (`StationActivity`, `StationMetrics`), so that lists can be
/// filtered, sorted and paged in the database. `StationSQLAgreementTests` checks each against the model.
/// Expressions refer to the station as `s` and use the named arguments of `StationSQL.arguments`.
enum StationSQL {
    /// `:asOf`, `:monthStart`, `:yearStart`, `:idleSince` for a day and an idle threshold, and the months
    /// `:firstMonth` (January) and `:thisMonth` (`asOf`'s) as `station_log_month` writes them.
    static func arguments(asOf: Day, idleDays: Int) -> [String: String] {
        ["asOf": asOf.description,
         "monthStart": Day(year: asOf.year, month: asOf.month, day: 1)!.description,
         "yearStart": asOf.startOfYear.description,
         "firstMonth": String(asOf.startOfYear.description.prefix(7)),
         "thisMonth": String(asOf.description.prefix(7)),
         // isIdle: asOf − last > N days  ⟺  last < asOf − N.
         "idleSince": asOf.adding(days: -idleDays).description]
    }

    static let running = "s.status = '\(StationStatus.running.rawValue)'"

    /// `StationActivity.last`.
    static let last = "(SELECT MAX(l.date) FROM station_log l WHERE l.station_id = s.id AND l.date <= :asOf)"
    /// `StationActivity.month`.
    static let month = "(SELECT COALESCE(SUM(l.count), 0) FROM station_log l WHERE l.station_id = s.id AND l.date >= :monthStart AND l.date <= :asOf)"
    /// `StationActivity.year`: the months before `asOf`'s from their totals (`station_log_month`), then this month's
    /// logs up to `asOf` — at most eleven rows and a month of logs instead of the year's logs.
    static let year = "(\(priorMonths) + \(month))"
    /// The year's months before `asOf`'s month.
    static let priorMonths = """
        (SELECT COALESCE(SUM(m.total), 0) FROM station_log_month m WHERE m.station_id = s.id AND m.month >= :firstMonth AND m.month < :thisMonth)
        """

    /// `StationMetrics.isIdle`.
    static let idle = "(\(running) AND MAX(COALESCE(\(last), ''), CASE WHEN s.opened <= :asOf THEN s.opened ELSE '' END) < :idleSince)"

    /// The station offers a service: services are stored joined with `、` (`Station.join`).
    static func offers(_ v: StationService) -> String {
        "(instr('、' || s.services || '、', '、\(v.rawValue.replacingOccurrences(of: "'", with: "''"))、') > 0)"
    }

    /// `StationMetrics.missingBasic` is not empty (for running stations).
    static func missingBasic(_ basic: [StationService]) -> String {
        guard !basic.isEmpty else { return "0" }
        return "(\(running) AND NOT (\(basic.map(offers).joined(separator: " AND "))))"
    }

    /// Blank after trimming spaces, tabs and the ideographic space (as `.whitespaces` does for what staff type).
    static func blank(_ column: String) -> String {
        "(TRIM(COALESCE(\(column), ''), ' ' || char(9) || char(12288)) = '')"
    }

    /// `StationMetrics.hasNoContact` (for running stations).
    static let noContact = "(\(running) AND (\(blank("s.contact_name")) OR \(blank("s.contact_phone"))))"

    static func finding(_ f: StationFinding, basic: [StationService]) -> String {
        switch f {
        case .idle: return idle
        case .missingBasic: return missingBasic(basic)
        case .noContact: return noContact
        }
    }

    /// The station lies in the region named by the parameter or anywhere below it. Codes do not nest by prefix
    /// at every level (示例市 990100 holds 东湖区 990102), so the region tree is walked.
    static func under(_ param: String) -> String {
        """
        s.region_code IN (WITH RECURSIVE sub(code) AS (SELECT \(param) UNION ALL \
        SELECT r.code FROM region r JOIN sub ON r.parent_code = sub.code) SELECT code FROM sub)
        """
    }

    /// A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` taken literally (use `ESCAPE '\'`).
    static func containsPattern(_ text: String) -> String {
        var out = "%"
        for c in text {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "%"
    }
}
