import ArgumentParser
import Foundation
import TafelCore
import TafelStore
import TextSafety

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: CLIText.t("clihelp.export"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.only-household")) var household: String?
    @Option(name: .long, help: CLIText.help("clihelp.opt.reason")) var reason: String?
    @Option(name: [.short, .long], help: CLIText.help("clihelp.opt.export-output")) var output: String?

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false)
        let (actor, pro) = try global.actor(store)
        var hid: Int64? = nil
        if let household {
            // A single household is read with the access rules of the signed-in user.
            let user = try pro ?? global.signedIn(store)
            let id = try resolveHousehold(household, in: store, for: user, strings: s)
            _ = try store.caseFile(id, for: user, reason: reason)
            hid = id
        } else if let pro, pro.role != .beheerder && pro.role != .teamleider {
            throw CLIError(s.render(CaseStoreError.notAllowed("vocab.role.beheerder").message))
        }
        // The bar only when the JSON does not go to the same terminal.
        let bar = global.progress("progress.export")
        let report: ((Int, Int) -> Void)? = output != nil || isatty(STDOUT_FILENO) == 0 ? { bar.update($0, of: $1) } : nil
        defer { bar.finish() }
        guard let output else {
            // To standard output: a failure half-way ends with an error line and exit 1, so a
            // script never mistakes a cut-off export for a backup.
            try store.export(actor: actor, householdId: hid, progress: report) { Out.raw(String(decoding: $0, as: UTF8.self)) }
            Out.flush()
            return
        }
        // To a file: written next to it under a temporary name (mode 600) and renamed only when
        // whole, so an existing backup is never replaced by a broken one.
        let temporary = output + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: temporary) else { throw CLIError(s.t("cli.cannot-write", output)) }
        do {
            try store.export(actor: actor, householdId: hid, progress: report) { try handle.write(contentsOf: $0) }
            try handle.close()
            if rename(temporary, output) != 0 { throw CLIError(s.t("cli.cannot-write", output)) }
        } catch {
            try? handle.close()
            unlink(temporary)
            throw error
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: CLIText.t("clihelp.import"))
    @OptionGroup var global: GlobalOptions
    @Argument(help: CLIText.help("clihelp.opt.import-file")) var file: String
    @Flag(name: .long, help: CLIText.help("clihelp.opt.merge")) var merge = false
    @Option(name: .long, help: CLIText.help("clihelp.opt.max-field")) var maxField: Int = 20_000
    @Option(name: .long, help: CLIText.help("clihelp.opt.max-size")) var maxSize: Int = 1024

    func run() throws {
        let s = global.strings
        // The size first, from the file system: a huge file is refused before it is read.
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > maxSize * 1_048_576 {
            throw CLIError(s.t("import.file-too-large", String(size / 1_048_576), String(maxSize)))
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue,
              FileManager.default.isReadableFile(atPath: file) else { throw CLIError(s.t("cli.cannot-read", file)) }
        // The file's outline and its small parts first (settings, roster, kaart: checked before the
        // database is touched); the households are then read, checked and written one by one in one
        // transaction, so memory stays at one batch whatever the file's size (all or nothing still).
        let reader: TransferReader
        do { reader = try TransferReader(path: file, maxField: maxField) } catch is CocoaError { throw CLIError(s.t("cli.cannot-read", file)) }
        let store = try global.openStore()
        let (actor, pro) = try global.actor(store)
        if let pro, pro.role != .beheerder { throw CLIError(s.render(CaseStoreError.notAllowed("vocab.role.beheerder").message)) }
        let bar = global.progress("progress.import")
        do {
            try store.importFile(reader, merge: merge, actor: actor, summary: "imported \((file as NSString).lastPathComponent)") { bar.update($0, of: $1) }
        } catch is CocoaError {
            // The file shrank or went away while it was read (nothing was written: one transaction).
            bar.finish()
            throw CLIError(s.t("cli.cannot-read", file))
        }
        bar.finish()
        Out.line(s.t("cli.imported", String(reader.count), String(reader.header.professionals.count)))
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: CLIText.t("clihelp.generate"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.households")) var households: Int = 1000
    @Option(name: .long, help: CLIText.help("clihelp.opt.seed")) var seed: UInt64 = 1
    @Option(name: .long, help: CLIText.help("clihelp.opt.today")) var today: String?

    func run() throws {
        let s = global.strings
        guard households > 0, households <= 1_000_000 else { throw CLIError(s.t("cli.bad-count", String(households))) }
        let day = try today.map { guard let d = Day(iso: $0) else { throw CLIError(s.render(DueDateParser.Invalid(input: $0).message)) }; return d } ?? AppClock.current.today
        let store = try global.openStore()
        guard try store.isEmpty() else { throw CLIError(s.t("cli.generate-not-empty", store.path)) }
        let m = SyntheticMunicipality(households: households, seed: seed, today: day)
        let staff = m.teamProfessionals
        let partners = m.partnerProfessionals
        var ids = IdSequences()
        let started = Date()
        let batch = 500
        let bar = global.progress("progress.generate")
        var done = 0
        var first = true
        while done < households {
            let n = min(batch, households - done)
            let files = (done..<(done + n)).map { m.household($0, ids: &ids, teamStaff: staff, partners: partners) }
            try store.bulkInsert(organisations: first ? m.organisations : [], professionals: first ? m.professionals : [], households: files,
                                 actor: "generate", summary: "generated (seed \(seed))")
            first = false
            done += n
            bar.update(done, of: households)
        }
        bar.finish()
        if let lead = m.professionals.first(where: { $0.role == TafelRole.teamleider }) { try store.setDemoLogin(lead.login) }
        try store.checkpoint()
        Out.line(s.t("cli.generated", String(households), store.path, String(format: "%.1f", Date().timeIntervalSince(started))))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: CLIText.t("clihelp.check"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.anchor")) var anchor: String?

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false)
        let bar = global.progress("progress.check")
        let r = try store.check { bar.update($0, of: $1) }
        bar.finish()
        Out.line(s.t("check.integrity", r.integrity == ["ok"] ? "ok" : r.integrity.prefix(3).joined(separator: "; ")))
        Out.line(s.t("check.foreign-keys", r.foreignKeys.isEmpty ? "ok" : r.foreignKeys.prefix(3).joined(separator: "; ")))
        if let b = r.brokenEvent {
            Out.line(s.t("check.chain-broken", String(b.id), s.render(b.reason)))
        } else {
            Out.line(s.t("check.chain-ok", String(r.events)))
        }
        if r.dataProblems.isEmpty {
            Out.line(s.t("check.data-ok", String(r.fingerprinted)))
        } else {
            Out.line(s.t("check.data-problems", String(r.dataProblems.count)))
            for p in r.dataProblems.prefix(20) { Out.line("  - " + s.render(p)) }
            if r.dataProblems.count > 20 { Out.line("  " + s.t("check.more", String(r.dataProblems.count - 20))) }
        }
        var anchorOK = true
        if let anchor { anchorOK = try ChainAnchor.compare(path: anchor, head: r.head, chainOK: r.ok, store: store, strings: s) }
        if !r.ok || !anchorOK { throw CLIError(s.t("check.failed"), code: 1) }
    }
}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: CLIText.t("clihelp.log"))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: CLIText.help("clihelp.opt.log-household")) var household: String?
    @Option(name: .long, help: CLIText.help("clihelp.opt.limit")) var limit: Int = 100
    @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table

    func run() throws {
        let s = global.strings
        let store = try global.openStore(create: false)
        let user = try global.signedIn(store)
        guard limit >= 1 else { throw CLIError(s.t("log.limit-invalid", String(limit))) }
        let hid = try household.map { try resolveHousehold($0, in: store, for: user, strings: s) }
        let events = try store.accessLog(for: user, householdId: hid, limit: limit)
        if format == .json { Out.raw(JSONOutput.encode(events)); return }
        let report = Report(headers: [s.t("cli.col-id"), s.t("log.col-when"), s.t("log.col-who"), s.t("log.col-household"), s.t("log.col-what"),
                                      s.t("log.col-summary"), s.t("log.col-reason")],
                            keys: ["id", "at", "actor", "household", "kind", "summary", "reason"],
                            rows: events.map { [String($0.id), format == .table ? s.dateTime(iso: $0.at) : $0.at, $0.actor, $0.householdId.map(String.init) ?? "—", s.t("log.kind.\($0.kind.rawValue)"),
                                                           EventSummaryText.localized($0.summary, strings: s), $0.reason ?? ""] })
        Out.raw(report.render(format))
    }
}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: CLIText.t("clihelp.user"), subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.t("clihelp.user-add"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CLIText.help("clihelp.opt.login")) var login: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.name")) var name: String
        @Option(name: .long, help: CLIText.help("clihelp.opt.role")) var role: String = "medewerker"
        @Option(name: .long, help: CLIText.help("clihelp.opt.organisation")) var organisation: String?
        @Option(name: .long, help: CLIText.help("clihelp.opt.organisation-kind")) var kind: String = "wijkteam"
        @Option(name: .long, help: CLIText.help("clihelp.opt.team")) var team: String = ""
        @Option(name: .long, help: CLIText.help("clihelp.opt.discipline")) var discipline: String = ""
        @Option(name: .long, help: CLIText.help("clihelp.opt.leads")) var leads: [String] = []

        func run() throws {
            let s = global.strings
            guard let r = TafelRole(rawValue: role) else { throw CLIError(s.t("cli.bad-role", role)) }
            let store = try global.openStore()
            let empty = try store.professionals().isEmpty
            if !empty {
                let me = try global.signedIn(store)
                guard me.role == .beheerder else { throw CLIError(s.render(CaseStoreError.notAllowed("vocab.role.beheerder").message)) }
            }
            let p = Professional(id: 0, name: name, organisationId: nil, discipline: discipline.isEmpty ? r.rawValue : discipline, role: r,
                                 login: login, team: team, leads: leads.map(\.trimmed).filter { !$0.isEmpty })
            if p.leads != nil && r != .teamleider { throw CLIError(s.t("cli.leads-teamleider")) }
            let saved = try store.saveProfessional(p, organisation: organisation.map { Organisation(id: 0, name: $0, kind: kind) },
                                                   actor: empty ? "os:\(global.login)" : global.login)
            Out.line(s.t("cli.user-saved", saved.login, s.label(saved.role)))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: CLIText.t("clihelp.user-list"))
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: CLIText.help("clihelp.opt.format-list")) var format: ListFormat = .table
        func run() throws {
            let s = global.strings
            let store = try global.openStore(create: false)
            let roster = try store.roster()
            let list = try store.professionals()
            if format == .json { Out.raw(JSONOutput.encode(list)); return }
            let report = Report(headers: [s.t("field.login"), s.t("field.name"), s.t("field.role"), s.t("field.organisationId"), s.t("field.team"),
                                          s.t("field.leads")],
                                keys: ["login", "name", "role", "organisation", "team", "leads"],
                                rows: list.map { [$0.login, $0.name, s.label($0.role), $0.organisationId.flatMap { roster.organisations[$0]?.name } ?? "—", $0.team,
                                                  ($0.leads ?? []).joined(separator: ", ")] })
            Out.raw(report.render(format))
        }
    }
}
