import TafelCore
import TerminalKit

/// Everything the app shows, as a value. The reducer changes it; views draw it.
public struct AppState: Sendable {
    // Who and where
    public var user: Professional
    public var roster: Roster
    public var domainOrder: [String]
    /// The sociale kaart (whom to call for which domain in which wijk), read at start.
    public var services: [Service] = []
    public var databaseName: String
    public var keymap: Keymap
    public var strings: Strings
    public var signalConfig: SignalConfig
    public var themeNames: [String]
    public var themeName: String

    // Time and terminal
    public var today: Day
    /// Seconds since 1970, updated by the runtime's tick.
    public var now: Int64
    public var size: Size

    // Screens
    public var screen: ScreenKind
    public var history: [ScreenKind] = []
    public var caseload = CaseloadState()
    public var households = HouseholdsState()
    public var audit = AuditState()
    public var household: HouseholdViewState?
    public var meeting: MeetingState?

    // Overlays and flags
    public var modal: Modal?
    /// Typing a search in the current list.
    public var searching: TextInput?
    public var status: StatusMessage?
    /// What the app is computing right now (the city-wide audit can take seconds): shown in the
    /// status bar from just before the work starts until it is done.
    public var working: Message?
    public var privacyMask: Bool
    public var running = true
    /// Quitting waits for the saves it started; set until they are answered.
    public var quitting = false
    /// The process's exit status when the loop ends (128 + signal after SIGTERM/SIGHUP).
    public var exitStatus: Int32 = 0
    /// Set when this screen runs one household of a conference session (`tafel session open`).
    public var session: SessionBanner?
    /// The chair asked to move on to the session's next household (the launcher opens it).
    public var advanceSession = false
    public var isEmptyDatabase = false
    /// Requests sent and not answered, with what each was for.
    public var requests = RequestLog()
    /// Keys typed while an answer they depend on was still out; replayed in order when it arrives.
    public var typeAhead: [KeyEvent] = []
    /// A column title was pressed and its release not seen yet: a second press report before the
    /// release is the same click (a terminal under load can repeat it) and must not sort twice.
    public var headerPressed = false
    /// Changes made in this session that `u` can undo, newest last.
    public var undoStack: [UndoEntry] = []

    public init(user: Professional, roster: Roster, domainOrder: [String], databaseName: String, keymap: Keymap,
                strings: Strings, signalConfig: SignalConfig = SignalConfig(), themeNames: [String] = ["default"],
                themeName: String = "default", today: Day, now: Int64, size: Size, screen: ScreenKind = .caseload,
                privacyMask: Bool = false) {
        self.user = user; self.roster = roster; self.domainOrder = domainOrder; self.databaseName = databaseName
        self.keymap = keymap; self.strings = strings; self.signalConfig = signalConfig; self.themeNames = themeNames
        self.themeName = themeName; self.today = today; self.now = now; self.size = size; self.screen = screen
        self.privacyMask = privacyMask
    }

    /// The key context of what has focus now.
    public var context: KeyContext {
        switch screen {
        case .welcome: return .global
        case .caseload: return .caseload
        case .households: return .households
        case .audit: return .audit
        case .household:
            switch household?.tab {
            case .members?: return .householdMembers
            case .actions?: return .householdActions
            default: return .household
            }
        case .meeting:
            if meeting?.showMinutes == true { return .meetingMinutes }
            switch meeting?.step ?? .opening {
            case .opening: return .meetingOpening
            case .ownView: return .meetingOwnView
            case .previousActions: return .meetingPrevious
            case .domains: return .meetingDomains
            case .coordinator: return .meetingCoordinator
            case .closing: return .meetingClosing
            }
        }
    }

    /// Whether the user may use the audit screen.
    public var mayAudit: Bool { AccessPolicy.mayAudit(user) }

    /// Terminal too small for the layout.
    public var tooSmall: Bool { size.width < 80 || size.height < 24 }
}

/// Where the meeting on screen stands in a conference session: "Sessie 2 van 3".
public struct SessionBanner: Sendable, Hashable {
    public var title: String
    public var position: Int
    public var count: Int
    /// The household's slot; the meeting timer counts against it.
    public var slotMinutes: Int
    public init(title: String, position: Int, count: Int, slotMinutes: Int) {
        self.title = title; self.position = position; self.count = count; self.slotMinutes = slotMinutes
    }
    public var isLast: Bool { position + 1 >= count }
}
