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
    /// Who decided (a professional's id): shown with the decision on the household and in the minutes.
    public var decidedBy: Int64?

    public init(id: Int64, householdId: Int64, reason: String, raisedBy: Int64? = nil, raisedTo: String,
                raisedOn: Day, deadline: Day, decision: String? = nil, decidedOn: Day? = nil, decidedBy: Int64? = nil) {
        self.id = id; self.householdId = householdId; self.reason = reason; self.raisedBy = raisedBy
        self.raisedTo = raisedTo; self.raisedOn = raisedOn; self.deadline = deadline
        self.decision = decision; self.decidedOn = decidedOn; self.decidedBy = decidedBy
    }

    public var isOpen: Bool { decision == nil }
}

/// Who may decide an escalation (*doorzettingsmacht*): the person it was raised to — named in
/// `raisedTo` by name or login — or a teamleider or beheerder (the line above them). The one who
/// raised it does not decide it.
public enum EscalationRights {
    public static func mayDecide(_ user: Professional, _ e: Escalation) -> Bool {
        if user.role == .teamleider || user.role == .beheerder { return true }
        let to = e.raisedTo.lowercased()
        let named = (!user.name.isEmpty && to.contains(user.name.lowercased())) || (!user.login.isEmpty && to.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0 == Substring(user.login.lowercased()) })
        return named && e.raisedBy != user.id
    }
}
