import Foundation
import GRDB
import TafelCore

/// The SQLite implementation of `CaseStore` (GRDB, WAL, one file).
///
/// Reads go through a `DatabasePool` so the shared screen and a laptop over SSH can use one
/// file at once; every mutation is one IMMEDIATE transaction that also appends its audit
/// event. A read-only file is opened read-only: reading works, saving says why it cannot.
public final class SQLiteCaseStore: CaseStore, @unchecked Sendable {
    public let path: String
    /// The schema version this build writes (`tafel --version`).
    public static var schemaVersion: Int { Schema.currentVersion }
    public var location: String { path }
    let reader: any DatabaseReader
    let writer: (any DatabaseWriter)?
    /// Opened with `--read-only` on a writable file: data cannot change, but views and exports
    /// are still logged (a read-only session is never an unlogged one; Docs/SECURITY.md).
    let dataReadOnly: Bool
    /// Opened as it is on a full disk (`readableOnFullDisk`): every write says the disk is full.
    public let openedOnFullDisk: Bool
    let clock: any Clock
    /// Reference data given at opening; nil means the bundled set, decoded when first needed.
    private let givenReference: ReferenceData?
    public var reference: ReferenceData { givenReference ?? .current }
    /// The newest event this process has seen (for noticing other processes' commits); nil until
    /// the first look (`startWatching` or the first poll), which most commands never make.
    var lastSeenEvent: Int64?
    private let lock = NSLock()
    /// The roster as read at an event id; reused while no new event was written.
    private var rosterCache: (event: Int64, roster: Roster)?
    /// Whether the writing connection has its fingerprint triggers (RowFingerprints).
    private var fingerprintTriggers = false

    /// Opens (and, when `create`, creates) the database at `path`, migrating it to the
    /// current schema. Throws a `CaseStoreError` with a clear reason when it cannot.
    /// - Parameter readOnly: open without the right to change anything (archives, a viewing screen);
    ///   a file the user cannot write is opened read-only anyway.
    /// - Parameter busyTimeout: how long a write waits for another process's lock before it is
    ///   reported as locked (tests shorten it).
    /// - Parameter singleConnection: one connection for reads and writes (a command-line listing)
    ///   instead of a pool with concurrent readers (the TUI, which reads while it writes).
    /// - Parameter readableOnFullDisk: on a full disk, read the file as it is (immutable, nothing
    ///   written) when no change waits in its write-ahead log — for a short command; a long-lived
    ///   screen must not, as another process may write once room is made.
    public init(path: String, clock: any Clock = SystemClock(), create: Bool = true, readOnly: Bool = false,
                reference: ReferenceData? = nil, busyTimeout: TimeInterval = 3, singleConnection: Bool = false,
                readableOnFullDisk: Bool = false) throws {
        self.path = path
        self.clock = clock
        self.givenReference = reference
        self.dataReadOnly = readOnly
        let fm = FileManager.default
        var exists = fm.fileExists(atPath: path)
        if exists, let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 {
            guard fm.isReadableFile(atPath: path) else { throw CaseStoreError.unreadable(path: path, reason: "store.reason.no-permission") }
            guard let h = FileHandle(forReadingAtPath: path) else { throw CaseStoreError.unreadable(path: path, reason: "store.reason.cannot-open") }
            let header = h.readData(ofLength: 16)
            try? h.close()
            guard header == Data("SQLite format 3\0".utf8) else { throw CaseStoreError.notATafelDatabase(path: path) }
        } else if !exists {
            guard create && !readOnly else { throw CaseStoreError.unreadable(path: path, reason: "store.reason.missing") }
            do {
                try StoreLocation.prepareDirectory(for: path)
            } catch {
                throw CaseStoreError.unreadable(path: path, reason: "store.reason.no-folder")
            }
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CaseStoreError.readOnly(path: path)
            }
            exists = true
        }
        let writable = fm.isWritableFile(atPath: path) && fm.isWritableFile(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another writer holds the lock: retry briefly, then report it as locked.
        config.busyMode = .timeout(busyTimeout)
        config.label = "tafel"
        // Two readers are plenty for one user's screen; a modest page cache per connection keeps
        // memory small on large municipalities (the audit is one sequential query anyway, and the
        // OS caches the file). The audit's temporary tables each get their own 2 MB page cache; the
        // soft heap limit lets SQLite recycle those pages instead of growing to ~30 MB. Measured at
        // 10,000 households (Docs/PERFORMANCE.md): peak RSS 65 → 60 MB, audit time +2 %; a limit
        // of 20 MB cost +12 %. No memory map: every page of the file a query touched stayed in the
        // process's resident set (the households list at 100,000 households: 1.1 GB instead of
        // 97 MB) for 6–10 % of speed.
        config.maximumReaderCount = 2
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -1024; PRAGMA temp_store = FILE; PRAGMA soft_heap_limit = 28000000; PRAGMA mmap_size = 0")
        }
        var ready = false
        var frozen = false
        var connections: (any DatabaseReader, (any DatabaseWriter)?)?
        do {
            let opened = try Self.connect(path: path, config: config, writable: writable, singleConnection: singleConnection)
            ready = try Self.isReady(opened.0)
            connections = opened
        } catch {
            let mapped = ErrorMapping.map(error, path: path)
            // A full disk: SQLite cannot even size its shared-memory file to read. A command that
            // only reads may still read the file as it is, when nothing waits in the write-ahead
            // log (no other process has it open, so the log was merged on its last close).
            guard case CaseStoreError.diskFull = mapped, readableOnFullDisk, Self.writeAheadLogIsEmpty(path),
                  let immutable = try? Self.connectImmutable(path: path, config: config), (try? Self.isReady(immutable)) == true else { throw mapped }
            connections = (immutable, nil)
            ready = true
            frozen = true
        }
        (reader, writer) = connections!
        openedOnFullDisk = frozen
        do {
            // One read decided whether the file is ready: a tafel database at this schema with its
            // finding index built (`user_version` is set only then). Everything else is checked only
            // when it is not, so a command starts in milliseconds.
            if !ready {
                try prepareSchema()
                // A database from before the finding index (or whose index was dropped) gets it built once.
                if writer != nil, try reader.read({ try indexedConfig($0) }) == nil { try rebuildFindingIndex(SignalConfig()) }
                if let writer { try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(Schema.currentVersion)") } }
            }
        } catch {
            throw ErrorMapping.map(error, path: path)
        }
    }

