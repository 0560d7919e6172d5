/// The agenda steps of a case conference, in order.
public enum AgendaStep: String, Codable, CaseIterable, Sendable, Hashable, Comparable {
    case opening
    case ownView = "wat-wil-het-gezin"
    case previousActions = "vorige-afspraken"
    case domains = "leefgebieden"
    case coordinator = "regie"
    case closing = "afsluiten"

    public var index: Int { AgendaStep.allCases.firstIndex(of: self)! }
    public static func < (a: AgendaStep, b: AgendaStep) -> Bool { a.index < b.index }
}

/// Whether a meeting is still going on.
public enum MeetingStatus: String, Codable, Sendable, Hashable {
    case open
    case closed = "gesloten"
}

/// A case conference (overleg) about one household.
public struct Meeting: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var date: Day
    /// Seconds since 1970 when the meeting started / ended (for the timer and the minutes).
    public var startedAt: Int64?
    public var endedAt: Int64?
    public var chairId: Int64?
    public var minuteTakerId: Int64?
    public var householdPresent: Bool
    public var consentChecked: Bool
    public var timeboxMinutes: Int
    public var currentStep: AgendaStep
    public var stepsCompleted: [AgendaStep]
    /// Decisions, one per line.
    public var decisions: [String]
    public var nextReview: Day?
    /// The reason typed when the meeting was closed with open gaps.
    public var gapReason: String?
    /// Domains discussed in this meeting (for `geparkeerd`: discussed again and again without action).
    public var domainsDiscussed: [String]
    public var status: MeetingStatus
    public var version: Int

    public init(id: Int64, householdId: Int64, date: Day, startedAt: Int64? = nil, endedAt: Int64? = nil,
                chairId: Int64? = nil, minuteTakerId: Int64? = nil, householdPresent: Bool = false,
                consentChecked: Bool = false, timeboxMinutes: Int = 15, currentStep: AgendaStep = .opening,
                stepsCompleted: [AgendaStep] = [], decisions: [String] = [], nextReview: Day? = nil,
                gapReason: String? = nil, domainsDiscussed: [String] = [], status: MeetingStatus = .open, version: Int = 1) {
        self.id = id; self.householdId = householdId; self.date = date; self.startedAt = startedAt
        self.endedAt = endedAt; self.chairId = chairId; self.minuteTakerId = minuteTakerId
        self.householdPresent = householdPresent; self.consentChecked = consentChecked
        self.timeboxMinutes = timeboxMinutes; self.currentStep = currentStep; self.stepsCompleted = stepsCompleted
        self.decisions = decisions; self.nextReview = nextReview; self.gapReason = gapReason
        self.domainsDiscussed = domainsDiscussed; self.status = status; self.version = version
    }
}

/// Someone at a meeting: a party from the roster or household, or a named guest.
public struct Attendee: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var meetingId: Int64
    public var party: PartyRef?
    /// For guests without a record (e.g. an interpreter).
    public var guestName: String?
    public var organisationId: Int64?
    public var presence: Presence

    public init(id: Int64, meetingId: Int64, party: PartyRef? = nil, guestName: String? = nil,
                organisationId: Int64? = nil, presence: Presence = .aanwezig) {
        self.id = id; self.meetingId = meetingId; self.party = party; self.guestName = guestName
        self.organisationId = organisationId; self.presence = presence
    }
}

/// The basis for sharing a member's data with an organisation for a purpose.
public struct Consent: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var memberId: Int64?
    public var organisationId: Int64
    public var purpose: String
    public var basis: ConsentBasis
    public var givenOn: Day?
    public var expiresOn: Day?
    public var recordedBy: Int64?

    public init(id: Int64, householdId: Int64, memberId: Int64? = nil, organisationId: Int64, purpose: String,
                basis: ConsentBasis, givenOn: Day? = nil, expiresOn: Day? = nil, recordedBy: Int64? = nil) {
        self.id = id; self.householdId = householdId; self.memberId = memberId; self.organisationId = organisationId
        self.purpose = purpose; self.basis = basis; self.givenOn = givenOn; self.expiresOn = expiresOn
        self.recordedBy = recordedBy
    }

    /// True when the consent gives a basis on `day` (not `geen`, started, not expired).
    public func isValid(on day: Day) -> Bool {
        basis != .geen && (givenOn.map { $0 <= day } ?? true) && (expiresOn.map { day <= $0 } ?? true)
    }
}

/// A blocked case raised to someone with authority to decide (opschaling, doorzettingsmacht).
public struct Escalation: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var reason: String
    public var raisedBy: Int64?
    public var raisedTo: String
    public var raisedOn: Day
    public var deadline: Day
    public var decision: String?
    public var decidedOn: Day?

    public init(id: Int64, householdId: Int64, reason: String, raisedBy: Int64? = nil, raisedTo: String,
                raisedOn: Day, deadline: Day, decision: String? = nil, decidedOn: Day? = nil) {
        self.id = id; self.householdId = householdId; self.reason = reason; self.raisedBy = raisedBy
        self.raisedTo = raisedTo; self.raisedOn = raisedOn; self.deadline = deadline
        self.decision = decision; self.decidedOn = decidedOn
    }

    public var isOpen: Bool { decision == nil }
}

/// A contact with the household (drives "days since last contact").
public struct Contact: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var date: Day
    public var professionalId: Int64?
    public var withWhom: String
    public var kind: ContactKind
    public var note: String

    public init(id: Int64, householdId: Int64, date: Day, professionalId: Int64? = nil, withWhom: String,
                kind: ContactKind, note: String = "") {
        self.id = id; self.householdId = householdId; self.date = date; self.professionalId = professionalId
        self.withWhom = withWhom; self.kind = kind; self.note = note
    }
}
