import ArgumentParser

/// The listings people and scripts run most (`caseload`, `households`, `audit`) parsed without
/// building swift-argument-parser's command tree, which reflects over every command and costs
/// more than the listing itself on a small database (Docs/PERFORMANCE.md).
///
/// Only command lines that are fully understood take this path: known options with valid values,
/// nothing else. Anything else — `--help`, a typo, a bad value — goes to the parser, which words
/// the error as always.
enum FastPath {
    static let globalOptions: Set<String> = ["db", "user", "lang", "theme", "config"]
    static let globalFlags: Set<String> = ["no-color", "read-only", "verbose"]

    static func run(_ arguments: [String]) throws -> Bool {
        guard arguments.count >= 2 else { return false }
        let command = arguments[1]
        let own: Set<String>
        switch command {
        case "caseload", "households": own = ["format"]
        case "audit": own = ["format", "rule", "team", "wijk", "since", "reason"]
        default: return false
        }
        guard let (options, flags) = split(Array(arguments.dropFirst(2)), options: globalOptions.union(own)) else { return false }
        if let f = options["format"], ListFormat(rawValue: f) == nil { return false }
        // Values the parser would refuse go to the parser, which says why.
        var probe = GlobalOptions()
        probe.lang = options["lang"]; probe.theme = options["theme"]
        if (try? probe.validate()) == nil { return false }
        var global = GlobalOptions()
        global.db = options["db"]
        global.user = options["user"]
        global.lang = options["lang"]
        global.theme = options["theme"]
        global.config = options["config"]
        global.noColor = flags.contains("no-color")
        global.readOnly = flags.contains("read-only")
        global.verbose = flags.contains("verbose")
        let format = options["format"].flatMap(ListFormat.init(rawValue:)) ?? .table
        switch command {
        case "caseload":
            var c = CaseloadCommand()
            c.global = global
            c.format = format
            try c.run()
        case "households":
            var c = HouseholdsCommand()
            c.global = global
            c.format = format
            try c.run()
        default:
            var c = AuditCommand()
            c.global = global
            c.format = format
            c.rule = options["rule"]
            c.team = options["team"]
            c.wijk = options["wijk"]
            c.since = options["since"]
            c.reason = options["reason"]
            try c.run()
        }
        return true
    }

    /// `--name value`, `--name=value` and flags; nil when anything else appears (or twice).
    static func split(_ tokens: [String], options: Set<String>) -> ([String: String], Set<String>)? {
        var values: [String: String] = [:]
        var flags = Set<String>()
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            guard t.hasPrefix("--") else { return nil }
            var name = String(t.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if globalFlags.contains(name), value == nil {
                guard flags.insert(name).inserted else { return nil }
                i += 1
                continue
            }
            guard options.contains(name), values[name] == nil else { return nil }
            if value == nil {
                guard i + 1 < tokens.count, !tokens[i + 1].hasPrefix("-") else { return nil }
                value = tokens[i + 1]
                i += 1
            }
            values[name] = value
            i += 1
        }
        return (values, flags)
    }
}
