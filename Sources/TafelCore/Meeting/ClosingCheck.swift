/// A gap found when closing a meeting, with where to go to fix it.
///
/// Every gap has a stable `code` ("vague:12:monitoren"): the meeting stores the codes it was closed
/// over (and the ones the chair acknowledged), and the minutes word them again in the reader's
/// language, with today's names.
public enum Gap: Hashable, Sendable {
    case noCoordinator
    case domainWithoutAction(String)
    case actionIncomplete(action: Int64, missingOwner: Bool, missingDue: Bool)
    /// An action that leans on a watching verb ("monitoren"): which action, which word.
    case vagueAction(action: Int64, word: String)
    /// A current member who has never been scored in any domain.
    case memberNeverScored(member: Int64, name: String)
    /// Domains nobody has discussed, in this meeting or before: one line, acknowledged with one key.
    case domainsNotDiscussed(count: Int)
    case consentMissing(organisation: Int64, name: String)
    case noNextReview

    /// The agenda step where the gap is fixed.
    public var step: AgendaStep {
        switch self {
        case .noCoordinator: .coordinator
        case .domainWithoutAction, .actionIncomplete, .vagueAction, .memberNeverScored, .domainsNotDiscussed: .domains
        case .consentMissing: .opening
        case .noNextReview: .closing
        }
    }

    /// True for a gap the chair may settle by saying it is deliberate (one key), not by fixing it.
    public var isAcknowledgeable: Bool {
        if case .domainsNotDiscussed = self { return true }
        return false
    }

    /// What an acknowledgement is stored as: the kind, not the count (discussing one more domain
    /// after saying "deliberately" does not undo the acknowledgement).
    public var acknowledgement: String {
        if case .domainsNotDiscussed = self { return "not-discussed" }
        return code
    }

    public var message: Message {
        switch self {
        case .noCoordinator: return Message("gap.no-coordinator")
        case .domainWithoutAction(let d): return Message("gap.domain-without-action", .domain(d))
        case .actionIncomplete(_, let o, let d):
            return Message(o && d ? "gap.action-no-owner-due" : (o ? "gap.action-no-owner" : "gap.action-no-due"))
        case .vagueAction(_, let word): return Message("gap.vague", .text(word))
        case .memberNeverScored(_, let name): return Message("gap.member-never-scored", .text(name))
        case .domainsNotDiscussed(let n): return Message("gap.not-discussed", .number(n))
        case .consentMissing(_, let name): return Message("gap.consent-missing", .text(name))
        case .noNextReview: return Message("gap.no-next-review")
        }
    }

    /// A stable text form: kind and ids, no names (names are looked up again when read).
    public var code: String {
        switch self {
        case .noCoordinator: return "no-coordinator"
        case .domainWithoutAction(let d): return "domain:\(d)"
        case .actionIncomplete(let a, let o, let d): return "action:\(a):" + [o ? "owner" : nil, d ? "due" : nil].compactMap { $0 }.joined(separator: ",")
        case .vagueAction(let a, let w): return "vague:\(a):\(w)"
        case .memberNeverScored(let m, _): return "member:\(m)"
        case .domainsNotDiscussed(let n): return "not-discussed:\(n)"
        case .consentMissing(let o, _): return "consent:\(o)"
        case .noNextReview: return "no-next-review"
        }
    }

