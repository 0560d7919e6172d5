import ArgumentParser
import Foundation
import TafelCore
import TafelStore

struct Aggregate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLIText.t("clihelp.aggregate"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        guard AccessPolicy.mayAudit(user) else { throw CLIError(s.render(CaseStoreError.notAllowed("vocab.role.teamleider").message)) }
        let rows = try store.aggregate(config: global.signalConfig(), today: AppClock.current.today)
        if format == .json { Out.raw(JSONOutput.encode(rows)); return }
        func n(_ x: Int?) -> String { x.map(String.init) ?? "<5" }
        let report = Report(headers: [s.t("field.wijk"), s.t("aggregate.col-dimension"), s.t("aggregate.col-code"), s.t("aggregate.col-households"),
                                      s.t("aggregate.col-open"), s.t("aggregate.col-waiting"), s.t("aggregate.col-wait-days")],
                            keys: ["wijk", "dimension", "code", "households", "openActions", "waiting", "averageWaitingDays"],
                            rows: rows.map { r in
                                let label = r.dimension == "leefgebied" ? s.domain(r.code) : s.t("signal.\(r.code).title")
                                return [r.wijk, s.t("aggregate.\(r.dimension)"), label, n(r.households),
                                        r.dimension == "leefgebied" ? n(r.openActions) : "", r.dimension == "leefgebied" ? n(r.waiting) : "",
                                        r.averageWaitingDays.map(String.init) ?? ""] },
                            machine: rows.map { r in
                                [r.wijk, r.dimension, r.code, r.households.map(String.init) ?? "<5", r.openActions.map(String.init) ?? "",
                                 r.waiting.map(String.init) ?? "", r.averageWaitingDays.map(String.init) ?? ""] })
        Out.raw(report.render(format))
    }
}

struct Retention: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLIText.t("clihelp.retention"))
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
        try store.anonymise(candidates.map(\.id), actor: actor, today: today)
        Out.line(s.t("retention.done", String(candidates.count)))
    }
}
