import Testing
import TestSupport
@testable import TafelCore

/// The household record outside the meeting: members, lifecycle, flags, dependencies, undo and
/// the signal-without-contact rule, as pure operations on a file.
@Suite("Household record")
struct HouseholdRecordTests {
    let today = Fixture.today
    var sanne: Professional { Fixture().roster.professionals[1]! }
    func ctx() -> OperationContext { OperationContext(today: today, now: 1_000, user: sanne) }

    func applying(_ file: CaseFile, _ changes: [Change]) -> CaseFile {
        var f = file
        var next: Int64 = 9000
        for var c in changes {
            if case .member(let b, var m) = c, m.id == 0 { next += 1; m.id = next; c = .member(base: b, new: m) }
            if case .action(let b, var a) = c, a.id == 0 { next += 1; a.id = next; c = .action(base: b, new: a) }
            c.apply(to: &f)
        }
        return f
    }

    @Test func anEndedMemberKeepsTheirHistoryButLeavesTheHousehold() throws {
        var f = Fixture()
        f.score("financien", 2, member: f.tim)
        let changes = try CaseOperation.endMember(f.tim, .uitHuis, on: today).changes(in: f.file, context: ctx())
        let after = applying(f.file, changes)
        #expect(after.member(f.tim)?.endedOn == today && after.member(f.tim)?.endReason == .uitHuis)
        #expect(after.currentMembers(on: today).map(\.id) == [f.anja])
        #expect(after.assessments.contains { $0.memberId == f.tim }, "history kept")
        #expect(throws: DomainError.memberEnded) { try CaseOperation.endMember(f.tim, .verhuisd, on: today).changes(in: after, context: ctx()) }
        #expect(throws: DomainError.memberEnded) {
            try CaseOperation.setScore(member: f.tim, domain: "werk-opleiding", score: 3, meetingId: nil).changes(in: after, context: ctx())
        }
    }

    @Test func aMemberEditMergesWithSomeoneElsesEdit() throws {
        let f = Fixture()
        let base = f.file.member(f.anja)!
        var theirs = base
        theirs.birthYear = 1983
        var file = f.file
        file.members[file.members.firstIndex { $0.id == f.anja }!] = theirs
        var mine = base
        mine.name = "Anja de Wit"
        guard case .member(_, let merged)? = try CaseOperation.editMember(base: base, edited: mine).changes(in: file, context: ctx()).first else {
            Issue.record("not saved"); return
        }
        #expect(merged.name == "Anja de Wit" && merged.birthYear == 1983)
        mine.birthYear = 1985
        #expect(throws: EditConflict.self) { try CaseOperation.editMember(base: base, edited: mine).changes(in: file, context: ctx()) }
    }

    @Test func closingNeedsAReasonCodeAndReopeningAReason() throws {
        let f = Fixture()
        #expect(throws: DomainError.required(field: "closeReason")) {
            try CaseOperation.closeHousehold(.anders, note: " ").changes(in: f.file, context: ctx())
        }
        let closed = applying(f.file, try CaseOperation.closeHousehold(.doelenBereikt, note: nil).changes(in: f.file, context: ctx()))
        #expect(closed.household.status == .afgesloten && closed.household.closeCode == .doelenBereikt && closed.household.closedOn == today)
        #expect(CaseOperation.closeHousehold(.verhuisd, note: "naar Utrecht").note == "verhuisd: naar Utrecht")
        // A closed household changes only by reopening (with a reason) or by a new signal.
        #expect(throws: DomainError.householdClosed) { try CaseOperation.setChronic(true).changes(in: closed, context: ctx()) }
        let reopen = try CaseOperation.reopenHousehold(reason: "nieuwe melding").changes(in: closed, context: ctx())
        #expect(throws: DomainError.reopenNeedsReason) { try CaseFile.checkClosedHousehold(before: closed.household, changes: reopen, note: nil) }
        try CaseFile.checkClosedHousehold(before: closed.household, changes: reopen, note: "nieuwe melding")
        let signal = Signal(id: 0, householdId: closed.id, source: "buren", date: today, text: "weer overlast")
        let back = try CaseOperation.addSignal(signal).changes(in: closed, context: ctx())
        try CaseFile.checkClosedHousehold(before: closed.household, changes: back, note: nil)
        #expect(applying(closed, back).household.status == .aangemeld)
    }

    @Test func geenHulpvraagWithAPlanAndANextAttemptSilencesTheRule() throws {
        var f = Fixture()
        f.file.household.noHelpRequest = true
        #expect(!f.findings(.geenHulpvraag).isEmpty)
        let op = CaseOperation.setNoHelpRequest(true, plan: "Huisbezoek met de wijkagent", by: .professional(1), nextAttempt: today.adding(days: 7))
        f.file = applying(f.file, try op.changes(in: f.file, context: ctx()))
        #expect(f.file.household.outreachBy == .professional(1))
        #expect(f.findings(.geenHulpvraag).isEmpty)
        // Past the next attempt without a new one: it fires again.
        #expect(!f.findings(.geenHulpvraag, today: today.adding(days: 8)).isEmpty)
    }

    @Test func aWaitingActionIsNotLateButItsPrerequisiteIs() throws {
        var f = Fixture()
        let id = f.action("financien", "ID-bewijs aanvragen", dueInDays: -5, owner: .professional(2))
        let waiting = f.action("financien", "Intake schuldhulp", dueInDays: -3) { $0.dependsOn = [id] }
        let late = f.findings(.actieVerlopen).map(\.ref)
        #expect(late.contains(.action(id)))
        #expect(!late.contains(.action(waiting)), "waiting for an open prerequisite is not late")
        #expect(f.file.isWaiting(f.file.action(waiting)!))
        // Once the prerequisite is done, the waiting action is late in its own right.
        f.file = applying(f.file, try f.file.closeAction(id, reason: .gedaan, on: today))
        #expect(f.findings(.actieVerlopen).map(\.ref).contains(.action(waiting)))
    }

    @Test func aCycleOfWaitingActionsIsRefused() throws {
        var f = Fixture()
        let a = f.action("financien", "A")
        let b = f.action("werk-opleiding", "B") { $0.dependsOn = [a] }
        var edited = f.file.action(a)!
        edited.dependsOn = [b]
        let changes = try CaseOperation.editAction(base: f.file.action(a)!, edited: edited).changes(in: f.file, context: ctx())
        let after = applying(f.file, changes)
        #expect(after.dependencyCycle() == [a, b, a])
        #expect(throws: DomainError.dependencyCycle([a, b, a])) { try after.validateInvariants() }
        var unknown = f.file.action(a)!
        unknown.dependsOn = [999_999]
        #expect(throws: DomainError.notFound(entity: "action", id: 999_999)) {
            try CaseOperation.editAction(base: f.file.action(a)!, edited: unknown).changes(in: f.file, context: ctx())
        }
    }

    @Test func undoPutsBackWhatWasChangedUnlessSomeoneChangedItSince() throws {
        var f = Fixture()
        let id = f.action("financien", "Budgetplan")
        let done = try CaseOperation.closeAction(id, .gedaan, replacedBy: nil).changes(in: f.file, context: ctx())
        // As the store returns them: with the versions it assigned.
        let stored = done.map { c -> Change in
            if case .action(let b, var n) = c { n.version += 1; return .action(base: b, new: n) }
            return c
        }
        let closed = applying(f.file, stored)
        let undo = try CaseOperation.undo(stored).changes(in: closed, context: ctx())
        let back = applying(closed, undo)
        #expect(back.action(id)?.status == .open && back.action(id)?.closeReason == nil)
        #expect(CaseOperation.undo(stored).note == "undo")
        // Changed since: refused.
        var moved = closed
        moved.actions[moved.actions.firstIndex { $0.id == id }!].description = "Budgetplan met Anja"
        #expect(throws: DomainError.changedSince) { try CaseOperation.undo(stored).changes(in: moved, context: ctx()) }
        // A new record is not undone by deleting it.
        #expect(!CaseFile.canUndo([.contact(base: nil, new: Contact(id: 1, householdId: f.hid, date: today, withWhom: "x", kind: .telefoon))]))
        #expect(!CaseFile.canUndo([.assessment(Assessment(id: 1, householdId: f.hid, memberId: f.anja, domain: "financien", date: today, score: 2))]))
    }

    @Test func aSignalWithoutContactShowsAfterItsThresholdAlsoForASignalledHousehold() throws {
        var f = Fixture()
        f.file.household.status = .aangemeld
        f.file.contacts = []
        f.file.signals = [Signal(id: 1, householdId: f.hid, source: "woningcorporatie", date: today.adding(days: -20), text: "huurachterstand")]
        let found = f.findings(.signaalZonderContact)
        #expect(found.count == 1 && found[0].severity == .hoog && found[0].since == today.adding(days: -20))
        // Only this rule looks at a household still only signalled.
        let all = StallRules.evaluate(f.file, f.context())
        #expect(Set(all.map(\.rule)) == [.signaalZonderContact])
        // At the threshold −1 day: silent; a first contact after the signal: silent.
        #expect(f.findings(.signaalZonderContact, today: today.adding(days: -7)).isEmpty)
        f.contact(daysAgo: 1)
        #expect(f.findings(.signaalZonderContact).isEmpty)
        var t = SignalThresholds()
        t.signalContactDays = 30
        var g = Fixture()
        g.file.contacts = []
        g.file.signals = f.file.signals
        #expect(g.findings(.signaalZonderContact, thresholds: t).isEmpty, "threshold configurable")
    }

    @Test func intakeNamesAHouseholdAfterTheFamily() {
        let s = Strings(.nl)
        #expect(IntakeNaming.householdName(from: "Jan de Vries", strings: s) == "Familie De Vries")
        #expect(IntakeNaming.householdName(from: "Eva Jansen, Jan Jansen", strings: s) == "Familie Jansen")
        #expect(IntakeNaming.householdName(from: "", strings: s) == "Huishouden (nog zonder naam)")
    }
}
