import Testing
import TestSupport
@testable import TafelCore

@Suite("Agenda, closing check, reach panel and minutes")
struct MeetingLogicTests {
    let today = Fixture.today
    let order = ReferenceData.bundled.domainSet("zrm-2017")!.codes

    @Test func agendaPutsPreviousActionsFirstAndMarksLowScores() {
        var f = Fixture()
        let m = f.meeting(daysAgo: 0)
        let old = f.action("financien", "Oude afspraak", createdDaysAgo: 40) { $0.meetingId = 1 }
        f.action("huisvesting", "Nieuw vandaag", createdDaysAgo: 0) { $0.meetingId = m }
        f.score("huisvesting", 2)
        let agenda = Agenda.build(f.file, meetingId: m, domainOrder: order)
        #expect(agenda.previousActions.map(\.id) == [old])
        #expect(agenda.domains.map(\.code).prefix(4) == ["financien", "werk-opleiding", "tijdsbesteding", "huisvesting"])
        #expect(agenda.domains.first { $0.code == "huisvesting" }?.marked == true)
        #expect(agenda.domains.first { $0.code == "financien" }?.marked == false)
    }

    /// A fixture with today's open meeting in which every domain counts as discussed and both
    /// members are scored, so each test below adds exactly the gap it is about.
    func closingFixture() -> (Fixture, Int64) {
        var f = Fixture()
        let mid = f.meeting(daysAgo: 0, discussed: order, status: .open)
        f.coordinator(.professional(1), .geaccepteerd)
        f.score("werk-opleiding", 4, member: f.anja)
        f.score("werk-opleiding", 4, member: f.tim)
        f.file.meetings[f.file.meetings.firstIndex { $0.id == mid }!].nextReview = today.adding(weeks: 6)
        return (f, mid)
    }

    func gaps(_ f: Fixture, _ mid: Int64) -> [Gap] {
        ClosingCheck.gaps(f.file, meeting: f.file.meetings.first { $0.id == mid }!, roster: f.roster, domainOrder: order, today: today)
    }

    @Test func closingCheckIsEmptyForAHealthyPlan() {
        var (f, mid) = closingFixture()
        f.score("financien", 2)
        f.action("financien", "Schuldhulp aanvragen bij de gemeente")
        #expect(gaps(f, mid).isEmpty)
    }

    @Test func gapNoAcceptedCoordinator() {
        var (f, mid) = closingFixture()
        f.file.coordinators.removeAll()
        f.coordinator(.professional(2), .voorgesteld)
        #expect(gaps(f, mid) == [.noCoordinator])
        #expect(Gap.noCoordinator.step == .coordinator)
    }

    @Test func gapLowScoreOrNeedWithoutActionOrReason() {
        var (f, mid) = closingFixture()
        f.score("financien", 2)
        f.domain("huisvesting", .zorg)
        #expect(gaps(f, mid) == [.domainWithoutAction("financien"), .domainWithoutAction("huisvesting")])
        f.domain("financien", .zorg, noActionReason: "Budgetbeheer loopt via de bewindvoerder")
        f.action("huisvesting", "Woningzoekende inschrijven bij Woonstad")
        #expect(gaps(f, mid).isEmpty)
    }

