/// Builds household files for the demo and the synthetic municipality with readable code:
/// ids are handed out from shared counters, dates are given as days before "today".
public struct IdCounter: Sendable {
    public var next: Int64
    public init(start: Int64 = 1) { next = start }
    public mutating func take() -> Int64 { defer { next += 1 }; return next }
}

/// One id sequence per record type, so ids are stable and never clash across households.
public struct IdSequences: Sendable {
    public var household = IdCounter(), member = IdCounter(), informal = IdCounter(), signal = IdCounter()
    public var meeting = IdCounter(), attendee = IdCounter(), assessment = IdCounter(), coordinator = IdCounter()
    public var action = IdCounter(), consent = IdCounter(), escalation = IdCounter(), contact = IdCounter()
    public var blockedRule = IdCounter()
    public var indication = IdCounter()
    public init() {}
}

public struct CaseFileBuilder {
    public var file: CaseFile
    public let today: Day

    public init(_ ids: inout IdSequences, name: String, wijk: String, team: String, today: Day, activeDaysAgo: Int,
                address: String? = nil, phone: String? = nil, ownView: String = "", involved: [Int64] = []) {
        self.today = today
        let h = Household(id: ids.household.take(), name: name, wijk: wijk, team: team, address: address, phone: phone,
                          status: .actief, createdOn: today.adding(days: -activeDaysAgo - 7),
                          activatedOn: today.adding(days: -activeDaysAgo), ownView: ownView, involved: involved)
        file = CaseFile(household: h)
    }

    public var id: Int64 { file.household.id }
    public func day(_ daysAgo: Int) -> Day { today.adding(days: -daysAgo) }

    @discardableResult
    public mutating func member(_ ids: inout IdSequences, _ name: String, _ role: MemberRole, age: Int? = nil,
                                birthDate: Day? = nil) -> Int64 {
        let m = Member(id: ids.member.take(), householdId: id, name: name, role: role, birthDate: birthDate,
                       birthYear: birthDate == nil ? age.map { today.year - $0 } : nil)
        file.members.append(m)
        return m.id
    }

    @discardableResult
    public mutating func informal(_ ids: inout IdSequences, _ name: String, _ kind: InformalKind, phone: String? = nil) -> Int64 {
        let p = InformalPerson(id: ids.informal.take(), householdId: id, name: name, kind: kind, phone: phone)
        file.informal.append(p)
        return p.id
    }

    public mutating func signal(_ ids: inout IdSequences, _ source: String, daysAgo: Int, _ text: String, known: Bool = false) {
        file.signals.append(Signal(id: ids.signal.take(), householdId: id, source: source, date: day(daysAgo), text: text, alreadyKnown: known))
    }

    public mutating func domain(_ code: String, _ status: DomainStatus, daysAgo: Int = 30, situation: String = "",
                                ownWords: String = "", organisations: [Int64] = [], noActionReason: String? = nil) {
        file.domains.removeAll { $0.domain == code }
        file.domains.append(DomainState(householdId: id, domain: code, status: status, situation: situation, ownWords: ownWords,
                                        organisations: organisations, noActionReason: noActionReason, updatedOn: day(daysAgo)))
    }

    public mutating func score(_ ids: inout IdSequences, _ member: Int64, _ domain: String, _ score: Int, daysAgo: Int,
                               own: Int? = nil, target: Int? = nil, by: Int64? = nil, meeting: Int64? = nil) {
        file.assessments.append(Assessment(id: ids.assessment.take(), householdId: id, memberId: member, domain: domain,
                                           date: day(daysAgo), score: score, ownScore: own, target: target, assessedBy: by, meetingId: meeting))
    }

    @discardableResult
    public mutating func meeting(_ ids: inout IdSequences, daysAgo: Int, chair: Int64?, minuteTaker: Int64? = nil,
                                 attendees: [(PartyRef, Presence)] = [], householdPresent: Bool = true, discussed: [String] = [],
                                 decisions: [String] = [], nextReviewInDays: Int? = nil, roster: Roster) -> Int64 {
        let mid = ids.meeting.take()
        let date = day(daysAgo)
        let all: [AgendaStep] = AgendaStep.allCases
        var m = Meeting(id: mid, householdId: id, date: date, startedAt: Int64(date.ordinal) * 86_400 + 9 * 3600,
                        endedAt: Int64(date.ordinal) * 86_400 + 9 * 3600 + 14 * 60, chairId: chair, minuteTakerId: minuteTaker,
                        householdPresent: householdPresent, consentChecked: true, currentStep: .closing, stepsCompleted: all,
                        decisions: decisions, nextReview: nextReviewInDays.map { today.adding(days: $0) } ?? date.adding(weeks: file.household.reviewCadenceWeeks),
                        domainsDiscussed: discussed, status: .closed)
        m.version = 1
        file.meetings.append(m)
        for (p, presence) in attendees {
            file.attendees.append(Attendee(id: ids.attendee.take(), meetingId: mid, party: p,
                                           organisationId: roster.organisationId(of: p), presence: presence))
        }
        return mid
    }

