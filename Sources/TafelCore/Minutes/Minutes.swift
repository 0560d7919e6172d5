/// Who a report is for: the team, the household (plain language, no scores), or one
/// organisation (only its own actions).
public enum MinutesAudience: Hashable, Sendable {
    case team
    case household
    case organisation(Int64)
}

/// The content of the minutes (verslag) of one meeting, independent of format and language.
/// Built by `Minutes.build`, rendered by `MinutesRenderer` as Markdown or HTML.
public struct Minutes: Sendable, Hashable {
    public struct ScoreChange: Sendable, Hashable {
        public var member: String
        public var before: Int?
        public var after: Int?
        public var ownScore: Int?
    }

    public struct DomainSummary: Sendable, Hashable {
        public var code: String
        public var status: DomainStatus
        public var situation: String
        public var ownWords: String
        public var scores: [ScoreChange]
        public var noActionReason: String?
    }

    public struct ActionLine: Sendable, Hashable {
        public var id: Int64
        public var owner: String
        public var ownerOrganisation: Int64?
        public var description: String
        public var due: Day?
        public var framework: LegalFramework?
        public var domain: String
        public var member: String?
        public var agreement: Agreement
        public var status: ActionStatus
        public var isNew: Bool
        public var carryOverCount: Int
    }

    public struct PreviousAction: Sendable, Hashable {
        public var description: String
        public var owner: String
        public var outcome: Message
    }

    public struct Person: Sendable, Hashable {
        public var name: String
        public var organisation: String?
        public var phone: String?
        public var email: String?
    }

    public struct Decline: Sendable, Hashable {
        public var name: String
        public var reason: String
    }

    public var householdName: String
    public var meetingId: Int64
    public var date: Day
    public var chair: String?
    public var minuteTaker: String?
    public var present: [String]
    public var online: [String]
    public var apologies: [String]
    public var householdPresent: Bool
    public var ownView: String
    /// The household members at the table when the family's words were heard (whose words they are).
    public var ownViewBy: [String] = []
    public var domains: [DomainSummary]
    public var previousActions: [PreviousAction]
    public var decisions: [String]
    public var actions: [ActionLine]
    public var coordinator: Person?
    public var declines: [Decline]
    public var nextReview: Day?
    public var gapReason: String?
    /// The closing check's gaps the meeting was closed over (with the action each one is about),
    /// and what the chair called deliberate.
    public var gapsClosedOver: [GapLine] = []
    public var acknowledged: [Message] = []
    public var closed: Bool
    /// The consent register as it stood on the meeting's day: per organisation, the members it
    /// covers (nil: the whole household). Decides what an organisation's extract may hold.
    public var sharing: [Int64: [String?]] = [:]
    /// The course of each domain in these minutes up to this meeting (for the chart in the HTML).
    public var trajectories: [String: Trajectory] = [:]
    /// How the household reaches the organisations doing their actions, from the sociale kaart.
    public var reachOut: [PlanContact] = []

    /// One line of "how to reach them" in the household's plan.
    public struct PlanContact: Sendable, Hashable {
        public var service: String
        public var contact: String
        public var phone: String?
        public var email: String?
    }

