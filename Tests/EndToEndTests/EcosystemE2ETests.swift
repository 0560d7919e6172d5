import Foundation
import SwiftCSV
import Testing
import TestSupport

/// Configuration, spreadsheets, calendars and the version, through the real binary.
@Suite("End to end: ecosystem")
struct EcosystemE2ETests {
    /// An environment whose config folders are inside `dir` (nothing from the machine leaks in).
    func env(_ dir: TemporaryDirectory) -> [String: String] {
        ["XDG_CONFIG_HOME": dir.file("home-cfg"), "XDG_CONFIG_DIRS": dir.file("system-cfg"), "LANG": "nl_NL.UTF-8", "LC_ALL": ""]
    }

    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func theUsersFileWinsOverTheSystemFileAndFlagsWinOverBoth() throws {
        let dir = TemporaryDirectory()
        let e = env(dir)
        try write("lang = \"en\"\ntheme = \"mono\"\n", dir.file("system-cfg/tafel/config.toml"))
        #expect(try E2E.run(["config", "get", "lang"], env: e).stdout == "en\n")
        try write("lang = \"nl\"\n", dir.file("home-cfg/tafel/config.toml"))
        #expect(try E2E.run(["config", "get", "lang"], env: e).stdout == "nl\n")
        #expect(try E2E.run(["config", "get", "theme"], env: e).stdout == "mono\n", "a key the user's file does not set comes from the system file")
        let db = try E2E.demo(dir)
        #expect(try E2E.run(["caseload", "--db", db, "--user", "fatima"], env: e).stdout.contains("Te laat"))
        #expect(try E2E.run(["caseload", "--db", db, "--user", "fatima", "--lang", "en"], env: e).stdout.contains("Overdue"))
        // db in the config is used when neither --db nor TAFEL_DB names one.
        try write("lang = \"en\"\ndb = \"\(db)\"\n", dir.file("home-cfg/tafel/config.toml"))
        var noDb = e; noDb["TAFEL_DB"] = ""
        #expect(try E2E.run(["caseload", "--user", "fatima"], env: noDb).stdout.contains("Overdue"))
    }

