import TafelCore
import TerminalKit

/// Typing text in the meeting, and saving it: when typing pauses, when the field is left, and
/// before quitting. A save carries the stored text it was based on; the answer decides what the
/// status line says (see `ResultReducer.textSaved`).
enum MeetingEditor {
    /// Keys while the editor has focus: the editor's own commands come from the keymap
    /// (context `editor`); everything else edits the text.
    static func key(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard var room = state.meeting, let target = room.editing else { return [] }
        if let command = state.keymap.command(for: key, in: .editor) {
            switch command {
            case .finishEditing:
                return finishEditing(&state)
            case .externalEditor:
                // What is on screen goes out; what comes back is treated as typed, then saved.
                return [state.request(.editExternally(text: room.editor.text), for: .externalEditor(target))]
            case .interrupt, .suspend, .quit:
                return Reducer.command(&state, command)
            default:
                // A step key leaves the editor (saving) and goes there.
                return finishEditing(&state) + Reducer.command(&state, command)
            }
        }
        let width = max(10, editorWidth(state))
        if room.editor.handle(key, width: width) {
            let base = room.texts[target]?.base ?? room.editorBase
            var save = room.texts[target] ?? TextSave(base: base, text: base, lastEdit: state.now)
            save.text = room.editor.text
            save.lastEdit = state.now
            if case .restored? = save.problem { save.problem = nil }
            if case .failed? = save.problem { save.problem = nil }
            room.texts[target] = save
            if save.text == save.base && save.sending == nil && save.problem == nil { room.texts[target] = nil }
        }
        state.meeting = room
        return []
    }

    /// The text back from the external editor: it replaces the field's text as if typed and is saved
    /// at once; nil (the editor failed) leaves the text as it was and says so.
    static func externalText(_ state: inout AppState, _ target: TextTarget, _ text: String?) -> [Effect] {
        guard let text else {
            state.status = StatusMessage(Message("editor.external-failed"), .error)
            return []
        }
        guard var room = state.meeting, room.editing == target else { return [] }
        room.editor = TextAreaInput(text, maxLength: 4000)
        let base = room.texts[target]?.base ?? room.editorBase
        var save = room.texts[target] ?? TextSave(base: base, text: base, lastEdit: state.now)
        save.text = room.editor.text
        save.lastEdit = state.now
        room.texts[target] = save
        state.meeting = room
        return send(&state, target)
    }

    /// Opens the editor on a text (what was typed and not stored yet, if anything).
    static func begin(_ state: inout AppState, _ target: TextTarget) {
        guard var room = state.meeting else { return }
        room.editing = target
        room.editorBase = room.texts[target]?.base ?? target.stored(in: room.file)
        room.editor = TextAreaInput(room.texts[target]?.text ?? target.stored(in: room.file), maxLength: 4000)
        state.meeting = room
    }

    static func editorWidth(_ state: AppState) -> Int {
        guard let room = state.meeting else { return 40 }
        switch room.editing {
        case .situation: return Layouts.meetingDomains(state.size).detail.width - 4
        default: return Layouts.meeting(state.size).main.width - 4
        }
    }

    /// Leaves the editor, saving what was typed.
    static func finishEditing(_ state: inout AppState) -> [Effect] {
        guard let target = state.meeting?.editing else { return [] }
        let effects = send(&state, target)
        state.meeting?.editing = nil
        return effects
    }

    /// Sends the typed text of one field to the store, unless it is on its way already, equal to
    /// what is stored, or waiting for the user to resolve a conflict.
    static func send(_ state: inout AppState, _ target: TextTarget) -> [Effect] {
        guard var room = state.meeting, var save = room.texts[target], save.sending == nil else { return [] }
        if case .conflict? = save.problem { return [] }
        guard save.text != save.base else {
            room.texts[target] = nil
            state.meeting = room
            return []
        }
        let effect = state.perform(.setText(target, base: save.base, text: save.text), on: room.file.id, as: .text(target))
        save.sending = (effect.id, save.text)
        save.problem = nil
        room.texts[target] = save
        state.meeting = room
        return [effect]
    }

    /// Sends every unconfirmed text (before quitting).
    static func flushAll(_ state: inout AppState) -> [Effect] {
        guard let room = state.meeting else { return [] }
        return room.texts.keys.sorted { $0.storageName < $1.storageName }.flatMap { send(&state, $0) }
    }

    /// Saves what is not saved yet — typed text and the place on the agenda; editing goes on.
    static func flush(_ state: inout AppState) -> [Effect] {
        flushAll(&state) + flushSteps(&state)
    }

    /// Saves the place on the agenda when it changed (quietly: it merges).
    static func flushSteps(_ state: inout AppState) -> [Effect] {
        guard var room = state.meeting, let steps = room.pendingSteps else { return [] }
        room.pendingSteps = nil
        state.meeting = room
        guard !room.isClosed else { return [] }
        return [state.perform(.setAgenda(meetingId: room.meetingId, current: steps.current, completed: steps.completed),
                              on: room.file.id, as: .agenda)]
    }

    /// Writes every unconfirmed text to its draft file (quitting anyway).
    static func draftsForAll(_ state: inout AppState) -> [Effect] {
        guard let room = state.meeting else { return [] }
        return room.texts.sorted { $0.key.storageName < $1.key.storageName }.map { target, save in
            state.request(.saveDraft(Draft(householdId: room.file.id, target: target, base: save.base, text: save.text)), for: .draft)
        }
    }

    /// On the runtime's tick: saves text whose typing paused a second ago, and the agenda place.
    static func autosaveIfIdle(_ state: inout AppState) -> [Effect] {
        guard let room = state.meeting else { return [] }
        var effects: [Effect] = []
        for (target, save) in room.texts where save.sending == nil && save.problem == nil && state.now - save.lastEdit >= 1 {
            effects += send(&state, target)
        }
        if let steps = room.pendingSteps, state.now - steps.since >= 1 { effects += flushSteps(&state) }
        return effects
    }
}
