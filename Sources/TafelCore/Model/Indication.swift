/// An indication (*indicatie* or *beschikking*) for one member: help granted under a law, by a
/// provider, from a start date until an end date. The rules `indicatie-eindigt` (it ends without a
/// follow-up) and `wmo-wlz` (Wmo help while the needs point to the Wlz) read it.
public struct Indication: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var memberId: Int64
    public var law: LegalFramework
    /// Who delivers the help ("Thuiszorg Rotterdam", "Pameijer").
    public var provider: String
    /// The life domain the help serves (a follow-up is an open action in it).
    public var domain: String
    public var start: Day
    /// Nil for an indication without an end date.
    public var end: Day?
    public var version: Int

    public init(id: Int64, householdId: Int64, memberId: Int64, law: LegalFramework, provider: String, domain: String,
                start: Day, end: Day? = nil, version: Int = 1) {
        self.id = id; self.householdId = householdId; self.memberId = memberId; self.law = law; self.provider = provider
        self.domain = domain; self.start = start; self.end = end; self.version = version
    }

    /// Whether the indication holds on a day.
    public func holds(on day: Day) -> Bool { start <= day && (end.map { day < $0 } ?? true) }
}
