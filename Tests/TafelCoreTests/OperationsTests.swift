import Testing
import TestSupport
@testable import TafelCore

/// Applies changes to a file as the store would (assigning ids to new records).
func applied(_ f: CaseFile, _ changes: [Change], nextId: inout Int64) -> CaseFile {
    var out = f
    for c in changes {
        var c = c
        if case .coordinator(let b, var n) = c, n.id == 0 { nextId += 1; n.id = nextId; c = .coordinator(base: b, new: n) }
        if case .assessment(var a) = c, a.id == 0 { nextId += 1; a.id = nextId; c = .assessment(a) }
        c.apply(to: &out)
    }
    return out
}

@Suite("Operations and invariants")
struct OperationsTests {
    let today = Fixture.today

    @Test func acceptingAProposalWhileOneIsActiveIsAHandover() throws {
        var f = Fixture()
        let first = f.coordinator(.professional(1), .geaccepteerd, daysAgo: 50)
        var next: Int64 = 5000
        var file = applied(f.file, try f.file.proposeCoordinator(.professional(2), on: today), nextId: &next)
        #expect(file.activeCoordinator?.id == first) // still the old one until accepted
        let proposal = file.pendingProposal!.id
        file = applied(file, try file.acceptCoordinator(proposal, on: today), nextId: &next)
        #expect(file.activeCoordinator?.id == proposal)
        let old = file.coordinators.first { $0.id == first }!
        #expect(old.status == .beeindigd && old.endedOn == today && old.endReason == "overdracht")
        try file.validateInvariants()
    }

    @Test func onlyOneProposalAtATime() throws {
        let f = Fixture()
        var next: Int64 = 5000
        let file = applied(f.file, try f.file.proposeCoordinator(.professional(1), on: today), nextId: &next)
        #expect(throws: DomainError.proposalPending) { try file.proposeCoordinator(.professional(2), on: today) }
    }

    @Test func declineNeedsAReasonAndCountsAsABounce() throws {
        var f = Fixture()
        let p = f.coordinator(.professional(1), .voorgesteld)
        #expect(throws: DomainError.declineNeedsReason) { try f.file.declineCoordinator(p, reason: "  ", on: today) }
        var next: Int64 = 5000
        let file = applied(f.file, try f.file.declineCoordinator(p, reason: "regel jij dat maar", on: today), nextId: &next)
        #expect(file.coordinators[0].status == .afgewezen)
        #expect(file.coordinators[0].declineReason == "regel jij dat maar")
        #expect(throws: DomainError.notPending) { try file.acceptCoordinator(p, on: today) }
    }

    @Test func twoAcceptedCoordinatorsBreakTheInvariant() {
        var f = Fixture()
        f.coordinator(.professional(1), .geaccepteerd)
        f.coordinator(.member(f.anja), .geaccepteerd)
        #expect(throws: DomainError.twoCoordinators) { try f.file.validateInvariants() }
    }

    @Test func aHouseholdMemberMayCoordinate() throws {
        let f = Fixture()
        var next: Int64 = 5000
        var file = applied(f.file, try f.file.proposeCoordinator(.member(f.anja), on: today), nextId: &next)
        file = applied(file, try file.acceptCoordinator(file.pendingProposal!.id, on: today), nextId: &next)
        #expect(file.activeCoordinator?.coordinator == .member(f.anja))
    }

    @Test func closingNeedsAReasonAndReplacementNeedsTheOtherAction() throws {
        var f = Fixture()
        let a = f.action()
        let b = f.action("financien", "Budgetbeheer")
        #expect(throws: DomainError.replacementRequired) { try f.file.closeAction(a, reason: .vervangenDoor, on: today) }
        let changes = try f.file.closeAction(a, reason: .vervangenDoor, on: today, replacedBy: b)
        guard case .action(_, let n) = changes[0] else { Issue.record("expected an action change"); return }
        #expect(n.status == .vervallen && n.replacedBy == b && n.closedOn == today)
        let done = try f.file.closeAction(b, reason: .gedaan, on: today)
        guard case .action(_, let d) = done[0] else { return }
        #expect(d.status == .gedaan)
    }

    @Test func aClosedActionCannotBeClosedOrCarriedAgain() {
        var f = Fixture()
        let a = f.action(status: .gedaan)
        #expect(throws: DomainError.actionNotOpen) { try f.file.closeAction(a, reason: .gedaan, on: today) }
        #expect(throws: DomainError.actionNotOpen) { try f.file.carryOver(a, newDue: today, on: today) }
    }

    @Test func carryOverCountsAndRefusesAPastDate() throws {
        var f = Fixture()
        let a = f.action(dueInDays: -3)
        #expect(throws: DomainError.dueInPast(today.adding(days: -1))) { try f.file.carryOver(a, newDue: today.adding(days: -1), on: today) }
        let ch = try f.file.carryOver(a, newDue: today.adding(weeks: 2), on: today)
        guard case .action(_, let n) = ch[0] else { return }
        #expect(n.carryOverCount == 1 && n.due == today.adding(weeks: 2))
    }

