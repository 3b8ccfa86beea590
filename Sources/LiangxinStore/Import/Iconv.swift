#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversion between byte encodings through the C library's `iconv`. Foundation's CFStringEncodings (and with
/// them GB18030) are not available on Linux, and iconv reports the exact byte where a conversion fails instead
/// of guessing, which is what "never silently garble" needs.
public enum Iconv {
    public struct Failure: Error, Sendable {
        /// Offset in the input of the first byte that could not be converted.
        public var offset: Int
        public var reason: String
    }

    /// Converts `input` from one encoding to another; any byte that does not belong to `from` is an error.
    public static func convert(_ input: [UInt8], from: String, to: String) throws -> [UInt8] {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) {
            throw Failure(offset: 0, reason: "iconv cannot convert \(from) → \(to)")
        }
        defer { iconv_close(cd) }
        if input.isEmpty { return [] }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = 0
        var consumed = 0
        var src = input.map { CChar(bitPattern: $0) }
        while true {
            let inLeftStart = src.count - consumed
            var inLeft = inLeftStart
            var outLeft = output.count - produced
            let rc: Int = src.withUnsafeMutableBufferPointer { sb in
                output.withUnsafeMutableBufferPointer { ob in
                    var inPtr: UnsafeMutablePointer<CChar>? = sb.baseAddress! + consumed
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                }
            }
            let err = errno
            consumed += inLeftStart - inLeft
            produced = output.count - outLeft
            if rc != -1 { break }
            switch err {
            case E2BIG:
                output += [UInt8](repeating: 0, count: output.count)
            case EILSEQ:
                throw Failure(offset: consumed, reason: "invalid \(from) sequence")
            case EINVAL:
                throw Failure(offset: consumed, reason: "incomplete \(from) sequence at the end")
            default:
                throw Failure(offset: consumed, reason: "iconv error \(err)")
            }
        }
        return Array(output[0..<produced])
    }
}
