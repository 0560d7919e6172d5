import Testing
import TestSupport
@testable import TafelCore

/// Each signal fires at its threshold, stays silent one day before it, and ignores closed
/// or cancelled actions.
@Suite("Stall signals")
struct SignalTests {
    let today = Fixture.today

    // MARK: geen-regie

    @Test func geenRegieFiresAtFourteenDaysWithTwoDomainsInNeed() {
        var f = Fixture(activeDaysAgo: 14)
        f.domain("financien", .zorg); f.domain("huisvesting", .zorg)
        let hits = f.findings(.geenRegie)
        #expect(hits.count == 1)
        #expect(hits[0].since == today.adding(days: -14))
        #expect(hits[0].evidence.key == "signal.geen-regie.evidence")
    }

    @Test func geenRegieSilentAtThirteenDays() {
        var f = Fixture(activeDaysAgo: 13)
        f.domain("financien", .zorg); f.domain("huisvesting", .zorg)
        #expect(f.findings(.geenRegie).isEmpty)
    }

    @Test func geenRegieSilentWithAnAcceptedCoordinatorOrOneDomain() {
        var f = Fixture()
        f.domain("financien", .zorg)
        #expect(f.findings(.geenRegie).isEmpty)
        f.domain("huisvesting", .zorg)
        #expect(f.findings(.geenRegie).count == 1)
        f.coordinator(.professional(1), .geaccepteerd)
        #expect(f.findings(.geenRegie).isEmpty)
    }

    @Test func geenRegieCountsScoresAsNeedButNotGeenZorg() {
        var f = Fixture()
        f.score("financien", 2); f.score("huisvesting", 1)
        #expect(f.findings(.geenRegie).count == 1)
        f.domain("huisvesting", .opgelost)
        #expect(f.findings(.geenRegie).isEmpty)
    }

    // MARK: regie-teruggekaatst

    @Test func bounceFiresAtTwoDeclinesWithinNinetyDays() {
        var f = Fixture()
        f.coordinator(.professional(1), .afgewezen, daysAgo: 90, reason: "regel jij dat maar")
        #expect(f.findings(.regieTeruggekaatst).isEmpty)
        f.coordinator(.professional(2), .afgewezen, daysAgo: 3, reason: "geen tijd")
        let hits = f.findings(.regieTeruggekaatst)
        #expect(hits.count == 1)
        #expect(hits[0].evidence == Evidence.regieTeruggekaatst(declines: 2, lastReason: "geen tijd"))
    }

    @Test func bounceSilentWhenTheFirstDeclineIsOutsideTheWindow() {
        var f = Fixture()
        f.coordinator(.professional(1), .afgewezen, daysAgo: 91, reason: "nee")
        f.coordinator(.professional(2), .afgewezen, daysAgo: 3, reason: "nee")
        #expect(f.findings(.regieTeruggekaatst).isEmpty)
    }

    // MARK: actie-verlopen

    @Test func overdueFiresFromOneDayWithGrowingSeverity() {
        var f = Fixture()
        f.action(dueInDays: 0)
        #expect(f.findings(.actieVerlopen).isEmpty)
        let a = f.action(dueInDays: -1)
        let b = f.action(dueInDays: -7)
        let c = f.action(dueInDays: -28)
        let hits = f.findings(.actieVerlopen)
        #expect(hits.count == 3)
        func sev(_ id: Int64) -> Severity? { hits.first { $0.ref == .action(id) }?.severity }
        #expect(sev(a) == .laag && sev(b) == .middel && sev(c) == .hoog)
    }

    @Test func overdueIgnoresClosedCancelledAndRejectedActions() {
        var f = Fixture()
        f.action(status: .gedaan, dueInDays: -10)
        f.action(status: .vervallen, dueInDays: -10)
        f.action(status: .afgewezen, dueInDays: -10)
        #expect(f.findings(.actieVerlopen).isEmpty)
        f.action(status: .bezig, dueInDays: -10)
        #expect(f.findings(.actieVerlopen).count == 1)
    }

    // MARK: geparkeerd

