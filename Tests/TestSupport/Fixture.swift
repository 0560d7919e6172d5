import TafelCore

/// A small household file to build test cases from, dated relative to a fixed "today".
public struct Fixture {
    public static let today = Day(iso: "2026-11-23")!
    public var file: CaseFile
    public var roster: Roster
    private var nextId: Int64 = 100

    public init(householdId: Int64 = 1, activeDaysAgo: Int = 100) {
        let t = Fixture.today
        let h = Household(id: householdId, name: "Familie Test", wijk: "Noord", team: "Team Noord", status: .actief,
                          createdOn: t.adding(days: -activeDaysAgo - 10), activatedOn: t.adding(days: -activeDaysAgo),
                          ownView: "Rust in huis")
        file = CaseFile(household: h,
                        members: [Member(id: householdId * 10 + 1, householdId: householdId, name: "Anja", role: .ouder, birthYear: 1984),
                                  Member(id: householdId * 10 + 2, householdId: householdId, name: "Tim", role: .kind, birthYear: 2014)])
        roster = Roster(organisations: [Organisation(id: 1, name: "Wijkteam Noord", kind: "wijkteam"),
                                        Organisation(id: 2, name: "Schuldhulp", kind: "schuldhulpverlening")],
                        professionals: [Professional(id: 1, name: "Sanne", organisationId: 1, discipline: "generalist", role: .medewerker, login: "sanne", team: "Team Noord"),
                                        Professional(id: 2, name: "Ahmed", organisationId: 2, discipline: "schuldhulp", role: .medewerker, login: "ahmed"),
                                        Professional(id: 3, name: "Petra", organisationId: 1, discipline: "teamleider", role: .teamleider, login: "petra")])
        nextId = householdId * 1000
        // Keep the household in contact and reviewed unless a test says otherwise.
        contact(daysAgo: 3)
        meeting(daysAgo: 10)
    }

    public var anja: Int64 { file.household.id * 10 + 1 }
    public var tim: Int64 { file.household.id * 10 + 2 }
    public var hid: Int64 { file.household.id }

    public mutating func newId() -> Int64 { nextId += 1; return nextId }

    public func context(_ today: Day = Fixture.today, thresholds: SignalThresholds = SignalThresholds()) -> SignalContext {
        SignalContext(today: today, thresholds: thresholds, roster: roster, domainOrder: ReferenceData.bundled.domainSet("zrm-2017")!.codes)
    }

    public func findings(_ rule: StallRuleID, today: Day = Fixture.today, thresholds: SignalThresholds = SignalThresholds()) -> [StallFinding] {
        StallRules.evaluate(file, context(today, thresholds: thresholds), only: [rule])
    }

    @discardableResult
    public mutating func action(_ domain: String = "financien", _ text: String = "Schuldhulp aanvragen", status: ActionStatus = .open,
                                dueInDays: Int? = 7, createdDaysAgo: Int = 20, owner: PartyRef? = .professional(1),
                                configure: (inout Action) -> Void = { _ in }) -> Int64 {
        let id = newId()
        var a = Action(id: id, householdId: hid, domain: domain, description: text, owner: owner,
                       due: dueInDays.map { Fixture.today.adding(days: $0) }, status: status,
                       createdOn: Fixture.today.adding(days: -createdDaysAgo))
        if status.isClosed { a.closeReason = status == .gedaan ? .gedaan : .nietMogelijk; a.closedOn = Fixture.today.adding(days: -1) }
        if status == .afgewezen { a.rejection = Rejection(.capaciteit); a.closedOn = Fixture.today.adding(days: -1) }
        configure(&a)
        file.actions.append(a)
        return id
    }

    @discardableResult
    public mutating func score(_ domain: String, _ score: Int, member: Int64? = nil, daysAgo: Int = 10, ownScore: Int? = nil) -> Int64 {
        let id = newId()
        file.assessments.append(Assessment(id: id, householdId: hid, memberId: member ?? anja, domain: domain,
                                           date: Fixture.today.adding(days: -daysAgo), score: score, ownScore: ownScore))
        return id
    }

    public mutating func domain(_ code: String, _ status: DomainStatus, daysAgo: Int = 10, noActionReason: String? = nil) {
        file.domains.removeAll { $0.domain == code }
        file.domains.append(DomainState(householdId: hid, domain: code, status: status, noActionReason: noActionReason,
                                        updatedOn: Fixture.today.adding(days: -daysAgo)))
    }

    @discardableResult
    public mutating func meeting(daysAgo: Int, discussed: [String] = [], status: MeetingStatus = .closed) -> Int64 {
        let id = newId()
        file.meetings.append(Meeting(id: id, householdId: hid, date: Fixture.today.adding(days: -daysAgo), domainsDiscussed: discussed, status: status))
        return id
    }

    public mutating func contact(daysAgo: Int) {
        file.contacts.append(Contact(id: newId(), householdId: hid, date: Fixture.today.adding(days: -daysAgo), withWhom: "Anja", kind: .telefoon))
    }

    @discardableResult
    public mutating func coordinator(_ party: PartyRef, _ status: CoordinatorStatus, daysAgo: Int = 5, reason: String? = nil) -> Int64 {
        let id = newId()
        let d = Fixture.today.adding(days: -daysAgo)
        file.coordinators.append(CoordinatorAssignment(id: id, householdId: hid, coordinator: party, status: status, proposedOn: d,
                                                       decidedOn: status == .voorgesteld ? nil : d, declineReason: reason))
        return id
    }
}
