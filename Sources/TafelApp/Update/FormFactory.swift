import TafelCore
import TerminalKit

/// Builds the forms of the app with their fields and sensible defaults.
enum Forms {
    static func text(_ value: String) -> ChoiceOption.Value { .code(value) }

    static func vocab<V: Vocabulary>(_ t: V.Type, first: [V] = [], none: Bool = false) -> [ChoiceOption] {
        let ordered = first + V.allCases.filter { !first.contains($0) }
        return (none ? [ChoiceOption(Message("form.none"), .none)] : []) + ordered.map { ChoiceOption(Message("vocab.\(V.vocabularyName).\($0.rawValue)"), .code($0.rawValue)) }
    }

    /// Everyone who can own an action or coordinate: attendees first, then (for an action in
    /// `domain`) the organisations the sociale kaart lists for that domain in the household's wijk,
    /// then the household, then the roster.
    static func parties(_ state: AppState, file: CaseFile, attendees: [Attendee], domain: String? = nil) -> [ChoiceOption] {
        var out: [ChoiceOption] = []
        var seen = Set<PartyRef>()
        let dir = PartyDirectory(roster: state.roster, file: file)
        func add(_ p: PartyRef, _ detail: String?) {
            guard seen.insert(p).inserted else { return }
            out.append(.text(dir.name(p), detail: detail, .party(p)))
        }
        // Only who is actually at the table (or online) is "aan tafel"; someone absent is listed as usual.
        for a in attendees where a.presence.attended { if let p = a.party { add(p, state.strings.t("form.at-the-table")) } }
        if let domain {
            // "Who does this for Financiën in Bloemhof?": the kaart's answer, with whom to call.
            for s in state.services where s.serves(domain: domain, wijk: file.household.wijk) {
                guard let org = state.roster.organisations.values.first(where: { $0.name.lowercased() == s.organisation.lowercased() }) else { continue }
                add(.organisation(org.id), kaartDetail(s, state.strings))
            }
        }
        for m in file.currentMembers(on: state.today) { add(.member(m.id), state.strings.label(m.role)) }
        for i in file.informal { add(.informal(i.id), state.strings.label(i.kind)) }
        for p in state.roster.professionals.values.sorted(by: { $0.name < $1.name }) {
            add(.professional(p.id), p.organisationId.flatMap { state.roster.organisations[$0]?.name } ?? p.discipline)
        }
        for o in state.roster.organisations.values.sorted(by: { $0.name < $1.name }) { add(.organisation(o.id), state.strings.t("form.organisation")) }
        return out
    }

    /// "kaart: 14 010 · ±3 wk": the organisation is on the kaart for this domain and wijk, the
    /// number to call (else the contact) and the wait; short, so the name beside it stays whole.
    static func kaartDetail(_ s: Service, _ strings: Strings) -> String {
        let reach = s.phone ?? (s.contact.isEmpty ? s.name : s.contact)
        return strings.t("form.kaart", reach) + (s.waitingWeeks.map { " · " + strings.t("form.kaart-wait", String($0)) } ?? "")
    }

    static func newAction(_ state: AppState, file: CaseFile, domain: String, attendees: [Attendee]) -> FormState {
        let typical = (state.strings.reference.domainLinks[domain]?.frameworks ?? []).compactMap(LegalFramework.init(rawValue:))
        return FormState(purpose: .newAction(householdId: file.id, domain: domain), title: "form.new-action",
                         fields: actionFields(state, file: file, attendees: attendees, typical: typical, action: nil, domain: domain))
    }

    /// The edit form of an action; `values` prefills the fields (a merge after a conflict), the
    /// edit stays based on `action`.
    static func editAction(_ state: AppState, file: CaseFile, action: Action, values: Action? = nil, attendees: [Attendee]) -> FormState {
        let typical = (state.strings.reference.domainLinks[action.domain]?.frameworks ?? []).compactMap(LegalFramework.init(rawValue:))
        return FormState(purpose: .editAction(action), title: "form.edit-action",
                         fields: actionFields(state, file: file, attendees: attendees, typical: typical, action: values ?? action, domain: action.domain))
    }

