/// A calendar day with no time zone: ledgers record dates, not instants, and a day must not shift
/// when a server's TZ differs from the clerk's.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil unless the date exists in the proleptic Gregorian calendar (2026-02-30 is refused).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(year: year, month: month)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Accepts `YYYY-MM-DD` (also `YYYY/MM/DD` and `YYYY.MM.DD`, as spreadsheets write them).
    public init?(_ text: String) {
        // Fast path for the stored form `YYYY-MM-DD`: lists of tens of thousands of rows decode two dates each.
        if let p = text.utf8.withContiguousStorageIfAvailable(Day.storedForm) ?? nil {
            guard (1900...2200).contains(p.year) else { return nil }
            self.init(year: p.year, month: p.month, day: p.day)
            return
        }
        let t = text.trimmingCharacters(in: .whitespaces)
        // One separator throughout, digits only: "2026-03/05" and "2026-+1-05" are typing slips, not dates.
        guard let sep = t.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) else { return nil }
        let parts = t.split(separator: sep, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1900...2200).contains(y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The numbers of `YYYY-MM-DD` read straight from the UTF-8 bytes (Issue 8: no array or iterator per date, at
    /// 50,000 dates a load); nil for any other form.
    private static func storedForm(_ u: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        var n = (0, 0, 0)
        for i in 0..<10 where i != 4 && i != 7 {
            let b = u[i]
            guard b >= 48 && b <= 57 else { return nil }
            let v = Int(b) - 48
            if i < 4 { n.0 = n.0 * 10 + v } else if i < 7 { n.1 = n.1 * 10 + v } else { n.2 = n.2 * 10 + v }
        }
        return (n.0, n.1, n.2)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        default: return 0
        }
    }

    /// Days since 1970-01-01 (civil-from-days algorithm, exact for any Gregorian date).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Same day n months later, clamped to the month's end (08-31 + 6 months = 02-28/29).
    public func adding(months n: Int) -> Day {
        let total = year * 12 + (month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(year: y, month: m))) ?? self
    }

    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    public var endOfPreviousYear: Day { Day(year: year - 1, month: 12, day: 31)! }
    public var startOfYear: Day { Day(year: year, month: 1, day: 1)! }
    public static func endOf(year: Int) -> Day { Day(year: year, month: 12, day: 31)! }
    public static func startOf(year: Int) -> Day { Day(year: year, month: 1, day: 1)! }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date: \(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

import Foundation

extension Day {
    /// Today in the local time zone, unless LIANGXIN_TODAY pins it (tests and reproducible snapshots).
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        if let pinned = environment["LIANGXIN_TODAY"], let d = Day(pinned) { return d }
        let now = Date()
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone.current
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
