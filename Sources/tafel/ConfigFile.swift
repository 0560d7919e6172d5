import Foundation
import TafelApp
import TafelCore
import TOMLKit

/// tafel's one configuration: `config.toml` (TOML, read with TOMLKit).
///
/// Precedence, lowest first: built-in defaults, `$XDG_CONFIG_DIRS/tafel/config.toml` (default
/// `/etc/xdg`; the first folder listed wins), `$XDG_CONFIG_HOME/tafel/config.toml`; `--config FILE`
/// replaces the files. Command-line flags and `TAFEL_*` variables win over all files. Problems
/// are reported as `path:line: message` and the rest of the file still applies.
struct ConfigFile {
    var db: String?
    var lang: String?
    var theme: String?
    var exportFolder: String?
    var spreadsheet: String?
    /// A file for diagnostics (`Diagnostics`; `TAFEL_LOG` wins).
    var log: String?
    /// k for the aggregate's small-cell protection, as written (checked where it is used).
    var aggregateK: String?
    /// The order of the households list and the audit chosen on screen ("late", "-days"; "" their own).
    var sortHouseholds: String?
    var sortAudit: String?
    var sortCaseload: String?
    /// The `[signalen]` tables as thresholds (nil when no file has one).
    var signals: SignalConfig?
    /// What was wrong, in the order found (worded when printed: the language may come from this file).
    var problems: [ConfigProblem] = []
    /// The files that were read, lowest precedence first.
    var sources: [String] = []

    /// The keys a config file may hold, with what each accepts (for errors and `tafel config list`).
    static let keys: [(key: String, values: [String]?)] = [
        ("db", nil), ("lang", ["nl", "en"]), ("theme", ["default", "projector", "licht", "kleurenblind", "mono"]),
        ("export-folder", nil), ("spreadsheet", ["csv", "excel"]), ("log", nil), ("aggregate-k", nil),
        ("sort-households", nil), ("sort-audit", nil), ("sort-caseload", nil),
    ]

    /// What `key` accepts: for `theme` the shipped themes and the user's own theme files.
    static func values(for key: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String]? {
        if key == "theme" { return ThemeLibrary(environment: environment).names }
        return keys.first { $0.key == key }?.values
    }

    // MARK: Locations

    static func home(_ env: [String: String]) -> String { env["HOME"] ?? NSHomeDirectory() }

