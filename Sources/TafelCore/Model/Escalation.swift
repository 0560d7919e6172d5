/// A blocked case raised to someone with authority to decide (opschaling, doorzettingsmacht).
public struct Escalation: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var reason: String
    public var raisedBy: Int64?
    public var raisedTo: String
    public var raisedOn: Day
    public var deadline: Day
    public var decision: String?
    public var decidedOn: Day?

    public init(id: Int64, householdId: Int64, reason: String, raisedBy: Int64? = nil, raisedTo: String,
                raisedOn: Day, deadline: Day, decision: String? = nil, decidedOn: Day? = nil) {
        self.id = id; self.householdId = householdId; self.reason = reason; self.raisedBy = raisedBy
        self.raisedTo = raisedTo; self.raisedOn = raisedOn; self.deadline = deadline
        self.decision = decision; self.decidedOn = decidedOn
    }

    public var isOpen: Bool { decision == nil }
}
