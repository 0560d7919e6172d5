import TafelCore
import TerminalKit

/// Answers to requests, matched by id to what asked for them. Only here do results become
/// state: lists filled, texts confirmed as saved, follow-up loads chosen, status lines worded.
/// An answer nobody waits for any more (an older load, a household the user navigated away
/// from) is dropped.
enum ResultReducer {
    static func reduce(_ state: inout AppState, _ id: RequestID, _ result: EffectResult) -> [Effect] {
        // An answer nobody waits for any more still lets the keys typed meanwhile act.
        guard let purpose = state.requests.pending.removeValue(forKey: id) else { return Reducer.replayTypeAhead(&state) }
        let effects: [Effect]
        switch purpose {
        case .load(let kind): effects = loaded(&state, id, kind, result)
        case .open(let householdId, let then): effects = opened(&state, id, householdId, then, result)
        case .reload: effects = reloaded(&state, result)
        case .save(let kind, let householdId): effects = saved(&state, id, kind, householdId, result)
        case .export:
            switch result {
            case .exported(let path): state.status = StatusMessage(Message("meeting.exported", .text(path)), .success)
            case .failed(let f): state.status = StatusMessage(f.message, .error)
            default: break
            }
            effects = []
        case .intake(let draft):
            effects = intakeAnswered(&state, draft, result)
        case .draft:
            if case .drafts(let drafts) = result { restore(&state, drafts) }
            if case .failed(let f) = result { state.status = StatusMessage(Message("draft.failed", .text(state.strings.render(f.message))), .error) }
            effects = []
        case .terminal:
            var follow: [Effect] = []
            switch result {
            case .themeApplied(let name):
                state.themeName = name
                // The projector theme only changes colours; say so, or people think names are hidden.
                state.status = StatusMessage(name == "projector" && !state.privacyMask ? Message("theme.projector-no-mask") : Message("theme.changed", .text(name)))
                // Chosen on screen, so kept for next time (the status says where once it is written).
                follow = [state.request(.saveSetting(key: "theme", value: name), for: .setting)]
            case .failed(let f): state.status = StatusMessage(f.message, .error)
            default: break
            }
            effects = follow
        case .teamScope(let team):
            switch result {
            case .teamWidened:
                // The team is in scope now: its rows, filtered to it, and a word that it was logged.
                state.audit.filter.team = team
                state.audit.scroll = ScrollState()
                // As the session's user in the interpreter: the team counts as led from now on.
                state.user.leads = (state.user.leads ?? []) + [team]
                state.status = StatusMessage(Message("audit.team-opened", .text(team)), .success)
                effects = [state.load(.audit)]
            case .failed(let f):
                state.status = StatusMessage(f.message, .error)
                effects = []
            default: effects = []
            }
        case .externalEditor(let target):
            if case .externalText(let text) = result { effects = MeetingEditor.externalText(&state, target, text) } else { effects = [] }
        case .setting:
            effects = []
            switch result {
            case .settingSaved(let key, _, _) where key.hasPrefix("sort-"):
                break // the order is on screen; saving it is not news
            case .settingSaved(let key, let value, let path):
                // Only what the store of settings confirmed is said as kept.
                state.status = StatusMessage(Message(key == "lang" ? "settings.lang-saved" : "settings.theme-saved", .text(value), .text(path)), .success)
            case .failed(let f): state.status = StatusMessage(f.message, .error)
            default: break
            }
        }
        return effects + QuitFlow.check(&state) + Reducer.replayTypeAhead(&state)
    }

    // MARK: Loads

    static func loaded(_ state: inout AppState, _ id: RequestID, _ kind: LoadKind, _ result: EffectResult) -> [Effect] {
        guard state.requests.latestLoad[kind] == id else { return [] }
        state.requests.latestLoad[kind] = nil
        if kind == .audit { state.working = nil }
        switch result {
        case .caseload(let c): return Reducer.reduce(&state, .caseloadLoaded(c))
        case .households(let h): return Reducer.reduce(&state, .householdsLoaded(h))
        case .audit(let rows): return Reducer.reduce(&state, .auditLoaded(rows))
        case .evidence(let hid, let findings): return Reducer.reduce(&state, .evidenceLoaded(hid, findings))
        case .failed(let f):
            state.status = StatusMessage(f.message, .error)
            return []
        default: return []
        }
    }

