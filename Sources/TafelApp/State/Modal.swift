import TafelCore
import TerminalKit

/// What a one-line prompt is asking for.
public enum PromptPurpose: Sendable, Hashable {
    case breakTheGlass(householdId: Int64, thenMeeting: Bool)
    case declineReason(coordinatorId: Int64)
    case carryOverDate(actionId: Int64)
    case closeWithGaps
    case nextReview
    case ownScore(memberId: Int64, domain: String)
    case targetScore(memberId: Int64, domain: String)
    case guestName
    case noActionReason(domain: String)
    case decision(index: Int?)
    case closeActionReason(actionId: Int64, householdId: Int64)
    case rejectReason(actionId: Int64, householdId: Int64)
    case reopenHousehold(householdId: Int64)
    /// A teamleider's reason to look at another team's audit (break-the-glass, logged).
    case teamAudit(team: String)
}

/// A modal question with one line of input.
public struct PromptState: Sendable, Hashable {
    public var purpose: PromptPurpose
    public var title: String
    public var message: [Message]
    public var input: TextInput
    public var error: Message?

    public init(purpose: PromptPurpose, title: String, message: [Message], input: TextInput = TextInput(maxLength: 500), error: Message? = nil) {
        self.purpose = purpose; self.title = title; self.message = message; self.input = input; self.error = error
    }
}

/// What a picker chooses.
public enum PickerPurpose: Sendable, Hashable {
    case addAttendee
    case propose
    case replacement(actionId: Int64)
    case filterRule
    case filterTeam
    case filterWijk
    case filterCoordinator
    case statusChange(actionId: Int64, householdId: Int64)
    /// After "voorliggende voorziening": which law or provision comes first (for the signal and the minutes).
    case precedingLaw(actionId: Int64, householdId: Int64)
    /// Attach the intake's signal to a known household, or register a new one.
    case intake(IntakeDraft)
}

/// A type-ahead list to choose one item from.
public struct PickerState: Sendable, Hashable {
    public var purpose: PickerPurpose
    public var title: String
    public var input = TextInput(maxLength: 80)
    public var options: [ChoiceOption]
    public var scroll = ScrollState()
    /// A line under the list (the intake's "a household you may not see may match: ask …").
    public var note: Message?

    public init(purpose: PickerPurpose, title: String, options: [ChoiceOption], note: Message? = nil) {
        self.purpose = purpose; self.title = title; self.options = options; self.note = note
    }

    public var matches: [ChoiceOption] { FormField.filter(options, input.text) }
}

/// The command palette: type to find any command.
public struct PaletteState: Sendable, Hashable {
    public var input = TextInput(maxLength: 80)
    public var scroll = ScrollState()
    /// The commands that match what was typed, best first (kept up to date by the reducer).
    public var matches: [Command] = []
}

/// An overlay on top of the screen. One at a time; Esc closes it.
public enum Modal: Sendable, Hashable {
    case help(scroll: Int)
    case palette(PaletteState)
    case prompt(PromptState)
    case picker(PickerState)
    case form(FormState)
    /// Quit although something is not saved? `reason` says what (kept as a draft either way).
    case confirmQuit(focused: Int, reason: Message?)
    /// A stale edit: both versions side by side, and the user chooses.
    case conflict(ConflictState)
    /// A message that needs acknowledging (conflicts, refused access).
    case notice(title: String, lines: [Message])
    /// The second key of a status change in the caseload.
    case statusMenu(actionId: Int64, householdId: Int64)
}

/// A one-line message in the status bar.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, success, error }
    public var message: Message
    public var kind: Kind
    public init(_ message: Message, _ kind: Kind = .info) { self.message = message; self.kind = kind }
}
