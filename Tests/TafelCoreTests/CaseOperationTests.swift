import Testing
import TestSupport
@testable import TafelCore

/// Intents as values: what each one changes on a household file, and when a stale edit is a
/// conflict (with both versions) instead of a silent overwrite.
@Suite("Intents (CaseOperation)")
struct CaseOperationTests {
    let today = Fixture.today
    var sanne: Professional { Fixture().roster.professionals[1]! }
    func context(_ user: Professional? = nil) -> OperationContext {
        OperationContext(today: today, now: 1_000_000, user: user ?? sanne)
    }

    @Test func startingAMeetingActivatesCreatesAndAttendsInOneList() throws {
        var f = Fixture()
        f.file.household.status = .aangemeld
        f.file.meetings = []
        let changes = try CaseOperation.startMeeting(anotherToday: false).changes(in: f.file, context: context())
        #expect(changes.count == 3)
        guard case .household(_, let h) = changes[0], case .meeting(nil, let m) = changes[1], case .attendee(nil, let a) = changes[2] else {
            Issue.record("unexpected changes \(changes)"); return
        }
        #expect(h.status == .actief && h.activatedOn == today)
        #expect(m.date == today && m.startedAt == 1_000_000 && m.nextReview == today.adding(weeks: 6))
        // The attendee belongs to the meeting created in the same list (id 0 until stored).
        #expect(a.meetingId == 0 && a.party == .professional(sanne.id) && a.organisationId == 1)
    }

    @Test func aTargetStandsBesideTheLatestScoreAndNeedsOne() throws {
        var f = Fixture()
        let member = f.file.members[0].id
        f.file.assessments.append(Assessment(id: 55, householdId: f.file.id, memberId: member, domain: "financien", date: today.adding(days: -30), score: 2))
        let scored = ["financien"]
        let domain = "financien"
        let latest = f.file.history(member: member, domain: domain).last!
        // In a new meeting: the latest score is carried in with the target.
        let changes = try CaseOperation.setTarget(member: member, domain: domain, target: 4, meetingId: 777).changes(in: f.file, context: context())
        guard case .assessment(let a)? = changes.first else { Issue.record("expected an assessment: \(changes)"); return }
        #expect(a.target == 4 && a.score == latest.score && a.meetingId == 777 && a.id == 0)
        // Outside a meeting the latest score gets the target; the same target again changes nothing.
        let edit = try CaseOperation.setTarget(member: member, domain: domain, target: 3, meetingId: nil).changes(in: f.file, context: context())
        guard case .assessment(let b)? = edit.first else { Issue.record("expected an assessment"); return }
        #expect(b.id == latest.id && b.target == 3)
        var same = f.file
        same.assessments[same.assessments.firstIndex { $0.id == latest.id }!].target = 3
        #expect(try CaseOperation.setTarget(member: member, domain: domain, target: 3, meetingId: nil).changes(in: same, context: context()).isEmpty)
        // A domain never scored for this member has nothing to stand beside; 6 is out of range.
        let unscored = ReferenceData.bundled.domainSet("zrm-2017")!.codes.first { !scored.contains($0) }!
        #expect(throws: DomainError.self) { try CaseOperation.setTarget(member: member, domain: unscored, target: 4, meetingId: 777).changes(in: f.file, context: context()) }
        #expect(throws: DomainError.self) { try CaseOperation.setTarget(member: member, domain: domain, target: 6, meetingId: nil).changes(in: f.file, context: context()) }
    }

