import TafelCore
import TerminalKit

/// Draws the whole frame: title bar, the current screen, the status bar and any overlay.
public enum AppView {
    public static func render(_ s: AppState, into buffer: inout CellBuffer) {
        let v = ViewContext(s: s)
        let area = buffer.area
        if s.tooSmall {
            tooSmall(v, area, &buffer)
            return
        }
        let (titleRect, body, statusRect) = Layouts.frame(s.size)
        titleBar(v, titleRect, &buffer)
        switch s.screen {
        case .welcome: WelcomeView.render(v, body, &buffer)
        case .caseload: CaseloadView.render(v, &buffer)
        case .households: HouseholdsView.render(v, &buffer)
        case .audit: AuditView.render(v, &buffer)
        case .household: HouseholdView.render(v, &buffer)
        case .meeting: MeetingView.render(v, &buffer)
        }
        statusBar(v, statusRect, &buffer)
        if let modal = s.modal { ModalView.render(v, modal, area, &buffer) }
    }

    static func tooSmall(_ v: ViewContext, _ area: Rect, _ b: inout CellBuffer) {
        let lines = [Line(v.t("app.too-small-1"), .strong), Line(v.t("app.too-small-2", "\(v.s.size.width)×\(v.s.size.height)"), .muted),
                     Line(v.t("app.too-small-3"), .muted)]
        let p = Paragraph(lines.map { var l = $0; l.alignment = .center; return l })
        let h = min(area.height, p.height(width: area.width))
        p.render(Rect(x: area.x, y: area.y + max(0, (area.height - h) / 2), width: area.width, height: h), into: &b)
    }

    static func screenTitle(_ v: ViewContext) -> String {
        switch v.s.screen {
        case .welcome: return v.t("screen.welcome")
        case .caseload: return v.t("screen.caseload")
        case .households: return v.t("screen.households")
        case .audit: return v.t("screen.audit")
        case .household: return v.s.household?.file.household.name ?? v.t("screen.household")
        case .meeting:
            guard let session = v.s.session else { return v.t("screen.meeting") }
            return v.t(session.isLast ? "screen.meeting-session-last" : "screen.meeting-session", String(session.position + 1), String(session.count))
        }
    }

    static func titleBar(_ v: ViewContext, _ r: Rect, _ b: inout CellBuffer) {
        b.fill(r, role: .titleBar)
        let u = v.s.user
        var x = b.put(" tafel ", x: r.x, y: r.y, role: .titleBar)
        x = b.put("\(b.glyphs.separator) \(screenTitle(v)) ", x: x, y: r.y, role: .titleBar, maxWidth: r.width / 2)
        var right = "\(u.name) (\(v.strings.label(u.role))) \(b.glyphs.separator) \(v.s.databaseName) "
        if DisplayWidth.of(right) > r.right - x - 12 { right = "\(u.name) " }
        if v.s.screen == .meeting, let m = v.s.meeting {
            // The timer sits where the whole room looks: top right.
            let t = MeetingView.timer(v, m)
            right = "\(u.name) "
            b.put(t.text, x: r.right - t.width, y: r.y, role: t.role)
            var rx = r.right - t.width - DisplayWidth.of(right) - 1
            if v.s.privacyMask {
                let badge = " \(v.t("mask.badge")) "
                rx -= DisplayWidth.of(badge) + 1
                b.put(badge, x: rx, y: r.y, role: .mask)
                rx += DisplayWidth.of(badge) + 1
            }
            b.put(right, x: max(x, rx), y: r.y, role: .titleBar, maxWidth: r.right - t.width - max(x, rx))
            return
        }
        var rx = r.right - DisplayWidth.of(right)
        if v.s.privacyMask {
            let badge = " \(v.t("mask.badge")) "
            rx -= DisplayWidth.of(badge) + 1
            b.put(badge, x: rx, y: r.y, role: .mask)
            rx += DisplayWidth.of(badge) + 1
        }
        b.put(right, x: rx, y: r.y, role: .titleBar, maxWidth: r.right - rx)
    }

    /// Key hints for what has focus, or the current message.
    static func statusBar(_ v: ViewContext, _ r: Rect, _ b: inout CellBuffer) {
        let s = v.s
        var message: Span? = nil
        if let working = s.working {
            message = Span(v.r(working), .statusBar)
        } else if let searching = s.searching {
            message = Span("/ " + searching.text + "▏  " + v.t("search.hint"), .statusBar)
        } else if let st = s.status {
            let role: StyleRole = st.kind == .error ? .bad : (st.kind == .success ? .ok : .statusBar)
            message = Span(v.r(st.message), role)
        } else if s.screen == .meeting, let m = s.meeting, let target = m.editing {
            let save = m.texts[target]
            let role: StyleRole = save?.problem.map { _ in StyleRole.bad } ?? .statusBar
            message = Span((MeetingView.saveState(v, m, target) ?? "") + "  " + v.t("meeting.editor-hint"), role)
        } else if s.screen == .meeting, let m = s.meeting, let unsaved = m.texts.first(where: { $0.value.problem != nil }) {
            message = Span(v.t("text.unsaved-field", v.t("field.\(unsaved.key.fieldKey)"), v.t(unsaved.value.statusKey)), .bad)
        }
        let right = s.screen == .meeting ? "" : v.strings.shortDate(s.today)
        StatusBar(hints: hints(v), message: message, right: right).render(r, into: &b)
    }

    static func hints(_ v: ViewContext) -> [KeyHint] {
        let commands: [Command]
        switch v.s.context {
        case .caseload: commands = [.open, .changeStatus, .startMeeting, .search, .screenHouseholds, .screenAudit, .help, .quit]
        case .households: commands = [.open, .startMeeting, .search, .newHousehold, .screenCaseload, .screenAudit, .help, .quit]
        case .audit: commands = v.s.audit.evidence ? [.open, .back, .help] : [.open, .filterRule, .filterTeam, .clearFilters, .search, .help, .quit]
        case .household: commands = [.startMeeting, .nextTab, .editHousehold, .householdFlags, .addContact, .addSignal, .back, .help]
        case .householdMembers: commands = [.addMember, .editMember, .endMember, .nextTab, .back, .help]
        case .householdActions: commands = [.addAction, .edit, .changeStatus, .reopenAction, .nextTab, .undo, .help]
        case .meetingOpening: commands = [.addAttendee, .addGuest, .cyclePresence, .setChair, .recordConsent, .nextStep, .help]
        case .meetingOwnView: commands = [.edit, .nextStep, .previousStep, .help]
        case .meetingPrevious: commands = [.closeDone, .closeNotDone, .closeNotPossible, .carryOver, .nextStep, .help]
        case .meetingDomains: commands = [.score1, .ownScore, .targetScore, .cycleDomainStatus, .markNoNeed, .addAction, .editSituation, .focusActions, .nextStep, .help]
        case .meetingCoordinator: commands = [.propose, .accept, .decline, .nextStep, .help]
        case .meetingClosing: commands = [.jumpToGap, .editNextReview, .addDecision, .closeMeeting, .exportMinutes, .help]
        case .meetingMinutes: commands = [.moveDown, .moveUp, .pageDown, .exportMinutes, .back, .help]
        default: commands = [.help, .quit]
        }
        return commands.compactMap { c in
            guard let k = v.keyName(c) else { return nil }
            return KeyHint(c == .score1 ? "1-5" : k, v.t("hint.\(c.rawValue)"))
        }
    }
}
