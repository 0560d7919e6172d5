import TafelCore

/// Typed text that is not (yet) stored in the database: kept in a private file until it is saved
/// or the user chooses another version, so a refused save, a lock or a crash never loses it.
public struct Draft: Sendable, Hashable, Codable {
    public var householdId: Int64
    public var target: TextTarget
    /// The stored text the typing started from (to detect a conflict when it is saved later).
    public var base: String
    public var text: String

    public init(householdId: Int64, target: TextTarget, base: String, text: String) {
        self.householdId = householdId; self.target = target; self.base = base; self.text = text
    }
}
