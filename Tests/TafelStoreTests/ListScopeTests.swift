import Foundation
import GRDB
import Testing
import TestSupport
@testable import TafelCore
@testable import TafelStore

/// The lists and the audit narrow their SQL to what a user may list (`ListScope`), for speed; the
/// access policy decides. These tests hold the narrowed queries to the policy applied to every
/// household, for every professional of a generated municipality in every role, and the screen's
/// summaries (grouped in Swift) to SQLite's own grouping of the same rows.
@Suite("Lists read only what the user may list, and exactly that")
struct ListScopeTests {
    let today = Fixture.today

    /// The households the policy lets `u` list, decided household by household over the whole file.
    func expected(_ store: SQLiteCaseStore, _ u: Professional) throws -> Set<Int64> {
        let involved = try store.read { try store.involvedHouseholds($0, user: u.id) }
        return Set(try store.exportDocument().households.filter { f in
            AccessPolicy.mayList(user: u, householdTeam: f.household.team, involved: involved.contains(f.household.id))
        }.map(\.household.id))
    }

    /// Every role on the same people: each professional as they are, then as teamleider (who is
    /// then involved in households of other teams too), voorzitter and medewerker.
    @Test func everyListEqualsThePolicyOverEveryHousehold() throws {
        let dir = TemporaryDirectory()
        let store = try generatedStore(dir, households: 80, seed: 11)
        let config = SignalConfig()
        let all = try store.read { db in try FindingIndex.summaries(db, today: today, rule: nil, since: nil) }
        let teams = Dictionary(uniqueKeysWithValues: try store.exportDocument().households.map { ($0.household.id, $0.household.team) })
        var checked = 0, crossTeam = 0
        for original in try store.roster().professionals.values.sorted(by: { $0.id < $1.id }).prefix(12) {
            for role in [original.role, .teamleider, .voorzitter, .medewerker] {
                var u = original
                u.role = role
                let may = try expected(store, u)
                let listed = Set(try store.households(for: u, today: today).map(\.id))
                #expect(listed == may, "\(u.login) as \(role.rawValue): households")
                let summary = try store.auditSummary(for: u, config: config, today: today, filter: AuditFilter())
                #expect(Set(summary.map(\.householdId)) == may.intersection(all.keys), "\(u.login) as \(role.rawValue): audit screen")
                for row in summary { #expect(AuditSummary(rules: row.rules, worst: row.worst, daysStalled: row.daysStalled) == all[row.householdId], "\(u.login): household \(row.householdId)") }
                var streamed = Set<Int64>()
                try store.streamAudit(for: u, config: config, today: today, filter: AuditFilter(), household: { streamed.insert($0.id) }, finding: { _ in })
                #expect(streamed == may.intersection(all.keys), "\(u.login) as \(role.rawValue): tafel audit")
                var held = Set<Int64>()
                try store.streamAudit(for: u, config: config, today: today, filter: AuditFilter(), holdAtMost: 0, household: { held.insert($0.id) }, finding: { _ in })
                #expect(held == streamed, "\(u.login) as \(role.rawValue): tafel audit read household by household")
                if role == .teamleider, may.contains(where: { teams[$0] != u.team }) { crossTeam += 1 }
                checked += 1
            }
        }
        #expect(checked == 48)
        // The test means something only if some teamleider lists a household outside their team
        // because they are involved in it (the scope's second half).
        #expect(crossTeam > 0)
    }

    /// The summaries grouped in Swift equal SQLite's `GROUP BY` of the same rows, for every rule
    /// filter and on several days (rules, worst severity as it rises with the days, days stalled).
    @Test func summariesEqualSQLiteGrouping() throws {
        let dir = TemporaryDirectory()
        let store = try generatedStore(dir, households: 100, seed: 12)
        try store.ensureFindingIndex(SignalConfig())
        for days in [0, 5, 40, 180] {
            let day = today.adding(days: days)
            for rule in [nil] + StallRuleID.allCases.map(Optional.some) {
                let got = try store.read { db in try FindingIndex.summaries(db, today: day, rule: rule, since: nil) }
                let reference = try store.read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT f.household_id, group_concat(DISTINCT f.rule), max(\(FindingIndex.severitySQL)), min(f.since)
                        FROM finding f WHERE \(FindingIndex.holdsSQL) AND (:rule IS NULL OR f.rule = :rule) GROUP BY f.household_id
                        """, arguments: ["t": day.ordinal, "rule": rule?.rawValue])
                }
                #expect(got.count == reference.count, "\(day.iso) \(rule?.rawValue ?? "all")")
                for r in reference {
                    let rules = (r[1] as String).split(separator: ",").compactMap { StallRuleID(rawValue: String($0)) }.sorted()
                    let want = AuditSummary(rules: rules, worst: FindingIndex.severity(r[2]), daysStalled: max(0, Day(ordinal: r[3]).days(until: day)))
                    #expect(got[r[0]] == want, "\(day.iso) \(rule?.rawValue ?? "all") household \(r[0] as Int64)")
                }
            }
        }
    }
}
