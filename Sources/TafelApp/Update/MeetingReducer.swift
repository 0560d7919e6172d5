import TafelCore
import TerminalKit

/// Meeting mode: walking the agenda, recording everything as it is said.
enum MeetingReducer {
    static func command(_ s: inout AppState, _ c: Command) -> [Effect] {
        guard var m = s.meeting else { return [] }
        let hid = m.file.id, mid = m.meetingId
        switch c {
        case .nextStep, .previousStep, .step1, .step2, .step3, .step4, .step5, .step6:
            let steps = AgendaStep.allCases
            let target: AgendaStep
            switch c {
            case .nextStep: target = steps[min(steps.count - 1, m.step.index + 1)]
            case .previousStep: target = steps[max(0, m.step.index - 1)]
            case .step1: target = .opening
            case .step2: target = .ownView
            case .step3: target = .previousActions
            case .step4: target = .domains
            case .step5: target = .coordinator
            default: target = .closing
            }
            return goTo(&s, target, completing: c == .nextStep)
        case .screenCaseload, .screenHouseholds, .screenAudit:
            return flush(&s) + Reducer.command(&s, c)
        case .exportMinutes:
            return flush(&s) + [.exportMinutes(householdId: hid, meetingId: mid)]
        default:
            break
        }
        if m.isClosed && ![.moveDown, .moveUp, .pageDown, .pageUp, .jumpToGap].contains(c) {
            if m.showMinutes {
                switch c {
                case .moveDown: m.minutesScroll += 1
                case .moveUp: m.minutesScroll = max(0, m.minutesScroll - 1)
                default: break
                }
                s.meeting = m
            }
            s.status = StatusMessage(DomainError.meetingClosed.message)
            return []
        }
        switch m.step {
        case .opening: return opening(&s, &m, c)
        case .ownView:
            if c == .edit {
                m.editing = .ownView
                m.editor = TextAreaInput(m.file.household.ownView, maxLength: 4000)
                s.meeting = m
            }
            return []
        case .previousActions: return previous(&s, &m, c)
        case .domains: return domains(&s, &m, c)
        case .coordinator: return coordinator(&s, &m, c)
        case .closing: return closing(&s, &m, c)
        }
    }

    // MARK: Steps

    static func goTo(_ s: inout AppState, _ target: AgendaStep, completing: Bool) -> [Effect] {
        let effects = finishEditing(&s)
        guard var m = s.meeting else { return effects }
        let from = m.step
        m.step = target
        m.showMinutes = false
        if !m.isClosed {
            var completed = m.stepsCompleted
            if completing && !completed.contains(from) { completed.append(from) }
            if target != m.meeting.currentStep || completed != m.meeting.stepsCompleted {
                m.pendingSteps = (target, completed, s.now)
            } else {
                m.pendingSteps = nil
            }
        }
        s.meeting = m
        clamp(&s)
        return effects
    }

