import TafelCore
import TerminalKit

/// The top-level screens.
public enum ScreenKind: String, Sendable, Hashable {
    case welcome, caseload, households, audit, household, meeting
}

/// A row of the caseload list: a section heading, an action or a review.
public enum CaseloadRow: Sendable, Hashable {
    case heading(key: String, count: Int)
    case action(CaseloadAction, overdue: Bool)
    case review(UpcomingReview)
    case empty(key: String)

    public var isSelectable: Bool {
        switch self { case .action, .review: true; default: false }
    }

    public var householdId: Int64? {
        switch self {
        case .action(let a, _): a.action.householdId
        case .review(let r): r.householdId
        default: nil
        }
    }
}

/// Mijn caseload: the signed-in user's actions and reviews.
public struct CaseloadState: Sendable, Hashable {
    public var data: Caseload?
    public var scroll = ScrollState()
    public var filter = ""
    /// The order within each group (the groups stay: late first); its own order is by date.
    public var sort = ListSort()

    /// The rows as shown (grouped, filtered, each group in the chosen order).
    public var rows: [CaseloadRow] {
        guard let c = data else { return [] }
        let sort = self.sort
        func match(_ a: CaseloadAction) -> Bool {
            filter.isEmpty || Fuzzy.matches(filter.lowercased(), (a.householdName + " " + a.action.description).lowercased())
        }
        func pick(_ list: [CaseloadAction]) -> [CaseloadAction] { sort.apply(list.filter(match), SortColumns.caseloadAction) }
        var out: [CaseloadRow] = []
        let overdue = pick(c.overdue), week = pick(c.thisWeek), later = pick(c.later)
        out.append(.heading(key: "caseload.overdue", count: overdue.count))
        out += overdue.isEmpty ? [.empty(key: "caseload.none-overdue")] : overdue.map { .action($0, overdue: true) }
        // Someone else's late action that holds up the user's work: shown only when there is one.
        let blocking = pick(c.blocking)
        if !blocking.isEmpty {
            out.append(.heading(key: "caseload.blocking", count: blocking.count))
            out += blocking.map { .action($0, overdue: true) }
        }
        out.append(.heading(key: "caseload.this-week", count: week.count))
        out += week.isEmpty ? [.empty(key: "caseload.none-this-week")] : week.map { .action($0, overdue: false) }
        out.append(.heading(key: "caseload.later", count: later.count))
        out += later.isEmpty ? [.empty(key: "caseload.none-later")] : later.map { .action($0, overdue: false) }
        let waiting = pick(c.waiting)
        if !waiting.isEmpty {
            out.append(.heading(key: "caseload.waiting", count: waiting.count))
            out += waiting.map { .action($0, overdue: false) }
        }
        let reviews = c.reviews.filter { filter.isEmpty || Fuzzy.matches(filter.lowercased(), $0.householdName.lowercased()) }
        out.append(.heading(key: "caseload.reviews", count: reviews.count))
        out += reviews.isEmpty ? [.empty(key: "caseload.none-reviews")] : reviews.map { .review($0) }
        return out
    }
}

/// Huishoudens: every household the user may see.
public struct HouseholdsState: Sendable, Hashable {
    public var items: [HouseholdSummary] = [] { didSet { ordered = sort.apply(items, SortColumns.household) } }
    public var loaded = false
    public var scroll = ScrollState()
    public var filter = ""
    /// The chosen order; the sorted list is kept, not sorted again for every frame.
    public var sort = ListSort() { didSet { ordered = sort.apply(items, SortColumns.household) } }
    public private(set) var ordered: [HouseholdSummary] = []

    public init() {}

    public var visible: [HouseholdSummary] {
        guard !filter.isEmpty else { return ordered }
        let f = filter.lowercased()
        return ordered.filter { Fuzzy.matches(f, "\($0.name) \($0.wijk) \($0.coordinator ?? "") \($0.team)".lowercased()) }
    }
}

/// The supervisor's audit.
public struct AuditState: Sendable {
    public var rows: [AuditRow] = [] { didSet { ordered = sort.apply(rows, SortColumns.auditRow) } }
    /// The chosen order; the sorted rows are kept, not sorted again for every frame.
    public var sort = ListSort() { didSet { ordered = sort.apply(rows, SortColumns.auditRow) } }
    public private(set) var ordered: [AuditRow] = []
    public var loaded = false
    public var filter = AuditFilter()
    public var search = ""
    public var scroll = ScrollState()
    /// The evidence of the selected row is open.
    public var evidence = false
    public var evidenceScroll = 0
    /// The findings of the selected household (loaded when it is selected).
    public var selectedFindings: (householdId: Int64, findings: [StallFinding])?

    /// The household of the selected row.
    public var selectedId: Int64? {
        let v = visible
        return v.indices.contains(scroll.selected) ? v[scroll.selected].householdId : nil
    }

    /// The evidence of the selected row, when loaded.
    public var selectedEvidence: [StallFinding]? {
        guard let id = selectedId, let f = selectedFindings, f.householdId == id else { return nil }
        return f.findings
    }

    public var visible: [AuditRow] {
        guard !search.isEmpty else { return ordered }
        let s = search.lowercased()
        return ordered.filter { Fuzzy.matches(s, "\($0.name) \($0.wijk) \($0.coordinator ?? "")".lowercased()) }
    }
}

/// The tabs of the household screen.
public enum HouseholdTab: Int, CaseIterable, Sendable, Hashable {
    case overview, members, actions, contacts, consents, history, course
    public var titleKey: String { "household.tab.\(self)" }
}

/// An opened household record.
public struct HouseholdViewState: Sendable, Hashable {
    public var file: CaseFile
    public var findings: [StallFinding]
    public var reach: [ReachItem]
    public var tab: HouseholdTab = .overview
    public var scroll = ScrollState()
    /// The selected member (Gezinsleden) and action (Afspraken).
    public var memberScroll = ScrollState()
    public var actionScroll = ScrollState()

    public init(file: CaseFile, findings: [StallFinding], reach: [ReachItem]) {
        self.file = file; self.findings = findings; self.reach = reach
    }

    /// Actions in the order the Afspraken tab lists them: open first, by due date.
    public var sortedActions: [Action] {
        file.actions.sorted { ($0.isOpen ? 0 : 1, $0.due ?? Day(ordinal: Int.max), $0.id) < ($1.isOpen ? 0 : 1, $1.due ?? Day(ordinal: Int.max), $1.id) }
    }

    /// Members as the Gezinsleden tab lists them: current ones first.
    public var sortedMembers: [Member] {
        file.members.sorted { ($0.endedOn == nil ? 0 : 1, $0.id) < ($1.endedOn == nil ? 0 : 1, $1.id) }
    }

    public var selectedAction: Action? {
        let list = sortedActions
        return list.indices.contains(actionScroll.selected) ? list[actionScroll.selected] : nil
    }

    public var selectedMember: Member? {
        let list = sortedMembers
        return list.indices.contains(memberScroll.selected) ? list[memberScroll.selected] : nil
    }
}
