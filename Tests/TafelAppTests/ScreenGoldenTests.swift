import Foundation
import Testing
import TestSupport
@testable import TafelApp
import TafelCore
import TerminalKit

/// A compact picture of the styles on screen: one letter per distinct style (in order of first
/// appearance) plus a legend, so golden files show where themes differ.
func styleMap(_ buffer: CellBuffer, theme: Theme) -> [String] {
    var letters: [Style: Character] = [:]
    var legend: [String] = []
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var rows: [String] = []
    for y in 0..<buffer.height {
        var row = ""
        for x in 0..<buffer.width {
            let style = theme.style(buffer[x, y].role)
            if letters[style] == nil {
                let l = alphabet[min(letters.count, alphabet.count - 1)]
                letters[style] = l
                legend.append("\(l) = fg \(describe(style.fg)) bg \(describe(style.bg)) \(describe(style.attributes))")
            }
            row.append(letters[style]!)
        }
        rows.append(row)
    }
    return legend + ["---"] + rows
}

func describe(_ c: Color) -> String { if case .indexed(let i) = c { return String(i) }; return "default" }
func describe(_ a: TextAttributes) -> String {
    [(TextAttributes.bold, "bold"), (.underline, "underline"), (.reverse, "reverse"), (.dim, "dim"), (.italic, "italic")]
        .filter { a.contains($0.0) }.map(\.1).joined(separator: "+")
}

/// Every screen at 100×30 and 80×24 against golden files, with no raw catalogue key visible.
@Suite("Screens", .serialized)
struct ScreenGoldenTests {
    static let sizes = [Size(width: 100, height: 30), Size(width: 80, height: 24)]

