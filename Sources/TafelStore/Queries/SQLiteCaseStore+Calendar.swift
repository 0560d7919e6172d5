import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    /// The user's actions closed on or after `since`, newest first: a calendar shows them as
    /// completed or cancelled for a while instead of letting them vanish.
    public func recentlyClosedActions(for user: Professional, since: Day) throws -> [CaseloadAction] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, h.name AS household_name FROM action a JOIN household h ON h.id = a.household_id
                WHERE a.owner_kind = 'professional' AND a.owner_id = ? AND a.status NOT IN \(Self.openStatuses)
                  AND a.closed_on >= ? ORDER BY a.closed_on DESC, a.id
                """, arguments: [user.id, since.iso]).map { r in
                CaseloadAction(action: try RowMapping.action(r, dependsOn: []), householdName: r["household_name"], ownerName: user.name)
            }
        }
    }

    /// When each of these actions last changed, from the audit log (the newest event naming it);
    /// absent when no event names it (imported, or changed together with another record).
    public func lastChanged(actions ids: [Int64]) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var result: [Int64: String] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT entity_id, max(at) AS at FROM event WHERE entity = 'action' AND entity_id IN (SELECT value FROM json_each(?))
                GROUP BY entity_id
                """, arguments: [jsonArray(ids)]) { result[r["entity_id"]] = r["at"] }
            return result
        }
    }
}
