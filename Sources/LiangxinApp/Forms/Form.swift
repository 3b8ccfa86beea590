import LiangxinModel
import LiangxinStore
import TermKit

/// A data-entry form: fields moved through with Tab and arrows, pick lists for enumerations and records, Chinese
/// typed directly, Ctrl-S (or Enter on the last field) to save, Esc asking before it throws changes away.
/// Nothing is saved until validation passes; warnings need a confirmation; a save refused because someone else
/// changed the record keeps everything typed.
@MainActor
public final class Form {
    public let title: String
    public private(set) var fields: [FormField]
    public private(set) var values: [String: String]
    private let original: [String: String]
    public private(set) var focus = 0
    private var editor = TextField()
    public private(set) var issues: [ValidationIssue] = []
    /// A message for the whole form (a refused save), shown above the key hints.
    public private(set) var banner: String?
    private var picker: Picker?
    private var confirm: Confirm?
    private var scroll = 0
    let lang: Lang
    /// Parses the values and runs the model's validation.
    let validate: ([String: String]) -> [ValidationIssue]
    /// Writes the record (one audited transaction) and returns the status message.
    let save: ([String: String]) throws -> String

    enum Confirm { case discard(ConfirmDialog), warnings(ConfirmDialog) }

    public enum Outcome: Equatable, Sendable { case editing, saved(String), cancelled }

    public init(title: String, fields: [FormField], values: [String: String], lang: Lang,
                validate: @escaping ([String: String]) -> [ValidationIssue], save: @escaping ([String: String]) throws -> String) {
        self.title = title
        self.fields = fields
        var v = values
        for f in fields where v[f.key] == nil {
            if case .toggle = f.kind { v[f.key] = "否" } else { v[f.key] = "" }
        }
        self.values = v
        self.original = v
        self.lang = lang
        self.validate = validate
        self.save = save
        loadEditor()
    }

    public var isDirty: Bool { values != original }
    public var focusedField: FormField { fields[focus] }
    public var isPicking: Bool { picker != nil }

    private func loadEditor() {
        editor = TextField(values[fields[focus].key] ?? "")
    }

    private func storeEditor() {
        if fields[focus].isTyped { values[fields[focus].key] = editor.value }
    }

    private func move(_ delta: Int) {
        storeEditor()
        // After a first attempt to save, messages follow the user's corrections as they move on.
        if !issues.isEmpty { issues = check() }
        focus = (focus + delta + fields.count) % fields.count
        loadEditor()
    }

    /// Sets a value from outside (e.g. a quick-add prefilling the station).
    public func set(_ key: String, _ value: String) {
        values[key] = value
        if fields[focus].key == key { loadEditor() }
    }

    private func t(_ zh: String, _ en: String) -> String { lang == .en ? en : zh }

    public func handle(_ key: Key) -> Outcome {
        if let c = confirm { return handleConfirm(c, key) }
        if picker != nil { return handlePicker(key) }
        banner = nil
        let field = fields[focus]
        switch key {
        case .esc:
            storeEditor()
            if !isDirty { return .cancelled }
            confirm = .discard(ConfirmDialog(title: t("放弃修改", "Discard changes"),
                                             message: t("表单有未保存的修改，确定放弃？", "The form has unsaved changes. Discard them?"),
                                             buttons: [t("继续编辑", "Keep editing"), t("放弃", "Discard")]))
            return .editing
        case .ctrl("s"):
            return attemptSave(confirmed: false)
        case .tab, .down:
            move(1)
        case .backTab, .up:
            move(-1)
        case .enter:
            if !field.isTyped { openPicker(); return .editing }
            if focus == fields.count - 1 { return attemptSave(confirmed: false) }
            move(1)
        default:
            switch field.kind {
            case .text, .integer, .decimal, .date:
                if editor.handle(key) { values[field.key] = editor.value }
            case .toggle:
                if key == .char(" ") || key == .left || key == .right {
                    values[field.key] = values[field.key] == "是" ? "否" : "是"
                } else if key == .char("y") || key == .char("是") { values[field.key] = "是" }
                else if key == .char("n") || key == .char("否") { values[field.key] = "否" }
            case .choice(let options):
                if key == .left || key == .right {
                    let i = options.firstIndex(of: values[field.key] ?? "") ?? -1
                    let n = (i + (key == .right ? 1 : options.count - 1) + (i < 0 && key == .left ? 1 : 0)) % options.count
                    values[field.key] = options[max(0, n)]
                } else if key == .char(" ") { openPicker() }
                else if case .backspace = key, !field.required { values[field.key] = "" }
            case .multiChoice, .lookup, .multiLookup:
                if key == .char(" ") { openPicker() }
                else if case .backspace = key { values[field.key] = "" }
            }
        }
        return .editing
    }

