import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// `tafel household add|edit|close|reopen|flag`: the household record kept up from the command
/// line, through the same intents and access checks as the screens.
struct HouseholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "household", abstract: CLIText.t("clihelp.household"),
                                                    subcommands: [Add.self, Edit.self, Close.self, Reopen.self, Flag.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.t("clihelp.household-add"))
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: CLIText.help("clihelp.opt.household-name")) var name: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.wijk")) var wijk: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.team")) var team: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.address")) var address: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.postcode")) var postcode: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.phone")) var phone: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.email")) var email: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let h = Household(id: 0, name: name, wijk: wijk, team: team ?? w.user.team, address: address?.nilIfEmpty, phone: phone?.nilIfEmpty,
                              status: .aangemeld, createdOn: w.today, email: email?.nilIfEmpty, postcode: postcode?.nilIfEmpty)
            let op = CaseOperation.registerHousehold(h, members: [])
            let result = try w.perform(op, on: nil)
            w.report(result, op, touched: touched("household", result.file.id, w.strings), format: format)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: CLIText.t("clihelp.household-edit"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.household-name")) var name: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.wijk")) var wijk: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.team")) var team: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.address")) var address: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.postcode")) var postcode: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.phone")) var phone: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.email")) var email: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.cadence")) var cadence: Int?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let id = try w.household(household)
            let base = try w.file(id).household
            var h = base
            if let name { h.name = name }
            if let wijk { h.wijk = wijk }
            if let team { h.team = team }
            if let address { h.address = address.nilIfEmpty }
            if let postcode { h.postcode = postcode.nilIfEmpty }
            if let phone { h.phone = phone.nilIfEmpty }
            if let email { h.email = email.nilIfEmpty }
            if let cadence { h.reviewCadenceWeeks = cadence }
            let op = CaseOperation.editHousehold(base: base, edited: h)
            w.report(try w.perform(op, on: id), op, touched: touched("household", id, w.strings), format: format)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: CLIText.t("clihelp.household-close"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.close-code")) var reason: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.close-note")) var note: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let id = try w.household(household)
            let op = CaseOperation.closeHousehold(try w.code(reason, HouseholdCloseReason.self, field: "closeReason"), note: note)
            w.report(try w.perform(op, on: id), op, touched: touched("household", id, w.strings), format: format)
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: CLIText.t("clihelp.household-reopen"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.reopen-reason")) var reason: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let id = try w.household(household)
            let op = CaseOperation.reopenHousehold(reason: reason)
            w.report(try w.perform(op, on: id), op, touched: touched("household", id, w.strings), format: format)
        }
    }

    struct Flag: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "flag", abstract: CLIText.t("clihelp.household-flag"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.chronic")) var chronic: YesNo?
        @Option(name: .long, help: CLIText.help("clihelp.opt.compulsory")) var compulsory: String?
        @Option(name: .customLong("compulsory-org"), help: CLIText.help("clihelp.opt.compulsory-org")) var compulsoryOrg: String?
        @Option(name: .customLong("no-help-request"), help: CLIText.help("clihelp.opt.no-help-request")) var noHelpRequest: YesNo?
        @Option(name: .customLong("outreach-plan"), help: CLIText.help("clihelp.opt.outreach-plan")) var outreachPlan: String?
        @Option(name: .customLong("outreach-by"), help: CLIText.help("clihelp.opt.outreach-by")) var outreachBy: String?
        @Option(name: .customLong("next-attempt"), help: CLIText.help("clihelp.opt.next-attempt")) var nextAttempt: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let s = w.strings
            let id = try w.household(household)
            guard chronic != nil || compulsory != nil || noHelpRequest != nil else { throw CLIError(s.t("cli.flag-nothing")) }
            var ops: [CaseOperation] = []
            if let chronic { ops.append(.setChronic(chronic.value)) }
            if let compulsory {
                let framework = compulsory == "none" || compulsory == "geen" ? nil : try w.code(compulsory, CompulsoryFramework.self, field: "compulsory")
                var org: Int64? = nil
                if let compulsoryOrg {
                    let party = try w.party("org:" + compulsoryOrg, in: try w.file(id))
                    if party.kind == .organisation { org = party.id }
                }
                ops.append(.setCompulsory(framework, organisationId: org))
            }
            if let noHelpRequest {
                let file = try w.file(id)
                let by = try outreachBy.map { try w.party($0, in: file) }
                let next = try nextAttempt.map { try w.date($0, field: "nextAttempt") }
                ops.append(.setNoHelpRequest(noHelpRequest.value, plan: outreachPlan, by: by, nextAttempt: next))
            }
            for op in ops { w.report(try w.perform(op, on: id), op, touched: touched("household", id, s), format: format) }
        }
    }
}
