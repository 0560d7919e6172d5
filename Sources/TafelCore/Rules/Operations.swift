/// The operations of practice, as pure functions from a household file to the changes they make.
/// Each checks its preconditions and throws a `DomainError` naming what is wrong.
extension CaseFile {
    // MARK: Coordinator (regie)

    /// Proposes a coordinator. While one is active this is a handover: the current one stays
    /// until the proposal is accepted. Only one proposal can be pending at a time.
    public func proposeCoordinator(_ party: PartyRef, on day: Day, meetingId: Int64? = nil, id: Int64 = 0) throws -> [Change] {
        try ensureOpen()
        if pendingProposal != nil { throw DomainError.proposalPending }
        let c = CoordinatorAssignment(id: id, householdId: household.id, coordinator: party, proposedOn: day, meetingId: meetingId)
        return [.coordinator(base: nil, new: c)]
    }

    /// Accepts a pending proposal; the previous accepted coordinator (if any) is ended as a handover.
    public func acceptCoordinator(_ id: Int64, on day: Day) throws -> [Change] {
        try ensureOpen()
        guard let p = coordinators.first(where: { $0.id == id }) else { throw DomainError.notFound(entity: "coordinator", id: id) }
        guard p.status == .voorgesteld else { throw DomainError.notPending }
        var changes: [Change] = []
        if let current = activeCoordinator {
            var ended = current
            ended.status = .beeindigd
            ended.endedOn = day
            ended.endReason = "overdracht"
            changes.append(.coordinator(base: current, new: ended))
        }
        var accepted = p
        accepted.status = .geaccepteerd
        accepted.decidedOn = day
        changes.append(.coordinator(base: p, new: accepted))
        return changes
    }

    /// Records that the proposed coordinator declined — a bounce, with its reason.
    public func declineCoordinator(_ id: Int64, reason: String, on day: Day) throws -> [Change] {
        try ensureOpen()
        guard let p = coordinators.first(where: { $0.id == id }) else { throw DomainError.notFound(entity: "coordinator", id: id) }
        guard p.status == .voorgesteld else { throw DomainError.notPending }
        guard !reason.trimmed.isEmpty else { throw DomainError.declineNeedsReason }
        var d = p
        d.status = .afgewezen
        d.decidedOn = day
        d.declineReason = reason.trimmed
        return [.coordinator(base: p, new: d)]
    }

    /// Ends the active coordinator without a successor.
    public func endCoordinator(_ id: Int64, reason: String, on day: Day) throws -> [Change] {
        try ensureOpen()
        guard let p = coordinators.first(where: { $0.id == id }), p.status == .geaccepteerd else {
            throw DomainError.notFound(entity: "coordinator", id: id)
        }
        guard !reason.trimmed.isEmpty else { throw DomainError.required(field: "reason") }
        var e = p
        e.status = .beeindigd
        e.endedOn = day
        e.endReason = reason.trimmed
        return [.coordinator(base: p, new: e)]
    }

    // MARK: Actions (afspraken)

    /// Closes an open action with a reason; `vervangenDoor` needs the replacing action.
    public func closeAction(_ id: Int64, reason: CloseReason, on day: Day, replacedBy: Int64? = nil) throws -> [Change] {
        try ensureOpen()
        let a = try openAction(id)
        if reason == .vervangenDoor {
            guard let r = replacedBy, r != id, action(r) != nil else { throw DomainError.replacementRequired }
        }
        var n = a
        n.status = reason == .gedaan ? .gedaan : .vervallen
        n.closeReason = reason
        n.replacedBy = reason == .vervangenDoor ? replacedBy : nil
        n.closedOn = day
        return [.action(base: a, new: n)]
    }

    /// Records a rejection with its reason code (and the law that takes precedence, if any).
    public func rejectAction(_ id: Int64, rejection: Rejection, on day: Day) throws -> [Change] {
        try ensureOpen()
        let a = try openAction(id)
        var n = a
        n.status = .afgewezen
        n.rejection = rejection
        n.closedOn = day
        return [.action(base: a, new: n)]
    }

    /// Carries an open action over to a new due date; the count is kept and shown.
    public func carryOver(_ id: Int64, newDue: Day, on day: Day) throws -> [Change] {
        try ensureOpen()
        let a = try openAction(id)
        guard newDue >= day else { throw DomainError.dueInPast(newDue) }
        var n = a
        n.due = newDue
        n.carryOverCount += 1
        return [.action(base: a, new: n)]
    }

