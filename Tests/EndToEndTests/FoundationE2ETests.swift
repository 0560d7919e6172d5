import Foundation
import Testing
import TestSupport

/// The binary in a real terminal: draws, shows help, quits cleanly, restores the terminal.
@Suite("End to end: foundation", .serialized, .enabled(if: Tmux.available, "tmux is not installed: install tmux to run the end-to-end tests"))
struct FoundationE2ETests {
    @Test func homeScreenHelpAndQuit() throws {
        #expect(Tmux.closesInheritedDescriptors, "tmux would inherit other tests' pipes and stall them")
        let dir = TemporaryDirectory()
        let t = try Tmux(E2E.command(["demo", "--db", dir.file("d.sqlite")]))
        #expect(t.waitFor("Mijn caseload"), "no home screen: \(t.screen)")
        t.send("?")
        #expect(t.waitFor("Sneltoetsen"), "no help overlay")
        #expect(t.screen.contains("Overleg starten"))
        t.send("q") // closes the help
        #expect(t.waitFor("Mijn caseload"))
        t.send("q")
        #expect(t.waitFor("EXIT=0"), "q did not quit with 0: \(t.screen)")
        #expect(t.waitFor("icanon echo"), "terminal not restored: \(t.screen)")
    }

    @Test(arguments: ["TERM", "INT", "HUP"])
    func signalsRestoreTheTerminal(signal: String) throws {
        let dir = TemporaryDirectory()
        let t = try Tmux(E2E.command(["demo", "--db", dir.file("d.sqlite")]))
        #expect(t.waitFor("Mijn caseload"))
        // Sent to tafel itself: Ctrl-C in the pane would also stop the shell that prints EXIT.
        guard let pid = t.programPid else { Issue.record("no tafel process"); return }
        kill(pid, signal == "TERM" ? SIGTERM : (signal == "INT" ? SIGINT : SIGHUP))
        #expect(t.waitFor("EXIT="), "SIG\(signal) did not end tafel")
        #expect(t.waitFor("icanon echo"), "terminal left raw after SIG\(signal): \(t.screen)")
        #expect(!t.screen.contains("-icanon"))
    }

    @Test func aFatalErrorRestoresTheTerminal() throws {
        let dir = TemporaryDirectory()
        // A user keymap binds the test-only crash command; the effect runs only with TAFEL_DEBUG_CRASH=1.
        try FileManager.default.createDirectory(atPath: dir.file("config/tafel"), withIntermediateDirectories: true)
        try "bind global F11 debug-crash\n".write(toFile: dir.file("config/tafel/keys"), atomically: true, encoding: .utf8)
        let t = try Tmux(E2E.command(["demo", "--db", dir.file("d.sqlite")],
                                     env: "TERM=xterm-256color TAFEL_DEBUG_CRASH=1 XDG_CONFIG_HOME='\(dir.file("config"))'"))
        #expect(t.waitFor("Mijn caseload"))
        t.send("F11")
        #expect(t.waitFor("EXIT=[1-9]"), "the induced crash did not end tafel: \(t.screen)")
        #expect(t.waitFor("icanon echo"), "terminal left raw after a crash: \(t.screen)")
    }

    @Test func resizingToTinyAndBack() throws {
        let dir = TemporaryDirectory()
        let t = try Tmux(E2E.command(["demo", "--db", dir.file("d.sqlite")]))
        #expect(t.waitFor("Mijn caseload"))
        t.resize(width: 40, height: 10)
        #expect(t.waitFor("groter"), "no enlarge message at 40×10: \(t.screen)")
        t.resize(width: 100, height: 30)
        #expect(t.waitFor("Mijn caseload"), "did not recover: \(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
    }