    @Test func oneConsentForSeveralOrganisationsIsOneListOfEqualConsents() throws {
        let f = Fixture()
        let c = Consent(id: 0, householdId: f.file.id, memberId: nil, organisationId: 2, purpose: "casusoverleg", basis: .toestemming,
                        givenOn: today, expiresOn: today.adding(years: 1), recordedBy: nil)
        let changes = try CaseOperation.recordConsent(c, alsoFor: [3, 2, 4]).changes(in: f.file, context: context())
        let consents = changes.compactMap { if case .consent(nil, let n) = $0 { return n } else { return nil } }
        #expect(consents.map(\.organisationId) == [2, 3, 4], "each organisation once, the chosen one first")
        #expect(Set(consents.map(\.basis)) == [.toestemming] && Set(consents.map(\.expiresOn)) == [today.adding(years: 1)])
        #expect(consents.allSatisfy { $0.recordedBy == sanne.id && $0.householdId == f.file.id })
        let s = Strings(.nl)
        #expect(OperationWording.done(.recordConsent(c, alsoFor: [3, 4]), result: OperationResult(file: f.file, changes: changes), strings: s)
                == Message("done.consent-all", .number(3)), "the status counts what was written")
        #expect(OperationWording.done(.recordConsent(c), result: OperationResult(file: f.file, changes: Array(changes.prefix(1))), strings: s)
                == Message("done.consent"))
    }

    @Test func aMeetingOfTodayIsResumedAndAClosedOneIsNotReplaced() throws {
        var f = Fixture()
        let mid = f.meeting(daysAgo: 0, status: .open)
        #expect(try CaseOperation.startMeeting(anotherToday: false).changes(in: f.file, context: context()).isEmpty)
        #expect(f.file.meetingToOpen(on: today)?.id == mid)
        f.file.meetings[f.file.meetings.firstIndex { $0.id == mid }!].status = .closed
        // Closed today: shown again, not a second empty meeting — unless asked for explicitly.
        #expect(try CaseOperation.startMeeting(anotherToday: false).changes(in: f.file, context: context()).isEmpty)
        #expect(f.file.meetingToOpen(on: today)?.id == mid)
        #expect(try CaseOperation.startMeeting(anotherToday: true).changes(in: f.file, context: context()).count == 2)
    }

    @Test func aStaleTextIsAConflictHoldingBothTexts() throws {
        var f = Fixture()
        f.file.household.ownView = "Rust in huis. AAA"   // someone else saved this meanwhile
        let op = CaseOperation.setText(.ownView, base: "Rust in huis", text: "Rust in huis. BBB")
        do {
            _ = try op.changes(in: f.file, context: context())
            Issue.record("a stale text was accepted")
        } catch let c as EditConflict {
            #expect(c.entity == "household")
            #expect(c.fields == [FieldConflict(field: "ownView", theirs: .text("Rust in huis. AAA"), yours: .text("Rust in huis. BBB"))])
            // Keeping mine is the same text, now based on theirs: accepted.
            let again = try c.keepYours.changes(in: f.file, context: context())
            guard case .household(_, let h)? = again.first else { Issue.record("not saved"); return }
            #expect(h.ownView == "Rust in huis. BBB")
        }
        // Based on what is stored: saved. The same text as stored: nothing to do.
        #expect(try CaseOperation.setText(.ownView, base: "Rust in huis. AAA", text: "x").changes(in: f.file, context: context()).count == 1)
        #expect(try CaseOperation.setText(.ownView, base: "old", text: "Rust in huis. AAA").changes(in: f.file, context: context()).isEmpty)
    }

    @Test func aSituationTextCreatesTheDomainRecordWhenThereIsNone() throws {
        let f = Fixture()
        let changes = try CaseOperation.setText(.situation("financien"), base: "", text: "Schulden bij drie partijen").changes(in: f.file, context: context())
        guard case .domain(nil, let d)? = changes.first else { Issue.record("\(changes)"); return }
        #expect(d.situation == "Schulden bij drie partijen" && d.status == .nietBesproken)
    }

    @Test func anActionEditMergesFieldsTheOtherUserDidNotTouch() throws {
        var f = Fixture()
        let id = f.action(dueInDays: 5)
        let base = f.file.action(id)!
        // They moved the due date; I changed the description: both kept.
        var theirs = base
        theirs.due = today.adding(days: 20)
        theirs.version = 2
        f.file.actions[f.file.actions.firstIndex { $0.id == id }!] = theirs
        var mine = base
        mine.description = "Schuldhulp aanvragen bij de gemeente"
        let changes = try CaseOperation.editAction(base: base, edited: mine).changes(in: f.file, context: context())
        guard case .action(let b, let n)? = changes.first else { Issue.record("\(changes)"); return }
        #expect(b == theirs)
        #expect(n.description == "Schuldhulp aanvragen bij de gemeente" && n.due == today.adding(days: 20))
    }

    @Test func anActionFieldBothChangedIsAConflictNamingTheField() throws {
        var f = Fixture()
        let id = f.action(dueInDays: 5)
        let base = f.file.action(id)!
        var theirs = base
        theirs.owner = .professional(2)
        f.file.actions[f.file.actions.firstIndex { $0.id == id }!] = theirs
        var mine = base
        mine.owner = .professional(3)
        mine.due = today.adding(days: 9)
        do {
            _ = try CaseOperation.editAction(base: base, edited: mine).changes(in: f.file, context: context())
            Issue.record("a conflicting edit was accepted")
        } catch let c as EditConflict {
            #expect(c.fields == [FieldConflict(field: "owner", theirs: .party(.professional(2)), yours: .party(.professional(3)))])
            guard case .editAction(let newBase, let merged) = c.keepYours else { Issue.record("no way to keep mine"); return }
            #expect(newBase == theirs && merged.owner == .professional(3) && merged.due == today.adding(days: 9))
        }
    }

    @Test func scoringInAMeetingMarksTheDomainDiscussedInTheSameList() throws {
        var f = Fixture()
        let mid = f.meeting(daysAgo: 0, status: .open)
        let changes = try CaseOperation.setScore(member: f.anja, domain: "financien", score: 2, meetingId: mid).changes(in: f.file, context: context())
        #expect(changes.count == 2)
        guard case .meeting(_, let m)? = changes.last else { Issue.record("\(changes)"); return }
        #expect(m.domainsDiscussed.contains("financien"))
        // Already discussed: only the score.
        var g = f.file
        g.meetings[g.meetings.firstIndex { $0.id == mid }!].domainsDiscussed = ["financien"]
        #expect(try CaseOperation.setScore(member: f.anja, domain: "financien", score: 3, meetingId: mid).changes(in: g, context: context()).count == 1)
        // Marking "niet besproken" does not count as discussing it.
        #expect(try CaseOperation.setDomainStatus("werk", .nietBesproken, meetingId: mid).changes(in: f.file, context: context()).count <= 1)
    }

    @Test func aClosedMeetingTakesNoMoreDecisionsOrAttendees() throws {
        var f = Fixture()
        let mid = f.meeting(daysAgo: 0, status: .open)
        f.file.meetings[f.file.meetings.firstIndex { $0.id == mid }!].status = .closed
        #expect(throws: DomainError.meetingClosed) { try CaseOperation.setDecision(meetingId: mid, index: nil, text: "x").changes(in: f.file, context: context()) }
        #expect(throws: DomainError.meetingClosed) { try CaseOperation.addGuest(meetingId: mid, name: "Tolk").changes(in: f.file, context: context()) }
        #expect(try CaseOperation.setAgenda(meetingId: mid, current: .opening, completed: []).changes(in: f.file, context: context()).isEmpty)
    }

    @Test func closingAMeetingRecordsTheReasonAsTheEventNote() throws {
        var f = Fixture()
        let mid = f.meeting(daysAgo: 0, status: .open)
        let op = CaseOperation.closeMeeting(meetingId: mid, gapReason: "  regie volgende keer bij de wijkcoach ", gaps: ["no-coordinator"])
        #expect(op.note == "  regie volgende keer bij de wijkcoach ")
        guard case .meeting(_, let m)? = try op.changes(in: f.file, context: context()).first else { Issue.record("not closed"); return }
        #expect(m.status == .closed && m.gapReason == "regie volgende keer bij de wijkcoach" && m.endedAt == 1_000_000)
        #expect(m.gapsClosedOver == ["no-coordinator"])
        #expect(throws: DomainError.meetingClosed) {
            var g = f.file
            g.meetings[g.meetings.firstIndex { $0.id == mid }!] = m
            _ = try op.changes(in: g, context: context())
        }
    }
}