    @Test func parkedActionFiresAtTwoCarryOvers() {
        var f = Fixture()
        f.action { $0.carryOverCount = 1 }
        #expect(f.findings(.geparkeerd).isEmpty)
        f.action { $0.carryOverCount = 2 }
        #expect(f.findings(.geparkeerd).count == 1)
        f.action(status: .gedaan) { $0.carryOverCount = 5 }
        #expect(f.findings(.geparkeerd).count == 1)
    }

    @Test func parkedDomainFiresAfterThreeMeetingsWithoutAction() {
        var f = Fixture()
        f.domain("huisvesting", .zorg)
        f.meeting(daysAgo: 60, discussed: ["huisvesting"])
        f.meeting(daysAgo: 30, discussed: ["huisvesting"])
        #expect(f.findings(.geparkeerd).isEmpty)
        f.meeting(daysAgo: 5, discussed: ["huisvesting"])
        let hits = f.findings(.geparkeerd)
        #expect(hits.map(\.ref) == [.domain("huisvesting")])
        #expect(hits[0].since == today.adding(days: -60))
        f.action("huisvesting", "Opruimhulp regelen")
        #expect(f.findings(.geparkeerd).isEmpty)
    }

    // MARK: review-verlopen

    @Test func reviewOverdueAtCadencePlusFourteenDays() {
        var f = Fixture()
        f.file.meetings.removeAll()
        f.meeting(daysAgo: 6 * 7 + 13)
        #expect(f.findings(.reviewVerlopen).isEmpty)
        f.file.meetings.removeAll()
        f.meeting(daysAgo: 6 * 7 + 14)
        let hits = f.findings(.reviewVerlopen)
        #expect(hits.count == 1)
        #expect(hits[0].since == today.adding(days: -14))
    }

    @Test func reviewOverdueUsesTheHouseholdCadence() {
        var f = Fixture()
        f.file.household.reviewCadenceWeeks = 12
        f.file.meetings.removeAll()
        f.meeting(daysAgo: 70)
        #expect(f.findings(.reviewVerlopen).isEmpty)
    }

    // MARK: acuut-zonder-actie

    @Test func acuteWithoutActionAfterTwoDays() {
        var f = Fixture()
        f.score("financien", 1, daysAgo: 1)
        #expect(f.findings(.acuutZonderActie).isEmpty)
        f.file.assessments.removeAll()
        f.score("financien", 1, daysAgo: 2)
        #expect(f.findings(.acuutZonderActie).count == 1)
        f.action("financien", "Noodfonds aanvragen")
        #expect(f.findings(.acuutZonderActie).isEmpty)
    }

    @Test func acuteIgnoresADoneAction() {
        var f = Fixture()
        f.score("financien", 1, daysAgo: 5)
        f.action("financien", status: .gedaan)
        #expect(f.findings(.acuutZonderActie).count == 1)
    }

    @Test func acuteUsesTheLatestScoreOnly() {
        var f = Fixture()
        f.score("financien", 1, daysAgo: 30)
        f.score("financien", 3, daysAgo: 5)
        #expect(f.findings(.acuutZonderActie).isEmpty)
    }

    // MARK: onvolledig

    @Test func incompleteForLowScoreOrZorgWithoutActionOrReason() {
        var f = Fixture()
        f.score("geestelijke-gezondheid", 2)
        f.domain("sociaal-netwerk", .zorg)
        f.score("werk-opleiding", 3)
        let hits = f.findings(.onvolledig)
        #expect(Set(hits.map(\.ref)) == [.domain("geestelijke-gezondheid"), .domain("sociaal-netwerk")])
    }

    @Test func incompleteSilentWithARecordedReasonOrAnOpenAction() {
        var f = Fixture()
        f.score("geestelijke-gezondheid", 2)
        f.domain("geestelijke-gezondheid", .nietBesproken, noActionReason: "Gezin wil eerst rust")
        f.domain("sociaal-netwerk", .zorg)
        f.action("sociaal-netwerk", "Maatje zoeken via welzijn")
        #expect(f.findings(.onvolledig).isEmpty)
    }

    // MARK: een-domein

