/// The stall rules: each a small named function over one household's file that says which
/// findings the household will produce and from which day each holds (`FindingCandidate`).
/// `evaluate` applies them to one day; the store keeps the candidates in an index so the audit of
/// a whole city is one range query. Only active households are audited; closed or cancelled
/// actions never count as open.
public enum StallRules {
    public typealias Rule = @Sendable (CaseFile, SignalContext) -> [FindingCandidate]

    /// Every rule, in the order of DESIGN §5 (wachtlijst and wachtlijst-keten share one rule function).
    public static let all: [(StallRuleID, Rule)] = [
        (.geenRegie, geenRegie), (.regieTeruggekaatst, regieTeruggekaatst), (.actieVerlopen, actieVerlopen),
        (.geparkeerd, geparkeerd), (.reviewVerlopen, reviewVerlopen), (.acuutZonderActie, acuutZonderActie),
        (.onvolledig, onvolledig), (.eenDomein, eenDomein), (.wachtlijst, wachtlijst), (.wachtlijstKeten, wachtlijstKeten),
        (.voorliggend, voorliggend), (.overgang, overgang), (.indicatieEindigt, indicatieEindigt), (.wmoWlz, wmoWlz),
        (.toestemming, toestemming), (.geenContact, geenContact),
        (.scoreDaling, scoreDaling), (.geenHulpvraag, geenHulpvraag), (.escalatieOpen, escalatieOpen),
        (.signaalZonderContact, signaalZonderContact),
    ]

    /// The rules that apply to a household still only signalled (aangemeld): no plan to audit yet,
    /// but a signal nobody followed up is exactly what must not stay invisible.
    static let forSignalled: Set<StallRuleID> = [.signaalZonderContact]

    /// The candidates of a household as it is now. `ctx.today` is not used: a candidate says itself
    /// on which days it holds.
    public static func candidates(_ file: CaseFile, _ ctx: SignalContext, only: Set<StallRuleID>? = nil) -> [FindingCandidate] {
        let status = file.household.status
        guard status != .afgesloten else { return [] }
        var out: [FindingCandidate] = []
        for (id, rule) in all where (only?.contains(id) ?? true) && (status == .actief || forSignalled.contains(id)) { out += rule(file, ctx) }
        return out
    }

    /// All findings for a household on `ctx.today`, most serious and oldest first.
    public static func evaluate(_ file: CaseFile, _ ctx: SignalContext, only: Set<StallRuleID>? = nil) -> [StallFinding] {
        candidates(file, ctx, only: only).compactMap { $0.finding(on: ctx.today) }
            .sorted { ($1.severity, $0.since.ordinal, $0.rule) < ($0.severity, $1.since.ordinal, $1.rule) }
    }

    static func candidate(_ rule: StallRuleID, _ f: CaseFile, _ sev: Severity, since: Day, firesOn: Day = FindingCandidate.always,
                          endsOn: Day? = nil, middelOn: Day? = nil, hoogOn: Day? = nil, _ ev: Message, _ ref: EvidenceRef) -> FindingCandidate {
        FindingCandidate(rule: rule, householdId: f.household.id, ref: ref, since: since, firesOn: firesOn, endsOn: endsOn,
                         severity: sev, middelOn: middelOn, hoogOn: hoogOn, evidence: ev)
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
        guard f.activeCoordinator == nil else { return [] }
        let need = f.domainsInNeed(domains(f, ctx)).count
        guard need >= t.geenRegieMinDomains else { return [] }
        return [candidate(.geenRegie, f, .hoog, since: since, firesOn: since.adding(days: t.geenRegieDays),
                          Evidence.geenRegie(activeSince: since, domainsInNeed: need), .household)]
    }

