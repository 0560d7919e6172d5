/// The basis for sharing a member's data with an organisation for a purpose.
public struct Consent: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var memberId: Int64?
    public var organisationId: Int64
    public var purpose: String
    public var basis: ConsentBasis
    public var givenOn: Day?
    public var expiresOn: Day?
    public var recordedBy: Int64?

    public init(id: Int64, householdId: Int64, memberId: Int64? = nil, organisationId: Int64, purpose: String,
                basis: ConsentBasis, givenOn: Day? = nil, expiresOn: Day? = nil, recordedBy: Int64? = nil) {
        self.id = id; self.householdId = householdId; self.memberId = memberId; self.organisationId = organisationId
        self.purpose = purpose; self.basis = basis; self.givenOn = givenOn; self.expiresOn = expiresOn
        self.recordedBy = recordedBy
    }

    /// True when the consent gives a basis on `day` (not `geen`, started, not expired).
    public func isValid(on day: Day) -> Bool {
        basis != .geen && (givenOn.map { $0 <= day } ?? true) && (expiresOn.map { day <= $0 } ?? true)
    }
}
