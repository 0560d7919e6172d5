import TafelCore

/// A change made in this session that can be undone: what the store changed (to put back) and
/// what the status line said about it (to say what was undone).
public struct UndoEntry: Sendable, Hashable {
    public var householdId: Int64
    public var changes: [Change]
    public var done: Message

    public init(householdId: Int64, changes: [Change], done: Message) {
        self.householdId = householdId; self.changes = changes; self.done = done
    }
}
