import TafelCore
import TerminalKit

/// Meeting mode: walking the agenda, recording everything as it is said. Every change is a
/// `CaseOperation` sent to the store; the screen changes when the answer comes back.
enum MeetingReducer {
    static func command(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard var room = state.meeting else { return [] }
        let hid = room.file.id, mid = room.meetingId
        switch command {
        case .nextStep, .previousStep, .step1, .step2, .step3, .step4, .step5, .step6:
            let steps = AgendaStep.allCases
            let target: AgendaStep
            switch command {
            case .nextStep: target = steps[min(steps.count - 1, room.step.index + 1)]
            case .previousStep: target = steps[max(0, room.step.index - 1)]
            case .step1: target = .opening
            case .step2: target = .ownView
            case .step3: target = .previousActions
            case .step4: target = .domains
            case .step5: target = .coordinator
            default: target = .closing
            }
            return goTo(&state, target, completing: command == .nextStep)
        case .screenCaseload, .screenHouseholds, .screenAudit:
            return MeetingEditor.flush(&state) + Reducer.command(&state, command)
        case .exportMinutes:
            // A chooser: team minutes (md or html), Ons plan, or one attending organisation's extract.
            state.modal = .form(Forms.export(state, file: room.file, meetingId: mid))
            return MeetingEditor.flush(&state)
        default:
            break
        }
        if room.showMinutes {
            let (page, last) = previewGeometry(state, room)
            switch command {
            case .moveDown: room.minutesScroll += 1
            case .moveUp: room.minutesScroll -= 1
            case .pageDown: room.minutesScroll += max(1, page - 1)
            case .pageUp: room.minutesScroll -= max(1, page - 1)
            case .moveTop: room.minutesScroll = 0
            case .moveBottom: room.minutesScroll = last
            default:
                if room.isClosed { state.status = StatusMessage(DomainError.meetingClosed.message) }
            }
            // The last line stops at the bottom of the box: never scrolled into emptiness.
            room.minutesScroll = min(max(0, room.minutesScroll), last)
            state.meeting = room
            return []
        }
        if room.isClosed && ![.moveDown, .moveUp, .pageDown, .pageUp, .jumpToGap].contains(command) {
            state.status = StatusMessage(DomainError.meetingClosed.message)
            return []
        }
        switch room.step {
        case .opening: return opening(&state, &room, command)
        case .ownView:
            if command == .edit { MeetingEditor.begin(&state, .ownView) }
            return []
        case .previousActions: return previous(&state, &room, command)
        case .domains: return domains(&state, &room, command)
        case .coordinator: return coordinator(&state, &room, command)
        case .closing: return closing(&state, &room, command)
        }
    }

    // MARK: Steps

    static func goTo(_ state: inout AppState, _ target: AgendaStep, completing: Bool) -> [Effect] {
        let effects = MeetingEditor.finishEditing(&state)
        guard var room = state.meeting else { return effects }
        let from = room.step
        room.step = target
        room.showMinutes = false
        if !room.isClosed {
            var completed = room.stepsCompleted
            if completing && !completed.contains(from) { completed.append(from) }
            if target != room.meeting.currentStep || completed != room.meeting.stepsCompleted {
                room.pendingSteps = (target, completed, state.now)
            } else {
                room.pendingSteps = nil
            }
        }
        state.meeting = room
        clamp(&state)
        return effects
    }

    static func move(_ scroll: inout ScrollState, _ command: Command, count: Int, height: Int) -> Bool {
        switch command {
        case .moveDown: scroll.move(1, count: count, height: height)
        case .moveUp: scroll.move(-1, count: count, height: height)
        case .pageDown: scroll.move(height - 1, count: count, height: height)
        case .pageUp: scroll.move(-(height - 1), count: count, height: height)
        case .moveTop: scroll.select(0, count: count, height: height)
        case .moveBottom: scroll.select(count - 1, count: count, height: height)
        default: return false
        }
        return true
    }