    @Test func oneDomainWhenThreeNeedsAndAllActionsInOne() {
        var f = Fixture()
        f.domain("financien", .zorg); f.domain("geestelijke-gezondheid", .zorg)
        f.action("financien"); f.action("financien", "Budgetcoach")
        #expect(f.findings(.eenDomein).isEmpty)
        f.domain("sociaal-netwerk", .zorg)
        #expect(f.findings(.eenDomein).map(\.ref) == [.domain("financien")])
        f.action("sociaal-netwerk", "Rouwgroep zoeken")
        #expect(f.findings(.eenDomein).isEmpty)
    }

    @Test func oneDomainIgnoresClosedActionsElsewhere() {
        var f = Fixture()
        f.domain("financien", .zorg); f.domain("geestelijke-gezondheid", .zorg); f.domain("sociaal-netwerk", .zorg)
        f.action("financien")
        f.action("geestelijke-gezondheid", status: .vervallen)
        #expect(f.findings(.eenDomein).count == 1)
    }

    // MARK: wachtlijst

    @Test func waitingListFiresAtTwentyEightDays() {
        var f = Fixture()
        f.action(status: .wachtlijst) { $0.waitingSince = Fixture.today.adding(days: -27); $0.waitingEpisodes = 1 }
        #expect(f.findings(.wachtlijst).isEmpty)
        f.action(status: .wachtlijst) { $0.waitingSince = Fixture.today.adding(days: -28); $0.waitingEpisodes = 1 }
        #expect(f.findings(.wachtlijst).count == 1)
    }

    @Test func waitingChainNeedsTwoEpisodesOnADomainInNeed() {
        var f = Fixture()
        f.domain("tijdsbesteding", .zorg)
        f.action("tijdsbesteding", "Plek speciaal onderwijs", status: .afgewezen) { $0.waitingEpisodes = 1; $0.waitingSince = Fixture.today.adding(days: -200) }
        #expect(f.findings(.wachtlijstKeten).isEmpty)
        f.action("tijdsbesteding", "Plek zorgboerderij", status: .wachtlijst) { $0.waitingEpisodes = 1; $0.waitingSince = Fixture.today.adding(days: -20) }
        let hits = f.findings(.wachtlijstKeten)
        #expect(hits.count == 1)
        #expect(hits[0].since == today.adding(days: -200))
        f.domain("tijdsbesteding", .opgelost)
        #expect(f.findings(.wachtlijstKeten).isEmpty)
    }

    // MARK: voorliggend

    @Test func precedenceFiresAtTwoRejectionsOnOneDomain() {
        var f = Fixture()
        f.domain("financien", .zorg)
        f.action("financien", "Bijzondere bijstand", status: .afgewezen) { $0.rejection = Rejection(.voorliggend, law: .zvw) }
        #expect(f.findings(.voorliggend).isEmpty)
        f.action("huisvesting", "Woningaanpassing", status: .afgewezen) { $0.rejection = Rejection(.voorliggend, law: .wlz) }
        #expect(f.findings(.voorliggend).isEmpty) // different domain
        f.action("financien", "Vergoeding zorgkosten", status: .afgewezen) { $0.rejection = Rejection(.voorliggend, law: .wmo2015) }
        #expect(f.findings(.voorliggend).map(\.ref) == [.domain("financien")])
    }

    @Test func precedenceIgnoresOtherRejectionCodes() {
        var f = Fixture()
        f.domain("financien", .zorg)
        f.action("financien", status: .afgewezen) { $0.rejection = Rejection(.capaciteit) }
        f.action("financien", status: .afgewezen) { $0.rejection = Rejection(.eigenBijdrage) }
        #expect(f.findings(.voorliggend).isEmpty)
    }

    // MARK: overgang

    @Test func transitionWithinSixMonthsOfEighteenWithJeugdwetOpen() {
        var f = Fixture()
        let birthday = today.adding(months: 6).adding(years: -18)
        f.file.members.append(Member(id: 19, householdId: f.hid, name: "Nathalie", role: .kind, birthDate: birthday))
        f.action("ouderschap", "Gezinscoaching", owner: .professional(1)) { $0.framework = .jeugdwet }
        #expect(f.findings(.overgang).map(\.ref) == [.member(19)])
        f.action("financien", "Aanvraag Wmo-begeleiding na 18") { $0.transition = true }
        #expect(f.findings(.overgang).isEmpty)
    }

