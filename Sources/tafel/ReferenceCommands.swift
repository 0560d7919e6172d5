import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// `tafel reference export|import`: the municipality's own reference data (domain sets, labels,
/// organisation kinds, reason codes, signal sources), kept in the database.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reference", abstract: CLIText.t("clihelp.reference"),
                                                    subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: CLIText.t("clihelp.reference-export"))
        @OptionGroup var global: GlobalOptions
        @Option(name: [.short, .long], help: CLIText.help("clihelp.opt.output")) var output: String?

        func run() throws {
            let s = global.strings
            let store = try global.openStore(create: false)
            let data = try store.reference.exported()
            guard let output else { Out.raw(String(decoding: data, as: UTF8.self)); return }
            if FileManager.default.fileExists(atPath: output) { throw CLIError(s.t("session.exists", output)) }
            guard FileManager.default.createFile(atPath: output, contents: data, attributes: [.posixPermissions: 0o644]) else {
                throw CLIError(s.t("cli.cannot-write", output))
            }
            Out.warn(s.t("cli.written", output))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: CLIText.t("clihelp.reference-import"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.reference-file")) var file: String

        func run() throws {
            let s = global.strings
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError(s.t("cli.cannot-read", file)) }
            let reference: ReferenceData
            do { reference = try ReferenceData.loadFile(data, path: file) } catch let e as ReferenceDataError {
                throw CLIError(s.t("reference.refused", e.text(s)))
            }
            let store = try global.openStore(create: false)
            let user = try global.signedIn(store)
            try store.importReference(reference, by: user)
            Out.line(s.t("reference.imported", file, String(reference.domainSets.count), try store.settings().domainSet))
        }
    }
}

/// `tafel kaart`: the sociale kaart — who to call for which domain in which wijk.
struct KaartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kaart", abstract: CLIText.t("clihelp.kaart"),
                                                    subcommands: [List.self, Add.self, Import.self], defaultSubcommand: List.self)

    static func report(_ services: [Service], strings s: Strings) -> Report {
        Report(headers: [s.t("kaart.col-name"), s.t("kaart.col-organisation"), s.t("kaart.col-contact"), s.t("kaart.col-phone"),
                         s.t("kaart.col-domains"), s.t("kaart.col-wijk"), s.t("kaart.col-wait")],
               keys: ["name", "organisation", "contact", "phone", "domains", "wijk", "waitingWeeks"],
               rows: services.map { [$0.name, $0.organisation, $0.contact, $0.phone ?? "—", $0.domains.map(s.domain).joined(separator: ", "),
                                     $0.wijk.isEmpty ? s.t("kaart.everywhere") : $0.wijk, $0.waitingWeeks.map { s.t("kaart.weeks", String($0)) } ?? "—"] },
               machine: services.map { [$0.name, $0.organisation, $0.contact, $0.phone ?? "", $0.domains.joined(separator: "|"), $0.wijk,
                                        $0.waitingWeeks.map(String.init) ?? ""] })
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: CLIText.t("clihelp.kaart-list"))
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-domain")) var domain: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.only-wijk")) var wijk: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table

        func run() throws {
            let s = global.strings
            let store = try global.openStore(create: false)
            _ = try global.signedIn(store)
            if let domain, !(try store.domainOrder()).contains(domain) {
                throw CLIError(s.render(DomainError.unknownDomain(domain).message))
            }
            let services = try store.services(domain: domain, wijk: wijk)
            if services.isEmpty && format == .table { Out.line(s.t("kaart.empty")); return }
            if format == .json { Out.raw(JSONOutput.encode(services)); return }
            Out.raw(KaartCommand.report(services, strings: s).render(format))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.t("clihelp.kaart-add"))
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-name")) var name: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-organisation")) var organisation: String = ""
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-contact")) var contact: String = ""
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-phone")) var phone: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-email")) var email: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-domain")) var domain: [String] = []
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-law")) var law: [String] = []
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-wijk")) var wijk: String = ""
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-wait")) var wait: Int?

        func run() throws {
            let s = global.strings
            let store = try global.openStore(create: false)
            let user = try global.signedIn(store)
            let domains = try store.domainOrder()
            for d in domain where !domains.contains(d) { throw CLIError(s.render(DomainError.unknownDomain(d).message)) }
            let laws = Set(s.reference.codes("framework"))
            for l in law where !laws.contains(l) { throw CLIError(s.t("kaart.unknown-law", l, laws.sorted().joined(separator: ", "))) }
            guard !name.trimmed.isEmpty else { throw CLIError(s.render(DomainError.required(field: "name").message)) }
            try store.addServices([Service(name: name.trimmed, organisation: organisation, contact: contact, phone: phone, email: email,
                                           domains: domain, laws: law, wijk: wijk, waitingWeeks: wait)], by: user)
            Out.line(s.t("kaart.added", name.trimmed))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: CLIText.t("clihelp.kaart-import"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.kaart-file")) var file: String

        func run() throws {
            let s = global.strings
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError(s.t("cli.cannot-read", file)) }
            let store = try global.openStore(create: false)
            let user = try global.signedIn(store)
            let services: [Service]
            do {
                services = try ServiceCSV.parse(String(decoding: data, as: UTF8.self), knownDomains: Set(try store.domainOrder()),
                                                knownLaws: Set(s.reference.codes("framework")))
            } catch let p as ServiceCSV.Problem {
                throw CLIError(s.t("kaart.refused", "\(file):\(p.line)", s.render(p.message)))
            }
            try store.addServices(services, by: user)
            Out.line(s.t("kaart.imported", String(services.count), file))
        }
    }
}