    func check(_ h: AppHarness, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.check(h.lines, named: name, sourceLocation: sourceLocation)
        #expect(!h.text.contains("⟦"), "raw catalogue key on screen \(name)", sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes)
    func caseloadHouseholdsAndAudit(size: Size) throws {
        let tag = "\(size.width)x\(size.height)"
        let sanne = try AppHarness(login: "sanne", size: size)
        check(sanne, "caseload-sanne-\(tag)")
        #expect(sanne.contains("Te laat (1)"))
        let petra = try AppHarness(login: "petra", size: size)
        petra.press("2")
        check(petra, "households-\(tag)")
        petra.press("3")
        check(petra, "audit-\(tag)")
        #expect(petra.contains("John Smit"))
        petra.press("Enter")
        check(petra, "audit-evidence-\(tag)")
    }

    @Test(arguments: sizes)
    func householdScreenAndTabs(size: Size) throws {
        let tag = "\(size.width)x\(size.height)"
        let h = try AppHarness(login: "fatima", size: size)
        try h.openHousehold("De Vries")
        check(h, "household-overview-\(tag)")
        #expect(h.contains("geen regisseur"))
        for tab in ["members", "actions", "contacts", "consents", "history", "course"] {
            h.press("Tab")
            check(h, "household-\(tab)-\(tag)")
        }
        // The course: Financiën's scores over the two earlier meetings, with the actions agreed at each.
        #expect(h.contains("Verloop per leefgebied") && h.contains("+ Post samen openen en sorteren"))
    }

    /// Jolanda's indication under her members, Storm's knellende regels under his signals; a rule
    /// recorded with K through the real store appears there at once.
    @Test func indicationsAndKnellendeRegelsOnTheHouseholdScreen() throws {
        let h = try AppHarness(login: "sanne", size: Size(width: 100, height: 30))
        try h.openHousehold("Jolanda")
        h.press("Tab")
        check(h, "household-indications-100x30")
        #expect(h.contains("Indicaties (1)") && h.contains("Thuiszorg Maasstad"), "\(h.text)")
        let s = try AppHarness(login: "sanne", size: Size(width: 100, height: 30))
        try s.openHousehold("Storm")
        s.press("Tab", "Tab", "Tab")
        check(s, "household-blocked-rules-100x30")
        #expect(s.contains("Knellende regels (2)") && s.contains("Doorbraakbudget € 1450"))
        s.press("K").type("Kostendelersnorm bij inwonen").press("Tab", "Tab", "Tab").type("Kan niet terug naar zijn moeder").press("Enter")
        #expect(s.contains("Knellende regels (3)"), "\(s.text)")
        #expect(try s.store.exportDocument().households.first { $0.household.name == "Storm Visser" }?.blockedRules.count == 3)
    }

    /// The meeting at the sizes of a laptop (80×24), a meeting-room screen (100×30) and a wide
    /// projector window (120×35), with the household of five: every member visible, no label cut.
    @Test(arguments: sizes + [Size(width: 120, height: 35)])
    func meetingStepsInDefaultAndMono(size: Size) throws {
        let tag = "\(size.width)x\(size.height)"
        for theme in ["default", "mono"] {
            let h = try AppHarness(login: "fatima", size: size, theme: theme)
            try h.startMeeting("De Vries")
            let theme = ThemeLibrary().load(theme)!.theme
            for (i, step) in AgendaStep.allCases.enumerated() {
                h.press(i == 0 ? "F5" : "Tab")
                #expect(h.state.meeting?.step == step)
                check(h, "meeting-\(step.rawValue)-\(tag)")
                Golden.check(styleMap(h.backend.screen, theme: theme), named: "meeting-\(step.rawValue)-\(tag)-styles-\(theme.name)")
            }
        }
    }

    @Test func householdAndMeetingInAllFiveThemes() throws {
        let names = ["default", "projector", "licht", "kleurenblind", "mono"]
        var maps: [String: [String]] = [:]
        for name in names {
            let h = try AppHarness(login: "fatima", theme: name)
            try h.openHousehold("De Vries")
            let theme = ThemeLibrary().load(name)!.theme
            let household = styleMap(h.backend.screen, theme: theme)
            Golden.check(household, named: "themes-household-\(name)")
            h.press("m", "4")
            let meeting = styleMap(h.backend.screen, theme: theme)
            Golden.check(meeting, named: "themes-meeting-\(name)")
            maps[name] = household + meeting
        }
        // Every theme looks different from every other.
        for a in names { for b in names where a < b { #expect(maps[a] != maps[b], "\(a) and \(b) look the same") } }
    }

    @Test func theWelcomeScreenOnAnEmptyDatabase() throws {
        let h = try AppHarness(login: "beheer", empty: true)
        check(h, "welcome-100x30")
        #expect(h.contains("tafel demo"))
    }

    @Test func theMinimumSizeMessage() throws {
        let h = try AppHarness()
        h.send(.resize(Size(width: 40, height: 10)))
        #expect(h.contains("Maak het venster groter"))
        Golden.check(h.lines, named: "too-small-40x10")
        h.send(.resize(Size(width: 100, height: 30)))
        #expect(h.contains("Mijn caseload"))
    }

    @Test func englishEverywhere() throws {
        let h = try AppHarness(login: "petra", language: .en)
        #expect(h.contains("My caseload"))
        h.press("3")
        #expect(h.contains("Stalled households"))
        h.press("Enter", "Enter")
        let prompt = h.text
        #expect(prompt.contains("Reason for access"))
        h.type("Checking the eviction signal").press("Enter")
        #expect(h.contains("Life domains"))
        h.press("m")
        #expect(h.contains("Opening") && h.contains("What they want"))
        for w in ["Leefgebieden", "Opening ·", "Mijn caseload", "Huishoudens", "Afspraken", "Wat wil het gezin"] where w != "Opening ·" {
            #expect(!h.text.contains(w), "Dutch \(w) on an English screen")
        }
        #expect(!h.text.contains("⟦"))
    }

    @Test func helpIsGeneratedFromTheLiveKeymap() throws {
        let h = try AppHarness()
        h.press("?")
        #expect(h.contains("Sneltoetsen"))
        #expect(h.contains("Overleg starten"))
        check(h, "help-caseload-100x30")
    }
}

/// The projector mask: hidden fields are never drawn while it is on.
@Suite("Privacy mask", .serialized)
struct PrivacyMaskTests {
    let secrets = ["Putsebocht 112", "06 4100 2200", "geb."]

    @Test func householdScreenHidesAddressPhoneAndBirthDates() throws {
        let open = try AppHarness()
        try open.openHousehold("De Vries")
        #expect(open.contains("Putsebocht 112") && open.contains("06 4100 2200"))
        let masked = try AppHarness(mask: true)
        try masked.openHousehold("De Vries")
        for s in secrets { #expect(!masked.contains(s), "\(s) shown with the mask on") }
        #expect(masked.contains("PRIVACY AAN"))
        try masked.openHousehold("Mandy")
        #expect(!masked.contains("geb."))
        let unmasked = try AppHarness()
        try unmasked.openHousehold("Mandy")
        #expect(unmasked.contains("geb."))
    }

    @Test(arguments: [Size(width: 100, height: 30), Size(width: 80, height: 24)])
    func everyMeetingScreenWithTheMaskOn(size: Size) throws {
        let h = try AppHarness(size: size, mask: true)
        try h.startMeeting("Willem")
        for (i, _) in AgendaStep.allCases.enumerated() {
            h.press(i == 0 ? "F5" : "Tab")
            for s in ["Paul Krugerstraat", "06 "] { #expect(!h.contains(s)) }
            #expect(h.contains("PRIVACY AAN"))
            // Woonstad attended without a sharing basis: its actions are hidden.
            #expect(!h.contains("Betalingsregeling met Woonstad"))
            Golden.check(h.lines, named: "mask-meeting-\(i + 1)-\(size.width)x\(size.height)")
        }
    }
}
