import TafelCore

/// Random and adversarial text for fuzz tests: terminal escape sequences (CSI, OSC, DCS),
/// C0/C1 controls, bidi overrides, combining marks, wide and zero-width characters.
public enum Hostile {
    public static let samples: [String] = [
        "\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "\u{1B}[31mrood\u{1B}[0m", "\u{1B}P+q544e\u{1B}\\", "\u{9B}6n", "\u{1B}]52;c;ZXZpbA==\u{07}",
        "\u{202E}gnirts\u{202C}", "\u{2066}x\u{2069}", "a\u{0}b", "\r\n", "\u{7F}", "\u{85}", "\u{2028}", "e\u{301}\u{301}\u{301}",
        "👨‍👩‍👧‍👦", "住所", "\u{200B}", "\u{FEFF}", "\t", "\u{1B}", "\u{1B}[?1049l", "\u{1B}[8;1;1t", "Financiën", "één",
    ]

    public static func string(_ rng: inout SeededGenerator, maxLength: Int = 40) -> String {
        var s = ""
        for _ in 0..<rng.int(0...maxLength) {
            switch rng.int(0...9) {
            case 0: s += rng.pick(samples)
            case 1: s.unicodeScalars.append(Unicode.Scalar(UInt8(rng.int(0...0x1F))))
            case 2: s.unicodeScalars.append(Unicode.Scalar(rng.int(0x80...0x9F))!)
            case 3: s.unicodeScalars.append(Unicode.Scalar(rng.pick([0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]))!)
            case 4: if let u = Unicode.Scalar(rng.int(0x300...0x36F)) { s.unicodeScalars.append(u) }
            case 5: if let u = Unicode.Scalar(rng.int(0x4E00...0x9FFF)) { s.unicodeScalars.append(u) }
            case 6: if let u = Unicode.Scalar(rng.int(0x1F300...0x1F64F)) { s.unicodeScalars.append(u) }
            default: s.unicodeScalars.append(Unicode.Scalar(UInt8(rng.int(0x20...0x7E))))
            }
        }
        return s
    }
}
