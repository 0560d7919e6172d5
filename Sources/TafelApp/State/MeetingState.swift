import TafelCore
import TerminalKit

/// Meeting mode: the household's file, today's meeting and where the chair is on the agenda.
public struct MeetingState: Sendable {
    public var file: CaseFile
    public var meetingId: Int64
    public var step: AgendaStep
    /// Selection per step.
    public var attendeeScroll = ScrollState()
    public var previousScroll = ScrollState()
    public var domainScroll = ScrollState()
    public var actionScroll = ScrollState()
    public var coordinatorScroll = ScrollState()
    public var gapScroll = ScrollState()
    /// In Leefgebieden: the member whose score the number keys set, and whether the actions list has focus.
    public var memberIndex = 0
    public var actionsFocused = false
    /// Text being edited, autosaved when the typing pauses and when the field is left.
    public var editing: TextTarget?
    public var editor = TextAreaInput()
    /// The stored text the editor was opened on (or last confirmed): what a save is based on.
    /// Captured when editing begins, so another user's save that arrives meanwhile is a conflict,
    /// not a silent new base.
    public var editorBase = ""
    /// Typed text the store has not confirmed yet, per field (also after the editor is left).
    public var texts: [TextTarget: TextSave] = [:]
    /// The closing check's gaps, recomputed whenever the file changes (views only read them).
    public var gaps: [Gap] = []
    /// Where the chair is on the agenda, saved when the keys pause (so moving between steps
    /// never waits for the disk); `nil` when saved.
    public var pendingSteps: (current: AgendaStep, completed: [AgendaStep], since: Int64)?
    /// The minutes preview after closing: shown, its Markdown lines (built by the reducer from
    /// the core's minutes, so the view only draws), and how far it is scrolled.
    public var showMinutes = false
    public var minutesLines: [String] = []
    public var minutesScroll = 0

    public init(file: CaseFile, meetingId: Int64) {
        self.file = file
        self.meetingId = meetingId
        self.step = file.meetings.first { $0.id == meetingId }?.currentStep ?? .opening
    }

    public var meeting: Meeting { file.meetings.first { $0.id == meetingId }! }

    /// The attending organisations without a valid consent, in the closing check's order.
    public var organisationsWithoutConsent: [Int64] {
        gaps.compactMap { if case .consentMissing(let org, _) = $0 { return org } else { return nil } }
    }

    /// True while something typed is not confirmed as stored.
    public var hasUnsavedText: Bool { !texts.isEmpty }

    /// The text shown for a field: what was typed if it is not stored yet, else the stored text.
    public func text(_ target: TextTarget) -> String {
        if editing == target { return editor.text }
        return texts[target]?.text ?? target.stored(in: file)
    }

    /// The completed steps as shown (including a change not yet saved).
    public var stepsCompleted: [AgendaStep] { pendingSteps?.completed ?? meeting.stepsCompleted }
    public var attendees: [Attendee] { file.attendees(of: meetingId) }
    public var isClosed: Bool { meeting.status == .closed }

    /// The open actions from earlier meetings (the "vorige afspraken" step).
    public func previousActions(domainOrder: [String]) -> [Action] {
        Agenda.build(file, meetingId: meetingId, domainOrder: domainOrder).previousActions
    }

    /// Earlier actions handled in this meeting (closed today), shown below the open ones.
    public var handledToday: [Action] {
        file.actions.filter { $0.closedOn == meeting.date && $0.meetingId != meetingId && !$0.isOpen }
    }

    public func domainCodes(_ order: [String]) -> [String] {
        Agenda.build(file, meetingId: meetingId, domainOrder: order).domains.map(\.code)
    }
}