    /// Builds the minutes of a meeting from the household file.
    public static func build(_ f: CaseFile, meetingId: Int64, roster: Roster, domainOrder: [String], services: [Service] = []) throws -> Minutes {
        guard let m = f.meetings.first(where: { $0.id == meetingId }) else { throw DomainError.notFound(entity: "meeting", id: meetingId) }
        let dir = PartyDirectory(roster: roster, file: f)
        let attendees = f.attendees(of: m.id)
        func names(_ p: Presence) -> [String] { attendees.filter { $0.presence == p }.map { dir.name($0) } }

        var domains: [DomainSummary] = []
        let recorded = Set(f.domains.map(\.domain)).union(f.assessments.map(\.domain))
        for code in domainOrder + recorded.subtracting(domainOrder).sorted() {
            let st = f.domainState(code)
            let discussed = m.domainsDiscussed.contains(code)
            var scores: [ScoreChange] = []
            for member in f.members {
                let h = f.history(member: member.id, domain: code).filter { $0.date <= m.date }
                guard let last = h.last else { continue }
                let before = h.dropLast().last?.score
                scores.append(ScoreChange(member: member.name, before: before, after: last.score, ownScore: last.ownScore))
            }
            guard discussed || f.isDiscussed(code) else { continue }
            domains.append(DomainSummary(code: code, status: f.shownStatus(code), situation: st.situation, ownWords: st.ownWords,
                                         scores: scores, noActionReason: st.noActionReason))
        }

        var previous: [PreviousAction] = []
        for a in f.actions.sorted(by: { $0.id < $1.id }) where a.meetingId != m.id && a.createdOn < m.date {
            let owner = a.owner.map(dir.name) ?? "—"
            if a.closedOn == m.date, let r = a.closeReason {
                previous.append(PreviousAction(description: a.description, owner: owner, outcome: Message("minutes.closed", .key("vocab.closeReason.\(r.rawValue)"))))
            } else if a.closedOn == m.date, a.status == .afgewezen, let code = a.rejection?.code {
                let outcome = a.rejection?.law.map { Message("minutes.rejected-law", .key("vocab.rejectionReason.\(code.rawValue)"), .key("vocab.framework.\($0.rawValue)")) }
                    ?? Message("minutes.rejected", .key("vocab.rejectionReason.\(code.rawValue)"))
                previous.append(PreviousAction(description: a.description, owner: owner, outcome: outcome))
            } else if a.isOpen {
                let key = a.carryOverCount > 0 ? "minutes.carried" : "minutes.continues"
                previous.append(PreviousAction(description: a.description, owner: owner,
                                               outcome: Message(key, a.due.map { .day($0) } ?? .text("—"), .number(a.carryOverCount))))
            }
        }

        let actions = f.actions.filter { $0.isOpen }.sorted { ($0.due ?? Day(ordinal: Int.max), $0.id) < ($1.due ?? Day(ordinal: Int.max), $1.id) }
            .map { a in
                ActionLine(id: a.id, owner: a.owner.map(dir.nameWithOrganisation) ?? "—",
                           ownerOrganisation: a.owner.flatMap(dir.organisationId), description: a.description, due: a.due,
                           framework: a.framework, domain: a.domain, member: a.memberId.flatMap { f.member($0)?.name },
                           agreement: a.agreement, status: a.status, isNew: a.meetingId == m.id, carryOverCount: a.carryOverCount)
            }

        var coordinator: Person? = nil
        if let c = f.activeCoordinator {
            let contact = dir.contact(c.coordinator)
            var org: String? = nil
            if c.coordinator.kind == .professional, let oid = roster.professionals[c.coordinator.id]?.organisationId {
                org = roster.organisations[oid]?.name
            }
            coordinator = Person(name: dir.name(c.coordinator), organisation: org, phone: contact.phone, email: contact.email)
        }
        let declines = f.coordinators.filter { $0.status == .afgewezen && $0.decidedOn == m.date }
            .map { Decline(name: dir.nameWithOrganisation($0.coordinator), reason: $0.declineReason ?? "") }

        var sharing: [Int64: [String?]] = [:]
        for c in f.consents where c.isValid(on: m.date) {
            sharing[c.organisationId, default: []].append(c.memberId.flatMap { f.member($0)?.name })
        }

        var minutes = Minutes(householdName: f.household.name, meetingId: m.id, date: m.date,
                       chair: m.chairId.flatMap { roster.professionals[$0]?.name },
                       minuteTaker: m.minuteTakerId.flatMap { roster.professionals[$0]?.name },
                       present: names(.aanwezig), online: names(.online), apologies: names(.afwezigMetBericht),
                       householdPresent: f.householdAttended(m.id), ownView: f.household.ownView,
                       ownViewBy: f.membersAttending(m.id).map(\.name), domains: domains,
                       previousActions: previous, decisions: m.decisions, actions: actions, coordinator: coordinator,
                       declines: declines, nextReview: m.nextReview, gapReason: m.gapReason,
                       gapsClosedOver: m.gapsClosedOver.map { code in
                           // An action gap names the action, so the reader knows which one.
                           guard let gap = Gap(code: code, file: f, roster: roster) else { return GapLine(message: Message("common.text", .text(code)), action: nil) }
                           switch gap {
                           case .actionIncomplete(let id, _, _), .vagueAction(let id, _):
                               return GapLine(message: gap.message, action: f.action(id)?.description ?? "#\(id)")
                           default: return GapLine(message: gap.message, action: nil)
                           }
                       },
                       acknowledged: m.acknowledged.map { $0 == "not-discussed" ? Message("gap.not-discussed-done") : Message("common.text", .text($0)) },
                       closed: m.status == .closed)
        minutes.sharing = sharing
        // For each action an organisation (or one of its people) does, the kaart's way to reach it
        // for that domain in the household's wijk; each service once.
        for a in actions {
            guard let org = a.ownerOrganisation.flatMap({ roster.organisations[$0] }),
                  let s = services.first(where: { $0.organisation.lowercased() == org.name.lowercased() && $0.serves(domain: a.domain, wijk: f.household.wijk) }),
                  !minutes.reachOut.contains(where: { $0.service == s.name }) else { continue }
            minutes.reachOut.append(PlanContact(service: s.name, contact: s.contact, phone: s.phone, email: s.email))
        }
        for d in domains {
            let course = Trajectory.build(f, domain: d.code, until: m.date)
            if course.points.count > 1 { minutes.trajectories[d.code] = course }
        }
        return minutes
    }

    /// The actions an organisation sees in its extract: those owned by it or by its people, and
    /// only as far as the consent register allows — an action about one member needs consent for
    /// that member or for the whole household; one about the household needs the whole household.
    public func actions(for organisation: Int64) -> [ActionLine] {
        guard let covered = sharing[organisation] else { return [] }
        let whole = covered.contains { $0 == nil }
        return actions.filter { a in
            a.ownerOrganisation == organisation && (whole || (a.member.map { covered.contains($0) } ?? false))
        }
    }

    /// Whether anything about the household may be shared with this organisation at all.
    public func mayShare(with organisation: Int64) -> Bool { !(sharing[organisation] ?? []).isEmpty }
}

/// One gap a meeting was closed over, as the minutes list it.
public struct GapLine: Sendable, Hashable {
    public var message: Message
    /// The description of the action the gap is about, if it is about one.
    public var action: String?
}
