import ArgumentParser
import Foundation
import TafelCore
import TafelStore
import TextSafety

struct CaseloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "caseload", abstract: CLIText.t("clihelp.caseload"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        let today = AppClock.current.today
        let c = try store.caseload(for: user, today: today)
        if format == .json {
            // Written by hand in the encoder's layout (sorted keys): this is the command scripts run
            // every few minutes, and the encoder's reflection cost more than the query.
            func items(_ xs: [CaseloadAction]) -> String {
                "[" + xs.map { a in
                    "{\"description\":" + JSONText.string(a.action.description) + ",\"domain\":" + JSONText.string(a.action.domain)
                        + ",\"due\":" + (a.action.due.map { "\"\($0.iso)\"" } ?? "null") + ",\"household\":" + JSONText.string(a.householdName)
                        + ",\"householdId\":\(a.action.householdId),\"id\":\(a.action.id),\"status\":\"\(a.action.status.rawValue)\"}"
                }.joined(separator: ",") + "]"
            }
            let reviews = "[" + c.reviews.map { r in
                "{\"date\":\"\(r.date.iso)\",\"household\":" + JSONText.string(r.householdName) + ",\"householdId\":\(r.householdId),\"overdue\":\(r.overdue)}"
            }.joined(separator: ",") + "]"
            Out.raw("{\"later\":" + items(c.later) + ",\"login\":" + JSONText.string(user.login) + ",\"overdue\":" + items(c.overdue)
                    + ",\"reviews\":" + reviews + ",\"thisWeek\":" + items(c.thisWeek) + ",\"today\":\"\(today.iso)\",\"user\":"
                    + JSONText.string(user.name) + "}\n")
            return
        }
        var rows: [[String]] = []
        for (group, xs) in [("caseload.overdue", c.overdue), ("caseload.this-week", c.thisWeek), ("caseload.later", c.later)] {
            for a in xs {
                rows.append([s.t(group), a.action.due.map(s.date) ?? "—", a.householdName, a.action.description, s.domain(a.action.domain), s.label(a.action.status)])
            }
        }
        for r in c.reviews { rows.append([s.t("caseload.reviews"), s.date(r.date), r.householdName, s.t("caseload.review-of", r.householdName), "", ""]) }
        let report = Report(headers: [s.t("cli.col-group"), s.t("minutes.col-when"), s.t("entity.household"), s.t("minutes.col-what"), s.t("minutes.col-domain"), s.t("field.status")],
                            keys: ["group", "due", "household", "description", "domain", "status"], rows: rows)
        Out.raw(report.render(format))
    }
}

