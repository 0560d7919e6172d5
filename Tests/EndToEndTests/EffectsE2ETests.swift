import Foundation
import Testing
import TestSupport

/// The effect boundary through the real binary: two processes on one file, Ctrl-C, Ctrl-S, Ctrl-Z.
@Suite("End to end: effects", .serialized, .enabled(if: Tmux.available, "tmux is not installed: install tmux to run the end-to-end tests"))
struct EffectsE2ETests {
    func ownView(_ db: String) throws -> String {
        let r = try E2E.run(["show", "De Vries", "--db", db, "--user", "fatima", "--format", "json"])
        guard let data = r.stdout.data(using: .utf8),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let household = json["household"] as? [String: Any],
              let record = household["household"] as? [String: Any] else { return "" }
        return record["ownView"] as? String ?? ""
    }

    @Test func twoProcessesEditingOneTextShowTheConflictWithBothTexts() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let a = try Tmux(E2E.command(["meeting", "De Vries", "--db", db, "--user", "fatima"],
                                     env: "TERM=xterm-256color XDG_STATE_HOME='\(dir.file("state-a"))'"))
        let b = try Tmux(E2E.command(["meeting", "De Vries", "--db", db, "--user", "sanne"],
                                     env: "TERM=xterm-256color XDG_STATE_HOME='\(dir.file("state-b"))'"))
        #expect(a.waitFor("Opening") && b.waitFor("Opening"))
        a.send("2"); a.send("e"); b.send("2"); b.send("e")
        #expect(a.waitFor("Esc: klaar") && b.waitFor("Esc: klaar"))
        a.send(" AAA van Fatima", literal: true)
        // Saved when A's typing pauses: wait until the file has it.
        let deadline = Date().addingTimeInterval(15)
        while try !ownView(db).hasSuffix("AAA van Fatima"), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try ownView(db).hasSuffix("AAA van Fatima"), "A's text not saved: \(a.screen)")
        #expect(a.waitFor("✓ opgeslagen"))
        b.send(" BBB van Sanne", literal: true)
        #expect(b.waitFor("Tegelijk gewijzigd"), "no conflict view for the second user: \(b.screen)")
        #expect(b.screen.contains("AAA van Fatima") && b.screen.contains("BBB van Sanne"), "both texts not shown: \(b.screen)")
        #expect(!b.screen.contains("✓ opgeslagen"))
        #expect(try ownView(db).hasSuffix("AAA van Fatima"), "A's text was overwritten")
        // Sanne keeps hers: saved over Fatima's knowingly.
        b.send("m")
        #expect(b.waitFor("✓ opgeslagen"))
        #expect(try ownView(db).hasSuffix("BBB van Sanne"))
        a.send("Escape"); b.send("Escape")
        Thread.sleep(forTimeInterval: 0.2) // a key right after Esc would read as Alt+key
        a.send("q"); b.send("q")
        #expect(a.waitFor("EXIT=0") && b.waitFor("EXIT=0"))
    }

    @Test func ctrlCRightAfterTypingSavesTheTextAndExitsZero() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(E2E.command(["meeting", "De Vries", "--db", db, "--user", "fatima"],
                                     env: "TERM=xterm-256color XDG_STATE_HOME='\(dir.file("state"))'"))
        #expect(t.waitFor("Opening"))
        t.send("2"); t.send("e")
        #expect(t.waitFor("Esc: klaar"))
        t.send(" Laatste woorden KX42", literal: true)
        t.send("C-c")
        #expect(t.waitFor("EXIT=0"), "Ctrl-C did not quit with 0: \(t.screen)")
        #expect(t.waitFor("icanon echo"), "terminal not restored: \(t.screen)")
        #expect(try ownView(db).hasSuffix("Laatste woorden KX42"), "text typed just before Ctrl-C was lost")
    }

    @Test func ctrlSAndCtrlQAreOrdinaryKeys() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(E2E.command(["--db", db, "--user", "fatima"]))
        #expect(t.waitFor("Mijn caseload"))
        t.send("C-s")
        t.send("?")
        #expect(t.waitFor("Sneltoetsen"), "the screen froze after Ctrl-S: \(t.screen)")
        t.send("C-q")
        t.send("Escape")
        Thread.sleep(forTimeInterval: 0.2)
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(interactiveShellWidth: 100, height: 30)
        #expect(t.waitFor("\\$"), "no shell prompt: \(t.screen)")
        t.send(E2E.command(["--db", db, "--user", "fatima"]), literal: true)
        t.send("Enter")
        #expect(t.waitFor("Mijn caseload"), "tafel did not start: \(t.screen)")
        t.send("C-z")
        #expect(t.waitFor("Stopped|gestopt"), "Ctrl-Z did not suspend: \(t.screen)")
        #expect(!t.screen.contains("Mijn caseload"), "the screen was not given back: \(t.screen)")
        t.send("fg", literal: true)
        t.send("Enter")
        #expect(t.waitFor("Mijn caseload"), "fg did not redraw: \(t.screen)")
        #expect(t.waitFor("Te laat"))
        t.send("q")
        #expect(t.waitFor("\\$\\s*$"), "did not return to the shell: \(t.screen)")
    }
}
