import TafelCore
import TerminalKit

/// Mijn caseload: what the signed-in user owes whom — te laat, deze week, later, reviews.
enum CaseloadView {
    static func render(_ v: ViewContext, _ b: inout CellBuffer) {
        let s = v.s
        let (listRect, detailRect) = Layouts.caseload(s.size)
        let title = v.t("caseload.title", s.user.name)
        let filter = s.caseload.filter.isEmpty ? nil : "/\(s.caseload.filter)"
        let inner = Block(title: title, focused: true, rightTitle: filter).render(listRect, into: &b)
        guard let data = s.caseload.data else {
            b.put(v.t("common.loading"), x: inner.x + 2, y: inner.y, role: .muted)
            Block(title: v.t("caseload.details")).render(detailRect, into: &b)
            return
        }
        let rows = s.caseload.rows
        let items = rows.map { item($0, v, width: inner.width) }
        ListView(items, scroll: s.caseload.scroll).render(inner, into: &b)
        detail(v, data, rows, detailRect, &b)
    }

    static func item(_ row: CaseloadRow, _ v: ViewContext, width: Int) -> ListItem {
        switch row {
        case .heading(let key, let count):
            let role: StyleRole = key == "caseload.overdue" && count > 0 ? .bad : .header
            return ListItem(Line([Span("\(v.t(key)) (\(count))", role)]))
        case .empty(let key):
            return ListItem(Line(v.t(key), .muted))
        case .action(let a, let overdue):
            let due = a.action.due.map { v.strings.shortDate($0) } ?? v.t("caseload.no-date")
            let dueRole: StyleRole = overdue ? .bad : .normal
            var badges: [Span] = []
            if a.action.status != .open { badges.append(Span(v.strings.label(a.action.status), a.action.status == .wachtlijst ? .warn : .muted)) }
            if overdue, let d = a.action.due { badges.append(Span(v.t("caseload.days-late", String(d.days(until: v.s.today))), .bad)) }
            if !a.waitsFor.isEmpty { badges.append(Span(v.t("caseload.waits-badge"), .warn)) }
            // Someone else's action: whose it is, so the user knows whom to call.
            let text = a.blocks.isEmpty ? "\(a.householdName): \(a.action.description)" : "\(a.householdName): \(a.action.description) (\(a.ownerName))"
            return ListItem(Line([Span(TextLayout.pad(due, width: 11), dueRole), Span(" "), Span(text, .normal)]), badges: badges)
        case .review(let r):
            return ListItem(Line([Span(TextLayout.pad(v.strings.shortDate(r.date), width: 11), r.overdue ? .bad : .normal), Span(" "),
                                  Span(v.t("caseload.review-of", r.householdName))]),
                            badges: r.overdue ? [Span(v.t("caseload.review-overdue"), .bad)] : [])
        }
    }

    static func detail(_ v: ViewContext, _ data: Caseload, _ rows: [CaseloadRow], _ r: Rect, _ b: inout CellBuffer) {
        let inner = Block(title: v.t("caseload.details")).render(r, into: &b)
        let sel = v.s.caseload.scroll.selected
        var lines: [Line] = []
        switch rows.indices.contains(sel) ? rows[sel] : nil {
        case .action(let a, _)?:
            let act = a.action
            lines.append(Line(a.householdName, .strong))
            lines.append(Line(act.description))
            lines.append("")
            lines.append(Line([Span(v.label("field.domain") + ": ", .muted), Span(v.strings.domain(act.domain))]))
            lines.append(Line([Span(v.label("field.due") + ": ", .muted), Span(act.due.map { v.strings.date($0) } ?? "—")]))
            lines.append(Line([Span(v.label("field.status") + ": ", .muted), Span(v.strings.label(act.status))]))
            if let f = act.framework { lines.append(Line([Span(v.label("field.framework") + ": ", .muted), Span(v.strings.label(f))])) }
            if act.carryOverCount > 0 { lines.append(Line(v.t("caseload.carried", String(act.carryOverCount)), act.carryOverCount >= 2 ? .warn : .muted)) }
            for p in a.waitsFor {
                lines.append(Line("⧗ " + v.t("caseload.waits-for", p.description, p.ownerName, p.due.map { v.strings.date($0) } ?? "—"),
                                  (p.due.map { $0 < v.s.today } ?? false) ? .bad : .warn))
            }
            for blocked in a.blocks {
                lines.append(Line("⚠ " + v.t("caseload.holds-up", blocked.description), .bad))
            }
            for w in SmartCheck.warnings(for: act, today: v.s.today) where w != .dueInPast { lines.append(Line("! " + v.r(w.message), .warn)) }
            lines.append("")
            lines.append(Line(v.t("caseload.status-hint"), .muted))
        case .review(let rv)?:
            lines.append(Line(rv.householdName, .strong))
            lines.append(Line(v.t("caseload.review-on", v.strings.longDate(rv.date))))
            lines.append("")
            lines.append(Line(v.t("caseload.meeting-hint"), .muted))
        default:
            lines.append(Line(v.t("caseload.summary", String(data.overdue.count), String(data.thisWeek.count), String(data.households.count))))
        }
        Paragraph(lines).render(inner.inset(left: 1, right: 1), into: &b)
    }
}
