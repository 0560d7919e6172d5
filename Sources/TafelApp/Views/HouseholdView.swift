import TafelCore
import TerminalKit

/// The household screen: members, the regisseur, the domain grid, the reach panel, actions,
/// signals, contacts, consents, escalations and history.
enum HouseholdView {
    static func render(_ v: ViewContext, _ b: inout CellBuffer) {
        guard let h = v.s.household else { return }
        let (header, tabsRect, content) = Layouts.household(v.s.size)
        renderHeader(v, h, header, &b)
        tabs(v, h, width: tabsRect.width - 1).render(tabsRect.inset(left: 1), into: &b)
        switch h.tab {
        case .overview: overview(v, h, content, &b)
        case .members: members(v, h, content, &b)
        case .actions: actions(v, h, content, &b)
        case .contacts: contacts(v, h, content, &b)
        case .consents: consents(v, h, content, &b)
        case .history: history(v, h, content, &b)
        case .course: course(v, h, content, &b)
        }
    }

    /// The tabs, with short titles when the full ones do not fit.
    /// The tab bar: full titles where they fit; otherwise the longest titles give way to their short
    /// form one at a time, so a wide terminal keeps as many whole words as it can.
    static func tabs(_ v: ViewContext, _ h: HouseholdViewState, width: Int) -> Tabs {
        var titles = HouseholdTab.allCases.map { v.t($0.titleKey) }
        let short = HouseholdTab.allCases.map { v.t($0.titleKey + "-short") }
        func fits(_ t: [String]) -> Bool { (Tabs(t, selected: h.tab.rawValue).hitRanges(x: 0, glyphs: .unicode).last?.upperBound ?? 0) <= width }
        while !fits(titles) {
            let longer = titles.indices.filter { titles[$0] != short[$0] }
            guard let i = longer.max(by: { DisplayWidth.of(titles[$0]) < DisplayWidth.of(titles[$1]) }) else {
                return Tabs(short, selected: h.tab.rawValue, compact: true)   // 80 columns: no padding, narrower gaps
            }
            titles[i] = short[i]
        }
        return Tabs(titles, selected: h.tab.rawValue)
    }

    static func memberText(_ v: ViewContext, _ m: Member) -> String {
        let age = m.age(on: v.s.today).map { v.t("household.age", String($0)) } ?? "?"
        if !v.s.privacyMask, let d = m.birthDate { return "\(m.name) (\(age), \(v.strings.label(m.role)), \(v.t("household.born", v.strings.date(d))))" }
        return "\(m.name) (\(age), \(v.strings.label(m.role)))"
    }

    static func renderHeader(_ v: ViewContext, _ h: HouseholdViewState, _ r: Rect, _ b: inout CellBuffer) {
        let f = h.file, hh = f.household
        var line1: [Span] = [Span(" " + hh.name, .strong), Span("  \(hh.wijk.isEmpty ? v.t("household.wijk-unknown") : hh.wijk) \(b.glyphs.separator) \(v.strings.label(hh.status)) \(b.glyphs.separator) \(hh.team)  ", .muted)]
        if let c = f.activeCoordinator {
            line1 += [Span(v.t("household.coordinator") + ": ", .muted), Span(v.name(c.coordinator, in: f), .ok)]
        } else {
            line1.append(Span(" " + v.t("household.no-coordinator") + " ", .critical))
        }
        Line(line1).render(x: r.x, y: r.y, width: r.width, into: &b)
        let members = f.currentMembers(on: v.s.today).map { memberText(v, $0) }.joined(separator: " \(b.glyphs.separator) ")
        Line(" " + (members.isEmpty ? v.t("household.no-members") : members)).render(x: r.x, y: r.y + 1, width: r.width, into: &b)
        var flags: [Span] = [Span(" " + v.label("field.address") + ": ", .muted), Span(v.s.privacyMask ? v.t("mask.hidden-wijk", hh.wijk) : (hh.address ?? "—")),
                             Span("  " + v.label("field.phone") + ": ", .muted), Span(v.masked(hh.phone))]
        if hh.email != nil { flags += [Span("  " + v.label("field.email") + ": ", .muted), Span(v.masked(hh.email))] }
        if hh.chronic { flags.append(Span("  " + v.t("household.chronic"), .info)) }
        if let c = hh.compulsoryFramework {
            let org = hh.compulsoryOrganisation.flatMap { v.s.roster.organisations[$0]?.name }
            flags.append(Span("  " + v.t("household.compulsory", v.strings.label(c) + (org.map { " · \($0)" } ?? "")), .warn))
        }
        if hh.noHelpRequest {
            let next = hh.nextAttempt.map { v.t("household.next-attempt", v.strings.date($0)) } ?? v.t("household.no-next-attempt")
            flags.append(Span("  " + v.t("household.no-help-request") + " · " + next, hh.nextAttempt == nil || (hh.outreachPlan ?? "").isEmpty ? .bad : .warn))
        }
        if hh.status == .afgesloten {
            let why = [hh.closeCode.map { v.strings.label($0) }, hh.closeReason].compactMap { $0 }.joined(separator: ": ")
            flags.append(Span("  " + v.t("household.closed-because", hh.closedOn.map { v.strings.date($0) } ?? "—", why), .muted))
        }
        Line(flags).render(x: r.x, y: r.y + 2, width: r.width, into: &b)
        var sig: [Span] = [Span(" " + v.t("household.signals") + ": ", .muted)]
        let rules = Array(Set(h.findings.map(\.rule))).sorted()
        if rules.isEmpty { sig.append(Span(v.t("household.no-signals"), .ok)) }
        for rule in rules {
            let sev = h.findings.filter { $0.rule == rule }.map(\.severity).max() ?? .laag
            sig.append(Span(" \(v.badge(rule)) ", ViewContext.role(sev)))
            sig.append(" ")
        }
        Line(sig).render(x: r.x, y: r.y + 3, width: r.width, into: &b)
    }

