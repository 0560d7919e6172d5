/// A coordinator (regisseur) proposal and its outcome. A decline is a bounce and is counted.
public struct CoordinatorAssignment: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var coordinator: PartyRef
    public var status: CoordinatorStatus
    public var proposedOn: Day
    public var decidedOn: Day?
    public var declineReason: String?
    public var endedOn: Day?
    public var endReason: String?
    public var meetingId: Int64?
    public var version: Int

    public init(id: Int64, householdId: Int64, coordinator: PartyRef, status: CoordinatorStatus = .voorgesteld,
                proposedOn: Day, decidedOn: Day? = nil, declineReason: String? = nil, endedOn: Day? = nil,
                endReason: String? = nil, meetingId: Int64? = nil, version: Int = 1) {
        self.id = id; self.householdId = householdId; self.coordinator = coordinator; self.status = status
        self.proposedOn = proposedOn; self.decidedOn = decidedOn; self.declineReason = declineReason
        self.endedOn = endedOn; self.endReason = endReason; self.meetingId = meetingId; self.version = version
    }
}
