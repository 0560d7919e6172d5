import Foundation
import Testing
import TestSupport
@testable import TafelApp
import TafelCore
import TafelStore
import TerminalKit

/// The effect boundary on a real SQLite file: the interpreter performs intents in one
/// transaction, answers each request by its id, and the screen says "opgeslagen" only for text
/// the store confirmed. A second connection (or a second process holding the lock) plays the
/// other user.
@Suite("Effect boundary", .serialized)
struct EffectBoundaryTests {
    /// Starts today's meeting of De Vries and opens the editor of "Wat wil het gezin".
    func editingOwnView(_ h: AppHarness) throws -> (householdId: Int64, stored: String) {
        try h.startMeeting("De Vries")
        #expect(h.state.screen == .meeting)
        h.press("2", "e")
        #expect(h.state.meeting?.editing == .ownView)
        let hid = h.state.meeting!.file.id
        return (hid, h.state.meeting!.file.household.ownView)
    }

    func draft(_ h: AppHarness, _ hid: Int64) -> [Draft] {
        DraftStore(directory: h.dir.file("drafts")).load(householdId: hid)
    }

    // (a) Someone else saves the same text after the editor loaded it.
    @Test func aStaleTextSaveIsAConflictWithBothTextsAndNothingIsLost() throws {
        let h = try AppHarness(login: "fatima")
        let (hid, stored) = try editingOwnView(h)
        // The other user, through their own connection, saves first.
        let other = try SQLiteCaseStore(path: h.path, clock: FixedClock(AppHarness.today))
        let sanne = try other.professional(login: "sanne")!
        try other.perform(.setText(.ownView, base: stored, text: stored + " AAA"), householdId: hid, by: sanne)
        h.type(" BBB")
        h.idle()
        guard case .conflict(let c)? = h.state.modal else { Issue.record("no conflict view: \(h.text)"); return }
        #expect(c.conflict.fields == [FieldConflict(field: "ownView", theirs: .text(stored + " AAA"), yours: .text(stored + " BBB"))])
        // Both texts on screen, in the user's words, and neither lost: theirs stored, mine in the
        // editor and in a draft file.
        #expect(h.contains("Hun versie") && h.contains("Uw versie") && h.contains("Wat wil het gezin:"))
        #expect(h.contains("AAA") && h.contains("BBB"))
        #expect(!h.text.contains("ownView"))
        #expect(try h.store.reload(hid, for: sanne).household.ownView == stored + " AAA")
        #expect(h.state.meeting?.editor.text == stored + " BBB")
        #expect(draft(h, hid).map(\.text) == [stored + " BBB"])
        #expect(!h.text.contains("✓ opgeslagen"))
        // Keep mine: saved over theirs knowingly, the draft removed.
        h.press("m")
        #expect(try h.store.reload(hid, for: sanne).household.ownView == stored + " BBB")
        #expect(h.state.meeting?.texts[.ownView] == nil)
        #expect(draft(h, hid).isEmpty)
        #expect(h.contains("✓ opgeslagen"))
    }

    @Test func mergingKeepsTheirTextAndAddsTheLinesThatDiffer() throws {
        #expect(ConflictReducer.mergedText(theirs: "a\nb AAA", yours: "a\nb BBB") == "a\nb AAA\nb BBB")
        #expect(ConflictReducer.mergedText(theirs: "", yours: "x") == "x")
        #expect(ConflictReducer.mergedText(theirs: "a", yours: "a") == "a")
        let h = try AppHarness(login: "fatima")
        let (hid, stored) = try editingOwnView(h)
        let other = try SQLiteCaseStore(path: h.path, clock: FixedClock(AppHarness.today))
        let sanne = try other.professional(login: "sanne")!
        try other.perform(.setText(.ownView, base: stored, text: "Nieuw van Sanne"), householdId: hid, by: sanne)
        h.type(" eigen regie")
        h.idle()
        h.press("e") // edit a merge
        #expect(h.state.meeting?.editing == .ownView)
        #expect(h.state.meeting?.editor.text.hasPrefix("Nieuw van Sanne\n") == true)
        #expect(h.state.meeting?.editor.text.hasSuffix("eigen regie") == true)
        h.press("Esc")
        #expect(try h.store.reload(hid, for: sanne).household.ownView == h.state.meeting!.file.household.ownView)
        #expect(h.state.meeting!.file.household.ownView.contains("Nieuw van Sanne"))
        #expect(h.state.meeting?.texts.isEmpty == true)
    }

