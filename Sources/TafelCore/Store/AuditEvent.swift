/// What an audit event records (NEN 7513 style).
public enum AuditKind: String, Codable, Sendable, CaseIterable, Hashable {
    case view, create, change, export, `import`, denied, retention, system
}

/// One entry in the append-only, hash-chained event log: who, when, which household, what, why.
public struct AuditEvent: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    /// ISO 8601 UTC timestamp.
    public var at: String
    /// The login of the user.
    public var actor: String
    public var householdId: Int64?
    public var kind: AuditKind
    public var entity: String
    public var entityId: Int64?
    public var summary: String
    public var reason: String?
    public var prevHash: String
    public var hash: String
    /// The fingerprint of every row of the data after this event's transaction (a multiset hash,
    /// hex); nil on events from before fingerprints (schema 7). Part of the hashed content, so the
    /// chain vouches for the data, not only for the log.
    public var stateDigest: String?

    public init(id: Int64, at: String, actor: String, householdId: Int64?, kind: AuditKind, entity: String, entityId: Int64?,
                summary: String, reason: String?, prevHash: String, hash: String) {
        self.id = id; self.at = at; self.actor = actor; self.householdId = householdId; self.kind = kind
        self.entity = entity; self.entityId = entityId; self.summary = summary; self.reason = reason
        self.prevHash = prevHash; self.hash = hash
    }

    public init(id: Int64, at: String, actor: String, householdId: Int64?, kind: AuditKind, entity: String, entityId: Int64?,
                summary: String, reason: String?, prevHash: String, hash: String, stateDigest: String?) {
        self.init(id: id, at: at, actor: actor, householdId: householdId, kind: kind, entity: entity, entityId: entityId,
                  summary: summary, reason: reason, prevHash: prevHash, hash: hash)
        self.stateDigest = stateDigest
    }

    /// The canonical content that is hashed (with the previous hash): every field but the hash.
    public var canonicalContent: String {
        [String(id), at, actor, householdId.map(String.init) ?? "", kind.rawValue, entity, entityId.map(String.init) ?? "",
         summary, reason ?? ""].map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\u{1F}", with: "\\u001f") }
            .joined(separator: "\u{1F}") + (stateDigest.map { "\u{1F}state:" + $0 } ?? "")
    }
}
