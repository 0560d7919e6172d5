import Foundation

/// Escaping of user text for every output format, so that text typed or imported by users
/// is always data: never markup, never a new table cell, never a terminal control sequence.
public enum Escape {
    /// Plain text with control characters made visible (for any output that reaches a terminal).
    public static func plain(_ s: String) -> String { SafeText.neutralise(s) }

    /// One line of plain text: line breaks become spaces, controls become placeholders.
    public static func line(_ s: String) -> String {
        // Printable ASCII has nothing to neutralise (listings pass thousands of such cells).
        if isPrintableASCII(s) { return s }
        return SafeText.neutralise(s.replacingLineBreaks(with: " "))
    }

    /// Markdown inline text: markup characters backslash-escaped (CommonMark allows it for any ASCII
    /// punctuation), line breaks as spaces (for table cells) or as Markdown line breaks with
    /// `keepLines`. A file people read as plain text too, so "Werk & opleiding" stays as typed: `&`
    /// is escaped only where it would start an entity (`&amp;`), `<` only where it would start a
    /// tag, `>` only at the start of a line (a quote).
    public static func markdown(_ s: String, keepLines: Bool = false) -> String {
        let chars = Array(s)
        var out = ""
        var lineStart = true
        for (i, raw) in chars.enumerated() {
            if raw == "\n" || raw == "\r\n" || raw == "\r" {
                out += keepLines ? "  \n" : " "
                lineStart = keepLines
                continue
            }
            let c = SafeText.cell(raw)
            let next = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!": out.append("\\"); out.append(c)
            case "&" where startsEntity(chars, at: i + 1): out += "\\&"
            case "<" where next.map { $0.isLetter || $0 == "/" || $0 == "!" || $0 == "?" } ?? false: out += "\\<"
            case ">" where lineStart: out += "\\>"
            case "+", "-" where lineStart && next == " ": out.append("\\"); out.append(c)
            default: out.append(c)
            }
            if c != " " { lineStart = false }
        }
        return out
    }

    /// True when the characters from `i` read as the rest of an HTML entity (`amp;`, `#38;`, `#x26;`).
    static func startsEntity(_ chars: [Character], at i: Int) -> Bool {
        var j = i
        var n = 0
        while j < chars.count, n <= 32, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" { j += 1; n += 1 }
        return n > 0 && j < chars.count && chars[j] == ";"
    }

    /// HTML text content and attribute values; line breaks become `<br>`.
    public static func html(_ s: String) -> String {
        var out = ""
        for raw in s {
            if raw == "\n" || raw == "\r\n" || raw == "\r" { out += "<br>"; continue }
            switch SafeText.cell(raw) {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case let c: out.append(c)
            }
        }
        return out
    }

    /// One CSV field (RFC 4180): quoted when needed, quotes doubled. A leading `=`, `+`, `-`
    /// or `@` is prefixed with `'` so spreadsheets do not run it as a formula.
    public static func csv(_ s: String) -> String {
        // The common cell: printable ASCII that starts no formula and needs no quotes.
        if isPrintableASCII(s), let first = s.utf8.first, let last = s.utf8.last,
           ![0x3D, 0x2B, 0x2D, 0x40, 0x20].contains(first), last != 0x20,
           !s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x3B }) {
            return s
        }
        var v = SafeText.neutralise(s.replacingLineBreaks(with: " "))
        if let f = v.first, "=+-@".contains(f), Double(v) == nil { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" }) || v.hasPrefix(" ") || v.hasSuffix(" ") {
            // Quotes doubled byte by byte (Foundation's replacingOccurrences cost a third of a CSV audit).
            var bytes: [UInt8] = [0x22]
            bytes.reserveCapacity(v.utf8.count + 8)
            for b in v.utf8 {
                bytes.append(b)
                if b == 0x22 { bytes.append(0x22) }
            }
            bytes.append(0x22)
            return String(decoding: bytes, as: UTF8.self)
        }
        return v
    }

    /// True when every byte is printable ASCII (space to tilde).
    static func isPrintableASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// iCalendar TEXT (RFC 5545 §3.3.11): backslash, semicolon, comma escaped; line breaks as `\n`.
    public static func ics(_ s: String) -> String {
        var out = ""
        let text = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default: out.append(SafeText.cell(c))
            }
        }
        return out
    }
}

extension String {
    /// The string with CR, LF and CRLF replaced.
    func replacingLineBreaks(with r: String) -> String {
        // Most text has no line break: no character walk then.
        if !utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) { return self }
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            if c == "\n" || c == "\r" || c == "\r\n" { out += r } else { out.append(c) }
        }
        return out
    }
}
