/// Many short names kept as UTF-8 bytes in one buffer, compared with attendance rows' names without making a
/// String per row (Issue 8: 200,000 rows a load). Byte-equal names are equal Strings; names whose bytes differ are
/// compared as Strings, so canonically equivalent spellings still match exactly as `==` on Strings says.
struct NameBytes {
    private var bytes: [UInt8] = []
    /// Start of each name in `bytes`, and one past the end of the last; a nil name has start -1.
    private var starts: [Int] = []
    private var ends: [Int] = []

    mutating func append(_ name: UnsafeBufferPointer<UInt8>?) {
        guard let name else { starts.append(-1); ends.append(-1); return }
        starts.append(bytes.count)
        bytes.append(contentsOf: name)
        ends.append(bytes.count)
    }

    var count: Int { starts.count }
    func isNil(_ i: Int) -> Bool { starts[i] < 0 }

    /// Whether name `i` equals `other` as the Strings GRDB would decode (up to a NUL) compare with `==` (a nil name
    /// equals nothing).
    func equals(_ i: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = starts[i], e = ends[i]
        guard s >= 0 else { return false }
        // Byte by byte in line: names are a few bytes, and a call to memcmp per attendance row costs more.
        let same = bytes.withUnsafeBufferPointer { all -> Bool in
            guard e - s == other.count else { return false }
            for k in 0..<other.count where all[s + k] != other[k] { return false }
            return true
        }
        if same { return true }
        func text<C: Collection>(_ b: C) -> String where C.Element == UInt8 { String(decoding: b.prefix { $0 != 0 }, as: UTF8.self) }
        return text(bytes[s..<e]) == text(other)
    }
}
