import Foundation
import LiangxinModel
import LiangxinStore

extension Sector {
    public func label(_ lang: Lang) -> String {
        guard lang == .en else { return label }
        switch self {
        case .courier: return "Courier"
        case .delivery: return "Delivery"
        case .rideHailing: return "Ride-hailing"
        case .truck: return "Truck"
        case .streamer: return "Streamer"
        }
    }
}

extension ActivityType {
    public func label(_ lang: Lang) -> String {
        guard lang == .en else { return label }
        switch self {
        case .care: return "Care visit"
        case .training: return "Training"
        case .volunteer: return "Volunteer"
        case .award: return "Award"
        case .forum: return "Forum"
        case .survey: return "Survey"
        }
    }
}

extension OutreachFinding {
    /// The finding's name in lists and titles ("未摸排或超6个月").
    func title(_ lang: Lang, months: Int) -> String {
        switch self {
        case .overdue: return Str.oFOverdue.text(lang).filled(["n": "\(months)"])
        case .noBranch: return Str.oFNoBranch.text(lang)
        case .notTransferred: return Str.oFNotTransferred.text(lang)
        }
    }
}

extension String {
    /// Replaces `{key}` placeholders of a `Str` template.
    func filled(_ values: [String: String]) -> String {
        var s = self
        for (k, v) in values { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }
}

/// The short markers a ledger row carries in its 问题 column: 未摸排 or 超期, 无支部, 未转入.
func findingMarkers(_ row: LedgerRow, _ lang: Lang) -> String {
    var m: [String] = []
    if row.findings.contains(.overdue) { m.append((row.latest == nil ? Str.oMNever : Str.oMOverdue).text(lang)) }
    if row.findings.contains(.noBranch) { m.append(Str.oMNoBranch.text(lang)) }
    if row.findings.contains(.notTransferred) { m.append(Str.oMNotTransferred.text(lang)) }
    return m.joined(separator: " ")
}
