import Foundation
import GRDB
import Testing
import TestSupport
@testable import TafelCore
@testable import TafelStore

/// Rows changed behind tafel's back (another connection, like the sqlite3 shell, without tafel's
/// triggers) are named by `check`; a cut or recomputed chain is caught by the anchor.
@Suite("Tamper evidence for the data")
struct TamperEvidenceTests {
    /// A connection of its own, as the sqlite3 shell would open it.
    func shell(_ store: SQLiteCaseStore, _ sql: String) throws {
        let q = try DatabaseQueue(path: store.path)
        try q.write { try $0.execute(sql: sql) }
        try q.close()
    }

    @Test func aSoundDatabaseChecksCleanAfterEveryKindOfWrite() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let sanne = try user(store, "sanne")
        let hid = try householdId(store, "Maaike")
        let file = try store.caseFile(hid, for: sanne, reason: nil)
        let action = file.actions.first { $0.status.isOpen }!
        _ = try store.perform(.closeAction(action.id, .gedaan, replacedBy: nil), householdId: hid, by: sanne)
        _ = try store.perform(.setChronic(true), householdId: hid, by: sanne)
        let report = try store.check()
        #expect(report.dataProblems.isEmpty, "\(report.dataProblems)")
        #expect(report.fingerprinted > 100)
        #expect(report.ok)
    }

    @Test func editedInsertedAndDeletedRowsAreNamed() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let action = try store.read { try Int64.fetchOne($0, sql: "SELECT min(id) FROM action WHERE status = 'open'")! }
        let member = try store.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM member WHERE id NOT IN (SELECT member_id FROM assessment WHERE member_id IS NOT NULL) AND id NOT IN (SELECT member_id FROM action WHERE member_id IS NOT NULL) AND id NOT IN (SELECT member_id FROM consent WHERE member_id IS NOT NULL)")! }
        try shell(store, "UPDATE action SET status = 'gedaan', close_reason = 'gedaan' WHERE id = \(action)")
        try shell(store, "DELETE FROM member WHERE id = \(member)")
        try shell(store, "INSERT INTO contact (household_id, date, professional_id, with_whom, kind, note) SELECT household_id, date, professional_id, with_whom, kind, 'vervalst' FROM contact LIMIT 1")
        let contact = try store.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM contact")! }
        let problems = try store.check().dataProblems
        #expect(problems.contains(Message("check.fp.edited", .text("action"), .number(Int(action)))))
        #expect(problems.contains(Message("check.fp.deleted", .text("member"), .number(Int(member)))))
        #expect(problems.contains(Message("check.fp.inserted", .text("contact"), .number(Int(contact)))))
        #expect(!(try store.check().ok))
    }

    /// The check walks each table beside its recorded fingerprints: rows gone at the start, in the
    /// middle and at the end, an edit and an insert in the same table are each named once, nothing else.
    @Test func everyDifferenceInOneTableIsNamedWhereverItIs() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let ids = try store.read { try Int64.fetchAll($0, sql: "SELECT id FROM contact ORDER BY id") }
        try #require(ids.count >= 6)
        let (first, middle, last, edited) = (ids[0], ids[ids.count / 2], ids[ids.count - 1], ids[2])
        try shell(store, "DELETE FROM contact WHERE id IN (\(first), \(middle), \(last))")
        try shell(store, "UPDATE contact SET note = 'anders' WHERE id = \(edited)")
        try shell(store, "INSERT INTO contact (id, household_id, date, professional_id, with_whom, kind, note) SELECT \(last + 100), household_id, date, professional_id, with_whom, kind, 'vervalst' FROM contact LIMIT 1")
        let problems = try store.check().dataProblems
        #expect(problems == [Message("check.fp.edited", .text("contact"), .number(Int(edited))),
                             Message("check.fp.inserted", .text("contact"), .number(Int(last + 100))),
                             Message("check.fp.deleted", .text("contact"), .number(Int(first))),
                             Message("check.fp.deleted", .text("contact"), .number(Int(middle))),
                             Message("check.fp.deleted", .text("contact"), .number(Int(last)))], "\(problems)")
    }

    @Test func domainRulesBrokenOutsideTafelAreNamed() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let hid = try householdId(store, "De Vries")
        try shell(store, "UPDATE coordinator SET status = 'geaccepteerd' WHERE household_id = \(hid)")
        try shell(store, "UPDATE action SET status = 'vervallen', close_reason = NULL WHERE id = (SELECT min(id) FROM action)")
        let problems = try store.check().dataProblems
        #expect(problems.contains { $0.key == "check.inv.coordinators" })
        #expect(problems.contains { $0.key == "check.inv.closed-without-reason" })
    }

    @Test func rewrittenFingerprintsBreakTheStateTheChainVouchesFor() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        // Edit a row and forge its fingerprint to match: the rows agree, the sum does not.
        try shell(store, "UPDATE household SET own_view = 'vervalst' WHERE id = 1")
        let row = try store.read { try Row.fetchOne($0, sql: "SELECT * FROM household WHERE id = 1")! }
        let forged = RowFingerprints.digest(table: "household", rid: 1, row: row)
        let q = try DatabaseQueue(path: store.path)
        try q.write { try $0.execute(sql: "UPDATE row_digest SET digest = ? WHERE tbl = 'household' AND rid = 1", arguments: [forged]) }
        try q.close()
        let problems = try store.check().dataProblems
        #expect(problems == [Message("check.fp.altered")])
    }

    @Test func aCutOrRecomputedChainIsCaughtByTheAnchor() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let sanne = try user(store, "sanne")
        for name in ["Maaike", "Storm", "Willem"] { _ = try store.caseFile(try householdId(store, name), for: sanne, reason: nil) }
        let anchor = try store.check().head!
        #expect(try store.compareAnchor(id: anchor.id, hash: anchor.hash) == .holds)
        // Cutting off the tail (the last views) leaves a whole chain, but not the anchored event.
        try shell(store, "DELETE FROM event WHERE id > \(anchor.id - 2)")
        #expect(try store.check().brokenEvent == nil)
        #expect(try store.compareAnchor(id: anchor.id, hash: anchor.hash) == .missing)

        // Recomputing the chain after forging an event: whole again, but the anchor disagrees.
        let dir2 = TemporaryDirectory()
        let again = try demoStore(dir2)
        let head = try again.check().head!
        let q = try DatabaseQueue(path: again.path)
        try q.write { db in
            try db.execute(sql: "UPDATE event SET summary = 'niets gebeurd' WHERE id = 1")
            var previous = AuditChain.genesis
            for var e in try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY id").map(RowMapping.event) {
                e.prevHash = previous
                e.hash = AuditChain.hash(previous: previous, content: e.canonicalContent)
                try db.execute(sql: "UPDATE event SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [e.prevHash, e.hash, e.id])
                previous = e.hash
            }
        }
        try q.close()
        #expect(try again.check().brokenEvent == nil, "the recomputed chain is whole from the inside")
        #expect(try again.compareAnchor(id: head.id, hash: head.hash) == .mismatch)
    }

    @Test func aDamagedCellIsAnErrorNamingTableRowAndColumn() throws {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        let member = try store.read { try Row.fetchOne($0, sql: "SELECT id, household_id FROM member ORDER BY id LIMIT 1")! }
        let mid: Int64 = member["id"], hid: Int64 = member["household_id"]
        try shell(store, "UPDATE member SET birth_year = 'abc' WHERE id = \(mid)")
        let beheer = try user(store, "beheer")
        #expect(throws: CaseStoreError.damaged(table: "member", id: mid, column: "birth_year")) {
            _ = try store.caseFile(hid, for: beheer, reason: "controle")
        }
        var written = Data()
        #expect(throws: CaseStoreError.damaged(table: "member", id: mid, column: "birth_year")) {
            try store.export(actor: "beheer") { written.append($0) }
        }
        #expect((try? JSONSerialization.jsonObject(with: written)) == nil, "a cut-off export must not parse as whole")
        #expect(try store.check().dataProblems.contains(Message("store.damaged", .text("member"), .text(String(mid)), .text("birth_year"))))
    }

    @Test func aReadOnlySessionStillLogsViewsAndExports() throws {
        let dir = TemporaryDirectory()
        let path = try demoStore(dir).path
        let store = try SQLiteCaseStore(path: path, clock: FixedClock(Fixture.today), create: false, readOnly: true)
        let sanne = try user(store, "sanne")
        let before = try store.check().events
        _ = try store.caseFile(try householdId(store, "Maaike"), for: sanne, reason: nil)
        try store.logExport(householdId: nil, what: "minutes", by: sanne)
        #expect(try store.check().events == before + 2)
        let hid = try householdId(store, "Maaike")
        #expect(throws: CaseStoreError.readOnlySession(path: path)) {
            _ = try store.perform(.setChronic(true), householdId: hid, by: sanne)
        }
        // A file nobody may write cannot take the log entry, so the record is not shown.
        chmod(path, 0o400)
        defer { chmod(path, 0o600) }
        if getuid() != 0 {
            let archived = try SQLiteCaseStore(path: path, clock: FixedClock(Fixture.today), create: false)
            #expect(throws: CaseStoreError.logUnavailable(path: path)) {
                _ = try archived.caseFile(hid, for: sanne, reason: nil)
            }
        }
    }
}

