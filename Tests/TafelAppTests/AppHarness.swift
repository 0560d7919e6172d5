import Foundation
import TafelApp
import TafelCore
import TafelStore
import TerminalKit
import TestSupport

/// The real app — reducer, views, effect runner and a real SQLite store — on a memory
/// terminal, with a fixed clock so screens are reproducible.
final class AppHarness {
    let dir = TemporaryDirectory("tafel-app")
    let store: SQLiteCaseStore
    let backend: MemoryBackend
    let runtime: AppRuntime
    static let today = Fixture.today

    /// The database file (shared by a second harness or connection in the two-user tests).
    let path: String

    /// - Parameters:
    ///   - sharing: another harness whose database this one opens too (a second user at the table).
    ///   - busyTimeout: how long a save waits for another process's lock.
    init(login: String = "fatima", size: Size = Size(width: 100, height: 30), language: Language = .nl, theme: String = "default",
         mask: Bool = false, empty: Bool = false, sharing other: AppHarness? = nil, busyTimeout: TimeInterval = 3) throws {
        let clock = FixedClock(AppHarness.today)
        path = other?.path ?? dir.file("app.sqlite")
        store = try SQLiteCaseStore(path: path, clock: clock, busyTimeout: busyTimeout)
        if !empty && other == nil {
            let demo = DemoScenario.build(today: AppHarness.today)
            try store.bulkInsert(organisations: demo.organisations, professionals: demo.professionals, households: demo.households,
                                 actor: "test", summary: "demo")
        }
        let user = try store.professional(login: login) ?? Professional(id: 0, name: "Beheer", organisationId: nil, discipline: "", role: .beheerder, login: login)
        backend = MemoryBackend(size: size)
        let themes = ThemeLibrary()
        var state = AppState(user: user, roster: try store.roster(), domainOrder: try store.domainOrder(), databaseName: "app.sqlite",
                             keymap: Keymap.defaults, strings: Strings(language), themeNames: themes.names, themeName: theme,
                             today: AppHarness.today, now: Int64(clock.now.timeIntervalSince1970), size: size,
                             screen: empty ? .welcome : .caseload, privacyMask: mask)
        state.isEmptyDatabase = empty
        let session = EffectInterpreter.Session(user: user, signalConfig: SignalConfig(), strings: Strings(language),
                                                domainOrder: state.domainOrder, exportDirectory: dir.path,
                                                drafts: DraftStore(directory: dir.file("drafts")))
        runtime = AppRuntime(state: state, backend: backend, interpreter: EffectInterpreter(store: store, clock: clock, session: session),
                             clock: clock, themes: themes, monochrome: false)
        try store.startWatching()
        runtime.start(empty ? [] : [.command(.screenCaseload)])
        runtime.settle()
        runtime.render()
    }

    var state: AppState { runtime.state }

    /// Sends keys (names as in keymap files, or single characters) and redraws.
    @discardableResult
    func press(_ keys: String...) -> AppHarness {
        for k in keys { send(KeyEvent(name: k) ?? .char(Character(k))) }
        return self
    }

    /// Sends one key as the loop does: handled and drawn at once, then drawn again when every
    /// answer it asked for has come back.
    func send(_ key: KeyEvent) {
        if case .resize(let s) = key { backend.resize(to: s) }
        runtime.handle(key)
        runtime.render()
        runtime.settle()
        runtime.render()
    }

    /// Types text character by character.
    @discardableResult
    func type(_ text: String) -> AppHarness {
        for c in text { send(.char(c)) }
        return self
    }

    /// The tick that saves typed text after a pause.
    func idle(seconds: Int64 = 2) {
        runtime.dispatch(.tick(now: state.now + seconds, today: state.today))
        runtime.settle()
        runtime.render()
    }

    var lines: [String] { backend.screen.lines }
    var text: String { lines.joined(separator: "\n") }

    func contains(_ s: String) -> Bool { text.contains(s) }

    func household(_ name: String) throws -> Int64 { try store.findHouseholds(name).first!.id }

    /// Opens a household (by selecting it in the households list).
    func openHousehold(_ name: String) throws {
        press("2")
        guard let i = state.households.visible.firstIndex(where: { $0.name.contains(name) }) else { return }
        for _ in 0..<i { press("j") }
        press("Enter")
    }

    /// Starts (or resumes) today's meeting for a household.
    func startMeeting(_ name: String) throws {
        try openHousehold(name)
        press("m")
    }
}
