import Foundation
import GRDB
import GRDBSQLite
import TafelCore

extension SQLiteCaseStore {
    // MARK: The index's thresholds

    /// The thresholds the finding index was built with (stored in `meta`), nil before the first build.
    func indexedConfig(_ db: Database) throws -> SignalConfig? {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'finding_config'") else { return nil }
        return try? JSONDecoder().decode(SignalConfig.self, from: Data(text.utf8))
    }

    /// The signal context a household's candidates are computed with (its team's thresholds).
    func indexContext(_ db: Database, team: String, roster: Roster, domainOrder: [String]) throws -> SignalContext {
        let config = try indexedConfig(db) ?? SignalConfig()
        return SignalContext(today: clock.today, thresholds: config.thresholds(team: team), roster: roster, domainOrder: domainOrder)
    }

    /// Makes sure the index was built with these thresholds; rebuilds it once when they changed
    /// (a team changed its settings). A read-only file keeps the index it has.
    public func ensureFindingIndex(_ config: SignalConfig) throws {
        let current = try read { try indexedConfig($0) }
        guard current != config, writer != nil else { return }
        try rebuildFindingIndex(config)
    }

    /// Recomputes every household's candidates with `config` (one transaction).
    public func rebuildFindingIndex(_ config: SignalConfig) throws {
        let roster = try roster()
        let order = try domainOrder()
        let encoded = String(decoding: try JSONEncoder.sorted.encode(config), as: UTF8.self)
        // The index is derived data, so a --read-only session may rebuild it.
        try writeBookkeeping { db in
            try db.execute(sql: "DELETE FROM finding")
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM household WHERE status = 'actief' ORDER BY id")
            for id in ids {
                guard let file = try loadCaseFile(db, id) else { continue }
                let ctx = SignalContext(today: clock.today, thresholds: config.thresholds(team: file.household.team), roster: roster, domainOrder: order)
                try FindingIndex.insert(db, StallRules.candidates(file, ctx))
            }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('finding_config', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [encoded])
        }
    }

    // MARK: Team scope

    /// Lets a teamleider look at another team's audit after a typed reason: logs the break-the-glass
    /// (kind view, with the reason) and returns the user with that team in scope for this command.
    /// Without a reason nothing is logged and the answer is `teamReasonRequired`.
    public func widenTeamScope(_ user: Professional, to team: String, reason: String?) throws -> Professional {
        guard AccessPolicy.teamNeedsReason(user: user, team: team) else { return user }
        let trimmed = (reason ?? "").trimmed
        guard !trimmed.isEmpty else { throw CaseStoreError.teamReasonRequired(team: team) }
        // The team as the households spell it (the filter ignores case; the scope does not).
        let named = try writeBookkeeping { db -> String in
            let named = try String.fetchOne(db, sql: "SELECT team FROM household WHERE lower(team) = lower(?) LIMIT 1", arguments: [team]) ?? team
            try log(db, actor: user.login, household: nil, kind: .view, entity: "team", entityId: nil,
                    summary: "opened audit of team \(named) (break-the-glass)", reason: trimmed)
            return named
        }
        var wider = user
        wider.leads = (user.leads ?? []) + [named]
        return wider
    }

    // MARK: Reading the audit

    /// All findings per household on `today` (the index: one range query).
    public func auditFindings(config: SignalConfig, today: Day, rules: Set<StallRuleID>? = nil) throws -> [Int64: [StallFinding]] {
        try ensureFindingIndex(config)
        return try read { db in try FindingIndex.findings(db, today: today, rules: rules) }
    }