    @Test func problemsNameFileAndLineAndTheRestStillApplies() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("home-cfg/tafel/config.toml")
        try write("# mijn instellingen\nlang = \"en\"\nkleur = \"blauw\"\ntheme = \"roze\"\n[signalen.geen-contact]\ndagen = 9999999\n", path)
        let r = try E2E.run(["config", "list"], env: env(dir))
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("\(path):3:") && $0.contains("kleur") }, "\(r.stderr)")
        #expect(lines.contains { $0.contains("\(path):4:") && $0.contains("roze") && $0.contains("mono") }, "\(r.stderr)")
        #expect(lines.contains { $0.contains("\(path):6:") && $0.contains("dagen") }, "\(r.stderr)")
        #expect(r.stdout.contains("lang = \"en\""))
        try write("lang = \"en\n", path)
        let syntax = try E2E.run(["config", "list"], env: env(dir))
        #expect(syntax.stderr.contains("\(path):1: geen geldige TOML: een tekst zonder sluitend aanhalingsteken"), "\(syntax.stderr)")
        // The TOML parser's English never reaches a Dutch reader; the slip is named with the fix.
        try write("[signalen.geen-contact]\ndagen = 30\nlang = nl\n", path)
        let unquoted = try E2E.run(["config", "list"], env: env(dir)).stderr
        #expect(unquoted.contains("\(path):3: geen geldige TOML: een tekst zonder aanhalingstekens: schrijf bijv. lang = \"nl\""), "\(unquoted)")
        #expect(!unquoted.contains("parsing") && !unquoted.contains("expected"), "\(unquoted)")
        #expect(try E2E.run(["caseload", "--lang", "fr"], env: env(dir)).stderr.contains("--lang fr"))
    }

    @Test func configSetKeepsCommentsAndRoundTrips() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("home-cfg/tafel/config.toml")
        try write("# door de beheerder\nlang = \"nl\"\n\n[signalen.geen-contact]\ndagen = 30\n", path)
        #expect(try E2E.run(["config", "set", "theme", "licht"], env: env(dir)).status == 0)
        #expect(try E2E.run(["config", "set", "lang", "en"], env: env(dir)).status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "# door de beheerder\nlang = \"en\"\n\ntheme = \"licht\"\n[signalen.geen-contact]\ndagen = 30\n")
        #expect(try E2E.run(["config", "get", "theme"], env: env(dir)).stdout == "licht\n")
        let bad = try E2E.run(["config", "set", "theme", "roze"], env: env(dir))
        #expect(bad.status == 1 && bad.stderr.contains("roze"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "a refused value changed the file")
    }

    @Test func theOldFilesAreMigratedOnceToTheSameSettings() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        try write("theme = projector\nlang = en\n", dir.file("home-cfg/tafel/config"))
        try write("[geen-contact]\ndagen = 400\n", dir.file("home-cfg/tafel/signalen.toml"))
        let first = try E2E.run(["audit", "--db", db, "--user", "petra", "--format", "json"], env: env(dir))
        #expect(first.stderr.contains("config.toml"), "no note about the migration: \(first.stderr)")
        #expect(!first.stdout.contains("\"geen-contact\""), "the migrated threshold (400 days) is not applied")
        #expect(try E2E.run(["config", "get", "theme"], env: env(dir)).stdout == "projector\n")
        #expect(try E2E.run(["config", "get", "lang"], env: env(dir)).stdout == "en\n")
        let second = try E2E.run(["audit", "--db", db, "--user", "petra", "--format", "json"], env: env(dir))
        #expect(second.stderr.isEmpty, "migrated twice: \(second.stderr)")
        #expect(second.stdout == first.stdout)
        #expect(FileManager.default.fileExists(atPath: dir.file("home-cfg/tafel/config.overgezet")))
    }

    @Test func csvForScriptsIsTheSameInEveryLanguageAndExcelOpensRight() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        for command in [["caseload", "--user", "fatima"], ["households", "--user", "petra"]] {
            let nl = try E2E.run(command + ["--db", db, "--format", "csv", "--lang", "nl"], env: env(dir)).stdout
            let en = try E2E.run(command + ["--db", db, "--format", "csv", "--lang", "en"], env: env(dir)).stdout
            #expect(nl == en, "\(command[0]) CSV changes with the language")
            let csv = try NamedCSV(string: nl, delimiter: .comma)
            #expect(!csv.rows.isEmpty)
            #expect(csv.header.allSatisfy { $0.allSatisfy { $0.isASCII } })
        }
        let rows = try NamedCSV(string: try E2E.run(["caseload", "--user", "fatima", "--db", db, "--format", "csv"], env: env(dir)).stdout, delimiter: .comma).rows
        #expect(rows.allSatisfy { $0["due"]!.isEmpty || $0["due"]!.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil })
        #expect(rows.contains { $0["group"] == "overdue" && $0["domain"] == "financien" })

        let excel = try E2E.run(["caseload", "--user", "fatima", "--db", db, "--format", "excel"], env: env(dir)).stdout
        #expect(excel.hasPrefix("\u{FEFF}"))
        let sheet = try NamedCSV(string: String(excel.dropFirst()), delimiter: .semicolon)
        #expect(sheet.header == ["Groep", "Wanneer", "Huishouden", "Wat", "Leefgebied", "Status"])
        #expect(sheet.rows.contains { $0["Leefgebied"] == "Financiën" && $0["Wanneer"]!.contains("-2026") })
    }

    @Test func calendarUIDsAreGlobalAndStable() throws {
        let dir = TemporaryDirectory()
        let a = try E2E.demo(dir, "a.sqlite"), b = try E2E.demo(dir, "b.sqlite")
        func uids(_ db: String) throws -> [String] {
            try E2E.run(["ics", "--db", db, "--user", "sanne"]).stdout.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }.map(String.init)
        }
        let ua = try uids(a), ub = try uids(b)
        #expect(!ua.isEmpty)
        #expect(Set(ua).isDisjoint(with: ub), "two databases share calendar UIDs")
        #expect(try uids(a) == ua, "UIDs change between runs")
        #expect(ua.allSatisfy { $0.range(of: #"^UID:(action|review)-\d+\.[0-9a-f]{16}@tafel$"#, options: .regularExpression) != nil }, "\(ua)")
        // A moved due date updates the same item: same UID, a higher SEQUENCE.
        func item(_ id: Int, in text: String) -> (uid: String, sequence: Int)? {
            let lines = text.split(separator: "\r\n").map(String.init)
            guard let i = lines.firstIndex(where: { $0.hasPrefix("UID:action-\(id).") }),
                  let seq = lines[i...].first(where: { $0.hasPrefix("SEQUENCE:") }).flatMap({ Int($0.dropFirst(9)) }) else { return nil }
            return (lines[i], seq)
        }
        let before = try #require(item(9, in: try E2E.run(["ics", "--db", a, "--user", "sanne"]).stdout))
        let moved = try E2E.run(["action", "edit", "9", "--due", "+10d", "--db", a, "--user", "sanne"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let after = try #require(item(9, in: try E2E.run(["ics", "--db", a, "--user", "sanne"]).stdout))
        #expect(after.uid == before.uid)
        #expect(after.sequence > before.sequence)
    }

    /// A bad line in one's own theme is said, in Dutch, with file and line, before and on the
    /// screen; the rest of the theme still applies (the problems were swallowed).
    @Test func aThemesProblemsAreSaidInTheReadersLanguage() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let themes = dir.file("cfg/tafel/themes")
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "# eigen thema\ncolor normal paars default\ncolor title yellow default bold\n".write(toFile: themes + "/eigen.theme", atomically: true, encoding: .utf8)
        let t = try Tmux(E2E.command(["--db", db, "--user", "sanne", "--theme", "eigen"], env: "env -u NO_COLOR TERM=xterm-256color XDG_CONFIG_HOME='\(dir.file("cfg"))'"),
                         width: 120, height: 30)
        // (With NO_COLOR, as the tests run, no theme is used, so none is read.)
        #expect(t.waitFor("Problemen in het kleurthema"), "\(t.screen)")
        // (The long temporary path may wrap the line in the dialog.)
        #expect(t.waitFor("eigen.theme:2: onbekende") && t.waitFor("kleur \"paars\""), "\(t.screen)")
        // Own themes are completed too.
        let offered = try E2E.run(["---completion", "--", "--theme", "2", "1", "tafel", "--theme", "e"],
                                  env: ["XDG_CONFIG_HOME": dir.file("cfg")]).stdout
        #expect(offered.split(separator: "\n") == ["eigen"], "\(offered)")
        t.send("Enter")
        #expect(t.waitFor("Besprekingen \\(4\\) +│"), "the dialog did not close: \(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"), "\(t.screen)")
    }

    /// A theme (T) or language (L) chosen on screen is written to config.toml and used next time;
    /// the status says where, only once it is written.
    @Test func aThemeAndLanguageChosenOnScreenAreKept() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let env = "TERM=xterm-256color XDG_CONFIG_HOME='\(dir.file("cfg"))'"
        let config = dir.file("cfg/tafel/config.toml")
        let t = try Tmux(E2E.command(["--db", db, "--user", "sanne"], env: env))
        #expect(t.waitFor("Mijn caseload"), "\(t.screen)")
        func savedTheme() throws -> String? {
            try String(contentsOfFile: config, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("theme = ") }.map { String($0.dropFirst(9).dropLast()) }
        }
        t.send("T")
        #expect(t.waitFor("Thema .* bewaard in .*config\\.toml"), "no saved status: \(t.screen)")
        let first = try #require(try savedTheme())
        #expect(t.screen.contains("Thema \(first) bewaard"), "the status names what was written: \(t.screen)")
        t.send("T")
        #expect(t.waitFor("Thema (?!\(first))[a-z]+ bewaard"), "\(t.screen)")
        let theme = try #require(try savedTheme())
        #expect(theme != first, "a second choice replaces the first")
        t.send("L")
        #expect(t.waitFor("My caseload"), "the screen did not switch to English: \(t.screen)")
        #expect(t.waitFor("Language en saved in"), "\(t.screen)")
        t.send("q"); #expect(t.waitFor("EXIT=0"))
        #expect(try String(contentsOfFile: config, encoding: .utf8).contains("lang = \"en\""))
        // Next time: English, the chosen theme (config list says so too).
        let again = try Tmux(E2E.command(["--db", db, "--user", "sanne"], env: env))
        #expect(again.waitFor("My caseload"), "\(again.screen)")
        again.send("q"); #expect(again.waitFor("EXIT=0"))
        let listed = try E2E.run(["config", "get", "theme"], env: ["XDG_CONFIG_HOME": dir.file("cfg")])
        #expect(listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == theme)
    }

    /// The shells complete values: database files for --db, themes and languages by name, and the
    /// households the user may see — asked of tafel itself, as the completion scripts do.
    @Test func completionsOfferValuesAndOnlyVisibleHouseholds() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        func complete(_ user: String, _ typed: String) throws -> [String] {
            try E2E.run(["---completion", "show", "--", "positional@0", "6", String(typed.count),
                         "tafel", "show", "--db", db, "--user", user, typed]).stdout.split(separator: "\n").map(String.init)
        }
        let sanne = try complete("sanne", "")
        #expect(sanne.contains("Jolanda Hermans") && sanne.contains("Storm Visser"), "\(sanne)")
        #expect(try complete("sanne", "Jo") == ["Jolanda Hermans"])
        // Need-to-know: Woonstad's Kees is offered only his households; a login not on the roster nothing.
        let kees = try complete("kees", ""), petra = try complete("petra", "")
        #expect(!kees.isEmpty && !kees.contains("Jolanda Hermans") && Set(kees).isSubset(of: Set(petra)), "\(kees)")
        #expect(try complete("ghost", "").isEmpty)
        let bash = try E2E.run(["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains("'--db')\n        __tafel_add_completions -o plusdirs -fX '!*.@(sqlite|db|sqlite3)'"))
        #expect(bash.contains("'nl'$'\\n''en'") && bash.contains("---completion -- --theme"))
        #expect(bash.contains("---completion show -- positional@0"))
    }

    /// In a real interactive bash, Tab completes a household name with spaces into one quoted word
    /// (`Familie\ De\ Vries`), also after part of it was typed with a backslash, and the command
    /// then finds that household.
    @Test func bashCompletesANameWithSpacesIntoOneWord() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let script = dir.file("tafel.bash")
        try E2E.run(["--generate-completion-script", "bash"]).stdout.write(toFile: script, atomically: true, encoding: .utf8)
        let bin = (E2E.tafel as NSString).deletingLastPathComponent
        let t = try Tmux(interactiveShellWidth: 140, height: 20)
        t.send("export PATH='\(bin)':$PATH TERM=xterm-256color; source '\(script)'; cd '\(dir.path)'", literal: true)
        t.send("Enter")
        t.send("tafel show --db '\((db as NSString).lastPathComponent)' --user sanne Fam", literal: true)
        t.send("Tab")
        #expect(t.waitFor(#"(?m)sanne Familie\\$"#), "the common part was not inserted quoted: \(t.screen)")
        t.send("D", literal: true)
        t.send("Tab")
        #expect(t.waitFor(#"(?m)sanne Familie\\ De\\ Vries$"#), "the name was not completed as one word: \(t.screen)")
        t.send("Enter")
        #expect(t.waitFor("Bereik \\(niet-bereik\\)"), "tafel show did not find the household: \(t.screen)")
        #expect(!t.screen.contains("onbekend argument"), "\(t.screen)")
    }

    /// Long work shows a bar with percentage and time left on a terminal's stderr (recorded byte
    /// for byte by tmux pipe-pane), cleared when done; never with --quiet or into a pipe or log.
    @Test func longWorkShowsAProgressBarOnlyOnATerminal() throws {
        let dir = TemporaryDirectory()
        func recorded(_ args: [String]) throws -> String {
            let record = dir.file("pane-\(args.count)-\(args.contains("--quiet")).bytes")
            let t = try Tmux("sleep 1; " + E2E.command(args, env: "TERM=xterm-256color TAFEL_PROGRESS_AFTER=0"))
            try t.run(["pipe-pane", "-o", "-t", t.session, "cat >> '\(record)'"], capture: false)
            #expect(t.waitFor("EXIT=0", seconds: 60), "\(t.screen)")
            #expect(!t.screen.contains(" %  nog"), "the bar is cleared when done: \(t.screen)")
            return String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: record))) ?? Data(), as: UTF8.self)
        }
        let shown = try recorded(["generate", "--households", "300", "--db", dir.file("a.sqlite")])
        #expect(shown.contains("genereren  ") && shown.contains(" %  nog "), "no progress bar: \(shown.prefix(400).debugDescription)")
        let quiet = try recorded(["generate", "--households", "300", "--db", dir.file("b.sqlite"), "--quiet"])
        #expect(!quiet.contains(" %  nog "), "--quiet still drew a bar")
        // Into a pipe (a script, a log): stderr stays empty, the JSON whole.
        let piped = try E2E.run(["export", "--db", dir.file("a.sqlite")], env: ["TAFEL_PROGRESS_AFTER": "0"])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(piped.stdout.utf8))) != nil)
    }

    /// Ctrl-E in the meeting's text editor hands the text to $EDITOR through a private temporary file
    /// (mode 600, removed afterwards); what comes back is saved as if typed.
    @Test func ctrlEOpensTheTextInTheUsersEditor() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let script = dir.file("editor.sh"), seen = dir.file("seen")
        try """
        #!/bin/sh
        echo "$1 $(stat -c %a "$1")" > '\(seen)'
        printf ' Uit de eigen editor.' >> "$1"
        """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let t = try Tmux(E2E.command(["meeting", "Storm", "--db", db, "--user", "sanne"], env: "TERM=xterm-256color EDITOR='\(script)'"))
        #expect(t.waitFor("Opening"), "\(t.screen)")
        // Each step waits for its screen: a key sent ahead while the machine is busy could land elsewhere.
        t.send("F6"); #expect(t.waitFor("e bewerken"), "\(t.screen)")
        t.send("e"); #expect(t.waitFor("Esc: klaar"), "\(t.screen)")
        t.send("C-e")
        // The text first: while the editor runs, tmux still shows curses' last frame, which may
        // carry the status of the save made before handing over (seen once under load).
        #expect(t.waitFor("Uit de eigen editor\\."), "the edited text did not come back: \(t.screen)")
        #expect(t.waitFor("✓ opgeslagen"), "the edited text was not saved: \(t.screen)")
        t.send("Escape"); Thread.sleep(forTimeInterval: 0.3); t.send("q")
        #expect(t.waitFor("EXIT=0"))
        let record = try String(contentsOfFile: seen, encoding: .utf8).split(separator: " ")
        #expect(record.count == 2 && record[1].hasPrefix("600"), "the temporary file was not private: \(record)")
        #expect(!FileManager.default.fileExists(atPath: String(record[0])), "the temporary file was left behind")
        let shown = try E2E.run(["show", "Storm", "--db", db, "--user", "sanne"]).stdout
        #expect(shown.contains("Ik vraag niks. Laat me met rust. Uit de eigen editor."), "\(shown)")
        // An editor that fails changes nothing and says so.
        let bad = try Tmux(E2E.command(["meeting", "Storm", "--db", db, "--user", "sanne"], env: "TERM=xterm-256color EDITOR=false"))
        #expect(bad.waitFor("Opening"))
        bad.send("F6"); #expect(bad.waitFor("e bewerken"), "\(bad.screen)")
        bad.send("e"); #expect(bad.waitFor("Esc: klaar"), "\(bad.screen)")
        bad.send("C-e")
        #expect(bad.waitFor("De editor gaf een fout"), "\(bad.screen)")
        bad.send("Escape"); Thread.sleep(forTimeInterval: 0.3); bad.send("q")
        #expect(bad.waitFor("EXIT=0"))
    }

    /// A click on a column title in the audit sorts by it (again: the other way round), the status
    /// says so, and the order is there again next time.
    @Test func clickingAColumnTitleSortsAndTheOrderIsKept() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let env = "TERM=xterm-256color XDG_CONFIG_HOME='\(dir.file("cfg"))'"
        let t = try Tmux(E2E.command(["--db", db, "--user", "petra"], env: env), width: 110, height: 30)
        #expect(t.waitFor("Mijn caseload"))
        t.send("3")
        // The rows first: the columns are measured from what they hold (a click computed on the
        // empty table of a loading audit missed the column under load).
        #expect(t.waitFor("Vastgelopen huishoudens \\(\\d+\\)"), "\(t.screen)")
        #expect(t.waitFor("Dagen"), "\(t.screen)")
        let lines = t.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("Dagen") && $0.contains("Huishouden") })
        let column = try #require(lines[row].range(of: "Huishouden")).lowerBound
        let x = lines[row].distance(from: lines[row].startIndex, to: column) + 2
        t.click(x: x, y: row)
        #expect(t.waitFor("Gesorteerd op Huishouden, oplopend"), "\(t.screen)")
        #expect(t.waitFor("Huishouden ▲"), "\(t.screen)")
        // The status line is cleared by the next click's answer; wait for the header to turn.
        t.click(x: x, y: row)
        #expect(t.waitFor("Huishouden ▼"), "a second click did not reverse the order: \(t.screen)")
        #expect(t.screen.contains("Gesorteerd op Huishouden, aflopend"), "\(t.screen)")
        t.send("q"); #expect(t.waitFor("EXIT=0"))
        #expect(try String(contentsOfFile: dir.file("cfg/tafel/config.toml"), encoding: .utf8).contains("sort-audit = \"-name\""))
        let again = try Tmux(E2E.command(["--db", db, "--user", "petra"], env: env), width: 110, height: 30)
        #expect(again.waitFor("Mijn caseload"))
        again.send("3")
        #expect(again.waitFor("Huishouden ▼"), "the order was not kept: \(again.screen)")
        again.send("q"); #expect(again.waitFor("EXIT=0"))
    }

    @Test func versionNamesTheSchema() throws {
        let r = try E2E.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^\d+\.\d+\.\d+ \(schema \d+\)\n$"#, options: .regularExpression) != nil, "\(r.stdout)")
    }

    /// --verbose says on stderr what ran, what was opened and how it ended; TAFEL_LOG appends the
    /// same to a private file. Neither holds case content, and standard output is unchanged.
    @Test func verboseAndTheLogFileSayWhatRanWithoutCaseContent() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let plain = try E2E.run(["caseload", "--db", db, "--user", "sanne", "--format", "json"])
        let verbose = try E2E.run(["caseload", "--db", db, "--user", "sanne", "--format", "json", "--verbose"])
        #expect(verbose.stdout == plain.stdout)
        let lines = verbose.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(verbose.stderr)")
        #expect(lines.first?.contains("opdracht caseload gestart") == true && lines.last?.contains("klaar met status 0 na ") == true, "\(lines)")
        #expect(lines.contains { $0.contains("database \(db) geopend in ") })
        let log = dir.file("tafel.log")
        let failed = try E2E.run(["show", "Maaike", "--db", db, "--user", "jan"], env: ["TAFEL_LOG": log])
        _ = try E2E.run(["show", "Maaike", "--db", db, "--user", "sanne"], env: ["TAFEL_LOG": log])
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("opdracht show gestart") && text.contains("klaar met status \(failed.status) na ") && text.contains("klaar met status 0 na "), "\(text)")
        #expect(!text.contains("Maaike") && !text.contains("jan") && !text.contains("sanne"), "\(text)")
        let mode = (try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? NSNumber)?.intValue ?? 0
        #expect(mode & 0o077 == 0, "mode \(String(mode, radix: 8))")
        // The same from `log` in config.toml.
        let configured = dir.file("uit-config.log")
        try FileManager.default.createDirectory(atPath: dir.file("cfg/tafel"), withIntermediateDirectories: true)
        try "log = \"\(configured)\"\n".write(toFile: dir.file("cfg/tafel/config.toml"), atomically: true, encoding: .utf8)
        _ = try E2E.run(["households", "--db", db, "--user", "sanne"], env: ["XDG_CONFIG_HOME": dir.file("cfg")])
        #expect((try? String(contentsOfFile: configured, encoding: .utf8))?.contains("opdracht households gestart") == true)
        #expect(try E2E.run(["config", "get", "log"], env: ["XDG_CONFIG_HOME": dir.file("cfg")]).stdout == configured + "\n")
        // `auto`: under $XDG_STATE_HOME/tafel, in a private folder; a file past 1 MB is rotated.
        let state = dir.file("state")
        _ = try E2E.run(["households", "--db", db, "--user", "sanne"], env: ["TAFEL_LOG": "auto", "XDG_STATE_HOME": state])
        let auto = state + "/tafel/tafel.log"
        #expect((try? String(contentsOfFile: auto, encoding: .utf8))?.contains("opdracht households gestart") == true)
        let folderMode = (try FileManager.default.attributesOfItem(atPath: state + "/tafel")[.posixPermissions] as? NSNumber)?.intValue ?? 0
        #expect(folderMode & 0o077 == 0, "folder mode \(String(folderMode, radix: 8))")
        try Data(repeating: 0x2E, count: 1_100_000).write(to: URL(fileURLWithPath: auto))
        _ = try E2E.run(["households", "--db", db, "--user", "sanne"], env: ["TAFEL_LOG": "auto", "XDG_STATE_HOME": state])
        #expect(((try FileManager.default.attributesOfItem(atPath: auto + ".1"))[.size] as? Int) == 1_100_000, "the full log moved aside")
        #expect((try String(contentsOfFile: auto, encoding: .utf8)).hasPrefix("20"), "a fresh log begins")
    }
}

