import LiangxinModel
import LiangxinStore

/// The station form (add or edit), following the pattern of UnitForm: fields, a parse of the typed values into
/// the record, the model's validation, and one audited save.
@MainActor
enum StationForm {
    /// Field keys in form order; the change history lists changed fields in this order too.
    nonisolated static let fieldOrder = ["name", "kind", "regionCode", "hostUnit", "hostType", "address", "contactName", "contactPhone",
                             "hours", "services", "opened", "status", "statusReason", "latitude", "longitude"]

    nonisolated static func label(_ key: String, _ lang: Lang) -> String {
        let t: (String, String)
        switch key {
        case "name": t = ("驿站名称", "Name")
        case "kind": t = ("类型", "Kind")
        case "regionCode": t = ("所在地区", "Region")
        case "hostUnit": t = ("承办单位", "Host unit")
        case "hostType": t = ("承办单位类型", "Host type")
        case "address": t = ("地址", "Address")
        case "contactName": t = ("联系人", "Contact")
        case "contactPhone": t = ("联系电话", "Contact phone")
        case "hours": t = ("开放时间", "Opening hours")
        case "services": t = ("服务项目", "Services")
        case "opened": t = ("启用日期", "Opened")
        case "status": t = ("状态", "Status")
        case "statusReason": t = ("暂停/撤销原因", "Reason")
        case "latitude": t = ("纬度", "Latitude")
        case "longitude": t = ("经度", "Longitude")
        case "date": t = ("日期", "Date")
        case "count": t = ("服务次数", "Count")
        case "note": t = ("备注", "Note")
        default: t = (key, key)
        }
        return lang == .en ? t.1 : t.0
    }

    /// `onSaved` gets the station's id (a new station is selected in the register).
    static func make(_ ctx: AppContext, editing station: Station? = nil, regionCode: String? = nil,
                     basic: [StationService], onSaved: @escaping (Int64) -> Void) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        func f(_ key: String, _ kind: FormField.Kind = .text, required: Bool = false, hint: String? = nil) -> FormField {
            FormField(key, label(key, ctx.lang), kind, required: required, hint: hint)
        }
        let fields: [FormField] = [
            f("name", required: true),
            f("kind", .choice(StationKind.allCases.map(\.rawValue)), required: true),
            f("regionCode", .lookup(Lookups.regions(ctx.store)), required: true),
            f("hostUnit"),
            f("hostType", .choice(StationHostType.allCases.map(\.rawValue))),
            f("address"),
            f("contactName"),
            f("contactPhone", hint: l("手机11位，或区号-号码", "11-digit mobile, or area code-number")),
            f("hours", required: true, hint: l("24h，或 08:00-20:00，多段用逗号分隔", "24h, or 08:00-20:00; ranges separated by commas")),
            f("services", .multiChoice(StationService.allCases.map(\.rawValue)),
              hint: l("空格勾选；基本：", "Space toggles; basic: ") + basic.map(\.rawValue).joined(separator: "、")),
            f("opened", .date, hint: "YYYY-MM-DD"),
            f("status", .choice(StationStatus.allCases.map(\.rawValue)), required: true),
            f("statusReason", hint: l("暂停或撤销须说明原因", "required when paused or closed")),
            f("latitude", .decimal),
            f("longitude", .decimal),
        ]
        let base = station ?? Station(name: "", kind: .love, regionCode: regionCode ?? "", hours: "24h", services: basic, opened: ctx.today)
        let title = station == nil ? l("新增驿站", "New station") : l("编辑驿站 · ", "Edit station · ") + base.name
        return Form(title: title, fields: fields, values: values(of: base), lang: ctx.lang,
                    validate: { v in parse(v, base: base, ctx: ctx).issues },
                    save: { v in
                        var s = parse(v, base: base, ctx: ctx).station
                        try ctx.write(source: "form") { l in
                            if s.id == nil { try l.insert(&s) } else { try l.update(&s) }
                        }
                        onSaved(s.id!)
                        return (station == nil ? l("已新增：", "Added: ") : l("已保存：", "Saved: ")) + s.name
                    })
    }

    static func values(of s: Station) -> [String: String] {
        ["name": s.name, "kind": s.kind.rawValue, "regionCode": s.regionCode, "hostUnit": s.hostUnit ?? "",
         "hostType": s.hostType?.rawValue ?? "", "address": s.address ?? "", "contactName": s.contactName ?? "",
         "contactPhone": s.contactPhone ?? "", "hours": s.hours, "services": s.services, "opened": s.opened.formText,
         "status": s.status.rawValue, "statusReason": s.statusReason ?? "",
         "latitude": s.latitude.map { "\($0)" } ?? "", "longitude": s.longitude.map { "\($0)" } ?? ""]
    }

    static func parse(_ values: [String: String], base: Station, ctx: AppContext) -> (station: Station, issues: [ValidationIssue]) {
        var v = FormValues(values)
        var s = base
        s.name = v.text("name") ?? ""
        s.kind = v.choice("kind", StationKind.self) ?? base.kind
        s.regionCode = v.text("regionCode") ?? ""
        s.hostUnit = v.text("hostUnit")
        s.hostType = v.choice("hostType", StationHostType.self)
        s.address = v.text("address")
        s.contactName = v.text("contactName")
        s.contactPhone = v.text("contactPhone")
        s.hours = v.text("hours") ?? ""
        s.services = Station.join(v.list("services").compactMap(StationService.parse))
        s.opened = v.day("opened", label("opened", ctx.lang))
        s.status = v.choice("status", StationStatus.self) ?? .running
        s.statusReason = v.text("statusReason")
        s.latitude = v.double("latitude", label("latitude", ctx.lang))
        s.longitude = v.double("longitude", label("longitude", ctx.lang))
        return (s, v.issues + Validate.station(s, today: ctx.today))
    }
}