struct HouseholdsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "households", abstract: CLIText.t("clihelp.households"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        let list = try store.households(for: user, today: AppClock.current.today)
        if format == .json { Out.raw(JSONOutput.encode(list)); return }
        let report = Report(headers: [s.t("cli.col-id"), s.t("households.col-name"), s.t("households.col-wijk"), s.t("field.team"), s.t("households.col-coordinator"),
                                      s.t("households.col-open"), s.t("households.col-late"), s.t("households.col-status")],
                            keys: ["id", "name", "wijk", "team", "coordinator", "open", "overdue", "status"],
                            rows: list.map { [String($0.id), $0.name, $0.wijk, $0.team, $0.coordinator ?? "—", String($0.openActions), String($0.overdueActions), s.label($0.status)] })
        Out.raw(report.render(format))
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: CLIText.t("clihelp.audit"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.rule")) var rule: String?
    @Option(name: .long, help: CLIText.help("clihelp.opt.only-team")) var team: String?
    @Option(name: .long, help: CLIText.help("clihelp.opt.only-wijk")) var wijk: String?
    @Option(name: .long, help: CLIText.help("clihelp.opt.since")) var since: String?
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        let today = AppClock.current.today
        var filter = AuditFilter(team: team, wijk: wijk)
        if let r = rule {
            guard let id = StallRuleID(rawValue: r) else {
                throw CLIError(s.t("cli.unknown-rule", r, StallRuleID.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            filter.rule = id
        }
        if let since {
            let text = since.hasPrefix("-") ? "+" + since.dropFirst() : since
            guard let d = Day(iso: since) ?? (try? DueDateParser.parse(text, today: today)).map({ today.adding(days: -today.days(until: $0)) }) else {
                throw CLIError(s.render(DueDateParser.Invalid(input: since).message))
            }
            filter.since = d
        }
        let config = global.signalConfig()
        func evidence(_ compact: String) -> String {
            EvidenceCodec.decodeMessage(compact).map { s.render($0.resolvingElapsed(on: today)) } ?? ""
        }
        switch format {
        case .json:
            // Streamed: one household per line, keys in sorted order (as the encoder wrote them before).
            var current: Int64? = nil
            var first = true
            var pendingTail = ""
            Out.raw("{\"households\":[")
            try store.streamAudit(for: user, config: config, today: today, filter: filter) { line in
                if line.householdId != current {
                    if current != nil { Out.raw("]" + pendingTail) }
                    Out.raw(first ? "\n{\"coordinator\":" : ",\n{\"coordinator\":")
                    if let c = line.coordinator { Out.stdout.json(c) } else { Out.raw("null") }
                    Out.raw(",\"daysStalled\":\(line.householdDays),\"household\":")
                    Out.stdout.json(line.household)
                    Out.raw(",\"householdId\":\(line.householdId),\"signals\":[")
                    first = false
                    current = line.householdId
                    // The household's own keys after its signals, in sorted order.
                    pendingTail = ",\"team\":" + JSONText.string(line.team) + ",\"wijk\":" + JSONText.string(line.wijk) + "}"
                } else {
                    Out.raw(",")
                }
                Out.raw("{\"daysStalled\":\(max(0, line.since.days(until: today))),\"evidence\":")
                Out.stdout.json(evidence(line.evidence))
                Out.raw(",\"rule\":\"\(line.rule.rawValue)\",\"severity\":\"\(line.severity.rawValue)\",\"since\":\"\(line.since.iso)\",\"title\":")
                Out.stdout.json(s.t(line.rule.titleKey))
                Out.raw("}")
            }
            if current != nil { Out.raw("]" + pendingTail) }
            Out.raw("\n],\"today\":\"\(today.iso)\"}\n")
        case .table:
            var table = TableWriter(headers: [s.t("audit.col-days"), s.t("audit.col-household"), s.t("audit.col-wijk"), s.t("audit.col-coordinator"),
                                              s.t("cli.col-signal"), s.t("cli.col-severity"), s.t("cli.col-signal-days"), s.t("audit.evidence")])
            let nobody = s.t("household.no-coordinator")
            try store.streamAudit(for: user, config: config, today: today, filter: filter) { line in
                table.row([String(line.householdDays), line.household, line.wijk, line.coordinator ?? nobody, line.rule.rawValue,
                           s.label(line.severity), String(max(0, line.since.days(until: today))), evidence(line.evidence)])
            }
            table.finish()
        case .csv:
            Out.raw(["days", "household", "wijk", "coordinator", "signal", "severity", "signalDays", "evidence"].joined(separator: ",") + "\r\n")
            try store.streamAudit(for: user, config: config, today: today, filter: filter) { line in
                Out.raw([String(line.householdDays), line.household, line.wijk, line.coordinator ?? "", line.rule.rawValue, line.severity.rawValue,
                         String(max(0, line.since.days(until: today))), evidence(line.evidence)].map(Escape.csv).joined(separator: ",") + "\r\n")
            }
        }
    }
}

/// Wraps any Encodable (for heterogeneous JSON objects).
struct AnyEncodable: Encodable {
    let encodeBody: (Encoder) throws -> Void
    init<T: Encodable>(_ v: T) { encodeBody = v.encode }
    func encode(to encoder: Encoder) throws { try encodeBody(encoder) }
}
