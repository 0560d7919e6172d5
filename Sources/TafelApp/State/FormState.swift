import TafelCore
import TerminalKit

/// One option of a choice or search field: how it is shown and what it means.
public struct ChoiceOption: Sendable, Hashable {
    public var label: Message
    public var detail: Message?
    public var value: Value

    public enum Value: Sendable, Hashable {
        case none
        case party(PartyRef)
        case code(String)
        case id(Int64)
        case flag(Bool)
    }

    public init(_ label: Message, detail: Message? = nil, _ value: Value) { self.label = label; self.detail = detail; self.value = value }
    /// An option whose label is literal text (a name).
    public static func text(_ s: String, detail: String? = nil, _ value: Value) -> ChoiceOption {
        ChoiceOption(Message("common.text", .text(s)), detail: detail.map { Message("common.text", .text($0)) }, value)
    }
}

/// A field of a form.
public enum FieldKind: Sendable, Hashable {
    /// Free text on one line.
    case text(TextInput)
    /// A date typed as `+2w`, `vrijdag`, `1-12` or ISO.
    case date(TextInput)
    /// One of a few options, changed with ←/→ or Space.
    case choice([ChoiceOption], Int)
    /// Type-ahead: typing filters the options, ↑/↓ picks one.
    case search(TextInput, [ChoiceOption], Int)
}

public struct FormField: Sendable, Hashable {
    public var label: String
    public var kind: FieldKind
    public var required: Bool
    public init(_ label: String, _ kind: FieldKind, required: Bool = false) { self.label = label; self.kind = kind; self.required = required }

    /// The options of a search field that match what was typed.
    public var matches: [ChoiceOption] {
        guard case .search(let input, let options, _) = kind else { return [] }
        return FormField.filter(options, input.text)
    }

    static func filter(_ options: [ChoiceOption], _ text: String) -> [ChoiceOption] {
        let needle = text.trimmed.lowercased()
        guard !needle.isEmpty else { return options }
        return options.filter { o in
            o.label.args.contains { arg in
                if case .text(let t) = arg { return Fuzzy.matches(needle, t.lowercased()) }
                return false
            } || o.label.key.contains(needle)
        }
    }
}

/// What a form is for; decides what saving it does.
public enum FormPurpose: Sendable, Hashable {
    case newAction(householdId: Int64, domain: String)
    case editAction(Action)
    case contact(householdId: Int64)
    case signal(householdId: Int64)
    case escalation(householdId: Int64)
    case blockedRule(householdId: Int64)
    case decideEscalation(Escalation)
    /// `atTable`: the attending organisations without a valid consent (the meeting offers them all at once).
    case consent(householdId: Int64, organisation: Int64?, atTable: [Int64] = [])
    case newHousehold
    /// A signal on its own (intake): searched for a known household before anything is created.
    case intake
    case editHousehold(Household)
    case closeHousehold(householdId: Int64)
    case flags(Household)
    case addMember(householdId: Int64)
    case editMember(Member)
    case endMember(Member)
    /// A new action outside the meeting: the domain is chosen in the form.
    case newActionAnyDomain(householdId: Int64)
    /// `x` in the meeting: which document to write.
    case export(householdId: Int64, meetingId: Int64)
}

/// A modal form: labelled fields, one focused, with an error line.
public struct FormState: Sendable, Hashable {
    public var purpose: FormPurpose
    public var title: String
    public var fields: [FormField]
    public var focus: Int = 0
    public var error: Message?
    public var warnings: [Message] = []

    public init(purpose: FormPurpose, title: String, fields: [FormField]) {
        self.purpose = purpose; self.title = title; self.fields = fields
    }

    public func text(_ i: Int) -> String {
        switch fields[i].kind {
        case .text(let t), .date(let t): return t.text
        case .search(let t, _, _): return t.text
        case .choice: return ""
        }
    }

    public func value(_ i: Int) -> ChoiceOption.Value {
        switch fields[i].kind {
        case .choice(let o, let k): return o.indices.contains(k) ? o[k].value : .none
        case .search(_, _, let k):
            let m = fields[i].matches
            return m.indices.contains(k) ? m[k].value : .none
        default: return .none
        }
    }
}

/// A tiny subsequence matcher for type-ahead and the command palette: "meet" finds
/// "Overleg starten (meeting)"; letters must appear in order.
public enum Fuzzy {
    public static func matches(_ needle: String, _ haystack: String) -> Bool {
        if haystack.contains(needle) { return true }
        var it = haystack.makeIterator()
        outer: for c in needle where c != " " {
            while let h = it.next() { if h == c { continue outer } }
            return false
        }
        return true
    }

    /// A score for ranking: contiguous and early matches first (lower is better).
    public static func score(_ needle: String, _ haystack: String) -> Int {
        if let r = haystack.range(of: needle) { return haystack.distance(from: haystack.startIndex, to: r.lowerBound) }
        return 1000 + haystack.count
    }
}
