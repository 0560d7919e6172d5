import TafelCore
import TerminalKit

/// Commands on the household screen: the record kept up outside the meeting — details, members,
/// actions, flags, closing and reopening — each an intent sent to the store.
enum HouseholdReducer {
    static func command(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard var view = state.household else { return [] }
        let file = view.file, hid = file.id
        let tabs = HouseholdTab.allCases
        let listHeight = Layouts.householdListHeight(state.size)
        func done() -> [Effect] { state.household = view; return [] }
        switch command {
        case .nextTab, .previousTab:
            let i = tabs.firstIndex(of: view.tab)!
            view.tab = tabs[(i + (command == .nextTab ? 1 : tabs.count - 1)) % tabs.count]
            view.scroll = ScrollState()
            return done()
        case .moveDown, .moveUp, .pageDown, .pageUp, .moveTop, .moveBottom:
            let delta: Int
            switch command {
            case .moveDown: delta = 1
            case .moveUp: delta = -1
            case .pageDown: delta = max(1, listHeight - 1)
            case .pageUp: delta = -max(1, listHeight - 1)
            case .moveTop: delta = -100_000
            default: delta = 100_000
            }
            switch view.tab {
            case .members: view.memberScroll.move(delta, count: view.sortedMembers.count, height: listHeight)
            case .actions: view.actionScroll.move(delta, count: view.sortedActions.count, height: listHeight)
            default: view.scroll.offset = max(0, view.scroll.offset + max(-100, min(100, delta)))
            }
            return done()
        case .startMeeting:
            if file.household.status == .afgesloten {
                state.status = StatusMessage(DomainError.householdClosed.message, .error)
                return []
            }
            return [state.startMeeting(hid)]
        case .addContact: state.modal = .form(Forms.contact(state, householdId: hid))
        case .addSignal: state.modal = .form(Forms.signal(state, householdId: hid))
        case .addEscalation: state.modal = .form(Forms.escalation(state, householdId: hid))
        case .addBlockedRule: state.modal = .form(Forms.blockedRule(state, file: file, domain: nil))
        case .addConsent: state.modal = .form(Forms.consent(state, file: file, organisation: nil))
        case .decideEscalation:
            guard let e = file.escalations.first(where: \.isOpen) else {
                state.status = StatusMessage(Message("household.no-open-escalation"))
                return []
            }
            state.modal = .form(Forms.decideEscalation(e))
        case .editHousehold: state.modal = .form(Forms.editHousehold(file.household))
        case .closeHousehold:
            if file.household.status == .afgesloten {
                state.modal = .prompt(PromptState(purpose: .reopenHousehold(householdId: hid), title: "household.reopen-title",
                                                  message: [Message("household.reopen-explained")]))
            } else {
                state.modal = .form(Forms.closeHousehold(householdId: hid))
            }
        case .householdFlags: state.modal = .form(Forms.flags(state, file: file))
        case .addMember: state.modal = .form(Forms.member(state, householdId: hid, member: nil))
        case .editMember:
            guard let m = view.selectedMember else { return [] }
            state.modal = .form(Forms.member(state, householdId: hid, member: m))
        case .endMember:
            guard let m = view.selectedMember else { return [] }
            guard m.endedOn == nil else {
                state.status = StatusMessage(DomainError.memberEnded.message, .error)
                return []
            }
            state.modal = .form(Forms.endMember(state, member: m))
        case .addAction: state.modal = .form(Forms.newActionAnyDomain(state, file: file))
        case .edit:
            guard let a = view.selectedAction else { return [] }
            state.modal = .form(Forms.editAction(state, file: file, action: a, attendees: []))
        case .changeStatus:
            guard let a = view.selectedAction else { return [] }
            guard a.isOpen else {
                state.status = StatusMessage(Message("household.action-closed-reopen"))
                return []
            }
            state.modal = .statusMenu(actionId: a.id, householdId: hid)
        case .reopenAction:
            guard let a = view.selectedAction else { return [] }
            return [state.perform(.reopenAction(a.id), on: hid)]
        case .screenCaseload, .screenHouseholds, .screenAudit:
            return Reducer.command(&state, command)
        default:
            break
        }
        return []
    }
}
