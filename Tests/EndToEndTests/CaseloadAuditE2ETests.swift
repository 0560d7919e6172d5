import Foundation
import Testing
import TestSupport

/// The social worker's week and the team leader's audit, through the real binary.
@Suite("End to end: caseload and audit", .serialized, .enabled(if: Tmux.available, "tmux is not installed: install tmux to run the end-to-end tests"))
struct CaseloadAuditE2ETests {
    @Test func markAnOverdueActionDoneFromTheCaseload() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(E2E.command(["--db", db, "--user", "sanne"]))
        #expect(t.waitFor("Mijn caseload — Sanne de Boer"), "\(t.screen)")
        #expect(t.waitFor("Te laat \\(1\\)(.|\\n)*Mantelzorgondersteuning"), "no overdue action: \(t.screen)")
        t.send("s")
        #expect(t.waitFor("Status wijzigen"))
        t.send("g")
        #expect(t.waitFor("Te laat \\(0\\)"), "still overdue: \(t.screen)")
        #expect(t.screen.contains("niets te laat"))
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
        let json = try E2E.run(["caseload", "--db", db, "--user", "sanne", "--format", "json"]).stdout
        #expect(!json.contains("Mantelzorgondersteuning"))
    }

    @Test func teamleiderBreaksTheGlassAndItIsLogged() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(E2E.command(["--db", db, "--user", "petra"]))
        #expect(t.waitFor("Mijn caseload"))
        t.send("3")
        #expect(t.waitFor("Vastgelopen huishoudens"))
        t.send("Enter")
        #expect(t.waitFor("Enter: dossier openen"), "evidence not expanded")
        t.send("Enter")
        #expect(t.waitFor("Reden voor inzage"), "no break-the-glass prompt: \(t.screen)")
        t.send("Melding Vangnet nagaan voor overleg", literal: true)
        t.send("Enter")
        #expect(t.waitFor("Overzicht  ·  Gezinsleden"), "household not opened: \(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
        let log = try E2E.run(["log", "--db", db, "--user", "petra"])
        #expect(log.status == 0)
        #expect(log.stdout.contains("petra") && log.stdout.contains("Melding Vangnet nagaan voor overleg")
                && log.stdout.contains("dossier geopend zonder betrokkenheid (met reden)"), "\(log.stdout)")
        // Column titles are capitalised even where they reuse running-text labels; times as Dutch users write them.
        let header = log.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.range(of: #"^Nr +Wanneer +Wie +Huishouden +Wat +Omschrijving +Reden$"#, options: .regularExpression) != nil, "\(header)")
        #expect(log.stdout.range(of: #"\d\d-\d\d-\d{4} \d\d:\d\d"#, options: .regularExpression) != nil)
        // A medewerker may not read the log.
        #expect(try E2E.run(["log", "--db", db, "--user", "sanne"]).status == 1)
    }

    @Test func englishHelpPaletteAndMouse() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let t = try Tmux(E2E.command(["--db", db, "--user", "petra", "--lang", "en"]))
        #expect(t.waitFor("My caseload"))
        t.send("?")
        #expect(t.waitFor("Key bindings"))
        t.send("q")
        t.send(":")
        #expect(t.waitFor("Find a command"))
        t.send("meet", literal: true)
        #expect(t.waitFor("▶ Start meeting"), "the palette does not find Start meeting: \(t.screen)")
        t.send("Escape")
        Thread.sleep(forTimeInterval: 0.2) // a key right after Esc would read as Alt+key
        t.send("2")
        #expect(t.waitFor("Households \\(14\\)"))
        // A mouse click on the third household row (row 5 of the screen), once: a report that reaches
        // the program in pieces is decoded as one event (CursesBackend.decodeControlSequence).
        t.click(x: 10, y: 5)
        #expect(t.waitFor("▶ Familie De Vries"), "the click did not select the row: \(t.screen)")
        t.send("Enter")
        #expect(t.waitFor("Reason for access"), "no break-the-glass prompt: \(t.screen)")
        t.send("Preparing the case conference", literal: true)
        t.send("Enter")
        #expect(t.waitFor("Life domains"))
        #expect(t.waitFor("Reach"))
        #expect(!t.screen.contains("Leefgebieden"))
        t.send("m")
        #expect(t.waitFor("Opening"))
        #expect(t.waitFor("What they want"))
        for dutch in ["Leefgebieden", "Wat wil het gezin", "Voorzitter:", "Aanwezigheid"] { #expect(!t.screen.contains(dutch), "\(dutch) in English mode") }
        t.send("Escape")
        Thread.sleep(forTimeInterval: 0.2)
        t.send("F3")
        #expect(t.waitFor("Stalled households"))
        #expect(!t.screen.contains("Vastgelopen"))
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
    }
}

