/// A household (huishouden, gezin): the unit of one plan and one coordinator.
public struct Household: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var wijk: String
    public var team: String
    /// Street address: hidden under the privacy mask (only the wijk is shown).
    public var address: String?
    /// Contact details: hidden under the privacy mask.
    public var phone: String?
    public var email: String?
    /// Postcode (for finding a known household at intake; hidden under the privacy mask).
    public var postcode: String?
    public var status: HouseholdStatus
    public var createdOn: Day
    public var activatedOn: Day?
    public var closedOn: Day?
    /// Why the household was closed (a code), with `closeReason` as the worker's own words.
    public var closeCode: HouseholdCloseReason?
    public var closeReason: String?
    /// Weeks between reviews (default 6).
    public var reviewCadenceWeeks: Int
    /// A lasting need: never auto-closed.
    public var chronic: Bool
    public var compulsoryFramework: CompulsoryFramework?
    /// The organisation that carries the compulsory framework (e.g. the gecertificeerde instelling).
    public var compulsoryOrganisation: Int64?
    /// The household declines help: needs an outreach plan and a next attempt, not closure.
    public var noHelpRequest: Bool
    public var outreachPlan: String?
    /// Who makes the next outreach attempt.
    public var outreachBy: PartyRef?
    public var nextAttempt: Day?
    /// The household's own goals and view, in their own words (wat wil het gezin zelf).
    public var ownView: String
    /// Professionals listed as involved (need-to-know access), besides coordinators,
    /// action owners and meeting attendees.
    public var involved: [Int64]
    /// Optimistic-concurrency version: bumped on every save.
    public var version: Int

    public init(id: Int64, name: String, wijk: String, team: String = "", address: String? = nil, phone: String? = nil,
                status: HouseholdStatus = .aangemeld, createdOn: Day, activatedOn: Day? = nil, closedOn: Day? = nil,
                closeReason: String? = nil, reviewCadenceWeeks: Int = 6, chronic: Bool = false,
                compulsoryFramework: CompulsoryFramework? = nil, noHelpRequest: Bool = false, outreachPlan: String? = nil,
                nextAttempt: Day? = nil, ownView: String = "", involved: [Int64] = [], version: Int = 1,
                email: String? = nil, postcode: String? = nil, closeCode: HouseholdCloseReason? = nil,
                compulsoryOrganisation: Int64? = nil, outreachBy: PartyRef? = nil) {
        self.id = id; self.name = name; self.wijk = wijk; self.team = team; self.address = address; self.phone = phone
        self.status = status; self.createdOn = createdOn; self.activatedOn = activatedOn; self.closedOn = closedOn
        self.closeReason = closeReason; self.reviewCadenceWeeks = reviewCadenceWeeks; self.chronic = chronic
        self.compulsoryFramework = compulsoryFramework; self.noHelpRequest = noHelpRequest
        self.outreachPlan = outreachPlan; self.nextAttempt = nextAttempt; self.ownView = ownView; self.involved = involved; self.version = version
        self.email = email; self.postcode = postcode; self.closeCode = closeCode
        self.compulsoryOrganisation = compulsoryOrganisation; self.outreachBy = outreachBy
    }

    /// The day the household became active (or was created, if it never was).
    public var activeSince: Day { activatedOn ?? createdOn }
}
