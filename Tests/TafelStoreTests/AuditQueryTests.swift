import Foundation
import Testing
import TestSupport
@testable import TafelCore
@testable import TafelStore

/// The SQL audit and the core's Swift rules must agree exactly (rule, household, severity,
/// since, reference and wording) on the demo and on generated municipalities.
@Suite("Audit in SQL agrees with the core's rules")
struct AuditQueryTests {
    let today = Fixture.today

    func compare(_ store: SQLiteCaseStore, config: SignalConfig = SignalConfig(), sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let sql = try store.auditFindings(config: config, today: today)
        let doc = try store.exportDocument()
        let roster = Roster(organisations: doc.organisations, professionals: doc.professionals)
        let order = try store.domainOrder()
        var total = 0
        for f in doc.households {
            let ctx = SignalContext(today: today, thresholds: config.thresholds(team: f.household.team), roster: roster, domainOrder: order)
            let expected = Set(StallRules.evaluate(f, ctx))
            let got = Set(sql[f.household.id] ?? [])
            total += expected.count
            if expected != got {
                Issue.record("household \(f.household.id): only in Swift \(expected.subtracting(got)); only in SQL \(got.subtracting(expected))",
                             sourceLocation: sourceLocation)
            }
        }
        return total
    }

    @Test func onTheDemo() throws {
        let dir = TemporaryDirectory()
        let n = try compare(try demoStore(dir))
        #expect(n > 25)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func onAGeneratedMunicipality(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let n = try compare(try generatedStore(dir, households: 150, seed: seed))
        #expect(n > 200)
    }

    @Test func withTeamThresholds() throws {
        let dir = TemporaryDirectory()
        let store = try generatedStore(dir, households: 120, seed: 9)
        var strict = SignalThresholds()
        strict.noContactDays = 7; strict.overdueMediumDays = 2; strict.waitingDays = 5
        _ = try compare(store, config: SignalConfig(teams: ["Team Noord": strict]))
    }

    @Test func auditRowsAreSortedByDaysStalledAndFiltered() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let petra = try user(store, "petra")
        let rows = try store.audit(for: petra, config: SignalConfig(), today: today, filter: AuditFilter())
        #expect(rows.count >= 12)
        #expect(!rows.contains { $0.name.contains("Maaike") })
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.daysStalled >= $1.daysStalled })
        let onlyWaiting = try store.audit(for: petra, config: SignalConfig(), today: today, filter: AuditFilter(rule: .wachtlijst))
        #expect(Set(onlyWaiting.map(\.name)) == ["Jolanda Hermans", "Familie Sepp de Groot"])
        #expect(onlyWaiting.allSatisfy { $0.findings.allSatisfy { $0.rule == .wachtlijst } })
        let noord = try store.audit(for: petra, config: SignalConfig(), today: today, filter: AuditFilter(team: "Team Noord"))
        #expect(Set(noord.map(\.team)) == ["Team Noord"])
        // A medewerker only sees audit rows of households they are involved in.
        let lotte = try user(store, "lotte")
        #expect(try store.audit(for: lotte, config: SignalConfig(), today: today, filter: AuditFilter()).map(\.name) == ["Familie Sepp de Groot"])
    }

    @Test func summariesAgreeWithTheFullAudit() throws {
        let dir = TemporaryDirectory()
        let store = try generatedStore(dir, households: 400, seed: 5)
        let lead = try store.professionals().first { $0.role == .teamleider }!
        for filter in [AuditFilter(), AuditFilter(rule: .actieVerlopen), AuditFilter(since: today.adding(days: -60)),
                       AuditFilter(rule: .overgang), AuditFilter(rule: .overgang, since: today.adding(days: -90))] {
            let full = try store.audit(for: lead, config: SignalConfig(), today: today, filter: filter)
            let summary = try store.auditSummary(for: lead, config: SignalConfig(), today: today, filter: filter)
            #expect(full.map(\.householdId) == summary.map(\.householdId))
            if filter == AuditFilter() {
                // The grouping in SQL treats "overgang" apart: make sure the sample has it.
                #expect(full.contains { $0.rules.contains(.overgang) })
            }
            for (a, b) in zip(full, summary) {
                #expect(a.rules == b.rules && a.worst == b.worst && a.daysStalled == b.daysStalled)
                #expect(b.findings.isEmpty)
            }
            if let first = full.first {
                let evidence = try store.auditEvidence(householdId: first.householdId, for: lead, config: SignalConfig(), today: today)
                #expect(Set(evidence).isSuperset(of: Set(first.findings)))
            }
        }
    }

    /// Computing only the filtered rule must give exactly that rule's part of the full audit.
    @Test func oneRuleAloneEqualsItsPartOfTheWholeAudit() throws {
        let dir = TemporaryDirectory()
        let store = try generatedStore(dir, households: 150, seed: 4)
        let all = try store.auditFindings(config: SignalConfig(), today: today).values.flatMap { $0 }
        #expect(Set(AuditQuery.branches.map(\.rule)) == Set(StallRuleID.allCases), "every rule has SQL")
        for rule in StallRuleID.allCases {
            let alone = try store.auditFindings(config: SignalConfig(), today: today, rules: [rule]).values.flatMap { $0 }
            #expect(Set(alone) == Set(all.filter { $0.rule == rule }), "rule \(rule.rawValue)")
            #expect(alone.allSatisfy { $0.rule == rule })
        }
        #expect(try store.auditFindings(config: SignalConfig(), today: today, rules: [.geenRegie, .wachtlijst]).values
            .flatMap { $0 }.count == all.filter { $0.rule == .geenRegie || $0.rule == .wachtlijst }.count)
        let script = AuditQuery(today: today, thresholds: SignalThresholds(), rules: [.actieVerlopen]).shellScript()
        #expect(script.contains("'actie-verlopen'") && !script.contains("'score-daling'"))
    }

    @Test func theShellScriptIsTheSameQuery() throws {
        let q = AuditQuery(today: today, thresholds: SignalThresholds())
        let script = q.shellScript()
        #expect(!script.contains(":today") && !script.contains(":overdue_cut"))
        #expect(script.contains("'2026-11-23'"))
        #expect(script.hasSuffix(";\n"))
    }
}
