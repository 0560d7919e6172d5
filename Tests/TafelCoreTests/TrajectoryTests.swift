import Foundation
import Testing
import TestSupport
@testable import TafelCore

/// A domain's course over meetings: the scores at each and the actions agreed there, as the
/// household screen and the minutes' chart show it.
@Suite("Trajectory")
struct TrajectoryTests {
    /// Two meetings: Anja 2 then 3 (target 4) and Tim 4 then 4 in Financiën; one action agreed at the first.
    func fixture() -> (Fixture, first: Int64, second: Int64) {
        var f = Fixture()
        f.file.assessments = []
        let first = f.meeting(daysAgo: 60), second = f.meeting(daysAgo: 10)
        let anja = f.file.members[0].id, tim = f.file.members[1].id
        func score(_ m: Int64, _ s: Int, _ meeting: Int64, _ days: Int, target: Int? = nil) {
            f.file.assessments.append(Assessment(id: f.newId(), householdId: f.file.id, memberId: m, domain: "financien",
                                                 date: Fixture.today.adding(days: -days), score: s, target: target, meetingId: meeting))
        }
        score(anja, 2, first, 60); score(tim, 4, first, 60)
        score(anja, 3, second, 10, target: 4); score(tim, 4, second, 10)
        let a = f.action("financien", "Budgetcoach aanvragen", createdDaysAgo: 60) { $0.meetingId = first }
        _ = f.action("werk", "Sollicitatietraining", createdDaysAgo: 60) { $0.meetingId = first }
        _ = a
        return (f, first, second)
    }

    @Test func pointsFollowTheMeetingsWithTheirScoresAndActions() {
        let (f, first, second) = fixture()
        let course = Trajectory.build(f.file, domain: "financien")
        #expect(course.points.map(\.meetingId) == [first, second])
        #expect(course.series(f.file.members[0].id) == [2, 3])
        #expect(course.series(f.file.members[1].id) == [4, 4])
        #expect(course.points[0].actions.map(\.description) == ["Budgetcoach aanvragen"], "only this domain's actions, at the meeting that agreed them")
        #expect(course.points[1].actions.isEmpty)
        #expect(course.targets == [f.file.members[0].id: 4])
        // Up to the first meeting only.
        #expect(Trajectory.build(f.file, domain: "financien", until: Fixture.today.adding(days: -60)).points.count == 1)
        // Domains without scores are left out.
        #expect(Trajectory.domains(f.file, order: ["werk", "financien"]).map(\.domain) == ["financien"])
    }

    @Test func theMinutesHTMLCarriesTheChartAndTheMarkdownItsTable() throws {
        let (f, _, second) = fixture()
        var file = f.file
        let i = file.meetings.firstIndex { $0.id == second }!
        file.meetings[i].domainsDiscussed = ["financien"]
        file.members[0].name = "Anja <script>"
        let minutes = try Minutes.build(file, meetingId: second, roster: f.roster, domainOrder: ReferenceData.bundled.domainSet("zrm-2017")!.codes)
        #expect(minutes.trajectories["financien"]?.points.count == 2)
        let doc = MinutesRenderer(strings: Strings(.nl)).document(minutes, audience: .team, roster: f.roster)
        let html = doc.html()
        #expect(html.contains("<svg") && html.contains("<polyline") && html.contains("Verloop van Financiën over de overleggen"))
        #expect(html.contains("Anja &lt;script&gt; (doel 4)") && !html.contains("<script>"), "names are escaped inside the chart")
        #expect(html.components(separatedBy: "<circle").count - 1 == 4, "one dot per score")
        let md = doc.markdown()
        #expect(md.contains("| Datum | Anja \\<script> (doel 4) | Tim | Afgesproken |"), "\(md)")
        #expect(md.contains("| Budgetcoach aanvragen |"))
    }
}
