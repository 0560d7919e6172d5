/// A household's course in one life domain: at each meeting (or day a score was given outside
/// one), every member's score and the actions agreed there — what the team reads to see whether the
/// plan works ("Financiën went from 2 to 3 after the budget coach started").
public struct Trajectory: Sendable, Hashable {
    /// One moment on the course.
    public struct Point: Sendable, Hashable {
        public var date: Day
        public var meetingId: Int64?
        /// Member id → score at this moment (members not scored then are absent).
        public var scores: [Int64: Int]
        /// The actions agreed at this meeting in this domain, in the order they were made.
        public var actions: [Action]
    }

    public var domain: String
    /// The members with at least one score, in the household's order.
    public var members: [Member]
    public var points: [Point]
    /// Member id → the latest target (doelscore) set for this domain.
    public var targets: [Int64: Int]

    /// Each member's scores over the points (nil where the member was not scored), for a chart.
    public func series(_ member: Int64) -> [Int?] { points.map { $0.scores[member] } }

    /// The course of `domain` up to and including `until` (a meeting's day; nil: everything).
    public static func build(_ file: CaseFile, domain: String, until: Day? = nil) -> Trajectory {
        let scores = file.assessments.filter { a in a.domain == domain && (until.map { a.date <= $0 } ?? true) }
        let actions = file.actions.filter { a in a.domain == domain && (until.map { a.createdOn <= $0 } ?? true) }
        let meetingDays = Dictionary(file.meetings.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        // A moment per meeting that scored or agreed something here; a score outside a meeting is its own moment.
        struct Key: Hashable, Comparable {
            var date: Day; var meeting: Int64?
            static func < (a: Key, b: Key) -> Bool { (a.date, a.meeting ?? -1) < (b.date, b.meeting ?? -1) }
        }
        var moments: [Key: Point] = [:]
        for a in scores.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
            let key = Key(date: a.meetingId.flatMap { meetingDays[$0] } ?? a.date, meeting: a.meetingId)
            moments[key, default: Point(date: key.date, meetingId: a.meetingId, scores: [:], actions: [])].scores[a.memberId] = a.score
        }
        for a in actions.sorted(by: { $0.id < $1.id }) {
            guard let m = a.meetingId, let day = meetingDays[m] else { continue }
            let key = Key(date: day, meeting: m)
            moments[key, default: Point(date: day, meetingId: m, scores: [:], actions: [])].actions.append(a)
        }
        let scored = Set(scores.map(\.memberId))
        var targets: [Int64: Int] = [:]
        for a in scores.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) where a.target != nil { targets[a.memberId] = a.target }
        return Trajectory(domain: domain, members: file.members.filter { scored.contains($0.id) },
                          points: moments.keys.sorted().map { moments[$0]! }, targets: targets)
    }

    /// The domains with a course worth showing (at least one score), in the given order; scores on
    /// domains of an earlier domain set follow, so switching sets never hides a course.
    public static func domains(_ file: CaseFile, order: [String], until: Day? = nil) -> [Trajectory] {
        let earlier = Set(file.assessments.map(\.domain)).subtracting(order).sorted()
        return (order + earlier).map { build(file, domain: $0, until: until) }.filter { !$0.members.isEmpty }
    }
}
