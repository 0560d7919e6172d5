import Foundation
import GRDB
import TafelCore

/// Converts between database rows and the core's model types. Written by hand (not with
/// GRDB's Codable records) because several fields span columns (an owner is a kind and an
/// id; a rejection is a code and a law) and lists live in their own tables.
enum RowMapping {
    // MARK: Reading
    // Every cell is read with `Row.cell`, which throws instead of trapping: one damaged cell
    // (`UPDATE member SET birth_year = 'abc'`) is an error naming table, row and column, never
    // a crash and never a silently shortened export.

    static func day(_ row: Row, _ column: String) throws -> Day? {
        (try row.cell(column) as String?).flatMap(Day.init(iso:))
    }

    static func requiredDay(_ row: Row, _ column: String) throws -> Day {
        try day(row, column) ?? Day(ordinal: 0)
    }

    static func party(_ row: Row, kind: String, id: String) throws -> PartyRef? {
        guard let k = (try row.cell(kind) as String?).flatMap(PartyRef.Kind.init(rawValue:)), let i = try row.cell(id) as Int64? else { return nil }
        return PartyRef(k, i)
    }

    static func vocab<V: Vocabulary>(_ row: Row, _ column: String, default d: V) throws -> V {
        (try row.cell(column) as String?).flatMap(V.init(rawValue:)) ?? d
    }

    static func organisation(_ r: Row) throws -> Organisation {
        try r.mapped("organisation") { r -> Organisation in
            Organisation(id: try r.cell("id"), name: try r.cell("name"), kind: try r.cell("kind"))
        }
    }

    static func professional(_ r: Row) throws -> Professional {
        try r.mapped("professional") { r -> Professional in
            Professional(id: try r.cell("id"), name: try r.cell("name"), organisationId: try r.cell("organisation_id"), discipline: try r.cell("discipline"),
                         role: try vocab(r, "role", default: TafelRole.medewerker), login: try r.cell("login"), team: try r.cell("team"),
                         phone: try r.cell("phone"), email: try r.cell("email"), version: try r.cell("version"),
                         leads: TeamList.decode(try r.cell("leads")))
        }
    }

    static func household(_ r: Row, involved: [Int64]) throws -> Household {
        try r.mapped("household") { r -> Household in
            Household(id: try r.cell("id"), name: try r.cell("name"), wijk: try r.cell("wijk"), team: try r.cell("team"), address: try r.cell("address"), phone: try r.cell("phone"),
                      status: try vocab(r, "status", default: HouseholdStatus.aangemeld), createdOn: try requiredDay(r, "created_on"),
                      activatedOn: try day(r, "activated_on"), closedOn: try day(r, "closed_on"), closeReason: try r.cell("close_reason"),
                      reviewCadenceWeeks: try r.cell("cadence_weeks"), chronic: try r.cell("chronic"),
                      compulsoryFramework: (try r.cell("compulsory") as String?).flatMap(CompulsoryFramework.init(rawValue:)),
                      noHelpRequest: try r.cell("no_help_request"), outreachPlan: try r.cell("outreach_plan"), nextAttempt: try day(r, "next_attempt"),
                      ownView: try r.cell("own_view"), involved: involved, version: try r.cell("version"),
                      email: try r.cell("email"), postcode: try r.cell("postcode"), closeCode: (try r.cell("close_code") as String?).flatMap(HouseholdCloseReason.init(rawValue:)),
                      compulsoryOrganisation: try r.cell("compulsory_org"), outreachBy: try party(r, kind: "outreach_by_kind", id: "outreach_by_id"))
        }
    }

    static func member(_ r: Row) throws -> Member {
        try r.mapped("member") { r -> Member in
            Member(id: try r.cell("id"), householdId: try r.cell("household_id"), name: try r.cell("name"), role: try vocab(r, "role", default: MemberRole.overig),
                   birthDate: try day(r, "birth_date"), birthYear: try r.cell("birth_year"), version: try r.cell("version"),
                   endedOn: try day(r, "ended_on"), endReason: (try r.cell("end_reason") as String?).flatMap(MemberEndReason.init(rawValue:)))
        }
    }

    static func informal(_ r: Row) throws -> InformalPerson {
        try r.mapped("informal_person") { r -> InformalPerson in
            InformalPerson(id: try r.cell("id"), householdId: try r.cell("household_id"), name: try r.cell("name"),
                           kind: try vocab(r, "kind", default: InformalKind.overig), phone: try r.cell("phone"))
        }
    }

    static func signal(_ r: Row) throws -> Signal {
        try r.mapped("signal") { r -> Signal in
            Signal(id: try r.cell("id"), householdId: try r.cell("household_id"), source: try r.cell("source"), date: try requiredDay(r, "date"), text: try r.cell("text"),
                   alreadyKnown: try r.cell("already_known"), knownNames: try r.cell("known_names"), knownAddress: try r.cell("known_address"),
                   knownBirthYear: try r.cell("known_birth_year"))
        }
    }