    static func overview(_ v: ViewContext, _ h: HouseholdViewState, _ r: Rect, _ b: inout CellBuffer) {
        let cols = Layout.horizontal([.fill(3), .fill(2)]).split(r)
        // The title says when not every member fits, so nobody is hidden without a sign.
        let current = h.file.currentMembers(on: v.s.today).count
        let shown = GridLayout(width: cols[0].width - 2, members: current).members
        let title = shown < current ? v.t("household.domain-grid-some", String(shown), String(current)) : v.t("household.domain-grid")
        let grid = Block(title: title).render(cols[0], into: &b)
        domainGrid(v, h.file, grid, scroll: h.scroll.offset, &b)
        let reachRect = Block(title: v.t("household.reach")).render(cols[1], into: &b)
        reach(v, h.reach, reachRect, &b)
    }

    static func domainGrid(_ v: ViewContext, _ f: CaseFile, _ r: Rect, scroll: Int, _ b: inout CellBuffer) {
        let current = f.currentMembers(on: v.s.today)
        let layout = GridLayout(width: r.width, members: current.count)
        let members = Array(current.prefix(layout.members))
        let memberWidth = layout.memberWidth
        var columns = [Column(v.t("household.col-domain"), .fill(1))]
        for m in members { columns.append(Column(TextLayout.prefix(m.name.split(separator: " ").first.map(String.init) ?? m.name, width: memberWidth), .length(memberWidth))) }
        columns += [Column(v.t("household.col-status"), .length(layout.statusWidth)), Column(v.t("household.col-open"), .length(4), alignment: .right)]
        let recorded = Set(f.domains.map(\.domain)).union(f.assessments.map(\.domain)).union(f.actions.map(\.domain))
        let codes = v.s.domainOrder + recorded.subtracting(v.s.domainOrder).sorted()
        let rows: [[Span]] = codes.map { code in
            let st = f.shownStatus(code)
            var row = [Span(v.strings.domainShort(code), f.isInNeed(code) ? .strong : (st == .nietBesproken ? .muted : .normal))]
            for m in members {
                let hist = f.history(member: m.id, domain: code).map(\.score)
                if let last = hist.last {
                    let spark = Sparkline(hist.dropLast().suffix(memberWidth - 2).map { $0 }, minimum: 1, maximum: 5).glyphs(width: memberWidth - 2, using: b.glyphs)
                    row.append(Span("\(last) \(spark)", .level(last)))
                } else {
                    row.append(Span("·", .muted))
                }
            }
            row.append(Span(v.strings.label(st), st.meansNeed ? .warn : (st == .nietBesproken ? .muted : .normal)))
            let open = f.openActions(domain: code).count
            row.append(Span(open > 0 ? String(open) : (f.isInNeed(code) ? "!" : "·"), open > 0 ? .normal : (f.isInNeed(code) ? .bad : .muted)))
            return row
        }
        Table(columns: columns, rows: rows, scroll: ScrollState(selected: 0, offset: scroll), showsSelection: false).render(r, into: &b)
    }

