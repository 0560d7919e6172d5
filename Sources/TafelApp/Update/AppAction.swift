import TafelCore
import TerminalKit

/// Everything that can happen to the app: input, time, and the results of effects.
public enum AppAction: Sendable {
    case key(KeyEvent)
    case command(Command)
    case tick(now: Int64, today: Day)
    case caseloadLoaded(Caseload)
    case householdsLoaded([HouseholdSummary])
    case auditLoaded([AuditRow])
    case evidenceLoaded(Int64, [StallFinding])
    case householdOpened(CaseFile)
    case meetingOpened(CaseFile, meetingId: Int64)
    /// A household file after a save or an outside change.
    case fileReloaded(CaseFile)
    case needsReason(householdId: Int64, thenMeeting: Bool)
    case failed(Message)
    case notice(title: String, lines: [Message])
    case externalChange
    case exported(path: String)
    case householdCreated(Int64)
    case themeChanged(String)
    /// Long work starts (with what to show meanwhile) or ends (nil).
    case working(Message?)
}

/// What the reducer asks the outside world to do. The effect runner does it and answers
/// with `AppAction`s.
public enum Effect: Sendable, Hashable {
    case loadCaseload
    case loadHouseholds
    case loadAudit(AuditFilter)
    case loadEvidence(Int64)
    case openHousehold(Int64, reason: String?, thenMeeting: Bool)
    case startMeeting(Int64)
    case apply([Change], householdId: Int64, note: String?)
    /// An intent applied to the household as it is when saving.
    case operate(CaseOperation, householdId: Int64)
    case createHousehold(Household, [Member])
    case exportMinutes(householdId: Int64, meetingId: Int64)
    case setTheme(String)
    case crash

    /// What to show while this effect runs, for the ones that can take seconds on a large
    /// municipality (the audit over every household); nil for the quick ones.
    public var progressMessage: Message? {
        if case .loadAudit = self { return Message("status.computing-audit") }
        return nil
    }
}
