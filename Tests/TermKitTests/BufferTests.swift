import XCTest
@testable import TermKit

final class BufferTests: XCTestCase {
    func testCJKWrite() {
        var b = Buffer(width: 10, height: 2)
        XCTAssertEqual(b.put("两新党建", x: 0, y: 0, style: .text), 8)
        XCTAssertEqual(b.line(0), "两新党建")
        XCTAssertEqual(b[0, 0].grapheme, "两")
        XCTAssertTrue(b[1, 0].isContinuation)
        XCTAssertEqual(b.put("a党b", x: 3, y: 1, style: .text), 4)
        XCTAssertEqual(b.lines(), ["两新党建", "   a党b"])
    }

    func testWideGlyphClippedAtEdgeBecomesSpace() {
        var b = Buffer(width: 5, height: 1)
        b.put("xxxxx", x: 0, y: 0, style: .text)
        XCTAssertEqual(b.put("两新党", x: 0, y: 0, style: .bad), 5)
        XCTAssertEqual(b[4, 0], Cell(" ", style: .bad))
        XCTAssertEqual(b.line(0), "两新")
        var c = Buffer(width: 10, height: 1)
        c.put("..........", x: 0, y: 0, style: .text)
        XCTAssertEqual(c.put("两新党建", x: 1, y: 0, style: .text, maxWidth: 5), 5)
        XCTAssertEqual(c.line(0), ".两新 ....")
    }

    func testOverwritingHalfOfWideGlyph() {
        var b = Buffer(width: 10, height: 1)
        b.put("两新党", x: 0, y: 0, style: .text)
        b.put("a", x: 1, y: 0, style: .text)           // right half of 两
        XCTAssertEqual(b.line(0), " a新党")
        b.put("b", x: 2, y: 0, style: .text)           // left half of 新
        XCTAssertEqual(b.line(0), " ab 党")
        XCTAssertFalse(b[3, 0].isContinuation)
        b.put("中", x: 5, y: 0, style: .text)          // straddles 党 (4–5) and an empty cell
        XCTAssertEqual(b.line(0), " ab  中")
        XCTAssertEqual(b[4, 0].grapheme, " ")
        XCTAssertTrue(b[6, 0].isContinuation)
        // No orphaned continuation cells anywhere.
        for x in 0..<b.width where b[x, 0].isContinuation {
            XCTAssertEqual(graphemeWidth(Character(b[x - 1, 0].grapheme)), 2)
        }
    }

    func testFillSplitsWideGlyphsCleanly() {
        var b = Buffer(width: 8, height: 1)
        b.put("党建党建", x: 0, y: 0, style: .text)
        b.fill(Rect(x: 3, y: 0, width: 2, height: 1), style: .selected)
        XCTAssertEqual(b.line(0), "党" + String(repeating: " ", count: 4) + "建")
    }

    func testTruncatedWriteAndLines() {
        var b = Buffer(width: 12, height: 3)
        b.put(truncate("两新组织党建工作", toWidth: 9), x: 0, y: 0, style: .text)
        b.put(pad("128", toWidth: 6, align: .right), x: 0, y: 1, style: .text)
        XCTAssertEqual(b.lines(), ["两新组织…", "   128", ""])
        XCTAssertEqual(b.text, "两新组织…\n   128")
    }

    func testNegativeXAndOutOfRange() {
        var b = Buffer(width: 4, height: 1)
        XCTAssertEqual(b.put("ab党", x: -1, y: 0, style: .text), 3)
        XCTAssertEqual(b.line(0), "b党")
        XCTAssertEqual(b.put("党建ab", x: -5, y: 0, style: .text), 1)   // only "b" lands inside
        XCTAssertEqual(b.line(0), "b党")
        XCTAssertEqual(b.put("x", x: 0, y: 5, style: .text), 0)
        XCTAssertEqual(b.put("x", x: 4, y: 0, style: .text), 0)
    }

    func testControlCharactersAreSkipped() {
        var b = Buffer(width: 6, height: 1)
        XCTAssertEqual(b.put("a\tb\u{1B}c", x: 0, y: 0, style: .text), 3)
        XCTAssertEqual(b.line(0), "abc")
    }

    func testDiffIdenticalBuffersHasNoRuns() {
        var a = Buffer(width: 20, height: 4)
        a.put("两新党建看板", x: 1, y: 1, style: .title)
        let b = a
        XCTAssertEqual(b.diff(from: a), [])
        XCTAssertEqual(Buffer(width: 3, height: 3).diff(from: Buffer(width: 3, height: 3)), [])
    }