    static func opening(_ state: inout AppState, _ room: inout MeetingState, _ command: Command) -> [Effect] {
        defer { state.meeting = room }
        let list = room.attendees
        if move(&room.attendeeScroll, command, count: list.count, height: Layouts.meetingListHeight(state.size)) { return [] }
        let selected = list.indices.contains(room.attendeeScroll.selected) ? list[room.attendeeScroll.selected] : nil
        let hid = room.file.id, mid = room.meetingId
        switch command {
        case .addAttendee:
            let present = Set(list.compactMap(\.party))
            let options = Forms.parties(state, file: room.file, attendees: []).filter {
                if case .party(let p) = $0.value { return !present.contains(p) && p.kind != .organisation }
                return false
            }
            state.modal = .picker(PickerState(purpose: .addAttendee, title: "meeting.pick-attendee", options: options))
        case .addGuest:
            state.modal = .prompt(PromptState(purpose: .guestName, title: "meeting.guest-title", message: [Message("meeting.guest-explained")]))
        case .cyclePresence:
            guard let attendee = selected else { return [] }
            let all = Presence.allCases
            let next = all[(all.firstIndex(of: attendee.presence)! + 1) % all.count]
            return [state.perform(.setPresence(attendeeId: attendee.id, next), on: hid)]
        case .removeAttendee:
            guard let attendee = selected else { return [] }
            return [state.perform(.removeAttendee(attendeeId: attendee.id), on: hid)]
        case .setChair, .setMinuteTaker:
            guard let attendee = selected, let p = attendee.party, p.kind == .professional else {
                state.status = StatusMessage(Message("meeting.needs-professional"), .error)
                return []
            }
            let op: CaseOperation = command == .setChair ? .setChair(meetingId: mid, professionalId: p.id) : .setMinuteTaker(meetingId: mid, professionalId: p.id)
            return [state.perform(op, on: hid)]
        case .recordConsent:
            let org = selected.flatMap { $0.organisationId ?? $0.party.flatMap { state.roster.organisationId(of: $0) } }
            state.modal = .form(Forms.consent(state, file: room.file, organisation: org, atTable: room.organisationsWithoutConsent))
        case .toggleHouseholdPresent:
            return [state.perform(.setHouseholdPresent(meetingId: mid, !room.meeting.householdPresent), on: hid)]
        default: break
        }
        return []
    }

    static func previous(_ state: inout AppState, _ room: inout MeetingState, _ command: Command) -> [Effect] {
        defer { state.meeting = room }
        let list = room.previousActions(domainOrder: state.domainOrder)
        if move(&room.previousScroll, command, count: list.count, height: Layouts.meetingListHeight(state.size)) { return [] }
        guard list.indices.contains(room.previousScroll.selected) else { return [] }
        let action = list[room.previousScroll.selected]
        let hid = room.file.id
        switch command {
        case .closeDone: return [state.perform(.closeAction(action.id, .gedaan, replacedBy: nil), on: hid)]
        case .closeNotDone: return [state.perform(.closeAction(action.id, .nietGedaanDoorEigenaar, replacedBy: nil), on: hid)]
        case .closeNotPossible: return [state.perform(.closeAction(action.id, .nietMogelijk, replacedBy: nil), on: hid)]
        case .closeReplaced:
            let others = room.file.actions.filter { $0.id != action.id && $0.isOpen }
                .map { ChoiceOption.text($0.description, detail: state.strings.domainShort($0.domain), .id($0.id)) }
            guard !others.isEmpty else {
                state.status = StatusMessage(Message("meeting.no-replacement"), .error)
                return []
            }
            state.modal = .picker(PickerState(purpose: .replacement(actionId: action.id), title: "meeting.pick-replacement", options: others))
        case .carryOver:
            state.modal = .prompt(PromptState(purpose: .carryOverDate(actionId: action.id), title: "meeting.carry-title",
                                              message: [Message("meeting.carry-explained", .text(action.description))], input: TextInput("+2w", maxLength: 20)))
        default: break
        }
        return []
    }

