import Foundation
import GRDB
import TafelCore

/// One line of the anonymised aggregate: a count per wijk and domain or signal; counts
/// below five are suppressed (nil) so no household can be recognised.
public struct AggregateRow: Sendable, Hashable, Codable {
    public var wijk: String
    public var dimension: String
    public var code: String
    public var households: Int?
    public var openActions: Int?
    public var waiting: Int?
    public var averageWaitingDays: Int?
}

extension SQLiteCaseStore {
    public static let smallCell = 5

    static func suppress(_ n: Int?) -> Int? { n.flatMap { $0 < smallCell ? nil : $0 } }

    /// Counts per wijk × domain (need, actions, waiting lists) and per wijk × signal, without
    /// names or dates of birth; small cells suppressed.
    public func aggregate(config: SignalConfig, today: Day) throws -> [AggregateRow] {
        var rows: [AggregateRow] = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT h.wijk, d.domain, count(DISTINCT d.household_id) AS households,
                       (SELECT count(*) FROM action a JOIN household h2 ON h2.id = a.household_id
                        WHERE h2.wijk = h.wijk AND a.domain = d.domain AND a.status IN ('open', 'bezig', 'wachtlijst')) AS open_actions,
                       (SELECT count(*) FROM action a JOIN household h2 ON h2.id = a.household_id
                        WHERE h2.wijk = h.wijk AND a.domain = d.domain AND a.status = 'wachtlijst') AS waiting,
                       (SELECT CAST(avg(julianday(:today) - julianday(a.waiting_since)) AS INTEGER) FROM action a JOIN household h2 ON h2.id = a.household_id
                        WHERE h2.wijk = h.wijk AND a.domain = d.domain AND a.status = 'wachtlijst' AND a.waiting_since IS NOT NULL) AS avg_wait
                FROM domain_state d JOIN household h ON h.id = d.household_id
                WHERE d.status IN ('zorg', 'in-behandeling', 'wachtlijst') AND h.status = 'actief'
                GROUP BY h.wijk, d.domain ORDER BY h.wijk, d.domain
                """, arguments: ["today": today.iso]).map { r in
                let waiting: Int = r["waiting"]
                return AggregateRow(wijk: r["wijk"], dimension: "leefgebied", code: r["domain"], households: Self.suppress(r["households"]),
                                    openActions: Self.suppress(r["open_actions"]), waiting: Self.suppress(waiting),
                                    averageWaitingDays: waiting < Self.smallCell ? nil : r["avg_wait"])
            }
        }
        let findings = try auditFindings(config: config, today: today)
        let wijken: [Int64: String] = try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, wijk FROM household").map { ($0["id"] as Int64, $0["wijk"] as String) })
        }
        var counts: [String: [StallRuleID: Set<Int64>]] = [:]
        for (hid, fs) in findings {
            for f in fs { counts[wijken[hid] ?? "?", default: [:]][f.rule, default: []].insert(hid) }
        }
        for wijk in counts.keys.sorted() {
            for rule in StallRuleID.allCases {
                guard let set = counts[wijk]?[rule] else { continue }
                rows.append(AggregateRow(wijk: wijk, dimension: "signaal", code: rule.rawValue, households: Self.suppress(set.count)))
            }
        }
        return rows
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
