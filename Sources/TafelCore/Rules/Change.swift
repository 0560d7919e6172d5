/// One recorded change to a household's file: a record created (`base == nil`) or edited
/// (`base` is the version the user started from, for conflict detection).
///
/// The store applies a list of changes in one transaction, after checking versions and
/// the household's invariants on the result, and appends one audit event for the list.
public enum Change: Sendable, Hashable {
    case household(base: Household?, new: Household)
    case member(base: Member?, new: Member)
    case informal(base: InformalPerson?, new: InformalPerson)
    case signal(base: Signal?, new: Signal)
    case domain(base: DomainState?, new: DomainState)
    case assessment(Assessment)
    case coordinator(base: CoordinatorAssignment?, new: CoordinatorAssignment)
    case action(base: Action?, new: Action)
    case meeting(base: Meeting?, new: Meeting)
    case attendee(base: Attendee?, new: Attendee)
    case removeAttendee(Attendee)
    case consent(base: Consent?, new: Consent)
    case escalation(base: Escalation?, new: Escalation)
    case contact(base: Contact?, new: Contact)
    case indication(base: Indication?, new: Indication)
    /// A record in the register of knellende regels (created only).
    case blockedRule(BlockedRule)

    /// The entity name used in audit events and messages.
    public var entity: String {
        switch self {
        case .household: "household"
        case .member: "member"
        case .informal: "informal"
        case .signal: "signal"
        case .domain: "domain"
        case .assessment: "assessment"
        case .coordinator: "coordinator"
        case .action: "action"
        case .meeting: "meeting"
        case .attendee, .removeAttendee: "attendee"
        case .consent: "consent"
        case .escalation: "escalation"
        case .contact: "contact"
        case .indication: "indication"
        case .blockedRule: "blocked_rule"
        }
    }

    /// True when the change creates a record.
    public var isCreation: Bool {
        switch self {
        case .household(let b, _): b == nil
        case .member(let b, _): b == nil
        case .informal(let b, _): b == nil
        case .signal(let b, _): b == nil
        case .domain(let b, _): b == nil
        case .assessment: true
        case .coordinator(let b, _): b == nil
        case .action(let b, _): b == nil
        case .meeting(let b, _): b == nil
        case .attendee(let b, _): b == nil
        case .removeAttendee: false
        case .consent(let b, _): b == nil
        case .escalation(let b, _): b == nil
        case .contact(let b, _): b == nil
        case .indication(let b, _): b == nil
        case .blockedRule: true
        }
    }

    /// Applies the change to a case file in memory (ids and versions already assigned).
    public func apply(to file: inout CaseFile) {
        func upsert<T: Identifiable>(_ list: inout [T], _ v: T) where T.ID == Int64 {
            if let i = list.firstIndex(where: { $0.id == v.id }) { list[i] = v } else { list.append(v) }
        }
        switch self {
        case .household(_, let n): file.household = n
        case .member(_, let n): upsert(&file.members, n)
        case .informal(_, let n): upsert(&file.informal, n)
        case .signal(_, let n): upsert(&file.signals, n)
        case .domain(_, let n):
            if let i = file.domains.firstIndex(where: { $0.domain == n.domain }) { file.domains[i] = n } else { file.domains.append(n) }
        case .assessment(let n): upsert(&file.assessments, n)
        case .coordinator(_, let n): upsert(&file.coordinators, n)
        case .action(_, let n): upsert(&file.actions, n)
        case .meeting(_, let n): upsert(&file.meetings, n)
        case .attendee(_, let n): upsert(&file.attendees, n)
        case .removeAttendee(let a): file.attendees.removeAll { $0.id == a.id }
        case .consent(_, let n): upsert(&file.consents, n)
        case .escalation(_, let n): upsert(&file.escalations, n)
        case .contact(_, let n): upsert(&file.contacts, n)
        case .indication(_, let n): upsert(&file.indications, n)
        case .blockedRule(let n): upsert(&file.blockedRules, n)
        }
    }
}

extension Change {
    /// The id of the record the change writes.
    public var recordId: Int64? {
        switch self {
        case .household(_, let n): n.id
        case .member(_, let n): n.id
        case .informal(_, let n): n.id
        case .signal(_, let n): n.id
        case .domain: nil
        case .assessment(let n): n.id
        case .coordinator(_, let n): n.id
        case .action(_, let n): n.id
        case .meeting(_, let n): n.id
        case .attendee(_, let n): n.id
        case .removeAttendee(let a): a.id
        case .consent(_, let n): n.id
        case .escalation(_, let n): n.id
        case .contact(_, let n): n.id
        case .indication(_, let n): n.id
        case .blockedRule(let n): n.id
        }
    }
}
