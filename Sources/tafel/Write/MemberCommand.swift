import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// `tafel member add|edit|end`: who belongs to the household, with birth dates; an ended
/// membership keeps its history.
struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "member", abstract: CLIText.t("clihelp.member"), subcommands: [Add.self, Edit.self, End.self])

    /// Finds a member of a household by id or part of the name.
    static func member(_ text: String, in file: CaseFile, strings: Strings) throws -> Member {
        if let id = Int64(text), let m = file.member(id) { return m }
        let needle = text.lowercased()
        let found = file.members.filter { $0.name.lowercased().contains(needle) }
        if found.count == 1 { return found[0] }
        if found.isEmpty { throw CLIError(strings.t("cli.member-not-found", text, file.members.map { "\($0.name) (\($0.id))" }.joined(separator: ", "))) }
        throw CLIError(strings.t("cli.member-ambiguous", text, found.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")))
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.t("clihelp.member-add"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.member-name")) var name: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.member-role")) var role: String
        @Option(name: .customLong("birth-date"), help: CLIText.help("clihelp.opt.birth-date")) var birthDate: String?
        @Option(name: .customLong("birth-year"), help: CLIText.help("clihelp.opt.birth-year")) var birthYear: Int?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let id = try w.household(household)
            let born = try birthDate.map { try BirthDate.parse($0, strings: w.strings) }
            let m = Member(id: 0, householdId: id, name: name, role: try w.code(role, MemberRole.self, field: "role"), birthDate: born, birthYear: birthYear)
            let op = CaseOperation.addMember(m)
            let result = try w.perform(op, on: id)
            w.report(result, op, touched: touched("household", id, w.strings) + ", " + touched("member", createdId(result, "member") ?? 0, w.strings), format: format)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: CLIText.t("clihelp.member-edit"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Argument(help: CLIText.help("clihelp.opt.member")) var member: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.member-name")) var name: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.member-role")) var role: String?
        @Option(name: .customLong("birth-date"), help: CLIText.help("clihelp.opt.birth-date")) var birthDate: String?
        @Option(name: .customLong("birth-year"), help: CLIText.help("clihelp.opt.birth-year")) var birthYear: Int?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let id = try w.household(household)
            let base = try MemberCommand.member(member, in: try w.file(id), strings: w.strings)
            var m = base
            if let name { m.name = name }
            if let role { m.role = try w.code(role, MemberRole.self, field: "role") }
            if let birthDate { m.birthDate = try BirthDate.parse(birthDate, strings: w.strings); m.birthYear = m.birthDate?.year }
            if let birthYear { m.birthYear = birthYear; if m.birthDate?.year != birthYear { m.birthDate = nil } }
            let op = CaseOperation.editMember(base: base, edited: m)
            w.report(try w.perform(op, on: id), op, touched: touched("member", base.id, w.strings), format: format)
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "end", abstract: CLIText.t("clihelp.member-end"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Argument(help: CLIText.help("clihelp.opt.member")) var member: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.end-reason")) var reason: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.end-date")) var date: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-write")) var format: WriteFormat = .text

        func run() throws {
            let w = try WriteContext(global)
            let id = try w.household(household)
            let m = try MemberCommand.member(member, in: try w.file(id), strings: w.strings)
            let day = try date.map { try BirthDate.parse($0, strings: w.strings) } ?? w.today
            let op = CaseOperation.endMember(m.id, try w.code(reason, MemberEndReason.self, field: "endReason"), on: day)
            w.report(try w.perform(op, on: id), op, touched: touched("member", m.id, w.strings), format: format)
        }
    }
}

/// A date in the past as people write it: `2009-03-14` or `14-03-2009`.
enum BirthDate {
    static func parse(_ text: String, strings: Strings) throws -> Day {
        if let d = Day(iso: text) { return d }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).compactMap { Int($0) }
        if parts.count == 3, parts[2] > 31, let d = Day(year: parts[2], month: parts[1], day: parts[0]) { return d }
        throw CLIError(strings.t("cli.bad-date", text))
    }
}
