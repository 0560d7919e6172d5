import TafelCore
import TerminalKit

/// Commands on the three home screens: Mijn caseload, Huishoudens, Audit.
enum ListReducer {
    /// The sortable list on this screen: its order, its columns, which of them start with the largest,
    /// the config key it is kept under and whether it is the caseload (ordered within its groups).
    static func sortable(_ state: AppState) -> (sort: ListSort, keys: [String], numeric: Set<String>, setting: String)? {
        switch state.screen {
        case .caseload: return (state.caseload.sort, SortColumns.caseload, [], "sort-caseload")
        case .households: return (state.households.sort, SortColumns.households, SortColumns.householdsNumeric, "sort-households")
        case .audit: return (state.audit.sort, SortColumns.audit, SortColumns.auditNumeric, "sort-audit")
        default: return nil
        }
    }

    /// `>` and `<` move the order to the next or previous column (then back to the list's own
    /// order), `I` turns it round.
    static func sort(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard let list = sortable(state) else { return [] }
        let s = list.sort
        if command == .sortInvert {
            return s.key == nil ? [] : setSort(&state, ListSort(key: s.key, descending: !s.descending))
        }
        return setSort(&state, s.next(in: list.keys, numeric: list.numeric, step: command == .sortNext ? 1 : -1))
    }

    /// Puts the list on this screen in a new order: from the top, said on the status line
    /// ("Gesorteerd op Te laat, aflopend"), and kept in config.toml for next time.
    static func setSort(_ state: inout AppState, _ new: ListSort) -> [Effect] {
        guard let list = sortable(state) else { return [] }
        let titleKey: String?
        switch state.screen {
        case .caseload:
            state.caseload.sort = new
            titleKey = new.key.map { SortColumns.titleKey($0, caseload: true) }
        case .households:
            state.households.sort = new
            state.households.scroll = ScrollState()
            titleKey = new.key.map { SortColumns.titleKey($0, audit: false) }
        default:
            state.audit.sort = new
            state.audit.scroll = ScrollState()
            titleKey = new.key.map { SortColumns.titleKey($0, audit: true) }
        }
        if let titleKey {
            state.status = StatusMessage(Message(new.descending ? "sort.descending" : "sort.ascending", .key(titleKey)))
        } else {
            state.status = StatusMessage(Message(state.screen == .caseload ? "sort.own-order-caseload" : "sort.own-order"))
        }
        return [state.request(.saveSetting(key: list.setting, value: new.setting), for: .setting)]
    }

