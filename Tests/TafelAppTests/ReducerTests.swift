import Foundation
import Testing
import TestSupport
@testable import TafelApp
@testable import TafelCore
import TerminalKit

/// The reducer on its own: state + action → state + effects, no I/O.
@Suite("Reducer")
struct ReducerTests {
    let today = Fixture.today
    let demo = DemoScenario.build(today: Fixture.today)

    func state(login: String = "fatima", size: Size = Size(width: 100, height: 30)) -> AppState {
        let user = demo.professionals.first { $0.login == login }!
        return AppState(user: user, roster: DemoRoster.roster, domainOrder: ReferenceData.bundled.domainSet("zrm-2017")!.codes,
                        databaseName: "x.sqlite", keymap: Keymap.defaults, strings: Strings(.nl), today: today,
                        now: Int64(today.ordinal) * 86_400 + 9 * 3600, size: size)
    }

    func file(_ name: String) -> CaseFile { demo.households.first { $0.household.name.contains(name) }! }

    /// A state in meeting mode for a household, with a meeting started today.
    func meetingState(_ name: String, step: AgendaStep = .opening) -> AppState {
        var s = state()
        var f = file(name)
        let m = Meeting(id: 9000, householdId: f.id, date: today, startedAt: s.now, chairId: 1, currentStep: step,
                        nextReview: today.adding(weeks: 6))
        f.meetings.append(m)
        f.attendees.append(Attendee(id: 9001, meetingId: 9000, party: .professional(1), organisationId: 1, presence: .aanwezig))
        _ = Reducer.reduce(&s, .meetingOpened(f, meetingId: 9000))
        return s
    }

    @discardableResult
    func key(_ s: inout AppState, _ name: String) -> [Effect.Intent] {
        Reducer.reduce(&s, .key(KeyEvent(name: name) ?? .char(Character(name)))).map(\.intent)
    }

    /// Presses a key and returns the effects with their ids (to answer them).
    func press(_ s: inout AppState, _ name: String) -> [Effect] {
        Reducer.reduce(&s, .key(KeyEvent(name: name) ?? .char(Character(name))))
    }

    /// The operation an effect performs, if it is one.
    func operation(_ e: Effect.Intent?) -> CaseOperation? {
        if case .perform(let op, _)? = e { return op }
        return nil
    }

    @Test func statusChangeInTwoKeystrokes() {
        var s = state(login: "sanne")
        let jolanda = file("Jolanda")
        let late = jolanda.actions.first { $0.description.hasPrefix("Mantelzorg") }!
        _ = Reducer.reduce(&s, .caseloadLoaded(Caseload(overdue: [CaseloadAction(action: late, householdName: "Jolanda Hermans", ownerName: "Sanne")])))
        #expect(s.caseload.scroll.selected == 1) // the first action, below the heading
        #expect(key(&s, "s").isEmpty)
        #expect(s.modal == .statusMenu(actionId: late.id, householdId: jolanda.id))
        let effects = press(&s, "g")
        #expect(effects.map(\.intent) == [.perform(.closeAction(late.id, .gedaan, replacedBy: nil), householdId: jolanda.id)])
        #expect(s.modal == nil)
        #expect(s.status?.message == Message("status.saving"))
        // The answer decides the status line (not "opslaan…" until the next key) and reloads the list.
        var after = jolanda
        after.actions[after.actions.firstIndex { $0.id == late.id }!].status = .gedaan
        let changed = Change.action(base: late, new: after.action(late.id)!)
        let followUp = Reducer.reduce(&s, .result(effects[0].id, .performed(OperationResult(file: after, changes: [changed]))))
        #expect(s.status?.kind == .success)
        #expect(s.strings.render(s.status!.message).contains(late.description))
        #expect(followUp.map(\.intent) == [.loadCaseload])
    }

