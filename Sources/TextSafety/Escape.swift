import Foundation

/// Escaping of user text for every output format, so that text typed or imported by users
/// is always data: never markup, never a new table cell, never a terminal control sequence.
public enum Escape {
    /// Plain text with control characters made visible (for any output that reaches a terminal).
    public static func plain(_ s: String) -> String { SafeText.neutralise(s) }

    /// One line of plain text: line breaks become spaces, controls become placeholders.
    public static func line(_ s: String) -> String {
        SafeText.neutralise(s.replacingLineBreaks(with: " "))
    }

    /// Markdown inline text: markup characters escaped, HTML special characters as entities,
    /// line breaks as spaces (for table cells) or as Markdown line breaks with `keepLines`.
    public static func markdown(_ s: String, keepLines: Bool = false) -> String {
        var out = ""
        for raw in s {
            if raw == "\n" || raw == "\r\n" || raw == "\r" { out += keepLines ? "  \n" : " "; continue }
            let c = SafeText.cell(raw)
            switch c {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!": out.append("\\"); out.append(c)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(c)
            }
        }
        return out
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
        var v = SafeText.neutralise(s.replacingLineBreaks(with: " "))
        if let f = v.first, "=+-@".contains(f), Double(v) == nil { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" }) || v.hasPrefix(" ") || v.hasSuffix(" ") {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
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
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            if c == "\n" || c == "\r" || c == "\r\n" { out += r } else { out.append(c) }
        }
        return out
    }
}
