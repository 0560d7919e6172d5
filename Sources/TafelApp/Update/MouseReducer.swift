import TafelCore
import TerminalKit

/// Mouse clicks and the wheel: select rows, activate tabs and agenda steps, scroll.
enum MouseReducer {
    /// A press on a column title: sort by that column (again: the other way round). A repeated press
    /// report before its release is the same click and sorts nothing.
    static func headerClick(_ state: inout AppState, _ p: Point, table t: Rect, columns: [(key: String, column: Column)]) -> [Effect] {
        guard !state.headerPressed, let list = ListReducer.sortable(state),
              let i = Table.columnRects(columns.map(\.column), in: t).firstIndex(where: { $0.x <= p.x && p.x < $0.right }) else { return [] }
        state.headerPressed = true
        return ListReducer.setSort(&state, list.sort.clicked(columns[i].key, numeric: list.numeric))
    }

    static func mouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
        switch mouse.kind {
        case .wheelDown: return Reducer.command(&state, .moveDown)
        case .wheelUp: return Reducer.command(&state, .moveUp)
        case .click, .doubleClick: break
        case .release:
            state.headerPressed = false
            return []
        default: return []
        }
        let p = Point(x: mouse.x, y: mouse.y)
        switch state.screen {
        case .caseload:
            let area = Layouts.caseloadListArea(state.size)
            guard area.contains(p) else { return [] }
            let i = state.caseload.scroll.offset + (p.y - area.y)
            let rows = state.caseload.rows
            guard rows.indices.contains(i), rows[i].isSelectable else { return [] }
            if i == state.caseload.scroll.selected && mouse.kind == .click { return Reducer.command(&state, .open) }
            state.caseload.scroll.select(i, count: rows.count, height: Layouts.caseloadListHeight(state.size))
        case .households:
            let t = Layouts.householdsTable(state.size)
            if t.contains(p), p.y == t.y {
                // A click on a column's title sorts by it; again turns the order round.
                return headerClick(&state, p, table: t, columns: HouseholdsView.columns(ViewContext(s: state), width: t.width, glyphs: .unicode))
            }
            guard t.contains(p), p.y > t.y else { return [] }
            let i = state.households.scroll.offset + (p.y - t.y - 1)
            guard state.households.visible.indices.contains(i) else { return [] }
            if i == state.households.scroll.selected { return Reducer.command(&state, .open) }
            state.households.scroll.select(i, count: state.households.visible.count, height: Layouts.householdsListHeight(state.size))
        case .audit:
            let t = Layouts.auditTable(state.size)
            if t.contains(p), p.y == t.y {
                return headerClick(&state, p, table: t, columns: AuditView.columns(ViewContext(s: state), width: t.width, glyphs: .unicode))
            }
            guard t.contains(p), p.y > t.y else { return [] }
            let i = state.audit.scroll.offset + (p.y - t.y - 1)
            guard state.audit.visible.indices.contains(i) else { return [] }
            if i == state.audit.scroll.selected { return Reducer.command(&state, .open) }
            state.audit.scroll.select(i, count: state.audit.visible.count, height: Layouts.auditListHeight(state.size))
            return Reducer.evidenceIfNeeded(&state)
        case .household:
            let tabsRow = Layouts.household(state.size).tabs
            guard p.y == tabsRow.y, var view = state.household else { return [] }
            let tabs = HouseholdView.tabs(ViewContext(s: state), view, width: tabsRow.width - 1)
            if let i = tabs.hitRanges(x: tabsRow.x + 1, glyphs: .unicode).firstIndex(where: { $0.contains(p.x) }) {
                view.tab = HouseholdTab(rawValue: i) ?? .overview
                view.scroll = ScrollState()
                state.household = view
            }
        case .meeting:
            return MeetingReducer.click(&state, p)
        case .welcome:
            break
        }
        return []
    }
}
