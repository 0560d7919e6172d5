import Foundation
import TafelCore
import TerminalKit

/// The pure heart of the app: state + action → new state + effects. No I/O here; the
/// runtime runs the effects and feeds their results back as actions (the Elm architecture).
public enum Reducer {
    public static func reduce(_ s: inout AppState, _ action: AppAction) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(&s, key)
        case .command(let c):
            return command(&s, c)
        case .working(let m):
            s.working = m
            return []
        case .tick(let now, let today):
            s.now = now
            s.today = today
            return autosaveIfIdle(&s)
        case .caseloadLoaded(let c):
            s.caseload.data = c
            clampCaseload(&s)
            return []
        case .householdsLoaded(let items):
            s.households.items = items
            s.households.loaded = true
            s.households.scroll.clamp(count: s.households.visible.count, height: Layouts.householdsListHeight(s.size))
            return []
        case .auditLoaded(let rows):
            s.audit.rows = rows
            s.audit.loaded = true
            s.audit.scroll.clamp(count: s.audit.visible.count, height: Layouts.auditListHeight(s.size))
            return evidenceIfNeeded(s)
        case .evidenceLoaded(let id, let findings):
            s.audit.selectedFindings = (id, findings)
            return []
        case .householdOpened(let file):
            s.household = HouseholdViewState(file: file, findings: findings(s, file), reach: ReachPanel.compute(file, today: s.today, domainOrder: s.domainOrder))
            go(&s, .household)
            return []
        case .meetingOpened(let file, let mid):
            var m = MeetingState(file: file, meetingId: mid)
            if s.meeting?.meetingId == mid, let old = s.meeting { m.step = old.step }
            s.meeting = m
            go(&s, .meeting)
            return []
        case .fileReloaded(let file):
            refresh(&s, with: file)
            return []
        case .needsReason(let id, let thenMeeting):
            s.modal = .prompt(PromptState(purpose: .breakTheGlass(householdId: id, thenMeeting: thenMeeting), title: "access.reason-title",
                                          message: [Message("access.reason-explained")]))
            return []
        case .failed(let m):
            s.status = StatusMessage(m, .error)
            return []
        case .notice(let title, let lines):
            s.modal = .notice(title: title, lines: lines)
            return []
        case .externalChange:
            return reloadCurrent(&s)
        case .exported(let path):
            s.status = StatusMessage(Message("meeting.exported", .text(path)), .success)
            return []
        case .householdCreated(let id):
            s.status = StatusMessage(Message("household.created"), .success)
            return [.loadHouseholds, .openHousehold(id, reason: nil, thenMeeting: false)]
        case .themeChanged(let name):
            s.themeName = name
            s.status = StatusMessage(Message("theme.changed", .text(name)))
            return []
        }
    }

    // MARK: Keys

    static func handleKey(_ s: inout AppState, _ key: KeyEvent) -> [Effect] {
        if case .resize(let size) = key {
            s.size = size
            clampAll(&s)
            return []
        }
        if s.tooSmall {
            if key == .char("q") || key == .ctrl("c") { return command(&s, .quit) }
            return []
        }
        if s.modal != nil { return ModalReducer.key(&s, key) }
        if s.searching != nil { return searchKey(&s, key) }
        if s.screen == .meeting, s.meeting?.editing != nil { return MeetingReducer.editorKey(&s, key) }
        if case .mouse(let m) = key { return MouseReducer.mouse(&s, m) }
        if case .paste = key { return [] }
        // A status message stays until the next key.
        s.status = nil
        guard let cmd = s.keymap.command(for: key, in: s.context) else {
            if key == .ctrl("c") { return command(&s, .quit) }
            return []
        }
        return command(&s, cmd)
    }

    // MARK: Commands

    public static func command(_ s: inout AppState, _ c: Command) -> [Effect] {
        switch c {
        case .quit:
            if s.meeting?.dirty == true {
                s.modal = .confirmQuit(focused: 0)
                return []
            }
            s.running = false
            return MeetingReducer.flush(&s)
        case .help:
            s.modal = .help(scroll: 0)
            return []
        case .palette:
            s.modal = .palette(PaletteState())
            return []
        case .search:
            guard [.caseload, .households, .audit].contains(s.screen) else { return [] }
            s.searching = TextInput(currentFilter(s), maxLength: 60)
            return []
        case .redraw:
            return []
        case .back:
            return back(&s)
        case .screenCaseload:
            go(&s, .caseload, replace: true)
            return [.loadCaseload]
        case .screenHouseholds:
            go(&s, .households, replace: true)
            return [.loadHouseholds]
        case .screenAudit:
            guard s.mayAudit else {
                s.status = StatusMessage(Message("audit.not-allowed"), .error)
                return []
            }
            go(&s, .audit, replace: true)
            return [.loadAudit(s.audit.filter)]
        case .cycleTheme:
            guard let i = s.themeNames.firstIndex(of: s.themeName) else { return s.themeNames.first.map { [.setTheme($0)] } ?? [] }
            return [.setTheme(s.themeNames[(i + 1) % s.themeNames.count])]
        case .privacyMask:
            s.privacyMask.toggle()
            s.status = StatusMessage(Message(s.privacyMask ? "mask.on" : "mask.off"))
            return []
        case .debugCrash:
            return [.crash]
        default:
            switch s.screen {
            case .caseload, .households, .audit, .welcome: return ListReducer.command(&s, c)
            case .household: return HouseholdReducer.command(&s, c)
            case .meeting: return MeetingReducer.command(&s, c)
            }
        }
    }

    // MARK: Navigation

    static func go(_ s: inout AppState, _ screen: ScreenKind, replace: Bool = false) {
        guard s.screen != screen else { return }
        if replace {
            s.history = []
        } else if s.screen != .welcome {
            s.history.append(s.screen)
        }
        s.screen = screen
        s.searching = nil
    }

    static func back(_ s: inout AppState) -> [Effect] {
        if s.screen == .meeting, var m = s.meeting, m.showMinutes {
            m.showMinutes = false
            s.meeting = m
            return []
        }
        if s.screen == .audit && s.audit.evidence {
            s.audit.evidence = false
            return []
        }
        let effects = s.screen == .meeting ? MeetingReducer.finishEditing(&s) : []
        guard let previous = s.history.popLast() else { return effects }
        s.screen = previous
        return effects + reloadCurrent(&s)
    }

    /// Reloads what the current screen shows (after a save elsewhere or an outside change).
    static func reloadCurrent(_ s: inout AppState) -> [Effect] {
        switch s.screen {
        case .welcome: return []
        case .caseload: return [.loadCaseload]
        case .households: return [.loadHouseholds]
        case .audit: return [.loadAudit(s.audit.filter)]
        case .household: return s.household.map { [.openHousehold($0.file.id, reason: nil, thenMeeting: false)] } ?? []
        case .meeting:
            // Never reload under the user's typing; the save will merge or report a conflict.
            guard let m = s.meeting, m.editing == nil else { return [] }
            return [.startMeeting(m.file.id)]
        }
    }

    // MARK: Search

    static func currentFilter(_ s: AppState) -> String {
        switch s.screen {
        case .caseload: return s.caseload.filter
        case .households: return s.households.filter
        case .audit: return s.audit.search
        default: return ""
        }
    }

    static func setFilter(_ s: inout AppState, _ text: String) {
        switch s.screen {
        case .caseload: s.caseload.filter = text; s.caseload.scroll = ScrollState(); clampCaseload(&s)
        case .households: s.households.filter = text; s.households.scroll = ScrollState()
        case .audit: s.audit.search = text; s.audit.scroll = ScrollState(); s.audit.selectedFindings = nil
        default: break
        }
    }

    static func searchKey(_ s: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard var input = s.searching else { return [] }
        switch key {
        case .escape:
            s.searching = nil
            setFilter(&s, "")
        case .enter:
            s.searching = nil
        case .up, .down:
            s.searching = nil
            return command(&s, key == .up ? .moveUp : .moveDown)
        default:
            input.handle(key)
            s.searching = input
            setFilter(&s, input.text)
        }
        return []
    }

    // MARK: Helpers

    static func findings(_ s: AppState, _ file: CaseFile) -> [StallFinding] {
        StallRules.evaluate(file, SignalContext(today: s.today, thresholds: s.signalConfig.thresholds(team: file.household.team),
                                                roster: s.roster, domainOrder: s.domainOrder))
    }

    /// Puts a freshly loaded file wherever it is shown.
    static func refresh(_ s: inout AppState, with file: CaseFile) {
        if s.household?.file.id == file.id {
            let tab = s.household!.tab, scroll = s.household!.scroll
            s.household = HouseholdViewState(file: file, findings: findings(s, file), reach: ReachPanel.compute(file, today: s.today, domainOrder: s.domainOrder))
            s.household!.tab = tab
            s.household!.scroll = scroll
        }
        if var m = s.meeting, m.file.id == file.id {
            m.file = file
            s.meeting = m
            MeetingReducer.clamp(&s)
        }
    }

    static func clampCaseload(_ s: inout AppState) {
        let rows = s.caseload.rows
        var sc = s.caseload.scroll
        sc.clamp(count: rows.count, height: Layouts.caseloadListHeight(s.size))
        // Never rest on a heading.
        if rows.indices.contains(sc.selected), !rows[sc.selected].isSelectable,
           let next = rows.indices.first(where: { $0 > sc.selected && rows[$0].isSelectable }) ?? rows.indices.last(where: { rows[$0].isSelectable }) {
            sc.select(next, count: rows.count, height: Layouts.caseloadListHeight(s.size))
        }
        s.caseload.scroll = sc
    }

    static func clampAll(_ s: inout AppState) {
        clampCaseload(&s)
        s.households.scroll.clamp(count: s.households.visible.count, height: Layouts.householdsListHeight(s.size))
        s.audit.scroll.clamp(count: s.audit.visible.count, height: Layouts.auditListHeight(s.size))
        MeetingReducer.clamp(&s)
    }

    /// Loads the evidence of the selected audit row when it is not loaded yet.
    static func evidenceIfNeeded(_ s: AppState) -> [Effect] {
        guard s.screen == .audit, let id = s.audit.selectedId, s.audit.selectedEvidence == nil else { return [] }
        return [.loadEvidence(id)]
    }

    static func autosaveIfIdle(_ s: inout AppState) -> [Effect] {
        guard let m = s.meeting else { return [] }
        let textDue = m.dirty && s.now - m.lastEdit >= 1
        let stepsDue = m.pendingSteps.map { s.now - $0.since >= 1 } ?? false
        guard textDue || stepsDue else { return [] }
        return MeetingReducer.flush(&s)
    }
}
