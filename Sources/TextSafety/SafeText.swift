/// Neutralises text so that it can never act as terminal control.
///
/// Everything drawn goes through `CellBuffer`, which calls `SafeText.cell(_:)` for every
/// grapheme: C0 and C1 control characters, DEL, and Unicode bidirectional overrides
/// become visible placeholders (`␛`, `␇`, `�` …). The escape byte therefore never
/// reaches the terminal from user text, whatever the source (typed, imported, stored).
public enum SafeText {
    /// The placeholder for C1 controls, bidi overrides, invisible characters and line/paragraph separators.
    public static let replacement: Character = "\u{FFFD}"

    /// True when the scalar must never be written to a terminal as-is.
    @inline(__always)
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0xA0 { return v >= 0x80 }
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0xFFF9...0xFFFB:
            return true
        // Invisible characters that terminals draw inconsistently (a soft hyphen as "-" or
        // nothing, a zero-width space as nothing or a box): shown as a marker, so what the
        // layout counts is what is drawn. (The joiner U+200D stays: emoji sequences need it.)
        case 0x00AD, 0x180E, 0x200B, 0x2060...0x2064, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// The visible stand-in for an unsafe scalar.
    public static func placeholder(for s: Unicode.Scalar) -> Character {
        let v = s.value
        if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) } // ␀ … ␟ (␛ for ESC)
        if v == 0x7F { return "\u{2421}" } // ␡
        return replacement
    }

    /// The grapheme as it may be drawn: itself when safe, else a placeholder.
    @inline(__always)
    public static func cell(_ c: Character) -> Character {
        if let a = c.asciiValue { return a >= 0x20 && a != 0x7F ? c : placeholder(for: Unicode.Scalar(a)) }
        for s in c.unicodeScalars where isUnsafe(s) { return placeholder(for: s) }
        return c
    }

    /// A whole string neutralised grapheme by grapheme (for single-line display).
    public static func neutralise(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text { out.append(cell(c)) }
        return out
    }

    /// True when the string would be drawn exactly as written.
    public static func isClean(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { !isUnsafe($0) }
    }
}
