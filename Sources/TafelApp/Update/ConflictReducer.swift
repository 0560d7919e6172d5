import TafelCore
import TerminalKit

/// Resolving a stale edit: keep their version, keep yours (saved again on top of theirs), or
/// edit a merge of the two texts. Nothing is lost while the choice is open: the user's text
/// stays in the editor and in its draft file.
enum ConflictReducer {
    static func key(_ state: inout AppState, _ conflict: ConflictState, _ command: Command?) -> [Effect] {
        switch command {
        case .keepTheirs?:
            state.modal = nil
            return keepTheirs(&state, conflict)
        case .keepMine?:
            state.modal = nil
            return keepMine(&state, conflict)
        case .mergeTexts?:
            state.modal = nil
            return merge(&state, conflict)
        case .dismiss?:
            // Decide later: the text stays unsaved (the status line and quitting say so).
            state.modal = nil
            return []
        default:
            return []
        }
    }

    static func keepTheirs(_ state: inout AppState, _ conflict: ConflictState) -> [Effect] {
        guard let target = conflict.target else {
            state.status = StatusMessage(Message("conflict.kept-theirs"))
            return Reducer.reloadCurrent(&state)
        }
        guard var room = state.meeting else { return [] }
        room.texts[target] = nil
        let theirs = conflict.conflict.fields.first?.theirs.text ?? target.stored(in: room.file)
        if room.editing == target {
            room.editor = TextAreaInput(theirs, maxLength: 4000)
            room.editorBase = theirs
        }
        state.meeting = room
        state.status = StatusMessage(Message("conflict.kept-theirs"))
        return [state.request(.discardDraft(householdId: room.file.id, target: target), for: .draft),
                state.request(.reload(householdId: room.file.id), for: .reload(householdId: room.file.id))]
    }

    static func keepMine(_ state: inout AppState, _ conflict: ConflictState) -> [Effect] {
        guard let target = conflict.target else {
            return [state.perform(conflict.conflict.keepYours, on: conflict.householdId)]
        }
        guard var room = state.meeting, var save = room.texts[target] else { return [] }
        // Based on their text now: saving replaces it knowingly.
        save.base = conflict.conflict.fields.first?.theirs.text ?? save.base
        save.problem = nil
        room.texts[target] = save
        state.meeting = room
        return MeetingEditor.send(&state, target)
    }

    /// Their text, then the lines of yours that differ from it (the lines both start with are not
    /// repeated), so the user edits one text instead of two copies.
    static func mergedText(theirs: String, yours: String) -> String {
        if theirs.isEmpty { return yours }
        if yours.isEmpty { return theirs }
        let a = theirs.split(separator: "\n", omittingEmptySubsequences: false)
        let b = yours.split(separator: "\n", omittingEmptySubsequences: false)
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        let rest = b.dropFirst(common).joined(separator: "\n")
        return rest.isEmpty ? theirs : theirs + "\n" + rest
    }

    /// Opens the editor with their text and yours one below the other, based on theirs.
    static func merge(_ state: inout AppState, _ conflict: ConflictState) -> [Effect] {
        guard let target = conflict.target, var room = state.meeting else {
            // A form's fields: open the form again with your values on top of theirs.
            if case .editAction(let theirs, let mine) = conflict.conflict.keepYours, let file = state.meeting?.file ?? state.household?.file {
                state.modal = .form(Forms.editAction(state, file: file, action: theirs, values: mine, attendees: state.meeting?.attendees ?? []))
                return []
            }
            return keepMine(&state, conflict)
        }
        let theirs = conflict.conflict.fields.first?.theirs.text ?? ""
        let yours = room.texts[target]?.text ?? conflict.conflict.fields.first?.yours.text ?? ""
        let merged = mergedText(theirs: theirs, yours: yours)
        var save = TextSave(base: theirs, text: merged, lastEdit: state.now)
        save.problem = nil
        room.texts[target] = save
        room.editing = target
        room.editorBase = theirs
        room.editor = TextAreaInput(merged, maxLength: 4000)
        state.meeting = room
        state.status = StatusMessage(Message("conflict.merging"))
        return []
    }
}