    func testDiffRuns() {
        var old = Buffer(width: 10, height: 3)
        old.put("abcdef", x: 0, y: 0, style: .text)
        old.put("党建", x: 0, y: 2, style: .text)
        var new = old
        new.put("X", x: 2, y: 0, style: .text)
        new.put("Y", x: 5, y: 0, style: .text)
        new.put("新", x: 0, y: 2, style: .text)
        XCTAssertEqual(new.diff(from: old), [
            Buffer.Run(y: 0, xStart: 2, xEnd: 3),
            Buffer.Run(y: 0, xStart: 5, xEnd: 6),
            Buffer.Run(y: 2, xStart: 0, xEnd: 2),
        ])
        XCTAssertEqual(new.diff(from: old, mergeGap: 2), [
            Buffer.Run(y: 0, xStart: 2, xEnd: 6),
            Buffer.Run(y: 2, xStart: 0, xEnd: 2),
        ])
        // A style-only change is a change; a different size repaints every row.
        var styled = old
        styled.setStyle(Rect(x: 9, y: 1, width: 1, height: 1), style: .bad)
        XCTAssertEqual(styled.diff(from: old), [Buffer.Run(y: 1, xStart: 9, xEnd: 10)])
        XCTAssertEqual(Buffer(width: 4, height: 2).diff(from: old).count, 2)
    }

    func testDiffNeverSplitsAWideGlyph() {
        var old = Buffer(width: 6, height: 1)
        old.put("ab党", x: 0, y: 0, style: .text)
        var new = Buffer(width: 6, height: 1)
        new.put("a党", x: 0, y: 0, style: .text)
        // old: a b 党 ~ ; new: a 党 ~ space — changed 1..<4 and the wide glyphs stay whole.
        XCTAssertEqual(new.diff(from: old), [Buffer.Run(y: 0, xStart: 1, xEnd: 4)])
    }

    func testRectSplits() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        let rows = r.splitRows([.fixed(1), .ratio(1), .fixed(1)])
        XCTAssertEqual(rows.map(\.height), [1, 22, 1])
        XCTAssertEqual(rows.map(\.y), [0, 1, 23])
        let cols = r.splitColumns([.percent(25), .ratio(1), .ratio(2)])
        XCTAssertEqual(cols.map(\.width), [20, 20, 40])
        XCTAssertEqual(cols.map(\.x), [0, 20, 40])
        XCTAssertEqual(Rect(x: 0, y: 0, width: 10, height: 1).splitColumns(ratios: [1, 1, 1]).map(\.width), [3, 3, 4])
        XCTAssertEqual(r.inset(1), Rect(x: 1, y: 1, width: 78, height: 22))
        XCTAssertEqual(r.centered(width: 10, height: 4), Rect(x: 35, y: 10, width: 10, height: 4))
        XCTAssertEqual(Rect(x: 0, y: 0, width: 1, height: 1).inset(2).isEmpty, true)
    }
}

final class BufferExtraTests: XCTestCase {
    func testBlitCopiesWideGlyphs() {
        var small = Buffer(width: 4, height: 1)
        small.put("党建", x: 0, y: 0, style: .title)
        var big = Buffer(width: 6, height: 2)
        big.put("abcdef", x: 0, y: 1, style: .text)
        big.blit(small, x: 1, y: 1)
        XCTAssertEqual(big.lines(), ["", "a党建f"])
        XCTAssertEqual(big[1, 1].style, .title)
        XCTAssertTrue(big[2, 1].isContinuation)
    }

    func testCursorTakesPartInEquality() {
        var a = Buffer(width: 2, height: 1)
        let b = a
        a.cursor = (1, 0)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(a.diff(from: b), [])     // the cursor is not a cell change
    }

    func testStyleResolutionAddsAttributes() {
        let theme = Theme.builtIn
        XCTAssertEqual(theme.resolve(style: .selected, .c256), ResolvedStyle(fg: 231, bg: 25))
        XCTAssertEqual(theme.resolve(style: Style.selected.bolded, .c16), ResolvedStyle(fg: 15, bg: 4, bold: true))
        // Reversing a role that is already reverse (NO_COLOR selection) shows it plain.
        XCTAssertEqual(theme.resolve(style: Style.selected.reversed, .none), ResolvedStyle())
        XCTAssertEqual(Style.title.with(role: .bad), Style(.bad, bold: true))
    }

    func testRowHelper() {
        let r = Rect(x: 2, y: 3, width: 5, height: 2)
        XCTAssertEqual(r.row(1), Rect(x: 2, y: 4, width: 5, height: 1))
        XCTAssertTrue(r.row(2).isEmpty)
        XCTAssertTrue(r.contains(x: 6, y: 4))
        XCTAssertFalse(r.contains(x: 7, y: 4))
        XCTAssertEqual(r.intersection(Rect(x: 0, y: 0, width: 4, height: 4)), Rect(x: 2, y: 3, width: 2, height: 1))
    }
}