    /// ≥ 2 declined coordinator proposals within 90 days: "regel jij dat maar". As days pass, the
    /// oldest declines leave the window: one candidate per stretch of days with the same declines in it.
    static let regieTeruggekaatst: Rule = { f, ctx in
        let t = ctx.thresholds
        let declines = f.coordinators.filter { $0.status == .afgewezen }
            .sorted { (($0.decidedOn ?? $0.proposedOn), $0.id) < (($1.decidedOn ?? $1.proposedOn), $1.id) }
        guard declines.count >= t.bounceCount, let last = declines.last else { return [] }
        func day(_ c: CoordinatorAssignment) -> Day { c.decidedOn ?? c.proposedOn }
        var out: [FindingCandidate] = []
        // Stretch j: the declines j… are in the window (day(j) ≥ today − window), decline j−1 is not.
        for j in 0...(declines.count - t.bounceCount) {
            let fires = j == 0 ? day(last) : day(declines[j - 1]).adding(days: t.bounceWindowDays + 1)
            let ends = day(declines[j]).adding(days: t.bounceWindowDays + 1)
            guard fires < ends else { continue }
            out.append(candidate(.regieTeruggekaatst, f, .middel, since: day(declines[j]), firesOn: fires, endsOn: ends,
                                 Evidence.regieTeruggekaatst(declines: declines.count - j, lastReason: last.declineReason ?? ""),
                                 .coordinator(last.id)))
        }
        return out
    }

    // MARK: Actions

    /// An open action past its due date; severity grows at 7 and 28 days.
    static let actieVerlopen: Rule = { f, ctx in
        let t = ctx.thresholds
        return f.actions.compactMap { a in
            // An action waiting for an open prerequisite is waiting, not late: the prerequisite is.
            guard a.isOpen, let due = a.due, !f.isWaiting(a) else { return nil }
            let base = Evidence.overdueSeverity(days: t.overdueDays, t)
            return candidate(.actieVerlopen, f, base, since: due, firesOn: due.adding(days: t.overdueDays),
                             middelOn: due.adding(days: t.overdueMediumDays), hoogOn: due.adding(days: t.overdueHighDays),
                             Evidence.actieVerlopen(description: a.description, due: due, since: due), .action(a.id))
        }
    }

