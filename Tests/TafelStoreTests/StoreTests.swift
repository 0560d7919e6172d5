import Foundation
import GRDB
import Testing
import TestSupport
@testable import TafelCore
@testable import TafelStore

@Suite("SQLite store")
struct StoreTests {
    let today = Fixture.today

    @Test func everyChangeRoundTrips() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let sanne = try user(store, "sanne")
        let hid = try householdId(store, "Maaike")
        var file = try store.caseFile(hid, for: sanne, reason: nil)
        let member = file.members[0].id
        let mid = file.meetings.last!.id
        var changes: [Change] = []
        changes.append(.member(base: nil, new: Member(id: 0, householdId: hid, name: "Nieuw Kind", role: .kind, birthDate: Day(iso: "2020-05-01"))))
        changes.append(.informal(base: nil, new: InformalPerson(id: 0, householdId: hid, name: "Buurvrouw Els", kind: .vrijwilliger, phone: "06")))
        changes.append(.signal(base: nil, new: Signal(id: 0, householdId: hid, source: "huisarts", date: today, text: "Zorgen", alreadyKnown: true)))
        changes.append(.domain(base: nil, new: DomainState(householdId: hid, domain: "justitie", status: .geenZorg, situation: "n.v.t.",
                                                           ownWords: "nee", organisations: [DemoRoster.politie], noActionReason: "geen", updatedOn: today)))
        changes.append(.assessment(Assessment(id: 0, householdId: hid, memberId: member, domain: "justitie", date: today, score: 5, ownScore: 5, target: 5,
                                              assessedBy: DemoRoster.sanne, meetingId: mid)))
        changes.append(.action(base: nil, new: Action(id: 0, householdId: hid, domain: "justitie", memberId: member, description: "Iets doen",
                                                      owner: .informal(0), due: today, createdOn: today)))
        changes.append(.consent(base: nil, new: Consent(id: 0, householdId: hid, memberId: member, organisationId: DemoRoster.politie, purpose: "x",
                                                        basis: .wettelijkeGrondslag, givenOn: today, expiresOn: today.adding(days: 400), recordedBy: DemoRoster.sanne)))
        changes.append(.escalation(base: nil, new: Escalation(id: 0, householdId: hid, reason: "r", raisedBy: DemoRoster.sanne, raisedTo: "manager",
                                                              raisedOn: today, deadline: today.adding(days: 7))))
        changes.append(.contact(base: nil, new: Contact(id: 0, householdId: hid, date: today, professionalId: DemoRoster.sanne, withWhom: "Maaike",
                                                        kind: .email, note: "Bericht met 'quotes' en \"meer\"")))
        // The informal owner id 0 is invalid on purpose: the whole list must be refused, nothing written.
        #expect(throws: (any Error).self) { try store.apply(changes, householdId: hid, by: sanne, note: nil) }
        #expect(try store.reload(hid, for: sanne) == file)
        changes.remove(at: 5)
        let saved = try store.apply(changes, householdId: hid, by: sanne, note: "test")
        for c in saved { c.apply(to: &file) }
        var reloaded = try store.reload(hid, for: sanne)
        // Versions are assigned by the store; compare records as saved.
        #expect(TransferDocument.normalise(reloaded) == TransferDocument.normalise(file))
        // Edits of every versioned kind round-trip too.
        var h = reloaded.household; h.ownView = "Nieuw"; h.chronic = true; h.compulsoryFramework = .wvggz; h.nextAttempt = today
        var m = reloaded.meetings.last!; m.decisions = ["a", "b"]; m.stepsCompleted = [.opening]; m.domainsDiscussed = ["justitie", "financien"]
        var a = reloaded.actions.last!; a.dependsOn = [reloaded.actions.first!.id]; a.rejection = nil; a.status = .wachtlijst; a.waitingEpisodes = 2
        let edits: [Change] = [.household(base: reloaded.household, new: h), .meeting(base: reloaded.meetings.last!, new: m),
                               .action(base: reloaded.actions.last!, new: a)]
        let saved2 = try store.apply(edits, householdId: hid, by: sanne, note: nil)
        for c in saved2 { c.apply(to: &reloaded) }
        #expect(TransferDocument.normalise(try store.reload(hid, for: sanne)) == TransferDocument.normalise(reloaded))
        #expect(reloaded.household.version == 2)
    }

    @Test func aStaleEditIsAConflictNamingTheFields() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let other = try SQLiteCaseStore(path: dir.file("demo.sqlite"), clock: FixedClock(today))
        let sanne = try user(store, "sanne")
        let hid = try householdId(store, "Maaike")
        let file = try store.reload(hid, for: sanne)
        let action = file.actions.first { $0.isOpen }!
        // Another user (another process) changes the description and the due date first.
        var theirs = action; theirs.description = "Evaluatie verplaatst"; theirs.due = today.adding(days: 30)
        try other.apply([.action(base: action, new: theirs)], householdId: hid, by: sanne, note: nil)
        // Our edit was made on the old version.
        var mine = action; mine.owner = .professional(DemoRoster.kees)
        #expect(throws: CaseStoreError.conflict(entity: "action", id: action.id, fields: ["description", "due", "version"])) {
            try store.apply([.action(base: action, new: mine)], householdId: hid, by: sanne, note: nil)
        }
        let message = Strings(.nl).render(CaseStoreError.conflict(entity: "action", id: 1, fields: ["description", "due"]).message)
        #expect(message.contains("omschrijving, datum"))
    }

    @Test func twoPoolsSeeEachOthersCommits() throws {
        let dir = TemporaryDirectory()
        let a = try demoStore(dir)
        let b = try SQLiteCaseStore(path: dir.file("demo.sqlite"), clock: FixedClock(today))
        let sanne = try user(a, "sanne")
        let hid = try householdId(a, "Maaike")
        #expect(try b.hasExternalChanges() == false)
        let before = try b.reload(hid, for: sanne).contacts.count
        try a.apply([.contact(base: nil, new: Contact(id: 0, householdId: hid, date: today, withWhom: "Maaike", kind: .telefoon))],
                    householdId: hid, by: sanne, note: nil)
        #expect(try b.hasExternalChanges() == true)
        #expect(try b.hasExternalChanges() == false) // noticed once
        #expect(try b.reload(hid, for: sanne).contacts.count == before + 1)
        // Our own writes and other people's views do not count as changes for us.
        _ = try b.caseFile(hid, for: sanne, reason: nil)
        #expect(try a.hasExternalChanges() == false)
    }

    @Test func theInvariantIsEnforcedInTheStore() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let sanne = try user(store, "sanne")
        let hid = try householdId(store, "Maaike")
        let second = CoordinatorAssignment(id: 0, householdId: hid, coordinator: .professional(DemoRoster.kees), status: .geaccepteerd, proposedOn: today)
        #expect(throws: CaseStoreError.rule(.twoCoordinators)) {
            try store.apply([.coordinator(base: nil, new: second)], householdId: hid, by: sanne, note: nil)
        }
        let file = try store.reload(hid, for: sanne)
        #expect(file.coordinators.filter { $0.status == .geaccepteerd }.count == 1)
    }

    @Test func accessIsNeedToKnowAndLogged() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let lotte = try user(store, "lotte") // leerplicht: only involved with Sepp
        let petra = try user(store, "petra")
        let maaike = try householdId(store, "Maaike")
        #expect(throws: CaseStoreError.accessDenied(household: maaike)) { try store.caseFile(maaike, for: lotte, reason: "nieuwsgierig") }
        #expect(try store.households(for: lotte, today: today).map(\.name) == ["Familie Sepp de Groot"])
        #expect(throws: CaseStoreError.reasonRequired(household: maaike)) { try store.caseFile(maaike, for: petra, reason: nil) }
        _ = try store.caseFile(maaike, for: petra, reason: "Signaal van de woningcorporatie nagaan")
        let log = try store.accessLog(for: petra, householdId: maaike, limit: 10)
        #expect(log.first?.kind == .view && log.first?.actor == "petra" && log.first?.reason == "Signaal van de woningcorporatie nagaan")
        #expect(log.contains { $0.kind == .denied && $0.actor == "lotte" })
        #expect(throws: CaseStoreError.notAllowed("vocab.role.teamleider")) { try store.accessLog(for: lotte, householdId: nil, limit: 10) }
    }

    /// A teamleider who is not involved changes a household only within four hours of opening it
    /// with a reason (logged): a change is never a way around the reason a view needs.
    @Test func aChangeByANonInvolvedTeamleiderNeedsARecentReason() throws {
        let dir = TemporaryDirectory()
        _ = try demoStore(dir)
        let path = dir.file("demo.sqlite")
        let morning = Date(timeIntervalSince1970: TimeInterval(today.ordinal * 86_400 + 9 * 3600))
        func store(at hours: Double) throws -> SQLiteCaseStore {
            try SQLiteCaseStore(path: path, clock: FixedClock(today, now: morning.addingTimeInterval(hours * 3600)))
        }
        let early = try store(at: 0)
        let petra = try user(early, "petra")
        let maaike = try householdId(early, "Maaike")
        #expect(throws: CaseStoreError.writeReasonRequired(household: maaike)) { try early.perform(.setChronic(true), householdId: maaike, by: petra) }
        let file = try early.reload(maaike, for: petra)
        let involved = try #require(try early.roster().professionals.values.sorted { $0.id < $1.id }.first { file.involvedProfessionals.contains($0.id) && $0.role == .medewerker })
        #expect(file.household.chronic == false, "a refused change was written")
        _ = try early.caseFile(maaike, for: petra, reason: "Vervanging van de regisseur tijdens ziekte")
        try early.perform(.setChronic(true), householdId: maaike, by: petra)
        // Three hours later still within the opening; five hours later a new reason is needed.
        try store(at: 3).perform(.setChronic(false), householdId: maaike, by: petra)
        #expect(throws: CaseStoreError.writeReasonRequired(household: maaike)) { try store(at: 5).perform(.setChronic(true), householdId: maaike, by: petra) }
        // Someone involved needs no reason; someone not allowed at all is refused as before.
        try early.perform(.setChronic(true), householdId: maaike, by: involved)
        #expect(throws: CaseStoreError.accessDenied(household: maaike)) { try early.perform(.setChronic(false), householdId: maaike, by: try user(early, "lotte")) }
    }

    @Test func tamperingWithAnyEventIsDetectedAndNamed() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let sanne = try user(store, "sanne")
        for name in ["Maaike", "Jolanda", "Storm"] { _ = try store.caseFile(try householdId(store, name), for: sanne, reason: nil) }
        #expect(try store.check().ok)
        let q = try DatabaseQueue(path: dir.file("demo.sqlite"))
        for (column, id) in [("actor", 2), ("summary", 3), ("at", 4), ("reason", 1)] {
            let original = try q.read { try Row.fetchOne($0, sql: "SELECT \(column) FROM event WHERE id = ?", arguments: [id])![0] as DatabaseValue }
            try q.write { try $0.execute(sql: "UPDATE event SET \(column) = COALESCE(\(column), '') || 'x' WHERE id = ?", arguments: [id]) }
            let report = try SQLiteCaseStore(path: dir.file("demo.sqlite")).check()
            #expect(!report.ok)
            #expect(report.brokenEvent?.id == Int64(id))
            try q.write { try $0.execute(sql: "UPDATE event SET \(column) = ? WHERE id = ?", arguments: [original, id]) }
        }
        try q.write { try $0.execute(sql: "DELETE FROM event WHERE id = 2") }
        #expect(try SQLiteCaseStore(path: dir.file("demo.sqlite")).check().brokenEvent?.id == 3)
    }

    @Test func filesAreCreatedPrivately() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("sub/dir/tafel.sqlite")
        _ = try SQLiteCaseStore(path: path)
        let fileMode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        let dirMode = (try FileManager.default.attributesOfItem(atPath: dir.file("sub/dir"))[.posixPermissions] as! NSNumber).intValue
        #expect(fileMode & 0o777 == 0o600)
        #expect(dirMode & 0o777 == 0o700)
        #expect(!StoreLocation.isReadableByOthers(path))
        chmod(path, 0o644)
        #expect(StoreLocation.isReadableByOthers(path))
    }

    @Test func databaseLocationFollowsFlagThenEnvironmentThenXDG() {
        #expect(StoreLocation.resolve(flag: "/x/a.sqlite", environment: ["TAFEL_DB": "/y"]) == "/x/a.sqlite")
        #expect(StoreLocation.resolve(flag: nil, environment: ["TAFEL_DB": "/y/b.sqlite"]) == "/y/b.sqlite")
        #expect(StoreLocation.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/tafel/tafel.sqlite")
        #expect(StoreLocation.resolve(flag: nil, environment: ["HOME": "/h"]) == "/h/.local/share/tafel/tafel.sqlite")
        #expect(StoreLocation.resolve(flag: "~/t.sqlite", environment: ["HOME": "/h"]) == "/h/t.sqlite")
    }

    @Test func clearErrorsForFilesThatAreNotTafelDatabases() throws {
        let dir = TemporaryDirectory()
        try Data("hello, not a database".utf8).write(to: URL(fileURLWithPath: dir.file("text.sqlite")))
        #expect(throws: CaseStoreError.notATafelDatabase(path: dir.file("text.sqlite"))) { _ = try SQLiteCaseStore(path: dir.file("text.sqlite")) }
        let other = try DatabaseQueue(path: dir.file("other.sqlite"))
        try other.write { try $0.execute(sql: "CREATE TABLE notes (x TEXT)") }
        #expect(throws: CaseStoreError.notATafelDatabase(path: dir.file("other.sqlite"))) { _ = try SQLiteCaseStore(path: dir.file("other.sqlite")) }
        #expect(throws: CaseStoreError.unreadable(path: dir.file("missing.sqlite"), reason: "store.reason.missing")) {
            _ = try SQLiteCaseStore(path: dir.file("missing.sqlite"), create: false)
        }
    }

    @Test func aNewerSchemaIsRefused() throws {
        let dir = TemporaryDirectory()
        _ = try SQLiteCaseStore(path: dir.file("a.sqlite"))
        let q = try DatabaseQueue(path: dir.file("a.sqlite"))
        // What a newer tafel leaves behind: one more migration, and its schema number.
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(Schema.currentVersion + 1)") }
        #expect(throws: CaseStoreError.newerSchema(path: dir.file("a.sqlite"), found: Schema.currentVersion + 1, supported: Schema.currentVersion)) { _ = try SQLiteCaseStore(path: dir.file("a.sqlite")) }
    }

    /// Opening one record reads every table by household; a table without an index on it is a
    /// full scan per opened record, which grows with the city (a missing index once cost 1.3 s).
    @Test func everyTableReadByHouseholdHasAnIndexOnIt() throws {
        let dir = TemporaryDirectory()
        let store = try SQLiteCaseStore(path: dir.file("t.sqlite"))
        let missing: [String] = try store.reader.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            return try tables.filter { table in
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
                guard columns.contains("household_id") else { return false }
                let indexes = try Row.fetchAll(db, sql: "PRAGMA index_list(\(table))").map { $0["name"] as String }
                let leading = try indexes.compactMap { try Row.fetchOne(db, sql: "PRAGMA index_info(\($0))")?["name"] as String? }
                return !leading.contains("household_id")
            }
        }
        #expect(missing == [], "tables read by household without an index on household_id: \(missing)")
    }

    @Test func aDatabaseOfTheFirstMigrationIsUpgraded() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("old.sqlite")
        let old = try DatabasePool(path: path)
        try Schema.migrator.migrate(old, upTo: "v1-base")
        try old.write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('app', 'tafel'), ('domain_set', 'zrm-2017')")
            try db.execute(sql: """
                INSERT INTO household (id, name, wijk, team, status, created_on, cadence_weeks, chronic, no_help_request, own_view)
                VALUES (7, 'Familie Oud', 'Noord', 'Team Noord', 'actief', '2025-01-01', 6, 0, 0, 'oud')
                """)
        }
        try old.close()
        let store = try SQLiteCaseStore(path: path)
        let columns = try store.reader.read { try $0.columns(in: "household").map(\.name) }
        #expect(columns.contains("anonymised_on"))
        #expect(try store.reader.read { try Schema.migrator.hasCompletedMigrations($0) })
        #expect(try store.findHouseholds("Oud").map(\.id) == [7])
    }

    @Test func aReadOnlyFileCanBeReadButNotChanged() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        try store.checkpoint()
        let sanne = try user(store, "sanne")
        let hid = try householdId(store, "Maaike")
        let path = dir.file("demo.sqlite")
        chmod(path, 0o400)
        defer { chmod(path, 0o600) }
        guard getuid() != 0 else { return } // root ignores file modes; the readonly check is then covered by the open mode
        let ro = try SQLiteCaseStore(path: path)
        #expect(try ro.reload(hid, for: sanne).household.name == "Maaike Dekker")
        #expect(throws: CaseStoreError.readOnly(path: path)) {
            try ro.apply([.contact(base: nil, new: Contact(id: 0, householdId: hid, date: today, withWhom: "x", kind: .telefoon))],
                         householdId: hid, by: sanne, note: nil)
        }
    }

    @Test func aLockedDatabaseIsRetriedThenReported() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let sanne = try user(store, "sanne")
        let hid = try householdId(store, "Maaike")
        let blocker = try DatabaseQueue(path: dir.file("demo.sqlite"))
        try blocker.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect(throws: CaseStoreError.locked(path: dir.file("demo.sqlite"))) {
                try store.apply([.contact(base: nil, new: Contact(id: 0, householdId: hid, date: today, withWhom: "x", kind: .telefoon))],
                                householdId: hid, by: sanne, note: nil)
            }
            try db.execute(sql: "ROLLBACK")
        }
        // Once the other writer is gone, the same write succeeds.
        try store.apply([.contact(base: nil, new: Contact(id: 0, householdId: hid, date: today, withWhom: "x", kind: .telefoon))],
                        householdId: hid, by: sanne, note: nil)
    }
}

