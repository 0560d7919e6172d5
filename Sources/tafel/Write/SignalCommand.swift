import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// `tafel signal add`: a signal (vroegsignalering) on its own. Before anything is created, tafel
/// looks for a household it may be about; a match the user may open must be chosen (`--household`)
/// or passed over (`--new`), a match outside need-to-know is not shown — the user is told only
/// that one may exist and whom to ask.
struct SignalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signal", abstract: CLIText.t("clihelp.signal"), subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.t("clihelp.signal-add"))
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: CLIText.help("clihelp.opt.source")) var source: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.signal-text")) var text: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.signal-date")) var date: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.names")) var names: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.address")) var address: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.postcode")) var postcode: String?
        @Option(name: .customLong("birth-year"), help: CLIText.help("clihelp.opt.birth-year")) var birthYear: Int?
        @Option(name: .long, help: CLIText.help("clihelp.opt.wijk")) var wijk: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.team")) var team: String?
        @Option(name: .customLong("household-name"), help: CLIText.help("clihelp.opt.household-name")) var householdName: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.attach-household"), completion: Completion.households) var household: String?
        @Flag(name: .customLong("new"), help: CLIText.help("clihelp.opt.new-household")) var createNew = false
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let s = w.strings
            let sources = s.reference.codes("signalSource")
            guard sources.contains(source) else {
                throw CLIError(s.t("cli.bad-code", s.t("field.source"), source, sources.map { "\($0) (\(s.label("signalSource", $0)))" }.joined(separator: ", ")))
            }
            let day = try date.map { try w.date($0, field: "date") } ?? w.today
            guard day <= w.today else { throw CLIError(s.t("cli.date-in-future", s.t("field.date"))) }
            var signal = Signal(id: 0, householdId: 0, source: source, date: day, text: text, knownNames: names?.nilIfEmpty,
                                knownAddress: [address, postcode].compactMap { $0?.nilIfEmpty }.joined(separator: ", ").nilIfEmpty,
                                knownBirthYear: birthYear)
            if let household {
                let id = try w.household(household)
                signal.alreadyKnown = true
                let result = try w.perform(.addSignal(signal), on: id)
                w.report(result, .addSignal(signal), touched: touched("household", id, s) + ", " + touched("signal", createdId(result, "signal") ?? 0, s), format: format)
                return
            }
            let search = try w.store.intakeSearch(IntakeQuery(names: names ?? "", address: address ?? "", postcode: postcode ?? "", birthYear: birthYear), for: w.user)
            if !createNew {
                if !search.matches.isEmpty {
                    let list = search.matches.prefix(5).map { "\($0.name) (\($0.id), \($0.wijk))" }.joined(separator: "; ")
                    throw CLIError(s.t("cli.intake-known", list, String(search.matches[0].id)))
                }
                if search.othersExist {
                    throw CLIError(s.t("cli.intake-hidden", search.askWhom.joined(separator: ", ")))
                }
            }
            let name = householdName?.nilIfEmpty ?? IntakeNaming.householdName(from: names, strings: s)
            let h = Household(id: 0, name: name, wijk: wijk ?? "", team: team ?? w.user.team, address: address?.nilIfEmpty,
                              status: .aangemeld, createdOn: w.today, postcode: postcode?.nilIfEmpty)
            let op = CaseOperation.registerHousehold(h, members: [], signals: [signal])
            let result = try w.perform(op, on: nil)
            w.report(result, op, touched: touched("household", result.file.id, s) + " (" + s.label(HouseholdStatus.aangemeld) + ")", format: format)
            if search.othersExist && format == .text { Out.warn(s.t("cli.intake-hidden-created", search.askWhom.joined(separator: ", "))) }
        }
    }
}