    /// An action carried over ≥ 2 times, or a domain in need discussed in ≥ 3 meetings without any action.
    static let geparkeerd: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [FindingCandidate] = []
        for a in f.actions where a.isOpen && a.carryOverCount >= t.parkedCarryOvers {
            out.append(candidate(.geparkeerd, f, .middel, since: a.createdOn,
                                 Evidence.geparkeerdAction(description: a.description, carried: a.carryOverCount), .action(a.id)))
        }
        let meetings = f.meetingsByDate
        for d in domains(f, ctx) where f.isInNeed(d) {
            let discussed = meetings.filter { $0.domainsDiscussed.contains(d) }
            guard discussed.count >= t.parkedMeetings, let first = discussed.first else { continue }
            if f.actions.contains(where: { $0.domain == d && ($0.isOpen || $0.createdOn >= first.date) }) { continue }
            out.append(candidate(.geparkeerd, f, .middel, since: first.date,
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
        return [candidate(.reviewVerlopen, f, .middel, since: ref.adding(days: cadence), firesOn: ref.adding(days: cadence + t.reviewGraceDays),
                          Evidence.reviewVerlopen(last: last, since: ref), .household)]
    }

    // MARK: Domains

    /// A domain scored 1 (acuut) with no open action for ≥ 2 days.
    static let acuutZonderActie: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [FindingCandidate] = []
        for d in domains(f, ctx) {
            guard f.openActions(domain: d).isEmpty else { continue }
            let acute = f.latestAssessments(domain: d).filter { $0.score == 1 }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            guard let a = acute.first else { continue }
            out.append(candidate(.acuutZonderActie, f, .hoog, since: a.date, firesOn: a.date.adding(days: t.acuteDays),
                                 Evidence.acuutZonderActie(domain: d, member: memberName(f, a.memberId), date: a.date), .domain(d)))
        }
        return out
    }

    /// A domain scored ≤ 2 (or with status zorg) without an open action and without a recorded reason.
    static let onvolledig: Rule = { f, ctx in
        var out: [FindingCandidate] = []
        for d in domains(f, ctx) where !(f.domainState(d).status.meansNoNeed) {
            let st = f.domainState(d)
            guard f.openActions(domain: d).isEmpty, (st.noActionReason ?? "").trimmed.isEmpty else { continue }
            let low = f.latestAssessments(domain: d).filter { $0.score <= 2 }
            if let worst = low.min(by: { ($0.score, $0.date.ordinal) < ($1.score, $1.date.ordinal) }) {
                let since = low.map(\.date).max()!
                out.append(candidate(.onvolledig, f, .middel, since: since, Evidence.onvolledig(domain: d, score: worst.score), .domain(d)))
            } else if st.status == .zorg {
                out.append(candidate(.onvolledig, f, .middel, since: st.updatedOn, Evidence.onvolledig(domain: d, score: nil), .domain(d)))
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
        return [candidate(.eenDomein, f, .middel, since: since, Evidence.eenDomein(domainsInNeed: need.count, domain: first.domain), .domain(first.domain))]
    }

    /// An action on the waiting list longer than 28 days (serious after twice that).
    static let wachtlijst: Rule = { f, ctx in
        let t = ctx.thresholds
        return f.actions.compactMap { a in
            guard a.status == .wachtlijst, let since = a.waitingSince else { return nil }
            return candidate(.wachtlijst, f, .middel, since: since, firesOn: since.adding(days: t.waitingDays),
                             hoogOn: since.adding(days: 2 * t.waitingDays),
                             Evidence.wachtlijst(description: a.description, since: since), .action(a.id))
        }
    }

    /// ≥ 2 waiting-list episodes on one domain that still needs help: chained waiting lists.
    static let wachtlijstKeten: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [FindingCandidate] = []
        for d in domains(f, ctx) where f.isInNeed(d) {
            let waited = f.actions.filter { $0.domain == d && $0.waitingEpisodes > 0 }
            let episodes = waited.reduce(0) { $0 + $1.waitingEpisodes }
            guard episodes >= t.waitingChainEpisodes, let since = waited.compactMap(\.waitingSince).min() else { continue }
            out.append(candidate(.wachtlijstKeten, f, .hoog, since: since, Evidence.wachtlijstKeten(domain: d, episodes: episodes), .domain(d)))
        }
        return out
    }

    /// ≥ 2 rejections with "voorliggende voorziening" on one domain still in need: ping-pong between laws.
    static let voorliggend: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [FindingCandidate] = []
        for d in domains(f, ctx) where f.isInNeed(d) {
            let rejected = f.actions.filter { $0.domain == d && $0.status == .afgewezen && $0.rejection?.code == .voorliggend }
            guard rejected.count >= t.precedenceRejections else { continue }
            let since = rejected.map { $0.closedOn ?? $0.createdOn }.min()!
            out.append(candidate(.voorliggend, f, .hoog, since: since, Evidence.voorliggend(domain: d, rejections: rejected.count), .domain(d)))
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
        var out: [FindingCandidate] = []
        for m in f.members {
            guard let b = m.eighteenthBirthday else { continue }
            // The first day from which the birthday lies within the window (month arithmetic clamps
            // at month ends, so the day is found rather than computed backwards).
            var first = b.adding(months: -t.transitionMonths).adding(days: -3)
            while first.adding(months: t.transitionMonths) < b { first = first.adding(days: 1) }
            out.append(candidate(.overgang, f, .hoog, since: b.adding(months: -t.transitionMonths), firesOn: first, endsOn: b,
                                 Evidence.overgang(member: m.name, birthday: b), .member(m.id)))
        }
        return out
    }

    /// An indication ends within the window (or ended within it) with no follow-up: no later
    /// indication for the same member and domain, and no open action in the domain.
    static let indicatieEindigt: Rule = { f, ctx in
        let window = ctx.thresholds.indicationEndDays
        var out: [FindingCandidate] = []
        for i in f.indications {
            guard let end = i.end else { continue }
            let renewed = f.indications.contains { $0.id != i.id && $0.memberId == i.memberId && $0.domain == i.domain && $0.start > i.start }
            let planned = f.actions.contains { $0.isOpen && $0.domain == i.domain }
            guard !renewed, !planned else { continue }
            let from = end.adding(days: -window)
            out.append(candidate(.indicatieEindigt, f, .middel, since: from, firesOn: from, endsOn: end.adding(days: window + 1), hoogOn: end,
                                 Evidence.indicatieEindigt(member: f.member(i.memberId)?.name ?? "#\(i.memberId)", law: i.law,
                                                           provider: i.provider, end: end), .member(i.memberId)))
        }
        return out
    }

    /// The domains whose lasting low scores under Wmo help point to the Wlz (long-term care).
    static let wlzDomains = ("basale-adl", "lichamelijke-gezondheid")

    /// A member with a Wmo indication whose scores on Basale ADL and Lichamelijke gezondheid have
    /// both stayed at or below the threshold for the set period, and no Wlz indication: whether
    /// the Wlz is the right law is to be looked into (*Wmo → Wlz*).
    static let wmoWlz: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [FindingCandidate] = []
        var seen = Set<Int64>()
        for i in f.indications where i.law == .wmo2015 && !seen.contains(i.memberId) {
            guard !f.indications.contains(where: { $0.memberId == i.memberId && $0.law == .wlz }) else { continue }
            /// Since when the member's scores in a domain have stayed low (nil when the latest is not).
            func lowSince(_ domain: String) -> (Day, Int)? {
                let history = f.history(member: i.memberId, domain: domain)
                guard let last = history.last, last.score <= t.wmoWlzMaxScore else { return nil }
                var since = last.date
                for a in history.reversed() { if a.score <= t.wmoWlzMaxScore { since = a.date } else { break } }
                return (since, last.score)
            }
            guard let adl = lowSince(wlzDomains.0), let health = lowSince(wlzDomains.1) else { continue }
            seen.insert(i.memberId)
            let since = max(adl.0, health.0, i.start)
            out.append(candidate(.wmoWlz, f, .middel, since: since, firesOn: since.adding(days: t.wmoWlzDays), endsOn: i.end,
                                 Evidence.wmoWlz(member: f.member(i.memberId)?.name ?? "#\(i.memberId)", provider: i.provider,
                                                 adl: adl.1, health: health.1, since: since), .member(i.memberId)))
        }
        return out
    }

    /// A recent meeting shared data with an organisation without a valid basis, or a consent expires soon.
    static let toestemming: Rule = { f, ctx in
        let t = ctx.thresholds
        var out: [FindingCandidate] = []
        var reported = Set<Int64>()
        // The most recent meeting with an organisation without a basis is the one named, for as long
        // as it lies within the look-back window.
        for m in f.meetingsByDate.reversed() {
            for a in f.attendees(of: m.id) where a.presence.attended {
                guard let org = a.organisationId ?? a.party.flatMap({ ctx.roster.organisationId(of: $0) }),
                      !reported.contains(org) else { continue }
                if f.consents.contains(where: { $0.organisationId == org && $0.isValid(on: m.date) }) { continue }
                reported.insert(org)
                let name = ctx.roster.organisations[org]?.name ?? "#\(org)"
                out.append(candidate(.toestemming, f, .hoog, since: m.date, firesOn: m.date, endsOn: m.date.adding(days: t.consentLookbackDays + 1),
                                     Evidence.toestemmingMeeting(organisation: name, meeting: m.date), .meeting(m.id)))
            }
        }
        for c in f.consents where c.basis == .toestemming {
            guard let exp = c.expiresOn else { continue }
            let name = ctx.roster.organisations[c.organisationId]?.name ?? "#\(c.organisationId)"
            let from = exp.adding(days: -t.consentExpiryDays)
            out.append(candidate(.toestemming, f, .middel, since: from, firesOn: from, endsOn: exp.adding(days: 1),
                                 Evidence.toestemmingExpiry(organisation: name, expires: exp), .consent(c.id)))
        }
        return out
    }

    /// No contact logged for ≥ 30 days.
    static let geenContact: Rule = { f, ctx in
        let t = ctx.thresholds
        let last = f.lastContactDate
        let ref = last ?? f.household.activeSince
        return [candidate(.geenContact, f, .middel, since: ref, firesOn: ref.adding(days: t.noContactDays),
                          Evidence.geenContact(last: last, since: ref), .household)]
    }

    /// A member's score in a domain dropped between the last two assessments.
    static let scoreDaling: Rule = { f, _ in
        var out: [FindingCandidate] = []
        let pairs = Set(f.assessments.map { PairKey(member: $0.memberId, domain: $0.domain) })
        for p in pairs.sorted(by: { ($0.domain, $0.member) < ($1.domain, $1.member) }) {
            let h = f.history(member: p.member, domain: p.domain)
            guard h.count >= 2 else { continue }
            let prev = h[h.count - 2], last = h[h.count - 1]
            guard last.score < prev.score else { continue }
            let sev: Severity = (prev.score - last.score >= 2 || last.score == 1) ? .hoog : .middel
            out.append(candidate(.scoreDaling, f, sev, since: last.date,
                                 Evidence.scoreDaling(domain: p.domain, member: memberName(f, p.member), from: prev.score, to: last.score),
                                 .domain(p.domain)))
        }
        return out
    }

    struct PairKey: Hashable { var member: Int64; var domain: String }

    /// Marked `geen hulpvraag` without an outreach plan or next attempt date (or the attempt is overdue).
    static let geenHulpvraag: Rule = { f, _ in
        let h = f.household
        guard h.noHelpRequest else { return [] }
        let missingPlan = (h.outreachPlan ?? "").trimmed.isEmpty
        if let next = h.nextAttempt, !missingPlan {
            return [candidate(.geenHulpvraag, f, .middel, since: next, firesOn: next.adding(days: 1),
                              Evidence.geenHulpvraag(missingPlan: false, missingDate: false, overdue: next), .household)]
        }
        return [candidate(.geenHulpvraag, f, .middel, since: h.activeSince,
                          Evidence.geenHulpvraag(missingPlan: missingPlan, missingDate: h.nextAttempt == nil, overdue: nil), .household)]
    }

    /// An escalation past its deadline without a decision.
    static let escalatieOpen: Rule = { f, _ in
        f.escalations.compactMap { e in
            guard e.isOpen else { return nil }
            return candidate(.escalatieOpen, f, .hoog, since: e.deadline, firesOn: e.deadline.adding(days: 1),
                             Evidence.escalatieOpen(raisedTo: e.raisedTo, deadline: e.deadline, since: e.deadline), .escalation(e.id))
        }
    }

    /// A signal with no contact since: from the first signal the household is in view, and no one
    /// has been in touch (counts for households still only signalled, too).
    static let signaalZonderContact: Rule = { f, ctx in
        let t = ctx.thresholds
        guard let first = f.signals.min(by: { ($0.date, $0.id) < ($1.date, $1.id) }) else { return [] }
        if f.contacts.contains(where: { $0.date >= first.date }) { return [] }
        let sev: Severity = f.household.status == .aangemeld ? .hoog : .middel
        return [candidate(.signaalZonderContact, f, sev, since: first.date, firesOn: first.date.adding(days: t.signalContactDays),
                          Evidence.signaalZonderContact(source: first.source, date: first.date), .household)]
    }
}
