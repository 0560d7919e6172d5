import Crypto
import Foundation
import GRDB

/// Tamper evidence for the data itself, not only for the event log.
///
/// Every row a person wrote has a fingerprint (SHA-256 of its values) in `row_digest`. Each
/// audit event carries the *state digest*: the sum, modulo 2^256, of all fingerprints after its
/// transaction (an additive multiset hash, so one changed row updates it in constant time).
/// The state digest is part of the event's hashed content, so the chain vouches for the data.
///
/// Which rows a transaction touched is collected by TEMP triggers that only tafel's own writing
/// connection has: they are not stored in the file, so a row changed with the sqlite3 shell gets
/// no new fingerprint and `tafel check` names it. Someone who also rewrites `row_digest` breaks
/// the state digest; someone who recomputes the whole chain is caught by the anchor kept outside
/// the database (`tafel check --anchor`; Docs/SECURITY.md).
enum RowFingerprints {
    /// The tables whose rows are fingerprinted: everything people write. The finding index is
    /// derived and rebuilt at will; `meta` holds settings; `event` has its own chain.
    static let tables = ["organisation", "professional", "household", "household_involved", "member", "informal_person",
                         "signal", "domain_state", "domain_organisation", "meeting", "meeting_domain", "attendee",
                         "assessment", "coordinator", "action", "action_dependency", "consent", "escalation", "contact",
                         "conference_session", "session_slot", "blocked_rule", "service", "indication"]

    /// Creates the touched-rows table and the triggers on this connection (idempotent). The table
    /// has no key: an outer UPSERT's conflict handling would override a trigger's OR IGNORE, so
    /// duplicates are allowed and removed when settling.
    static func installTriggers(_ db: Database) throws {
        var sql = "CREATE TEMP TABLE IF NOT EXISTS tafel_touched (tbl TEXT NOT NULL, rid INTEGER NOT NULL);\n"
            + "CREATE INDEX IF NOT EXISTS temp.tafel_touched_by_table ON tafel_touched (tbl, rid);\n"
        for t in tables {
            sql += """
            CREATE TEMP TRIGGER IF NOT EXISTS fp_\(t)_i AFTER INSERT ON main.\(t) BEGIN INSERT INTO tafel_touched VALUES ('\(t)', NEW.rowid); END;
            CREATE TEMP TRIGGER IF NOT EXISTS fp_\(t)_u AFTER UPDATE ON main.\(t) BEGIN
                INSERT INTO tafel_touched VALUES ('\(t)', OLD.rowid); INSERT INTO tafel_touched VALUES ('\(t)', NEW.rowid); END;
            CREATE TEMP TRIGGER IF NOT EXISTS fp_\(t)_d AFTER DELETE ON main.\(t) BEGIN INSERT INTO tafel_touched VALUES ('\(t)', OLD.rowid); END;

            """
        }
        try db.execute(sql: sql)
    }

    /// Stops collecting touched rows on this connection, inside the caller's transaction (a rollback
    /// brings the triggers back). For an import into an empty database, which fingerprints every row
    /// in one pass at the end (`recordAll`) and then calls `installTriggers` again.
    static func pauseTriggers(_ db: Database) throws {
        try db.execute(sql: tables.map { t in
            "DROP TRIGGER IF EXISTS temp.fp_\(t)_i; DROP TRIGGER IF EXISTS temp.fp_\(t)_u; DROP TRIGGER IF EXISTS temp.fp_\(t)_d;"
        }.joined(separator: "\n"))
    }

