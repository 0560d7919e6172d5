/// A stale edit: someone else saved a different value of the same field after the user
/// started editing. It holds both versions field by field, so the screen can show them side by
/// side and neither is lost, and the operation that keeps the user's version when performed.
public struct EditConflict: Error, Sendable, Hashable {
    /// The record kind (`household`, `domain`, `action`), for the title.
    public var entity: String
    public var recordId: Int64?
    public var fields: [FieldConflict]
    /// The user's intent again, based on the version stored now: performing it keeps "yours"
    /// for the conflicting fields and everything else as stored.
    public var keepYours: CaseOperation

    public init(entity: String, recordId: Int64?, fields: [FieldConflict], keepYours: CaseOperation) {
        self.entity = entity; self.recordId = recordId; self.fields = fields; self.keepYours = keepYours
    }
}

/// One field that both users changed: its name (a `field.*` catalogue key) and the two values.
public struct FieldConflict: Sendable, Hashable {
    public var field: String
    public var theirs: FieldValue
    public var yours: FieldValue

    public init(field: String, theirs: FieldValue, yours: FieldValue) {
        self.field = field; self.theirs = theirs; self.yours = yours
    }
}

/// A field's value in a form a screen can word: free text, a day, a party, a vocabulary code.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    case day(Day?)
    case party(PartyRef?)
    /// A code of a vocabulary (`framework`, `agreement`), nil when empty.
    case code(vocabulary: String, String?)
    case member(Int64?)
    case flag(Bool)
    case actions([Int64])

    /// The free text, when the value is text (for merging two texts by hand).
    public var text: String? {
        if case .text(let t) = self { return t }
        return nil
    }
}
