/// A household's situation in one life domain.
public struct DomainState: Codable, Hashable, Sendable {
    public var householdId: Int64
    /// A domain code of the active domain set.
    public var domain: String
    public var status: DomainStatus
    public var situation: String
    /// The household's own words about this domain.
    public var ownWords: String
    /// Organisations involved in this domain.
    public var organisations: [Int64]
    /// A recorded reason for having no action although there is a need (answers `onvolledig`).
    public var noActionReason: String?
    /// When the status last changed.
    public var updatedOn: Day
    public var version: Int

    public init(householdId: Int64, domain: String, status: DomainStatus = .nietBesproken, situation: String = "",
                ownWords: String = "", organisations: [Int64] = [], noActionReason: String? = nil,
                updatedOn: Day, version: Int = 1) {
        self.householdId = householdId; self.domain = domain; self.status = status; self.situation = situation
        self.ownWords = ownWords; self.organisations = organisations; self.noActionReason = noActionReason
        self.updatedOn = updatedOn; self.version = version
    }
}
