import XCTest
@testable import TermKit

final class KeyTests: XCTestCase {
    func testParseNames() {
        XCTAssertEqual(Key.parse("j"), .char("j"))
        XCTAssertEqual(Key.parse("J"), .char("J"))
        XCTAssertEqual(Key.parse("q"), .char("q"))
        XCTAssertEqual(Key.parse("1"), .char("1"))
        XCTAssertEqual(Key.parse("/"), .char("/"))
        XCTAssertEqual(Key.parse("中"), .char("中"))
        XCTAssertEqual(Key.parse("Up"), .up)
        XCTAssertEqual(Key.parse("down"), .down)
        XCTAssertEqual(Key.parse("Left"), .left)
        XCTAssertEqual(Key.parse("Right"), .right)
        XCTAssertEqual(Key.parse("Home"), .home)
        XCTAssertEqual(Key.parse("End"), .end)
        XCTAssertEqual(Key.parse("PgUp"), .pageUp)
        XCTAssertEqual(Key.parse("PgDn"), .pageDown)
        XCTAssertEqual(Key.parse("Enter"), .enter)
        XCTAssertEqual(Key.parse("Tab"), .tab)
        XCTAssertEqual(Key.parse("S-Tab"), .backTab)
        XCTAssertEqual(Key.parse("BTab"), .backTab)
        XCTAssertEqual(Key.parse("Backspace"), .backspace)
        XCTAssertEqual(Key.parse("BS"), .backspace)
        XCTAssertEqual(Key.parse("Del"), .delete)
        XCTAssertEqual(Key.parse("Esc"), .esc)
        XCTAssertEqual(Key.parse("Space"), .char(" "))
        XCTAssertEqual(Key.parse("F1"), .f(1))
        XCTAssertEqual(Key.parse("F12"), .f(12))
        XCTAssertEqual(Key.parse("C-a"), .ctrl("a"))
        XCTAssertEqual(Key.parse("C-L"), .ctrl("l"))
        XCTAssertEqual(Key.parse("C-z"), .ctrl("z"))
        XCTAssertEqual(Key.parse("C-i"), .tab)          // same byte as Tab
        XCTAssertEqual(Key.parse("C-m"), .enter)
        XCTAssertEqual(Key.parse("C-h"), .backspace)
        XCTAssertEqual(Key.parse("Click(3,4)"), .mouse(x: 3, y: 4))
        XCTAssertNil(Key.parse("F0"))
        XCTAssertNil(Key.parse("F01"))
        XCTAssertNil(Key.parse("C-1"))
        XCTAssertNil(Key.parse("Foo"))
        XCTAssertNil(Key.parse(""))
    }

    func testDisplayNamesRoundTrip() {
        let keys: [Key] = [.char("j"), .char(" "), .char("中"), .up, .down, .left, .right, .home, .end, .pageUp,
                           .pageDown, .enter, .tab, .backTab, .backspace, .delete, .esc, .f(5), .ctrl("l"),
                           .resize, .mouse(x: 10, y: 2)]
        for k in keys { XCTAssertEqual(Key.parse(k.displayName), k, k.displayName) }
        XCTAssertEqual(Key.pageDown.displayName, "PgDn")
        XCTAssertEqual(Key.ctrl("l").displayName, "C-l")
        XCTAssertEqual(Key.char(" ").displayName, "Space")
    }

    func testParseScriptWithQuotedChineseText() throws {
        let keys = try Key.parseScript(#"2 j j / "东湖 区" Enter S-Tab C-l q"#)
        XCTAssertEqual(keys, [.char("2"), .char("j"), .char("j"), .char("/"),
                              .char("东"), .char("湖"), .char(" "), .char("区"),
                              .enter, .backTab, .ctrl("l"), .char("q")])
        XCTAssertEqual(try Key.parseScript("  Down\tDown\nEnter  "), [.down, .down, .enter])
        XCTAssertEqual(try Key.parseScript(#""a\"b" "\\""#), [.char("a"), .char("\""), .char("b"), .char("\\")])
        XCTAssertEqual(try Key.parseScript(#""""#), [])
        XCTAssertEqual(try Key.parseScript(""), [])
        XCTAssertEqual(try Key.parseScript("Quote"), [.char("\"")])
    }

    func testParseScriptErrorNamesTheBadToken() {
        XCTAssertThrowsError(try Key.parseScript("j j Foo q")) { error in
            guard let e = error as? KeyScriptError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.token, "Foo")
            XCTAssertEqual(e.tokenNumber, 3)
            XCTAssertTrue(e.description.contains("'Foo'"), e.description)
            XCTAssertTrue(e.description.contains("token 3"), e.description)
        }
        XCTAssertThrowsError(try Key.parseScript(#"j "东湖"#)) { error in
            let e = error as? KeyScriptError
            XCTAssertEqual(e?.reason, "unterminated quoted text")
            XCTAssertEqual(e?.token, #""东湖"#)
            XCTAssertEqual(e?.tokenNumber, 2)
        }
        XCTAssertThrowsError(try Key.parseScript(#""东湖"Enter"#)) { error in
            XCTAssertEqual((error as? KeyScriptError)?.token, #""东湖"Enter"#)
        }
    }

    func testHeadlessTerminalReplaysKeys() throws {
        let term = HeadlessTerminal(width: 20, height: 5, keys: try Key.parseScript("j q"))
        XCTAssertEqual(term.readKey(timeoutMs: 0), .char("j"))
        term.resizeTo(width: 30, height: 6)
        XCTAssertEqual(term.readKey(timeoutMs: 0), .resize)
        XCTAssertEqual(term.size.width, 30)
        XCTAssertEqual(term.readKey(timeoutMs: 0), .char("q"))
        XCTAssertNil(term.readKey(timeoutMs: 0))
        var b = Buffer(width: 30, height: 6)
        b.put("党建", x: 0, y: 0, style: .text)
        term.present(b)
        XCTAssertEqual(term.frame.line(0), "党建")
        XCTAssertEqual(term.presentCount, 1)
    }
}
