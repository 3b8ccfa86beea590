/// A problem with one field of a record. Errors block a save; warnings need the user's confirmation.
public struct ValidationIssue: Hashable, Sendable {
    public enum Severity: Sendable { case error, warning }
    /// The record's property name (`creditCode`), so a form can put the message next to the field.
    public var field: String
    public var severity: Severity
    public var zh: String
    public var en: String

    public init(_ field: String, _ severity: Severity = .error, zh: String, en: String) {
        self.field = field; self.severity = severity; self.zh = zh; self.en = en
    }

    public func message(_ lang: Lang) -> String { lang == .en ? en : zh }
}

extension Array where Element == ValidationIssue {
    public var errors: [ValidationIssue] { filter { $0.severity == .error } }
    public var warnings: [ValidationIssue] { filter { $0.severity == .warning } }
}

public enum Validate {
    /// Mobile (1[3-9] + 9 digits) or landline (0 + area code + 7–8 digits, hyphen optional).
    public static func isPhone(_ s: String) -> Bool {
        var t = s.replacingOccurrences(of: " ", with: "")
        if t.hasPrefix("+86") { t.removeFirst(3) }
        let digits = t.replacingOccurrences(of: "-", with: "")
        let c = Array(digits)
        guard !c.isEmpty, c.allSatisfy(\.isASCIIDigit) else { return false }
        // Mobile: 1[3-9] and 9 more digits, hyphens allowed (138-0013-8000).
        if c.count == 11, c[0] == "1", "3456789".contains(c[1]) { return true }
        // Landline: 0 + area code (not starting with 0) + number, at most one hyphen.
        return c[0] == "0" && c[1] != "0" && (10...12).contains(c.count) && t.split(separator: "-").count <= 2
    }

    static func required(_ v: String?, _ field: String, _ zh: String, _ en: String, into out: inout [ValidationIssue]) {
        if (v ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(ValidationIssue(field, zh: "\(zh)：必填", en: "\(en): required"))
        }
    }

    static func nonNegative(_ v: Int, _ field: String, _ zh: String, _ en: String, into out: inout [ValidationIssue]) {
        if v < 0 { out.append(ValidationIssue(field, zh: "\(zh)：不能为负数", en: "\(en): must not be negative")) }
    }

    static func notFuture(_ d: Day?, _ today: Day, _ field: String, _ zh: String, _ en: String, into out: inout [ValidationIssue]) {
        if let d, d > today {
            out.append(ValidationIssue(field, zh: "\(zh)：不能晚于今天（\(today)）", en: "\(en): cannot be after today (\(today))"))
        }
    }

    static func phone(_ p: String?, _ field: String, _ zh: String, _ en: String, into out: inout [ValidationIssue]) {
        if let p, !p.isEmpty, !isPhone(p) {
            out.append(ValidationIssue(field, zh: "\(zh)：格式不对（手机11位，或区号-号码）", en: "\(en): not a phone number (11-digit mobile or area code-number)"))
        }
    }

