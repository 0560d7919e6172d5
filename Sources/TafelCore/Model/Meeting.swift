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
    /// The closing check's gaps the meeting was closed over (`Gap.code`), listed in the minutes.
    public var gapsClosedOver: [String]
    /// Gaps the chair said were deliberate (`Gap.acknowledgement`, e.g. "not-discussed").
    public var acknowledged: [String]
    public var status: MeetingStatus
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case id, householdId, date, startedAt, endedAt, chairId, minuteTakerId, householdPresent, consentChecked, timeboxMinutes
        case currentStep, stepsCompleted, decisions, nextReview, gapReason, domainsDiscussed, gapsClosedOver, acknowledged, status, version
    }

    /// Exports written before the closing check kept its gaps have neither list: both start empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        householdId = try c.decode(Int64.self, forKey: .householdId)
        date = try c.decode(Day.self, forKey: .date)
        startedAt = try c.decodeIfPresent(Int64.self, forKey: .startedAt)
        endedAt = try c.decodeIfPresent(Int64.self, forKey: .endedAt)
        chairId = try c.decodeIfPresent(Int64.self, forKey: .chairId)
        minuteTakerId = try c.decodeIfPresent(Int64.self, forKey: .minuteTakerId)
        householdPresent = try c.decode(Bool.self, forKey: .householdPresent)
        consentChecked = try c.decode(Bool.self, forKey: .consentChecked)
        timeboxMinutes = try c.decode(Int.self, forKey: .timeboxMinutes)
        currentStep = try c.decode(AgendaStep.self, forKey: .currentStep)
        stepsCompleted = try c.decode([AgendaStep].self, forKey: .stepsCompleted)
        decisions = try c.decode([String].self, forKey: .decisions)
        nextReview = try c.decodeIfPresent(Day.self, forKey: .nextReview)
        gapReason = try c.decodeIfPresent(String.self, forKey: .gapReason)
        domainsDiscussed = try c.decode([String].self, forKey: .domainsDiscussed)
        gapsClosedOver = try c.decodeIfPresent([String].self, forKey: .gapsClosedOver) ?? []
        acknowledged = try c.decodeIfPresent([String].self, forKey: .acknowledged) ?? []
        status = try c.decode(MeetingStatus.self, forKey: .status)
        version = try c.decode(Int.self, forKey: .version)
    }

    public init(id: Int64, householdId: Int64, date: Day, startedAt: Int64? = nil, endedAt: Int64? = nil,
                chairId: Int64? = nil, minuteTakerId: Int64? = nil, householdPresent: Bool = false,
                consentChecked: Bool = false, timeboxMinutes: Int = 15, currentStep: AgendaStep = .opening,
                stepsCompleted: [AgendaStep] = [], decisions: [String] = [], nextReview: Day? = nil,
                gapReason: String? = nil, domainsDiscussed: [String] = [], gapsClosedOver: [String] = [], acknowledged: [String] = [],
                status: MeetingStatus = .open, version: Int = 1) {
        self.id = id; self.householdId = householdId; self.date = date; self.startedAt = startedAt
        self.endedAt = endedAt; self.chairId = chairId; self.minuteTakerId = minuteTakerId
        self.householdPresent = householdPresent; self.consentChecked = consentChecked
        self.timeboxMinutes = timeboxMinutes; self.currentStep = currentStep; self.stepsCompleted = stepsCompleted
        self.decisions = decisions; self.nextReview = nextReview; self.gapReason = gapReason
        self.domainsDiscussed = domainsDiscussed; self.gapsClosedOver = gapsClosedOver; self.acknowledged = acknowledged
        self.status = status; self.version = version
    }
}
