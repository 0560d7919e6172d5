import Foundation
import GRDB
import TafelCore

/// One line of the anonymised aggregate: a count per wijk (nil: all wijken together) and domain
/// or signal. A nil figure is hidden: it, or what could be worked out from it, describes fewer than
/// k households (`SmallCellSuppression`).
public struct AggregateRow: Sendable, Hashable, Codable {
    public var wijk: String?
    public var dimension: String
    public var code: String
    public var households: Int?
    public var openActions: Int?
    public var waiting: Int?
    public var averageWaitingDays: Int?
}

extension SQLiteCaseStore {
    /// Counts per wijk × domain (need, actions, waiting lists) and per wijk × signal, each with its
    /// total over all wijken, without names or dates of birth; protected so that no published figure,
    /// alone or subtracted from a total, describes fewer than `k` households.
    /// `progress` hears (steps done, 3): the counts per domain, the signals, the protection.
    public func aggregate(config: SignalConfig, today: Day, k: Int = SmallCellSuppression.defaultK,
                          progress: ((Int, Int) -> Void)? = nil) throws -> [AggregateRow] {
        progress?(0, 3)
        struct Raw { var wijk: String; var households: Int; var open: Int; var waiting: Int; var averageWait: Int? }
        var byDomain: [(domain: String, rows: [Raw])] = []
        try read { db in
            // Two grouped passes joined, not a subquery per group: at 10,000 households the
            // correlated form scanned all actions 1,260 times (25 s); this takes 0.2 s, same rows.
            for r in try Row.fetchAll(db, sql: """
                WITH need AS (
                    SELECT h.wijk, d.domain, count(DISTINCT d.household_id) AS households
                    FROM domain_state d JOIN household h ON h.id = d.household_id
                    WHERE d.status IN ('zorg', 'in-behandeling', 'wachtlijst') AND h.status = 'actief'
                    GROUP BY d.domain, h.wijk),
                acts AS (
                    SELECT h.wijk, a.domain,
                           sum(a.status IN ('open', 'bezig', 'wachtlijst')) AS open_actions,
                           sum(a.status = 'wachtlijst') AS waiting,
                           CAST(avg(CASE WHEN a.status = 'wachtlijst' AND a.waiting_since IS NOT NULL
                                         THEN julianday(:today) - julianday(a.waiting_since) END) AS INTEGER) AS avg_wait
                    FROM action a JOIN household h ON h.id = a.household_id
                    GROUP BY h.wijk, a.domain)
                SELECT need.wijk, need.domain AS domain, need.households, coalesce(acts.open_actions, 0) AS open_actions,
                       coalesce(acts.waiting, 0) AS waiting, acts.avg_wait
                FROM need LEFT JOIN acts ON acts.wijk = need.wijk AND acts.domain = need.domain
                ORDER BY need.domain, need.wijk
                """, arguments: ["today": today.iso]) {
                let raw = Raw(wijk: r["wijk"], households: r["households"], open: r["open_actions"], waiting: r["waiting"], averageWait: r["avg_wait"])
                let domain: String = r["domain"]
                if byDomain.last?.domain == domain { byDomain[byDomain.count - 1].rows.append(raw) } else { byDomain.append((domain, [raw])) }
            }
        }
        progress?(1, 3)
        let protection = SmallCellSuppression(k: k)
        var domainRows: [AggregateRow] = []
        for (domain, raws) in byDomain {
            let households = raws.map(\.households)
            let people = protection.protect(values: households, households: households)
            // What is counted in a hidden group is hidden with it, then protected against subtraction in turn.
            let derivedFromHidden = protection.primary(households: households)
            let open = protection.protect(values: raws.map(\.open), households: households, hide: derivedFromHidden)
            let waiting = protection.protect(values: raws.map(\.waiting), households: households, hide: derivedFromHidden)
            for (i, raw) in raws.enumerated() {
                // An average of fewer than k waiting actions would say too much about the few behind it.
                let average = waiting.cells[i].flatMap { $0 >= k ? raw.averageWait : nil }
                domainRows.append(AggregateRow(wijk: raw.wijk, dimension: "leefgebied", code: domain, households: people.cells[i],
                                               openActions: open.cells[i], waiting: waiting.cells[i], averageWaitingDays: average))
            }
            domainRows.append(AggregateRow(wijk: nil, dimension: "leefgebied", code: domain, households: people.total,
                                           openActions: open.total, waiting: waiting.total, averageWaitingDays: nil))
        }
        // Households per signal and wijk, counted by SQLite from the audit's index: reading every
        // finding with its evidence took 27 s and 400 MB at 100,000 households (Docs/PERFORMANCE.md).
        try ensureFindingIndex(config)
        var counts: [StallRuleID: [String: Int]] = [:]
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT f.rule, h.wijk, count(DISTINCT f.household_id) FROM finding f JOIN household h ON h.id = f.household_id
                WHERE \(FindingIndex.holdsSQL) GROUP BY f.rule, h.wijk
                """, arguments: ["t": today.ordinal])
            while let r = try cursor.next() {
                guard let rule = StallRuleID(rawValue: r[0]) else { continue }
                counts[rule, default: [:]][r[1]] = r[2]
            }
        }
        progress?(2, 3)
        var signalRows: [AggregateRow] = []
        for rule in StallRuleID.allCases {
            guard let perWijk = counts[rule] else { continue }
            let names = perWijk.keys.sorted()
            let households = names.map { perWijk[$0]! }
            let column = protection.protect(values: households, households: households)
            for (i, wijk) in names.enumerated() {
                signalRows.append(AggregateRow(wijk: wijk, dimension: "signaal", code: rule.rawValue, households: column.cells[i]))
            }
            signalRows.append(AggregateRow(wijk: nil, dimension: "signaal", code: rule.rawValue, households: column.total))
        }
        progress?(3, 3)
        // Wijk by wijk as before, all wijken last; within a wijk domains, then signals.
        func order(_ r: AggregateRow) -> (Int, String) { r.wijk.map { (0, $0) } ?? (1, "") }
        let domainOrder = Dictionary(uniqueKeysWithValues: byDomain.enumerated().map { ($1.domain, $0) })
        let ruleOrder = Dictionary(uniqueKeysWithValues: StallRuleID.allCases.enumerated().map { ($1.rawValue, $0) })
        return (domainRows + signalRows).sorted { a, b in
            let (oa, ob) = (order(a), order(b))
            if oa != ob { return oa < ob }
            if a.dimension != b.dimension { return a.dimension == "leefgebied" }
            return a.dimension == "leefgebied" ? domainOrder[a.code]! < domainOrder[b.code]! : ruleOrder[a.code]! < ruleOrder[b.code]!
        }
    }

    /// Closed households whose closing date lies before `cutoff` and that are not yet anonymised.
    public func retentionCandidates(closedBefore cutoff: Day) throws -> [(id: Int64, closedOn: Day)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, closed_on FROM household WHERE status = 'afgesloten' AND closed_on < ? AND anonymised_on IS NULL ORDER BY id
                """, arguments: [cutoff.iso]).map { ($0["id"], try RowMapping.requiredDay($0, "closed_on")) }
        }
    }

    /// Removes names, birth dates, contact details and free texts of these households, keeping
    /// everything the aggregate counts (statuses, domains, dates of actions, scores). One transaction.
    public func anonymise(_ ids: [Int64], actor: String, today: Day) throws {
        guard !ids.isEmpty else { return }
        try write { db in
            let list = jsonArray(ids)
            let inList = "IN (SELECT value FROM json_each(:ids))"
            let args: StatementArguments = ["ids": list, "today": today.iso]
            try db.execute(sql: """
                UPDATE household SET name = 'Geanonimiseerd huishouden ' || id, address = NULL, phone = NULL, own_view = '',
                       outreach_plan = NULL, close_reason = NULL, anonymised_on = :today, version = version + 1 WHERE id \(inList);
                UPDATE member SET name = 'Gezinslid ' || id, birth_date = NULL, version = version + 1 WHERE household_id \(inList);
                UPDATE informal_person SET name = 'Betrokkene ' || id, phone = NULL WHERE household_id \(inList);
                UPDATE signal SET text = '' WHERE household_id \(inList);
                UPDATE domain_state SET situation = '', own_words = '', no_action_reason = NULL, version = version + 1 WHERE household_id \(inList);
                UPDATE action SET description = '—', version = version + 1 WHERE household_id \(inList);
                UPDATE coordinator SET decline_reason = NULL, end_reason = NULL WHERE household_id \(inList);
                UPDATE meeting SET decisions = '[]', gap_reason = NULL, gaps_closed_over = '[]' WHERE household_id \(inList);
                UPDATE attendee SET guest_name = NULL WHERE guest_name IS NOT NULL AND meeting_id IN (SELECT id FROM meeting WHERE household_id \(inList));
                UPDATE consent SET purpose = '—' WHERE household_id \(inList);
                UPDATE escalation SET reason = '—', decision = CASE WHEN decision IS NULL THEN NULL ELSE '—' END WHERE household_id \(inList);
                UPDATE contact SET note = '', with_whom = '—' WHERE household_id \(inList);
                UPDATE blocked_rule SET blocked = '', decided_by = NULL WHERE household_id \(inList);
                DELETE FROM finding WHERE household_id \(inList);
                """, arguments: args)
            try log(db, actor: actor, household: nil, kind: .retention, entity: "household", entityId: nil,
                    summary: "anonymised \(ids.count) closed household(s): \(ids.map(String.init).joined(separator: ","))")
        }
    }
}
