import ArgumentParser
import Foundation
import TafelCore
import TafelStore
import TerminalKit
import TextSafety

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the demo database (14 households) and open it as the demo chair.")
    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("no-open"), help: "Only create the database; do not open the app.")
    var noOpen = false
    @Flag(name: .long, help: "Recreate the demo even if the file already holds data.")
    var reset = false
    @Flag(name: .long, help: "Start with the privacy mask on.")
    var projector = false

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
                                 actor: "demo", summary: "demo database")
            try store.setDemoLogin(DemoRoster.chairLogin)
            if noOpen { Console.out(s.t("demo.created", path)) } else { Console.warn(s.t("demo.created", path)) }
        } else if noOpen {
            Console.out(s.t("demo.exists", path))
        }
        guard !noOpen else { return }
        // The demo opens as its chair, unless a user on the demo's roster was asked for.
        var login = try store.demoLogin() ?? DemoRoster.chairLogin
        if let asked = g.user ?? g.environment["TAFEL_USER"], try store.professional(login: asked) != nil { login = asked }
        try TUILauncher.launch(g, projector: projector, target: .home, store: store, loginOverride: login)
    }
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the app on one household (by id or part of its name).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Household id or an unambiguous part of its name.") var household: String
    func run() throws { try TUILauncher.launch(global, projector: false, target: .household(household)) }
}

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting", abstract: "Start or resume today's meeting for a household.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Household id or an unambiguous part of its name.") var household: String
    @Flag(name: .long, help: "Start with the privacy mask on (for a projector).") var projector = false
    func run() throws { try TUILauncher.launch(global, projector: projector, target: .meeting(household)) }
}

