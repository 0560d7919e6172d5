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

    @Test func closingCheckListsEveryGap() {
        var f = Fixture()
        let mid = f.meeting(daysAgo: 0)
        f.file.attendees.append(Attendee(id: 1, meetingId: mid, party: .professional(2), presence: .aanwezig))
        f.score("financien", 2)
        let incomplete = f.action("huisvesting", "Woning zoeken", dueInDays: nil, owner: nil)
        let meeting = f.file.meetings.first { $0.id == mid }!
        let gaps = ClosingCheck.gaps(f.file, meeting: meeting, roster: f.roster, domainOrder: order)
        #expect(gaps == [.noCoordinator, .domainWithoutAction("financien"),
                         .actionIncomplete(action: incomplete, missingOwner: true, missingDue: true),
                         .consentMissing(organisation: 2, name: "Schuldhulp"), .noNextReview])
        #expect(gaps.map(\.step) == [.coordinator, .domains, .domains, .opening, .closing])
    }

    @Test func closingCheckIsEmptyForAHealthyPlan() {
        var f = Fixture()
        let mid = f.meeting(daysAgo: 0)
        f.coordinator(.professional(1), .geaccepteerd)
        f.score("financien", 2)
        f.action("financien")
        f.file.meetings[f.file.meetings.firstIndex { $0.id == mid }!].nextReview = today.adding(weeks: 6)
        let meeting = f.file.meetings.first { $0.id == mid }!
        #expect(ClosingCheck.gaps(f.file, meeting: meeting, roster: f.roster, domainOrder: order).isEmpty)
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

    @Test func organisationExtractHasOnlyItsOwnActions() throws {
        var (f, mid) = minutesFixture()
        f.action("huisvesting", "Woning aanpassen", owner: .professional(2))
        let m = try Minutes.build(f.file, meetingId: mid, roster: f.roster, domainOrder: order)
        let ex = MinutesRenderer(strings: Strings(.nl)).document(m, audience: .organisation(2), roster: f.roster).markdown()
        #expect(ex.contains("Woning aanpassen"))
        #expect(!ex.contains("schuldhulp |") && !ex.contains("Aanvraag schuldhulp"))
        #expect(!ex.contains("Wij willen rust"))
    }
}
