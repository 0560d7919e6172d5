import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    /// The municipality's own reference data, when the database holds one (nil: the shipped set).
    public func storedReference() throws -> ReferenceData? {
        guard let text = try read({ try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'reference'") }) else { return nil }
        return try ReferenceData.load(from: Data(text.utf8), path: "database")
    }

    /// Stores a municipality's reference data for the whole database (beheerder), with its event.
    /// The active domain set must stay in it, so existing scores keep their names.
    public func importReference(_ reference: ReferenceData, by user: Professional) throws {
        guard user.role == .beheerder else { throw CaseStoreError.notAllowed("vocab.role.beheerder") }
        let active = try settings().domainSet
        guard reference.domainSet(active) != nil else { throw CaseStoreError.rule(.referenceLacksActiveSet(active)) }
        let text = String(decoding: try reference.exported(), as: UTF8.self)
        try write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('reference', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [text])
            try log(db, actor: user.login, household: nil, kind: .change, entity: "reference", entityId: nil,
                    summary: "reference data imported (\(reference.domainSets.count) domain set(s))")
        }
    }

    /// Switches the whole database to another domain set (beheerder), with its event. Scores and
    /// actions on domains outside the new set are kept: every view lists them after the set's own
    /// domains, under the name they had. The finding index is rebuilt for the new order.
    public func setDomainSet(_ id: String, by user: Professional) throws -> DomainSetSwitch {
        guard user.role == .beheerder else { throw CaseStoreError.notAllowed("vocab.role.beheerder") }
        guard let set = reference.domainSet(id) else {
            throw CaseStoreError.rule(.unknownDomainSet(id, known: reference.domainSets.map(\.id)))
        }
        let from = try settings().domainSet
        let codes = set.codes
        let outside: [DomainSetSwitch.Kept] = try write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('domain_set', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [id])
            if from != id {
                try log(db, actor: user.login, household: nil, kind: .change, entity: "settings", entityId: nil, summary: "domain set \(from) → \(id)")
            }
            let json = "[" + codes.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            return try Row.fetchAll(db, sql: """
                SELECT domain, count(DISTINCT household_id) FROM (
                    SELECT household_id, domain FROM assessment UNION ALL SELECT household_id, domain FROM action)
                WHERE domain NOT IN (SELECT value FROM json_each(?)) GROUP BY domain ORDER BY domain
                """, arguments: [json]).map { DomainSetSwitch.Kept(domain: $0[0], households: $0[1]) }
        }
        if from != id, let config = try read({ try indexedConfig($0) }) { try rebuildFindingIndex(config) }
        return DomainSetSwitch(from: from, to: id, kept: outside)
    }
}

/// What switching the domain set did: from which set to which, and the domains outside the new set
/// that hold scores or actions (kept, listed under their old name), with how many households each.
public struct DomainSetSwitch: Sendable, Equatable {
    public struct Kept: Sendable, Equatable {
        public var domain: String
        public var households: Int
    }
    public var from: String
    public var to: String
    public var kept: [Kept]
}