    @Test func rejectionAsksForTheReasonCode() {
        var s = state(login: "sanne")
        let a = file("Jolanda").actions.first { $0.isOpen }!
        _ = Reducer.reduce(&s, .caseloadLoaded(Caseload(thisWeek: [CaseloadAction(action: a, householdName: "J", ownerName: "S")])))
        key(&s, "s"); key(&s, "a")
        guard case .picker(let p)? = s.modal else { Issue.record("expected a picker"); return }
        #expect(p.options.count == RejectionCode.allCases.count)
        // "Voorliggende voorziening" asks which law comes first (the signal and the minutes need it).
        #expect(key(&s, "Enter").isEmpty)
        guard case .picker(let laws)? = s.modal, laws.purpose == .precedingLaw(actionId: a.id, householdId: a.householdId) else {
            Issue.record("expected the law picker: \(String(describing: s.modal))"); return
        }
        #expect(laws.title == "status.reject-law-title" && laws.options.count == LegalFramework.allCases.count)
        for c in "wlz" { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(key(&s, "Enter") == [.perform(.rejectAction(a.id, Rejection(.voorliggend, law: .wlz)), householdId: a.householdId)])
        // Another reason does not ask (a fresh state: keys wait while a write is answered).
        s = state(login: "sanne")
        _ = Reducer.reduce(&s, .caseloadLoaded(Caseload(thisWeek: [CaseloadAction(action: a, householdName: "J", ownerName: "S")])))
        key(&s, "s"); key(&s, "a"); key(&s, "Down")
        #expect(key(&s, "Enter") == [.perform(.rejectAction(a.id, Rejection(.geenPassendKader)), householdId: a.householdId)])
    }

    /// `>` sorts the households by the next column (counts largest first), `I` turns it round, and
    /// each choice is sent to be kept in config.toml; the list's own order comes back after the last.
    @Test func sortingTheHouseholdsListIsAKeyAndIsKept() {
        var s = state(login: "petra")
        let loaded = press(&s, "2")
        let list: [HouseholdSummary] = demo.households.map { (f: CaseFile) -> HouseholdSummary in
            HouseholdSummary(id: f.id, name: f.household.name, wijk: f.household.wijk, team: f.household.team, status: f.household.status,
                             coordinator: nil, openActions: f.openActions.count, overdueActions: 0, lastMeeting: nil, involved: true)
        }
        let names: [String] = list.map { $0.name }
        let byName: [String] = names.sorted { $0.compare($1, options: [.caseInsensitive, .diacriticInsensitive, .numeric]) == .orderedAscending }
        _ = Reducer.reduce(&s, .result(loaded[0].id, .households(list)))
        #expect(s.households.visible.map { $0.name } == names, "the list's own order first")
        #expect(key(&s, ">") == [.saveSetting(key: "sort-households", value: "name")])
        #expect(s.households.visible.map { $0.name } == byName)
        key(&s, ">"); key(&s, ">")
        #expect(key(&s, ">") == [.saveSetting(key: "sort-households", value: "-open")])
        let open: [Int] = s.households.visible.map { $0.openActions }
        #expect(open == open.sorted(by: >), "most open actions first: \(open)")
        #expect(key(&s, "I") == [.saveSetting(key: "sort-households", value: "open")])
        #expect(s.households.visible.map { $0.openActions } == open.sorted())
        #expect(s.status?.message == Message("sort.ascending", .key("households.col-open")))
        // `<` from the first column goes back to the list's own order.
        s.households.sort = ListSort(key: "name")
        #expect(key(&s, "<") == [.saveSetting(key: "sort-households", value: "")])
        #expect(s.households.visible.map { $0.name } == names)
    }

    /// In the caseload the groups stay (late first); `>` orders within each group by household.
    @Test func theCaseloadSortsWithinItsGroups() {
        var s = state(login: "sanne")
        let acts = demo.households.flatMap { f in f.actions.filter(\.isOpen).prefix(1).map { CaseloadAction(action: $0, householdName: f.household.name, ownerName: "S") } }
        let late = Array(acts.prefix(3)), week = Array(acts.dropFirst(3).prefix(3))
        _ = Reducer.reduce(&s, .caseloadLoaded(Caseload(overdue: late.reversed(), thisWeek: week.reversed())))
        func names(_ group: String) -> [String] {
            var inGroup = false, out: [String] = []
            for r in s.caseload.rows {
                if case .heading(let k, _) = r { inGroup = k == group; continue }
                if inGroup, case .action(let a, _) = r { out.append(a.householdName) }
            }
            return out
        }
        #expect(key(&s, ">") == [.saveSetting(key: "sort-caseload", value: "household")])
        #expect(names("caseload.overdue") == late.map(\.householdName).sorted { $0.compare($1, options: [.caseInsensitive, .diacriticInsensitive, .numeric]) == .orderedAscending })
        #expect(Set(names("caseload.this-week")) == Set(week.map(\.householdName)), "no action changes group")
        #expect(s.status?.message == Message("sort.ascending", .key("caseload.col-household")))
    }

    /// A press on a column title sorts once: a repeated press report before its release (a busy
    /// terminal) is the same click; after the release the next press sorts again.
    @Test func onePressOnAColumnTitleSortsOnce() {
        var s = state(login: "petra")
        let loaded = press(&s, "2")
        _ = Reducer.reduce(&s, .result(loaded[0].id, .households([])))
        let t = Layouts.householdsTable(s.size)
        let press = KeyEvent.mouse(MouseEvent(.click, x: t.x + 4, y: t.y)), release = KeyEvent.mouse(MouseEvent(.release, x: t.x + 4, y: t.y))
        #expect(Reducer.reduce(&s, .key(press)).map(\.intent) == [.saveSetting(key: "sort-households", value: "name")])
        #expect(Reducer.reduce(&s, .key(press)).isEmpty, "a repeated press before the release")
        #expect(s.households.sort == ListSort(key: "name"))
        _ = Reducer.reduce(&s, .key(release))
        #expect(Reducer.reduce(&s, .key(press)).map(\.intent) == [.saveSetting(key: "sort-households", value: "-name")])
    }

    @Test func aSortKeptInTheConfigComesBackAndUnknownValuesAreIgnored() {
        #expect(ListSort(setting: "-late", keys: SortColumns.households) == ListSort(key: "late", descending: true))
        #expect(ListSort(setting: "days", keys: SortColumns.audit) == ListSort(key: "days"))
        #expect(ListSort(setting: "-bogus", keys: SortColumns.audit) == ListSort())
        #expect(ListSort(setting: nil, keys: SortColumns.audit).setting == "")
        // A click on the sorted column turns it round; on another column starts that one.
        #expect(ListSort(key: "days", descending: true).clicked("days", numeric: SortColumns.auditNumeric) == ListSort(key: "days"))
        #expect(ListSort(key: "days").clicked("name", numeric: SortColumns.auditNumeric) == ListSort(key: "name"))
        #expect(ListSort().clicked("signals", numeric: SortColumns.auditNumeric) == ListSort(key: "signals", descending: true))
    }

    @Test func screensAreReachableByNumberAndLoadTheirData() {
        var s = state(login: "petra")
        let households = press(&s, "2")
        #expect(households.map(\.intent) == [.loadHouseholds])
        #expect(s.screen == .households)
        // Until the list has come, keys wait for it (type-ahead), then act.
        #expect(key(&s, "3").isEmpty)
        #expect(s.screen == .households && s.typeAhead == [.char("3")])
        let replayed = Reducer.reduce(&s, .result(households[0].id, .households([])))
        #expect(replayed.map(\.intent) == [.loadAudit(AuditFilter())])
        #expect(s.screen == .audit)
        var worker = state(login: "sanne")
        #expect(key(&worker, "3").isEmpty)
        #expect(worker.screen == .caseload)
        #expect(worker.status?.kind == .error)
    }

    /// Keys queued while a list loaded are not stranded when the list arrives by another path than
    /// the answer (or the answer is dropped): the next key replays them first, in order.
    @Test func queuedKeysAreNeverStranded() {
        var s = state(login: "petra")
        press(&s, "2")
        #expect(key(&s, "3").isEmpty && s.typeAhead == [.char("3")])
        // The list comes as a plain action (a refresh), not as the answer that would replay: the
        // queued key acts at once, without waiting for a next key that may never come (a click was
        // stranded so in an end-to-end test).
        let effects = Reducer.reduce(&s, .householdsLoaded([]))
        #expect(effects.map(\.intent).contains(.loadAudit(AuditFilter())), "the queued 3 did not act: \(effects)")
        #expect(s.screen == .audit && s.typeAhead.isEmpty)
        // A key that comes while the audit loads waits behind it, in order, and goes when it arrives.
        #expect(key(&s, "1").isEmpty && s.typeAhead == [.char("1")])
        _ = Reducer.reduce(&s, .auditLoaded([]))
        #expect(s.screen == .caseload && s.typeAhead.isEmpty, "the key queued behind the audit's load did not act")
        // A dropped answer (nobody waits for it) replays what is queued too.
        var t = state(login: "petra")
        press(&t, "2")
        _ = Reducer.reduce(&t, .householdsLoaded([]))
        t.typeAhead = [.char("3")]   // as if stranded
        let replayed = Reducer.reduce(&t, .result(RequestID(999_999), .households([])))
        #expect(replayed.map(\.intent) == [.loadAudit(AuditFilter())] && t.screen == .audit)
    }

    @Test func searchFiltersTheList() {
        var s = state(login: "petra")
        key(&s, "2")
        _ = Reducer.reduce(&s, .householdsLoaded(demo.households.map { HouseholdSummary(id: $0.id, name: $0.household.name, wijk: $0.household.wijk,
            team: $0.household.team, status: .actief, coordinator: nil, openActions: 0, overdueActions: 0, lastMeeting: nil, involved: true) }))
        key(&s, "/")
        for c in "hille" { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(Set(s.households.visible.map(\.wijk)) == ["Hillesluis"])
        key(&s, "Esc")
        #expect(s.households.visible.count == 14)
    }

    @Test func paletteFindsStartMeetingByTypingMeet() {
        var s = state()
        key(&s, ":")
        for c in "meet" { _ = Reducer.reduce(&s, .key(.char(c))) }
        guard case .palette(let p)? = s.modal else { Issue.record("no palette"); return }
        #expect(p.matches.first == .startMeeting)
        var en = s
        en.strings = Strings(.en)
        #expect(ModalReducer.paletteMatches(en, "start meet").first == .startMeeting)
    }

    @Test func tabWalksTheAgendaAndMarksStepsDone() {
        var s = meetingState("De Vries")
        // Moving never waits for the disk: the place on the agenda is saved when the keys pause.
        #expect(key(&s, "Tab").isEmpty)
        #expect(s.meeting?.step == .ownView)
        #expect(s.meeting?.stepsCompleted == [.opening])
        let effects = Reducer.reduce(&s, .tick(now: s.now + 2, today: today))
        #expect(operation(effects.first?.intent) == .setAgenda(meetingId: 9000, current: .ownView, completed: [.opening]))
        #expect(s.meeting?.pendingSteps == nil)
        // The answer puts the saved place in the file; two steps forward: both are marked done.
        var f = s.meeting!.file
        f.meetings[f.meetings.firstIndex { $0.id == 9000 }!].currentStep = .ownView
        f.meetings[f.meetings.firstIndex { $0.id == 9000 }!].stepsCompleted = [.opening]
        _ = Reducer.reduce(&s, .result(effects[0].id, .performed(OperationResult(file: f, changes: []))))
        key(&s, "Tab"); key(&s, "Tab")
        #expect(s.meeting?.stepsCompleted == [.opening, .ownView, .previousActions])
        key(&s, "F5"); key(&s, "F6")
        key(&s, "S-Tab")
        #expect(s.meeting?.step == .opening)
        key(&s, "4")
        #expect(s.meeting?.step == .domains)
        #expect(s.context == .meetingDomains)
    }

    @Test func numberKeysScoreInLeefgebieden() {
        var s = meetingState("De Vries", step: .domains)
        let f = s.meeting!.file
        let effects = press(&s, "2")
        let first = s.meeting!.domainCodes(s.domainOrder)[0]
        // One intent: the score, and (in the same transaction, see the core's tests) the domain discussed.
        #expect(effects.map(\.intent) == [.perform(.setScore(member: f.members[0].id, domain: first, score: 2, meetingId: 9000), householdId: f.id)])
        _ = Reducer.reduce(&s, .result(effects[0].id, .performed(OperationResult(file: f, changes: []))))
        key(&s, "]")
        #expect(key(&s, "5").first == .perform(.setScore(member: f.members[1].id, domain: first, score: 5, meetingId: 9000), householdId: f.id))
    }

    /// A score typed on the next domain goes to its first member, never to whoever was selected on the
    /// domain before (a first-time chair's score for Opvoeding silently went to Elif so).
    @Test func aScoreOnDomainBNeverLandsOnTheMemberSelectedOnDomainA() {
        var s = meetingState("De Vries", step: .domains)
        let f = s.meeting!.file
        let codes = s.meeting!.domainCodes(s.domainOrder)
        /// Scores with `name` and answers the store's write, as the runtime would.
        func score(_ name: String) -> Effect.Intent? {
            let effects = press(&s, name)
            for e in effects { _ = Reducer.reduce(&s, .result(e.id, .performed(OperationResult(file: f, changes: [])))) }
            return effects.first?.intent
        }
        key(&s, "]"); key(&s, "]")
        #expect(score("4") == .perform(.setScore(member: f.members[2].id, domain: codes[0], score: 4, meetingId: 9000), householdId: f.id),
                "the third member is selected on the first domain")
        key(&s, "j")
        #expect(score("3") == .perform(.setScore(member: f.members[0].id, domain: codes[1], score: 3, meetingId: 9000), householdId: f.id),
                "the score on the second domain went to another member than its first")
        // Back on the first domain the selector starts at its first member again.
        key(&s, "k")
        #expect(score("2") == .perform(.setScore(member: f.members[0].id, domain: codes[0], score: 2, meetingId: 9000), householdId: f.id))
    }

