/// Editing an action's fields with a three-way merge: the user's edit (base → edited) is put on
/// top of the stored action; only a field both people changed, to different values, conflicts.
extension CaseFile {
    /// The editable fields of an action, each with how to read it as a `FieldValue` and how to
    /// copy it from one action to another.
    struct ActionField: Sendable {
        var name: String
        var value: @Sendable (Action) -> FieldValue
        var copy: @Sendable (Action, inout Action) -> Void
    }

    static let actionFields: [ActionField] = [
        ActionField(name: "description", value: { .text($0.description) }, copy: { $1.description = $0.description }),
        ActionField(name: "owner", value: { .party($0.owner) }, copy: { $1.owner = $0.owner }),
        ActionField(name: "due", value: { .day($0.due) }, copy: { $1.due = $0.due }),
        ActionField(name: "framework", value: { .code(vocabulary: "framework", $0.framework?.rawValue) }, copy: { $1.framework = $0.framework }),
        ActionField(name: "agreement", value: { .code(vocabulary: "agreement", $0.agreement.rawValue) }, copy: { $1.agreement = $0.agreement }),
        ActionField(name: "memberId", value: { .member($0.memberId) }, copy: { $1.memberId = $0.memberId }),
        ActionField(name: "transition", value: { .flag($0.transition) }, copy: { $1.transition = $0.transition }),
        ActionField(name: "dependsOn", value: { .actions($0.dependsOn) }, copy: { $1.dependsOn = $0.dependsOn }),
    ]

    /// The changes of an edit of an action's fields, merged with what was stored since `base`.
    public func editAction(base: Action, edited: Action) throws -> [Change] {
        try ensureOpen()
        guard let current = action(base.id) else { throw DomainError.notFound(entity: "action", id: base.id) }
        var merged = current
        var conflicts: [FieldConflict] = []
        for f in CaseFile.actionFields {
            let mine = f.value(edited)
            guard mine != f.value(base) else { continue }           // the user left it alone
            let theirs = f.value(current)
            if theirs != f.value(base) && theirs != mine {            // both changed it, differently
                conflicts.append(FieldConflict(field: f.name, theirs: theirs, yours: mine))
            }
            f.copy(edited, &merged)
        }
        if !conflicts.isEmpty {
            throw EditConflict(entity: "action", recordId: current.id, fields: conflicts,
                               keepYours: .editAction(base: current, edited: merged))
        }
        try checkPrerequisites(merged)
        return merged == current ? [] : [.action(base: current, new: merged)]
    }

    /// An action waits only for actions of this household, never for itself (cycles are refused
    /// by the invariants once the change is applied).
    func checkPrerequisites(_ a: Action) throws {
        for d in a.dependsOn {
            if d == a.id && a.id != 0 { throw DomainError.selfDependency }
            guard action(d) != nil else { throw DomainError.notFound(entity: "action", id: d) }
        }
    }
}
