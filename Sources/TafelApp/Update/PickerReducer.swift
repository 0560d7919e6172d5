import TafelCore
import TerminalKit

/// What happens when an item is chosen in a picker.
enum PickerReducer {
    static func chosen(_ state: inout AppState, _ purpose: PickerPurpose, _ option: ChoiceOption) -> [Effect] {
        let room = state.meeting
        switch purpose {
        case .addAttendee:
            guard case .party(let p) = option.value, let room else { return [] }
            return [state.perform(.addAttendee(meetingId: room.meetingId, party: p, organisationId: state.roster.organisationId(of: p)), on: room.file.id)]
        case .propose:
            guard case .party(let p) = option.value, let room else { return [] }
            return [state.perform(.propose(p, meetingId: room.meetingId), on: room.file.id)]
        case .replacement(let actionId):
            guard case .id(let other) = option.value, let room else { return [] }
            return [state.perform(.closeAction(actionId, .vervangenDoor, replacedBy: other), on: room.file.id)]
        case .filterRule:
            if case .code(let c) = option.value { state.audit.filter.rule = StallRuleID(rawValue: c) } else { state.audit.filter.rule = nil }
            state.audit.scroll = ScrollState()
            return [state.load(.audit)]
        case .filterTeam:
            if case .code(let c) = option.value, AccessPolicy.teamNeedsReason(user: state.user, team: c),
               !state.audit.rows.contains(where: { $0.team == c }) {
                state.modal = .prompt(PromptState(purpose: .teamAudit(team: c), title: "audit.team-reason-title",
                                                  message: [Message("audit.team-reason-explained", .text(c))]))
                return []
            }
            if case .code(let c) = option.value { state.audit.filter.team = c } else { state.audit.filter.team = nil }
            state.audit.scroll = ScrollState()
            return [state.load(.audit)]
        case .filterWijk:
            if case .code(let c) = option.value { state.audit.filter.wijk = c } else { state.audit.filter.wijk = nil }
            state.audit.scroll = ScrollState()
            return [state.load(.audit)]
        case .filterCoordinator:
            if case .code(let c) = option.value { state.audit.filter.coordinator = c } else { state.audit.filter.coordinator = nil }
            state.audit.scroll = ScrollState()
            return [state.load(.audit)]
        case .intake(let draft):
            if case .id(let hid) = option.value {
                var signal = draft.signal
                signal.alreadyKnown = true
                return [state.perform(.addSignal(signal), on: hid)]
            }
            return [state.perform(.registerHousehold(draft.household, members: [], signals: [draft.signal]), on: nil)]
        case .statusChange(let actionId, let householdId):
            guard case .code(let c) = option.value, let code = RejectionCode(rawValue: c) else { return [] }
            if code == .voorliggend {
                // Which provision comes first is what the voorliggend signal and the minutes need.
                let laws = LegalFramework.allCases.filter { $0 != .geen }
                state.modal = .picker(PickerState(purpose: .precedingLaw(actionId: actionId, householdId: householdId), title: "status.reject-law-title",
                                                  options: laws.map { ChoiceOption(Message("vocab.framework.\($0.rawValue)"), .code($0.rawValue)) }
                                                      + [ChoiceOption(Message("status.reject-law-unknown"), .none)]))
                return []
            }
            state.status = StatusMessage(Message("status.saving"))
            return [state.perform(.rejectAction(actionId, Rejection(code)), on: householdId)]
        case .precedingLaw(let actionId, let householdId):
            var law: LegalFramework?
            if case .code(let c) = option.value { law = LegalFramework(rawValue: c) }
            state.status = StatusMessage(Message("status.saving"))
            return [state.perform(.rejectAction(actionId, Rejection(.voorliggend, law: law)), on: householdId)]
        }
    }
}
