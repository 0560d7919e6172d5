
/// The status line after an intent was performed, worded from what the store confirmed.
/// Quiet intents (a score, the agenda place, a discussed domain) say nothing: the screen shows them.
public enum OperationWording {
    public static func done(_ op: CaseOperation, result: OperationResult, strings: Strings) -> Message? {
        if result.changedNothing { return nil }
        func actionText(_ id: Int64) -> Message.Arg { .text(result.file.action(id)?.description ?? "") }
        switch op {
        case .closeAction(let id, let reason, _):
            return Message("done.action-closed", actionText(id), .key("vocab.closeReason.\(reason.rawValue)"))
        case .rejectAction(let id, let r):
            return Message("done.action-rejected", actionText(id), .key("vocab.rejectionReason.\(r.code.rawValue)"))
        case .carryOver(let id, let due): return Message("done.carried-over", actionText(id), .day(due))
        case .setActionStatus(let id, let status):
            return Message("done.action-status", actionText(id), .key("vocab.actionStatus.\(status.rawValue)"))
        case .addAction: return Message("done.action-added")
        case .editAction: return Message("done.action-edited")
        case .propose: return Message("done.proposed")
        case .accept: return Message("done.accepted")
        case .decline: return Message("done.declined")
        case .closeMeeting: return Message("meeting.closed")
        case .acknowledgeGap: return Message("done.acknowledged")
        case .setNextReview(_, let day): return Message("done.next-review", .day(day))
        case .setDecision: return Message("done.decision")
        case .addContact: return Message("done.contact")
        case .addIndication: return Message("done.indication")
        case .recordBlockedRule: return Message("done.blocked-rule")
        case .endIndication: return Message("done.indication-ended")
        case .addSignal: return Message("done.signal")
        case .raiseEscalation: return Message("done.escalation")
        case .decideEscalation: return Message("done.escalation-decided")
        case .recordConsent:
            // Counted from what the store wrote, not from what was asked.
            let count = result.changes.filter { if case .consent(nil, _) = $0 { return true } else { return false } }.count
            return count == 1 ? Message("done.consent") : Message("done.consent-all", .number(count))
        case .setNoActionReason: return Message("done.no-action-reason")
        case .editHousehold: return Message("done.household-edited")
        case .closeHousehold(let code, _): return Message("done.household-closed", .key("vocab.householdCloseReason.\(code.rawValue)"))
        case .reopenHousehold: return Message("done.household-reopened")
        case .setChronic(let on): return Message(on ? "done.chronic-on" : "done.chronic-off")
        case .setCompulsory(let f, _): return f.map { Message("done.compulsory", .key("vocab.compulsoryFramework.\($0.rawValue)")) } ?? Message("done.compulsory-off")
        case .setNoHelpRequest(let on, _, _, _): return Message(on ? "done.no-help-on" : "done.no-help-off")
        case .addMember(let m): return Message("done.member-added", .text(m.name))
        case .editMember: return Message("done.member-edited")
        case .endMember(let id, let reason, _):
            return Message("done.member-ended", .text(result.file.member(id)?.name ?? ""), .key("vocab.memberEndReason.\(reason.rawValue)"))
        case .reopenAction(let id): return Message("done.action-reopened", actionText(id))
        case .undo: return nil
        case .registerHousehold(_, _, let signals):
            return Message(signals.isEmpty ? "done.household-registered" : "done.household-registered-signal", .text(result.file.household.name))
        case .addAttendee, .addGuest, .removeAttendee, .setPresence, .setChair, .setMinuteTaker, .setHouseholdPresent,
             .setScore, .setOwnScore, .setTarget, .setDomainStatus, .setAgenda, .markDiscussed, .setText, .startMeeting, .activate:
            return nil
        }
    }
}
