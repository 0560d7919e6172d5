/// The stall rules: each a small named function over one household's file and the context.
/// Only active households are audited; closed or cancelled actions never count as open.
public enum StallRules {
    public typealias Rule = @Sendable (CaseFile, SignalContext) -> [StallFinding]

    /// Every rule, in the order of DESIGN §5 (wachtlijst and wachtlijst-keten share one rule function).
    public static let all: [(StallRuleID, Rule)] = [
        (.geenRegie, geenRegie), (.regieTeruggekaatst, regieTeruggekaatst), (.actieVerlopen, actieVerlopen),
        (.geparkeerd, geparkeerd), (.reviewVerlopen, reviewVerlopen), (.acuutZonderActie, acuutZonderActie),
        (.onvolledig, onvolledig), (.eenDomein, eenDomein), (.wachtlijst, wachtlijst), (.wachtlijstKeten, wachtlijstKeten),
        (.voorliggend, voorliggend), (.overgang, overgang), (.toestemming, toestemming), (.geenContact, geenContact),
        (.scoreDaling, scoreDaling), (.geenHulpvraag, geenHulpvraag), (.escalatieOpen, escalatieOpen),
    ]

    /// All findings for a household, most serious and oldest first.
    public static func evaluate(_ file: CaseFile, _ ctx: SignalContext, only: Set<StallRuleID>? = nil) -> [StallFinding] {
        guard file.household.status == .actief else { return [] }
        var out: [StallFinding] = []
        for (id, rule) in all where only?.contains(id) ?? true { out += rule(file, ctx) }
        return out.sorted { ($1.severity, $0.since.ordinal, $0.rule) < ($0.severity, $1.since.ordinal, $1.rule) }
    }

    static func finding(_ rule: StallRuleID, _ f: CaseFile, _ sev: Severity, _ since: Day, _ ev: Message, _ ref: EvidenceRef) -> StallFinding {
        StallFinding(rule: rule, householdId: f.household.id, severity: sev, since: since, evidence: ev, ref: ref)
    }

    static func domains(_ f: CaseFile, _ ctx: SignalContext) -> [String] {
        let recorded = Set(f.domains.map(\.domain)).union(f.assessments.map(\.domain)).union(f.actions.map(\.domain))
        return ctx.domainOrder + recorded.subtracting(ctx.domainOrder).sorted()
    }

    static func memberName(_ f: CaseFile, _ id: Int64) -> String { f.member(id)?.name ?? "?" }

    // MARK: Regie

    /// Active ≥ 14 days with ≥ 2 domains in need and no accepted coordinator.
    static let geenRegie: Rule = { f, ctx in
        let t = ctx.thresholds
        let since = f.household.activeSince
        guard f.activeCoordinator == nil, since.days(until: ctx.today) >= t.geenRegieDays else { return [] }
        let need = f.domainsInNeed(domains(f, ctx)).count
        guard need >= t.geenRegieMinDomains else { return [] }
        return [finding(.geenRegie, f, .hoog, since, Evidence.geenRegie(activeSince: since, domainsInNeed: need), .household)]
    }

    /// ≥ 2 declined coordinator proposals within 90 days: "regel jij dat maar".
    static let regieTeruggekaatst: Rule = { f, ctx in
        let t = ctx.thresholds
        let from = ctx.today.adding(days: -t.bounceWindowDays)
        let declines = f.coordinators.filter { $0.status == .afgewezen && ($0.decidedOn ?? $0.proposedOn) >= from }
            .sorted { (($0.decidedOn ?? $0.proposedOn), $0.id) < (($1.decidedOn ?? $1.proposedOn), $1.id) }
        guard declines.count >= t.bounceCount, let first = declines.first, let last = declines.last else { return [] }
        return [finding(.regieTeruggekaatst, f, .middel, first.decidedOn ?? first.proposedOn,
                        Evidence.regieTeruggekaatst(declines: declines.count, lastReason: last.declineReason ?? ""), .coordinator(last.id))]
    }

