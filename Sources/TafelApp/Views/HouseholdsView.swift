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
        var columns = [Column(v.t("households.col-name"), .fill(2)), Column(v.t("households.col-wijk"), .length(13)),
                       Column(v.t("households.col-coordinator"), .fill(1)), Column(v.t("households.col-open"), .length(4), alignment: .right),
                       Column(v.t("households.col-late"), .length(7), alignment: .right)]
        if !narrow { columns.append(Column(v.t("households.col-meeting-short"), .length(10))) }
        columns.append(Column(v.t("households.col-status-signals"), .fill(2)))
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
