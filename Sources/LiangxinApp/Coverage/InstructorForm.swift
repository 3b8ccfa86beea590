import LiangxinModel
import LiangxinStore

/// Adding or editing a 党建工作指导员 and the units linked to them (newly linked units get today's date); one
/// audited transaction.
@MainActor
public enum InstructorForm {
    public static func make(_ ctx: AppContext, editing ins: Instructor? = nil, units preset: [Int64] = [],
                            regionCode: String? = nil) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let store = ctx.store
        let fields: [FormField] = [
            FormField("name", l("姓名", "Name"), required: true),
            FormField("phone", l("电话", "Phone"), hint: l("手机11位，或区号-号码", "11-digit mobile or area code-number")),
            FormField("employer", l("工作单位", "Employer")),
            FormField("fullTime", l("专职", "Full-time"), .toggle),
            FormField("visitFrequency", l("走访频次", "Visit frequency"), .choice(VisitFrequency.allCases.map(\.rawValue))),
            FormField("rating", l("考核等次", "Rating"), .choice(InstructorRating.allCases.map(\.rawValue))),
            FormField("regionCode", l("所在地区", "Region"), .lookup(Lookups.regions(store))),
            FormField("units", l("联系单位", "Units linked"), .multiLookup(Lookups.units(store)),
                      hint: l("空格或Enter打开列表，输入以查找，空格勾选", "Space/Enter opens the list; type to search, Space ticks")),
        ]
        var base = ins ?? Instructor(name: "", regionCode: regionCode)
        if ins == nil, base.regionCode == nil, let first = preset.first, let u = try? store.fetch(OrgUnit.self, id: first) {
            base.regionCode = u.regionCode
        }
        let linked = ins?.id.flatMap { try? store.unitIds(instructor: $0) } ?? preset
        var values: [String: String] = [
            "name": base.name, "phone": base.phone ?? "", "employer": base.employer ?? "", "fullTime": base.fullTime ? "是" : "否",
            "visitFrequency": base.visitFrequency?.rawValue ?? "", "rating": base.rating?.rawValue ?? "",
            "regionCode": base.regionCode ?? "",
        ]
        values["units"] = linked.map(String.init).joined(separator: ",")
        let title = ins == nil ? l("新增党建指导员", "New instructor") : l("编辑党建指导员 · ", "Edit instructor · ") + base.name
        return Form(title: title, fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, base: base).issues },
                    save: { v in
                        let p = parse(v, base: base)
                        var i = p.instructor
                        let isNew = i.id == nil
                        let n = try ctx.write(source: "form") { l -> (added: Int, removed: Int) in
                            if isNew { try l.insert(&i) } else { try l.update(&i) }
                            return try l.setLinkedUnits(instructor: i.id!, to: p.units, since: ctx.today)
                        }
                        let done = isNew ? l("已新增指导员：", "Added: ") : l("已保存指导员：", "Saved: ")
                        return done + i.name + l("（联系\(p.units.count)家单位，新增\(n.added)家）", " (\(p.units.count) units, \(n.added) new)")
                    })
    }

    static func parse(_ values: [String: String], base: Instructor) -> (instructor: Instructor, units: [Int64], issues: [ValidationIssue]) {
        let v = FormValues(values)
        var i = base
        i.name = v.text("name") ?? ""
        i.phone = v.text("phone")
        i.employer = v.text("employer")
        i.fullTime = v.bool("fullTime")
        i.visitFrequency = v.choice("visitFrequency", VisitFrequency.self)
        i.rating = v.choice("rating", InstructorRating.self)
        i.regionCode = v.text("regionCode")
        return (i, v.ids("units"), v.issues + Validate.instructor(i))
    }
}