    /// The connections for a file: one queue for a listing, a pool for the screens, a read-only
    /// queue for a file this user cannot write.
    private static func connect(path: String, config: Configuration, writable: Bool, singleConnection: Bool) throws
        -> (any DatabaseReader, (any DatabaseWriter)?) {
        if writable && singleConnection {
            // One connection for a command that reads and maybe writes once (a listing): a
            // pool opens a second connection and parses the schema twice (Docs/PERFORMANCE.md).
            let queue = try DatabaseQueue(path: path, configuration: config)
            return (queue, queue)
        } else if writable {
            let pool = try DatabasePool(path: path, configuration: config)
            return (pool, pool)
        }
        var config = config
        config.readonly = true
        return (try DatabaseQueue(path: path, configuration: config), nil)
    }

    /// The file opened as immutable (SQLite's URI parameter): no lock, no shared memory, nothing
    /// written — for reading on a full disk. Only safe when the write-ahead log is empty.
    private static func connectImmutable(path: String, config: Configuration) throws -> any DatabaseReader {
        var config = config
        config.readonly = true
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: config)
    }

    /// True when no committed change waits in the write-ahead log (absent or empty file).
    static func writeAheadLogIsEmpty(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int
        return (size ?? 0) == 0
    }

    /// True when the file says it is a tafel database migrated to this schema, index built; false
    /// when it is not (yet). A file that cannot be read at all (a full disk, damage) throws.
    private static func isReady(_ reader: any DatabaseReader) throws -> Bool {
        do {
            let row = try reader.read { db in
                try Row.fetchOne(db, sql: "SELECT (SELECT value FROM meta WHERE key = 'app'), (SELECT user_version FROM pragma_user_version())")
            }
            return row.map { ($0[0] as String?) == "tafel" && ($0[1] as Int?) == Schema.currentVersion } ?? false
        } catch let e as DatabaseError where e.resultCode == .SQLITE_ERROR {
            return false // no meta table: a new or foreign file, decided by prepareSchema
        }
    }

    /// Checks that the file is a tafel database of a schema we know, then migrates it.
    private func prepareSchema() throws {
        let migrator = Schema.migrator
        let state = try reader.read { db -> (tables: Int, isTafel: Bool, superseded: Bool) in
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0
            var isTafel = false
            if try db.tableExists("meta") {
                isTafel = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'app'") == "tafel"
            }
            let superseded = isTafel ? try migrator.hasBeenSuperseded(db) : false
            return (tables, isTafel, superseded)
        }
        if state.tables > 0 && !state.isTafel { throw CaseStoreError.notATafelDatabase(path: path) }
        if state.superseded {
            let found = try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM grdb_migrations") ?? 0 }
            throw CaseStoreError.newerSchema(path: path, found: found, supported: Schema.currentVersion)
        }
        guard let writer else {
            if state.tables == 0 { throw CaseStoreError.readOnly(path: path) }
            return
        }
        let needsMigration = try reader.read { try !migrator.hasCompletedMigrations($0) }
        if needsMigration || state.tables == 0 {
            try migrator.migrate(writer)
            try writer.write { db in
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('app', 'tafel') ON CONFLICT(key) DO NOTHING")
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('domain_set', ?) ON CONFLICT(key) DO NOTHING",
                               arguments: [reference.defaultDomainSet])
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [String(Schema.currentVersion)])
            }
        }
    }

    // MARK: Transactions

    @discardableResult
    /// Runs a write in one IMMEDIATE transaction, mapping SQLite failures to clear errors.
    /// Refused when the data is read-only (`--read-only` or an unwritable file).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard !dataReadOnly else { throw CaseStoreError.readOnlySession(path: path) }
        return try writeBookkeeping(body)
    }

    /// Runs a transaction that only appends to the access log (a view, an export). Allowed under
    /// `--read-only`; only a file nobody can write refuses it, and then the caller refuses to show.
    @discardableResult
    func writeBookkeeping<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer else { throw openedOnFullDisk ? CaseStoreError.diskFull(path: path) : CaseStoreError.logUnavailable(path: path) }
        do {
            var result: T?
            try writer.writeWithoutTransaction { db in
                if !lock.withLock({ fingerprintTriggers }) {
                    try RowFingerprints.installTriggers(db)
                    lock.withLock { fingerprintTriggers = true }
                }
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    // Rows written after the transaction's last event still get fingerprints
                    // vouched for by the chain (no write path is meant to do this; see the tests).
                    if try RowFingerprints.hasUnsettled(db) {
                        try AuditChain.append(db, at: clock.now, actor: "system", householdId: nil, kind: .system, entity: "database",
                                              entityId: nil, summary: "row fingerprints settled", reason: nil)
                    }
                    return .commit
                }
            }
            return result!
        } catch {
            throw ErrorMapping.map(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try reader.read(body) } catch { throw ErrorMapping.map(error, path: path) }
    }

    /// Appends an audit event in the current write transaction, as this user.
    @discardableResult
    func log(_ db: Database, actor: String, household: Int64?, kind: AuditKind, entity: String, entityId: Int64?,
             summary: String, reason: String? = nil, state: StateDigest? = nil) throws -> AuditEvent {
        let e = try AuditChain.append(db, at: clock.now, actor: actor, householdId: household, kind: kind, entity: entity,
                                      entityId: entityId, summary: summary, reason: reason, state: state)
        lock.withLock { lastSeenEvent = lastSeenEvent.map { max($0, e.id) } }
        return e
    }

    // MARK: Settings and roster

    public func settings() throws -> StoreSettings {
        try read { db in
            StoreSettings(domainSet: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'domain_set'") ?? reference.defaultDomainSet)
        }
    }

    /// A random id of this database, made once (calendar UIDs are unique across databases with it).
    public func databaseId() throws -> String {
        if let id = try read({ try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'database_id'") }) { return id }
        return try writeBookkeeping { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('database_id', lower(hex(randomblob(8)))) ON CONFLICT(key) DO NOTHING")
            return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'database_id'")!
        }
    }

    /// The domain codes of the active domain set, in order.
    public func domainOrder() throws -> [String] {
        let s = try settings()
        return reference.domainSet(s.domainSet)?.codes ?? reference.domainSet(reference.defaultDomainSet)!.codes
    }

    /// The roster. Cached: every change to it writes an event, so it is re-read only when the
    /// event log has grown (the roster of a city has thousands of professionals).
    public func roster() throws -> Roster {
        try read { db in
            let event = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(id), 0) FROM event") ?? 0
            if let c = lock.withLock({ rosterCache }), c.event == event { return c.roster }
            let r = try Self.loadRoster(db)
            lock.withLock { rosterCache = (event, r) }
            return r
        }
    }

    /// The roster as the connection sees it now (inside a write: with the transaction's own changes,
    /// which is why writes read it here and not from `roster()`'s cache).
    static func loadRoster(_ db: Database) throws -> Roster {
        Roster(organisations: try Array(Row.fetchCursor(db, sql: "SELECT * FROM organisation ORDER BY id").map(RowMapping.organisation)),
               professionals: try Array(Row.fetchCursor(db, sql: "SELECT * FROM professional ORDER BY id").map(RowMapping.professional)))
    }

    public func professional(login: String) throws -> Professional? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM professional WHERE login = ?", arguments: [login]).map(RowMapping.professional) }
    }

    /// All professionals, for the roster picker and `tafel user list`.
    public func professionals() throws -> [Professional] {
        try read { db in try Array(Row.fetchCursor(db, sql: "SELECT * FROM professional ORDER BY name").map(RowMapping.professional)) }
    }

    /// True when the database holds no households and no professionals yet (first run).
    public func isEmpty() throws -> Bool {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM professional)") ?? 0) == 0
        }
    }

    /// Adds or updates a professional (beheerder's `tafel user add`), with its audit event.
    @discardableResult
    public func saveProfessional(_ p: Professional, organisation: Organisation?, actor: String) throws -> Professional {
        try write { db in
            var p = p
            if let o = organisation {
                var org = o
                if org.id == 0, let existing = try Int64.fetchOne(db, sql: "SELECT id FROM organisation WHERE name = ?", arguments: [o.name]) {
                    org.id = existing
                } else {
                    org.id = try RecordWriter.write(org, db)
                }
                p.organisationId = org.id
            }
            if p.id == 0, let existing = try Int64.fetchOne(db, sql: "SELECT id FROM professional WHERE login = ?", arguments: [p.login]) {
                p.id = existing
            }
            p.id = try RecordWriter.write(p, db)
            try log(db, actor: actor, household: nil, kind: .change, entity: "professional", entityId: p.id, summary: "professional \(p.id) saved (role \(p.role.rawValue))")
            return p
        }
    }

    // MARK: Noticing other processes

    /// Takes the newest event as seen: changes from now on are "external changes".
    public func startWatching() throws {
        let newest = try read { try Int64.fetchOne($0, sql: "SELECT COALESCE(max(id), 0) FROM event") ?? 0 }
        lock.withLock { lastSeenEvent = max(lastSeenEvent ?? 0, newest) }
    }

    public func hasExternalChanges() throws -> Bool {
        if lock.withLock({ lastSeenEvent }) == nil { try startWatching(); return false }
        let (maxId, changed) = try read { db -> (Int64, Bool) in
            let seen = lock.withLock { lastSeenEvent } ?? 0
            let maxId = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(id), 0) FROM event") ?? 0
            guard maxId > seen else { return (maxId, false) }
            // Views and exports by others change nothing on screen.
            let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE id > ? AND kind NOT IN ('view', 'export', 'denied')", arguments: [seen]) ?? 0
            return (maxId, n > 0)
        }
        lock.withLock { lastSeenEvent = max(lastSeenEvent ?? 0, maxId) }
        return changed
    }

    /// Checkpoints the WAL into the main file (used before handing a file to another tool).
    public func checkpoint() throws {
        guard let writer else { return }
        _ = try writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }
}

extension SQLiteCaseStore {
    /// The login that commands use on a demo or generated database when the user is not on
    /// its roster (so `tafel audit` works on `tafel demo` data without `--user`).
    public func demoLogin() throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'demo_login'") }
    }

    public func setDemoLogin(_ login: String) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('demo_login', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [login])
        }
    }

    /// Number of households (for `tafel generate` refusing a non-empty database, and reports).
    public func householdCount() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM household") ?? 0 }
    }
}
