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
    public var status: HouseholdStatus
    public var createdOn: Day
    public var activatedOn: Day?
    public var closedOn: Day?
    public var closeReason: String?
    /// Weeks between reviews (default 6).
    public var reviewCadenceWeeks: Int
    /// A lasting need: never auto-closed.
    public var chronic: Bool
    public var compulsoryFramework: CompulsoryFramework?
    /// The household declines help: needs an outreach plan and a next attempt, not closure.
    public var noHelpRequest: Bool
    public var outreachPlan: String?
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
                nextAttempt: Day? = nil, ownView: String = "", involved: [Int64] = [], version: Int = 1) {
        self.id = id; self.name = name; self.wijk = wijk; self.team = team; self.address = address; self.phone = phone
        self.status = status; self.createdOn = createdOn; self.activatedOn = activatedOn; self.closedOn = closedOn
        self.closeReason = closeReason; self.reviewCadenceWeeks = reviewCadenceWeeks; self.chronic = chronic
        self.compulsoryFramework = compulsoryFramework; self.noHelpRequest = noHelpRequest
        self.outreachPlan = outreachPlan; self.nextAttempt = nextAttempt; self.ownView = ownView; self.involved = involved; self.version = version
    }

    /// The day the household became active (or was created, if it never was).
    public var activeSince: Day { activatedOn ?? createdOn }
}

/// A person in the household. No BSN: a birth year is enough where the date is not needed.
public struct Member: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var name: String
    public var role: MemberRole
    public var birthDate: Day?
    public var birthYear: Int?
    public var version: Int

    public init(id: Int64, householdId: Int64, name: String, role: MemberRole, birthDate: Day? = nil,
                birthYear: Int? = nil, version: Int = 1) {
        self.id = id; self.householdId = householdId; self.name = name; self.role = role
        self.birthDate = birthDate; self.birthYear = birthYear ?? birthDate?.year; self.version = version
    }

    /// Age in whole years on a day (from the birth year alone: the age reached this year).
    public func age(on day: Day) -> Int? {
        if let b = birthDate {
            let (y, m, d) = b.components
            let (ty, tm, td) = day.components
            return ty - y - ((tm, td) < (m, d) ? 1 : 0)
        }
        if let y = birthYear { return day.year - y }
        return nil
    }

    /// The 18th birthday; from a birth year alone, 1 January of that year (the earliest it can be,
    /// so a transition is flagged too early rather than too late).
    public var eighteenthBirthday: Day? {
        if let b = birthDate { return b.adding(years: 18) }
        if let y = birthYear { return Day(year: y + 18, month: 1, day: 1) }
        return nil
    }
}

/// A report that a household may need help (vroegsignalering). Timers run from the first one.
public struct Signal: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    /// A code from the `signalSource` vocabulary.
    public var source: String
    public var date: Day
    public var text: String
    /// Whether the household was already known when the signal came in.
    public var alreadyKnown: Bool

    public init(id: Int64, householdId: Int64, source: String, date: Day, text: String, alreadyKnown: Bool = false) {
        self.id = id; self.householdId = householdId; self.source = source; self.date = date
        self.text = text; self.alreadyKnown = alreadyKnown
    }
}

/// An informal participant: mantelzorger, vrijwilliger, ervaringsdeskundige. May attend and own actions.
public struct InformalPerson: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var name: String
    public var kind: InformalKind
    public var phone: String?

    public init(id: Int64, householdId: Int64, name: String, kind: InformalKind, phone: String? = nil) {
        self.id = id; self.householdId = householdId; self.name = name; self.kind = kind; self.phone = phone
    }
}