    static func domains(_ state: inout AppState, _ room: inout MeetingState, _ command: Command) -> [Effect] {
        defer { state.meeting = room }
        let codes = room.domainCodes(state.domainOrder)
        guard codes.indices.contains(room.domainScroll.selected) || command == .moveDown || command == .moveUp else { return [] }
        let file = room.file, meetingId = room.meetingId
        let domainActions = { (code: String) in file.actions.filter { $0.domain == code && ($0.isOpen || $0.meetingId == meetingId) } }
        if room.actionsFocused {
            let code = codes[room.domainScroll.selected]
            if move(&room.actionScroll, command, count: domainActions(code).count, height: 6) { return [] }
        } else if move(&room.domainScroll, command, count: codes.count, height: Layouts.meetingDomainListHeight(state.size)) {
            // A new domain starts at its first member: a score typed next never lands on whoever
            // was selected in the domain before.
            room.actionScroll = ScrollState()
            room.memberIndex = 0
            return []
        }
        guard codes.indices.contains(room.domainScroll.selected) else { return [] }
        let code = codes[room.domainScroll.selected]
        let hid = room.file.id, mid = room.meetingId
        let members = room.file.currentMembers(on: state.today)
        switch command {
        case .score1, .score2, .score3, .score4, .score5:
            guard members.indices.contains(room.memberIndex) else { return [] }
            let score = [Command.score1, .score2, .score3, .score4, .score5].firstIndex(of: command)! + 1
            return [state.perform(.setScore(member: members[room.memberIndex].id, domain: code, score: score, meetingId: mid), on: hid)]
        case .nextMember: room.memberIndex = members.isEmpty ? 0 : (room.memberIndex + 1) % members.count
        case .previousMember: room.memberIndex = members.isEmpty ? 0 : (room.memberIndex + members.count - 1) % members.count
        case .ownScore:
            guard members.indices.contains(room.memberIndex) else { return [] }
            state.modal = .prompt(PromptState(purpose: .ownScore(memberId: members[room.memberIndex].id, domain: code), title: "meeting.own-score-title",
                                              message: [Message("meeting.own-score-explained", .text(members[room.memberIndex].name), .domain(code))],
                                              input: TextInput(maxLength: 1)))
        case .targetScore:
            guard members.indices.contains(room.memberIndex) else { return [] }
            state.modal = .prompt(PromptState(purpose: .targetScore(memberId: members[room.memberIndex].id, domain: code), title: "meeting.target-title",
                                              message: [Message("meeting.target-explained", .text(members[room.memberIndex].name), .domain(code))],
                                              input: TextInput(maxLength: 1)))
        case .cycleDomainStatus, .markNoNeed, .markNotDiscussed:
            let current = room.file.domainState(code).status
            let order: [DomainStatus] = [.zorg, .inBehandeling, .wachtlijst, .opgelost, .geenZorg, .nietBesproken]
            let next: DomainStatus = command == .markNoNeed ? .geenZorg : (command == .markNotDiscussed ? .nietBesproken
                : order[((order.firstIndex(of: current) ?? -1) + 1) % order.count])
            return [state.perform(.setDomainStatus(code, next, meetingId: mid), on: hid)]
        case .addAction:
            state.modal = .form(Forms.newAction(state, file: room.file, domain: code, attendees: room.attendees))
        case .addBlockedRule:
            // A rule that blocks help, said at the table while this domain is walked.
            state.modal = .form(Forms.blockedRule(state, file: room.file, domain: code))
        case .edit:
            if room.actionsFocused {
                let list = domainActions(code)
                guard list.indices.contains(room.actionScroll.selected) else { return [] }
                state.modal = .form(Forms.editAction(state, file: room.file, action: list[room.actionScroll.selected], attendees: room.attendees))
            } else {
                state.meeting = room
                MeetingEditor.begin(&state, .situation(code))
                room = state.meeting!
            }
        case .editSituation:
            state.meeting = room
            MeetingEditor.begin(&state, .situation(code))
            room = state.meeting!
        case .noActionReason:
            state.modal = .prompt(PromptState(purpose: .noActionReason(domain: code), title: "meeting.no-action-title",
                                              message: [Message("meeting.no-action-explained", .domain(code))],
                                              input: TextInput(room.file.domainState(code).noActionReason ?? "", maxLength: 300)))
        case .focusActions:
            room.actionsFocused.toggle()
            room.actionScroll = ScrollState()
        default: break
        }
        return []
    }

