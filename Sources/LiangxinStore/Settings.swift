import Foundation
import LiangxinModel

/// Settings kept in the database, so every user of one file sees the same scope and thresholds.
public struct Settings: Codable, Hashable, Sendable {
    public var scope: ScopeRule = .default
    /// A running station with no logged service for more than this many days is a finding.
    public var idleDays: Int = 30
    public var basicServices: [StationService] = StationService.defaultBasicSet
    /// A platform not surveyed for this many months is a finding.
    public var surveyStaleMonths: Int = 6
    /// Target 党组织覆盖率 per category group, in percent: the bar turns amber below it and red 10 points below.
    public var targets: [String: Double] = [
        CoverageGroup.all.rawValue: 80, CoverageGroup.enterprise.rawValue: 85, CoverageGroup.social.rawValue: 90,
        CoverageGroup.small.rawValue: 30, CoverageGroup.courierDeliveryRide.rawValue: 20,
    ]

    public init() {}

    public func target(for group: CoverageGroup) -> Double? {
        targets[group.rawValue] ?? targets[CoverageGroup.all.rawValue]
    }

    static let keys = ["scope", "idle_days", "basic_services", "survey_stale_months", "targets"]
}

extension Store {
    public func settings() throws -> Settings {
        var s = Settings()
        let dec = JSONDecoder()
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM setting")
            for r in rows {
                let key: String = r["key"], value: String = r["value"]
                let data = Data(value.utf8)
                switch key {
                case "scope": if let v = try? dec.decode(ScopeRule.self, from: data) { s.scope = v }
                case "idle_days": if let v = Int(value), v > 0 { s.idleDays = v }
                case "basic_services": s.basicServices = Station.split(value)
                case "survey_stale_months": if let v = Int(value), v > 0 { s.surveyStaleMonths = v }
                case "targets": if let v = try? dec.decode([String: Double].self, from: data) { s.targets = v }
                default: break
                }
            }
        }
        return s
    }

    public func save(settings s: Settings) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        try write(source: "settings") { l in
            try l.setSetting("scope", String(decoding: try enc.encode(s.scope), as: UTF8.self))
            try l.setSetting("idle_days", String(s.idleDays))
            try l.setSetting("basic_services", Station.join(s.basicServices))
            try l.setSetting("survey_stale_months", String(s.surveyStaleMonths))
            try l.setSetting("targets", String(decoding: try enc.encode(s.targets), as: UTF8.self))
        }
    }
}

import GRDB
