import TafelCore
import TerminalKit

/// Commands on the household screen.
enum HouseholdReducer {
    static func command(_ s: inout AppState, _ c: Command) -> [Effect] {
        guard var h = s.household else { return [] }
        defer { s.household = h }
        let tabs = HouseholdTab.allCases
        switch c {
        case .nextTab, .previousTab:
            let i = tabs.firstIndex(of: h.tab)!
            h.tab = tabs[(i + (c == .nextTab ? 1 : tabs.count - 1)) % tabs.count]
            h.scroll = ScrollState()
        case .moveDown: h.scroll.offset += 1
        case .moveUp: h.scroll.offset = max(0, h.scroll.offset - 1)
        case .pageDown: h.scroll.offset += 10
        case .pageUp: h.scroll.offset = max(0, h.scroll.offset - 10)
        case .moveTop: h.scroll.offset = 0
        case .startMeeting:
            if h.file.household.status == .afgesloten {
                s.status = StatusMessage(DomainError.householdClosed.message, .error)
                return []
            }
            return [.startMeeting(h.file.id)]
        case .addContact: s.modal = .form(Forms.contact(s, householdId: h.file.id))
        case .addSignal: s.modal = .form(Forms.signal(s, householdId: h.file.id))
        case .addEscalation: s.modal = .form(Forms.escalation(s, householdId: h.file.id))
        case .addConsent: s.modal = .form(Forms.consent(s, file: h.file, organisation: nil))
        case .decideEscalation:
            guard let e = h.file.escalations.first(where: \.isOpen) else {
                s.status = StatusMessage(Message("household.no-open-escalation"))
                return []
            }
            s.modal = .form(Forms.decideEscalation(e))
        case .screenCaseload, .screenHouseholds, .screenAudit:
            return Reducer.command(&s, c)
        default:
            break
        }
        return []
    }
}

/// Mouse clicks and the wheel: select rows, activate tabs and agenda steps, scroll.
enum MouseReducer {
    static func mouse(_ s: inout AppState, _ m: MouseEvent) -> [Effect] {
        switch m.kind {
        case .wheelDown: return Reducer.command(&s, .moveDown)
        case .wheelUp: return Reducer.command(&s, .moveUp)
        case .click, .doubleClick: break
        default: return []
        }
        let p = Point(x: m.x, y: m.y)
        switch s.screen {
        case .caseload:
            let area = Layouts.caseloadListArea(s.size)
            guard area.contains(p) else { return [] }
            let i = s.caseload.scroll.offset + (p.y - area.y)
            let rows = s.caseload.rows
            guard rows.indices.contains(i), rows[i].isSelectable else { return [] }
            if i == s.caseload.scroll.selected && m.kind == .click { return Reducer.command(&s, .open) }
            s.caseload.scroll.select(i, count: rows.count, height: Layouts.caseloadListHeight(s.size))
        case .households:
            let t = Layouts.householdsTable(s.size)
            guard t.contains(p), p.y > t.y else { return [] }
            let i = s.households.scroll.offset + (p.y - t.y - 1)
            guard s.households.visible.indices.contains(i) else { return [] }
            if i == s.households.scroll.selected { return Reducer.command(&s, .open) }
            s.households.scroll.select(i, count: s.households.visible.count, height: Layouts.householdsListHeight(s.size))
        case .audit:
            let t = Layouts.auditTable(s.size)
            guard t.contains(p), p.y > t.y else { return [] }
            let i = s.audit.scroll.offset + (p.y - t.y - 1)
            guard s.audit.visible.indices.contains(i) else { return [] }
            if i == s.audit.scroll.selected { return Reducer.command(&s, .open) }
            s.audit.scroll.select(i, count: s.audit.visible.count, height: Layouts.auditListHeight(s.size))
            return Reducer.evidenceIfNeeded(s)
        case .household:
            let tabsRow = Layouts.household(s.size).tabs
            guard p.y == tabsRow.y, var h = s.household else { return [] }
            let tabs = HouseholdView.tabs(ViewContext(s: s), h, width: tabsRow.width - 1)
            if let i = tabs.hitRanges(x: tabsRow.x + 1, glyphs: .unicode).firstIndex(where: { $0.contains(p.x) }) {
                h.tab = HouseholdTab(rawValue: i) ?? .overview
                h.scroll = ScrollState()
                s.household = h
            }
        case .meeting:
            return MeetingReducer.click(&s, p)
        case .welcome:
            break
        }
        return []
    }
}
