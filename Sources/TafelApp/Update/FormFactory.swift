import TafelCore
import TerminalKit

/// Builds the forms of the app with their fields and sensible defaults.
enum Forms {
    static func text(_ value: String) -> ChoiceOption.Value { .code(value) }

    static func vocab<V: Vocabulary>(_ t: V.Type, first: [V] = [], none: Bool = false) -> [ChoiceOption] {
        let ordered = first + V.allCases.filter { !first.contains($0) }
        return (none ? [ChoiceOption(Message("form.none"), .none)] : []) + ordered.map { ChoiceOption(Message("vocab.\(V.vocabularyName).\($0.rawValue)"), .code($0.rawValue)) }
    }

    /// Everyone who can own an action or coordinate: attendees first, then the household, then the roster.
    static func parties(_ state: AppState, file: CaseFile, attendees: [Attendee]) -> [ChoiceOption] {
        var out: [ChoiceOption] = []
        var seen = Set<PartyRef>()
        let dir = PartyDirectory(roster: state.roster, file: file)
        func add(_ p: PartyRef, _ detail: String?) {
            guard seen.insert(p).inserted else { return }
            out.append(.text(dir.name(p), detail: detail, .party(p)))
        }
        for a in attendees { if let p = a.party { add(p, state.strings.t("form.at-the-table")) } }
        for m in file.members { add(.member(m.id), state.strings.label(m.role)) }
        for i in file.informal { add(.informal(i.id), state.strings.label(i.kind)) }
        for p in state.roster.professionals.values.sorted(by: { $0.name < $1.name }) {
            add(.professional(p.id), p.organisationId.flatMap { state.roster.organisations[$0]?.name } ?? p.discipline)
        }
        for o in state.roster.organisations.values.sorted(by: { $0.name < $1.name }) { add(.organisation(o.id), state.strings.t("form.organisation")) }
        return out
    }

    static func newAction(_ state: AppState, file: CaseFile, domain: String, attendees: [Attendee]) -> FormState {
        let typical = (state.strings.reference.domainLinks[domain]?.frameworks ?? []).compactMap(LegalFramework.init(rawValue:))
        return FormState(purpose: .newAction(householdId: file.id, domain: domain), title: "form.new-action", fields: actionFields(state, file: file, attendees: attendees, typical: typical, action: nil))
    }

    /// The edit form of an action; `values` prefills the fields (a merge after a conflict), the
    /// edit stays based on `action`.
    static func editAction(_ state: AppState, file: CaseFile, action: Action, values: Action? = nil, attendees: [Attendee]) -> FormState {
        let typical = (state.strings.reference.domainLinks[action.domain]?.frameworks ?? []).compactMap(LegalFramework.init(rawValue:))
        return FormState(purpose: .editAction(action), title: "form.edit-action",
                         fields: actionFields(state, file: file, attendees: attendees, typical: typical, action: values ?? action))
    }

    static func actionFields(_ state: AppState, file: CaseFile, attendees: [Attendee], typical: [LegalFramework], action: Action?) -> [FormField] {
        let owners = parties(state, file: file, attendees: attendees)
        let ownerName = action?.owner.map { PartyDirectory(roster: state.roster, file: file).name($0) } ?? ""
        let frameworks = vocab(LegalFramework.self, first: typical, none: true)
        let agreements = vocab(Agreement.self, first: [.eens, .oneens, .nietGevraagd])
        let members = [ChoiceOption(Message("form.whole-household"), .none)] + file.members.map { ChoiceOption.text($0.name, .id($0.id)) }
        func index(_ options: [ChoiceOption], _ v: ChoiceOption.Value) -> Int { options.firstIndex { $0.value == v } ?? 0 }
        var ownerField = FormField("field.owner", .search(TextInput(ownerName, maxLength: 80), owners, 0), required: false)
        if let o = action?.owner, case .search(let t, let opts, _) = ownerField.kind {
            let m = FormField.filter(opts, t.text)
            ownerField.kind = .search(t, opts, m.firstIndex { $0.value == .party(o) } ?? 0)
        }
        return [
            FormField("field.description", .text(TextInput(action?.description ?? "", maxLength: 300)), required: true),
            ownerField,
            FormField("field.due", .date(TextInput(action?.due.map { state.strings.date($0) } ?? "+2w", maxLength: 20))),
            FormField("field.framework", .choice(frameworks, index(frameworks, action?.framework.map { .code($0.rawValue) } ?? .none))),
            FormField("field.agreement", .choice(agreements, index(agreements, .code((action?.agreement ?? .eens).rawValue)))),
            FormField("field.memberId", .choice(members, index(members, action?.memberId.map { .id($0) } ?? .none))),
            FormField("field.transition", .choice([ChoiceOption(Message("common.no"), .flag(false)), ChoiceOption(Message("common.yes"), .flag(true))],
                                                 action?.transition == true ? 1 : 0)),
        ]
    }