    /// Consent for every organisation at the table in two keys: `t` opens the form preset to all of
    /// them, Enter records the same basis for each (one intent, so one transaction).
    @Test func oneFormRecordsConsentForEveryOrganisationAtTheTable() {
        func atTheTable() -> AppState {
            var s = meetingState("De Vries")
            var f = s.meeting!.file
            for (i, name) in ["Ahmed", "Dennis", "Kees"].enumerated() {
                let p = demo.professionals.first { $0.name.hasPrefix(name) }!
                f.attendees.append(Attendee(id: 9100 + Int64(i), meetingId: 9000, party: .professional(p.id), organisationId: p.organisationId, presence: .aanwezig))
            }
            _ = Reducer.reduce(&s, .meetingOpened(f, meetingId: 9000))
            return s
        }
        var s = atTheTable()
        let f = s.meeting!.file
        let missing = s.meeting!.organisationsWithoutConsent
        #expect(missing.count >= 2, "the fixture needs several organisations without consent: \(missing)")
        key(&s, "t")
        guard case .form(let form)? = s.modal else { Issue.record("expected the consent form"); return }
        #expect(form.fields.count == 7 && form.value(6) == .code("all"))
        #expect(form.value(0) == .id(missing[0]), "preset to an organisation that still needs consent")
        let intents = key(&s, "Enter")
        guard case .perform(.recordConsent(let c, let others), let hid)? = intents.first else { Issue.record("expected one consent intent: \(intents)"); return }
        #expect(intents.count == 1 && hid == f.id)
        #expect(c.organisationId == missing[0] && others == missing && c.basis == ConsentBasis.allCases[0])
        // "Only this organisation" records one.
        s = atTheTable()
        key(&s, "t")
        key(&s, "Tab"); key(&s, "Tab"); key(&s, "Tab"); key(&s, "Tab"); key(&s, "Tab"); key(&s, "Tab")
        key(&s, "Right")
        let second = key(&s, "Enter")
        guard case .perform(.recordConsent(_, let none), _)? = second.first else { Issue.record("expected a consent intent: \(second) \(String(describing: s.modal))"); return }
        #expect(none.isEmpty)
    }

