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
}