    public func auditSummary(for user: Professional, config: SignalConfig, today: Day, filter: AuditFilter) throws -> [AuditRow] {
        try ensureFindingIndex(config)
        let roster = try roster()
        let rows: [AuditRow] = try read { db in
            let scope = try ListScope(db, user: user, store: self)
            let involved = scope.involved
            let summaries = try FindingIndex.summaries(db, today: today, rule: filter.rule, since: filter.since, scope: scope)
            guard !summaries.isEmpty else { return [] }
            // Columns read by position: thousands of rows, and a lookup by name costs more than the value.
            let hrows: [(id: Int64, name: String, wijk: String, team: String, coordinator: PartyRef?)] = try Row.fetchAll(db, sql: """
                SELECT h.id, h.name, h.wijk, h.team, c.party_kind, c.party_id FROM household h
                LEFT JOIN coordinator c ON c.household_id = h.id AND c.status = 'geaccepteerd'
                WHERE h.id IN (SELECT value FROM json_each(?))
                """, arguments: [jsonArray(Array(summaries.keys))]).map { r in
                let party = (r[4] as String?).flatMap(PartyRef.Kind.init(rawValue:)).flatMap { k in (r[5] as Int64?).map { PartyRef(k, $0) } }
                return (r[0], r[1], r[2], r[3], party)
            }
            let names = try partyNames(db, hrows.compactMap(\.coordinator), roster: roster)
            return hrows.compactMap { h in
                let coordinator = h.coordinator.flatMap { names[$0] }
                guard AccessPolicy.mayList(user: user, householdTeam: h.team, involved: involved.contains(h.id)),
                      filter.matches(team: h.team, wijk: h.wijk, coordinator: coordinator) else { return nil }
                return AuditRow(householdId: h.id, name: h.name, wijk: h.wijk, team: h.team, coordinator: coordinator, summary: summaries[h.id]!)
            }
        }
        return rows.sorted { ($1.daysStalled, $0.name, $0.householdId) < ($0.daysStalled, $1.name, $1.householdId) }
    }

    /// The evidence of one household, from the index (the same candidates the whole audit uses).
    public func auditEvidence(householdId: Int64, for user: Professional, config: SignalConfig, today: Day) throws -> [StallFinding] {
        try ensureFindingIndex(config)
        return try read { db in
            guard let team = try String.fetchOne(db, sql: "SELECT team FROM household WHERE id = ?", arguments: [householdId]) else {
                throw CaseStoreError.notFound(entity: "household", id: householdId)
            }
            guard AccessPolicy.mayList(user: user, householdTeam: team, involved: try isInvolved(db, user: user.id, household: householdId)) else {
                throw CaseStoreError.accessDenied(household: householdId)
            }
            let findings = try FindingIndex.findings(db, today: today, rules: nil, household: householdId)[householdId] ?? []
            return findings.sorted { ($1.severity, $0.since.ordinal, $0.rule) < ($0.severity, $1.since.ordinal, $1.rule) }
        }
    }

    public func audit(for user: Professional, config: SignalConfig, today: Day, filter: AuditFilter) throws -> [AuditRow] {
        let findings = try auditFindings(config: config, today: today, rules: filter.rule.map { [$0] })
        let roster = try roster()
        let rows: [AuditRow] = try read { db in
            let involved = user.role != .beheerder ? try involvedHouseholds(db, user: user.id) : []
            let ids = Array(findings.keys)
            guard !ids.isEmpty else { return [] }
            let hrows = try Row.fetchAll(db, sql: """
                SELECT h.id, h.name, h.wijk, h.team, c.party_kind, c.party_id FROM household h
                LEFT JOIN coordinator c ON c.household_id = h.id AND c.status = 'geaccepteerd'
                WHERE h.id IN (SELECT value FROM json_each(?))
                """, arguments: [jsonArray(ids)])
            let names = try partyNames(db, hrows.compactMap { try RowMapping.party($0, kind: "party_kind", id: "party_id") }, roster: roster)
            return try hrows.compactMap { r in
                let id: Int64 = r["id"]
                guard AccessPolicy.mayList(user: user, householdTeam: r["team"], involved: involved.contains(id)) else { return nil }
                let fs = findings[id]!.sorted { ($1.severity, $0.since.ordinal, $0.rule) < ($0.severity, $1.since.ordinal, $1.rule) }
                return AuditRow(householdId: id, name: r["name"], wijk: r["wijk"], team: r["team"],
                                coordinator: try RowMapping.party(r, kind: "party_kind", id: "party_id").flatMap { names[$0] },
                                findings: fs, today: today)
            }
        }
        return filter.apply(rows, today: today).sorted { ($1.daysStalled, $0.name, $0.householdId) < ($0.daysStalled, $1.name, $1.householdId) }
    }