    /// `$XDG_CONFIG_HOME/tafel` (default `~/.config/tafel`).
    static func userFolder(_ env: [String: String]) -> String {
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home(env))/.config"
        return "\(base)/tafel"
    }

    /// The user's config file, where `tafel config set` writes.
    static func userPath(_ env: [String: String]) -> String { "\(userFolder(env))/config.toml" }

    /// The system-wide files, lowest precedence first.
    static func systemPaths(_ env: [String: String]) -> [String] {
        let dirs = (env["XDG_CONFIG_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/etc/xdg").split(separator: ":").map(String.init)
        return dirs.reversed().map { "\($0)/tafel/config.toml" }
    }

    // MARK: Loading

    /// The configuration of this process, read once (`--config` taken from the raw arguments, so the
    /// language is known before the parser runs).
    static let current: ConfigFile = {
        let args = CommandLine.arguments
        let explicit = args.firstIndex(of: "--config").flatMap { args.indices.contains($0 + 1) ? args[$0 + 1] : nil }
            ?? args.first(where: { $0.hasPrefix("--config=") }).map { String($0.dropFirst(9)) }
        return load(environment: ProcessInfo.processInfo.environment, explicit: explicit)
    }()

    /// Prints the problems and notes once, on stderr, before a command does its work.
    nonisolated(unsafe) private static var reported = false
    static func reportOnce(_ s: Strings) {
        guard !reported else { return }
        reported = true
        for n in LegacyConfig.notes { Out.warn(s.render(n)) }
        for p in current.problems { Out.warn(p.render(s)) }
    }

    /// Reads every file in order; later files override earlier ones key by key.
    static func load(environment env: [String: String], explicit: String?) -> ConfigFile {
        var result = ConfigFile()
        let paths = explicit.map { [$0] } ?? (systemPaths(env) + [userPath(env)])
        if explicit == nil { LegacyConfig.migrateIfNeeded(environment: env) }
        for path in paths {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                if explicit != nil { result.problems.append(ConfigProblem(path: path, line: 0, message: Message("cli.cannot-read", .text(path)))) }
                continue
            }
            result.sources.append(path)
            // An old-style signalen.toml named with --config keeps working.
            if explicit != nil && path.hasSuffix("signalen.toml") {
                let (c, problems) = SignalConfig.parse(text, path: path)
                result.signals = c
                result.problems += problems.map(ConfigProblem.init)
                continue
            }
            result.merge(parse(text, path: path))
        }
        return result
    }

    /// Overrides this configuration with the keys `other` sets.
    mutating func merge(_ other: ConfigFile) {
        db = other.db ?? db; lang = other.lang ?? lang; theme = other.theme ?? theme
        exportFolder = other.exportFolder ?? exportFolder; spreadsheet = other.spreadsheet ?? spreadsheet
        log = other.log ?? log
        aggregateK = other.aggregateK ?? aggregateK
        sortHouseholds = other.sortHouseholds ?? sortHouseholds; sortAudit = other.sortAudit ?? sortAudit
        sortCaseload = other.sortCaseload ?? sortCaseload
        signals = other.signals ?? signals
        problems += other.problems
    }

    /// What the TOML parser's English says, as a hint in the reader's words (a catalogue key): the
    /// usual slips are a missing quote, a word without quotes, a key or table set twice, a list
    /// or table header left open.
    static func syntaxHint(_ english: String) -> String {
        let e = english.lowercased()
        if e.contains("redefine") { return "config.syntax.twice" }
        if e.contains("string") && (e.contains("control characters") || e.contains("end-of-file")) { return "config.syntax.quote" }
        if e.contains("table header") { return "config.syntax.header" }
        if e.contains("array") && e.contains("end-of-file") { return "config.syntax.list" }
        if e.contains("expected '='") { return "config.syntax.equals" }
        if e.contains("parsing floating-point") || e.contains("parsing value") || e.contains("parsing boolean") || e.contains("bare") || e.contains("expected 'nan'") || e.contains("expected 'inf'") {
            return "config.syntax.unquoted"
        }
        return "config.syntax.other"
    }

    /// Parses one file. Syntax errors name the line TOMLKit reports; unknown keys and bad values
    /// the line they are on.
    static func parse(_ text: String, path: String) -> ConfigFile {
        var c = ConfigFile()
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            c.problems.append(ConfigProblem(path: path, line: e.source.begin.line, message: Message("config.syntax", .key(syntaxHint(e.description)))))
            return c
        } catch {
            c.problems.append(ConfigProblem(path: path, line: 0, message: Message("config.syntax", .key("config.syntax.other"))))
            return c
        }
        for key in table.keys.sorted(by: { line(of: $0, in: text) < line(of: $1, in: text) }) {
            let value = table[key]!
            let lineNo = line(of: key, in: text)
            func problem(_ m: Message) { c.problems.append(ConfigProblem(path: path, line: lineNo, message: m)) }
            if key == "signalen" {
                guard value.table != nil else { problem(Message("config.expect-table")); continue }
                let (signals, problems) = SignalConfig.parse(signalSections(of: text), path: path)
                c.signals = signals
                c.problems += problems.map(ConfigProblem.init)
                continue
            }
            guard let spec = keys.first(where: { $0.key == key }) else {
                problem(Message("config.unknown-key", .text(key), .text(keys.map(\.key).joined(separator: ", ") + ", [signalen]")))
                continue
            }
            if key == "aggregate-k" {
                // A number in TOML (aggregate-k = 10); a quoted number is accepted too.
                guard let n = value.int ?? value.string.flatMap({ Int($0) }), SmallCellSuppression.allowedK.contains(n) else {
                    problem(Message("cli.bad-k", .text(value.debugDescription)))
                    continue
                }
                c.aggregateK = String(n)
                continue
            }
            guard let string = value.string else {
                problem(Message("config.expect-string", .text(key), .text(spec.values?.first ?? "…")))
                continue
            }
            if let allowed = values(for: spec.key), !allowed.contains(string) {
                problem(Message("config.bad-value", .text(key), .text(string), .text(allowed.joined(separator: ", "))))
                continue
            }
            switch key {
            case "db": c.db = expandHome(string)
            case "lang": c.lang = string
            case "theme": c.theme = string
            case "export-folder": c.exportFolder = expandHome(string)
            case "spreadsheet": c.spreadsheet = string
            case "log": c.log = expandHome(string)
            case "sort-households": c.sortHouseholds = string
            case "sort-audit": c.sortAudit = string
            case "sort-caseload": c.sortCaseload = string
            default: break
            }
        }
        return c
    }

    /// The 1-based line where `key` is set at the top level (or its table starts); 0 when not found.
    static func line(of key: String, in text: String) -> Int {
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = raw.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("[\(key)") || t.hasPrefix("[\"\(key)\"") { return i + 1 }
            if t.hasPrefix(key), t.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") { return i + 1 }
        }
        return 0
    }

    /// The `[signalen.…]` sections as a `signalen.toml` text with the same line numbers (other
    /// lines blanked), so threshold problems name the line in config.toml.
    static func signalSections(of text: String) -> String {
        var inside = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let t = raw.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("[") {
                inside = t.hasPrefix("[signalen.")
                return inside ? "[" + t.dropFirst("[signalen.".count) : ""
            }
            return inside ? String(raw) : ""
        }.joined(separator: "\n")
    }

    static func expandHome(_ path: String) -> String {
        path.hasPrefix("~/") ? home(ProcessInfo.processInfo.environment) + path.dropFirst(1) : path
    }

    // MARK: Writing

    /// Sets `key` in the file at `path` (created when missing), keeping comments and other keys.
    static func set(_ key: String, to value: String, in path: String) throws {
        var lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let quoted = "\(key) = \"\(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
        let firstTable = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[") } ?? lines.count
        if let i = lines[..<firstTable].firstIndex(where: { l in
            let t = l.trimmingCharacters(in: .whitespaces)
            return t.hasPrefix(key) && t.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=")
        }) {
            lines[i] = quoted
        } else {
            lines.insert(quoted, at: firstTable)
        }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())"
        try (lines.joined(separator: "\n") + "\n").write(toFile: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary, path) == 0 else { unlink(temporary); throw CocoaError(.fileWriteUnknown) }
    }
}

