import Foundation
import LiangxinModel

/// xoshiro256** seeded through SplitMix64: the same seed gives the same sequence on every machine and run
/// (Swift's own generator is reseeded per process, and Dictionary order is too, so neither is used here).
struct SeededRandom {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitmix(), splitmix(), splitmix(), splitmix())
    }

    mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = (s.3 << 45) | (s.3 >> 19)
        return result
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Uniform in the closed range (lo ≤ hi).
    mutating func int(_ lo: Int, _ hi: Int) -> Int {
        guard hi > lo else { return lo }
        let span = UInt64(hi - lo) + 1
        return lo + Int(next() % span)   // the modulo bias is far below what the figures could show
    }

    mutating func double(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }

    mutating func gauss(_ mean: Double, _ sd: Double) -> Double {
        let u1 = max(unit(), 1e-300), u2 = unit()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    mutating func lognormal(_ mu: Double, _ sigma: Double) -> Double { exp(gauss(mu, sigma)) }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0, items.count - 1)] }

    mutating func pickIfAny<T>(_ items: [T]) -> T? { items.isEmpty ? nil : pick(items) }

    /// One value by weight.
    mutating func weighted<T>(_ pairs: [(T, Double)]) -> T {
        let total = pairs.reduce(0) { $0 + $1.1 }
        var r = unit() * total
        for p in pairs {
            r -= p.1
            if r < 0 { return p.0 }
        }
        return pairs[pairs.count - 1].0
    }

    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, int(0, i)) }
    }

    /// A day in the closed range; an empty range gives its start.
    mutating func day(_ a: Day, _ b: Day) -> Day { Day(ordinal: int(a.ordinal, max(a.ordinal, b.ordinal))) }
}
