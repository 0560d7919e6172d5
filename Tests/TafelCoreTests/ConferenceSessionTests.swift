import Testing
@testable import TafelCore

/// Planning a conference day and what its summary says about each household.
@Suite("Conference sessions")
struct ConferenceSessionTests {
    @Test func slotsFollowEachOtherFromTheStart() throws {
        let slots = try SessionPlanner.slots(households: [4, 9, 2], start: 9 * 60 + 30, minutes: 15)
        #expect(slots.map(\.start) == [570, 585, 600])
        #expect(slots.map(\.householdId) == [4, 9, 2])
        #expect(SessionSlot.clock(slots[2].start) == "10:00")
    }

    @Test func badPlansAreRefusedWithTheReason() {
        #expect(throws: SessionPlanError.noHouseholds) { try SessionPlanner.slots(households: [], start: 540, minutes: 15) }
        #expect(throws: SessionPlanError.duplicate(4)) { try SessionPlanner.slots(households: [4, 5, 4], start: 540, minutes: 15) }
        #expect(throws: SessionPlanError.slotLength(3)) { try SessionPlanner.slots(households: [4], start: 540, minutes: 3) }
        #expect(throws: SessionPlanError.pastMidnight) { try SessionPlanner.slots(households: [1, 2], start: 23 * 60 + 40, minutes: 15) }
    }

    @Test func clockTimesParseStrictly() {
        #expect(SessionSlot.parseClock("9:05") == 545)
        #expect(SessionSlot.parseClock("09:5") == nil)
        #expect(SessionSlot.parseClock("24:00") == nil)
        #expect(SessionSlot.parseClock("negen") == nil)
    }

    @Test func anOutcomeCountsTheDaysMeetingOnly() {
        let day = Day(iso: "2026-12-08")!
        var file = CaseFile(household: Household(id: 1, name: "Gezin Test", wijk: "Noord", team: "Team Noord", createdOn: day))
        let start: Int64 = 1_765_000_000
        file.meetings = [Meeting(id: 7, householdId: 1, date: day.adding(days: -14), chairId: 1),
                         Meeting(id: 8, householdId: 1, date: day, startedAt: start, endedAt: start + 17 * 60 + 5, chairId: 1, status: .closed)]
        file.meetings[1].nextReview = day.adding(days: 42)
        file.actions = [Action(id: 1, householdId: 1, domain: "financien", description: "Schuldhulp aanvragen", meetingId: 8, createdOn: day),
                        Action(id: 2, householdId: 1, domain: "financien", description: "Ouder", meetingId: 7, createdOn: day)]
        let o = SessionOutcome.of(file, slot: SessionSlot(householdId: 1, start: 540, minutes: 15), day: day)
        #expect(o.meetingStatus == .closed)
        #expect(o.actionsAgreed == 1)
        #expect(o.usedMinutes == 18)
        #expect(o.overranMinutes == 3)
        #expect(!o.hasRegisseur)
        #expect(o.nextReview == day.adding(days: 42))
        let md = SessionSummary.document(ConferenceSession(id: 1, date: day, chairId: 1, title: "MDO", slots: [o.slot]), outcomes: [o],
                                         chair: "Fatima", strings: Strings(.nl)).markdown()
        #expect(md.contains("| 09:00–09:15 | Gezin Test | afgesloten | nee | 1 | 19-01-2027 | 3 min |"), "\(md)")
    }
}
