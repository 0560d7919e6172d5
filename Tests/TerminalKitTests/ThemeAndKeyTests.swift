import Foundation
import Testing
@testable import TerminalKit
import TextSafety

@Suite("Themes and keys")
struct ThemeAndKeyTests {
    @Test func themeErrorsNameFileAndLineAndTheRestStillLoads() {
        let text = """
        # a test theme
        color normal white default
        color foo red default
        color selection black yellow bold
        color title purple default
        colour header red default
        color bad red default shiny
        color ok green default underline
        """
        let (theme, problems) = ThemeParser.parse(text, name: "x", path: "Themes/x.theme")
        #expect(problems.map(\.description) == [
            "Themes/x.theme:3: unknown role \"foo\"",
            "Themes/x.theme:5: unknown colour \"purple\"",
            "Themes/x.theme:6: unknown directive \"colour\" (expected \"color\")",
            "Themes/x.theme:7: unknown attribute \"shiny\"",
        ])
        #expect(theme.style(.selection) == Style(fg: .indexed(0), bg: .indexed(3), attributes: .bold))
        #expect(theme.style(.ok).attributes == .underline)
        #expect(theme.style(.header) == theme.style(.normal)) // missing role falls back to normal
    }

    @Test func shippedThemesParseWithoutProblems() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".theme") }
        #expect(names.count >= 2)
        for n in names {
            let (theme, problems) = try ThemeParser.load(name: String(n.dropLast(6)), directory: dir)
            #expect(problems.isEmpty, "\(n): \(problems)")
            #expect(theme.styles.count >= 10)
        }
    }

    @Test func monochromeKeepsAttributesDropsColours() {
        let t = Theme(name: "t", styles: [.selection: Style(fg: .indexed(1), bg: .indexed(2), attributes: .reverse)])
        #expect(t.monochrome().style(.selection) == Style(attributes: .reverse))
    }

    @Test func keyNamesRoundTrip() {
        let keys: [KeyEvent] = [.char("j"), .char(" "), .ctrl("l"), .alt("x"), .enter, .escape, .tab, .backTab, .backspace,
                                .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .function(1), .function(12),
                                .ctrlLeft, .ctrlRight]
        for k in keys { #expect(KeyEvent(name: k.name) == k, "\(k.name)") }
        #expect(KeyEvent(name: "nonsense") == nil)
        #expect(KeyEvent(name: "F99") == nil)
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("住") == 2)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("Financiën") == 9)
        // What cannot be drawn as it is counts as its one-column placeholder (␛, �).
        #expect(DisplayWidth.of("\u{1B}") == 1)
        for invisible in ["\u{200B}", "\u{FEFF}", "\u{2060}", "\u{00AD}"] {
            #expect(DisplayWidth.of(invisible) == 1, "\(invisible.unicodeScalars.first!.value)")
            #expect(SafeText.neutralise("Jan\(invisible)sen") == "Jan\u{FFFD}sen")
        }
        // An emoji family keeps its joiners and its width.
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧") == 2)
        #expect(SafeText.isClean("👨\u{200D}👩\u{200D}👧"))
    }

    @Test func invisibleCharactersNeverShiftABorder() {
        var b = CellBuffer(size: Size(width: 12, height: 1))
        let name = "Ja\u{200B}n\u{00AD}s\u{FEFF}e\u{2060}n"
        let used = b.put(name, x: 0, y: 0, role: .normal)
        #expect(used == DisplayWidth.of(name), "drawn width and counted width differ")
        b.put("│", x: 11, y: 0, role: .border)
        #expect(b.line(0).hasSuffix("│"))
    }

    @Test func safeTextNeutralisesEveryControlClass() {
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9D}x\u{202E}y\u{2066}\r\n\u{7F}"
        let safe = SafeText.neutralise(hostile)
        #expect(SafeText.isClean(safe))
        #expect(safe.hasPrefix("␛]0;pwned␇␛[2J"))
        #expect(!safe.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9D })
    }
}