    /// Moves an open action between open, bezig and wachtlijst. Entering the waiting list
    /// starts a new waiting episode (counted for `wachtlijst-keten`).
    public func setActionStatus(_ id: Int64, to status: ActionStatus, on day: Day) throws -> [Change] {
        try ensureOpen()
        let a = try openAction(id)
        guard status.isOpen else { throw DomainError.invalidTransition(from: a.status.rawValue, to: status.rawValue) }
        guard status != a.status else { return [] }
        var n = a
        n.status = status
        if status == .wachtlijst {
            n.waitingSince = day
            n.waitingEpisodes += 1
        }
        return [.action(base: a, new: n)]
    }

    // MARK: Domains and scores

    /// Records a score for a member in a domain (history is kept, nothing is overwritten).
    public func setScore(member: Int64, domain: String, score: Int, ownScore: Int? = nil, target: Int? = nil,
                         on day: Day, by: Int64? = nil, meetingId: Int64? = nil, id: Int64 = 0) throws -> [Change] {
        try ensureOpen()
        guard let m = self.member(member) else { throw DomainError.notFound(entity: "member", id: member) }
        guard m.isCurrent(on: day) else { throw DomainError.memberEnded }
        let a = Assessment(id: id, householdId: household.id, memberId: member, domain: domain, date: day, score: score,
                           ownScore: ownScore, target: target, assessedBy: by, meetingId: meetingId)
        try Validation.validate(a)
        return [.assessment(a)]
    }

    /// Sets a domain's status (e.g. `geen zorg`, or back to `niet besproken`).
    public func setDomainStatus(_ domain: String, _ status: DomainStatus, on day: Day) throws -> [Change] {
        try ensureOpen()
        let old = domains.first { $0.domain == domain }
        var n = old ?? DomainState(householdId: household.id, domain: domain, updatedOn: day)
        guard n.status != status || old == nil else { return [] }
        n.status = status
        n.updatedOn = day
        return [.domain(base: old, new: n)]
    }

    // MARK: Household lifecycle

    /// aangemeld → actief.
    public func activate(on day: Day) throws -> [Change] {
        try ensureOpen()
        guard household.status == .aangemeld else { throw DomainError.invalidTransition(from: household.status.rawValue, to: "actief") }
        var h = household
        h.status = .actief
        h.activatedOn = day
        return [.household(base: household, new: h)]
    }

    /// Closes the household with a reason.
    public func close(reason: String, on day: Day) throws -> [Change] {
        try ensureOpen()
        guard !reason.trimmed.isEmpty else { throw DomainError.required(field: "reason") }
        var h = household
        h.status = .afgesloten
        h.closedOn = day
        h.closeReason = reason.trimmed
        return [.household(base: household, new: h)]
    }

    /// Closes the household with a reason code and, for "anders" or a hand-over, the worker's words.
    public func close(code: HouseholdCloseReason, note: String?, on day: Day) throws -> [Change] {
        try ensureOpen()
        let words = note?.trimmed ?? ""
        if (code == .anders || code == .overgedragen) && words.isEmpty { throw DomainError.required(field: "closeReason") }
        var h = household
        h.status = .afgesloten
        h.closedOn = day
        h.closeCode = code
        h.closeReason = words.isEmpty ? nil : words
        return [.household(base: household, new: h)]
    }

    /// An edit of the household's details, merged with what was stored since `base`.
    public func editHousehold(base: Household, edited: Household) throws -> [Change] {
        try ensureOpen()
        let (merged, conflicts) = FieldMerge.merge(base: base, edited: edited, current: household, fields: Household.detailFields)
        if !conflicts.isEmpty {
            throw EditConflict(entity: "household", recordId: household.id, fields: conflicts, keepYours: .editHousehold(base: household, edited: merged))
        }
        try Validation.validate(merged)
        return merged == household ? [] : [.household(base: household, new: merged)]
    }

    /// Reopens a closed household; the reason goes into the audit event.
    public func reopen(reason: String, on day: Day) throws -> [Change] {
        guard household.status == .afgesloten else { throw DomainError.invalidTransition(from: household.status.rawValue, to: "actief") }
        guard !reason.trimmed.isEmpty else { throw DomainError.reopenNeedsReason }
        var h = household
        h.status = .actief
        h.closedOn = nil
        h.closeReason = nil
        h.closeCode = nil
        if h.activatedOn == nil { h.activatedOn = day }
        return [.household(base: household, new: h)]
    }

    // MARK: Helpers

    func ensureOpen() throws {
        if household.status == .afgesloten { throw DomainError.householdClosed }
    }

    func openAction(_ id: Int64) throws -> Action {
        guard let a = action(id) else { throw DomainError.notFound(entity: "action", id: id) }
        guard a.isOpen else { throw DomainError.actionNotOpen }
        return a
    }
}
