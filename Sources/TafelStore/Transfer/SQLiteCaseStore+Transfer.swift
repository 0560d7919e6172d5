import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    /// Writes the whole database as JSON (see `TransferDocument`), one household at a time.
    /// The export is logged in the audit log as the given actor.
    /// `progress` hears (households written, households in all) as the export goes.
    public func export(actor: String, householdId: Int64? = nil, progress: ((Int, Int) -> Void)? = nil, to sink: (Data) throws -> Void) throws {
        let settings = try settings()
        // Logged before the first byte leaves: an export that is interrupted was still an export.
        // A file nobody can write cannot log it, and then nothing is exported (Docs/SECURITY.md).
        try writeBookkeeping { db in
            try log(db, actor: actor, household: householdId, kind: .export, entity: householdId == nil ? "database" : "household",
                    entityId: householdId, summary: householdId == nil ? "exported the whole database" : "exported household \(householdId!)")
        }
        try read { db in
            let orgs = try Array(Row.fetchCursor(db, sql: "SELECT * FROM organisation ORDER BY id").map(RowMapping.organisation))
            let pros = try Array(Row.fetchCursor(db, sql: "SELECT * FROM professional ORDER BY id").map(RowMapping.professional))
            let ids = try householdId.map { [$0] } ?? Int64.fetchAll(db, sql: "SELECT id FROM household ORDER BY id")
            // The sociale kaart travels with the whole database, not with one household.
            let services = householdId == nil ? try self.services(db) : []
            // A household that cannot be read stops the export with its reason: a backup that
            // silently leaves a household out is worse than none.
            var done = 0
            try TransferDocument.write(settings: settings, organisations: orgs, professionals: pros, householdIds: ids, services: services,
                                       load: { id in
                                           defer { done += 1; progress?(done, ids.count) }
                                           return try self.loadCaseFile(db, id)
                                       }, to: sink)
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
        e.blockedRules = try ids("blocked_rule"); e.indications = try ids("indication")
        return e
    }

    /// Imports a document in one transaction: all or nothing. Refuses a non-empty database
    /// unless `merge` is set and no ids clash.
    /// `progress` hears (steps done, steps in all): each household written, then each indexed.
    public func importDocument(_ doc: TransferDocument, merge: Bool, actor: String, summary: String = "imported",
                               progress: ((Int, Int) -> Void)? = nil) throws {
        let domains = Set(reference.domainSets.flatMap(\.codes))
        try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM professional) + (SELECT count(*) FROM organisation)") ?? 0
            if count > 0 && !merge { throw ImportError("", Message("import.not-empty")) }
            let existing = count > 0 ? try existingIds(db) : TransferValidator.ExistingIds()
            try TransferValidator.validate(doc, domains: domains, existing: existing)
            try useDomainSet(db, of: doc, merging: count > 0)
            try writeRoster(db, doc)
            let steps = doc.households.count * 2
            for (i, f) in doc.households.enumerated() {
                try RecordWriter.write(f, db)
                progress?(i + 1, steps)
            }
            try indexHouseholds(db, doc.households) { progress?(doc.households.count + $0, steps) }
            try log(db, actor: actor, household: nil, kind: .import, entity: "database", entityId: nil,
                    summary: "\(summary): \(doc.households.count) household(s), \(doc.professionals.count) professional(s)")
        }
    }

    /// The page cache an import works with (KB): fewer pages written twice, within the import's memory goal.
    static let importCacheKB = 32_768

    /// Imports a file read by `TransferReader`, household by household, in one transaction: all or
    /// nothing as `importDocument`, with the same checks, but memory bounded by a batch of households
    /// rather than the whole document.
    public func importFile(_ reader: TransferReader, merge: Bool, actor: String, summary: String = "imported",
                           progress: ((Int, Int) -> Void)? = nil) throws {
        let doc = reader.header
        let domains = Set(reference.domainSets.flatMap(\.codes))
        try write { db in
            // A larger page cache for the length of the import: with the usual 1 MB every B-tree page
            // is spilled to the log again and again (a third of the time went to writing it).
            try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = -1024") }
            let count = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM professional) + (SELECT count(*) FROM organisation)") ?? 0
            if count > 0 && !merge { throw ImportError("", Message("import.not-empty")) }
            let existing = count > 0 ? try existingIds(db) : TransferValidator.ExistingIds()
            let roster = try TransferValidator.validateRoster(doc, domains: domains, existing: existing)
            // Into an empty database every row is new: fingerprint them in one pass at the end
            // instead of collecting a million touched rows (a merge collects as every change does).
            let fresh = try count == 0 && !RowFingerprints.hasUnsettled(db)
            if fresh { try RowFingerprints.pauseTriggers(db) }
            // Into an empty database the secondary indexes are built once at the end, from sorted
            // rows, instead of being updated row by row (Docs/PERFORMANCE.md). Every lookup the
            // writer makes meanwhile goes through a primary key. Inside the transaction: a failed
            // import rolls the indexes back with everything else.
            let deferredIndexes = fresh ? try Self.dropSecondaryIndexes(db) : []
            try useDomainSet(db, of: doc, merging: count > 0)
            try writeRoster(db, doc)
            let people = try Self.loadRoster(db)
            var seen = TransferValidator.ExistingIds()
            // Batches of households decoded on every core, then checked and written in order.
            // (Decoding the next batch while writing this one was measured: no gain on two cores.)
            var start = 0
            while start < reader.count {
                let batch = try reader.households(start..<min(start + 256, reader.count))
                for (k, f) in batch.enumerated() {
                    try TransferValidator.validateHousehold(f, at: start + k, roster: roster, domains: domains, existing: existing, seen: &seen)
                    try RecordWriter.write(f, db)
                }
                try indexHouseholds(db, batch, roster: people)
                start += batch.count
                progress?(start, reader.count)
            }
            var state: StateDigest?
            if fresh {
                state = try RowFingerprints.recordAll(db)
                for sql in deferredIndexes { try db.execute(sql: sql) }
                try RowFingerprints.installTriggers(db)
            }
            try log(db, actor: actor, household: nil, kind: .import, entity: "database", entityId: nil,
                    summary: "\(summary): \(reader.count) household(s), \(doc.professionals.count) professional(s)", state: state)
        }
    }

    /// Drops every secondary index of the schema (not the primary keys, not SQLite's own unique
    /// indexes) and returns the statements that create them again.
    static func dropSecondaryIndexes(_ db: Database) throws -> [String] {
        let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        for r in indexes { try db.execute(sql: "DROP INDEX main.\"\((r["name"] as String).replacingOccurrences(of: "\"", with: "\"\""))\"") }
        return indexes.map { $0["sql"] }
    }

    /// A merge keeps the database's domain set (and refuses a file with another); a new database takes the file's.
    func useDomainSet(_ db: Database, of doc: TransferDocument, merging: Bool) throws {
        if merging {
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
    }

    /// Organisations, professionals and the sociale kaart (in a merge, a service already there, by
    /// name and organisation, is kept as it is).
    func writeRoster(_ db: Database, _ doc: TransferDocument) throws {
        for o in doc.organisations { try RecordWriter.write(o, db) }
        for p in doc.professionals { try RecordWriter.write(p, db) }
        for s in doc.services ?? [] {
            let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM service WHERE name = ? AND organisation = ?)",
                                          arguments: [s.name, s.organisation]) ?? false
            if !known { try RecordWriter.write(s, db) }
        }
    }

    /// Writes generated or demo households in batches, each batch one transaction with its event.
    public func bulkInsert(organisations: [Organisation], professionals: [Professional], households: [CaseFile],
                           services: [Service] = [], actor: String, summary: String) throws {
        try write { db in
            for o in organisations { try RecordWriter.write(o, db) }
            for s in services { try RecordWriter.write(s, db) }
            for p in professionals { try RecordWriter.write(p, db) }
            for f in households { try RecordWriter.write(f, db) }
            try indexHouseholds(db, households)
            try log(db, actor: actor, household: nil, kind: .import, entity: "database", entityId: nil,
                    summary: "\(summary): \(households.count) household(s)")
        }
    }

    /// Puts written households into the audit's index (inside the caller's transaction), from the
    /// files in hand rather than reading them back.
    /// `roster`: the one already read (an import reads it once, not once per batch).
    func indexHouseholds(_ db: Database, _ files: [CaseFile], roster known: Roster? = nil, indexed: ((Int) -> Void)? = nil) throws {
        guard !files.isEmpty else { return }
        let roster = try known ?? Self.loadRoster(db)
        let set = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'domain_set'") ?? reference.defaultDomainSet
        let order = reference.domainSet(set)?.codes ?? reference.domainSet(reference.defaultDomainSet)!.codes
        let config = try indexedConfig(db) ?? SignalConfig()
        for (i, f) in files.enumerated() {
            let ctx = SignalContext(today: clock.today, thresholds: config.thresholds(team: f.household.team), roster: roster, domainOrder: order)
            try FindingIndex.refresh(db, f, context: ctx)
            indexed?(i + 1)
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
        /// Rows changed outside tafel, broken domain rules and unreadable cells, one message each.
        public var dataProblems: [Message]
        /// How many rows carry a fingerprint.
        public var fingerprinted: Int
        /// The newest event (what an anchor records).
        public var head: (id: Int64, hash: String)?
        public var ok: Bool { integrity == ["ok"] && foreignKeys.isEmpty && brokenEvent == nil && dataProblems.isEmpty }
    }

    /// SQLite's integrity check, the foreign key check, the audit chain, every row against its
    /// fingerprint, the domain invariants and every household read back in full.
    /// `progress` hears (steps done, steps in all): five whole-file checks, then each household read back.
    public func check(progress: ((Int, Int) -> Void)? = nil) throws -> CheckReport {
        try read { db in
            let households = try Int64.fetchAll(db, sql: "SELECT id FROM household ORDER BY id")
            let steps = 5 + households.count
            progress?(0, steps)
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            progress?(1, steps)
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { r -> String in
                "\(r[0] as String? ?? "?") rowid \(r[1] as Int64? ?? 0) → \(r[2] as String? ?? "?")"
            }
            progress?(2, steps)
            let broken = try AuditChain.firstBrokenEvent(db)
            let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
            progress?(3, steps)
            var problems: [Message] = []
            for d in try RowFingerprints.verify(db, expected: try AuditChain.headState(db)) {
                switch d {
                case .edited(let t, let id): problems.append(Message("check.fp.edited", .text(t), .number(Int(id))))
                case .inserted(let t, let id): problems.append(Message("check.fp.inserted", .text(t), .number(Int(id))))
                case .deleted(let t, let id): problems.append(Message("check.fp.deleted", .text(t), .number(Int(id))))
                case .fingerprintsAltered: problems.append(Message("check.fp.altered"))
                }
            }
            progress?(4, steps)
            problems += try Self.invariantProblems(db)
            progress?(5, steps)
            // Every household read back as the app reads it: a damaged cell is named here, not
            // found later by a crash or a half export.
            for (i, id) in households.enumerated() {
                do { _ = try loadCaseFile(db, id) } catch let e as CaseStoreError { problems.append(e.message) }
                progress?(6 + i, steps)
            }
            for (table, mapper) in [("organisation", { r in _ = try RowMapping.organisation(r) }), ("professional", { r in _ = try RowMapping.professional(r) })] as [(String, (Row) throws -> Void)] {
                for r in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                    do { try mapper(r) } catch let e as CaseStoreError { problems.append(e.message) }
                }
            }
            let fingerprinted = try Int.fetchOne(db, sql: "SELECT count(*) FROM row_digest") ?? 0
            return CheckReport(integrity: integrity, foreignKeys: fk, brokenEvent: broken, events: n, dataProblems: problems,
                               fingerprinted: fingerprinted, head: try AuditChain.head(db))
        }
    }

    /// Rules the data must keep whoever wrote it: one accepted regisseur per household, a reason
    /// on every closed action, an end date on every ended regisseur.
    static func invariantProblems(_ db: Database) throws -> [Message] {
        var problems: [Message] = []
        for r in try Row.fetchAll(db, sql: """
            SELECT household_id, count(*) AS n FROM coordinator WHERE status = 'geaccepteerd' GROUP BY household_id HAVING n > 1 ORDER BY household_id
            """) {
            problems.append(Message("check.inv.coordinators", .number(r["household_id"]), .number(r["n"])))
        }
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM action WHERE status IN ('gedaan', 'vervallen') AND close_reason IS NULL ORDER BY id") {
            problems.append(Message("check.inv.closed-without-reason", .number(Int(id))))
        }
        return problems
    }
}

/// How the audit chain compares with an anchor kept outside the database.
public enum AnchorStatus: Hashable, Sendable {
    /// The anchored event is still there with the same hash.
    case holds
    /// The anchored event is gone: the log was cut short.
    case missing
    /// The anchored event has another hash: the chain was recomputed or replaced.
    case mismatch
}

extension SQLiteCaseStore {
    /// Compares the chain with an anchor (the id and hash of an event recorded earlier).
    public func compareAnchor(id: Int64, hash: String) throws -> AnchorStatus {
        guard let stored = try read({ try String.fetchOne($0, sql: "SELECT hash FROM event WHERE id = ?", arguments: [id]) }) else { return .missing }
        return stored == hash ? .holds : .mismatch
    }
}
