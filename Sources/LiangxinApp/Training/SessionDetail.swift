import Foundation
import LiangxinModel
import LiangxinStore
import TermKit

/// One session opened with Enter: its fields, the attendance (secretaries, organizations, head counts) and the
/// change history of the session and of its attendance rows.
@MainActor
public final class SessionDetail {
    public let sessionId: Int64
    public private(set) var session: TrainingSession?
    public private(set) var attendance: [AttendanceRow] = []
    public private(set) var history: [AuditEntry] = []
    var table = TableState()
    var visible = 8
    var area = Rect.zero

    init(sessionId: Int64) { self.sessionId = sessionId }

    func reload(_ ctx: AppContext) throws {
        session = try ctx.store.fetch(TrainingSession.self, id: sessionId)
        attendance = session == nil ? [] : try ctx.store.trainingAttendance(session: sessionId)
        history = try ctx.store.trainingHistory(session: sessionId)
    }

    enum Outcome { case handled, close, notMine }

    func handle(_ key: Key, _ ctx: AppContext, panel: TrainingPanel) -> Outcome {
        guard let s = session else { return key == .esc || key == .backspace ? .close : .notMine }
        if TableKeys.navigate(key, &table, total: attendance.count, visible: visible) { return .handled }
        switch key {
        case .esc, .backspace:
            return .close
        case .mouse(let x, let y):
            if let i = TableKeys.row(atY: y, x: x, in: area, state: table, total: attendance.count) {
                table.select(i, total: attendance.count, visible: visible)
            }
        case .char("a"):
            panel.openAttendanceForm(ctx, session: s, registered: attendance)
        case .char("m"):
            panel.openSessionForm(ctx, editing: s, copying: nil)
        case .char("c"):
            panel.openSessionForm(ctx, editing: nil, copying: s)
        case .char("d"):
            guard attendance.indices.contains(table.selected), let aid = attendance[table.selected].attendance.id else { return .handled }
            let row = attendance[table.selected]
            panel.ask(ctx.t(.trDeleteAttendanceQ) + "\n" + describe(row, ctx), ctx) {
                do {
                    try ctx.write(source: "training") { try $0.delete(TrainingAttendance.self, id: aid) }
                    ctx.say(ctx.t(.trDeleted) + self.describe(row, ctx))
                } catch {
                    ctx.say("\(error)", error: true)
                }
            }
        case .char("e"):
            ScreenExport.run(ctx, name: "training-attendance-\(sessionId)", header: [ctx.t(.trOrg), ctx.t(.trName), ctx.t(.trRole), ctx.t(.trHeadCount)],
                             rows: attendance.map { r in [r.orgName ?? "", r.attendance.personName ?? "", r.attendance.role.label(ctx.lang), "\(r.attendance.headCount)"] })
        default:
            return .notMine
        }
        return .handled
    }

    func describe(_ r: AttendanceRow, _ ctx: AppContext) -> String {
        let a = r.attendance
        var s = a.personName ?? "×\(a.headCount)"
        s += "（\(a.role.label(ctx.lang))"
        if let o = r.orgName { s += " · \(o)" }
        return s + "）"
    }

    func render(into buf: inout Buffer, area outer: Rect, _ ctx: AppContext) {
        guard let s = session else {
            let b = Block(title: ctx.t(.trDetail))
            b.render(into: &buf, area: outer)
            buf.put(StoreError.notFound(entity: TrainingSession.entity, id: sessionId).description, x: outer.x + 2, y: outer.y + 1, style: .error,
                    maxWidth: max(0, outer.width - 4))
            return
        }
        let parts = outer.splitRows([.fixed(6), .ratio(3), .ratio(2)])
        renderFields(s, into: &buf, area: parts[0], ctx)
        renderAttendance(into: &buf, area: parts[1], ctx)
        renderHistory(into: &buf, area: parts[2], ctx)
    }

