extension Validate {
    /// `sameNameExists` answers whether another platform already has this name (the store knows; the model asks):
    /// a brand has one row per region, so a repeated name is worth a second look, not an error.
    public static func platform(_ p: Platform, sameNameExists: (String) -> Bool = { _ in false }) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        required(p.name, "name", "平台/品牌名称", "Name", into: &out)
        required(p.regionCode, "regionCode", "所在地区", "Region", into: &out)
        let name = p.name.trimmingCharacters(in: .whitespaces)
        if !name.isEmpty && sameNameExists(name) {
            out.append(ValidationIssue("name", .warning, zh: "已有同名平台“\(name)”", en: "A platform named \(name) already exists"))
        }
        return out
    }

    /// A survey dated on or before an existing one of the same platform is legal (a late entry), but it will not
    /// become the platform's current counts unless it is the latest: say so before saving.
    public static func surveyPlacement(_ s: PlatformSurvey, latest: PlatformSurvey?) -> [ValidationIssue] {
        guard let l = latest, l.id != s.id else { return [] }
        if s.surveyDate == l.surveyDate {
            return [ValidationIssue("surveyDate", .warning, zh: "该平台\(l.surveyDate)已有一次摸排；将另记一条，以新录入的为准",
                                    en: "This platform already has a survey on \(l.surveyDate); this one is added and becomes current")]
        }
        if s.surveyDate < l.surveyDate {
            return [ValidationIssue("surveyDate", .warning, zh: "早于最近一次摸排（\(l.surveyDate)）：记入历史，不改变当前数字",
                                    en: "Earlier than the latest survey (\(l.surveyDate)): kept as history, current counts unchanged")]
        }
        return []
    }
}