    /// A new action from the household screen: its domain is the first field.
    static func newActionAnyDomain(_ state: AppState, file: CaseFile) -> FormState {
        let domains = state.domainOrder.map { ChoiceOption(Message("common.text", .text(state.strings.domain($0))), .code($0)) }
        let need = state.domainOrder.firstIndex { file.isInNeed($0) } ?? 0
        return FormState(purpose: .newActionAnyDomain(householdId: file.id), title: "form.new-action",
                         fields: [FormField("field.domain", .choice(domains, need))]
                            + actionFields(state, file: file, attendees: [], typical: [], action: nil))
    }

    static func actionFields(_ state: AppState, file: CaseFile, attendees: [Attendee], typical: [LegalFramework], action: Action?,
                             domain: String? = nil) -> [FormField] {
        let owners = parties(state, file: file, attendees: attendees, domain: domain)
        let ownerName = action?.owner.map { PartyDirectory(roster: state.roster, file: file).name($0) } ?? ""
        let frameworks = vocab(LegalFramework.self, first: typical, none: true)
        let agreements = vocab(Agreement.self, first: [.eens, .oneens, .nietGevraagd])
        let members = [ChoiceOption(Message("form.whole-household"), .none)] + file.currentMembers(on: state.today).map { ChoiceOption.text($0.name, .id($0.id)) }
        func index(_ options: [ChoiceOption], _ v: ChoiceOption.Value) -> Int { options.firstIndex { $0.value == v } ?? 0 }
        var ownerField = FormField("field.owner", .search(TextInput(ownerName, maxLength: 80), owners, ownerName.isEmpty ? -1 : 0), required: false)
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
            waitsForField(state, file: file, action: action),
        ]
    }

    /// "Wacht op": another action of the household (any organisation, any domain), or nothing.
    static func waitsForField(_ state: AppState, file: CaseFile, action: Action?) -> FormField {
        let others = file.actions.filter { $0.id != action?.id && ($0.isOpen || action?.dependsOn.contains($0.id) == true) }
            .sorted { $0.id < $1.id }
        let dir = PartyDirectory(roster: state.roster, file: file)
        let options = [ChoiceOption(Message("form.waits-for-nothing"), .none)] + others.map {
            ChoiceOption(Message("form.waits-for-option", .text($0.description), .text($0.owner.map(dir.name) ?? "—")), .id($0.id))
        }
        let current = action?.dependsOn.first.flatMap { id in options.firstIndex { $0.value == .id(id) } } ?? 0
        return FormField("field.dependsOn", .choice(options, current))
    }

    static func editHousehold(_ h: Household) -> FormState {
        FormState(purpose: .editHousehold(h), title: "form.edit-household", fields: [
            FormField("field.name", .text(TextInput(h.name, maxLength: 120)), required: true),
            FormField("field.wijk", .text(TextInput(h.wijk, maxLength: 80)), required: true),
            FormField("field.team", .text(TextInput(h.team, maxLength: 80))),
            FormField("field.address", .text(TextInput(h.address ?? "", maxLength: 200))),
            FormField("field.postcode", .text(TextInput(h.postcode ?? "", maxLength: 10))),
            FormField("field.phone", .text(TextInput(h.phone ?? "", maxLength: 40))),
            FormField("field.email", .text(TextInput(h.email ?? "", maxLength: 120))),
            FormField("field.cadence", .text(TextInput(String(h.reviewCadenceWeeks), maxLength: 2))),
        ])
    }

    static func closeHousehold(householdId: Int64) -> FormState {
        FormState(purpose: .closeHousehold(householdId: householdId), title: "form.close-household", fields: [
            FormField("field.closeCode", .choice(vocab(HouseholdCloseReason.self), 0)),
            FormField("field.closeReason", .text(TextInput(maxLength: 300))),
        ])
    }

    static func flags(_ state: AppState, file: CaseFile) -> FormState {
        let h = file.household
        let yesNo = { (on: Bool) in FieldKind.choice([ChoiceOption(Message("common.no"), .flag(false)), ChoiceOption(Message("common.yes"), .flag(true))], on ? 1 : 0) }
        let frameworks = vocab(CompulsoryFramework.self, none: true)
        let orgs = state.roster.organisations.values.sorted { $0.name < $1.name }.map { ChoiceOption.text($0.name, .id($0.id)) }
        let orgName = h.compulsoryOrganisation.flatMap { state.roster.organisations[$0]?.name } ?? ""
        let people = parties(state, file: file, attendees: []).filter { if case .party(let p) = $0.value { return p.kind == .professional } else { return false } }
        let byName = h.outreachBy.map { PartyDirectory(roster: state.roster, file: file).name($0) } ?? ""
        func search(_ text: String, _ options: [ChoiceOption], selected: ChoiceOption.Value?) -> FieldKind {
            let matches = FormField.filter(options, text)
            return .search(TextInput(text, maxLength: 80), options, selected.flatMap { v in matches.firstIndex { $0.value == v } } ?? (text.isEmpty ? -1 : 0))
        }
        return FormState(purpose: .flags(h), title: "form.flags", fields: [
            FormField("field.chronic", yesNo(h.chronic)),
            FormField("field.compulsoryFramework", .choice(frameworks, frameworks.firstIndex { $0.value == (h.compulsoryFramework.map { .code($0.rawValue) } ?? .none) } ?? 0)),
            FormField("field.compulsoryOrganisation", search(orgName, orgs, selected: h.compulsoryOrganisation.map { .id($0) })),
            FormField("field.noHelpRequest", yesNo(h.noHelpRequest)),
            FormField("field.outreachPlan", .text(TextInput(h.outreachPlan ?? "", maxLength: 300))),
            FormField("field.outreachBy", search(byName, people, selected: h.outreachBy.map { .party($0) })),
            FormField("field.nextAttempt", .date(TextInput(h.nextAttempt.map { state.strings.date($0) } ?? "", maxLength: 20))),
        ])
    }

    static func member(_ state: AppState, householdId: Int64, member: Member?) -> FormState {
        let roles = vocab(MemberRole.self)
        let role = member.map { m in roles.firstIndex { $0.value == .code(m.role.rawValue) } ?? 0 } ?? 0
        return FormState(purpose: member.map { .editMember($0) } ?? .addMember(householdId: householdId),
                         title: member == nil ? "form.add-member" : "form.edit-member", fields: [
            FormField("field.name", .text(TextInput(member?.name ?? "", maxLength: 120)), required: true),
            FormField("field.role", .choice(roles, role)),
            FormField("field.birthDate", .text(TextInput(member?.birthDate.map { state.strings.date($0) } ?? "", maxLength: 10))),
            FormField("field.birthYear", .text(TextInput(member?.birthYear.map(String.init) ?? "", maxLength: 4))),
        ])
    }

    static func endMember(_ state: AppState, member: Member) -> FormState {
        FormState(purpose: .endMember(member), title: "form.end-member", fields: [
            FormField("field.endReason", .choice(vocab(MemberEndReason.self), 0)),
            FormField("field.endedOn", .text(TextInput(state.strings.date(state.today), maxLength: 10)), required: true),
        ])
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

    /// A rule that blocked help (*knellende regel*): which rule, where it comes from, the domain
    /// (preset to the first in need, or the meeting's current one), what it blocked, and the way
    /// around it if one was used.
    static func blockedRule(_ state: AppState, file: CaseFile, domain: String?) -> FormState {
        let domains = state.domainOrder.map { ChoiceOption(Message("common.text", .text(state.strings.domain($0))), .code($0)) }
        let preset = domain.flatMap { d in state.domainOrder.firstIndex(of: d) } ?? state.domainOrder.firstIndex { file.isInNeed($0) } ?? 0
        return FormState(purpose: .blockedRule(householdId: file.id), title: "form.new-blocked-rule", fields: [
            FormField("field.rule", .text(TextInput(maxLength: 200)), required: true),
            FormField("field.source", .choice(vocab(BlockedRuleSource.self), 0)),
            FormField("field.domain", .choice(domains, preset)),
            FormField("field.blocked", .text(TextInput(maxLength: 500)), required: true),
            FormField("field.exception", .choice(vocab(RuleException.self), 0)),
            FormField("field.amount", .text(TextInput(maxLength: 9))),
            FormField("field.decidedBy", .text(TextInput(maxLength: 120))),
        ])
    }

    static func decideEscalation(_ e: Escalation) -> FormState {
        FormState(purpose: .decideEscalation(e), title: "form.decide-escalation", fields: [
            FormField("field.decision", .text(TextInput(maxLength: 500)), required: true),
        ])
    }

    /// A consent. In the meeting, `atTable` lists the attending organisations without a valid
    /// consent; with more than one, a last field (preset to all) records the same consent for each.
    static func consent(_ state: AppState, file: CaseFile, organisation: Int64?, atTable: [Int64] = []) -> FormState {
        let orgs = state.roster.organisations.values.sorted { $0.name < $1.name }.map { ChoiceOption.text($0.name, .id($0.id)) }
        // In the meeting: the selected attendee's organisation when it still lacks consent, else the first that does.
        let organisation = atTable.isEmpty || organisation.map(atTable.contains) == true ? organisation : atTable.first
        let name = organisation.flatMap { state.roster.organisations[$0]?.name } ?? ""
        let members = [ChoiceOption(Message("form.whole-household"), .none)] + file.currentMembers(on: state.today).map { ChoiceOption.text($0.name, .id($0.id)) }
        var scope: [FormField] = []
        if atTable.count > 1 {
            let names = atTable.compactMap { state.roster.organisations[$0]?.name }.joined(separator: ", ")
            scope = [FormField("field.consent-scope", .choice([ChoiceOption(Message("form.consent-all", .number(atTable.count), .text(names)), .code("all")),
                                                               ChoiceOption(Message("form.consent-one"), .code("one"))], 0))]
        }
        return FormState(purpose: .consent(householdId: file.id, organisation: organisation, atTable: atTable), title: "form.new-consent", fields: [
            FormField("field.organisationId", .search(TextInput(name, maxLength: 80), orgs, name.isEmpty ? -1 : 0), required: true),
            FormField("field.memberId", .choice(members, 0)),
            FormField("field.basis", .choice(vocab(ConsentBasis.self), 0)),
            FormField("field.purpose", .text(TextInput(state.strings.t("form.default-purpose"), maxLength: 200)), required: true),
            FormField("field.givenOn", .date(TextInput(state.strings.date(state.today), maxLength: 20))),
            FormField("field.expiresOn", .date(TextInput("+1j", maxLength: 20))),
        ] + scope)
    }

    /// Intake: a signal and what the reporter knows; tafel searches for a known household first.
    /// The documents of a meeting: the team minutes, the household's own plan, and an extract for
    /// each organisation at the table (what the consent register allows).
    static func export(_ state: AppState, file: CaseFile, meetingId: Int64) -> FormState {
        var options = [ChoiceOption(Message("export.team-md"), .code("team-md")), ChoiceOption(Message("export.team-html"), .code("team-html")),
                       ChoiceOption(Message("export.plan"), .code("plan-md"))]
        var seen: Set<Int64> = []
        for a in file.attendees(of: meetingId) where a.presence != .afwezigMetBericht {
            guard let org = a.organisationId ?? a.party.flatMap({ state.roster.organisationId(of: $0) }), seen.insert(org).inserted,
                  let name = state.roster.organisations[org]?.name else { continue }
            options.append(ChoiceOption(Message("export.extract", .text(name)), .id(org)))
        }
        return FormState(purpose: .export(householdId: file.id, meetingId: meetingId), title: "form.export", fields: [
            FormField("field.document", .choice(options, 0)),
        ])
    }

    static func intake(_ state: AppState) -> FormState {
        let sources = state.strings.reference.vocabularies["signalSource"] ?? []
        return FormState(purpose: .intake, title: "form.intake", fields: [
            FormField("field.source", .choice(sources.map { ChoiceOption(Message("vocab.signalSource.\($0.code)"), .code($0.code)) }, 0)),
            FormField("field.date", .date(TextInput(state.strings.date(state.today), maxLength: 20)), required: true),
            FormField("field.text", .text(TextInput(maxLength: 500)), required: true),
            FormField("field.knownNames", .text(TextInput(maxLength: 200))),
            FormField("field.knownAddress", .text(TextInput(maxLength: 200))),
            FormField("field.knownBirthYear", .text(TextInput(maxLength: 4))),
            FormField("field.wijk", .text(TextInput(maxLength: 80))),
            FormField("field.team", .text(TextInput(state.user.team, maxLength: 80))),
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