    static func reach(_ v: ViewContext, _ items: [ReachItem], _ r: Rect, _ b: inout CellBuffer) {
        var y = r.y
        // Every element gets its title and gauge; the evidence shares what room is left, a row at a
        // time in turn, so a short element leaves its spare rows to a long one. A cut list ends in "…".
        let wrapped = items.map { item in item.evidence.flatMap { TextLayout.wrap(v.r($0), width: max(8, r.width - 3)) } }
        var rows = Array(repeating: 0, count: items.count)
        var spare = max(0, r.height - 2 * items.count)
        while spare > 0 {
            let wanting = wrapped.indices.filter { rows[$0] < wrapped[$0].count }
            guard let i = wanting.min(by: { rows[$0] < rows[$1] }) else { break }
            rows[i] += 1
            spare -= 1
        }
        for (index, item) in items.enumerated() where y < r.bottom {
            let label = "\(v.t(item.element.titleKey)) \(b.glyphs.separator) \(v.strings.label("reachLevel", item.level.rawValue))"
            b.put(TextLayout.prefix(label, width: r.width - 1), x: r.x + 1, y: y, role: ViewContext.role(item.level))
            y += 1
            if y < r.bottom {
                Gauge(ratio: item.ratio, role: ViewContext.role(item.level)).render(Rect(x: r.x + 1, y: y, width: max(4, r.width - 2), height: 1), into: &b)
                y += 1
            }
            let lines = wrapped[index]
            for (n, line) in lines.prefix(rows[index]).enumerated() where y < r.bottom {
                let cut = n == rows[index] - 1 && rows[index] < lines.count
                b.put(cut ? TextLayout.prefix(line, width: max(1, r.width - 4)) + String(b.glyphs.ellipsis) : line, x: r.x + 2, y: y, role: .muted, maxWidth: r.width - 3)
                y += 1
            }
        }
    }

    static func actionRow(_ v: ViewContext, _ f: CaseFile, _ a: Action) -> [Span] {
        let visible = v.mayShow(a.owner, in: f)
        let overdue = a.isOpen && !f.isWaiting(a) && (a.due.map { $0 < v.s.today } ?? false)
        return [Span(v.name(a.owner, in: f), a.owner == nil ? .bad : .normal),
                Span(visible ? a.description : v.t("mask.no-basis"), visible ? (a.isOpen ? .normal : .muted) : .muted),
                Span(a.due.map { v.strings.date($0) } ?? "—", overdue ? .bad : (a.due == nil ? .bad : .normal)),
                // An open action waiting on an open prerequisite says so: it is not late, it waits.
                f.isWaiting(a) ? Span(v.t("household.waits-status"), .warn)
                    : Span(v.strings.label(a.status) + (a.carryOverCount > 0 ? " ↻\(a.carryOverCount)" : ""), a.carryOverCount >= 2 ? .warn : .muted),
                Span(v.strings.domainShort(a.domain), .muted)]
    }

    static func actions(_ v: ViewContext, _ h: HouseholdViewState, _ r: Rect, _ b: inout CellBuffer) {
        let f = h.file
        let parts = Layout.vertical([.fill(1), .length(6)]).split(r)
        let inner = Block(title: v.t("household.actions-title", String(f.openActions.count)), focused: true).render(parts[0], into: &b)
        Table(columns: [Column(v.t("minutes.col-who"), .length(18)), Column(v.t("minutes.col-what"), .fill(1)), Column(v.t("minutes.col-when"), .length(10)),
                        Column(v.label("field.status"), .length(12)), Column(v.t("minutes.col-domain"), .length(12))],
              rows: h.sortedActions.map { actionRow(v, f, $0) }, scroll: h.actionScroll,
              emptyText: v.t("household.no-actions")).render(inner, into: &b)
        // The selected action's chain: what it waits for, and what waits for it.
        let detail = Block(title: v.t("household.action-detail")).render(parts[1], into: &b)
        var lines: [Line] = []
        if let a = h.selectedAction {
            let dir = PartyDirectory(roster: v.s.roster, file: f)
            for p in a.dependsOn.compactMap({ f.action($0) }) {
                let late = p.isOpen && (p.due.map { $0 < v.s.today } ?? false)
                lines.append(Line("⧗ " + v.t("household.waits-for", p.description, p.owner.map(dir.name) ?? "—", p.due.map { v.strings.date($0) } ?? "—",
                                              v.strings.label(p.status)), late ? .bad : (p.isOpen ? .warn : .muted)))
            }
            for w in f.actions where w.dependsOn.contains(a.id) {
                lines.append(Line("↳ " + v.t("household.waited-by", w.description, w.owner.map(dir.name) ?? "—"), .muted))
            }
            if let reason = a.closeReason { lines.append(Line(v.t("household.closed-as", v.strings.label(reason), a.closedOn.map { v.strings.date($0) } ?? "—"), .muted)) }
            if lines.isEmpty { lines.append(Line(v.t("household.action-no-chain"), .muted)) }
        }
        Paragraph(lines).render(detail.inset(left: 1, right: 1), into: &b)
    }

