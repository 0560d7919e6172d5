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
            struct Out: Encodable {
                var user: String; var login: String; var today: String
                var overdue: [Item]; var thisWeek: [Item]; var later: [Item]; var reviews: [Review]
            }
            struct Item: Encodable { var id: Int64; var household: String; var householdId: Int64; var description: String; var domain: String; var due: String?; var status: String }
            struct Review: Encodable { var household: String; var householdId: Int64; var date: String; var overdue: Bool }
            func items(_ xs: [CaseloadAction]) -> [Item] {
                xs.map { Item(id: $0.action.id, household: $0.householdName, householdId: $0.action.householdId, description: $0.action.description,
                              domain: $0.action.domain, due: $0.action.due?.iso, status: $0.action.status.rawValue) }
            }
            Console.out(JSONOutput.encode(Out(user: user.name, login: user.login, today: today.iso, overdue: items(c.overdue), thisWeek: items(c.thisWeek),
                                              later: items(c.later), reviews: c.reviews.map { Review(household: $0.householdName, householdId: $0.householdId, date: $0.date.iso, overdue: $0.overdue) })))
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
        FileHandle.standardOutput.write(Data(report.render(format).utf8))
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
        if format == .json { Console.out(JSONOutput.encode(list)); return }
        let report = Report(headers: [s.t("cli.col-id"), s.t("households.col-name"), s.t("households.col-wijk"), s.t("field.team"), s.t("households.col-coordinator"),
                                      s.t("households.col-open"), s.t("households.col-late"), s.t("households.col-status")],
                            keys: ["id", "name", "wijk", "team", "coordinator", "open", "overdue", "status"],
                            rows: list.map { [String($0.id), $0.name, $0.wijk, $0.team, $0.coordinator ?? "—", String($0.openActions), String($0.overdueActions), s.label($0.status)] })
        FileHandle.standardOutput.write(Data(report.render(format).utf8))
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
        let rows = try store.audit(for: user, config: global.signalConfig(), today: today, filter: filter)
        switch format {
        case .json:
            struct Finding: Encodable { var rule: String; var title: String; var severity: String; var since: String; var daysStalled: Int; var evidence: String }
            struct Row: Encodable { var householdId: Int64; var household: String; var wijk: String; var team: String; var coordinator: String?; var daysStalled: Int; var signals: [Finding] }
            let out = rows.map { r in
                Row(householdId: r.householdId, household: r.name, wijk: r.wijk, team: r.team, coordinator: r.coordinator, daysStalled: r.daysStalled,
                    signals: r.findings.map { Finding(rule: $0.rule.rawValue, title: s.t($0.rule.titleKey), severity: $0.severity.rawValue,
                                                      since: $0.since.iso, daysStalled: $0.daysStalled(today: today), evidence: s.render($0.evidence)) })
            }
            Console.out(JSONOutput.encode(["today": AnyEncodable(today.iso), "households": AnyEncodable(out)]))
        case .table, .csv:
            var lines: [[String]] = []
            for r in rows {
                for f in r.findings {
                    lines.append([String(r.daysStalled), r.name, r.wijk, r.coordinator ?? s.t("household.no-coordinator"), f.rule.rawValue,
                                  s.label(f.severity), String(f.daysStalled(today: today)), s.render(f.evidence)])
                }
            }
            let report = Report(headers: [s.t("audit.col-days"), s.t("audit.col-household"), s.t("audit.col-wijk"), s.t("audit.col-coordinator"),
                                          s.t("cli.col-signal"), s.t("cli.col-severity"), s.t("cli.col-signal-days"), s.t("audit.evidence")],
                                keys: ["days", "household", "wijk", "coordinator", "signal", "severity", "signalDays", "evidence"], rows: lines)
            FileHandle.standardOutput.write(Data(report.render(format).utf8))
        }
    }
}

/// Wraps any Encodable (for heterogeneous JSON objects).
struct AnyEncodable: Encodable {
    let encodeBody: (Encoder) throws -> Void
    init<T: Encodable>(_ v: T) { encodeBody = v.encode }
    func encode(to encoder: Encoder) throws { try encodeBody(encoder) }
}
