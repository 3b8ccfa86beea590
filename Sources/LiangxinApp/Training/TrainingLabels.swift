import LiangxinModel
import TermKit

// Labels of the training enumerations in the interface language, and the few formats the training screens share.

extension TrainingType {
    var str: Str {
        switch self {
        case .course: return .trTypeCourse
        case .partyLecture: return .trTypePartyLecture
        case .thematicStudy: return .trTypeThematicStudy
        case .seminar: return .trTypeSeminar
        case .outreachTalk: return .trTypeOutreachTalk
        case .quiz: return .trTypeQuiz
        case .secretaryRotation: return .trTypeRotation
        case .partyWorkerTraining: return .trTypePartyWorker
        }
    }
    func label(_ lang: Lang) -> String { str.text(lang) }
}

extension TrainingMode {
    var str: Str {
        switch self {
        case .online: return .trModeOnline
        case .offline: return .trModeOffline
        case .blended: return .trModeBlended
        }
    }
    func label(_ lang: Lang) -> String { str.text(lang) }
}

extension AttendeeRole {
    var str: Str {
        switch self {
        case .secretary: return .trRoleSecretary
        case .committeeMember: return .trRoleCommittee
        case .member: return .trRoleMember
        case .publicAttendee: return .trRolePublic
        }
    }
    func label(_ lang: Lang) -> String { str.text(lang) }
}

extension SecretaryList {
    var str: Str {
        switch self {
        case .noConcentrated: return .trListNoConcentrated
        case .underHours: return .trListUnderHours
        case .noRotation: return .trListNoRotation
        case .newUntrained: return .trListNewUntrained
        }
    }
}

enum TrainingFormat {
    /// `2026年` / `2026`.
    static func year(_ y: Int, _ lang: Lang) -> String { "\(y)\(Str.trYearSuffix.text(lang))" }

    /// A signed difference: `+100`, `-3`, `±0`.
    static func change(_ now: Int, _ before: Int) -> String {
        let d = now - before
        return d > 0 ? "+\(d)" : (d < 0 ? "\(d)" : "±0")
    }

    /// The same for 学时, in tenths so that 0.1-steps never print binary noise.
    static func change(_ now: Double, _ before: Double) -> String {
        let d = tenths(now) - tenths(before)
        let text = formatHours(Double(abs(d)) / 10)
        return d > 0 ? "+\(text)" : (d < 0 ? "-\(text)" : "±0")
    }

    /// `✓` when met, `—` when not (ASCII `y` / `-`).
    static func mark(_ ok: Bool, ascii: Bool) -> String { ok ? (ascii ? "y" : "✓") : (ascii ? "-" : "—") }

    /// An audit time `2026-11-22T10:31:05+08:00` as `2026-11-22 10:31`.
    static func auditTime(_ at: String) -> String {
        String(at.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    static func secretary(_ name: String?, _ lang: Lang) -> String { name ?? Str.trNoSecretary.text(lang) }
}
