import Testing
@testable import TerminalKit

@Suite("TextInput editing")
struct TextInputTests {
    @Test func insertBackspaceDeleteHomeEnd() {
        var t = TextInput()
        for c in "Financën" { t.insert(c) }
        t.left(); t.left()
        t.insert("i")
        #expect(t.text == "Financiën")
        t.home(); t.delete()
        #expect(t.text == "inanciën")
        t.end(); t.backspace()
        #expect(t.text == "inancië")
        #expect(t.cursor == 7)
    }

    @Test func wideAndMultiByteCharactersAreOneUnit() {
        var t = TextInput("住所 👍🏽 é")
        t.backspace() // é
        t.backspace() // space
        t.backspace() // 👍🏽 (emoji with skin tone modifier is one grapheme)
        #expect(t.text == "住所 ")
        t.home(); t.right(); t.delete()
        #expect(t.text == "住 ")
    }

    @Test func wordMotionsAndDeleteWord() {
        var t = TextInput("huisbezoek plannen, met moeder")
        t.wordLeft()
        #expect(t.cursor == 24)
        t.wordLeft(); t.wordLeft()
        #expect(t.cursor == 11)
        t.wordRight()
        #expect(t.cursor == 18)
        t.end()
        t.deleteWordBackward()
        #expect(t.text == "huisbezoek plannen, met ")
        t.deleteWordBackward(); t.deleteWordBackward()
        #expect(t.text == "huisbezoek ")
    }

    @Test func keysDriveEditing() {
        var t = TextInput()
        for k: KeyEvent in [.char("a"), .char("b"), .char("c"), .left, .backspace, .ctrl("a"), .char("X"), .ctrl("e"), .char("!")] {
            let handled = t.handle(k)
            #expect(handled)
        }
        #expect(t.text == "Xac!")
        let handledUp = t.handle(.up)
        #expect(!handledUp)
        t.handle(.ctrl("u"))
        #expect(t.text == "")
    }

    @Test func pasteOfLinesBecomesOneLineAndRespectsMaxLength() {
        var t = TextInput(maxLength: 10)
        t.handle(.paste("regel een\nregel twee"))
        #expect(t.text == "regel een ")
        #expect(t.text.count == 10)
    }

    @Test func textAreaMovesByVisualRows() {
        var a = TextAreaInput("aaaa bbbb cccc")
        #expect(a.rows(width: 5).count == 3)
        a.vertical(-1, width: 5)
        #expect(a.cursorPosition(width: 5).row == 1)
        a.handle(.enter, width: 5)
        #expect(a.text.contains("\n"))
    }
}