    static func coordinator(_ state: inout AppState, _ room: inout MeetingState, _ command: Command) -> [Effect] {
        defer { state.meeting = room }
        let list = room.file.coordinators.sorted { $0.id > $1.id }
        if move(&room.coordinatorScroll, command, count: list.count, height: Layouts.meetingListHeight(state.size)) { return [] }
        let hid = room.file.id
        switch command {
        case .propose:
            if room.file.pendingProposal != nil {
                state.status = StatusMessage(DomainError.proposalPending.message, .error)
                return []
            }
            let options = Forms.parties(state, file: room.file, attendees: room.attendees).filter {
                if case .party(let p) = $0.value { return p.kind != .organisation }
                return false
            }
            state.modal = .picker(PickerState(purpose: .propose, title: "meeting.pick-coordinator", options: options))
        case .accept:
            guard let p = room.file.pendingProposal else { state.status = StatusMessage(Message("meeting.no-proposal"), .error); return [] }
            return [state.perform(.accept(p.id), on: hid)]
        case .decline:
            guard let p = room.file.pendingProposal else { state.status = StatusMessage(Message("meeting.no-proposal"), .error); return [] }
            let name = PartyDirectory(roster: state.roster, file: room.file).name(p.coordinator)
            state.modal = .prompt(PromptState(purpose: .declineReason(coordinatorId: p.id), title: "meeting.decline-title",
                                              message: [Message("meeting.decline-explained", .text(name))]))
        default: break
        }
        return []
    }

    static func closing(_ state: inout AppState, _ room: inout MeetingState, _ command: Command) -> [Effect] {
        let gaps = room.gaps
        if move(&room.gapScroll, command, count: gaps.count, height: Layouts.meetingListHeight(state.size)) { state.meeting = room; return [] }
        state.meeting = room
        switch command {
        case .editNextReview:
            let current = room.meeting.nextReview ?? state.today.adding(weeks: room.file.household.reviewCadenceWeeks)
            state.modal = .prompt(PromptState(purpose: .nextReview, title: "meeting.next-review-title", message: [Message("meeting.next-review-explained")],
                                              input: TextInput(state.strings.date(current), maxLength: 20)))
        case .addDecision:
            state.modal = .prompt(PromptState(purpose: .decision(index: nil), title: "meeting.decision-title", message: [Message("meeting.decision-explained")]))
        case .jumpToGap:
            guard gaps.indices.contains(room.gapScroll.selected) else { return [] }
            let gap = gaps[room.gapScroll.selected]
            // "Not discussed — deliberately?" is answered here, with the same key.
            if gap.isAcknowledgeable { return [state.perform(.acknowledgeGap(meetingId: room.meetingId, gap.acknowledgement), on: room.file.id)] }
            return jump(&state, to: gap)
        case .closeMeeting:
            if gaps.isEmpty { return closeMeeting(&state, gapReason: nil) }
            state.modal = .prompt(PromptState(purpose: .closeWithGaps, title: "meeting.gaps-title",
                                              message: [Message("meeting.gaps-explained", .number(gaps.count))]))
        default: break
        }
        return []
    }

    /// Goes to the place where a gap is fixed, with the item selected.
    static func jump(_ state: inout AppState, to gap: Gap) -> [Effect] {
        let effects = goTo(&state, gap.step, completing: false)
        guard var room = state.meeting else { return effects }
        let codes = room.domainCodes(state.domainOrder)
        let height = Layouts.meetingDomainListHeight(state.size)
        switch gap {
        case .domainWithoutAction(let d):
            if let i = codes.firstIndex(of: d) {
                room.domainScroll.select(i, count: codes.count, height: height)
                room.actionsFocused = false
                room.memberIndex = 0
            }
        case .actionIncomplete(let id, _, _):
            if let a = room.file.action(id), let i = codes.firstIndex(of: a.domain) {
                room.domainScroll.select(i, count: codes.count, height: height)
                let list = room.file.actions.filter { $0.domain == a.domain && ($0.isOpen || $0.meetingId == room.meetingId) }
                room.actionsFocused = true
                room.actionScroll = ScrollState(selected: list.firstIndex { $0.id == id } ?? 0)
            }
        case .vagueAction(let id, _):
            if let a = room.file.action(id), let i = codes.firstIndex(of: a.domain) {
                room.domainScroll.select(i, count: codes.count, height: height)
                let list = room.file.actions.filter { $0.domain == a.domain && ($0.isOpen || $0.meetingId == room.meetingId) }
                room.actionsFocused = true
                room.actionScroll = ScrollState(selected: list.firstIndex { $0.id == id } ?? 0)
            }
        case .memberNeverScored(let member, _):
            room.memberIndex = room.file.currentMembers(on: state.today).firstIndex { $0.id == member } ?? 0
            room.actionsFocused = false
        case .consentMissing(let org, _):
            if let i = room.attendees.firstIndex(where: { ($0.organisationId ?? $0.party.flatMap { state.roster.organisationId(of: $0) }) == org }) {
                room.attendeeScroll.select(i, count: room.attendees.count, height: Layouts.meetingListHeight(state.size))
            }
        default: break
        }
        state.meeting = room
        return effects
    }

