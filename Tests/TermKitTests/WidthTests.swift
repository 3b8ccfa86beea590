import Glibc
import XCTest
@testable import TermKit

@_silgen_name("wcwidth") func c_wcwidth(_ c: Int32) -> Int32

final class WidthTests: XCTestCase {
    override class func setUp() {
        super.setUp()
        // `swift test` sets no locale; without UTF-8, glibc's wcwidth returns -1 for Chinese.
        setlocale(LC_ALL, "C.UTF-8")
    }

    /// Mixed scripts where our tables and glibc agree scalar by scalar.
    static let agreeing: [String] = [
        "两新党建看板覆盖率，。《》【】、“”",         // Chinese + CJK punctuation
        "ひらがなカタカナｶﾀｶﾅﾞ",                    // kana, half-width katakana
        "한국어 \u{1100}\u{1161}\u{11A8}",          // Hangul syllables + conjoining jamo
        "ＡＢＣ１２３！＠　",                         // fullwidth ASCII, ideographic space
        "┌─┐│└┘├┤┬┴┼═║",                          // box drawing (ambiguous → 1)
        "😀🎉👍🚀⌚⏰",                              // emoji with Emoji_Presentation
        "e\u{301}a\u{308}o\u{20DD}",                // combining marks
        "Hello, world! 123 ~",                      // ASCII
        "\u{200B}\u{200D}\u{2060}\u{FEFF}",         // zero width
        "…·—°±×÷",                                  // ambiguous punctuation → 1
        "Ελληνικά Русский עברית العربية",            // other narrow scripts
    ]

    func testScalarWidthsMatchGlibcOnFixture() {
        XCTAssertEqual(c_wcwidth(0x4E2D), 2, "locale is not UTF-8; glibc comparison is meaningless")
        for s in Self.agreeing {
            for scalar in s.unicodeScalars {
                XCTAssertEqual(charWidth(scalar), Int(c_wcwidth(Int32(scalar.value))),
                               "U+\(String(scalar.value, radix: 16, uppercase: true)) in \(s)")
            }
        }
    }

    func testDeliberateDifferencesFromGlibc() {
        // Control characters: glibc says -1 (not printable), we say 0 cells.
        for c: UInt32 in [0x09, 0x0A, 0x1B, 0x7F, 0x85] {
            XCTAssertEqual(c_wcwidth(Int32(c)), -1)
            XCTAssertEqual(charWidth(Unicode.Scalar(c)!), 0)
        }
        // Regional indicators (flags) have Emoji_Presentation: glibc 1, we 2, so 🇨🇳 is 2 cells.
        XCTAssertEqual(c_wcwidth(0x1F1E8), 1)
        XCTAssertEqual(charWidth(Unicode.Scalar(0x1F1E8)!), 2)
        XCTAssertEqual(displayWidth("🇨🇳"), 2)
        // Text-default emoji followed by VS16 (emoji presentation): glibc sums to 1, we say 2.
        XCTAssertEqual(c_wcwidth(0x26A0) + c_wcwidth(0xFE0F), 1)
        XCTAssertEqual(displayWidth("⚠\u{FE0F}"), 2)
        XCTAssertEqual(displayWidth("⚠"), 1)
        // ZWJ sequences are one grapheme of width 2 (glibc would add up every part).
        XCTAssertEqual(displayWidth("👨\u{200D}👩\u{200D}👧"), 2)
    }

    func testDisplayWidthOfStrings() {
        XCTAssertEqual(displayWidth(""), 0)
        XCTAssertEqual(displayWidth("abc"), 3)
        XCTAssertEqual(displayWidth("党建"), 4)
        XCTAssertEqual(displayWidth("东湖区 128"), 10)
        XCTAssertEqual(displayWidth("ＡＢ"), 4)
        XCTAssertEqual(displayWidth("e\u{301}"), 1)
        XCTAssertEqual(displayWidth("한국어"), 6)
        XCTAssertEqual(displayWidth("\u{1100}\u{1161}\u{11A8}"), 2)   // one conjoined syllable
        XCTAssertEqual(displayWidth("😀x"), 3)
        XCTAssertEqual(displayWidth("a\tb"), 2)
        XCTAssertEqual(displayWidth("ﾅﾞ"), 2)           // one grapheme in Swift, two cells on a terminal
        XCTAssertEqual(displayWidth("👍🏽"), 2)           // skin-tone modifier adds nothing
        // Sum of glibc widths equals ours on the agreeing fixture (no controls there).
        for s in Self.agreeing {
            let glibc = s.unicodeScalars.reduce(0) { $0 + Int(c_wcwidth(Int32($1.value))) }
            XCTAssertEqual(displayWidth(s), glibc, s)
        }
    }

    func testTruncate() {
        XCTAssertEqual(truncate("两新党建看板", toWidth: 12), "两新党建看板")
        XCTAssertEqual(truncate("两新党建看板", toWidth: 7), "两新党…")
        XCTAssertEqual(truncate("两新党建看板", toWidth: 6), "两新…")
        XCTAssertEqual(truncate("abcdef", toWidth: 4), "abc…")
        XCTAssertEqual(truncate("abc", toWidth: 3), "abc")
        XCTAssertEqual(truncate("abc", toWidth: 1), "…")
        XCTAssertEqual(truncate("abc", toWidth: 0), "")
        XCTAssertEqual(truncate("党a建b设c", toWidth: 5), "党a…")       // 建 would need 2 more cells
        XCTAssertEqual(truncate("党a建b设c", toWidth: 6), "党a建…")
    }

    func testPad() {
        XCTAssertEqual(pad("党建", toWidth: 6, align: .left), "党建  ")
        XCTAssertEqual(pad("党建", toWidth: 6, align: .right), "  党建")
        XCTAssertEqual(pad("党建", toWidth: 7, align: .center), " 党建  ")
        XCTAssertEqual(pad("两新党建看板", toWidth: 5, align: .right), "两新…")
        XCTAssertEqual(displayWidth(pad("两新党建看板", toWidth: 5)), 5)
        XCTAssertEqual(pad("42", toWidth: 5, align: .right), "   42")
    }

    func testWrap() {
        XCTAssertEqual(wrap("确定删除东湖区的记录吗", width: 8), ["确定删除", "东湖区的", "记录吗"])
        XCTAssertEqual(wrap("delete this record now", width: 11), ["delete this", "record now"])
        XCTAssertEqual(wrap("第一行\n第二行", width: 10), ["第一行", "第二行"])
        XCTAssertEqual(wrap("中文", width: 1), [""])
    }
}
