import Foundation
import TafelCore
import TafelStore
import TestSupport

/// A store on a fresh file in a temporary directory, filled with the demo households.
func demoStore(_ dir: TemporaryDirectory, name: String = "demo.sqlite", today: Day = Fixture.today) throws -> SQLiteCaseStore {
    let store = try SQLiteCaseStore(path: dir.file(name), clock: FixedClock(today))
    let demo = DemoScenario.build(today: today)
    try store.bulkInsert(organisations: demo.organisations, professionals: demo.professionals, households: demo.households,
                         services: demo.services, actor: "test", summary: "demo")
    return store
}

func user(_ store: SQLiteCaseStore, _ login: String) throws -> Professional {
    guard let p = try store.professional(login: login) else { throw CaseStoreError.notFound(entity: "professional", id: 0) }
    return p
}

func householdId(_ store: SQLiteCaseStore, _ name: String) throws -> Int64 {
    try store.findHouseholds(name).first!.id
}

/// A store filled with a generated municipality.
func generatedStore(_ dir: TemporaryDirectory, households: Int, seed: UInt64, today: Day = Fixture.today) throws -> SQLiteCaseStore {
    let store = try SQLiteCaseStore(path: dir.file("gen-\(seed).sqlite"), clock: FixedClock(today))
    let m = SyntheticMunicipality(households: households, seed: seed, today: today)
    var ids = IdSequences()
    let staff = m.teamProfessionals
    let partners = m.partnerProfessionals
    let files = (0..<households).map { m.household($0, ids: &ids, teamStaff: staff, partners: partners) }
    try store.bulkInsert(organisations: m.organisations, professionals: m.professionals, households: files, actor: "test", summary: "generated")
    return store
}