    /// Closes the meeting: saves typed text first, then one intent. The minutes preview opens
    /// when the store has confirmed the close.
    static func closeMeeting(_ state: inout AppState, gapReason: String?) -> [Effect] {
        let flushed = MeetingEditor.flush(&state)
        guard var room = state.meeting else { return flushed }
        room.pendingSteps = nil
        room.minutesScroll = 0
        state.meeting = room
        return flushed + [state.perform(.closeMeeting(meetingId: room.meetingId, gapReason: gapReason, gaps: room.gaps.map(\.code)), on: room.file.id)]
    }

    // MARK: Layout-dependent helpers

    /// Opens the minutes preview: the team minutes of this meeting as the export will write them.
    static func preview(_ state: inout AppState) {
        guard var room = state.meeting else { return }
        room.showMinutes = true
        room.minutesScroll = 0
        room.minutesLines = previewText(state, room)
        state.meeting = room
    }

    /// The preview's Markdown lines (empty when the minutes cannot be built).
    static func previewText(_ state: AppState, _ room: MeetingState) -> [String] {
        guard let minutes = try? Minutes.build(room.file, meetingId: room.meetingId, roster: state.roster, domainOrder: state.domainOrder,
                                               services: state.services) else { return [] }
        let doc = MinutesRenderer(strings: state.strings).document(minutes, audience: .team, roster: state.roster)
        return doc.markdown().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The preview's visible rows and its largest useful scroll offset at the current size.
    static func previewGeometry(_ state: AppState, _ room: MeetingState) -> (page: Int, last: Int) {
        let inner = Layouts.meeting(state.size).main.inset(by: 1).inset(left: 1, right: 1)
        let rows = Paragraph(MeetingView.previewLines(room.minutesLines)).height(width: max(1, inner.width))
        return (max(1, inner.height), max(0, rows - inner.height))
    }

    /// Keeps selections inside their lists and the closing check's gaps up to date.
    static func clamp(_ state: inout AppState) {
        guard var room = state.meeting else { return }
        let height = Layouts.meetingListHeight(state.size)
        room.gaps = ClosingCheck.gaps(room.file, meeting: room.meeting, roster: state.roster, domainOrder: state.domainOrder, today: state.today)
        room.attendeeScroll.clamp(count: room.attendees.count, height: height)
        room.previousScroll.clamp(count: room.previousActions(domainOrder: state.domainOrder).count, height: height)
        room.domainScroll.clamp(count: room.domainCodes(state.domainOrder).count, height: Layouts.meetingDomainListHeight(state.size))
        room.coordinatorScroll.clamp(count: room.file.coordinators.count, height: height)
        room.gapScroll.clamp(count: room.gaps.count, height: height)
        if room.memberIndex >= room.file.currentMembers(on: state.today).count { room.memberIndex = 0 }
        state.meeting = room
    }

    static func click(_ state: inout AppState, _ point: Point) -> [Effect] {
        guard let room = state.meeting else { return [] }
        let agenda = Layouts.meeting(state.size).agenda
        if point.y == agenda.y {
            let tabs = MeetingView.agendaTabs(ViewContext(s: state), room, width: agenda.width)
            if let i = tabs.hitRanges(x: agenda.x, glyphs: .unicode).firstIndex(where: { $0.contains(point.x) }) {
                return goTo(&state, AgendaStep.allCases[i], completing: false)
            }
            return []
        }
        if room.step == .domains {
            let list = Layouts.meetingDomains(state.size).list.inset(by: 1)
            if list.contains(point) {
                var updated = room
                let codes = updated.domainCodes(state.domainOrder)
                let i = updated.domainScroll.offset + (point.y - list.y)
                if codes.indices.contains(i) {
                    if i != updated.domainScroll.selected { updated.memberIndex = 0 }
                    updated.domainScroll.select(i, count: codes.count, height: Layouts.meetingDomainListHeight(state.size))
                    updated.actionsFocused = false
                    state.meeting = updated
                }
            }
        }
        return []
    }
}