    static func command(_ state: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .moveDown: return move(&state, 1)
        case .moveUp: return move(&state, -1)
        case .pageDown: return move(&state, pageSize(state))
        case .pageUp: return move(&state, -pageSize(state))
        case .moveTop: return move(&state, -100_000)
        case .moveBottom: return move(&state, 100_000)
        case .open: return open(&state)
        case .sortNext, .sortPrevious, .sortInvert: return sort(&state, command)
        case .startMeeting:
            guard let id = selectedHousehold(state) else { return [] }
            return [state.open(id, then: .meeting(anotherToday: false))]
        case .changeStatus:
            guard state.screen == .caseload, case .action(let a, _)? = selectedCaseloadRow(state) else { return [] }
            state.modal = .statusMenu(actionId: a.action.id, householdId: a.action.householdId)
            return []
        case .newHousehold:
            state.modal = .form(Forms.newHousehold(team: state.user.team))
            return []
        case .intake:
            state.modal = .form(Forms.intake(state))
            return []
        case .filterRule:
            state.modal = .picker(PickerState(purpose: .filterRule, title: "audit.filter-rule",
                                          options: [ChoiceOption(Message("audit.filter-all"), .none)] +
                                            StallRuleID.allCases.map { ChoiceOption(Message($0.titleKey), detail: Message("common.text", .text($0.rawValue)), .code($0.rawValue)) }))
            return []
        case .filterTeam, .filterWijk, .filterCoordinator:
            let values: [String]
            switch command {
            case .filterTeam: values = Set(state.audit.rows.map(\.team)).sorted()
            case .filterWijk: values = Set(state.audit.rows.map(\.wijk)).sorted()
            default: values = Set(state.audit.rows.compactMap(\.coordinator)).sorted()
            }
            let purpose: PickerPurpose = command == .filterTeam ? .filterTeam : (command == .filterWijk ? .filterWijk : .filterCoordinator)
            let title = command == .filterTeam ? "audit.filter-team" : (command == .filterWijk ? "audit.filter-wijk" : "audit.filter-coordinator")
            var options = [ChoiceOption(Message("audit.filter-all"), .none)] + values.map { ChoiceOption.text($0, .code($0)) }
            if command == .filterTeam, state.user.role == .teamleider {
                // Other teams are there too, marked: choosing one asks a reason first (logged).
                let others = Set(state.roster.professionals.values.map(\.team)).subtracting(values)
                    .filter { !$0.isEmpty && AccessPolicy.teamNeedsReason(user: state.user, team: $0) }.sorted()
                options += others.map { ChoiceOption(Message("common.text", .text($0)), detail: Message("audit.team-needs-reason"), .code($0)) }
            }
            state.modal = .picker(PickerState(purpose: purpose, title: title, options: options))
            return []
        case .clearFilters:
            state.audit.filter = AuditFilter()
            state.audit.search = ""
            return [state.load(.audit)]
        default:
            return []
        }
    }

    static func pageSize(_ state: AppState) -> Int {
        switch state.screen {
        case .caseload: return max(1, Layouts.caseloadListHeight(state.size) - 1)
        case .households: return max(1, Layouts.householdsListHeight(state.size) - 1)
        case .audit: return max(1, Layouts.auditListHeight(state.size) - 1)
        default: return 10
        }
    }

    static func move(_ state: inout AppState, _ delta: Int) -> [Effect] {
        switch state.screen {
        case .caseload:
            let rows = state.caseload.rows
            let h = Layouts.caseloadListHeight(state.size)
            var target = state.caseload.scroll.selected
            if abs(delta) == 1 {
                // Skip headings: go to the next selectable row in that direction.
                var i = target + delta
                while rows.indices.contains(i) && !rows[i].isSelectable { i += delta }
                if rows.indices.contains(i) { target = i }
            } else {
                target = max(0, min(rows.count - 1, target + delta))
                if !rows.indices.contains(target) { return [] }
                if !rows[target].isSelectable {
                    target = rows.indices.first { $0 >= target && rows[$0].isSelectable }
                        ?? rows.indices.last { rows[$0].isSelectable } ?? target
                }
            }
            state.caseload.scroll.select(target, count: rows.count, height: h)
            // Keep the heading above the first item in view when at the top.
            if target == rows.firstIndex(where: \.isSelectable) { state.caseload.scroll.offset = 0 }
        case .households:
            state.households.scroll.move(delta, count: state.households.visible.count, height: Layouts.householdsListHeight(state.size))
        case .audit:
            if state.audit.evidence {
                state.audit.evidenceScroll = max(0, state.audit.evidenceScroll + delta)
            } else {
                state.audit.scroll.move(delta, count: state.audit.visible.count, height: Layouts.auditListHeight(state.size))
                return Reducer.evidenceIfNeeded(&state)
            }
        default: break
        }
        return []
    }

    static func selectedCaseloadRow(_ state: AppState) -> CaseloadRow? {
        let rows = state.caseload.rows
        return rows.indices.contains(state.caseload.scroll.selected) ? rows[state.caseload.scroll.selected] : nil
    }

    static func selectedHousehold(_ state: AppState) -> Int64? {
        switch state.screen {
        case .caseload: return selectedCaseloadRow(state)?.householdId
        case .households:
            let v = state.households.visible
            return v.indices.contains(state.households.scroll.selected) ? v[state.households.scroll.selected].id : nil
        case .audit:
            let v = state.audit.visible
            return v.indices.contains(state.audit.scroll.selected) ? v[state.audit.scroll.selected].householdId : nil
        default: return nil
        }
    }

    static func open(_ state: inout AppState) -> [Effect] {
        if state.screen == .audit && !state.audit.evidence {
            guard !state.audit.visible.isEmpty else { return [] }
            state.audit.evidence = true
            state.audit.evidenceScroll = 0
            return []
        }
        guard let id = selectedHousehold(state) else { return [] }
        state.audit.evidence = false
        return [state.open(id)]
    }
}
