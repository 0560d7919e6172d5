import Testing
@testable import TafelCore

/// The store's technical event summaries, worded for the reader.
@Suite("Event summaries in the reader's language")
struct EventSummaryTextTests {
    let nl = Strings(.nl), en = Strings(.en)

    @Test(arguments: [
        ("opened household record", "dossier geopend", "opened household record"),
        ("opened household record (break-the-glass)", "dossier geopend zonder betrokkenheid (met reden)", "opened household record (break-the-glass)"),
        ("access refused (not involved)", "inzage geweigerd (niet betrokken)", "access refused (not involved)"),
        ("action 9 changed: status, due", "afspraak 9 gewijzigd: status, datum", "action 9 changed: status, due date"),
        ("contact 4 created; action 2 changed: nothing", "contact 4 aangemaakt; afspraak 2 gewijzigd: niets", "contact 4 created; action 2 changed: nothing"),
        ("domain financien changed: situation", "leefgebied Financiën gewijzigd: situatie", "life domain Finances changed: situation"),
        ("coordinator 5 voorgesteld → afgewezen", "regievoorstel 5: Voorgesteld → Afgewezen", "coordinator proposal 5: Proposed → Declined"),
        ("household 20 created with 3 member(s)", "huishouden 20 aangemaakt met 3 gezinsleden", "household 20 created with 3 members"),
        ("demo database: 14 household(s)", "demodatabase: 14 huishoudens", "demo database: 14 households"),
        ("generated (seed 7): 500 household(s)", "gegenereerd (seed 7): 500 huishoudens", "generated (seed 7): 500 households"),
        ("imported: 3 household(s), 12 professional(s)", "geïmporteerd: 3 huishoudens, 12 medewerkers", "imported: 3 households, 12 professionals"),
        ("anonymised 2 closed household(s): 4,9", "2 afgesloten huishoudens geanonimiseerd: 4,9", "anonymised 2 closed households: 4,9"),
        ("household 21 created with 1 member(s)", "huishouden 21 aangemaakt met 1 gezinslid", "household 21 created with 1 member"),
        ("session 3 planned on 2026-12-08 with 1 household(s)", "sessie 3 gepland op 08-12-2026 met 1 huishouden", "session 3 planned on 08-12-2026 with 1 household"),
        ("exported session summary 3 (md)", "samenvatting van sessie 3 geëxporteerd (md)", "summary of session 3 exported (md)"),
        ("exported minutes (team, md)", "verslag geëxporteerd (team, md)", "exported minutes (team, md)"),
        ("something a later version writes", "something a later version writes", "something a later version writes"),
    ])
    func worded(stored: String, dutch: String, english: String) {
        #expect(EventSummaryText.localized(stored, strings: nl) == dutch)
        #expect(EventSummaryText.localized(stored, strings: en) == english)
    }

    @Test func anUnknownFieldNameIsShownAsItIs() {
        #expect(EventSummaryText.localized("action 1 changed: newFieldX", strings: nl) == "afspraak 1 gewijzigd: newFieldX")
    }
}
