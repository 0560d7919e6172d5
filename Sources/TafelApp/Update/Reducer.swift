import Foundation
import TafelCore
import TerminalKit

/// The pure heart of the app: state + action → new state + effects. No I/O here; the
/// runtime runs the effects and feeds their answers back as `.result` actions (the Elm
/// architecture). Every answer is matched to its request by id (`ResultReducer`).
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: AppAction) -> [Effect] {
        let effects = reduceOne(&state, action)
        // Keys typed ahead go as soon as nothing holds them, whatever let go (an answer, a list
        // that arrived, a tick): waiting for the next key stranded a click when no key came.
        if case .key = action { return effects }
        return state.keysHeld || state.typeAhead.isEmpty ? effects : effects + replayTypeAhead(&state)
    }

    static func reduceOne(_ state: inout AppState, _ action: AppAction) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(&state, key)
        case .command(let command):
            return self.command(&state, command)
        case .tick(let now, let today):
            state.now = now
            state.today = today
            return MeetingEditor.autosaveIfIdle(&state)
        case .result(let id, let result):
            return ResultReducer.reduce(&state, id, result)
        case .externalChange:
            return reloadCurrent(&state)
        case .terminate(let signal):
            state.exitStatus = 128 + signal
            return QuitFlow.quit(&state, confirmed: false)
        case .resumed:
            return []
        case .openHousehold(let id, let reason, let then):
            return [state.open(id, reason: reason, then: then)]
        case .caseloadLoaded(let caseload):
            state.caseload.data = caseload
            clampCaseload(&state)
            return []
        case .householdsLoaded(let items):
            state.households.items = items
            state.households.loaded = true
            state.households.scroll.clamp(count: state.households.visible.count, height: Layouts.householdsListHeight(state.size))
            return []
        case .auditLoaded(let rows):
            state.audit.rows = rows
            state.audit.loaded = true
            state.audit.scroll.clamp(count: state.audit.visible.count, height: Layouts.auditListHeight(state.size))
            return evidenceIfNeeded(&state)
        case .evidenceLoaded(let id, let findings):
            state.audit.selectedFindings = (id, findings)
            return []
        case .householdOpened(let file):
            state.household = HouseholdViewState(file: file, findings: findings(state, file),
                                                 reach: ReachPanel.compute(file, today: state.today, domainOrder: state.domainOrder))
            go(&state, .household)
            return []
        case .meetingOpened(let file, let meetingId):
            var room = MeetingState(file: file, meetingId: meetingId)
            if let old = state.meeting, old.meetingId == meetingId {
                room.step = old.step
                room.texts = old.texts
            }
            state.meeting = room
            go(&state, .meeting)
            MeetingReducer.clamp(&state)
            guard file.meetings.contains(where: { $0.id == meetingId && $0.status == .open }) else {
                MeetingReducer.preview(&state)
                return []
            }
            return [state.request(.loadDrafts(householdId: file.id), for: .draft)]
        }
    }

    // MARK: Keys

    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        if case .resize(let size) = key {
            state.size = size
            clampAll(&state)
            return []
        }
        // Keys still queued although nothing holds them any more (what held them went away without
        // an answer that replays them) go first: otherwise every new key would queue behind them.
        if !state.keysHeld, !state.typeAhead.isEmpty {
            return replayTypeAhead(&state) + handleKey(&state, key)
        }
        if state.tooSmall {
            if let command = state.keymap.command(for: key, in: .global), command == .quit || command == .interrupt {
                return self.command(&state, command)
            }
            return []
        }
        if state.screen == .meeting, state.meeting?.editing != nil, state.modal == nil { return MeetingEditor.key(&state, key) }
        // Type-ahead: a key that depends on an answer still out waits for it (never lost, never
        // acting on the screen as it was before). Esc, q, Ctrl-C and Ctrl-Z act at once.
        if state.keysHeld || !state.typeAhead.isEmpty, !actsAtOnce(state, key) {
            // A held-down key repeats; more than a screenful of keys waiting is not typing ahead.
            if state.typeAhead.count < 64 { state.typeAhead.append(key) }
            return []
        }
        if state.modal != nil { return ModalReducer.key(&state, key) }
        if state.searching != nil { return searchKey(&state, key) }
        if case .mouse(let mouse) = key { return MouseReducer.mouse(&state, mouse) }
        if case .paste = key { return [] }
        // A status message stays until the next key.
        state.status = nil
        guard let command = state.keymap.command(for: key, in: state.context) else { return [] }
        return self.command(&state, command)
    }

    /// Keys that are never held back by type-ahead: leaving, cancelling, suspending.
    static func actsAtOnce(_ state: AppState, _ key: KeyEvent) -> Bool {
        if case .resize = key { return true }
        if let command = state.keymap.command(for: key, in: .always), command == .interrupt || command == .suspend { return true }
        if state.modal != nil || state.searching != nil { return false }
        let command = state.keymap.command(for: key, in: state.context)
        return command == .back || command == .quit
    }

    /// Replays held keys once nothing holds them any more; stops when one of them sends a new
    /// request that holds the rest.
    static func replayTypeAhead(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        while !state.typeAhead.isEmpty, !state.keysHeld {
            let key = state.typeAhead.removeFirst()
            let pending = state.typeAhead
            state.typeAhead = []
            effects += handleKey(&state, key)
            state.typeAhead += pending
        }
        return effects
    }

    // MARK: Commands

    public static func command(_ state: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .quit, .interrupt:
            return QuitFlow.quit(&state, confirmed: false)
        case .sessionNext:
            // Only inside a session; typed text is saved first, as on any way out.
            guard let banner = state.session else {
                state.status = StatusMessage(Message("session.not-in-session"))
                return []
            }
            state.advanceSession = !banner.isLast
            return QuitFlow.quit(&state, confirmed: false)
        case .suspend:
            return MeetingEditor.flush(&state) + [state.request(.suspend, for: .terminal)]
        case .intake:
            state.modal = .form(Forms.intake(state))
            return MeetingEditor.finishEditing(&state)
        case .undo:
            guard let entry = state.undoStack.popLast() else {
                state.status = StatusMessage(Message("undo.nothing"))
                return []
            }
            state.status = StatusMessage(Message("status.saving"))
            return [state.perform(.undo(entry.changes), on: entry.householdId, as: .undo(entry))]
        case .help:
            state.modal = .help(scroll: 0)
            return []
        case .palette:
            var palette = PaletteState()
            palette.matches = ModalReducer.paletteMatches(state, "")
            state.modal = .palette(palette)
            return []
        case .search:
            guard [.caseload, .households, .audit].contains(state.screen) else { return [] }
            state.searching = TextInput(currentFilter(state), maxLength: 60)
            return []
        case .redraw:
            return []
        case .back:
            return back(&state)
        case .screenCaseload:
            go(&state, .caseload, replace: true)
            return [state.load(.caseload)]
        case .screenHouseholds:
            go(&state, .households, replace: true)
            return [state.load(.households)]
        case .screenAudit:
            guard state.mayAudit else {
                state.status = StatusMessage(Message("audit.not-allowed"), .error)
                return []
            }
            go(&state, .audit, replace: true)
            return [state.load(.audit)]
        case .cycleTheme:
            guard let i = state.themeNames.firstIndex(of: state.themeName) else {
                return state.themeNames.first.map { [state.request(.setTheme($0), for: .terminal)] } ?? []
            }
            return [state.request(.setTheme(state.themeNames[(i + 1) % state.themeNames.count]), for: .terminal)]
        case .switchLanguage:
            // The screen changes at once; the choice is saved, and exports follow from the next one.
            let next: Language = state.strings.language == .nl ? .en : .nl
            state.strings = Strings(next, reference: state.strings.reference)
            state.status = StatusMessage(Message("settings.lang-changed", .key("settings.lang-\(next.rawValue)")))
            return [state.request(.saveSetting(key: "lang", value: next.rawValue), for: .setting)]
        case .privacyMask:
            state.privacyMask.toggle()
            state.status = StatusMessage(Message(state.privacyMask ? "mask.on" : "mask.off"))
            return []
        case .debugCrash:
            return [state.request(.crash, for: .terminal)]
        default:
            switch state.screen {
            case .caseload, .households, .audit, .welcome: return ListReducer.command(&state, command)
            case .household: return HouseholdReducer.command(&state, command)
            case .meeting: return MeetingReducer.command(&state, command)
            }
        }
    }

    // MARK: Navigation

    static func go(_ state: inout AppState, _ screen: ScreenKind, replace: Bool = false) {
        guard state.screen != screen else { return }
        if replace {
            state.history = []
        } else if state.screen != .welcome {
            state.history.append(state.screen)
        }
        state.screen = screen
        state.searching = nil
        // A household the user asked to open before moving on is no longer wanted.
        if screen != .household && screen != .meeting { state.requests.awaitedOpen = nil }
    }

    static func back(_ state: inout AppState) -> [Effect] {
        if state.screen == .audit, state.requests.isLoading(.audit) {
            // Esc while the audit is computed: drop the answer when it comes.
            state.requests.latestLoad[.audit] = nil
            state.working = nil
            state.status = StatusMessage(Message("status.cancelled"))
            return []
        }
        if state.screen == .meeting, var room = state.meeting, room.showMinutes {
            room.showMinutes = false
            state.meeting = room
            return []
        }
        if state.screen == .audit && state.audit.evidence {
            state.audit.evidence = false
            return []
        }
        let effects = state.screen == .meeting ? MeetingEditor.finishEditing(&state) + MeetingEditor.flushSteps(&state) : []
        guard let previous = state.history.popLast() else { return effects }
        state.screen = previous
        state.requests.awaitedOpen = nil
        return effects + reloadCurrent(&state)
    }

    /// Reloads what the current screen shows (after a save elsewhere or an outside change).
    static func reloadCurrent(_ state: inout AppState) -> [Effect] {
        switch state.screen {
        case .welcome: return []
        case .caseload: return [state.load(.caseload)]
        case .households: return [state.load(.households)]
        case .audit: return [state.load(.audit)]
        case .household:
            guard let id = state.household?.file.id else { return [] }
            return [state.request(.reload(householdId: id), for: .reload(householdId: id))]
        case .meeting:
            guard let id = state.meeting?.file.id else { return [] }
            return [state.request(.reload(householdId: id), for: .reload(householdId: id))]
        }
    }

    // MARK: Search

    static func currentFilter(_ state: AppState) -> String {
        switch state.screen {
        case .caseload: return state.caseload.filter
        case .households: return state.households.filter
        case .audit: return state.audit.search
        default: return ""
        }
    }

    static func setFilter(_ state: inout AppState, _ text: String) {
        switch state.screen {
        case .caseload: state.caseload.filter = text; state.caseload.scroll = ScrollState(); clampCaseload(&state)
        case .households: state.households.filter = text; state.households.scroll = ScrollState()
        case .audit: state.audit.search = text; state.audit.scroll = ScrollState(); state.audit.selectedFindings = nil
        default: break
        }
    }

    static func searchKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard var input = state.searching else { return [] }
        switch key {
        case .escape:
            state.searching = nil
            setFilter(&state, "")
        case .enter:
            state.searching = nil
        case .up, .down:
            state.searching = nil
            return command(&state, key == .up ? .moveUp : .moveDown)
        default:
            if let command = state.keymap.command(for: key, in: .global), command == .interrupt { return self.command(&state, command) }
            input.handle(key)
            state.searching = input
            setFilter(&state, input.text)
        }
        return []
    }

    // MARK: Helpers

    static func findings(_ state: AppState, _ file: CaseFile) -> [StallFinding] {
        StallRules.evaluate(file, SignalContext(today: state.today, thresholds: state.signalConfig.thresholds(team: file.household.team),
                                                roster: state.roster, domainOrder: state.domainOrder))
    }

    /// Puts a freshly loaded file wherever it is shown.
    static func refresh(_ state: inout AppState, with file: CaseFile) {
        if let shown = state.household, shown.file.id == file.id {
            var view = HouseholdViewState(file: file, findings: findings(state, file),
                                          reach: ReachPanel.compute(file, today: state.today, domainOrder: state.domainOrder))
            view.tab = shown.tab
            view.scroll = shown.scroll
            state.household = view
        }
        if var room = state.meeting, room.file.id == file.id, file.meetings.contains(where: { $0.id == room.meetingId }) {
            let wasOpen = !room.isClosed
            room.file = file
            state.meeting = room
            // Closed just now (here or on another screen): the minutes preview opens.
            if wasOpen && room.isClosed { MeetingReducer.preview(&state) }
            else if room.showMinutes {
                let lines = MeetingReducer.previewText(state, room)
                state.meeting?.minutesLines = lines
            }
            MeetingReducer.clamp(&state)
        }
    }

    static func clampCaseload(_ state: inout AppState) {
        let rows = state.caseload.rows
        var scroll = state.caseload.scroll
        scroll.clamp(count: rows.count, height: Layouts.caseloadListHeight(state.size))
        // Never rest on a heading.
        if rows.indices.contains(scroll.selected), !rows[scroll.selected].isSelectable,
           let next = rows.indices.first(where: { $0 > scroll.selected && rows[$0].isSelectable }) ?? rows.indices.last(where: { rows[$0].isSelectable }) {
            scroll.select(next, count: rows.count, height: Layouts.caseloadListHeight(state.size))
        }
        state.caseload.scroll = scroll
    }

    static func clampAll(_ state: inout AppState) {
        clampCaseload(&state)
        state.households.scroll.clamp(count: state.households.visible.count, height: Layouts.householdsListHeight(state.size))
        state.audit.scroll.clamp(count: state.audit.visible.count, height: Layouts.auditListHeight(state.size))
        MeetingReducer.clamp(&state)
    }

    /// Loads the evidence of the selected audit row when it is not loaded yet.
    static func evidenceIfNeeded(_ state: inout AppState) -> [Effect] {
        guard state.screen == .audit, state.audit.selectedId != nil, state.audit.selectedEvidence == nil else { return [] }
        return [state.load(.evidence)]
    }
}
