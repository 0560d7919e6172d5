/// Resolves parties (professionals, organisations, members, informal helpers) to names and
/// contact details for screens and minutes.
public struct PartyDirectory: Sendable {
    public var roster: Roster
    public var file: CaseFile

    public init(roster: Roster, file: CaseFile) { self.roster = roster; self.file = file }

    public func name(_ p: PartyRef) -> String {
        switch p.kind {
        case .professional: return roster.professionals[p.id]?.name ?? "#\(p.id)"
        case .organisation: return roster.organisations[p.id]?.name ?? "#\(p.id)"
        case .member: return file.member(p.id)?.name ?? "#\(p.id)"
        case .informal: return file.informalPerson(p.id)?.name ?? "#\(p.id)"
        }
    }

    /// "Name (Organisation)" for professionals, the name otherwise.
    public func nameWithOrganisation(_ p: PartyRef) -> String {
        if p.kind == .professional, let pro = roster.professionals[p.id], let org = pro.organisationId.flatMap({ roster.organisations[$0] }) {
            return "\(pro.name) (\(org.name))"
        }
        return name(p)
    }

    /// Phone and e-mail of a party, when known.
    public func contact(_ p: PartyRef) -> (phone: String?, email: String?) {
        switch p.kind {
        case .professional: let pro = roster.professionals[p.id]; return (pro?.phone, pro?.email)
        case .informal: return (file.informalPerson(p.id)?.phone, nil)
        default: return (nil, nil)
        }
    }

    /// The organisation behind a party (for organisation extracts and consent checks).
    public func organisationId(_ p: PartyRef) -> Int64? { roster.organisationId(of: p) }

    /// The name of an attendee as shown in lists.
    public func name(_ a: Attendee) -> String {
        if let p = a.party { return nameWithOrganisation(p) }
        return a.guestName ?? "?"
    }
}