    @Test func keepingTheirsDropsMyTextAndItsDraft() throws {
        let h = try AppHarness(login: "fatima")
        let (hid, stored) = try editingOwnView(h)
        let other = try SQLiteCaseStore(path: h.path, clock: FixedClock(AppHarness.today))
        let sanne = try other.professional(login: "sanne")!
        try other.perform(.setText(.ownView, base: stored, text: "Van Sanne"), householdId: hid, by: sanne)
        h.type(" mijn tekst")
        h.idle()
        h.press("t")
        #expect(h.state.modal == nil)
        #expect(h.state.meeting?.editor.text == "Van Sanne")
        #expect(draft(h, hid).isEmpty)
        #expect(try h.store.reload(hid, for: sanne).household.ownView == "Van Sanne")
    }

    // (b) Another process holds the write lock while the text is saved.
    @Test func aLockedDatabaseLeavesTheTextUnsavedAndQuittingAsks() throws {
        let h = try AppHarness(login: "fatima", busyTimeout: 0.3)
        let (hid, stored) = try editingOwnView(h)
        let lock = try LockHolder(h.path)
        h.type(" tijdens de lock")
        h.idle()
        // Not saved, and the screen says so; the text is still in the editor and in a draft.
        #expect(h.state.meeting?.texts[.ownView]?.problem != nil)
        #expect(!h.text.contains("✓ opgeslagen"))
        #expect(h.contains("niet opgeslagen"))
        #expect(h.state.meeting?.editor.text == stored + " tijdens de lock")
        #expect(draft(h, hid).map(\.text) == [stored + " tijdens de lock"])
        // Leaving the editor keeps it unsaved; q asks instead of quitting.
        h.press("Esc")
        h.press("q")
        guard case .confirmQuit(_, let reason)? = h.state.modal else { Issue.record("quit did not ask: \(h.text)"); return }
        #expect(reason != nil)
        #expect(h.state.running)
        #expect(h.contains("Toch stoppen") || h.contains("stoppen"))
        // Stay; the lock goes; editing again saves it.
        h.press("n")
        lock.release()
        h.press("e")
        h.type(".")
        h.idle()
        let sanne = try h.store.professional(login: "sanne")!
        #expect(try h.store.reload(hid, for: sanne).household.ownView == stored + " tijdens de lock.")
        #expect(h.contains("✓ opgeslagen"))
        #expect(draft(h, hid).isEmpty)
        h.press("Esc", "q")
        #expect(!h.state.running)
    }

    // (c) A status change in the caseload: the status line says what the store did.
    @Test func afterAStatusChangeTheStatusLineShowsTheResult() throws {
        let h = try AppHarness(login: "sanne")
        guard case .action(let row, _)? = h.state.caseload.rows.first(where: \.isSelectable) else { Issue.record("empty caseload"); return }
        h.press("s", "g")
        #expect(h.state.status?.kind == .success)
        #expect(!h.text.contains("opslaan…"))
        #expect(h.text.contains(String(row.action.description.prefix(20))))
        let file = try h.store.reload(row.action.householdId, for: h.state.user)
        #expect(file.action(row.action.id)?.status == .gedaan)
        #expect(h.state.requests.pending.isEmpty)
    }

