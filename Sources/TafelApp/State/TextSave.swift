import TafelCore

/// Typed text not yet confirmed by the store: what it was based on, the latest text, and where
/// its save stands. The status line is worded from this, so "opgeslagen" shows only after the
/// store confirmed that very text.
public struct TextSave: Sendable, Hashable {
    public var base: String
    public var text: String
    /// The save on its way, with the text it carries.
    public var sending: (id: RequestID, text: String)?
    public var problem: Problem?
    /// When it was last typed in (seconds), for saving when typing pauses.
    public var lastEdit: Int64

    public enum Problem: Sendable, Hashable {
        /// The last save failed; the text is kept (and in a draft file).
        case failed(Message)
        /// Someone else saved another text: the user must choose.
        case conflict
        /// Found in a draft file from an earlier session.
        case restored
    }

    public init(base: String, text: String, lastEdit: Int64) {
        self.base = base; self.text = text; self.lastEdit = lastEdit
    }

    public static func == (a: TextSave, b: TextSave) -> Bool {
        a.base == b.base && a.text == b.text && a.sending?.id == b.sending?.id && a.sending?.text == b.sending?.text
            && a.problem == b.problem && a.lastEdit == b.lastEdit
    }

    public func hash(into h: inout Hasher) {
        h.combine(base); h.combine(text); h.combine(sending?.id); h.combine(problem)
    }

    /// What the status line says about it.
    public var statusKey: String {
        if sending != nil { return "text.saving" }
        switch problem {
        case .failed: return "text.failed"
        case .conflict: return "text.conflict"
        case .restored: return "text.restored"
        case nil: return "text.typing"
        }
    }
}
