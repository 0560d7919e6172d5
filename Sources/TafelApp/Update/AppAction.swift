import TafelCore
import TerminalKit

/// Everything that can happen to the app: input, time, signals, and the answers to requests.
public enum AppAction: Sendable {
    case key(KeyEvent)
    case command(Command)
    case tick(now: Int64, today: Day)
    /// The answer to the request with this id (the only way results reach the state).
    case result(RequestID, EffectResult)
    /// Another process committed a change (the poll noticed it).
    case externalChange
    /// SIGTERM or SIGHUP arrived: save what was typed and end (exit status 128 + signal).
    case terminate(signal: Int32)
    /// The program was suspended (Ctrl-Z) and is running again: everything is redrawn.
    case resumed
    /// Opens a household (at start: `tafel open X`, `tafel meeting X`).
    case openHousehold(Int64, reason: String? = nil, then: AfterOpen)

    // Loaded data, applied by the reducer once a result is known to be current. Tests use these
    // directly to put data on a screen.
    case caseloadLoaded(Caseload)
    case householdsLoaded([HouseholdSummary])
    case auditLoaded([AuditRow])
    case evidenceLoaded(Int64, [StallFinding])
    case householdOpened(CaseFile)
    case meetingOpened(CaseFile, meetingId: Int64)
}

/// Identifies one request to the outside world, so its answer finds what asked for it.
public struct RequestID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var value: Int
    public init(_ value: Int) { self.value = value }
    public static func < (a: RequestID, b: RequestID) -> Bool { a.value < b.value }
    public var description: String { "#\(value)" }
}

/// What the reducer asks the outside world to do: an id and an intent. The runtime runs the
/// intent (the store's work off the main thread) and answers with `.result(id, …)`.
public struct Effect: Sendable, Hashable, CustomStringConvertible {
    public var id: RequestID
    public var intent: Intent

    public init(_ id: RequestID, _ intent: Intent) { self.id = id; self.intent = intent }

    public enum Intent: Sendable, Hashable {
        case loadCaseload
        case loadHouseholds
        case loadAudit(AuditFilter)
        case loadEvidence(Int64)
        /// Opens a household record after the access check (logs the view, with the reason).
        case open(householdId: Int64, reason: String?)
        /// Reads a household again after a change elsewhere (already opened: not logged again).
        case reload(householdId: Int64)
        /// One intent in one transaction (nil household: an intent that creates one).
        case perform(CaseOperation, householdId: Int64?)
        case exportDocument(householdId: Int64, meetingId: Int64, ExportKind)
        /// Keeps text that could not be saved in a private file, so even a crash loses nothing.
        case saveDraft(Draft)
        case discardDraft(householdId: Int64, target: TextTarget)
        case loadDrafts(householdId: Int64)
        /// Looks for a household a new signal may be about (intake).
        case intakeSearch(IntakeQuery)
        /// Looks whether another process committed changes.
        case pollChanges
        /// Saves a setting chosen on screen (`theme`, `lang`) in the user's config.toml; `lang` also
        /// switches the language of what is written from now on (exported documents).
        case saveSetting(key: String, value: String)
        /// Another team's audit for a teamleider, after a typed reason (logged); the session's user
        /// keeps that team in scope until tafel is closed.
        case widenTeamScope(team: String, reason: String)
        // Done by the runtime on the main thread (the terminal's own business):
        case setTheme(String)
        /// Long text in the user's `$EDITOR` (the terminal is handed over while it runs).
        case editExternally(text: String)
        case suspend
        case crash
    }

    /// Intents the runtime does itself, on the main thread, because they touch the terminal.
    public var isTerminalIntent: Bool {
        switch intent {
        case .setTheme, .editExternally, .suspend, .crash: return true
        default: return false
        }
    }

    /// Intents that change data; they run one after another, in the order they were asked.
    public var isWrite: Bool {
        switch intent {
        case .perform, .exportDocument, .saveDraft, .discardDraft, .saveSetting, .widenTeamScope: return true
        default: return false
        }
    }

    public var description: String { "\(id) \(intent)" }
}

/// The answer to a request.
public enum EffectResult: Sendable {
    case caseload(Caseload)
    case households([HouseholdSummary])
    case audit([AuditRow])
    case evidence(Int64, [StallFinding])
    case opened(CaseFile)
    /// The intent was performed; the household as it is now.
    case performed(OperationResult)
    /// A stale edit: both versions, nothing written.
    case conflict(EditConflict)
    /// The record needs a typed reason first (break-the-glass).
    case needsReason(householdId: Int64)
    case exported(path: String)
    case drafts([Draft])
    case intakeMatches(IntakeResult)
    case changes(Bool)
    case themeApplied(String)
    /// The text as the external editor left it (nil: the editor failed or was not found).
    case externalText(String?)
    /// A setting written to this config file.
    case settingSaved(key: String, value: String, path: String)
    /// Another team is in the session's scope now (the break-the-glass is logged).
    case teamWidened(String)
    /// Done, with nothing to report (a draft written or removed).
    case done
    case failed(Failure)
}

/// Why a request failed, typed, so the reducer can word it and decide what follows.
public enum Failure: Sendable, Hashable, Error {
    case store(CaseStoreError)
    case rule(DomainError)
    case unknownTheme(String)
    case io(String)
    /// A setting could not be written (the config file's folder is read-only, the disk full).
    case settingNotSaved(key: String)

    public var message: Message {
        switch self {
        case .store(let e): return e.message
        case .rule(let e): return e.message
        case .unknownTheme(let name): return Message("theme.unknown", .text(name))
        case .io(let what): return Message("error.unexpected", .text(what))
        case .settingNotSaved(let key): return Message("settings.not-saved", .text(key))
        }
    }
}

/// Which document `x` writes from the meeting.
public enum ExportKind: Sendable, Hashable {
    case team(html: Bool)
    case plan
    case extract(organisation: Int64)
}
