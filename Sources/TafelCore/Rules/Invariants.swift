/// Rules that must hold for a whole household file after every change.
extension CaseFile {
    /// Throws when an invariant is broken:
    /// - at most one accepted coordinator at a time ("één gezin, één regisseur");
    /// - at most one pending proposal;
    /// - every record belongs to this household.
    public func validateInvariants() throws {
        if coordinators.filter({ $0.status == .geaccepteerd }).count > 1 { throw DomainError.twoCoordinators }
        if coordinators.filter({ $0.status == .voorgesteld }).count > 1 { throw DomainError.proposalPending }
        let hid = household.id
        func check<T>(_ items: [T], _ name: String, _ h: (T) -> Int64, _ id: (T) -> Int64) throws {
            if let bad = items.first(where: { h($0) != hid }) { throw DomainError.wrongHousehold(entity: name, id: id(bad)) }
        }
        try check(members, "member", \.householdId, \.id)
        try check(actions, "action", \.householdId, \.id)
        try check(coordinators, "coordinator", \.householdId, \.id)
        try check(meetings, "meeting", \.householdId, \.id)
        try check(assessments, "assessment", \.householdId, \.id)
        try check(signals, "signal", \.householdId, \.id)
        try check(consents, "consent", \.householdId, \.id)
        try check(escalations, "escalation", \.householdId, \.id)
        try check(contacts, "contact", \.householdId, \.id)
        let meetingIds = Set(meetings.map(\.id))
        if let bad = attendees.first(where: { !meetingIds.contains($0.meetingId) }) {
            throw DomainError.wrongHousehold(entity: "attendee", id: bad.id)
        }
    }

    /// A closed household changes only by being reopened, with a reason (the change's note).
    public static func checkClosedHousehold(before: Household, changes: [Change], note: String?) throws {
        guard before.status == .afgesloten else { return }
        for c in changes {
            if case .household(_, let n) = c, n.status != .afgesloten {
                if (note ?? "").trimmed.isEmpty { throw DomainError.reopenNeedsReason }
                continue
            }
            throw DomainError.householdClosed
        }
    }
}
