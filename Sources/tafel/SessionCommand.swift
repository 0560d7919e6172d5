import ArgumentParser
import Foundation
import TafelCore
import TafelStore

/// `tafel session`: the conference day — plan several households in time slots, open them one
/// after another in the meeting screen, and summarise the day.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "session", abstract: CLIText.t("clihelp.session"),
                                                    subcommands: [Plan.self, List.self, Show.self, Open.self, Summary.self])

    /// The session with this id, or one line saying how to find one.
    static func find(_ id: Int64, in store: SQLiteCaseStore, strings s: Strings) throws -> ConferenceSession {
        guard let session = try store.session(id) else { throw CLIError(s.t("session.not-found", String(id))) }
        return session
    }

    /// Each slot's outcome so far (no record is opened, so no view is logged: only meeting facts are used).
    static func outcomes(_ session: ConferenceSession, store: SQLiteCaseStore, user: Professional) throws -> [SessionOutcome] {
        try session.slots.map { slot in
            let file = try store.reload(slot.householdId, for: user)
            return SessionOutcome.of(file, slot: slot, day: session.date)
        }
    }

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "plan", abstract: CLIText.t("clihelp.session-plan"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.session-households"), completion: Completion.households) var households: [String]
        @Option(name: .long, help: CLIText.help("clihelp.opt.session-date")) var date: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.session-start")) var start: String = "09:00"
        @Option(name: .long, help: CLIText.help("clihelp.opt.session-slot")) var slot: Int = 15
        @Option(name: .long, help: CLIText.help("clihelp.opt.session-title")) var title: String = ""

        func run() throws {
            let s = global.strings
            let today = AppClock.current.today
            let day: Day
            if let date {
                guard let d = Day(iso: date) ?? (try? DueDateParser.parse(date, today: today)) else {
                    throw CLIError(s.render(DueDateParser.Invalid(input: date).message))
                }
                day = d
            } else { day = today }
            guard let startMinute = SessionSlot.parseClock(start) else { throw CLIError(s.t("session.bad-start", start)) }
            let store = try global.openStore(create: false)
            let user = try global.signedIn(store)
            let ids = try households.map { try resolveHousehold($0, in: store, for: user, strings: s) }
            let slots: [SessionSlot]
            do { slots = try SessionPlanner.slots(households: ids, start: startMinute, minutes: slot) } catch let e as SessionPlanError {
                throw CLIError(s.render(e.message))
            }
            let session = try store.planSession(date: day, title: title, slots: slots, by: user)
            Out.line(s.t("session.planned", String(session.id), s.date(day), String(slots.count)))
            try Show.agenda(session, store: store, user: user, strings: s)
            Out.line(s.t("session.open-hint", String(session.id)))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: CLIText.t("clihelp.session-list"))
        @OptionGroup var global: GlobalOptions
        @Flag(name: .long, help: CLIText.help("clihelp.opt.session-all")) var all = false

        func run() throws {
            let s = global.strings
            let store = try global.openStore(create: false)
            _ = try global.signedIn(store)
            let sessions = try store.sessions(from: all ? nil : AppClock.current.today)
            if sessions.isEmpty { Out.line(s.t("session.none")); return }
            let roster = try store.roster()
            let report = Report(headers: [s.t("cli.col-id"), s.t("session.col-date"), s.t("session.field-title"), s.t("session.field-chair"), s.t("session.field-households")],
                                keys: ["id", "date", "title", "chair", "households"],
                                rows: sessions.map { [String($0.id), s.date($0.date), $0.title, roster.professionals[$0.chairId]?.name ?? "?", String($0.slots.count)] },
                                machine: sessions.map { [String($0.id), $0.date.iso, $0.title, roster.professionals[$0.chairId]?.login ?? "", String($0.slots.count)] })
            Out.raw(report.render(.table))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: CLIText.t("clihelp.session-show"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.session-id")) var id: Int64

        func run() throws {
            let s = global.strings
            let store = try global.openStore(create: false)
            let user = try global.signedIn(store)
            try Show.agenda(try SessionCommand.find(id, in: store, strings: s), store: store, user: user, strings: s)
        }

        /// The agenda: time, household and how far its meeting is.
        static func agenda(_ session: ConferenceSession, store: SQLiteCaseStore, user: Professional, strings s: Strings) throws {
            let outcomes = try SessionCommand.outcomes(session, store: store, user: user)
            let report = Report(headers: [s.t("session.col-time"), s.t("session.col-household"), s.t("session.col-status")],
                                keys: ["time", "household", "status"],
                                rows: outcomes.map { o in
                                    [SessionSlot.clock(o.slot.start) + "–" + SessionSlot.clock(o.slot.start + o.slot.minutes), o.householdName,
                                     o.meetingStatus.map { s.t("session.status.\($0.rawValue)") } ?? s.t("session.status.none")]
                                })
            Out.raw(report.render(.table))
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", abstract: CLIText.t("clihelp.session-open"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.session-id")) var id: Int64
        @Flag(name: .long, help: CLIText.help("clihelp.opt.projector")) var projector = false
        @ParentCommand var root: Tafel

        func run() throws {
            let s = global.strings
            let store = try global.openStore(create: false)
            let user = try global.signedIn(store)
            let session = try SessionCommand.find(id, in: store, strings: s)
            let today = AppClock.current.today
            guard session.date == today else { throw CLIError(s.t("session.not-today", String(session.id), s.date(session.date), s.date(today))) }
            // The households whose meeting is not closed yet, in the planned order; the chair moves
            // on with one key (N), which ends this meeting screen and opens the next.
            var position = 0
            while position < session.slots.count {
                let slot = session.slots[position]
                let outcome = SessionOutcome.of(try store.reload(slot.householdId, for: user), slot: slot, day: session.date)
                if outcome.meetingStatus == .closed { position += 1; continue }
                let next = try TUILauncher.launch(global, projector: projector || root.projector, target: .meeting(String(slot.householdId)),
                                                  store: store, session: TUILauncher.SessionContext(title: session.title.isEmpty ? s.date(session.date) : session.title,
                                                                                                      position: position, count: session.slots.count,
                                                                                                      slotMinutes: slot.minutes))
                guard next else { return }
                position += 1
            }
            Out.line(s.t("session.done", String(session.id)))
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "summary", abstract: CLIText.t("clihelp.session-summary"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.session-id")) var id: Int64
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-minutes")) var format: String = "md"
        @Option(name: [.short, .long], help: CLIText.help("clihelp.opt.output")) var output: String?

        func run() throws {
            let s = global.strings
            guard format == "md" || format == "html" else { throw CLIError(s.t("cli.bad-format", format, "md, html")) }
            let store = try global.openStore(create: false)
            let user = try global.signedIn(store)
            let session = try SessionCommand.find(id, in: store, strings: s)
            let chair = try store.roster().professionals[session.chairId]?.name ?? "?"
            let doc = SessionSummary.document(session, outcomes: try SessionCommand.outcomes(session, store: store, user: user), chair: chair, strings: s)
            let text = format == "html" ? doc.html() : doc.markdown()
            try store.logExport(householdId: nil, what: "session summary \(session.id) (\(format))", by: user)
            if let output {
                if FileManager.default.fileExists(atPath: output) { throw CLIError(s.t("session.exists", output)) }
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                    throw CLIError(s.t("cli.cannot-write", output))
                }
                Out.warn(s.t("cli.written", output))
            } else {
                Out.raw(text)
            }
        }
    }
}