    @Test func declineNeedsAReason() {
        var s = meetingState("De Vries", step: .coordinator)
        s.meeting!.file.coordinators.append(CoordinatorAssignment(id: 77, householdId: s.meeting!.file.id, coordinator: .professional(2), proposedOn: today))
        key(&s, "n")
        guard case .prompt? = s.modal else { Issue.record("expected a prompt"); return }
        #expect(key(&s, "Enter").isEmpty)
        guard case .prompt(let p)? = s.modal else { Issue.record("the prompt must stay"); return }
        #expect(p.error == DomainError.declineNeedsReason.message)
        for c in "geen tijd" { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(key(&s, "Enter") == [.perform(.decline(77, reason: "geen tijd"), householdId: s.meeting!.file.id)])
    }

    @Test func closingWithGapsNeedsAReasonThatGoesIntoTheMeeting() {
        var s = meetingState("De Vries", step: .closing)
        #expect(!s.meeting!.gaps.isEmpty)
        key(&s, "c")
        guard case .prompt(let p)? = s.modal, p.purpose == .closeWithGaps else { Issue.record("expected the gap prompt"); return }
        // A token reason is refused in the prompt, with the rule said.
        for c in "ok" { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(press(&s, "Enter").isEmpty)
        guard case .prompt(let short)? = s.modal else { Issue.record("the prompt must stay"); return }
        #expect(short.error == DomainError.gapsNeedReason.message)
        for c in " regie volgende keer" { _ = Reducer.reduce(&s, .key(.char(c))) }
        let effects = press(&s, "Enter")
        guard case .closeMeeting(let mid, let reason, let gaps)? = operation(effects.first?.intent) else { Issue.record("not closed"); return }
        #expect(mid == 9000 && reason == "ok regie volgende keer" && gaps == s.meeting!.gaps.map(\.code))
        #expect(CaseOperation.closeMeeting(meetingId: mid, gapReason: reason, gaps: gaps).note == "ok regie volgende keer")
        // The preview opens only when the store has confirmed the close.
        #expect(s.meeting?.showMinutes == false)
        var f = s.meeting!.file
        f.meetings[f.meetings.firstIndex { $0.id == 9000 }!].status = .closed
        _ = Reducer.reduce(&s, .result(effects[0].id, .performed(OperationResult(file: f, changes: [.meeting(base: nil, new: f.meetings[0])]))))
        #expect(s.meeting?.showMinutes == true)
    }

    @Test func aGapJumpsToWhereItIsFixed() {
        var s = meetingState("De Vries", step: .closing)
        let gaps = s.meeting!.gaps
        #expect(gaps.first == .noCoordinator)
        key(&s, "Enter")
        #expect(s.meeting?.step == .coordinator)
        var t = meetingState("Michael", step: .closing)
        let g = t.meeting!.gaps
        guard let i = g.firstIndex(where: { if case .domainWithoutAction = $0 { return true }; return false }),
              case .domainWithoutAction(let d) = g[i] else { Issue.record("no domain gap"); return }
        for _ in 0..<i { key(&t, "j") }
        key(&t, "Enter")
        #expect(t.meeting?.step == .domains)
        #expect(t.meeting!.domainCodes(t.domainOrder)[t.meeting!.domainScroll.selected] == d)
    }

    @Test func typedTextIsSavedWhenTypingPauses() {
        var s = meetingState("De Vries", step: .ownView)
        key(&s, "e")
        #expect(s.meeting?.editing == .ownView)
        let stored = s.meeting!.file.household.ownView
        for c in " Rust." { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(s.meeting?.texts[.ownView]?.statusKey == "text.typing")
        // Less than a second later: nothing yet.
        #expect(Reducer.reduce(&s, .tick(now: s.now, today: today)).isEmpty)
        let effects = Reducer.reduce(&s, .tick(now: s.now + 2, today: today))
        #expect(operation(effects.first?.intent) == .setText(.ownView, base: stored, text: stored + " Rust."))
        // Sent is not saved: the status says so until the store answers.
        #expect(s.meeting?.texts[.ownView]?.statusKey == "text.saving")
        var f = s.meeting!.file
        f.household.ownView = stored + " Rust."
        let follow = Reducer.reduce(&s, .result(effects[0].id, .performed(OperationResult(file: f, changes: [.household(base: nil, new: f.household)]))))
        #expect(s.meeting?.texts[.ownView] == nil && s.meeting?.editing == .ownView)
        #expect(follow.map(\.intent) == [.discardDraft(householdId: f.id, target: .ownView)])
        key(&s, "Esc")
        #expect(s.meeting?.editing == nil)
    }

    @Test func quittingInTheMiddleOfTypingSavesFirst() {
        var s = meetingState("De Vries", step: .ownView)
        key(&s, "e")
        _ = Reducer.reduce(&s, .key(.char("!")))
        // q is text while editing; leaving the editor saves.
        _ = Reducer.reduce(&s, .key(.char("q")))
        #expect(s.running)
        let effects = press(&s, "Esc")
        #expect(effects.count == 1)
        // q while the save is on its way: tafel waits for the answer, then stops.
        #expect(key(&s, "q").isEmpty)
        #expect(s.running && s.quitting)
        var f = s.meeting!.file
        f.household.ownView += "!q"
        _ = Reducer.reduce(&s, .result(effects[0].id, .performed(OperationResult(file: f, changes: [.household(base: nil, new: f.household)]))))
        #expect(!s.running)
    }

    @Test func resizeBelowTheMinimumShowsTheMessageAndRecovers() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.resize(Size(width: 40, height: 10))))
        #expect(s.tooSmall)
        #expect(key(&s, "2").isEmpty) // keys do nothing while too small
        _ = Reducer.reduce(&s, .key(.resize(Size(width: 100, height: 30))))
        #expect(!s.tooSmall)
    }

