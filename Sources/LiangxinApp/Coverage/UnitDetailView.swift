import Foundation
import LiangxinModel
import LiangxinStore
import TermKit

/// A unit's detail: its fields and coverage, its party organization (and the other units a joint branch covers),
/// its instructor, and its change history read from the audit table.
@MainActor
enum UnitDetailView {
    static func render(_ d: UnitDetail, historyOffset: Int, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        guard area.height >= 6 else { return }
        let topH = max(8, min(area.height - 5, 16))
        let parts = area.splitRows([.fixed(topH), .ratio(1)])
        let top = parts[0].splitColumns(ratios: [1, 1])
        let insH = top[1].height >= 12 ? 6 : 5
        let right = top[1].splitRows([.ratio(1), .fixed(insH)])
        block(ctx.t(.cvUnit) + " · " + d.unit.name, unitLines(d, ctx), into: &buf, area: top[0])
        block(ctx.t(.cvOrg), orgLines(d, ctx), into: &buf, area: right[0])
        block(ctx.t(.cvInstructor), instructorLines(d, ctx), into: &buf, area: right[1])
        let bottom = parts[1].splitColumns(ratios: [3, 2])
        let history = historyLines(d, ctx)
        let hb = Block(title: "\(ctx.t(.cvHistory)) (\(d.history.count))")
        hb.render(into: &buf, area: bottom[0])
        let hin = hb.inner(bottom[0]).inset(left: 1, right: 1)
        // Newest first; j/k scroll.
        let shown = history.isEmpty ? [ctx.t(.cvNoHistory)] : Array(history.reversed().dropFirst(max(0, min(historyOffset, history.count - 1))))
        for (i, line) in shown.prefix(hin.height).enumerated() {
            buf.put(truncate(line, toWidth: hin.width), x: hin.x, y: hin.y + i, style: i == 0 && historyOffset == 0 ? .text : .dim)
        }
        let name = ctx.t(bottom[1].width >= 40 ? .cvCoCovered : .cvCoCoveredShort)
        let title = d.partyOrg == nil ? name : "\(name) (\(d.coCoveredTotal))"
        let cb = Block(title: title)
        cb.render(into: &buf, area: bottom[1])
        let cin = cb.inner(bottom[1]).inset(left: 1, right: 1)
        var co = d.coCovered.map { "\($0.name) · \($0.regionName)" }
        if d.coCoveredTotal > d.coCovered.count { co.append("\(ctx.t(.cvMore)) \(d.coCoveredTotal - d.coCovered.count)") }
        if co.count > cin.height, cin.height > 0 {
            co = Array(co.prefix(cin.height - 1)) + ["\(ctx.t(.cvMore)) \(d.coCoveredTotal - (cin.height - 1))"]
        }
        for (i, line) in co.prefix(cin.height).enumerated() {
            buf.put(truncate(line, toWidth: cin.width), x: cin.x, y: cin.y + i, style: .text)
        }
    }

    private static func block(_ title: String, _ lines: [InfoLine], into buf: inout Buffer, area: Rect) {
        let b = Block(title: title)
        b.render(into: &buf, area: area)
        InfoList(lines: lines).render(into: &buf, area: b.inner(area).inset(left: 1, right: 1))
    }

    static func yesNo(_ b: Bool, _ ctx: AppContext) -> String { ctx.t(b ? .cvYes : .cvNo) }

    static func unitLines(_ d: UnitDetail, _ ctx: AppContext) -> [InfoLine] {
        let u = d.unit
        var cov = ctx.t(d.coverage.longStr)
        if !d.inScope { cov += "（\(ctx.t(.cvOutOfScope))）" }
        let role: Role = d.coverage == .uncovered ? .bad : (d.coverage == .workOnly ? .warning : .good)
        var lines: [InfoLine] = [
            .pair(ctx.t(.cvFieldCoverage), cov, role),
        ]
        if !d.findings.isEmpty {
            lines.append(.pair(ctx.t(.cvFieldFindings), d.findings.map { ctx.t($0.str) }.joined(separator: "、"), .warning))
        }
        lines += [
            .pair(ctx.t(.cvFieldCode), u.creditCode ?? "—"),
            .pair(ctx.t(.cvFieldCategory), u.category.label + (u.industry.map { " · " + $0 } ?? "")),
            .pair(ctx.t(.cvFieldRegion), d.regionPath),
            .pair(ctx.t(.cvFieldStaff), "\(u.staff)"),
            .pair(ctx.t(.cvFieldMembers), "\(u.fullMembers) / \(u.probationaryMembers)"),
            .pair(ctx.t(.cvFieldLegalRep), "\(yesNo(u.legalRepMember, ctx)) / \(yesNo(u.acficMember, ctx))"),
        ]
        if let s = u.sector { lines.append(.pair(ctx.t(.cvFieldSector), s.label)) }
        if u.reasonNotFormed != nil || u.plannedDate != nil {
            lines.append(.pair(ctx.t(.cvFieldReason), "\(u.reasonNotFormed?.label ?? "—") / \(u.plannedDate?.description ?? "—")"))
        }
        lines.append(.pair(ctx.t(.cvFieldRegistered), "\(u.registered?.description ?? "—") / \(u.status.label)"
                           + (u.deregistered.map { " \($0)" } ?? "")))
        if let a = u.address { lines.append(.pair(ctx.t(.cvFieldAddress), a)) }
        return lines
    }