    // (d) Starting a meeting is one transaction: when its last part fails, nothing of it stays.
    @Test func startingAMeetingIsOneTransaction() throws {
        let h = try AppHarness(login: "fatima")
        let user = h.state.user
        let created = try h.store.perform(.registerHousehold(Household(id: 0, name: "Familie Nieuw", wijk: "Bloemhof", team: user.team,
                                                                         createdOn: AppHarness.today),
                                                               members: [Member(id: 0, householdId: 0, name: "Ans Nieuw", role: .ouder)]),
                                          householdId: nil, by: user)
        let hid = created.file.id
        #expect(created.file.household.status == .aangemeld)
        // The attendee insert (the old second transaction) fails, after activation and the meeting.
        let r = try Shell.run("/usr/bin/env", ["sqlite3", h.path,
                                               "CREATE TRIGGER no_attendee BEFORE INSERT ON attendee BEGIN SELECT RAISE(ABORT, 'test'); END;"])
        #expect(r.status == 0, "\(r.stderr)")
        let interpreter = h.runtime.interpreter
        guard case .failed = interpreter.run(.perform(.startMeeting(anotherToday: false), householdId: hid)) else {
            Issue.record("the start did not fail"); return
        }
        let after = try h.store.reload(hid, for: user)
        #expect(after.meetings.isEmpty)
        #expect(after.household.status == .aangemeld)
        // Without the trigger: one intent, one event, everything at once.
        _ = try Shell.run("/usr/bin/env", ["sqlite3", h.path, "DROP TRIGGER no_attendee;"])
        let events = try h.store.accessLog(for: try h.store.professional(login: "beheer") ?? user, householdId: hid, limit: 100).count
        guard case .performed(let done) = interpreter.run(.perform(.startMeeting(anotherToday: false), householdId: hid)) else {
            Issue.record("the start failed"); return
        }
        #expect(done.file.household.status == .actief)
        #expect(done.file.meetings.count == 1)
        #expect(done.file.attendees.map(\.party) == [.professional(user.id)])
        #expect(done.file.attendees.first?.meetingId == done.file.meetings.first?.id)
        let eventsAfter = try h.store.accessLog(for: try h.store.professional(login: "beheer") ?? user, householdId: hid, limit: 100).count
        #expect(eventsAfter == events + 1)
    }

    @Test func aResultNobodyWaitsForIsDropped() throws {
        let h = try AppHarness(login: "petra")
        var state = h.state
        let first = Reducer.reduce(&state, .command(.screenHouseholds))
        let second = Reducer.reduce(&state, .command(.screenHouseholds))
        #expect(first.count == 1 && second.count == 1 && first[0].id != second[0].id)
        let old = HouseholdSummary(id: 1, name: "Oud", wijk: "", team: "", status: .actief, coordinator: nil, openActions: 0,
                                   overdueActions: 0, lastMeeting: nil, involved: true)
        _ = Reducer.reduce(&state, .result(first[0].id, .households([old])))
        #expect(state.households.items.isEmpty, "an older answer replaced a newer request")
        _ = Reducer.reduce(&state, .result(second[0].id, .households([old])))
        #expect(state.households.items.map(\.name) == ["Oud"])
        // Esc while the audit is computed: its answer is dropped when it comes.
        let audit = Reducer.reduce(&state, .command(.screenAudit))
        #expect(state.working != nil)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.working == nil)
        _ = Reducer.reduce(&state, .result(audit[0].id, .audit([])))
        #expect(!state.audit.loaded)
    }

    @Test func keysTypedBeforeAnAnswerWaitForIt() throws {
        let h = try AppHarness(login: "fatima")
        try h.startMeeting("De Vries")
        h.press("5")
        var state = h.state
        // p, choose, then y before the proposal is stored: y waits for it and then accepts.
        _ = Reducer.reduce(&state, .key(.char("p")))
        for c in "sanne" { _ = Reducer.reduce(&state, .key(.char(c))) }
        let propose = Reducer.reduce(&state, .key(.enter))
        #expect(propose.count == 1)
        #expect(Reducer.reduce(&state, .key(.char("y"))).isEmpty)
        #expect(state.typeAhead == [.char("y")])
        guard case .performed(let r) = h.runtime.interpreter.run(propose[0].intent) else { Issue.record("propose failed"); return }
        let accept = Reducer.reduce(&state, .result(propose[0].id, .performed(r)))
        #expect(state.typeAhead.isEmpty)
        guard case .perform(.accept(let id), _)? = accept.first?.intent else { Issue.record("y did not accept: \(accept)"); return }
        #expect(id == r.file.pendingProposal?.id)
    }
}

/// A second process that holds SQLite's write lock until released (the sqlite3 shell inside an
/// open IMMEDIATE transaction).
final class LockHolder {
    let process = Process()
    let input = Pipe()
    let output = Pipe()

    init(_ path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nINSERT INTO meta (key, value) VALUES ('lock-test', '1');\nSELECT 'locked';\n".utf8))
        // The shell says "locked" once it holds the write lock.
        var seen = ""
        while !seen.contains("locked") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
    }

    func release() {
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        process.waitUntilExit()
    }

    deinit { if process.isRunning { process.terminate() } }
}
