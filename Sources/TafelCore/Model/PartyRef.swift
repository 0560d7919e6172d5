/// Who someone is in the model: a professional, an organisation, a household member or
/// an informal helper. Used for action owners, coordinators and meeting attendees,
/// because any of them may own an action or coordinate (a household member may be regisseur).
public struct PartyRef: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable, CaseIterable, Comparable {
        case professional, organisation, member, informal
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }
    public var kind: Kind
    public var id: Int64

    public init(_ kind: Kind, _ id: Int64) { self.kind = kind; self.id = id }
    public static func professional(_ id: Int64) -> PartyRef { PartyRef(.professional, id) }
    public static func organisation(_ id: Int64) -> PartyRef { PartyRef(.organisation, id) }
    public static func member(_ id: Int64) -> PartyRef { PartyRef(.member, id) }
    public static func informal(_ id: Int64) -> PartyRef { PartyRef(.informal, id) }

    public static func < (a: PartyRef, b: PartyRef) -> Bool { (a.kind, a.id) < (b.kind, b.id) }
    public var description: String { "\(kind.rawValue):\(id)" }
}
