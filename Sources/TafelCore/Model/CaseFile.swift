/// Everything recorded about one household: the aggregate that rules, signals,
/// the reach panel, the agenda and the minutes are computed from.
public struct CaseFile: Codable, Hashable, Sendable {
    public var household: Household
    public var members: [Member]
    public var informal: [InformalPerson]
    public var signals: [Signal]
    public var domains: [DomainState]
    public var assessments: [Assessment]
    public var coordinators: [CoordinatorAssignment]
    public var actions: [Action]
    public var meetings: [Meeting]
    public var attendees: [Attendee]
    public var consents: [Consent]
    public var escalations: [Escalation]
    public var contacts: [Contact]
    /// The register of rules that blocked help for this household (*knellende regels*).
    public var blockedRules: [BlockedRule] = []
    /// Indications (*indicaties*, *beschikkingen*) per member: law, provider, start and end.
    public var indications: [Indication] = []

    public init(household: Household, members: [Member] = [], informal: [InformalPerson] = [], signals: [Signal] = [],
                domains: [DomainState] = [], assessments: [Assessment] = [], coordinators: [CoordinatorAssignment] = [],
                actions: [Action] = [], meetings: [Meeting] = [], attendees: [Attendee] = [], consents: [Consent] = [],
                escalations: [Escalation] = [], contacts: [Contact] = [], blockedRules: [BlockedRule] = [],
                indications: [Indication] = []) {
        self.household = household; self.members = members; self.informal = informal; self.signals = signals
        self.domains = domains; self.assessments = assessments; self.coordinators = coordinators
        self.actions = actions; self.meetings = meetings; self.attendees = attendees; self.consents = consents
        self.escalations = escalations; self.contacts = contacts; self.blockedRules = blockedRules
        self.indications = indications
    }

    public var id: Int64 { household.id }

    enum CodingKeys: String, CodingKey {
        case household, members, informal, signals, domains, assessments, coordinators, actions, meetings, attendees
        case consents, escalations, contacts, blockedRules, indications
    }

    /// Decodes a household file; `blockedRules` and `indications` are absent in older files.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(household: try c.decode(Household.self, forKey: .household), members: try c.decode([Member].self, forKey: .members),
                  informal: try c.decode([InformalPerson].self, forKey: .informal), signals: try c.decode([Signal].self, forKey: .signals),
                  domains: try c.decode([DomainState].self, forKey: .domains), assessments: try c.decode([Assessment].self, forKey: .assessments),
                  coordinators: try c.decode([CoordinatorAssignment].self, forKey: .coordinators), actions: try c.decode([Action].self, forKey: .actions),
                  meetings: try c.decode([Meeting].self, forKey: .meetings), attendees: try c.decode([Attendee].self, forKey: .attendees),
                  consents: try c.decode([Consent].self, forKey: .consents), escalations: try c.decode([Escalation].self, forKey: .escalations),
                  contacts: try c.decode([Contact].self, forKey: .contacts))
        blockedRules = try c.decodeIfPresent([BlockedRule].self, forKey: .blockedRules) ?? []
        indications = try c.decodeIfPresent([Indication].self, forKey: .indications) ?? []
    }
}

// MARK: - Queries used by rules, screens and minutes

extension CaseFile {
    /// The household's state in a domain; a domain never recorded is `niet besproken`.
    public func domainState(_ code: String) -> DomainState {
        domains.first { $0.domain == code } ?? DomainState(householdId: household.id, domain: code, updatedOn: household.createdOn)
    }

