import TafelCore
import TerminalKit

/// What views need besides the state: the strings of the current language.
struct ViewContext {
    let s: AppState
    var strings: Strings { s.strings }
    func t(_ key: String, _ args: String...) -> String { s.strings.t(key, args: args) }
    func r(_ m: Message) -> String { s.strings.render(m) }

    /// A catalogue text as a label: first letter upper case ("omschrijving" → "Omschrijving").
    func label(_ key: String) -> String {
        let text = t(key)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The privacy mask hides this text.
    func masked(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "—" }
        return s.privacyMask ? t("mask.hidden") : text
    }

    /// Whether data of this party may be shown while the mask is on (its organisation has a basis).
    func mayShow(_ party: PartyRef?, in file: CaseFile) -> Bool {
        guard s.privacyMask, let party else { return true }
        guard let org = s.roster.organisationId(of: party) else { return true }
        return file.consents.contains { $0.organisationId == org && $0.isValid(on: s.today) }
    }

    func name(_ p: PartyRef?, in file: CaseFile) -> String {
        guard let p else { return t("common.nobody") }
        return PartyDirectory(roster: s.roster, file: file).name(p)
    }

    /// Score as a coloured cell: "2".
    static func scoreSpan(_ score: Int?) -> Span {
        guard let score else { return Span("·", .muted) }
        return Span(String(score), .level(score))
    }

    /// The role a severity is drawn in.
    static func role(_ sev: Severity) -> StyleRole {
        switch sev { case .hoog: .critical; case .middel: .bad; case .laag: .warn }
    }

    static func role(_ level: ReachLevel) -> StyleRole {
        switch level { case .ok: .ok; case .aandacht: .warn; case .zorg: .bad }
    }

    /// A short badge text for a rule (the id, shortened for narrow screens).
    func badge(_ rule: StallRuleID) -> String { t("badge.\(rule.rawValue)") }

    /// The key hint text for a command in the current context ("s", "Enter").
    func keyName(_ c: Command) -> String? {
        s.keymap.keys(for: c, in: s.context).first?.displayName
    }
}
