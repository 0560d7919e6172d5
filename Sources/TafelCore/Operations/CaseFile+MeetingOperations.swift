/// The meeting-room operations on a household file, as pure functions.
extension CaseFile {
    /// Resumes today's open meeting (no changes), or starts one in one list of changes:
    /// activation of a signalled household, the meeting, and the user as its first attendee.
    /// A meeting closed today is shown again rather than replaced, unless `anotherToday`.
    public func startMeeting(_ context: OperationContext, anotherToday: Bool) throws -> [Change] {
        try ensureOpen()
        let todays = meetings.filter { $0.date == context.today }
        if todays.contains(where: { $0.status == .open }) { return [] }
        if !todays.isEmpty && !anotherToday { return [] }
        var changes: [Change] = []
        if household.status == .aangemeld { changes += try activate(on: context.today) }
        let user = context.user
        let meeting = Meeting(id: 0, householdId: id, date: context.today, startedAt: context.now,
                              chairId: user.role == .voorzitter ? user.id : nil,
                              nextReview: context.today.adding(weeks: household.reviewCadenceWeeks))
        changes.append(.meeting(base: nil, new: meeting))
        // Meeting id 0: the meeting created just above, in the same transaction.
        changes.append(.attendee(base: nil, new: Attendee(id: 0, meetingId: 0, party: .professional(user.id),
                                                          organisationId: user.organisationId, presence: .aanwezig)))
        return changes
    }

    /// The meeting to show for a day: the open one, else the last one closed that day.
    public func meetingToOpen(on day: Day) -> Meeting? {
        let todays = meetings.filter { $0.date == day }
        return todays.filter { $0.status == .open }.max { $0.id < $1.id } ?? todays.max { $0.id < $1.id }
    }

    /// The change that records a domain as discussed in an open meeting, if it is not yet.
    func discussed(_ domain: String, in meetingId: Int64?) -> [Change] {
        guard let meetingId, let m = meetings.first(where: { $0.id == meetingId }), m.status == .open,
              !m.domainsDiscussed.contains(domain) else { return [] }
        var n = m
        n.domainsDiscussed.append(domain)
        return [.meeting(base: m, new: n)]
    }

    func meetingRecord(_ id: Int64) throws -> Meeting {
        guard let m = meetings.first(where: { $0.id == id }) else { throw DomainError.notFound(entity: "meeting", id: id) }
        return m
    }

    /// A meeting that can still be changed (not closed), in a household that is not closed.
    func openMeeting(_ id: Int64) throws -> Meeting {
        try ensureOpen()
        let m = try meetingRecord(id)
        guard m.status == .open else { throw DomainError.meetingClosed }
        return m
    }

    func attendeeRecord(_ id: Int64) throws -> Attendee {
        guard let a = attendees.first(where: { $0.id == id }) else { throw DomainError.notFound(entity: "attendee", id: id) }
        return a
    }

    /// Saves typed text, refusing it when someone else saved a different text after `base`.
    public func saveText(_ target: TextTarget, base: String, text: String, on day: Day) throws -> [Change] {
        try ensureOpen()
        let current = target.stored(in: self)
        if current == text { return [] }
        if current != base {
            throw EditConflict(entity: target == .ownView ? "household" : "domain", recordId: target == .ownView ? id : nil,
                               fields: [FieldConflict(field: target.fieldKey, theirs: .text(current), yours: .text(text))],
                               keepYours: .setText(target, base: current, text: text))
        }
        switch target {
        case .ownView:
            var h = household
            h.ownView = text
            return [.household(base: household, new: h)]
        case .situation(let code):
            let old = domains.first { $0.domain == code }
            var d = old ?? DomainState(householdId: id, domain: code, updatedOn: day)
            d.situation = text
            return [.domain(base: old, new: d)]
        }
    }
}
