import ArgumentParser
import Foundation
import TafelCore
import TafelStore
import TafelPostgres

/// Options every command understands.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: CLIText.help("clihelp.opt.db"), completion: Completion.database)
    var db: String?

    @Option(name: .long, help: CLIText.help("clihelp.opt.user"))
    var user: String?

    @Option(name: .long, help: CLIText.help("clihelp.opt.lang"), completion: Completion.languages)
    var lang: String?

    @Option(name: .long, help: CLIText.help("clihelp.opt.theme"), completion: Completion.themes)
    var theme: String?

    @Flag(name: .customLong("no-color"), help: CLIText.help("clihelp.opt.no-color"))
    var noColor = false

    @Option(name: .long, help: CLIText.help("clihelp.opt.config"), completion: Completion.configFile)
    var config: String?

    @Flag(name: .customLong("read-only"), help: CLIText.help("clihelp.opt.read-only"))
    var readOnly = false

    /// Read by `Diagnostics` before parsing; declared here so that every command accepts it.
    @Flag(name: .long, help: CLIText.help("clihelp.opt.verbose"))
    var verbose = false

    /// No progress bar on stderr (errors and warnings still appear).
    @Flag(name: .long, help: CLIText.help("clihelp.opt.quiet"))
    var quiet = false

    /// A progress bar for long work, quiet when asked or not on a terminal.
    func progress(_ key: String) -> ProgressBar { ProgressBar(strings.t(key), strings: strings, quiet: quiet) }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The configuration files (config.toml), read once per process.
    var settings: ConfigFile { ConfigFile.current }

    var language: Language {
        Language.resolve(flag: lang ?? settings.lang, environment: environment)
    }

    var strings: Strings { Strings(language) }

    /// `--db`, else `TAFEL_DB`, else `db` in config.toml, else the default place.
    /// True when the database was named (`--db`, `TAFEL_DB`, `db` in config.toml) rather than the
    /// default place: a named file that is missing is a typo until `--create` says otherwise.
    var databaseWasNamed: Bool {
        db != nil || !(environment["TAFEL_DB"] ?? "").isEmpty || settings.db != nil
    }

    var databasePath: String {
        StoreLocation.resolve(flag: db ?? (environment["TAFEL_DB"].map { $0.isEmpty } ?? true ? settings.db : nil), environment: environment)
    }

    /// `--lang` and `--theme` name something that exists (not silently ignored).
    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError(strings.t("cli.bad-lang", lang))
        }
        // The shipped themes and the user's own (~/.config/tafel/themes/NAME.theme).
        if let theme, let names = ConfigFile.values(for: "theme", environment: environment), !names.contains(theme) {
            throw ValidationError(strings.t("cli.bad-theme", theme, names.joined(separator: ", ")))
        }
    }

    /// Opens the store (creating it when asked). Warns on stderr when the file is readable by others.
    /// `listing`: a command that only lists (one connection is enough and starts faster).
    /// `screen`: the TUI (long-lived), which never reads a frozen file on a full disk.
    func openStore(create: Bool = true, listing: Bool = false, screen: Bool = false) throws -> SQLiteCaseStore {
        ConfigFile.reportOnce(strings)
        let path = databasePath
        // A PostgreSQL address: there the server says who you are, and only `tafel db` speaks to it so far.
        if PostgresLocation.isAddress(path) {
            throw CLIError(strings.t(user != nil ? "cli.postgres-user-refused" : "cli.postgres-not-yet"))
        }
        let opening = Date()
        // The store's clock is the command's: with TAFEL_TODAY pinned, a meeting started today is dated
        // the day the screen calls today (it was the system's day, and the meeting never opened).
        let store = try SQLiteCaseStore(path: path, clock: AppClock.current, create: create && !readOnly, readOnly: readOnly,
                                        singleConnection: listing, readableOnFullDisk: !screen)
        Diagnostics.logger.debug("\(Diagnostics.text("log.opened", path, String(Int(Date().timeIntervalSince(opening) * 1000))))")
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
        throw try notOnRoster(store)
    }

    /// For database administration (export, import, retention): the signed-in roster user. Fail
    /// closed: a claimed login (`--user`, `TAFEL_USER`) that is not on the roster has no rights at all.
    /// Without a claim, the operating-system account that owns the SQLite file administers it (it
    /// can change the file anyway; on PostgreSQL there is no such owner), and a database without any
    /// professional yet (a new file being set up) may be filled by the operating-system account.
    func actor(_ store: SQLiteCaseStore) throws -> (login: String, professional: Professional?) {
        if try store.professionals().isEmpty { return ("os:\(PostgresLocation.operatingSystemUser)", nil) }
        let claimed = user != nil || environment["TAFEL_USER"] != nil
        if !claimed, StoreLocation.isOwnedByCurrentUser(store.path) {
            return ("os:\(PostgresLocation.operatingSystemUser)", nil)
        }
        let p = try signedIn(store)
        return (p.login, p)
    }

    /// One line for a login that is not on the roster: it has no rights here, and who can add it.
    func notOnRoster(_ store: SQLiteCaseStore) throws -> CLIError {
        let admins = try store.professionals().filter { $0.role == .beheerder }.map { "\($0.name) (\($0.login))" }.prefix(5)
        if try store.professionals().isEmpty { return CLIError(strings.t("cli.unknown-user-empty", login)) }
        return CLIError(strings.t(admins.isEmpty ? "cli.not-on-roster-nobody" : "cli.not-on-roster", login, admins.joined(separator: ", ")))
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
