import TafelCore
import TerminalKit

/// What happens when a one-line prompt is answered.
enum PromptReducer {
    static func submit(_ s: inout AppState, _ p: PromptState) -> [Effect] {
        let text = p.input.text.trimmed
        func again(_ error: Message) -> [Effect] {
            var q = p
            q.error = error
            s.modal = .prompt(q)
            return []
        }
        switch p.purpose {
        case .breakTheGlass(let id, let thenMeeting):
            guard text.count >= 5 else { return again(Message("access.reason-too-short")) }
            return [.openHousehold(id, reason: text, thenMeeting: thenMeeting)]
        case .declineReason(let id):
            guard !text.isEmpty, let hid = s.meeting?.file.id else { return again(DomainError.declineNeedsReason.message) }
            return [.operate(.decline(id, reason: text), householdId: hid)]
        case .carryOverDate(let id):
            guard let hid = s.meeting?.file.id else { return [] }
            do {
                let due = try DueDateParser.parse(text, today: s.today)
                if due < s.today { return again(DomainError.dueInPast(due).message) }
                return [.operate(.carryOver(id, due), householdId: hid)]
            } catch let e as DueDateParser.Invalid {
                return again(e.message)
            } catch { return [] }
        case .nextReview:
            guard let m = s.meeting else { return [] }
            do {
                let day = try DueDateParser.parse(text, today: s.today)
                var meeting = m.meeting
                meeting.nextReview = day
                return [.apply([.meeting(base: m.meeting, new: meeting)], householdId: m.file.id, note: nil)]
            } catch let e as DueDateParser.Invalid {
                return again(e.message)
            } catch { return [] }
        case .closeWithGaps:
            guard !text.isEmpty else { return again(DomainError.gapsNeedReason.message) }
            return MeetingReducer.closeMeeting(&s, gapReason: text)
        case .ownScore(let member, let domain):
            guard let v = Int(text), (1...5).contains(v), let m = s.meeting else {
                return again(DomainError.outOfRange(field: "ownScore", min: 1, max: 5).message)
            }
            return [.operate(.setOwnScore(member: member, domain: domain, ownScore: v, meetingId: m.meetingId), householdId: m.file.id)]
        case .guestName:
            guard !text.isEmpty, let m = s.meeting else { return again(DomainError.required(field: "name").message) }
            let a = Attendee(id: 0, meetingId: m.meetingId, guestName: text, presence: .aanwezig)
            return [.apply([.attendee(base: nil, new: a)], householdId: m.file.id, note: nil)]
        case .noActionReason(let domain):
            guard let m = s.meeting else { return [] }
            let old = m.file.domains.first { $0.domain == domain }
            var d = old ?? DomainState(householdId: m.file.id, domain: domain, updatedOn: s.today)
            d.noActionReason = text.isEmpty ? nil : text
            d.updatedOn = s.today
            return [.apply([.domain(base: old, new: d)], householdId: m.file.id, note: nil)]
        case .decision(let index):
            guard let m = s.meeting else { return [] }
            var meeting = m.meeting
            if let i = index, meeting.decisions.indices.contains(i) {
                if text.isEmpty { meeting.decisions.remove(at: i) } else { meeting.decisions[i] = text }
            } else if !text.isEmpty {
                meeting.decisions.append(text)
            }
            return [.apply([.meeting(base: m.meeting, new: meeting)], householdId: m.file.id, note: nil)]
        case .closeActionReason, .rejectReason:
            return []
        }
    }
}

/// What happens when an item is chosen in a picker.
enum PickerReducer {
    static func chosen(_ s: inout AppState, _ purpose: PickerPurpose, _ option: ChoiceOption) -> [Effect] {
        switch purpose {
        case .addAttendee:
            guard case .party(let p) = option.value, let m = s.meeting else { return [] }
            if m.attendees.contains(where: { $0.party == p }) { return [] }
            let a = Attendee(id: 0, meetingId: m.meetingId, party: p, organisationId: s.roster.organisationId(of: p), presence: .aanwezig)
            return [.apply([.attendee(base: nil, new: a)], householdId: m.file.id, note: nil)]
        case .propose:
            guard case .party(let p) = option.value, let m = s.meeting else { return [] }
            return [.operate(.propose(p, meetingId: m.meetingId), householdId: m.file.id)]
        case .replacement(let actionId):
            guard case .id(let other) = option.value, let m = s.meeting else { return [] }
            return [.operate(.closeAction(actionId, .vervangenDoor, replacedBy: other), householdId: m.file.id)]
        case .filterRule:
            if case .code(let c) = option.value { s.audit.filter.rule = StallRuleID(rawValue: c) } else { s.audit.filter.rule = nil }
            s.audit.scroll = ScrollState()
            return [.loadAudit(s.audit.filter)]
        case .filterTeam:
            if case .code(let c) = option.value { s.audit.filter.team = c } else { s.audit.filter.team = nil }
            s.audit.scroll = ScrollState()
            return [.loadAudit(s.audit.filter)]
        case .filterWijk:
            if case .code(let c) = option.value { s.audit.filter.wijk = c } else { s.audit.filter.wijk = nil }
            s.audit.scroll = ScrollState()
            return [.loadAudit(s.audit.filter)]
        case .filterCoordinator:
            if case .code(let c) = option.value { s.audit.filter.coordinator = c } else { s.audit.filter.coordinator = nil }
            s.audit.scroll = ScrollState()
            return [.loadAudit(s.audit.filter)]
        case .statusChange(let actionId, let householdId):
            guard case .code(let c) = option.value, let code = RejectionCode(rawValue: c) else { return [] }
            s.status = StatusMessage(Message("status.saving"))
            return [.operate(.rejectAction(actionId, Rejection(code)), householdId: householdId)]
        }
    }
}
