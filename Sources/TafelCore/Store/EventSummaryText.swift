import Foundation

/// Shows an audit event's summary in the reader's language.
///
/// The store writes each summary once, in a fixed technical form ("action 12 changed: status, due"), because
/// the text is part of the hash-chained content and must not depend on who happened to write it. This type
/// reads those forms back and words them with the catalogue (`log.summary.*`, `entity.*`, `field.*`), so a
/// Dutch team leader reads Dutch and an English one English. The forms are the ones written in TafelStore
/// (`SQLiteCaseStore+CaseFiles`, `+Transfer`, `+Reports`, `+Lists`, `SQLiteCaseStore`); a text this does
/// not recognise is shown as it was stored, never dropped.
public enum EventSummaryText {
    public static func localized(_ summary: String, strings s: Strings) -> String {
        summary.components(separatedBy: "; ").map { part(String($0), s) }.joined(separator: "; ")
    }

    static func part(_ p: String, _ s: Strings) -> String {
        func entity(_ e: String) -> String { s.catalog.has("entity.\(e)") ? s.t("entity.\(e)") : e }
        func fields(_ list: String) -> String {
            list == "nothing" ? s.t("log.summary.nothing")
                : list.components(separatedBy: ", ").map { s.catalog.has("field.\($0)") ? s.t("field.\($0)") : $0 }.joined(separator: ", ")
        }
        switch p {
        case "access refused (not involved)": return s.t("log.summary.refused")
        case "opened household record (break-the-glass)": return s.t("log.summary.opened-break-glass")
        case "opened household record": return s.t("log.summary.opened")
        case "exported the whole database": return s.t("log.summary.exported-database")
        default: break
        }
        if let m = match(p, #"^(\w+) (\d+) created$"#) { return s.t("log.summary.created", entity(m[0]), m[1]) }
        if let m = match(p, #"^(\w+) (\d+) changed: (.*)$"#) { return s.t("log.summary.changed", entity(m[0]), m[1], fields(m[2])) }
        if let m = match(p, #"^domain (\S+) recorded$"#) { return s.t("log.summary.domain-recorded", s.domain(m[0])) }
        if let m = match(p, #"^domain (\S+) changed: (.*)$"#) { return s.t("log.summary.domain-changed", s.domain(m[0]), fields(m[1])) }
        if let m = match(p, #"^assessment (\d+) recorded$"#) { return s.t("log.summary.assessment", m[0]) }
        if let m = match(p, #"^coordinator (\d+) proposed$"#) { return s.t("log.summary.proposed", m[0]) }
        if let m = match(p, #"^coordinator (\d+) (\S+) → (\S+)$"#) {
            return s.t("log.summary.coordinator", m[0], s.label("coordinatorStatus", m[1]), s.label("coordinatorStatus", m[2]))
        }
        if let m = match(p, #"^attendee (\d+) removed$"#) { return s.t("log.summary.attendee-removed", m[0]) }
        if let m = match(p, #"^professional (\d+) saved \(role (\S+)\)$"#) { return s.t("log.summary.professional", m[0], s.label("role", m[1])) }
        if let m = match(p, #"^household (\d+) created with (\d+) member\(s\)$"#) { return s.t("log.summary.household-created", m[0], m[1]) }
        if let m = match(p, #"^household (\d+) created with (\d+) member\(s\) and (\d+) signal\(s\)$"#) {
            return s.t("log.summary.household-created-signal", m[0], m[1], m[2])
        }
        if let m = match(p, #"^session (\d+) planned on (\S+) with (\d+) household\(s\)$"#) {
            return s.t("log.summary.session-planned", m[0], Day(iso: m[1]).map(s.date) ?? m[1], m[2])
        }
        if let m = match(p, #"^reference data imported \((\d+) domain set\(s\)\)$"#) { return s.t("log.summary.reference-imported", m[0]) }
        if let m = match(p, #"^opened audit of team (.*) \(break-the-glass\)$"#) { return s.t("log.summary.team-break-glass", m[0]) }
        if let m = match(p, #"^domain set (\S+) → (\S+)$"#) { return s.t("log.summary.domain-set", m[0], m[1]) }
        if let m = match(p, #"^sociale kaart: (\d+) service\(s\) added$"#) { return s.t("log.summary.services-added", m[0]) }
        if p == "row fingerprints recorded" { return s.t("log.summary.fingerprints") }
        if p == "row fingerprints settled" { return s.t("log.summary.fingerprints-settled") }
        if let m = match(p, #"^exported household (\d+)$"#) { return s.t("log.summary.exported-household", m[0]) }
        if let m = match(p, #"^exported session summary (\d+) \((\w+)\)$"#) { return s.t("log.summary.exported-session", m[0], m[1]) }
        if let m = match(p, #"^exported minutes \((.*)\)$"#) { return s.t("log.summary.exported-minutes", m[0]) }
        if let m = match(p, #"^anonymised (\d+) closed household\(s\): (.*)$"#) { return s.t("log.summary.anonymised", m[0], m[1]) }
        if let m = match(p, #"^(.*): (\d+) household\(s\), (\d+) professional\(s\)$"#) { return s.t("log.summary.imported", origin(m[0], s), m[1], m[2]) }
        if let m = match(p, #"^(.*): (\d+) household\(s\)$"#) { return s.t("log.summary.inserted", origin(m[0], s), m[1]) }
        return p
    }

    /// What an import or bulk insert was: "imported", "demo database", "generated (seed 7)".
    static func origin(_ o: String, _ s: Strings) -> String {
        if o == "imported" { return s.t("log.summary.origin-import") }
        if o == "demo database" { return s.t("log.summary.origin-demo") }
        if let m = match(o, #"^generated \(seed (\d+)\)$"#) { return s.t("log.summary.origin-generated", m[0]) }
        return o
    }

    /// The capture groups of `pattern` when it matches the whole of `text`.
    static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
    }
}
