/// A terminal colour: the terminal's default, one of the 16 ANSI colours, or an index 0–255.
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)

    /// Names accepted in theme files, mapped to ANSI indices.
    static let names: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses `default`, a colour name, or a number 0–255.
    public init?(name: String) {
        let n = name.lowercased()
        if n == "default" || n == "-1" { self = .default; return }
        if let i = Color.names[n] { self = .indexed(i); return }
        if let v = Int(n), (0...255).contains(v) { self = .indexed(UInt8(v)); return }
        return nil
    }

    /// The curses colour number (-1 for the terminal default).
    public var cursesNumber: Int {
        switch self {
        case .default: return -1
        case .indexed(let i): return Int(i)
        }
    }

    /// Degrades a 256-colour index to the 8/16 colour palette of simpler terminals.
    public func clamped(toColors n: Int) -> Color {
        guard case .indexed(let i) = self, Int(i) >= n else { return self }
        if n >= 16 || i < 16 { return .indexed(n >= 16 ? i : i % 8) }
        return .indexed(i % 8)
    }
}

/// Text attributes; the mono theme conveys everything with these alone.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
    public static let blink = TextAttributes(rawValue: 1 << 5)

    static let names: [String: TextAttributes] = [
        "bold": .bold, "underline": .underline, "reverse": .reverse, "dim": .dim,
        "italic": .italic, "blink": .blink, "normal": [],
    ]
}

/// What a style role looks like: foreground, background and attributes.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var attributes: TextAttributes
    public init(fg: Color = .default, bg: Color = .default, attributes: TextAttributes = []) {
        self.fg = fg; self.bg = bg; self.attributes = attributes
    }
    public static let plain = Style()
}
