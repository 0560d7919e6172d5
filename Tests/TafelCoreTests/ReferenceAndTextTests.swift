import Foundation
import Testing
import TestSupport
@testable import TafelCore
import TextSafety

@Suite("Reference data, catalogues, dates and parsing")
struct ReferenceAndTextTests {
    let today = Fixture.today

    @Test func zrmDomainsHaveTheirExactDutchNames() {
        let ref = ReferenceData.bundled
        let zrm = ref.domainSet("zrm-2017")!
        #expect(zrm.domains.prefix(13).map(\.nl) == ["Financiën", "Werk & opleiding", "Tijdsbesteding", "Huisvesting", "Huiselijke relaties",
                                                    "Geestelijke gezondheid", "Lichamelijke gezondheid", "Middelengebruik", "Basale ADL",
                                                    "Instrumentele ADL", "Sociaal netwerk", "Maatschappelijke participatie", "Justitie"])
        #expect(zrm.domains.last?.code == "ouderschap")
        let broad = ref.domainSet("sociaal-domein")!
        #expect(Set(broad.codes).isSuperset(of: ["onderwijs", "veiligheid", "mantelzorg", "zingeving"]))
        #expect(ref.domainLinks["financien"]?.frameworks == ["participatiewet", "wgs", "wsnp"])
        #expect(ref.label("score", "1")?.nl == "Acuut")
    }

    @Test func malformedReferenceDataNamesFileAndKeyPath() {
        let bad = #"{"version": 1, "defaultDomainSet": "x", "domainSets": [{"id": "x", "nl": "X", "en": "X", "domains": [{"code": "a", "nl": 5, "en": "A"}]}], "domainLinks": {}, "vocabularies": {}}"#
        #expect(throws: ReferenceDataError(path: "ref.json", keyPath: "domainSets[0].domains[0].nl", message: Message("import.expected", .key("type.string")))) {
            _ = try ReferenceData.load(from: Data(bad.utf8), path: "ref.json")
        }
        let e = #expect(throws: ReferenceDataError.self) { _ = try ReferenceData.load(from: Data("{".utf8), path: "ref.json") }
        // Worded in the reader's language, never the decoder's English.
        #expect(e?.text(Strings(.nl)) == "ref.json: (hoofdniveau): geen geldige JSON: controleer of het bestand compleet is")
        #expect(e?.text(Strings(.en)) == "ref.json: (top level): not valid JSON: check that the file is complete")
    }

    @Test func referenceLinksAreCrossChecked() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TafelCore/Resources/reference.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var links = json["domainLinks"] as! [String: Any]
        links["financien"] = ["frameworks": ["participatiewet", "astrologie"], "providers": []]
        json["domainLinks"] = links
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: ReferenceDataError(path: "r", keyPath: "domainLinks.financien.frameworks[1]", message: Message("ref.problem.unknown-framework", .text("astrologie")))) {
            _ = try ReferenceData.load(from: data, path: "r")
        }
    }

    @Test func catalogueFilesHaveTheSameKeysAndNoProblems() throws {
        let nl = Catalog.bundled(.nl), en = Catalog.bundled(.en)
        #expect(nl.entries.count > 200)
        #expect(Set(nl.entries.keys) == Set(en.entries.keys))
        // Every key the core builds dynamically exists.
        var keys: [String] = []
        for r in StallRuleID.allCases { keys += [r.titleKey, r.explanationKey] }
        for e in ReachElement.allCases { keys.append(e.titleKey) }
        for w in SmartCheck.Warning.allCases { keys.append(w.message.key) }
        for k in keys { #expect(nl.has(k) && en.has(k), "missing \(k)") }
    }

    @Test func catalogueParserReportsLines() {
        let (c, problems) = Catalog.parse("# x\na = b\nnonsense\nb = {0} en {1}\na = c\n", language: .nl, path: "x.txt")
        #expect(problems.map(\.description) == ["x.txt:3: expected: key = text", "x.txt:5: duplicate key \"a\""])
        #expect(c.text("b", ["1", "2"]) == "1 en 2")
        #expect(c.text("missing") == "⟦missing⟧")
    }

    /// Counts agree with their noun in both languages: "1 afspraak", "3 afspraken", "1 action".
    @Test func countsArePluralAware() throws {
        let nl = Strings(.nl), en = Strings(.en)
        #expect(nl.render(Message("reach.tijd.overdue", 1, 1)) == "1 afspraak te laat, oudste 1 dag")
        #expect(nl.render(Message("reach.tijd.overdue", 3, 12)) == "3 afspraken te laat, oudste 12 dagen")
        #expect(en.render(Message("reach.tijd.overdue", 1, 2)) == "1 action overdue, oldest 2 days")
        #expect(nl.render(Message("reach.onzichtbaarheid.never-assessed", 1, "Lisa")) == "1 gezinslid nooit gescoord: Lisa")
        #expect(Catalog.fill("{0} {0:dag|dagen}, {1:x}", ["0", "1"]) == "0 dagen, x")
        // Every plural form in the catalogues is well formed (a singular and a plural).
        for language in [Language.nl, .en] {
            for (key, text) in Catalog.bundled(language).entries {
                var rest = Substring(text)
                while let r = rest.range(of: #"\{[0-9]:"#, options: .regularExpression) {
                    guard let close = rest[r.upperBound...].firstIndex(of: "}") else { Issue.record("\(key): unclosed"); break }
                    #expect(rest[r.upperBound..<close].split(separator: "|", omittingEmptySubsequences: false).count == 2, "\(language) \(key)")
                    rest = rest[close...]
                }
            }
        }
        // No count left that says "1 … -en" in the texts the screens use most.
        #expect(!nl.render(Message("reach.tijd.contact", 1)).contains("dagen"))
    }

    @Test func datesAsDutchUsersWriteThem() {
        let nl = Strings(.nl), en = Strings(.en)
        #expect(nl.date(today) == "23-11-2026")
        #expect(nl.shortDate(today) == "ma 23 nov")
        #expect(en.shortDate(today) == "Mon 23 Nov")
        #expect(nl.longDate(Day(iso: "2026-12-04")!) == "vrijdag 4 december 2026")
        #expect(today.weekday == 1)
    }

    @Test func dayArithmeticAndValidation() {
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "26-11-23") == nil)
        #expect(Day(iso: "2026-01-31")!.adding(months: 1).iso == "2026-02-28")
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
        for o in stride(from: -719_000, to: 2_900_000, by: 997) {
            let d = Day(ordinal: o)
            #expect(Day(iso: d.iso) == d)
        }
    }

    @Test func dueDatesTheWayMinuteTakersTypeThem() throws {
        // today is Monday 23 November 2026
        #expect(try DueDateParser.parse("+2w", today: today).iso == "2026-12-07")
        #expect(try DueDateParser.parse("+10d", today: today).iso == "2026-12-03")
        #expect(try DueDateParser.parse("vrijdag", today: today).iso == "2026-11-27")
        #expect(try DueDateParser.parse("ma", today: today).iso == "2026-11-30")
        #expect(try DueDateParser.parse("1-12", today: today).iso == "2026-12-01")
        #expect(try DueDateParser.parse("1-3", today: today).iso == "2027-03-01")
        #expect(try DueDateParser.parse("2026-12-01", today: today).iso == "2026-12-01")
        #expect(try DueDateParser.parse("15-1-2027", today: today).iso == "2027-01-15")
        #expect(try DueDateParser.parse("morgen", today: today).iso == "2026-11-24")
        for bad in ["", "+2x", "30-2", "volgende week", "2026-13-01", "+-3d"] {
            #expect(throws: DueDateParser.Invalid.self) { try DueDateParser.parse(bad, today: today) }
        }
    }

    @Test func signalConfigParsesDefaultsAndTeamOverrides() {
        let text = """
        # drempels
        [geen-contact]
        dagen = 21
        [actie-verlopen]
        hoog-dagen = 14
        [teams."Team Zuid".geen-contact]
        dagen = 45
        [geen-contact]
        onbekend = 3
        dagen = veel
        [astrologie]
        """
        let (c, problems) = SignalConfig.parse(text, path: "signalen.toml")
        #expect(c.defaults.noContactDays == 21)
        #expect(c.defaults.overdueHighDays == 14)
        #expect(c.thresholds(team: "Team Zuid").noContactDays == 45)
        #expect(c.thresholds(team: "Team Zuid").overdueHighDays == 14)
        #expect(c.thresholds(team: "Team Noord").noContactDays == 21)
        #expect(problems.map(\.description) == [
            "signalen.toml:9: unknown setting \"onbekend\" in [geen-contact]",
            "signalen.toml:10: dagen: expected a whole number ≥ 0, got \"veel\"",
            "signalen.toml:11: unknown signal \"astrologie\"",
        ])
        // Shown to a Dutch reader in Dutch (they were English inside a Dutch line).
        let nl = Strings(.nl)
        #expect(problems.map { nl.render($0.message) } == [
            "onbekende instelling \"onbekend\" in [geen-contact]",
            "dagen: verwacht een heel getal ≥ 0, niet \"veel\"",
            "onbekend signaal \"astrologie\"",
        ])
    }

    @Test func escapingForEveryFormat() {
        let hostile = "a|b *c* <script>\u{1B}]0;pwned\u{07}, \"q\"; d\ne"
        let md = Escape.markdown(hostile)
        #expect(md.contains("a\\|b \\*c\\* \\<script>"))
        // Plain-text readers see "&" as typed; only what would become an entity or a tag is escaped.
        #expect(Escape.markdown("Werk & opleiding") == "Werk & opleiding")
        #expect(Escape.markdown("&amp; en &#38;") == "\\&amp; en \\&\\#38;")
        #expect(Escape.markdown("3 < 4 > 2") == "3 < 4 > 2")
        #expect(Escape.markdown("> quote\n- item", keepLines: true) == "\\> quote  \n\\- item")
        #expect(!md.contains("\u{1B}") && !md.contains("\u{07}") && !md.contains("\n"))
        let html = Escape.html(hostile)
        #expect(html.contains("&lt;script&gt;") && html.contains("&quot;q&quot;") && html.contains("<br>"))
        #expect(!html.contains("\u{1B}"))
        #expect(Escape.csv("=SUM(A1)") == "'=SUM(A1)")
        #expect(Escape.csv("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(Escape.csv("-3") == "-3")
        #expect(Escape.ics("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }
}

/// The progress bar's words: the share done, the bar and the time left from the pace so far.
@Suite("Progress line")
struct ProgressLineTests {
    @Test func barPercentageAndTimeLeft() {
        let nl = Strings(.nl), en = Strings(.en)
        #expect(ProgressLine.render("exporteren", done: 0, total: 100, elapsed: 1, strings: nl) == "exporteren  ░░░░░░░░░░░░░░░░░░░░  0 %  nog …")
        // A quarter in 30 seconds: 90 seconds to go.
        #expect(ProgressLine.render("exporteren", done: 25, total: 100, elapsed: 30, strings: nl) == "exporteren  █████░░░░░░░░░░░░░░░  25 %  nog 1:30")
        #expect(ProgressLine.render("importing", done: 1, total: 1000, elapsed: 10, strings: en) == "importing  ░░░░░░░░░░░░░░░░░░░░  0 %  2:46:30 left")
        #expect(ProgressLine.render("checking", done: 7, total: 7, elapsed: 3, strings: en) == "checking  ████████████████████  100 %  0:00 left")
        #expect(ProgressLine.render("x", done: 5, total: 0, elapsed: 3, strings: en).hasSuffix("0 %  … left"), "no total: no division by zero")
    }
}
