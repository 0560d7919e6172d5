import TafelCore
import TerminalKit

/// What happens when a one-line prompt is answered: the answer becomes an intent, or the prompt
/// stays open with an error line naming what to fix.
enum PromptReducer {
    static func submit(_ state: inout AppState, _ prompt: PromptState) -> [Effect] {
        let text = prompt.input.text.trimmed
        func again(_ error: Message) -> [Effect] {
            var retry = prompt
            retry.error = error
            state.modal = .prompt(retry)
            return []
        }
        let room = state.meeting
        switch prompt.purpose {
        case .breakTheGlass(let id, let thenMeeting):
            guard text.count >= 5 else { return again(Message("access.reason-too-short")) }
            return [state.open(id, reason: text, then: thenMeeting ? .meeting(anotherToday: false) : .show)]
        case .declineReason(let id):
            guard !text.isEmpty, let hid = room?.file.id else { return again(DomainError.declineNeedsReason.message) }
            return [state.perform(.decline(id, reason: text), on: hid)]
        case .carryOverDate(let id):
            guard let hid = room?.file.id else { return [] }
            do {
                let due = try DueDateParser.parse(text, today: state.today)
                if due < state.today { return again(DomainError.dueInPast(due).message) }
                return [state.perform(.carryOver(id, due), on: hid)]
            } catch let e as DueDateParser.Invalid {
                return again(e.message)
            } catch { return [] }
        case .nextReview:
            guard let room else { return [] }
            do {
                let day = try DueDateParser.parse(text, today: state.today)
                if day < state.today { return again(DomainError.dueInPast(day).message) }
                return [state.perform(.setNextReview(meetingId: room.meetingId, day), on: room.file.id)]
            } catch let e as DueDateParser.Invalid {
                return again(e.message)
            } catch { return [] }
        case .closeWithGaps:
            guard ClosingCheck.isReasonEnough(text) else { return again(DomainError.gapsNeedReason.message) }
            return MeetingReducer.closeMeeting(&state, gapReason: text)
        case .ownScore(let member, let domain):
            guard let value = Int(text), (1...5).contains(value), let room else {
                return again(DomainError.outOfRange(field: "ownScore", min: 1, max: 5).message)
            }
            return [state.perform(.setOwnScore(member: member, domain: domain, ownScore: value, meetingId: room.meetingId), on: room.file.id)]
        case .targetScore(let member, let domain):
            guard let value = Int(text), (1...5).contains(value), let room else {
                return again(DomainError.outOfRange(field: "target", min: 1, max: 5).message)
            }
            return [state.perform(.setTarget(member: member, domain: domain, target: value, meetingId: room.meetingId), on: room.file.id)]
        case .guestName:
            guard !text.isEmpty, let room else { return again(DomainError.required(field: "name").message) }
            return [state.perform(.addGuest(meetingId: room.meetingId, name: text), on: room.file.id)]
        case .noActionReason(let domain):
            guard let room else { return [] }
            return [state.perform(.setNoActionReason(domain: domain, reason: text.isEmpty ? nil : text), on: room.file.id)]
        case .decision(let index):
            guard let room else { return [] }
            return [state.perform(.setDecision(meetingId: room.meetingId, index: index, text: text), on: room.file.id)]
        case .closeActionReason, .rejectReason:
            return []
        case .reopenHousehold(let hid):
            guard text.count >= 3 else { return again(DomainError.reopenNeedsReason.message) }
            return [state.perform(.reopenHousehold(reason: text), on: hid)]
        case .teamAudit(let team):
            guard text.count >= 5 else { return again(Message("access.reason-too-short")) }
            return [state.request(.widenTeamScope(team: team, reason: text), for: .teamScope(team: team))]
        }
    }
}