    @Test func rejectionKeepsItsReasonCode() throws {
        var f = Fixture()
        let a = f.action()
        let ch = try f.file.rejectAction(a, rejection: Rejection(.voorliggend, law: .zvw), on: today)
        guard case .action(_, let n) = ch[0] else { return }
        #expect(n.status == .afgewezen && n.rejection == Rejection(.voorliggend, law: .zvw))
        #expect(throws: DomainError.rejectionNeedsReason) {
            var bad = n; bad.rejection = nil
            try Validation.validate(bad, domains: [])
        }
    }

    @Test func enteringTheWaitingListStartsAnEpisode() throws {
        var f = Fixture()
        let a = f.action()
        let ch = try f.file.setActionStatus(a, to: .wachtlijst, on: today)
        guard case .action(_, let n) = ch[0] else { return }
        #expect(n.waitingSince == today && n.waitingEpisodes == 1)
        #expect(throws: DomainError.invalidTransition(from: "open", to: "gedaan")) { try f.file.setActionStatus(a, to: .gedaan, on: today) }
    }

    @Test func scoresAreValidatedAndHistoryIsKept() throws {
        var f = Fixture()
        #expect(throws: DomainError.outOfRange(field: "score", min: 1, max: 5)) {
            try f.file.setScore(member: f.anja, domain: "financien", score: 6, on: today)
        }
        f.score("financien", 3, daysAgo: 30)
        var next: Int64 = 9000
        let file = applied(f.file, try f.file.setScore(member: f.anja, domain: "financien", score: 2, on: today), nextId: &next)
        #expect(file.history(member: f.anja, domain: "financien").map(\.score) == [3, 2])
        #expect(file.lowestScore(domain: "financien") == 2)
    }

    @Test func aClosedHouseholdOnlyChangesByReopeningWithAReason() throws {
        var f = Fixture()
        let close = try f.file.close(reason: "Doelen bereikt", on: today)
        close[0].apply(to: &f.file)
        #expect(throws: DomainError.householdClosed) { try f.file.setDomainStatus("financien", .zorg, on: today) }
        #expect(throws: DomainError.householdClosed) {
            try CaseFile.checkClosedHousehold(before: f.file.household, changes: [.contact(base: nil, new: Contact(id: 0, householdId: f.hid, date: today, withWhom: "x", kind: .telefoon))], note: nil)
        }
        let reopen = try f.file.reopen(reason: "Nieuwe schulden", on: today)
        #expect(throws: DomainError.reopenNeedsReason) { try CaseFile.checkClosedHousehold(before: f.file.household, changes: reopen, note: "") }
        try CaseFile.checkClosedHousehold(before: f.file.household, changes: reopen, note: "Nieuwe schulden")
        #expect(throws: DomainError.reopenNeedsReason) { try f.file.reopen(reason: "", on: today) }
    }

    @Test func validationNamesTheField() {
        let a = Action(id: 1, householdId: 1, domain: "financien", description: "  ", createdOn: today)
        #expect(throws: DomainError.required(field: "description")) { try Validation.validate(a, domains: []) }
        let b = Action(id: 1, householdId: 1, domain: "astrologie", description: "x", createdOn: today)
        #expect(throws: DomainError.unknownDomain("astrologie")) { try Validation.validate(b, domains: ["financien"]) }
        let strings = Strings(.nl)
        #expect(strings.render(DomainError.required(field: "description").message) == "omschrijving ontbreekt: vul omschrijving in")
        #expect(Strings(.en).render(DomainError.required(field: "description").message) == "description is missing: fill in description")
    }

    @Test func smartCheckWarnsAboutVagueAndIncompleteActions() {
        let a = Action(id: 1, householdId: 1, domain: "financien", description: "Situatie blijven monitoren", createdOn: today)
        #expect(SmartCheck.warnings(for: a, today: today) == [.noOwner, .noDue, .vague])
        var b = a
        b.description = "Aanvraag schuldhulp indienen"; b.owner = .professional(1); b.due = today.adding(days: -1)
        #expect(SmartCheck.warnings(for: b, today: today) == [.dueInPast])
        #expect(SmartCheck.isComplete(b))
    }

    @Test func agesAndEighteenthBirthdays() {
        let m = Member(id: 1, householdId: 1, name: "Nathalie", role: .kind, birthDate: Day(iso: "2009-03-31")!)
        #expect(m.age(on: Day(iso: "2026-11-23")!) == 17)
        #expect(m.eighteenthBirthday == Day(iso: "2027-03-31"))
        let leap = Member(id: 2, householdId: 1, name: "Sepp", role: .kind, birthDate: Day(iso: "2008-02-29")!)
        #expect(leap.eighteenthBirthday == Day(iso: "2026-02-28"))
        let yearOnly = Member(id: 3, householdId: 1, name: "Jolanda", role: .overig, birthYear: 1944)
        #expect(yearOnly.age(on: Day(iso: "2026-11-23")!) == 82)
    }

    @Test func accessPolicyIsNeedToKnow() {
        var f = Fixture()
        let sanne = f.roster.professionals[1]!, ahmed = f.roster.professionals[2]!, petra = f.roster.professionals[3]!
        #expect(AccessPolicy.decide(user: ahmed, file: f.file) == .denied)
        f.action(owner: .professional(2))
        #expect(AccessPolicy.decide(user: ahmed, file: f.file) == .allowed)
        #expect(AccessPolicy.decide(user: sanne, file: f.file) == .denied) // same team, but a medewerker must be involved
        #expect(AccessPolicy.decide(user: petra, file: f.file) == .needsReason)
        var chair = sanne; chair.role = .voorzitter; chair.id = 99
        #expect(AccessPolicy.decide(user: chair, file: f.file) == .allowed) // same team
    }
}
