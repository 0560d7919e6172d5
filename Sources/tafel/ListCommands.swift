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
        let store = try global.openStore(create: false, listing: true)
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
                        + ",\"householdId\":\(a.action.householdId),\"id\":\(a.action.id),\"owner\":" + JSONText.string(a.ownerName)
                        + ",\"status\":\"\(a.action.status.rawValue)\",\"waitsFor\":[" + a.waitsFor.map { String($0.id) }.joined(separator: ",")
                        + "],\"blocks\":[" + a.blocks.map { String($0.id) }.joined(separator: ",") + "]}"
                }.joined(separator: ",") + "]"
            }
            let reviews = "[" + c.reviews.map { r in
                "{\"date\":\"\(r.date.iso)\",\"household\":" + JSONText.string(r.householdName) + ",\"householdId\":\(r.householdId),\"overdue\":\(r.overdue)}"
            }.joined(separator: ",") + "]"
            Out.raw("{\"blocking\":" + items(c.blocking) + ",\"later\":" + items(c.later) + ",\"login\":" + JSONText.string(user.login) + ",\"overdue\":" + items(c.overdue)
                    + ",\"reviews\":" + reviews + ",\"thisWeek\":" + items(c.thisWeek) + ",\"today\":\"\(today.iso)\",\"user\":"
                    + JSONText.string(user.name) + ",\"waiting\":" + items(c.waiting) + "}\n")
            return
        }
        var rows: [[String]] = [], machine: [[String]] = []
        for (group, xs) in [("caseload.overdue", c.overdue), ("caseload.blocking", c.blocking), ("caseload.this-week", c.thisWeek),
                            ("caseload.later", c.later), ("caseload.waiting", c.waiting)] {
            for a in xs {
                rows.append([s.t(group), a.action.due.map(s.date) ?? "—", a.householdName, a.action.description, s.domain(a.action.domain), s.label(a.action.status)])
                machine.append([String(group.dropFirst("caseload.".count)), a.action.due?.iso ?? "", a.householdName, a.action.description,
                                a.action.domain, a.action.status.rawValue])
            }
        }
        for r in c.reviews {
            rows.append([s.t("caseload.reviews"), s.date(r.date), r.householdName, s.t("caseload.review-of", r.householdName), "", ""])
            machine.append(["review", r.date.iso, r.householdName, "", "", r.overdue ? "overdue" : "planned"])
        }
        let report = Report(headers: [s.t("cli.col-group"), s.t("minutes.col-when"), s.t("entity.household"), s.t("minutes.col-what"), s.t("minutes.col-domain"), s.t("field.status")],
                            keys: ["group", "due", "household", "description", "domain", "status"], rows: rows, machine: machine)
        Out.raw(report.render(format))
    }
}

