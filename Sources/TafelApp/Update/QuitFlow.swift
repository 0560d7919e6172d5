import TafelCore

/// The one way out — `q`, Ctrl-C, SIGTERM and SIGHUP all come here: typed text is saved first,
/// the program ends when the store has confirmed it, and when a save fails the user is asked
/// (the text is kept in a draft either way).
enum QuitFlow {
    /// Starts quitting. `confirmed`: the user already said yes to quitting with unsaved text.
    static func quit(_ state: inout AppState, confirmed: Bool) -> [Effect] {
        state.modal = nil
        var effects = MeetingEditor.finishEditing(&state) + MeetingEditor.flushSteps(&state)
        if confirmed {
            // Keep every unconfirmed text on disk, then end.
            effects += MeetingEditor.draftsForAll(&state)
            state.running = false
            return effects
        }
        effects += MeetingEditor.flushAll(&state)
        state.quitting = true
        return effects + check(&state)
    }

    /// Called after each answer while quitting: ends when nothing is unsaved or on its way; asks
    /// when something could not be saved.
    static func check(_ state: inout AppState) -> [Effect] {
        guard state.quitting else { return [] }
        if let problem = state.meeting?.texts.values.first(where: { $0.problem != nil && $0.sending == nil }) {
            state.quitting = false
            let reason: Message
            switch problem.problem {
            case .failed(let m)?: reason = m
            case .conflict?: reason = Message("quit.reason-conflict")
            default: reason = Message("quit.reason-unsaved")
            }
            state.modal = .confirmQuit(focused: 0, reason: reason)
            return []
        }
        if state.requests.savesInFlight || state.meeting?.hasUnsavedText == true {
            state.status = StatusMessage(Message("quit.saving"))
            return []
        }
        state.running = false
        return []
    }
}
