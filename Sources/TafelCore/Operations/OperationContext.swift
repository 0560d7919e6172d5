/// What an operation may know about the moment it is performed: the day, the time, and who.
public struct OperationContext: Sendable, Hashable {
    public var today: Day
    /// Seconds since 1970 (meeting start and end times).
    public var now: Int64
    public var user: Professional

    public init(today: Day, now: Int64, user: Professional) {
        self.today = today; self.now = now; self.user = user
    }
}
