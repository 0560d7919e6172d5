import ArgumentParser
import Foundation
import TafelCore
import TafelPostgres
import TafelStore

/// `tafel db …`: a PostgreSQL database for a municipality on several computers (Docs/DEPLOYMENT.md).
/// The address names the login; on PostgreSQL the server decides who you are, so `--user` is refused.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "db", abstract: CLIText.t("clihelp.db"),
                                                    subcommands: [Init.self, Migrate.self, WhoAmI.self, CheckChain.self, Load.self])

    /// The options a `db` command uses. The address names the database and the login, so `--db`,
    /// `--theme` and the screen's other options do not apply and are not offered; `--user` is
    /// accepted (unlisted) only to be refused in words: on PostgreSQL the server says who you are.
    struct ServerOptions: ParsableArguments {
        @Option(name: .long, help: .hidden) var user: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.lang"), completion: Completion.languages) var lang: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.config"), completion: Completion.configFile) var config: String?
        /// Read by `Diagnostics` before parsing; declared so that the flags are accepted here too.
        @Flag(name: .long, help: CLIText.help("clihelp.opt.verbose")) var verbose = false
        @Flag(name: .long, help: CLIText.help("clihelp.opt.quiet")) var quiet = false

        var strings: Strings { Strings(Language.resolve(flag: lang ?? ConfigFile.current.lang, environment: ProcessInfo.processInfo.environment)) }

        func validate() throws {
            if let lang, Language(rawValue: lang.lowercased()) == nil { throw ValidationError(strings.t("cli.bad-lang", lang)) }
        }
    }

    /// What every `db` subcommand shares: the address and the signed-in connection.
    struct Target: ParsableArguments {
        @OptionGroup var global: ServerOptions
        @Argument(help: CLIText.help("clihelp.opt.pg-address")) var address: String

        func connect() throws -> PostgresClient {
            let s = global.strings
            // The root command's options are accepted after a subcommand too, so look at the words given.
            let words = CommandLine.arguments
            if global.user != nil || words.contains(where: { $0 == "--user" || $0.hasPrefix("--user=") }) {
                throw CLIError(s.t("cli.postgres-user-refused"))
            }
            if words.contains(where: { $0 == "--db" || $0.hasPrefix("--db=") }) { throw CLIError(s.t("db.no-db-option")) }
            guard let location = PostgresLocation(address) else { throw CLIError(s.t("db.not-an-address", address)) }
            do {
                let client = try PostgresClient.connect(location)
                Diagnostics.logger.debug("\(Diagnostics.text("log.connected", location.display, Diagnostics.elapsed))")
                return client
            } catch let f as PostgresFailure {
                if !f.detail.isEmpty { Diagnostics.logger.debug("\(f.detail)") }
                throw CLIError(f.unreachable ? s.t("db.unreachable", f.message) : s.t("db.refused", f.description))
            }
        }

        /// Runs `body`, wording a refusal of the server in one line.
        func run(_ body: (PostgresClient) throws -> Void) throws {
            let client = try connect()
            defer { client.close() }
            do {
                try body(client)
            } catch let f as PostgresFailure {
                throw CLIError(global.strings.t("db.refused", f.description))
            }
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: CLIText.t("clihelp.db-init"))
        @OptionGroup var target: Target

        func run() throws {
            let s = target.global.strings
            try target.run { client in
                switch try PostgresAdmin.initialise(client) {
                case .created(let v): Out.line(s.t("db.created", client.location.display, String(v)))
                case .alreadyThere(let v): Out.line(s.t("db.already", client.location.display, String(v)))
                }
            }
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "migrate", abstract: CLIText.t("clihelp.db-migrate"))
        @OptionGroup var target: Target

        func run() throws {
            let s = target.global.strings
            try target.run { client in
                guard let m = try PostgresAdmin.migrate(client) else { throw CLIError(s.t("db.not-initialised", client.location.display)) }
                Out.line(m.from == m.to ? s.t("db.up-to-date", client.location.display, String(m.to))
                                        : s.t("db.migrated", client.location.display, String(m.from), String(m.to)))
            }
        }
    }

    struct WhoAmI: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "whoami", abstract: CLIText.t("clihelp.db-whoami"))
        @OptionGroup var target: Target

        func run() throws {
            let s = target.global.strings
            try target.run { client in
                guard try PostgresAdmin.version(client) != nil else { throw CLIError(s.t("db.not-initialised", client.location.display)) }
                let me = try PostgresAdmin.identity(client)
                guard let name = me.name, let role = me.role else {
                    // Fail closed, and say who can add the login.
                    let admins = try PostgresAdmin.administrators(client)
                    throw CLIError(admins.isEmpty ? s.t("db.not-on-roster-nobody", me.login) : s.t("db.not-on-roster", me.login, admins.joined(separator: ", ")))
                }
                let team = (me.team ?? "").isEmpty ? "" : s.t("db.whoami-team", me.team!)
                Out.line(s.t("db.whoami", me.login, name, TafelRole(rawValue: role).map { s.label($0) } ?? role, team))
            }
        }
    }

    struct CheckChain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: CLIText.t("clihelp.db-check"))
        @OptionGroup var target: Target

        func run() throws {
            let s = target.global.strings
            try target.run { client in
                let r = try PostgresAdmin.verifyChain(client)
                if let broken = r.broken { throw CLIError(s.t("db.chain-broken", String(broken))) }
                Out.line(s.t("db.chain-ok", String(r.events)))
            }
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: CLIText.t("clihelp.db-import"))
        @OptionGroup var target: Target
        @Argument(help: CLIText.help("clihelp.opt.import-file")) var file: String
        @Flag(name: .long, help: CLIText.help("clihelp.opt.create-logins")) var createLogins = false
        @Option(name: .long, help: CLIText.help("clihelp.opt.max-field")) var maxField: Int = 20_000

        func run() throws {
            let s = target.global.strings
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError(s.t("cli.cannot-read", file)) }
            // Decoded and checked whole before the database is touched, as for a SQLite import.
            let doc = try TransferValidator.decode(data, maxField: maxField)
            try target.run { client in
                guard try PostgresAdmin.version(client) != nil else { throw CLIError(s.t("db.not-initialised", client.location.display)) }
                let r = try PostgresLoader.load(organisations: doc.organisations, professionals: doc.professionals, households: doc.households,
                                                createLogins: createLogins, into: client)
                Out.line(s.t("db.loaded", client.location.display, String(r.households), String(r.professionals), String(r.loginsCreated)))
                // Say plainly what this schema does not hold yet, rather than drop it without a word.
                let hs = doc.households
                let left: [(String, Int)] = [
                    ("entity.signal", hs.reduce(0) { $0 + $1.signals.count }), ("entity.domain", hs.reduce(0) { $0 + $1.domains.count }),
                    ("entity.assessment", hs.reduce(0) { $0 + $1.assessments.count }), ("entity.coordinator", hs.reduce(0) { $0 + $1.coordinators.count }),
                    ("entity.meeting", hs.reduce(0) { $0 + $1.meetings.count }), ("entity.consent", hs.reduce(0) { $0 + $1.consents.count }),
                    ("entity.escalation", hs.reduce(0) { $0 + $1.escalations.count }), ("entity.contact", hs.reduce(0) { $0 + $1.contacts.count }),
                    ("entity.blocked_rule", hs.reduce(0) { $0 + $1.blockedRules.count }), ("entity.indication", hs.reduce(0) { $0 + $1.indications.count }),
                    ("entity.service", doc.services?.count ?? 0),
                ].filter { $0.1 > 0 }
                if !left.isEmpty {
                    Out.warn(s.t("db.not-loaded", left.map { "\(s.t($0.0)) \($0.1)" }.joined(separator: ", ")))
                }
            }
        }
    }
}