    /// Whether this connection collects touched rows (tafel's writing connection, after `installTriggers`).
    static func hasTouchedTable(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'tafel_touched')")) ?? false
    }

    /// Whether this transaction touched rows that no event has settled yet.
    static func hasUnsettled(_ db: Database) throws -> Bool {
        guard try hasTouchedTable(db) else { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM temp.tafel_touched)") ?? false
    }

    /// Records the fingerprints of the rows touched since the last event and returns the new
    /// state digest, starting from `previous` (the last event's). Inside the caller's transaction.
    static func settle(_ db: Database, previous: StateDigest) throws -> StateDigest {
        var state = previous
        guard try hasTouchedTable(db) else { return state }
        // Table by table, one streamed query joins each touched row with its old fingerprint and
        // its current values: no row of the transaction is held (an import touches a million).
        let touchedTables = try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT tbl FROM temp.tafel_touched"))
        for table in touchedTables {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT t.rid AS fp_rowid, d.digest AS fp_old, m.rowid AS fp_present, m.*
                FROM (SELECT DISTINCT rid FROM temp.tafel_touched WHERE tbl = ?) t
                LEFT JOIN row_digest d ON d.tbl = ? AND d.rid = t.rid
                LEFT JOIN main.\(table) m ON m.rowid = t.rid
                """), arguments: [table, table])
            var order: RowOrder?
            while let row = try rows.next() {
                let rid: Int64 = row[0]
                let old: Data? = row[1]
                if let old { state.subtract(old) }
                if row.hasNull(atIndex: 2) {
                    if old != nil {
                        try db.cachedStatement(sql: "DELETE FROM row_digest WHERE tbl = ? AND rid = ?").execute(arguments: [table, rid])
                    }
                    continue
                }
                if order == nil { order = RowOrder(row, skipping: 3) }
                let new = digest(table: table, rid: rid, row: row, order: order!)
                state.add(new)
                try db.cachedStatement(sql: "INSERT INTO row_digest (tbl, rid, digest) VALUES (?, ?, ?) ON CONFLICT (tbl, rid) DO UPDATE SET digest = excluded.digest")
                    .execute(arguments: [table, rid, new])
            }
        }
        if !touchedTables.isEmpty { try db.execute(sql: "DELETE FROM temp.tafel_touched") }
        return state
    }

    /// A row's columns by name, sorted, as positions: worked out once per query, not per row.
    struct RowOrder {
        var columns: [(name: [UInt8], index: Int)]
        init(_ row: Row, skipping first: Int = 0) {
            columns = row.columnNames.enumerated().dropFirst(first)
                .filter { $0.element != "fp_rowid" }
                .sorted { $0.element < $1.element }
                .map { (Array("\u{1F}\($0.element)=".utf8), $0.offset) }
        }
    }

    /// The fingerprint of one row: its table, rowid and every column by name, typed.
    static func digest(table: String, rid: Int64, row: Row) -> Data {
        digest(table: table, rid: rid, row: row, order: RowOrder(row))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The same fingerprint with the column order worked out before (for many rows of one query). The bytes
    /// hashed are exactly those of `digest(table:rid:row:)`, gathered in one buffer.
    static func digest(table: String, rid: Int64, row: Row, order: RowOrder) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        bytes.append(contentsOf: table.utf8)
        bytes.append(0x1F)
        bytes.append(contentsOf: String(rid).utf8)
        for (name, index) in order.columns {
            bytes.append(contentsOf: name)
            let value: DatabaseValue = row[index]
            switch value.storage {
            case .null: bytes.append(UInt8(ascii: "n"))
            case .int64(let i): bytes.append(UInt8(ascii: "i")); bytes.append(contentsOf: String(i).utf8)
            case .double(let d): bytes.append(UInt8(ascii: "d")); bytes.append(contentsOf: String(d.bitPattern).utf8)
            case .string(let s):
                bytes.append(UInt8(ascii: "s")); bytes.append(contentsOf: String(s.utf8.count).utf8); bytes.append(UInt8(ascii: ":"))
                bytes.append(contentsOf: s.utf8)
            case .blob(let b):
                bytes.append(UInt8(ascii: "b"))
                for x in b { bytes.append(hexDigits[Int(x >> 4)]); bytes.append(hexDigits[Int(x & 0x0F)]) }
            }
        }
        return Data(SHA256.hash(data: bytes))
    }

    /// Fingerprints every row from scratch (the migration that introduces them, and `import`).
    static func recordAll(_ db: Database) throws -> StateDigest {
        try db.execute(sql: "DELETE FROM row_digest")
        var state = StateDigest.zero
        // A migration fingerprints the tables that exist at its version; later ones start empty.
        for table in tables where try db.tableExists(table) {
            let rows = try Row.fetchCursor(db, sql: "SELECT rowid AS fp_rowid, * FROM main.\(table)")
            var order: RowOrder?
            while let r = try rows.next() {
                let rid: Int64 = r[0]
                if order == nil { order = RowOrder(r, skipping: 1) }
                let d = digest(table: table, rid: rid, row: r, order: order!)
                state.add(d)
                try db.cachedStatement(sql: "INSERT INTO row_digest (tbl, rid, digest) VALUES (?, ?, ?)").execute(arguments: [table, rid, d])
            }
        }
        if try hasTouchedTable(db) { try db.execute(sql: "DELETE FROM temp.tafel_touched") }
        return state
    }

    /// One difference between the data and its fingerprints.
    enum Difference: Hashable, Sendable {
        case edited(table: String, id: Int64)
        case inserted(table: String, id: Int64)
        case deleted(table: String, id: Int64)
        /// The fingerprints themselves no longer add up to the state the last event vouches for.
        case fingerprintsAltered
    }

    /// Compares every row with its fingerprint and the fingerprints with `expected` (the state
    /// digest of the newest event that has one). Returns what differs, in table order.
    static func verify(_ db: Database, expected: StateDigest?) throws -> [Difference] {
        // Streamed, never held: the recorded state is summed in one pass, then each table is walked
        // beside its recorded fingerprints, both in rowid order (a merge). Holding every recorded
        // fingerprint in a dictionary took 200 MB at 10,000 households (Docs/PERFORMANCE.md).
        var recordedState = StateDigest.zero
        let stored = try Row.fetchCursor(db, sql: "SELECT digest FROM row_digest")
        while let r = try stored.next() { recordedState.add(r[0] as Data) }
        var differences: [Difference] = []
        for table in tables where try db.tableExists(table) {
            let recorded = try Row.fetchCursor(db, sql: "SELECT rid, digest FROM row_digest WHERE tbl = ? ORDER BY rid", arguments: [table])
            func advance() throws -> (rid: Int64, digest: Data)? { try recorded.next().map { ($0[0], $0[1]) } }
            var next = try advance()
            var deleted: [Int64] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT rowid AS fp_rowid, * FROM main.\(table) ORDER BY rowid")
            var order: RowOrder?
            while let r = try rows.next() {
                let rid: Int64 = r[0]
                if order == nil { order = RowOrder(r, skipping: 1) }
                // Fingerprints of rows that are no longer there come before this row.
                while let n = next, n.rid < rid { deleted.append(n.rid); next = try advance() }
                let d = digest(table: table, rid: rid, row: r, order: order!)
                if let n = next, n.rid == rid {
                    if n.digest != d { differences.append(.edited(table: table, id: rid)) }
                    next = try advance()
                } else {
                    differences.append(.inserted(table: table, id: rid))
                }
            }
            while let n = next { deleted.append(n.rid); next = try advance() }
            differences += deleted.map { .deleted(table: table, id: $0) }
        }
        if let expected, expected != recordedState { differences.append(.fingerprintsAltered) }
        return differences
    }
}

/// The sum of row fingerprints modulo 2^256, as four 64-bit lanes (little end first).
struct StateDigest: Hashable, Sendable {
    var lanes: [UInt64] = [0, 0, 0, 0]
    static let zero = StateDigest()

    init() {}

    init?(hex: String) {
        guard hex.count == 64 else { return nil }
        var lanes: [UInt64] = []
        var rest = Substring(hex)
        for _ in 0..<4 {
            guard let v = UInt64(rest.prefix(16), radix: 16) else { return nil }
            lanes.append(v); rest = rest.dropFirst(16)
        }
        self.lanes = lanes.reversed()
    }

    var hex: String { lanes.reversed().map { String(format: "%016llx", $0) }.joined() }

    private static func lanes(of d: Data) -> [UInt64] {
        let bytes = [UInt8](d)
        return (0..<4).map { i in (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[i * 8 + $1]) << (8 * UInt64($1)) } }
    }

    mutating func add(_ d: Data) {
        var carry: UInt64 = 0
        for (i, v) in Self.lanes(of: d).enumerated() {
            let (s1, o1) = lanes[i].addingReportingOverflow(v)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            lanes[i] = s2; carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
    }

    mutating func subtract(_ d: Data) {
        var borrow: UInt64 = 0
        for (i, v) in Self.lanes(of: d).enumerated() {
            let (s1, o1) = lanes[i].subtractingReportingOverflow(v)
            let (s2, o2) = s1.subtractingReportingOverflow(borrow)
            lanes[i] = s2; borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
    }
}
