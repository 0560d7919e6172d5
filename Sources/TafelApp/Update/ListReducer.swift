import TafelCore
import TerminalKit

/// Commands on the three home screens: Mijn caseload, Huishoudens, Audit.
enum ListReducer {
    static func command(_ s: inout AppState, _ c: Command) -> [Effect] {
        switch c {
        case .moveDown: return move(&s, 1)
        case .moveUp: return move(&s, -1)
        case .pageDown: return move(&s, pageSize(s))
        case .pageUp: return move(&s, -pageSize(s))
        case .moveTop: return move(&s, -100_000)
        case .moveBottom: return move(&s, 100_000)
        case .open: return open(&s)
        case .startMeeting:
            guard let id = selectedHousehold(s) else { return [] }
            return [.openHousehold(id, reason: nil, thenMeeting: true)]
        case .changeStatus:
            guard s.screen == .caseload, case .action(let a, _)? = selectedCaseloadRow(s) else { return [] }
            s.modal = .statusMenu(actionId: a.action.id, householdId: a.action.householdId)
            return []
        case .newHousehold:
            s.modal = .form(Forms.newHousehold(team: s.user.team))
            return []
        case .filterRule:
            s.modal = .picker(PickerState(purpose: .filterRule, title: "audit.filter-rule",
                                          options: [ChoiceOption(Message("audit.filter-all"), .none)] +
                                            StallRuleID.allCases.map { ChoiceOption(Message($0.titleKey), detail: Message("common.text", .text($0.rawValue)), .code($0.rawValue)) }))
            return []
        case .filterTeam, .filterWijk, .filterCoordinator:
            let values: [String]
            switch c {
            case .filterTeam: values = Set(s.audit.rows.map(\.team)).sorted()
            case .filterWijk: values = Set(s.audit.rows.map(\.wijk)).sorted()
            default: values = Set(s.audit.rows.compactMap(\.coordinator)).sorted()
            }
            let purpose: PickerPurpose = c == .filterTeam ? .filterTeam : (c == .filterWijk ? .filterWijk : .filterCoordinator)
            let title = c == .filterTeam ? "audit.filter-team" : (c == .filterWijk ? "audit.filter-wijk" : "audit.filter-coordinator")
            s.modal = .picker(PickerState(purpose: purpose, title: title,
                                          options: [ChoiceOption(Message("audit.filter-all"), .none)] + values.map { .text($0, .code($0)) }))
            return []
        case .clearFilters:
            s.audit.filter = AuditFilter()
            s.audit.search = ""
            return [.loadAudit(s.audit.filter)]
        default:
            return []
        }
    }

    static func pageSize(_ s: AppState) -> Int {
        switch s.screen {
        case .caseload: return max(1, Layouts.caseloadListHeight(s.size) - 1)
        case .households: return max(1, Layouts.householdsListHeight(s.size) - 1)
        case .audit: return max(1, Layouts.auditListHeight(s.size) - 1)
        default: return 10
        }
    }

    static func move(_ s: inout AppState, _ delta: Int) -> [Effect] {
        switch s.screen {
        case .caseload:
            let rows = s.caseload.rows
            let h = Layouts.caseloadListHeight(s.size)
            var target = s.caseload.scroll.selected
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
            s.caseload.scroll.select(target, count: rows.count, height: h)
            // Keep the heading above the first item in view when at the top.
            if target == rows.firstIndex(where: \.isSelectable) { s.caseload.scroll.offset = 0 }
        case .households:
            s.households.scroll.move(delta, count: s.households.visible.count, height: Layouts.householdsListHeight(s.size))
        case .audit:
            if s.audit.evidence {
                s.audit.evidenceScroll = max(0, s.audit.evidenceScroll + delta)
            } else {
                s.audit.scroll.move(delta, count: s.audit.visible.count, height: Layouts.auditListHeight(s.size))
                return Reducer.evidenceIfNeeded(s)
            }
        default: break
        }
        return []
    }

    static func selectedCaseloadRow(_ s: AppState) -> CaseloadRow? {
        let rows = s.caseload.rows
        return rows.indices.contains(s.caseload.scroll.selected) ? rows[s.caseload.scroll.selected] : nil
    }

    static func selectedHousehold(_ s: AppState) -> Int64? {
        switch s.screen {
        case .caseload: return selectedCaseloadRow(s)?.householdId
        case .households:
            let v = s.households.visible
            return v.indices.contains(s.households.scroll.selected) ? v[s.households.scroll.selected].id : nil
        case .audit:
            let v = s.audit.visible
            return v.indices.contains(s.audit.scroll.selected) ? v[s.audit.scroll.selected].householdId : nil
        default: return nil
        }
    }

    static func open(_ s: inout AppState) -> [Effect] {
        if s.screen == .audit && !s.audit.evidence {
            guard !s.audit.visible.isEmpty else { return [] }
            s.audit.evidence = true
            s.audit.evidenceScroll = 0
            return []
        }
        guard let id = selectedHousehold(s) else { return [] }
        s.audit.evidence = false
        return [.openHousehold(id, reason: nil, thenMeeting: false)]
    }
}