/// Doorzettingsmacht: only the one an escalation was raised to, or a teamleider, decides it.
@Suite("Escalation rights")
struct EscalationRightsTests {
    let today = Fixture.today

    func file(raisedTo: String, raisedBy: Int64) -> CaseFile {
        var f = Fixture().file
        f.escalations = [Escalation(id: 5, householdId: f.id, reason: "Twee jaar geen regie", raisedBy: raisedBy, raisedTo: raisedTo,
                                    raisedOn: today.adding(days: -3), deadline: today.adding(days: 11))]
        return f
    }

    func pro(_ id: Int64, _ name: String, _ login: String, _ role: TafelRole) -> Professional {
        Professional(id: id, name: name, organisationId: 1, discipline: "", role: role, login: login, team: "Team Zuid")
    }

    @Test func theOneItWasRaisedToDecidesAndIsRecorded() throws {
        let manager = pro(40, "Karin Smits", "ksmits", .voorzitter)
        let f = file(raisedTo: "Karin Smits (manager Wmo)", raisedBy: 1)
        let changes = try CaseOperation.decideEscalation(5, decision: "Wijkteam neemt de regie").changes(
            in: f, context: OperationContext(today: today, now: 0, user: manager))
        guard case .escalation(_, let e) = changes.first else { Issue.record("\(changes)"); return }
        #expect(e.decision == "Wijkteam neemt de regie" && e.decidedOn == today && e.decidedBy == 40)
    }

    @Test func aMedewerkerWhoRaisedItOrIsNotNamedMayNot() {
        let raiser = pro(1, "Sanne de Boer", "sanne", .medewerker)
        let other = pro(2, "Kees Bakker", "kees", .medewerker)
        let f = file(raisedTo: "manager Wmo", raisedBy: 1)
        for user in [raiser, other] {
            #expect(throws: DomainError.escalationNotYours(raisedTo: "manager Wmo")) {
                _ = try CaseOperation.decideEscalation(5, decision: "zelf besloten").changes(in: f, context: OperationContext(today: today, now: 0, user: user))
            }
        }
        // Named by login also counts; a teamleider always may.
        #expect(EscalationRights.mayDecide(other, file(raisedTo: "kees", raisedBy: 1).escalations[0]))
        #expect(!EscalationRights.mayDecide(other, file(raisedTo: "keesje de vries", raisedBy: 1).escalations[0]))
        #expect(EscalationRights.mayDecide(pro(3, "Petra van Dijk", "petra", .teamleider), f.escalations[0]))
    }
}