    /// `duplicateOf` answers whether another unit already holds a credit code (the store knows; the model asks).
    public static func unit(_ u: OrgUnit, today: Day, duplicateOf: (String) -> String? = { _ in nil }) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        required(u.name, "name", "单位名称", "Name", into: &out)
        required(u.regionCode, "regionCode", "所在地区", "Region", into: &out)
        if let code = u.creditCode, !code.isEmpty {
            switch CreditCode.problem(code, category: u.category) {
            case .length(let n)?:
                out.append(ValidationIssue("creditCode", zh: "统一社会信用代码：应为18位，实为\(n)位", en: "Credit code: must be 18 characters, got \(n)"))
            case .badCharacter(let p, let c)?:
                out.append(ValidationIssue("creditCode", zh: "统一社会信用代码：第\(p)位“\(c)”不是有效字符", en: "Credit code: character \(p) '\(c)' is not allowed"))
            case .checkCharacter(let e, let a)?:
                out.append(ValidationIssue("creditCode", zh: "统一社会信用代码：校验位应为\(e)，实为\(a)", en: "Credit code: check character should be \(e), is \(a)"))
            case .prefix(let a, let allowed)?:
                out.append(ValidationIssue("creditCode", zh: "统一社会信用代码：前两位\(a)与类别“\(u.category.label)”不符（应为\(allowed.joined(separator: "/"))）", en: "Credit code: prefix \(a) does not match category \(u.category.code) (expected \(allowed.joined(separator: "/")))"))
            case nil:
                if let other = duplicateOf(code.uppercased()) {
                    out.append(ValidationIssue("creditCode", zh: "统一社会信用代码：已被“\(other)”使用", en: "Credit code: already used by \(other)"))
                }
            }
        }
        if u.kind != u.category.kind {
            out.append(ValidationIssue("category", zh: "类别：“\(u.category.label)”不属于“\(u.kind.label)”", en: "Category: \(u.category.code) is not a kind of \(u.kind.code)"))
        }
        nonNegative(u.staff, "staff", "在岗职工", "Staff", into: &out)
        nonNegative(u.fullMembers, "fullMembers", "正式党员", "Full members", into: &out)
        nonNegative(u.probationaryMembers, "probationaryMembers", "预备党员", "Probationary members", into: &out)
        if u.staff >= 0, u.fullMembers >= 0, u.probationaryMembers >= 0, u.members > u.staff, u.staff > 0 {
            out.append(ValidationIssue("fullMembers", .warning, zh: "党员数（\(u.members)）多于在岗职工（\(u.staff)）", en: "Members (\(u.members)) exceed staff (\(u.staff))"))
        }
        notFuture(u.registered, today, "registered", "登记日期", "Registered", into: &out)
        notFuture(u.orgSince, today, "orgSince", "纳入党组织日期", "Covered since", into: &out)
        notFuture(u.instructorSince, today, "instructorSince", "联系指导员日期", "Instructor since", into: &out)
        if u.status == .deregistered {
            if u.deregistered == nil {
                out.append(ValidationIssue("deregistered", zh: "注销日期：已注销单位必填", en: "Deregistered on: required for a deregistered unit"))
            }
            notFuture(u.deregistered, today, "deregistered", "注销日期", "Deregistered on", into: &out)
        }
        if let r = u.registered, let d = u.deregistered, d < r {
            out.append(ValidationIssue("deregistered", zh: "注销日期：早于登记日期", en: "Deregistered on: before the registration date"))
        }
        if u.sector != nil && u.kind == .social {
            out.append(ValidationIssue("sector", zh: "新就业群体行业：社会组织不适用", en: "Sector: not for social organizations"))
        }
        return out
    }

    public static func partyOrg(_ o: PartyOrg, coveredUnits: Int, today: Day) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        required(o.name, "name", "党组织名称", "Name", into: &out)
        required(o.regionCode, "regionCode", "所在地区", "Region", into: &out)
        nonNegative(o.fullMembers, "fullMembers", "正式党员", "Full members", into: &out)
        nonNegative(o.probationaryMembers, "probationaryMembers", "预备党员", "Probationary members", into: &out)
        if o.formation == .independent && o.fullMembers < Findings.minMembersForOwnBranch {
            out.append(ValidationIssue("fullMembers", zh: "正式党员：单独组建需至少\(Findings.minMembersForOwnBranch)名", en: "Full members: an own branch needs at least \(Findings.minMembersForOwnBranch)"))
        }
        if o.formation == .joint && coveredUnits > Findings.maxJointUnits {
            out.append(ValidationIssue("formation", .warning, zh: "联合党支部覆盖\(coveredUnits)家单位，超过\(Findings.maxJointUnits)家", en: "Joint branch covers \(coveredUnits) units, more than \(Findings.maxJointUnits)"))
        }
        if (o.orgType == .branch || o.orgType == .jointBranch) && o.fullMembers > Findings.maxBranchMembers {
            out.append(ValidationIssue("fullMembers", .warning, zh: "党支部党员超过\(Findings.maxBranchMembers)名，应考虑设立党总支", en: "A branch with more than \(Findings.maxBranchMembers) members should become a general branch"))
        }
        if !(0...5).contains(o.starLevel) {
            out.append(ValidationIssue("starLevel", zh: "星级：应为0–5", en: "Star level: must be 0–5"))
        }
        phone(o.secretaryPhone, "secretaryPhone", "书记电话", "Secretary phone", into: &out)
        notFuture(o.secretaryAppointed, today, "secretaryAppointed", "书记任职日期", "Secretary appointed", into: &out)
        notFuture(o.founded, today, "founded", "成立日期", "Founded", into: &out)
        notFuture(o.revokedOn, today, "revokedOn", "撤销日期", "Revoked on", into: &out)
        if o.revokedOn != nil && o.status != .revoked {
            out.append(ValidationIssue("revokedOn", zh: "撤销日期：只有已撤销的党组织才有撤销日期", en: "Revoked on: only a revoked organization has one"))
        }
        return out
    }

    public static func instructor(_ i: Instructor) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        required(i.name, "name", "姓名", "Name", into: &out)
        phone(i.phone, "phone", "电话", "Phone", into: &out)
        return out
    }

    public static func station(_ s: Station, today: Day) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        required(s.name, "name", "驿站名称", "Name", into: &out)
        required(s.regionCode, "regionCode", "所在地区", "Region", into: &out)
        if OpeningHours.parse(s.hours) == nil {
            out.append(ValidationIssue("hours", zh: "开放时间：应为“24h”或“HH:MM-HH:MM”（多段用逗号分隔）", en: "Hours: use 24h or HH:MM-HH:MM (ranges separated by commas)"))
        }
        phone(s.contactPhone, "contactPhone", "联系电话", "Contact phone", into: &out)
        notFuture(s.opened, today, "opened", "启用日期", "Opened", into: &out)
        if s.status != .running && (s.statusReason ?? "").isEmpty {
            out.append(ValidationIssue("statusReason", zh: "原因：暂停或撤销须说明原因", en: "Reason: required when pausing or closing"))
        }
        if let lat = s.latitude, !(-90...90).contains(lat) {
            out.append(ValidationIssue("latitude", zh: "纬度：应在−90到90之间", en: "Latitude: must be between −90 and 90"))
        }
        if let lon = s.longitude, !(-180...180).contains(lon) {
            out.append(ValidationIssue("longitude", zh: "经度：应在−180到180之间", en: "Longitude: must be between −180 and 180"))
        }
        return out
    }

    public static func stationLog(_ l: StationLog, today: Day) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        if l.count <= 0 { out.append(ValidationIssue("count", zh: "服务次数：应大于0", en: "Count: must be greater than 0")) }
        notFuture(l.date, today, "date", "日期", "Date", into: &out)
        return out
    }

    public static func survey(_ s: PlatformSurvey, today: Day) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        for (v, f, zh, en) in [(s.stations, "stations", "站点网点", "Stations"), (s.branchOffices, "branchOffices", "分支机构", "Branch offices"),
                               (s.workers, "workers", "从业人员", "Workers"), (s.membersFound, "membersFound", "发现党员", "Members found"),
                               (s.pocketMembers, "pocketMembers", "口袋党员", "Pocket members"),
                               (s.membersTransferred, "membersTransferred", "转入组织关系", "Transferred in"),
                               (s.mobileMembers, "mobileMembers", "流动党员", "Mobile members")] {
            nonNegative(v, f, zh, en, into: &out)
        }
        if s.membersTransferred > s.membersFound {
            out.append(ValidationIssue("membersTransferred", zh: "转入组织关系（\(s.membersTransferred)）不能多于发现党员（\(s.membersFound)）", en: "Transferred in (\(s.membersTransferred)) cannot exceed members found (\(s.membersFound))"))
        }
        if s.pocketMembers > s.membersFound {
            out.append(ValidationIssue("pocketMembers", zh: "口袋党员（\(s.pocketMembers)）不能多于发现党员（\(s.membersFound)）", en: "Pocket members (\(s.pocketMembers)) cannot exceed members found (\(s.membersFound))"))
        }
        if s.membersFound > s.workers && s.workers >= 0 {
            out.append(ValidationIssue("membersFound", zh: "发现党员（\(s.membersFound)）不能多于从业人员（\(s.workers)）", en: "Members found (\(s.membersFound)) cannot exceed workers (\(s.workers))"))
        }
        notFuture(s.surveyDate, today, "surveyDate", "摸排日期", "Survey date", into: &out)
        return out
    }

    public static func activity(_ a: OutreachActivity, today: Day) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        required(a.title, "title", "活动名称", "Title", into: &out)
        for (v, f, zh, en) in [(a.participants, "participants", "参与人数", "Participants"), (a.peopleServed, "peopleServed", "服务人数", "People served"),
                               (a.items, "items", "发放物品", "Items"), (a.volunteerTimes, "volunteerTimes", "志愿服务人次", "Volunteer person-times")] {
            nonNegative(v, f, zh, en, into: &out)
        }
        notFuture(a.date, today, "date", "日期", "Date", into: &out)
        if a.type == .award && (a.awardPerson ?? "").isEmpty {
            out.append(ValidationIssue("awardPerson", zh: "获奖人：评选表彰必填", en: "Awardee: required for an award"))
        }
        return out
    }

    /// 学时 must be positive and fit the session's length (`TrainingRules.maxHoursPerDay` a day is the most a
    /// class can hold; more than `usualHoursPerDay` a day asks for confirmation). A session without an end date is
    /// one day long, but since older ledgers rarely record one, exceeding a day then only warns.
    public static func trainingSession(_ s: TrainingSession, registered: Int, today: Day) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        required(s.title, "title", "培训名称", "Title", into: &out)
        let days = s.days
        let most = Double(days) * TrainingRules.maxHoursPerDay
        let usual = Double(days) * TrainingRules.usualHoursPerDay
        func h(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
        if s.hours <= 0 { out.append(ValidationIssue("hours", zh: "学时：应大于0", en: "Hours: must be greater than 0")) }
        else if s.hours > 120 { out.append(ValidationIssue("hours", zh: "学时：单次培训不应超过120学时", en: "Hours: a single session cannot exceed 120")) }
        else if s.endDate != nil && s.hours > most {
            out.append(ValidationIssue("hours", zh: "学时：\(days)天的培训最多\(h(most))学时（每天\(h(TrainingRules.maxHoursPerDay))学时）",
                                       en: "Hours: a \(days)-day session holds at most \(h(most)) (\(h(TrainingRules.maxHoursPerDay)) a day)"))
        } else if s.endDate == nil && s.hours > most {
            out.append(ValidationIssue("hours", .warning, zh: "学时：一天的培训超过\(h(most))学时；多日培训请填写结束日期",
                                       en: "Hours: more than \(h(most)) in one day; give the end date of a multi-day session"))
        } else if s.hours > usual {
            out.append(ValidationIssue("hours", .warning, zh: "学时：平均每天超过\(h(TrainingRules.usualHoursPerDay))学时",
                                       en: "Hours: more than \(h(TrainingRules.usualHoursPerDay)) a day on average"))
        } else if (s.type == .outreachTalk || s.type == .partyLecture) && s.hours > 8 {
            out.append(ValidationIssue("hours", .warning, zh: "学时：\(s.type.label)一般不超过8学时", en: "Hours: a \(s.type.code) rarely exceeds 8"))
        }
        nonNegative(s.personTimes, "personTimes", "人次", "Person-times", into: &out)
        if s.personTimes < registered {
            out.append(ValidationIssue("personTimes", zh: "人次（\(s.personTimes)）不能少于登记的参训人员（\(registered)）", en: "Person-times (\(s.personTimes)) cannot be fewer than the registered attendees (\(registered))"))
        }
        notFuture(s.date, today, "date", "日期", "Date", into: &out)
        if let end = s.endDate {
            if end < s.date {
                out.append(ValidationIssue("endDate", zh: "结束日期：早于开始日期（\(s.date)）", en: "End date: before the start (\(s.date))"))
            }
            notFuture(end, today, "endDate", "结束日期", "End date", into: &out)
        }
        return out
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
