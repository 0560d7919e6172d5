import TafelCore

/// The parser's own words in `--help` (headings, the help and version flags, value lists) in the
/// reader's language: swift-argument-parser writes them in English only.
enum HelpText {
    /// Line-start headings and the phrases inside lines, each with its catalogue key.
    static let headings: [(english: String, key: String)] = [
        ("OVERVIEW:", "help.overview"), ("USAGE:", "help.usage"), ("ARGUMENTS:", "help.arguments"),
        ("OPTIONS:", "help.options"), ("SUBCOMMANDS:", "help.subcommands"),
    ]
    static let phrases: [(english: String, key: String)] = [
        ("Show help information.", "help.show-help"), ("Show the version.", "help.show-version"),
        ("See 'tafel help <subcommand>' for detailed help.", "help.see-subcommand"),
        ("(values:", "help.values"), ("; default:", "help.default-after-values"), ("(default:", "help.default"),
    ]

    /// True for text the parser wrote as help (not a version number or a completion script).
    static func isHelp(_ text: String) -> Bool { text.hasPrefix("OVERVIEW:") || text.hasPrefix("USAGE:") }

    static func localise(_ text: String, strings: Strings) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in lines.indices {
            for h in headings where lines[i].hasPrefix(h.english) {
                lines[i] = strings.t(h.key) + lines[i].dropFirst(h.english.count)
            }
            for p in phrases where lines[i].contains(p.english) {
                lines[i] = lines[i].replacingOccurrences(of: p.english, with: strings.t(p.key))
            }
            // The parser may wrap "(values: a, b; default: a)" after the semicolon.
            if i > 0, lines[i - 1].hasSuffix(";"), let r = lines[i].range(of: "default:"),
               lines[i][..<r.lowerBound].allSatisfy({ $0 == " " }) {
                lines[i].replaceSubrange(r, with: strings.t("help.default-after-values").drop(while: { $0 == ";" || $0 == " " }))
            }
            // A command group's own line names the group ("See 'tafel help action <subcommand>' …").
            let prefix = "See 'tafel help ", suffix = " <subcommand>' for detailed help."
            if let start = lines[i].range(of: prefix), let end = lines[i].range(of: suffix), start.upperBound <= end.lowerBound {
                let group = String(lines[i][start.upperBound..<end.lowerBound])
                lines[i].replaceSubrange(start.lowerBound..<end.upperBound, with: strings.t("help.see-subcommand-of", group))
            }
        }
        return lines.joined(separator: "\n")
    }
}
