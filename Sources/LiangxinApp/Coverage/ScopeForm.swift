import LiangxinModel
import LiangxinStore

/// The scope rule (which units count) and the target 党组织覆盖率 per category, saved in the database so every
/// user of the file counts the same way. Saving recomputes every figure at once.
@MainActor
public enum ScopeForm {
    static let targetGroups: [CoverageGroup] = [.all, .enterprise, .small, .social, .courierDeliveryRide]

    public static func make(_ ctx: AppContext, settings: Settings) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        var fields: [FormField] = [
            FormField("operatingOnly", l("只计运营中单位", "Operating units only"), .toggle),
            FormField("minStaff", l("职工人数下限", "Minimum staff"), .integer, hint: l("0 = 不限；“三有”可设为如10", "0 = no limit; e.g. 10 for a 三有 rule")),
            FormField("minStaffKinds", l("下限适用于", "Applies to"), .multiChoice(UnitKind.allCases.map(\.rawValue))),
        ]
        var values: [String: String] = [
            "operatingOnly": settings.scope.operatingOnly ? "是" : "否", "minStaff": String(settings.scope.minStaff),
            "minStaffKinds": settings.scope.minStaffKinds.map(\.rawValue).joined(separator: "、"),
        ]
        for g in targetGroups {
            fields.append(FormField("target." + g.rawValue, l("目标·", "Target · ") + g.shortLabel(ctx.lang), .decimal, hint: "%"))
            values["target." + g.rawValue] = settings.targets[g.rawValue].map(formatTarget) ?? ""
        }
        return Form(title: l("统计范围与目标覆盖率", "Scope rule and target rates"), fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, base: settings, lang: ctx.lang).issues },
                    save: { v in
                        let s = parse(v, base: settings, lang: ctx.lang).settings
                        try ctx.store.save(settings: s)
                        return l("已保存统计范围：", "Scope saved: ") + s.scope.summary
                    })
    }

    static func formatTarget(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(d)
    }

    static func parse(_ values: [String: String], base: Settings, lang: Lang) -> (settings: Settings, issues: [ValidationIssue]) {
        var v = FormValues(values)
        let en = lang == .en
        var s = base
        s.scope.operatingOnly = v.bool("operatingOnly")
        s.scope.minStaff = v.int("minStaff", en ? "Minimum staff" : "职工人数下限")
        s.scope.minStaffKinds = v.list("minStaffKinds").compactMap { UnitKind.parse($0) }
        var issues = v.issues
        if s.scope.minStaff < 0 {
            issues.append(ValidationIssue("minStaff", zh: "职工人数下限：不能为负数", en: "Minimum staff: must not be negative"))
        }
        if s.scope.minStaff > 0 && s.scope.minStaffKinds.isEmpty {
            issues.append(ValidationIssue("minStaffKinds", zh: "下限适用于：至少选一类单位", en: "Applies to: pick at least one kind"))
        }
        for g in targetGroups {
            let key = "target." + g.rawValue
            if let t = v.double(key, (en ? "Target " : "目标") + g.label(lang)) {
                if !(0...100).contains(t) {
                    issues.append(ValidationIssue(key, zh: "目标：应在0到100之间", en: "Target: must be between 0 and 100"))
                }
                s.targets[g.rawValue] = t
            } else if v.text(key) == nil {
                s.targets[g.rawValue] = nil
            }
        }
        issues += v.issues.filter { i in !issues.contains(i) }
        return (s, issues)
    }
}
