import LiangxinModel
import LiangxinStore

/// The form for a training session: new (with its secretaries picked from a list, so a class and who attended are
/// entered in one go), edited, or copied from an existing session as a template (same title, type and the rest,
/// dated today).
@MainActor
public enum SessionForm {
    public static func make(_ ctx: AppContext, editing: TrainingSession? = nil, copying: TrainingSession? = nil,
                            onSaved: @escaping (Int64) -> Void = { _ in }) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let store = ctx.store
        let isNew = editing == nil
        var fields: [FormField] = [
            FormField("date", l("日期", "Date"), .date, required: true, hint: "YYYY-MM-DD"),
            FormField("endDate", l("结束日期", "End date"), .date, hint: l("多日培训的最后一天", "last day of a multi-day class")),
            FormField("title", l("培训名称", "Title"), required: true),
            FormField("type", l("类型", "Type"), .choice(TrainingType.allCases.map(\.rawValue)), required: true),
            FormField("mode", l("形式", "Mode"), .choice(TrainingMode.allCases.map(\.rawValue)), required: true),
            FormField("organizer", l("主办单位", "Organizer")),
            FormField("audience", l("培训对象", "Audience"), hint: l("如：党组织书记、党务工作者", "e.g. secretaries, party workers")),
            FormField("regionCode", l("地区", "Region"), .lookup(Lookups.regions(store))),
            FormField("hours", l("学时", "Hours"), .decimal, required: true, hint: l("每名参训人员计入的学时", "credited to each attendee")),
            FormField("personTimes", l("人次", "Person-times"), .integer,
                      hint: isNew ? l("留空＝按登记人数", "blank = the registered attendees") : nil),
        ]
        if isNew {
            fields.append(FormField("secretaries", l("参训书记", "Secretaries"), .multiLookup(TrainingLookups.secretaries(store, lang: ctx.lang)),
                                    hint: l("空格打开列表，输入姓名或党组织", "Space: list; type a name")))
        }
        let base: TrainingSession
        if let e = editing {
            base = e
        } else if let c = copying {
            // A template: everything but the date (today), the end date and the counts of the new class.
            base = TrainingSession(date: ctx.today, title: c.title, type: c.type, mode: c.mode, organizer: c.organizer,
                                   audience: c.audience, regionCode: c.regionCode, personTimes: 0, hours: c.hours)
        } else {
            base = TrainingSession(date: ctx.today, title: "", type: .course, mode: .offline, personTimes: 0, hours: 0)
        }
        let existing = editing?.id.map { id in TrainingAttendance.registered(((try? store.trainingAttendance(session: id)) ?? []).map(\.attendance)) } ?? 0
        var values = values(of: base)
        if isNew { values["personTimes"] = ""; if copying == nil { values["hours"] = "" } }
        let title = editing != nil ? l("修改培训 · ", "Edit session · ") + base.title
            : copying != nil ? l("复制培训 · ", "Copy session · ") + base.title : l("新增培训", "New session")
        return Form(title: title, fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, base: base, existing: existing, ctx: ctx).issues },
                    save: { v in
                        let p = parse(v, base: base, existing: existing, ctx: ctx)
                        var s = p.session
                        let id: Int64 = try ctx.write(source: "form") { l in
                            if s.id == nil { try l.insert(&s) } else { try l.update(&s) }
                            for o in p.secretaries {
                                var a = TrainingAttendance(sessionId: s.id!, partyOrgId: o.id, personName: o.secretaryName, role: .secretary)
                                try l.insert(&a)
                            }
                            return s.id!
                        }
                        onSaved(id)
                        let who = p.secretaries.isEmpty ? "" : l("（书记\(p.secretaries.count)人）", " (\(p.secretaries.count) secretaries)")
                        return (isNew ? l("已新增：", "Added: ") : l("已保存：", "Saved: ")) + s.title + who
                    })
    }

    static func values(of s: TrainingSession) -> [String: String] {
        ["date": s.date.formText, "endDate": s.endDate.formText, "title": s.title, "type": s.type.rawValue, "mode": s.mode.rawValue,
         "organizer": s.organizer ?? "", "audience": s.audience ?? "", "regionCode": s.regionCode ?? "",
         "hours": s.hours > 0 ? formatHours(s.hours) : "", "personTimes": "\(s.personTimes)", "secretaries": ""]
    }

    /// The typed values as a session plus the secretaries picked, with every parse problem and the model's validation.
    /// `existing` is the number already registered on an edited session.
    static func parse(_ values: [String: String], base: TrainingSession, existing: Int, ctx: AppContext)
        -> (session: TrainingSession, secretaries: [PartyOrg], issues: [ValidationIssue]) {
        var v = FormValues(values)
        let en = ctx.lang == .en
        var s = base
        s.date = v.requiredDay("date", en ? "Date" : "日期", fallback: base.date)
        s.endDate = v.day("endDate", en ? "End date" : "结束日期")
        if s.endDate == s.date { s.endDate = nil }
        s.title = v.text("title") ?? ""
        s.type = v.choice("type", TrainingType.self) ?? base.type
        s.mode = v.choice("mode", TrainingMode.self) ?? base.mode
        s.organizer = v.text("organizer")
        s.audience = v.text("audience")
        s.regionCode = v.text("regionCode")
        s.hours = v.double("hours", en ? "Hours" : "学时") ?? 0
        var secretaries: [PartyOrg] = []
        var extra: [ValidationIssue] = []
        for id in v.ids("secretaries") {
            guard let o = (try? ctx.store.fetch(PartyOrg.self, id: id)).flatMap({ $0 }) else { continue }
            if o.secretaryName == nil {
                extra.append(ValidationIssue("secretaries", zh: "参训书记：“\(o.name)”未配备书记", en: "Secretaries: \(o.name) has no secretary"))
            } else { secretaries.append(o) }
        }
        let registered = existing + secretaries.count
        if v.text("personTimes") == nil {
            s.personTimes = max(registered, base.id == nil ? 0 : base.personTimes)
        } else {
            s.personTimes = v.int("personTimes", en ? "Person-times" : "人次")
        }
        return (s, secretaries, v.issues + extra + Validate.trainingSession(s, registered: registered, today: ctx.today))
    }
}
