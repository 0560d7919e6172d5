import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// `tafel indicatie add|end|list`: indications (*indicaties*, *beschikkingen*) per member — law,
/// provider, life domain, start and end — which the audit reads for `indicatie-eindigt` and `wmo-wlz`.
struct IndicationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "indicatie", abstract: CLIText.t("clihelp.indicatie"),
                                                    subcommands: [Add.self, End.self, List.self])

    /// A day as people write it (2026-03-01, 1-3-2026) or as a due date (+8w, vrijdag).
    static func day(_ text: String, field: String, _ w: WriteContext) throws -> Day {
        if let d = try? BirthDate.parse(text, strings: w.strings) { return d }
        return try w.date(text, field: field)
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.t("clihelp.indicatie-add"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.for-member")) var member: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.indicatie-law")) var law: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.indicatie-provider")) var provider: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.indicatie-domain")) var domain: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.indicatie-start")) var start: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.indicatie-end")) var end: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let s = w.strings
            let id = try w.household(household)
            let file = try w.file(id)
            let domain = try w.domain(domain)
            let i = Indication(id: 0, householdId: id, memberId: try MemberCommand.member(member, in: file, strings: s).id,
                               law: try w.code(law, LegalFramework.self, field: "law"), provider: provider, domain: domain,
                               start: try IndicationCommand.day(start, field: "start", w),
                               end: try end.map { try IndicationCommand.day($0, field: "end", w) })
            let op = CaseOperation.addIndication(i)
            let result = try w.perform(op, on: id)
            w.report(result, op, touched: touched("household", id, s) + ", " + touched("indication", createdId(result, "indication") ?? 0, s), format: format)
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "end", abstract: CLIText.t("clihelp.indicatie-end"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Argument(help: CLIText.help("clihelp.opt.indicatie-id")) var id: Int64
        @Option(name: .long, help: CLIText.help("clihelp.opt.indicatie-end")) var on: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let hid = try w.household(household)
            let op = CaseOperation.endIndication(id, on: try IndicationCommand.day(on, field: "end", w))
            w.report(try w.perform(op, on: hid), op, touched: touched("indication", id, w.strings), format: format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: CLIText.t("clihelp.indicatie-list"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table

        func run() throws {
            let w = try WriteContext(global)
            let s = w.strings
            let file = try w.file(try w.household(household))
            if format == .json { Out.raw(JSONOutput.encode(file.indications)); return }
            let rows = file.indications.map { i -> [String] in
                [String(i.id), file.member(i.memberId)?.name ?? "#\(i.memberId)", s.label(i.law), i.provider, s.domain(i.domain),
                 s.date(i.start), i.end.map(s.date) ?? "—"]
            }
            let machine = file.indications.map { i -> [String] in
                [String(i.id), file.member(i.memberId)?.name ?? "", i.law.rawValue, i.provider, i.domain, i.start.iso, i.end?.iso ?? ""]
            }
            if rows.isEmpty && format == .table { Out.line(s.t("indicatie.none")); return }
            Out.raw(Report(headers: [s.t("field.id"), s.t("field.memberId"), s.t("field.law"), s.t("field.provider"), s.t("field.domain"),
                                     s.t("field.start"), s.t("field.end")],
                           keys: ["id", "member", "law", "provider", "domain", "start", "end"], rows: rows, machine: machine).render(format))
        }
    }
}
