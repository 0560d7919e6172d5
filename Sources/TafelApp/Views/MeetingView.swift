import TafelCore
import TerminalKit

/// Meeting mode on the projector: the agenda bar with the timer, the household's own view kept
/// visible at the side, and the current step.
enum MeetingView {
    static func render(_ v: ViewContext, _ b: inout CellBuffer) {
        guard let m = v.s.meeting else { return }
        let (agenda, side, main) = Layouts.meeting(v.s.size)
        agendaBar(v, m, agenda, &b)
        sidePanel(v, m, side, &b)
        if m.showMinutes {
            minutes(v, m, main, &b)
            return
        }
        switch m.step {
        case .opening: opening(v, m, main, &b)
        case .ownView: ownView(v, m, main, &b)
        case .previousActions: previous(v, m, main, &b)
        case .domains: domains(v, m, &b)
        case .coordinator: coordinator(v, m, main, &b)
        case .closing: closing(v, m, main, &b)
        }
    }

    static func timer(_ v: ViewContext, _ m: MeetingState) -> Span {
        let start = m.meeting.startedAt ?? v.s.now
        let end = m.isClosed ? (m.meeting.endedAt ?? v.s.now) : v.s.now
        let elapsed = max(0, end - start)
        // In a session the timer counts against the household's slot.
        let box = Int64(max(1, v.s.session?.slotMinutes ?? m.meeting.timeboxMinutes) * 60)
        let role: StyleRole = elapsed >= box ? .critical : (elapsed * 10 >= box * 8 ? .warn : .ok)
        func mmss(_ s: Int64) -> String { String(format: "%02d:%02d", s / 60, s % 60) }
        return Span(" ⏱ \(mmss(elapsed)) / \(mmss(box)) ", role)
    }

    /// The agenda with full names when they fit, else short names, else short names set closer together
    /// (80 columns), else only the current step named.
    static func agendaTabs(_ v: ViewContext, _ m: MeetingState, width: Int) -> Tabs {
        let done = Set(m.stepsCompleted.map(\.index))
        func tabs(_ titles: [String], compact: Bool = false) -> Tabs {
            Tabs(titles, selected: m.step.index, done: done, numbered: true, compact: compact)
        }
        func fits(_ t: Tabs) -> Bool {
            (t.hitRanges(x: 0, glyphs: .unicode).last?.upperBound ?? 0) <= width
        }
        let full = tabs(AgendaStep.allCases.map { v.t("agenda.\($0.rawValue)") })
        if fits(full) { return full }
        let short = tabs(AgendaStep.allCases.map { v.t("agenda-short.\($0.rawValue)") })
        if fits(short) { return short }
        let compact = tabs(AgendaStep.allCases.map { v.t("agenda-short.\($0.rawValue)") }, compact: true)
        if fits(compact) { return compact }
        return tabs(AgendaStep.allCases.map { $0 == m.step ? v.t("agenda-short.\($0.rawValue)") : "" })
    }

    static func agendaBar(_ v: ViewContext, _ m: MeetingState, _ r: Rect, _ b: inout CellBuffer) {
        agendaTabs(v, m, width: r.width).render(r, into: &b)
    }

