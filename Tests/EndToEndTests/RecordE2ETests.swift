import Foundation
import Testing
import TestSupport

/// The household record kept up without an import: from the command line alone, and in the
/// terminal from a first signal to a meeting with the whole family.
@Suite("End to end: the household record", .serialized, .enabled(if: Tmux.available, "tmux is not installed: install tmux to run the end-to-end tests"))
struct RecordE2ETests {
    /// `tafel show X --format json` as a dictionary (the household file).
    func record(_ db: String, _ household: String, user: String = "sanne") throws -> [String: Any] {
        let r = try E2E.run(["show", household, "--db", db, "--user", user, "--format", "json"])
        guard r.status == 0, let data = r.stdout.data(using: .utf8),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let file = json["household"] as? [String: Any] else { throw E2EError("show failed: \(r.stderr)") }
        return file
    }

    func run(_ args: [String], _ db: String, user: String = "sanne", sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let r = try E2E.run(args + ["--db", db, "--user", user])
        #expect(r.status == 0, "tafel \(args.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r
    }

    @Test func aHouseholdKeptUpFromTheCommandLineAlone() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let signal = try run(["signal", "add", "--source", "woningcorporatie", "--text", "Huurachterstand van drie maanden",
                              "--names", "Mark Zwanenburg", "--address", "Lindelaan 4", "--wijk", "Bloemhof", "--date", "2026-11-01"], db)
        guard let hid = signal.stdout.split(separator: " ").dropFirst().first.map(String.init), Int(hid) != nil else {
            Issue.record("no household id in \(signal.stdout)"); return
        }
        var file = try record(db, hid)
        #expect((file["household"] as? [String: Any])?["status"] as? String == "aangemeld")
        #expect((file["signals"] as? [[String: Any]])?.first?["source"] as? String == "woningcorporatie")
        // A second signal that names the same family is recognised, not doubled.
        let again = try E2E.run(["signal", "add", "--source", "buren", "--text", "Geluidsoverlast", "--names", "Mark Zwanenburg", "--db", db, "--user", "sanne"])
        #expect(again.status == 1 && again.stderr.contains("mogelijk al bekend") && again.stderr.contains("--household \(hid)"))
        _ = try run(["signal", "add", "--source", "buren", "--text", "Geluidsoverlast", "--household", hid], db)
        _ = try run(["member", "add", hid, "--name", "Mark Zwanenburg", "--role", "ouder", "--birth-date", "1985-04-12"], db)
        _ = try run(["member", "add", hid, "--name", "Sara Zwanenburg", "--role", "kind", "--birth-date", "14-03-2012"], db)
        let action = try run(["action", "add", hid, "--domain", "financien", "--text", "Betalingsregeling aanvragen bij Woonstad", "--due", "+2w"], db)
        guard let aid = action.stdout.split(separator: " ").dropFirst().first.map(String.init) else { Issue.record("no action id"); return }
        _ = try run(["action", "done", aid], db)
        file = try record(db, hid)
        #expect((file["members"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Mark Zwanenburg", "Sara Zwanenburg"])
        #expect((file["actions"] as? [[String: Any]])?.first?["status"] as? String == "gedaan")
        #expect((file["signals"] as? [[String: Any]])?.count == 2)
        _ = try run(["household", "close", hid, "--reason", "doelen-bereikt"], db)
        file = try record(db, hid)
        #expect((file["household"] as? [String: Any])?["closeCode"] as? String == "doelen-bereikt")
        // Refused, with one line naming the field and the fix.
        let bad = try E2E.run(["household", "close", hid, "--reason", "klaar", "--db", db, "--user", "sanne"])
        #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("doelen-bereikt"))
        _ = try run(["household", "reopen", hid, "--reason", "Nieuwe betalingsachterstand gemeld"], db)
        file = try record(db, hid)
        #expect((file["household"] as? [String: Any])?["status"] as? String == "actief")
        // Every change is in the log, the reopen with its reason.
        let log = try run(["log", "--household", hid, "--limit", "50"], db, user: "petra")
        #expect(log.stdout.contains("Nieuwe betalingsachterstand gemeld"))
        #expect(log.stdout.components(separatedBy: "\n").filter { $0.contains("gezinslid") }.count >= 2)
    }

    /// A household closed from the command line is anonymised once its term has passed, and the
    /// municipality's figures (at the same day) do not change.
    @Test func aHouseholdClosedWithTheCommandLineIsAnonymisedAfterItsTerm() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        _ = try run(["household", "close", "Maaike", "--reason", "doelen-bereikt"], db)
        let later = ["TAFEL_TODAY": "2034-01-10"]
        let before = try E2E.run(["aggregate", "--format", "json", "--db", db, "--user", "petra"], env: later)
        let dry = try E2E.run(["retention", "--older-than", "7y", "--db", db, "--user", "beheer"], env: later)
        #expect(dry.status == 0 && dry.stdout.contains("#13"), "the closed household is not a candidate: \(dry.stdout)")
        let apply = try E2E.run(["retention", "--older-than", "7y", "--apply", "--db", db, "--user", "beheer"], env: later)
        #expect(apply.status == 0, "\(apply.stderr)")
        let after = try E2E.run(["aggregate", "--format", "json", "--db", db, "--user", "petra"], env: later)
        #expect(before.status == 0 && after.stdout == before.stdout, "the aggregate changed")
        let shown = try run(["show", "13", "--format", "json", "--reason", "controle bewaartermijn"], db, user: "petra")
        #expect(!shown.stdout.contains("Maaike") && !shown.stdout.contains("Dekker"), "not anonymised: \(shown.stdout.prefix(300))")
    }

    @Test func aMedewerkerNeitherAddsToNorFindsAHouseholdOutsideNeedToKnow() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        // Joost (Team Noord) is not involved with Storm Visser: the search does not name it, says whom to ask.
        let r = try E2E.run(["signal", "add", "--source", "buren", "--text", "Overlast", "--names", "Storm Visser", "--db", db, "--user", "joost"])
        #expect(r.status == 1)
        #expect(!r.stderr.contains("Storm") && !r.stderr.contains("Hillesluis"), "the household was disclosed: \(r.stderr)")
        #expect(r.stderr.contains("Petra"), "whom to ask is not said: \(r.stderr)")
        let attach = try E2E.run(["signal", "add", "--source", "buren", "--text", "Overlast", "--household", "Storm", "--db", db, "--user", "joost"])
        #expect(attach.status == 1 && !attach.stderr.contains("Visser"))
        let missing = try E2E.run(["signal", "add", "--source", "buren", "--text", "Overlast", "--household", "Nergens", "--db", db, "--user", "joost"])
        #expect(attach.stderr == missing.stderr.replacingOccurrences(of: "Nergens", with: "Storm"), "no access reads like not found")
        let log = try run(["log", "--limit", "5"], db, user: "petra")
        #expect(log.stdout.contains("joost"), "the refusal is not logged: \(log.stdout)")
    }

    @Test func aChainOfActionsAcrossTwoOrganisationsShowsOnBothCaseloads() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        // Ahmed (schuldhulp) waits for Sanne's ID document, which is late.
        let first = try run(["action", "add", "Jolanda", "--domain", "financien", "--text", "ID-bewijs laten aanvragen", "--owner", "sanne",
                             "--due", "2026-11-20"], db)
        guard let id = first.stdout.split(separator: " ").dropFirst().first.map(String.init) else { Issue.record("no id"); return }
        _ = try run(["action", "add", "Jolanda", "--domain", "financien", "--text", "Intake schuldhulp plannen", "--owner", "ahmed",
                     "--due", "+1w", "--waits-for", id], db)
        let ahmed = try run(["caseload", "--format", "json"], db, user: "ahmed")
        let sanne = try run(["caseload", "--format", "json"], db, user: "sanne")
        func section(_ json: String, _ key: String) throws -> [[String: Any]] {
            let d = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return d?[key] as? [[String: Any]] ?? []
        }
        #expect(try section(ahmed.stdout, "waiting").contains { $0["description"] as? String == "Intake schuldhulp plannen" })
        #expect(try section(ahmed.stdout, "blocking").contains { $0["description"] as? String == "ID-bewijs laten aanvragen" })
        #expect(!(try section(ahmed.stdout, "overdue")).contains { $0["description"] as? String == "Intake schuldhulp plannen" })
        #expect(try section(sanne.stdout, "overdue").contains { $0["description"] as? String == "ID-bewijs laten aanvragen" })
        // A cycle is refused with one line.
        let cycle = try E2E.run(["action", "edit", id, "--waits-for", String(Int(id)! + 1), "--db", db, "--user", "sanne"])
        #expect(cycle.status == 1 && cycle.stderr.contains("kring"))
        // Export and import keep the chain.
        let export = try run(["export"], db, user: "beheer")
        try export.stdout.write(toFile: dir.file("x.json"), atomically: true, encoding: .utf8)
        _ = try run(["import", dir.file("x.json")], dir.file("copy.sqlite"), user: "beheer")
        let copy = try run(["caseload", "--format", "json"], dir.file("copy.sqlite"), user: "ahmed")
        #expect(try section(copy.stdout, "waiting").count == section(ahmed.stdout, "waiting").count)
    }

    @Test func undoAfterAStatusChangeInTheCaseload() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(E2E.command(["--db", db, "--user", "sanne"], env: "TERM=xterm-256color XDG_STATE_HOME='\(dir.file("state"))'"))
        #expect(t.waitFor("Te laat \\(1\\)"))
        t.send("s"); t.send("g")
        #expect(t.waitFor("Te laat \\(0\\)"), "not closed: \(t.screen)")
        t.send("u")
        #expect(t.waitFor("Ongedaan gemaakt"), "no undo: \(t.screen)")
        #expect(t.waitFor("Te laat \\(1\\)"), "status not restored: \(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
        let log = try run(["log", "--limit", "5"], db, user: "petra")
        let changes = log.stdout.components(separatedBy: "\n").filter { $0.contains("sanne") && $0.contains("gewijzigd") }
        #expect(changes.count >= 2, "both events not in the log: \(log.stdout)")
        #expect(log.stdout.contains("undo"))
    }

    /// The whole intake in the terminal: a signal for an unknown family, the family, a first contact,
    /// the audit before and after it, and a meeting with all four members.
    @Test func fromAFirstSignalToAMeetingWithTheWholeFamily() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(E2E.command(["--db", db, "--user", "fatima"], env: "TERM=xterm-256color XDG_STATE_HOME='\(dir.file("state"))'"),
                         width: 120, height: 40)
        #expect(t.waitFor("Mijn caseload"))
        t.send("S")
        #expect(t.waitFor("Signaal melden"))
        // Woningcorporatie (the first source), three weeks ago, and what the reporter knows.
        t.send("Tab"); t.send("C-u"); t.send("01-11-2026", literal: true)
        t.send("Tab"); t.send("Huurachterstand en zorgen over de kinderen", literal: true)
        t.send("Tab"); t.send("Kees en Anna Bakker", literal: true)
        t.send("Tab"); t.send("Kastanjelaan 7", literal: true)
        t.send("Tab"); t.send("Tab"); t.send("Bloemhof", literal: true)
        t.send("Enter")
        // Another Bakker family is known in the demo: the picker asks, and this is a new one.
        #expect(t.waitFor("Is dit een bekend huishouden"), "no question: \(t.screen)")
        #expect(t.screen.contains("Michael & Wilma Bakker") && t.screen.contains("Nieuw huishouden aanmelden"))
        t.send("Down"); t.send("Enter")
        // The picker names the new family too, so wait for the household screen's status, not the name.
        #expect(t.waitFor("Aangemeld"), "no household: \(t.screen)")
        #expect(t.screen.contains("Familie Bakker") && !t.screen.contains("Is dit een bekend huishouden"))
        // Two parents and two children with birth dates.
        t.send("Tab")
        #expect(t.waitFor("Gezinsleden \\(0\\)"))
        for (name, role, born) in [("Kees Bakker", 0, "12-06-1983"), ("Anna Bakker", 0, "03-02-1986"), ("Lisa Bakker", 1, "21-09-2014"), ("Tom Bakker", 1, "08-01-2018")] {
            t.send("a")
            #expect(t.waitFor("Gezinslid toevoegen"))
            t.send(name, literal: true)
            t.send("Tab")
            for _ in 0..<role { t.send("Right") }
            t.send("Tab"); t.send(born, literal: true)
            t.send("Enter")
            #expect(t.waitFor("Gezinslid toegevoegd: \(name)"), "\(name) not added: \(t.screen)")
        }
        #expect(t.waitFor("Gezinsleden \\(4\\)"))
        // The audit sees the signalled household before a first contact.
        t.send("3")
        #expect(t.waitFor("Vastgelopen huishoudens"))
        #expect(t.waitFor("Familie Bakker"), "not in the audit before the first contact: \(t.screen)")
        let before = try E2E.run(["audit", "--rule", "signaal-zonder-contact", "--format", "json", "--db", db, "--user", "petra"])
        #expect(before.stdout.contains("Familie Bakker"))
        // A first contact from the household screen.
        // The filter also matches a regisseur named Bakker; the new family is the second row.
        t.send("/"); t.send("Familie Bakker", literal: true); t.send("Enter"); t.send("Down"); t.send("Enter"); t.send("Enter")
        #expect(t.waitFor("Kastanjelaan"), "household not reopened: \(t.screen)")
        t.send("c")
        #expect(t.waitFor("Contact vastleggen"))
        t.send("Tab"); t.send("Anna Bakker", literal: true); t.send("Enter")
        #expect(t.waitFor("Contact vastgelegd"))
        let after = try E2E.run(["audit", "--rule", "signaal-zonder-contact", "--format", "json", "--db", db, "--user", "petra"])
        #expect(!after.stdout.contains("Familie Bakker"), "still in the audit after the contact")
        // A meeting with all four members in the domain grid.
        t.send("m")
        #expect(t.waitFor("Opening"))
        t.send("4")
        #expect(t.waitFor("Zelfredzaamheid"))
        for name in ["Kees", "Anna", "Lisa", "Tom"] { #expect(t.screen.contains(name), "\(name) missing from the domain grid: \(t.screen)") }
        t.send("Escape")
        Thread.sleep(forTimeInterval: 0.2)
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
    }
}
