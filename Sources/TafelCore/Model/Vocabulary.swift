/// The closed vocabularies of the model. Raw values are the codes used in the database,
/// the export format and `reference.json` (which holds their Dutch and English labels).
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {
    /// The name of the vocabulary in `reference.json`.
    static var vocabularyName: String { get }
}

/// Where a household is in its lifecycle.
public enum HouseholdStatus: String, Vocabulary {
    case aangemeld, actief, afgesloten
    public static let vocabularyName = "householdStatus"
}

/// A household's status in one life domain. `nietBesproken` (not discussed) is kept
/// apart from `geenZorg` (discussed, no need): silence is not the same as "fine".
public enum DomainStatus: String, Vocabulary {
    case nietBesproken = "niet-besproken"
    case geenZorg = "geen-zorg"
    case zorg
    case inBehandeling = "in-behandeling"
    case wachtlijst
    case opgelost
    public static let vocabularyName = "domainStatus"

    /// Statuses that mean the household needs something in this domain.
    public var meansNeed: Bool { self == .zorg || self == .inBehandeling || self == .wachtlijst }
    /// Statuses that say explicitly there is no (longer a) need.
    public var meansNoNeed: Bool { self == .geenZorg || self == .opgelost }
}

/// The status of an agreed action (afspraak).
public enum ActionStatus: String, Vocabulary {
    case open, bezig, wachtlijst, afgewezen, gedaan, vervallen
    public static let vocabularyName = "actionStatus"

    /// Open, in progress or waiting: the action is still part of the live plan.
    public var isOpen: Bool { self == .open || self == .bezig || self == .wachtlijst }
    /// Done or cancelled: needs a close reason.
    public var isClosed: Bool { self == .gedaan || self == .vervallen }
}

/// Why an action was closed.
public enum CloseReason: String, Vocabulary {
    case gedaan
    case nietGedaanDoorEigenaar = "niet-gedaan-door-eigenaar"
    case nietMogelijk = "niet-mogelijk"
    case vervangenDoor = "vervangen-door"
    public static let vocabularyName = "closeReason"
}

/// Why a request was rejected; `voorliggend` names the law that takes precedence.
public enum RejectionCode: String, Vocabulary {
    case voorliggend
    case geenPassendKader = "geen-passend-kader"
    case eigenBijdrage = "eigen-bijdrage"
    case nietInAanmerking = "niet-in-aanmerking"
    case capaciteit
    public static let vocabularyName = "rejectionReason"
}

/// The laws that fund support.
public enum LegalFramework: String, Vocabulary {
    case wmo2015 = "wmo-2015"
    case jeugdwet
    case participatiewet
    case zvw
    case wlz
    case wgs
    case wsnp
    case passendOnderwijs = "passend-onderwijs"
    case geen
    public static let vocabularyName = "framework"
}

/// Whether the household agrees with an action.
public enum Agreement: String, Vocabulary {
    case eens, oneens
    case nietGevraagd = "niet-gevraagd"
    public static let vocabularyName = "agreement"
}

/// A professional's role in tafel (what they may see and do).
public enum TafelRole: String, Vocabulary {
    case medewerker, voorzitter, teamleider, beheerder
    public static let vocabularyName = "role"
}

/// A member's place in the household.
public enum MemberRole: String, Vocabulary {
    case ouder, kind, partner, grootouder, overig
    public static let vocabularyName = "memberRole"
}

/// Kinds of informal participants.
public enum InformalKind: String, Vocabulary {
    case mantelzorger, vrijwilliger, ervaringsdeskundige, overig
    public static let vocabularyName = "informalKind"
}

/// Kinds of contact in the contact log.
public enum ContactKind: String, Vocabulary {
    case huisbezoek, telefoon, overleg, email, spreekuur, anders
    public static let vocabularyName = "contactKind"
}

/// A compulsory framework that applies to a household.
public enum CompulsoryFramework: String, Vocabulary {
    case jeugdbescherming, wvggz, wzd, reclassering
    public static let vocabularyName = "compulsoryFramework"
}

/// The basis for sharing data with an organisation.
public enum ConsentBasis: String, Vocabulary {
    case toestemming
    case wettelijkeGrondslag = "wettelijke-grondslag"
    case geen
    public static let vocabularyName = "consentBasis"
}

/// How someone attended a meeting.
public enum Presence: String, Vocabulary {
    case aanwezig, online
    case afwezigMetBericht = "afwezig-met-bericht"
    public static let vocabularyName = "presence"

    /// Present in the room or online: data discussed was shared with them.
    public var attended: Bool { self != .afwezigMetBericht }
}

/// The state of a coordinator proposal.
public enum CoordinatorStatus: String, Vocabulary {
    case voorgesteld, geaccepteerd, afgewezen, beeindigd
    public static let vocabularyName = "coordinatorStatus"
}

/// How serious a stall signal is.
public enum Severity: String, Vocabulary, Comparable {
    case laag, middel, hoog
    public static let vocabularyName = "severity"
    var rank: Int { switch self { case .laag: 0; case .middel: 1; case .hoog: 2 } }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Why a household's file was closed.
public enum HouseholdCloseReason: String, Vocabulary {
    case doelenBereikt = "doelen-bereikt"
    case verhuisd
    case overgedragen
    case geenHulpvraagNaOutreach = "geen-hulpvraag-na-outreach"
    case overleden
    case anders
    public static let vocabularyName = "householdCloseReason"
}

/// Why someone is no longer part of the household.
public enum MemberEndReason: String, Vocabulary {
    case verhuisd, overleden
    case uitHuis = "uit-huis"
    case anders
    public static let vocabularyName = "memberEndReason"
}
