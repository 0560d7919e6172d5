/// What the store answers after performing an intent: the household as it is after the change
/// (read in the same transaction) and the changes as stored, with their ids and versions.
public struct OperationResult: Sendable, Hashable {
    public var file: CaseFile
    public var changes: [Change]

    public init(file: CaseFile, changes: [Change]) { self.file = file; self.changes = changes }

    /// True when the intent changed nothing (it was already so), so no event was written.
    public var changedNothing: Bool { changes.isEmpty }
}
