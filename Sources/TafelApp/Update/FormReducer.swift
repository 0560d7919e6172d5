import TafelCore
import TerminalKit

/// Typing in forms and saving them.
enum FormReducer {
    static func key(_ s: inout AppState, _ f: inout FormState, _ key: KeyEvent) -> [Effect] {
        switch key {
        case .escape:
            s.modal = nil
            return []
        case .tab:
            f.focus = (f.focus + 1) % f.fields.count
        case .backTab:
            f.focus = (f.focus + f.fields.count - 1) % f.fields.count
        case .enter:
            return submit(&s, f)
        default:
            var field = f.fields[f.focus]
            var delta = 0
            edit(&field, key, moveFocus: { delta = $0 })
            f.fields[f.focus] = field
            f.focus = max(0, min(f.fields.count - 1, f.focus + delta))
        }
        f.error = nil
        updateWarnings(s, &f)
        s.modal = .form(f)
        return []
    }

    /// Applies a key to one field; ↑/↓ move between fields except inside a search field's suggestions.
    static func edit(_ field: inout FormField, _ key: KeyEvent, moveFocus: (Int) -> Void) {
        switch field.kind {
        case .text(var t):
            if key == .up || key == .down { moveFocus(key == .up ? -1 : 1); return }
            t.handle(key); field.kind = .text(t)
        case .date(var t):
            if key == .up || key == .down { moveFocus(key == .up ? -1 : 1); return }
            t.handle(key); field.kind = .date(t)
        case .choice(let opts, let i):
            switch key {
            case .right, .char(" "), .char("+"): field.kind = .choice(opts, (i + 1) % opts.count)
            case .left, .char("-"): field.kind = .choice(opts, (i + opts.count - 1) % opts.count)
            case .up, .down: moveFocus(key == .up ? -1 : 1)
            default: break
            }
        case .search(var t, let opts, let i):
            let count = FormField.filter(opts, t.text).count
            switch key {
            case .down: if i + 1 < count { field.kind = .search(t, opts, i + 1) } else { moveFocus(1) }
            case .up: if i > 0 { field.kind = .search(t, opts, i - 1) } else { moveFocus(-1) }
            default:
                t.handle(key)
                field.kind = .search(t, opts, 0)
            }
        }
    }

    static func updateWarnings(_ s: AppState, _ f: inout FormState) {
        switch f.purpose {
        case .newAction(let hid, let domain):
            f.warnings = (try? draftAction(s, f, householdId: hid, domain: domain, base: nil)).map { SmartCheck.warnings(for: $0, today: s.today).map(\.message) } ?? []
        case .editAction(let a):
            f.warnings = (try? draftAction(s, f, householdId: a.householdId, domain: a.domain, base: a)).map { SmartCheck.warnings(for: $0, today: s.today).map(\.message) } ?? []
        default:
            f.warnings = []
        }
    }

    struct Invalid: Error { var message: Message }

    static func required(_ f: FormState) throws {
        for (i, field) in f.fields.enumerated() where field.required {
            let key = String(field.label.split(separator: ".").last ?? "")
            switch field.kind {
            case .text, .date: if f.text(i).trimmed.isEmpty { throw Invalid(message: DomainError.required(field: key).message) }
            case .search: if f.value(i) == .none { throw Invalid(message: DomainError.required(field: key).message) }
            case .choice: break
            }
        }
    }

    static func date(_ s: AppState, _ f: FormState, _ i: Int) throws -> Day? {
        let t = f.text(i).trimmed
        if t.isEmpty { return nil }
        do { return try DueDateParser.parse(t, today: s.today) } catch let e as DueDateParser.Invalid { throw Invalid(message: e.message) }
    }

    static func draftAction(_ s: AppState, _ f: FormState, householdId: Int64, domain: String, base: Action?) throws -> Action {
        var a = base ?? Action(id: 0, householdId: householdId, domain: domain, description: "", createdOn: s.today)
        a.description = f.text(0).trimmed
        if case .party(let p) = f.value(1) { a.owner = p } else if f.text(1).trimmed.isEmpty { a.owner = nil }
        a.due = try date(s, f, 2)
        if case .code(let c) = f.value(3) { a.framework = LegalFramework(rawValue: c) } else { a.framework = nil }
        if case .code(let c) = f.value(4) { a.agreement = Agreement(rawValue: c) ?? .nietGevraagd }
        if case .id(let m) = f.value(5) { a.memberId = m } else { a.memberId = nil }
        if case .flag(let t) = f.value(6) { a.transition = t }
        if base == nil, let m = s.meeting, m.file.id == householdId { a.meetingId = m.meetingId }
        return a
    }

