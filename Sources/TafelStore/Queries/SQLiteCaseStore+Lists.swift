import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    static let openStatuses = "('open', 'bezig', 'wachtlijst')"

    /// Names of parties, resolved in bulk (professionals and organisations from the roster, or
    /// without one from their tables, only those named; members and informal helpers from their tables).
    func partyNames(_ db: Database, _ parties: [PartyRef], roster: Roster?) throws -> [PartyRef: String] {
        var out: [PartyRef: String] = [:]
        var members: [Int64] = [], informal: [Int64] = [], professionals: [Int64] = [], organisations: [Int64] = []
        for p in Set(parties) {
            switch p.kind {
            case .professional:
                if let roster { out[p] = roster.professionals[p.id]?.name ?? "#\(p.id)" } else { professionals.append(p.id) }
            case .organisation:
                if let roster { out[p] = roster.organisations[p.id]?.name ?? "#\(p.id)" } else { organisations.append(p.id) }
            case .member: members.append(p.id)
            case .informal: informal.append(p.id)
            }
        }
        // A listing of a few households need not read a roster of thousands (the caseload at 100,000
        // households spent a third of its time there).
        for (table, ids, kind) in [("professional", professionals, PartyRef.Kind.professional), ("organisation", organisations, .organisation)] where !ids.isEmpty {
            var named = Set<Int64>()
            let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM \(table) WHERE id IN (SELECT value FROM json_each(?))", arguments: [jsonArray(ids)])
            while let r = try rows.next() {
                out[PartyRef(kind, r[0])] = r[1]
                named.insert(r[0])
            }
            for id in ids where !named.contains(id) { out[PartyRef(kind, id)] = "#\(id)" }
        }
        if !members.isEmpty {
            for r in try Row.fetchAll(db, sql: "SELECT id, name FROM member WHERE id IN (SELECT value FROM json_each(?))", arguments: [jsonArray(members)]) {
                out[.member(r["id"])] = r["name"]
            }
        }
        if !informal.isEmpty {
            for r in try Row.fetchAll(db, sql: "SELECT id, name FROM informal_person WHERE id IN (SELECT value FROM json_each(?))", arguments: [jsonArray(informal)]) {
                out[.informal(r["id"])] = r["name"]
            }
        }
        return out
    }

    func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    /// Ids of the households a professional is involved in.
    func involvedHouseholds(_ db: Database, user: Int64) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: """
            SELECT household_id FROM household_involved WHERE professional_id = :p
            UNION SELECT household_id FROM coordinator WHERE party_kind = 'professional' AND party_id = :p AND status IN ('geaccepteerd', 'voorgesteld')
            UNION SELECT household_id FROM action WHERE owner_kind = 'professional' AND owner_id = :p
            UNION SELECT m.household_id FROM attendee a JOIN meeting m ON m.id = a.meeting_id WHERE a.party_kind = 'professional' AND a.party_id = :p
            """, arguments: ["p": user]))
    }

    public func households(for user: Professional, today: Day) throws -> [HouseholdSummary] {
        try households(for: user, today: today, onlyInvolved: false)
    }

    /// Household rows; with `onlyInvolved` just the user's own (the caseload), without reading the rest.
    func households(for user: Professional, today: Day, onlyInvolved: Bool) throws -> [HouseholdSummary] {
        try read { db in
            let scope = try ListScope(db, user: user, store: self)
            let involved = scope.involved
            // The caseload reads just the involved households; a list reads what the user may list.
            let restriction = onlyInvolved ? "WHERE h.id IN (SELECT value FROM json_each(:ids))" : "WHERE 1 \(scope.condition)"
            // Read through a cursor, columns by position: a copied row finds a column by lower-casing
            // every name, which cost more than the query on a list of thousands (Docs/PERFORMANCE.md).
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT h.id, h.name, h.wijk, h.team, h.status,
                       (SELECT count(*) FROM action a WHERE a.household_id = h.id AND a.status IN \(Self.openStatuses)) AS open_actions,
                       (SELECT count(*) FROM action a WHERE a.household_id = h.id AND a.status IN \(Self.openStatuses) AND a.due < :today) AS overdue,
                       (SELECT max(date) FROM meeting m WHERE m.household_id = h.id) AS last_meeting,
                       h.chronic, h.compulsory, h.no_help_request,
                       (SELECT group_concat(DISTINCT f.rule) FROM finding f WHERE f.household_id = h.id AND \(FindingIndex.holdsSQL)) AS signals,
                       c.party_kind, c.party_id
                FROM household h
                LEFT JOIN coordinator c ON c.household_id = h.id AND c.status = 'geaccepteerd'
                \(restriction)
                ORDER BY h.name COLLATE NOCASE, h.id
                """, arguments: StatementArguments(["today": today.iso, "t": today.ordinal, "ids": jsonArray(Array(involved))].merging(scope.arguments) { a, _ in a }))
            var visible: [(summary: HouseholdSummary, coordinator: PartyRef?)] = []
            while let r = try cursor.next() {
                let id: Int64 = r[0]
                guard AccessPolicy.mayList(user: user, householdTeam: r[3], involved: involved.contains(id)) else { continue }
                let coordinator = (r[12] as String?).flatMap(PartyRef.Kind.init(rawValue:)).flatMap { k in (r[13] as Int64?).map { PartyRef(k, $0) } }
                let status = (r[4] as String?).flatMap(HouseholdStatus.init(rawValue:)) ?? .aangemeld
                let summary = HouseholdSummary(id: id, name: r[1], wijk: r[2], team: r[3], status: status, coordinator: nil,
                                               openActions: r[5], overdueActions: r[6],
                                               lastMeeting: (r[7] as String?).flatMap(Day.init(iso:)), involved: involved.contains(id),
                                               chronic: r[8] == 1, compulsory: (r[9] as String?) != nil, noHelpRequest: r[10] == 1,
                                               signals: Self.rules(r[11]))
                visible.append((summary, coordinator))
            }
            let names = try partyNames(db, visible.compactMap(\.coordinator), roster: nil)
            return visible.map { v in
                var summary = v.summary
                summary.coordinator = v.coordinator.flatMap { names[$0] }
                return summary
            }
        }
    }

    /// The rules of a `group_concat` of rule ids, in the order of DESIGN §5.
    static func rules(_ list: String?) -> [StallRuleID] {
        guard let list, !list.isEmpty else { return [] }
        return list.split(separator: ",").compactMap { StallRuleID(rawValue: String($0)) }.sorted()
    }

    public func caseload(for user: Professional, today: Day) throws -> Caseload {
        let all = try households(for: user, today: today, onlyInvolved: true)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.*, h.name AS household_name FROM action a JOIN household h ON h.id = a.household_id
                WHERE a.owner_kind = 'professional' AND a.owner_id = ? AND a.status IN \(Self.openStatuses) AND h.status != 'afgesloten'
                """, arguments: [user.id])
            var deps: [Int64: [Int64]] = [:]
            if !rows.isEmpty {
                for r in try Row.fetchAll(db, sql: "SELECT action_id, depends_on FROM action_dependency WHERE action_id IN (SELECT value FROM json_each(?)) ORDER BY action_id, position",
                                          arguments: [jsonArray(rows.map { $0["id"] })]) {
                    deps[r["action_id"], default: []].append(r["depends_on"])
                }
            }
            // The open prerequisites of the user's actions: a waiting action is not late, and a
            // prerequisite that is late is shown too (it holds the user's work up).
            let prerequisiteIds = Set(deps.values.flatMap { $0 })
            var prerequisites: [Int64: (action: Action, household: String)] = [:]
            if !prerequisiteIds.isEmpty {
                for r in try Row.fetchAll(db, sql: """
                    SELECT a.*, h.name AS household_name FROM action a JOIN household h ON h.id = a.household_id
                    WHERE a.id IN (SELECT value FROM json_each(?)) AND a.status IN \(Self.openStatuses)
                    """, arguments: [jsonArray(Array(prerequisiteIds))]) {
                    prerequisites[r["id"]] = (try RowMapping.action(r, dependsOn: []), r["household_name"])
                }
            }
            let ownerNames = try partyNames(db, prerequisites.values.compactMap(\.action.owner), roster: nil)
            func link(_ a: Action, owner: String) -> ActionLink {
                ActionLink(id: a.id, description: a.description, ownerName: owner, due: a.due, status: a.status)
            }
            var waiting: [CaseloadAction] = [], ready: [CaseloadAction] = []
            var blockingMap: [Int64: [ActionLink]] = [:]
            for r in rows {
                let a = try RowMapping.action(r, dependsOn: deps[r["id"]] ?? [])
                let open = a.dependsOn.compactMap { prerequisites[$0] }
                let item = CaseloadAction(action: a, householdName: r["household_name"], ownerName: user.name,
                                          waitsFor: open.map { link($0.action, owner: $0.action.owner.flatMap { ownerNames[$0] } ?? "—") })
                if open.isEmpty { ready.append(item) } else { waiting.append(item) }
                for p in open where p.action.owner != .professional(user.id) && (p.action.due.map { $0 < today } ?? false) {
                    blockingMap[p.action.id, default: []].append(link(a, owner: user.name))
                }
            }
            let blocking = blockingMap.keys.sorted().compactMap { id -> CaseloadAction? in
                guard let p = prerequisites[id] else { return nil }
                return CaseloadAction(action: p.action, householdName: p.household, ownerName: p.action.owner.flatMap { ownerNames[$0] } ?? "—",
                                      blocks: blockingMap[id] ?? [])
            }
            let g = Caseload.group(ready, today: today)
            let mine = all.filter { $0.involved && $0.status != .afgesloten }
            var reviews: [UpcomingReview] = []
            if !mine.isEmpty {
                let rrows = try Row.fetchAll(db, sql: """
                    SELECT h.id, h.name, h.cadence_weeks, COALESCE(h.activated_on, h.created_on) AS since,
                           (SELECT m.next_review FROM meeting m WHERE m.household_id = h.id ORDER BY m.date DESC, m.id DESC LIMIT 1) AS next_review,
                           (SELECT max(m.date) FROM meeting m WHERE m.household_id = h.id) AS last_meeting
                    FROM household h WHERE h.id IN (SELECT value FROM json_each(?))
                    """, arguments: [jsonArray(mine.map(\.id))])
                for r in rrows {
                    let cadence: Int = r["cadence_weeks"]
                    let date = try RowMapping.day(r, "next_review")
                        ?? (try RowMapping.day(r, "last_meeting") ?? RowMapping.requiredDay(r, "since")).adding(weeks: cadence)
                    if date <= today.adding(days: 14) {
                        reviews.append(UpcomingReview(householdId: r["id"], householdName: r["name"], date: date, overdue: date < today))
                    }
                }
                reviews.sort { ($0.date, $0.householdId) < ($1.date, $1.householdId) }
            }
            return Caseload(overdue: g.overdue, thisWeek: g.thisWeek, later: g.later, reviews: reviews, households: mine,
                            waiting: waiting.sorted { ($0.action.due ?? Day(ordinal: .max), $0.action.id) < ($1.action.due ?? Day(ordinal: .max), $1.action.id) },
                            blocking: blocking)
        }
    }

    /// Households whose id or name matches `text`: an exact id, else every name containing it.
    public func findHouseholds(_ text: String) throws -> [(id: Int64, name: String)] {
        try read { db in
            if let id = Int64(text.trimmed), let name = try String.fetchOne(db, sql: "SELECT name FROM household WHERE id = ?", arguments: [id]) {
                return [(id, name)]
            }
            let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM household ORDER BY name, id")
            let needle = text.trimmed.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            let all = rows.map { (id: $0["id"] as Int64, name: $0["name"] as String) }
            let exact = all.filter { $0.name.lowercased().folding(options: .diacriticInsensitive, locale: nil) == needle }
            if !exact.isEmpty { return exact }
            return all.filter { $0.name.lowercased().folding(options: .diacriticInsensitive, locale: nil).contains(needle) }
        }
    }

    public func accessLog(for user: Professional, householdId: Int64?, limit: Int) throws -> [AuditEvent] {
        guard AccessPolicy.mayReadAccessLog(user) else { throw CaseStoreError.notAllowed("vocab.role.teamleider") }
        return try read { db in
            if let h = householdId {
                return try Array(Row.fetchCursor(db, sql: "SELECT * FROM event WHERE household_id = ? ORDER BY id DESC LIMIT ?", arguments: [h, limit]).map(RowMapping.event))
            }
            return try Array(Row.fetchCursor(db, sql: "SELECT * FROM event ORDER BY id DESC LIMIT ?", arguments: [limit]).map(RowMapping.event))
        }
    }

    public func logExport(householdId: Int64?, what: String, by user: Professional) throws {
        try writeBookkeeping { db in
            try log(db, actor: user.login, household: householdId, kind: .export, entity: householdId == nil ? "database" : "household",
                    entityId: householdId, summary: "exported \(what)")
        }
    }
}
