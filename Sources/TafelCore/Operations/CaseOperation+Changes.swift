extension CaseOperation {
    /// The changes the intent makes to `file` as it is now. Throws a `DomainError` when the intent
    /// no longer makes sense (the action was closed meanwhile) and an `EditConflict` when an edit
    /// was based on a value someone else has changed since.
    ///
    /// A change that creates an attendee with meeting id 0 refers to the meeting created earlier in
    /// the same list (the store assigns ids in order), so starting a meeting is one list.
    public func changes(in file: CaseFile, context: OperationContext) throws -> [Change] {
        let today = context.today
        switch self {
        case .startMeeting(let another): return try file.startMeeting(context, anotherToday: another)
        case .setAgenda(let mid, let current, let completed):
            var m = try file.meetingRecord(mid)
            guard m.status == .open, m.currentStep != current || m.stepsCompleted != completed else { return [] }
            let base = m
            m.currentStep = current
            m.stepsCompleted = completed
            return [.meeting(base: base, new: m)]
        case .markDiscussed(let mid, let domain):
            var m = try file.meetingRecord(mid)
            guard m.status == .open, !m.domainsDiscussed.contains(domain) else { return [] }
            let base = m
            m.domainsDiscussed.append(domain)
            return [.meeting(base: base, new: m)]
        case .closeMeeting(let mid, let reason, let gaps):
            var m = try file.openMeeting(mid)
            if !gaps.isEmpty && !ClosingCheck.isReasonEnough(reason ?? "") { throw DomainError.gapsNeedReason }
            let base = m
            m.status = .closed
            m.endedAt = context.now
            m.gapReason = reason?.trimmed.isEmpty == false ? reason!.trimmed : nil
            m.gapsClosedOver = gaps
            m.stepsCompleted = AgendaStep.allCases
            m.currentStep = .closing
            if m.nextReview == nil { m.nextReview = today.adding(weeks: file.household.reviewCadenceWeeks) }
            return [.meeting(base: base, new: m)]
        case .acknowledgeGap(let mid, let what):
            var m = try file.openMeeting(mid)
            guard !m.acknowledged.contains(what) else { return [] }
            let base = m
            m.acknowledged.append(what)
            return [.meeting(base: base, new: m)]
        case .setNextReview(let mid, let day):
            var m = try file.openMeeting(mid)
            guard day >= today else { throw DomainError.dueInPast(day) }
            guard m.nextReview != day else { return [] }
            let base = m
            m.nextReview = day
            return [.meeting(base: base, new: m)]
        case .setDecision(let mid, let index, let text):
            var m = try file.openMeeting(mid)
            let base = m
            let t = text.trimmed
            if let i = index, m.decisions.indices.contains(i) {
                if t.isEmpty { m.decisions.remove(at: i) } else { m.decisions[i] = t }
            } else if !t.isEmpty {
                m.decisions.append(t)
            }
            return m == base ? [] : [.meeting(base: base, new: m)]
        case .addAttendee(let mid, let party, let org):
            _ = try file.openMeeting(mid)
            if file.attendees(of: mid).contains(where: { $0.party == party }) { return [] }
            return [.attendee(base: nil, new: Attendee(id: 0, meetingId: mid, party: party, organisationId: org, presence: .aanwezig))]
        case .addGuest(let mid, let name):
            _ = try file.openMeeting(mid)
            guard !name.trimmed.isEmpty else { throw DomainError.required(field: "name") }
            return [.attendee(base: nil, new: Attendee(id: 0, meetingId: mid, guestName: name.trimmed, presence: .aanwezig))]
        case .setPresence(let id, let presence):
            let a = try file.attendeeRecord(id)
            _ = try file.openMeeting(a.meetingId)
            guard a.presence != presence else { return [] }
            var n = a
            n.presence = presence
            return [.attendee(base: a, new: n)]
        case .removeAttendee(let id):
            let a = try file.attendeeRecord(id)
            _ = try file.openMeeting(a.meetingId)
            return [.removeAttendee(a)]
        case .setChair(let mid, let pid), .setMinuteTaker(let mid, let pid):
            var m = try file.openMeeting(mid)
            let base = m
            if case .setChair = self { m.chairId = pid } else { m.minuteTakerId = pid }
            return m == base ? [] : [.meeting(base: base, new: m)]
        case .setHouseholdPresent(let mid, let present):
            var m = try file.openMeeting(mid)
            guard m.householdPresent != present else { return [] }
            let base = m
            m.householdPresent = present
            return [.meeting(base: base, new: m)]

        case .setText(let target, let base, let text):
            return try file.saveText(target, base: base, text: text, on: today)

        case .addAction(var a):
            try file.ensureOpen()
            a.id = 0
            a.householdId = file.id
            if a.createdOn > today { a.createdOn = today }
            try file.checkPrerequisites(a)
            return [.action(base: nil, new: a)]
        case .editAction(let base, let edited):
            return try file.editAction(base: base, edited: edited)
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
                guard existing.score != score else { return [] }
                var a = existing
                a.score = score
                try Validation.validate(a)
                return [.assessment(a)] + file.discussed(domain, in: m)
            }
            return try file.setScore(member: member, domain: domain, score: score, on: today, by: context.user.id, meetingId: m)
                + file.discussed(domain, in: m)
        case .setOwnScore(let member, let domain, let own, let m):
            let latest = file.history(member: member, domain: domain).last
            if let latest, latest.meetingId == m {
                var a = latest
                a.ownScore = own
                try Validation.validate(a)
                return [.assessment(a)] + file.discussed(domain, in: m)
            }
            guard let latest else { throw DomainError.required(field: "score") }
            return try file.setScore(member: member, domain: domain, score: latest.score, ownScore: own, on: today,
                                     by: context.user.id, meetingId: m) + file.discussed(domain, in: m)
        case .setTarget(let member, let domain, let target, let m):
            let latest = file.history(member: member, domain: domain).last
            if let latest, latest.meetingId == m || m == nil {
                guard latest.target != target else { return [] }
                var a = latest
                a.target = target
                try Validation.validate(a)
                return [.assessment(a)] + file.discussed(domain, in: m)
            }
            // A target needs a current score to stand beside; the latest is carried into this meeting.
            guard let latest else { throw DomainError.required(field: "score") }
            return try file.setScore(member: member, domain: domain, score: latest.score, ownScore: latest.ownScore, target: target, on: today,
                                     by: context.user.id, meetingId: m) + file.discussed(domain, in: m)
        case .setDomainStatus(let d, let st, let m):
            let changes = try file.setDomainStatus(d, st, on: today)
            return changes + (st == .nietBesproken ? [] : file.discussed(d, in: m))
        case .setNoActionReason(let domain, let reason):
            try file.ensureOpen()
            let old = file.domains.first { $0.domain == domain }
            var d = old ?? DomainState(householdId: file.id, domain: domain, updatedOn: today)
            let r = reason?.trimmed.isEmpty == false ? reason!.trimmed : nil
            guard d.noActionReason != r || old == nil else { return [] }
            d.noActionReason = r
            d.updatedOn = today
            return [.domain(base: old, new: d)]

        case .recordBlockedRule(let record):
            var r = try record.validated()
            r.id = 0
            r.householdId = file.id
            r.recordedBy = context.user.id
            return [.blockedRule(r)]
        case .addIndication(var i):
            try file.ensureOpen()
            i.id = 0
            i.householdId = file.id
            i.provider = i.provider.trimmed
            guard file.members.contains(where: { $0.id == i.memberId }) else { throw DomainError.notFound(entity: "member", id: i.memberId) }
            try Validation.validate(i)
            return [.indication(base: nil, new: i)]
        case .endIndication(let id, let day):
            guard let base = file.indications.first(where: { $0.id == id }) else { throw DomainError.notFound(entity: "indication", id: id) }
            var i = base
            i.end = day
            try Validation.validate(i)
            return [.indication(base: base, new: i)]
        case .addContact(var c):
            try file.ensureOpen()
            c.id = 0
            c.householdId = file.id
            try Validation.validate(c)
            return [.contact(base: nil, new: c)]
        case .addSignal(var sig):
            sig.id = 0
            sig.householdId = file.id
            try Validation.validate(sig)
            // A signal on a closed household reopens it: the household is back in view.
            if file.household.status == .afgesloten {
                var h = file.household
                h.status = .aangemeld
                h.closedOn = nil
                h.closeCode = nil
                h.closeReason = nil
                return [.household(base: file.household, new: h), .signal(base: nil, new: sig)]
            }
            return [.signal(base: nil, new: sig)]
        case .raiseEscalation(var e):
            try file.ensureOpen()
            e.id = 0
            e.householdId = file.id
            try Validation.validate(e)
            return [.escalation(base: nil, new: e)]
        case .decideEscalation(let id, let decision):
            try file.ensureOpen()
            guard let e = file.escalations.first(where: { $0.id == id }) else { throw DomainError.notFound(entity: "escalation", id: id) }
            guard e.isOpen else { throw DomainError.alreadyDecided }
            guard EscalationRights.mayDecide(context.user, e) else { throw DomainError.escalationNotYours(raisedTo: e.raisedTo) }
            guard !decision.trimmed.isEmpty else { throw DomainError.required(field: "decision") }
            var n = e
            n.decision = decision.trimmed
            n.decidedOn = today
            n.decidedBy = context.user.id
            return [.escalation(base: e, new: n)]
        case .recordConsent(var c, let others):
            try file.ensureOpen()
            c.id = 0
            c.householdId = file.id
            if c.recordedBy == nil { c.recordedBy = context.user.id }
            try Validation.validate(c)
            var organisations = [c.organisationId]
            for o in others where !organisations.contains(o) { organisations.append(o) }
            return organisations.map { org in
                var one = c
                one.organisationId = org
                return .consent(base: nil, new: one)
            }
        case .activate:
            return file.household.status == .aangemeld ? try file.activate(on: today) : []
        case .registerHousehold:
            // Performed by the store without an existing file (there is none yet).
            return []
        case .editHousehold(let base, let edited): return try file.editHousehold(base: base, edited: edited)
        case .closeHousehold(let code, let note): return try file.close(code: code, note: note, on: today)
        case .reopenHousehold(let reason): return try file.reopen(reason: reason, on: today)
        case .setChronic(let on):
            try file.ensureOpen()
            guard file.household.chronic != on else { return [] }
            var h = file.household
            h.chronic = on
            return [.household(base: file.household, new: h)]
        case .setCompulsory(let framework, let org):
            try file.ensureOpen()
            var h = file.household
            h.compulsoryFramework = framework
            h.compulsoryOrganisation = framework == nil ? nil : org
            return h == file.household ? [] : [.household(base: file.household, new: h)]
        case .setNoHelpRequest(let on, let plan, let by, let next):
            try file.ensureOpen()
            var h = file.household
            h.noHelpRequest = on
            h.outreachPlan = on ? plan?.trimmed.nilIfEmpty : nil
            h.outreachBy = on ? by : nil
            h.nextAttempt = on ? next : nil
            return h == file.household ? [] : [.household(base: file.household, new: h)]
        case .addMember(var m):
            try file.ensureOpen()
            m.id = 0
            m.householdId = file.id
            m.endedOn = nil
            m.endReason = nil
            try Validation.validate(m)
            return [.member(base: nil, new: m)]
        case .editMember(let base, let edited):
            try file.ensureOpen()
            guard let current = file.member(base.id) else { throw DomainError.notFound(entity: "member", id: base.id) }
            let (merged, conflicts) = FieldMerge.merge(base: base, edited: edited, current: current, fields: Member.editableFields)
            if !conflicts.isEmpty {
                throw EditConflict(entity: "member", recordId: current.id, fields: conflicts, keepYours: .editMember(base: current, edited: merged))
            }
            try Validation.validate(merged)
            return merged == current ? [] : [.member(base: current, new: merged)]
        case .endMember(let id, let reason, let day):
            try file.ensureOpen()
            guard let m = file.member(id) else { throw DomainError.notFound(entity: "member", id: id) }
            guard m.endedOn == nil else { throw DomainError.memberEnded }
            guard day <= today else { throw DomainError.outOfRange(field: "date", min: 0, max: 0) }
            var n = m
            n.endedOn = day
            n.endReason = reason
            return [.member(base: m, new: n)]
        case .reopenAction(let id):
            try file.ensureOpen()
            guard let a = file.action(id) else { throw DomainError.notFound(entity: "action", id: id) }
            guard !a.isOpen else { return [] }
            var n = a
            n.status = .open
            n.closeReason = nil
            n.replacedBy = nil
            n.closedOn = nil
            n.rejection = nil
            return [.action(base: a, new: n)]
        case .undo(let done):
            return try file.compensating(done)
        }
    }
}
