import Foundation
import GRDB
import TafelCore

/// Converts between database rows and the core's model types. Written by hand (not with
/// GRDB's Codable records) because several fields span columns (an owner is a kind and an
/// id; a rejection is a code and a law) and lists live in their own tables.
enum RowMapping {
    // MARK: Reading

    static func day(_ row: Row, _ column: String) -> Day? {
        (row[column] as String?).flatMap(Day.init(iso:))
    }

    static func requiredDay(_ row: Row, _ column: String) -> Day {
        day(row, column) ?? Day(ordinal: 0)
    }

    static func party(_ row: Row, kind: String, id: String) -> PartyRef? {
        guard let k = (row[kind] as String?).flatMap(PartyRef.Kind.init(rawValue:)), let i = row[id] as Int64? else { return nil }
        return PartyRef(k, i)
    }

    static func vocab<V: Vocabulary>(_ row: Row, _ column: String, default d: V) -> V {
        (row[column] as String?).flatMap(V.init(rawValue:)) ?? d
    }

    static func organisation(_ r: Row) -> Organisation {
        Organisation(id: r["id"], name: r["name"], kind: r["kind"])
    }

    static func professional(_ r: Row) -> Professional {
        Professional(id: r["id"], name: r["name"], organisationId: r["organisation_id"], discipline: r["discipline"],
                     role: vocab(r, "role", default: TafelRole.medewerker), login: r["login"], team: r["team"],
                     phone: r["phone"], email: r["email"], version: r["version"])
    }

    static func household(_ r: Row, involved: [Int64]) -> Household {
        Household(id: r["id"], name: r["name"], wijk: r["wijk"], team: r["team"], address: r["address"], phone: r["phone"],
                  status: vocab(r, "status", default: HouseholdStatus.aangemeld), createdOn: requiredDay(r, "created_on"),
                  activatedOn: day(r, "activated_on"), closedOn: day(r, "closed_on"), closeReason: r["close_reason"],
                  reviewCadenceWeeks: r["cadence_weeks"], chronic: r["chronic"],
                  compulsoryFramework: (r["compulsory"] as String?).flatMap(CompulsoryFramework.init(rawValue:)),
                  noHelpRequest: r["no_help_request"], outreachPlan: r["outreach_plan"], nextAttempt: day(r, "next_attempt"),
                  ownView: r["own_view"], involved: involved, version: r["version"],
                  email: r["email"], postcode: r["postcode"], closeCode: (r["close_code"] as String?).flatMap(HouseholdCloseReason.init(rawValue:)),
                  compulsoryOrganisation: r["compulsory_org"], outreachBy: party(r, kind: "outreach_by_kind", id: "outreach_by_id"))
    }

    static func member(_ r: Row) -> Member {
        Member(id: r["id"], householdId: r["household_id"], name: r["name"], role: vocab(r, "role", default: MemberRole.overig),
               birthDate: day(r, "birth_date"), birthYear: r["birth_year"], version: r["version"],
               endedOn: day(r, "ended_on"), endReason: (r["end_reason"] as String?).flatMap(MemberEndReason.init(rawValue:)))
    }

    static func informal(_ r: Row) -> InformalPerson {
        InformalPerson(id: r["id"], householdId: r["household_id"], name: r["name"],
                       kind: vocab(r, "kind", default: InformalKind.overig), phone: r["phone"])
    }

    static func signal(_ r: Row) -> Signal {
        Signal(id: r["id"], householdId: r["household_id"], source: r["source"], date: requiredDay(r, "date"), text: r["text"],
               alreadyKnown: r["already_known"], knownNames: r["known_names"], knownAddress: r["known_address"],
               knownBirthYear: r["known_birth_year"])
    }

    static func domainState(_ r: Row, organisations: [Int64]) -> DomainState {
        DomainState(householdId: r["household_id"], domain: r["domain"], status: vocab(r, "status", default: DomainStatus.nietBesproken),
                    situation: r["situation"], ownWords: r["own_words"], organisations: organisations,
                    noActionReason: r["no_action_reason"], updatedOn: requiredDay(r, "updated_on"), version: r["version"])
    }

    static func assessment(_ r: Row) -> Assessment {
        Assessment(id: r["id"], householdId: r["household_id"], memberId: r["member_id"], domain: r["domain"],
                   date: requiredDay(r, "date"), score: r["score"], ownScore: r["own_score"], target: r["target"],
                   assessedBy: r["assessed_by"], meetingId: r["meeting_id"])
    }

