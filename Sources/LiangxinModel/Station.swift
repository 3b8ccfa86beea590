/// A care station (爱心驿站 …) where couriers, riders and drivers rest.
public struct Station: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var kind: StationKind
    public var regionCode: String
    public var hostUnit: String?
    public var hostType: StationHostType?
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?
    public var contactName: String?
    public var contactPhone: String?
    /// `24h` or `HH:MM-HH:MM[,HH:MM-HH:MM]`; see `OpeningHours`.
    public var hours: String
    /// Services joined with `、`, in checklist order; see `serviceList`.
    public var services: String
    public var opened: Day?
    public var status: StationStatus
    public var statusReason: String?
    public var version: Int

    public init(id: Int64? = nil, name: String, kind: StationKind, regionCode: String, hostUnit: String? = nil,
                hostType: StationHostType? = nil, address: String? = nil, latitude: Double? = nil,
                longitude: Double? = nil, contactName: String? = nil, contactPhone: String? = nil, hours: String = "24h",
                services: [StationService] = [], opened: Day? = nil, status: StationStatus = .running,
                statusReason: String? = nil, version: Int = 1) {
        self.id = id; self.name = name; self.kind = kind; self.regionCode = regionCode; self.hostUnit = hostUnit
        self.hostType = hostType; self.address = address; self.latitude = latitude; self.longitude = longitude
        self.contactName = contactName; self.contactPhone = contactPhone; self.hours = hours
        self.services = Station.join(services); self.opened = opened; self.status = status
        self.statusReason = statusReason; self.version = version
    }

    public var serviceList: [StationService] { Station.split(services) }

    public static func join(_ list: [StationService]) -> String {
        StationService.allCases.filter(list.contains).map(\.rawValue).joined(separator: "、")
    }

    public static func split(_ text: String) -> [StationService] {
        text.split(whereSeparator: { "、,，;；|".contains($0) }).compactMap { StationService.parse(String($0)) }
    }
}

public struct StationLog: Hashable, Sendable, Codable {
    public var id: Int64?
    public var stationId: Int64
    public var date: Day
    public var count: Int
    public var note: String?

    public init(id: Int64? = nil, stationId: Int64, date: Day, count: Int, note: String? = nil) {
        self.id = id; self.stationId = stationId; self.date = date; self.count = count; self.note = note
    }
}

/// Opening hours as staff write them: `24h`, or one or more `HH:MM-HH:MM` ranges.
public enum OpeningHours: Equatable, Sendable {
    case allDay
    case ranges([(Int, Int)])   // minutes since midnight; an end before its start runs past midnight

    public static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.allDay, .allDay): return true
        case let (.ranges(x), .ranges(y)): return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 }
        default: return false
        }
    }

    public static func parse(_ text: String) -> OpeningHours? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if ["24h", "24小时", "全天", "0:00-24:00", "00:00-24:00"].contains(t) { return .allDay }
        var out: [(Int, Int)] = []
        for part in t.split(whereSeparator: { ",，;；".contains($0) }) {
            let ends = part.split(whereSeparator: { "-–~～".contains($0) })
            guard ends.count == 2, let a = minutes(ends[0]), let b = minutes(ends[1]), a != b, a < 24 * 60 else { return nil }
            out.append((a, b))
        }
        return out.isEmpty ? nil : .ranges(out)
    }

    private static func minutes(_ s: Substring) -> Int? {
        let p = s.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard p.count == 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]),
              (0...24).contains(h), (0...59).contains(m), h < 24 || m == 0 else { return nil }
        return h * 60 + m
    }

    public var isAllDay: Bool { self == .allDay }
}