/// Need-to-know through every command, and the calendar export.
@Suite("End to end: commands")
struct CommandE2ETests {
    @Test func aMedewerkerCannotReadAnUninvolvedHouseholdThroughAnyCommand() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        for args in [["show", "Maaike"], ["minutes", "Maaike"], ["minutes", "Maaike", "--for", "household"], ["export", "--household", "Maaike"],
                     ["open", "Maaike"]] {
            let r = try E2E.run(args + ["--db", db, "--user", "lotte"])
            #expect(r.status != 0, "\(args) succeeded for an uninvolved medewerker")
            #expect(!r.stdout.contains("Maaike Dekker"), "\(args) leaked the record")
            #expect(!r.stdout.contains("Begeleid wonen"))
        }
        let own = try E2E.run(["show", "Sepp", "--db", db, "--user", "lotte"])
        #expect(own.status == 0 && own.stdout.contains("Sepp de Groot"))
        // One line per line of the record, not one line with visible line-break marks.
        #expect(own.stdout.split(separator: "\n").count > 10 && !own.stdout.contains("␊"))
        // "No access" reads exactly like "not found": the refusal does not confirm that Maaike exists.
        let refused = try E2E.run(["show", "Maaike", "--db", db, "--user", "lotte"])
        let unknown = try E2E.run(["show", "Xyzzy", "--db", db, "--user", "lotte"])
        #expect(refused.status == unknown.status)
        #expect(refused.stderr.replacingOccurrences(of: "Maaike", with: "X") == unknown.stderr.replacingOccurrences(of: "Xyzzy", with: "X"))
        #expect(refused.stderr.contains("geen huishouden gevonden"))
        #expect(try E2E.run(["log", "--db", db, "--user", "petra", "--household", "Maaike"]).stdout.contains("geweigerd"))
    }

    @Test func unknownUsersGetAOneLineInstruction() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let r = try E2E.run(["caseload", "--db", db, "--user", "nobody"])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("tafel user add nobody"))
    }

    /// `tafel audit --format json` on the demo reports each persona's signals (PERSONAS.md) and none for Maaike.
    @Test func theAuditReportsEachPersonasSignals() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let r = try E2E.run(["audit", "--db", db, "--user", "petra", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        struct Report: Decodable {
            struct Row: Decodable { var household: String; var signals: [Signal] }
            struct Signal: Decodable { var rule: String }
            var households: [Row]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        for (name, rules) in PersonaSignals.expected {
            let row = report.households.first { $0.household.contains(name) }
            let got = Set(row?.signals.map(\.rule) ?? [])
            #expect(got.isSuperset(of: rules), "\(name): expected \(rules.sorted()), got \(got.sorted())")
        }
        #expect(!report.households.contains { $0.household.contains(PersonaSignals.healthy) })
    }

    @Test func theCalendarIsValidICalendarAndKeepsDutchCharacters() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let r = try E2E.run(["ics", "--db", db, "--user", "sanne"])
        #expect(r.status == 0)
        let problems = ICalendarValidator.problems(r.stdout)
        #expect(problems.isEmpty, "\(problems)")
        let props = ICalendarValidator.unfold(r.stdout)
        let summaries = props.filter { $0.hasPrefix("SUMMARY:") }.map { ICalendarValidator.unescape(String($0.dropFirst(8))) }
        #expect(summaries.contains("Jolanda Hermans: Mantelzorgondersteuning voor Karin regelen"))
        #expect(props.contains { $0.hasPrefix("DUE;VALUE=DATE:") })
        #expect(props.filter { $0 == "BEGIN:VEVENT" }.count >= 1)
        let descriptions = props.filter { $0.hasPrefix("DESCRIPTION:") }
        #expect(descriptions.contains { ICalendarValidator.unescape(String($0.dropFirst(12))).contains("Financiën") || $0.contains("Lichamelijke") })
    }
}

/// The calendar read by a real parser (Debian's python3-icalendar, installed by `.ci/run`): every
/// to-do has LAST-MODIFIED and a SEQUENCE; a finished action stays as COMPLETED with its time, one
/// ended otherwise as CANCELLED; a moved date keeps the UID.
@Suite("End to end: calendar through a real parser", .serialized)
struct CalendarParserE2ETests {
    static let parser = """
    import sys, icalendar
    cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
    for c in cal.walk():
        if c.name in ("VTODO", "VEVENT"):
            print("|".join([c.name, str(c.get("UID")), str(c.get("STATUS", "")), "LM" if c.get("LAST-MODIFIED") else "-",
                            str(c.get("SEQUENCE", "")), c.decoded("COMPLETED").strftime("%Y%m%d") if c.get("COMPLETED") else "-",
                            c.get("SUMMARY", "")]))
    """

