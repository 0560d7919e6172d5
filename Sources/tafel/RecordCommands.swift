import ArgumentParser
import Foundation
import TafelCore
import TafelStore
import TextSafety

struct Show: ParsableCommand {
    /// One household is a record, not a list: shown as text, or whole as JSON (no CSV of a record).
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    static let configuration = CommandConfiguration(commandName: "show", abstract: CLIText.t("clihelp.show"))
    @OptionGroup var global: GlobalOptions
    @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
    @Option(name: .long, help: CLIText.help("clihelp.opt.reason-show")) var reason: String?
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-show")) var format: Format = .table

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        let id = try resolveHousehold(household, in: store, for: user, strings: s)
        let file = try store.caseFile(id, for: user, reason: reason)
        let today = AppClock.current.today
        let roster = try store.roster()
        let order = try store.domainOrder()
        let findings = StallRules.evaluate(file, SignalContext(today: today, thresholds: global.signalConfig().thresholds(team: file.household.team),
                                                                roster: roster, domainOrder: order))
        let reach = ReachPanel.compute(file, today: today, domainOrder: order)
        if format == .json {
            struct JSONShape: Encodable { var household: CaseFile; var signals: [[String: String]]; var reach: [[String: String]] }
            Out.raw(JSONOutput.encode(JSONShape(household: file,
                signals: findings.map { ["rule": $0.rule.rawValue, "severity": $0.severity.rawValue, "since": $0.since.iso, "evidence": s.render($0.evidence)] },
                reach: reach.map { ["element": $0.element.rawValue, "level": $0.level.rawValue, "evidence": $0.evidence.map(s.render).joined(separator: "; ")] })))
            return
        }
        let dir = PartyDirectory(roster: roster, file: file)
        var out: [String] = []
        let h = file.household
        out.append("\(h.name) (\(h.id)) · \(h.wijk) · \(h.team) · \(s.label(h.status))")
        out.append("\(s.t("household.coordinator")): " + (file.activeCoordinator.map { dir.nameWithOrganisation($0.coordinator) } ?? s.t("household.no-coordinator")))
        out.append("\(s.t("cli.members")): " + file.members.map { "\($0.name) (\($0.age(on: today).map(String.init) ?? "?"), \(s.label($0.role)))" }.joined(separator: ", "))
        if !h.ownView.isEmpty { out.append("\(s.t("minutes.own-view")): \(h.ownView.replacingOccurrences(of: "\n", with: " / "))") }
        out.append("")
        out.append(s.t("household.domain-grid") + ":")
        for code in order + Set(file.domains.map(\.domain)).subtracting(order).sorted() {
            let st = file.domainState(code)
            let scores = file.latestAssessments(domain: code).map { a in "\(file.member(a.memberId)?.name.split(separator: " ").first.map(String.init) ?? "?") \(a.score)" }
            guard file.isDiscussed(code) else { continue }
            out.append("  \(s.domain(code)): \(s.label(file.shownStatus(code)))" + (scores.isEmpty ? "" : " — " + scores.joined(separator: ", "))
                       + (st.situation.isEmpty ? "" : " — \(st.situation)"))
        }
        out.append("")
        out.append(s.t("minutes.actions") + ":")
        for a in file.openActions {
            out.append("  - \(a.owner.map(dir.name) ?? "—"): \(a.description) (\(a.due.map(s.date) ?? "—"), \(s.label(a.status)))")
        }
        if !file.indications.isEmpty {
            out.append("")
            out.append(s.t("household.indications") + ":")
            for i in file.indications.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
                out.append("  - " + s.t("household.indication-line", file.member(i.memberId)?.name ?? "—", s.label(i.law), i.provider, s.domain(i.domain),
                                        s.date(i.start), i.end.map(s.date) ?? "…"))
            }
        }
        out.append("")
        out.append(s.t("household.signals") + ":")
        if findings.isEmpty { out.append("  " + s.t("household.no-signals")) }
        for f in findings { out.append("  - \(f.rule.rawValue): \(s.render(f.evidence))") }
        out.append("")
        out.append(s.t("household.reach") + ":")
        for r in reach { out.append("  - \(s.t(r.element.titleKey)): \(s.label("reachLevel", r.level.rawValue)) — \(r.evidence.map(s.render).joined(separator: "; "))") }
        for line in out { Out.line(line) }   // each line escaped on its own (an embedded line break shows as ␊)
    }
}

struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "minutes", abstract: CLIText.t("clihelp.minutes"))
    @OptionGroup var global: GlobalOptions
    @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
    @Option(name: .long, help: CLIText.help("clihelp.opt.meeting")) var meeting: String = "latest"
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-minutes")) var format: String = "md"
    @Option(name: .customLong("for"), help: CLIText.help("clihelp.opt.for")) var audience: String = "team"
    @Option(name: .long, help: CLIText.help("clihelp.opt.output")) var output: String?

    func run() throws {
        let s = global.strings
        guard format == "md" || format == "html" else { throw CLIError(s.t("cli.bad-format", format, "md, html")) }
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        let id = try resolveHousehold(household, in: store, for: user, strings: s)
        let file = try store.caseFile(id, for: user, reason: nil)
        let roster = try store.roster()
        let mid: Int64
        if meeting == "latest" {
            guard let m = file.meetingsByDate.last else { throw CLIError(s.t("cli.no-meetings", file.household.name)) }
            mid = m.id
        } else {
            guard let m = Int64(meeting), file.meetings.contains(where: { $0.id == m }) else { throw CLIError(s.t("cli.no-such-meeting", meeting)) }
            mid = m
        }
        let target: MinutesAudience
        switch audience {
        case "team": target = .team
        case "household", "gezin", "huishouden": target = .household
        default:
            guard audience.hasPrefix("org:") else { throw CLIError(s.t("cli.bad-audience", audience)) }
            let name = String(audience.dropFirst(4)).lowercased()
            let orgs = roster.organisations.values.filter { $0.name.lowercased().contains(name) || String($0.id) == name }
            guard orgs.count == 1 else { throw CLIError(s.t("cli.bad-organisation", String(audience.dropFirst(4)), roster.organisations.values.map(\.name).sorted().joined(separator: ", "))) }
            target = .organisation(orgs[0].id)
        }
        let minutes = try Minutes.build(file, meetingId: mid, roster: roster, domainOrder: try store.domainOrder(), services: try store.services())
        let doc = MinutesRenderer(strings: s).document(minutes, audience: target, roster: roster)
        let text = format == "html" ? doc.html() : doc.markdown()
        try store.logExport(householdId: id, what: "minutes (\(audience), \(format))", by: user)
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
            Out.warn(s.t("cli.written", output))
        } else {
            Out.raw(text)
        }
    }
}

struct ICSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ics", abstract: CLIText.t("clihelp.ics"))
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        let clock = AppClock.current
        let c = try store.caseload(for: user, today: clock.today)
        // Finished actions stay in the feed for 30 days, ticked off, then leave it.
        let closed = try store.recentlyClosedActions(for: user, since: clock.today.adding(days: -30))
        let ids = (c.overdue + c.thisWeek + c.later + c.waiting + closed).map(\.action.id)
        let cal = ICalendar.build(caseload: c, closed: closed, modified: try store.lastChanged(actions: ids), user: user,
                                  strings: global.strings, now: clock.now, databaseId: try store.databaseId())
        Out.raw(cal)
    }
}