    static func sidePanel(_ v: ViewContext, _ m: MeetingState, _ r: Rect, _ b: inout CellBuffer) {
        let f = m.file
        let inner = Block(title: v.t("meeting.own-view-side")).render(r, into: &b)
        var lines: [Line] = [Line(f.household.name, .strong)]
        let members = f.currentMembers(on: v.s.today).map { "\($0.name.split(separator: " ").first.map(String.init) ?? $0.name) (\($0.age(on: v.s.today).map(String.init) ?? "?"))" }
        lines.append(Line(members.joined(separator: ", "), .muted))
        lines.append("")
        let view = m.text(.ownView).trimmed
        lines += view.isEmpty ? [Line(v.t("meeting.own-view-empty"), .muted)]
                              : view.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0), .accent) }
        lines.append("")
        if let c = f.activeCoordinator {
            lines.append(Line([Span(v.t("household.coordinator") + ": ", .muted), Span(v.name(c.coordinator, in: f), .ok)]))
        } else {
            lines.append(Line(v.t("household.no-coordinator"), .bad))
        }
        // The domains in need stay in view during the whole meeting.
        let need = f.domainsInNeed(v.s.domainOrder)
        if !need.isEmpty {
            lines.append("")
            lines.append(Line(v.t("meeting.in-need"), .muted))
            for d in need {
                lines.append(Line([ViewContext.scoreSpan(f.lowestScore(domain: d)), Span(" " + v.strings.domainShort(d))]))
            }
        }
        Paragraph(lines).render(inner.inset(left: 1), into: &b)
    }

    // MARK: Opening

    static func consentState(_ v: ViewContext, _ f: CaseFile, org: Int64?, on day: Day) -> Span {
        guard let org else { return Span("—", .muted) }
        if let c = f.consents.filter({ $0.organisationId == org && $0.isValid(on: day) }).sorted(by: { ($0.expiresOn ?? Day(ordinal: .max)) > ($1.expiresOn ?? Day(ordinal: .max)) }).first {
            return Span(v.strings.label(c.basis) + (c.expiresOn.map { " " + v.t("meeting.until", v.strings.date($0)) } ?? ""), .ok)
        }
        return Span(v.t("meeting.no-basis"), .bad)
    }

    static func opening(_ v: ViewContext, _ m: MeetingState, _ r: Rect, _ b: inout CellBuffer) {
        let f = m.file, meeting = m.meeting
        let inner = Block(title: v.t("agenda.opening"), focused: true).render(r, into: &b)
        let chair = meeting.chairId.flatMap { v.s.roster.professionals[$0]?.name } ?? v.t("common.nobody")
        let taker = meeting.minuteTakerId.flatMap { v.s.roster.professionals[$0]?.name } ?? v.t("common.nobody")
        Line([Span(v.t("minutes.chair") + ": ", .muted), Span(chair), Span("   " + v.t("minutes.minute-taker") + ": ", .muted), Span(taker)])
            .render(x: inner.x + 1, y: inner.y, width: inner.width - 1, into: &b)
        let present = m.file.householdAttended(meeting.id)
        Line([Span(v.t("minutes.household-present") + ": ", .muted), Span(present ? v.t("common.yes") : v.t("common.no"), present ? .ok : .warn),
              Span("   " + v.t("meeting.date") + ": ", .muted), Span(v.strings.shortDate(meeting.date))])
            .render(x: inner.x + 1, y: inner.y + 1, width: inner.width - 1, into: &b)
        let table = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: inner.height - 3)
        let dir = PartyDirectory(roster: v.s.roster, file: f)
        let rows: [[Span]] = m.attendees.map { a in
            let org = a.organisationId ?? a.party.flatMap { v.s.roster.organisationId(of: $0) }
            let orgName = org.flatMap { v.s.roster.organisations[$0]?.name } ?? (a.party.map { p -> String in
                switch p.kind { case .member: return v.t("meeting.household-member"); case .informal: return v.t("meeting.informal"); default: return "—" }
            } ?? v.t("meeting.guest"))
            let name = a.party.map { dir.name($0) } ?? (a.guestName ?? "?")
            return [Span(name), Span(orgName, .muted),
                    Span(v.strings.label(a.presence), a.presence == .afwezigMetBericht ? .muted : (a.presence == .online ? .info : .ok)),
                    a.presence.attended ? consentState(v, f, org: org, on: meeting.date) : Span("—", .muted)]
        }
        Table(columns: [Column(v.t("meeting.col-name"), .fill(3)), Column(v.t("meeting.col-organisation"), .fill(3)),
                        Column(v.t("meeting.col-presence"), .length(13)), Column(v.t("meeting.col-basis"), .fill(3))],
              rows: rows, scroll: m.attendeeScroll, emptyText: v.t("meeting.no-attendees")).render(table, into: &b)
    }

    // MARK: Wat wil het gezin

    static func ownView(_ v: ViewContext, _ m: MeetingState, _ r: Rect, _ b: inout CellBuffer) {
        let editing = m.editing == .ownView
        let inner = Block(title: v.t("agenda.wat-wil-het-gezin"), focused: true,
                          rightTitle: saveState(v, m, .ownView)).render(r, into: &b)
        let area = inner.inset(top: 1, left: 1, bottom: 1, right: 1)
        if editing {
            TextArea(m.editor, placeholder: v.t("meeting.own-view-placeholder")).render(area, into: &b)
        } else {
            let text = m.text(.ownView)
            Paragraph(text.isEmpty ? [Line(v.t("meeting.own-view-empty"), .muted)] : text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0)) })
                .render(area, into: &b)
            b.put(v.t("meeting.own-view-hint"), x: inner.x + 1, y: inner.bottom - 1, role: .muted, maxWidth: inner.width - 2)
        }
    }

    /// Where the save of a text stands, as the store answered it: "✓ opgeslagen" only for text the
    /// store confirmed; nil when the text is not being edited and nothing is pending.
    static func saveState(_ v: ViewContext, _ m: MeetingState, _ target: TextTarget) -> String? {
        if let save = m.texts[target] { return v.t(save.statusKey) }
        return m.editing == target ? v.t("text.saved") : nil
    }

    // MARK: Vorige afspraken

    static func previous(_ v: ViewContext, _ m: MeetingState, _ r: Rect, _ b: inout CellBuffer) {
        let f = m.file
        let list = m.previousActions(domainOrder: v.s.domainOrder)
        let handled = m.handledToday
        let split = Layout.vertical([.fill(3), .length(min(8, max(3, handled.count + 2)))]).split(r)
        let inner = Block(title: v.t("meeting.previous-title", String(list.count)), focused: true).render(split[0], into: &b)
        let rows: [[Span]] = list.map { a in
            let overdue = a.due.map { $0 < v.s.today } ?? false
            let visible = v.mayShow(a.owner, in: f)
            return [Span(visible ? a.description : v.t("mask.no-basis"), a.carryOverCount >= 2 ? .warn : .normal), Span(v.name(a.owner, in: f), .muted),
                    Span(a.due.map { v.strings.date($0) } ?? "—", overdue ? .bad : .normal),
                    Span(a.carryOverCount > 0 ? "↻ \(a.carryOverCount)" : "", a.carryOverCount >= 2 ? .critical : .muted)]
        }
        Table(columns: [Column(v.t("minutes.col-what"), .fill(3)), Column(v.t("minutes.col-who"), .fill(1)), Column(v.t("minutes.col-when"), .length(10)),
                        Column(v.t("meeting.col-carried"), .length(4))],
              rows: rows, scroll: m.previousScroll, emptyText: v.t("meeting.no-previous")).render(inner, into: &b)
        let lower = Block(title: v.t("meeting.handled-today")).render(split[1], into: &b)
        let lines = handled.map { a in
            Line([Span("\(b.glyphs.check) ", .ok), Span(a.description, .muted),
                  Span(" — " + (a.closeReason.map { v.strings.label($0) } ?? a.rejection.map { r in v.strings.label(r.code) + (r.law.map { " (\(v.strings.label($0)))" } ?? "") } ?? v.strings.label(a.status)), .muted)])
        }
        Paragraph(lines.isEmpty ? [Line(v.t("meeting.handled-none"), .muted)] : lines, wrap: false).render(lower.inset(left: 1), into: &b)
    }

    // MARK: Leefgebieden

    static func domainBadges(_ v: ViewContext, _ f: CaseFile, _ code: String) -> [Span] {
        var out: [Span] = []
        let low = f.lowestScore(domain: code)
        if low == 1 { out.append(Span(v.t("badge.acute"), .critical)) }
        if f.domainState(code).status == .wachtlijst || f.actions.contains(where: { $0.domain == code && $0.status == .wachtlijst }) {
            out.append(Span(v.t("badge.waiting"), .warn))
        }
        if f.isInNeed(code) && f.openActions(domain: code).isEmpty && (f.domainState(code).noActionReason ?? "").isEmpty {
            out.append(Span(v.t("badge.no-action"), .bad))
        }
        return out
    }

    static func domains(_ v: ViewContext, _ m: MeetingState, _ b: inout CellBuffer) {
        let f = m.file
        let (listRect, detailRect) = Layouts.meetingDomains(v.s.size)
        let codes = m.domainCodes(v.s.domainOrder)
        let inner = Block(title: v.t("agenda.leefgebieden"), focused: !m.actionsFocused).render(listRect, into: &b)
        let items = codes.map { code -> ListItem in
            let low = f.lowestScore(domain: code)
            let discussed = m.meeting.domainsDiscussed.contains(code) || f.isDiscussed(code)
            return ListItem(Line([ViewContext.scoreSpan(low), Span(" "), Span(v.strings.domainShort(code), discussed ? .normal : .muted)]),
                            badges: domainBadges(v, f, code).prefix(1).map { $0 })
        }
        ListView(items, scroll: m.domainScroll, focused: !m.actionsFocused).render(inner, into: &b)
        guard codes.indices.contains(m.domainScroll.selected) else { return }
        domainDetail(v, m, codes[m.domainScroll.selected], detailRect, &b)
    }

    static func domainDetail(_ v: ViewContext, _ m: MeetingState, _ code: String, _ r: Rect, _ b: inout CellBuffer) {
        let f = m.file
        let st = f.domainState(code)
        let inner = Block(title: "\(v.strings.domain(code)) \(b.glyphs.separator) \(v.strings.label(f.shownStatus(code)))", focused: m.actionsFocused || m.editing != nil)
            .render(r, into: &b)
        let area = inner.inset(left: 1, right: 1)
        var y = area.y
        // Situation (editable text).
        b.putTruncated(v.label("minutes.situation") + ":", x: area.x, y: y, role: .muted, maxWidth: area.width)
        y += 1
        if case .situation(let c)? = m.editing, c == code {
            TextArea(m.editor).render(Rect(x: area.x, y: y, width: area.width, height: 3), into: &b)
            y += 3
        } else {
            let situation = m.text(.situation(code))
            let text = situation.isEmpty ? v.t("meeting.no-situation") : situation
            let p = Paragraph([Line(text, situation.isEmpty ? .muted : .normal)])
            let h = min(3, p.height(width: area.width))
            p.render(Rect(x: area.x, y: y, width: area.width, height: h), into: &b)
            y += h
        }
        y += 1
        // Scores per member, the selected member marked; sparkline of earlier scores.
        // Labels are never cut mid-word: a shorter wording is chosen when the long one does not fit.
        func fitting(_ texts: [String]) -> String { texts.first { DisplayWidth.of($0) <= area.width } ?? texts.last! }
        b.putTruncated(fitting([v.t("meeting.scores-title"), v.t("meeting.scores-title-short")]), x: area.x, y: y, role: .muted, maxWidth: area.width)
        y += 1
        for (i, member) in f.currentMembers(on: v.s.today).enumerated() where y < area.bottom - 4 {
            let hist = f.history(member: member.id, domain: code)
            let last = hist.last
            let selected = i == m.memberIndex
            // Names give way to the own score (the family's view) before anything else is dropped.
            let anyOwn = f.currentMembers(on: v.s.today).contains { f.history(member: $0.id, domain: code).last?.ownScore != nil }
            let nameWidth = min(18, max(8, area.width - 4 - (anyOwn ? 9 : 2)))
            // A name that does not fit is shown by its first name, not cut in the middle of a word.
            let firstName = member.name.split(separator: " ").first.map(String.init) ?? member.name
            let shownName = DisplayWidth.of(member.name) <= nameWidth ? member.name
                : DisplayWidth.of(firstName) <= nameWidth ? firstName : TextLayout.prefix(member.name, width: nameWidth - 1) + "…"
            var spans: [Span] = [Span(selected ? "\(b.glyphs.selectionMark) " : "  ", .selection),
                                 Span(TextLayout.pad(shownName, width: nameWidth) + " ", selected ? .strong : .normal),
                                 ViewContext.scoreSpan(last?.score)]
            var used = 2 + nameWidth + 2
            // Beside the score: its words, the target (doelscore, kept from the meeting that set it) and
            // the family's own score. When the row is narrow the words go first, then the own score.
            let ownText = last?.ownScore.map { "  " + v.t("meeting.own", String($0)) } ?? ""
            let targetText = hist.last(where: { $0.target != nil })?.target.map { "  → " + v.t("meeting.target", String($0)) } ?? ""
            let label = last.map { " " + v.strings.label("score", String($0.score)) } ?? ""
            var extras: [(text: String, role: StyleRole)] = []
            var room = area.width - used
            let showTarget = !targetText.isEmpty && DisplayWidth.of(targetText) <= room
            if showTarget { room -= DisplayWidth.of(targetText) }
            let showOwn = !ownText.isEmpty && DisplayWidth.of(ownText) <= room
            if showOwn { room -= DisplayWidth.of(ownText) }
            if !label.isEmpty && DisplayWidth.of(label) <= room { extras.append((label, .muted)) }
            if showTarget { extras.append((targetText, .info)) }
            if showOwn { extras.append((ownText, .info)) }
            for e in extras { spans.append(Span(e.text, e.role)); used += DisplayWidth.of(e.text) }
            if hist.count > 1 && used + 10 <= area.width {
                spans.append(Span("  " + Sparkline(hist.map(\.score), minimum: 1, maximum: 5).glyphs(width: 8, using: b.glyphs), .sparkline))
            }
            Line(spans).render(x: area.x, y: y, width: area.width, into: &b)
            y += 1
        }
        if !st.organisations.isEmpty && y < area.bottom - 3 {
            let orgs = st.organisations.compactMap { v.s.roster.organisations[$0]?.name }.joined(separator: ", ")
            // Wrapped over two lines rather than cut.
            let lines = TextLayout.wrap(v.label("field.organisations") + ": " + orgs, width: area.width)
            for (k, line) in lines.prefix(2).enumerated() where y < area.bottom - 3 {
                let shown = k == 1 && lines.count > 2 ? TextLayout.prefix(line, width: area.width - 1) + "…" : line
                b.put(shown, x: area.x, y: y, role: k == 0 ? .muted : .normal, maxWidth: area.width)
                y += 1
            }
        }
        if let reason = st.noActionReason, !reason.isEmpty, y < area.bottom - 3 {
            Line([Span(v.t("minutes.no-action-reason") + ": ", .muted), Span(reason)]).render(x: area.x, y: y, width: area.width, into: &b)
            y += 1
        }
        y += 1
        // The domain's actions, with the SMART check.
        let actions = f.actions.filter { $0.domain == code && ($0.isOpen || $0.meetingId == m.meetingId) }
        guard y < area.bottom else { return }
        b.putTruncated(fitting([v.t("meeting.domain-actions", String(actions.count)), v.t("meeting.domain-actions-short", String(actions.count)),
                                v.t("meeting.domain-actions-shortest", String(actions.count))]),
                       x: area.x, y: y, role: m.actionsFocused ? .borderFocus : .muted, maxWidth: area.width)
        y += 1
        var rows: [ListItem] = []
        for a in actions {
            let warnings = SmartCheck.warnings(for: a, today: v.s.today)
            let who = v.name(a.owner, in: f)
            let due = a.due.map { v.strings.shortDate($0) } ?? "?"
            rows.append(ListItem(Line([Span(a.isOpen ? "" : "\(b.glyphs.check) ", .ok), Span(v.mayShow(a.owner, in: f) ? a.description : v.t("mask.no-basis")),
                                       Span(" — \(who), \(due)", .muted)]),
                                 badges: warnings.isEmpty ? [] : [Span("! " + warnings.map { v.t("smart-short.\($0.rawValue)") }.joined(separator: ", "), .warn)]))
        }
        if rows.isEmpty { rows = [ListItem(Line(v.t("meeting.no-domain-actions"), .muted))] }
        ListView(rows, scroll: m.actionScroll, focused: m.actionsFocused, showsSelection: m.actionsFocused)
            .render(Rect(x: area.x, y: y, width: area.width, height: area.bottom - y), into: &b)
    }

    // MARK: Regie

    static func coordinator(_ v: ViewContext, _ m: MeetingState, _ r: Rect, _ b: inout CellBuffer) {
        let f = m.file
        let inner = Block(title: v.t("agenda.regie"), focused: true).render(r, into: &b)
        let dir = PartyDirectory(roster: v.s.roster, file: f)
        var header: [Line] = []
        if let c = f.activeCoordinator {
            header.append(Line([Span(v.t("household.coordinator") + ": ", .muted), Span(dir.nameWithOrganisation(c.coordinator), .ok)]))
        } else {
            header.append(Line(v.t("meeting.no-coordinator-yet"), .bad))
        }
        if let p = f.pendingProposal {
            header.append(Line([Span(v.t("meeting.proposed") + ": ", .muted), Span(dir.nameWithOrganisation(p.coordinator), .warn),
                                Span("   " + v.t("meeting.accept-decline-hint"), .muted)]))
        }
        let bounces = f.coordinators.filter { $0.status == .afgewezen }.count
        if bounces > 0 { header.append(Line(v.t("meeting.bounces", String(bounces)), bounces >= 2 ? .bad : .warn)) }
        Paragraph(header).render(Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 3), into: &b)
        let table = Rect(x: inner.x, y: inner.y + 4, width: inner.width, height: inner.height - 4)
        let list = f.coordinators.sorted { $0.id > $1.id }
        Table(columns: [Column(v.t("meeting.col-name"), .fill(2)), Column(v.label("field.status"), .length(12)), Column(v.t("meeting.date"), .length(11)),
                        Column(v.label("field.declineReason"), .fill(2))],
              rows: list.map { c in
                  [Span(dir.nameWithOrganisation(c.coordinator)),
                   Span(v.strings.label(c.status), c.status == .geaccepteerd ? .ok : (c.status == .afgewezen ? .bad : (c.status == .voorgesteld ? .warn : .muted))),
                   Span(v.strings.date(c.decidedOn ?? c.proposedOn), .muted), Span(c.declineReason ?? c.endReason ?? "", .muted)]
              }, scroll: m.coordinatorScroll, emptyText: v.t("meeting.no-proposals")).render(table, into: &b)
    }

    // MARK: Afsluiten

    static func closing(_ v: ViewContext, _ m: MeetingState, _ r: Rect, _ b: inout CellBuffer) {
        let meeting = m.meeting
        let inner = Block(title: v.t("agenda.afsluiten"), focused: true).render(r, into: &b)
        var y = inner.y
        let next = meeting.nextReview
        Line([Span(v.t("minutes.next-review") + ": ", .muted), Span(next.map { v.strings.longDate($0) } ?? v.t("minutes.no-next-review"), next == nil ? .bad : .strong)])
            .render(x: inner.x + 1, y: y, width: inner.width - 2, into: &b)
        y += 1
        let decisions = meeting.decisions.isEmpty ? v.t("minutes.decisions-empty") : meeting.decisions.joined(separator: "; ")
        Line([Span(v.t("minutes.decisions") + ": ", .muted), Span(decisions)]).render(x: inner.x + 1, y: y, width: inner.width - 2, into: &b)
        y += 2
        let gaps = m.gaps
        b.putTruncated(gaps.isEmpty ? v.t("meeting.no-gaps") : v.t("meeting.gaps-found", String(gaps.count)), x: inner.x + 1, y: y, role: gaps.isEmpty ? .ok : .bad, maxWidth: inner.width - 2)
        y += 1
        // A gap settled here ("bewust?") needs no arrow to another step.
        let items = gaps.map { g in ListItem(Line([Span(v.r(g.message))] + (g.isAcknowledgeable ? [] : [Span("  → " + v.t("agenda.\(g.step.rawValue)"), .muted)]))) }
        ListView(items, scroll: m.gapScroll).render(Rect(x: inner.x, y: y, width: inner.width, height: inner.bottom - y - 2), into: &b)
        let hint = m.isClosed ? v.t("meeting.closed-hint") : v.t("meeting.closing-hint")
        b.putTruncated(hint, x: inner.x + 1, y: inner.bottom - 1, role: .muted, maxWidth: inner.width - 2)
    }

    /// The minutes preview after closing (lines prepared by the reducer, `MeetingReducer.preview`).
    static func minutes(_ v: ViewContext, _ m: MeetingState, _ r: Rect, _ b: inout CellBuffer) {
        let inner = Block(title: v.t("meeting.minutes-preview"), focused: true, rightTitle: v.t("meeting.minutes-hint")).render(r, into: &b)
        Paragraph(previewLines(m.minutesLines), scroll: m.minutesScroll).render(inner.inset(left: 1, right: 1), into: &b)
    }

    /// The preview's lines with headings set off.
    static func previewLines(_ lines: [String]) -> [Line] {
        lines.map { $0.hasPrefix("#") ? Line($0, .strong) : Line($0, .normal) }
    }
}
