/// A three-way merge of a record's fields: the user's edit (base → edited) on top of what is
/// stored now. A field only the user changed takes the user's value; a field only the other user
/// changed keeps theirs; a field both changed to different values is a conflict.
struct FieldSpec<Record>: Sendable {
    var name: String
    var value: @Sendable (Record) -> FieldValue
    var copy: @Sendable (Record, inout Record) -> Void
}

enum FieldMerge {
    static func merge<Record>(base: Record, edited: Record, current: Record, fields: [FieldSpec<Record>]) -> (merged: Record, conflicts: [FieldConflict]) {
        var merged = current
        var conflicts: [FieldConflict] = []
        for f in fields {
            let mine = f.value(edited)
            guard mine != f.value(base) else { continue }
            let theirs = f.value(current)
            if theirs != f.value(base) && theirs != mine {
                conflicts.append(FieldConflict(field: f.name, theirs: theirs, yours: mine))
            }
            f.copy(edited, &merged)
        }
        return (merged, conflicts)
    }
}

extension Household {
    /// The fields of a household that are edited as details (not its status or flags).
    static let detailFields: [FieldSpec<Household>] = [
        FieldSpec(name: "name", value: { .text($0.name) }, copy: { $1.name = $0.name }),
        FieldSpec(name: "wijk", value: { .text($0.wijk) }, copy: { $1.wijk = $0.wijk }),
        FieldSpec(name: "team", value: { .text($0.team) }, copy: { $1.team = $0.team }),
        FieldSpec(name: "address", value: { .text($0.address ?? "") }, copy: { $1.address = $0.address }),
        FieldSpec(name: "postcode", value: { .text($0.postcode ?? "") }, copy: { $1.postcode = $0.postcode }),
        FieldSpec(name: "phone", value: { .text($0.phone ?? "") }, copy: { $1.phone = $0.phone }),
        FieldSpec(name: "email", value: { .text($0.email ?? "") }, copy: { $1.email = $0.email }),
        FieldSpec(name: "cadence", value: { .text(String($0.reviewCadenceWeeks)) }, copy: { $1.reviewCadenceWeeks = $0.reviewCadenceWeeks }),
    ]
}

extension Member {
    static let editableFields: [FieldSpec<Member>] = [
        FieldSpec(name: "name", value: { .text($0.name) }, copy: { $1.name = $0.name }),
        FieldSpec(name: "role", value: { .code(vocabulary: "memberRole", $0.role.rawValue) }, copy: { $1.role = $0.role }),
        FieldSpec(name: "birthDate", value: { .day($0.birthDate) }, copy: { $1.birthDate = $0.birthDate }),
        FieldSpec(name: "birthYear", value: { .text($0.birthYear.map(String.init) ?? "") }, copy: { $1.birthYear = $0.birthYear }),
    ]
}
