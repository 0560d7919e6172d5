/// Where a key binding applies. Lookup goes from the most specific context to `global`.
public enum KeyContext: String, CaseIterable, Sendable, Hashable {
    case global, list, caseload, households, audit, household
    case meeting
    case meetingOpening = "meeting-opening"
    case meetingOwnView = "meeting-own-view"
    case meetingPrevious = "meeting-previous"
    case meetingDomains = "meeting-domains"
    case meetingCoordinator = "meeting-coordinator"
    case meetingClosing = "meeting-closing"

    /// The contexts searched for a key, most specific first.
    public var chain: [KeyContext] {
        switch self {
        case .global: return [.global]
        case .list: return [.list, .global]
        case .caseload, .households, .audit, .household: return [self, .list, .global]
        case .meeting: return [.meeting, .global]
        default: return [self, .meeting, .list, .global]
        }
    }

    public var titleKey: String { "context.\(rawValue)" }
}
