import Foundation
import TafelCore

/// How a list is ordered: by one column (its key) and a direction, or the list's own order (no
/// key: households by name, the audit by urgency). Kept in config.toml as "late" or "-late".
public struct ListSort: Sendable, Hashable {
    public var key: String?
    public var descending: Bool

    public init(key: String? = nil, descending: Bool = false) { self.key = key; self.descending = descending }

    /// From a config value ("late", "-late"; anything unknown is the list's own order).
    public init(setting: String?, keys: [String]) {
        let raw = setting ?? ""
        let descending = raw.hasPrefix("-")
        let key = descending ? String(raw.dropFirst()) : raw
        self.init(key: keys.contains(key) ? key : nil, descending: keys.contains(key) && descending)
    }

    /// The value for config.toml ("" for the list's own order).
    public var setting: String { key.map { (descending ? "-" : "") + $0 } ?? "" }

    /// The next column (`>`), or back to the list's own order after the last; counts and days start
    /// with the largest, names with A.
    public func next(in keys: [String], numeric: Set<String>, step: Int = 1) -> ListSort {
        let all: [String?] = [nil] + keys
        let i = all.firstIndex(of: key) ?? 0
        let k = all[(i + step + all.count) % all.count]
        return ListSort(key: k, descending: k.map(numeric.contains) ?? false)
    }

    /// A header clicked: that column, or the other direction when it is already the one.
    public func clicked(_ k: String, numeric: Set<String>) -> ListSort {
        key == k ? ListSort(key: k, descending: !descending) : ListSort(key: k, descending: numeric.contains(k))
    }

    /// Orders `items` by the comparator for the key (stable: equal items keep the list's own order).
    public func apply<T>(_ items: [T], _ less: (String, T, T) -> Bool) -> [T] {
        guard let key else { return items }
        return items.enumerated().sorted { a, b in
            if less(key, a.element, b.element) { return !descending }
            if less(key, b.element, a.element) { return descending }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// The sortable columns of the households list and the audit, and how each compares.
public enum SortColumns {
    public static let households = ["name", "wijk", "coordinator", "open", "late", "meeting", "status"]
    public static let householdsNumeric: Set<String> = ["open", "late", "meeting", "status"]
    public static let audit = ["days", "name", "wijk", "coordinator", "signals"]
    /// Within the caseload's groups (late, this week, later): by household, life domain or status.
    public static let caseload = ["household", "domain", "status"]

    /// The catalogue key of a column's title, for the header and the status line.
    public static func titleKey(_ key: String, caseload: Bool) -> String {
        ["household": "caseload.col-household", "domain": "caseload.col-domain", "status": "caseload.col-status"][key] ?? "caseload.col-household"
    }

    public static func titleKey(_ key: String, audit: Bool) -> String {
        if audit { return ["days": "audit.col-days", "name": "audit.col-household", "wijk": "audit.col-wijk",
                           "coordinator": "audit.col-coordinator", "signals": "audit.col-signals"][key] ?? "audit.col-household" }
        return ["name": "households.col-name", "wijk": "households.col-wijk", "coordinator": "households.col-coordinator",
                "open": "households.col-open", "late": "households.col-late", "meeting": "households.col-meeting-short",
                "status": "households.col-status-signals"][key] ?? "households.col-name"
    }
    public static let auditNumeric: Set<String> = ["days", "signals"]

    static func text(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, _): return false      // no value sorts last
        case (_, nil): return true
        case (let x?, let y?): return x.compare(y, options: [.caseInsensitive, .diacriticInsensitive, .numeric]) == .orderedAscending
        }
    }

    public static func household(_ key: String, _ a: HouseholdSummary, _ b: HouseholdSummary) -> Bool {
        switch key {
        case "wijk": return text(a.wijk, b.wijk)
        case "coordinator": return text(a.coordinator, b.coordinator)
        case "open": return a.openActions < b.openActions
        case "late": return a.overdueActions < b.overdueActions
        case "meeting": return (a.lastMeeting?.ordinal ?? Int.min) < (b.lastMeeting?.ordinal ?? Int.min)
        case "status": return a.signals.count < b.signals.count
        default: return text(a.name, b.name)
        }
    }

    public static func caseloadAction(_ key: String, _ a: CaseloadAction, _ b: CaseloadAction) -> Bool {
        switch key {
        case "domain": return text(a.action.domain, b.action.domain)
        case "status": return a.action.status.rawValue < b.action.status.rawValue
        default: return text(a.householdName, b.householdName)
        }
    }

    public static func auditRow(_ key: String, _ a: AuditRow, _ b: AuditRow) -> Bool {
        switch key {
        case "days": return a.daysStalled < b.daysStalled
        case "wijk": return text(a.wijk, b.wijk)
        case "coordinator": return text(a.coordinator, b.coordinator)
        case "signals": return a.rules.count < b.rules.count
        default: return text(a.name, b.name)
        }
    }
}
