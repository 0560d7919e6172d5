/// Turns `Minutes` into a report for one audience, in one language.
public struct MinutesRenderer: Sendable {
    public var strings: Strings
    public init(strings: Strings) { self.strings = strings }

    public func document(_ m: Minutes, audience: MinutesAudience, roster: Roster) -> ReportDocument {
        switch audience {
        case .team: return team(m)
        case .household: return householdPlan(m)
        case .organisation(let id): return extract(m, organisation: id, name: roster.organisations[id]?.name ?? "#\(id)")
        }
    }

    func t(_ k: String, _ a: String...) -> String { strings.t(k, args: a) }

    /// A domain's course as a chart: each member's scores over the meetings, the actions agreed at each.
    func chart(_ course: Trajectory) -> ScoreChart {
        let s = strings
        return ScoreChart(title: t("minutes.course", s.domain(course.domain)),
                          labels: course.points.map { s.date($0.date) },
                          series: course.members.map { ScoreChart.Series(name: $0.name, values: course.series($0.id), target: course.targets[$0.id]) },
                          actions: course.points.map { $0.actions.map(\.description) },
                          dateHeader: t("minutes.date"), actionsHeader: t("minutes.course-actions"), targetLabel: t("minutes.target"))
    }

    /// The team minutes: attendance, the household's view, domains with score changes,
    /// decisions, the actions table (wie · wat · wanneer · kader), the regisseur, the next review.
    func team(_ m: Minutes) -> ReportDocument {
        let s = strings
        var d = ReportDocument(title: t("minutes.title", m.householdName), language: s.language)
        d.blocks.append(.heading(1, t("minutes.title", m.householdName)))
        var header = [ReportDocument.Field(t("minutes.date"), "\(s.longDate(m.date)) (\(s.date(m.date)))")]
        if let c = m.chair { header.append(.init(t("minutes.chair"), c)) }
        if let n = m.minuteTaker { header.append(.init(t("minutes.minute-taker"), n)) }
        header.append(.init(t("minutes.household-present"), m.householdPresent ? t("common.yes") : t("common.no")))
        if !m.closed { header.append(.init(t("minutes.state"), t("minutes.state-open"))) }
        d.blocks.append(.fields(header))

        d.blocks.append(.heading(2, t("minutes.attendance")))
        var att: [ReportDocument.Field] = []
        att.append(.init(t("minutes.present"), m.present.isEmpty ? "—" : m.present.joined(separator: ", ")))
        if !m.online.isEmpty { att.append(.init(t("minutes.online"), m.online.joined(separator: ", "))) }
        if !m.apologies.isEmpty { att.append(.init(t("minutes.apologies"), m.apologies.joined(separator: ", "))) }
        d.blocks.append(.fields(att))

        d.blocks.append(.heading(2, t("minutes.own-view")))
        d.blocks.append(m.ownView.trimmed.isEmpty ? .paragraph(t("minutes.own-view-empty")) : .quote(m.ownView))
        // Whose words these are: the members at the table, or that the family was not there.
        if !m.ownView.trimmed.isEmpty {
            d.blocks.append(.paragraph(m.ownViewBy.isEmpty ? t(m.householdPresent ? "minutes.own-view-household" : "minutes.own-view-absent")
                                                           : t("minutes.own-view-by", m.ownViewBy.joined(separator: ", "))))
        }

        if !m.previousActions.isEmpty {
            d.blocks.append(.heading(2, t("minutes.previous-actions")))
            d.blocks.append(.table(header: [t("minutes.col-what"), t("minutes.col-who"), t("minutes.col-outcome")],
                                   rows: m.previousActions.map { [$0.description, $0.owner, s.render($0.outcome)] }))
        }

        d.blocks.append(.heading(2, t("minutes.domains")))
        if m.domains.isEmpty { d.blocks.append(.paragraph(t("minutes.domains-empty"))) }
        for dom in m.domains {
            d.blocks.append(.heading(3, "\(s.domain(dom.code)) — \(s.label(dom.status))"))
            var fields: [ReportDocument.Field] = []
            if !dom.situation.trimmed.isEmpty { fields.append(.init(t("minutes.situation"), dom.situation)) }
            if !dom.scores.isEmpty {
                let text = dom.scores.map { sc -> String in
                    let change = sc.before.map { "\($0) → \(sc.after.map(String.init) ?? "—")" } ?? (sc.after.map(String.init) ?? "—")
                    let own = sc.ownScore.map { " (\(t("minutes.own-score")) \($0))" } ?? ""
                    return "\(sc.member) \(change)\(own)"
                }.joined(separator: "; ")
                fields.append(.init(t("minutes.scores"), text))
            }
            if !dom.ownWords.trimmed.isEmpty { fields.append(.init(t("minutes.own-words"), dom.ownWords)) }
            if let r = dom.noActionReason, !r.trimmed.isEmpty { fields.append(.init(t("minutes.no-action-reason"), r)) }
            if !fields.isEmpty { d.blocks.append(.fields(fields)) }
            if let course = m.trajectories[dom.code] { d.blocks.append(.chart(chart(course))) }
        }

        d.blocks.append(.heading(2, t("minutes.decisions")))
        d.blocks.append(m.decisions.isEmpty ? .paragraph(t("minutes.decisions-empty")) : .bullets(m.decisions))

        d.blocks.append(.heading(2, t("minutes.actions")))
        if m.actions.isEmpty {
            d.blocks.append(.paragraph(t("minutes.actions-empty")))
        } else {
            d.blocks.append(.table(
                header: [t("minutes.col-who"), t("minutes.col-what"), t("minutes.col-when"), t("minutes.col-framework"), t("minutes.col-domain")],
                rows: m.actions.map { a in
                    var what = a.description
                    if a.isNew { what += " (\(t("minutes.new")))" }
                    if a.carryOverCount > 0 { what += " (\(t("minutes.carried-count", String(a.carryOverCount))))" }
                    if a.agreement == .oneens { what += " (\(t("minutes.household-disagrees")))" }
                    return [a.owner, what, a.due.map(s.date) ?? "—", a.framework.map(s.label) ?? "—", s.domain(a.domain)]
                }))
        }

        d.blocks.append(.heading(2, t("minutes.coordinator")))
        if let c = m.coordinator {
            var fields = [ReportDocument.Field(t("minutes.coordinator-name"), c.organisation.map { "\(c.name) (\($0))" } ?? c.name)]
            if let p = c.phone { fields.append(.init(t("minutes.phone"), p)) }
            if let e = c.email { fields.append(.init(t("minutes.email"), e)) }
            d.blocks.append(.fields(fields))
        } else {
            d.blocks.append(.paragraph(t("minutes.no-coordinator")))
        }
        if !m.declines.isEmpty {
            d.blocks.append(.bullets(m.declines.map { t("minutes.declined", $0.name, $0.reason) }))
        }

        d.blocks.append(.heading(2, t("minutes.next-review")))
        d.blocks.append(.paragraph(m.nextReview.map { "\(s.longDate($0)) (\(s.date($0)))" } ?? t("minutes.no-next-review")))
        if !m.gapsClosedOver.isEmpty || !(m.gapReason ?? "").trimmed.isEmpty {
            d.blocks.append(.heading(2, t("minutes.gaps")))
            if !m.gapsClosedOver.isEmpty {
                d.blocks.append(.bullets(m.gapsClosedOver.map { g in g.action.map { t("minutes.gap-action", s.render(g.message), $0) } ?? s.render(g.message) }))
            }
            if let r = m.gapReason, !r.trimmed.isEmpty { d.blocks.append(.fields([ReportDocument.Field(t("minutes.gap-reason"), r)])) }
        }
        if !m.acknowledged.isEmpty {
            d.blocks.append(.bullets(m.acknowledged.map { t("gap.acknowledged", s.render($0)) }))
        }
        return d
    }