    // MARK: Opening a household

    static func opened(_ state: inout AppState, _ id: RequestID, _ householdId: Int64, _ then: AfterOpen, _ result: EffectResult) -> [Effect] {
        guard state.requests.awaitedOpen == id else { return [] }
        state.requests.awaitedOpen = nil
        switch result {
        case .opened(let file):
            switch then {
            case .show: return Reducer.reduce(&state, .householdOpened(file))
            case .meeting(let another): return startMeeting(&state, file, anotherToday: another)
            }
        case .needsReason(let hid):
            state.modal = .prompt(PromptState(purpose: .breakTheGlass(householdId: hid, thenMeeting: then != .show), title: "access.reason-title",
                                              message: [Message("access.reason-explained")]))
            return []
        case .failed(.store(.accessDenied)), .failed(.store(.notFound)):
            // The same words for "no access" and "not there": a refusal confirms nothing.
            state.modal = .notice(title: "access.denied-title", lines: [Message("store.access-denied")])
            return []
        case .failed(let f):
            state.status = StatusMessage(f.message, .error)
            return []
        default:
            return []
        }
    }

    /// Starts (or resumes) today's meeting of an opened household: one intent, one transaction.
    static func startMeeting(_ state: inout AppState, _ file: CaseFile, anotherToday: Bool) -> [Effect] {
        if file.household.status == .afgesloten {
            state.status = StatusMessage(DomainError.householdClosed.message, .error)
            return Reducer.reduce(&state, .householdOpened(file))
        }
        return [state.startMeeting(file.id, anotherToday: anotherToday)]
    }

    static func reloaded(_ state: inout AppState, _ result: EffectResult) -> [Effect] {
        if case .opened(let file) = result { Reducer.refresh(&state, with: file) }
        return []
    }

    // MARK: Saves

    static func saved(_ state: inout AppState, _ id: RequestID, _ kind: SaveKind, _ householdId: Int64?, _ result: EffectResult) -> [Effect] {
        switch kind {
        case .text(let target): return textSaved(&state, id, target, householdId, result)
        case .startMeeting:
            guard case .performed(let r) = result else { return failedSave(&state, result) }
            guard state.requests.awaitedOpen == id else { return [] }
            state.requests.awaitedOpen = nil
            guard let meeting = r.file.meetingToOpen(on: state.today) else { return [] }
            let effects = Reducer.reduce(&state, .meetingOpened(r.file, meetingId: meeting.id))
            if meeting.status == .closed { state.status = StatusMessage(Message("meeting.closed-today")) }
            return effects
        case .agenda:
            guard case .performed(let r) = result else { return failedSave(&state, result) }
            Reducer.refresh(&state, with: r.file)
            return []
        case .undo(let entry):
            switch result {
            case .performed(let r):
                Reducer.refresh(&state, with: r.file)
                state.status = StatusMessage(Message("undo.done", .text(state.strings.render(entry.done).replacingOccurrences(of: "✓ ", with: ""))), .success)
                return followUp(&state)
            default:
                return failedSave(&state, result)
            }
        case .operation(let op):
            switch result {
            case .performed(let r):
                Reducer.refresh(&state, with: r.file)
                if case .registerHousehold = op {
                    state.status = StatusMessage(OperationWording.done(op, result: r, strings: state.strings) ?? Message("household.created"), .success)
                    let open = state.request(.open(householdId: r.file.id, reason: nil), for: .open(householdId: r.file.id, then: .show))
                    return [state.load(.households), open]
                }
                if let done = OperationWording.done(op, result: r, strings: state.strings) {
                    state.status = StatusMessage(done, .success)
                    if let hid = householdId, CaseFile.canUndo(r.changes) {
                        state.undoStack.append(UndoEntry(householdId: hid, changes: r.changes, done: done))
                        if state.undoStack.count > 50 { state.undoStack.removeFirst() }
                    }
                }
                return followUp(&state)
            case .conflict(let c):
                state.modal = .conflict(ConflictState(conflict: c, householdId: householdId ?? 0, target: nil))
                return []
            default:
                return failedSave(&state, result)
            }
        }
    }

