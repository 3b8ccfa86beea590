/// What one care station has done as of a day: the figures the register, the detail and `report stations`
/// show. This is the single definition; the store's SQL (StationSQL) mirrors it and a test keeps the two in step.
public struct StationActivity: Hashable, Sendable, Codable {
    /// Services logged in the month of `asOf`, up to and including `asOf`.
    public var month: Int
    /// Services logged in the year of `asOf`, up to and including `asOf`.
    public var year: Int
    /// The last logged service on or before `asOf`.
    public var last: Day?

    public init(month: Int = 0, year: Int = 0, last: Day? = nil) {
        self.month = month; self.year = year; self.last = last
    }

    /// Logs dated after `asOf` (a typing slip, or a report for an earlier year) are not counted.
    public init(logs: [StationLog], asOf: Day) {
        self.init()
        for l in logs where l.date <= asOf {
            if l.date.year == asOf.year {
                year += l.count
                if l.date.month == asOf.month { month += l.count }
            }
            if last == nil || l.date > last! { last = l.date }
        }
    }

    /// Whole days from the last service to `asOf` (nil when nothing was ever logged).
    public func daysSinceLast(_ asOf: Day) -> Int? { last.map { asOf.days(since: $0) } }
}

/// The three lists of the stations panel. Each applies to running stations only: a paused or closed station
/// is not expected to serve, and its missing services are not a gap in the network.
public enum StationFinding: String, CaseIterable, Sendable, Codable {
    /// No logged service for more than N days (`Settings.idleDays`).
    case idle
    /// Lacks a service of the basic set (`Settings.basicServices`).
    case missingBasic
    /// No contact person, or no phone to reach them.
    case noContact
}

extension StationMetrics {
    /// A contact needs a name and a phone: a name alone cannot be called, a number alone answers to nobody.
    public static func hasNoContact(_ s: Station) -> Bool {
        isBlank(s.contactName) || isBlank(s.contactPhone)
    }

    public static func isBlank(_ t: String?) -> Bool { (t ?? "").trimmingCharacters(in: .whitespaces).isEmpty }

    public static func isOpenAllDay(_ s: Station) -> Bool { OpeningHours.parse(s.hours)?.isAllDay ?? false }

    /// The findings of one station, in `StationFinding` order.
    public static func findings(_ s: Station, lastLog: Day?, today: Day, idleDays: Int, basic: [StationService]) -> [StationFinding] {
        guard s.status == .running else { return [] }
        var out: [StationFinding] = []
        if isIdle(status: s.status, lastLog: lastLog, opened: s.opened, today: today, days: idleDays) { out.append(.idle) }
        if !missingBasic(s, basic: basic).isEmpty { out.append(.missingBasic) }
        if hasNoContact(s) { out.append(.noContact) }
        return out
    }

    /// The 12 months ending with the month of `asOf`, oldest first, as (year, month).
    public static func trailingMonths(endingAt asOf: Day, count: Int = 12) -> [(year: Int, month: Int)] {
        (0..<count).reversed().map { back in
            let total = asOf.year * 12 + (asOf.month - 1) - back
            return (total / 12, total % 12 + 1)
        }
    }

    /// Services in each of the 12 months ending with the month of `asOf` (oldest first), logs after `asOf` left out.
    public static func trailing(_ logs: [StationLog], endingAt asOf: Day, count: Int = 12) -> [Int] {
        let months = trailingMonths(endingAt: asOf, count: count)
        var out = Array(repeating: 0, count: count)
        for l in logs where l.date <= asOf {
            if let i = months.firstIndex(where: { $0.year == l.date.year && $0.month == l.date.month }) { out[i] += l.count }
        }
        return out
    }

    /// How many running stations offer each service (the service matrix of one region).
    public static func serviceCounts(_ stations: [Station]) -> [StationService: Int] {
        var out: [StationService: Int] = [:]
        for s in stations where s.status == .running {
            for v in s.serviceList { out[v, default: 0] += 1 }
        }
        return out
    }
}
