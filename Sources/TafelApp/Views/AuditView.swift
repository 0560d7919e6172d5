import TafelCore
import TerminalKit

/// The supervisor's audit: households by days stalled, with signal badges and the evidence.
enum AuditView {
    static func filterText(_ v: ViewContext) -> String? {
        let f = v.s.audit.filter
        var parts: [String] = []
        if let r = f.rule { parts.append(v.t(r.titleKey)) }
        if let t = f.team { parts.append(t) }
        if let w = f.wijk { parts.append(w) }
        if let c = f.coordinator { parts.append(c) }
        if !v.s.audit.search.isEmpty { parts.append("/" + v.s.audit.search) }
        return parts.isEmpty ? nil : v.t("audit.filtered", parts.joined(separator: ", "))
    }

    static func render(_ v: ViewContext, _ b: inout CellBuffer) {
        let s = v.s
        let (tableRect, evidenceRect) = Layouts.audit(s.size)
        let rows = s.audit.visible
        // A teamleider sees their own team(s): the title says which, so nobody takes it for the whole city.
        let title = s.user.role == .teamleider && !s.user.teams.isEmpty
            ? v.t("audit.title-teams", String(rows.count), s.user.teams.sorted().joined(separator: ", "))
            : v.t("audit.title", String(rows.count))
        let inner = Block(title: title, focused: !s.audit.evidence, rightTitle: filterText(v)).render(tableRect, into: &b)
        let columns = Self.columns(v, width: inner.width, glyphs: b.glyphs).map(\.column)
        let range = Table.visibleRange(inner, scroll: s.audit.scroll, count: rows.count)
        let data: [[Span]] = rows[range].map { r in
            return [Span(String(r.daysStalled), ViewContext.role(r.worst)), Span(r.name), Span(r.wijk, .muted),
                    r.coordinator.map { Span($0) } ?? Span(v.t("household.no-coordinator"), .bad),
                    Span(r.rules.map { v.badge($0) }.joined(separator: " "), .warn)]
        }
        Table(columns: columns, rows: data, scroll: s.audit.scroll, focused: !s.audit.evidence,
              emptyText: s.audit.loaded ? v.t("audit.empty") : v.t("common.loading"),
              window: (range.lowerBound, rows.count)).render(inner, into: &b)
        evidence(v, rows, evidenceRect, &b)
    }

    /// The columns with their sort keys; the sorted one carries ▲ or ▼ (the header can be clicked).
    static func columns(_ v: ViewContext, width: Int, glyphs: Glyphs) -> [(key: String, column: Column)] {
        let narrow = width < 90
        let list: [(String, Column)] = [("days", Column(v.t("audit.col-days"), .length(6), alignment: .right)),
                                        ("name", Column(v.t("audit.col-household"), .fill(2))),
                                        ("wijk", Column(v.t("audit.col-wijk"), .length(narrow ? 12 : 15))),
                                        ("coordinator", Column(v.t("audit.col-coordinator"), .fill(1))),
                                        ("signals", Column(v.t("audit.col-signals"), .fill(narrow ? 2 : 3)))]
        return list.map { key, column in (key, SortArrow.mark(column, sorted: v.s.audit.sort, key: key, glyphs: glyphs)) }
    }

    static func evidence(_ v: ViewContext, _ rows: [AuditRow], _ r: Rect, _ b: inout CellBuffer) {
        let s = v.s
        let sel = s.audit.scroll.selected
        guard rows.indices.contains(sel) else { Block(title: v.t("audit.evidence")).render(r, into: &b); return }
        let row = rows[sel]
        let inner = Block(title: v.t("audit.evidence-of", row.name), focused: s.audit.evidence,
                          rightTitle: s.audit.evidence ? v.t("audit.enter-opens") : v.t("audit.enter-expands")).render(r, into: &b)
        var lines: [Line] = []
        let findings = s.audit.selectedEvidence ?? []
        if s.audit.selectedEvidence == nil { lines.append(Line(v.t("common.loading"), .muted)) }
        for f in findings {
            let days = f.daysStalled(today: s.today)
            lines.append(Line([Span("\(b.glyphs.bullet) ", ViewContext.role(f.severity)), Span(v.t(f.rule.titleKey), .strong),
                               Span(" (\(v.strings.label(f.severity)), \(v.strings.days(days))): ", .muted), Span(v.r(f.evidence))]))
            if s.audit.evidence { lines.append(Line("  " + v.t(f.rule.explanationKey), .muted)) }
        }
        Paragraph(lines, scroll: s.audit.evidence ? s.audit.evidenceScroll : 0).render(inner.inset(left: 1, right: 1), into: &b)
    }
}
