/// A year's training in sessions, 人次 and 学时: in total, by month, by type and by mode. The store fills it from
/// GROUP BY rows (`add`); `init(_:year:today:)` counts the same from records and is what the tests hold it to.
public struct TrainingBreakdown: Hashable, Sendable {
    public var year: Int
    public var total = TrainingTotals()
    /// Index 0 = January.
    public var byMonth = Array(repeating: TrainingTotals(), count: 12)
    public var byType: [TrainingType: TrainingTotals] = [:]
    public var byMode: [TrainingMode: TrainingTotals] = [:]

    public init(year: Int) { self.year = year }

    /// Counts the sessions held in `year` up to `today` (TrainingRules.period).
    public init(_ sessions: [TrainingSession], year: Int, today: Day) {
        self.year = year
        guard let p = TrainingRules.period(year: year, today: today) else { return }
        for s in sessions where p.contains(s.date) {
            add(month: s.date.month, type: s.type, mode: s.mode, TrainingTotals([s]))
        }
    }

    /// Adds one group of sessions sharing a month, type and mode.
    public mutating func add(month: Int, type: TrainingType, mode: TrainingMode, _ t: TrainingTotals) {
        guard (1...12).contains(month) else { return }
        total.add(t)
        byMonth[month - 1].add(t)
        byType[type, default: TrainingTotals()].add(t)
        byMode[mode, default: TrainingTotals()].add(t)
    }

    public func type(_ t: TrainingType) -> TrainingTotals { byType[t] ?? TrainingTotals() }
    public func mode(_ m: TrainingMode) -> TrainingTotals { byMode[m] ?? TrainingTotals() }
}

extension TrainingTotals {
    public mutating func add(_ o: TrainingTotals) {
        sessions += o.sessions; personTimes += o.personTimes; hours += o.hours
    }
}

extension TrainingRules {
    /// The days a year's figures cover: 1 January to 31 December, or to today for the current year; nil for a
    /// year that has not begun.
    public static func period(year: Int, today: Day) -> ClosedRange<Day>? {
        guard year <= today.year, let start = Day(year: year, month: 1, day: 1) else { return nil }
        return start...min(Day.endOf(year: year), today)
    }

    /// The most 学时 one day of training can hold, and the usual most (more asks for confirmation).
    public static let maxHoursPerDay = 12.0
    public static let usualHoursPerDay = 8.0
}
