import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    /// All findings per household, computed in SQL (see `AuditQuery`), with per-team thresholds.
    public func auditFindings(config: SignalConfig, today: Day, rules: Set<StallRuleID>? = nil) throws -> [Int64: [StallFinding]] {
        try read { db in
            var all: [Int64: [StallFinding]] = [:]
            for q in auditQueries(config: config, today: today, rules: rules) { all.merge(try q.run(db)) { a, b in a + b } }
            return all
        }
    }

    /// The queries for the whole database: one per team with its own thresholds, one for the rest.
    /// With `rules`, only those rules are computed (a signal filter need not pay for the other sixteen).
    func auditQueries(config: SignalConfig, today: Day, household: Int64? = nil, rules: Set<StallRuleID>? = nil) -> [AuditQuery] {
        let teams = config.teams.keys.sorted()
        return [AuditQuery(today: today, thresholds: config.defaults, excludedTeams: teams, household: household, rules: rules)]
            + teams.map { AuditQuery(today: today, thresholds: config.teams[$0]!, team: $0, household: household, rules: rules) }
    }

    public func auditSummary(for user: Professional, config: SignalConfig, today: Day, filter: AuditFilter) throws -> [AuditRow] {
        let summaries: [Int64: AuditSummary] = try read { db in
            var all: [Int64: AuditSummary] = [:]
            for q in auditQueries(config: config, today: today, rules: filter.rule.map { [$0] }) {
                all.merge(try q.summaries(db, filter: filter)) { a, _ in a }
            }
            return all
        }
        let roster = try roster()
        let rows: [AuditRow] = try read { db in
            let involved = user.role == .medewerker || user.role == .voorzitter ? try involvedHouseholds(db, user: user.id) : []
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

    /// The evidence of one household: the core's rules on its file. (The SQL query is built for the
    /// whole city; for one household the rules on its loaded file are faster, and the differential
    /// test guarantees they say the same.)
    public func auditEvidence(householdId: Int64, for user: Professional, config: SignalConfig, today: Day) throws -> [StallFinding] {
        let roster = try roster()
        let order = try domainOrder()
        let file: CaseFile = try read { db in
            guard let team = try String.fetchOne(db, sql: "SELECT team FROM household WHERE id = ?", arguments: [householdId]) else {
                throw CaseStoreError.notFound(entity: "household", id: householdId)
            }
            guard AccessPolicy.mayList(user: user, householdTeam: team, involved: try isInvolved(db, user: user.id, household: householdId)) else {
                throw CaseStoreError.accessDenied(household: householdId)
            }
            return try loadCaseFile(db, householdId)!
        }
        let ctx = SignalContext(today: today, thresholds: config.thresholds(team: file.household.team), roster: roster, domainOrder: order)
        return StallRules.evaluate(file, ctx)
    }

    public func audit(for user: Professional, config: SignalConfig, today: Day, filter: AuditFilter) throws -> [AuditRow] {
        let findings = try auditFindings(config: config, today: today, rules: filter.rule.map { [$0] })
        let roster = try roster()
        let rows: [AuditRow] = try read { db in
            let involved = user.role == .medewerker || user.role == .voorzitter ? try involvedHouseholds(db, user: user.id) : []
            let ids = Array(findings.keys)
            guard !ids.isEmpty else { return [] }
            let hrows = try Row.fetchAll(db, sql: """
                SELECT h.id, h.name, h.wijk, h.team, c.party_kind, c.party_id FROM household h
                LEFT JOIN coordinator c ON c.household_id = h.id AND c.status = 'geaccepteerd'
                WHERE h.id IN (SELECT value FROM json_each(?))
                """, arguments: [jsonArray(ids)])
            let names = try partyNames(db, hrows.compactMap { RowMapping.party($0, kind: "party_kind", id: "party_id") }, roster: roster)
            return hrows.compactMap { r in
                let id: Int64 = r["id"]
                guard AccessPolicy.mayList(user: user, householdTeam: r["team"], involved: involved.contains(id)) else { return nil }
                let fs = findings[id]!.sorted { ($1.severity, $0.since.ordinal, $0.rule) < ($0.severity, $1.since.ordinal, $1.rule) }
                return AuditRow(householdId: id, name: r["name"], wijk: r["wijk"], team: r["team"],
                                coordinator: RowMapping.party(r, kind: "party_kind", id: "party_id").flatMap { names[$0] },
                                findings: fs, today: today)
            }
        }
        return filter.apply(rows, today: today).sorted { ($1.daysStalled, $0.name, $0.householdId) < ($0.daysStalled, $1.name, $1.householdId) }
    }
}
