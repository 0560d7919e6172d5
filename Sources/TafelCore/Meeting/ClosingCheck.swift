/// A gap found when closing a meeting, with where to go to fix it.
public enum Gap: Hashable, Sendable {
    case noCoordinator
    case domainWithoutAction(String)
    case actionIncomplete(action: Int64, missingOwner: Bool, missingDue: Bool)
    case consentMissing(organisation: Int64, name: String)
    case noNextReview

    /// The agenda step where the gap is fixed.
    public var step: AgendaStep {
        switch self {
        case .noCoordinator: .coordinator
        case .domainWithoutAction, .actionIncomplete: .domains
        case .consentMissing: .opening
        case .noNextReview: .closing
        }
    }

    public var message: Message {
        switch self {
        case .noCoordinator: return Message("gap.no-coordinator")
        case .domainWithoutAction(let d): return Message("gap.domain-without-action", .domain(d))
        case .actionIncomplete(_, let o, let d):
            return Message(o && d ? "gap.action-no-owner-due" : (o ? "gap.action-no-owner" : "gap.action-no-due"))
        case .consentMissing(_, let name): return Message("gap.consent-missing", .text(name))
        case .noNextReview: return Message("gap.no-next-review")
        }
    }
}

/// The closing check: every gap that stands between this meeting and "one household, one plan,
/// one coordinator". Closing anyway needs a typed reason.
public enum ClosingCheck {
    public static func gaps(_ f: CaseFile, meeting: Meeting, roster: Roster, domainOrder: [String]) -> [Gap] {
        var gaps: [Gap] = []
        if f.activeCoordinator == nil { gaps.append(.noCoordinator) }
        let recorded = Set(f.domains.map(\.domain)).union(f.assessments.map(\.domain))
        for d in domainOrder + recorded.subtracting(domainOrder).sorted() {
            let st = f.domainState(d)
            let low = f.lowestScore(domain: d) ?? 5
            guard (low <= 2 && !st.status.meansNoNeed) || st.status == .zorg else { continue }
            if f.openActions(domain: d).isEmpty && (st.noActionReason ?? "").trimmed.isEmpty {
                gaps.append(.domainWithoutAction(d))
            }
        }
        for a in f.actions where a.isOpen && (a.owner == nil || a.due == nil) {
            gaps.append(.actionIncomplete(action: a.id, missingOwner: a.owner == nil, missingDue: a.due == nil))
        }
        var seen = Set<Int64>()
        for at in f.attendees(of: meeting.id) where at.presence.attended {
            guard let org = at.organisationId ?? at.party.flatMap({ roster.organisationId(of: $0) }), seen.insert(org).inserted else { continue }
            if !f.consents.contains(where: { $0.organisationId == org && $0.isValid(on: meeting.date) }) {
                gaps.append(.consentMissing(organisation: org, name: roster.organisations[org]?.name ?? "#\(org)"))
            }
        }
        if meeting.nextReview == nil { gaps.append(.noNextReview) }
        return gaps
    }
}