    /// Gezinsleden: everyone who belongs (or belonged) to the household, with birth dates (an age
    /// only while projecting) and ended memberships with their reason.
    static func members(_ v: ViewContext, _ h: HouseholdViewState, _ r: Rect, _ b: inout CellBuffer) {
        var r = r
        if !h.file.indications.isEmpty {
            // The indications under the members: who gets which help, under which law, until when.
            let parts = Layout.vertical([.fill(1), .length(min(h.file.indications.count, 5) + 3)]).split(r)
            r = parts[0]
            indications(v, h.file, parts[1], &b)
        }
        let inner = Block(title: v.t("household.members-title", String(h.file.currentMembers(on: v.s.today).count)), focused: true).render(r, into: &b)
        let rows: [[Span]] = h.sortedMembers.map { m in
            let current = m.isCurrent(on: v.s.today)
            let born: String
            if v.s.privacyMask { born = m.age(on: v.s.today).map { v.t("household.age", String($0)) } ?? "?" }
            else { born = m.birthDate.map { v.strings.date($0) } ?? m.birthYear.map(String.init) ?? "—" }
            let status = current ? v.t("household.member-current")
                : v.t("household.member-ended", m.endReason.map { v.strings.label($0) } ?? "—", m.endedOn.map { v.strings.date($0) } ?? "—")
            return [Span(m.name, current ? .normal : .muted), Span(v.strings.label(m.role), .muted), Span(born), Span(status, current ? .ok : .muted)]
        }
        Table(columns: [Column(v.label("field.name"), .fill(2)), Column(v.label("field.role"), .length(12)),
                        Column(v.label(v.s.privacyMask ? "household.col-age" : "household.col-born"), .length(14)), Column(v.label("field.status"), .fill(1))],
              rows: rows, scroll: h.memberScroll, emptyText: v.t("household.no-members")).render(inner, into: &b)
    }

    /// The household's indications, newest start first; one that has ended is muted.
    static func indications(_ v: ViewContext, _ f: CaseFile, _ r: Rect, _ b: inout CellBuffer) {
        let inner = Block(title: v.t("household.indications-title", String(f.indications.count))).render(r, into: &b)
        let rows: [[Span]] = f.indications.sorted { ($0.start, $0.id) > ($1.start, $1.id) }.map { i in
            let ended = i.end.map { $0 <= v.s.today } ?? false
            return [Span(f.member(i.memberId)?.name ?? "—", ended ? .muted : .normal), Span(v.strings.label(i.law), .strong),
                    Span(i.provider), Span(v.strings.domainShort(i.domain), .muted),
                    Span(v.strings.date(i.start) + " – " + (i.end.map { v.strings.date($0) } ?? "…"), ended ? .muted : .normal)]
        }
        Table(columns: [Column(v.label("field.memberId"), .fill(1)), Column(v.label("field.law"), .length(16)), Column(v.label("field.provider"), .fill(1)),
                        Column(v.label("field.domain"), .length(14)), Column(v.t("household.col-period"), .length(23))],
              rows: rows, scroll: ScrollState(), showsSelection: false).render(inner, into: &b)
    }

    /// The knellende regels recorded for the household, newest first: the rule and its source, what
    /// it blocked, and the way around it if one was used.
    static func blockedRules(_ v: ViewContext, _ f: CaseFile, _ r: Rect, scroll: Int, _ b: inout CellBuffer) {
        let inner = Block(title: v.t("household.blocked-title", String(f.blockedRules.count))).render(r, into: &b)
        var lines: [Line] = []
        for x in f.blockedRules.sorted(by: { ($0.date, $0.id) > ($1.date, $1.id) }) {
            lines.append(Line([Span(v.strings.date(x.date) + " ", .muted), Span(x.rule, .strong), Span(" · " + v.strings.label(x.source), .muted)]))
            lines.append(Line("  " + v.masked(x.blocked)))
            if x.exception != .geen {
                let amount = x.amount.map { " € \($0)" } ?? ""
                lines.append(Line("  " + v.strings.label(x.exception) + amount + (x.decidedBy.map { " — \($0)" } ?? ""), .ok))
            }
        }
        Paragraph(lines, scroll: scroll).render(inner.inset(left: 1), into: &b)   // scrolls with the tab (↓)
    }

