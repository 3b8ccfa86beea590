import XCTest
@testable import LiangxinModel

final class RateTests: XCTestCase {
    func testTwoDecimalsHalfUp() {
        // 8491 / 10000 = 84.91 % exactly.
        XCTAssertEqual(Rate(8491, 10000).basisPoints, 8491)
        XCTAssertEqual(Rate(8491, 10000).text, "84.91%")
        XCTAssertEqual(Rate(8491, 10000).percent, 84.91)
        // 1/3 = 33.3333… % → 3333.33 hundredths → 3333.
        XCTAssertEqual(Rate(1, 3).text, "33.33%")
        // 2/3 = 66.6666… % → 6666.67 → rounds up to 6667.
        XCTAssertEqual(Rate(2, 3).text, "66.67%")
        XCTAssertEqual(Rate(2, 3).percent, 66.67)
        // 1/6 = 16.6666… % → 1666.67 → 1667.
        XCTAssertEqual(Rate(1, 6).text, "16.67%")
        // 16981/20000 = 0.84905 = 84.905 % → 8490.5 hundredths → exact half → up → 8491.
        XCTAssertEqual(Rate(16981, 20000).basisPoints, 8491)
        XCTAssertEqual(Rate(16981, 20000).text, "84.91%")
        // 16979/20000 = 84.895 % → 8489.5 → up → 8490; the trailing zero stays.
        XCTAssertEqual(Rate(16979, 20000).text, "84.90%")
        // 16980/20000 = 84.90 % exactly.
        XCTAssertEqual(Rate(16980, 20000).text, "84.90%")
        // 1/8 = 12.5 % → "12.50%"; 1/16 = 6.25 %.
        XCTAssertEqual(Rate(1, 8).text, "12.50%")
        XCTAssertEqual(Rate(1, 16).text, "6.25%")
        // Tiny shares: 1/2000 = 0.05 %; 1/1600 = 0.0625 % → 6.25 hundredths → 6; 1/20000 = 0.005 % → 0.5 → up → 1;
        // 1/20001 = 0.0049997… % → 0.49997 → 0.
        XCTAssertEqual(Rate(1, 2000).text, "0.05%")
        XCTAssertEqual(Rate(1, 1600).text, "0.06%")
        XCTAssertEqual(Rate(1, 20000).text, "0.01%")
        XCTAssertEqual(Rate(1, 20001).text, "0.00%")
        XCTAssertEqual(Rate(0, 7).text, "0.00%")
        XCTAssertEqual(Rate(7, 7).text, "100.00%")
    }

    func testSeedLikeFigures() {
        // Fractions that give the seed-004 figures: 97/120 = 80.8333 %; 121/128 = 94.53125 %; 64/65 = 98.4615 %;
        // 77/83 = 92.7711 %; 25/86 = 29.0698 % (→ 2906.98 → 2907); 14/99 = 14.1414 %.
        XCTAssertEqual(Rate(97, 120).text, "80.83%")
        XCTAssertEqual(Rate(121, 128).text, "94.53%")
        XCTAssertEqual(Rate(64, 65).text, "98.46%")
        XCTAssertEqual(Rate(77, 83).text, "92.77%")
        XCTAssertEqual(Rate(25, 86).text, "29.07%")
        XCTAssertEqual(Rate(14, 99).text, "14.14%")
    }

    func testZeroDenominator() {
        XCTAssertNil(Rate(0, 0).basisPoints)
        XCTAssertNil(Rate(0, 0).percent)
        XCTAssertEqual(Rate(0, 0).text, "—")
        XCTAssertEqual(Rate(3, 0).text, "—")
        XCTAssertEqual(Rate(0, 0).fraction, 0)
        XCTAssertEqual(Rate(1, 4).fraction, 0.25)
    }

    func testChangeText() {
        // 84.91 − 83.66 = +1.25 points.
        XCTAssertEqual(Rate(8491, 10000).changeText(from: Rate(8366, 10000)), "+1.25")
        // 84.51 − 84.91 = −0.40.
        XCTAssertEqual(Rate(8451, 10000).changeText(from: Rate(8491, 10000)), "-0.40")
        // 0.05 − 0 = +0.05 (one-digit hundredths keep their zero).
        XCTAssertEqual(Rate(5, 10000).changeText(from: Rate(0, 1)), "+0.05")
        // 1/3 − 2/3 as shown: 33.33 − 66.67 = −33.34 (the difference of the displayed figures).
        XCTAssertEqual(Rate(1, 3).changeText(from: Rate(2, 3)), "-33.34")
        // 100 − 0 = +100.00.
        XCTAssertEqual(Rate(1, 1).changeText(from: Rate(0, 1)), "+100.00")
        // No change.
        XCTAssertEqual(Rate(1, 2).changeText(from: Rate(50, 100)), "±0.00")
        // Nothing to compare against, or nothing now.
        XCTAssertEqual(Rate(1, 2).changeText(from: Rate(0, 0)), "—")
        XCTAssertEqual(Rate(0, 0).changeText(from: Rate(1, 2)), "—")
    }
}
