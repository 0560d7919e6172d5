import Foundation
import Testing
import TestSupport
@testable import TafelApp
import TafelCore
import TafelStore
import TerminalKit

/// A teamleider looks at another team's audit on screen, as on the command line: only after a
/// typed reason, which is logged before a row is shown.
@Suite("Another team's audit on screen")
struct TeamScopeAppTests {
    @Test func aTeamleiderOpensAnotherTeamsAuditWithALoggedReason() throws {
        // Karin leads Team Noord only; the demo's households are mostly Team Zuid's.
        let first = try AppHarness(login: "petra")
        let org = try #require(try first.store.roster().professionals.values.first { $0.login == "petra" }?.organisationId)
        try first.store.saveProfessional(Professional(id: 0, name: "Karin Teamleider", organisationId: org, discipline: "teamleider",
                                                      role: .teamleider, login: "karin", team: "Team Noord"),
                                         organisation: nil, actor: "test")
        let h = try AppHarness(login: "karin", size: Size(width: 110, height: 30), sharing: first)
        h.press("3")
        #expect(h.state.audit.loaded && !h.state.audit.rows.contains { $0.team == "Team Zuid" }, "another team's rows without a reason")
        h.press("t")
        guard case .picker(let picker)? = h.state.modal else { Issue.record("no team picker: \(h.text)"); return }
        let zuid = try #require(picker.options.firstIndex { h.state.strings.render($0.label) == "Team Zuid" })
        #expect(picker.options[zuid].detail == Message("audit.team-needs-reason"))
        #expect(h.contains("ander team: eerst een reden"), "\(h.text)")
        for _ in 0..<zuid { h.press("Down") }
        h.press("Enter")
        guard case .prompt(let prompt)? = h.state.modal, prompt.purpose == .teamAudit(team: "Team Zuid") else {
            Issue.record("no reason asked: \(h.text)"); return
        }
        // Too short is refused; nothing logged, nothing shown.
        h.type("kijk").press("Enter")
        #expect(h.state.modal != nil && !h.state.audit.rows.contains { $0.team == "Team Zuid" })
        h.type(" mee: vervanging van Petra tijdens haar verlof").press("Enter")
        #expect(h.state.modal == nil)
        #expect(h.state.audit.filter.team == "Team Zuid")
        #expect(h.state.audit.rows.contains { $0.team == "Team Zuid" } && h.state.audit.rows.allSatisfy { $0.team == "Team Zuid" }, "\(h.text)")
        #expect(h.contains("Audit van Team Zuid geopend; uw reden is gelogd"), "\(h.text)")
        // The reason is in the log, under Karin's name, before any row was shown.
        let log = try first.store.accessLog(for: try #require(try first.store.professional(login: "petra")), householdId: nil, limit: 20)
        #expect(log.contains { $0.actor == "karin" && $0.reason == "kijk mee: vervanging van Petra tijdens haar verlof" && $0.summary.contains("Team Zuid") },
                "\(log.map(\.summary))")
    }
}
