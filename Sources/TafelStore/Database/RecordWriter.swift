import Foundation
import GRDB
import Synchronization
import TafelCore

/// Writes model records to their tables. New records with id 0 get an id from SQLite.
/// Updates use `INSERT … ON CONFLICT DO UPDATE` (never `REPLACE`, which would delete and
/// cascade to child rows).
enum RecordWriter {
    typealias Value = (any DatabaseValueConvertible)?

    @discardableResult
    static func upsert(_ db: Database, _ table: String, _ columns: [String], _ values: [Value], key: [String] = ["id"]) throws -> Int64 {
        let isNew = key == ["id"] && ((values[0] as? Int64) ?? 0) == 0
        let vals = isNew ? Array(values.dropFirst()) : values
        let stmt = try db.cachedStatement(sql: sql(table, columns, key: key, isNew: isNew))
        try stmt.execute(arguments: StatementArguments(vals))
        return isNew ? db.lastInsertedRowID : (values[0] as? Int64 ?? 0)
    }

    /// The upsert statement of each table, built once: an import writes a million rows, and building
    /// the text for each (joins, interpolation) cost more than SQLite's insert (Docs/PERFORMANCE.md).
    /// Every table has one writer below, so the table and the kind of write name the statement.
    private static let statements = Mutex<[String: String]>([:])

