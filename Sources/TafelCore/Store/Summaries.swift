/// A household as one row in a list.
public struct HouseholdSummary: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    public var wijk: String
    public var team: String
    public var status: HouseholdStatus
    public var coordinator: String?
    public var openActions: Int
    public var overdueActions: Int
    public var lastMeeting: Day?
    public var involved: Bool
    /// The household's flags, shown as badges in the list.
    public var chronic: Bool
    public var compulsory: Bool
    public var noHelpRequest: Bool
    /// The stall signals that hold today (from the maintained finding index), in rule order.
    public var signals: [StallRuleID]

    public init(id: Int64, name: String, wijk: String, team: String, status: HouseholdStatus, coordinator: String?,
                openActions: Int, overdueActions: Int, lastMeeting: Day?, involved: Bool,
                chronic: Bool = false, compulsory: Bool = false, noHelpRequest: Bool = false, signals: [StallRuleID] = []) {
        self.id = id; self.name = name; self.wijk = wijk; self.team = team; self.status = status
        self.coordinator = coordinator; self.openActions = openActions; self.overdueActions = overdueActions
        self.lastMeeting = lastMeeting; self.involved = involved
        self.chronic = chronic; self.compulsory = compulsory; self.noHelpRequest = noHelpRequest; self.signals = signals
    }
}

/// One action in a caseload, with the household it belongs to, and how it hangs together with
/// others: what it waits for, and whose actions it holds up.
public struct CaseloadAction: Hashable, Sendable, Codable, Identifiable {
    public var action: Action
    public var householdName: String
    public var ownerName: String
    /// The open actions this one waits for ("wacht op").
    public var waitsFor: [ActionLink]
    /// The user's own actions that wait for this one (for someone else's overdue prerequisite).
    public var blocks: [ActionLink]
    public var id: Int64 { action.id }
    public init(action: Action, householdName: String, ownerName: String, waitsFor: [ActionLink] = [], blocks: [ActionLink] = []) {
        self.action = action; self.householdName = householdName; self.ownerName = ownerName
        self.waitsFor = waitsFor; self.blocks = blocks
    }
}

/// Another action, named for a dependency chain: what, whose, by when.
public struct ActionLink: Hashable, Sendable, Codable {
    public var id: Int64
    public var description: String
    public var ownerName: String
    public var due: Day?
    public var status: ActionStatus
    public init(id: Int64, description: String, ownerName: String, due: Day?, status: ActionStatus) {
        self.id = id; self.description = description; self.ownerName = ownerName; self.due = due; self.status = status
    }
}

/// A review (next meeting) coming up for a household in the caseload.
public struct UpcomingReview: Hashable, Sendable, Codable {
    public var householdId: Int64
    public var householdName: String
    public var date: Day
    public var overdue: Bool
    public init(householdId: Int64, householdName: String, date: Day, overdue: Bool) {
        self.householdId = householdId; self.householdName = householdName; self.date = date; self.overdue = overdue
    }
}

/// "What do I owe whom this week?" — a professional's actions and reviews.
public struct Caseload: Hashable, Sendable, Codable {
    public var overdue: [CaseloadAction]
    public var thisWeek: [CaseloadAction]
    public var later: [CaseloadAction]
    public var reviews: [UpcomingReview]
    public var households: [HouseholdSummary]
    /// The user's actions that wait for someone else's open action (not overdue: waiting).
    public var waiting: [CaseloadAction]
    /// Other people's overdue actions that hold up the user's actions.
    public var blocking: [CaseloadAction]

    public init(overdue: [CaseloadAction] = [], thisWeek: [CaseloadAction] = [], later: [CaseloadAction] = [],
                reviews: [UpcomingReview] = [], households: [HouseholdSummary] = [], waiting: [CaseloadAction] = [],
                blocking: [CaseloadAction] = []) {
        self.overdue = overdue; self.thisWeek = thisWeek; self.later = later; self.reviews = reviews; self.households = households
        self.waiting = waiting; self.blocking = blocking
    }

