import Foundation
import TafelApp
import TafelCore
import TafelStore
import TerminalKit

/// Starts the terminal app: checks the terminal first (so a failure writes no escape bytes),
/// opens the store, signs the user in, and restores the terminal on every way out.
enum TUILauncher {
    enum Target {
        case home
        case household(String)
        /// `another`: a second meeting today even when one was closed today (asked for explicitly).
        case meeting(String, another: Bool = false)
    }

    /// Where a meeting stands in a conference session (`tafel session open`).
    struct SessionContext {
        var title: String
        var position: Int
        var count: Int
        var slotMinutes: Int
    }

    /// Runs the app until the user leaves. Returns true when, in a session, the chair asked for
    /// the next household (N).
    @discardableResult
    static func launch(_ g: GlobalOptions, projector: Bool, target: Target, store existing: SQLiteCaseStore? = nil, loginOverride: String? = nil,
                       session sessionContext: SessionContext? = nil, create: Bool = false) throws -> Bool {
        if let e = CursesBackend.preflight() { throw CLIError(e.message(english: g.language == .en), code: 2) }
        // A new, empty database only at the default place (the first start) or when asked for with
        // --create: a mistyped --db is said, not silently made into an empty database.
        var mayCreate = create || !g.databaseWasNamed
        if case .home = target {} else { mayCreate = false }
        let store = try existing ?? g.openStore(create: mayCreate, screen: true)
        var user = try g.signedIn(store)
        if let l = loginOverride, let p = try store.professional(login: l) { user = p }
        let strings = g.strings
        let clock = AppClock.current
        var targetId: Int64? = nil
        switch target {
        case .household(let t), .meeting(let t, _): targetId = try resolveHousehold(t, in: store, for: user, strings: strings)
        case .home: break
        }
        let themes = ThemeLibrary()
        let noColor = g.noColor || (g.environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
        // --projector means the wall: the mask on and, unless a theme was asked for, high contrast.
        var themeName = g.theme ?? (projector ? "projector" : nil) ?? g.settings.theme ?? "default"
        if noColor { themeName = "mono" }
        if !themes.names.isEmpty && !themes.names.contains(themeName) {
            throw CLIError(strings.t("cli.unknown-theme", themeName, themes.names.joined(separator: ", ")))
        }
        let empty = try store.isEmpty()
        // Keymap problems are said before curses owns the screen (and again on it).
        let (keymap, keyProblems) = KeymapLoader.load(environment: g.environment)
        for p in keyProblems { Out.warn(p.text(strings)) }
        // So are the chosen theme's (a bad line is skipped; the rest of the theme still applies).
        let themeProblems = (themes.load(themeName)?.problems ?? []).map { ThemeLibrary.text($0, strings: strings) }
        for p in themeProblems { Out.warn(p) }
        let backend: CursesBackend
        do { backend = try CursesBackend() } catch let e as TerminalStartError { throw CLIError(e.message(english: g.language == .en), code: 2) }
        // Every way out restores the terminal (a thrown error included; shutting down twice is harmless).
        defer { backend.shutdown() }
        var state = AppState(user: user, roster: try store.roster(), domainOrder: try store.domainOrder(),
                             databaseName: (store.path as NSString).lastPathComponent, keymap: keymap,
                             strings: strings, signalConfig: g.signalConfig(), themeNames: themes.names.isEmpty ? ["default"] : themes.names,
                             themeName: themeName, today: clock.today, now: Int64(clock.now.timeIntervalSince1970), size: backend.size,
                             screen: empty ? .welcome : .caseload, privacyMask: projector)
        state.isEmptyDatabase = empty
        state.services = try store.services()
        // The orders chosen last time (unknown values: the lists' own order).
        state.households.sort = ListSort(setting: g.settings.sortHouseholds, keys: SortColumns.households)
        state.audit.sort = ListSort(setting: g.settings.sortAudit, keys: SortColumns.audit)
        state.caseload.sort = ListSort(setting: g.settings.sortCaseload, keys: SortColumns.caseload)
        state.session = sessionContext.map { SessionBanner(title: $0.title, position: $0.position, count: $0.count, slotMinutes: $0.slotMinutes) }
        let problems = keyProblems.map { $0.text(strings) } + themeProblems
        if !problems.isEmpty {
            state.modal = .notice(title: keyProblems.isEmpty ? "theme.problems-title" : "keys.problems-title",
                                  lines: problems.prefix(8).map { Message("common.text", .text($0)) })
        }
        // A theme or language chosen on screen is kept where `tafel config set` writes.
        let settingsPath = g.config ?? ConfigFile.userPath(g.environment)
        var session = EffectInterpreter.Session(user: user, signalConfig: state.signalConfig, strings: strings, domainOrder: state.domainOrder,
                                                exportDirectory: g.settings.exportFolder ?? FileManager.default.currentDirectoryPath,
                                                drafts: DraftStore(directory: DraftStore.directory(for: store.location, environment: g.environment)),
                                                saveSetting: { key, value in
                                                    try ConfigFile.set(key, to: value, in: settingsPath)
                                                    return settingsPath
                                                })
        session.services = state.services
        let runtime = AppRuntime(state: state, backend: backend, interpreter: EffectInterpreter(store: store, clock: clock, session: session),
                                 clock: clock, themes: themes, monochrome: noColor)
        var initial: [AppAction] = empty ? [] : [.command(.screenCaseload)]
        switch target {
        case .home: break
        case .household: initial.append(.openHousehold(targetId!, reason: nil, then: .show))
        case .meeting(_, let another): initial.append(.openHousehold(targetId!, reason: nil, then: .meeting(anotherToday: another)))
        }
        try store.startWatching()
        runtime.run(initial: initial)
        let status = runtime.state.exitStatus
        backend.shutdown()
        if status != 0 { Foundation.exit(status) }
        return runtime.state.advanceSession
    }
}

/// The keymap: the defaults, then the user's `$XDG_CONFIG_HOME/tafel/keys`.
enum KeymapLoader {
    static func load(environment: [String: String]) -> (Keymap, [Keymap.Problem]) {
        var k = Keymap.defaults
        let home = environment["HOME"] ?? NSHomeDirectory()
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.config"
        let path = "\(base)/tafel/keys"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (k, []) }
        let problems = k.load(text, path: path)
        return (k, problems)
    }
}