    @discardableResult
    public mutating func coordinator(_ ids: inout IdSequences, _ party: PartyRef, _ status: CoordinatorStatus, daysAgo: Int,
                                     reason: String? = nil, meeting: Int64? = nil) -> Int64 {
        let c = CoordinatorAssignment(id: ids.coordinator.take(), householdId: id, coordinator: party, status: status,
                                      proposedOn: day(daysAgo), decidedOn: status == .voorgesteld ? nil : day(daysAgo),
                                      declineReason: status == .afgewezen ? reason : nil, meetingId: meeting)
        file.coordinators.append(c)
        return c.id
    }

    @discardableResult
    public mutating func action(_ ids: inout IdSequences, _ domain: String, _ text: String, owner: PartyRef?, dueInDays: Int?,
                                status: ActionStatus = .open, createdDaysAgo: Int = 30, meeting: Int64? = nil,
                                configure: (inout Action) -> Void = { _ in }) -> Int64 {
        var a = Action(id: ids.action.take(), householdId: id, domain: domain, description: text, owner: owner,
                       due: dueInDays.map { today.adding(days: $0) }, status: status, meetingId: meeting,
                       createdOn: day(createdDaysAgo), agreement: .eens)
        if status == .gedaan { a.closeReason = .gedaan; a.closedOn = a.due ?? day(1) }
        if status == .vervallen { a.closeReason = .nietMogelijk; a.closedOn = day(max(0, createdDaysAgo - 10)) }
        configure(&a)
        file.actions.append(a)
        return a.id
    }

    public mutating func consent(_ ids: inout IdSequences, organisation: Int64, purpose: String, basis: ConsentBasis = .toestemming,
                                 givenDaysAgo: Int, expiresInDays: Int? = nil, member: Int64? = nil, recordedBy: Int64? = nil) {
        file.consents.append(Consent(id: ids.consent.take(), householdId: id, memberId: member, organisationId: organisation,
                                     purpose: purpose, basis: basis, givenOn: day(givenDaysAgo),
                                     expiresOn: expiresInDays.map { today.adding(days: $0) }, recordedBy: recordedBy))
    }

    public mutating func contact(_ ids: inout IdSequences, daysAgo: Int, by: Int64?, with: String, _ kind: ContactKind, _ note: String = "") {
        file.contacts.append(Contact(id: ids.contact.take(), householdId: id, date: day(daysAgo), professionalId: by,
                                     withWhom: with, kind: kind, note: note))
    }

    /// An indication for a member: law, provider, domain, from `startDaysAgo` until `endInDays` (nil: open-ended).
    public mutating func indication(_ ids: inout IdSequences, member: Int64, _ law: LegalFramework, provider: String, domain: String,
                                    startDaysAgo: Int, endInDays: Int?) {
        file.indications.append(Indication(id: ids.indication.take(), householdId: id, memberId: member, law: law, provider: provider,
                                           domain: domain, start: day(startDaysAgo), end: endInDays.map { today.adding(days: $0) }))
    }

    /// A rule that blocked help (*knellende regel*), with the exception used if any.
    public mutating func blockedRule(_ ids: inout IdSequences, daysAgo: Int, _ rule: String, _ source: BlockedRuleSource, domain: String,
                                     blocked: String, exception: RuleException = .geen, amount: Int? = nil, decidedBy: String? = nil, by: Int64?) {
        file.blockedRules.append(BlockedRule(id: ids.blockedRule.take(), householdId: id, date: day(daysAgo), rule: rule, source: source, domain: domain,
                                             blocked: blocked, exception: exception, amount: amount, decidedBy: decidedBy, recordedBy: by))
    }

    public mutating func escalation(_ ids: inout IdSequences, reason: String, by: Int64?, to: String, raisedDaysAgo: Int,
                                    deadlineDaysAgo: Int, decision: String? = nil) {
        file.escalations.append(Escalation(id: ids.escalation.take(), householdId: id, reason: reason, raisedBy: by, raisedTo: to,
                                           raisedOn: day(raisedDaysAgo), deadline: day(deadlineDaysAgo), decision: decision,
                                           decidedOn: decision == nil ? nil : day(1)))
    }
}