/// An installation into a temporary prefix works from any directory: catalogues, reference data,
/// keymap and themes are compiled in; the manual renders; the bash completion is registered.
@Suite("End to end: installation")
struct InstallE2ETests {
    @Test func anInstalledBinaryIsWholeWithItsManualAndCompletions() throws {
        let dir = TemporaryDirectory()
        let prefix = dir.file("prefix")
        guard let gm = BuildProducts.executable("generate-manual") else {
            Issue.record("generate-manual is not built: run `swift build --product generate-manual` (the CI does)"); return
        }
        let root = SourceTree.root.path
        let install = try Shell.run("/bin/sh", ["\(root)/tools/install.sh", prefix], environment: ProcessInfo.processInfo.environment.merging(
            ["BIN": E2E.tafel, "GM": gm], uniquingKeysWith: { $1 }))
        #expect(install.status == 0, "\(install.stderr)")
        let tafel = "\(prefix)/bin/tafel"
        // From another directory, with no source tree or resource bundle beside it.
        let elsewhere = dir.file("elders")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let db = "\(elsewhere)/d.sqlite"
        let run = try Shell.run("/bin/sh", ["-c", "cd '\(elsewhere)' && '\(tafel)' demo --db d.sqlite --no-open && '\(tafel)' caseload --db d.sqlite --user sanne"])
        #expect(run.status == 0 && run.stdout.contains("Te laat") && run.stdout.contains("Sociaal netwerk"), "\(run.stdout) \(run.stderr)")
        // A shipped theme other than the default opens (the launcher refuses a theme it cannot find).
        let t = try Tmux("cd '\(elsewhere)' && TERM=xterm-256color '\(tafel)' --db '\(db)' --user sanne --theme kleurenblind")
        #expect(t.waitFor("Mijn caseload"), "\(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
        // The manual renders in both languages.
        let man = try Shell.run("/bin/sh", ["-c", "LANG=C.UTF-8 MANWIDTH=80 man -l '\(prefix)/share/man/man1/tafel.1' | col -b"])
        #expect(man.status == 0 && man.stdout.contains("tafel") && man.stdout.contains("Casusoverleg"), "\(man.stderr)")
        let manEN = try Shell.run("/bin/sh", ["-c", "LANG=C.UTF-8 MANWIDTH=80 man -l '\(prefix)/share/man/en/man1/tafel.1' | col -b"])
        #expect(manEN.stdout.contains("Case conferences"))
        // The bash completion registers itself and completes subcommands.
        let complete = try Shell.run("/bin/bash", ["-c", "source '\(prefix)/share/bash-completion/completions/tafel' && complete -p tafel"])
        #expect(complete.stdout.contains("-F _tafel tafel"), "\(complete.stdout) \(complete.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(prefix)/share/zsh/site-functions/_tafel"))
        #expect(FileManager.default.fileExists(atPath: "\(prefix)/share/fish/vendor_completions.d/tafel.fish"))
    }
}
