import Foundation

/// A string catalogue for one language, read from `Resources/strings-<lang>.txt`.
///
/// Lines are `key = text`; `{0}`, `{1}` … are replaced by arguments; `\n` is a line
/// break; `#` starts a comment line. A missing key renders as `⟦key⟧` so that tests can
/// find raw keys on screen.
public struct Catalog: Sendable {
    public let language: Language
    public let entries: [String: String]

    public init(language: Language, entries: [String: String]) {
        self.language = language
        self.entries = entries
    }

    /// A problem in a catalogue file, as `path:line: message`.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var line: Int
        public var message: String
        public var description: String { "\(path):\(line): \(message)" }
    }

    /// Parses catalogue text; malformed lines are reported and skipped.
    public static func parse(_ text: String, language: Language, path: String) -> (Catalog, [Problem]) {
        var entries: [String: String] = [:]
        var problems: [Problem] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                problems.append(Problem(path: path, line: i + 1, message: "expected: key = text"))
                continue
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if key.isEmpty || key.contains(" ") {
                problems.append(Problem(path: path, line: i + 1, message: "invalid key \"\(key)\""))
                continue
            }
            if entries[key] != nil {
                problems.append(Problem(path: path, line: i + 1, message: "duplicate key \"\(key)\""))
            }
            entries[key] = value.replacingOccurrences(of: "\\n", with: "\n")
        }
        return (Catalog(language: language, entries: entries), problems)
    }

    /// The text for a key with positional arguments filled in.
    public func text(_ key: String, _ args: [String] = []) -> String {
        guard var s = entries[key] else { return "⟦\(key)⟧" }
        if args.isEmpty { return s }
        for (i, a) in args.enumerated() {
            s = s.replacingOccurrences(of: "{\(i)}", with: a)
        }
        return s
    }

    public func has(_ key: String) -> Bool { entries[key] != nil }

    /// The catalogue shipped with tafel.
    public static func bundled(_ language: Language) -> Catalog {
        switch language {
        case .nl: return bundledNL
        case .en: return bundledEN
        }
    }

    private static let bundledNL = loadBundled(.nl)
    private static let bundledEN = loadBundled(.en)

    static func loadBundled(_ language: Language) -> Catalog {
        let name = "strings-\(language.rawValue)"
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return Catalog(language: language, entries: [:])
        }
        return parse(text, language: language, path: "Resources/\(name).txt").0
    }
}
