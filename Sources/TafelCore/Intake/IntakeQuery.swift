/// What is known about a household when a signal comes in.
public struct IntakeQuery: Sendable, Hashable {
    public var names: String
    public var address: String
    public var postcode: String
    public var birthYear: Int?

    public init(names: String = "", address: String = "", postcode: String = "", birthYear: Int? = nil) {
        self.names = names; self.address = address; self.postcode = postcode; self.birthYear = birthYear
    }

    public var isEmpty: Bool { names.trimmed.isEmpty && address.trimmed.isEmpty && postcode.trimmed.isEmpty }
}

/// The answer of an intake search: the matches the user may see, and only that others may exist.
public struct IntakeResult: Sendable, Hashable {
    public var matches: [HouseholdMatch]
    /// Matches the user may not open: not shown, not counted to them — only that one may exist.
    public var othersExist: Bool
    /// Whom to ask about those (the user's teamleider(s), else a beheerder).
    public var askWhom: [String]

    public init(matches: [HouseholdMatch], othersExist: Bool, askWhom: [String]) {
        self.matches = matches; self.othersExist = othersExist; self.askWhom = askWhom
    }
}

/// A household that may be the one a signal is about.
public struct HouseholdMatch: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var wijk: String
    public var status: HouseholdStatus
    /// Why it matched (name, address, postcode, birth year), as catalogue field keys.
    public var matchedOn: [String]

    public init(id: Int64, name: String, wijk: String, status: HouseholdStatus, matchedOn: [String]) {
        self.id = id; self.name = name; self.wijk = wijk; self.status = status; self.matchedOn = matchedOn
    }
}