    static func contact(_ state: AppState, householdId: Int64) -> FormState {
        FormState(purpose: .contact(householdId: householdId), title: "form.new-contact", fields: [
            FormField("field.date", .date(TextInput(state.strings.date(state.today), maxLength: 20)), required: true),
            FormField("field.withWhom", .text(TextInput(maxLength: 120)), required: true),
            FormField("field.kind", .choice(vocab(ContactKind.self), 0)),
            FormField("field.note", .text(TextInput(maxLength: 500))),
        ])
    }

    static func signal(_ state: AppState, householdId: Int64) -> FormState {
        let sources = state.strings.reference.vocabularies["signalSource"] ?? []
        return FormState(purpose: .signal(householdId: householdId), title: "form.new-signal", fields: [
            FormField("field.source", .choice(sources.map { ChoiceOption(Message("vocab.signalSource.\($0.code)"), .code($0.code)) }, 0)),
            FormField("field.date", .date(TextInput(state.strings.date(state.today), maxLength: 20)), required: true),
            FormField("field.text", .text(TextInput(maxLength: 500)), required: true),
            FormField("field.alreadyKnown", .choice([ChoiceOption(Message("common.no"), .flag(false)), ChoiceOption(Message("common.yes"), .flag(true))], 0)),
        ])
    }

    static func escalation(_ state: AppState, householdId: Int64) -> FormState {
        FormState(purpose: .escalation(householdId: householdId), title: "form.new-escalation", fields: [
            FormField("field.reason", .text(TextInput(maxLength: 500)), required: true),
            FormField("field.raisedTo", .text(TextInput(maxLength: 120)), required: true),
            FormField("field.deadline", .date(TextInput("+2w", maxLength: 20)), required: true),
        ])
    }

    static func decideEscalation(_ e: Escalation) -> FormState {
        FormState(purpose: .decideEscalation(e), title: "form.decide-escalation", fields: [
            FormField("field.decision", .text(TextInput(maxLength: 500)), required: true),
        ])
    }

    static func consent(_ state: AppState, file: CaseFile, organisation: Int64?) -> FormState {
        let orgs = state.roster.organisations.values.sorted { $0.name < $1.name }.map { ChoiceOption.text($0.name, .id($0.id)) }
        let name = organisation.flatMap { state.roster.organisations[$0]?.name } ?? ""
        let members = [ChoiceOption(Message("form.whole-household"), .none)] + file.members.map { ChoiceOption.text($0.name, .id($0.id)) }
        return FormState(purpose: .consent(householdId: file.id, organisation: organisation), title: "form.new-consent", fields: [
            FormField("field.organisationId", .search(TextInput(name, maxLength: 80), orgs, 0), required: true),
            FormField("field.memberId", .choice(members, 0)),
            FormField("field.basis", .choice(vocab(ConsentBasis.self), 0)),
            FormField("field.purpose", .text(TextInput(state.strings.t("form.default-purpose"), maxLength: 200)), required: true),
            FormField("field.givenOn", .date(TextInput(state.strings.date(state.today), maxLength: 20))),
            FormField("field.expiresOn", .date(TextInput("+1j", maxLength: 20))),
        ])
    }

    static func newHousehold(team: String = "") -> FormState {
        FormState(purpose: .newHousehold, title: "form.new-household", fields: [
            FormField("field.name", .text(TextInput(maxLength: 120)), required: true),
            FormField("field.wijk", .text(TextInput(maxLength: 80)), required: true),
            FormField("field.team", .text(TextInput(team, maxLength: 80))),
            FormField("form.first-member", .text(TextInput(maxLength: 120)), required: true),
            FormField("field.role", .choice(vocab(MemberRole.self), 0)),
        ])
    }
}
