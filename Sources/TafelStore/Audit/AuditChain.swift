import Crypto
import Foundation
import GRDB
import TafelCore

/// The append-only, hash-chained event log. Each event stores SHA-256 of the previous
/// event's hash followed by its own canonical content, so changing any byte of any stored
/// event breaks the chain from that event on, and `tafel check` names the first bad one.
enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 (hex) of the previous hash and the canonical content.
    static func hash(previous: String, content: String) -> String {
        let digest = SHA256.hash(data: Data((previous + "\n" + content).utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// A UTC timestamp like 2026-11-23T09:15:02Z.
    static func timestamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&t, &tm)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec)
    }

    /// Appends one event inside the caller's write transaction.
    @discardableResult
    /// The rows the transaction touched so far are fingerprinted first, and the event carries the
    /// resulting state digest (`state` overrides it: the migration that fingerprints everything).
    static func append(_ db: Database, at: Date, actor: String, householdId: Int64?, kind: AuditKind, entity: String,
                       entityId: Int64?, summary: String, reason: String?, state given: StateDigest? = nil) throws -> AuditEvent {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash, state_digest FROM event ORDER BY id DESC LIMIT 1"))
        let id: Int64 = (last?["id"] as Int64? ?? 0) + 1
        let prev: String = last?["hash"] ?? genesis
        let previousState = (last?["state_digest"] as String?).flatMap(StateDigest.init(hex:)) ?? .zero
        let state = try given ?? RowFingerprints.settle(db, previous: previousState)
        var e = AuditEvent(id: id, at: timestamp(at), actor: actor, householdId: householdId, kind: kind, entity: entity,
                           entityId: entityId, summary: summary, reason: reason, prevHash: prev, hash: "", stateDigest: state.hex)
        e.hash = hash(previous: prev, content: e.canonicalContent)
        try db.cachedStatement(sql: """
            INSERT INTO event (id, at, actor, household_id, kind, entity, entity_id, summary, reason, prev_hash, hash, state_digest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [e.id, e.at, e.actor, e.householdId, e.kind.rawValue, e.entity, e.entityId, e.summary, e.reason,
                                       e.prevHash, e.hash, e.stateDigest])
        return e
    }

    /// The state digest the newest event vouches for (nil before any event carried one).
    static func headState(_ db: Database) throws -> StateDigest? {
        try String.fetchOne(db, sql: "SELECT state_digest FROM event WHERE state_digest IS NOT NULL ORDER BY id DESC LIMIT 1")
            .flatMap(StateDigest.init(hex:))
    }

    /// The id and hash of the newest event (what an anchor records).
    static func head(_ db: Database) throws -> (id: Int64, hash: String)? {
        try Row.fetchOne(db, sql: "SELECT id, hash FROM event ORDER BY id DESC LIMIT 1").map { ($0["id"], $0["hash"]) }
    }

    /// The first event whose stored hashes do not match the chain, or nil when the chain is whole.
    static func firstBrokenEvent(_ db: Database) throws -> (id: Int64, reason: Message)? {
        var previous = genesis
        var expectedId: Int64 = 1
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM event ORDER BY id")
        while let row = try rows.next() {
            let e = try RowMapping.event(row)
            if e.id != expectedId { return (e.id, Message("check.reason.gap", .number(Int(expectedId)))) }
            if e.prevHash != previous { return (e.id, Message("check.reason.link")) }
            if hash(previous: previous, content: e.canonicalContent) != e.hash { return (e.id, Message("check.reason.hash")) }
            previous = e.hash
            expectedId += 1
        }
        return nil
    }
}
