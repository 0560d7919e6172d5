/// The stall signals of the supervisor's audit (DESIGN §5). The raw value is the stable id
/// used in filters, the config file, exports and the command line.
public enum StallRuleID: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case geenRegie = "geen-regie"
    case regieTeruggekaatst = "regie-teruggekaatst"
    case actieVerlopen = "actie-verlopen"
    case geparkeerd = "geparkeerd"
    case reviewVerlopen = "review-verlopen"
    case acuutZonderActie = "acuut-zonder-actie"
    case onvolledig = "onvolledig"
    case eenDomein = "een-domein"
    case wachtlijst = "wachtlijst"
    case wachtlijstKeten = "wachtlijst-keten"
    case voorliggend = "voorliggend"
    case overgang = "overgang"
    case indicatieEindigt = "indicatie-eindigt"
    case wmoWlz = "wmo-wlz"
    case toestemming = "toestemming"
    case geenContact = "geen-contact"
    case scoreDaling = "score-daling"
    case geenHulpvraag = "geen-hulpvraag"
    case escalatieOpen = "escalatie-open"
    case signaalZonderContact = "signaal-zonder-contact"

    public static func < (a: StallRuleID, b: StallRuleID) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The catalogue key of the rule's short name (e.g. "geen regisseur").
    public var titleKey: String { "signal.\(rawValue).title" }
    /// The catalogue key of the rule's explanation (what it means, which research finding it answers).
    public var explanationKey: String { "signal.\(rawValue).explanation" }
}

/// What a finding points at, so the UI can jump to it.
public enum EvidenceRef: Hashable, Sendable, Codable {
    case household
    case action(Int64)
    case domain(String)
    case member(Int64)
    case coordinator(Int64)
    case escalation(Int64)
    case consent(Int64)
    case meeting(Int64)
}

/// One fired signal for one household: how serious, since when, and the evidence.
public struct StallFinding: Hashable, Sendable, Codable {
    public var rule: StallRuleID
    public var householdId: Int64
    public var severity: Severity
    /// When the stall started; "days stalled" counts from here.
    public var since: Day
    public var evidence: Message
    public var ref: EvidenceRef

    public init(rule: StallRuleID, householdId: Int64, severity: Severity, since: Day, evidence: Message, ref: EvidenceRef) {
        self.rule = rule; self.householdId = householdId; self.severity = severity; self.since = since
        self.evidence = evidence; self.ref = ref
    }

    public func daysStalled(today: Day) -> Int { max(0, since.days(until: today)) }
}
