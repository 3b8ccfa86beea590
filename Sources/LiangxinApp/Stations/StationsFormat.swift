import LiangxinModel
import LiangxinStore
import TermKit

// How station fields read on screen: short kinds, compact hours, services as one mark per checklist item.

extension String {
    /// Fills each `{}` in turn with the arguments (the panel's messages carry counts and names).
    func filling(_ args: CustomStringConvertible...) -> String {
        var out = ""
        var rest = Substring(self)
        var i = 0
        while let r = rest.range(of: "{}") {
            out += rest[..<r.lowerBound]
            out += i < args.count ? args[i].description : ""
            i += 1
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension StationKind {
    var short: Str {
        switch self {
        case .love: return .stKindLove
        case .warmHeart: return .stKindWarmHeart
        case .warmNew: return .stKindWarmNew
        case .red: return .stKindRed
        case .partyMass: return .stKindPartyMass
        }
    }
}

extension StationService {
    /// Two characters (four cells at most): the service matrix's column heads.
    var short: Str {
        switch self {
        case .rest: return .stSvcRest
        case .water: return .stSvcWater
        case .charging: return .stSvcCharging
        case .hotMeal: return .stSvcHotMeal
        case .toilet: return .stSvcToilet
        case .heatingCooling: return .stSvcHeatingCooling
        case .firstAid: return .stSvcFirstAid
        case .umbrella: return .stSvcUmbrella
        case .reading: return .stSvcReading
        case .repairTools: return .stSvcRepairTools
        case .wifi: return .stSvcWifi
        case .talk: return .stSvcTalk
        }
    }
}

extension StationFinding {
    @MainActor
    func label(_ ctx: AppContext, idleDays: Int) -> String {
        switch self {
        case .idle: return ctx.t(.stFindIdle).filling(idleDays)
        case .missingBasic: return ctx.t(.stFindMissing)
        case .noContact: return ctx.t(.stFindNoContact)
        }
    }

    @MainActor
    func shortLabel(_ ctx: AppContext, idleDays: Int) -> String {
        switch self {
        case .idle: return ctx.t(.stFindIdleShort).filling(idleDays)
        case .missingBasic: return ctx.t(.stFindMissingShort)
        case .noContact: return ctx.t(.stFindNoContactShort)
        }
    }
}

enum StationText {
    /// `24h` for round-the-clock stations (however they were typed); otherwise the ranges, whole hours without
    /// minutes (`8-20`, `8-12,14-20`, `8:30-17:30`), so the column stays narrow. Unparsable text is shown as typed.
    static func hours(_ text: String) -> String {
        guard let h = OpeningHours.parse(text) else { return text }
        switch h {
        case .allDay: return "24h"
        case .ranges(let rs):
            func t(_ m: Int) -> String { m % 60 == 0 ? "\(m / 60)" : "\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)" }
            return rs.map { "\(t($0.0))-\(t($0.1))" }.joined(separator: ",")
        }
    }

    /// One cell per checklist service: ● offered, ○ a basic service it lacks, · not offered.
    static func marks(_ s: Station, basic: [StationService], ascii: Bool) -> String {
        let have = Set(s.serviceList)
        return StationService.allCases.map { v in
            if have.contains(v) { return ascii ? "x" : "●" }
            return basic.contains(v) ? (ascii ? "o" : "○") : (ascii ? "." : "·")
        }.joined()
    }

    /// The station's region under the panel's scope (the district under the city), else its own region's name.
    static func group(_ code: String, tree: RegionTree, scope: String?) -> String {
        if let s = scope, let c = tree.child(of: s, toward: code) { return c.name }
        return tree.name(code)
    }

    /// `3天前`, or `今天`.
    @MainActor
    static func ago(_ d: Day, _ ctx: AppContext) -> String {
        let n = ctx.today.days(since: d)
        return n == 0 ? ctx.t(.stToday) : ctx.t(.stDaysAgo).filling(n)
    }

    /// What a finding says about a station, for the findings list.
    @MainActor
    static func detail(_ f: StationFinding, _ row: StationRow, _ ctx: AppContext, basic: [StationService]) -> String {
        switch f {
        case .idle:
            guard let last = row.activity.last else { return ctx.t(.stNeverLogged) }
            return "\(last)（\(ago(last, ctx))）"
        case .missingBasic:
            return ctx.t(.stMissingList).filling(StationMetrics.missingBasic(row.station, basic: basic).map(\.rawValue).joined(separator: "、"))
        case .noContact:
            return StationMetrics.isBlank(row.station.contactName) ? ctx.t(.stNoContactName) : ctx.t(.stNoContactPhone)
        }
    }
}
