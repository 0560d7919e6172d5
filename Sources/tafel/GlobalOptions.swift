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

    /// The configuration files (config.toml), read once per process.
    var settings: ConfigFile { ConfigFile.current }

    var language: Language {
        Language.resolve(flag: lang ?? settings.lang, environment: environment)
    }

    var strings: Strings { Strings(language) }

    /// `--db`, else `TAFEL_DB`, else `db` in config.toml, else the default place.
    var databasePath: String {
        StoreLocation.resolve(flag: db ?? (environment["TAFEL_DB"].map { $0.isEmpty } ?? true ? settings.db : nil), environment: environment)
    }

    /// `--lang` and `--theme` name something that exists (not silently ignored).
    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError(strings.t("cli.bad-lang", lang))
        }
        if let theme, !ConfigFile.keys.first(where: { $0.key == "theme" })!.values!.contains(theme) {
            throw ValidationError(strings.t("cli.bad-theme", theme, ConfigFile.keys.first(where: { $0.key == "theme" })!.values!.joined(separator: ", ")))
        }
    }

    /// Opens the store (creating it when asked). Warns on stderr when the file is readable by others.
    /// `listing`: a command that only lists (one connection is enough and starts faster).
    func openStore(create: Bool = true, listing: Bool = false) throws -> SQLiteCaseStore {
        ConfigFile.reportOnce(strings)
        let path = databasePath
        let store = try SQLiteCaseStore(path: path, create: create && !readOnly, readOnly: readOnly, singleConnection: listing)
        // The municipality's own reference data, when the database holds it, names everything. A
        // damaged copy is said once and the shipped reference used, rather than no command working.
        do {
            if let own = try store.storedReference() { ReferenceData.current = own }
        } catch {
            Out.warn(strings.t("reference.stored-damaged", String(describing: error)))
        }
        if StoreLocation.isReadableByOthers(path) {
            Out.warn(strings.t("cli.world-readable", path))
        }
        return store
    }

    /// The signal thresholds from `[signalen]` in config.toml (problems are reported, defaults kept).
    func signalConfig() -> SignalConfig {
        ConfigFile.reportOnce(strings)
        return settings.signals ?? SignalConfig()
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
