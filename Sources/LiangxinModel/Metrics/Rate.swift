/// A share as the seeds report it: a percentage with two decimals, rounded half up on exact integers so
/// 84.905% shows as 84.91% on every machine.
public struct Rate: Hashable, Sendable, Codable {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, _ denominator: Int) { self.numerator = numerator; self.denominator = denominator }

    /// Hundredths of a percent (8491 for 84.91%), nil when there is nothing to divide by.
    public var basisPoints: Int? {
        guard denominator > 0 else { return nil }
        return (numerator * 20000 + denominator) / (2 * denominator)
    }

    /// The percentage with two decimals as a number (84.91), for JSON reports.
    public var percent: Double? { basisPoints.map { Double($0) / 100 } }

    /// `84.91%`, or `—` when the denominator is zero.
    public var text: String {
        guard let bp = basisPoints else { return "—" }
        return "\(bp / 100).\(bp % 100 < 10 ? "0" : "")\(bp % 100)%"
    }

    /// The fraction for bars and gauges.
    public var fraction: Double { denominator > 0 ? Double(numerator) / Double(denominator) : 0 }

    /// Difference against another rate in percentage points, two decimals: `+1.25` / `-0.40`.
    public func changeText(from old: Rate) -> String {
        guard let a = basisPoints, let b = old.basisPoints else { return "—" }
        let d = a - b
        let sign = d > 0 ? "+" : (d < 0 ? "-" : "±")
        let m = abs(d)
        return "\(sign)\(m / 100).\(m % 100 < 10 ? "0" : "")\(m % 100)"
    }
}