/// One problem in a config file, at a line (0: the file as a whole).
struct ConfigProblem {
    var path: String
    var line: Int
    var message: Message

    init(path: String, line: Int, message: Message) { self.path = path; self.line = line; self.message = message }

    /// A threshold problem from the signal parser, worded in the reader's language when shown.
    init(_ p: SignalConfig.Problem) { self.init(path: p.path, line: p.line, message: p.message) }

    func render(_ s: Strings) -> String { (line > 0 ? "\(path):\(line): " : "\(path): ") + s.render(message) }
}

/// The files before config.toml: `config` (`key = value` lines) and `signalen.toml`.
enum LegacyConfig {
    /// Writes config.toml from the old files once (when it does not exist yet), renames them to
    /// `*.overgezet`, and says so on stderr.
    nonisolated(unsafe) static var notes: [Message] = []

    static func migrateIfNeeded(environment env: [String: String]) {
        let folder = ConfigFile.userFolder(env)
        let target = ConfigFile.userPath(env)
        let fm = FileManager.default
        let oldConfig = "\(folder)/config", oldSignals = "\(folder)/signalen.toml"
        guard !fm.fileExists(atPath: target), fm.fileExists(atPath: oldConfig) || fm.fileExists(atPath: oldSignals) else { return }
        var text = "# tafel-instellingen (overgezet uit de oude bestanden)\n"
        if let old = try? String(contentsOfFile: oldConfig, encoding: .utf8) {
            for line in old.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].hasPrefix("#"), ["theme", "lang"].contains(parts[0]) else { continue }
                let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                text += "\(parts[0]) = \"\(value)\"\n"
            }
        }
        if let old = try? String(contentsOfFile: oldSignals, encoding: .utf8) {
            for raw in old.split(separator: "\n", omittingEmptySubsequences: false) {
                let t = raw.trimmingCharacters(in: .whitespaces)
                text += t.hasPrefix("[") ? "[signalen." + t.dropFirst() + "\n" : raw + "\n"
            }
        }
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try text.write(toFile: target, atomically: true, encoding: .utf8)
            for old in [oldConfig, oldSignals] where fm.fileExists(atPath: old) { try? fm.moveItem(atPath: old, toPath: old + ".overgezet") }
            notes.append(Message("config.migrated", .text(target)))
        } catch {
            notes.append(Message("cli.cannot-write", .text(target)))
        }
    }
}
