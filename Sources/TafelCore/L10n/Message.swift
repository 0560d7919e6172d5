/// A user-facing text that is not yet in a language: a catalogue key and arguments.
///
/// The core produces messages (errors, signal evidence, closing-check gaps); the app
/// and the command line render them in Dutch or English with `Strings.render`.
public struct Message: Hashable, Sendable, Codable, CustomStringConvertible {
    public var key: String
    public var args: [Arg]

    public init(_ key: String, _ args: Arg...) { self.key = key; self.args = args }
    public init(key: String, args: [Arg]) { self.key = key; self.args = args }

    /// One argument: plain text, a number, a date, a life domain, or another catalogue key.
    public enum Arg: Hashable, Sendable, Codable {
        case text(String)
        case number(Int)
        case day(Day)
        case domain(String)
        case key(String)
        /// Several catalogue keys, rendered as a comma-separated list.
        case keys([String])
        /// Days from this day to "today": resolved when the day of reading is known
        /// (`Message.resolvingElapsed(on:)`), so stored evidence stays true tomorrow.
        case elapsed(Day)
    }

    public var description: String { "\(key)(\(args))" }
}

extension Message.Arg: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
}
