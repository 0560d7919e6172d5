/// A contact with the household (drives "days since last contact").
public struct Contact: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var date: Day
    public var professionalId: Int64?
    public var withWhom: String
    public var kind: ContactKind
    public var note: String

    public init(id: Int64, householdId: Int64, date: Day, professionalId: Int64? = nil, withWhom: String,
                kind: ContactKind, note: String = "") {
        self.id = id; self.householdId = householdId; self.date = date; self.professionalId = professionalId
        self.withWhom = withWhom; self.kind = kind; self.note = note
    }
}