    @Test func withoutATerminalItExitsTwoWithOneLine() throws {
        let r = try E2E.run([])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!r.stderr.contains("\u{1B}"))
    }

    /// A mistyped command line gets one line in the user's language naming what is wrong and where
    /// the usage is, not the parser's English usage dump.
    @Test(arguments: [
        (["generate", "--households", "veel"], "tafel: de waarde 'veel' is ongeldig voor --households; zie 'tafel generate --help'"),
        (["audit", "--format", "xml"], "tafel: de waarde 'xml' is ongeldig voor --format: kies uit table, json, csv, excel; zie 'tafel audit --help'"),
        (["audit", "--frobnicate"], "tafel: onbekende optie '--frobnicate'; zie 'tafel audit --help'"),
        (["audit", "--reasn", "x"], "tafel: onbekende optie '--reasn' (bedoelt u '--reason'?); zie 'tafel audit --help'"),
        (["import"], "tafel: het argument <file> ontbreekt; zie 'tafel import --help'"),
        (["show", "a", "b", "c"], "tafel: onbekend argument 'b', 'c'; zie 'tafel show --help'"),
        (["import", "--lang", "en"], "tafel: the argument <file> is missing; see 'tafel import --help'"),
        (["bogus", "--lang", "en"], "tafel: unknown argument 'bogus'; see 'tafel --help'"),
        (["household", "add", "--name", "X"], "tafel: --wijk is verplicht; zie 'tafel household add --help'"),
    ])
    func badCommandLinesGetOneLine(args: [String], expected: String) throws {
        let r = try E2E.run(args, env: ["LANG": "nl_NL.UTF-8"])
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == expected + "\n")
    }

    /// `--help` prints in full, in the user's language: our texts and the parser's own words (headings,
    /// the help and version flags, value lists); in English exactly as the parser writes them.
    @Test func helpIsInTheUsersLanguage() throws {
        let nl = try E2E.run(["audit", "--help"], env: ["LANG": "nl_NL.UTF-8"])
        #expect(nl.status == 0)
        #expect(nl.stdout.contains("--rule <rule>"))
        #expect(nl.stdout.contains("Alleen dit signaal (bijvoorbeeld geen-regie)."))
        #expect(nl.stdout.contains("Huishoudens op dagen vastgelopen"))
        #expect(nl.stdout.hasPrefix("OVERZICHT: ") && nl.stdout.contains("\nGEBRUIK: tafel audit ") && nl.stdout.contains("\nOPTIES:\n"))
        #expect(nl.stdout.contains("Toon deze hulp.") && nl.stdout.contains("(waarden: table,"))
        #expect(!nl.stdout.contains("USAGE:") && !nl.stdout.contains("OPTIONS:") && !nl.stdout.contains("Show help information."))
        let en = try E2E.run(["--help", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout.contains("List the households you may see."))
        #expect(en.stdout.contains("Open the database read-only: look, change nothing."))
        #expect(en.stdout.contains("\nUSAGE: tafel ") && en.stdout.contains("SUBCOMMANDS:") && en.stdout.contains("Show help information."))
        for out in [nl.stdout, en.stdout] { #expect(!out.contains("clihelp.")) }
    }

    /// Every command and subcommand's Dutch help, walked from the root: none of the parser's English
    /// words are left (a command group's "See 'tafel help action <subcommand>'" line included).
    @Test func noCommandsHelpKeepsTheParsersEnglish() throws {
        func subcommands(_ help: String) -> [String] {
            guard let start = help.range(of: "\nSUBOPDRACHTEN:\n") else { return [] }
            return help[start.upperBound...].split(separator: "\n").compactMap { line in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else { return nil }
                return word.allSatisfy { $0.isLetter || $0 == "-" } ? String(word) : nil
            }
        }
        var paths: [[String]] = subcommands(try E2E.run(["--help"], env: ["LANG": "nl_NL.UTF-8"]).stdout).map { [$0] }
        var checked = 0
        while let path = paths.popLast() {
            let out = try E2E.run(path + ["--help"], env: ["LANG": "nl_NL.UTF-8"]).stdout
            checked += 1
            for english in ["See 'tafel help", "Show help information", "Show the version", "USAGE:", "OPTIONS:", "ARGUMENTS:",
                            "SUBCOMMANDS:", "OVERVIEW:", "(values:", "(default:", "clihelp."] {
                #expect(!out.contains(english), "tafel \(path.joined(separator: " ")) --help says \(english)")
            }
            // "default:" also where the parser wrapped the value list after its semicolon.
            #expect(out.range(of: #"(^|[ (;])default:"#, options: .regularExpression) == nil, "tafel \(path.joined(separator: " ")) --help says default:")
            if path.count == 1 { paths += subcommands(out).filter { $0 != "help" }.map { path + [$0] } }
        }
        #expect(checked > 40, "walked \(checked) commands")
    }
}
