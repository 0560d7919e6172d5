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
        if let cycle = dependencyCycle() { throw DomainError.dependencyCycle(cycle) }
    }

    /// A circle of actions waiting for each other, if there is one (the ids, the first repeated last).
    public func dependencyCycle() -> [Int64]? {
        let edges = Dictionary(actions.map { ($0.id, $0.dependsOn) }, uniquingKeysWith: { a, _ in a })
        var state: [Int64: Int] = [:]   // 1 visiting, 2 done
        var path: [Int64] = []
        func visit(_ id: Int64) -> [Int64]? {
            if state[id] == 2 { return nil }
            if state[id] == 1 {
                guard let start = path.firstIndex(of: id) else { return [id] }
                return Array(path[start...]) + [id]
            }
            state[id] = 1
            path.append(id)
            for next in edges[id] ?? [] { if let c = visit(next) { return c } }
            path.removeLast()
            state[id] = 2
            return nil
        }
        for a in actions.sorted(by: { $0.id < $1.id }) { if let c = visit(a.id) { return c } }
        return nil
    }

    /// Throws when a record points at something that does not exist: an owner, coordinator or
    /// attendee not on the roster or not in this household, a member, meeting or action of
    /// another household.
    public func validateReferences(roster: Roster) throws {
        let memberIds = Set(members.map(\.id)), informalIds = Set(informal.map(\.id))
        let actionIds = Set(actions.map(\.id)), meetingIds = Set(meetings.map(\.id))
        func check(_ p: PartyRef?) throws {
            guard let p else { return }
            let ok: Bool
            switch p.kind {
            case .professional: ok = roster.professionals[p.id] != nil
            case .organisation: ok = roster.organisations[p.id] != nil
            case .member: ok = memberIds.contains(p.id)
            case .informal: ok = informalIds.contains(p.id)
            }
            if !ok { throw DomainError.notFound(entity: p.kind == .organisation ? "organisation" : (p.kind == .professional ? "professional" : (p.kind == .member ? "member" : "informal")), id: p.id) }
        }
        for a in actions {
            try check(a.owner)
            if let m = a.memberId, !memberIds.contains(m) { throw DomainError.notFound(entity: "member", id: m) }
            if let m = a.meetingId, !meetingIds.contains(m) { throw DomainError.notFound(entity: "meeting", id: m) }
            for d in a.dependsOn where !actionIds.contains(d) { throw DomainError.notFound(entity: "action", id: d) }
        }
        for c in coordinators { try check(c.coordinator) }
        for a in attendees { try check(a.party) }
        for a in assessments where !memberIds.contains(a.memberId) { throw DomainError.notFound(entity: "member", id: a.memberId) }
        for c in consents where roster.organisations[c.organisationId] == nil { throw DomainError.notFound(entity: "organisation", id: c.organisationId) }
    }

    /// A closed household changes only by being reopened, with a reason (the change's note).
    /// A closed household changes only by being reopened — with a reason (the change's note), or by
    /// a new signal that brings it back in view.
    public static func checkClosedHousehold(before: Household, changes: [Change], note: String?) throws {
        guard before.status == .afgesloten else { return }
        let newSignal = changes.contains { if case .signal(nil, _) = $0 { return true } else { return false } }
        for c in changes {
            if case .household(_, let n) = c, n.status != .afgesloten {
                if (note ?? "").trimmed.isEmpty && !newSignal { throw DomainError.reopenNeedsReason }
                continue
            }
            if case .signal(nil, _) = c { continue }
            throw DomainError.householdClosed
        }
    }
}
