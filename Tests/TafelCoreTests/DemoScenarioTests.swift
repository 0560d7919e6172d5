import Testing
import TestSupport
@testable import TafelCore

/// The demo households raise the signals their stories are about (PERSONAS.md), and Maaike none.
@Suite("Demo scenario")
struct DemoScenarioTests {
    let today = Fixture.today
    let content = DemoScenario.build(today: Fixture.today)

    func signals(_ name: String) -> Set<StallRuleID> {
        let f = content.households.first { $0.household.name.contains(name) }!
        let ctx = SignalContext(today: today, roster: DemoRoster.roster, domainOrder: ReferenceData.bundled.domainSet("zrm-2017")!.codes)
        return Set(StallRules.evaluate(f, ctx).map(\.rule))
    }

    @Test func everyPersonaShowsItsSignals() {
        for (name, ids) in PersonaSignals.expected {
            let rules = Set(ids.compactMap(StallRuleID.init(rawValue:)))
            #expect(rules.count == ids.count, "unknown signal id in \(ids)")
            let got = signals(name)
            #expect(got.isSuperset(of: rules), "\(name): expected \(rules.map(\.rawValue).sorted()), got \(got.map(\.rawValue).sorted())")
        }
    }

    @Test func maaikeIsHealthy() {
        #expect(signals(PersonaSignals.healthy).isEmpty)
    }

    @Test func demoIsConsistent() throws {
        #expect(content.households.count == 14)
        for f in content.households { try f.validateInvariants() }
        let ids = content.households.flatMap { $0.actions.map(\.id) }
        #expect(Set(ids).count == ids.count)
        #expect(content.professionals.contains { $0.login == DemoRoster.chairLogin && $0.role == .voorzitter })
        #expect(content.professionals.contains { $0.role == .teamleider })
        #expect(content.households.filter { $0.meetings.count >= 2 }.count >= 2)
    }

    @Test func nathalieTurnsEighteenInFourMonths() {
        let f = content.households.first { $0.household.name.contains("Mandy") }!
        let n = f.members.first { $0.name.hasPrefix("Nathalie") }!
        #expect(n.eighteenthBirthday == today.adding(months: 4))
        #expect(n.age(on: today) == 17)
    }
}
