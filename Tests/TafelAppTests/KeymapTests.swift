import Testing
import TestSupport
@testable import TafelApp
import TafelCore
import TerminalKit

/// The keymap grammar (`bind`, `unbind`, contexts) and the rule that one table drives every key.
@Suite("Keymap")
struct KeymapTests {
    @Test func bindReplacesAKeyInItsContextOnly() {
        var k = Keymap.defaults
        #expect(k.command(for: .char("s"), in: .caseload) == .changeStatus)
        let problems = k.load("bind caseload s search\n", path: "keys")
        #expect(problems.isEmpty)
        #expect(k.command(for: .char("s"), in: .caseload) == .search)
        // The household screen keeps its own binding of s.
        #expect(k.command(for: .char("s"), in: .household) == .addSignal)
    }

    @Test func unbindMakesTheKeyDoNothingEvenWhenAWiderContextBindsIt() {
        var k = Keymap.defaults
        #expect(k.command(for: .char("1"), in: .meetingOpening) == .step1)
        #expect(k.command(for: .char("j"), in: .meetingOpening) == .moveDown) // from the list context
        k.load("unbind meeting-opening 1\nunbind meeting-opening j\nunbind caseload s\n", path: "keys")
        // Not the list's "1 = Mijn caseload", not the list's j: nothing.
        #expect(k.command(for: .char("1"), in: .meetingOpening) == nil)
        #expect(k.command(for: .char("j"), in: .meetingOpening) == nil)
        #expect(k.command(for: .char("s"), in: .caseload) == nil)
        // Other contexts are untouched, and the help no longer lists the key there.
        #expect(k.command(for: .char("j"), in: .caseload) == .moveDown)
        #expect(!k.entries(in: .caseload).contains { $0.command == .changeStatus })
        #expect(k.keys(for: .changeStatus, in: .caseload).isEmpty)
    }

    @Test func badLinesAreReportedWithPathAndLineAndTheRestLoads() {
        var k = Keymap.defaults
        let problems = k.load("""
            # comment
            bind caseload x quit
            bind nowhere x quit
            bind caseload Ctrl-Q quit
            bind caseload y frobnicate
            unbind caseload
            rebind caseload z quit
            """, path: "/home/u/.config/tafel/keys")
        #expect(problems.map(\.description) == [
            "/home/u/.config/tafel/keys:3: unknown context \"nowhere\"",
            "/home/u/.config/tafel/keys:4: unknown key \"Ctrl-Q\"",
            "/home/u/.config/tafel/keys:5: unknown command \"frobnicate\"",
            "/home/u/.config/tafel/keys:6: expected: unbind <context> <key>",
            "/home/u/.config/tafel/keys:7: unknown directive \"rebind\" (expected bind or unbind)",
        ])
        #expect(k.command(for: .char("x"), in: .caseload) == .quit)
        // The reader's language: a Dutch user reads Dutch words around the file's own ones.
        #expect(problems.first?.text(Strings(.nl)) == "/home/u/.config/tafel/keys:3: onbekende context \"nowhere\"")
        #expect(problems.last?.text(Strings(.nl)) == "/home/u/.config/tafel/keys:7: onbekend woord \"rebind\" (verwacht bind of unbind)")
    }

    @Test func ctrlCAndCtrlZWorkEverywhereEvenWhileTyping() {
        let k = Keymap.defaults
        for context in KeyContext.allCases {
            #expect(k.command(for: .ctrl("c"), in: context) == .interrupt, "\(context)")
            #expect(k.command(for: .ctrl("z"), in: context) == .suspend, "\(context)")
        }
        // Overlays and the editor do not fall through to the screen's letters.
        #expect(k.command(for: .char("q"), in: .editor) == nil)
        #expect(k.command(for: .char("q"), in: .conflict) == nil)
    }

    @Test func theStatusMenuLettersComeFromTheTable() {
        var s = ReducerTests().state(login: "sanne")
        let jolanda = ReducerTests().file("Jolanda")
        let a = jolanda.actions.first { $0.isOpen }!
        _ = Reducer.reduce(&s, .caseloadLoaded(Caseload(thisWeek: [CaseloadAction(action: a, householdName: "J", ownerName: "S")])))
        // Rebinding the menu's letter changes what the key does (the menu lists the new key too).
        s.keymap.load("bind status-menu x status-done\nunbind status-menu g\n", path: "keys")
        _ = Reducer.reduce(&s, .key(.char("s")))
        #expect(Reducer.reduce(&s, .key(.char("g"))).isEmpty)
        _ = Reducer.reduce(&s, .key(.char("s")))
        let effects = Reducer.reduce(&s, .key(.char("x")))
        #expect(effects.map(\.intent) == [.perform(.closeAction(a.id, .gedaan, replacedBy: nil), householdId: a.householdId)])
        #expect(s.keymap.entries(in: .statusMenu).contains { $0.command == .statusDone && $0.keys.contains(.char("x")) })
    }

    @Test func theEditorsKeysComeFromTheTable() throws {
        let h = try AppHarness(login: "fatima")
        try h.startMeeting("De Vries")
        h.press("2", "e")
        #expect(h.state.meeting?.editing == .ownView)
        // F8 (step 4) leaves the editor, saving, and goes to Leefgebieden.
        h.type("!")
        h.press("F8")
        #expect(h.state.meeting?.editing == nil)
        #expect(h.state.meeting?.step == .domains)
        #expect(h.state.meeting?.texts.isEmpty == true)
        #expect(h.state.meeting?.file.household.ownView.hasSuffix("!") == true)
    }
}
