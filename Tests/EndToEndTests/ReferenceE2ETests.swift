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

    @Test func theSocialeKaartIsImportedFromCSVAndFiltered() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        let csv = dir.file("kaart.csv")
        try """
        name;organisation;contact;phone;email;domains;laws;wijk;waitingWeeks
        Schuldhulp Zuid;Kredietbank Rotterdam;Ans Bakker;010 555 12 34;;financien;participatiewet;Bloemhof;6
        "Thuisadministratie; vrijwilligers";Humanitas;Piet;;;financien|huiselijke-relaties;;;
        Jongerenloket;Gemeente;Fatma;010 555 00 00;;tijdsbesteding;;Hillesluis;2
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try E2E.run(["kaart", "import", csv, "--db", db, "--user", "petra"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try E2E.run(["kaart", "--domain", "financien", "--wijk", "Bloemhof", "--format", "csv", "--db", db, "--user", "sanne"]).stdout
        let rows = try NamedCSV(string: out, delimiter: .comma).rows
        #expect(Set(rows.map { $0["name"]! }) == ["Schuldhulp Zuid", "Thuisadministratie; vrijwilligers"], "\(out)")
        #expect(rows.first { $0["name"] == "Schuldhulp Zuid" }?["waitingWeeks"] == "6")
        #expect(try E2E.run(["kaart", "--wijk", "Hillesluis", "--db", db, "--user", "sanne"]).stdout.contains("Jongerenloket"))
        // A bad row names the file and its line; nothing is imported.
        try "name,domains\nGoed,financien\nFout,belastingen\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let bad = try E2E.run(["kaart", "import", csv, "--db", db, "--user", "petra"])
        #expect(bad.status == 1 && bad.stderr.contains("kaart.csv:3:") && bad.stderr.contains("belastingen"), "\(bad.stderr)")
        #expect(!(try E2E.run(["kaart", "--db", db, "--user", "sanne"]).stdout.contains("Goed")))
        // A medewerker reads the kaart but does not change it.
        #expect(try E2E.run(["kaart", "add", "--name", "X", "--db", db, "--user", "sanne"]).status == 1)
    }

    @Test func knelpuntenOnTheDemoAreCountedPerRule() throws {
        let dir = TemporaryDirectory()
        let db = try E2E.demo(dir)
        func figures() throws -> [[String: String]] {
            try NamedCSV(string: try E2E.run(["knelpunten", "--format", "csv", "--db", db, "--user", "petra"]).stdout, delimiter: .comma).rows
        }
        var f = try figures()
        #expect(f.count == 3)
        #expect(f.first { $0["rule"] == "Kostendelersnorm" }?["households"] == "1")
        #expect(f.first { $0["rule"]!.hasPrefix("Zoektermijn") }?["doorbraakbudget"] == "1")
        #expect(f.first { $0["rule"]!.hasPrefix("Zoektermijn") }?["budgetEuros"] == "1450")
        #expect(f.first { $0["rule"]!.hasPrefix("Leerlingenvervoer") }?["maatwerk"] == "1")
        // The same rule for a second household counts two households, whatever its spelling.
        let add = try E2E.run(["knelpunten", "add", "Maaike", "--rule", "kostendelersnorm ", "--source", "wet", "--domain", "financien",
                               "--blocked", "Haar zoon kan niet bij haar inwonen", "--db", db, "--user", "sanne"])
        #expect(add.status == 0, "\(add.stderr)")
        f = try figures()
        #expect(f.first { $0["rule"]!.lowercased().hasPrefix("kostendelersnorm") }?["households"] == "2")
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
        #expect(try NamedCSV(string: try E2E.run(["knelpunten", "--format", "csv", "--db", dir.file("copy.sqlite"), "--user", "petra"]).stdout,
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
