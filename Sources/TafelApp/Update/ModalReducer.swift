import TafelCore
import TerminalKit

/// Keys while an overlay is open: help, palette, prompts, pickers, forms, confirmations.
enum ModalReducer {
    static func key(_ s: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard let modal = s.modal else { return [] }
        switch modal {
        case .help(let scroll):
            switch key {
            case .escape, .char("q"), .char("?"), .enter, .function(12): s.modal = nil
            case .down, .char("j"): s.modal = .help(scroll: scroll + 1)
            case .up, .char("k"): s.modal = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): s.modal = .help(scroll: scroll + 10)
            case .pageUp: s.modal = .help(scroll: max(0, scroll - 10))
            case .mouse(let m) where m.kind == .wheelDown: s.modal = .help(scroll: scroll + 3)
            case .mouse(let m) where m.kind == .wheelUp: s.modal = .help(scroll: max(0, scroll - 3))
            default: break
            }
            return []
        case .notice:
            if [.escape, .enter, .char(" "), .char("q")].contains(key) { s.modal = nil }
            if case .mouse(let m) = key, m.kind == .click { s.modal = nil }
            return []
        case .confirmQuit(let focused):
            switch key {
            case .escape, .char("n"): s.modal = nil
            case .left, .right, .tab, .backTab: s.modal = .confirmQuit(focused: 1 - focused)
            case .char("j"), .char("y"): return quitNow(&s)
            case .enter: if focused == 1 { return quitNow(&s) } else { s.modal = nil }
            default: break
            }
            return []
        case .palette(var p):
            let matches = paletteMatches(s, p.input.text)
            switch key {
            case .escape: s.modal = nil
            case .down: p.scroll.move(1, count: matches.count, height: 12); s.modal = .palette(p)
            case .up: p.scroll.move(-1, count: matches.count, height: 12); s.modal = .palette(p)
            case .enter:
                s.modal = nil
                guard matches.indices.contains(p.scroll.selected) else { return [] }
                return Reducer.command(&s, matches[p.scroll.selected])
            default:
                p.input.handle(key)
                p.scroll = ScrollState()
                s.modal = .palette(p)
            }
            return []
        case .prompt(var p):
            switch key {
            case .escape: s.modal = nil
            case .enter:
                s.modal = nil
                return PromptReducer.submit(&s, p)
            default:
                p.input.handle(key)
                p.error = nil
                s.modal = .prompt(p)
            }
            return []
        case .picker(var p):
            let count = p.matches.count
            switch key {
            case .escape: s.modal = nil
            case .down: p.scroll.move(1, count: count, height: 10); s.modal = .picker(p)
            case .up: p.scroll.move(-1, count: count, height: 10); s.modal = .picker(p)
            case .enter:
                s.modal = nil
                let m = p.matches
                guard m.indices.contains(p.scroll.selected) else { return [] }
                return PickerReducer.chosen(&s, p.purpose, m[p.scroll.selected])
            default:
                p.input.handle(key)
                p.scroll = ScrollState()
                s.modal = .picker(p)
            }
            return []
        case .form(var f):
            return FormReducer.key(&s, &f, key)
        case .statusMenu(let actionId, let householdId):
            s.modal = nil
            let op: CaseOperation?
            switch key {
            case .char("g"), .char("d"): op = .closeAction(actionId, .gedaan, replacedBy: nil)
            case .char("n"): op = .closeAction(actionId, .nietGedaanDoorEigenaar, replacedBy: nil)
            case .char("m"): op = .closeAction(actionId, .nietMogelijk, replacedBy: nil)
            case .char("b"): op = .setActionStatus(actionId, .bezig)
            case .char("w"): op = .setActionStatus(actionId, .wachtlijst)
            case .char("o"): op = .setActionStatus(actionId, .open)
            case .char("a"):
                s.modal = .picker(PickerState(purpose: .statusChange(actionId: actionId, householdId: householdId), title: "status.reject-title",
                                              options: RejectionCode.allCases.map { ChoiceOption(Message("vocab.rejectionReason.\($0.rawValue)"), .code($0.rawValue)) }))
                return []
            default: op = nil
            }
            guard let op else { return [] }
            s.status = StatusMessage(Message("status.saving"))
            return [.operate(op, householdId: householdId)]
        }
    }

    static func quitNow(_ s: inout AppState) -> [Effect] {
        s.modal = nil
        let effects = MeetingReducer.finishEditing(&s)
        s.running = false
        return effects
    }

    /// Commands whose help text or name matches, best first.
    static func paletteMatches(_ s: AppState, _ text: String) -> [Command] {
        let needle = text.trimmed.lowercased()
        let all = Command.allCases.filter(\.inPalette).filter { $0 != .screenAudit || s.mayAudit }
        guard !needle.isEmpty else { return all }
        return all.map { c -> (Command, Int)? in
            let label = s.strings.t(c.helpKey).lowercased()
            let name = c.name.replacingOccurrences(of: "-", with: " ")
            guard Fuzzy.matches(needle, label) || Fuzzy.matches(needle, name) else { return nil }
            // A match in the visible text ranks above a match in the internal name.
            return (c, min(Fuzzy.score(needle, label), Fuzzy.score(needle, name) + 50))
        }.compactMap { $0 }.sorted { ($0.1, $0.0.rawValue) < ($1.1, $1.0.rawValue) }.map(\.0)
    }
}
