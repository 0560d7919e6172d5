/// An intent of a user ("close this action as done"), applied to the household file as it is
/// at the moment of saving. Intents merge with other people's edits; an intent that no longer
/// makes sense (the action was closed meanwhile) is refused by the core's rules.
public enum CaseOperation: Sendable, Hashable {
    case closeAction(Int64, CloseReason, replacedBy: Int64?)
    case rejectAction(Int64, Rejection)
    case carryOver(Int64, Day)
    case setActionStatus(Int64, ActionStatus)
    case propose(PartyRef, meetingId: Int64?)
    case accept(Int64)
    case decline(Int64, reason: String)
    case setScore(member: Int64, domain: String, score: Int, meetingId: Int64?)
    case setOwnScore(member: Int64, domain: String, ownScore: Int, meetingId: Int64?)
    case setDomainStatus(String, DomainStatus)
    case activate

    /// The changes the intent makes to `file` on `today`, by `user` (a professional id).
    public func changes(in file: CaseFile, today: Day, user: Int64?) throws -> [Change] {
        switch self {
        case .closeAction(let id, let reason, let replacement): return try file.closeAction(id, reason: reason, on: today, replacedBy: replacement)
        case .rejectAction(let id, let r): return try file.rejectAction(id, rejection: r, on: today)
        case .carryOver(let id, let due): return try file.carryOver(id, newDue: due, on: today)
        case .setActionStatus(let id, let st): return try file.setActionStatus(id, to: st, on: today)
        case .propose(let p, let m): return try file.proposeCoordinator(p, on: today, meetingId: m)
        case .accept(let id): return try file.acceptCoordinator(id, on: today)
        case .decline(let id, let reason): return try file.declineCoordinator(id, reason: reason, on: today)
        case .setScore(let member, let domain, let score, let m):
            // A second score for the same member, domain and meeting replaces the first
            // (correcting a mistyped key), so the history keeps one score per meeting.
            if let m, let existing = file.assessments.first(where: { $0.memberId == member && $0.domain == domain && $0.meetingId == m }) {
                var a = existing
                a.score = score
                try Validation.validate(a)
                return [.assessment(a)]
            }
            return try file.setScore(member: member, domain: domain, score: score, on: today, by: user, meetingId: m)
        case .setOwnScore(let member, let domain, let own, let m):
            let latest = file.history(member: member, domain: domain).last
            if let latest, latest.meetingId == m {
                var a = latest
                a.ownScore = own
                try Validation.validate(a)
                return [.assessment(a)]
            }
            guard let latest else { throw DomainError.required(field: "score") }
            return try file.setScore(member: member, domain: domain, score: latest.score, ownScore: own, on: today, by: user, meetingId: m)
        case .setDomainStatus(let d, let st): return try file.setDomainStatus(d, st, on: today)
        case .activate: return file.household.status == .aangemeld ? try file.activate(on: today) : []
        }
    }
}
