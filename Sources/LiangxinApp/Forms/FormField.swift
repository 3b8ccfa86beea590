import LiangxinModel
import TermKit

/// Finds records to pick by typed text (party organizations, instructors, units …) and names a picked one.
/// Ids are text so a region code and a record number pick the same way.
public struct Lookup {
    public var search: (String) -> [(id: String, label: String)]
    public var label: (String) -> String?
    public init(search: @escaping (String) -> [(id: String, label: String)], label: @escaping (String) -> String?) {
        self.search = search; self.label = label
    }
}

/// One field of a form. Values are kept as the text the user sees; a form's `validate` turns them into a record.
public struct FormField {
    public enum Kind {
        case text
        case integer
        case decimal
        /// `YYYY-MM-DD`.
        case date
        /// One of a pick list (an enumeration).
        case choice([String])
        /// Several of a pick list, stored joined with `、`.
        case multiChoice([String])
        /// 是 / 否.
        case toggle
        /// One record found by search; the value is its id.
        case lookup(Lookup)
        /// Several records; the value is their ids joined with `,`.
        case multiLookup(Lookup)
    }

    /// The record's property name: validation issues name it, so messages land next to the right field.
    public var key: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var hint: String?

    public init(_ key: String, _ label: String, _ kind: Kind = .text, required: Bool = false, hint: String? = nil) {
        self.key = key; self.label = label; self.kind = kind; self.required = required; self.hint = hint
    }

    /// Typed directly (a caret editor) rather than picked from a list.
    var isTyped: Bool {
        switch kind {
        case .text, .integer, .decimal, .date: return true
        default: return false
        }
    }
}

/// Reads typed values out of a form's text, collecting a message per bad field (the same way a CSV row is read).
public struct FormValues {
    public let values: [String: String]
    public var issues: [ValidationIssue] = []

    public init(_ values: [String: String]) { self.values = values }

    public func text(_ k: String) -> String? {
        let t = (values[k] ?? "").trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : t
    }

    public mutating func int(_ k: String, _ label: String, default d: Int = 0) -> Int {
        guard let t = text(k) else { return d }
        guard let v = Int(t) else {
            issues.append(ValidationIssue(k, zh: "\(label)：“\(t)”不是整数", en: "\(label): “\(t)” is not a whole number"))
            return d
        }
        return v
    }

    public mutating func double(_ k: String, _ label: String) -> Double? {
        guard let t = text(k) else { return nil }
        guard let v = Double(t), v.isFinite else {
            issues.append(ValidationIssue(k, zh: "\(label)：“\(t)”不是数字", en: "\(label): “\(t)” is not a number"))
            return nil
        }
        return v
    }

    public mutating func day(_ k: String, _ label: String) -> Day? {
        guard let t = text(k) else { return nil }
        guard let d = Day(t) else {
            issues.append(ValidationIssue(k, zh: "\(label)：“\(t)”不是有效日期（YYYY-MM-DD）", en: "\(label): “\(t)” is not a real date (YYYY-MM-DD)"))
            return nil
        }
        return d
    }

    public mutating func requiredDay(_ k: String, _ label: String, fallback: Day) -> Day {
        if text(k) == nil {
            issues.append(ValidationIssue(k, zh: "\(label)：必填", en: "\(label): required"))
            return fallback
        }
        return day(k, label) ?? fallback
    }

    public func bool(_ k: String) -> Bool { values[k] == "是" }

    public func id(_ k: String) -> Int64? { text(k).flatMap { Int64($0) } }

    public func ids(_ k: String) -> [Int64] { (values[k] ?? "").split(separator: ",").compactMap { Int64($0) } }

    public func choice<E: DomainEnum>(_ k: String, _ t: E.Type) -> E? { text(k).flatMap { E.parse($0) } }

    public func list(_ k: String) -> [String] { (values[k] ?? "").split(separator: "、").map(String.init) }
}

extension Day {
    public var formText: String { description }
}

extension Optional where Wrapped == Day {
    public var formText: String { self?.description ?? "" }
}
