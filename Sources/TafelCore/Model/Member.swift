/// A person in the household. No BSN: a birth year is enough where the date is not needed.
public struct Member: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var name: String
    public var role: MemberRole
    public var birthDate: Day?
    public var birthYear: Int?
    public var version: Int
    /// When the membership ended (moved out, died, left home) and why; history is kept.
    public var endedOn: Day?
    public var endReason: MemberEndReason?

    public init(id: Int64, householdId: Int64, name: String, role: MemberRole, birthDate: Day? = nil,
                birthYear: Int? = nil, version: Int = 1, endedOn: Day? = nil, endReason: MemberEndReason? = nil) {
        self.id = id; self.householdId = householdId; self.name = name; self.role = role
        self.birthDate = birthDate; self.birthYear = birthYear ?? birthDate?.year; self.version = version
        self.endedOn = endedOn; self.endReason = endReason
    }

    /// Still part of the household on a day.
    public func isCurrent(on day: Day) -> Bool { endedOn.map { day < $0 } ?? true }

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
