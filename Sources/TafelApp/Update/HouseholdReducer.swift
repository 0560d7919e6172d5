import TafelCore
import TerminalKit

/// Commands on the household screen.
enum HouseholdReducer {
    static func command(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard var view = state.household else { return [] }
        defer { state.household = view }
        let tabs = HouseholdTab.allCases
        switch command {
        case .nextTab, .previousTab:
            let i = tabs.firstIndex(of: view.tab)!
            view.tab = tabs[(i + (command == .nextTab ? 1 : tabs.count - 1)) % tabs.count]
            view.scroll = ScrollState()
        case .moveDown: view.scroll.offset += 1
        case .moveUp: view.scroll.offset = max(0, view.scroll.offset - 1)
        case .pageDown: view.scroll.offset += 10
        case .pageUp: view.scroll.offset = max(0, view.scroll.offset - 10)
        case .moveTop: view.scroll.offset = 0
        case .startMeeting:
            if view.file.household.status == .afgesloten {
                state.status = StatusMessage(DomainError.householdClosed.message, .error)
                return []
            }
            return [state.startMeeting(view.file.id)]
        case .addContact: state.modal = .form(Forms.contact(state, householdId: view.file.id))
        case .addSignal: state.modal = .form(Forms.signal(state, householdId: view.file.id))
        case .addEscalation: state.modal = .form(Forms.escalation(state, householdId: view.file.id))
        case .addConsent: state.modal = .form(Forms.consent(state, file: view.file, organisation: nil))
        case .decideEscalation:
            guard let e = view.file.escalations.first(where: \.isOpen) else {
                state.status = StatusMessage(Message("household.no-open-escalation"))
                return []
            }
            state.modal = .form(Forms.decideEscalation(e))
        case .screenCaseload, .screenHouseholds, .screenAudit:
            return Reducer.command(&state, command)
        default:
            break
        }
        return []
    }
}
