import LiangxinModel
import LiangxinStore

/// A new 摸排 of one platform: a new row with its own date, so the history stays. The counts start from the
/// latest survey (staff change what changed); the date starts at today.
@MainActor
public enum SurveyForm {
    public static func make(_ ctx: AppContext, platform: Platform, latest: PlatformSurvey?) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let fields: [FormField] = [
            FormField("surveyDate", l("摸排日期", "Surveyed on"), .date, required: true,
                      hint: l("另记一条，历史保留", "Adds a row; history is kept")),
            FormField("stations", l("站点网点", "Stations"), .integer, hint: latest == nil ? nil : l("已按上次摸排填入", "From the last survey")),
            FormField("branchOffices", l("分支机构", "Branch offices"), .integer),
            FormField("workers", l("从业人员", "Workers"), .integer),
            FormField("membersFound", l("发现党员", "Members found"), .integer, hint: l("含口袋党员", "Pocket members included")),
            FormField("pocketMembers", l("其中口袋党员", "Pocket members"), .integer),
            FormField("membersTransferred", l("转入组织关系", "Transferred in"), .integer, hint: l("不多于发现党员", "At most the members found")),
            FormField("mobileMembers", l("流动党员", "Mobile members"), .integer),
            FormField("note", l("备注", "Note")),
        ]
        var base = latest ?? PlatformSurvey(platformId: platform.id ?? 0, surveyDate: ctx.today)
        base.id = nil
        base.platformId = platform.id ?? 0
        base.surveyDate = ctx.today
        base.note = nil
        let title = l("新一次摸排 · ", "New survey · ") + platform.name
        return Form(title: title, fields: fields, values: values(of: base), lang: ctx.lang,
                    validate: { v in parse(v, base: base, ctx: ctx).issues },
                    save: { v in
                        var s = parse(v, base: base, ctx: ctx).survey
                        try ctx.write(source: "form") { l in try l.insert(&s) }
                        return l("已记录摸排：", "Survey recorded: ") + "\(platform.name) \(s.surveyDate)"
                    })
    }

    static func values(of s: PlatformSurvey) -> [String: String] {
        ["surveyDate": s.surveyDate.formText, "stations": String(s.stations), "branchOffices": String(s.branchOffices),
         "workers": String(s.workers), "membersFound": String(s.membersFound), "pocketMembers": String(s.pocketMembers),
         "membersTransferred": String(s.membersTransferred), "mobileMembers": String(s.mobileMembers), "note": s.note ?? ""]
    }

    static func parse(_ values: [String: String], base: PlatformSurvey, ctx: AppContext) -> (survey: PlatformSurvey, issues: [ValidationIssue]) {
        var v = FormValues(values)
        let en = ctx.lang == .en
        var s = base
        s.surveyDate = v.requiredDay("surveyDate", en ? "Surveyed on" : "摸排日期", fallback: ctx.today)
        s.stations = v.int("stations", en ? "Stations" : "站点网点")
        s.branchOffices = v.int("branchOffices", en ? "Branch offices" : "分支机构")
        s.workers = v.int("workers", en ? "Workers" : "从业人员")
        s.membersFound = v.int("membersFound", en ? "Members found" : "发现党员")
        s.pocketMembers = v.int("pocketMembers", en ? "Pocket members" : "口袋党员")
        s.membersTransferred = v.int("membersTransferred", en ? "Transferred in" : "转入组织关系")
        s.mobileMembers = v.int("mobileMembers", en ? "Mobile members" : "流动党员")
        s.note = v.text("note")
        let latest = try? ctx.store.latestSurvey(platformId: s.platformId, asOf: Day.endOf(year: 9999))
        return (s, v.issues + Validate.survey(s, today: ctx.today) + Validate.surveyPlacement(s, latest: latest ?? nil))
    }
}
