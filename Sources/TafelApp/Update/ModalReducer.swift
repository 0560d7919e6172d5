import TafelCore
import TerminalKit

/// Keys while an overlay is open. The overlays' keys come from the keymap (contexts `help`,
/// `notice`, `confirm`, `conflict`, `status-menu`); overlays that take typed text (palette,
/// prompt, picker, form) pass letters to their input and know only Enter, Esc and arrows.
enum ModalReducer {
    static func key(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard let modal = state.modal else { return [] }
        func bound(_ context: KeyContext) -> Command? { state.keymap.command(for: key, in: context) }
        if let command = state.keymap.command(for: key, in: .always), command == .interrupt || command == .suspend {
            return Reducer.command(&state, command)
        }
        switch modal {
        case .help(let scroll):
            if case .mouse(let m) = key {
                if m.kind == .wheelDown { state.modal = .help(scroll: scroll + 3) }
                if m.kind == .wheelUp { state.modal = .help(scroll: max(0, scroll - 3)) }
                return []
            }
            switch bound(.help) {
            case .dismiss?: state.modal = nil
            case .moveDown?: state.modal = .help(scroll: scroll + 1)
            case .moveUp?: state.modal = .help(scroll: max(0, scroll - 1))
            case .pageDown?: state.modal = .help(scroll: scroll + 10)
            case .pageUp?: state.modal = .help(scroll: max(0, scroll - 10))
            default: break
            }
            return []
        case .notice:
            if bound(.notice) == .dismiss { state.modal = nil }
            if case .mouse(let m) = key, m.kind == .click { state.modal = nil }
            return []
        case .confirmQuit(let focused, let reason):
            switch bound(.confirm) {
            case .confirmNo?: state.modal = nil
            case .nextTab?: state.modal = .confirmQuit(focused: 1 - focused, reason: reason)
            case .confirmYes?: return QuitFlow.quit(&state, confirmed: true)
            case .open?:
                if focused == 1 { return QuitFlow.quit(&state, confirmed: true) }
                state.modal = nil
            default: break
            }
            return []
        case .conflict(let conflict):
            return ConflictReducer.key(&state, conflict, bound(.conflict))
        case .statusMenu(let actionId, let householdId):
            state.modal = nil
            let op: CaseOperation?
            switch bound(.statusMenu) {
            case .statusDone?: op = .closeAction(actionId, .gedaan, replacedBy: nil)
            case .statusNotDone?: op = .closeAction(actionId, .nietGedaanDoorEigenaar, replacedBy: nil)
            case .statusNotPossible?: op = .closeAction(actionId, .nietMogelijk, replacedBy: nil)
            case .statusInProgress?: op = .setActionStatus(actionId, .bezig)
            case .statusWaiting?: op = .setActionStatus(actionId, .wachtlijst)
            case .statusOpen?: op = .setActionStatus(actionId, .open)
            case .statusRejected?:
                state.modal = .picker(PickerState(purpose: .statusChange(actionId: actionId, householdId: householdId), title: "status.reject-title",
                                                  options: RejectionCode.allCases.map { ChoiceOption(Message("vocab.rejectionReason.\($0.rawValue)"), .code($0.rawValue)) }))
                return []
            default: op = nil
            }
            guard let op else { return [] }
            state.status = StatusMessage(Message("status.saving"))
            return [state.perform(op, on: householdId)]
        case .palette(var palette):
            switch key {
            case .escape: state.modal = nil
            case .down: palette.scroll.move(1, count: palette.matches.count, height: 12); state.modal = .palette(palette)
            case .up: palette.scroll.move(-1, count: palette.matches.count, height: 12); state.modal = .palette(palette)
            case .enter:
                state.modal = nil
                guard palette.matches.indices.contains(palette.scroll.selected) else { return [] }
                return Reducer.command(&state, palette.matches[palette.scroll.selected])
            default:
                palette.input.handle(key)
                palette.scroll = ScrollState()
                palette.matches = paletteMatches(state, palette.input.text)
                state.modal = .palette(palette)
            }
            return []
        case .prompt(var prompt):
            switch key {
            case .escape: state.modal = nil
            case .enter:
                state.modal = nil
                return PromptReducer.submit(&state, prompt)
            default:
                prompt.input.handle(key)
                prompt.error = nil
                state.modal = .prompt(prompt)
            }
            return []
        case .picker(var picker):
            let count = picker.matches.count
            switch key {
            case .escape: state.modal = nil
            case .down: picker.scroll.move(1, count: count, height: 10); state.modal = .picker(picker)
            case .up: picker.scroll.move(-1, count: count, height: 10); state.modal = .picker(picker)
            case .enter:
                state.modal = nil
                let matches = picker.matches
                guard matches.indices.contains(picker.scroll.selected) else { return [] }
                return PickerReducer.chosen(&state, picker.purpose, matches[picker.scroll.selected])
            default:
                picker.input.handle(key)
                picker.scroll = ScrollState()
                state.modal = .picker(picker)
            }
            return []
        case .form(var form):
            return FormReducer.key(&state, &form, key)
        }
    }

    /// Commands whose help text or name matches, best first.
    static func paletteMatches(_ state: AppState, _ text: String) -> [Command] {
        let needle = text.trimmed.lowercased()
        let all = Command.allCases.filter(\.inPalette).filter { $0 != .screenAudit || state.mayAudit }
        guard !needle.isEmpty else { return all }
        return all.map { command -> (Command, Int)? in
            let label = state.strings.t(command.helpKey).lowercased()
            let name = command.name.replacingOccurrences(of: "-", with: " ")
            guard Fuzzy.matches(needle, label) || Fuzzy.matches(needle, name) else { return nil }
            // A match in the visible text ranks above a match in the internal name.
            return (command, min(Fuzzy.score(needle, label), Fuzzy.score(needle, name) + 50))
        }.compactMap { $0 }.sorted { ($0.1, $0.0.rawValue) < ($1.1, $1.0.rawValue) }.map(\.0)
    }
}
