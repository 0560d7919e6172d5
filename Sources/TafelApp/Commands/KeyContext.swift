/// Where a key binding applies. Lookup goes from the most specific context to `global`;
/// overlays and the text editor have contexts of their own, which do not fall through to the
/// screen's keys (a `q` typed in a prompt is a letter), only to `always`.
public enum KeyContext: String, CaseIterable, Sendable, Hashable {
    /// Keys that work everywhere, also in overlays and while typing (Ctrl-C, Ctrl-Z).
    case always
    case global, list, caseload, households, audit, household
    /// The Gezinsleden and Afspraken tabs of the household screen (their own keys, then the screen's).
    case householdMembers = "household-members"
    case householdActions = "household-actions"
    case meeting
    case meetingOpening = "meeting-opening"
    case meetingOwnView = "meeting-own-view"
    case meetingPrevious = "meeting-previous"
    case meetingDomains = "meeting-domains"
    case meetingCoordinator = "meeting-coordinator"
    case meetingClosing = "meeting-closing"
    /// The minutes preview after a meeting closed: scrolling, export, back.
    case meetingMinutes = "meeting-minutes"
    /// Typing text in the meeting (function keys and Esc leave the editor).
    case editor
    case help
    case notice
    case confirm
    case conflict
    /// The second key of a status change in the caseload (`s` then `g`).
    case statusMenu = "status-menu"

    /// The contexts searched for a key, most specific first.
    public var chain: [KeyContext] {
        switch self {
        case .always: return [.always]
        case .global: return [.global, .always]
        case .list: return [.list, .global, .always]
        case .caseload, .households, .audit, .household: return [self, .list, .global, .always]
        case .householdMembers, .householdActions: return [self, .household, .list, .global, .always]
        case .meeting: return [.meeting, .global, .always]
        case .editor, .help, .notice, .confirm, .conflict, .statusMenu: return [self, .always]
        default: return [self, .meeting, .list, .global, .always]
        }
    }

    public var titleKey: String { "context.\(rawValue)" }
}
