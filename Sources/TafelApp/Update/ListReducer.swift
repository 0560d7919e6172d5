import TafelCore
import TerminalKit

/// Commands on the three home screens: Mijn caseload, Huishoudens, Audit.
enum ListReducer {
    /// `>` and `<` move the order to the next or previous column (then back to the list's own
    /// order), `I` turns it round; the choice is kept in config.toml for next time.
    /// "Gesorteerd op Te laat, aflopend" — or back to the list's own order.
    static func announce(_ state: inout AppState, _ s: ListSort, audit: Bool) {
        guard let key = s.key else { state.status = StatusMessage(Message("sort.own-order")); return }
        state.status = StatusMessage(Message(s.descending ? "sort.descending" : "sort.ascending", .key(SortColumns.titleKey(key, audit: audit))))
    }

    static func sort(_ state: inout AppState, _ command: Command) -> [Effect] {
        func changed(_ s: ListSort) -> ListSort {
            switch command {
            case .sortInvert: return s.key == nil ? s : ListSort(key: s.key, descending: !s.descending)
            default: return s
            }
        }
        switch state.screen {
        case .caseload:
            let s = state.caseload.sort
            state.caseload.sort = command == .sortInvert ? changed(s)
                : s.next(in: SortColumns.caseload, numeric: [], step: command == .sortNext ? 1 : -1)
            if let key = state.caseload.sort.key {
                state.status = StatusMessage(Message(state.caseload.sort.descending ? "sort.descending" : "sort.ascending",
                                                     .key(SortColumns.titleKey(key, caseload: true))))
            } else {
                state.status = StatusMessage(Message("sort.own-order-caseload"))
            }
            return [state.request(.saveSetting(key: "sort-caseload", value: state.caseload.sort.setting), for: .setting)]
        case .households:
            let s = state.households.sort
            state.households.sort = command == .sortInvert ? changed(s)
                : s.next(in: SortColumns.households, numeric: SortColumns.householdsNumeric, step: command == .sortNext ? 1 : -1)
            state.households.scroll = ScrollState()
            announce(&state, state.households.sort, audit: false)
            return [state.request(.saveSetting(key: "sort-households", value: state.households.sort.setting), for: .setting)]
        case .audit:
            let s = state.audit.sort
            state.audit.sort = command == .sortInvert ? changed(s)
                : s.next(in: SortColumns.audit, numeric: SortColumns.auditNumeric, step: command == .sortNext ? 1 : -1)
            state.audit.scroll = ScrollState()
            announce(&state, state.audit.sort, audit: true)
            return [state.request(.saveSetting(key: "sort-audit", value: state.audit.sort.setting), for: .setting)]
        default:
            return []
        }
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
            state.modal = .picker(PickerState(purpose: purpose, title: title,
                                          options: [ChoiceOption(Message("audit.filter-all"), .none)] + values.map { .text($0, .code($0)) }))
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