    @Test func helpAndMaskAndBack() {
        var s = state()
        key(&s, "?")
        #expect(s.modal == .help(scroll: 0))
        key(&s, "Esc")
        #expect(s.modal == nil)
        key(&s, "P")
        #expect(s.privacyMask)
        _ = Reducer.reduce(&s, .householdOpened(file("Maaike")))
        #expect(s.screen == .household)
        #expect(key(&s, "Esc") == [.loadCaseload])
        #expect(s.screen == .caseload)
    }

    /// A knellende regel from the household screen (K): the domain preset to the first in need,
    /// an exception needs who decided and a doorbraakbudget its amount, then one operation.
    @Test func aBlockedRuleIsRecordedFromTheHouseholdScreen() {
        var s = state(login: "sanne")
        _ = Reducer.reduce(&s, .householdOpened(file("Storm")))
        key(&s, "K")
        guard case .form(let form)? = s.modal, case .blockedRule = form.purpose else { Issue.record("no form: \(String(describing: s.modal))"); return }
        func type(_ text: String) { for c in text { _ = Reducer.reduce(&s, .key(.char(c))) } }
        type("Kostendelersnorm"); key(&s, "Tab")
        key(&s, "Tab")                                   // wet
        key(&s, "Tab")                                   // the domain in need
        type("Inwonen bij moeder verlaagt haar uitkering"); key(&s, "Tab")
        key(&s, "Right"); key(&s, "Right")               // doorbraakbudget
        #expect(key(&s, "Enter").isEmpty, "a doorbraakbudget without amount or decider")
        guard case .form(let f)? = s.modal else { Issue.record("the form closed"); return }
        #expect(f.error == DomainError.required(field: "amount").message)
        key(&s, "Tab"); type("€ 1.450"); key(&s, "Tab"); type("Petra (teamleider)")
        let effects = key(&s, "Enter")
        guard case .recordBlockedRule(let r)? = operation(effects.first) else { Issue.record("not recorded: \(effects)"); return }
        #expect(r.rule == "Kostendelersnorm" && r.source == .wet && r.exception == .doorbraakbudget && r.amount == 1450)
        #expect(r.decidedBy == "Petra (teamleider)" && r.domain == s.domainOrder.first { file("Storm").isInNeed($0) })
    }

