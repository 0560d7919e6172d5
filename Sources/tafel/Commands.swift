import ArgumentParser
import Foundation
import TafelCore
import TafelStore
import TerminalKit
import TextSafety

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: CLIText.t("clihelp.demo"))
    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("no-open"), help: CLIText.help("clihelp.opt.no-open"))
    var noOpen = false
    @Flag(name: .long, help: CLIText.help("clihelp.opt.force"))
    var reset = false
    @Flag(name: .long, help: CLIText.help("clihelp.opt.projector"))
    var projector = false
    @ParentCommand var root: Tafel

    func run() throws {
        let s = global.strings
        var g = global
        if g.db == nil {
            let dir = NSTemporaryDirectory()
            g.db = (dir as NSString).appendingPathComponent("tafel-demo-\(UUID().uuidString.prefix(8)).sqlite")
        }
        let path = g.databasePath
        if reset, FileManager.default.fileExists(atPath: path) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        // Check the terminal before creating anything, so `tafel demo </dev/null` fails cleanly.
        if !noOpen, let e = CursesBackend.preflight() { throw CLIError(e.message(english: g.language == .en), code: 2) }
        let store = try g.openStore()
        if try store.isEmpty() {
            let today = AppClock.current.today
            let demo = DemoScenario.build(today: today)
            try store.bulkInsert(organisations: demo.organisations, professionals: demo.professionals, households: demo.households,
                                 services: demo.services, actor: "demo", summary: "demo database")
            try store.setDemoLogin(DemoRoster.chairLogin)
            if noOpen { Out.line(s.t("demo.created", path)) } else { Out.warn(s.t("demo.created", path)) }
        } else if noOpen {
            Out.line(s.t("demo.exists", path))
        }
        guard !noOpen else { return }
        // The demo opens as its chair, unless a user on the demo's roster was asked for.
        var login = try store.demoLogin() ?? DemoRoster.chairLogin
        if let asked = g.user ?? g.environment["TAFEL_USER"], try store.professional(login: asked) != nil { login = asked }
        try TUILauncher.launch(g, projector: projector || root.projector, target: .home, store: store, loginOverride: login)
    }
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: CLIText.t("clihelp.open"))
    @OptionGroup var global: GlobalOptions
    @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
    @Flag(name: .long, help: CLIText.help("clihelp.opt.projector")) var projector = false
    @ParentCommand var root: Tafel
    func run() throws { try TUILauncher.launch(global, projector: projector || root.projector, target: .household(household)) }
}

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting", abstract: CLIText.t("clihelp.meeting"))
    @OptionGroup var global: GlobalOptions
    @Argument(help: CLIText.help("clihelp.opt.household"), completion: Completion.households) var household: String
    @Flag(name: .long, help: CLIText.help("clihelp.opt.projector")) var projector = false
    /// Without it, a meeting closed today opens as its minutes: a second one is never started by accident.
    @Flag(name: .long, help: CLIText.help("clihelp.opt.another")) var another = false
    /// `tafel`'s own `--projector` claims the flag wherever it stands on the line, so the value
    /// is read from there too (`tafel meeting X --projector`).
    @ParentCommand var root: Tafel
    func run() throws { try TUILauncher.launch(global, projector: projector || root.projector, target: .meeting(household, another: another)) }
}

