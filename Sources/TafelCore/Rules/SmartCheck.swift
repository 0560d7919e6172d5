/// The SMART check on an action: warnings, not errors — a meeting may record an action
/// before it knows the owner, but it should see that the action is not yet concrete.
public enum SmartCheck {
    /// Verbs that describe watching rather than doing ("we houden het in de gaten").
    public static let vagueVerbs = ["monitoren", "in de gaten houden", "volgen", "vinger aan de pols", "afwachten",
                                    "bekijken", "kijken of", "aandacht voor", "monitor", "keep an eye", "follow up on"]

    public enum Warning: String, CaseIterable, Sendable, Hashable {
        case noOwner = "no-owner"
        case noDue = "no-due"
        case noDomain = "no-domain"
        case vague
        case dueInPast = "due-in-past"

        public var message: Message { Message("smart.\(rawValue)") }
    }

    /// The warnings for an action on a given day.
    public static func warnings(for a: Action, today: Day) -> [Warning] {
        var w: [Warning] = []
        if a.owner == nil { w.append(.noOwner) }
        if a.due == nil { w.append(.noDue) }
        if a.domain.isEmpty { w.append(.noDomain) }
        if isVague(a.description) { w.append(.vague) }
        if let d = a.due, a.isOpen, d < today { w.append(.dueInPast) }
        return w
    }

    /// True when the description leans on a vague verb.
    public static func isVague(_ text: String) -> Bool { vagueWord(in: text) != nil }

    /// The vague verb a description leans on, as listed (the longest that occurs), if any.
    public static func vagueWord(in text: String) -> String? {
        let t = text.lowercased()
        return vagueVerbs.filter { t.contains($0) }.max { $0.count < $1.count }
    }

    /// SMART-complete: domain, owner and due date present.
    public static func isComplete(_ a: Action) -> Bool { a.owner != nil && a.due != nil && !a.domain.isEmpty }
}