    /// Each member's assessments in a domain, oldest first.
    public func history(member: Int64, domain: String) -> [Assessment] {
        assessments.filter { $0.memberId == member && $0.domain == domain }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// The latest assessment per member in a domain.
    public func latestAssessments(domain: String) -> [Assessment] {
        var latest: [Int64: Assessment] = [:]
        for a in assessments where a.domain == domain {
            if let cur = latest[a.memberId], (cur.date, cur.id) >= (a.date, a.id) { continue }
            latest[a.memberId] = a
        }
        return latest.values.sorted { $0.memberId < $1.memberId }
    }

    /// The lowest latest score over members in a domain (the household's weakest point), if scored.
    public func lowestScore(domain: String) -> Int? { latestAssessments(domain: domain).map(\.score).min() }

    /// A domain is in need when its status says so, or when its lowest latest score is ≤ 2 and
    /// no status says explicitly that there is no (longer a) need.
    public func isInNeed(_ code: String) -> Bool {
        let st = domainState(code).status
        if st.meansNeed { return true }
        if st.meansNoNeed { return false }
        if let s = lowestScore(domain: code), s <= 2 { return true }
        return false
    }

    /// A domain has been discussed when a status was chosen for it, or when it was scored or has
    /// an action: scoring a domain is discussing it.
    public func isDiscussed(_ code: String) -> Bool {
        domainState(code).status != .nietBesproken || assessments.contains { $0.domain == code } || actions.contains { $0.domain == code }
    }

    /// The status as every view shows it: the chosen status, or — where none was chosen but the
    /// domain was scored or has an action — the status that follows from them: *zorg* while a score
    /// is ≤ 3 or an action is open, *geen zorg* when every score is 4 or 5 and nothing is open.
    /// The stored status (and so the audit's rules) is not changed by this.
    public func shownStatus(_ code: String) -> DomainStatus {
        let st = domainState(code).status
        guard st == .nietBesproken, isDiscussed(code) else { return st }
        if let low = lowestScore(domain: code) { return low <= 3 || !openActions(domain: code).isEmpty ? .zorg : .geenZorg }
        return openActions(domain: code).isEmpty ? .nietBesproken : .zorg
    }

    /// The household members who attended a meeting (present or online).
    public func membersAttending(_ meetingId: Int64) -> [Member] {
        attendees(of: meetingId).filter { $0.presence.attended }.compactMap { at in
            guard let p = at.party, p.kind == .member else { return nil }
            return member(p.id)
        }
    }

    /// Whether the household was at the meeting: marked so, or a member of it attended.
    public func householdAttended(_ meetingId: Int64) -> Bool {
        (meetings.first { $0.id == meetingId }?.householdPresent ?? false) || !membersAttending(meetingId).isEmpty
    }

    /// Domain codes in need, in the order of the given domain list.
    public func domainsInNeed(_ order: [String]) -> [String] {
        let recorded = Set(domains.map(\.domain)).union(assessments.map(\.domain))
        let codes = order + recorded.subtracting(order).sorted()
        return codes.filter { isInNeed($0) }
    }

    public var openActions: [Action] { actions.filter(\.isOpen) }

    /// Members still part of the household on a day (ended memberships keep their history).
    public func currentMembers(on day: Day) -> [Member] { members.filter { $0.isCurrent(on: day) } }

    /// True when an open action waits for a prerequisite that is still open.
    public func isWaiting(_ a: Action) -> Bool {
        a.dependsOn.contains { id in action(id)?.isOpen ?? false }
    }

    /// The open prerequisites an action waits for.
    public func openPrerequisites(of a: Action) -> [Action] {
        a.dependsOn.compactMap { action($0) }.filter(\.isOpen)
    }

    public func openActions(domain: String) -> [Action] { actions.filter { $0.isOpen && $0.domain == domain } }

    /// The accepted coordinator that has not ended, if any (at most one: the invariant).
    public var activeCoordinator: CoordinatorAssignment? {
        coordinators.first { $0.status == .geaccepteerd }
    }

    /// A proposal not yet accepted or declined.
    public var pendingProposal: CoordinatorAssignment? {
        coordinators.first { $0.status == .voorgesteld }
    }

    /// Meetings oldest first.
    public var meetingsByDate: [Meeting] { meetings.sorted { ($0.date, $0.id) < ($1.date, $1.id) } }

    public var lastMeeting: Meeting? { meetingsByDate.last }

    /// The open meeting of a day, if one was started.
    public func meeting(on day: Day) -> Meeting? {
        meetings.filter { $0.date == day }.max { $0.id < $1.id }
    }

    public var lastContactDate: Day? { contacts.map(\.date).max() }
    public var firstSignalDate: Day? { signals.map(\.date).min() }
    public var firstMeetingDate: Day? { meetings.map(\.date).min() }

    public func attendees(of meetingId: Int64) -> [Attendee] { attendees.filter { $0.meetingId == meetingId } }

    public func member(_ id: Int64) -> Member? { members.first { $0.id == id } }
    public func action(_ id: Int64) -> Action? { actions.first { $0.id == id } }
    public func informalPerson(_ id: Int64) -> InformalPerson? { informal.first { $0.id == id } }

    /// The professionals involved, for need-to-know access: coordinators (proposed or accepted),
    /// action owners, meeting attendees and those listed as involved.
    public var involvedProfessionals: Set<Int64> {
        var s = Set(household.involved)
        for c in coordinators where c.coordinator.kind == .professional && (c.status == .geaccepteerd || c.status == .voorgesteld) {
            s.insert(c.coordinator.id)
        }
        for a in actions where a.owner?.kind == .professional { s.insert(a.owner!.id) }
        for a in attendees where a.party?.kind == .professional { s.insert(a.party!.id) }
        return s
    }
}
