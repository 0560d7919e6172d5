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
    public var path: String
    public var line: Int
    public var message: String
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
            func report(_ m: String) { problems.append(ThemeDiagnostic(path: path, line: lineNo, message: m)) }
            guard words[0] == "color" else { report("unknown directive \"\(words[0])\" (expected \"color\")"); continue }
            guard words.count >= 4 else { report("expected: color <role> <fg> <bg> [attributes]"); continue }
            guard let role = StyleRole(rawValue: words[1]) else { report("unknown role \"\(words[1])\""); continue }
            guard let fg = Color(name: words[2]) else { report("unknown colour \"\(words[2])\""); continue }
            guard let bg = Color(name: words[3]) else { report("unknown colour \"\(words[3])\""); continue }
            var attrs: TextAttributes = []
            var ok = true
            for a in words.dropFirst(4) {
                guard let v = TextAttributes.names[a.lowercased()] else { report("unknown attribute \"\(a)\""); ok = false; break }
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