    /// Splits actions into te laat (oldest first), deze week (until Sunday) and later.
    public static func group(_ actions: [CaseloadAction], today: Day) -> (overdue: [CaseloadAction], thisWeek: [CaseloadAction], later: [CaseloadAction]) {
        let endOfWeek = today.startOfWeek.adding(days: 6)
        let sorted = actions.sorted { ($0.action.due ?? Day(ordinal: Int.max), $0.action.id) < ($1.action.due ?? Day(ordinal: Int.max), $1.action.id) }
        var o: [CaseloadAction] = [], w: [CaseloadAction] = [], l: [CaseloadAction] = []
        for a in sorted {
            guard let due = a.action.due else { l.append(a); continue }
            if due < today { o.append(a) } else if due <= endOfWeek { w.append(a) } else { l.append(a) }
        }
        return (o, w, l)
    }
}

/// One household in the audit: its signals and how long it has been stalled.
///
/// The audit screen works from summaries (`findings` empty: rules, worst severity and days
/// stalled only) and loads the evidence of the selected household on demand, so a city's
/// audit never holds every finding in memory; `tafel audit` fills `findings`.
public struct AuditRow: Hashable, Sendable, Codable, Identifiable {
    public var householdId: Int64
    public var name: String
    public var wijk: String
    public var team: String
    public var coordinator: String?
    public var findings: [StallFinding]
    public var rules: [StallRuleID]
    public var worst: Severity
    public var daysStalled: Int
    public var id: Int64 { householdId }

    public init(householdId: Int64, name: String, wijk: String, team: String, coordinator: String?, findings: [StallFinding], today: Day) {
        self.householdId = householdId; self.name = name; self.wijk = wijk; self.team = team
        self.coordinator = coordinator; self.findings = findings
        self.rules = Array(Set(findings.map(\.rule))).sorted()
        self.worst = findings.map(\.severity).max() ?? .laag
        self.daysStalled = findings.map { $0.daysStalled(today: today) }.max() ?? 0
    }

    public init(householdId: Int64, name: String, wijk: String, team: String, coordinator: String?, summary: AuditSummary) {
        self.householdId = householdId; self.name = name; self.wijk = wijk; self.team = team
        self.coordinator = coordinator; self.findings = []
        self.rules = summary.rules; self.worst = summary.worst; self.daysStalled = summary.daysStalled
    }
}

/// The signals of one household without their evidence: which rules, how serious, since when.
public struct AuditSummary: Hashable, Sendable, Codable {
    public var rules: [StallRuleID]
    public var worst: Severity
    public var daysStalled: Int

    public init(rules: [StallRuleID], worst: Severity, daysStalled: Int) {
        self.rules = rules; self.worst = worst; self.daysStalled = daysStalled
    }
}

/// Filters of the audit screen and `tafel audit`.
public struct AuditFilter: Hashable, Sendable {
    public var rule: StallRuleID?
    public var team: String?
    public var wijk: String?
    public var coordinator: String?
    /// Only signals that started on or after this day.
    public var since: Day?
    public init(rule: StallRuleID? = nil, team: String? = nil, wijk: String? = nil, coordinator: String? = nil, since: Day? = nil) {
        self.rule = rule; self.team = team; self.wijk = wijk; self.coordinator = coordinator; self.since = since
    }

    /// Whether a household's team, wijk and coordinator pass the filter.
    public func matches(team rowTeam: String, wijk rowWijk: String, coordinator rowCoordinator: String?) -> Bool {
        if let t = team, rowTeam.lowercased() != t.lowercased() { return false }
        if let w = wijk, rowWijk.lowercased() != w.lowercased() { return false }
        if let c = coordinator, !(rowCoordinator ?? "").lowercased().contains(c.lowercased()) { return false }
        return true
    }

    /// Whether one finding passes the rule and since filters.
    public func matches(rule r: StallRuleID, since s: Day) -> Bool {
        (rule == nil || r == rule) && (since == nil || s >= since!)
    }

    /// Applies the filter to computed rows (drops findings outside the filter, then empty rows).
    public func apply(_ rows: [AuditRow], today: Day) -> [AuditRow] {
        rows.compactMap { r in
            guard matches(team: r.team, wijk: r.wijk, coordinator: r.coordinator) else { return nil }
            let fs = r.findings.filter { matches(rule: $0.rule, since: $0.since) }
            guard !fs.isEmpty else { return nil }
            return AuditRow(householdId: r.householdId, name: r.name, wijk: r.wijk, team: r.team, coordinator: r.coordinator, findings: fs, today: today)
        }
    }
}
