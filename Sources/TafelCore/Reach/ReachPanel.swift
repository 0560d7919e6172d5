/// The five elements of niet-bereik (not reaching people in time, completely and fittingly).
public enum ReachElement: String, CaseIterable, Sendable, Codable, Hashable {
    case onzichtbaarheid, onbeschikbaarheid, tijd
    case passendAanbod = "passend-aanbod"
    case onvolledigheid

    public var titleKey: String { "reach.\(rawValue).title" }
}

/// How worrying an element is.
public enum ReachLevel: String, Sendable, Codable, Hashable, Comparable {
    case ok, aandacht, zorg
    var rank: Int { switch self { case .ok: 0; case .aandacht: 1; case .zorg: 2 } }
    public static func < (a: ReachLevel, b: ReachLevel) -> Bool { a.rank < b.rank }
}

/// One element of the reach panel: a level, a 0…1 gauge value (how far from fine), and the evidence.
public struct ReachItem: Sendable, Hashable {
    public var element: ReachElement
    public var level: ReachLevel
    public var ratio: Double
    public var evidence: [Message]
}

/// Computes the reach panel of a household (DESIGN §1): what tafel makes visible per element.
public enum ReachPanel {
    public static func compute(_ f: CaseFile, today: Day, domainOrder: [String]) -> [ReachItem] {
        [onzichtbaarheid(f, today, domainOrder), onbeschikbaarheid(f, today), tijd(f, today),
         passendAanbod(f), onvolledigheid(f, domainOrder)]
    }

    static func clamp(_ x: Double) -> Double { min(1, max(0, x)) }

    /// Members never assessed, domains never discussed, time from first signal to first meeting.
    static func onzichtbaarheid(_ f: CaseFile, _ today: Day, _ order: [String]) -> ReachItem {
        let assessed = Set(f.assessments.map(\.memberId))
        let never = f.members.filter { !assessed.contains($0.id) }
        let touched = Set(f.assessments.map(\.domain))
        let notDiscussed = order.filter { f.domainState($0).status == .nietBesproken && !touched.contains($0) }
        var ev: [Message] = []
        var level = ReachLevel.ok
        var ratio = f.members.isEmpty ? 0 : Double(never.count) / Double(f.members.count)
        if !never.isEmpty {
            ev.append(Message("reach.onzichtbaarheid.never-assessed", .number(never.count), .text(never.map(\.name).joined(separator: ", "))))
            level = never.count * 2 >= max(1, f.members.count) ? .zorg : .aandacht
        }
        if !order.isEmpty {
            ev.append(Message("reach.onzichtbaarheid.not-discussed", .number(notDiscussed.count), .number(order.count)))
        }
        if let first = f.firstSignalDate {
            if let meeting = f.firstMeetingDate {
                let d = max(0, first.days(until: meeting))
                ev.append(Message("reach.onzichtbaarheid.signal-to-meeting", .number(d)))
                if d > 60 { level = .zorg } else if d > 30 { level = max(level, .aandacht) }
                ratio = max(ratio, clamp(Double(d) / 90))
            } else {
                let d = max(0, first.days(until: today))
                ev.append(Message("reach.onzichtbaarheid.signal-no-meeting", .number(d)))
                if d > 30 { level = .zorg } else if d > 14 { level = max(level, .aandacht) }
                ratio = max(ratio, clamp(Double(d) / 60))
            }
        }
        return ReachItem(element: .onzichtbaarheid, level: level, ratio: clamp(ratio), evidence: ev)
    }

    /// Needs on a waiting list or rejected, with days waiting and reasons.
    static func onbeschikbaarheid(_ f: CaseFile, _ today: Day) -> ReachItem {
        let waiting = f.actions.filter { $0.status == .wachtlijst }
        let maxWait = waiting.compactMap { $0.waitingSince?.days(until: today) }.max() ?? 0
        let rejected = f.actions.filter { $0.status == .afgewezen }
        var ev: [Message] = []
        if !waiting.isEmpty { ev.append(Message("reach.onbeschikbaarheid.waiting", .number(waiting.count), .number(maxWait))) }
        for r in rejected {
            if let code = r.rejection?.code {
                ev.append(Message("reach.onbeschikbaarheid.rejected", .text(r.description), .key("vocab.rejectionReason.\(code.rawValue)")))
            }
        }
        if ev.isEmpty { ev.append(Message("reach.onbeschikbaarheid.none")) }
        let level: ReachLevel = (maxWait > 28 || rejected.count >= 2) ? .zorg : ((waiting.isEmpty && rejected.isEmpty) ? .ok : .aandacht)
        return ReachItem(element: .onbeschikbaarheid, level: level,
                         ratio: clamp(Double(maxWait) / 90 + Double(rejected.count) * 0.25), evidence: ev)
    }

