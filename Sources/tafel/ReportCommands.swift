import ArgumentParser
import Foundation
import TafelCore
import TafelStore

struct Aggregate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "aggregate", abstract: CLIText.t("clihelp.aggregate"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table
    @Option(name: .customLong("k"), help: CLIText.help("clihelp.opt.k")) var k: String?

    /// The k of small-cell suppression: the flag wins over config.toml (`aggregate-k`); either must
    /// be a whole number in the allowed range.
    static func threshold(_ k: String?, _ global: GlobalOptions) throws -> Int {
        try (k ?? global.settings.aggregateK).map { text -> Int in
            guard let n = Int(text), SmallCellSuppression.allowedK.contains(n) else { throw CLIError(global.strings.t("cli.bad-k", text)) }
            return n
        } ?? SmallCellSuppression.defaultK
    }

    func run() throws {
        let s = global.strings
        let threshold = try Aggregate.threshold(k, global)
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        guard AccessPolicy.mayAudit(user) else { throw CLIError(s.render(CaseStoreError.notAllowed("vocab.role.teamleider").message)) }
        let bar = global.progress("progress.aggregate")
        let rows = try store.aggregate(config: global.signalConfig(), today: AppClock.current.today, k: threshold) { bar.update($0, of: $1) }
        bar.finish()
        if format == .json { Out.raw(JSONOutput.encode(rows)); return }
        // "x" (as CBS marks a secret figure): a hidden figure; empty: does not apply (signals have no actions).
        func n(_ x: Int?) -> String { x.map(String.init) ?? "x" }
        let report = Report(headers: [s.t("field.wijk"), s.t("aggregate.col-dimension"), s.t("aggregate.col-code"), s.t("aggregate.col-households"),
                                      s.t("aggregate.col-open"), s.t("aggregate.col-waiting"), s.t("aggregate.col-wait-days")],
                            keys: ["wijk", "dimension", "code", "households", "openActions", "waiting", "averageWaitingDays"],
                            rows: rows.map { r in
                                let domain = r.dimension == "leefgebied"
                                let label = domain ? s.domain(r.code) : s.t("signal.\(r.code).title")
                                return [r.wijk ?? s.t("aggregate.all-wijken"), s.t("aggregate.\(r.dimension)"), label, n(r.households),
                                        domain ? n(r.openActions) : "", domain ? n(r.waiting) : "",
                                        domain && r.wijk != nil ? n(r.averageWaitingDays) : ""] },
                            machine: rows.map { r in
                                let domain = r.dimension == "leefgebied"
                                return [r.wijk ?? "", r.dimension, r.code, n(r.households), domain ? n(r.openActions) : "",
                                        domain ? n(r.waiting) : "", domain && r.wijk != nil ? n(r.averageWaitingDays) : ""] })
        Out.raw(report.render(format))
        if format == .table && !rows.isEmpty { Out.line(s.t("aggregate.note", String(threshold))) }
    }
}

struct Retention: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retention", abstract: CLIText.t("clihelp.retention"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("older-than"), help: CLIText.help("clihelp.opt.older-than")) var olderThan: String
    @Flag(name: .long, help: CLIText.help("clihelp.opt.apply")) var apply = false

    func run() throws {
        let s = global.strings
        let today = AppClock.current.today
        guard let unit = olderThan.last, let n = Int(olderThan.dropLast()), n > 0 else { throw CLIError(s.t("cli.bad-term", olderThan)) }
        let cutoff: Day
        switch unit {
        case "y", "j": cutoff = today.adding(years: -n)
        case "m": cutoff = today.adding(months: -n)
        case "d": cutoff = today.adding(days: -n)
        default: throw CLIError(s.t("cli.bad-term", olderThan))
        }
        let store = try global.openStore(create: false)
        let (actor, pro) = try global.actor(store)
        if let pro, pro.role != .beheerder { throw CLIError(s.render(CaseStoreError.notAllowed("vocab.role.beheerder").message)) }
        let candidates = try store.retentionCandidates(closedBefore: cutoff)
        Out.line(s.t(apply ? "retention.applying" : "retention.dry-run", String(candidates.count), s.date(cutoff)))
        for c in candidates.prefix(50) { Out.line("  #\(c.id) — \(s.t("retention.closed-on", s.date(c.closedOn)))") }
        guard apply else { return }
        let bar = global.progress("progress.retention")
        bar.update(0, of: 1)
        try store.anonymise(candidates.map(\.id), actor: actor, today: today)
        bar.update(1, of: 1)
        bar.finish()
        Out.line(s.t("retention.done", String(candidates.count)))
    }
}
