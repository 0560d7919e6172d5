import TafelCore
import TerminalKit

/// Typing in forms and saving them.
enum FormReducer {
    static func key(_ state: inout AppState, _ form: inout FormState, _ key: KeyEvent) -> [Effect] {
        switch key {
        case .escape:
            state.modal = nil
            return []
        case .tab:
            form.focus = (form.focus + 1) % form.fields.count
        case .backTab:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .enter:
            return submit(&state, form)
        default:
            var field = form.fields[form.focus]
            var delta = 0
            edit(&field, key, moveFocus: { delta = $0 })
            form.fields[form.focus] = field
            form.focus = max(0, min(form.fields.count - 1, form.focus + delta))
        }
        form.error = nil
        updateWarnings(state, &form)
        state.modal = .form(form)
        return []
    }

    /// Applies a key to one field; ↑/↓ move between fields except inside a search field'state suggestions.
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

    static func updateWarnings(_ state: AppState, _ form: inout FormState) {
        switch form.purpose {
        case .newAction(let hid, let domain):
            form.warnings = (try? draftAction(state, form, householdId: hid, domain: domain, base: nil)).map { SmartCheck.warnings(for: $0, today: state.today).map(\.message) } ?? []
        case .editAction(let a):
            form.warnings = (try? draftAction(state, form, householdId: a.householdId, domain: a.domain, base: a)).map { SmartCheck.warnings(for: $0, today: state.today).map(\.message) } ?? []
        default:
            form.warnings = []
        }
    }

    struct Invalid: Error { var message: Message }

    static func required(_ form: FormState) throws {
        for (i, field) in form.fields.enumerated() where field.required {
            let key = String(field.label.split(separator: ".").last ?? "")
            switch field.kind {
            case .text, .date: if form.text(i).trimmed.isEmpty { throw Invalid(message: DomainError.required(field: key).message) }
            case .search: if form.value(i) == .none { throw Invalid(message: DomainError.required(field: key).message) }
            case .choice: break
            }
        }
    }

    static func date(_ state: AppState, _ form: FormState, _ i: Int) throws -> Day? {
        let t = form.text(i).trimmed
        if t.isEmpty { return nil }
        do { return try DueDateParser.parse(t, today: state.today) } catch let e as DueDateParser.Invalid { throw Invalid(message: e.message) }
    }

    static func draftAction(_ state: AppState, _ form: FormState, householdId: Int64, domain: String, base: Action?) throws -> Action {
        var a = base ?? Action(id: 0, householdId: householdId, domain: domain, description: "", createdOn: state.today)
        a.description = form.text(0).trimmed
        if case .party(let p) = form.value(1) { a.owner = p } else if form.text(1).trimmed.isEmpty { a.owner = nil }
        a.due = try date(state, form, 2)
        if case .code(let c) = form.value(3) { a.framework = LegalFramework(rawValue: c) } else { a.framework = nil }
        if case .code(let c) = form.value(4) { a.agreement = Agreement(rawValue: c) ?? .nietGevraagd }
        if case .id(let m) = form.value(5) { a.memberId = m } else { a.memberId = nil }
        if case .flag(let t) = form.value(6) { a.transition = t }
        if base == nil, let m = state.meeting, m.file.id == householdId { a.meetingId = m.meetingId }
        return a
    }

    static func submit(_ state: inout AppState, _ form: FormState) -> [Effect] {
        do {
            try required(form)
            let effects = try build(&state, form)
            state.modal = nil
            return effects
        } catch let e as Invalid {
            var retry = form
            retry.error = e.message
            state.modal = .form(retry)
            return []
        } catch let e as DomainError {
            var retry = form
            retry.error = e.message
            state.modal = .form(retry)
            return []
        } catch {
            return []
        }
    }

    static func build(_ state: inout AppState, _ form: FormState) throws -> [Effect] {
        switch form.purpose {
        case .newAction(let hid, let domain):
            let action = try draftAction(state, form, householdId: hid, domain: domain, base: nil)
            try Validation.validate(action, domains: state.domainOrder)
            return [state.perform(.addAction(action), on: hid)]
        case .editAction(let base):
            let action = try draftAction(state, form, householdId: base.householdId, domain: base.domain, base: base)
            try Validation.validate(action, domains: state.domainOrder)
            return [state.perform(.editAction(base: base, edited: action), on: base.householdId)]
        case .contact(let hid):
            guard case .code(let k) = form.value(2), let kind = ContactKind(rawValue: k) else { return [] }
            let contact = Contact(id: 0, householdId: hid, date: try date(state, form, 0) ?? state.today, professionalId: state.user.id,
                                  withWhom: form.text(1).trimmed, kind: kind, note: form.text(3).trimmed)
            return [state.perform(.addContact(contact), on: hid)]
        case .signal(let hid):
            guard case .code(let source) = form.value(0) else { return [] }
            var known = false
            if case .flag(let k) = form.value(3) { known = k }
            let signal = Signal(id: 0, householdId: hid, source: source, date: try date(state, form, 1) ?? state.today,
                                text: form.text(2).trimmed, alreadyKnown: known)
            return [state.perform(.addSignal(signal), on: hid)]
        case .escalation(let hid):
            let escalation = Escalation(id: 0, householdId: hid, reason: form.text(0).trimmed, raisedBy: state.user.id, raisedTo: form.text(1).trimmed,
                                        raisedOn: state.today, deadline: try date(state, form, 2) ?? state.today.adding(weeks: 2))
            return [state.perform(.raiseEscalation(escalation), on: hid)]
        case .decideEscalation(let base):
            return [state.perform(.decideEscalation(base.id, decision: form.text(0).trimmed), on: base.householdId)]
        case .consent(let hid, _):
            guard case .id(let org) = form.value(0), case .code(let b) = form.value(2), let basis = ConsentBasis(rawValue: b) else {
                throw Invalid(message: DomainError.required(field: "organisationId").message)
            }
            var member: Int64? = nil
            if case .id(let m) = form.value(1) { member = m }
            let consent = Consent(id: 0, householdId: hid, memberId: member, organisationId: org, purpose: form.text(3).trimmed, basis: basis,
                                  givenOn: try date(state, form, 4), expiresOn: try date(state, form, 5), recordedBy: state.user.id)
            return [state.perform(.recordConsent(consent), on: hid)]
        case .newHousehold:
            guard case .code(let r) = form.value(4), let role = MemberRole(rawValue: r) else { return [] }
            let household = Household(id: 0, name: form.text(0).trimmed, wijk: form.text(1).trimmed, team: form.text(2).trimmed,
                                      status: .aangemeld, createdOn: state.today)
            let member = Member(id: 0, householdId: 0, name: form.text(3).trimmed, role: role)
            try Validation.validate(household)
            return [state.perform(.registerHousehold(household, members: [member]), on: nil)]
        }
    }
}