    /// The SQL the benchmark's `sqlite3` shell runs for the same audit.
    public static func auditShellScript(today: Day, rule: StallRuleID? = nil) -> String {
        FindingIndex.shellScript(today: today, rule: rule)
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys (stable text for comparisons and the hash chain).
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}

/// The arguments of `holdsSQL` and the filter's rule and day (the count before an audit listing).
private func findingCountArguments(_ all: [String: (any DatabaseValueConvertible)?]) -> [String: (any DatabaseValueConvertible)?] {
    all.filter { ["t", "rule", "since", "hids"].contains($0.key) }
}

/// A household of the audit listing, as the listing streams it.
public struct AuditHousehold: Sendable {
    public var id: Int64
    public var name: String
    public var wijk: String
    public var team: String
    public var coordinator: String?
    /// Days the household has been stalled (its oldest finding that passes the filter).
    public var daysStalled: Int
}

/// One finding of the audit listing. The evidence is lent as the stored bytes (`EvidenceCodec`'s
/// compact form, day counts unresolved), valid only during the call: no String per row.
public struct AuditLine {
    public var rule: StallRuleID
    /// The rule's position in `StallRuleID.allCases` (for tables indexed by rule without hashing).
    public var order: Int
    public var severity: Severity
    public var since: Day
    public var evidence: UnsafeBufferPointer<UInt8>
}

extension SQLiteCaseStore {
    /// The audit listing for `today`, most stalled household first, each household's findings most
    /// serious first, streamed row by row from one query (no result held in memory), within the
    /// user's need-to-know and the filter. `household` is called before each household's findings.
    /// Up to `holdAtMost` findings are read in one pass and held; beyond that, household by household.
    public func streamAudit(for user: Professional, config: SignalConfig, today: Day, filter: AuditFilter, holdAtMost: Int = 100_000,
                            household: (AuditHousehold) throws -> Void, finding: (AuditLine) throws -> Void) throws {
        try ensureFindingIndex(config)
        try read { db in
            var conditions = [FindingIndex.holdsSQL]
            var arguments: [String: (any DatabaseValueConvertible)?] = ["t": today.ordinal]
            if let rule = filter.rule { conditions.append("f.rule = :rule"); arguments["rule"] = rule.rawValue }
            if let since = filter.since { conditions.append("f.since >= :since"); arguments["since"] = since.ordinal }
            let listScope = try ListScope(db, user: user, store: self)
            var scope = listScope.condition
            arguments.merge(listScope.arguments) { a, _ in a }
            // A scoped user's households, in id order, drive the finding queries below (each one's
            // findings by the primary key) instead of a scan of the whole city's findings.
            var scoped = ""
            if !listScope.condition.isEmpty {
                let ids = try Int64.fetchAll(db, sql: "SELECT h.id FROM household h WHERE 1 \(listScope.condition) ORDER BY h.id",
                                             arguments: StatementArguments(listScope.arguments))
                if ids.isEmpty { return }
                arguments["hids"] = jsonArray(ids)
                scoped = "json_each(:hids) j CROSS JOIN "
            }
            if let team = filter.team { scope += " AND lower(h.team) = lower(:fteam)"; arguments["fteam"] = team }
            if let wijk = filter.wijk { scope += " AND lower(h.wijk) = lower(:fwijk)"; arguments["fwijk"] = wijk }
            var holds = conditions.joined(separator: " AND ")
            if !scoped.isEmpty {
                // Through the primary key, not the finding indexes (see FindingIndex.summaries).
                holds = FindingIndex.inTableOrder(holds)
            }
            let findingSource = scoped.isEmpty ? "finding f" : scoped + "finding f ON f.household_id = j.value"
            // Each household's findings, which sit together in the table (a small sort per
            // household instead of one big sort of every finding row). "+" keeps SQLite on the
            // primary key rather than the rule index. Stepped through SQLite's C interface: GRDB's
            // row cursor and named arguments cost more than these rows (Docs/PERFORMANCE.md).
            let tableOrder = FindingIndex.inTableOrder(conditions.joined(separator: " AND "))
            let unindexed = tableOrder
                .replacingOccurrences(of: ":t", with: String(today.ordinal))
                .replacingOccurrences(of: ":rule", with: "?2").replacingOccurrences(of: ":since", with: "?3")
            let statement = try db.cachedStatement(sql: """
                SELECT f.rule, f.severity, f.middel_on, f.hoog_on, f.since, f.evidence
                FROM finding f WHERE f.household_id = ?1 AND \(unindexed)
                """)
            let coordinatorFilter = filter.coordinator?.lowercased()
            var reader = HouseholdFindingReader(statement: statement.sqliteStatement, today: today)
            if let rule = filter.rule { reader.bind(2, text: rule.rawValue) }
            if let since = filter.since { reader.bind(3, int: since.ordinal) }
            // Up to this many findings are read in one pass and held (about 15 MB), and the
            // households' oldest days come from that pass; a larger listing groups them in SQL and
            // reads household by household, so memory stays bounded at any size.
            // The oldest day per household: the table in its own (household) order, so the grouping
            // needs no sort and no row is looked up again through the day index.
            var stalled = "SELECT f.household_id AS hid, min(f.since) AS oldest FROM \(findingSource) WHERE \(tableOrder) GROUP BY f.household_id"
            let held = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(findingSource) WHERE \(holds)", arguments: StatementArguments(findingCountArguments(arguments))) ?? 0
            if held == 0 { return }
            if held <= holdAtMost {
                let all = try db.makeStatement(sql: scoped.isEmpty ? """
                    SELECT f.household_id, f.rule, f.severity, f.middel_on, f.hoog_on, f.since, f.evidence
                    FROM finding f WHERE \(unindexed) ORDER BY f.household_id
                    """ : """
                    SELECT f.household_id, f.rule, f.severity, f.middel_on, f.hoog_on, f.since, f.evidence
                    FROM json_each(?4) j CROSS JOIN finding f ON f.household_id = j.value WHERE \(unindexed)
                    """)
                if let hids = arguments["hids"] as? String {
                    sqlite3_bind_text(all.sqliteStatement, 4, hids, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                }
                if let rule = filter.rule { sqlite3_bind_text(all.sqliteStatement, 2, rule.rawValue, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self)) }
                if let since = filter.since { sqlite3_bind_int64(all.sqliteStatement, 3, Int64(since.ordinal)) }
                let oldest = try reader.preload(all.sqliteStatement)
                if oldest.isEmpty { return }
                stalled = "SELECT CAST(key AS INTEGER) AS hid, value AS oldest FROM json_each(:oldest)"
                arguments["oldest"] = "{" + oldest.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
            }
            // The households that hold a finding, their names and coordinator, most stalled first.
            let heads = """
                WITH stalled AS MATERIALIZED (\(stalled))
                SELECT s.hid, h.name, h.wijk, h.team, coalesce(cp.name, co.name, cm.name, ci.name), s.oldest
                FROM stalled s JOIN household h ON h.id = s.hid
                LEFT JOIN coordinator c ON c.household_id = h.id AND c.status = 'geaccepteerd'
                LEFT JOIN professional cp ON c.party_kind = 'professional' AND cp.id = c.party_id
                LEFT JOIN organisation co ON c.party_kind = 'organisation' AND co.id = c.party_id
                LEFT JOIN member cm ON c.party_kind = 'member' AND cm.id = c.party_id
                LEFT JOIN informal_person ci ON c.party_kind = 'informal' AND ci.id = c.party_id
                WHERE 1 \(scope)
                ORDER BY s.oldest, h.name, s.hid
                """
            if arguments["oldest"] != nil {
                // The grouped scan's arguments are not in this form of the query.
                arguments.removeValue(forKey: "t"); arguments.removeValue(forKey: "rule"); arguments.removeValue(forKey: "since")
                arguments.removeValue(forKey: "hids")
            }
            let cursor = try Row.fetchCursor(db, sql: heads, arguments: StatementArguments(arguments))
            while let r = try cursor.next() {
                let hid: Int64 = r[0]
                let coordinator: String? = r[4]
                if let c = coordinatorFilter, !(coordinator ?? "").lowercased().contains(c) { continue }
                try household(AuditHousehold(id: hid, name: r[1], wijk: r[2], team: r[3], coordinator: coordinator,
                                             daysStalled: max(0, Day(ordinal: r[5]).days(until: today))))
                try reader.read(household: hid)
                try reader.forEach(finding)
            }
        }
    }
}