    private func renderFields(_ s: TrainingSession, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: "\(ctx.t(.trDetail)) · \(s.title)")
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let halves = inner.splitColumns([.ratio(1), .fixed(2), .ratio(1)])
        var dates = s.date.description
        if let e = s.endDate, e != s.date {
            let end = e.year == s.date.year ? String(e.description.dropFirst(5)) : e.description
            dates += " ~ \(end)" + (ctx.lang == .en ? " (\(s.days) days)" : "（\(s.days)天）")
        }
        let region = s.regionCode.flatMap { (try? ctx.store.region($0)).flatMap { $0 }?.name } ?? ""
        let roleCounts = AttendeeRole.allCases.map { r in (r, attendance.filter { $0.attendance.role == r }.reduce(0) { $0 + $1.attendance.headCount }) }
        let registered = TrainingAttendance.registered(attendance.map(\.attendance))
        let left: [(String, String)] = [(ctx.t(.trDate), dates), (ctx.t(.trOrganizer), s.organizer ?? ""),
                                         (ctx.t(.trAudience), s.audience ?? ""), (ctx.t(.trRegion), region)]
        let right: [(String, String)] = [(ctx.t(.trType), "\(s.type.label(ctx.lang)) · \(s.mode.label(ctx.lang))"),
                                          (ctx.t(.trPersonTimes), "\(s.personTimes)"), (ctx.t(.trHours), formatHours(s.hours)),
                                          (ctx.t(.trRegistered), "\(registered)：" + roleCounts.filter { $0.1 > 0 }.map { "\($0.0.label(ctx.lang))\($0.1)" }.joined(separator: " "))]
        SessionDetail.fields(left, into: &buf, area: halves[0])
        SessionDetail.fields(right, into: &buf, area: halves[2])
    }

    /// Label and value pairs, one a line, values lined up after the widest label.
    static func fields(_ pairs: [(String, String)], into buf: inout Buffer, area: Rect) {
        let lw = min(pairs.map { displayWidth($0.0) }.max() ?? 0, area.width / 3)
        for (i, (label, value)) in pairs.enumerated() where i < area.height {
            buf.put(pad(label, toWidth: lw), x: area.x, y: area.y + i, style: .dim)
            buf.put(truncate(value, toWidth: max(0, area.width - lw - 1)), x: area.x + lw + 1, y: area.y + i, style: .text)
        }
    }

    private func renderAttendance(into buf: inout Buffer, area outer: Rect, _ ctx: AppContext) {
        let b = Block(title: "\(ctx.t(.trAttendance)) · \(attendance.count)")
        b.render(into: &buf, area: outer)
        let inner = b.inner(outer).inset(left: 1, right: 1)
        area = inner
        visible = max(1, Table.visibleRowCount(in: inner, state: table))
        table.clamp(total: attendance.count, visible: visible)
        let cols: [Column] = [.flex(ctx.t(.trOrg), min: 12, weight: 3), .fixed(ctx.t(.trName), 12), .fixed(ctx.t(.trRole), 6),
                              .fixed(ctx.t(.trHeadCount), 6, align: .right)]
        let shown = attendance[table.visibleRange(total: attendance.count, visible: visible)].map { r in
            [r.orgName ?? "", r.attendance.personName ?? "", r.attendance.role.label(ctx.lang), "\(r.attendance.headCount)"]
        }
        Table(columns: cols, rows: Array(shown), totalRows: attendance.count, state: table, emptyText: ctx.t(.trNoAttendance))
            .render(into: &buf, area: inner)
    }

    private func renderHistory(into buf: inout Buffer, area outer: Rect, _ ctx: AppContext) {
        let b = Block(title: "\(ctx.t(.trHistory)) · \(history.count)")
        b.render(into: &buf, area: outer)
        let inner = b.inner(outer).inset(left: 1, right: 1)
        let cols: [Column] = [.fixed(ctx.t(.trWhen), 16), .fixed(ctx.t(.trWho), 10), .flex(ctx.t(.trWhat), min: 10)]
        // Newest first: the last change is what a reader checks.
        let n = Table.visibleRowCount(in: inner, state: TableState())
        let rows = history.reversed().prefix(n).map { e in [TrainingFormat.auditTime(e.at), e.actor, SessionDetail.summary(e, ctx)] }
        Table(columns: cols, rows: Array(rows), totalRows: history.count, state: TableState(), showSelection: false)
            .render(into: &buf, area: inner)
    }

    /// One audit row in words: what was added or deleted, or which fields changed from what to what.
    static func summary(_ e: AuditEntry, _ ctx: AppContext) -> String {
        let action: String
        switch e.action {
        case "insert": action = ctx.t(.trActInsert)
        case "update": action = ctx.t(.trActUpdate)
        case "delete": action = ctx.t(.trActDelete)
        case "restore": action = ctx.t(.trActRestore)
        default: action = e.action
        }
        func obj(_ s: String?) -> [String: Any] {
            s.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? [:]
        }
        func text(_ v: Any?) -> String {
            switch v {
            case nil, is NSNull: return "—"
            case let n as NSNumber: return formatHours(n.doubleValue)
            case let s as String: return s
            default: return "\(v!)"
            }
        }
        let before = obj(e.before), after = obj(e.after)
        let source = e.source.map { $0.hasSuffix(".csv") ? "（\($0)）" : "" } ?? ""
        if e.entity == TrainingAttendance.entity {
            let r = after.isEmpty ? before : after
            let who = (r["personName"] as? String) ?? "×\(text(r["headCount"]))"
            let role = (r["role"] as? String).flatMap { AttendeeRole(rawValue: $0) }?.label(ctx.lang) ?? ""
            return (ctx.lang == .en ? "\(action) \(who) \(role)" : "\(action)\(ctx.t(.trAttendance))：\(who) \(role)") + source
        }
        if e.action == "update" {
            let labels: [(String, Str)] = [("date", .trDate), ("endDate", .trEndDate), ("title", .trTitle), ("type", .trType),
                                           ("mode", .trMode), ("organizer", .trOrganizer), ("audience", .trAudience),
                                           ("regionCode", .trRegion), ("personTimes", .trPersonTimes), ("hours", .trHours)]
            let changed = labels.filter { text(before[$0.0]) != text(after[$0.0]) }
                .map { "\(ctx.t($0.1)) \(text(before[$0.0]))→\(text(after[$0.0]))" }
            return "\(action)：" + changed.joined(separator: "；")
        }
        return (ctx.lang == .en ? "\(action) \(ctx.t(.trSessionWord))" : "\(action)\(ctx.t(.trSessionWord))") + source
    }
}
