import LiangxinModel
import LiangxinStore

/// Adding or editing a platform or brand of the survey ledger (the coverage forms' pattern: fields, parse,
/// the model's validation, one audited save).
@MainActor
public enum PlatformForm {
    public static func make(_ ctx: AppContext, editing platform: Platform? = nil, sector: Sector? = nil) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let store = ctx.store
        let fields: [FormField] = [
            FormField("name", l("平台/品牌名称", "Name"), required: true, hint: l("品牌加片区，如 迅达快递（东湖片区）", "Brand and area")),
            FormField("sector", l("行业", "Sector"), .choice(Sector.allCases.map(\.rawValue)), required: true),
            FormField("regionCode", l("所在地区", "Region"), .lookup(Lookups.regions(store)), required: true),
            FormField("partyOrgId", l("覆盖支部", "Covering branch"), .lookup(Lookups.partyOrgs(store)),
                      hint: l("覆盖其从业人员的党组织，常为行业流动党员党支部", "Often an industry branch for mobile members")),
        ]
        let base = platform ?? Platform(name: "", sector: sector ?? .courier, regionCode: "")
        var values = values(of: base)
        if platform == nil && sector == nil { values["sector"] = "" }
        let title = platform == nil ? l("新增平台/品牌", "New platform") : l("编辑平台 · ", "Edit platform · ") + base.name
        return Form(title: title, fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, base: base, ctx: ctx).issues },
                    save: { v in
                        var p = parse(v, base: base, ctx: ctx).platform
                        try ctx.write(source: "form") { l in
                            if p.id == nil { try l.insert(&p) } else { try l.update(&p) }
                        }
                        return (platform == nil ? l("已新增：", "Added: ") : l("已保存：", "Saved: ")) + p.name
                    })
    }

    static func values(of p: Platform) -> [String: String] {
        ["name": p.name, "sector": p.sector.rawValue, "regionCode": p.regionCode, "partyOrgId": p.partyOrgId.map(String.init) ?? ""]
    }

    static func parse(_ values: [String: String], base: Platform, ctx: AppContext) -> (platform: Platform, issues: [ValidationIssue]) {
        let v = FormValues(values)
        var p = base
        p.name = v.text("name") ?? ""
        p.sector = v.choice("sector", Sector.self) ?? base.sector
        p.regionCode = v.text("regionCode") ?? ""
        p.partyOrgId = v.id("partyOrgId")
        let store = ctx.store
        let id = p.id
        return (p, v.issues + Validate.platform(p, sameNameExists: { name in (try? store.platformNameExists(name, except: id)) ?? false }))
    }
}
