import Foundation

/// Gives each distinct short text (a region code) a dense index, making a `String` only the first time a text is
/// seen: rows hash their bytes into an open-addressing table instead of allocating and hashing a `String`.
struct ByteInterner {
    private(set) var strings: [String] = []
    /// The bytes of every text, back to back; text i is `arena[starts[i] ..< starts[i + 1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    /// Slots hold index + 1 (0 = empty); the size is a power of two kept at least twice the count.
    private var slots = [Int](repeating: 0, count: 1024)
    private var last = -1

    private func equals(_ i: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = starts[i], hi = starts[i + 1]
        guard hi - lo == b.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            b.isEmpty || memcmp(a.baseAddress! + lo, b.baseAddress!, b.count) == 0
        }
    }

    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    mutating func index(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        // Consecutive rows often share a region.
        if last >= 0 && equals(last, b) { return last }
        let mask = slots.count - 1
        var p = Self.hash(b) & mask
        while slots[p] != 0 {
            if equals(slots[p] - 1, b) { last = slots[p] - 1; return last }
            p = (p + 1) & mask
        }
        let i = strings.count
        strings.append(String(decoding: b, as: UTF8.self))
        arena.append(contentsOf: b)
        starts.append(arena.count)
        slots[p] = i + 1
        if strings.count * 2 > slots.count { grow() }
        last = i
        return i
    }

    private mutating func grow() {
        var bigger = [Int](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for i in strings.indices {
            let h = arena.withUnsafeBufferPointer { a in
                Self.hash(UnsafeBufferPointer(rebasing: a[starts[i]..<starts[i + 1]]))
            }
            var p = h & mask
            while bigger[p] != 0 { p = (p + 1) & mask }
            bigger[p] = i + 1
        }
        slots = bigger
    }
}
