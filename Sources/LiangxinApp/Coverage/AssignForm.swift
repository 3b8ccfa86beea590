import LiangxinModel
import LiangxinStore

/// Assigns a party organization and an instructor to one unit. A changed assignment without a date typed gets
/// today's; clearing one clears its date. The save carries the version the unit was read at, so someone else's
/// change in between is refused, not overwritten.
@MainActor
public enum AssignForm {
    public static func make(_ ctx: AppContext, unit: OrgUnit) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let store = ctx.store
        let fields: [FormField] = [
            FormField("partyOrgId", l("所属党组织", "Party organization"), .lookup(Lookups.partyOrgs(store)),
                      hint: l("Enter选择，退格清除", "Enter picks, Backspace clears")),
            FormField("orgSince", l("纳入党组织日期", "Covered since"), .date, hint: l("空着则为今天", "empty = today")),
            FormField("instructorId", l("党建指导员", "Instructor"), .lookup(Lookups.instructors(store)),
                      hint: l("Enter选择，退格清除", "Enter picks, Backspace clears")),
            FormField("instructorSince", l("联系指导员日期", "Instructor since"), .date, hint: l("空着则为今天", "empty = today")),
        ]
        let values = ["partyOrgId": unit.partyOrgId.map(String.init) ?? "", "orgSince": unit.orgSince.formText,
                      "instructorId": unit.instructorId.map(String.init) ?? "", "instructorSince": unit.instructorSince.formText]
        return Form(title: l("分配党组织和指导员 · ", "Assign · ") + unit.name, fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, base: unit, ctx: ctx).issues },
                    save: { v in
                        var u = parse(v, base: unit, ctx: ctx).unit
                        try ctx.write(source: "form") { l in try l.update(&u) }
                        return l("已保存：", "Saved: ") + u.name
                    })
    }

    static func parse(_ values: [String: String], base: OrgUnit, ctx: AppContext) -> (unit: OrgUnit, issues: [ValidationIssue]) {
        var v = FormValues(values)
        let en = ctx.lang == .en
        var u = base
        u.partyOrgId = v.id("partyOrgId")
        u.orgSince = v.day("orgSince", en ? "Covered since" : "纳入党组织日期")
        u.instructorId = v.id("instructorId")
        u.instructorSince = v.day("instructorSince", en ? "Instructor since" : "联系指导员日期")
        if u.partyOrgId == nil { u.orgSince = nil }
        else if u.partyOrgId != base.partyOrgId && (u.orgSince == nil || u.orgSince == base.orgSince) { u.orgSince = ctx.today }
        if u.instructorId == nil { u.instructorSince = nil }
        else if u.instructorId != base.instructorId && (u.instructorSince == nil || u.instructorSince == base.instructorSince) {
            u.instructorSince = ctx.today
        }
        var issues = v.issues + Validate.unit(u, today: ctx.today).filter { ["orgSince", "instructorSince"].contains($0.field) }
        if let oid = u.partyOrgId, oid != base.partyOrgId, let org = try? ctx.store.fetch(PartyOrg.self, id: oid) {
            let covered = ((try? ctx.store.unitIds(partyOrg: oid)) ?? []).count + 1
            issues += Validate.partyOrg(org, coveredUnits: covered, today: ctx.today).warnings
                .filter { $0.field == "formation" }.map { var w = $0; w.field = "partyOrgId"; return w }
            if org.formation == .independent && covered > 1 {
                issues.append(ValidationIssue("partyOrgId", .warning, zh: "“\(org.name)”是单独组建的党组织，已覆盖其他单位",
                                              en: "\(org.name) is an own organization and already covers another unit"))
            }
        }
        return (u, issues)
    }
}
