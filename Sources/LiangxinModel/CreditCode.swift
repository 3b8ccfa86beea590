/// 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.
public enum CreditCode {
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character for the first 17 characters, or nil when they hold a character outside the alphabet.
    public static func checkCharacter(for first17: String) -> Character? {
        let chars = Array(first17.uppercased())
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * weights[i]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    public enum Problem: Equatable, Sendable {
        case length(Int)
        case badCharacter(position: Int, character: Character)
        case checkCharacter(expected: Character, actual: Character)
        case prefix(actual: String, allowed: [String])
    }

    public static func problem(_ code: String, category: UnitCategory? = nil) -> Problem? {
        let chars = Array(code.uppercased())
        guard chars.count == 18 else { return .length(chars.count) }
        for (i, c) in chars.enumerated() where !alphabet.contains(c) {
            return .badCharacter(position: i + 1, character: c)
        }
        let expected = checkCharacter(for: String(chars[0..<17]))!
        if expected != chars[17] { return .checkCharacter(expected: expected, actual: chars[17]) }
        if let cat = category {
            let p = String(chars[0..<2])
            if !cat.creditCodePrefixes.contains(p) { return .prefix(actual: p, allowed: cat.creditCodePrefixes) }
        }
        return nil
    }

    public static func isValid(_ code: String) -> Bool { problem(code) == nil }
}
