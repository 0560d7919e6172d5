/// Every action a user can take, by key, command palette or mouse. The single source of truth
/// for the keymap, the palette and the help overlay: each case has a stable name (used in
/// keymap files) and a help text in the catalogue (`cmd.<name>`).
///
/// Named `Command` rather than `Action` because `Action` is the domain's afspraak.
public enum Command: String, CaseIterable, Sendable, Hashable {
    // Everywhere
    case quit, help, palette, search, redraw, back
    /// Ctrl-C: the same way out as `q` (typed text saved first), from anywhere.
    case interrupt
    /// Ctrl-Z: back to the shell; `fg` returns with the screen redrawn.
    case suspend
    /// Undoes the last change made since tafel was started (a compensating change, logged).
    case undo
    case screenCaseload = "screen-caseload", screenHouseholds = "screen-households", screenAudit = "screen-audit"
    case cycleTheme = "cycle-theme", privacyMask = "privacy-mask", switchLanguage = "switch-language", externalEditor = "external-editor"
    case sortNext = "sort-next", sortPrevious = "sort-previous", sortInvert = "sort-invert"
    // Lists
    case moveDown = "move-down", moveUp = "move-up", pageDown = "page-down", pageUp = "page-up"
    case moveTop = "move-top", moveBottom = "move-bottom", open
    // Caseload and households
    case changeStatus = "change-status", startMeeting = "start-meeting", newHousehold = "new-household"
    /// A signal on its own (vroegsignalering): searched for a known household first.
    case intake
    // Audit
    case filterRule = "filter-rule", filterTeam = "filter-team", filterWijk = "filter-wijk", filterCoordinator = "filter-coordinator"
    case clearFilters = "clear-filters"
    // Household screen
    case nextTab = "next-tab", previousTab = "previous-tab"
    case addContact = "add-contact", addSignal = "add-signal", addEscalation = "add-escalation", addConsent = "add-consent"
    case decideEscalation = "decide-escalation"
    case addBlockedRule = "add-blocked-rule"
    case editHousehold = "edit-household", closeHousehold = "close-household", householdFlags = "household-flags"
    case addMember = "add-member", editMember = "edit-member", endMember = "end-member"
    case reopenAction = "reopen-action"
    // Meeting
    case nextStep = "next-step", previousStep = "previous-step"
    case step1 = "step-1", step2 = "step-2", step3 = "step-3", step4 = "step-4", step5 = "step-5", step6 = "step-6"
    case addAttendee = "add-attendee", addGuest = "add-guest", cyclePresence = "cycle-presence", removeAttendee = "remove-attendee"
    case setChair = "set-chair", setMinuteTaker = "set-minute-taker", recordConsent = "record-consent", toggleHouseholdPresent = "toggle-household-present"
    case edit
    case closeDone = "close-done", closeNotDone = "close-not-done", closeNotPossible = "close-not-possible", closeReplaced = "close-replaced"
    case carryOver = "carry-over"
    case score1 = "score-1", score2 = "score-2", score3 = "score-3", score4 = "score-4", score5 = "score-5"
    case nextMember = "next-member", previousMember = "previous-member", ownScore = "own-score", targetScore = "target-score"
    case cycleDomainStatus = "cycle-domain-status", markNoNeed = "mark-no-need", markNotDiscussed = "mark-not-discussed"
    case addAction = "add-action", editSituation = "edit-situation", noActionReason = "no-action-reason", focusActions = "focus-actions"
    case addDecision = "add-decision"
    case propose, accept, decline
    case editNextReview = "edit-next-review", closeMeeting = "close-meeting", exportMinutes = "export-minutes", jumpToGap = "jump-to-gap"
    /// In a conference session: leave this household's meeting and open the next one.
    case sessionNext = "session-next"
    case debugCrash = "debug-crash"
    // The text editor
    case finishEditing = "finish-editing"
    // The second key of a status change
    case statusDone = "status-done", statusNotDone = "status-not-done", statusNotPossible = "status-not-possible"
    case statusInProgress = "status-in-progress", statusWaiting = "status-waiting", statusOpen = "status-open"
    case statusRejected = "status-rejected"
    // Questions and conflicts
    case confirmYes = "confirm-yes", confirmNo = "confirm-no"
    case keepTheirs = "keep-theirs", keepMine = "keep-mine", mergeTexts = "merge-texts"
    case dismiss

    /// The stable name used in keymap files.
    public var name: String { rawValue }
    /// The catalogue key of the help text.
    public var helpKey: String { "cmd.\(rawValue)" }

    public init?(name: String) { self.init(rawValue: name) }

    /// Commands offered in the command palette (not the ones that only make sense as keys).
    public var inPalette: Bool {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .moveTop, .moveBottom, .redraw, .palette, .debugCrash,
             .score1, .score2, .score3, .score4, .score5, .step1, .step2, .step3, .step4, .step5, .step6,
             .interrupt, .finishEditing, .statusDone, .statusNotDone, .statusNotPossible, .statusInProgress, .statusWaiting,
             .statusOpen, .statusRejected, .confirmYes, .confirmNo, .keepTheirs, .keepMine, .mergeTexts, .dismiss:
            return false
        default:
            return true
        }
    }
}
