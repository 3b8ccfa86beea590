import LiangxinModel
import LiangxinStore

/// Adds attendees to a session: secretaries and party organizations picked from searchable lists, or a head count
/// alone (a 宣讲 to the public). 人次 follows unless typed: it may never fall below everyone registered.
@MainActor
public enum AttendanceForm {
    public static func make(_ ctx: AppContext, session: TrainingSession, existing: [AttendanceRow]) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let store = ctx.store
        let fields: [FormField] = [
            FormField("secretaries", l("参训书记", "Secretaries"), .multiLookup(TrainingLookups.secretaries(store, lang: ctx.lang)),
                      hint: l("空格打开列表，输入姓名或党组织", "Space: list; type a name")),
            FormField("orgs", l("参训党组织", "Organizations"), .multiLookup(Lookups.partyOrgs(store)),
                      hint: l("按党组织登记人数", "a head count per organization")),
            FormField("perOrg", l("每个党组织人数", "Per organization"), .integer),
            FormField("orgRole", l("身份", "Role"), .choice([AttendeeRole.member.rawValue, AttendeeRole.committeeMember.rawValue])),
            FormField("publicCount", l("群众人数", "Public (head count)"), .integer, hint: l("如宣讲面向群众", "e.g. a talk to the public")),
            FormField("personTimes", l("人次", "Person-times"), .integer,
                      hint: l("留空＝原人次（\(session.personTimes)）与登记人数取大", "blank = larger of \(session.personTimes) and the registered")),
        ]
        let values = ["perOrg": "1", "orgRole": AttendeeRole.member.rawValue, "publicCount": "", "personTimes": ""]
        return Form(title: l("登记参训人员 · ", "Attendees · ") + session.title, fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, session: session, existing: existing, ctx: ctx).issues },
                    save: { v in
                        let p = parse(v, session: session, existing: existing, ctx: ctx)
                        try ctx.write(source: "form") { l in
                            for var a in p.rows { try l.insert(&a) }
                            if p.session.personTimes != session.personTimes {
                                var s = p.session
                                try l.update(&s)
                            }
                        }
                        let skipped = p.skipped.isEmpty ? "" : l("；已登记过而跳过：", "; already registered, skipped: ") + p.skipped.joined(separator: "、")
                        return l("已登记\(p.rows.reduce(0) { $0 + $1.headCount })人；人次 \(p.session.personTimes)",
                                 "Registered \(p.rows.reduce(0) { $0 + $1.headCount }); person-times \(p.session.personTimes)") + skipped
                    })
    }

    /// The rows to insert, the session with its new 人次, secretaries skipped as already registered, and the issues.
    static func parse(_ values: [String: String], session: TrainingSession, existing: [AttendanceRow], ctx: AppContext)
        -> (rows: [TrainingAttendance], session: TrainingSession, skipped: [String], issues: [ValidationIssue]) {
        var v = FormValues(values)
        let en = ctx.lang == .en
        let sid = session.id ?? 0
        var rows: [TrainingAttendance] = []
        var skipped: [String] = []
        var issues: [ValidationIssue] = []
        let already = Set(existing.filter { $0.attendance.role == .secretary }.compactMap(\.attendance.partyOrgId))
        func org(_ id: Int64) -> PartyOrg? { (try? ctx.store.fetch(PartyOrg.self, id: id)).flatMap { $0 } }
        for id in v.ids("secretaries") {
            guard let o = org(id) else { continue }
            guard let name = o.secretaryName else {
                issues.append(ValidationIssue("secretaries", zh: "参训书记：“\(o.name)”未配备书记", en: "Secretaries: \(o.name) has no secretary"))
                continue
            }
            if already.contains(id) { skipped.append(name); continue }
            rows.append(TrainingAttendance(sessionId: sid, partyOrgId: id, personName: name, role: .secretary))
        }
        let orgIds = v.ids("orgs")
        let perOrg = v.int("perOrg", en ? "Per organization" : "每个党组织人数", default: 1)
        if !orgIds.isEmpty && perOrg < 1 {
            issues.append(ValidationIssue("perOrg", zh: "每个党组织人数：应至少为1", en: "Per organization: at least 1"))
        }
        let role = v.choice("orgRole", AttendeeRole.self) ?? .member
        for id in orgIds where org(id) != nil && perOrg >= 1 {
            rows.append(TrainingAttendance(sessionId: sid, partyOrgId: id, role: role, headCount: perOrg))
        }
        let publicCount = v.int("publicCount", en ? "Public" : "群众人数")
        if publicCount < 0 {
            issues.append(ValidationIssue("publicCount", zh: "群众人数：不能为负数", en: "Public: must not be negative"))
        } else if publicCount > 0 {
            rows.append(TrainingAttendance(sessionId: sid, role: .publicAttendee, headCount: publicCount))
        }
        if rows.isEmpty && skipped.isEmpty && issues.isEmpty && v.issues.isEmpty {
            issues.append(ValidationIssue("secretaries", zh: "请选择参训书记或党组织，或填写群众人数", en: "Pick secretaries or organizations, or give a head count"))
        }
        let registered = TrainingAttendance.registered(existing.map(\.attendance) + rows)
        var s = session
        if v.text("personTimes") == nil {
            s.personTimes = max(session.personTimes, registered)
        } else {
            s.personTimes = v.int("personTimes", en ? "Person-times" : "人次")
        }
        // Only the count is being changed here: the session's other checks belong to its own form.
        let counted = Validate.trainingSession(s, registered: registered, today: ctx.today).filter { $0.field == "personTimes" }
        return (rows, s, skipped, v.issues + issues + counted)
    }
}