struct HouseholdsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "households", abstract: CLIText.t("clihelp.households"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false, listing: true)
        let user = try global.signedIn(store)
        let list = try store.households(for: user, today: AppClock.current.today)
        if format == .json { Out.raw(JSONOutput.encode(list)); return }
        let report = Report(headers: [s.t("cli.col-id"), s.t("households.col-name"), s.t("households.col-wijk"), s.t("field.team"), s.t("households.col-coordinator"),
                                      s.t("households.col-open"), s.t("households.col-late"), s.t("households.col-status")],
                            keys: ["id", "name", "wijk", "team", "coordinator", "open", "overdue", "status"],
                            rows: list.map { [String($0.id), $0.name, $0.wijk, $0.team, $0.coordinator ?? "—", String($0.openActions), String($0.overdueActions), s.label($0.status)] },
                            machine: list.map { [String($0.id), $0.name, $0.wijk, $0.team, $0.coordinator ?? "", String($0.openActions), String($0.overdueActions), $0.status.rawValue] })
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
    @Option(name: .long, help: CLIText.help("clihelp.opt.team-reason")) var reason: String?
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false, listing: true)
        var user = try global.signedIn(store)
        // A teamleider sees their own team(s); another team's rows only after a reason, logged.
        if let team {
            do { user = try store.widenTeamScope(user, to: team, reason: reason) } catch let e as CaseStoreError { throw CLIError(s.render(e.message)) }
        }
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
        var words = EvidenceWriter(strings: s, today: today)
        var scratch: [UInt8] = []
        func evidence(_ compact: UnsafeBufferPointer<UInt8>) -> String {
            scratch.removeAll(keepingCapacity: true)
            words.append(bytes: compact, to: &scratch)
            return String(decoding: scratch, as: UTF8.self)
        }
        switch format {
        case .json:
            // Streamed: one household per line, keys in sorted order (as the encoder wrote them before).
            var opened = false, first = true
            var tail = ""
            // The constant parts of a finding's JSON as bytes, made once per rule and severity and
            // indexed by position: a finding is written without hashing or a String.
            let rules = StallRuleID.allCases
            let titles = rules.map { Array(("\",\"title\":" + JSONText.string(s.t($0.titleKey)) + "}").utf8) }
            let tails = rules.map { rule in Severity.allCases.map { Array(",\"rule\":\"\(rule.rawValue)\",\"severity\":\"\($0.rawValue)\",\"since\":\"".utf8) } }
            let severities = Severity.allCases
            let openFirst = Array("{\"daysStalled\":".utf8), openNext = Array(",{\"daysStalled\":".utf8), evidenceKey = Array(",\"evidence\":".utf8)
            var line: [UInt8] = []
            Out.raw("{\"households\":[")
            try store.streamAudit(for: user, config: config, today: today, filter: filter, household: { h in
                Out.raw((opened ? "]" + tail + ",\n" : "\n") + "{\"coordinator\":" + JSONText.optional(h.coordinator)
                        + ",\"daysStalled\":\(h.daysStalled),\"household\":" + JSONText.string(h.name) + ",\"householdId\":\(h.id),\"signals\":[")
                // The household's own keys after its signals, in sorted order.
                tail = ",\"team\":" + JSONText.string(h.team) + ",\"wijk\":" + JSONText.string(h.wijk) + "}"
                opened = true
                first = true
            }, finding: { f in
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: first ? openFirst : openNext)
                first = false
                EvidenceWriter.appendDecimal(max(0, f.since.days(until: today)), to: &line)
                line.append(contentsOf: evidenceKey)
                scratch.removeAll(keepingCapacity: true)
                words.append(bytes: f.evidence, to: &scratch)
                scratch.withUnsafeBufferPointer { JSONText.appendEscaped($0, to: &line) }
                line.append(contentsOf: tails[f.order][severities.firstIndex(of: f.severity) ?? 0])
                f.since.appendISO(to: &line)
                line.append(contentsOf: titles[f.order])
                Out.stdout.write(bytes: line)
            })
            if opened { Out.raw("]" + tail) }
            Out.raw("\n],\"today\":\"\(today.iso)\"}\n")
        case .table:
            var table = TableWriter(headers: [s.t("audit.col-days"), s.t("audit.col-household"), s.t("audit.col-wijk"), s.t("audit.col-coordinator"),
                                              s.t("cli.col-signal"), s.t("cli.col-severity"), s.t("cli.col-signal-days"), s.t("audit.evidence")])
            let nobody = s.t("household.no-coordinator")
            var current: AuditHousehold?
            try store.streamAudit(for: user, config: config, today: today, filter: filter, household: { current = $0 }, finding: { f in
                guard let h = current else { return }
                table.row([String(h.daysStalled), h.name, h.wijk, h.coordinator ?? nobody, f.rule.rawValue,
                           s.label(f.severity), String(max(0, f.since.days(until: today))), evidence(f.evidence)])
            })
            table.finish()
        case .excel:
            Out.raw(Report.bom + [s.t("audit.col-days"), s.t("audit.col-household"), s.t("audit.col-wijk"), s.t("audit.col-coordinator"),
                                  s.t("cli.col-signal"), s.t("cli.col-severity"), s.t("cli.col-signal-days"), s.t("audit.evidence")].map(Escape.csv).joined(separator: ";") + "\r\n")
            var current: AuditHousehold?
            try store.streamAudit(for: user, config: config, today: today, filter: filter, household: { current = $0 }, finding: { f in
                guard let h = current else { return }
                Out.raw([String(h.daysStalled), h.name, h.wijk, h.coordinator ?? "", s.t(f.rule.titleKey), s.label(f.severity),
                         String(max(0, f.since.days(until: today))), evidence(f.evidence)].map(Escape.csv).joined(separator: ";") + "\r\n")
            })
        case .csv:
            Out.raw(["days", "household", "wijk", "coordinator", "signal", "severity", "signalDays", "evidence"].joined(separator: ",") + "\r\n")
            var current: AuditHousehold?
            try store.streamAudit(for: user, config: config, today: today, filter: filter, household: { current = $0 }, finding: { f in
                guard let h = current else { return }
                Out.raw([String(h.daysStalled), h.name, h.wijk, h.coordinator ?? "", f.rule.rawValue, f.severity.rawValue,
                         String(max(0, f.since.days(until: today))), evidence(f.evidence)].map(Escape.csv).joined(separator: ",") + "\r\n")
            })
        }
    }
}

/// Wraps any Encodable (for heterogeneous JSON objects).
struct AnyEncodable: Encodable {
    let encodeBody: (Encoder) throws -> Void
    init<T: Encodable>(_ v: T) { encodeBody = v.encode }
    func encode(to encoder: Encoder) throws { try encodeBody(encoder) }
}
