import Foundation
import TafelCore

/// Turns swift-argument-parser's English, multi-line error report into one line in the user's
/// language: what is wrong, and where the right usage is.
///
/// The parser's error types are internal to the library, so the known message shapes are matched
/// by text; a shape this does not know is passed on in English rather than lost.
enum ParseErrorText {
    static func line(_ report: String, strings s: Strings) -> String {
        let lines = report.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var first = lines.first ?? report
        if first.hasPrefix("Error: ") { first = String(first.dropFirst(7)) }
        let message = translate(first, strings: s)
        // "See 'tafel generate --help' for more information."
        guard let see = lines.first(where: { $0.hasPrefix("See '") }),
              let open = see.firstIndex(of: "'"), let close = see[see.index(after: open)...].firstIndex(of: "'") else { return message }
        return s.t("cli.parse.see-help", message, String(see[see.index(after: open)..<close]))
    }

    static func translate(_ m: String, strings s: Strings) -> String {
        let q = quoted(m)
        if m.hasPrefix("Unknown option"), q.count == 1 { return s.t("cli.parse.unknown-option", q[0]) }
        // "Unknown option '--reden'. Did you mean '--reason'?"
        if m.hasPrefix("Unknown option"), q.count == 2 { return s.t("cli.parse.unknown-option-suggest", q[0], q[1]) }
        if m.hasPrefix("Unexpected argument"), q.count == 1 { return s.t("cli.parse.unexpected-argument", q[0]) }
        // "2 unexpected arguments: 'b', 'c'"
        if m.contains("unexpected arguments"), !q.isEmpty { return s.t("cli.parse.unexpected-argument", q.joined(separator: "', '")) }
        // "… Please provide one of 'table', 'json' or 'csv'."
        if m.hasPrefix("The value"), q.count > 2 { return s.t("cli.parse.invalid-choice", q[0], name(q[1]), q[2...].joined(separator: ", ")) }
        if m.hasPrefix("The value"), q.count == 2 { return s.t("cli.parse.invalid-value", q[0], name(q[1])) }
        // A missing option is an option ("--wijk is verplicht"), not an argument.
        if m.hasPrefix("Missing expected argument"), q.count == 1, q[0].hasPrefix("-") { return s.t("cli.parse.missing-option", name(q[0])) }
        if m.hasPrefix("Missing expected argument"), q.count == 1 { return s.t("cli.parse.missing-argument", name(q[0])) }
        if m.hasPrefix("Missing value for"), q.count == 1 { return s.t("cli.parse.missing-value", name(q[0])) }
        return m
    }

    /// The texts between single quotes, in order.
    static func quoted(_ m: String) -> [String] {
        m.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// "--households <households>" → "--households"; "<file>" stays as it is.
    static func name(_ usage: String) -> String {
        usage.hasPrefix("-") ? String(usage.prefix { $0 != " " }) : usage
    }
}
