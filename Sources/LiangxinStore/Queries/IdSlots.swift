/// Row ids → positions in an array read beside them, for a loop that looks an id up once per row of another
/// table (200,000 look-ups at city scale). AUTOINCREMENT ids are nearly dense, so a flat table indexed by id is
/// used; ids spread far apart (imported with large gaps) fall back to a dictionary rather than a huge table.
struct IdSlots {
    private var flat: [Int32] = []
    private var hashed: [Int64: Int] = [:]
    private let useFlat: Bool

    init(_ ids: [Int64]) {
        let top = ids.max() ?? 0
        useFlat = (ids.min() ?? 0) >= 0 && top <= Int64(4 * ids.count + 1024)
        if useFlat {
            flat = Array(repeating: -1, count: Int(top) + 1)
            for (i, id) in ids.enumerated() { flat[Int(id)] = Int32(i) }
        } else {
            hashed.reserveCapacity(ids.count)
            for (i, id) in ids.enumerated() { hashed[id] = i }
        }
    }

    subscript(id: Int64) -> Int? {
        if useFlat {
            guard id >= 0, id < Int64(flat.count) else { return nil }
            let s = flat[Int(id)]
            return s < 0 ? nil : Int(s)
        }
        return hashed[id]
    }
}
