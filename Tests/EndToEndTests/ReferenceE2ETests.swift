import Foundation
import SwiftCSV
import Testing
import TestSupport

/// The municipality's own reference data, the sociale kaart and the register of knellende regels,
/// through the real binary.
@Suite("End to end: reference, kaart, knelpunten")
struct ReferenceE2ETests {
    @Test func aMunicipalitysOwnSetIsImportedUsedAndExportedExactly() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let shipped = dir.file("shipped.json")
        #expect(try E2E.run(["reference", "export", "-o", shipped, "--db", db]).status == 0)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: shipped))) as! [String: Any]
        // Relabel a domain of the active set and add the municipality's own set.
        var sets = json["domainSets"] as! [[String: Any]]
        var zrm = sets[0]
        var domains = zrm["domains"] as! [[String: Any]]
        let i = domains.firstIndex { $0["code"] as? String == "financien" }!
        domains[i]["nl"] = "Geld en schulden"
        zrm["domains"] = domains
        sets[0] = zrm
        var own = sets[0]
        own["id"] = "rotterdam-2027"; own["nl"] = "Rotterdamse set"; own["en"] = "Rotterdam set"
        sets.append(own)
        json["domainSets"] = sets
        let mine = dir.file("mine.json")
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: mine))
        let r = try E2E.run(["reference", "import", mine, "--db", db, "--user", "beheer"])
        #expect(r.status == 0, "\(r.stderr)")
        // The new label is used everywhere, from the database.
        #expect(try E2E.run(["show", "Storm", "--db", db, "--user", "sanne"]).stdout.contains("Geld en schulden"))
        // Exported again exactly as it was read.
        let back = try E2E.run(["reference", "export", "--db", db]).stdout
        let again = dir.file("again.json")
        #expect(try E2E.run(["reference", "export", "-o", again, "--db", db]).status == 0)
        let a = try JSONSerialization.jsonObject(with: Data(back.utf8)) as! NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: mine))) as! NSDictionary
        #expect(a == b, "the exported reference differs from the imported one")
        #expect(try String(contentsOfFile: again, encoding: .utf8) == back)
        // Only a beheerder changes it.
        #expect(try E2E.run(["reference", "import", mine, "--db", db, "--user", "petra"]).status == 1)
    }

    @Test func aBadReferenceFileIsRefusedWithFileAndLine() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let text = try E2E.run(["reference", "export", "--db", db]).stdout
        let bad = dir.file("bad.json")
        // A domain link naming a framework that does not exist.
        try text.replacingOccurrences(of: "    \"wmo-2015\"", with: "    \"wmo-1994\"").write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try E2E.run(["reference", "import", bad, "--db", db, "--user", "beheer"])
        #expect(r.status == 1)
        #expect(r.stderr.range(of: #"bad\.json:\d+: "#, options: .regularExpression) != nil, "\(r.stderr)")
        #expect(r.stderr.contains("niets gewijzigd"))
        // Dropping the set the database uses is refused too: its scores would lose their names.
        var json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        json["domainSets"] = (json["domainSets"] as! [[String: Any]]).filter { $0["id"] as? String != "zrm-2017" }
        json["defaultDomainSet"] = "sociaal-domein"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: bad))
        let r2 = try E2E.run(["reference", "import", bad, "--db", db, "--user", "beheer"])
        #expect(r2.status == 1 && r2.stderr.contains("zrm-2017"), "\(r2.stderr)")
        // A damaged stored reference is said, and the shipped one keeps every command working.
        _ = try Shell.run("/usr/bin/env", ["sqlite3", db, "INSERT INTO meta (key, value) VALUES ('reference', '{kapot')"])
        let c = try E2E.run(["caseload", "--db", db, "--user", "sanne"])
        #expect(c.status == 0 && c.stdout.contains("Te laat") && c.stderr.contains("beschadigd"), "\(c.stderr)")
    }

    /// Team scope: a teamleider sees their own team's audit and households; another team's audit
    /// only with a typed reason, which is logged as a break-the-glass; a teamleider of both sees both.
    @Test func aTeamleiderSeesTheirOwnTeamAndAnotherOnlyWithAReason() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        #expect(try E2E.run(["user", "add", "karin", "--name", "Karin Jansen", "--role", "teamleider", "--team", "Team Noord",
                             "--db", db, "--user", "beheer"]).status == 0)
        let refusedLeads = try E2E.run(["user", "add", "jan", "--name", "Jan", "--leads", "Team Zuid", "--db", db, "--user", "beheer"])
        #expect(refusedLeads.status == 1 && refusedLeads.stderr.contains("--leads is voor een teamleider"), "\(refusedLeads.stderr)")
        func teams(_ args: [String]) throws -> Set<String> {
            let r = try E2E.run(args + ["--format", "json", "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            return Set((json["households"] as! [[String: Any]]).map { $0["team"] as! String })
        }
        #expect(try teams(["audit", "--user", "karin"]) == ["Team Noord"])
        #expect(try teams(["audit", "--user", "petra"]) == ["Team Noord", "Team Zuid"], "petra leads Zuid and Noord in the demo")
        let households = try E2E.run(["households", "--user", "karin", "--format", "csv", "--db", db]).stdout
        #expect(!households.contains("Team Zuid") && households.contains("Team Noord"), "\(households)")
        // Another team: refused without a reason, nothing logged; with one, shown and logged.
        let refused = try E2E.run(["audit", "--team", "Team Zuid", "--user", "karin", "--db", db])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr == "tafel: Team Zuid is niet uw team: geef een reden met --reason om de audit ervan te bekijken (dit wordt gelogd)\n", "\(refused.stderr)")
        #expect(try teams(["audit", "--team", "team zuid", "--reason", "vervanging tijdens ziekte Petra", "--user", "karin"]) == ["Team Zuid"])
        let log = try E2E.run(["log", "--format", "csv", "--db", db, "--user", "beheer"]).stdout
        let lines = log.split(separator: "\n").filter { $0.contains("Team Zuid bekeken buiten het eigen team") }
        #expect(lines.count == 1 && lines[0].contains("karin") && lines[0].contains("vervanging tijdens ziekte Petra"), "\(log)")
    }

    /// Indications through the command line: refused with the field and the fix, recorded, listed,
    /// in the audit (`indicatie-eindigt` on the demo; `wmo-wlz` once the team's period is shorter),
    /// ended, and kept by export and import.
    @Test func indicationsAreRecordedAuditedAndEnded() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        func tafel(_ args: [String]) throws -> CommandResult { try E2E.run(args + ["--db", db, "--user", "sanne"]) }
        let backwards = try tafel(["indicatie", "add", "Jolanda", "--member", "Jolanda", "--law", "wmo-2015", "--provider", "Laurens",
                                   "--domain", "basale-adl", "--start", "2026-12-01", "--end", "2026-11-01"])
        #expect(backwards.status == 1)
        #expect(backwards.stderr == "tafel: de einddatum 01-11-2026 ligt vóór de begindatum 01-12-2026: kies een einddatum op of na het begin\n", "\(backwards.stderr)")
        let badLaw = try tafel(["indicatie", "add", "Jolanda", "--member", "Jolanda", "--law", "awbz", "--provider", "Laurens",
                                "--domain", "basale-adl", "--start", "2026-12-01"])
        #expect(badLaw.status == 1 && badLaw.stderr.contains("awbz") && badLaw.stderr.contains("wmo-2015"), "\(badLaw.stderr)")
        let added = try tafel(["indicatie", "add", "Jolanda", "--member", "Jolanda", "--law", "wmo-2015", "--provider", "Laurens",
                               "--domain", "basale-adl", "--start", "1-9-2026"])
        #expect(added.status == 0 && added.stdout.hasPrefix("huishouden 2, indicatie 2 — "), "\(added.stdout)\(added.stderr)")
        let list = try tafel(["indicatie", "list", "Jolanda", "--format", "csv"]).stdout
        #expect(list.contains("Thuiszorg Maasstad") && list.contains("Laurens") && list.contains("2026-09-01"), "\(list)")
        // The demo's household help ends within six weeks without a follow-up.
        let ending = try E2E.run(["audit", "--rule", "indicatie-eindigt", "--format", "csv", "--db", db, "--user", "petra"]).stdout
        #expect(ending.contains("Jolanda Hermans") && ending.contains("Thuiszorg Maasstad"), "\(ending)")
        // wmo-wlz: ADL and health at 2 for 60 days (since 1 September under the new Wmo indication);
        // silent at the default 90 days, firing with the team's 60.
        let config = dir.file("config.toml")
        try "[signalen.wmo-wlz]\ndagen = 60\n".write(toFile: config, atomically: true, encoding: .utf8)
        #expect(!(try E2E.run(["audit", "--rule", "wmo-wlz", "--format", "csv", "--db", db, "--user", "petra"]).stdout.contains("Jolanda")))
        let wlz = try E2E.run(["audit", "--rule", "wmo-wlz", "--format", "csv", "--db", db, "--user", "petra", "--config", config]).stdout
        #expect(wlz.contains("Jolanda Hermans") && wlz.contains("Wlz onderzoeken"), "\(wlz)")
        // A follow-up (the end recorded earlier is no follow-up; a renewal is).
        let renewal = try tafel(["indicatie", "add", "Jolanda", "--member", "Jolanda", "--law", "wmo-2015", "--provider", "Thuiszorg Maasstad",
                                 "--domain", "instrumentele-adl", "--start", "2026-12-27", "--end", "2027-12-27"])
        #expect(renewal.status == 0, "\(renewal.stderr)")
        #expect(!(try E2E.run(["audit", "--rule", "indicatie-eindigt", "--db", db, "--user", "petra"]).stdout.contains("Jolanda")))
        let ended = try tafel(["indicatie", "end", "Jolanda", "2", "--on", "2026-12-20"])
        #expect(ended.status == 0, "\(ended.stderr)")
        #expect(try tafel(["show", "Jolanda"]).stdout.contains("  - Jolanda Hermans: Wmo 2015 bij Laurens (Basale ADL), 01-09-2026 – 20-12-2026"))
        // Export and import keep them.
        let out = dir.file("all.json")
        #expect(try E2E.run(["export", "-o", out, "--db", db, "--user", "beheer"]).status == 0)
        let copy = dir.file("copy.sqlite")
        #expect(try E2E.run(["import", out, "--db", copy, "--create"]).status == 0)
        let copied = try E2E.run(["indicatie", "list", "Jolanda", "--format", "json", "--db", copy, "--user", "sanne"]).stdout
        let original = try tafel(["indicatie", "list", "Jolanda", "--format", "json"]).stdout
        #expect(copied == original && copied.contains("2026-12-20"), "\(copied)")
    }

    @Test func theSocialeKaartIsImportedFromCSVAndFiltered() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let csv = dir.file("kaart.csv")
        try """
        name;organisation;contact;phone;email;domains;laws;wijk;waitingWeeks
        Kredietbank Schuldhulp;Kredietbank Rotterdam;Ans Bakker;010 555 12 34;;financien;participatiewet;Bloemhof;6
        "Thuisadministratie; vrijwilligers";Humanitas;Piet;;;financien|huiselijke-relaties;;;
        Jongerenloket;Gemeente;Fatma;010 555 00 00;;tijdsbesteding;;Hillesluis;2
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try E2E.run(["kaart", "import", csv, "--db", db, "--user", "petra"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try E2E.run(["kaart", "--domain", "financien", "--wijk", "Bloemhof", "--format", "csv", "--db", db, "--user", "sanne"]).stdout
        let rows = try NamedCSV(string: out, delimiter: .comma).rows
        // The demo's own kaart (three services for Financiën in Bloemhof) and the two read in.
        #expect(Set(rows.map { $0["name"]! }) == ["Kredietbank Schuldhulp", "Thuisadministratie; vrijwilligers", "Schuldhulp Zuid",
                                                  "Budgetcoaching Bloemhof", "Voedselbank Zuid"], "\(out)")
        #expect(rows.first { $0["name"] == "Kredietbank Schuldhulp" }?["waitingWeeks"] == "6")
        #expect(try E2E.run(["kaart", "--wijk", "Hillesluis", "--db", db, "--user", "sanne"]).stdout.contains("Jongerenloket"))
        // A bad row names the file and its line; nothing is imported.
        try "name,domains\nGoed,financien\nFout,belastingen\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let bad = try E2E.run(["kaart", "import", csv, "--db", db, "--user", "petra"])
        #expect(bad.status == 1 && bad.stderr.contains("kaart.csv:3:") && bad.stderr.contains("belastingen"), "\(bad.stderr)")
        // In Dutch, with what may be chosen instead (the words were English inside a Dutch line).
        #expect(bad.stderr.contains("onbekend leefgebied \"belastingen\"; kies uit: ") && bad.stderr.contains("financien"), "\(bad.stderr)")
        #expect(!(try E2E.run(["kaart", "--db", db, "--user", "sanne"]).stdout.contains("Goed")))
        // A medewerker reads the kaart but does not change it.
        #expect(try E2E.run(["kaart", "add", "--name", "X", "--db", db, "--user", "sanne"]).status == 1)
    }

    @Test func knelpuntenOnTheDemoAreCountedPerRule() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        func figures(k: String? = nil) throws -> [[String: String]] {
            let r = try E2E.run(["knelpunten", "--format", "csv", "--db", db, "--user", "petra"] + (k.map { ["--k", $0] } ?? []))
            #expect(r.status == 0, "\(r.stderr)")
            return try NamedCSV(string: r.stdout, delimiter: .comma).rows
        }
        // Three rules, each met in one household: named, their counts withheld as the aggregate does
        // (k = 5 by default; one household's doorbraakbudget is that household's).
        var f = try figures()
        #expect(f.count == 3)
        #expect(Set(f.map { $0["rule"]! }) == ["Kostendelersnorm", "Zoektermijn van vier weken voor jongeren (Participatiewet)",
                                               "Leerlingenvervoer alleen binnen de regio"])
        #expect(f.allSatisfy { $0["households"] == "x" && $0["budgetEuros"] == "x" && $0["maatwerk"] == "x" }, "\(f)")
        #expect(try E2E.run(["knelpunten", "--k", "1", "--db", db, "--user", "petra"]).status == 1)
        // The same rule for a second household counts two households, whatever its spelling; at
        // k = 2 its figures show, the others stay withheld.
        let add = try E2E.run(["knelpunten", "add", "Maaike", "--rule", "kostendelersnorm ", "--source", "wet", "--domain", "financien",
                               "--blocked", "Haar zoon kan niet bij haar inwonen", "--db", db, "--user", "sanne"])
        #expect(add.status == 0, "\(add.stderr)")
        f = try figures(k: "2")
        let kosten = f.first { $0["rule"]!.lowercased().hasPrefix("kostendelersnorm") }
        #expect(kosten?["households"] == "2" && kosten?["maatwerk"] == "0" && kosten?["doorbraakbudget"] == "0" && kosten?["budgetEuros"] == "0", "\(f)")
        #expect(f.first { $0["rule"]!.hasPrefix("Zoektermijn") }?["budgetEuros"] == "x")
        #expect(f.first { $0["rule"]!.hasPrefix("Leerlingenvervoer") }?["maatwerk"] == "x")
        // An exception needs who decided; a doorbraakbudget needs its amount.
        let noAmount = try E2E.run(["knelpunten", "add", "Maaike", "--rule", "X", "--source", "wet", "--domain", "financien", "--blocked", "Y",
                                    "--exception", "doorbraakbudget", "--decided-by", "Petra", "--db", db, "--user", "sanne"])
        #expect(noAmount.status == 1 && noAmount.stderr.contains("bedrag"), "\(noAmount.stderr)")
        // The figures carry no names or free text; a medewerker does not see them.
        let json = try E2E.run(["knelpunten", "--format", "json", "--db", db, "--user", "petra"]).stdout
        #expect(!json.contains("zoon") && !json.contains("Storm") && !json.contains("Petra"))
        #expect(try E2E.run(["knelpunten", "--db", db, "--user", "sanne"]).status == 1)
        // Kept in an export and back.
        let export = try E2E.run(["export", "--db", db, "--user", "beheer"]).stdout
        #expect(export.contains("\"blockedRules\""))
        try export.write(toFile: dir.file("x.json"), atomically: true, encoding: .utf8)
        #expect(try E2E.run(["import", dir.file("x.json"), "--db", dir.file("copy.sqlite")]).status == 0)
        #expect(try NamedCSV(string: try E2E.run(["knelpunten", "--format", "csv", "--k", "2", "--db", dir.file("copy.sqlite"), "--user", "petra"]).stdout,
                             delimiter: .comma).rows == f)
    }

    /// An organisation's extract holds only what the consent register allows (the personas).
    @Test func theConsentRegisterDecidesWhatAnExtractHolds() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        // Willem Bos has no consent for Woonstad: no name, no actions, and it says why.
        let none = try E2E.run(["minutes", "Willem", "--for", "org:Woonstad", "--db", db, "--user", "fatima"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout.contains("geen geldige grondslag") && !none.stdout.contains("Willem") && !none.stdout.contains("Bos"), "\(none.stdout)")
        // Storm: a legal ground for Woonstad, so its own action is there.
        let storm = try E2E.run(["minutes", "Storm", "--for", "org:Woonstad", "--db", db, "--user", "sanne"]).stdout
        #expect(storm.contains("Betalingsregeling huurachterstand met Woonstad") && storm.contains("Storm Visser"))
        // Withdrawn or expired consent is no basis either: expire Storm's with the sqlite3 shell's help.
        _ = try Shell.run("/usr/bin/env", ["sqlite3", db, "UPDATE consent SET expires_on = '2020-01-01' WHERE household_id = (SELECT id FROM household WHERE name = 'Storm Visser')"])
        let expired = try E2E.run(["minutes", "Storm", "--for", "org:Woonstad", "--db", db, "--user", "sanne"]).stdout
        #expect(!expired.contains("Betalingsregeling") && !expired.contains("Storm"), "\(expired)")
    }
}
