/// Field rules for single records. Each failure names the field and how to fix it.
public enum Validation {
    /// An action must have a description and a domain of the active set; dependencies must not loop to itself.
    public static func validate(_ a: Action, domains: [String]) throws {
        if a.description.trimmed.isEmpty { throw DomainError.required(field: "description") }
        if a.domain.isEmpty { throw DomainError.required(field: "domain") }
        if !domains.isEmpty && !domains.contains(a.domain) { throw DomainError.unknownDomain(a.domain) }
        if a.dependsOn.contains(a.id) && a.id != 0 { throw DomainError.selfDependency }
        if a.status.isClosed && a.closeReason == nil { throw DomainError.closeNeedsReason }
        if a.closeReason == .vervangenDoor && a.replacedBy == nil { throw DomainError.replacementRequired }
        if a.status == .afgewezen && a.rejection == nil { throw DomainError.rejectionNeedsReason }
    }

    public static func validate(_ h: Household) throws {
        if h.name.trimmed.isEmpty { throw DomainError.required(field: "name") }
        if h.reviewCadenceWeeks < 1 || h.reviewCadenceWeeks > 52 {
            throw DomainError.outOfRange(field: "cadence", min: 1, max: 52)
        }
    }

    public static func validate(_ m: Member) throws {
        if m.name.trimmed.isEmpty { throw DomainError.required(field: "name") }
        if let y = m.birthYear, y < 1900 || y > 2200 { throw DomainError.outOfRange(field: "birthYear", min: 1900, max: 2200) }
    }

    public static func validate(_ a: Assessment) throws {
        if !(1...5).contains(a.score) { throw DomainError.outOfRange(field: "score", min: 1, max: 5) }
        if let o = a.ownScore, !(1...5).contains(o) { throw DomainError.outOfRange(field: "ownScore", min: 1, max: 5) }
        if let t = a.target, !(1...5).contains(t) { throw DomainError.outOfRange(field: "target", min: 1, max: 5) }
    }

    public static func validate(_ c: CoordinatorAssignment) throws {
        if c.status == .afgewezen && (c.declineReason ?? "").trimmed.isEmpty { throw DomainError.declineNeedsReason }
    }

    public static func validate(_ e: Escalation) throws {
        if e.reason.trimmed.isEmpty { throw DomainError.required(field: "reason") }
        if e.raisedTo.trimmed.isEmpty { throw DomainError.required(field: "raisedTo") }
    }

    public static func validate(_ c: Contact) throws {
        if c.withWhom.trimmed.isEmpty { throw DomainError.required(field: "withWhom") }
    }

    public static func validate(_ i: Indication) throws {
        if i.provider.trimmed.isEmpty { throw DomainError.required(field: "provider") }
        if i.domain.trimmed.isEmpty { throw DomainError.required(field: "domain") }
        if let end = i.end, end < i.start { throw DomainError.endBeforeStart(start: i.start, end: end) }
    }

    public static func validate(_ c: Consent) throws {
        if c.purpose.trimmed.isEmpty { throw DomainError.required(field: "purpose") }
    }

    public static func validate(_ s: Signal) throws {
        if s.text.trimmed.isEmpty { throw DomainError.required(field: "text") }
        if s.source.isEmpty { throw DomainError.required(field: "source") }
    }

    /// Validates every record a change writes.
    public static func validate(_ change: Change, domains: [String]) throws {
        switch change {
        case .household(_, let n): try validate(n)
        case .member(_, let n): try validate(n)
        case .action(_, let n): try validate(n, domains: domains)
        case .assessment(let n): try validate(n)
        case .coordinator(_, let n): try validate(n)
        case .escalation(_, let n): try validate(n)
        case .contact(_, let n): try validate(n)
        case .indication(_, let n): try validate(n)
        case .blockedRule(let n): _ = try n.validated()
        case .consent(_, let n): try validate(n)
        case .signal(_, let n): try validate(n)
        case .domain(_, let n):
            if !domains.isEmpty && !domains.contains(n.domain) { throw DomainError.unknownDomain(n.domain) }
        default: break
        }
    }
}

extension String {
    /// nil for an empty string (optional text fields store nil, not "").
    public var nilIfEmpty: String? { isEmpty ? nil : self }

    /// The string without leading and trailing white space.
    public var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
