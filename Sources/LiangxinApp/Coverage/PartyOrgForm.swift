import LiangxinModel
import LiangxinStore

/// Adding or editing a party organization, with the units it covers picked from a searchable list. Saving writes
/// the organization and points exactly the picked units at it (newly covered units get the founding date, or today
/// for an existing organization) in one audited transaction, so `u` undoes both.
@MainActor
public enum PartyOrgForm {
    public static func make(_ ctx: AppContext, editing org: PartyOrg? = nil, units preset: [Int64] = [],
                            regionCode: String? = nil) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let store = ctx.store
        let fields: [FormField] = [
            FormField("name", l("党组织名称", "Name"), required: true),
            FormField("formation", l("组建方式", "Formation"), .choice(Formation.allCases.map(\.rawValue)), required: true),
            FormField("orgType", l("组织类型", "Type"), .choice(OrgType.allCases.map(\.rawValue)), required: true),
            FormField("units", l("覆盖单位", "Units covered"), .multiLookup(Lookups.units(store)),
                      hint: l("空格或Enter打开列表，输入以查找，空格勾选", "Space/Enter opens the list; type to search, Space ticks")),
            FormField("regionCode", l("所在地区", "Region"), .lookup(Lookups.regions(store)), required: true),
            FormField("parentId", l("上级党组织", "Parent organization"), .lookup(Lookups.partyOrgs(store))),
            FormField("secretaryName", l("书记", "Secretary")),
            FormField("secretaryPhone", l("书记电话", "Secretary phone"), hint: l("手机11位，或区号-号码", "11-digit mobile or area code-number")),
            FormField("secretaryAppointed", l("书记任职日期", "Secretary appointed"), .date),
            FormField("fullMembers", l("正式党员", "Full members"), .integer),
            FormField("probationaryMembers", l("预备党员", "Probationary"), .integer),
            FormField("founded", l("成立日期", "Founded"), .date),
            FormField("status", l("状态", "Status"), .choice(OrgStatus.allCases.map(\.rawValue)), required: true),
            FormField("revokedOn", l("撤销日期", "Revoked on"), .date),
        ]
        var base = org ?? PartyOrg(name: "", orgType: .branch, formation: .independent, regionCode: regionCode ?? "", founded: ctx.today)
        if org == nil, let first = preset.first, let u = try? store.fetch(OrgUnit.self, id: first) {
            // A unit with fewer than 3 正式党员 cannot have its own branch: offer a joint branch instead.
            if u.fullMembers < Findings.minMembersForOwnBranch || preset.count > 1 {
                base.formation = .joint
                base.orgType = .jointBranch
            }
            if base.regionCode.isEmpty { base.regionCode = u.regionCode }
        }
        let covered = org?.id.flatMap { try? store.unitIds(partyOrg: $0) } ?? preset
        var values = values(of: base)
        values["units"] = covered.map(String.init).joined(separator: ",")
        let title = org == nil ? l("新增党组织", "New party organization") : l("编辑党组织 · ", "Edit party organization · ") + base.name
        return Form(title: title, fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, base: base, ctx: ctx).issues },
                    save: { v in
                        let p = parse(v, base: base, ctx: ctx)
                        var o = p.org
                        let isNew = o.id == nil
                        let n = try ctx.write(source: "form") { l -> (added: Int, removed: Int) in
                            if isNew { try l.insert(&o) } else { try l.update(&o) }
                            let since = isNew ? (o.founded ?? ctx.today) : ctx.today
                            return try l.setCoveredUnits(partyOrg: o.id!, to: p.units, since: since)
                        }
                        let done = isNew ? l("已新增党组织：", "Added: ") : l("已保存党组织：", "Saved: ")
                        return done + o.name + l("（覆盖\(p.units.count)家单位，新纳入\(n.added)家）",
                                                 " (covers \(p.units.count) units, \(n.added) newly)")
                    })
    }

    static func values(of o: PartyOrg) -> [String: String] {
        ["name": o.name, "orgType": o.orgType.rawValue, "formation": o.formation.rawValue,
         "parentId": o.parentId.map(String.init) ?? "", "regionCode": o.regionCode, "secretaryName": o.secretaryName ?? "",
         "secretaryPhone": o.secretaryPhone ?? "", "secretaryAppointed": o.secretaryAppointed.formText,
         "fullMembers": String(o.fullMembers), "probationaryMembers": String(o.probationaryMembers),
         "founded": o.founded.formText, "status": o.status.rawValue, "revokedOn": o.revokedOn.formText]
    }

    /// The typed values as an organization and its covered units, with parse problems, the model's validation
    /// (joint branch over 5 units, branch over 50 members as warnings) and the form's own warnings.
    static func parse(_ values: [String: String], base: PartyOrg, ctx: AppContext) -> (org: PartyOrg, units: [Int64], issues: [ValidationIssue]) {
        var v = FormValues(values)
        let en = ctx.lang == .en
        var o = base
        o.name = v.text("name") ?? ""
        o.formation = v.choice("formation", Formation.self) ?? base.formation
        o.orgType = v.choice("orgType", OrgType.self) ?? base.orgType
        o.regionCode = v.text("regionCode") ?? ""
        o.parentId = v.id("parentId")
        o.secretaryName = v.text("secretaryName")
        o.secretaryPhone = v.text("secretaryPhone")
        o.secretaryAppointed = v.day("secretaryAppointed", en ? "Secretary appointed" : "书记任职日期")
        o.fullMembers = v.int("fullMembers", en ? "Full members" : "正式党员")
        o.probationaryMembers = v.int("probationaryMembers", en ? "Probationary" : "预备党员")
        o.founded = v.day("founded", en ? "Founded" : "成立日期")
        o.status = v.choice("status", OrgStatus.self) ?? .normal
        o.revokedOn = v.day("revokedOn", en ? "Revoked on" : "撤销日期")
        let units = v.ids("units")
        var issues = v.issues + Validate.partyOrg(o, coveredUnits: units.count, today: ctx.today)
        if let pid = o.parentId, pid == o.id {
            issues.append(ValidationIssue("parentId", zh: "上级党组织：不能是自己", en: "Parent: cannot be itself"))
        }
        if o.formation == .independent && units.count > 1 {
            issues.append(ValidationIssue("units", .warning, zh: "单独组建的党组织覆盖了\(units.count)家单位，通常只覆盖一家",
                                          en: "An own organization covering \(units.count) units usually covers one"))
        }
        if o.formation == .joint && units.count == 1 {
            issues.append(ValidationIssue("units", .warning, zh: "联合党支部只覆盖1家单位", en: "The joint branch covers only 1 unit"))
        }
        let elsewhere = (try? ctx.store.coverageOf(units: units, except: o.id)) ?? []
        if !elsewhere.isEmpty {
            let list = elsewhere.prefix(3).map { "\($0.unit)（\($0.org)）" }.joined(separator: "、") + (elsewhere.count > 3 ? "等" : "")
            issues.append(ValidationIssue("units", .warning, zh: "\(elsewhere.count)家单位已属于其他党组织，保存后改属本组织：\(list)",
                                          en: "\(elsewhere.count) unit(s) already belong to another organization and will move here: \(list)"))
        }
        return (o, units, issues)
    }
}
