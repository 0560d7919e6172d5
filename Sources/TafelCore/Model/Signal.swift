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
    /// What the reporter knew: names, an address (or postcode and house number), a birth year.
    public var knownNames: String?
    public var knownAddress: String?
    public var knownBirthYear: Int?

    public init(id: Int64, householdId: Int64, source: String, date: Day, text: String, alreadyKnown: Bool = false,
                knownNames: String? = nil, knownAddress: String? = nil, knownBirthYear: Int? = nil) {
        self.id = id; self.householdId = householdId; self.source = source; self.date = date
        self.text = text; self.alreadyKnown = alreadyKnown
        self.knownNames = knownNames; self.knownAddress = knownAddress; self.knownBirthYear = knownBirthYear
    }
}