    /// "Ons plan": plain language (B1) for the household — their goals first, then who does
    /// what and when, then who their contact person is. No scores, no laws, no abbreviations.
    func householdPlan(_ m: Minutes) -> ReportDocument {
        let s = strings
        var d = ReportDocument(title: t("plan.title", m.householdName), language: s.language)
        d.blocks.append(.heading(1, t("plan.title", m.householdName)))
        d.blocks.append(.paragraph(t("plan.intro", s.longDate(m.date))))
        d.blocks.append(.heading(2, t("plan.your-goals")))
        d.blocks.append(m.ownView.trimmed.isEmpty ? .paragraph(t("plan.no-goals")) : .quote(m.ownView))
        d.blocks.append(.heading(2, t("plan.who-what-when")))
        if m.actions.isEmpty {
            d.blocks.append(.paragraph(t("plan.no-actions")))
        } else {
            d.blocks.append(.bullets(m.actions.map { a in
                let topic = s.reference.domain(a.domain)?.plain(s.language) ?? s.domain(a.domain)
                // A date already past is said as such, not as "vóór" a day that has gone.
                let when = a.due.map { t($0 < m.date ? "plan.was-due" : "plan.before", s.longDate($0)) } ?? t("plan.no-date")
                // Each description ends as a sentence, so "Klaar:" starts a new one.
                let text = a.description.trimmed
                let sentence = text.last.map { ".!?".contains($0) } ?? true ? text : text + "."
                return t("plan.action", plainOwner(a.owner), sentence, when, topic)
            }))
        }
        if !m.reachOut.isEmpty {
            // "How to reach them": whom to call at the organisations doing something for them.
            d.blocks.append(.heading(2, t("plan.reach")))
            d.blocks.append(.bullets(m.reachOut.map { c in
                var text = (c.contact.isEmpty ? c.service : t("plan.reach-line", c.service, c.contact)) + "."
                if let p = c.phone { text += " " + t("plan.call", p) }
                if let e = c.email { text += " " + t("plan.mail", e) }
                return text
            }))
        }
        d.blocks.append(.heading(2, t("plan.contact")))
        if let c = m.coordinator {
            var text = t("plan.contact-is", c.name)
            if let p = c.phone { text += " " + t("plan.call", p) }
            if let e = c.email { text += " " + t("plan.mail", e) }
            d.blocks.append(.paragraph(text + " " + t("plan.contact-role")))
        } else {
            d.blocks.append(.paragraph(t("plan.no-contact")))
        }
        d.blocks.append(.heading(2, t("plan.next")))
        d.blocks.append(.paragraph(m.nextReview.map { t("plan.next-on", s.longDate($0)) } ?? t("plan.next-unknown")))
        return d
    }