    @Test func transitionSilentOneDayBeyondSixMonthsOrWithoutJeugdwet() {
        var f = Fixture()
        let birthday = today.adding(months: 6).adding(days: 1).adding(years: -18)
        f.file.members.append(Member(id: 19, householdId: f.hid, name: "Nathalie", role: .kind, birthDate: birthday))
        f.action("ouderschap") { $0.framework = .jeugdwet }
        #expect(f.findings(.overgang).isEmpty)
        var g = Fixture()
        g.file.members.append(Member(id: 19, householdId: g.hid, name: "Nathalie", role: .kind, birthDate: today.adding(months: 2).adding(years: -18)))
        g.action("ouderschap", status: .gedaan) { $0.framework = .jeugdwet }
        #expect(g.findings(.overgang).isEmpty)
    }

    // MARK: indicatie-eindigt

    func indication(_ f: inout Fixture, _ law: LegalFramework = .wmo2015, domain: String = "instrumentele-adl",
                             startDaysAgo: Int = 300, endInDays: Int? = 20) {
        f.file.indications.append(Indication(id: f.newId(), householdId: f.hid, memberId: f.anja, law: law, provider: "Thuiszorg Maasstad",
                                             domain: domain, start: today.adding(days: -startDaysAgo), end: endInDays.map { today.adding(days: $0) }))
    }

    @Test func anIndicationEndingWithinSixWeeksWithoutAFollowUpFires() {
        var f = Fixture()
        indication(&f, endInDays: 42)
        let end = today.adding(days: 42)
        let hits = f.findings(.indicatieEindigt)
        #expect(hits.count == 1 && hits[0].severity == .middel && hits[0].since == today && hits[0].ref == .member(f.anja))
        #expect(hits[0].evidence == Evidence.indicatieEindigt(member: "Anja", law: .wmo2015, provider: "Thuiszorg Maasstad", end: end))
        // One day earlier it is silent; from the end day it is hoog; 42 days after the end it is history.
        #expect(f.findings(.indicatieEindigt, today: today.adding(days: -1)).isEmpty)
        #expect(f.findings(.indicatieEindigt, today: end).first?.severity == .hoog)
        #expect(f.findings(.indicatieEindigt, today: end.adding(days: 42)).count == 1)
        #expect(f.findings(.indicatieEindigt, today: end.adding(days: 43)).isEmpty)
        // The window is the team's to set.
        var t = SignalThresholds(); t.indicationEndDays = 41
        #expect(f.findings(.indicatieEindigt, thresholds: t).isEmpty)
        #expect(f.findings(.indicatieEindigt, today: today.adding(days: 1), thresholds: t).count == 1)
    }

    @Test func aRenewalOrAnOpenActionInTheDomainIsAFollowUp() {
        var f = Fixture()
        indication(&f)
        #expect(f.findings(.indicatieEindigt).count == 1)
        var renewed = f
        indication(&renewed, startDaysAgo: -20, endInDays: 385)
        #expect(renewed.findings(.indicatieEindigt).isEmpty, "a later indication for the same member and domain")
        var planned = f
        planned.action("instrumentele-adl", "Herindicatie aanvragen")
        #expect(planned.findings(.indicatieEindigt).isEmpty, "an open action in the domain")
        var elsewhere = f
        elsewhere.action("financien", "Schuldhulp")
        #expect(elsewhere.findings(.indicatieEindigt).count == 1, "an action in another domain is no follow-up")
        var open = Fixture()
        indication(&open, endInDays: nil)
        #expect(open.findings(.indicatieEindigt).isEmpty, "no end date, nothing ends")
    }

    // MARK: wmo-wlz

