import Foundation

/// Stand-ins for a terminal whose locale cannot show Unicode (`LANG=C`): one ASCII character for
/// one character, so a column drawn at width 1 stays width 1 and no border shifts.
///
/// Why a table before the generic rule: stripping diacritics turns "é" into "e", but typography
/// ("—", "×", "…", quotes, arrows), box drawing and sparkline blocks have no diacritic to strip and
/// became "?" — "3? doorgeschoven" instead of "3x doorgeschoven".
public enum ASCIIFallback {
    /// Typographic and drawing characters tafel itself writes, with the nearest ASCII.
    static let table: [Character: Character] = [
        "—": "-", "–": "-", "−": "-", "‐": "-", "‑": "-", "×": "x", "…": "~", "·": ".", "•": "*",
        "‘": "'", "’": "'", "‚": "'", "“": "\"", "”": "\"", "„": "\"", "«": "\"", "»": "\"",
        "→": ">", "←": "<", "↑": "^", "↓": "v", "▲": "^", "▼": "v", "▶": ">", "◀": "<", "↵": "<",
        "≥": ">", "≤": "<", "≠": "#", "±": "+", "°": "o", "€": "E", "✓": "v", "✗": "x", "✔": "v", "✘": "x",
        "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "┬": "+", "┴": "+", "┼": "+", "═": "=", "║": "|", "╔": "+", "╗": "+", "╚": "+", "╝": "+",
        "▁": "_", "▂": ".", "▃": "-", "▄": "-", "▅": "=", "▆": "=", "▇": "#", "█": "#", "░": ".", "▒": ":", "▓": "#",
        "‹": "<", "›": ">", "↳": ">", "↻": "@", "↶": "<", "⏱": "T", "⚠": "!", "⧗": "~", "●": "*", "○": "o",
        "◆": "*", "◇": "o", "▏": "|", "⟦": "[", "⟧": "]",
        "\u{00A0}": " ", "\u{202F}": " ", "\u{2007}": " ", "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "ĳ": "y", "Ĳ": "Y",
    ]

    /// The ASCII stand-in for one character: itself when ASCII, the table's choice, the letter
    /// without its accents, else "?".
    public static func character(_ c: Character) -> Character {
        if c.isASCII { return c }
        if let t = table[c] { return t }
        let stripped = String(c).applyingTransform(.stripDiacritics, reverse: false) ?? ""
        if let f = stripped.first, f.isASCII { return f }
        return "?"
    }

    /// A whole text, character by character (same number of characters, same widths for
    /// narrow text).
    public static func text(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s { out.append(character(c)) }
        return out
    }

    /// Whether the locale in this environment encodes text as UTF-8 (`LC_ALL`, then `LC_CTYPE`,
    /// then `LANG`, as the C library decides; none set is the C locale).
    public static func localeIsUTF8(_ env: [String: String]) -> Bool {
        let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { env[$0].flatMap { $0.isEmpty ? nil : $0 } }.first ?? "C"
        let normalised = value.uppercased().replacingOccurrences(of: "-", with: "")
        return normalised.contains("UTF8")
    }
}