    /// A text's save answered: "opgeslagen" only when the store confirmed the very text on screen.
    static func textSaved(_ state: inout AppState, _ id: RequestID, _ target: TextTarget, _ householdId: Int64?,
                          _ result: EffectResult) -> [Effect] {
        guard var room = state.meeting, var save = room.texts[target], let sent = save.sending, sent.id == id else {
            if case .performed(let r) = result { Reducer.refresh(&state, with: r.file) }
            return []
        }
        save.sending = nil
        let hid = room.file.id
        switch result {
        case .performed(let r):
            room.file = r.file
            save.base = sent.text
            save.problem = nil
            if room.editing == target { room.editorBase = sent.text }
            room.texts[target] = save.text == save.base ? nil : save
            state.meeting = room
            Reducer.refresh(&state, with: r.file)
            return [state.request(.discardDraft(householdId: hid, target: target), for: .draft)]
        case .conflict(let c):
            save.problem = .conflict
            room.texts[target] = save
            state.meeting = room
            state.modal = .conflict(ConflictState(conflict: c, householdId: hid, target: target))
            return [state.request(.saveDraft(Draft(householdId: hid, target: target, base: save.base, text: save.text)), for: .draft)]
        case .failed(let f):
            save.problem = .failed(f.message)
            room.texts[target] = save
            state.meeting = room
            state.status = StatusMessage(Message("text.not-saved", .text(state.strings.render(f.message))), .error)
            return [state.request(.saveDraft(Draft(householdId: hid, target: target, base: save.base, text: save.text)), for: .draft)]
        default:
            state.meeting = room
            return []
        }
    }

    static func failedSave(_ state: inout AppState, _ result: EffectResult) -> [Effect] {
        switch result {
        case .failed(.store(.accessDenied)):
            state.modal = .notice(title: "access.denied-title", lines: [Message("store.access-denied")])
        case .failed(let f):
            state.status = StatusMessage(f.message, .error)
        case .conflict(let c):
            state.status = StatusMessage(CaseStoreError.editConflict(c).message, .error)
        default: break
        }
        return []
    }

    /// After a change: the list on screen is loaded again (the household and meeting screens
    /// were refreshed from the answer itself).
    static func followUp(_ state: inout AppState) -> [Effect] {
        switch state.screen {
        case .caseload: return [state.load(.caseload)]
        case .households: return [state.load(.households)]
        case .audit: return [state.load(.audit)]
        default: return []
        }
    }

    /// The intake search answered: known households to attach the signal to (within need-to-know),
    /// or a new signalled household. Households the user may not open are not shown; the status line
    /// says only that one may exist and whom to ask.
    static func intakeAnswered(_ state: inout AppState, _ draft: IntakeDraft, _ result: EffectResult) -> [Effect] {
        guard case .intakeMatches(let found) = result else { return failedSave(&state, result) }
        let others = found.othersExist ? Message("intake.others-exist", .text(found.askWhom.joined(separator: ", "))) : nil
        state.status = nil
        if found.matches.isEmpty && !found.othersExist {
            return [state.perform(.registerHousehold(draft.household, members: [], signals: [draft.signal]), on: nil)]
        }
        var options = found.matches.map { m in
            ChoiceOption(Message("intake.known", .text(m.name), .text(m.wijk)), detail: Message("intake.matched-on", .keys(m.matchedOn.map { "field.\($0)" })), .id(m.id))
        }
        options.append(ChoiceOption(Message("intake.new", .text(draft.household.name)), .none))
        state.modal = .picker(PickerState(purpose: .intake(draft), title: "intake.choose", options: options, note: others))
        return []
    }

    /// Drafts found for a household at the start of its meeting: shown as unsaved text.
    static func restore(_ state: inout AppState, _ drafts: [Draft]) {
        guard var room = state.meeting, !drafts.isEmpty else { return }
        var restored: [String] = []
        for d in drafts where d.householdId == room.file.id && room.texts[d.target] == nil {
            guard d.text != d.target.stored(in: room.file) else { continue }
            var save = TextSave(base: d.base, text: d.text, lastEdit: state.now)
            save.problem = .restored
            room.texts[d.target] = save
            restored.append("field.\(d.target.fieldKey)")
        }
        state.meeting = room
        if !restored.isEmpty { state.status = StatusMessage(Message("draft.restored", .keys(restored))) }
    }
}