    private func openPicker() {
        let f = fields[focus]
        let current = values[f.key] ?? ""
        switch f.kind {
        case .choice(let options):
            picker = Picker(title: f.label, multi: false, chosen: [current]) { q in
                options.filter { q.isEmpty || $0.contains(q) }.map { Picker.Item(id: $0, label: $0) }
            }
        case .multiChoice(let options):
            picker = Picker(title: f.label, multi: true, chosen: current.split(separator: "、").map(String.init)) { q in
                options.filter { q.isEmpty || $0.contains(q) }.map { Picker.Item(id: $0, label: $0) }
            }
        case .lookup(let l):
            picker = Picker(title: f.label, multi: false, chosen: [current]) { q in
                l.search(q).map { Picker.Item(id: $0.id, label: $0.label) }
            }
        case .multiLookup(let l):
            let ids = current.split(separator: ",").map(String.init)
            var labels: [String: String] = [:]
            for i in ids { labels[i] = l.label(i) ?? i }
            picker = Picker(title: f.label, multi: true, chosen: ids, chosenLabels: labels) { q in
                l.search(q).map { Picker.Item(id: $0.id, label: $0.label) }
            }
        default: break
        }
    }

    private func handlePicker(_ key: Key) -> Outcome {
        guard var p = picker else { return .editing }
        let f = fields[focus]
        switch p.handle(key, visible: 12) {
        case .open: picker = p
        case .cancelled: picker = nil
        case .picked(let ids, _):
            picker = nil
            switch f.kind {
            case .multiChoice(let options): values[f.key] = options.filter(ids.contains).joined(separator: "、")
            case .multiLookup: values[f.key] = ids.joined(separator: ",")
            default: values[f.key] = ids.first ?? ""
            }
            issues.removeAll { $0.field == f.key }
        }
        return .editing
    }

    private func handleConfirm(_ c: Confirm, _ key: Key) -> Outcome {
        switch c {
        case .discard(var d):
            switch key {
            case .left, .right, .tab, .backTab: d.next(); confirm = .discard(d)
            case .char("y"): return .cancelled
            case .esc, .char("n"): confirm = nil
            case .enter:
                confirm = nil
                if d.selected == 1 { return .cancelled }
            default: break
            }
        case .warnings(var d):
            switch key {
            case .left, .right, .tab, .backTab: d.next(); confirm = .warnings(d)
            case .char("y"): confirm = nil; return attemptSave(confirmed: true)
            case .esc, .char("n"): confirm = nil
            case .enter:
                confirm = nil
                if d.selected == 0 { return attemptSave(confirmed: true) }
            default: break
            }
        }
        return .editing
    }

    /// Validates; errors stop the save and focus the first bad field; warnings ask once; then writes.
    public func attemptSave(confirmed: Bool) -> Outcome {
        storeEditor()
        let found = check()
        issues = found
        let errors = found.errors
        if !errors.isEmpty {
            if let i = fields.firstIndex(where: { f in errors.contains { $0.field == f.key } }) { focus = i; loadEditor() }
            banner = t("有\(errors.count)处需要修改，未保存", "\(errors.count) field(s) need fixing; not saved")
            return .editing
        }
        let warnings = found.warnings
        if !warnings.isEmpty && !confirmed {
            let text = warnings.map { $0.message(lang) }.joined(separator: "\n")
            confirm = .warnings(ConfirmDialog(title: t("请确认", "Please confirm"), message: text + "\n" + t("仍要保存？", "Save anyway?"),
                                              buttons: [t("保存", "Save"), t("返回修改", "Go back")], maxMessageWidth: 56))
            return .editing
        }
        do {
            return .saved(try save(values))
        } catch {
            banner = "\(error)"
            return .editing
        }
    }

    /// The model's validation plus the form's required fields.
    private func check() -> [ValidationIssue] {
        var found = validate(values)
        for f in fields where f.required && (values[f.key] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            if !found.contains(where: { $0.field == f.key && $0.severity == .error }) {
                found.append(ValidationIssue(f.key, zh: "\(f.label)：必填", en: "\(f.label): required"))
            }
        }
        return found
    }

    public func issue(for key: String) -> ValidationIssue? {
        issues.first { $0.field == key && $0.severity == .error } ?? issues.first { $0.field == key }
    }

