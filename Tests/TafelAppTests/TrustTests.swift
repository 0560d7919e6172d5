import Foundation
import Testing
import TestSupport
@testable import TafelApp
@testable import TafelCore
import TafelStore
import TerminalKit
import TextSafety

/// How many fuzz cases to run: small in CI, larger with TAFEL_FUZZ_COUNT (the closing notes report the big runs).
func fuzzCount(_ ciDefault: Int) -> Int {
    Int(ProcessInfo.processInfo.environment["TAFEL_FUZZ_COUNT"] ?? "") ?? ciDefault
}

@Suite("Hostile text never reaches the terminal", .serialized)
struct RenderFuzzTests {
    /// Every widget, fed random and adversarial strings, sends only neutralised cells to the backend.
    @Test func widgetsNeutraliseEveryString() {
        var rng = SeededGenerator(seed: 8)
        let backend = MemoryBackend(size: Size(width: 60, height: 20))
        let term = Terminal(backend: backend)
        let n = fuzzCount(20_000)
        for i in 0..<n {
            let a = Hostile.string(&rng), b = Hostile.string(&rng), c = Hostile.string(&rng, maxLength: 200)
            term.draw { buf in
                switch i % 8 {
                case 0: Block(title: a, rightTitle: b).render(buf.area, into: &buf)
                case 1: Paragraph(c).render(buf.area, into: &buf)
                case 2: ListView([ListItem(Line(a), badges: [Span(b, .warn)]), ListItem(c)], scroll: ScrollState(selected: 1)).render(buf.area, into: &buf)
                case 3: Table(columns: [Column(a, .fill(1)), Column(b, .length(10))], rows: [[Span(b), Span(c)], [Span(c), Span(a)]]).render(buf.area, into: &buf)
                case 4: TextField(TextInput(c)).render(buf.area.row(0), into: &buf)
                case 5: TextArea(TextAreaInput(c)).render(buf.area, into: &buf)
                case 6: Dialog(title: a, message: [Line(c)], input: TextInput(b), buttons: [a, b]).render(buf.area, into: &buf)
                default: StatusBar(hints: [KeyHint(a, b)], message: nil, right: c).render(buf.area.row(19), into: &buf)
                }
            }
            for update in backend.lastBatch {
                if !SafeText.isClean(String(update.cell.symbol)) {
                    Issue.record("unsafe cell \(update.cell.symbol.unicodeScalars.map { String($0.value, radix: 16) }) from case \(i)")
                    return
                }
            }
        }
    }

    /// Whole screens with hostile household data: the app's own views, then the real curses backend's bytes.
    @Test func screensAndCursesBytesStayClean() throws {
        var rng = SeededGenerator(seed: 9)
        let h = try AppHarness(login: "fatima")
        let id = try h.household("Maaike")
        var file = try h.store.reload(id, for: h.state.user)
        let base = file.household
        var hostile = base
        hostile.ownView = Hostile.samples.joined(separator: " ")
        hostile.address = "\u{1B}]0;pwned\u{07}"
        try h.store.apply([.household(base: base, new: hostile)], householdId: id, by: h.state.user, note: nil)
        file = try h.store.reload(id, for: h.state.user)
        let action = file.actions.first { $0.isOpen }!
        var a2 = action
        a2.description = "\u{1B}[2J" + Hostile.string(&rng)
        try h.store.apply([.action(base: action, new: a2)], householdId: id, by: h.state.user, note: nil)
        try h.openHousehold("Maaike")
        let screens = [h.backend.screen] + ["Tab", "Tab", "Tab", "Tab"].map { _ in h.press("Tab").backend.screen }
        h.press("m")
        let meeting = [h.backend.screen] + (0..<5).map { _ in h.press("Tab").backend.screen }
        for s in screens + meeting {
            for y in 0..<s.height { for x in 0..<s.width { #expect(SafeText.isClean(String(s[x, y].symbol))) } }
        }
        #expect(h.contains("␛]0;pwned␇") || h.text.contains("␛"))
        // The same through curses: the bytes written must not contain the injected sequences.
        let dir = TemporaryDirectory()
        let curses = try CursesBackend(headlessSize: Size(width: 100, height: 30), outputPath: dir.file("out"))
        let term = Terminal(backend: curses)
        let state = h.state
        term.draw { AppView.render(state, into: &$0) }
        curses.shutdown()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.file("out")))
        // No OSC sequence at all (curses never sets a title), and the user's text arrives as visible placeholders.
        #expect(bytes.range(of: Data([0x1B, 0x5D])) == nil)
        #expect(bytes.range(of: Data("␛]0;pwned␇".utf8)) != nil)
        #expect(bytes.range(of: Data("␛[2J".utf8)) != nil)
    }
}

/// Random keys on the demo database: no crash, the invariants hold, and `check` passes.
@Suite("Monkey test", .serialized)
struct MonkeyTests {
    static let keys: [KeyEvent] = [.char("j"), .char("k"), .enter, .escape, .tab, .backTab, .char("1"), .char("2"), .char("3"), .char("4"),
                                   .char("5"), .char("m"), .char("s"), .char("g"), .char("a"), .char("p"), .char("y"), .char("n"), .char("d"),
                                   .char("c"), .char("e"), .char("i"), .char("r"), .char("z"), .char("b"), .char("f"), .char("]"), .char("["),
                                   .char("/"), .char(":"), .char("?"), .char("P"), .char("T"), .char("x"), .char("w"), .char("o"), .char("h"),
                                   .function(5), .function(6), .function(7), .function(8), .function(9), .function(10), .up, .down, .left,
                                   .right, .pageUp, .pageDown, .home, .end, .backspace, .delete, .ctrl("u"), .ctrl("w"), .ctrl("l"),
                                   .function(1), .function(2), .function(3), .mouse(MouseEvent(.click, x: 10, y: 5)),
                                   .mouse(MouseEvent(.wheelDown, x: 10, y: 10)), .mouse(MouseEvent(.click, x: 30, y: 1))]

    @Test func randomKeysKeepTheDataSound() throws {
        let h = try AppHarness(login: "fatima")
        var rng = SeededGenerator(seed: 2026)
        let n = fuzzCount(3_000)
        for i in 0..<n {
            let r = rng.int(0...99)
            if r < 2 {
                let sizes = [Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 40, height: 10), Size(width: 132, height: 43)]
                h.send(.resize(rng.pick(sizes)))
            } else if r < 4 {
                h.send(.paste(String(repeating: Hostile.string(&rng, maxLength: 30) + " tekst ", count: rng.int(1...40))))
            } else if r < 12 {
                h.type(Hostile.string(&rng, maxLength: 8))
            } else {
                h.send(rng.pick(Self.keys))
            }
            if !h.state.running {
                // "q" ends the app; start again as the user would.
                h.runtime.restartForTests()
            }
            if i % 500 == 0 { h.idle() }
        }
        h.idle()
        let report = try h.store.check()
        #expect(report.ok, "\(report.integrity) \(report.foreignKeys) \(String(describing: report.brokenEvent))")
        let roster = try h.store.roster()
        for hh in try h.store.findHouseholds("") {
            let f = try h.store.reload(hh.id, for: try h.store.professional(login: "petra")!)
            #expect(throws: Never.self) { try f.validateInvariants() }
            #expect(throws: Never.self) { try f.validateReferences(roster: roster) }
        }
    }
}