    /// The owner's name without the organisation in brackets (plain language).
    func plainOwner(_ owner: String) -> String {
        guard let i = owner.firstIndex(of: "(") else { return owner }
        return String(owner[..<i]).trimmed
    }

    /// An organisation's extract: only its own actions, with the household and the coordinator.
    func extract(_ m: Minutes, organisation: Int64, name: String) -> ReportDocument {
        let s = strings
        guard m.mayShare(with: organisation) else {
            // No basis in the consent register: say so, and hold nothing about the household.
            var d = ReportDocument(title: t("extract.title-no-basis", name), language: s.language)
            d.blocks.append(.heading(1, t("extract.title-no-basis", name)))
            d.blocks.append(.paragraph(t("extract.no-basis", name)))
            if let c = m.coordinator { d.blocks.append(.fields([.init(t("minutes.coordinator-name"), c.name)])) }
            return d
        }
        var d = ReportDocument(title: t("extract.title", name, m.householdName), language: s.language)
        d.blocks.append(.heading(1, t("extract.title", name, m.householdName)))
        var fields = [ReportDocument.Field(t("minutes.date"), s.date(m.date))]
        if let c = m.coordinator { fields.append(.init(t("minutes.coordinator-name"), c.name)) }
        if let n = m.nextReview { fields.append(.init(t("minutes.next-review"), s.date(n))) }
        d.blocks.append(.fields(fields))
        d.blocks.append(.heading(2, t("extract.actions", name)))
        let mine = m.actions(for: organisation)
        if mine.isEmpty {
            d.blocks.append(.paragraph(t("extract.none")))
        } else {
            d.blocks.append(.table(header: [t("minutes.col-who"), t("minutes.col-what"), t("minutes.col-when"), t("minutes.col-framework")],
                                   rows: mine.map { [$0.owner, $0.description, $0.due.map(s.date) ?? "—", $0.framework.map(s.label) ?? "—"] }))
        }
        d.blocks.append(.paragraph(t("extract.scope")))
        return d
    }
}