    @Test func gapActionWithoutExplicitOwnerOrDueDate() {
        var (f, mid) = closingFixture()
        let noOwner = f.action("werk-opleiding", "Cv opstellen met Anja", owner: nil)
        let noDue = f.action("werk-opleiding", "Sollicitatiebrief schrijven", dueInDays: nil)
        #expect(gaps(f, mid) == [.actionIncomplete(action: noOwner, missingOwner: true, missingDue: false),
                                 .actionIncomplete(action: noDue, missingOwner: false, missingDue: true)])
    }

    @Test func gapVagueVerbNamesTheWord() {
        var (f, mid) = closingFixture()
        let a = f.action("werk-opleiding", "Situatie op school monitoren")
        let b = f.action("werk-opleiding", "Schulden in de gaten houden")
        #expect(gaps(f, mid) == [.vagueAction(action: a, word: "monitoren"), .vagueAction(action: b, word: "in de gaten houden")])
        #expect(Strings(.nl).render(Gap.vagueAction(action: a, word: "monitoren").message).contains("‘monitoren’"))
    }

    @Test func gapMemberNeverScored() {
        var (f, mid) = closingFixture()
        let tim = f.tim
        f.file.assessments.removeAll { $0.memberId == tim }
        #expect(gaps(f, mid) == [.memberNeverScored(member: f.tim, name: "Tim")])
        // A member who left the household is not asked for.
        f.file.members[f.file.members.firstIndex { $0.id == tim }!].endedOn = today.adding(days: -1)
        #expect(gaps(f, mid).isEmpty)
    }

    @Test func gapDomainsNotDiscussedIsOneLineAndCanBeAcknowledged() throws {
        var f = Fixture()
        let mid = f.meeting(daysAgo: 0, discussed: ["financien", "werk-opleiding"], status: .open)
        f.coordinator(.professional(1), .geaccepteerd)
        f.score("financien", 4, member: f.anja); f.score("financien", 4, member: f.tim)
        f.file.meetings[f.file.meetings.firstIndex { $0.id == mid }!].nextReview = today.adding(weeks: 6)
        #expect(gaps(f, mid) == [.domainsNotDiscussed(count: order.count - 2)])
        let changes = try CaseOperation.acknowledgeGap(meetingId: mid, Gap.domainsNotDiscussed(count: 1).acknowledgement)
            .changes(in: f.file, context: OperationContext(today: today, now: 0, user: f.roster.professionals[1]!))
        guard case .meeting(_, let m)? = changes.first else { Issue.record("not acknowledged"); return }
        f.file.meetings[f.file.meetings.firstIndex { $0.id == mid }!] = m
        #expect(gaps(f, mid).isEmpty)
    }

    @Test func gapConsentMissingForAnAttendingOrganisation() {
        var (f, mid) = closingFixture()
        f.file.attendees.append(Attendee(id: 1, meetingId: mid, party: .professional(2), presence: .aanwezig))
        f.file.attendees.append(Attendee(id: 2, meetingId: mid, party: .professional(1), presence: .afwezigMetBericht))
        #expect(gaps(f, mid) == [.consentMissing(organisation: 2, name: "Schuldhulp")])
        #expect(gaps(f, mid).map(\.step) == [.opening])
    }

    @Test func gapCodesReadBackWithTodaysNames() {
        let (f, _) = closingFixture()
        for gap in [Gap.noCoordinator, .domainWithoutAction("financien"), .actionIncomplete(action: 7, missingOwner: true, missingDue: false),
                    .vagueAction(action: 7, word: "in de gaten houden"), .memberNeverScored(member: f.tim, name: "Tim"),
                    .domainsNotDiscussed(count: 9), .consentMissing(organisation: 2, name: "Schuldhulp"), .noNextReview] {
            #expect(Gap(code: gap.code, file: f.file, roster: f.roster) == gap, "\(gap.code)")
        }
        #expect(Gap(code: "astrologie:3", file: f.file, roster: f.roster) == nil)
    }

    @Test func closingOverGapsNeedsAReasonOfRealLength() throws {
        var (f, mid) = closingFixture()
        f.file.coordinators.removeAll()
        let ctx = OperationContext(today: today, now: 5, user: f.roster.professionals[1]!)
        for weak in ["x", "ok", "volgende keer", "   regie later     "] {
            #expect(throws: DomainError.gapsNeedReason) {
                try CaseOperation.closeMeeting(meetingId: mid, gapReason: weak, gaps: [Gap.noCoordinator.code]).changes(in: f.file, context: ctx)
            }
        }
        let changes = try CaseOperation.closeMeeting(meetingId: mid, gapReason: "Regie wordt volgende week belegd bij de wijkcoach",
                                                     gaps: [Gap.noCoordinator.code]).changes(in: f.file, context: ctx)
        guard case .meeting(_, let m)? = changes.first else { Issue.record("not closed"); return }
        #expect(m.gapsClosedOver == ["no-coordinator"] && m.status == .closed)
        // Without gaps no reason is needed.
        #expect(throws: Never.self) { try CaseOperation.closeMeeting(meetingId: mid, gapReason: nil, gaps: []).changes(in: f.file, context: ctx) }
    }

    @Test func minutesListTheGapsClosedOverWithTheReason() throws {
        var (f, mid) = closingFixture()
        let vague = f.action("werk-opleiding", "Schoolgang monitoren")
        let i = f.file.meetings.firstIndex { $0.id == mid }!
        f.file.meetings[i].status = .closed
        f.file.meetings[i].gapReason = "Leerplicht sluit volgende keer aan en maakt het concreet"
        f.file.meetings[i].gapsClosedOver = [Gap.vagueAction(action: vague, word: "monitoren").code, Gap.noCoordinator.code]
        f.file.meetings[i].acknowledged = ["not-discussed"]
        let m = try Minutes.build(f.file, meetingId: mid, roster: f.roster, domainOrder: order)
        let md = MinutesRenderer(strings: Strings(.nl)).document(m, audience: .team, roster: f.roster).markdown()
        #expect(md.contains("## Afgesloten met open punten"))
        #expect(md.contains("- vaag: ‘monitoren’"))
        #expect(md.contains("Schoolgang monitoren"))
        #expect(md.contains("- geen geaccepteerde regisseur"))
        #expect(md.contains("Leerplicht sluit volgende keer aan en maakt het concreet"))
        #expect(md.contains("bewust: leefgebieden bewust niet besproken"))
    }

    @Test func reachPanelShowsCoverageAndWaiting() {
        var f = Fixture()
        f.domain("financien", .zorg); f.domain("geestelijke-gezondheid", .zorg)
        f.action("financien", status: .wachtlijst) { $0.waitingSince = Fixture.today.adding(days: -40) }
        let panel = ReachPanel.compute(f.file, today: today, domainOrder: order)
        #expect(panel.map(\.element) == ReachElement.allCases)
        let coverage = panel.first { $0.element == .onvolledigheid }!
        #expect(coverage.level == .aandacht)
        #expect(coverage.ratio == 0.5)
        #expect(coverage.evidence.first == Message("reach.onvolledigheid.coverage", .number(1), .number(2)))
        #expect(panel.first { $0.element == .onbeschikbaarheid }!.level == .zorg)
        #expect(panel.first { $0.element == .onzichtbaarheid }!.level == .zorg) // nobody assessed
    }

    @Test func reachPanelTimeToFirstMeeting() {
        var f = Fixture()
        f.file.meetings.removeAll()
        f.file.signals.append(Signal(id: 1, householdId: f.hid, source: "buren", date: today.adding(days: -120), text: "Overlast"))
        f.meeting(daysAgo: 10)
        let item = ReachPanel.compute(f.file, today: today, domainOrder: order).first { $0.element == .onzichtbaarheid }!
        #expect(item.evidence.contains(Message("reach.onzichtbaarheid.signal-to-meeting", .number(110))))
        #expect(item.level == .zorg)
    }

    func minutesFixture() -> (Fixture, Int64) {
        var f = Fixture()
        let mid = f.meeting(daysAgo: 0, discussed: ["financien"])
        f.file.meetings[f.file.meetings.firstIndex { $0.id == mid }!].chairId = 1
        f.file.meetings[f.file.meetings.firstIndex { $0.id == mid }!].nextReview = today.adding(weeks: 6)
        f.file.meetings[f.file.meetings.firstIndex { $0.id == mid }!].decisions = ["Schuldhulp gaat voor"]
        f.file.attendees.append(Attendee(id: 1, meetingId: mid, party: .professional(1), presence: .aanwezig))
        f.file.attendees.append(Attendee(id: 2, meetingId: mid, party: .professional(2), presence: .afwezigMetBericht))
        f.score("financien", 3, daysAgo: 40)
        f.score("financien", 2, daysAgo: 0)
        f.action("financien", "Aanvraag schuldhulp | met <spoed>", dueInDays: 11, createdDaysAgo: 0) { $0.meetingId = mid; $0.framework = .wgs }
        f.coordinator(.professional(1), .geaccepteerd, daysAgo: 0)
        f.file.household.ownView = "Wij willen rust.\nEn geen brieven meer."
        return (f, mid)
    }

    @Test func teamMinutesContainTheWholeMeeting() throws {
        let (f, mid) = minutesFixture()
        let m = try Minutes.build(f.file, meetingId: mid, roster: f.roster, domainOrder: order)
        #expect(m.present == ["Sanne (Wijkteam Noord)"])
        #expect(m.apologies == ["Ahmed (Schuldhulp)"])
        #expect(m.domains.first?.scores.first?.before == 3)
        #expect(m.domains.first?.scores.first?.after == 2)
        let md = MinutesRenderer(strings: Strings(.nl)).document(m, audience: .team, roster: f.roster).markdown()
        #expect(md.contains("# Verslag casusoverleg — Familie Test"))
        #expect(md.contains("| Wie | Wat | Wanneer | Kader | Leefgebied |"))
        #expect(md.contains("Aanvraag schuldhulp \\| met \\<spoed> (nieuw)"))
        #expect(md.contains("04-12-2026"))
        #expect(md.contains("Anja 3 → 2"))
        #expect(md.contains("**Regisseur:** Sanne (Wijkteam Noord)"))
        #expect(md.contains("- Schuldhulp gaat voor"))
        let html = MinutesRenderer(strings: Strings(.nl)).document(m, audience: .team, roster: f.roster).html()
        #expect(html.contains("<table>") && html.contains("&lt;spoed&gt;") && html.contains("@page { size: A4"))
    }

    @Test func householdPlanIsPlainLanguageWithoutScores() throws {
        let (f, mid) = minutesFixture()
        let m = try Minutes.build(f.file, meetingId: mid, roster: f.roster, domainOrder: order)
        let plan = MinutesRenderer(strings: Strings(.nl)).document(m, audience: .household, roster: f.roster).markdown()
        #expect(plan.contains("# Ons plan — Familie Test"))
        #expect(plan.contains("Sanne: Aanvraag schuldhulp"))
        #expect(plan.contains("vrijdag 4 december 2026"))
        #expect(plan.contains("Dit gaat over: Geld."))
        #expect(plan.contains("Uw vaste contactpersoon is Sanne."))
        for banned in ["score", "Score", "acuut", "Wgs", "ZRM", "→", "Financiën"] { #expect(!plan.contains(banned), "\(banned)") }
    }

    /// The plan says how to reach the organisations doing the household's actions, from the
    /// sociale kaart entry for that domain in the household's wijk (and nothing without a kaart).
    @Test func householdPlanSaysHowToReachThemFromTheKaart() throws {
        let (f, mid) = minutesFixture()
        let org = try #require(f.roster.organisations.values.first { $0.name == "Wijkteam Noord" })
        let services = [Service(name: "Schuldhulp Zuid", organisation: org.name, contact: "Loket", phone: "14 020", domains: ["financien"], wijk: "Zuid"),
                        Service(name: "Schuldhulp Noord", organisation: org.name, contact: "Balie Noord", phone: "14 010", domains: ["financien"], wijk: "Noord"),
                        Service(name: "Woonloket", organisation: org.name, contact: "Balie", domains: ["huisvesting"])]
        let m = try Minutes.build(f.file, meetingId: mid, roster: f.roster, domainOrder: order, services: services)
        #expect(m.reachOut == [Minutes.PlanContact(service: "Schuldhulp Noord", contact: "Balie Noord", phone: "14 010", email: nil)])
        let plan = MinutesRenderer(strings: Strings(.nl)).document(m, audience: .household, roster: f.roster).markdown()
        #expect(plan.contains("## Zo bereikt u ze\n\n- Schuldhulp Noord: Balie Noord. Bel: 14 010.\n"), "\(plan)")
        let none = try Minutes.build(f.file, meetingId: mid, roster: f.roster, domainOrder: order)
        #expect(!MinutesRenderer(strings: Strings(.nl)).document(none, audience: .household, roster: f.roster).markdown().contains("Zo bereikt u ze"))
    }

    @Test func organisationExtractHasOnlyItsOwnActions() throws {
        var (f, mid) = minutesFixture()
        f.action("huisvesting", "Woning aanpassen", owner: .professional(2))
        let org = f.roster.professionals[2]!.organisationId!
        // Without a basis in the consent register: nothing about the household at all.
        let bare = try Minutes.build(f.file, meetingId: mid, roster: f.roster, domainOrder: order)
        let none = MinutesRenderer(strings: Strings(.nl)).document(bare, audience: .organisation(2), roster: f.roster).markdown()
        #expect(!none.contains("Woning aanpassen") && !none.contains("Familie Test") && none.contains("geen geldige grondslag"))
        f.file.consents.append(Consent(id: 9, householdId: f.file.id, organisationId: org, purpose: "woning", basis: .toestemming,
                                       givenOn: Fixture.today.adding(days: -60)))
        let m = try Minutes.build(f.file, meetingId: mid, roster: f.roster, domainOrder: order)
        let ex = MinutesRenderer(strings: Strings(.nl)).document(m, audience: .organisation(2), roster: f.roster).markdown()
        #expect(ex.contains("Woning aanpassen"))
        #expect(!ex.contains("schuldhulp |") && !ex.contains("Aanvraag schuldhulp"))
        #expect(!ex.contains("Wij willen rust"))
    }
}