    func parsed(_ feed: String) throws -> [[String]] {
        let r = try Shell.run("/usr/bin/python3", ["-c", Self.parser], stdin: feed)
        #expect(r.status == 0, "the parser refused the feed: \(r.stderr)")
        return r.stdout.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func finishedActionsStayAsCompletedOrCancelledAndEveryItemSaysWhenItChanged() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let open = try parsed(try E2E.run(["ics", "--db", db, "--user", "sanne"]).stdout)
        let todos = open.filter { $0[0] == "VTODO" }
        #expect(!todos.isEmpty && todos.allSatisfy { $0[3] == "LM" && !$0[4].isEmpty }, "\(todos)")
        #expect(todos.allSatisfy { ["NEEDS-ACTION", "IN-PROCESS"].contains($0[2]) })
        // One done, one no longer possible: both stay in the feed, ticked off.
        let ids = try E2E.run(["caseload", "--db", db, "--user", "sanne", "--format", "json"]).stdout
        let json = try JSONSerialization.jsonObject(with: Data(ids.utf8)) as! [String: Any]
        let mine = ((json["overdue"] as! [[String: Any]]) + (json["thisWeek"] as! [[String: Any]]) + (json["later"] as! [[String: Any]])).map { $0["id"] as! Int }
        #expect(mine.count >= 2)
        #expect(try E2E.run(["action", "done", String(mine[0]), "--db", db, "--user", "sanne"]).status == 0)
        #expect(try E2E.run(["action", "done", String(mine[1]), "--reason", "niet-mogelijk", "--db", db, "--user", "sanne"]).status == 0)
        let after = try parsed(try E2E.run(["ics", "--db", db, "--user", "sanne"]).stdout)
        func item(_ id: Int) -> [String]? { after.first { $0[1].hasPrefix("action-\(id).") } }
        let done = try #require(item(mine[0]), "a finished action left the feed")
        #expect(done[2] == "COMPLETED" && done[5] != "-", "\(done)")
        let ended = try #require(item(mine[1]), "an ended action left the feed")
        #expect(ended[2] == "CANCELLED", "\(ended)")
        #expect(after.filter { $0[0] == "VTODO" }.count == todos.count, "open and finished together: the same items as before")
    }
}

/// The rules of RFC 5545 that matter for our output, checked strictly.
enum ICalendarValidator {
    static func unfold(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            if c == "\\", let n = it.next() { out.append(n == "n" || n == "N" ? "\n" : n) } else { out.append(c) }
        }
        return out
    }

    static func problems(_ text: String) -> [String] {
        var p: [String] = []
        if !text.hasSuffix("\r\n") { p.append("does not end with CRLF") }
        for (i, raw) in text.components(separatedBy: "\r\n").enumerated() where !raw.isEmpty {
            if raw.utf8.count > 75 { p.append("line \(i + 1) longer than 75 octets") }
            if raw.contains("\n") || raw.contains("\r") { p.append("line \(i + 1) has a bare line break") }
            if raw.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) { p.append("line \(i + 1) has a control character") }
        }
        let lines = unfold(text)
        guard lines.first == "BEGIN:VCALENDAR", lines.last == "END:VCALENDAR" else { return p + ["not wrapped in VCALENDAR"] }
        var stack: [String] = []
        var seen: Set<String> = []
        for l in lines {
            guard let colon = l.firstIndex(of: ":") else { p.append("no colon: \(l)"); continue }
            let name = l[..<colon].split(separator: ";").first.map(String.init) ?? ""
            let value = String(l[l.index(after: colon)...])
            if name == "BEGIN" { stack.append(value); seen = [] ; continue }
            if name == "END" {
                if stack.popLast() != value { p.append("END:\(value) without BEGIN") }
                continue
            }
            seen.insert(name)
            if name == "SUMMARY" || name == "DESCRIPTION" {
                // Commas and semicolons in TEXT must be escaped.
                var prev: Character = " "
                for c in value { if (c == "," || c == ";") && prev != "\\" { p.append("unescaped \(c) in \(name)") }; prev = c }
            }
            if name.hasPrefix("DUE") || name.hasPrefix("DTSTART") {
                if value.count != 8 || !value.allSatisfy(\.isNumber) { p.append("bad date \(value)") }
            }
        }
        if !stack.isEmpty { p.append("unclosed \(stack)") }
        for required in ["VERSION:2.0", "PRODID:"] where !lines.contains(where: { $0.hasPrefix(required) }) { p.append("missing \(required)") }
        let uids = lines.filter { $0.hasPrefix("UID:") }
        if Set(uids).count != uids.count { p.append("duplicate UID") }
        return p
    }
}
