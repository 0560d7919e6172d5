import Foundation
import TafelCore
import TerminalKit

/// The loop of the app: key → action → pure reduce → effects run → frame drawn → diff flushed.
///
/// Input is read with a short timeout so the timer ticks, typed text autosaves when typing
/// pauses, and other processes' commits are noticed within a second.
public final class AppRuntime {
    public private(set) var state: AppState
    let terminal: Terminal
    let runner: EffectRunner
    let store: any CaseStore
    let clock: any Clock
    let themes: ThemeLibrary
    let monochrome: Bool
    var lastPoll: Date = .distantPast
    var needsRender = true
    var lastSecond: Int64 = 0

    public init(state: AppState, backend: any TerminalBackend, store: any CaseStore, clock: any Clock,
                themes: ThemeLibrary, monochrome: Bool, exportDirectory: String = FileManager.default.currentDirectoryPath) {
        self.state = state
        self.terminal = Terminal(backend: backend)
        self.store = store
        self.clock = clock
        self.themes = themes
        self.monochrome = monochrome
        self.runner = EffectRunner(store: store, clock: clock, exportDirectory: exportDirectory)
        self.state.size = backend.size
        runner.applyTheme = { [unowned self] name in self.applyTheme(name) }
    }

    /// Applies a theme (monochrome when colour is off); false when no such theme exists.
    @discardableResult
    public func applyTheme(_ name: String) -> Bool {
        guard let (theme, _) = themes.load(name) else {
            if state.themeName == name || themes.names.isEmpty { terminal.backend.apply(theme: monochrome ? Theme.fallback.monochrome() : .fallback) }
            return false
        }
        terminal.backend.apply(theme: monochrome ? theme.monochrome() : theme)
        terminal.invalidate()
        return true
    }

    /// The effects to run when the app starts (load the home screen).
    public func start(_ effects: [Effect]) {
        applyTheme(state.themeName)
        for e in effects { dispatch(effects: [e]) }
        render()
    }

    /// Handles one action and runs its effects (and theirs) to completion.
    public func dispatch(_ action: AppAction) {
        let effects = Reducer.reduce(&state, action)
        dispatch(effects: effects)
        if case .tick = action {} else { needsRender = true }
    }

    func dispatch(effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let e = queue.removeFirst()
            // Long work: draw the screen with a "computing…" line first, so the user is not left
            // looking at the previous screen with no sign of life.
            if let m = e.progressMessage {
                _ = Reducer.reduce(&state, .working(m))
                render()
            }
            for a in runner.run(e, state: state) {
                queue += Reducer.reduce(&state, a)
            }
            if e.progressMessage != nil { _ = Reducer.reduce(&state, .working(nil)) }
            needsRender = true
        }
    }

    /// Feeds one input event (as the loop does); Ctrl-L also forces a full redraw.
    public func handle(_ key: KeyEvent) {
        if state.modal == nil, state.meeting?.editing == nil, state.searching == nil,
           state.keymap.command(for: key, in: state.context) == .redraw {
            terminal.invalidate()
        }
        dispatch(.tick(now: Int64(clock.now.timeIntervalSince1970), today: clock.today))
        dispatch(.key(key))
    }

    /// Draws the current state; returns the number of cells sent to the terminal.
    @discardableResult
    public func render() -> Int {
        needsRender = false
        let s = state
        return terminal.draw { AppView.render(s, into: &$0) }
    }

    /// Runs until the user quits or input ends.
    public func run(initial: [Effect]) {
        start(initial)
        while state.running {
            if let event = terminal.backend.nextEvent(timeoutMilliseconds: 200) {
                handle(event)
                // Coalesce a burst (a paste, key repeat) into one frame.
                var n = 0
                while n < 200, let more = terminal.backend.nextEvent(timeoutMilliseconds: 0) {
                    handle(more)
                    n += 1
                }
            } else {
                if let c = terminal.backend as? CursesBackend, c.inputClosed { break }
                idle()
            }
            if needsRender { render() }
        }
    }

    /// Between keys: tick the clock (timer, autosave) and look for other processes' commits.
    func idle() {
        let now = Int64(clock.now.timeIntervalSince1970)
        dispatch(.tick(now: now, today: clock.today))
        if now != lastSecond {
            lastSecond = now
            if state.screen == .meeting { needsRender = true }
        }
        if Date().timeIntervalSince(lastPoll) >= 0.7 {
            lastPoll = Date()
            if (try? store.hasExternalChanges()) == true { dispatch(.externalChange) }
        }
    }
}

extension AppRuntime {
    /// Runs one effect and its results, as if the reducer had asked for it (benchmarks, tests).
    public func dispatchEffect(_ e: Effect) {
        dispatch(effects: [e])
    }
}

extension AppRuntime {
    /// Sets the app running again after a quit (the monkey test keeps typing).
    public func restartForTests() {
        state.running = true
    }
}