    @Test func breakTheGlassAsksForAReasonAndThenOpens() {
        var s = state(login: "petra")
        let open = Reducer.reduce(&s, .openHousehold(13, then: .show))
        _ = Reducer.reduce(&s, .result(open[0].id, .needsReason(householdId: 13)))
        for c in "kort" { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(key(&s, "Enter").isEmpty) // too short
        for c in " gesprek nav melding" { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(key(&s, "Enter") == [.open(householdId: 13, reason: "kort gesprek nav melding")])
    }

    /// "Who does this for Financiën in Bloemhof?": the owner picker lists the organisations the
    /// sociale kaart names for the domain and the household's wijk, after who is at the table, with
    /// the number to call; a service for another wijk is not offered.
    @Test func theOwnerPickerOffersTheSocialeKaart() {
        var s = meetingState("De Vries", step: .domains)   // Bloemhof, on Financiën
        s.services = DemoRoster.services.sorted { $0.name < $1.name }   // as the store reads them
        let options = Forms.parties(s, file: s.meeting!.file, attendees: s.meeting!.attendees, domain: "financien")
        let names = options.prefix(3).map { s.strings.render($0.label) }
        #expect(names == ["Fatima el Amrani", "Stichting Ervaringskracht", "Schuldhulpverlening Stad"], "\(names)")
        #expect(options[2].detail.map(s.strings.render) == "kaart: 14 010 · ±3 wk")
        #expect(options[1].detail.map(s.strings.render) == "kaart: 06 1234 5678 · ±1 wk")
        // Jolanda lives in Hillesluis: Budgetcoaching Bloemhof is not hers; the voedselbank is not on the roster.
        let elsewhere = Forms.parties(s, file: file("Jolanda"), attendees: [], domain: "financien")
        #expect(elsewhere.first.map { s.strings.render($0.label) } == "Schuldhulpverlening Stad")
        #expect(!elsewhere.contains { s.strings.render($0.label).contains("Voedselbank") })
        #expect(elsewhere.filter { ($0.detail.map(s.strings.render) ?? "").hasPrefix("kaart") }.count == 1)
    }

    @Test func aNewActionFormValidatesAndSaves() {
        var s = meetingState("De Vries", step: .domains)
        key(&s, "a")
        guard case .form? = s.modal else { Issue.record("no form"); return }
        #expect(key(&s, "Enter").isEmpty) // description missing
        guard case .form(let f)? = s.modal else { return }
        #expect(f.error == DomainError.required(field: "description").message)
        for c in "Budgetcoach zoeken" { _ = Reducer.reduce(&s, .key(.char(c))) }
        key(&s, "Tab")
        for c in "ahmed" { _ = Reducer.reduce(&s, .key(.char(c))) }
        key(&s, "Tab")
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in "+10d" { _ = Reducer.reduce(&s, .key(.char(c))) }
        let effects = key(&s, "Enter")
        guard case .addAction(let a)? = operation(effects.first) else { Issue.record("not saved"); return }
        #expect(a.description == "Budgetcoach zoeken" && a.owner == .professional(DemoRoster.ahmed) && a.due == today.adding(days: 10))
        #expect(a.meetingId == 9000 && a.domain == s.meeting!.domainCodes(s.domainOrder)[0])
    }
}

/// Long work shows a line in the status bar before it starts, and the line goes when it ends.
@Suite("Progress while computing")
struct ProgressTests {
    @Test func theAuditSaysItIsComputingBeforeTheResultAppears() throws {
        let h = try AppHarness(login: "petra")
        var firstFrame = h.backend.screen
        h.backend.resetRecording()
        h.send(.char("3"))
        // Replays the first frame drawn after the key onto the screen as it was: it shows the message.
        #expect(h.backend.batches.count >= 2, "no frame before the audit was computed")
        for u in h.backend.batches.first ?? [] { firstFrame.put(u.cell.symbol, x: u.x, y: u.y, role: u.cell.role) }
        #expect(firstFrame.lines.last?.contains("audit wordt berekend over alle huishoudens") == true, "\(firstFrame.lines.last ?? "")")
        // The last frame has the result and no message.
        #expect(h.state.working == nil)
        #expect(!h.text.contains("audit wordt berekend"))
        #expect(h.text.contains("Vastgelopen huishoudens"))
    }

    @Test func quickWorkShowsNoProgressLine() throws {
        let h = try AppHarness(login: "petra")
        h.backend.resetRecording()
        h.send(.char("2"))
        for batch in h.backend.batches {
            #expect(!batch.map { String($0.cell.symbol) }.joined().contains("berekend"))
        }
        #expect(h.state.working == nil)
    }
}
