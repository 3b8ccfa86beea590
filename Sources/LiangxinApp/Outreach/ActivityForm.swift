import LiangxinModel
import LiangxinStore

/// Adding or editing an outreach activity (关爱慰问, 培训, 志愿服务, 评选表彰, 座谈, 摸排). A quick-add starts from
/// another activity: same sector, type, organizer, region and platform, dated today, counts empty.
@MainActor
public enum ActivityForm {
    public static func make(_ ctx: AppContext, editing activity: OutreachActivity? = nil, like template: OutreachActivity? = nil,
                            platform: Platform? = nil, sector: Sector? = nil) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let store = ctx.store
        let fields: [FormField] = [
            FormField("date", l("日期", "Date"), .date, required: true),
            FormField("sector", l("行业", "Sector"), .choice(Sector.allCases.map(\.rawValue)), required: true),
            FormField("type", l("活动类型", "Type"), .choice(ActivityType.allCases.map(\.rawValue)), required: true),
            FormField("title", l("活动名称", "Title"), required: true),
            FormField("organizer", l("组织单位", "Organizer")),
            FormField("participants", l("参与人数", "Participants"), .integer),
            FormField("peopleServed", l("服务人数", "People served"), .integer),
            FormField("items", l("发放物品", "Items handed out"), .integer, hint: l("件/份", "pieces")),
            FormField("volunteerTimes", l("志愿服务人次", "Volunteer person-times"), .integer),
            FormField("award", l("奖项", "Award"), hint: l("评选表彰：如 最美快递员", "For awards, e.g. 最美快递员")),
            FormField("awardPerson", l("获奖人", "Awardee"), hint: l("评选表彰必填", "Required for an award")),
            FormField("regionCode", l("地区", "Region"), .lookup(Lookups.regions(store))),
            FormField("platformId", l("平台/品牌", "Platform"), .lookup(platforms(store))),
        ]
        var base: OutreachActivity
        var blankSector = false, blankType = false
        if let a = activity {
            base = a
        } else if let t = template {
            base = OutreachActivity(date: ctx.today, sector: t.sector, type: t.type, title: "", organizer: t.organizer,
                                    regionCode: t.regionCode, platformId: t.platformId)
        } else {
            base = OutreachActivity(date: ctx.today, sector: platform?.sector ?? sector ?? .courier, type: .care, title: "",
                                    regionCode: platform?.regionCode, platformId: platform?.id)
            blankSector = platform == nil && sector == nil
            blankType = true
        }
        var values = values(of: base)
        if blankSector { values["sector"] = "" }
        if blankType { values["type"] = "" }
        if activity == nil {
            for k in ["participants", "peopleServed", "items", "volunteerTimes"] { values[k] = "" }
        }
        let title = activity == nil ? (template == nil ? l("新增活动", "New activity") : l("快速新增活动", "Quick-add activity"))
            : l("编辑活动 · ", "Edit activity · ") + base.title
        return Form(title: title, fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, base: base, ctx: ctx).issues },
                    save: { v in
                        var a = parse(v, base: base, ctx: ctx).activity
                        try ctx.write(source: "form") { l in
                            if a.id == nil { try l.insert(&a) } else { try l.update(&a) }
                        }
                        return (activity == nil ? l("已新增活动：", "Added: ") : l("已保存：", "Saved: ")) + a.title
                    })
    }

    /// Platforms to pick, found by name.
    static func platforms(_ store: Store) -> Lookup {
        Lookup(search: { q in
            ((try? store.searchPlatforms(q)) ?? []).map { (String($0.id!), "\($0.name)（\($0.sector.label)）") }
        }, label: { id in
            Int64(id).flatMap { try? store.fetch(Platform.self, id: $0) }.map(\.name)
        })
    }

    static func values(of a: OutreachActivity) -> [String: String] {
        ["date": a.date.formText, "sector": a.sector.rawValue, "type": a.type.rawValue, "title": a.title,
         "organizer": a.organizer ?? "", "participants": String(a.participants), "peopleServed": String(a.peopleServed),
         "items": String(a.items), "volunteerTimes": String(a.volunteerTimes), "award": a.award ?? "",
         "awardPerson": a.awardPerson ?? "", "regionCode": a.regionCode ?? "", "platformId": a.platformId.map(String.init) ?? ""]
    }

    static func parse(_ values: [String: String], base: OutreachActivity, ctx: AppContext) -> (activity: OutreachActivity, issues: [ValidationIssue]) {
        var v = FormValues(values)
        let en = ctx.lang == .en
        var a = base
        a.date = v.requiredDay("date", en ? "Date" : "日期", fallback: ctx.today)
        a.sector = v.choice("sector", Sector.self) ?? base.sector
        a.type = v.choice("type", ActivityType.self) ?? base.type
        a.title = v.text("title") ?? ""
        a.organizer = v.text("organizer")
        a.participants = v.int("participants", en ? "Participants" : "参与人数")
        a.peopleServed = v.int("peopleServed", en ? "People served" : "服务人数")
        a.items = v.int("items", en ? "Items" : "发放物品")
        a.volunteerTimes = v.int("volunteerTimes", en ? "Volunteer person-times" : "志愿服务人次")
        a.award = v.text("award")
        a.awardPerson = v.text("awardPerson")
        a.regionCode = v.text("regionCode")
        a.platformId = v.id("platformId")
        var issues = v.issues + Validate.activity(a, today: ctx.today)
        if a.type != .award && (a.award != nil || a.awardPerson != nil) {
            issues.append(ValidationIssue("award", .warning, zh: "奖项与获奖人只属于评选表彰，本活动类型为“\(a.type.label)”",
                                          en: "Award and awardee belong to an award; this activity is a \(a.type.code)"))
        }
        if let pid = a.platformId, let p = try? ctx.store.fetch(Platform.self, id: pid), p.sector != a.sector {
            issues.append(ValidationIssue("platformId", .warning, zh: "平台“\(p.name)”属于\(p.sector.label)，活动行业为\(a.sector.label)",
                                          en: "The platform \(p.name) is in \(p.sector.code), the activity in \(a.sector.code)"))
        }
        return (a, issues)
    }
}
