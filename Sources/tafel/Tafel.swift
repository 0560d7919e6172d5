import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// `tafel`: without a subcommand it opens the terminal app on the user's caseload.
@main
struct Tafel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tafel",
        abstract: CLIText.t("clihelp.tafel"),
        discussion: CLIText.t("clihelp.tafel.discussion"),
        version: "\(TafelVersion.string) (schema \(SQLiteCaseStore.schemaVersion))",
        subcommands: [Demo.self, Open.self, MeetingCommand.self, CaseloadCommand.self, HouseholdsCommand.self, Show.self,
                      AuditCommand.self, MinutesCommand.self, ICSCommand.self, Export.self, Import.self, Generate.self,
                      Check.self, Log.self, UserCommand.self, Aggregate.self, Retention.self,
                      SignalCommand.self, HouseholdCommand.self, MemberCommand.self, ActionCommand.self, ContactCommand.self, IndicationCommand.self,
                      SessionCommand.self, ReferenceCommand.self, KaartCommand.self, KnelpuntenCommand.self, ConfigCommand.self,
                      DatabaseCommand.self])

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: CLIText.help("clihelp.opt.projector"))
    var projector = false

    @Flag(name: .long, help: CLIText.help("clihelp.opt.create"))
    var create = false

    func run() throws {
        try TUILauncher.launch(global, projector: projector, target: .home, create: create)
    }

    /// Runs the command line; errors become one line on stderr and a non-zero exit code.
    static func main() {
        Diagnostics.start(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment, configured: ConfigFile.current.log)
        let status = runCommand()
        Diagnostics.finished(status: status)
        Out.flush()
        if status != 0 { Foundation.exit(status) }
    }

    /// The command's exit status (0 when it succeeded).
    static func runCommand() -> Int32 {
        do {
            if try FastPath.run(CommandLine.arguments) { return 0 }
            var command = try parseAsRoot()
            try command.run()
            return 0
        } catch let e as CLIError {
            Out.warn(e.message)
            return e.code
        } catch let e as CaseStoreError {
            Out.warn(Strings(currentLanguage()).render(e.message))
            return 1
        } catch let e as DomainError {
            Out.warn(Strings(currentLanguage()).render(e.message))
            return 1
        } catch let e as ImportError {
            let s = Strings(currentLanguage())
            Out.warn(s.t("cli.import-refused", e.path.isEmpty ? "$" : e.path, s.render(e.message)))
            return 1
        } catch {
            // --help and --version print as the parser does; every other parser error is one line.
            let code = exitCode(for: error)
            if code == .success {
                let text = fullMessage(for: error)
                Diagnostics.finished(status: 0)
                // Help in the reader's language, headings included; a version or a completion script as it is.
                if HelpText.isHelp(text) {
                    Out.raw(HelpText.localise(text, strings: Strings(currentLanguage())) + "\n")
                    Out.flush()
                    Foundation.exit(0)
                }
                Out.flush()
                exit(withError: error)
            }
            Out.warn(ParseErrorText.line(fullMessage(for: error), strings: Strings(currentLanguage())))
            return code.rawValue
        }
    }

    /// The language for error messages and `--help`, before options are known for sure (as
    /// `GlobalOptions.language` settles it: flag, settings file, locale).
    static func currentLanguage() -> Language {
        let args = CommandLine.arguments
        let flag = args.firstIndex(of: "--lang").flatMap { args.indices.contains($0 + 1) ? args[$0 + 1] : nil }
            ?? args.first(where: { $0.hasPrefix("--lang=") }).map { String($0.dropFirst(7)) }
        let environment = ProcessInfo.processInfo.environment
        return Language.resolve(flag: flag ?? ConfigFile.current.lang, environment: environment)
    }
}

/// Finds a household by id or by an unambiguous part of its name, within what the user may open.
///
/// Households the user may not open are never named: a medewerker gets the same "not found" for a
/// household that does not exist and one outside need-to-know (the refusal is logged all the same),
/// and a list of matches shows only openable ones; how many others exist is said only to those who
/// may know (teamleider, beheerder).
func resolveHousehold(_ text: String, in store: SQLiteCaseStore, for user: Professional?, strings: Strings) throws -> Int64 {
    guard let user else {
        // Administration without a roster login (export by the OS account): plain look-up.
        let found = try store.findHouseholds(text)
        if found.count == 1 { return found[0].id }
        if found.isEmpty { throw CLIError(strings.t("cli.household-not-found", text)) }
        throw CLIError(strings.t("cli.household-ambiguous", text, found.prefix(8).map { "\($0.name) (\($0.id))" }.joined(separator: ", ")))
    }
    let found = try store.findHouseholds(text, for: user)
    let openable = found.filter { $0.access != .denied }
    if openable.count == 1 { return openable[0].id }
    if openable.isEmpty {
        if let refused = found.first { try? store.logRefusal(householdId: refused.id, by: user) }
        throw CLIError(strings.t("cli.household-not-found", text))
    }
    var list = openable.prefix(8).map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
    if openable.count > 8 { list += " " + strings.t("cli.and-more", String(openable.count - 8)) }
    throw CLIError(strings.t("cli.household-ambiguous", text, list))
}
