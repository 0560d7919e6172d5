/// A rule was broken. Each error names the field and says how to fix it, in Dutch and English
/// (through the catalogue key `error.<name>`).
public enum DomainError: Error, Hashable, Sendable {
    case required(field: String)
    case outOfRange(field: String, min: Int, max: Int)
    case unknownDomain(String)
    /// A reference file that drops the database's active domain set (its scores would lose their names).
    case referenceLacksActiveSet(String)
    /// A domain set that the reference data does not have (the known ones listed).
    case unknownDomainSet(String, known: [String])
    /// Only the one an escalation was raised to (or a teamleider) decides it.
    case escalationNotYours(raisedTo: String)
    case householdClosed
    /// An end date on or before the start date.
    case endBeforeStart(start: Day, end: Day)
    case closeNeedsReason
    case replacementRequired
    case rejectionNeedsReason
    case declineNeedsReason
    case reopenNeedsReason
    case notPending
    case proposalPending
    case actionNotOpen
    case dueInPast(Day)
    case twoCoordinators
    case notFound(entity: String, id: Int64)
    case wrongHousehold(entity: String, id: Int64)
    case invalidTransition(from: String, to: String)
    case gapsNeedReason
    case meetingClosed
    case selfDependency
    case alreadyDecided
    /// Actions waiting for each other in a circle (the ids, in order).
    case dependencyCycle([Int64])
    case memberEnded
    case householdNotClosed
    case cannotUndo
    case changedSince

    /// The message to show (render with `Strings`).
    public var message: Message {
        switch self {
        case .required(let f): return Message("error.required", .key("field.\(f)"))
        case .outOfRange(let f, let lo, let hi): return Message("error.out-of-range", .key("field.\(f)"), .number(lo), .number(hi))
        case .unknownDomain(let d): return Message("error.unknown-domain", .text(d))
        case .referenceLacksActiveSet(let set): return Message("error.reference-lacks-set", .text(set))
        case .unknownDomainSet(let set, let known): return Message("error.unknown-domain-set", .text(set), .text(known.joined(separator: ", ")))
        case .escalationNotYours(let to): return Message("error.escalation-not-yours", .text(to))
        case .householdClosed: return Message("error.household-closed")
        case .endBeforeStart(let start, let end): return Message("error.end-before-start", .day(end), .day(start))
        case .closeNeedsReason: return Message("error.close-needs-reason")
        case .replacementRequired: return Message("error.replacement-required")
        case .rejectionNeedsReason: return Message("error.rejection-needs-reason")
        case .declineNeedsReason: return Message("error.decline-needs-reason")
        case .reopenNeedsReason: return Message("error.reopen-needs-reason")
        case .notPending: return Message("error.not-pending")
        case .proposalPending: return Message("error.proposal-pending")
        case .actionNotOpen: return Message("error.action-not-open")
        case .dueInPast(let d): return Message("error.due-in-past", .day(d))
        case .twoCoordinators: return Message("error.two-coordinators")
        case .notFound(let e, let id): return Message("error.not-found", .key("entity.\(e)"), .number(Int(id)))
        case .wrongHousehold(let e, let id): return Message("error.wrong-household", .key("entity.\(e)"), .number(Int(id)))
        case .invalidTransition(let from, let to): return Message("error.invalid-transition", .text(from), .text(to))
        case .gapsNeedReason: return Message("error.gaps-need-reason")
        case .meetingClosed: return Message("error.meeting-closed")
        case .selfDependency: return Message("error.self-dependency")
        case .alreadyDecided: return Message("error.already-decided")
        case .dependencyCycle(let ids): return Message("error.dependency-cycle", .text(ids.map { "#\($0)" }.joined(separator: " → ")))
        case .memberEnded: return Message("error.member-ended")
        case .householdNotClosed: return Message("error.household-not-closed")
        case .cannotUndo: return Message("error.cannot-undo")
        case .changedSince: return Message("error.changed-since")
        }
    }
}