/// Every kind of event the store writes reads in Dutch in `tafel log`: if a new summary form is added
/// without wording, this names it.
@Suite("Event log wording")
struct EventLogWordingTests {
    @Test func everySummaryTheStoreWritesIsWorded() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let today = Fixture.today
        let sanne = try user(store, "sanne"), petra = try user(store, "petra")
        let maaike = try householdId(store, "Maaike"), deVries = try householdId(store, "De Vries")
        _ = try store.caseFile(maaike, for: sanne, reason: nil)                                   // view
        _ = try store.caseFile(deVries, for: petra, reason: "Controle")                           // break the glass
        _ = try? store.caseFile(maaike, for: try user(store, "lotte"), reason: nil)               // refused
        var file = try store.reload(maaike, for: sanne)
        let action = file.actions.first { $0.isOpen }!
        var done = action
        done.description += " (bijgewerkt)"
        _ = try store.apply([.action(base: action, new: done),
                             .contact(base: nil, new: Contact(id: 0, householdId: maaike, date: today, withWhom: "Maaike", kind: .telefoon))],
                            householdId: maaike, by: sanne, note: nil)                            // created + changed
        file = try store.reload(maaike, for: sanne)
        var domain = file.domains.first!
        let baseDomain = domain
        domain.situation += " Nieuw."
        _ = try store.apply([.domain(base: baseDomain, new: domain)], householdId: maaike, by: sanne, note: nil)
        let created = try store.createHousehold(Household(id: 0, name: "Familie Test", wijk: "Bloemhof", team: file.household.team, createdOn: today),
                                                members: [Member(id: 0, householdId: 0, name: "Test Ouder", role: .ouder, birthYear: 1980)], by: sanne)
        _ = try store.saveProfessional(Professional(id: 0, name: "Nieuwe Collega", organisationId: nil, discipline: "maatschappelijk werk",
                                                    role: .medewerker, login: "nieuw"), organisation: nil, actor: "beheer")
        var data = Data()
        try store.export(actor: "sanne") { data.append($0) }
        try store.export(actor: "sanne", householdId: maaike) { _ in }
        try store.logExport(householdId: maaike, what: "minutes (team, md)", by: sanne)
        try store.anonymise([created.id], actor: "beheer", today: today)
        let other = try SQLiteCaseStore(path: dir.file("other.sqlite"), clock: FixedClock(today))
        try other.importDocument(try TransferValidator.decode(data), merge: false, actor: "beheer")

        let nl = Strings(.nl)
        let events = try store.accessLog(for: petra, householdId: nil, limit: 1000) + (try other.accessLog(for: petra, householdId: nil, limit: 10))
        let kinds = Set(events.map(\.kind))
        #expect(kinds.isSuperset(of: [.view, .create, .change, .export, .import, .denied, .retention]), "\(kinds)")
        let english = ["opened", "created", "changed", "recorded", "saved", "refused", "exported", "imported", "anonymised", "household(s)", "member(s)", "nothing"]
        for e in events {
            let text = EventSummaryText.localized(e.summary, strings: nl)
            for word in english where text.contains(word) {
                Issue.record("event \(e.id) (\(e.kind)) not worded: \"\(e.summary)\" → \"\(text)\"")
            }
        }
    }
}
