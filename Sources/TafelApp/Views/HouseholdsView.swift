import TafelCore
import TerminalKit

/// Huishoudens: every household the user may see, with status and coordinator.
enum HouseholdsView {
    static func render(_ v: ViewContext, _ b: inout CellBuffer) {
        let s = v.s
        let block = Layouts.householdsBlock(s.size)
        let filter = s.households.filter.isEmpty ? nil : "/\(s.households.filter)"
        let items = s.households.visible
        let inner = Block(title: v.t("households.title", String(items.count)), focused: true, rightTitle: filter).render(block, into: &b)
        let narrow = inner.width < 90
        let columns = Self.columns(v, width: inner.width, glyphs: b.glyphs).map(\.column)
        let range = Table.visibleRange(inner, scroll: s.households.scroll, count: items.count)
        let rows: [[Span]] = items[range].map { h in
            var r: [Span] = [Span(h.name), Span(h.wijk, .muted), h.coordinator.map { Span($0) } ?? Span(v.t("household.no-coordinator"), .bad),
                             Span(String(h.openActions)), Span(h.overdueActions > 0 ? String(h.overdueActions) : "·", h.overdueActions > 0 ? .bad : .muted)]
            if !narrow { r.append(Span(h.lastMeeting.map { v.strings.date($0) } ?? "—", .muted)) }
            r.append(statusAndSignals(v, h))
            return r
        }
        Table(columns: columns, rows: rows, scroll: s.households.scroll,
              emptyText: s.households.loaded ? v.t("households.empty") : v.t("common.loading"),
              window: (range.lowerBound, items.count)).render(inner, into: &b)
    }

    /// The columns with their sort keys (the last meeting only when there is room); the sorted one
    /// carries ▲ or ▼ (the header can be clicked).
    static func columns(_ v: ViewContext, width: Int, glyphs: Glyphs) -> [(key: String, column: Column)] {
        var list: [(String, Column)] = [("name", Column(v.t("households.col-name"), .fill(2))), ("wijk", Column(v.t("households.col-wijk"), .length(13))),
                                        ("coordinator", Column(v.t("households.col-coordinator"), .fill(1))),
                                        ("open", Column(v.t("households.col-open"), .length(4), alignment: .right)),
                                        ("late", Column(v.t("households.col-late"), .length(7), alignment: .right))]
        if width >= 90 { list.append(("meeting", Column(v.t("households.col-meeting-short"), .length(10)))) }
        list.append(("status", Column(v.t("households.col-status-signals"), .fill(2))))
        return list.map { key, column in (key, SortArrow.mark(column, sorted: v.s.households.sort, key: key, glyphs: glyphs)) }
    }

    /// The status (when not simply active), the flags and the stall signals of one household, as
    /// one badge line: "Aangemeld · geen contact", "chronisch · te laat, regie?".
    static func statusAndSignals(_ v: ViewContext, _ h: HouseholdSummary) -> Span {
        var parts: [String] = []
        if h.status != .actief { parts.append(v.strings.label(h.status)) }
        if h.chronic { parts.append(v.t("household.chronic")) }
        if h.compulsory { parts.append(v.t("households.badge-compulsory")) }
        if h.noHelpRequest { parts.append(v.t("household.no-help-request")) }
        let signals = h.signals.map { v.badge($0) }.joined(separator: ", ")
        if !signals.isEmpty { parts.append(signals) }
        if parts.isEmpty { return Span(v.strings.label(h.status), .muted) }
        let role: StyleRole = h.status == .afgesloten ? .muted : (!h.signals.isEmpty ? .warn : (h.status == .aangemeld ? .info : .normal))
        return Span(parts.joined(separator: " · "), role)
    }
}