    private static func sql(_ table: String, _ columns: [String], key: [String], isNew: Bool) -> String {
        let name = isNew ? table + "+new" : table
        if let known = statements.withLock({ $0[name] }) { return known }
        let cols = isNew ? Array(columns.dropFirst()) : columns
        var sql = "INSERT INTO \(table) (\(cols.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: cols.count).joined(separator: ", ")))"
        if !isNew {
            let updates = cols.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }
            sql += " ON CONFLICT(\(key.joined(separator: ", "))) DO " + (updates.isEmpty ? "NOTHING" : "UPDATE SET " + updates.joined(separator: ", "))
        }
        statements.withLock { $0[name] = sql }
        return sql
    }

    /// A statement of a record's child rows, prepared once per connection (`db.execute` would
    /// compile it again for every action and household).
    private static func run(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    static func s(_ d: Day?) -> String? { d?.iso }

    @discardableResult
    static func write(_ o: Organisation, _ db: Database) throws -> Int64 {
        try upsert(db, "organisation", ["id", "name", "kind"], [o.id, o.name, o.kind])
    }

    @discardableResult
    static func write(_ p: Professional, _ db: Database) throws -> Int64 {
        try upsert(db, "professional", ["id", "name", "organisation_id", "discipline", "role", "login", "team", "phone", "email", "version", "leads"],
                   [p.id, p.name, p.organisationId, p.discipline, p.role.rawValue, p.login, p.team, p.phone, p.email, p.version,
                    TeamList.encode(p.leads ?? [])])
    }

    @discardableResult
    static func write(_ h: Household, _ db: Database) throws -> Int64 {
        let id = try upsert(db, "household",
            ["id", "name", "wijk", "team", "address", "phone", "status", "created_on", "activated_on", "closed_on", "close_reason",
             "cadence_weeks", "chronic", "compulsory", "no_help_request", "outreach_plan", "next_attempt", "own_view", "version",
             "email", "postcode", "close_code", "compulsory_org", "outreach_by_kind", "outreach_by_id"],
            [h.id, h.name, h.wijk, h.team, h.address, h.phone, h.status.rawValue, h.createdOn.iso, s(h.activatedOn), s(h.closedOn),
             h.closeReason, h.reviewCadenceWeeks, h.chronic, h.compulsoryFramework?.rawValue, h.noHelpRequest, h.outreachPlan,
             s(h.nextAttempt), h.ownView, h.version,
             h.email, h.postcode, h.closeCode?.rawValue, h.compulsoryOrganisation, h.outreachBy?.kind.rawValue, h.outreachBy?.id])
        try run(db, "DELETE FROM household_involved WHERE household_id = ?", [id])
        for p in h.involved {
            try run(db, "INSERT OR IGNORE INTO household_involved (household_id, professional_id) VALUES (?, ?)", [id, p])
        }
        return id
    }

    @discardableResult
    static func write(_ m: Member, _ db: Database) throws -> Int64 {
        try upsert(db, "member", ["id", "household_id", "name", "role", "birth_date", "birth_year", "adult_on", "version", "ended_on", "end_reason"],
                   [m.id, m.householdId, m.name, m.role.rawValue, s(m.birthDate), m.birthYear, s(m.eighteenthBirthday), m.version,
                    s(m.endedOn), m.endReason?.rawValue])
    }

    @discardableResult
    static func write(_ p: InformalPerson, _ db: Database) throws -> Int64 {
        try upsert(db, "informal_person", ["id", "household_id", "name", "kind", "phone"], [p.id, p.householdId, p.name, p.kind.rawValue, p.phone])
    }

    @discardableResult
    static func write(_ x: Signal, _ db: Database) throws -> Int64 {
        try upsert(db, "signal", ["id", "household_id", "source", "date", "text", "already_known", "known_names", "known_address", "known_birth_year"],
                   [x.id, x.householdId, x.source, x.date.iso, x.text, x.alreadyKnown, x.knownNames, x.knownAddress, x.knownBirthYear])
    }

    static func write(_ d: DomainState, _ db: Database) throws {
        try upsert(db, "domain_state", ["household_id", "domain", "status", "situation", "own_words", "no_action_reason", "updated_on", "version"],
                   [d.householdId, d.domain, d.status.rawValue, d.situation, d.ownWords, d.noActionReason, d.updatedOn.iso, d.version],
                   key: ["household_id", "domain"])
        try run(db, "DELETE FROM domain_organisation WHERE household_id = ? AND domain = ?", [d.householdId, d.domain])
        for (i, o) in d.organisations.enumerated() {
            try run(db, "INSERT OR IGNORE INTO domain_organisation (household_id, domain, organisation_id, position) VALUES (?, ?, ?, ?)", [d.householdId, d.domain, o, i])
        }
    }

    @discardableResult
    static func write(_ a: Assessment, _ db: Database) throws -> Int64 {
        try upsert(db, "assessment", ["id", "household_id", "member_id", "domain", "date", "score", "own_score", "target", "assessed_by", "meeting_id"],
                   [a.id, a.householdId, a.memberId, a.domain, a.date.iso, a.score, a.ownScore, a.target, a.assessedBy, a.meetingId])
    }

    @discardableResult
    static func write(_ c: CoordinatorAssignment, _ db: Database) throws -> Int64 {
        try upsert(db, "coordinator", ["id", "household_id", "party_kind", "party_id", "status", "proposed_on", "decided_on", "decline_reason",
                                       "ended_on", "end_reason", "meeting_id", "version"],
                   [c.id, c.householdId, c.coordinator.kind.rawValue, c.coordinator.id, c.status.rawValue, c.proposedOn.iso, s(c.decidedOn),
                    c.declineReason, s(c.endedOn), c.endReason, c.meetingId, c.version])
    }

    @discardableResult
    static func write(_ a: Action, _ db: Database) throws -> Int64 {
        let id = try upsert(db, "action",
            ["id", "household_id", "domain", "member_id", "description", "owner_kind", "owner_id", "due", "status", "meeting_id", "created_on",
             "carry_over", "close_reason", "replaced_by", "closed_on", "rejection_code", "rejection_law", "framework", "agreement",
             "waiting_since", "waiting_episodes", "transition", "version"],
            [a.id, a.householdId, a.domain, a.memberId, a.description, a.owner?.kind.rawValue, a.owner?.id, s(a.due), a.status.rawValue,
             a.meetingId, a.createdOn.iso, a.carryOverCount, a.closeReason?.rawValue, a.replacedBy, s(a.closedOn),
             a.rejection?.code.rawValue, a.rejection?.law?.rawValue, a.framework?.rawValue, a.agreement.rawValue, s(a.waitingSince),
             a.waitingEpisodes, a.transition, a.version])
        try run(db, "DELETE FROM action_dependency WHERE action_id = ?", [id])
        for (i, d) in a.dependsOn.enumerated() {
            try run(db, "INSERT OR IGNORE INTO action_dependency (action_id, depends_on, position) VALUES (?, ?, ?)", [id, d, i])
        }
        return id
    }

    @discardableResult
    static func write(_ m: Meeting, _ db: Database) throws -> Int64 {
        func json(_ list: [String]) throws -> String { String(decoding: try JSONEncoder().encode(list), as: UTF8.self) }
        let id = try upsert(db, "meeting",
            ["id", "household_id", "date", "started_at", "ended_at", "chair_id", "minute_taker_id", "household_present", "consent_checked",
             "timebox", "current_step", "steps_completed", "decisions", "next_review", "gap_reason", "gaps_closed_over", "acknowledged",
             "status", "version"],
            [m.id, m.householdId, m.date.iso, m.startedAt, m.endedAt, m.chairId, m.minuteTakerId, m.householdPresent, m.consentChecked,
             m.timeboxMinutes, m.currentStep.rawValue, m.stepsCompleted.map(\.rawValue).joined(separator: ","), try json(m.decisions),
             s(m.nextReview), m.gapReason, try json(m.gapsClosedOver), try json(m.acknowledged), m.status.rawValue, m.version])
        try run(db, "DELETE FROM meeting_domain WHERE meeting_id = ?", [id])
        for (i, d) in m.domainsDiscussed.enumerated() {
            try run(db, "INSERT OR IGNORE INTO meeting_domain (meeting_id, domain, position) VALUES (?, ?, ?)", [id, d, i])
        }
        return id
    }

    @discardableResult
    static func write(_ a: Attendee, _ db: Database) throws -> Int64 {
        try upsert(db, "attendee", ["id", "meeting_id", "party_kind", "party_id", "guest_name", "organisation_id", "presence"],
                   [a.id, a.meetingId, a.party?.kind.rawValue, a.party?.id, a.guestName, a.organisationId, a.presence.rawValue])
    }

    @discardableResult
    static func write(_ c: Consent, _ db: Database) throws -> Int64 {
        try upsert(db, "consent", ["id", "household_id", "member_id", "organisation_id", "purpose", "basis", "given_on", "expires_on", "recorded_by"],
                   [c.id, c.householdId, c.memberId, c.organisationId, c.purpose, c.basis.rawValue, s(c.givenOn), s(c.expiresOn), c.recordedBy])
    }

    @discardableResult
    static func write(_ e: Escalation, _ db: Database) throws -> Int64 {
        try upsert(db, "escalation", ["id", "household_id", "reason", "raised_by", "raised_to", "raised_on", "deadline", "decision", "decided_on", "decided_by"],
                   [e.id, e.householdId, e.reason, e.raisedBy, e.raisedTo, e.raisedOn.iso, e.deadline.iso, e.decision, s(e.decidedOn), e.decidedBy])
    }

    @discardableResult
    static func write(_ c: Contact, _ db: Database) throws -> Int64 {
        try upsert(db, "contact", ["id", "household_id", "date", "professional_id", "with_whom", "kind", "note"],
                   [c.id, c.householdId, c.date.iso, c.professionalId, c.withWhom, c.kind.rawValue, c.note])
    }

    @discardableResult
    static func write(_ b: BlockedRule, _ db: Database) throws -> Int64 {
        try upsert(db, "blocked_rule", ["id", "household_id", "date", "rule", "source", "domain", "blocked", "exception", "amount", "decided_by", "recorded_by"],
                   [b.id, b.householdId, b.date.iso, b.rule, b.source.rawValue, b.domain, b.blocked, b.exception.rawValue, b.amount, b.decidedBy, b.recordedBy])
    }

    @discardableResult
    static func write(_ i: Indication, _ db: Database) throws -> Int64 {
        try upsert(db, "indication", ["id", "household_id", "member_id", "law", "provider", "domain", "start", "end_on", "version"],
                   [i.id, i.householdId, i.memberId, i.law.rawValue, i.provider, i.domain, i.start.iso, i.end?.iso, i.version])
    }

    /// A new service on the sociale kaart; it keeps its id when it has one that is free (an import
    /// into a fresh database exports again byte for byte), else the table gives it one.
    static func write(_ s: Service, _ db: Database) throws {
        let free = try s.id > 0 && !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM service WHERE id = ?)", arguments: [s.id]) ?? false)
        try db.execute(sql: """
            INSERT INTO service (id, name, organisation, contact, phone, email, domains, laws, wijk, waiting_weeks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [free ? s.id : nil, s.name, s.organisation, s.contact, s.phone, s.email, s.domains.joined(separator: ","),
                             s.laws.joined(separator: ","), s.wijk, s.waitingWeeks])
    }

    /// Writes a whole household file (import, demo, generator): records keep their ids.
    static func write(_ f: CaseFile, _ db: Database) throws {
        try write(f.household, db)
        for m in f.members { try write(m, db) }
        for p in f.informal { try write(p, db) }
        for s in f.signals { try write(s, db) }
        for m in f.meetings { try write(m, db) }
        for a in f.attendees { try write(a, db) }
        for d in f.domains { try write(d, db) }
        for a in f.assessments { try write(a, db) }
        for c in f.coordinators { try write(c, db) }
        // Actions in two passes, so dependencies and replacements can point at later actions.
        for var a in f.actions { a.dependsOn = []; try write(a, db) }
        for a in f.actions where !a.dependsOn.isEmpty { try write(a, db) }
        for c in f.consents { try write(c, db) }
        for e in f.escalations { try write(e, db) }
        for c in f.contacts { try write(c, db) }
        for b in f.blockedRules { try write(b, db) }
        for i in f.indications { try write(i, db) }
    }
}
