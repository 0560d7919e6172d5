import Testing
import TestSupport
@testable import TafelCore

/// A small, seeded random generator (SplitMix64) so that failures reproduce.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Random operation sequences through the core's operations, as the store applies them.
@Suite("Invariants under random operations")
struct PropertyTests {
    let order = ReferenceData.bundled.domainSet("zrm-2017")!.codes

    /// Runs one random operation; a thrown rule error is a legal outcome (the change is refused).
    func step(_ file: inout CaseFile, _ rng: inout SeededRandom, _ day: Day, _ next: inout Int64, note: inout String?) {
        note = nil
        let parties: [PartyRef] = [.professional(1), .professional(2), .member(file.members[0].id)]
        do {
            var changes: [Change] = []
            switch Int.random(in: 0..<12, using: &rng) {
            case 0: changes = try file.proposeCoordinator(parties.randomElement(using: &rng)!, on: day)
            case 1: if let p = file.pendingProposal { changes = try file.acceptCoordinator(p.id, on: day) }
            case 2: if let p = file.pendingProposal { changes = try file.declineCoordinator(p.id, reason: "geen tijd", on: day) }
            case 3: if let a = file.activeCoordinator { changes = try file.endCoordinator(a.id, reason: "verhuisd", on: day) }
            case 4:
                next += 1
                changes = [.action(base: nil, new: Action(id: next, householdId: file.household.id, domain: order.randomElement(using: &rng)!,
                                                          description: "afspraak \(next)", owner: parties.randomElement(using: &rng)!,
                                                          due: day.adding(days: Int.random(in: -20...20, using: &rng)), createdOn: day))]
            case 5: if let a = file.openActions.randomElement(using: &rng) { changes = try file.closeAction(a.id, reason: .gedaan, on: day) }
            case 6: if let a = file.openActions.randomElement(using: &rng) { changes = try file.carryOver(a.id, newDue: day.adding(days: 14), on: day) }
            case 7: if let a = file.openActions.randomElement(using: &rng) { changes = try file.setActionStatus(a.id, to: .wachtlijst, on: day) }
            case 8: changes = try file.setScore(member: file.members[0].id, domain: order.randomElement(using: &rng)!,
                                                score: Int.random(in: 1...5, using: &rng), on: day, id: { next += 1; return next }())
            case 9: changes = try file.close(reason: "klaar", on: day)
            case 10: changes = try file.reopen(reason: "nieuw signaal", on: day); note = "nieuw signaal"
            default: changes = try file.setDomainStatus(order.randomElement(using: &rng)!, [.zorg, .geenZorg, .opgelost].randomElement(using: &rng)!, on: day)
            }
            try CaseFile.checkClosedHousehold(before: file.household, changes: changes, note: note)
            var candidate = file
            for var c in changes {
                if case .coordinator(let b, var n) = c, n.id == 0 { next += 1; n.id = next; c = .coordinator(base: b, new: n) }
                c.apply(to: &candidate)
            }
            try candidate.validateInvariants()
            file = candidate
        } catch {
            // Refused: the file stays as it was.
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func oneCoordinatorAtMostAfterAnySequence(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        var f = Fixture().file
        var next: Int64 = 10_000
        var note: String?
        var day = Fixture.today
        for _ in 0..<400 {
            day = day.adding(days: Int.random(in: 0...3, using: &rng))
            step(&f, &rng, day, &next, note: &note)
            #expect(f.coordinators.filter { $0.status == .geaccepteerd }.count <= 1)
            #expect(f.coordinators.filter { $0.status == .voorgesteld }.count <= 1)
        }
    }

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func aClosedHouseholdNeverChangesWithoutAReopen(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        var f = Fixture().file
        var next: Int64 = 10_000
        var note: String?
        for _ in 0..<400 {
            let before = f
            step(&f, &rng, Fixture.today, &next, note: &note)
            if before.household.status == .afgesloten && f != before {
                #expect(f.household.status == .actief, "a closed household changed without being reopened")
                #expect(note == "nieuw signaal")
            }
        }
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func signalsNeverReferenceAnotherHousehold(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        var files = [Fixture(householdId: 1).file, Fixture(householdId: 2).file, Fixture(householdId: 3).file]
        var next: Int64 = 10_000
        var note: String?
        for _ in 0..<600 {
            let i = Int.random(in: 0..<files.count, using: &rng)
            step(&files[i], &rng, Fixture.today.adding(days: -Int.random(in: 0...60, using: &rng)), &next, note: &note)
        }
        let ctx = Fixture().context()
        for f in files {
            let ids = Set(f.actions.map(\.id)), members = Set(f.members.map(\.id)), coords = Set(f.coordinators.map(\.id))
            for finding in StallRules.evaluate(f, ctx) {
                #expect(finding.householdId == f.household.id)
                switch finding.ref {
                case .action(let id): #expect(ids.contains(id))
                case .member(let id): #expect(members.contains(id))
                case .coordinator(let id): #expect(coords.contains(id))
                default: break
                }
            }
        }
    }
}

