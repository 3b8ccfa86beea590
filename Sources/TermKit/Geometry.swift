/// A rectangle of cells. `x`/`y` is the top-left corner; width/height are never negative.
public struct Rect: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var maxX: Int { x + width }     // exclusive
    public var maxY: Int { y + height }    // exclusive
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "Rect(x: \(x), y: \(y), w: \(width), h: \(height))" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// Shrinks by `n` cells on every side.
    public func inset(_ n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

    /// Shrinks by the given amounts (clamped so the result is never negative).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right)
        let h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        if x1 <= x0 || y1 <= y0 { return Rect(x: x0, y: y0, width: 0, height: 0) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// A `width`×`height` rectangle centred in this one (clamped to fit).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width), ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The single row `i` (relative to the top), or an empty rect if out of range.
    public func row(_ i: Int) -> Rect {
        guard i >= 0, i < height else { return Rect(x: x, y: y + max(0, min(i, height)), width: width, height: 0) }
        return Rect(x: x, y: y + i, width: width, height: 1)
    }

    /// How one part of a split is sized.
    public enum Size: Equatable, Hashable, Sendable {
        /// Exactly this many cells (less if space runs out).
        case fixed(Int)
        /// This percentage of the whole length.
        case percent(Int)
        /// A share of what is left after fixed and percent parts, proportional to the weight.
        case ratio(Int)
    }

    /// Splits top to bottom.
    public func splitRows(_ sizes: [Size]) -> [Rect] {
        Rect.distribute(height, sizes).map { Rect(x: x, y: y + $0.start, width: width, height: $0.length) }
    }

    /// Splits left to right.
    public func splitColumns(_ sizes: [Size]) -> [Rect] {
        Rect.distribute(width, sizes).map { Rect(x: x + $0.start, y: y, width: $0.length, height: height) }
    }

    /// Splits top to bottom into parts proportional to `ratios`.
    public func splitRows(ratios: [Int]) -> [Rect] { splitRows(ratios.map { .ratio($0) }) }
    /// Splits left to right into parts proportional to `ratios`.
    public func splitColumns(ratios: [Int]) -> [Rect] { splitColumns(ratios.map { .ratio($0) }) }

    static func distribute(_ total: Int, _ sizes: [Size]) -> [(start: Int, length: Int)] {
        var lengths = [Int](repeating: 0, count: sizes.count)
        var remaining = total
        for (i, s) in sizes.enumerated() {
            switch s {
            case .fixed(let n): lengths[i] = min(max(0, n), remaining)
            case .percent(let p): lengths[i] = min(max(0, total * p / 100), remaining)
            case .ratio: continue
            }
            remaining -= lengths[i]
        }
        let weights = sizes.map { if case .ratio(let w) = $0 { return max(0, w) } else { return 0 } }
        let weightSum = weights.reduce(0, +)
        if weightSum > 0 && remaining > 0 {
            var given = 0
            var lastFlex = -1
            for (i, w) in weights.enumerated() where w > 0 {
                lengths[i] = remaining * w / weightSum
                given += lengths[i]
                lastFlex = i
            }
            if lastFlex >= 0 { lengths[lastFlex] += remaining - given }
        }
        var out: [(Int, Int)] = []
        var pos = 0
        for l in lengths { out.append((pos, l)); pos += l }
        return out
    }
}
