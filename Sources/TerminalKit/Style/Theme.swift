import Foundation

/// Maps every style role to a concrete style. Loaded from `Themes/<name>.theme`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for a role; roles a theme leaves out look like `normal`.
    public func style(_ role: StyleRole) -> Style {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// The same theme with every colour removed (for `NO_COLOR` / `--no-color`);
    /// attributes stay, so selection and emphasis remain visible.
    public func monochrome() -> Theme {
        var out = self
        out.name = name
        for (role, s) in styles { out.styles[role] = Style(attributes: s.attributes) }
        return out
    }

    /// Used only when no theme file can be found at all: plain text with reverse
    /// video for selection, so the program stays usable from a moved binary.
    public static let fallback = Theme(name: "fallback", styles: [
        .selection: Style(attributes: .reverse), .titleBar: Style(attributes: .reverse),
        .statusBar: Style(attributes: .reverse), .borderFocus: Style(attributes: .bold),
        .tabActive: Style(attributes: [.reverse, .bold]), .keyHint: Style(attributes: .bold),
        .strong: Style(attributes: .bold), .header: Style(attributes: .underline),
        .cursor: Style(attributes: .reverse), .buttonFocus: Style(attributes: .reverse),
        .critical: Style(attributes: [.bold, .reverse]), .bad: Style(attributes: .bold),
    ])
}

/// One problem found while reading a theme file, reported as `path:line: message`.
public struct ThemeDiagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong on the line; the app words it in the reader's language (TerminalKit has no catalogue).
    public enum Kind: String, Sendable {
        case unknownDirective = "unknown-directive", incompleteLine = "incomplete-line", unknownRole = "unknown-role"
        case unknownColour = "unknown-colour", unknownAttribute = "unknown-attribute"
    }
    public var path: String
    public var line: Int
    public var kind: Kind
    /// The word that is wrong (empty for an incomplete line).
    public var value: String

    public init(path: String, line: Int, kind: Kind, value: String) {
        self.path = path; self.line = line; self.kind = kind; self.value = value
    }

    /// English, for developers and tests.
    public var message: String {
        switch kind {
        case .unknownDirective: return "unknown directive \"\(value)\" (expected \"color\")"
        case .incompleteLine: return "expected: color <role> <fg> <bg> [attributes]"
        case .unknownRole: return "unknown role \"\(value)\""
        case .unknownColour: return "unknown colour \"\(value)\""
        case .unknownAttribute: return "unknown attribute \"\(value)\""
        }
    }
    public var description: String { "\(path):\(line): \(message)" }
}

/// Parses theme files: lines `color <role> <fg> <bg> [attrs…]`, `#` comments.
///
/// Like tig, a bad line is reported and skipped; the rest of the file still loads.
public enum ThemeParser {
    public static func parse(_ text: String, name: String, path: String) -> (Theme, [ThemeDiagnostic]) {
        var styles: [StyleRole: Style] = [:]
        var problems: [ThemeDiagnostic] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if words.isEmpty { continue }
            func report(_ k: ThemeDiagnostic.Kind, _ v: String = "") { problems.append(ThemeDiagnostic(path: path, line: lineNo, kind: k, value: v)) }
            guard words[0] == "color" else { report(.unknownDirective, words[0]); continue }
            guard words.count >= 4 else { report(.incompleteLine); continue }
            guard let role = StyleRole(rawValue: words[1]) else { report(.unknownRole, words[1]); continue }
            guard let fg = Color(name: words[2]) else { report(.unknownColour, words[2]); continue }
            guard let bg = Color(name: words[3]) else { report(.unknownColour, words[3]); continue }
            var attrs: TextAttributes = []
            var ok = true
            for a in words.dropFirst(4) {
                guard let v = TextAttributes.names[a.lowercased()] else { report(.unknownAttribute, a); ok = false; break }
                attrs.formUnion(v)
            }
            if ok { styles[role] = Style(fg: fg, bg: bg, attributes: attrs) }
        }
        return (Theme(name: name, styles: styles), problems)
    }

    /// Loads `<directory>/<name>.theme`; diagnostics name the file as given.
    public static func load(name: String, directory: URL, displayDirectory: String? = nil) throws -> (Theme, [ThemeDiagnostic]) {
        let url = directory.appendingPathComponent("\(name).theme")
        let text = try String(contentsOf: url, encoding: .utf8)
        let shown = (displayDirectory.map { "\($0)/" } ?? "") + "\(name).theme"
        return parse(text, name: name, path: displayDirectory == nil ? url.path : shown)
    }
}