    static func orgLines(_ d: UnitDetail, _ ctx: AppContext) -> [InfoLine] {
        guard let o = d.partyOrg else { return [.text(ctx.t(.cvNoOrg), .dim)] }
        var lines: [InfoLine] = [
            .text(o.name, .title),
            .pair(ctx.t(.cvFieldOrgType), "\(o.orgType.label) · \(o.formation.label)"),
            .pair(ctx.t(.cvFieldSecretary), [o.secretaryName, o.secretaryPhone].compactMap { $0 }.joined(separator: " ")),
            .pair(ctx.t(.cvFieldMembers), "\(o.fullMembers) / \(o.probationaryMembers)"),
            .pair(ctx.t(.cvFieldOrgStatus), "\(o.status.label) · \(o.starLevel > 0 ? String(repeating: "★", count: o.starLevel) : "—")",
                  o.status == .normal ? .text : .warning),
            .pair(ctx.t(.cvFieldFounded), "\(o.founded?.description ?? "—") · \(ctx.t(.cvFieldSince)) \(d.unit.orgSince?.description ?? "—")"),
        ]
        if let p = d.parentOrgName { lines.append(.pair(ctx.t(.cvFieldParent), p)) }
        return lines
    }

    static func instructorLines(_ d: UnitDetail, _ ctx: AppContext) -> [InfoLine] {
        guard let i = d.instructor else { return [.text(ctx.t(.cvNoInstructor), .dim)] }
        return [
            .pair(i.name, i.phone ?? ""),
            .pair(ctx.t(.cvFieldEmployer), i.employer ?? "—"),
            .pair(ctx.t(.cvFieldFullTime), "\(ctx.t(i.fullTime ? .cvFullTime : .cvPartTime)) · \(i.visitFrequency?.label ?? "—")"),
            .pair(ctx.t(.cvFieldLinkedUnits), "\(d.instructorUnits) · \(ctx.t(.cvFieldSince)) \(d.unit.instructorSince?.description ?? "—")"),
        ]
    }

    /// Field names in the audit JSON, as staff read them.
    static let fieldLabels: [String: String] = [
        "name": "名称", "creditCode": "信用代码", "category": "类别", "kind": "类型", "industry": "行业", "regionCode": "地区",
        "address": "地址", "staff": "在岗职工", "fullMembers": "正式党员", "probationaryMembers": "预备党员",
        "legalRepMember": "法人党员", "acficMember": "工商联会员", "sector": "新就业群体行业", "partyOrgId": "党组织",
        "orgSince": "纳入日期", "instructorId": "指导员", "instructorSince": "联系日期", "reasonNotFormed": "未建原因",
        "plannedDate": "拟建日期", "registered": "登记日期", "status": "状态", "deregistered": "注销日期",
    ]

    /// One line per audit row, oldest first: when, who, what, and for an update the fields that changed.
    static func historyLines(_ d: UnitDetail, _ ctx: AppContext) -> [String] {
        d.history.map { e in
            let when = e.at.prefix(16).replacingOccurrences(of: "T", with: " ")
            let action: String
            switch e.action {
            case "insert": action = ctx.t(.cvActionInsert)
            case "update": action = ctx.t(.cvActionUpdate)
            case "delete": action = ctx.t(.cvActionDelete)
            case "restore": action = ctx.t(.cvActionRestore)
            default: action = e.action
            }
            var line = "\(when) \(e.actor) \(action)"
            if e.action == "update", let b = e.before, let a = e.after {
                // Organization and instructor ids read as their names.
                func named(_ k: String, _ v: String) -> String {
                    guard let id = Int64(v) else { return v }
                    switch k {
                    case "partyOrgId": return (try? ctx.store.fetch(PartyOrg.self, id: id))?.map(\.name) ?? v
                    case "instructorId": return (try? ctx.store.fetch(Instructor.self, id: id))?.map(\.name) ?? v
                    default: return v
                    }
                }
                let changes = diff(b, a).map { k, old, new in
                    "\(ctx.lang == .en ? k : (fieldLabels[k] ?? k)) \(named(k, old))→\(named(k, new))"
                }
                if !changes.isEmpty { line += " " + changes.joined(separator: "；") }
            }
            if let s = e.source, s != "form" { line += " (\(s))" }
            return line
        }
    }

    /// Changed keys between two JSON objects (the version counter left out), in key order.
    static func diff(_ before: String, _ after: String) -> [(String, String, String)] {
        func obj(_ s: String) -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(s.utf8))) as? [String: Any] ?? [:]
        }
        // JSON booleans come back as numbers on some platforms: the record's boolean keys are known.
        let boolKeys: Set<String> = ["legalRepMember", "acficMember", "fullTime"]
        func text(_ v: Any?, _ key: String) -> String {
            switch v {
            case nil, is NSNull: return "—"
            case let s as String: return s
            case let n as NSNumber: return boolKeys.contains(key) ? (n.boolValue ? "是" : "否") : n.stringValue
            default: return "\(v!)"
            }
        }
        let b = obj(before), a = obj(after)
        return Set(b.keys).union(a.keys).subtracting(["version"]).sorted().compactMap { k in
            let old = text(b[k], k), new = text(a[k], k)
            return old == new ? nil : (k, old, new)
        }
    }
}
