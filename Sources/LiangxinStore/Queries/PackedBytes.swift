/// Integers as zig-zag LEB128 varints and strings as length-prefixed UTF-8: a compact byte layout for what the store
/// keeps as a blob (the coverage summary). `sealed` ends it with a checksum that `PackedReader(sealed:)` checks, and
/// every read is checked against the end, so a damaged blob is an error, never a crash, a huge allocation, or
/// figures that were never computed.
struct PackedWriter {
    private(set) var bytes: [UInt8] = []

    /// The bytes followed by their FNV-1a checksum.
    var sealed: [UInt8] {
        var h = PackedWriter.checksum(bytes[...])
        return bytes + (0..<8).map { _ in defer { h >>= 8 }; return UInt8(truncatingIfNeeded: h) }
    }

    /// A short fingerprint of a text (which SQL made the figures), as hex.
    static func fingerprint(_ text: String) -> String { String(checksum(Array(text.utf8)[...]), radix: 16) }

    static func checksum(_ b: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
        return h
    }

    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64(v) << 1 ^ Int64(v) >> 63)
        while u >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: u) | 0x80)
            u >>= 7
        }
        bytes.append(UInt8(u))
    }

    mutating func int64(_ v: Int64) { int(Int(v)) }

    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        int(utf8.count)
        bytes += utf8
    }
}

struct PackedReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Reads what `PackedWriter.sealed` wrote; throws when the checksum does not match.
    init(sealed: [UInt8]) throws {
        guard sealed.count >= 8 else { throw Damaged() }
        let body = sealed[..<(sealed.count - 8)]
        var stored: UInt64 = 0
        for (k, b) in sealed[(sealed.count - 8)...].enumerated() { stored |= UInt64(b) << (8 * UInt64(k)) }
        guard PackedWriter.checksum(body) == stored else { throw Damaged() }
        self.init(Array(body))
    }

    var atEnd: Bool { i == bytes.count }

    mutating func int() throws -> Int {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard i < bytes.count, shift < 64 else { throw Damaged() }
            let b = bytes[i]
            i += 1
            u |= UInt64(b & 0x7f) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1))
    }

    mutating func int64() throws -> Int64 { Int64(try int()) }

    /// An integer in `range`.
    mutating func int(in range: Range<Int>) throws -> Int {
        let v = try int()
        guard range.contains(v) else { throw Damaged() }
        return v
    }

    /// A count of items that take at least `minBytes` each: never more than the bytes left could hold.
    mutating func count(minBytes: Int = 1) throws -> Int {
        try int(in: 0..<((bytes.count - i) / max(1, minBytes) + 1))
    }

    mutating func string() throws -> String {
        let n = try count()
        defer { i += n }
        return String(decoding: bytes[i..<i + n], as: UTF8.self)
    }
}
