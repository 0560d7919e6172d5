import TafelCore

/// What a request was for, kept until its answer arrives, so the reducer (and nothing else)
/// decides what the answer means: which list it fills, which text it confirms, what follows.
public enum PendingRequest: Sendable, Hashable {
    case load(LoadKind)
    case open(householdId: Int64, then: AfterOpen)
    /// A quiet re-read after a change elsewhere (no access-log entry).
    case reload(householdId: Int64)
    case save(SaveKind, householdId: Int64?)
    case export
    case draft
    case terminal
    /// A setting chosen on screen (theme, language), saved to the user's config file.
    case setting
    /// The text of this field, out in the user's editor.
    case externalEditor(TextTarget)
    /// An intake search, with the signal and household details to use once the user has chosen.
    case intake(IntakeDraft)
    /// Another team's audit, asked with a reason.
    case teamScope(team: String)
}

/// A signal typed at intake, with what is needed to register a new household for it.
public struct IntakeDraft: Sendable, Hashable {
    public var signal: Signal
    public var household: Household
}

/// The lists and details the app loads.
public enum LoadKind: String, Sendable, Hashable {
    case caseload, households, audit, evidence
}

/// What to do once a household record is open.
public enum AfterOpen: Sendable, Hashable {
    case show
    case meeting(anotherToday: Bool)
}

/// What a save was for (it decides the status line and what the editor shows afterwards).
public enum SaveKind: Sendable, Hashable {
    case text(TextTarget)
    /// The place on the agenda (saved quietly).
    case agenda
    case startMeeting
    case operation(CaseOperation)
    /// Undoing an earlier change (its entry, to put back when the undo fails for a passing reason).
    case undo(UndoEntry)
}

/// The requests of a session: a counter for ids, and what each unanswered one was for.
public struct RequestLog: Sendable {
    public private(set) var next = 1
    public var pending: [RequestID: PendingRequest] = [:]
    /// The newest load of each kind; an older answer is no longer wanted and is dropped.
    public var latestLoad: [LoadKind: RequestID] = [:]
    /// The household open the user is waiting for; navigating elsewhere drops it.
    public var awaitedOpen: RequestID?

    public init() {}

    mutating func make(_ intent: Effect.Intent, for purpose: PendingRequest) -> Effect {
        let id = RequestID(next)
        next += 1
        pending[id] = purpose
        if case .load(let kind) = purpose { latestLoad[kind] = id }
        if case .open = purpose { awaitedOpen = id }
        return Effect(id, intent)
    }

    /// True while a save has been sent and not answered.
    public var savesInFlight: Bool {
        pending.values.contains { if case .save = $0 { return true } else { return false } }
    }

    /// True while keys must wait for an answer, because what they do depends on it: a household
    /// being opened, an intent being performed (accept after propose), or the list on screen loading
    /// for the first time (Enter on the audit acts on its rows). Typed text, the agenda place and the
    /// reload of a list already shown do not hold keys.
    public func holdsKeys(screen: ScreenKind, listShown: Bool) -> Bool {
        for (id, purpose) in pending {
            switch purpose {
            case .open: if awaitedOpen == id { return true }
            case .save(.operation, _), .save(.startMeeting, _), .save(.undo, _), .intake: return true
            case .load(let kind):
                guard latestLoad[kind] == id, !listShown else { continue }
                switch (kind, screen) {
                case (.caseload, .caseload), (.households, .households), (.audit, .audit): return true
                default: continue
                }
            default: continue
            }
        }
        return false
    }

    /// True while a load of this kind is running and still wanted.
    public func isLoading(_ kind: LoadKind) -> Bool {
        guard let id = latestLoad[kind] else { return false }
        return pending[id] != nil
    }
}

extension AppState {
    /// True while keys wait for an answer (see `RequestLog.holdsKeys`).
    var keysHeld: Bool {
        let shown: Bool
        switch screen {
        case .caseload: shown = caseload.data != nil
        case .households: shown = households.loaded
        case .audit: shown = audit.loaded
        default: shown = true
        }
        return requests.holdsKeys(screen: screen, listShown: shown)
    }

    /// Makes a request (an effect with a fresh id) and remembers what it is for.
    mutating func request(_ intent: Effect.Intent, for purpose: PendingRequest) -> Effect {
        requests.make(intent, for: purpose)
    }

    /// Requests a load of the given list.
    mutating func load(_ kind: LoadKind) -> Effect {
        switch kind {
        case .caseload: return request(.loadCaseload, for: .load(.caseload))
        case .households: return request(.loadHouseholds, for: .load(.households))
        case .audit:
            working = Message("status.computing-audit")
            return request(.loadAudit(audit.filter), for: .load(.audit))
        case .evidence: return request(.loadEvidence(audit.selectedId ?? 0), for: .load(.evidence))
        }
    }

    /// Requests an intent on a household, remembering what kind of save it is.
    mutating func perform(_ op: CaseOperation, on householdId: Int64?, as kind: SaveKind? = nil) -> Effect {
        request(.perform(op, householdId: householdId), for: .save(kind ?? .operation(op), householdId: householdId))
    }
}

extension AppState {
    /// Starts or resumes today's meeting of a household; the screen waits for its answer.
    mutating func startMeeting(_ householdId: Int64, anotherToday: Bool = false) -> Effect {
        let effect = perform(.startMeeting(anotherToday: anotherToday), on: householdId, as: .startMeeting)
        requests.awaitedOpen = effect.id
        return effect
    }

    /// Opens a household record (and then, if asked, its meeting); the screen waits for it.
    mutating func open(_ householdId: Int64, reason: String? = nil, then: AfterOpen = .show) -> Effect {
        request(.open(householdId: householdId, reason: reason), for: .open(householdId: householdId, then: then))
    }
}
