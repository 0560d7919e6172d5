import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// Options every command understands.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: CLIText.help("clihelp.opt.db"))
    var db: String?

    @Option(name: .long, help: CLIText.help("clihelp.opt.user"))
    var user: String?

    @Option(name: .long, help: CLIText.help("clihelp.opt.lang"))
    var lang: String?

    @Option(name: .long, help: CLIText.help("clihelp.opt.theme"))
    var theme: String?

    @Flag(name: .customLong("no-color"), help: CLIText.help("clihelp.opt.no-color"))
    var noColor = false

    @Option(name: .long, help: CLIText.help("clihelp.opt.config"))
    var config: String?

    @Flag(name: .customLong("read-only"), help: CLIText.help("clihelp.opt.read-only"))
    var readOnly = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var settings: AppSettings { AppSettings.load(environment: environment) }

    var language: Language {
        Language.resolve(flag: lang ?? settings.lang, environment: environment)
    }

    var strings: Strings { Strings(language) }

    var databasePath: String { StoreLocation.resolve(flag: db, environment: environment) }

    /// Opens the store (creating it when asked). Warns on stderr when the file is readable by others.
    func openStore(create: Bool = true) throws -> SQLiteCaseStore {
        let path = databasePath
        let store = try SQLiteCaseStore(path: path, create: create && !readOnly, readOnly: readOnly)
        if StoreLocation.isReadableByOthers(path) {
            Out.warn(strings.t("cli.world-readable", path))
        }
        return store
    }

    /// The signal thresholds from the config file (problems are reported, defaults kept).
    func signalConfig() -> SignalConfig {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.config"
        let path = config ?? "\(base)/tafel/signalen.toml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return SignalConfig() }
        let (c, problems) = SignalConfig.parse(text, path: path)
        for p in problems { Out.warn(p.description) }
        return c
    }

    var login: String {
        if let u = user, !u.isEmpty { return u }
        if let u = environment["TAFEL_USER"], !u.isEmpty { return u }
        if let u = environment["USER"], !u.isEmpty { return u }
        if let p = getpwuid(geteuid()), let n = p.pointee.pw_name { return String(cString: n) }
        return "unknown"
    }

    /// The signed-in professional; on a demo database an unknown login falls back to the demo's user.
    func signedIn(_ store: SQLiteCaseStore) throws -> Professional {
        if let p = try store.professional(login: login) { return p }
        let explicit = user != nil || environment["TAFEL_USER"] != nil
        if !explicit, let demo = try store.demoLogin(), let p = try store.professional(login: demo) { return p }
        let known = try store.professionals().map(\.login).prefix(12).joined(separator: ", ")
        throw CLIError(strings.t(known.isEmpty ? "cli.unknown-user-empty" : "cli.unknown-user", login, known))
    }

    /// For database administration (export, import, check): a roster user when known, else the OS account.
    func actor(_ store: SQLiteCaseStore) throws -> (login: String, professional: Professional?) {
        if let p = try store.professional(login: login) { return (p.login, p) }
        return ("os:\(login)", nil)
    }
}

/// Settings from `$XDG_CONFIG_HOME/tafel/config` (lines `key = value`: theme, lang).
struct AppSettings {
    var theme: String?
    var lang: String?

    static func load(environment: [String: String]) -> AppSettings {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.config"
        var s = AppSettings()
        guard let text = try? String(contentsOfFile: "\(base)/tafel/config", encoding: .utf8) else { return s }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].hasPrefix("#") else { continue }
            switch parts[0] {
            case "theme": s.theme = parts[1]
            case "lang": s.lang = parts[1]
            default: break
            }
        }
        return s
    }
}

/// A failure to report as one line on stderr.
struct CLIError: Error {
    var message: String
    var code: Int32 = 1
    init(_ message: String, code: Int32 = 1) { self.message = message; self.code = code }
}


/// The clock of the command line: the system clock, or a day pinned with TAFEL_TODAY.
enum AppClock {
    static var current: any Clock { PinnedClock.fromEnvironment(ProcessInfo.processInfo.environment) }
}
