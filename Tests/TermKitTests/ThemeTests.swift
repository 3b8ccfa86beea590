import Foundation
import XCTest
@testable import TermKit

final class ThemeTests: XCTestCase {
    /// The repository's themes/ directory, found from this file's path.
    static let themesDir: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("themes").path
    }()

    func testEveryShippedThemeParses() throws {
        let names = Theme.availableThemes(searchPaths: [Self.themesDir])
        XCTAssertEqual(names, ["default", "high-contrast", "light", "monochrome"])
        for name in names {
            let theme = try Theme.load(name: name, searchPaths: [Self.themesDir])
            XCTAssertEqual(theme.name, name)
            // Every role is given explicitly in every shipped file.
            let text = try String(contentsOfFile: Self.themesDir + "/\(name).toml", encoding: .utf8)
            for role in Role.allCases {
                XCTAssertNotNil(Theme.findLine(in: text, role: snake(role.rawValue), key: nil), "\(name): \(role)")
            }
        }
    }

    func testDefaultFileMatchesBuiltInTheme() throws {
        let file = try Theme.load(name: "default", searchPaths: [Self.themesDir])
        XCTAssertEqual(file, Theme.builtIn)
        // With no file anywhere, "default" is the built-in theme.
        XCTAssertEqual(try Theme.load(name: "default", searchPaths: ["/nonexistent"]), Theme.builtIn)
    }

    func testMonochromeUsesNoColours() throws {
        let mono = try Theme.load(name: "monochrome", searchPaths: [Self.themesDir])
        for role in Role.allCases {
            XCTAssertFalse(mono[role].hasColor, "\(role)")
            for mode in ColorMode.allCases {
                let r = mono.resolve(role, mode)
                XCTAssertNil(r.fg, "\(role) \(mode)")
                XCTAssertNil(r.bg, "\(role) \(mode)")
            }
        }
        XCTAssertTrue(mono.resolve(.selected, .c256).reverse)
        XCTAssertTrue(mono.resolve(.header, .c256).bold)
        XCTAssertTrue(mono.resolve(.header, .c256).underline)
    }

    func testBrokenFileErrorNamesFileAndLine() {
        // TOML syntax error (reported by TOMLKit with line and column).
        let syntax = "name = \"x\"\n\n[selected]\nfg = 231\nbg = = 4\n"
        XCTAssertThrowsError(try Theme.parse(toml: syntax, file: "themes/bad.toml")) { error in
            let e = error as? ThemeError
            XCTAssertEqual(e?.file, "themes/bad.toml")
            XCTAssertEqual(e?.line, 5)
            XCTAssertTrue(e?.description.hasPrefix("themes/bad.toml:5:") ?? false, "\(String(describing: e))")
        }
        // Unknown role: we find the line ourselves.
        let role = "name = \"x\"\n[text]\nfg = 7\n\n[selectd]\nfg = 1\n"
        XCTAssertThrowsError(try Theme.parse(toml: role, file: "mine.toml")) { error in
            let e = error as? ThemeError
            XCTAssertEqual(e?.line, 5)
            XCTAssertTrue(e?.message.contains("unknown role 'selectd'") ?? false, "\(String(describing: e))")
            XCTAssertTrue(e?.description.hasPrefix("mine.toml:5: ") ?? false, "\(String(describing: e))")
        }
        // Bad colour values: out of range, unknown name, 16-colour field over 15, wrong type.
        let cases: [(String, Int, String)] = [
            ("[text]\nfg = 7\n[bad]\nbold = true\nfg = 300\n", 5, "out of range"),
            ("[text]\n\n[bar_alt]\nbg = \"purple\"\n", 4, "unknown colour 'purple'"),
            ("[good]\nfg16 = 200\n", 2, "out of range 0–15"),
            ("[good]\nbold = \"yes\"\n", 2, "true or false"),
            ("[good]\ncolour = 3\n", 2, "unknown setting 'colour'"),
            ("good = { fg = 2, bg = \"nope\" }\n", 1, "unknown colour 'nope'"),
            ("x = 1\ngood.fg = -1\n", 1, "unknown role 'x'"),
            ("good.fg = -1\n", 1, "out of range"),
            ("good = 3\n", 1, "must be a table"),
        ]
        for (text, line, fragment) in cases {
            XCTAssertThrowsError(try Theme.parse(toml: text, file: "t.toml"), text) { error in
                let e = error as? ThemeError
                XCTAssertEqual(e?.line, line, text)
                XCTAssertTrue(e?.message.contains(fragment) ?? false, "\(String(describing: e)) for \(text)")
            }
        }
    }

    func testColourValuesAndFallbacks() throws {
        let t = try Theme.parse(toml: """
            [text]
            fg = "default"
            bg = "Bright-Black"
            [good]
            fg = 28
            [bad]
            fg16 = "brightred"
            bg = "blue"
            reverse = true
            """, file: "x.toml")
        XCTAssertEqual(t[.text], ColorSpec(fg256: nil, bg256: 8))
        XCTAssertEqual(t.resolve(.good, .c256).fg, 28)
        XCTAssertEqual(t.resolve(.good, .c16).fg, 2)            // derived: 28 is a green
        XCTAssertEqual(t.resolve(.bad, .c16), ResolvedStyle(fg: 9, bg: 4, reverse: true))
        XCTAssertEqual(t.resolve(.bad, .c256), ResolvedStyle(fg: 9, bg: 4, reverse: true))
        XCTAssertEqual(t[.title], Theme.builtIn[.title])         // not in the file: built-in
        XCTAssertEqual(t.name, "x")
        // No colour at all: roles keep attributes so selection and tabs stay visible.
        XCTAssertEqual(Theme.builtIn.resolve(.selected, .none), ResolvedStyle(reverse: true))
        XCTAssertEqual(Theme.builtIn.resolve(.text, .none), ResolvedStyle())
        XCTAssertEqual(Theme.builtIn.resolve(style: Style(.text, bold: true), .none), ResolvedStyle(bold: true))
        XCTAssertEqual(Theme.nearest16(196), 9)
        XCTAssertEqual(Theme.nearest16(231), 15)
        XCTAssertEqual(Theme.nearest16(16), 0)
        XCTAssertEqual(Theme.nearest16(4), 4)
    }

    func testLoadErrors() {
        XCTAssertThrowsError(try Theme.load(name: "nosuch", searchPaths: [Self.themesDir])) { error in
            let e = error as? ThemeError
            XCTAssertEqual(e?.file, "nosuch")
            XCTAssertTrue(e?.message.contains("available: default, high-contrast, light, monochrome") ?? false)
        }
        let (theme, error) = Theme.loadOrBuiltIn(name: "nosuch", searchPaths: [])
        XCTAssertEqual(theme, Theme.builtIn)
        XCTAssertNotNil(error)
        XCTAssertEqual(Role.named("tab_active"), .tabActive)
        XCTAssertEqual(Role.named("TabActive"), .tabActive)
        XCTAssertEqual(Role.named("status-bar"), .statusBar)
        XCTAssertNil(Role.named("tabs"))
    }

    private func snake(_ s: String) -> String {
        var out = ""
        for c in s { if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) } }
        return out
    }
}
