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
        var columns = [Column(v.t("households.col-name"), .fill(2)), Column(v.t("households.col-wijk"), .length(narrow ? 13 : 16)),
                       Column(v.t("households.col-coordinator"), .fill(1)), Column(v.t("households.col-open"), .length(5), alignment: .right),
                       Column(v.t("households.col-late"), .length(7), alignment: .right)]
        if !narrow { columns.append(Column(v.t("households.col-last-meeting"), .length(15))) }
        columns.append(Column(v.t("households.col-status"), .length(narrow ? 9 : 10)))
        let range = Table.visibleRange(inner, scroll: s.households.scroll, count: items.count)
        let rows: [[Span]] = items[range].map { h in
            var r: [Span] = [Span(h.name), Span(h.wijk, .muted), h.coordinator.map { Span($0) } ?? Span(v.t("household.no-coordinator"), .bad),
                             Span(String(h.openActions)), Span(h.overdueActions > 0 ? String(h.overdueActions) : "·", h.overdueActions > 0 ? .bad : .muted)]
            if !narrow { r.append(Span(h.lastMeeting.map { v.strings.date($0) } ?? "—", .muted)) }
            r.append(Span(v.strings.label(h.status), h.status == .afgesloten ? .muted : (h.status == .aangemeld ? .info : .normal)))
            return r
        }
        Table(columns: columns, rows: rows, scroll: s.households.scroll,
              emptyText: s.households.loaded ? v.t("households.empty") : v.t("common.loading"),
              window: (range.lowerBound, items.count)).render(inner, into: &b)
    }
}