    /// A gap read back from its code, with names from the file and roster as they are now.
    public init?(code: String, file: CaseFile, roster: Roster) {
        let parts = code.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        func id(_ i: Int) -> Int64? { parts.indices.contains(i) ? Int64(parts[i]) : nil }
        switch parts.first ?? "" {
        case "no-coordinator": self = .noCoordinator
        case "domain" where parts.count == 2: self = .domainWithoutAction(parts[1])
        case "action":
            guard let a = id(1), parts.count == 3 else { return nil }
            let missing = parts[2].split(separator: ",")
            self = .actionIncomplete(action: a, missingOwner: missing.contains("owner"), missingDue: missing.contains("due"))
        case "vague":
            guard let a = id(1), parts.count == 3 else { return nil }
            self = .vagueAction(action: a, word: parts[2])
        case "member":
            guard let m = id(1) else { return nil }
            self = .memberNeverScored(member: m, name: file.member(m)?.name ?? "#\(m)")
        case "not-discussed":
            guard let n = id(1) else { return nil }
            self = .domainsNotDiscussed(count: Int(n))
        case "consent":
            guard let o = id(1) else { return nil }
            self = .consentMissing(organisation: o, name: roster.organisations[o]?.name ?? "#\(o)")
        case "no-next-review": self = .noNextReview
        default: return nil
        }
    }
}

/// The closing check: every gap that stands between this meeting and "one household, one plan,
/// one coordinator". Closing anyway needs a reason of real length (`minimumReasonLength`), and the
/// minutes list every gap the meeting was closed over with that reason.
public enum ClosingCheck {
    /// A reason for closing over gaps must say something: at least this many characters and
    /// `minimumReasonWords` words ("x" or "ok" does not close a meeting with gaps).
    public static let minimumReasonLength = 20
    public static let minimumReasonWords = 3

    public static func gaps(_ f: CaseFile, meeting: Meeting, roster: Roster, domainOrder: [String], today: Day? = nil) -> [Gap] {
        var gaps: [Gap] = []
        let day = today ?? meeting.date
        if f.activeCoordinator == nil { gaps.append(.noCoordinator) }
        let recorded = Set(f.domains.map(\.domain)).union(f.assessments.map(\.domain))
        for d in domainOrder + recorded.subtracting(domainOrder).sorted() {
            let st = f.domainState(d)
            let low = f.lowestScore(domain: d) ?? 5
            guard (low <= 2 && !st.status.meansNoNeed) || st.status == .zorg else { continue }
            if f.openActions(domain: d).isEmpty && (st.noActionReason ?? "").trimmed.isEmpty {
                gaps.append(.domainWithoutAction(d))
            }
        }
        for a in f.actions.sorted(by: { $0.id < $1.id }) where a.isOpen {
            if a.owner == nil || a.due == nil {
                gaps.append(.actionIncomplete(action: a.id, missingOwner: a.owner == nil, missingDue: a.due == nil))
            }
            if let word = SmartCheck.vagueWord(in: a.description) { gaps.append(.vagueAction(action: a.id, word: word)) }
        }
        let scored = Set(f.assessments.map(\.memberId))
        for m in f.currentMembers(on: day) where !scored.contains(m.id) {
            gaps.append(.memberNeverScored(member: m.id, name: m.name))
        }
        let notDiscussed = domainOrder.filter { !f.isDiscussed($0) && !meeting.domainsDiscussed.contains($0) }
        if !notDiscussed.isEmpty && !meeting.acknowledged.contains("not-discussed") {
            gaps.append(.domainsNotDiscussed(count: notDiscussed.count))
        }
        var seen = Set<Int64>()
        for at in f.attendees(of: meeting.id) where at.presence.attended {
            guard let org = at.organisationId ?? at.party.flatMap({ roster.organisationId(of: $0) }), seen.insert(org).inserted else { continue }
            if !f.consents.contains(where: { $0.organisationId == org && $0.isValid(on: meeting.date) }) {
                gaps.append(.consentMissing(organisation: org, name: roster.organisations[org]?.name ?? "#\(org)"))
            }
        }
        if meeting.nextReview == nil { gaps.append(.noNextReview) }
        return gaps
    }

    /// True when a reason for closing over gaps says enough.
    public static func isReasonEnough(_ reason: String) -> Bool {
        let t = reason.trimmed
        return t.count >= minimumReasonLength && t.split(whereSeparator: { $0 == " " || $0 == "\n" }).count >= minimumReasonWords
    }
}