    @Test func lastingLowAdlAndHealthScoresUnderTheWmoPointToTheWlz() {
        var f = Fixture()
        indication(&f, domain: "basale-adl", endInDays: 200)
        f.score("basale-adl", 3, daysAgo: 200)
        f.score("basale-adl", 2, daysAgo: 120)
        f.score("basale-adl", 1, daysAgo: 30)
        f.score("lichamelijke-gezondheid", 2, daysAgo: 90)
        // Low since 120 and 90 days ago: both since 90 days ago, which is the period.
        let since = today.adding(days: -90)
        let hits = f.findings(.wmoWlz)
        #expect(hits.count == 1 && hits[0].since == since && hits[0].ref == .member(f.anja))
        #expect(hits[0].evidence == Evidence.wmoWlz(member: "Anja", provider: "Thuiszorg Maasstad", adl: 1, health: 2, since: since))
        #expect(f.findings(.wmoWlz, today: today.adding(days: -1)).isEmpty, "one day short of the period")
        var t = SignalThresholds(); t.wmoWlzDays = 91
        #expect(f.findings(.wmoWlz, thresholds: t).isEmpty)
        t = SignalThresholds(); t.wmoWlzMaxScore = 1
        #expect(f.findings(.wmoWlz, thresholds: t).isEmpty, "health 2 is above a threshold of 1")
        // A better latest score ends the run; a Wlz indication answers the question.
        var better = f
        better.score("lichamelijke-gezondheid", 3, daysAgo: 1)
        #expect(better.findings(.wmoWlz).isEmpty)
        var wlz = f
        indication(&wlz, .wlz, domain: "basale-adl", startDaysAgo: 5, endInDays: nil)
        #expect(wlz.findings(.wmoWlz).isEmpty)
        // Without a Wmo indication there is nothing to move.
        var jeugd = Fixture()
        indication(&jeugd, .jeugdwet, domain: "basale-adl", endInDays: 200)
        jeugd.score("basale-adl", 1, daysAgo: 100); jeugd.score("lichamelijke-gezondheid", 1, daysAgo: 100)
        #expect(jeugd.findings(.wmoWlz).isEmpty)
    }

    @Test func theNewThresholdsAreReadFromSignalenToml() {
        let (config, problems) = SignalConfig.parse("""
            [indicatie-eindigt]
            dagen = 28
            [wmo-wlz]
            dagen = 60
            max-score = 1
            """, path: "signalen.toml")
        #expect(problems.isEmpty)
        #expect(config.defaults.indicationEndDays == 28 && config.defaults.wmoWlzDays == 60 && config.defaults.wmoWlzMaxScore == 1)
    }

    // MARK: toestemming

    @Test func consentMissingForAnAttendingOrganisation() {
        var f = Fixture()
        let m = f.meeting(daysAgo: 2)
        f.file.attendees.append(Attendee(id: 1, meetingId: m, party: .professional(2), presence: .aanwezig))
        let hits = f.findings(.toestemming)
        #expect(hits.map(\.ref) == [.meeting(m)])
        #expect(hits[0].evidence == Evidence.toestemmingMeeting(organisation: "Schuldhulp", meeting: today.adding(days: -2)))
        f.file.consents.append(Consent(id: 1, householdId: f.hid, organisationId: 2, purpose: "schuldhulp", basis: .toestemming,
                                       givenOn: today.adding(days: -30)))
        #expect(f.findings(.toestemming).isEmpty)
    }

    @Test func consentAbsentWithApologiesIsNotShared() {
        var f = Fixture()
        let m = f.meeting(daysAgo: 2)
        f.file.attendees.append(Attendee(id: 1, meetingId: m, party: .professional(2), presence: .afwezigMetBericht))
        #expect(f.findings(.toestemming).isEmpty)
    }

    @Test func consentExpiringWithinThirtyDays() {
        var f = Fixture()
        f.file.consents.append(Consent(id: 1, householdId: f.hid, organisationId: 2, purpose: "x", basis: .toestemming, expiresOn: today.adding(days: 31)))
        #expect(f.findings(.toestemming).isEmpty)
        f.file.consents.append(Consent(id: 2, householdId: f.hid, organisationId: 2, purpose: "y", basis: .toestemming, expiresOn: today.adding(days: 30)))
        #expect(f.findings(.toestemming).map(\.ref) == [.consent(2)])
    }

