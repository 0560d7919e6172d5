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

    /// Degrades a colour to a terminal with `n` colours: 256-colour indices to the nearest of the
    /// 16 (or 8) ANSI colours by their RGB value, bright colours to their base colour on 8-colour
    /// terminals. (The old `i % 8` turned bright black, the muted grey, into black.)
    public func clamped(toColors n: Int) -> Color {
        guard case .indexed(let i) = self, Int(i) >= n else { return self }
        let target = n >= 16 ? 16 : 8
        if i < 16 { return .indexed(i - 8) }               // bright → base (8-colour terminals only get here)
        let (r, g, b) = Color.rgb(i)
        var best = 0, bestDistance = Int.max
        for c in 0..<target {
            let (cr, cg, cb) = Color.ansiRGB[c]
            let d = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if d < bestDistance { best = c; bestDistance = d }
        }
        return .indexed(UInt8(best))
    }

    /// The usual xterm RGB of the 16 ANSI colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB of a 256-colour index (16–231 the 6×6×6 cube, 232–255 the grey ramp).
    static func rgb(_ i: UInt8) -> (Int, Int, Int) {
        if i < 16 { return ansiRGB[Int(i)] }
        if i >= 232 { let v = 8 + Int(i - 232) * 10; return (v, v, v) }
        let c = Int(i) - 16
        func level(_ x: Int) -> Int { x == 0 ? 0 : 55 + x * 40 }
        return (level(c / 36), level((c / 6) % 6), level(c % 6))
    }
}

extension Style {
    /// This style on a terminal with `n` colours, keeping every role visible: a foreground that
    /// would fall onto its own background (or onto black, the usual background, for the muted
    /// greys) is replaced by the default colour, dimmed, so the text stays readable.
    public func degraded(toColors n: Int) -> Style {
        guard n < 256 else { return self }
        var out = Style(fg: fg.clamped(toColors: n), bg: bg.clamped(toColors: n), attributes: attributes)
        // A colour that was not black but became black (greys, dark blues) would vanish on the
        // usual dark background.
        let lostGrey: Bool = {
            guard case .indexed(let i) = fg else { return false }
            return i != 0
        }()
        if out.fg == out.bg && out.fg != .default || (lostGrey && out.fg == .indexed(0)) {
            out.fg = .default
            out.attributes.insert(.dim)
        }
        return out
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
