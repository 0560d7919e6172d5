/// The agenda for a household's meeting: open actions from earlier meetings first, then
/// the domains in the order of the domain set, with the ones scored 1–2 marked.
public struct Agenda: Sendable, Hashable {
    public struct DomainItem: Sendable, Hashable {
        public var code: String
        public var status: DomainStatus
        public var lowestScore: Int?
        /// Scored 1 or 2: discuss first and do not leave without an action or a reason.
        public var marked: Bool
        public var openActions: Int
    }

    public var previousActions: [Action]
    public var domains: [DomainItem]

    public static func build(_ f: CaseFile, meetingId: Int64?, domainOrder: [String]) -> Agenda {
        let previous = f.actions.filter { $0.isOpen && ($0.meetingId == nil || $0.meetingId != meetingId) }
            .filter { a in
                // Created in this meeting? Then it is new, not a previous action.
                guard let mid = meetingId, let m = f.meetings.first(where: { $0.id == mid }) else { return true }
                return a.createdOn < m.date || a.meetingId != mid
            }
            .sorted { ($0.due ?? Day(ordinal: Int.max), $0.id) < ($1.due ?? Day(ordinal: Int.max), $1.id) }
        let recorded = Set(f.domains.map(\.domain)).union(f.assessments.map(\.domain)).union(f.actions.map(\.domain))
        let codes = domainOrder + recorded.subtracting(domainOrder).sorted()
        let items = codes.map { c -> DomainItem in
            let low = f.lowestScore(domain: c)
            return DomainItem(code: c, status: f.domainState(c).status, lowestScore: low,
                              marked: (low ?? 5) <= 2, openActions: f.openActions(domain: c).count)
        }
        return Agenda(previousActions: previous, domains: items)
    }
}