/// `tafel knelpunten`: the register of rules that blocked help, aggregated for the learning cycle.
struct KnelpuntenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "knelpunten", abstract: CLIText.t("clihelp.knelpunten"),
                                                    subcommands: [Summary.self, Add.self], defaultSubcommand: Summary.self)

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "summary", abstract: CLIText.t("clihelp.knelpunten-summary"))
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table
        @Option(name: .customLong("k"), help: CLIText.help("clihelp.opt.k")) var k: String?

        func run() throws {
            let s = global.strings
            let threshold = try Aggregate.threshold(k, global)
            let store = try global.openStore(create: false)
            let user = try global.signedIn(store)
            let figures = BlockedRuleFigure.aggregate(try store.blockedRules(for: user)).map { PublishedBlockedRuleFigure($0, k: threshold) }
            if format == .json { Out.raw(JSONOutput.encode(figures)); return }
            // "x": withheld, as in the aggregate (fewer than k households).
            func n(_ x: Int?) -> String { x.map(String.init) ?? "x" }
            if figures.isEmpty && format == .table { Out.line(s.t("knelpunten.empty")); return }
            let report = Report(headers: [s.t("knelpunten.col-rule"), s.t("knelpunten.col-source"), s.t("knelpunten.col-households"),
                                          s.t("knelpunten.col-maatwerk"), s.t("knelpunten.col-doorbraak"), s.t("knelpunten.col-hardheid"),
                                          s.t("knelpunten.col-budget")],
                                keys: ["rule", "source", "households", "maatwerk", "doorbraakbudget", "hardheidsclausule", "budgetEuros"],
                                rows: figures.map { [$0.rule, s.label($0.source), n($0.households), n($0.maatwerk), n($0.doorbraakbudget),
                                                     n($0.hardheidsclausule), $0.budgetEuros.map { $0 == 0 ? "—" : "€ \($0)" } ?? "x"] },
                                machine: figures.map { [$0.rule, $0.source.rawValue, n($0.households), n($0.maatwerk), n($0.doorbraakbudget),
                                                        n($0.hardheidsclausule), n($0.budgetEuros)] })
            Out.raw(report.render(format))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.t("clihelp.knelpunten-add"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.knel-rule")) var rule: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.knel-source")) var source: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.kaart-domain")) var domain: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.knel-blocked")) var blocked: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.knel-exception")) var exception: String = "geen"
        @Option(name: .long, help: CLIText.help("clihelp.opt.knel-amount")) var amount: Int?
        @Option(name: .long, help: CLIText.help("clihelp.opt.knel-decided-by")) var decidedBy: String?

        func run() throws {
            let s = global.strings
            guard let src = BlockedRuleSource(rawValue: source) else {
                throw CLIError(s.t("cli.bad-value", "--source", source, BlockedRuleSource.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            guard let exc = RuleException(rawValue: exception) else {
                throw CLIError(s.t("cli.bad-value", "--exception", exception, RuleException.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            let store = try global.openStore(create: false)
            let user = try global.signedIn(store)
            guard (try store.domainOrder()).contains(domain) else { throw CLIError(s.render(DomainError.unknownDomain(domain).message)) }
            let id = try resolveHousehold(household, in: store, for: user, strings: s)
            do {
                let r = try store.recordBlockedRule(BlockedRule(id: 0, householdId: id, date: AppClock.current.today, rule: rule, source: src,
                                                                domain: domain, blocked: blocked, exception: exc, amount: amount, decidedBy: decidedBy), by: user)
                Out.line(s.t("knelpunten.added", String(r.id), r.rule))
            } catch let e as DomainError {
                throw CLIError(s.render(e.message))
            }
        }
    }
}
