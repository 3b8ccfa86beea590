import XCTest
@testable import LiangxinModel

/// GB 32100-2015 written again here, independently of the model: character values 0–30 over
/// 0-9 then A–Y without I, O, S, V, Z; weight of position i (0-based) = 3^i mod 31; check = (31 − Σ mod 31) mod 31.
private func referenceCheck(_ first17: String) -> Character {
    let letters = "ABCDEFGHJKLMNPQRTUWXY"
    var value: [Character: Int] = [:]
    for (i, c) in "0123456789".enumerated() { value[c] = i }
    for (i, c) in letters.enumerated() { value[c] = 10 + i }
    var weight = 1, sum = 0
    for c in first17 {
        sum += value[c]! * weight
        weight = weight * 3 % 31
    }
    let check = (31 - sum % 31) % 31
    return check < 10 ? Character(String(check)) : Array(letters)[check - 10]
}

final class CreditCodeTests: XCTestCase {
    func testWeightsArePowersOfThree() {
        // 3^i mod 31: 1, 3, 9, 27, 81−62=19, 57−31=26, 78−62=16, 48−31=17, 51−31=20, 60−31=29, 87−62=25,
        // 75−62=13, 39−31=8, 24, 72−62=10, 30, 90−62=28.
        XCTAssertEqual(CreditCode.weights, [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
        XCTAssertEqual(CreditCode.alphabet.count, 31)
    }

    func testWellKnownExample() {
        // 9×1 + 1×3 + 3×9 + 5×27 + 0 + 1×26 + 0 + 0 + M(21)×20 + 0 + 0 + 0 + 1×8 + 0 + 0 + Y(30)×30 + 4×28
        // = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 1640 − 1612 = 28; 31 − 28 = 3 → '3'.
        XCTAssertEqual(CreditCode.checkCharacter(for: "91350100M000100Y4"), "3")
        XCTAssertEqual(referenceCheck("91350100M000100Y4"), "3")
        XCTAssertTrue(CreditCode.isValid("91350100M000100Y43"))
        XCTAssertNil(CreditCode.problem("91350100M000100Y43"))
        // Lower case is accepted (staff type it so).
        XCTAssertTrue(CreditCode.isValid("91350100m000100y43"))
    }

    func testHandComputedCodes() {
        // 91320000100000000: 9 + 1×3 + 3×9 + 2×27 + 1×20 = 9+3+27+54+20 = 113; 113 − 93 = 20; 31 − 20 = 11 → 'B'.
        XCTAssertEqual(CreditCode.checkCharacter(for: "91320000100000000"), "B")
        // 51110000500000000 (社会团体): 5 + 3 + 9 + 27 + 5×20 = 144; 144 − 124 = 20 → 11 → 'B'.
        XCTAssertEqual(CreditCode.checkCharacter(for: "51110000500000000"), "B")
        // 52330106MJ0000001 (民办非企业): 5 + 2×3 + 3×9 + 3×27 + 1×26 + 6×17 + M(21)×20 + J(18)×29 + 1×28
        // = 5+6+27+81+26+102+420+522+28 = 1217; 1217 − 1209 = 8; 31 − 8 = 23 → 'P' (A10 … H17 J18 K19 L20 M21 N22 P23).
        XCTAssertEqual(CreditCode.checkCharacter(for: "52330106MJ0000001"), "P")
        // 31110000E00000001 (律师事务所): 3 + 3 + 9 + 27 + E(14)×20 + 1×28 = 350; 350 − 341 = 9; 31 − 9 = 22 → 'N'.
        XCTAssertEqual(CreditCode.checkCharacter(for: "31110000E00000001"), "N")
        // 9132000010000000H: 113 − 0 + H(17)×28 = 113 + 476 = 589 = 19 × 31 → remainder 0 → (31 − 0) mod 31 = 0 → '0'.
        XCTAssertEqual(CreditCode.checkCharacter(for: "9132000010000000H"), "0")
        for code in ["91320000100000000B", "51110000500000000B", "52330106MJ0000001P", "31110000E00000001N",
                     "9132000010000000H0", "92440300L12345678R", "53100000500012345U"] {
            XCTAssertEqual(referenceCheck(String(code.prefix(17))), code.last!, code)
            XCTAssertTrue(CreditCode.isValid(code), code)
        }
    }

    func testModelAgreesWithReferenceOnManyBodies() {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var seed: UInt64 = 20260315
        for _ in 0..<500 {
            var body = ""
            for _ in 0..<17 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                body.append(alphabet[Int(seed >> 33) % 31])
            }
            XCTAssertEqual(CreditCode.checkCharacter(for: body), referenceCheck(body), body)
        }
    }

    func testWrongCheckCharacter() {
        XCTAssertEqual(CreditCode.problem("91350100M000100Y44"), .checkCharacter(expected: "3", actual: "4"))
        XCTAssertEqual(CreditCode.problem("91320000100000000C"), .checkCharacter(expected: "B", actual: "C"))
        XCTAssertFalse(CreditCode.isValid("91350100M000100Y44"))
    }

    func testLettersOutsideTheAlphabet() {
        // I, O, Z, S, V are never used (confusable with 1, 0, 2, 5, U).
        for (i, letter) in ["I", "O", "Z", "S", "V"].enumerated() {
            var chars = Array("91350100M000100Y43")
            chars[8] = Character(letter)   // the 9th character
            XCTAssertEqual(CreditCode.problem(String(chars)), .badCharacter(position: 9, character: Character(letter)), "case \(i)")
        }
        // The first bad character is the one reported; lower case is reported upper-cased.
        XCTAssertEqual(CreditCode.problem("9o350100M000100Y4I"), .badCharacter(position: 2, character: "O"))
        XCTAssertEqual(CreditCode.problem("91350100M000100Y4-"), .badCharacter(position: 18, character: "-"))
        XCTAssertNil(CreditCode.checkCharacter(for: "9135010IM000100Y4"))
    }

    func testLength() {
        XCTAssertEqual(CreditCode.problem("91350100M000100Y4"), .length(17))
        XCTAssertEqual(CreditCode.problem("91350100M000100Y433"), .length(19))
        XCTAssertEqual(CreditCode.problem(""), .length(0))
        XCTAssertNil(CreditCode.checkCharacter(for: "9135"))
    }

    func testPrefixAgainstCategory() {
        // A valid 91 (enterprise) code on a 社会团体 (must be 51).
        XCTAssertEqual(CreditCode.problem("91320000100000000B", category: .association),
                       .prefix(actual: "91", allowed: ["51"]))
        XCTAssertNil(CreditCode.problem("91320000100000000B", category: .privateEnterprise))
        XCTAssertNil(CreditCode.problem("51110000500000000B", category: .association))
        XCTAssertNil(CreditCode.problem("52330106MJ0000001P", category: .school))
        XCTAssertNil(CreditCode.problem("52330106MJ0000001P", category: .nonprofit))
        XCTAssertNil(CreditCode.problem("31110000E00000001N", category: .lawFirm))
        XCTAssertNil(CreditCode.problem("92440300L12345678R", category: .individualBusiness))
        XCTAssertNil(CreditCode.problem("53100000500012345U", category: .foundation))
        XCTAssertEqual(CreditCode.problem("92440300L12345678R", category: .privateEnterprise),
                       .prefix(actual: "92", allowed: ["91"]))
        XCTAssertEqual(CreditCode.problem("51110000500000000B", category: .foundation),
                       .prefix(actual: "51", allowed: ["53"]))
        // The check character is judged before the prefix.
        XCTAssertEqual(CreditCode.problem("51110000500000000C", category: .privateEnterprise),
                       .checkCharacter(expected: "B", actual: "C"))
        // Without a category, any valid code passes.
        XCTAssertNil(CreditCode.problem("31110000E00000001N"))
    }
}