    // MARK: Actions

    /// An open action past its due date; severity grows at 7 and 28 days.
    static let actieVerlopen: Rule = { f, ctx in
        let t = ctx.thresholds
        return f.actions.compactMap { a in
            guard a.isOpen, let due = a.due else { return nil }
            let days = due.days(until: ctx.today)
            guard days >= t.overdueDays else { return nil }
            return finding(.actieVerlopen, f, Evidence.overdueSeverity(days: days, t), due,
                           Evidence.actieVerlopen(description: a.description, due: due, days: days), .action(a.id))
        }
    }

    /// An action carried over ≥ 2 times, or a domain in need discussed in ≥ 3 meetings without any action.
    static let geparkeerd: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [StallFinding] = []
        for a in f.actions where a.isOpen && a.carryOverCount >= t.parkedCarryOvers {
            out.append(finding(.geparkeerd, f, .middel, a.createdOn,
                               Evidence.geparkeerdAction(description: a.description, carried: a.carryOverCount), .action(a.id)))
        }
        let meetings = f.meetingsByDate
        for d in domains(f, ctx) where f.isInNeed(d) {
            let discussed = meetings.filter { $0.domainsDiscussed.contains(d) }
            guard discussed.count >= t.parkedMeetings, let first = discussed.first else { continue }
            if f.actions.contains(where: { $0.domain == d && ($0.isOpen || $0.createdOn >= first.date) }) { continue }
            out.append(finding(.geparkeerd, f, .middel, first.date,
                               Evidence.geparkeerdDomain(domain: d, meetings: discussed.count), .domain(d)))
        }
        return out
    }

    /// No meeting for longer than the cadence plus a grace period.
    static let reviewVerlopen: Rule = { f, ctx in
        let t = ctx.thresholds
        let last = f.meetings.map(\.date).max()
        let ref = last ?? f.household.activeSince
        let cadence = f.household.reviewCadenceWeeks * 7
        let days = ref.days(until: ctx.today)
        guard days >= cadence + t.reviewGraceDays else { return [] }
        return [finding(.reviewVerlopen, f, .middel, ref.adding(days: cadence), Evidence.reviewVerlopen(last: last, days: days), .household)]
    }

    // MARK: Domains

    /// A domain scored 1 (acuut) with no open action for ≥ 2 days.
    static let acuutZonderActie: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [StallFinding] = []
        for d in domains(f, ctx) {
            guard f.openActions(domain: d).isEmpty else { continue }
            let acute = f.latestAssessments(domain: d).filter { $0.score == 1 }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            guard let a = acute.first, a.date.days(until: ctx.today) >= t.acuteDays else { continue }
            out.append(finding(.acuutZonderActie, f, .hoog, a.date,
                               Evidence.acuutZonderActie(domain: d, member: memberName(f, a.memberId), date: a.date), .domain(d)))
        }
        return out
    }

    /// A domain scored ≤ 2 (or with status zorg) without an open action and without a recorded reason.
    static let onvolledig: Rule = { f, ctx in
        var out: [StallFinding] = []
        for d in domains(f, ctx) where !(f.domainState(d).status.meansNoNeed) {
            let st = f.domainState(d)
            guard f.openActions(domain: d).isEmpty, (st.noActionReason ?? "").trimmed.isEmpty else { continue }
            let low = f.latestAssessments(domain: d).filter { $0.score <= 2 }
            if let worst = low.min(by: { ($0.score, $0.date.ordinal) < ($1.score, $1.date.ordinal) }) {
                let since = low.map(\.date).max()!
                out.append(finding(.onvolledig, f, .middel, since, Evidence.onvolledig(domain: d, score: worst.score), .domain(d)))
            } else if st.status == .zorg {
                out.append(finding(.onvolledig, f, .middel, st.updatedOn, Evidence.onvolledig(domain: d, score: nil), .domain(d)))
            }
        }
        return out
    }

    /// ≥ 3 domains in need while every open action sits in one domain.
    static let eenDomein: Rule = { f, ctx in
        let t = ctx.thresholds
        let open = f.openActions
        let need = f.domainsInNeed(domains(f, ctx))
        guard need.count >= t.oneDomainMinDomains, let first = open.first,
              open.allSatisfy({ $0.domain == first.domain }) else { return [] }
        let since = open.map(\.createdOn).min()!
        return [finding(.eenDomein, f, .middel, since, Evidence.eenDomein(domainsInNeed: need.count, domain: first.domain), .domain(first.domain))]
    }

    /// An action on the waiting list longer than 28 days.
    static let wachtlijst: Rule = { f, ctx in
        let t = ctx.thresholds
        return f.actions.compactMap { a in
            guard a.status == .wachtlijst, let since = a.waitingSince else { return nil }
            let days = since.days(until: ctx.today)
            guard days >= t.waitingDays else { return nil }
            return finding(.wachtlijst, f, days >= 2 * t.waitingDays ? .hoog : .middel, since,
                           Evidence.wachtlijst(description: a.description, since: since, days: days), .action(a.id))
        }
    }

    /// ≥ 2 waiting-list episodes on one domain that still needs help: chained waiting lists.
    static let wachtlijstKeten: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [StallFinding] = []
        for d in domains(f, ctx) where f.isInNeed(d) {
            let waited = f.actions.filter { $0.domain == d && $0.waitingEpisodes > 0 }
            let episodes = waited.reduce(0) { $0 + $1.waitingEpisodes }
            guard episodes >= t.waitingChainEpisodes, let since = waited.compactMap(\.waitingSince).min() else { continue }
            out.append(finding(.wachtlijstKeten, f, .hoog, since, Evidence.wachtlijstKeten(domain: d, episodes: episodes), .domain(d)))
        }
        return out
    }

    /// ≥ 2 rejections with "voorliggende voorziening" on one domain still in need: ping-pong between laws.
    static let voorliggend: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [StallFinding] = []
        for d in domains(f, ctx) where f.isInNeed(d) {
            let rejected = f.actions.filter { $0.domain == d && $0.status == .afgewezen && $0.rejection?.code == .voorliggend }
            guard rejected.count >= t.precedenceRejections else { continue }
            let since = rejected.map { $0.closedOn ?? $0.createdOn }.min()!
            out.append(finding(.voorliggend, f, .hoog, since, Evidence.voorliggend(domain: d, rejections: rejected.count), .domain(d)))
        }
        return out
    }

    // MARK: Transitions, consent, contact

    /// A member turns 18 within 6 months while Jeugdwet help is open and nothing is tagged for the transition.
    static let overgang: Rule = { f, ctx in
        let t = ctx.thresholds
        let jeugdwetOpen = f.actions.contains { $0.isOpen && $0.framework == .jeugdwet }
        let tagged = f.actions.contains { $0.transition && $0.status != .vervallen && $0.status != .afgewezen }
        guard jeugdwetOpen, !tagged else { return [] }
        var out: [StallFinding] = []
        for m in f.members {
            guard let b = m.eighteenthBirthday, ctx.today < b, b <= ctx.today.adding(months: t.transitionMonths) else { continue }
            out.append(finding(.overgang, f, .hoog, b.adding(months: -t.transitionMonths),
                               Evidence.overgang(member: m.name, birthday: b), .member(m.id)))
        }
        return out
    }

    /// A recent meeting shared data with an organisation without a valid basis, or a consent expires soon.
    static let toestemming: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [StallFinding] = []
        let from = ctx.today.adding(days: -t.consentLookbackDays)
        var reported = Set<Int64>()
        for m in f.meetingsByDate.reversed() where m.date >= from && m.date <= ctx.today {
            for a in f.attendees(of: m.id) where a.presence.attended {
                guard let org = a.organisationId ?? a.party.flatMap({ ctx.roster.organisationId(of: $0) }),
                      !reported.contains(org) else { continue }
                if f.consents.contains(where: { $0.organisationId == org && $0.isValid(on: m.date) }) { continue }
                reported.insert(org)
                let name = ctx.roster.organisations[org]?.name ?? "#\(org)"
                out.append(finding(.toestemming, f, .hoog, m.date, Evidence.toestemmingMeeting(organisation: name, meeting: m.date), .meeting(m.id)))
            }
        }
        for c in f.consents where c.basis == .toestemming {
            guard let exp = c.expiresOn, ctx.today <= exp, exp <= ctx.today.adding(days: t.consentExpiryDays) else { continue }
            let name = ctx.roster.organisations[c.organisationId]?.name ?? "#\(c.organisationId)"
            out.append(finding(.toestemming, f, .middel, exp.adding(days: -t.consentExpiryDays),
                               Evidence.toestemmingExpiry(organisation: name, expires: exp), .consent(c.id)))
        }
        return out
    }

    /// No contact logged for ≥ 30 days.
    static let geenContact: Rule = { f, ctx in
        let t = ctx.thresholds
        let last = f.lastContactDate
        let ref = last ?? f.household.activeSince
        let days = ref.days(until: ctx.today)
        guard days >= t.noContactDays else { return [] }
        return [finding(.geenContact, f, .middel, ref, Evidence.geenContact(last: last, days: days), .household)]
    }

    /// A member's score in a domain dropped between the last two assessments.
    static let scoreDaling: Rule = { f, _ in
        var out: [StallFinding] = []
        let pairs = Set(f.assessments.map { PairKey(member: $0.memberId, domain: $0.domain) })
        for p in pairs.sorted(by: { ($0.domain, $0.member) < ($1.domain, $1.member) }) {
            let h = f.history(member: p.member, domain: p.domain)
            guard h.count >= 2 else { continue }
            let prev = h[h.count - 2], last = h[h.count - 1]
            guard last.score < prev.score else { continue }
            let sev: Severity = (prev.score - last.score >= 2 || last.score == 1) ? .hoog : .middel
            out.append(finding(.scoreDaling, f, sev, last.date,
                               Evidence.scoreDaling(domain: p.domain, member: memberName(f, p.member), from: prev.score, to: last.score),
                               .domain(p.domain)))
        }
        return out
    }

    struct PairKey: Hashable { var member: Int64; var domain: String }

    /// Marked `geen hulpvraag` without an outreach plan or next attempt date (or the attempt is overdue).
    static let geenHulpvraag: Rule = { f, ctx in
        let h = f.household
        guard h.noHelpRequest else { return [] }
        let missingPlan = (h.outreachPlan ?? "").trimmed.isEmpty
        if let next = h.nextAttempt, !missingPlan {
            guard next < ctx.today else { return [] }
            return [finding(.geenHulpvraag, f, .middel, next, Evidence.geenHulpvraag(missingPlan: false, missingDate: false, overdue: next), .household)]
        }
        return [finding(.geenHulpvraag, f, .middel, h.activeSince,
                        Evidence.geenHulpvraag(missingPlan: missingPlan, missingDate: h.nextAttempt == nil, overdue: nil), .household)]
    }

    /// An escalation past its deadline without a decision.
    static let escalatieOpen: Rule = { f, ctx in
        f.escalations.compactMap { e in
            guard e.isOpen, e.deadline < ctx.today else { return nil }
            return finding(.escalatieOpen, f, .hoog, e.deadline,
                           Evidence.escalatieOpen(raisedTo: e.raisedTo, deadline: e.deadline, days: e.deadline.days(until: ctx.today)),
                           .escalation(e.id))
        }
    }
}