    static func submit(_ s: inout AppState, _ f: FormState) -> [Effect] {
        do {
            try required(f)
            let effects = try build(&s, f)
            s.modal = nil
            return effects
        } catch let e as Invalid {
            var g = f
            g.error = e.message
            s.modal = .form(g)
            return []
        } catch let e as DomainError {
            var g = f
            g.error = e.message
            s.modal = .form(g)
            return []
        } catch {
            return []
        }
    }

    static func build(_ s: inout AppState, _ f: FormState) throws -> [Effect] {
        switch f.purpose {
        case .newAction(let hid, let domain):
            let a = try draftAction(s, f, householdId: hid, domain: domain, base: nil)
            try Validation.validate(a, domains: s.domainOrder)
            if s.meeting != nil {
                let warnings = SmartCheck.warnings(for: a, today: s.today)
                if !warnings.isEmpty { s.status = StatusMessage(Message("smart.saved-with-warnings", .number(warnings.count))) }
            }
            return [.apply([.action(base: nil, new: a)], householdId: hid, note: nil)]
        case .editAction(let base):
            let a = try draftAction(s, f, householdId: base.householdId, domain: base.domain, base: base)
            try Validation.validate(a, domains: s.domainOrder)
            return [.apply([.action(base: base, new: a)], householdId: base.householdId, note: nil)]
        case .contact(let hid):
            guard case .code(let k) = f.value(2), let kind = ContactKind(rawValue: k) else { return [] }
            let c = Contact(id: 0, householdId: hid, date: try date(s, f, 0) ?? s.today, professionalId: s.user.id,
                            withWhom: f.text(1).trimmed, kind: kind, note: f.text(3).trimmed)
            return [.apply([.contact(base: nil, new: c)], householdId: hid, note: nil)]
        case .signal(let hid):
            guard case .code(let src) = f.value(0) else { return [] }
            var known = false
            if case .flag(let k) = f.value(3) { known = k }
            let sig = Signal(id: 0, householdId: hid, source: src, date: try date(s, f, 1) ?? s.today, text: f.text(2).trimmed, alreadyKnown: known)
            return [.apply([.signal(base: nil, new: sig)], householdId: hid, note: nil)]
        case .escalation(let hid):
            let e = Escalation(id: 0, householdId: hid, reason: f.text(0).trimmed, raisedBy: s.user.id, raisedTo: f.text(1).trimmed,
                               raisedOn: s.today, deadline: try date(s, f, 2) ?? s.today.adding(weeks: 2))
            return [.apply([.escalation(base: nil, new: e)], householdId: hid, note: nil)]
        case .decideEscalation(let base):
            var e = base
            e.decision = f.text(0).trimmed
            e.decidedOn = s.today
            return [.apply([.escalation(base: base, new: e)], householdId: base.householdId, note: nil)]
        case .consent(let hid, _):
            guard case .id(let org) = f.value(0), case .code(let b) = f.value(2), let basis = ConsentBasis(rawValue: b) else {
                throw Invalid(message: DomainError.required(field: "organisationId").message)
            }
            var member: Int64? = nil
            if case .id(let m) = f.value(1) { member = m }
            let c = Consent(id: 0, householdId: hid, memberId: member, organisationId: org, purpose: f.text(3).trimmed, basis: basis,
                            givenOn: try date(s, f, 4), expiresOn: try date(s, f, 5), recordedBy: s.user.id)
            return [.apply([.consent(base: nil, new: c)], householdId: hid, note: nil)]
        case .newHousehold:
            guard case .code(let r) = f.value(4), let role = MemberRole(rawValue: r) else { return [] }
            let h = Household(id: 0, name: f.text(0).trimmed, wijk: f.text(1).trimmed, team: f.text(2).trimmed, status: .aangemeld, createdOn: s.today)
            let m = Member(id: 0, householdId: 0, name: f.text(3).trimmed, role: role)
            try Validation.validate(h)
            return [.createHousehold(h, [m])]
        }
    }
}