/// Pausing, closing or resuming a station: the new status and the reason, saved as one audited change so the
/// station's history keeps who did it, when and why. Nothing else about the station (its logs) changes.
@MainActor
enum StationStatusForm {
    static func make(_ ctx: AppContext, station: Station) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let fields = [
            FormField("status", StationForm.label("status", ctx.lang), .choice(StationStatus.allCases.map(\.rawValue)), required: true,
                      hint: l("←→ 切换", "←→ to change")),
            FormField("statusReason", StationForm.label("statusReason", ctx.lang), hint: l("暂停或撤销须说明原因", "required when paused or closed")),
        ]
        // A running station is most often being paused; a paused or closed one resumed.
        let proposed: StationStatus = station.status == .running ? .paused : .running
        let values = ["status": proposed.rawValue, "statusReason": ""]
        return Form(title: l("暂停、撤销或恢复 · ", "Pause, close or resume · ") + station.name, fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, station, today: ctx.today).issues },
                    save: { v in
                        var s = parse(v, station, today: ctx.today).station
                        try ctx.write(source: "status") { l in try l.update(&s) }
                        return "\(s.name)：\(station.status.rawValue)→\(s.status.rawValue)"
                    })
    }

    static func parse(_ values: [String: String], _ base: Station, today: Day) -> (station: Station, issues: [ValidationIssue]) {
        let v = FormValues(values)
        var s = base
        s.status = v.choice("status", StationStatus.self) ?? base.status
        // Back to running: the old reason stays in the history, not on the record.
        s.statusReason = s.status == .running ? nil : v.text("statusReason")
        // Only the status fields are judged here: an old record's other problems are for the full form.
        return (s, Validate.station(s, today: today).filter { $0.field == "status" || $0.field == "statusReason" })
    }
}

/// One service log entry: date, count, optional note.
@MainActor
enum StationLogForm {
    static func make(_ ctx: AppContext, station: Station, editing log: StationLog? = nil, date: Day) -> Form {
        let en = ctx.lang == .en
        func l(_ zh: String, _ e: String) -> String { en ? e : zh }
        let fields = [
            FormField("date", StationForm.label("date", ctx.lang), .date, required: true, hint: "YYYY-MM-DD"),
            FormField("count", StationForm.label("count", ctx.lang), .integer, required: true),
            FormField("note", StationForm.label("note", ctx.lang)),
        ]
        let base = log ?? StationLog(stationId: station.id!, date: date, count: 0)
        let values = ["date": base.date.description, "count": log == nil ? "" : String(base.count), "note": base.note ?? ""]
        let title = (log == nil ? l("新增服务记录 · ", "New log entry · ") : l("编辑服务记录 · ", "Edit log entry · ")) + station.name
        return Form(title: title, fields: fields, values: values, lang: ctx.lang,
                    validate: { v in parse(v, base: base, ctx: ctx).issues },
                    save: { v in
                        var e = parse(v, base: base, ctx: ctx).log
                        try ctx.write(source: "form") { l in
                            if e.id == nil { try l.insert(&e) } else { try l.update(&e) }
                        }
                        return l("已保存服务记录：", "Saved log entry: ") + "\(station.name) \(e.date) ×\(e.count)"
                    })
    }

    static func parse(_ values: [String: String], base: StationLog, ctx: AppContext) -> (log: StationLog, issues: [ValidationIssue]) {
        var v = FormValues(values)
        var e = base
        e.date = v.requiredDay("date", StationForm.label("date", ctx.lang), fallback: base.date)
        e.count = v.int("count", StationForm.label("count", ctx.lang))
        e.note = v.text("note")
        return (e, v.issues + Validate.stationLog(e, today: ctx.today).filter { i in !v.issues.contains { $0.field == i.field } })
    }
}
