/// An administrative region. Codes nest by prefix (市 990100 → 区 990102 → 街道 990102001 → 社区 990102001003),
/// so "everything under a region" is a prefix match.
public struct Region: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var level: RegionLevel
    public var parentCode: String?

    public init(code: String, name: String, level: RegionLevel, parentCode: String?) {
        self.code = code; self.name = name; self.level = level; self.parentCode = parentCode
    }

    public func contains(_ other: String) -> Bool { other.hasPrefix(code) }
}

/// The region hierarchy, for roll-ups and drill-down.
public struct RegionTree: Sendable {
    public let regions: [String: Region]
    public let children: [String: [Region]]
    /// Each region's position, and its parent's position (-1 at the top or when the parent is unknown): roll-ups
    /// walk up these numbers instead of looking codes up at every step.
    public let slot: [String: Int]
    public let parentSlot: [Int]

    public init(_ list: [Region]) {
        var byCode: [String: Region] = [:]
        var kids: [String: [Region]] = [:]
        for r in list {
            byCode[r.code] = r
            if let p = r.parentCode { kids[p, default: []].append(r) }
        }
        for k in kids.keys { kids[k]!.sort { $0.code < $1.code } }
        regions = byCode
        children = kids
        let codes = byCode.keys.sorted()
        let slots = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        slot = slots
        parentSlot = codes.map { c in byCode[c]!.parentCode.flatMap { slots[$0] } ?? -1 }
    }

    public var roots: [Region] { regions.values.filter { $0.parentCode == nil || regions[$0.parentCode!] == nil }.sorted { $0.code < $1.code } }

    /// The region at the given code and all its ancestors, nearest first.
    public func lineage(of code: String) -> [Region] {
        var out: [Region] = []
        var c: String? = code
        // Parent links that go round in a circle (a damaged region table) end after every region once.
        while let cc = c, let r = regions[cc], out.count < regions.count { out.append(r); c = r.parentCode }
        return out
    }

    /// The child of `ancestor` on the path to `code`, or nil when `code` is not below `ancestor`.
    public func child(of ancestor: String, toward code: String) -> Region? {
        lineage(of: code).first { $0.parentCode == ancestor }
    }

    public func name(_ code: String) -> String { regions[code]?.name ?? code }

    /// "示例市 › 东湖区 › 东湖街道" below the top level.
    public func path(_ code: String) -> String { lineage(of: code).reversed().map(\.name).joined(separator: " › ") }

    /// The main working region: the deepest region that holds all others alone (the city in the sample).
    public var home: Region? {
        var r = roots.first
        while let cur = r, let kids = children[cur.code], kids.count == 1 { r = kids[0] }
        return r
    }
}
