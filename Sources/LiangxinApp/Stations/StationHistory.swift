import Foundation
import LiangxinModel
import LiangxinStore

/// A station's change history, from its audit rows: who changed which fields from what to what.
@MainActor
enum StationHistory {
    /// Newest first, one line each: `2026-11-22 10:31 alice 修改 状态 运行→暂停；原因 —→装修`.
    static func lines(_ entries: [AuditEntry], ctx: AppContext, regionName: (String) -> String) -> [String] {
        entries.reversed().map { e in
            let when = String(e.at.prefix(16)).replacingOccurrences(of: "T", with: " ")
            let what: String
            switch e.action {
            case "insert": what = ctx.t(.stHInsert)
            case "delete": what = ctx.t(.stHDelete)
            case "restore": what = ctx.t(.stHRestore)
            default:
                let changes = diff(e.before, e.after, ctx: ctx, regionName: regionName)
                what = ctx.t(.stHUpdate) + (changes.isEmpty ? "" : " " + changes.joined(separator: "；"))
            }
            return "\(when) \(e.actor) \(what)"
        }
    }

    /// The fields that differ between two JSON snapshots of a station, labelled as the form labels them.
    static func diff(_ before: String?, _ after: String?, ctx: AppContext, regionName: (String) -> String) -> [String] {
        let a = object(before), b = object(after)
        return StationForm.fieldOrder.compactMap { key in
            let x = text(a[key]), y = text(b[key])
            guard x != y else { return nil }
            func show(_ v: String) -> String { v.isEmpty ? "—" : (key == "regionCode" ? regionName(v) : v) }
            return "\(StationForm.label(key, ctx.lang)) \(show(x))→\(show(y))"
        }
    }

    private static func object(_ json: String?) -> [String: Any] {
        guard let j = json, let o = try? JSONSerialization.jsonObject(with: Data(j.utf8)) as? [String: Any] else { return [:] }
        return o
    }

    private static func text(_ v: Any?) -> String {
        switch v {
        case nil, is NSNull: return ""
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return "\(v!)"
        }
    }
}
