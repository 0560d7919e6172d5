/// Someone at a meeting: a party from the roster or household, or a named guest.
public struct Attendee: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var meetingId: Int64
    public var party: PartyRef?
    /// For guests without a record (e.g. an interpreter).
    public var guestName: String?
    public var organisationId: Int64?
    public var presence: Presence

    public init(id: Int64, meetingId: Int64, party: PartyRef? = nil, guestName: String? = nil,
                organisationId: Int64? = nil, presence: Presence = .aanwezig) {
        self.id = id; self.meetingId = meetingId; self.party = party; self.guestName = guestName
        self.organisationId = organisationId; self.presence = presence
    }
}
