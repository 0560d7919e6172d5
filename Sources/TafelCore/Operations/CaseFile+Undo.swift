/// Undo as a compensating intent: each record an earlier intent changed is written back as it
/// was, provided nobody changed it since. Creations cannot be undone this way (the record stays,
/// and the log says it was made), except an attendee added to a meeting, which is removed again.
extension CaseFile {
    /// Whether the changes of an intent can be undone at all (before looking at what is stored now).
    public static func canUndo(_ changes: [Change]) -> Bool {
        !changes.isEmpty && changes.allSatisfy { c in
            switch c {
            case .assessment, .removeAttendee: return false
            case .attendee: return true
            default: return !c.isCreation
            }
        }
    }

    /// The changes that put back what `done` changed.
    public func compensating(_ done: [Change]) throws -> [Change] {
        guard CaseFile.canUndo(done) else { throw DomainError.cannotUndo }
        func same<T: Equatable>(_ a: T, _ b: T, version: WritableKeyPath<T, Int>) -> Bool {
            var a = a, b = b
            a[keyPath: version] = 0
            b[keyPath: version] = 0
            return a == b
        }
        var out: [Change] = []
        for c in done.reversed() {
            switch c {
            case .household(let b?, let n):
                guard same(household, n, version: \.version) else { throw DomainError.changedSince }
                var back = b
                back.version = household.version
                out.append(.household(base: household, new: back))
            case .member(let b?, let n):
                guard let cur = member(n.id), same(cur, n, version: \.version) else { throw DomainError.changedSince }
                var back = b
                back.version = cur.version
                out.append(.member(base: cur, new: back))
            case .action(let b?, let n):
                guard let cur = action(n.id), same(cur, n, version: \.version) else { throw DomainError.changedSince }
                var back = b
                back.version = cur.version
                out.append(.action(base: cur, new: back))
            case .domain(let b?, let n):
                guard let cur = domains.first(where: { $0.domain == n.domain }), same(cur, n, version: \.version) else { throw DomainError.changedSince }
                var back = b
                back.version = cur.version
                out.append(.domain(base: cur, new: back))
            case .meeting(let b?, let n):
                guard let cur = meetings.first(where: { $0.id == n.id }), same(cur, n, version: \.version) else { throw DomainError.changedSince }
                var back = b
                back.version = cur.version
                out.append(.meeting(base: cur, new: back))
            case .coordinator(let b?, let n):
                guard let cur = coordinators.first(where: { $0.id == n.id }), same(cur, n, version: \.version) else { throw DomainError.changedSince }
                var back = b
                back.version = cur.version
                out.append(.coordinator(base: cur, new: back))
            case .attendee(nil, let n):
                guard let cur = attendees.first(where: { $0.id == n.id }) else { throw DomainError.changedSince }
                out.append(.removeAttendee(cur))
            case .attendee(let b?, let n):
                guard let cur = attendees.first(where: { $0.id == n.id }), cur == n else { throw DomainError.changedSince }
                out.append(.attendee(base: cur, new: b))
            case .escalation(let b?, let n):
                guard let cur = escalations.first(where: { $0.id == n.id }), cur == n else { throw DomainError.changedSince }
                out.append(.escalation(base: cur, new: b))
            case .consent(let b?, let n):
                guard let cur = consents.first(where: { $0.id == n.id }), cur == n else { throw DomainError.changedSince }
                out.append(.consent(base: cur, new: b))
            case .contact(let b?, let n):
                guard let cur = contacts.first(where: { $0.id == n.id }), cur == n else { throw DomainError.changedSince }
                out.append(.contact(base: cur, new: b))
            case .indication(let b?, let n):
                guard let cur = indications.first(where: { $0.id == n.id }), same(cur, n, version: \.version) else { throw DomainError.changedSince }
                var back = b
                back.version = cur.version
                out.append(.indication(base: cur, new: back))
            default:
                throw DomainError.cannotUndo
            }
        }
        return out
    }
}
