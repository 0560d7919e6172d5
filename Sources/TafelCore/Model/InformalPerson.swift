/// An informal participant: mantelzorger, vrijwilliger, ervaringsdeskundige. May attend and own actions.
public struct InformalPerson: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var householdId: Int64
    public var name: String
    public var kind: InformalKind
    public var phone: String?

    public init(id: Int64, householdId: Int64, name: String, kind: InformalKind, phone: String? = nil) {
        self.id = id; self.householdId = householdId; self.name = name; self.kind = kind; self.phone = phone
    }
}
