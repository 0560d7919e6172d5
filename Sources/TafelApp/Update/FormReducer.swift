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
            // -1 is "nothing chosen": an empty search chooses nobody until a row is picked, so an
            // action saved without an owner has none (it does not become the first person listed).
            case .down: if i + 1 < count { field.kind = .search(t, opts, i + 1) } else { moveFocus(1) }
            case .up:
                if i > 0 { field.kind = .search(t, opts, i - 1) }
                else if i == 0 && t.text.trimmed.isEmpty { field.kind = .search(t, opts, -1) }
                else { moveFocus(-1) }
            default:
                t.handle(key)
                field.kind = .search(t, opts, t.text.trimmed.isEmpty ? -1 : 0)
            }
        }
    }

    static func updateWarnings(_ state: AppState, _ form: inout FormState) {
        switch form.purpose {
        case .newActionAnyDomain(let hid):
            if case .code(let domain) = form.value(0) {
                form.warnings = (try? draftAction(state, form, householdId: hid, domain: domain, base: nil, offset: 1))
                    .map { SmartCheck.warnings(for: $0, today: state.today).map(\.message) } ?? []
            }
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

    /// The action the form describes; `offset` skips fields before the action's own (the domain
    /// chooser of a form outside the meeting).
    static func draftAction(_ state: AppState, _ form: FormState, householdId: Int64, domain: String, base: Action?, offset: Int = 0) throws -> Action {
        var a = base ?? Action(id: 0, householdId: householdId, domain: domain, description: "", createdOn: state.today)
        a.domain = domain
        a.description = form.text(offset).trimmed
        if case .party(let p) = form.value(offset + 1) { a.owner = p } else if form.text(offset + 1).trimmed.isEmpty { a.owner = nil }
        a.due = try date(state, form, offset + 2)
        if case .code(let c) = form.value(offset + 3) { a.framework = LegalFramework(rawValue: c) } else { a.framework = nil }
        if case .code(let c) = form.value(offset + 4) { a.agreement = Agreement(rawValue: c) ?? .nietGevraagd }
        if case .id(let m) = form.value(offset + 5) { a.memberId = m } else { a.memberId = nil }
        if case .flag(let t) = form.value(offset + 6) { a.transition = t }
        if form.fields.count > offset + 7 {
            if case .id(let d) = form.value(offset + 7) { a.dependsOn = [d] + a.dependsOn.filter { $0 != d && base?.dependsOn.first != $0 } } else { a.dependsOn = [] }
        }
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
        case .export(let hid, let mid):
            let kind: ExportKind
            switch form.value(0) {
            case .code("team-html"): kind = .team(html: true)
            case .code("plan-md"): kind = .plan
            case .id(let org): kind = .extract(organisation: org)
            default: kind = .team(html: false)
            }
            return [state.request(.exportDocument(householdId: hid, meetingId: mid, kind), for: .export)]
        case .escalation(let hid):
            let escalation = Escalation(id: 0, householdId: hid, reason: form.text(0).trimmed, raisedBy: state.user.id, raisedTo: form.text(1).trimmed,
                                        raisedOn: state.today, deadline: try date(state, form, 2) ?? state.today.adding(weeks: 2))
            return [state.perform(.raiseEscalation(escalation), on: hid)]
        case .blockedRule(let hid):
            guard case .code(let src) = form.value(1), let source = BlockedRuleSource(rawValue: src), case .code(let domain) = form.value(2),
                  case .code(let exc) = form.value(4), let exception = RuleException(rawValue: exc) else { return [] }
            let amountText = form.text(5).trimmed.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: ".", with: "").trimmed
            var amount: Int? = nil
            if !amountText.isEmpty {
                guard let a = Int(amountText), a > 0 else { throw Invalid(message: Message("form.bad-amount", .text(form.text(5)))) }
                amount = a
            }
            let decidedBy = form.text(6).trimmed
            let record = BlockedRule(id: 0, householdId: hid, date: state.today, rule: form.text(0), source: source, domain: domain,
                                     blocked: form.text(3), exception: exception, amount: amount, decidedBy: decidedBy.isEmpty ? nil : decidedBy)
            _ = try record.validated()
            return [state.perform(.recordBlockedRule(record), on: hid)]
        case .decideEscalation(let base):
            return [state.perform(.decideEscalation(base.id, decision: form.text(0).trimmed), on: base.householdId)]
        case .consent(let hid, _, let atTable):
            guard case .id(let org) = form.value(0), case .code(let b) = form.value(2), let basis = ConsentBasis(rawValue: b) else {
                throw Invalid(message: DomainError.required(field: "organisationId").message)
            }
            var member: Int64? = nil
            if case .id(let m) = form.value(1) { member = m }
            let consent = Consent(id: 0, householdId: hid, memberId: member, organisationId: org, purpose: form.text(3).trimmed, basis: basis,
                                  givenOn: try date(state, form, 4), expiresOn: try date(state, form, 5), recordedBy: state.user.id)
            // The scope field exists only with several organisations at the table; preset to all.
            let all = atTable.count > 1 && form.value(6) == .code("all")
            return [state.perform(.recordConsent(consent, alsoFor: all ? atTable : []), on: hid)]
        case .newActionAnyDomain(let hid):
            guard case .code(let domain) = form.value(0) else { return [] }
            let action = try draftAction(state, form, householdId: hid, domain: domain, base: nil, offset: 1)
            try Validation.validate(action, domains: state.domainOrder)
            return [state.perform(.addAction(action), on: hid)]
        case .editHousehold(let base):
            var h = base
            h.name = form.text(0).trimmed
            h.wijk = form.text(1).trimmed
            h.team = form.text(2).trimmed
            h.address = form.text(3).trimmed.nilIfEmpty
            h.postcode = form.text(4).trimmed.nilIfEmpty
            h.phone = form.text(5).trimmed.nilIfEmpty
            h.email = form.text(6).trimmed.nilIfEmpty
            guard let weeks = Int(form.text(7).trimmed), (1...52).contains(weeks) else {
                throw Invalid(message: DomainError.outOfRange(field: "cadence", min: 1, max: 52).message)
            }
            h.reviewCadenceWeeks = weeks
            try Validation.validate(h)
            return [state.perform(.editHousehold(base: base, edited: h), on: base.id)]
        case .closeHousehold(let hid):
            guard case .code(let c) = form.value(0), let code = HouseholdCloseReason(rawValue: c) else { return [] }
            let note = form.text(1).trimmed
            if (code == .anders || code == .overgedragen) && note.isEmpty { throw Invalid(message: DomainError.required(field: "closeReason").message) }
            return [state.perform(.closeHousehold(code, note: note.nilIfEmpty), on: hid)]
        case .flags(let h):
            var effects: [Effect] = []
            if case .flag(let chronic) = form.value(0), chronic != h.chronic { effects.append(state.perform(.setChronic(chronic), on: h.id)) }
            var framework: CompulsoryFramework? = nil
            if case .code(let c) = form.value(1) { framework = CompulsoryFramework(rawValue: c) }
            var org: Int64? = nil
            if case .id(let o) = form.value(2), !form.text(2).trimmed.isEmpty { org = o }
            if framework != h.compulsoryFramework || (framework != nil && org != h.compulsoryOrganisation) {
                effects.append(state.perform(.setCompulsory(framework, organisationId: org), on: h.id))
            }
            var noHelp = false
            if case .flag(let n) = form.value(3) { noHelp = n }
            var by: PartyRef? = nil
            if case .party(let p) = form.value(5), !form.text(5).trimmed.isEmpty { by = p }
            let plan = form.text(4).trimmed.nilIfEmpty
            let next = try date(state, form, 6)
            if noHelp != h.noHelpRequest || (noHelp && (plan != h.outreachPlan || by != h.outreachBy || next != h.nextAttempt)) {
                effects.append(state.perform(.setNoHelpRequest(noHelp, plan: plan, by: by, nextAttempt: next), on: h.id))
            }
            if effects.isEmpty { state.status = StatusMessage(Message("form.nothing-changed")) }
            return effects
        case .addMember, .editMember:
            let hid: Int64
            switch form.purpose {
            case .addMember(let id): hid = id
            case .editMember(let m): hid = m.householdId
            default: return []
            }
            guard case .code(let r) = form.value(1), let role = MemberRole(rawValue: r) else { return [] }
            let birthText = form.text(2).trimmed, yearText = form.text(3).trimmed
            var birthDate: Day? = nil
            if !birthText.isEmpty {
                guard let d = Day(iso: birthText) ?? parsePastDate(birthText), d <= state.today else {
                    throw Invalid(message: Message("form.bad-birth-date", .text(birthText)))
                }
                birthDate = d
            }
            var year: Int? = birthDate?.year
            if year == nil, !yearText.isEmpty {
                guard let y = Int(yearText), (1900...state.today.year).contains(y) else {
                    throw Invalid(message: DomainError.outOfRange(field: "birthYear", min: 1900, max: state.today.year).message)
                }
                year = y
            }
            if case .editMember(let base) = form.purpose {
                var m = base
                m.name = form.text(0).trimmed
                m.role = role
                m.birthDate = birthDate
                m.birthYear = year
                return [state.perform(.editMember(base: base, edited: m), on: hid)]
            }
            let m = Member(id: 0, householdId: hid, name: form.text(0).trimmed, role: role, birthDate: birthDate, birthYear: year)
            try Validation.validate(m)
            return [state.perform(.addMember(m), on: hid)]
        case .endMember(let m):
            guard case .code(let r) = form.value(0), let reason = MemberEndReason(rawValue: r) else { return [] }
            let text = form.text(1).trimmed
            guard let day = Day(iso: text) ?? parsePastDate(text), day <= state.today else {
                throw Invalid(message: Message("form.bad-birth-date", .text(text)))
            }
            return [state.perform(.endMember(m.id, reason, on: day), on: m.householdId)]
        case .intake:
            guard case .code(let source) = form.value(0) else { return [] }
            let day = try date(state, form, 1) ?? state.today
            guard day <= state.today else { throw Invalid(message: Message("form.date-in-future")) }
            let yearText = form.text(5).trimmed
            var year: Int? = nil
            if !yearText.isEmpty {
                guard let y = Int(yearText), (1900...state.today.year).contains(y) else {
                    throw Invalid(message: DomainError.outOfRange(field: "birthYear", min: 1900, max: state.today.year).message)
                }
                year = y
            }
            let names = form.text(3).trimmed, address = form.text(4).trimmed
            let signal = Signal(id: 0, householdId: 0, source: source, date: day, text: form.text(2).trimmed,
                                knownNames: names.nilIfEmpty, knownAddress: address.nilIfEmpty, knownBirthYear: year)
            let household = Household(id: 0, name: IntakeNaming.householdName(from: names, strings: state.strings), wijk: form.text(6).trimmed,
                                      team: form.text(7).trimmed, address: address.nilIfEmpty, status: .aangemeld, createdOn: state.today)
            let draft = IntakeDraft(signal: signal, household: household)
            state.status = StatusMessage(Message("intake.searching"))
            return [state.request(.intakeSearch(IntakeQuery(names: names, address: address, birthYear: year)), for: .intake(draft))]
        case .newHousehold:
            guard case .code(let r) = form.value(4), let role = MemberRole(rawValue: r) else { return [] }
            let household = Household(id: 0, name: form.text(0).trimmed, wijk: form.text(1).trimmed, team: form.text(2).trimmed,
                                      status: .aangemeld, createdOn: state.today)
            let member = Member(id: 0, householdId: 0, name: form.text(3).trimmed, role: role)
            try Validation.validate(household)
            return [state.perform(.registerHousehold(household, members: [member]), on: nil)]
        }
    }

    /// `14-03-2009` as people write a date in the past.
    static func parsePastDate(_ text: String) -> Day? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).compactMap { Int($0) }
        guard parts.count == 3, parts[2] > 31 else { return nil }
        return Day(year: parts[2], month: parts[1], day: parts[0])
    }
}
