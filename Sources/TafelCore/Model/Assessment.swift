/// A self-reliance score for one member in one domain on one day (1 acuut … 5 volledig
/// zelfredzaam), optionally with the household's own score and a target. History is kept.
public struct Assessment: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var memberId: Int64
    public var domain: String
    public var date: Day
    public var score: Int
    public var ownScore: Int?
    public var target: Int?
    public var assessedBy: Int64?
    public var meetingId: Int64?

    public init(id: Int64, householdId: Int64, memberId: Int64, domain: String, date: Day, score: Int,
                ownScore: Int? = nil, target: Int? = nil, assessedBy: Int64? = nil, meetingId: Int64? = nil) {
        self.id = id; self.householdId = householdId; self.memberId = memberId; self.domain = domain
        self.date = date; self.score = score; self.ownScore = ownScore; self.target = target
        self.assessedBy = assessedBy; self.meetingId = meetingId
    }
}
