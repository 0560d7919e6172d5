import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    /// Writes the whole database as JSON (see `TransferDocument`), one household at a time.
    /// The export is logged in the audit log as the given actor.
    public func export(actor: String, householdId: Int64? = nil, to sink: (Data) throws -> Void) throws {
        let settings = try settings()
        try read { db in
            let orgs = try Row.fetchAll(db, sql: "SELECT * FROM organisation ORDER BY id").map(RowMapping.organisation)
            let pros = try Row.fetchAll(db, sql: "SELECT * FROM professional ORDER BY id").map(RowMapping.professional)
            let ids = try householdId.map { [$0] } ?? Int64.fetchAll(db, sql: "SELECT id FROM household ORDER BY id")
            let files = ids.lazy.compactMap { try? self.loadCaseFile(db, $0) }
            try TransferDocument.write(settings: settings, organisations: orgs, professionals: pros, households: files, to: sink)
        }
        if writer != nil {
            try write { db in
                try log(db, actor: actor, household: householdId, kind: .export, entity: householdId == nil ? "database" : "household",
                        entityId: householdId, summary: householdId == nil ? "exported the whole database" : "exported household \(householdId!)")
            }
        }
    }

    /// The whole database as a document in memory (tests and the differential audit check).
    public func exportDocument() throws -> TransferDocument {
        var data = Data()
        try export(actor: "system") { data.append($0) }
        return try TransferValidator.decode(data)
    }

    /// The ids already in the database (for a merge).
    func existingIds(_ db: Database) throws -> TransferValidator.ExistingIds {
        func ids(_ table: String) throws -> Set<Int64> { Set(try Int64.fetchAll(db, sql: "SELECT id FROM \(table)")) }
        var e = TransferValidator.ExistingIds()
        e.organisations = try ids("organisation"); e.professionals = try ids("professional")
        e.logins = Set(try String.fetchAll(db, sql: "SELECT login FROM professional"))
        e.households = try ids("household"); e.members = try ids("member"); e.informal = try ids("informal_person")
        e.signals = try ids("signal"); e.meetings = try ids("meeting"); e.attendees = try ids("attendee")
        e.assessments = try ids("assessment"); e.coordinators = try ids("coordinator"); e.actions = try ids("action")
        e.consents = try ids("consent"); e.escalations = try ids("escalation"); e.contacts = try ids("contact")
        return e
    }

    /// Imports a document in one transaction: all or nothing. Refuses a non-empty database
    /// unless `merge` is set and no ids clash.
    public func importDocument(_ doc: TransferDocument, merge: Bool, actor: String, summary: String = "imported") throws {
        let domains = Set(reference.domainSets.flatMap(\.codes))
        try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM professional) + (SELECT count(*) FROM organisation)") ?? 0
            if count > 0 && !merge { throw ImportError("", Message("import.not-empty")) }
            let existing = count > 0 ? try existingIds(db) : TransferValidator.ExistingIds()
            try TransferValidator.validate(doc, domains: domains, existing: existing)
            if count > 0 {
                let current = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'domain_set'")
                if let current, current != doc.settings.domainSet {
                    throw ImportError("settings.domainSet", Message("import.domain-set", .text(doc.settings.domainSet), .text(current)))
                }
            } else {
                guard reference.domainSet(doc.settings.domainSet) != nil else {
                    throw ImportError("settings.domainSet", Message("import.unknown-domain-set", .text(doc.settings.domainSet)))
                }
                try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'domain_set'", arguments: [doc.settings.domainSet])
            }
            for o in doc.organisations { try RecordWriter.write(o, db) }
            for p in doc.professionals { try RecordWriter.write(p, db) }
            for f in doc.households { try RecordWriter.write(f, db) }
            try indexHouseholds(db, doc.households)
            try log(db, actor: actor, household: nil, kind: .import, entity: "database", entityId: nil,
                    summary: "\(summary): \(doc.households.count) household(s), \(doc.professionals.count) professional(s)")
        }
    }

    /// Writes generated or demo households in batches, each batch one transaction with its event.
    public func bulkInsert(organisations: [Organisation], professionals: [Professional], households: [CaseFile],
                           actor: String, summary: String) throws {
        try write { db in
            for o in organisations { try RecordWriter.write(o, db) }
            for p in professionals { try RecordWriter.write(p, db) }
            for f in households { try RecordWriter.write(f, db) }
            try indexHouseholds(db, households)
            try log(db, actor: actor, household: nil, kind: .import, entity: "database", entityId: nil,
                    summary: "\(summary): \(households.count) household(s)")
        }
    }

    /// Puts written households into the audit's index (inside the caller's transaction), from the
    /// files in hand rather than reading them back.
    func indexHouseholds(_ db: Database, _ files: [CaseFile]) throws {
        guard !files.isEmpty else { return }
        let roster = Roster(organisations: try Row.fetchAll(db, sql: "SELECT * FROM organisation").map(RowMapping.organisation),
                            professionals: try Row.fetchAll(db, sql: "SELECT * FROM professional").map(RowMapping.professional))
        let set = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'domain_set'") ?? reference.defaultDomainSet
        let order = reference.domainSet(set)?.codes ?? reference.domainSet(reference.defaultDomainSet)!.codes
        let config = try indexedConfig(db) ?? SignalConfig()
        for f in files {
            let ctx = SignalContext(today: clock.today, thresholds: config.thresholds(team: f.household.team), roster: roster, domainOrder: order)
            try FindingIndex.refresh(db, f, context: ctx)
        }
        if try indexedConfig(db) == nil {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('finding_config', ?) ON CONFLICT(key) DO NOTHING",
                           arguments: [String(decoding: try JSONEncoder.sorted.encode(config), as: UTF8.self)])
        }
    }

    /// Sets the active domain set (empty databases only: changing it later would orphan data).
    public func setDomainSet(_ id: String) throws {
        try write { db in try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'domain_set'", arguments: [id]) }
    }

    // MARK: Check

    /// The result of `tafel check`.
    public struct CheckReport: Sendable {
        public var integrity: [String]
        public var foreignKeys: [String]
        public var brokenEvent: (id: Int64, reason: Message)?
        public var events: Int
        public var ok: Bool { integrity == ["ok"] && foreignKeys.isEmpty && brokenEvent == nil }
    }

    /// SQLite's integrity check, the foreign key check and the audit chain.
    public func check() throws -> CheckReport {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { r -> String in
                "\(r[0] as String? ?? "?") rowid \(r[1] as Int64? ?? 0) → \(r[2] as String? ?? "?")"
            }
            let broken = try AuditChain.firstBrokenEvent(db)
            let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
            return CheckReport(integrity: integrity, foreignKeys: fk, brokenEvent: broken, events: n)
        }
    }
}
