/// The encodings a CSV from Excel, WPS or a script arrives in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case gb18030 = "GB18030"
    case utf16 = "UTF-16"
}

/// Detects and decodes the bytes of a text file. The rule, in order: a byte-order mark decides; text that is
/// valid UTF-8 is UTF-8; text that is almost valid UTF-8 is a damaged UTF-8 file and is refused at the bad byte;
/// otherwise GB18030 (what Excel and WPS write on Chinese Windows) through iconv, accepted only when it decodes
/// without error and reads like Chinese (most double-byte pairs in the GB2312 area). Anything else is refused
/// with a message, never decoded by guesswork.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], file: String) throws -> (text: String, encoding: TextEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            guard let s = String(validating: body, as: UTF8.self) else {
                let at = firstInvalidUTF8(body) ?? 0
                throw problem(file, body, at, "文件标明为UTF-8，但第\(line(body, at))行有无效字节；未导入 (marked UTF-8 but has invalid bytes)")
            }
            return (s, .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            do {
                let u8 = try Iconv.convert(bytes, from: "UTF-16", to: "UTF-8")
                if let s = String(validating: u8, as: UTF8.self) { return (s, .utf16) }
            } catch {}
            throw ImportProblem(file: file, row: 0, column: nil, reason: "UTF-16文件无法解码 (cannot decode UTF-16)")
        }
        if let s = String(validating: bytes, as: UTF8.self) { return (s, .utf8) }

        let (valid, invalid, firstBad) = utf8Shape(bytes)
        if valid >= 4 && invalid <= max(3, valid / 10) {
            let at = firstBad ?? 0
            throw problem(file, bytes, at, "看起来是UTF-8文件，但第\(line(bytes, at))行有无效字节（文件可能已损坏）；未导入 (UTF-8 with damaged bytes)")
        }
        let u8: [UInt8]
        do {
            u8 = try Iconv.convert(bytes, from: "GB18030", to: "UTF-8")
        } catch let f as Iconv.Failure {
            throw problem(file, bytes, f.offset, "编码无法识别：既不是UTF-8，按GB18030解码在第\(line(bytes, f.offset))行出错；请在Excel中“另存为 CSV UTF-8”后再导入 (neither UTF-8 nor GB18030)")
        }
        guard looksLikeGB(bytes), let s = String(validating: u8, as: UTF8.self) else {
            throw ImportProblem(file: file, row: 0, column: nil,
                                reason: "编码无法确定：不是UTF-8，按GB18030解码也不像中文文本，为免乱码未导入；请另存为“CSV UTF-8”后再导入 (encoding not recognised; refused rather than garbled)")
        }
        return (s, .gb18030)
    }

    /// Valid multi-byte UTF-8 sequences, invalid bytes, and the offset of the first invalid one.
    static func utf8Shape(_ b: [UInt8]) -> (valid: Int, invalid: Int, first: Int?) {
        var i = 0, valid = 0, invalid = 0
        var first: Int?
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let n: Int
            switch c {
            case 0xC2...0xDF: n = 1
            case 0xE0...0xEF: n = 2
            case 0xF0...0xF4: n = 3
            default: n = -1
            }
            var ok = n > 0 && i + n < b.count
            if ok { for k in 1...n where b[i + k] & 0xC0 != 0x80 { ok = false } }
            if ok { valid += 1; i += n + 1 } else { invalid += 1; if first == nil { first = i }; i += 1 }
        }
        return (valid, invalid, first)
    }

    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? { utf8Shape(b).first }

    /// Chinese text in GB18030 is nearly all GB2312 pairs (lead A1–F7, trail A1–FE); other encodings and
    /// misread UTF-8 fall outside that area for a large share of their pairs.
    static func looksLikeGB(_ b: [UInt8]) -> Bool {
        var i = 0, pairs = 0, gb2312 = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            guard i + 1 < b.count else { break }
            let t = b[i + 1]
            if (0x30...0x39).contains(t) { i += 4; pairs += 1; continue }   // four-byte sequence: rare in real text
            pairs += 1
            if (0xA1...0xF7).contains(c) && (0xA1...0xFE).contains(t) { gb2312 += 1 }
            i += 2
        }
        return pairs == 0 || gb2312 * 10 >= pairs * 8
    }

    static func line(_ b: [UInt8], _ offset: Int) -> Int {
        var n = 1
        for k in 0..<min(offset, b.count) where b[k] == 0x0A { n += 1 }
        return n
    }

    static func problem(_ file: String, _ b: [UInt8], _ at: Int, _ reason: String) -> ImportProblem {
        ImportProblem(file: file, row: line(b, at), column: nil, reason: reason)
    }
}
