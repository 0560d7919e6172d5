/// A finding a rule will produce for a household as it is now, with the days it holds.
///
/// The rules do not depend on "today": they say from which day a finding fires (an action due on
/// 1 December fires `actie-verlopen` from 2 December), until when it holds, and when its
/// severity rises. The store keeps these candidates in an indexed table, recomputed in the same
/// transaction as every change of the household, so the audit for any day is one range query;
/// `StallRules.evaluate` applies the same candidates to one day in memory. Evidence may count
/// days (`Message.Arg.elapsed`), resolved for the day asked.
public struct FindingCandidate: Hashable, Sendable, Codable {
    public var rule: StallRuleID
    public var householdId: Int64
    public var ref: EvidenceRef
    /// When the stall started; "days stalled" counts from here.
    public var since: Day
    /// The first day the finding holds.
    public var firesOn: Day
    /// The first day it no longer holds (nil: while the household stays as it is).
    public var endsOn: Day?
    /// The severity from `firesOn`, raised to middel and hoog from the given days.
    public var severity: Severity
    public var middelOn: Day?
    public var hoogOn: Day?
    public var evidence: Message

    public init(rule: StallRuleID, householdId: Int64, ref: EvidenceRef, since: Day, firesOn: Day, endsOn: Day? = nil,
                severity: Severity, middelOn: Day? = nil, hoogOn: Day? = nil, evidence: Message) {
        self.rule = rule; self.householdId = householdId; self.ref = ref; self.since = since; self.firesOn = firesOn
        self.endsOn = endsOn; self.severity = severity; self.middelOn = middelOn; self.hoogOn = hoogOn; self.evidence = evidence
    }

    /// A day before any real date: the finding holds as soon as the household is so.
    public static let always = Day(ordinal: -1_000_000)

    public func holds(on day: Day) -> Bool {
        firesOn <= day && (endsOn.map { day < $0 } ?? true)
    }

    public func severity(on day: Day) -> Severity {
        if let h = hoogOn, h <= day { return .hoog }
        if let m = middelOn, m <= day { return max(severity, .middel) }
        return severity
    }

    /// The finding on a day, if it holds then.
    public func finding(on day: Day) -> StallFinding? {
        guard holds(on: day) else { return nil }
        return StallFinding(rule: rule, householdId: householdId, severity: severity(on: day), since: since,
                            evidence: evidence.resolvingElapsed(on: day), ref: ref)
    }
}

extension Message {
    /// The message with every `.elapsed(day)` replaced by the number of days from that day to `today`.
    public func resolvingElapsed(on today: Day) -> Message {
        guard args.contains(where: { if case .elapsed = $0 { return true } else { return false } }) else { return self }
        return Message(key: key, args: args.map { arg in
            if case .elapsed(let d) = arg { return .number(d.days(until: today)) }
            return arg
        })
    }
}
