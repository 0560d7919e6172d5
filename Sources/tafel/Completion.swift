import ArgumentParser
import Foundation
import TafelCore
import TafelStore
import TafelPostgres
import TextSafety

/// Value completion for the shells: files for `--db` and `--config`, the theme and language names,
/// and household names from the database the user may see (need-to-know holds here too).
enum Completion {
    static let database = CompletionKind.file(extensions: ["sqlite", "db", "sqlite3"])
    static let configFile = CompletionKind.file(extensions: ["toml"])
    static let languages = CompletionKind.list(Language.allCases.map(\.rawValue))
    static let themes = CompletionKind.custom { _, _, prefix in (ConfigFile.values(for: "theme") ?? []).filter { $0.hasPrefix(prefix) } }
    static let households = CompletionKind.custom { words, _, prefix in householdNames(words: words, prefix: prefix) }

    /// The value after `--name` (or in `--name=value`) on the line being completed, as the shell will pass it.
    static func value(of name: String, in words: [String]) -> String? {
        for (i, w) in words.enumerated() {
            if w == name, i + 1 < words.count { return unquoted(words[i + 1]) }
            if w.hasPrefix(name + "=") { return unquoted(String(w.dropFirst(name.count + 1))) }
        }
        return nil
    }

    /// The names of the households this user may open, starting with what is typed. Says nothing
    /// when anything is amiss (no database, not on the roster): a completion never prints an error.
    static func householdNames(words: [String], prefix: String, environment env: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let config = ConfigFile.load(environment: env, explicit: value(of: "--config", in: words))
        let flag = value(of: "--db", in: words) ?? env["TAFEL_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? config.db
        let path = StoreLocation.resolve(flag: flag, environment: env)
        guard !PostgresLocation.isAddress(path), FileManager.default.fileExists(atPath: path),
              let store = try? SQLiteCaseStore(path: path, clock: AppClock.current, create: false, readOnly: true) else { return [] }
        let login = value(of: "--user", in: words) ?? env["TAFEL_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["USER"] ?? ""
        guard let user = (try? store.professional(login: login)) ?? nil,
              let visible = try? store.households(for: user, today: AppClock.current.today) else { return [] }
        let typed = unquoted(prefix).lowercased()
        // A name holding control characters is never offered: the shell would print it raw.
        let names = visible.map(\.name).filter { name in
            name.unicodeScalars.allSatisfy { !SafeText.isUnsafe($0) } && (typed.isEmpty || name.lowercased().hasPrefix(typed))
        }.sorted()
        return CompletionShell.requesting == .bash ? names.map(forBashWordList) : names
    }

    /// bash expands each word of `compgen -W` (quotes removed, `$` substituted), so a name's own
    /// quote, dollar, backquote or backslash is escaped; readline quotes the chosen name for the line.
    static func forBashWordList(_ name: String) -> String {
        var out = ""
        for c in name {
            if "\\$`\"'".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// The word as the shell will pass it: bash hands over what was typed, quotes and backslashes
    /// included (`Familie\ D`, `"Familie D`), so a name with a space would never match without this.
    static func unquoted(_ word: String) -> String {
        var out = "", escaped = false, quote: Character?
        for c in word {
            if escaped { out.append(c); escaped = false; continue }
            if c == "\\" && quote != "'" { escaped = true; continue }
            if let q = quote, c == q { quote = nil; continue }
            if quote == nil, c == "'" || c == "\"" { quote = c; continue }
            out.append(c)
        }
        return out
    }
}
