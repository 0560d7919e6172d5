/// An organisation professionals work for.
public struct Organisation: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    /// A code from the `organisationKind` vocabulary.
    public var kind: String
    public init(id: Int64, name: String, kind: String) { self.id = id; self.name = name; self.kind = kind }
}

/// A professional on the roster, who may sign in to tafel.
public struct Professional: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var organisationId: Int64?
    public var discipline: String
    public var role: TafelRole
    /// The login name matched against `--user`, `TAFEL_USER` or the OS user.
    public var login: String
    public var team: String
    public var phone: String?
    public var email: String?
    public var version: Int
    /// Teams a teamleider leads besides their own (a team leader of Zuid and Noord); nil when none.
    public var leads: [String]?

    public init(id: Int64, name: String, organisationId: Int64?, discipline: String, role: TafelRole, login: String,
                team: String = "", phone: String? = nil, email: String? = nil, version: Int = 1, leads: [String]? = nil) {
        self.id = id; self.name = name; self.organisationId = organisationId; self.discipline = discipline
        self.role = role; self.login = login; self.team = team; self.phone = phone; self.email = email; self.version = version
        self.leads = leads.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The teams this professional belongs to or leads (a teamleider's audit scope).
    public var teams: Set<String> { Set([team] + (leads ?? [])).subtracting([""]) }
}

/// Everyone who can take part, for resolving names of parties: the organisations and professionals.
public struct Roster: Sendable, Hashable {
    public var organisations: [Int64: Organisation]
    public var professionals: [Int64: Professional]

    public init(organisations: [Organisation] = [], professionals: [Professional] = []) {
        self.organisations = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.professionals = Dictionary(professionals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func professional(login: String) -> Professional? {
        professionals.values.first { $0.login == login }
    }

    /// The organisation a party belongs to (a professional's employer, or the organisation itself).
    public func organisationId(of party: PartyRef) -> Int64? {
        switch party.kind {
        case .professional: return professionals[party.id]?.organisationId
        case .organisation: return party.id
        default: return nil
        }
    }
}