    static func coordinator(_ r: Row) -> CoordinatorAssignment {
        CoordinatorAssignment(id: r["id"], householdId: r["household_id"],
                              coordinator: party(r, kind: "party_kind", id: "party_id") ?? .professional(0),
                              status: vocab(r, "status", default: CoordinatorStatus.voorgesteld), proposedOn: requiredDay(r, "proposed_on"),
                              decidedOn: day(r, "decided_on"), declineReason: r["decline_reason"], endedOn: day(r, "ended_on"),
                              endReason: r["end_reason"], meetingId: r["meeting_id"], version: r["version"])
    }

    static func action(_ r: Row, dependsOn: [Int64]) -> Action {
        let rejection = (r["rejection_code"] as String?).flatMap(RejectionCode.init(rawValue:)).map {
            Rejection($0, law: (r["rejection_law"] as String?).flatMap(LegalFramework.init(rawValue:)))
        }
        return Action(id: r["id"], householdId: r["household_id"], domain: r["domain"], memberId: r["member_id"],
                      description: r["description"], owner: party(r, kind: "owner_kind", id: "owner_id"), due: day(r, "due"),
                      status: vocab(r, "status", default: ActionStatus.open), meetingId: r["meeting_id"],
                      createdOn: requiredDay(r, "created_on"), carryOverCount: r["carry_over"],
                      closeReason: (r["close_reason"] as String?).flatMap(CloseReason.init(rawValue:)), replacedBy: r["replaced_by"],
                      closedOn: day(r, "closed_on"), rejection: rejection,
                      framework: (r["framework"] as String?).flatMap(LegalFramework.init(rawValue:)),
                      agreement: vocab(r, "agreement", default: Agreement.nietGevraagd), dependsOn: dependsOn,
                      waitingSince: day(r, "waiting_since"), waitingEpisodes: r["waiting_episodes"], transition: r["transition"],
                      version: r["version"])
    }

    static func meeting(_ r: Row, domains: [String]) -> Meeting {
        let steps = (r["steps_completed"] as String).split(separator: ",").compactMap { AgendaStep(rawValue: String($0)) }
        func list(_ column: String) -> [String] {
            (r[column] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        }
        let decisions = list("decisions")
        return Meeting(id: r["id"], householdId: r["household_id"], date: requiredDay(r, "date"), startedAt: r["started_at"],
                       endedAt: r["ended_at"], chairId: r["chair_id"], minuteTakerId: r["minute_taker_id"],
                       householdPresent: r["household_present"], consentChecked: r["consent_checked"], timeboxMinutes: r["timebox"],
                       currentStep: AgendaStep(rawValue: r["current_step"]) ?? .opening, stepsCompleted: steps, decisions: decisions,
                       nextReview: day(r, "next_review"), gapReason: r["gap_reason"], domainsDiscussed: domains,
                       gapsClosedOver: list("gaps_closed_over"), acknowledged: list("acknowledged"),
                       status: MeetingStatus(rawValue: r["status"]) ?? .open, version: r["version"])
    }

    static func attendee(_ r: Row) -> Attendee {
        Attendee(id: r["id"], meetingId: r["meeting_id"], party: party(r, kind: "party_kind", id: "party_id"),
                 guestName: r["guest_name"], organisationId: r["organisation_id"],
                 presence: vocab(r, "presence", default: Presence.aanwezig))
    }

    static func consent(_ r: Row) -> Consent {
        Consent(id: r["id"], householdId: r["household_id"], memberId: r["member_id"], organisationId: r["organisation_id"],
                purpose: r["purpose"], basis: vocab(r, "basis", default: ConsentBasis.geen), givenOn: day(r, "given_on"),
                expiresOn: day(r, "expires_on"), recordedBy: r["recorded_by"])
    }

    static func escalation(_ r: Row) -> Escalation {
        Escalation(id: r["id"], householdId: r["household_id"], reason: r["reason"], raisedBy: r["raised_by"],
                   raisedTo: r["raised_to"], raisedOn: requiredDay(r, "raised_on"), deadline: requiredDay(r, "deadline"),
                   decision: r["decision"], decidedOn: day(r, "decided_on"))
    }

    static func contact(_ r: Row) -> Contact {
        Contact(id: r["id"], householdId: r["household_id"], date: requiredDay(r, "date"), professionalId: r["professional_id"],
                withWhom: r["with_whom"], kind: vocab(r, "kind", default: ContactKind.anders), note: r["note"])
    }

    static func event(_ r: Row) -> AuditEvent {
        AuditEvent(id: r["id"], at: r["at"], actor: r["actor"], householdId: r["household_id"],
                   kind: AuditKind(rawValue: r["kind"]) ?? .system, entity: r["entity"], entityId: r["entity_id"],
                   summary: r["summary"], reason: r["reason"], prevHash: r["prev_hash"], hash: r["hash"])
    }
}