    // MARK: geen-contact

    @Test func noContactAtThirtyDays() {
        var f = Fixture()
        f.file.contacts.removeAll()
        f.contact(daysAgo: 29)
        #expect(f.findings(.geenContact).isEmpty)
        f.file.contacts.removeAll()
        f.contact(daysAgo: 30)
        #expect(f.findings(.geenContact).count == 1)
    }

    // MARK: score-daling

    @Test func scoreDropBetweenTheLastTwoAssessments() {
        var f = Fixture()
        f.score("lichamelijke-gezondheid", 3, daysAgo: 60)
        f.score("lichamelijke-gezondheid", 3, daysAgo: 30)
        #expect(f.findings(.scoreDaling).isEmpty)
        f.score("lichamelijke-gezondheid", 2, daysAgo: 2)
        let hits = f.findings(.scoreDaling)
        #expect(hits.count == 1)
        #expect(hits[0].evidence == Evidence.scoreDaling(domain: "lichamelijke-gezondheid", member: "Anja", from: 3, to: 2))
        f.score("lichamelijke-gezondheid", 3, daysAgo: 1)
        #expect(f.findings(.scoreDaling).isEmpty)
    }

    @Test func scoreDropIsPerMember() {
        var f = Fixture()
        f.score("financien", 4, member: f.anja, daysAgo: 30)
        f.score("financien", 2, member: f.tim, daysAgo: 1)
        #expect(f.findings(.scoreDaling).isEmpty)
    }

    // MARK: geen-hulpvraag

    @Test func noHelpRequestNeedsAPlanAndADate() {
        var f = Fixture()
        f.file.household.noHelpRequest = true
        #expect(f.findings(.geenHulpvraag).count == 1)
        f.file.household.outreachPlan = "Elke maand langs met de wijkagent"
        #expect(f.findings(.geenHulpvraag).count == 1)
        f.file.household.nextAttempt = today
        #expect(f.findings(.geenHulpvraag).isEmpty)
        f.file.household.nextAttempt = today.adding(days: -1)
        #expect(f.findings(.geenHulpvraag).map(\.evidence.key) == ["signal.geen-hulpvraag.evidence-overdue"])
    }

    // MARK: escalatie-open

    @Test func escalationPastItsDeadlineWithoutDecision() {
        var f = Fixture()
        f.file.escalations.append(Escalation(id: 1, householdId: f.hid, reason: "Ontruiming dreigt", raisedTo: "manager wijkteam",
                                             raisedOn: today.adding(days: -20), deadline: today))
        #expect(f.findings(.escalatieOpen).isEmpty)
        f.file.escalations[0].deadline = today.adding(days: -1)
        #expect(f.findings(.escalatieOpen).count == 1)
        f.file.escalations[0].decision = "Doorzettingsmacht: woning blijft"
        #expect(f.findings(.escalatieOpen).isEmpty)
    }

    // MARK: household status

    @Test func onlyActiveHouseholdsAreAudited() {
        var f = Fixture()
        f.action(dueInDays: -30)
        #expect(!f.findings(.actieVerlopen).isEmpty)
        f.file.household.status = .afgesloten
        #expect(StallRules.evaluate(f.file, f.context()).isEmpty)
        f.file.household.status = .aangemeld
        #expect(StallRules.evaluate(f.file, f.context()).isEmpty)
    }

    @Test func thresholdsAreConfigurable() {
        var f = Fixture()
        f.file.contacts.removeAll()
        f.contact(daysAgo: 10)
        var t = SignalThresholds()
        t.noContactDays = 10
        #expect(f.findings(.geenContact, thresholds: t).count == 1)
    }

    @Test func everyRuleIdIsImplemented() {
        #expect(Set(StallRules.all.map(\.0)) == Set(StallRuleID.allCases))
        #expect(StallRuleID.allCases.count == 20)   // 16 from the design, wachtlijst-keten, signaal-zonder-contact, indicatie-eindigt, wmo-wlz
    }
}
