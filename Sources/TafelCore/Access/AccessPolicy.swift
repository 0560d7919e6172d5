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
/// households of their own team, whose meetings they chair; a `teamleider` sees the audit rows of
/// their own team(s), a `beheerder` everyone's, and both open a full record only with a typed reason.
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

    /// Whether the household appears in the user's lists (names shown). A teamleider sees the rows
    /// of their own team(s) (`Professional.teams`; another team only after a typed reason, which
    /// the caller logs and then widens the scope with); a beheerder sees every row.
    public static func mayList(user: Professional, householdTeam: String, involved: Bool) -> Bool {
        if user.role == .teamleider { return involved || user.teams.contains(householdTeam) }
        return decide(user: user, householdTeam: householdTeam, involved: involved ? [user.id] : []) != .denied
    }

    /// Whether looking at `team`'s audit is a break-the-glass for this user (a reason first).
    public static func teamNeedsReason(user: Professional, team: String) -> Bool {
        user.role == .teamleider && !user.teams.contains(where: { $0.lowercased() == team.lowercased() })
    }

    /// Whether the user may read the access log.
    public static func mayReadAccessLog(_ user: Professional) -> Bool { user.role == .teamleider || user.role == .beheerder }

    /// Whether the user may see the audit of stalled cases.
    public static func mayAudit(_ user: Professional) -> Bool { user.role == .teamleider || user.role == .beheerder || user.role == .voorzitter }
}
