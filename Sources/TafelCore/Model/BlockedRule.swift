/// Where a rule that blocked help comes from (*knellende regel*).
public enum BlockedRuleSource: String, Vocabulary {
    case wet
    case beleidsregel
    case uitvoeringspraktijk
    public static let vocabularyName = "blockedRuleSource"
}

/// The way around a blocking rule that was used, if any.
public enum RuleException: String, Vocabulary {
    case geen
    case maatwerk
    case doorbraakbudget
    case hardheidsclausule
    public static let vocabularyName = "ruleException"
}

/// One record in the register of *knellende regels*: a rule (law or local policy) that blocked
/// help for a household, what it blocked, and the exception used to get around it. The input of
/// the municipality's learning cycle (`tafel knelpunten`).
public struct BlockedRule: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var date: Day
    /// Which rule, in the words of the professional ("kostendelersnorm", "wachttijd 4 weken Participatiewet").
    public var rule: String
    public var source: BlockedRuleSource
    public var domain: String
    /// What it blocked for this household.
    public var blocked: String
    public var exception: RuleException
    /// The amount of a doorbraakbudget, in whole euros.
    public var amount: Int?
    /// Who decided the exception (a name or role).
    public var decidedBy: String?
    public var recordedBy: Int64?

    public init(id: Int64, householdId: Int64, date: Day, rule: String, source: BlockedRuleSource, domain: String, blocked: String,
                exception: RuleException = .geen, amount: Int? = nil, decidedBy: String? = nil, recordedBy: Int64? = nil) {
        self.id = id; self.householdId = householdId; self.date = date; self.rule = rule; self.source = source
        self.domain = domain; self.blocked = blocked; self.exception = exception; self.amount = amount
        self.decidedBy = decidedBy; self.recordedBy = recordedBy
    }

    /// Checks a record before it is stored: named fields, an amount only with a doorbraakbudget.
    public func validated() throws -> BlockedRule {
        var r = self
        r.rule = rule.trimmed; r.blocked = blocked.trimmed
        if r.rule.isEmpty { throw DomainError.required(field: "rule") }
        if r.blocked.isEmpty { throw DomainError.required(field: "blocked") }
        if exception == .doorbraakbudget, (amount ?? 0) <= 0 { throw DomainError.required(field: "amount") }
        if exception != .doorbraakbudget { r.amount = nil }
        if exception != .geen, (decidedBy ?? "").trimmed.isEmpty { throw DomainError.required(field: "decidedBy") }
        return r
    }
}

/// The register aggregated for the learning cycle: per rule and source, how many households,
/// how often each exception was used and the doorbraakbudget spent. No names or free text.
public struct BlockedRuleFigure: Codable, Hashable, Sendable {
    public var rule: String
    public var source: BlockedRuleSource
    public var households: Int
    public var records: Int
    public var maatwerk: Int
    public var doorbraakbudget: Int
    public var hardheidsclausule: Int
    public var budgetEuros: Int

    /// Groups records by rule (case and spacing ignored) and source, most households first.
    public static func aggregate(_ records: [BlockedRule]) -> [BlockedRuleFigure] {
        var groups: [String: [BlockedRule]] = [:]
        for r in records { groups[r.rule.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") + "\u{1F}" + r.source.rawValue, default: []].append(r) }
        return groups.values.map { rs in
            BlockedRuleFigure(rule: rs[0].rule, source: rs[0].source, households: Set(rs.map(\.householdId)).count, records: rs.count,
                              maatwerk: rs.filter { $0.exception == .maatwerk }.count,
                              doorbraakbudget: rs.filter { $0.exception == .doorbraakbudget }.count,
                              hardheidsclausule: rs.filter { $0.exception == .hardheidsclausule }.count,
                              budgetEuros: rs.compactMap(\.amount).reduce(0, +))
        }.sorted { ($1.households, $0.rule) < ($0.households, $1.rule) }
    }
}

/// A figure as published for the learning cycle, anonymised as the aggregate is: a rule met in
/// fewer than `k` households keeps its name and source, but its counts and amount are withheld
/// (nil, shown as "x"): one household's doorbraakbudget is that household's.
public struct PublishedBlockedRuleFigure: Codable, Hashable, Sendable {
    public var rule: String
    public var source: BlockedRuleSource
    public var households: Int?
    public var maatwerk: Int?
    public var doorbraakbudget: Int?
    public var hardheidsclausule: Int?
    public var budgetEuros: Int?

    public init(_ f: BlockedRuleFigure, k: Int) {
        rule = f.rule; source = f.source
        let shown = f.households >= k
        households = shown ? f.households : nil
        maatwerk = shown ? f.maatwerk : nil
        doorbraakbudget = shown ? f.doorbraakbudget : nil
        hardheidsclausule = shown ? f.hardheidsclausule : nil
        budgetEuros = shown ? f.budgetEuros : nil
    }
}