    static func domainState(_ r: Row, organisations: [Int64]) throws -> DomainState {
        try r.mapped("domain_state") { r -> DomainState in
            DomainState(householdId: try r.cell("household_id"), domain: try r.cell("domain"), status: try vocab(r, "status", default: DomainStatus.nietBesproken),
                        situation: try r.cell("situation"), ownWords: try r.cell("own_words"), organisations: organisations,
                        noActionReason: try r.cell("no_action_reason"), updatedOn: try requiredDay(r, "updated_on"), version: try r.cell("version"))
        }
    }

    static func assessment(_ r: Row) throws -> Assessment {
        try r.mapped("assessment") { r -> Assessment in
            Assessment(id: try r.cell("id"), householdId: try r.cell("household_id"), memberId: try r.cell("member_id"), domain: try r.cell("domain"),
                       date: try requiredDay(r, "date"), score: try r.cell("score"), ownScore: try r.cell("own_score"), target: try r.cell("target"),
                       assessedBy: try r.cell("assessed_by"), meetingId: try r.cell("meeting_id"))
        }
    }

    static func coordinator(_ r: Row) throws -> CoordinatorAssignment {
        try r.mapped("coordinator") { r -> CoordinatorAssignment in
            CoordinatorAssignment(id: try r.cell("id"), householdId: try r.cell("household_id"),
                                  coordinator: try party(r, kind: "party_kind", id: "party_id") ?? .professional(0),
                                  status: try vocab(r, "status", default: CoordinatorStatus.voorgesteld), proposedOn: try requiredDay(r, "proposed_on"),
                                  decidedOn: try day(r, "decided_on"), declineReason: try r.cell("decline_reason"), endedOn: try day(r, "ended_on"),
                                  endReason: try r.cell("end_reason"), meetingId: try r.cell("meeting_id"), version: try r.cell("version"))
        }
    }

    static func action(_ r: Row, dependsOn: [Int64]) throws -> Action {
        try r.mapped("action") { r -> Action in
            let rejection = try (try r.cell("rejection_code") as String?).flatMap(RejectionCode.init(rawValue:)).map {
                Rejection($0, law: (try r.cell("rejection_law") as String?).flatMap(LegalFramework.init(rawValue:)))
            }
            return Action(id: try r.cell("id"), householdId: try r.cell("household_id"), domain: try r.cell("domain"), memberId: try r.cell("member_id"),
                          description: try r.cell("description"), owner: try party(r, kind: "owner_kind", id: "owner_id"), due: try day(r, "due"),
                          status: try vocab(r, "status", default: ActionStatus.open), meetingId: try r.cell("meeting_id"),
                          createdOn: try requiredDay(r, "created_on"), carryOverCount: try r.cell("carry_over"),
                          closeReason: (try r.cell("close_reason") as String?).flatMap(CloseReason.init(rawValue:)), replacedBy: try r.cell("replaced_by"),
                          closedOn: try day(r, "closed_on"), rejection: rejection,
                          framework: (try r.cell("framework") as String?).flatMap(LegalFramework.init(rawValue:)),
                          agreement: try vocab(r, "agreement", default: Agreement.nietGevraagd), dependsOn: dependsOn,
                          waitingSince: try day(r, "waiting_since"), waitingEpisodes: try r.cell("waiting_episodes"), transition: try r.cell("transition"),
                          version: try r.cell("version"))
        }
    }