/// An upgrade that adds a column to a fingerprinted table keeps `check` clean.
@Suite("Fingerprints across upgrades")
struct FingerprintUpgradeTests {
    @Test func aDatabaseFromSchema9ChecksCleanAfterTheUpgrade() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("old.sqlite")
        // A schema-9 database with data and fingerprints, as tafel 9 left it.
        let q = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(q, upTo: "v9-reference-kaart-knelpunten")
        let demo = DemoScenario.build(today: Fixture.today)
        try q.write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('app', 'tafel'), ('domain_set', 'zrm-2017')")
            for o in demo.organisations { try db.execute(sql: "INSERT INTO organisation (id, name, kind) VALUES (?, ?, ?)", arguments: [o.id, o.name, o.kind]) }
            for p in demo.professionals {
                try db.execute(sql: "INSERT INTO professional (id, name, organisation_id, discipline, role, login, team) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [p.id, p.name, p.organisationId, p.discipline, p.role.rawValue, p.login, p.team])
            }
            let f = demo.households.first { !$0.escalations.isEmpty }!
            try RecordWriter.write(f.household, db)
            for e in f.escalations {
                try db.execute(sql: "INSERT INTO escalation (id, household_id, reason, raised_by, raised_to, raised_on, deadline) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [e.id, e.householdId, e.reason, e.raisedBy, e.raisedTo, e.raisedOn.iso, e.deadline.iso])
            }
            let state = try RowFingerprints.recordAll(db)
            try AuditChain.append(db, at: Date(), actor: "system", householdId: nil, kind: .system, entity: "database", entityId: nil,
                                  summary: "row fingerprints recorded", reason: nil, state: state)
        }
        try q.close()
        let store = try SQLiteCaseStore(path: path, clock: FixedClock(Fixture.today), create: false)
        let report = try store.check()
        #expect(report.dataProblems.isEmpty, "\(report.dataProblems)")
        #expect(report.brokenEvent == nil)
    }
}