    static func contacts(_ v: ViewContext, _ h: HouseholdViewState, _ r: Rect, _ b: inout CellBuffer) {
        let f = h.file
        let cols = Layout.horizontal([.fill(1), .fill(1)]).split(r)
        var signalsRect = cols[0]
        if !f.blockedRules.isEmpty {
            // The knellende regels met by this household, under its signals (K records one).
            let parts = Layout.vertical([.fill(1), .fill(1)]).split(cols[0])
            signalsRect = parts[0]
            blockedRules(v, f, parts[1], scroll: h.scroll.offset, &b)
        }
        let left = Block(title: v.t("household.signals-title", String(f.signals.count))).render(signalsRect, into: &b)
        var lines: [Line] = []
        for sgn in f.signals.sorted(by: { $0.date > $1.date }) {
            lines.append(Line([Span(v.strings.date(sgn.date) + " ", .muted), Span(v.strings.label("signalSource", sgn.source), .strong)]))
            lines.append(Line("  " + v.masked(sgn.text)))
        }
        Paragraph(lines.isEmpty ? [Line(v.t("household.none"), .muted)] : lines, scroll: h.scroll.offset).render(left.inset(left: 1), into: &b)
        let right = Block(title: v.t("household.contacts-title", String(f.contacts.count))).render(cols[1], into: &b)
        lines = []
        for c in f.contacts.sorted(by: { ($0.date, $0.id) > ($1.date, $1.id) }) {
            let who = c.professionalId.flatMap { v.s.roster.professionals[$0]?.name } ?? "—"
            lines.append(Line([Span(v.strings.date(c.date) + " ", .muted), Span(v.strings.label(c.kind), .strong), Span(" \(who) → \(c.withWhom)")]))
            if !c.note.isEmpty { lines.append(Line("  " + v.masked(c.note), .muted)) }
        }
        Paragraph(lines.isEmpty ? [Line(v.t("household.none"), .muted)] : lines, scroll: h.scroll.offset).render(right.inset(left: 1), into: &b)
    }

    static func consents(_ v: ViewContext, _ h: HouseholdViewState, _ r: Rect, _ b: inout CellBuffer) {
        let f = h.file
        let rows = Layout.vertical([.fill(3), .fill(2)]).split(r)
        let top = Block(title: v.t("household.consents-title")).render(rows[0], into: &b)
        Table(columns: [Column(v.label("field.organisationId"), .fill(1)), Column(v.label("field.basis"), .length(20)), Column(v.label("field.purpose"), .fill(1)),
                        Column(v.label("field.expiresOn"), .length(12))],
              rows: f.consents.map { c in
                  let valid = c.isValid(on: v.s.today)
                  return [Span(v.s.roster.organisations[c.organisationId]?.name ?? "#\(c.organisationId)"),
                          Span(v.strings.label(c.basis), valid ? .ok : .bad), Span(c.purpose, .muted),
                          Span(c.expiresOn.map { v.strings.date($0) } ?? "—", valid ? .normal : .bad)]
              }, showsSelection: false, emptyText: v.t("household.no-consents")).render(top, into: &b)
        let bottom = Block(title: v.t("household.escalations-title")).render(rows[1], into: &b)
        var lines: [Line] = []
        for e in f.escalations {
            let late = e.isOpen && e.deadline < v.s.today
            lines.append(Line([Span(v.strings.date(e.raisedOn) + " ", .muted), Span(e.reason)]))
            lines.append(Line([Span("  " + v.t("household.escalation-to", e.raisedTo, v.strings.date(e.deadline)) + " ", late ? .bad : .muted),
                               Span(e.decision.map { d in
                                   guard let on = e.decidedOn, let by = e.decidedBy.flatMap({ v.s.roster.professionals[$0]?.name }) else { return v.t("household.decided", d) }
                                   return v.t("household.decided-by", d, v.strings.date(on), by)
                               } ?? v.t("household.undecided"), e.isOpen ? .warn : .ok)]))
        }
        Paragraph(lines.isEmpty ? [Line(v.t("household.none"), .muted)] : lines).render(bottom.inset(left: 1), into: &b)
    }

