import Foundation
import Testing
import TestSupport

/// Hostile input, hostile environments and faults, through the real binary.
@Suite("End to end: trust", .serialized, .enabled(if: Tmux.available, "tmux is not installed: install tmux to run the end-to-end tests"))
struct TrustE2ETests {
    /// An export whose household note carries terminal escape sequences, imported into a fresh database.
    func injectedDatabase(_ dir: TemporaryDirectory) throws -> String {
        let demo = try E2E.demo(dir, "source.sqlite")
        let export = try E2E.run(["export", "--db", demo, "--user", "beheer"]).stdout
        var json = try JSONSerialization.jsonObject(with: Data(export.utf8)) as! [String: Any]
        var hs = json["households"] as! [[String: Any]]
        let i = hs.firstIndex { (($0["household"] as! [String: Any])["name"] as! String).contains("Maaike") }!
        var h = hs[i]["household"] as! [String: Any]
        h["ownView"] = "Eerst \u{1B}]0;pwned\u{07} dan \u{1B}[2J en \u{1B}[31mrood\u{1B}[0m."
        hs[i]["household"] = h
        json["households"] = hs
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: dir.file("evil.json")))
        let db = dir.file("evil.sqlite")
        let r = try E2E.run(["import", dir.file("evil.json"), "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    /// Changing one byte of an audit event with the sqlite3 shell makes `tafel check` fail, naming the event.
    @Test func tamperingWithTheLogIsFoundByCheck() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        _ = try E2E.run(["show", "Maaike", "--db", db, "--user", "sanne"])        // event 2: an access event
        #expect(try E2E.run(["check", "--db", db]).status == 0)
        for column in ["actor", "summary", "at", "kind"] {
            let original = try Shell.run("/usr/bin/env", ["sqlite3", db, "SELECT \(column) FROM event WHERE id = 2"]).stdout
                .trimmingCharacters(in: .newlines)
            var changed = original
            let last = changed.removeLast()
            changed.append(last == "a" ? "b" : "a")
            func set(_ value: String) throws {
                let r = try Shell.run("/usr/bin/env", ["sqlite3", db, "UPDATE event SET \(column) = '\(value)' WHERE id = 2"])
                #expect(r.status == 0, "\(r.stderr)")
            }
            try set(changed)
            let r = try E2E.run(["check", "--db", db])
            #expect(r.status == 1, "a changed \(column) was not noticed")
            #expect(r.stdout.contains("Auditketen: gebroken bij gebeurtenis 2"), "\(column): \(r.stdout)")
            try set(original)
            #expect(try E2E.run(["check", "--db", db]).status == 0, "restoring \(column) did not mend the chain")
        }
    }

    @Test func escapeSequencesInImportedDataAreShownNotObeyed() throws {
        let dir = TemporaryDirectory()
        let db = try injectedDatabase(dir)
        let show = try E2E.run(["show", "Maaike", "--db", db, "--user", "sanne"])
        #expect(show.status == 0)
        #expect(!show.stdout.contains("\u{1B}"))
        #expect(show.stdout.contains("␛]0;pwned␇") && show.stdout.contains("␛[2J"))
        let t = try Tmux(E2E.command(["meeting", "Maaike", "--db", db, "--user", "sanne"]))
        #expect(t.waitFor("pwned"), "\(t.screen)")
        #expect(t.screen.contains("␛]0;pwned␇"))
        #expect(t.screen.contains("Wat wil het gezin"), "the screen was cleared by the note")
        let title = try t.run(["display-message", "-p", "#{pane_title}"])
        #expect(!title.contains("pwned"), "the pane title was set by user data: \(title)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
        for format in ["md", "html"] {
            let m = try E2E.run(["minutes", "Maaike", "--db", db, "--user", "sanne", "--format", format]).stdout
            #expect(!m.contains("\u{1B}"), "escape byte in \(format) minutes")
        }
        let csv = try E2E.run(["audit", "--db", db, "--user", "petra", "--format", "csv"]).stdout
        #expect(!csv.contains("\u{1B}"))
        let json = try E2E.run(["show", "Maaike", "--db", db, "--user", "sanne", "--format", "json"]).stdout
        #expect(!json.contains("\u{1B}") && json.contains("\\u001b"))
    }

    @Test(arguments: [("no TERM", ["-u", "TERM"]), ("dumb", ["TERM=dumb"]), ("unknown", ["TERM=vt-from-mars"])])
    func badTerminalsGetOneClearLine(name: String, env: [String]) throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        // In tmux (a real terminal) so that only TERM is wrong.
        let t = try Tmux("env \(env.joined(separator: " ")) '\(E2E.tafel)' --db '\(db)' 2>\(dir.file("err")); echo EXIT=$?")
        #expect(t.waitFor("EXIT=2"), "\(name): \(t.screen)")
        let err = try String(contentsOfFile: dir.file("err"), encoding: .utf8)
        #expect(err.split(separator: "\n").count == 1, "\(name): \(err)")
        #expect(err.contains("TERM") || err.contains("terminal"))
    }

    @Test func theCLocaleDrawsWithASCIIFallbacks() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(E2E.command(["--db", db, "--user", "sanne"], env: "LANG=C LC_ALL=C TERM=xterm-256color"))
        #expect(t.waitFor("Mijn caseload"), "\(t.screen)")
        #expect(t.screen.contains("+-"), "no ASCII box drawing: \(t.screen)")
        // Typography has stand-ins too: "—", "·", "×" and "ë" are never a row of question marks.
        t.send("Enter")
        #expect(t.waitFor("Leefgebieden"), "\(t.screen)")
        #expect(t.screen.contains("Financien") && !t.screen.contains("?"), "\(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
        // The command line on a C-locale terminal: the same stand-ins (a pipe keeps UTF-8 for scripts).
        let cli = try Tmux(E2E.command(["show", "Jolanda", "--db", db, "--user", "sanne"], env: "LANG=C LC_ALL=C TERM=xterm-256color"))
        #expect(cli.waitFor("EXIT=0"), "\(cli.screen)")
        #expect(cli.screen.contains("Zorg - Jolanda 2") && !cli.screen.contains("?"), "\(cli.screen)")
        let piped = try E2E.run(["show", "Jolanda", "--db", db, "--user", "sanne"], env: ["LANG": "C", "LC_ALL": "C"])
        #expect(piped.stdout.contains("Zorg — Jolanda 2"), "\(piped.stdout)")
    }

    @Test func aTerminalResizedEveryFiftyMilliseconds() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(E2E.command(["--db", db, "--user", "sanne"]))
        #expect(t.waitFor("Mijn caseload"))
        for i in 0..<60 {
            t.resize(width: [100, 80, 40, 120, 90][i % 5], height: [30, 24, 10, 40, 28][i % 5])
            Thread.sleep(forTimeInterval: 0.05)
        }
        t.resize(width: 100, height: 30)
        #expect(t.waitFor("Mijn caseload"), "did not survive the resizes: \(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
    }

    @Test func closedStdinAndAReadOnlyHome() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let closed = try Tmux("TERM=xterm-256color '\(E2E.tafel)' --db '\(db)' 0<&- 2>\(dir.file("err")); echo EXIT=$?")
        #expect(closed.waitFor("EXIT=2"), "\(closed.screen)")
        // HOME that cannot be written: the default database cannot be created, and says so; --db still works.
        try FileManager.default.createDirectory(atPath: dir.file("home"), withIntermediateDirectories: true)
        let r = try E2E.run(["caseload", "--user", "sanne"], env: ["HOME": dir.file("home/missing/nope"), "XDG_DATA_HOME": "/proc/tafel-nope"])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try E2E.run(["caseload", "--user", "sanne", "--db", db], env: ["HOME": "/proc"]).status == 0)
    }

    /// Through the real binary and the real sqlite3 shell: a row closed behind tafel's back fails
    /// `check`; a damaged cell is one line, exit 1, and never replaces a good export file; a
    /// --read-only view is still logged.
    @Test func tamperingDamageAndReadOnlyThroughTheBinary() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        func sqlite(_ sql: String) throws { #expect(try Shell.run("/usr/bin/env", ["sqlite3", db, sql]).status == 0) }
        func events() throws -> Int { Int(try Shell.run("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM event"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        let n0 = try events()
        #expect(try E2E.run(["show", "Maaike", "--read-only", "--db", db, "--user", "sanne"]).status == 0)
        #expect(try events() == n0 + 1, "a --read-only view is not logged")
        let backup = dir.file("backup.json")
        #expect(try E2E.run(["export", "--db", db, "--user", "beheer", "-o", backup]).status == 0)
        let good = try Data(contentsOf: URL(fileURLWithPath: backup))
        #expect(try JSONSerialization.jsonObject(with: good) is [String: Any])

        try sqlite("UPDATE action SET status = 'gedaan', close_reason = 'gedaan' WHERE id = (SELECT min(id) FROM action WHERE status = 'open')")
        let check = try E2E.run(["check", "--db", db])
        #expect(check.status == 1)
        #expect(check.stdout.contains("tabel action, rij") && check.stdout.contains("buiten tafel gewijzigd"), "\(check.stdout)")

        try sqlite("UPDATE member SET birth_year = 'abc' WHERE id = 1")
        for args in [["export", "--db", db, "--user", "beheer"], ["export", "--db", db, "--user", "beheer", "-o", backup]] {
            let r = try E2E.run(args)
            #expect(r.status == 1, "\(args): \(r.status)")
            #expect(r.stderr.split(separator: "\n").count == 1)
            #expect(r.stderr.contains("tabel member, rij 1, kolom birth_year"), "\(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == good, "a failed export replaced the good backup")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }.isEmpty)
        let show = try E2E.run(["show", "1", "--db", db, "--user", "beheer", "--reason", "controle na melding"])
        #expect(show.status == 1 && show.stderr.contains("kolom birth_year"), "\(show.stderr)")
        #expect(try E2E.run(["check", "--db", db]).stdout.contains("tabel member, rij 1, kolom birth_year"))
    }

    @Test func aReadOnlyDatabaseShowsButSavesNothing() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let before = try E2E.run(["export", "--db", db, "--user", "beheer"]).stdout
        let t = try Tmux(E2E.command(["--db", db, "--user", "sanne", "--read-only"]))
        #expect(t.waitFor("Te laat \\(1\\)"))
        t.send("s"); t.send("g")
        #expect(t.waitFor("alleen-lezen"), "no read-only message: \(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
        #expect(try E2E.run(["export", "--db", db, "--user", "beheer"]).stdout == before)
    }

    @Test func aFullDiskGivesAClearMessageAndKeepsWhatWasSaved() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let before = try E2E.run(["export", "--db", db, "--user", "beheer"]).stdout
        // A file size limit of one block stands in for a full disk: every write fails, reads still work.
        let r = try Shell.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 1; '\(E2E.tafel)' user add nieuw --name Nieuw --role medewerker --db '\(db)' --user beheer"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("schijf is vol"), "no disk-full message: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try E2E.run(["export", "--db", db, "--user", "beheer"]).stdout == before, "data saved earlier changed")
        #expect(try E2E.run(["check", "--db", db]).status == 0)
        // Listings still work on the full disk (the file read as it is); a record, whose view must be
        // logged, is refused with the same one line.
        for (args, expected) in [(["households", "--user", "petra"], "Storm Visser"), (["caseload", "--user", "sanne"], "Jolanda Hermans"),
                                 (["audit", "--user", "petra"], "Storm Visser"), (["ics", "--user", "sanne"], "BEGIN:VCALENDAR")] {
            let list = try Shell.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 1; '\(E2E.tafel)' \(args.joined(separator: " ")) --db '\(db)'"])
            #expect(list.status == 0 && list.stdout.contains(expected), "\(args[0]) on a full disk: \(list.stderr)")
        }
        let show = try Shell.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 1; '\(E2E.tafel)' show Storm --user sanne --db '\(db)'"])
        #expect(show.status == 1 && show.stderr.contains("schijf is vol") && show.stdout.isEmpty, "\(show.stderr)")
        // A generation that runs out of room stops cleanly; what it wrote is whole.
        let g = try Shell.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 2000; '\(E2E.tafel)' generate --households 3000 --db '\(dir.file("tiny.sqlite"))'"])
        #expect(g.status == 1)
        #expect(g.stderr.contains("schijf is vol"), "\(g.stderr)")
        #expect(try E2E.run(["check", "--db", dir.file("tiny.sqlite")]).status == 0)
    }

    @Test func aDatabaseReadableByOthersIsWarnedAbout() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        #expect(!(try E2E.run(["households", "--db", db, "--user", "petra"]).stderr.contains("chmod")))
        chmod(db, 0o644)
        let r = try E2E.run(["households", "--db", db, "--user", "petra"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("chmod 600"))
    }

    /// A mistyped --db is said in one line and no file appears; --create makes the new database.
    @Test func aMistypedDatabaseIsSaidNotCreated() throws {
        let dir = TemporaryDirectory()
        let typo = dir.file("tpyo.sqlite")
        let t = try Tmux(E2E.command(["--db", typo]) + "; echo EXIT=$?; sleep 5")
        #expect(t.waitFor("EXIT=1"), "\(t.screen)")
        #expect(t.screen.contains("bestaat niet") && t.screen.contains("--create"), "\(t.screen)")
        #expect(!FileManager.default.fileExists(atPath: typo))
        let meeting = try E2E.run(["show", "Bos", "--db", typo])
        #expect(meeting.status == 1 && !FileManager.default.fileExists(atPath: typo))
        let made = dir.file("nieuw.sqlite")
        let u = try Tmux(E2E.command(["--db", made, "--create"]) + "; echo EXIT=$?; sleep 5")
        #expect(u.waitFor("EXIT="), "\(u.screen)")
        #expect(FileManager.default.fileExists(atPath: made))
    }

    @Test func theAggregatesThresholdComesFromTheFlagOrTheConfigAndIsChecked() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("g.sqlite")
        #expect(try E2E.run(["generate", "--households", "120", "--seed", "4", "--db", db]).status == 0)
        let plain = try E2E.run(["aggregate", "--db", db])
        #expect(plain.status == 0 && plain.stdout.contains("Alle wijken") && plain.stdout.contains("(k = 5)"), "\(plain.stderr)")
        let bad = try E2E.run(["aggregate", "--db", db, "--k", "1"])
        #expect(bad.status != 0 && bad.stdout.isEmpty && bad.stderr.contains("k \"1\" kan niet: kies een heel getal van 2 tot en met 100"), "\(bad.stderr)")
        let config = dir.file("config.toml")
        try "aggregate-k = 10\n".write(toFile: config, atomically: true, encoding: .utf8)
        let ten = try E2E.run(["aggregate", "--db", db, "--config", config, "--format", "csv"])
        let five = try E2E.run(["aggregate", "--db", db, "--format", "csv"])
        func hidden(_ csv: String) -> Int { csv.split(whereSeparator: \.isNewline).filter { $0.split(separator: ",", omittingEmptySubsequences: false)[3] == "x" }.count }
        #expect(ten.status == 0 && hidden(ten.stdout) > hidden(five.stdout), "k = 10 hides more than k = 5")
        #expect(try E2E.run(["aggregate", "--db", db, "--config", config, "--k", "5", "--format", "csv"]).stdout == five.stdout, "the flag wins")
        try "aggregate-k = 1\n".write(toFile: config, atomically: true, encoding: .utf8)
        let badConfig = try E2E.run(["aggregate", "--db", db, "--config", config])
        #expect(badConfig.stderr.contains("config.toml:1: k \"1\" kan niet"), "\(badConfig.stderr)")
    }

    @Test func retentionAnonymisesOldClosedHouseholdsAndKeepsTheFigures() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("g.sqlite")
        #expect(try E2E.run(["generate", "--households", "300", "--seed", "3", "--db", db]).status == 0)
        let aggregateBefore = try E2E.run(["aggregate", "--db", db, "--format", "json"]).stdout
        let households = try E2E.run(["export", "--db", db, "--user", "beheer"]).stdout
        #expect(households.contains("\"households\""))
        let dry = try E2E.run(["retention", "--older-than", "30d", "--db", db, "--user", "beheer"])
        #expect(dry.status == 0 && dry.stdout.contains("proefdraai"))
        #expect(try E2E.run(["export", "--db", db, "--user", "beheer"]).stdout == households, "a dry run changed data")
        // Fail closed: a login that is not on the roster may not apply retention.
        let ghost = try E2E.run(["retention", "--older-than", "30d", "--apply", "--db", db, "--user", "ghost"])
        #expect(ghost.status == 1 && ghost.stderr.contains("\"ghost\" staat niet in het rooster") && ghost.stderr.contains("beheer"), "\(ghost.stderr)")
        let apply = try E2E.run(["retention", "--older-than", "30d", "--apply", "--db", db, "--user", "beheer"])
        #expect(apply.status == 0, "\(apply.stderr)")
        let after = try E2E.run(["export", "--db", db, "--user", "beheer"]).stdout
        let doc = try JSONSerialization.jsonObject(with: Data(after.utf8)) as! [String: Any]
        var anonymised = 0
        for f in doc["households"] as! [[String: Any]] {
            let h = f["household"] as! [String: Any]
            guard (h["name"] as! String).hasPrefix("Geanonimiseerd") else { continue }
            anonymised += 1
            #expect(h["status"] as? String == "afgesloten")
            #expect((h["ownView"] as? String ?? "").isEmpty && h["address"] == nil)
            for m in f["members"] as! [[String: Any]] { #expect(m["birthDate"] == nil && (m["name"] as! String).hasPrefix("Gezinslid")) }
            for a in f["actions"] as! [[String: Any]] { #expect(a["description"] as? String == "—") }
        }
        #expect(anonymised > 0)
        #expect(try E2E.run(["aggregate", "--db", db, "--format", "json"]).stdout == aggregateBefore, "the aggregate figures changed")
        #expect(try E2E.run(["check", "--db", db]).status == 0)
        #expect(try E2E.run(["log", "--db", db]).stdout.contains("bewaartermijn"))
    }
}
