/// Why a request was rejected: a reason code, and for `voorliggend` the law that takes precedence.
public struct Rejection: Codable, Hashable, Sendable {
    public var code: RejectionCode
    public var law: LegalFramework?
    public init(_ code: RejectionCode, law: LegalFramework? = nil) { self.code = code; self.law = law }
}

/// An agreed action (afspraak): who does what by when, in which life domain.
public struct Action: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    /// Required: every action belongs to a life domain.
    public var domain: String
    public var memberId: Int64?
    public var description: String
    public var owner: PartyRef?
    public var due: Day?
    public var status: ActionStatus
    /// The meeting that created it.
    public var meetingId: Int64?
    public var createdOn: Day
    /// How often it was carried over to a new due date in a meeting.
    public var carryOverCount: Int
    public var closeReason: CloseReason?
    public var replacedBy: Int64?
    public var closedOn: Day?
    public var rejection: Rejection?
    public var framework: LegalFramework?
    public var agreement: Agreement
    /// Actions this one waits for ("intake schuldhulp waits for ID document").
    public var dependsOn: [Int64]
    /// Start of the current (or last) waiting-list episode.
    public var waitingSince: Day?
    /// How many waiting-list episodes this action has had.
    public var waitingEpisodes: Int
    /// Tagged as preparing a transition (turning 18, Wmo → Wlz).
    public var transition: Bool
    public var version: Int

    public init(id: Int64, householdId: Int64, domain: String, memberId: Int64? = nil, description: String,
                owner: PartyRef? = nil, due: Day? = nil, status: ActionStatus = .open, meetingId: Int64? = nil,
                createdOn: Day, carryOverCount: Int = 0, closeReason: CloseReason? = nil, replacedBy: Int64? = nil,
                closedOn: Day? = nil, rejection: Rejection? = nil, framework: LegalFramework? = nil,
                agreement: Agreement = .nietGevraagd, dependsOn: [Int64] = [], waitingSince: Day? = nil,
                waitingEpisodes: Int = 0, transition: Bool = false, version: Int = 1) {
        self.id = id; self.householdId = householdId; self.domain = domain; self.memberId = memberId
        self.description = description; self.owner = owner; self.due = due; self.status = status
        self.meetingId = meetingId; self.createdOn = createdOn; self.carryOverCount = carryOverCount
        self.closeReason = closeReason; self.replacedBy = replacedBy; self.closedOn = closedOn
        self.rejection = rejection; self.framework = framework; self.agreement = agreement
        self.dependsOn = dependsOn; self.waitingSince = waitingSince; self.waitingEpisodes = waitingEpisodes
        self.transition = transition; self.version = version
    }

    public var isOpen: Bool { status.isOpen }
}