    /// The course per domain: each member's scores over the meetings (a sparkline, first → last and
    /// the target), then per meeting the scores given and the actions agreed there.
    static func course(_ v: ViewContext, _ h: HouseholdViewState, _ r: Rect, _ b: inout CellBuffer) {
        let f = h.file
        let inner = Block(title: v.t("household.course-title")).render(r, into: &b)
        var lines: [Line] = []
        for course in Trajectory.domains(f, order: v.s.domainOrder) {
            if !lines.isEmpty { lines.append(Line("")) }
            lines.append(Line([Span(v.strings.domain(course.domain), .strong)]))
            for m in course.members {
                let scores = course.series(m.id).compactMap { $0 }
                let change = scores.count > 1 ? "\(scores.first!) → \(scores.last!)" : scores.first.map(String.init) ?? "·"
                var spans = [Span("  " + TextLayout.pad(TextLayout.prefix(m.name, width: 18), width: 19), .normal),
                             Span(TextLayout.pad(Sparkline(scores, minimum: 1, maximum: 5).glyphs(width: 8, using: b.glyphs), width: 9), .sparkline),
                             Span(change, .normal)]
                if let t = course.targets[m.id] { spans.append(Span("  " + v.t("meeting.target", String(t)), .info)) }
                lines.append(Line(spans))
            }
            for p in course.points {
                let given = course.members.compactMap { m in p.scores[m.id].map { "\(m.name.split(separator: " ").first.map(String.init) ?? m.name) \($0)" } }
                lines.append(Line([Span("  " + v.strings.date(p.date) + "  ", .muted), Span(given.joined(separator: " \(b.glyphs.separator) "))]))
                for a in p.actions {
                    let owner = a.owner.map { " — " + v.name($0, in: f) } ?? ""
                    lines.append(Line([Span("      + ", .muted), Span(a.description + owner)]))
                }
            }
        }
        Paragraph(lines.isEmpty ? [Line(v.t("household.course-empty"), .muted)] : lines, wrap: false, scroll: h.scroll.offset)
            .render(inner.inset(left: 1), into: &b)
    }

    /// A chronological history built from the file: meetings, signals, coordinators, actions closed.
    static func history(_ v: ViewContext, _ h: HouseholdViewState, _ r: Rect, _ b: inout CellBuffer) {
        let f = h.file
        var events: [(Day, Int, String)] = []
        for s in f.signals { events.append((s.date, 0, v.t("history.signal", v.strings.label("signalSource", s.source)))) }
        for m in f.meetings { events.append((m.date, 1, v.t("history.meeting", String(f.attendees(of: m.id).count)))) }
        for c in f.coordinators {
            let name = v.name(c.coordinator, in: f)
            events.append((c.proposedOn, 2, v.t("history.proposed", name)))
            if let d = c.decidedOn, c.status != .voorgesteld { events.append((d, 3, v.t("history.coordinator-\(c.status.rawValue)", name, c.declineReason ?? ""))) }
            if let e = c.endedOn { events.append((e, 4, v.t("history.coordinator-ended", name))) }
        }
        for a in f.actions {
            events.append((a.createdOn, 5, v.t("history.action-created", a.description)))
            if let c = a.closedOn { events.append((c, 6, v.t("history.action-closed", a.description, v.strings.label(a.status)))) }
        }
        for e in f.escalations { events.append((e.raisedOn, 7, v.t("history.escalated", e.raisedTo))) }
        let sorted = events.sorted { ($0.0, $0.1) > ($1.0, $1.1) }
        let inner = Block(title: v.t("household.history-title")).render(r, into: &b)
        let lines = sorted.map { Line([Span(v.strings.date($0.0) + "  ", .muted), Span($0.2)]) }
        Paragraph(lines, wrap: false, scroll: h.scroll.offset).render(inner.inset(left: 1), into: &b)
    }
}

/// How the household screen's domain grid shares its width: the domain names and statuses whole
/// first, then as many member columns as fit.
struct GridLayout {
    let memberWidth: Int
    let statusWidth: Int
    let members: Int

    init(width: Int, members count: Int) {
        let wide = width >= 56
        memberWidth = wide ? 6 : 5
        statusWidth = wide ? 14 : 11
        let domainWidth = wide ? 14 : 10
        // Two cells of selection gutter, one space between columns, four for the open count.
        let room = width - 2 - (domainWidth + 1) - (statusWidth + 1) - 4
        members = min(count, max(0, room / (memberWidth + 1)))
    }
}
