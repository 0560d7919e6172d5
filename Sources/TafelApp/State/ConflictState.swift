import TafelCore

/// A stale edit on screen: the fields both people changed, theirs beside yours, and what the
/// user's choice does. Until it is resolved the user's text stays in the editor and in a draft.
public struct ConflictState: Sendable, Hashable {
    public var conflict: EditConflict
    public var householdId: Int64
    /// The typed text this conflict is about, if it is one (otherwise a form's fields).
    public var target: TextTarget?

    public init(conflict: EditConflict, householdId: Int64, target: TextTarget?) {
        self.conflict = conflict; self.householdId = householdId; self.target = target
    }
}
