/// The answer to "may this user open this household?"
public enum AccessDecision: Hashable, Sendable {
    /// Involved (or chairing the household's team): open it.
    case allowed
    /// Not involved, but may open it after typing a reason (break-the-glass, logged).
    case needsReason
    /// Not involved and not allowed; the message explains how access works.
    case denied
}

/// Need-to-know access (DESIGN §7). A `medewerker` sees the households they are involved in
/// (coordinator, action owner, meeting attendee, or listed as involved); a `voorzitter` also the
/// households of their own team, whose meetings they chair; a `teamleider` or `beheerder` sees
/// audit rows for everyone and opens a full record only with a typed reason.
public enum AccessPolicy {
    public static func decide(user: Professional, householdTeam: String, involved: Set<Int64>) -> AccessDecision {
        if involved.contains(user.id) { return .allowed }
        switch user.role {
        case .medewerker: return .denied
        case .voorzitter: return !user.team.isEmpty && user.team == householdTeam ? .allowed : .denied
        case .teamleider, .beheerder: return .needsReason
        }
    }

    public static func decide(user: Professional, file: CaseFile) -> AccessDecision {
        decide(user: user, householdTeam: file.household.team, involved: file.involvedProfessionals)
    }

    /// Whether the household appears in the user's lists (names shown). Teamleiders see every row.
    public static func mayList(user: Professional, householdTeam: String, involved: Bool) -> Bool {
        decide(user: user, householdTeam: householdTeam, involved: involved ? [user.id] : []) != .denied
    }

    /// Whether the user may read the access log.
    public static func mayReadAccessLog(_ user: Professional) -> Bool { user.role == .teamleider || user.role == .beheerder }

    /// Whether the user may see the audit of stalled cases.
    public static func mayAudit(_ user: Professional) -> Bool { user.role == .teamleider || user.role == .beheerder || user.role == .voorzitter }
}
