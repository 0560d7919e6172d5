import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// `tafel action add|edit|status|done|reopen`: agreed actions kept up outside the meeting, like a
/// solo worker's task list (`task add`, `task 12 done`).
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: CLIText.t("clihelp.action"),
                                                    subcommands: [Add.self, Edit.self, Status.self, Done.self, Reopen.self])

    /// The household of an action, and the action as stored (access checked by the store).
    static func action(_ id: Int64, _ w: WriteContext) throws -> (household: Int64, action: Action) {
        guard let hid = try w.store.householdOf(action: id) else { throw CLIError(w.strings.t("cli.action-not-found", String(id))) }
        let file: CaseFile
        do { file = try w.file(hid) } catch CaseStoreError.accessDenied { throw CLIError(w.strings.t("cli.action-not-found", String(id))) }
        guard let a = file.action(id) else { throw CLIError(w.strings.t("cli.action-not-found", String(id))) }
        return (hid, a)
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.t("clihelp.action-add"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.domain")) var domain: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.action-text")) var text: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.owner")) var owner: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.due")) var due: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.framework")) var framework: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.for-member")) var member: String?
        @Option(name: .customLong("waits-for"), help: CLIText.help("clihelp.opt.waits-for")) var waitsFor: [Int64] = []
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let s = w.strings
            let id = try w.household(household)
            let file = try w.file(id)
            let domain = try w.domain(domain)
            var a = Action(id: 0, householdId: id, domain: domain, description: text, createdOn: w.today)
            a.owner = try owner.map { try w.party($0, in: file) } ?? .professional(w.user.id)
            a.due = try due.map { try w.date($0, field: "due") }
            if let framework { a.framework = try w.code(framework, LegalFramework.self, field: "framework") }
            if let member { a.memberId = try MemberCommand.member(member, in: file, strings: s).id }
            a.dependsOn = waitsFor
            for warning in SmartCheck.warnings(for: a, today: w.today) { Out.warn(s.render(warning.message)) }
            let op = CaseOperation.addAction(a)
            let result = try w.perform(op, on: id)
            w.report(result, op, touched: touched("action", createdId(result, "action") ?? 0, s), format: format)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: CLIText.t("clihelp.action-edit"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.action-id")) var id: Int64
        @Option(name: .long, help: CLIText.help("clihelp.opt.action-text")) var text: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.owner")) var owner: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.due")) var due: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.framework")) var framework: String?
        @Option(name: .customLong("waits-for"), help: CLIText.help("clihelp.opt.waits-for")) var waitsFor: [Int64] = []
        @Flag(name: .customLong("no-waiting"), help: CLIText.help("clihelp.opt.no-waiting")) var noWaiting = false
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let (hid, base) = try ActionCommand.action(id, w)
            var a = base
            if let text { a.description = text }
            if let owner { a.owner = try w.party(owner, in: try w.file(hid)) }
            if let due { a.due = try w.date(due, field: "due") }
            if let framework { a.framework = framework == "geen" || framework == "none" ? nil : try w.code(framework, LegalFramework.self, field: "framework") }
            if noWaiting { a.dependsOn = [] } else if !waitsFor.isEmpty { a.dependsOn = waitsFor }
            let op = CaseOperation.editAction(base: base, edited: a)
            w.report(try w.perform(op, on: hid), op, touched: touched("action", id, w.strings), format: format)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: CLIText.t("clihelp.action-status"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.action-id")) var id: Int64
        @Argument(help: CLIText.help("clihelp.opt.action-status")) var status: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let (hid, _) = try ActionCommand.action(id, w)
            let st = try w.code(status, ActionStatus.self, field: "status")
            guard st.isOpen else { throw CLIError(w.strings.t("cli.status-use-done", status)) }
            let op = CaseOperation.setActionStatus(id, st)
            w.report(try w.perform(op, on: hid), op, touched: touched("action", id, w.strings), format: format)
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: CLIText.t("clihelp.action-done"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.action-id")) var id: Int64
        @Option(name: .long, help: CLIText.help("clihelp.opt.done-reason")) var reason: String = "gedaan"
        @Option(name: .customLong("replaced-by"), help: CLIText.help("clihelp.opt.replaced-by")) var replacedBy: Int64?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let (hid, _) = try ActionCommand.action(id, w)
            let op = CaseOperation.closeAction(id, try w.code(reason, CloseReason.self, field: "closeReason"), replacedBy: replacedBy)
            w.report(try w.perform(op, on: hid), op, touched: touched("action", id, w.strings), format: format)
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: CLIText.t("clihelp.action-reopen"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.action-id")) var id: Int64
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let (hid, _) = try ActionCommand.action(id, w)
            let op = CaseOperation.reopenAction(id)
            w.report(try w.perform(op, on: hid), op, touched: touched("action", id, w.strings), format: format)
        }
    }
}

/// `tafel contact add`: a contact with the household (drives "days since last contact").
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contact", abstract: CLIText.t("clihelp.contact"), subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.t("clihelp.contact-add"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .customLong("with"), help: CLIText.help("clihelp.opt.with-whom")) var withWhom: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.contact-kind")) var kind: String = "telefoon"
        @Option(name: .long, help: CLIText.help("clihelp.opt.contact-date")) var date: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.note")) var note: String = ""
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let id = try w.household(household)
            let day = try date.map { try BirthDate.parse($0, strings: w.strings) } ?? w.today
            guard day <= w.today else { throw CLIError(w.strings.t("cli.date-in-future", w.strings.t("field.date"))) }
            let c = Contact(id: 0, householdId: id, date: day, professionalId: w.user.id, withWhom: withWhom,
                            kind: try w.code(kind, ContactKind.self, field: "kind"), note: note)
            let op = CaseOperation.addContact(c)
            let result = try w.perform(op, on: id)
            w.report(result, op, touched: touched("household", id, w.strings) + ", " + touched("contact", createdId(result, "contact") ?? 0, w.strings), format: format)
        }
    }
}