    static func move(_ scroll: inout ScrollState, _ c: Command, count: Int, height: Int) -> Bool {
        switch c {
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

    static func opening(_ s: inout AppState, _ m: inout MeetingState, _ c: Command) -> [Effect] {
        defer { s.meeting = m }
        let list = m.attendees
        if move(&m.attendeeScroll, c, count: list.count, height: Layouts.meetingListHeight(s.size)) { return [] }
        let selected = list.indices.contains(m.attendeeScroll.selected) ? list[m.attendeeScroll.selected] : nil
        let hid = m.file.id
        switch c {
        case .addAttendee:
            let present = Set(list.compactMap(\.party))
            let options = Forms.parties(s, file: m.file, attendees: []).filter {
                if case .party(let p) = $0.value { return !present.contains(p) && p.kind != .organisation }
                return false
            }
            s.modal = .picker(PickerState(purpose: .addAttendee, title: "meeting.pick-attendee", options: options))
        case .addGuest:
            s.modal = .prompt(PromptState(purpose: .guestName, title: "meeting.guest-title", message: [Message("meeting.guest-explained")]))
        case .cyclePresence:
            guard let a = selected else { return [] }
            var n = a
            let all = Presence.allCases
            n.presence = all[(all.firstIndex(of: a.presence)! + 1) % all.count]
            return [.apply([.attendee(base: a, new: n)], householdId: hid, note: nil)]
        case .removeAttendee:
            guard let a = selected else { return [] }
            return [.apply([.removeAttendee(a)], householdId: hid, note: nil)]
        case .setChair, .setMinuteTaker:
            guard let a = selected, let p = a.party, p.kind == .professional else {
                s.status = StatusMessage(Message("meeting.needs-professional"), .error)
                return []
            }
            var meeting = m.meeting
            if c == .setChair { meeting.chairId = p.id } else { meeting.minuteTakerId = p.id }
            return [.apply([.meeting(base: m.meeting, new: meeting)], householdId: hid, note: nil)]
        case .recordConsent:
            let org = selected.flatMap { $0.organisationId ?? $0.party.flatMap { s.roster.organisationId(of: $0) } }
            s.modal = .form(Forms.consent(s, file: m.file, organisation: org))
        case .toggleHouseholdPresent:
            var meeting = m.meeting
            meeting.householdPresent.toggle()
            return [.apply([.meeting(base: m.meeting, new: meeting)], householdId: hid, note: nil)]
        default: break
        }
        return []
    }

    static func previous(_ s: inout AppState, _ m: inout MeetingState, _ c: Command) -> [Effect] {
        defer { s.meeting = m }
        let list = m.previousActions(domainOrder: s.domainOrder)
        if move(&m.previousScroll, c, count: list.count, height: Layouts.meetingListHeight(s.size)) { return [] }
        guard list.indices.contains(m.previousScroll.selected) else { return [] }
        let a = list[m.previousScroll.selected]
        let hid = m.file.id
        switch c {
        case .closeDone: return [.operate(.closeAction(a.id, .gedaan, replacedBy: nil), householdId: hid)]
        case .closeNotDone: return [.operate(.closeAction(a.id, .nietGedaanDoorEigenaar, replacedBy: nil), householdId: hid)]
        case .closeNotPossible: return [.operate(.closeAction(a.id, .nietMogelijk, replacedBy: nil), householdId: hid)]
        case .closeReplaced:
            let others = m.file.actions.filter { $0.id != a.id && $0.isOpen }
                .map { ChoiceOption.text($0.description, detail: s.strings.domainShort($0.domain), .id($0.id)) }
            guard !others.isEmpty else {
                s.status = StatusMessage(Message("meeting.no-replacement"), .error)
                return []
            }
            s.modal = .picker(PickerState(purpose: .replacement(actionId: a.id), title: "meeting.pick-replacement", options: others))
        case .carryOver:
            s.modal = .prompt(PromptState(purpose: .carryOverDate(actionId: a.id), title: "meeting.carry-title",
                                          message: [Message("meeting.carry-explained", .text(a.description))], input: TextInput("+2w", maxLength: 20)))
        default: break
        }
        return []
    }

    static func domains(_ s: inout AppState, _ m: inout MeetingState, _ c: Command) -> [Effect] {
        defer { s.meeting = m }
        let codes = m.domainCodes(s.domainOrder)
        guard codes.indices.contains(m.domainScroll.selected) || c == .moveDown || c == .moveUp else { return [] }
        let file = m.file, meetingId = m.meetingId
        let domainActions = { (code: String) in file.actions.filter { $0.domain == code && ($0.isOpen || $0.meetingId == meetingId) } }
        if m.actionsFocused {
            let code = codes[m.domainScroll.selected]
            if move(&m.actionScroll, c, count: domainActions(code).count, height: 6) { return [] }
        } else if move(&m.domainScroll, c, count: codes.count, height: Layouts.meetingDomainListHeight(s.size)) {
            m.actionScroll = ScrollState()
            return []
        }
        guard codes.indices.contains(m.domainScroll.selected) else { return [] }
        let code = codes[m.domainScroll.selected]
        let hid = m.file.id, mid = m.meetingId
        let members = m.file.members
        func discussed() -> [Effect] {
            var meeting = m.meeting
            guard !meeting.domainsDiscussed.contains(code) else { return [] }
            meeting.domainsDiscussed.append(code)
            return [.apply([.meeting(base: m.meeting, new: meeting)], householdId: hid, note: nil)]
        }
        switch c {
        case .score1, .score2, .score3, .score4, .score5:
            guard members.indices.contains(m.memberIndex) else { return [] }
            let score = [Command.score1, .score2, .score3, .score4, .score5].firstIndex(of: c)! + 1
            return [.operate(.setScore(member: members[m.memberIndex].id, domain: code, score: score, meetingId: mid), householdId: hid)] + discussed()
        case .nextMember: m.memberIndex = members.isEmpty ? 0 : (m.memberIndex + 1) % members.count
        case .previousMember: m.memberIndex = members.isEmpty ? 0 : (m.memberIndex + members.count - 1) % members.count
        case .ownScore:
            guard members.indices.contains(m.memberIndex) else { return [] }
            s.modal = .prompt(PromptState(purpose: .ownScore(memberId: members[m.memberIndex].id, domain: code), title: "meeting.own-score-title",
                                          message: [Message("meeting.own-score-explained", .text(members[m.memberIndex].name), .domain(code))],
                                          input: TextInput(maxLength: 1)))
        case .cycleDomainStatus, .markNoNeed, .markNotDiscussed:
            let current = m.file.domainState(code).status
            let order: [DomainStatus] = [.zorg, .inBehandeling, .wachtlijst, .opgelost, .geenZorg, .nietBesproken]
            let next: DomainStatus = c == .markNoNeed ? .geenZorg : (c == .markNotDiscussed ? .nietBesproken
                : order[((order.firstIndex(of: current) ?? -1) + 1) % order.count])
            return [.operate(.setDomainStatus(code, next), householdId: hid)] + (next == .nietBesproken ? [] : discussed())
        case .addAction:
            s.modal = .form(Forms.newAction(s, file: m.file, domain: code, attendees: m.attendees))
        case .edit:
            if m.actionsFocused {
                let list = domainActions(code)
                guard list.indices.contains(m.actionScroll.selected) else { return [] }
                s.modal = .form(Forms.editAction(s, file: m.file, action: list[m.actionScroll.selected], attendees: m.attendees))
            } else {
                return command(&s, .editSituation)
            }
        case .editSituation:
            m.editing = .situation(code)
            m.editor = TextAreaInput(m.file.domainState(code).situation, maxLength: 4000)
        case .noActionReason:
            s.modal = .prompt(PromptState(purpose: .noActionReason(domain: code), title: "meeting.no-action-title",
                                          message: [Message("meeting.no-action-explained", .domain(code))],
                                          input: TextInput(m.file.domainState(code).noActionReason ?? "", maxLength: 300)))
        case .focusActions:
            m.actionsFocused.toggle()
            m.actionScroll = ScrollState()
        default: break
        }
        return []
    }

    static func coordinator(_ s: inout AppState, _ m: inout MeetingState, _ c: Command) -> [Effect] {
        defer { s.meeting = m }
        let list = m.file.coordinators.sorted { $0.id > $1.id }
        if move(&m.coordinatorScroll, c, count: list.count, height: Layouts.meetingListHeight(s.size)) { return [] }
        let hid = m.file.id
        switch c {
        case .propose:
            if m.file.pendingProposal != nil {
                s.status = StatusMessage(DomainError.proposalPending.message, .error)
                return []
            }
            let options = Forms.parties(s, file: m.file, attendees: m.attendees).filter {
                if case .party(let p) = $0.value { return p.kind != .organisation }
                return false
            }
            s.modal = .picker(PickerState(purpose: .propose, title: "meeting.pick-coordinator", options: options))
        case .accept:
            guard let p = m.file.pendingProposal else { s.status = StatusMessage(Message("meeting.no-proposal"), .error); return [] }
            return [.operate(.accept(p.id), householdId: hid)]
        case .decline:
            guard let p = m.file.pendingProposal else { s.status = StatusMessage(Message("meeting.no-proposal"), .error); return [] }
            let name = PartyDirectory(roster: s.roster, file: m.file).name(p.coordinator)
            s.modal = .prompt(PromptState(purpose: .declineReason(coordinatorId: p.id), title: "meeting.decline-title",
                                          message: [Message("meeting.decline-explained", .text(name))]))
        default: break
        }
        return []
    }

    static func gaps(_ s: AppState, _ m: MeetingState) -> [Gap] {
        ClosingCheck.gaps(m.file, meeting: m.meeting, roster: s.roster, domainOrder: s.domainOrder)
    }

    static func closing(_ s: inout AppState, _ m: inout MeetingState, _ c: Command) -> [Effect] {
        let gaps = gaps(s, m)
        if move(&m.gapScroll, c, count: gaps.count, height: Layouts.meetingListHeight(s.size)) { s.meeting = m; return [] }
        s.meeting = m
        switch c {
        case .editNextReview:
            let current = m.meeting.nextReview ?? s.today.adding(weeks: m.file.household.reviewCadenceWeeks)
            s.modal = .prompt(PromptState(purpose: .nextReview, title: "meeting.next-review-title", message: [Message("meeting.next-review-explained")],
                                          input: TextInput(s.strings.date(current), maxLength: 20)))
        case .addDecision:
            s.modal = .prompt(PromptState(purpose: .decision(index: nil), title: "meeting.decision-title", message: [Message("meeting.decision-explained")]))
        case .jumpToGap:
            guard gaps.indices.contains(m.gapScroll.selected) else { return [] }
            return jump(&s, to: gaps[m.gapScroll.selected])
        case .closeMeeting:
            if gaps.isEmpty { return closeMeeting(&s, gapReason: nil) }
            s.modal = .prompt(PromptState(purpose: .closeWithGaps, title: "meeting.gaps-title",
                                          message: [Message("meeting.gaps-explained", .number(gaps.count))]))
        default: break
        }
        return []
    }

    /// Goes to the place where a gap is fixed, with the item selected.
    static func jump(_ s: inout AppState, to gap: Gap) -> [Effect] {
        let effects = goTo(&s, gap.step, completing: false)
        guard var m = s.meeting else { return effects }
        switch gap {
        case .domainWithoutAction(let d):
            if let i = m.domainCodes(s.domainOrder).firstIndex(of: d) {
                m.domainScroll.select(i, count: m.domainCodes(s.domainOrder).count, height: Layouts.meetingDomainListHeight(s.size))
                m.actionsFocused = false
            }
        case .actionIncomplete(let id, _, _):
            if let a = m.file.action(id), let i = m.domainCodes(s.domainOrder).firstIndex(of: a.domain) {
                m.domainScroll.select(i, count: m.domainCodes(s.domainOrder).count, height: Layouts.meetingDomainListHeight(s.size))
                let list = m.file.actions.filter { $0.domain == a.domain && ($0.isOpen || $0.meetingId == m.meetingId) }
                m.actionsFocused = true
                m.actionScroll = ScrollState(selected: list.firstIndex { $0.id == id } ?? 0)
            }
        case .consentMissing(let org, _):
            if let i = m.attendees.firstIndex(where: { ($0.organisationId ?? $0.party.flatMap { s.roster.organisationId(of: $0) }) == org }) {
                m.attendeeScroll.select(i, count: m.attendees.count, height: Layouts.meetingListHeight(s.size))
            }
        default: break
        }
        s.meeting = m
        return effects
    }

    static func closeMeeting(_ s: inout AppState, gapReason: String?) -> [Effect] {
        guard var m = s.meeting else { return [] }
        var meeting = m.meeting
        meeting.status = .closed
        meeting.endedAt = s.now
        meeting.gapReason = gapReason
        meeting.stepsCompleted = AgendaStep.allCases
        meeting.currentStep = .closing
        if meeting.nextReview == nil { meeting.nextReview = s.today.adding(weeks: m.file.household.reviewCadenceWeeks) }
        m.pendingSteps = nil
        m.showMinutes = true
        m.minutesScroll = 0
        s.meeting = m
        s.status = StatusMessage(Message("meeting.closed"), .success)
        return [.apply([.meeting(base: m.meeting, new: meeting)], householdId: m.file.id, note: gapReason)]
    }

    // MARK: Text editing with autosave

    static func editorKey(_ s: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard var m = s.meeting else { return [] }
        switch key {
        case .escape, .tab, .function(5), .function(6), .function(7), .function(8), .function(9), .function(10):
            let effects = finishEditing(&s)
            if case .function = key, let c = s.keymap.command(for: key, in: .meeting) { return effects + command(&s, c) }
            return effects
        default:
            let width = max(10, editorWidth(s))
            if m.editor.handle(key, width: width) {
                m.dirty = true
                m.saved = false
                m.lastEdit = s.now
            }
            s.meeting = m
            return []
        }
    }

    static func editorWidth(_ s: AppState) -> Int {
        guard let m = s.meeting else { return 40 }
        switch m.editing {
        case .situation: return Layouts.meetingDomains(s.size).detail.width - 4
        default: return Layouts.meeting(s.size).main.width - 4
        }
    }

    /// Leaves the editor, saving what was typed.
    static func finishEditing(_ s: inout AppState) -> [Effect] {
        let effects = flushText(&s)
        s.meeting?.editing = nil
        return effects
    }

    /// Saves what is not saved yet — typed text and the place on the agenda; editing goes on.
    static func flush(_ s: inout AppState) -> [Effect] {
        flushText(&s) + flushSteps(&s)
    }

    /// Saves the place on the agenda when it changed.
    static func flushSteps(_ s: inout AppState) -> [Effect] {
        guard var m = s.meeting, let p = m.pendingSteps else { return [] }
        m.pendingSteps = nil
        s.meeting = m
        guard !m.isClosed else { return [] }
        var meeting = m.meeting
        meeting.currentStep = p.current
        meeting.stepsCompleted = p.completed
        return [.apply([.meeting(base: m.meeting, new: meeting)], householdId: m.file.id, note: nil)]
    }

    /// Saves typed text that is not saved yet.
    static func flushText(_ s: inout AppState) -> [Effect] {
        guard var m = s.meeting, m.dirty, let target = m.editing else { return [] }
        var effects: [Effect] = []
        m.dirty = false
        let text = m.editor.text
        switch target {
        case .ownView:
            var h = m.file.household
            if h.ownView != text {
                h.ownView = text
                effects.append(.apply([.household(base: m.file.household, new: h)], householdId: m.file.id, note: nil))
            }
        case .situation(let code):
            let old = m.file.domains.first { $0.domain == code }
            var d = old ?? DomainState(householdId: m.file.id, domain: code, updatedOn: s.today)
            if d.situation != text {
                d.situation = text
                effects.append(.apply([.domain(base: old, new: d)], householdId: m.file.id, note: nil))
            }
        case .decision:
            break
        }
        s.meeting = m
        return effects
    }

    // MARK: Layout-dependent helpers

    static func clamp(_ s: inout AppState) {
        guard var m = s.meeting else { return }
        let h = Layouts.meetingListHeight(s.size)
        m.attendeeScroll.clamp(count: m.attendees.count, height: h)
        m.previousScroll.clamp(count: m.previousActions(domainOrder: s.domainOrder).count, height: h)
        m.domainScroll.clamp(count: m.domainCodes(s.domainOrder).count, height: Layouts.meetingDomainListHeight(s.size))
        m.coordinatorScroll.clamp(count: m.file.coordinators.count, height: h)
        m.gapScroll.clamp(count: gaps(s, m).count, height: h)
        if m.memberIndex >= m.file.members.count { m.memberIndex = 0 }
        s.meeting = m
    }

    static func click(_ s: inout AppState, _ p: Point) -> [Effect] {
        guard let m = s.meeting else { return [] }
        let agenda = Layouts.meeting(s.size).agenda
        if p.y == agenda.y {
            let tabs = MeetingView.agendaTabs(ViewContext(s: s), m, width: agenda.width)
            if let i = tabs.hitRanges(x: agenda.x, glyphs: .unicode).firstIndex(where: { $0.contains(p.x) }) {
                return goTo(&s, AgendaStep.allCases[i], completing: false)
            }
            return []
        }
        if m.step == .domains {
            let list = Layouts.meetingDomains(s.size).list.inset(by: 1)
            if list.contains(p) {
                var mm = m
                let codes = mm.domainCodes(s.domainOrder)
                let i = mm.domainScroll.offset + (p.y - list.y)
                if codes.indices.contains(i) {
                    mm.domainScroll.select(i, count: codes.count, height: Layouts.meetingDomainListHeight(s.size))
                    mm.actionsFocused = false
                    s.meeting = mm
                }
            }
        }
        return []
    }
}
