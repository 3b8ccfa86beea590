import LiangxinModel
import LiangxinStore

/// The form for adding or editing a 两新组织 unit — the pattern every ledger form follows: fields, a parse of the
/// typed values into the record, the model's validation, and one audited save.
@MainActor
public enum UnitForm {
    public static func make(_ ctx: AppContext, editing unit: OrgUnit? = nil, regionCode: String? = nil) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let store = ctx.store
        let fields: [FormField] = [
            FormField("name", l("单位名称", "Name"), required: true),
            FormField("creditCode", l("统一社会信用代码", "Credit code"), hint: l("18位，末位为校验码", "18 characters with a check character")),
            FormField("category", l("类别", "Category"), .choice(UnitCategory.allCases.map(\.rawValue)), required: true),
            FormField("industry", l("行业", "Industry")),
            FormField("regionCode", l("所在地区", "Region"), .lookup(Lookups.regions(store)), required: true),
            FormField("address", l("地址", "Address")),
            FormField("staff", l("在岗职工", "Staff"), .integer),
            FormField("fullMembers", l("正式党员", "Full members"), .integer),
            FormField("probationaryMembers", l("预备党员", "Probationary"), .integer),
            FormField("legalRepMember", l("法定代表人是党员", "Legal rep. is a member"), .toggle),
            FormField("acficMember", l("工商联会员", "ACFIC member"), .toggle),
            FormField("sector", l("新就业群体行业", "New-employment sector"), .choice(Sector.allCases.map(\.rawValue))),
            FormField("partyOrgId", l("所属党组织", "Party organization"), .lookup(Lookups.partyOrgs(store))),
            FormField("orgSince", l("纳入党组织日期", "Covered since"), .date),
            FormField("instructorId", l("党建指导员", "Instructor"), .lookup(Lookups.instructors(store))),
            FormField("instructorSince", l("联系指导员日期", "Instructor since"), .date),
            FormField("reasonNotFormed", l("未建立原因", "Reason not formed"), .choice(ReasonNotFormed.allCases.map(\.rawValue))),
            FormField("plannedDate", l("拟建日期", "Planned date"), .date),
            FormField("registered", l("登记日期", "Registered"), .date),
            FormField("status", l("经营状态", "Status"), .choice(UnitStatus.allCases.map(\.rawValue)), required: true),
            FormField("deregistered", l("注销日期", "Deregistered"), .date),
        ]
        let base = unit ?? OrgUnit(name: "", category: .privateEnterprise, regionCode: regionCode ?? "", registered: ctx.today)
        let title = unit == nil ? l("新增单位", "New unit") : l("编辑单位 · ", "Edit unit · ") + base.name
        return Form(title: title, fields: fields, values: values(of: base), lang: ctx.lang,
                    validate: { v in parse(v, base: base, ctx: ctx).issues },
                    save: { v in
                        var u = parse(v, base: base, ctx: ctx).unit
                        try ctx.write(source: "form") { l in
                            if u.id == nil { try l.insert(&u) } else { try l.update(&u) }
                        }
                        return (unit == nil ? l("已新增：", "Added: ") : l("已保存：", "Saved: ")) + u.name
                    })
    }

    static func values(of u: OrgUnit) -> [String: String] {
        ["name": u.name, "creditCode": u.creditCode ?? "", "category": u.category.rawValue, "industry": u.industry ?? "",
         "regionCode": u.regionCode, "address": u.address ?? "", "staff": String(u.staff), "fullMembers": String(u.fullMembers),
         "probationaryMembers": String(u.probationaryMembers), "legalRepMember": u.legalRepMember ? "是" : "否",
         "acficMember": u.acficMember ? "是" : "否", "sector": u.sector?.rawValue ?? "",
         "partyOrgId": u.partyOrgId.map(String.init) ?? "", "orgSince": u.orgSince.formText,
         "instructorId": u.instructorId.map(String.init) ?? "", "instructorSince": u.instructorSince.formText,
         "reasonNotFormed": u.reasonNotFormed?.rawValue ?? "", "plannedDate": u.plannedDate.formText,
         "registered": u.registered.formText, "status": u.status.rawValue, "deregistered": u.deregistered.formText]
    }

    /// The typed values as a unit, with every parse problem and the model's validation.
    static func parse(_ values: [String: String], base: OrgUnit, ctx: AppContext) -> (unit: OrgUnit, issues: [ValidationIssue]) {
        var v = FormValues(values)
        let en = ctx.lang == .en
        var u = base
        u.name = v.text("name") ?? ""
        u.creditCode = v.text("creditCode")?.uppercased()
        u.category = v.choice("category", UnitCategory.self) ?? base.category
        u.kind = u.category.kind
        u.industry = v.text("industry")
        u.regionCode = v.text("regionCode") ?? ""
        u.address = v.text("address")
        u.staff = v.int("staff", en ? "Staff" : "在岗职工")
        u.fullMembers = v.int("fullMembers", en ? "Full members" : "正式党员")
        u.probationaryMembers = v.int("probationaryMembers", en ? "Probationary" : "预备党员")
        u.legalRepMember = v.bool("legalRepMember")
        u.acficMember = v.bool("acficMember")
        u.sector = v.choice("sector", Sector.self)
        u.partyOrgId = v.id("partyOrgId")
        u.orgSince = v.day("orgSince", en ? "Covered since" : "纳入党组织日期")
        u.instructorId = v.id("instructorId")
        u.instructorSince = v.day("instructorSince", en ? "Instructor since" : "联系指导员日期")
        u.reasonNotFormed = v.choice("reasonNotFormed", ReasonNotFormed.self)
        u.plannedDate = v.day("plannedDate", en ? "Planned date" : "拟建日期")
        u.registered = v.day("registered", en ? "Registered" : "登记日期")
        u.status = v.choice("status", UnitStatus.self) ?? .operating
        u.deregistered = v.day("deregistered", en ? "Deregistered" : "注销日期")
        if u.partyOrgId != nil && u.orgSince == nil { u.orgSince = ctx.today }
        if u.instructorId != nil && u.instructorSince == nil { u.instructorSince = ctx.today }
        let store = ctx.store
        let issues = v.issues + Validate.unit(u, today: ctx.today, duplicateOf: { code in
            (try? store.creditCodeHolder(code, except: u.id)).flatMap { $0 }
        })
        return (u, issues)
    }
}
