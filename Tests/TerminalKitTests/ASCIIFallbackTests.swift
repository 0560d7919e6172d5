import Foundation
import Testing
import TestSupport
@testable import TerminalKit
import TextSafety

/// Under `LANG=C` every character tafel itself writes has a readable one-cell ASCII stand-in.
@Suite("ASCII fallback")
struct ASCIIFallbackTests {
    @Test func typographyBecomesItsNearestASCIINotAQuestionMark() {
        #expect(ASCIIFallback.text("3× doorgeschoven — zie ‘Financiën’ …") == "3x doorgeschoven - zie 'Financien' ~")
        #expect(ASCIIFallback.text("┌─┐│└┘") == "+-+|++")
        #expect(ASCIIFallback.text("▁▂▃▄▅▆▇█") == "_.--==##")
        // A placeholder for a control stays a question mark: it marks something that was not shown.
        #expect(ASCIIFallback.character("\u{241B}") == "?")
    }

    @Test func everyCharacterInTheCataloguesAndTheGlyphsHasAStandIn() throws {
        var text = try SourceTree.text("Sources/TafelCore/Resources/strings-nl.txt") + SourceTree.text("Sources/TafelCore/Resources/strings-en.txt")
        let g = Glyphs.unicode
        text += String([g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.teeDown, g.teeUp, g.teeRight,
                        g.teeLeft, g.selectionMark, g.bullet, g.check, g.cross, g.ellipsis, g.separator, g.arrowUp, g.arrowDown,
                        g.gaugeFull, g.gaugeEmpty] + g.sparks)
        let missing = Set(text.filter { !$0.isASCII && ASCIIFallback.character($0) == "?" })
        #expect(missing.isEmpty, "no ASCII stand-in for: \(missing.sorted().map { String($0) }.joined(separator: " "))")
        // One character for one character: columns keep their width.
        #expect(ASCIIFallback.text(text).count == text.count)
    }

    @Test func onlyAUTF8LocaleCountsAsUTF8() {
        #expect(ASCIIFallback.localeIsUTF8(["LANG": "nl_NL.UTF-8"]))
        #expect(ASCIIFallback.localeIsUTF8(["LANG": "C.utf8"]))
        #expect(!ASCIIFallback.localeIsUTF8(["LANG": "C"]))
        #expect(!ASCIIFallback.localeIsUTF8([:]))
        #expect(!ASCIIFallback.localeIsUTF8(["LANG": "nl_NL.UTF-8", "LC_ALL": "C"]), "LC_ALL wins")
        #expect(ASCIIFallback.localeIsUTF8(["LANG": "C", "LC_CTYPE": "en_US.UTF-8"]))
    }
}
