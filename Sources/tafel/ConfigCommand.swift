import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// `tafel config get|set|list|path`: the settings in config.toml, as git config does it.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: CLIText.t("clihelp.config"),
                                                    subcommands: [Get.self, Set.self, List.self, Path.self])

    /// The value of a key as the configuration has it (nil when not set).
    static func value(_ key: String, in c: ConfigFile) -> String? {
        switch key {
        case "db": return c.db
        case "lang": return c.lang
        case "theme": return c.theme
        case "export-folder": return c.exportFolder
        case "spreadsheet": return c.spreadsheet
        case "log": return c.log
        case "aggregate-k": return c.aggregateK
        case "sort-households": return c.sortHouseholds
        case "sort-audit": return c.sortAudit
        case "sort-caseload": return c.sortCaseload
        default: return nil
        }
    }

    static func checkKey(_ key: String, _ s: Strings) throws {
        guard ConfigFile.keys.contains(where: { $0.key == key }) else {
            let known = ConfigFile.keys.map(\.key) + [domainSetKey]
            throw CLIError(s.render(Message("config.unknown-key", .text(key), .text(known.joined(separator: ", ")))))
        }
    }

    /// The one setting kept in the database rather than in config.toml: every user of a database
    /// walks the same domains, so it is the whole database's (a beheerder's) choice.
    static let domainSetKey = "domain-set"

    /// `tafel config set domain-set NAME`: switches the database's domain set and says what
    /// happened to scores outside it (kept, shown under their old name).
    static func switchDomainSet(to name: String, _ global: GlobalOptions) throws {
        let s = global.strings
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        let done: DomainSetSwitch
        do { done = try store.setDomainSet(name, by: user) } catch let e as CaseStoreError { throw CLIError(s.render(e.message)) }
        guard done.from != done.to else { Out.line(s.t("config.domain-set-unchanged", done.to)); return }
        Out.line(s.t("config.domain-set-done", done.from, done.to))
        if done.kept.isEmpty { return }
        let list = done.kept.map { s.t("config.domain-set-kept-item", s.domain($0.domain), String($0.households)) }.joined(separator: "; ")
        Out.line(s.t("config.domain-set-kept", list))
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: CLIText.t("clihelp.config-get"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.config-key")) var key: String

        func run() throws {
            let s = global.strings
            ConfigFile.reportOnce(s)
            if key == ConfigCommand.domainSetKey {
                Out.line(try global.openStore(create: false).settings().domainSet)
                return
            }
            try ConfigCommand.checkKey(key, s)
            guard let v = ConfigCommand.value(key, in: global.settings) else { throw CLIError(s.t("config.not-set"), code: 1) }
            Out.line(v)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: CLIText.t("clihelp.config-set"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.config-key")) var key: String
        @Argument(help: CLIText.help("clihelp.opt.config-value")) var value: String

        func run() throws {
            let s = global.strings
            if key == ConfigCommand.domainSetKey { try ConfigCommand.switchDomainSet(to: value, global); return }
            try ConfigCommand.checkKey(key, s)
            if let allowed = ConfigFile.values(for: key, environment: global.environment), !allowed.contains(value) {
                throw CLIError(s.render(Message("config.bad-value", .text(key), .text(value), .text(allowed.joined(separator: ", ")))))
            }
            if key == "aggregate-k", !(Int(value).map(SmallCellSuppression.allowedK.contains) ?? false) {
                throw CLIError(s.t("cli.bad-k", value))
            }
            let path = global.config ?? ConfigFile.userPath(global.environment)
            do { try ConfigFile.set(key, to: value, in: path) } catch { throw CLIError(s.t("cli.cannot-write", path)) }
            Out.line(s.t("config.set-done", key, value, path))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: CLIText.t("clihelp.config-list"))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let s = global.strings
            ConfigFile.reportOnce(s)
            let c = global.settings
            for (key, _) in ConfigFile.keys {
                Out.line("\(key) = " + (ConfigCommand.value(key, in: c).map { "\"\($0)\"" } ?? s.t("config.not-set")))
            }
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "path", abstract: CLIText.t("clihelp.config-path"))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = global.environment
            let paths = global.config.map { [$0] } ?? (ConfigFile.systemPaths(env) + [ConfigFile.userPath(env)])
            for p in paths { Out.line((FileManager.default.fileExists(atPath: p) ? "✓ " : "  ") + p) }
        }
    }
}