    static func meeting(_ r: Row, domains: [String]) throws -> Meeting {
        try r.mapped("meeting") { r -> Meeting in
            let steps = (try r.cell("steps_completed") as String).split(separator: ",").compactMap { AgendaStep(rawValue: String($0)) }
            func list(_ column: String) throws -> [String] {
                (try r.cell(column) as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
            }
            let decisions = try list("decisions")
            return Meeting(id: try r.cell("id"), householdId: try r.cell("household_id"), date: try requiredDay(r, "date"), startedAt: try r.cell("started_at"),
                           endedAt: try r.cell("ended_at"), chairId: try r.cell("chair_id"), minuteTakerId: try r.cell("minute_taker_id"),
                           householdPresent: try r.cell("household_present"), consentChecked: try r.cell("consent_checked"), timeboxMinutes: try r.cell("timebox"),
                           currentStep: AgendaStep(rawValue: try r.cell("current_step")) ?? .opening, stepsCompleted: steps, decisions: decisions,
                           nextReview: try day(r, "next_review"), gapReason: try r.cell("gap_reason"), domainsDiscussed: domains,
                           gapsClosedOver: try list("gaps_closed_over"), acknowledged: try list("acknowledged"),
                           status: MeetingStatus(rawValue: try r.cell("status")) ?? .open, version: try r.cell("version"))
        }
    }

    static func attendee(_ r: Row) throws -> Attendee {
        try r.mapped("attendee") { r -> Attendee in
            Attendee(id: try r.cell("id"), meetingId: try r.cell("meeting_id"), party: try party(r, kind: "party_kind", id: "party_id"),
                     guestName: try r.cell("guest_name"), organisationId: try r.cell("organisation_id"),
                     presence: try vocab(r, "presence", default: Presence.aanwezig))
        }
    }

    static func consent(_ r: Row) throws -> Consent {
        try r.mapped("consent") { r -> Consent in
            Consent(id: try r.cell("id"), householdId: try r.cell("household_id"), memberId: try r.cell("member_id"), organisationId: try r.cell("organisation_id"),
                    purpose: try r.cell("purpose"), basis: try vocab(r, "basis", default: ConsentBasis.geen), givenOn: try day(r, "given_on"),
                    expiresOn: try day(r, "expires_on"), recordedBy: try r.cell("recorded_by"))
        }
    }

    static func escalation(_ r: Row) throws -> Escalation {
        try r.mapped("escalation") { r -> Escalation in
            Escalation(id: try r.cell("id"), householdId: try r.cell("household_id"), reason: try r.cell("reason"), raisedBy: try r.cell("raised_by"),
                       raisedTo: try r.cell("raised_to"), raisedOn: try requiredDay(r, "raised_on"), deadline: try requiredDay(r, "deadline"),
                       decision: try r.cell("decision"), decidedOn: try day(r, "decided_on"), decidedBy: try r.cell("decided_by"))
        }
    }

    static func contact(_ r: Row) throws -> Contact {
        try r.mapped("contact") { r -> Contact in
            Contact(id: try r.cell("id"), householdId: try r.cell("household_id"), date: try requiredDay(r, "date"), professionalId: try r.cell("professional_id"),
                    withWhom: try r.cell("with_whom"), kind: try vocab(r, "kind", default: ContactKind.anders), note: try r.cell("note"))
        }
    }

    static func event(_ r: Row) throws -> AuditEvent {
        try r.mapped("event") { r -> AuditEvent in
            AuditEvent(id: try r.cell("id"), at: try r.cell("at"), actor: try r.cell("actor"), householdId: try r.cell("household_id"),
                       kind: AuditKind(rawValue: try r.cell("kind")) ?? .system, entity: try r.cell("entity"), entityId: try r.cell("entity_id"),
                       summary: try r.cell("summary"), reason: try r.cell("reason"), prevHash: try r.cell("prev_hash"), hash: try r.cell("hash"),
                       stateDigest: try r.cell("state_digest"))
        }
    }

    static func indication(_ r: Row) throws -> Indication {
        try r.mapped("indication") { r -> Indication in
            Indication(id: try r.cell("id"), householdId: try r.cell("household_id"), memberId: try r.cell("member_id"),
                       law: try vocab(r, "law", default: LegalFramework.geen), provider: try r.cell("provider"), domain: try r.cell("domain"),
                       start: try requiredDay(r, "start"), end: try day(r, "end_on"), version: try r.cell("version"))
        }
    }

    static func blockedRule(_ r: Row) throws -> BlockedRule {
        try r.mapped("blocked_rule") { r -> BlockedRule in
            BlockedRule(id: try r.cell("id"), householdId: try r.cell("household_id"), date: try requiredDay(r, "date"), rule: try r.cell("rule"),
                        source: try vocab(r, "source", default: BlockedRuleSource.uitvoeringspraktijk), domain: try r.cell("domain"),
                        blocked: try r.cell("blocked"), exception: try vocab(r, "exception", default: RuleException.geen),
                        amount: try r.cell("amount"), decidedBy: try r.cell("decided_by"), recordedBy: try r.cell("recorded_by"))
        }
    }
}

/// A cell that does not hold what its column promises.
struct DamagedCell: Error {
    let column: String
}

extension Row {
    /// The value of `column`, or `DamagedCell` when it cannot be converted (GRDB's subscript traps).
    func cell<T: DatabaseValueConvertible>(_ column: String) throws -> T {
        do { return try decode(forColumn: column) } catch { throw DamagedCell(column: column) }
    }

    /// Runs a row mapper; a damaged cell becomes `CaseStoreError.damaged` with table and row id.
    func mapped<T>(_ table: String, _ body: (Row) throws -> T) throws -> T {
        do { return try body(self) } catch let d as DamagedCell {
            let id = (self["id"] as DatabaseValue?).flatMap { Int64.fromDatabaseValue($0) }
            throw CaseStoreError.damaged(table: table, id: id, column: d.column)
        }
    }
}
