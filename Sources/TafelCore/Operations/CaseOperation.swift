/// An intent of a user ("close this action as done", "save this text"), as a value.
///
/// Every change a screen or a command makes is one of these. The store performs it inside one
/// write transaction: it reads the household as it is *now*, asks the operation for its changes
/// (`changes(in:context:)`, pure and tested in the core), writes them with one audit event, and
/// answers with the household file after the change. Intents merge with other people's work
/// (closing an action does not care that someone edited its description); edits of typed text and
/// fields carry what they were based on, and a stale edit is refused as an `EditConflict` that
/// holds both versions, so nothing anyone typed is lost.
public enum CaseOperation: Sendable, Hashable {
    // MARK: Meeting
    /// Resumes today's open meeting, or starts one: activates a signalled household, creates the
    /// meeting (the user chairs when they are a voorzitter) and adds the user as attendee — one
    /// transaction. With `anotherToday`, a new meeting is started even if one was closed today.
    case startMeeting(anotherToday: Bool)
    /// Where the chair is on the agenda (merges: the last position wins).
    case setAgenda(meetingId: Int64, current: AgendaStep, completed: [AgendaStep])
    /// A domain came up in this meeting (for `geparkeerd` and the minutes).
    case markDiscussed(meetingId: Int64, domain: String)
    /// Closes the meeting over the closing check's gaps (`Gap.code`): with gaps, `gapReason` must
    /// say something (`ClosingCheck.isReasonEnough`); the meeting keeps the codes, so the minutes
    /// list what it closed over.
    case closeMeeting(meetingId: Int64, gapReason: String?, gaps: [String])
    /// The chair says a gap is deliberate ("9 leefgebieden niet besproken — bewust").
    case acknowledgeGap(meetingId: Int64, String)
    case setNextReview(meetingId: Int64, Day)
    /// Adds a decision (index nil), rewrites one, or removes it (empty text).
    case setDecision(meetingId: Int64, index: Int?, text: String)
    case addAttendee(meetingId: Int64, party: PartyRef, organisationId: Int64?)
    case addGuest(meetingId: Int64, name: String)
    case setPresence(attendeeId: Int64, Presence)
    case removeAttendee(attendeeId: Int64)
    case setChair(meetingId: Int64, professionalId: Int64)
    case setMinuteTaker(meetingId: Int64, professionalId: Int64)
    case setHouseholdPresent(meetingId: Int64, Bool)

    // MARK: Text typed in the room
    /// Saves typed text. `base` is the stored text the user started from: when someone else
    /// saved a different text since, the store refuses with an `EditConflict` holding both.
    case setText(TextTarget, base: String, text: String)

    // MARK: Actions (afspraken)
    case addAction(Action)
    /// An edit of an action's fields, based on `base`. Fields the user did not touch follow the
    /// stored version; a field both changed differently is a conflict.
    case editAction(base: Action, edited: Action)
    case closeAction(Int64, CloseReason, replacedBy: Int64?)
    case rejectAction(Int64, Rejection)
    case carryOver(Int64, Day)
    case setActionStatus(Int64, ActionStatus)

    // MARK: Regie
    case propose(PartyRef, meetingId: Int64?)
    case accept(Int64)
    case decline(Int64, reason: String)

    // MARK: Domains and scores
    /// Scores a member in a domain; in a meeting the domain counts as discussed there, in the
    /// same transaction.
    case setScore(member: Int64, domain: String, score: Int, meetingId: Int64?)
    case setOwnScore(member: Int64, domain: String, ownScore: Int, meetingId: Int64?)
    /// The score the member and the team aim for in this domain (doelscore); kept until changed.
    case setTarget(member: Int64, domain: String, target: Int, meetingId: Int64?)
    /// Sets a domain's status; in a meeting (any status but `niet besproken`) it counts as discussed.
    case setDomainStatus(String, DomainStatus, meetingId: Int64?)
    /// Why a domain in need has no action (answers `onvolledig`); nil clears it.
    case setNoActionReason(domain: String, reason: String?)

    // MARK: The household record
    case addContact(Contact)
    /// Records that a rule blocked help for this household (*knellende regel*), with any exception used.
    case recordBlockedRule(BlockedRule)
    /// An indication for a member (law, provider, domain, start, end).
    case addIndication(Indication)
    /// Ends an indication on a day (stopped early, or the end date became known).
    case endIndication(Int64, on: Day)
    case addSignal(Signal)
    case raiseEscalation(Escalation)
    case decideEscalation(Int64, decision: String)
    /// A consent; `alsoFor` records the same basis, member and term for these organisations too,
    /// in the same transaction (the meeting's "all organisations at the table" in one key).
    case recordConsent(Consent, alsoFor: [Int64] = [])
    case activate
    /// Registers a new household with its first members and the signals that brought it in view
    /// (no household id yet).
    case registerHousehold(Household, members: [Member], signals: [Signal] = [])
    /// An edit of the household's details (name, wijk, team, address, contact), merged field by field.
    case editHousehold(base: Household, edited: Household)
    /// aangemeld/actief → afgesloten, with a reason code and the worker's words (the event's note).
    case closeHousehold(HouseholdCloseReason, note: String?)
    /// afgesloten → actief; the reason goes into the event.
    case reopenHousehold(reason: String)
    case setChronic(Bool)
    /// The compulsory framework that applies (nil: none), and the organisation that carries it.
    case setCompulsory(CompulsoryFramework?, organisationId: Int64?)
    /// Declines help: needs an outreach plan (how), who makes the next attempt, and when.
    case setNoHelpRequest(Bool, plan: String?, by: PartyRef?, nextAttempt: Day?)
    case addMember(Member)
    case editMember(base: Member, edited: Member)
    /// Ends a membership (moved out, deceased, left home); the member's history stays.
    case endMember(Int64, MemberEndReason, on: Day)
    /// Opens a closed or rejected action again.
    case reopenAction(Int64)
    /// Undoes an earlier intent: every record it changed is put back as it was, if nobody changed
    /// it since. A new event records the undo (the log stays true).
    case undo([Change])

    /// The reason that goes into the audit event with the change, if the intent carries one.
    public var note: String? {
        switch self {
        case .closeMeeting(_, let reason, _): return reason
        case .closeHousehold(let code, let note): return [code.rawValue, note].compactMap { $0 }.joined(separator: ": ")
        case .reopenHousehold(let reason): return reason
        case .undo: return "undo"
        default: return nil
        }
    }

    /// True for an intent that creates a household rather than changing one.
    public var createsHousehold: Bool {
        if case .registerHousehold = self { return true }
        return false
    }
}
