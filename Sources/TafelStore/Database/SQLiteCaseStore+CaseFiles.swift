import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    // MARK: Loading

    /// Loads one household's whole file, or nil when it does not exist.
    func loadCaseFile(_ db: Database, _ id: Int64) throws -> CaseFile? {
        // Rows are mapped while the cursor stands on them: a copied row (`fetchAll`/`fetchOne`)
        // looks a column up by lower-casing every column name, which was a tenth of a city export.
        func all<T>(_ sql: String, _ transform: (Row) throws -> T) throws -> [T] {
            var out: [T] = []
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [id])
            while let r = try cursor.next() { out.append(try transform(r)) }
            return out
        }
        let involved = try Int64.fetchAll(db.cachedStatement(sql: "SELECT professional_id FROM household_involved WHERE household_id = ? ORDER BY professional_id"), arguments: [id])
        guard let household = try all("SELECT * FROM household WHERE id = ?", { try RowMapping.household($0, involved: involved) }).first else { return nil }
        var domainOrgs: [String: [Int64]] = [:]
        for (domain, org) in try all("SELECT domain, organisation_id FROM domain_organisation WHERE household_id = ? ORDER BY domain, position", { ($0["domain"] as String, $0["organisation_id"] as Int64) }) {
            domainOrgs[domain, default: []].append(org)
        }
        var deps: [Int64: [Int64]] = [:]
        for (action, on) in try all("SELECT d.action_id, d.depends_on FROM action_dependency d JOIN action a ON a.id = d.action_id WHERE a.household_id = ? ORDER BY d.action_id, d.position", { ($0["action_id"] as Int64, $0["depends_on"] as Int64) }) {
            deps[action, default: []].append(on)
        }
        var meetingDomains: [Int64: [String]] = [:]
        for (meeting, domain) in try all("SELECT md.meeting_id, md.domain FROM meeting_domain md JOIN meeting m ON m.id = md.meeting_id WHERE m.household_id = ? ORDER BY md.meeting_id, md.position", { ($0["meeting_id"] as Int64, $0["domain"] as String) }) {
            meetingDomains[meeting, default: []].append(domain)
        }
        return CaseFile(
            household: household,
            members: try all("SELECT * FROM member WHERE household_id = ? ORDER BY id", RowMapping.member),
            informal: try all("SELECT * FROM informal_person WHERE household_id = ? ORDER BY id", RowMapping.informal),
            signals: try all("SELECT * FROM signal WHERE household_id = ? ORDER BY id", RowMapping.signal),
            domains: try all("SELECT * FROM domain_state WHERE household_id = ? ORDER BY domain") {
                try RowMapping.domainState($0, organisations: domainOrgs[$0["domain"]] ?? [])
            },
            assessments: try all("SELECT * FROM assessment WHERE household_id = ? ORDER BY id", RowMapping.assessment),
            coordinators: try all("SELECT * FROM coordinator WHERE household_id = ? ORDER BY id", RowMapping.coordinator),
            actions: try all("SELECT * FROM action WHERE household_id = ? ORDER BY id") { try RowMapping.action($0, dependsOn: deps[$0["id"]] ?? []) },
            meetings: try all("SELECT * FROM meeting WHERE household_id = ? ORDER BY id") { try RowMapping.meeting($0, domains: meetingDomains[$0["id"]] ?? []) },
            attendees: try all("SELECT a.* FROM attendee a JOIN meeting m ON m.id = a.meeting_id WHERE m.household_id = ? ORDER BY a.id", RowMapping.attendee),
            consents: try all("SELECT * FROM consent WHERE household_id = ? ORDER BY id", RowMapping.consent),
            escalations: try all("SELECT * FROM escalation WHERE household_id = ? ORDER BY id", RowMapping.escalation),
            contacts: try all("SELECT * FROM contact WHERE household_id = ? ORDER BY id", RowMapping.contact),
            blockedRules: try all("SELECT * FROM blocked_rule WHERE household_id = ? ORDER BY id", RowMapping.blockedRule),
            indications: try all("SELECT * FROM indication WHERE household_id = ? ORDER BY id", RowMapping.indication))
    }

    /// The access decision for a user on a household, from the database (without loading the file).
    func decide(_ db: Database, user: Professional, household id: Int64) throws -> AccessDecision? {
        guard let team = try String.fetchOne(db, sql: "SELECT team FROM household WHERE id = ?", arguments: [id]) else { return nil }
        let involved = try isInvolved(db, user: user.id, household: id)
        return AccessPolicy.decide(user: user, householdTeam: team, involved: involved ? [user.id] : [])
    }

    /// Whether a professional is involved in a household (need-to-know), in SQL.
    /// How long a break-the-glass opening lets a teamleider or beheerder who is not involved change
    /// the household (as PostgreSQL's grant: Docs/SECURITY.md).
    public static let breakTheGlassHours = 4

    /// Refuses a change by someone who may open the household only with a reason (a teamleider or
    /// beheerder who is not involved) unless they opened it with one, logged, in the last
    /// `breakTheGlassHours`: a change is never a way around the reason a view needs.
    func requireWriteAccess(_ db: Database, user: Professional, file: CaseFile) throws {
        switch AccessPolicy.decide(user: user, file: file) {
        case .allowed: return
        case .denied: throw CaseStoreError.accessDenied(household: file.id)
        case .needsReason:
            let since = AuditChain.timestamp(clock.now.addingTimeInterval(-Double(Self.breakTheGlassHours) * 3600))
            let opened = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM event WHERE household_id = ? AND actor = ? AND kind = 'view'
                               AND reason IS NOT NULL AND reason <> '' AND at >= ?)
                """, arguments: [file.id, user.login, since]) ?? false
            if !opened { throw CaseStoreError.writeReasonRequired(household: file.id) }
        }
    }

    func isInvolved(_ db: Database, user: Int64, household: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM household_involved WHERE household_id = :h AND professional_id = :p)
                OR EXISTS (SELECT 1 FROM coordinator WHERE household_id = :h AND party_kind = 'professional' AND party_id = :p
                           AND status IN ('geaccepteerd', 'voorgesteld'))
                OR EXISTS (SELECT 1 FROM action WHERE household_id = :h AND owner_kind = 'professional' AND owner_id = :p)
                OR EXISTS (SELECT 1 FROM attendee a JOIN meeting m ON m.id = a.meeting_id
                           WHERE m.household_id = :h AND a.party_kind = 'professional' AND a.party_id = :p)
            """), arguments: ["h": household, "p": user]) ?? false
    }

    // MARK: CaseStore reads

    public func caseFile(_ id: Int64, for user: Professional, reason: String?) throws -> CaseFile {
        let trimmed = reason?.trimmed
        // A file nobody can write cannot take the log entry a view needs: `writeBookkeeping` refuses, and
        // the record is not shown (reading is always logged; Docs/SECURITY.md).
        // Decide and log in one write transaction, so the access log can never miss a view.
        let result: Result<CaseFile, CaseStoreError> = try writeBookkeeping { db in
            guard let decision = try decide(db, user: user, household: id) else { return .failure(.notFound(entity: "household", id: id)) }
            switch decision {
            case .denied:
                try log(db, actor: user.login, household: id, kind: .denied, entity: "household", entityId: id, summary: "access refused (not involved)")
                return .failure(.accessDenied(household: id))
            case .needsReason where (trimmed ?? "").isEmpty:
                return .failure(.reasonRequired(household: id))
            case .needsReason:
                try log(db, actor: user.login, household: id, kind: .view, entity: "household", entityId: id,
                        summary: "opened household record (break-the-glass)", reason: trimmed)
            case .allowed:
                try log(db, actor: user.login, household: id, kind: .view, entity: "household", entityId: id,
                        summary: "opened household record", reason: trimmed?.isEmpty == false ? trimmed : nil)
            }
            return .success(try loadCaseFile(db, id)!)
        }
        return try result.get()
    }

    public func reload(_ id: Int64, for user: Professional) throws -> CaseFile {
        try read { db in
            guard let decision = try decide(db, user: user, household: id) else { throw CaseStoreError.notFound(entity: "household", id: id) }
            if decision == .denied { throw CaseStoreError.accessDenied(household: id) }
            return try loadCaseFile(db, id)!
        }
    }

    // MARK: Writing changes

    /// Applies changes in one transaction with one audit event; returns them with ids and versions.
    /// (The app and the command line perform `CaseOperation`s; this is for the store's own
    /// building blocks and tests.)
    @discardableResult
    public func apply(_ changes: [Change], householdId: Int64, by user: Professional, note: String?) throws -> [Change] {
        let order = try domainOrder()
        return try write { db in
            guard var file = try loadCaseFile(db, householdId) else { throw CaseStoreError.notFound(entity: "household", id: householdId) }
            try requireWriteAccess(db, user: user, file: file)
            return try applyInTransaction(db, changes, to: &file, by: user, note: note, domainOrder: order)
        }
    }

    public func perform(_ operation: CaseOperation, householdId: Int64?, by user: Professional) throws -> OperationResult {
        if case .registerHousehold(let h, let members, let signals) = operation {
            let created = try createHousehold(h, members: members, signals: signals, by: user)
            return OperationResult(file: try reload(created.id, for: user), changes: [.household(base: nil, new: created)])
        }
        guard let householdId else { throw CaseStoreError.notFound(entity: "household", id: 0) }
        let order = try domainOrder()
        let context = OperationContext(today: clock.today, now: Int64(clock.now.timeIntervalSince1970), user: user)
        return try write { db in
            // Read the household inside the write transaction: the versions compared below are
            // the ones on disk now, not the ones the screen loaded.
            guard var file = try loadCaseFile(db, householdId) else { throw CaseStoreError.notFound(entity: "household", id: householdId) }
            try requireWriteAccess(db, user: user, file: file)
            let changes: [Change]
            do {
                changes = try operation.changes(in: file, context: context)
            } catch let e as DomainError {
                throw CaseStoreError.rule(e)
            } catch let e as EditConflict {
                throw CaseStoreError.editConflict(e)
            }
            let saved = try applyInTransaction(db, changes, to: &file, by: user, note: operation.note, domainOrder: order)
            return OperationResult(file: try loadCaseFile(db, householdId) ?? file, changes: saved)
        }
    }

    /// Writes a list of changes inside the current write transaction: versions checked, ids
    /// assigned, invariants and references checked on the result, one audit event.
    func applyInTransaction(_ db: Database, _ changes: [Change], to file: inout CaseFile, by user: Professional, note: String?,
                            domainOrder order: [String]) throws -> [Change] {
        do { try CaseFile.checkClosedHousehold(before: file.household, changes: changes, note: note) } catch let e as DomainError {
            throw CaseStoreError.rule(e)
        }
        var saved: [Change] = []
        var summaries: [String] = []
        var createdMeeting: Int64?
        for var change in changes {
            // An attendee of meeting 0 belongs to the meeting created earlier in this list.
            if case .attendee(let b, var n) = change, n.meetingId == 0, let m = createdMeeting {
                n.meetingId = m
                change = .attendee(base: b, new: n)
            }
            do { try Validation.validate(change, domains: order) } catch let e as DomainError { throw CaseStoreError.rule(e) }
            let (stored, summary) = try persist(change, in: &file, db: db)
            if case .meeting(nil, let m) = stored { createdMeeting = m.id }
            saved.append(stored)
            summaries.append(summary)
            stored.apply(to: &file)
        }
        guard let first = saved.first else { return saved }
        let roster = try Self.loadRoster(db)
        do {
            try file.validateInvariants()
            try file.validateReferences(roster: roster)
        } catch let e as DomainError { throw CaseStoreError.rule(e) }
        // The audit's index follows the household in the same transaction.
        try FindingIndex.refresh(db, file, context: try indexContext(db, team: file.household.team, roster: roster, domainOrder: order))
        try log(db, actor: user.login, household: file.id, kind: saved.allSatisfy(\.isCreation) ? .create : .change,
                entity: first.entity, entityId: first.recordId, summary: summaries.joined(separator: "; "), reason: note)
        return saved
    }

    /// Creates a household (and its first members) in one transaction.
    public func createHousehold(_ household: Household, members: [Member], signals: [Signal] = [], by user: Professional) throws -> Household {
        do {
            try Validation.validate(household)
            for m in members { try Validation.validate(m) }
            for s in signals { try Validation.validate(s) }
        } catch let e as DomainError { throw CaseStoreError.rule(e) }
        return try write { db in
            var h = household
            h.version = 1
            if !h.involved.contains(user.id) && user.role != .beheerder { h.involved.append(user.id) }
            h.id = try RecordWriter.write(h, db)
            var written: [Member] = []
            for var m in members {
                m.householdId = h.id
                m.version = 1
                m.id = try RecordWriter.write(m, db)
                written.append(m)
            }
            var writtenSignals: [Signal] = []
            for var x in signals {
                x.householdId = h.id
                x.id = try RecordWriter.write(x, db)
                writtenSignals.append(x)
            }
            try indexHouseholds(db, [CaseFile(household: h, members: written, signals: writtenSignals)])
            try log(db, actor: user.login, household: h.id, kind: .create, entity: "household", entityId: h.id,
                    summary: "household \(h.id) created with \(members.count) member(s)" + (signals.isEmpty ? "" : " and \(signals.count) signal(s)"))
            return h
        }
    }

    /// Checks the version of an edited record, assigns id and version, and writes it.
    /// Returns the stored change and an audit summary without personal data.
    func persist(_ change: Change, in file: inout CaseFile, db: Database) throws -> (Change, String) {
        func versioned<T: Equatable>(_ entity: String, _ id: Int64, base: T?, current: T?, version: (T) -> Int) throws -> Int {
            guard let base else {
                if current != nil && id != 0 { throw CaseStoreError.conflict(entity: entity, id: id, fields: ["id"]) }
                return 1
            }
            guard let current else { throw CaseStoreError.notFound(entity: entity, id: id) }
            if version(current) != version(base) {
                throw CaseStoreError.conflict(entity: entity, id: id, fields: FieldDiff.changed(base, current))
            }
            return version(current) + 1
        }
        func unversioned<T: Equatable>(_ entity: String, _ id: Int64, base: T?, current: T?) throws {
            guard let base else { return }
            guard let current else { throw CaseStoreError.notFound(entity: entity, id: id) }
            if base != current { throw CaseStoreError.conflict(entity: entity, id: id, fields: FieldDiff.changed(base, current)) }
        }
        func summary<T>(_ entity: String, _ id: Int64, _ base: T?, _ new: T) -> String {
            guard let base else { return "\(entity) \(id) created" }
            let fields = FieldDiff.changed(base, new).filter { $0 != "version" }
            return "\(entity) \(id) changed: \(fields.isEmpty ? "nothing" : fields.joined(separator: ", "))"
        }
        let hid = file.household.id
        switch change {
        case .household(let b, var n):
            n.version = try versioned("household", n.id, base: b, current: file.household, version: \.version)
            try RecordWriter.write(n, db)
            return (.household(base: b, new: n), summary("household", n.id, b, n))
        case .member(let b, var n):
            n.householdId = hid
            n.version = try versioned("member", n.id, base: b, current: file.member(n.id), version: \.version)
            n.id = try RecordWriter.write(n, db)
            return (.member(base: b, new: n), summary("member", n.id, b, n))
        case .informal(let b, var n):
            n.householdId = hid
            try unversioned("informal", n.id, base: b, current: file.informalPerson(n.id))
            n.id = try RecordWriter.write(n, db)
            return (.informal(base: b, new: n), summary("informal", n.id, b, n))
        case .signal(let b, var n):
            n.householdId = hid
            try unversioned("signal", n.id, base: b, current: file.signals.first { $0.id == n.id })
            n.id = try RecordWriter.write(n, db)
            return (.signal(base: b, new: n), summary("signal", n.id, b, n))
        case .domain(let b, var n):
            n.householdId = hid
            let current = file.domains.first { $0.domain == n.domain }
            if b == nil, let current {
                throw CaseStoreError.conflict(entity: "domain", id: 0, fields: FieldDiff.changed(DomainState(householdId: hid, domain: n.domain, updatedOn: current.updatedOn), current))
            }
            n.version = try versioned("domain", 0, base: b, current: current, version: \.version)
            try RecordWriter.write(n, db)
            return (.domain(base: b, new: n), "domain \(n.domain) " + (b == nil ? "recorded" : "changed: " + FieldDiff.changed(b!, n).filter { $0 != "version" }.joined(separator: ", ")))
        case .assessment(var n):
            n.householdId = hid
            n.id = try RecordWriter.write(n, db)
            return (.assessment(n), "assessment \(n.id) recorded")
        case .coordinator(let b, var n):
            n.householdId = hid
            n.version = try versioned("coordinator", n.id, base: b, current: file.coordinators.first { $0.id == n.id }, version: \.version)
            n.id = try RecordWriter.write(n, db)
            return (.coordinator(base: b, new: n), "coordinator \(n.id) " + (b.map { "\($0.status.rawValue) → \(n.status.rawValue)" } ?? "proposed"))
        case .action(let b, var n):
            n.householdId = hid
            n.version = try versioned("action", n.id, base: b, current: file.action(n.id), version: \.version)
            n.id = try RecordWriter.write(n, db)
            return (.action(base: b, new: n), summary("action", n.id, b, n))
        case .meeting(let b, var n):
            n.householdId = hid
            n.version = try versioned("meeting", n.id, base: b, current: file.meetings.first { $0.id == n.id }, version: \.version)
            n.id = try RecordWriter.write(n, db)
            return (.meeting(base: b, new: n), summary("meeting", n.id, b, n))
        case .attendee(let b, var n):
            guard file.meetings.contains(where: { $0.id == n.meetingId }) else { throw CaseStoreError.notFound(entity: "meeting", id: n.meetingId) }
            try unversioned("attendee", n.id, base: b, current: file.attendees.first { $0.id == n.id })
            n.id = try RecordWriter.write(n, db)
            return (.attendee(base: b, new: n), summary("attendee", n.id, b, n))
        case .removeAttendee(let a):
            try unversioned("attendee", a.id, base: a, current: file.attendees.first { $0.id == a.id })
            try db.execute(sql: "DELETE FROM attendee WHERE id = ?", arguments: [a.id])
            return (change, "attendee \(a.id) removed")
        case .consent(let b, var n):
            n.householdId = hid
            try unversioned("consent", n.id, base: b, current: file.consents.first { $0.id == n.id })
            n.id = try RecordWriter.write(n, db)
            return (.consent(base: b, new: n), summary("consent", n.id, b, n))
        case .escalation(let b, var n):
            n.householdId = hid
            try unversioned("escalation", n.id, base: b, current: file.escalations.first { $0.id == n.id })
            n.id = try RecordWriter.write(n, db)
            return (.escalation(base: b, new: n), summary("escalation", n.id, b, n))
        case .contact(let b, var n):
            n.householdId = hid
            try unversioned("contact", n.id, base: b, current: file.contacts.first { $0.id == n.id })
            n.id = try RecordWriter.write(n, db)
            return (.contact(base: b, new: n), summary("contact", n.id, b, n))
        case .indication(let b, var n):
            n.householdId = hid
            n.version = try versioned("indication", n.id, base: b, current: file.indications.first { $0.id == n.id }, version: \.version)
            n.id = try RecordWriter.write(n, db)
            return (.indication(base: b, new: n), summary("indication", n.id, b, n))
        case .blockedRule(var n):
            n.householdId = hid
            n.id = try RecordWriter.write(n, db)
            return (.blockedRule(n), "blocked_rule \(n.id) created")
        }
    }
}

/// Names the properties that differ between two values (for conflicts and audit summaries).
enum FieldDiff {
    static func changed<T>(_ a: T, _ b: T) -> [String] {
        let ma = Mirror(reflecting: a), mb = Mirror(reflecting: b)
        var out: [String] = []
        for (ca, cb) in zip(ma.children, mb.children) {
            guard let label = ca.label else { continue }
            if String(describing: ca.value) != String(describing: cb.value) { out.append(label) }
        }
        return out
    }
}
