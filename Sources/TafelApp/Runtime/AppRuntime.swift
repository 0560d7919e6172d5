import Foundation
import TafelCore
import TerminalKit

/// The loop of the app: key → pure reduce → effects sent off → frame drawn; results come back
/// later as messages (`.result(id, …)`), the way Bubble Tea's commands report through `Send`.
///
/// The store's work runs off the main thread — reads side by side, writes one after another in
/// the order they were asked — so keys are handled and frames drawn while the audit of a whole
/// city is computed. Only terminal intents (theme, Ctrl-Z) run on the main thread.
public final class AppRuntime {
    public private(set) var state: AppState
    let terminal: Terminal
    let interpreter: EffectInterpreter
    let clock: any Clock
    let themes: ThemeLibrary
    let monochrome: Bool
    let reads = DispatchQueue(label: "tafel.reads", attributes: .concurrent)
    let writes = DispatchQueue(label: "tafel.writes")
    let inbox = Inbox()
    /// Requests sent off and not answered yet (main thread only).
    private(set) var outstanding = 0
    var pollOutstanding = false
    var lastPoll: Date = .distantPast
    var needsRender = true
    var lastSecond: Int64 = 0
    /// How often to look for other processes' commits.
    let pollInterval: TimeInterval

    public init(state: AppState, backend: any TerminalBackend, interpreter: EffectInterpreter, clock: any Clock,
                themes: ThemeLibrary, monochrome: Bool, pollInterval: TimeInterval = 0.5) {
        self.state = state
        self.terminal = Terminal(backend: backend)
        self.interpreter = interpreter
        self.clock = clock
        self.themes = themes
        self.monochrome = monochrome
        self.pollInterval = pollInterval
        self.state.size = backend.size
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

    /// Starts: applies the theme, sends the reducer's first requests, draws the first frame.
    public func start(_ first: [AppAction] = []) {
        applyTheme(state.themeName)
        for a in first { dispatch(a) }
        render()
    }

    /// Handles one message: the reducer changes the state; its effects are sent off.
    public func dispatch(_ action: AppAction) {
        let effects = Reducer.reduce(&state, action)
        if case .tick = action {} else { needsRender = true }
        launch(effects)
    }

    func launch(_ effects: [Effect]) {
        for e in effects {
            if e.isTerminalIntent {
                dispatch(.result(e.id, runOnTerminal(e.intent)))
                continue
            }
            outstanding += 1
            let interpreter = self.interpreter, inbox = self.inbox, id = e.id, intent = e.intent
            (e.isWrite ? writes : reads).async {
                inbox.post(.result(id, interpreter.run(intent)))
            }
        }
    }

    /// The intents that belong to the terminal itself.
    func runOnTerminal(_ intent: Effect.Intent) -> EffectResult {
        switch intent {
        case .setTheme(let name):
            return applyTheme(name) ? .themeApplied(name) : .failed(.unknownTheme(name))
        case .editExternally(let text):
            let edited = (terminal.backend as? CursesBackend)?.pause { ExternalEditor.edit(text) } ?? ExternalEditor.edit(text)
            terminal.invalidate()
            return .externalText(edited)
        case .suspend:
            if let c = terminal.backend as? CursesBackend { c.suspend() }
            terminal.invalidate()
            return .done
        case .crash:
            guard ProcessInfo.processInfo.environment["TAFEL_DEBUG_CRASH"] == "1" else { return .done }
            fatalError("induced crash for testing (TAFEL_DEBUG_CRASH=1)")
        default:
            return .done
        }
    }

    /// True while requests are out (a load or a save not answered yet).
    public var isBusy: Bool { outstanding > 0 }

    /// Feeds the answers that have arrived to the reducer (main thread).
    public func drainInbox() {
        for message in inbox.take() {
            switch message {
            case .result(let id, let r):
                outstanding -= 1
                dispatch(.result(id, r))
            case .externalChanges(let changed):
                pollOutstanding = false
                if changed { dispatch(.externalChange) }
            }
        }
    }

    /// Waits until every request sent so far is answered and handled (tests, benchmarks, and the
    /// end of a session, so no save is cut off).
    public func settle(timeout: TimeInterval = 30) {
        let deadline = Date().addingTimeInterval(timeout)
        drainInbox()
        while outstanding > 0 || pollOutstanding, Date() < deadline {
            inbox.wait(until: deadline)
            drainInbox()
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

    /// Runs until the user quits, input ends or a terminate signal has been handled.
    public func run(initial: [AppAction]) {
        start(initial)
        let curses = terminal.backend as? CursesBackend
        while state.running {
            drainInbox()
            if let sig = curses?.takeSignal() { dispatch(.terminate(signal: sig)) }
            guard state.running else { break }
            // Short waits while answers are due, so they are shown as soon as they arrive.
            let wait = outstanding > 0 ? 10 : 100
            if let event = terminal.backend.nextEvent(timeoutMilliseconds: wait) {
                handle(event)
                // Coalesce a burst (a paste, key repeat) into one frame.
                var n = 0
                while n < 200, state.running, let more = terminal.backend.nextEvent(timeoutMilliseconds: 0) {
                    handle(more)
                    n += 1
                }
            } else {
                if let c = curses, c.inputClosed { break }
                idle()
            }
            drainInbox()
            if needsRender { render() }
        }
        // Writes asked for before the end finish before the program does.
        writes.sync {}
        drainInbox()
    }

    /// Between keys: tick the clock (timer, autosave) and look for other processes' commits.
    func idle() {
        let now = Int64(clock.now.timeIntervalSince1970)
        dispatch(.tick(now: now, today: clock.today))
        if now != lastSecond {
            lastSecond = now
            if state.screen == .meeting { needsRender = true }
        }
        pollIfDue()
    }

    /// Asks the store (off the main thread) whether another process committed something.
    func pollIfDue() {
        let moment = clock.now
        guard !pollOutstanding, moment.timeIntervalSince(lastPoll) >= pollInterval else { return }
        lastPoll = moment
        pollOutstanding = true
        let interpreter = self.interpreter, inbox = self.inbox
        reads.async {
            if case .changes(let changed) = interpreter.run(.pollChanges) { inbox.post(.externalChanges(changed)) } else { inbox.post(.externalChanges(false)) }
        }
    }
}

extension AppRuntime {
    /// Looks for other processes' commits now and handles what it finds (tests).
    public func pollNow() {
        lastPoll = .distantPast
        pollIfDue()
        settle()
    }

    /// Sets the app running again after a quit (the monkey test keeps typing).
    public func restartForTests() {
        state.running = true
    }
}

/// Answers waiting for the main thread: filled by the worker queues, emptied by the loop.
final class Inbox: @unchecked Sendable {
    enum Message {
        case result(RequestID, EffectResult)
        case externalChanges(Bool)
    }

    private var messages: [Message] = []
    private let condition = NSCondition()

    func post(_ m: Message) {
        condition.lock()
        messages.append(m)
        condition.signal()
        condition.unlock()
    }

    func take() -> [Message] {
        condition.lock()
        defer { condition.unlock() }
        let out = messages
        messages.removeAll()
        return out
    }

    func wait(until deadline: Date) {
        condition.lock()
        if messages.isEmpty { _ = condition.wait(until: deadline) }
        condition.unlock()
    }
}