    /// Overdue actions, days since the last contact and since the last review.
    static func tijd(_ f: CaseFile, _ today: Day) -> ReachItem {
        let overdue = f.openActions.compactMap { a -> Int? in
            guard let d = a.due, d < today else { return nil }
            return d.days(until: today)
        }
        // Without a contact the clock runs from the first signal: that is how long the family has waited.
        let contactDays = (f.lastContactDate ?? f.firstSignalDate ?? f.household.activeSince).days(until: today)
        let reviewDays = (f.lastMeeting?.date ?? f.household.activeSince).days(until: today)
        let cadence = f.household.reviewCadenceWeeks * 7
        var ev: [Message] = []
        ev.append(overdue.isEmpty ? Message("reach.tijd.no-overdue") : Message("reach.tijd.overdue", .number(overdue.count), .number(overdue.max()!)))
        ev.append(f.lastContactDate == nil ? Message("reach.tijd.no-contact", .number(contactDays)) : Message("reach.tijd.contact", .number(contactDays)))
        ev.append(f.lastMeeting == nil ? Message("reach.tijd.no-review") : Message("reach.tijd.review", .number(reviewDays)))
        var level = ReachLevel.ok
        if (overdue.max() ?? 0) >= 28 || contactDays >= 30 || reviewDays > cadence + 14 { level = .zorg }
        else if !overdue.isEmpty || contactDays > 14 || reviewDays > cadence { level = .aandacht }
        let ratio = max(Double(overdue.max() ?? 0) / 60, Double(contactDays) / 60, Double(reviewDays) / Double(max(1, cadence + 14)) * 0.8)
        return ReachItem(element: .tijd, level: level, ratio: clamp(ratio), evidence: ev)
    }

    /// The household's own view next to the plan: disagreement and different scores.
    static func passendAanbod(_ f: CaseFile) -> ReachItem {
        let disagree = f.actions.filter { $0.isOpen && $0.agreement == .oneens }
        var mismatches = 0
        for d in Set(f.assessments.map(\.domain)) {
            for a in f.latestAssessments(domain: d) {
                if let own = a.ownScore, abs(own - a.score) >= 2 { mismatches += 1 }
            }
        }
        let noView = f.household.ownView.trimmed.isEmpty
        var ev: [Message] = []
        ev.append(noView ? Message("reach.passend-aanbod.no-view") : Message("reach.passend-aanbod.view"))
        if !disagree.isEmpty { ev.append(Message("reach.passend-aanbod.disagree", .number(disagree.count))) }
        if mismatches > 0 { ev.append(Message("reach.passend-aanbod.mismatch", .number(mismatches))) }
        var level = ReachLevel.ok
        if (!disagree.isEmpty && noView) || mismatches >= 2 || disagree.count >= 2 { level = .zorg }
        else if !disagree.isEmpty || noView || mismatches > 0 { level = .aandacht }
        let ratio = Double(disagree.count) * 0.3 + Double(mismatches) * 0.2 + (noView ? 0.3 : 0)
        return ReachItem(element: .passendAanbod, level: level, ratio: clamp(ratio), evidence: ev)
    }

    /// Domains in need without any open action: coverage of the plan.
    static func onvolledigheid(_ f: CaseFile, _ order: [String]) -> ReachItem {
        let need = f.domainsInNeed(order)
        let covered = need.filter { !f.openActions(domain: $0).isEmpty }
        let uncovered = need.filter { d in !covered.contains(d) }
        let coverage = need.isEmpty ? 1 : Double(covered.count) / Double(need.count)
        var ev = [Message("reach.onvolledigheid.coverage", .number(covered.count), .number(need.count))]
        for d in uncovered { ev.append(Message("reach.onvolledigheid.uncovered", .domain(d))) }
        let level: ReachLevel = coverage < 0.5 ? .zorg : (coverage < 1 ? .aandacht : .ok)
        return ReachItem(element: .onvolledigheid, level: level, ratio: clamp(1 - coverage), evidence: ev)
    }
}
