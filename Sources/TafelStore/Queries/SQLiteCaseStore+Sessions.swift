import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    /// Plans a conference day: one transaction with its event. Only a voorzitter, teamleider or
    /// beheerder plans one, and only with households the planner may see in lists.
    public func planSession(date: Day, title: String, slots: [SessionSlot], by user: Professional) throws -> ConferenceSession {
        guard [.voorzitter, .teamleider, .beheerder].contains(user.role) else { throw CaseStoreError.notAllowed("vocab.role.voorzitter") }
        let visible = Set(try households(for: user, today: clock.today).map(\.id))
        for s in slots where !visible.contains(s.householdId) { throw CaseStoreError.notFound(entity: "household", id: s.householdId) }
        return try write { db in
            try db.execute(sql: "INSERT INTO conference_session (date, chair_id, title, created_on) VALUES (?, ?, ?, ?)",
                           arguments: [date.iso, user.id, title, clock.today.iso])
            let id = db.lastInsertedRowID
            for (i, s) in slots.enumerated() {
                try db.execute(sql: "INSERT INTO session_slot (session_id, position, household_id, start_minute, minutes) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, i, s.householdId, s.start, s.minutes])
            }
            try log(db, actor: user.login, household: nil, kind: .create, entity: "session", entityId: id,
                    summary: "session \(id) planned on \(date.iso) with \(slots.count) household(s)")
            return ConferenceSession(id: id, date: date, chairId: user.id, title: title, slots: slots)
        }
    }

    /// The sessions on or after `from` (all when nil), earliest first.
    public func sessions(from: Day?) throws -> [ConferenceSession] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM conference_session WHERE date >= ? ORDER BY date, id", arguments: [from?.iso ?? ""])
            return try ids.compactMap { try loadSession(db, $0) }
        }
    }

    /// One session, nil when there is none with this id.
    public func session(_ id: Int64) throws -> ConferenceSession? {
        try read { try loadSession($0, id) }
    }

    func loadSession(_ db: Database, _ id: Int64) throws -> ConferenceSession? {
        guard let r = try Row.fetchOne(db, sql: "SELECT * FROM conference_session WHERE id = ?", arguments: [id]) else { return nil }
        return try r.mapped("conference_session") { r in
            let slots = try Row.fetchAll(db, sql: "SELECT * FROM session_slot WHERE session_id = ? ORDER BY position", arguments: [id]).map { s in
                try s.mapped("session_slot") { s in
                    SessionSlot(householdId: try s.cell("household_id"), start: try s.cell("start_minute"), minutes: try s.cell("minutes"))
                }
            }
            return ConferenceSession(id: try r.cell("id"), date: try RowMapping.requiredDay(r, "date"), chairId: try r.cell("chair_id"),
                                     title: try r.cell("title"), slots: slots)
        }
    }
}