    /// Draws the form as a box over `area`: labels, values, the message next to each field, the focused field's
    /// message in full, and the keys.
    public func render(into buf: inout Buffer, area: Rect) {
        let width = min(area.width - 2, 96)
        let height = min(area.height, fields.count + 6)
        let box = area.centered(width: width, height: height)
        buf.fill(box, style: .overlay)
        let block = Block(title: title + (isDirty ? " *" : ""))
        block.render(into: &buf, area: box)
        let inner = block.inner(box).inset(left: 1, right: 1)
        let rows = max(1, inner.height - 3)
        if focus < scroll { scroll = focus }
        if focus >= scroll + rows { scroll = focus - rows + 1 }
        let labelW = min(16, (fields.map { displayWidth($0.label) + ($0.required ? 1 : 0) }.max() ?? 8))
        let valueW = max(10, min(40, inner.width - labelW - 2 - 20))
        let msgX = inner.x + labelW + 2 + valueW + 2
        var cursor: (x: Int, y: Int)? = nil
        for (row, i) in (scroll..<min(fields.count, scroll + rows)).enumerated() {
            let f = fields[i]
            let y = inner.y + row
            let label = (f.required ? "*" : "") + f.label
            buf.put(pad(truncate(label, toWidth: labelW), toWidth: labelW, align: .right), x: inner.x, y: y,
                    style: i == focus ? .title : .overlay)
            let va = Rect(x: inner.x + labelW + 2, y: y, width: valueW, height: 1)
            if i == focus && f.isTyped {
                var scratch = buf
                editor.render(into: &scratch, area: va, focused: true)
                buf = scratch
                cursor = buf.cursor
            } else {
                buf.fill(va, style: i == focus ? .inputActive : .input)
                buf.put(truncate(display(f), toWidth: valueW), x: va.x, y: y, style: i == focus ? .inputActive : .input)
            }
            if let issue = issue(for: f.key) {
                let style: Style = issue.severity == .error ? .error : .warning
                buf.put(truncate((issue.severity == .error ? "✗ " : "! ") + issue.message(lang), toWidth: max(0, inner.maxX - msgX)),
                        x: msgX, y: y, style: style)
            } else if i == focus, let h = f.hint {
                buf.put(truncate(h, toWidth: max(0, inner.maxX - msgX)), x: msgX, y: y, style: .dim)
            }
        }
        let msgY = inner.maxY - 2
        if let b = banner {
            buf.put(truncate(b, toWidth: inner.width), x: inner.x, y: msgY, style: .error)
        } else if let issue = issue(for: fields[focus].key) {
            buf.put(truncate(issue.message(lang), toWidth: inner.width), x: inner.x, y: msgY, style: issue.severity == .error ? .error : .warning)
        }
        let keys = t("Tab/↑↓ 换项  空格/Enter 选择  Ctrl-S 保存  Esc 取消", "Tab/↑↓ move  Space/Enter pick  Ctrl-S save  Esc cancel")
        buf.put(truncate(keys, toWidth: inner.width), x: inner.x, y: inner.maxY - 1, style: .dim)
        buf.cursor = cursor
        if let p = picker {
            p.render(into: &buf, area: area, hint: t("输入以筛选 ↑↓ 移动 Enter 确定 Esc 返回", "type to filter  ↑↓ move  Enter pick  Esc back")
                     + (p.multi ? t("  空格 勾选", "  Space toggle") : ""))
            buf.cursor = nil
        }
        if let c = confirm {
            switch c {
            case .discard(let d), .warnings(let d): d.render(into: &buf, area: area)
            }
            buf.cursor = nil
        }
    }

    /// The value as shown when not being edited (a record's name rather than its id).
    private func display(_ f: FormField) -> String {
        let v = values[f.key] ?? ""
        switch f.kind {
        case .lookup(let l): return v.isEmpty ? "" : (l.label(v) ?? v)
        case .multiLookup(let l):
            let ids = v.split(separator: ",").map(String.init)
            return ids.isEmpty ? "" : "\(ids.count)：" + ids.compactMap(l.label).joined(separator: "、")
        case .choice, .multiChoice, .toggle: return v.isEmpty ? "" : v + " ▾"
        default: return v
        }
    }
}

extension Form {
    /// Gives a key to the open form, if any, and closes it once saved (the message goes to the status line) or
    /// cancelled. Returns whether a form took the key — every panel hosts its forms this way.
    public static func route(_ key: Key, to form: inout Form?, _ ctx: AppContext) -> Bool {
        guard let f = form else { return false }
        switch f.handle(key) {
        case .editing: break
        case .saved(let message): form = nil; ctx.say(message)
        case .cancelled: form = nil
        }
        return true
    }
}
