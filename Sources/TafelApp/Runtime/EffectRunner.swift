import Foundation
import TafelCore
import TextSafety

/// Runs effects against the store and the file system, and reports back as actions.
public final class EffectRunner {
    let store: any CaseStore
    let clock: any Clock
    /// Applies a theme by name; returns false when it does not exist.
    var applyTheme: (String) -> Bool = { _ in false }
    /// Where exported minutes are written.
    var exportDirectory: String

    public init(store: any CaseStore, clock: any Clock, exportDirectory: String = FileManager.default.currentDirectoryPath) {
        self.store = store
        self.clock = clock
        self.exportDirectory = exportDirectory
    }

    public func run(_ effect: Effect, state s: AppState) -> [AppAction] {
        let user = s.user
        do {
            switch effect {
            case .loadCaseload:
                return [.caseloadLoaded(try store.caseload(for: user, today: s.today))]
            case .loadHouseholds:
                return [.householdsLoaded(try store.households(for: user, today: s.today))]
            case .loadAudit(let filter):
                return [.auditLoaded(try store.auditSummary(for: user, config: s.signalConfig, today: s.today, filter: filter))]
            case .loadEvidence(let id):
                return [.evidenceLoaded(id, try store.auditEvidence(householdId: id, for: user, config: s.signalConfig, today: s.today))]
            case .openHousehold(let id, let reason, let thenMeeting):
                let file = try store.caseFile(id, for: user, reason: reason)
                if thenMeeting { return try startMeeting(file, s) }
                return [.householdOpened(file)]
            case .startMeeting(let id):
                return try startMeeting(try store.reload(id, for: user), s)
            case .apply(let changes, let hid, let note):
                try store.apply(changes, householdId: hid, by: user, note: note)
                return try afterSave(hid, s)
            case .operate(let op, let hid):
                let file = try store.reload(hid, for: user)
                let changes = try op.changes(in: file, today: s.today, user: user.id)
                if !changes.isEmpty { try store.apply(changes, householdId: hid, by: user, note: nil) }
                return try afterSave(hid, s)
            case .createHousehold(let h, let members):
                return [.householdCreated(try store.createHousehold(h, members: members, by: user).id)]
            case .exportMinutes(let hid, let mid):
                return [.exported(path: try exportMinutes(hid, mid, s))]
            case .setTheme(let name):
                return applyTheme(name) ? [.themeChanged(name)] : [.failed(Message("theme.unknown", .text(name)))]
            case .crash:
                guard ProcessInfo.processInfo.environment["TAFEL_DEBUG_CRASH"] == "1" else { return [] }
                fatalError("induced crash for testing (TAFEL_DEBUG_CRASH=1)")
            }
        } catch let e as CaseStoreError {
            switch e {
            case .reasonRequired(let id):
                if case .openHousehold(_, _, let thenMeeting) = effect { return [.needsReason(householdId: id, thenMeeting: thenMeeting)] }
                return [.needsReason(householdId: id, thenMeeting: false)]
            case .accessDenied:
                return [.notice(title: "access.denied-title", lines: [e.message])]
            case .conflict:
                // Show the other user's version: reload what is on screen.
                var actions: [AppAction] = [.notice(title: "conflict.title", lines: [e.message, Message("conflict.reloaded")])]
                if case .apply(_, let hid, _) = effect, let f = try? store.reload(hid, for: user) { actions.append(.fileReloaded(f)) }
                return actions
            default:
                return [.failed(e.message)]
            }
        } catch let e as DomainError {
            return [.failed(e.message)]
        } catch {
            return [.failed(Message("error.unexpected", .text(String(describing: error))))]
        }
    }

    /// After a save: the household's file again, and the list on screen refreshed.
    func afterSave(_ hid: Int64, _ s: AppState) throws -> [AppAction] {
        var out: [AppAction] = []
        if s.household?.file.id == hid || s.meeting?.file.id == hid {
            out.append(.fileReloaded(try store.reload(hid, for: s.user)))
        }
        switch s.screen {
        case .caseload: out.append(.caseloadLoaded(try store.caseload(for: s.user, today: s.today)))
        case .households: out.append(.householdsLoaded(try store.households(for: s.user, today: s.today)))
        case .audit: out.append(.auditLoaded(try store.auditSummary(for: s.user, config: s.signalConfig, today: s.today, filter: s.audit.filter)))
        default: break
        }
        return out
    }

    /// Resumes today's open meeting or starts one (the household becomes active if it was signalled).
    func startMeeting(_ file: CaseFile, _ s: AppState) throws -> [AppAction] {
        if let m = file.meetings.filter({ $0.date == s.today && $0.status == .open }).max(by: { $0.id < $1.id }) {
            return [.meetingOpened(file, meetingId: m.id)]
        }
        let user = s.user
        var changes: [Change] = []
        if file.household.status == .aangemeld { changes += try file.activate(on: s.today) }
        let meeting = Meeting(id: 0, householdId: file.id, date: s.today, startedAt: Int64(clock.now.timeIntervalSince1970),
                              chairId: user.role == .voorzitter ? user.id : nil,
                              nextReview: s.today.adding(weeks: file.household.reviewCadenceWeeks))
        changes.append(.meeting(base: nil, new: meeting))
        let saved = try store.apply(changes, householdId: file.id, by: user, note: nil)
        guard case .meeting(_, let created)? = saved.last else { return [] }
        let me = Attendee(id: 0, meetingId: created.id, party: .professional(user.id), organisationId: user.organisationId, presence: .aanwezig)
        try store.apply([.attendee(base: nil, new: me)], householdId: file.id, by: user, note: nil)
        return [.meetingOpened(try store.reload(file.id, for: user), meetingId: created.id)]
    }

    func exportMinutes(_ hid: Int64, _ mid: Int64, _ s: AppState) throws -> String {
        let file = try store.reload(hid, for: s.user)
        let minutes = try Minutes.build(file, meetingId: mid, roster: s.roster, domainOrder: s.domainOrder)
        let md = MinutesRenderer(strings: s.strings).document(minutes, audience: .team, roster: s.roster).markdown()
        let slug = file.household.name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let path = (exportDirectory as NSString).appendingPathComponent("verslag-\(slug)-\(minutes.date.iso).md")
        try Data(md.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try store.logExport(householdId: hid, what: "minutes (markdown)", by: s.user)
        return path
    }
}
