import Foundation
import TafelCore

/// A refused import: the JSON path and what is wrong there (rendered as one line).
public struct ImportError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var message: Message
    public init(_ path: String, _ message: Message) { self.path = path; self.message = message }
    public var description: String { "\(path.isEmpty ? "$" : path): \(message)" }

    static func entity(_ e: String) -> Message.Arg { .key("entity.\(e)") }
    static func positive(_ p: String) -> ImportError { ImportError(p, Message("import.positive")) }
    static func duplicate(_ p: String, _ e: String, _ id: Int64) -> ImportError { ImportError(p, Message("import.duplicate", entity(e), .number(Int(id)))) }
    static func exists(_ p: String, _ e: String, _ id: Int64) -> ImportError { ImportError(p, Message("import.exists", entity(e), .number(Int(id)))) }
    static func missing(_ p: String, _ e: String, _ id: Int64) -> ImportError { ImportError(p, Message("import.missing", entity(e), .number(Int(id)))) }
    static func missingHere(_ p: String, _ e: String, _ id: Int64) -> ImportError { ImportError(p, Message("import.missing-here", entity(e), .number(Int(id)))) }
    static func mismatch(_ p: String, _ h: Int64, _ hid: Int64) -> ImportError { ImportError(p, Message("import.mismatch", .number(Int(h)), .number(Int(hid)))) }
    static func unknownDomain(_ p: String, _ d: String) -> ImportError { ImportError(p, Message("import.unknown-domain", .text(d))) }
    static func rule(_ p: String, _ e: DomainError) -> ImportError { ImportError(p, e.message) }

    /// Refuses `later` when it lies before `earlier` (a consent that expires before it was given).
    static func order(_ record: String, _ earlier: Day?, _ earlierKey: String, _ later: Day?, _ laterKey: String) throws {
        guard let earlier, let later, later < earlier else { return }
        throw ImportError("\(record).\(laterKey)", Message("import.date-order", .text(laterKey), .text(later.iso), .text(earlierKey), .text(earlier.iso)))
    }
}

/// Reads and checks an export file before anything is written: format and version, types,
/// duplicate ids, references to records that do not exist, and the core's rules.
public enum TransferValidator {
    /// Decodes a document, turning every decoding failure into a one-line `ImportError`.
    public static func decode(_ data: Data, maxField: Int = JSONStructureCheck.defaultMaxField) throws -> TransferDocument {
        do { try JSONStructureCheck.check(data, maxField: maxField) } catch let p as JSONStructureCheck.Problem {
            throw ImportError(p.path, p.message)
        }
        struct Header: Decodable { var format: String?; var version: Int? }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch let e as DecodingError {
            throw ImportError(e.keyPath, describe(e))
        }
        guard header.format == TransferDocument.formatName else {
            throw ImportError("format", Message("import.not-tafel"))
        }
        guard header.version == TransferDocument.currentVersion else {
            throw ImportError("version", Message("import.version", .text(header.version.map(String.init) ?? "?"), .number(TransferDocument.currentVersion)))
        }
        do { return try JSONDecoder().decode(TransferDocument.self, from: data) } catch let e as DecodingError {
            throw ImportError(e.keyPath, describe(e))
        }
    }

    /// The codes of every closed list an export holds, by Swift type name (as the decoder names it).
    static let codeLists: [String: [String]] = {
        func codes<T: RawRepresentable & CaseIterable>(_ t: T.Type) -> (String, [String]) where T.RawValue == String {
            (String(describing: t), t.allCases.map(\.rawValue))
        }
        return Dictionary(uniqueKeysWithValues: [
            codes(HouseholdStatus.self), codes(DomainStatus.self), codes(ActionStatus.self), codes(CloseReason.self),
            codes(RejectionCode.self), codes(LegalFramework.self), codes(Agreement.self), codes(TafelRole.self),
            codes(MemberRole.self), codes(InformalKind.self), codes(ContactKind.self), codes(CompulsoryFramework.self),
            codes(ConsentBasis.self), codes(Presence.self), codes(CoordinatorStatus.self), codes(Severity.self),
            codes(HouseholdCloseReason.self), codes(MemberEndReason.self), codes(BlockedRuleSource.self),
            codes(RuleException.self), codes(AgendaStep.self), codes(PartyRef.Kind.self),
        ])
    }()

    /// The value and the valid codes when the decoder refused a code of a closed list. The decoder's
    /// own wording ("Cannot initialize ActionStatus from invalid String value wacht") is Swift's,
    /// in English, and names no valid code.
    static func badCode(_ description: String) -> (String, [String])? {
        let prefix = "Cannot initialize ", middle = " from invalid String value "
        guard description.hasPrefix(prefix), let m = description.range(of: middle) else { return nil }
        let type = String(description[description.index(description.startIndex, offsetBy: prefix.count)..<m.lowerBound])
        guard let codes = codeLists[type] ?? codeLists[String(type.split(separator: ".").last ?? "")] else { return nil }
        return (String(description[m.upperBound...]), codes)
    }

    static func describe(_ e: DecodingError) -> Message {
        switch e {
        case .dataCorrupted(let c) where c.codingPath.isEmpty:
            // The decoder's own detail is English ("The given data was not valid JSON.") and names no place.
            return Message("import.not-json")
        case .dataCorrupted(let c):
            if let (value, codes) = badCode(c.debugDescription) {
                return Message("import.bad-code", .text(String(value.prefix(60))), .text(codes.joined(separator: ", ")))
            }
            return Message("import.invalid-value", .text(String(c.debugDescription.prefix(100))))
        case .typeMismatch(let t, _), .valueNotFound(let t, _): return Message("import.expected", .key("type.\(typeKey(t))"))
        case .keyNotFound(let k, _): return Message("import.missing-key", .text(k.stringValue))
        @unknown default: return Message("import.invalid-value", .text(""))
        }
    }

    static func typeKey(_ t: Any.Type) -> String {
        let s = String(describing: t)
        switch s {
        case "String": return "string"
        case "Int", "Int64", "Int32": return "integer"
        case "Bool": return "bool"
        case "Double": return "number"
        default: return s.hasPrefix("Array") ? "array" : (s.hasPrefix("Dictionary") ? "object" : "object")
        }
    }

    /// The organisations and professionals a household may refer to: the document's and those
    /// already in the target.
    public struct RosterIds: Sendable {
        public var organisations: Set<Int64>
        public var professionals: Set<Int64>
    }

    /// Checks ids and references; `existing` are ids already in the target (for `--merge`).
    public static func validate(_ d: TransferDocument, domains: Set<String>, existing: ExistingIds = ExistingIds()) throws {
        let roster = try validateRoster(d, domains: domains, existing: existing)
        var seen = ExistingIds()
        for (hi, f) in d.households.enumerated() {
            try validateHousehold(f, at: hi, roster: roster, domains: domains, existing: existing, seen: &seen)
        }
    }

    /// Checks everything but the households: the sociale kaart, organisations and professionals.
    public static func validateRoster(_ d: TransferDocument, domains: Set<String>, existing: ExistingIds = ExistingIds()) throws -> RosterIds {
        for (i, service) in (d.services ?? []).enumerated() {
            if service.name.trimmed.isEmpty { throw ImportError.rule("services[\(i)]", .required(field: "name")) }
            for (k, code) in service.domains.enumerated() where !domains.contains(code) {
                throw ImportError.unknownDomain("services[\(i)].domains[\(k)]", code)
            }
        }
        var orgIds = Set<Int64>(), proIds = Set<Int64>(), logins = Set<String>()
        for (i, o) in d.organisations.enumerated() {
            let p = "organisations[\(i)]"
            guard o.id > 0 else { throw ImportError.positive("\(p).id") }
            guard orgIds.insert(o.id).inserted else { throw ImportError.duplicate("\(p).id", "organisation", o.id) }
            if existing.organisations.contains(o.id) { throw ImportError.exists("\(p).id", "organisation", o.id) }
            if o.name.trimmed.isEmpty { throw ImportError.rule("\(p).name", .required(field: "name")) }
        }
        let allOrgs = orgIds.union(existing.organisations)
        for (i, pro) in d.professionals.enumerated() {
            let p = "professionals[\(i)]"
            guard pro.id > 0 else { throw ImportError.positive("\(p).id") }
            guard proIds.insert(pro.id).inserted else { throw ImportError.duplicate("\(p).id", "professional", pro.id) }
            if existing.professionals.contains(pro.id) { throw ImportError.exists("\(p).id", "professional", pro.id) }
            guard logins.insert(pro.login).inserted, !existing.logins.contains(pro.login) else {
                throw ImportError("\(p).login", Message("import.duplicate-login", .text(pro.login)))
            }
            if pro.login.trimmed.isEmpty { throw ImportError.rule("\(p).login", .required(field: "login")) }
            if let o = pro.organisationId, !allOrgs.contains(o) { throw ImportError.missing("\(p).organisationId", "organisation", o) }
        }
        return RosterIds(organisations: allOrgs, professionals: proIds.union(existing.professionals))
    }

    /// Checks one household (the `hi`-th of the document): its ids are new (`seen` holds those of
    /// the households before it), its references resolve, its dates are in order, the core's rules hold.
    public static func validateHousehold(_ f: CaseFile, at hi: Int, roster: RosterIds, domains: Set<String>,
                                         existing: ExistingIds, seen: inout ExistingIds) throws {
        let allOrgs = roster.organisations, allPros = roster.professionals
        let hp = "households[\(hi)]"
        let hid = f.household.id
        func unique(_ set: inout Set<Int64>, _ other: Set<Int64>, _ id: Int64, _ path: String, _ what: String) throws {
            guard id > 0 else { throw ImportError.positive(path) }
            guard set.insert(id).inserted else { throw ImportError.duplicate(path, what, id) }
            if other.contains(id) { throw ImportError.exists(path, what, id) }
        }
        try unique(&seen.households, existing.households, hid, "\(hp).household.id", "household")
        do { try Validation.validate(f.household) } catch let e as DomainError { throw ImportError.rule("\(hp).household", e) }
        // Dates in the order they happen: nothing ends, expires or is decided before it began.
        let h = f.household
        try ImportError.order("\(hp).household", h.createdOn, "createdOn", h.activatedOn, "activatedOn")
        try ImportError.order("\(hp).household", h.createdOn, "createdOn", h.closedOn, "closedOn")
        for (i, p) in f.household.involved.enumerated() where !allPros.contains(p) {
            throw ImportError.missing("\(hp).household.involved[\(i)]", "professional", p)
        }
        func belongs(_ h: Int64, _ path: String) throws {
            if h != hid { throw ImportError.mismatch(path, h, hid) }
        }
        let members = Set(f.members.map(\.id)), informal = Set(f.informal.map(\.id))
        let actions = Set(f.actions.map(\.id)), meetings = Set(f.meetings.map(\.id))
        func party(_ p: PartyRef?, _ path: String) throws {
            guard let p else { return }
            let ok: Bool
            switch p.kind {
            case .professional: ok = allPros.contains(p.id)
            case .organisation: ok = allOrgs.contains(p.id)
            case .member: ok = members.contains(p.id)
            case .informal: ok = informal.contains(p.id)
            }
            if !ok { throw ImportError.missing(path, p.kind == .informal ? "informal" : p.kind.rawValue, p.id) }
        }
        for (i, m) in f.members.enumerated() {
            try unique(&seen.members, existing.members, m.id, "\(hp).members[\(i)].id", "member")
            try belongs(m.householdId, "\(hp).members[\(i)].householdId")
            do { try Validation.validate(m) } catch let e as DomainError { throw ImportError.rule("\(hp).members[\(i)]", e) }
        }
        for (i, x) in f.informal.enumerated() {
            try unique(&seen.informal, existing.informal, x.id, "\(hp).informal[\(i)].id", "informal")
            try belongs(x.householdId, "\(hp).informal[\(i)].householdId")
        }
        for (i, s) in f.signals.enumerated() {
            try unique(&seen.signals, existing.signals, s.id, "\(hp).signals[\(i)].id", "signal")
            try belongs(s.householdId, "\(hp).signals[\(i)].householdId")
        }
        var domainCodes = Set<String>()
        for (i, ds) in f.domains.enumerated() {
            try belongs(ds.householdId, "\(hp).domains[\(i)].householdId")
            if !domains.contains(ds.domain) { throw ImportError.unknownDomain("\(hp).domains[\(i)].domain", ds.domain) }
            guard domainCodes.insert(ds.domain).inserted else { throw ImportError("\(hp).domains[\(i)].domain", Message("import.duplicate-domain", .domain(ds.domain))) }
            for (j, o) in ds.organisations.enumerated() where !allOrgs.contains(o) {
                throw ImportError.missing("\(hp).domains[\(i)].organisations[\(j)]", "organisation", o)
            }
        }
        for (i, m) in f.meetings.enumerated() {
            try unique(&seen.meetings, existing.meetings, m.id, "\(hp).meetings[\(i)].id", "meeting")
            try belongs(m.householdId, "\(hp).meetings[\(i)].householdId")
            if let c = m.chairId, !allPros.contains(c) { throw ImportError.missing("\(hp).meetings[\(i)].chairId", "professional", c) }
            if let c = m.minuteTakerId, !allPros.contains(c) { throw ImportError.missing("\(hp).meetings[\(i)].minuteTakerId", "professional", c) }
            try ImportError.order("\(hp).meetings[\(i)]", m.date, "date", m.nextReview, "nextReview")
        }
        for (i, a) in f.attendees.enumerated() {
            try unique(&seen.attendees, existing.attendees, a.id, "\(hp).attendees[\(i)].id", "attendee")
            if !meetings.contains(a.meetingId) { throw ImportError.missingHere("\(hp).attendees[\(i)].meetingId", "meeting", a.meetingId) }
            try party(a.party, "\(hp).attendees[\(i)].party")
            if let o = a.organisationId, !allOrgs.contains(o) { throw ImportError.missing("\(hp).attendees[\(i)].organisationId", "organisation", o) }
        }
        for (i, a) in f.assessments.enumerated() {
            try unique(&seen.assessments, existing.assessments, a.id, "\(hp).assessments[\(i)].id", "assessment")
            try belongs(a.householdId, "\(hp).assessments[\(i)].householdId")
            if !members.contains(a.memberId) { throw ImportError.missingHere("\(hp).assessments[\(i)].memberId", "member", a.memberId) }
            if !domains.contains(a.domain) { throw ImportError.unknownDomain("\(hp).assessments[\(i)].domain", a.domain) }
            do { try Validation.validate(a) } catch let e as DomainError { throw ImportError.rule("\(hp).assessments[\(i)]", e) }
            if let m = a.meetingId, !meetings.contains(m) { throw ImportError.missingHere("\(hp).assessments[\(i)].meetingId", "meeting", m) }
            if let p = a.assessedBy, !allPros.contains(p) { throw ImportError.missing("\(hp).assessments[\(i)].assessedBy", "professional", p) }
        }
        for (i, c) in f.coordinators.enumerated() {
            try unique(&seen.coordinators, existing.coordinators, c.id, "\(hp).coordinators[\(i)].id", "coordinator")
            try belongs(c.householdId, "\(hp).coordinators[\(i)].householdId")
            try party(c.coordinator, "\(hp).coordinators[\(i)].coordinator")
            if let m = c.meetingId, !meetings.contains(m) { throw ImportError.missingHere("\(hp).coordinators[\(i)].meetingId", "meeting", m) }
            try ImportError.order("\(hp).coordinators[\(i)]", c.proposedOn, "proposedOn", c.decidedOn, "decidedOn")
            try ImportError.order("\(hp).coordinators[\(i)]", c.proposedOn, "proposedOn", c.endedOn, "endedOn")
        }
        for (i, a) in f.actions.enumerated() {
            let p = "\(hp).actions[\(i)]"
            try unique(&seen.actions, existing.actions, a.id, "\(p).id", "action")
            try belongs(a.householdId, "\(p).householdId")
            if !domains.contains(a.domain) { throw ImportError.unknownDomain("\(p).domain", a.domain) }
            do { try Validation.validate(a, domains: []) } catch let e as DomainError { throw ImportError.rule(p, e) }
            try party(a.owner, "\(p).owner")
            if let m = a.memberId, !members.contains(m) { throw ImportError.missingHere("\(p).memberId", "member", m) }
            if let m = a.meetingId, !meetings.contains(m) { throw ImportError.missingHere("\(p).meetingId", "meeting", m) }
            for (j, dep) in a.dependsOn.enumerated() where !actions.contains(dep) {
                throw ImportError.missingHere("\(p).dependsOn[\(j)]", "action", dep)
            }
            if let r = a.replacedBy, !actions.contains(r) { throw ImportError.missingHere("\(p).replacedBy", "action", r) }
            // Not `due` or `waitingSince`: an action may be recorded after its due day, or after the
            // household was put on a waiting list (agreed by phone last week, on the list since spring).
            try ImportError.order(p, a.createdOn, "createdOn", a.closedOn, "closedOn")
        }
        for (i, c) in f.consents.enumerated() {
            try unique(&seen.consents, existing.consents, c.id, "\(hp).consents[\(i)].id", "consent")
            try belongs(c.householdId, "\(hp).consents[\(i)].householdId")
            if !allOrgs.contains(c.organisationId) { throw ImportError.missing("\(hp).consents[\(i)].organisationId", "organisation", c.organisationId) }
            if let m = c.memberId, !members.contains(m) { throw ImportError.missingHere("\(hp).consents[\(i)].memberId", "member", m) }
            if let p = c.recordedBy, !allPros.contains(p) { throw ImportError.missing("\(hp).consents[\(i)].recordedBy", "professional", p) }
            try ImportError.order("\(hp).consents[\(i)]", c.givenOn, "givenOn", c.expiresOn, "expiresOn")
        }
        for (i, e) in f.escalations.enumerated() {
            try unique(&seen.escalations, existing.escalations, e.id, "\(hp).escalations[\(i)].id", "escalation")
            try belongs(e.householdId, "\(hp).escalations[\(i)].householdId")
            if let p = e.raisedBy, !allPros.contains(p) { throw ImportError.missing("\(hp).escalations[\(i)].raisedBy", "professional", p) }
            if let p = e.decidedBy, !allPros.contains(p) { throw ImportError.missing("\(hp).escalations[\(i)].decidedBy", "professional", p) }
            try ImportError.order("\(hp).escalations[\(i)]", e.raisedOn, "raisedOn", e.deadline, "deadline")
            try ImportError.order("\(hp).escalations[\(i)]", e.raisedOn, "raisedOn", e.decidedOn, "decidedOn")
        }
        for (i, c) in f.contacts.enumerated() {
            try unique(&seen.contacts, existing.contacts, c.id, "\(hp).contacts[\(i)].id", "contact")
            try belongs(c.householdId, "\(hp).contacts[\(i)].householdId")
            if let p = c.professionalId, !allPros.contains(p) { throw ImportError.missing("\(hp).contacts[\(i)].professionalId", "professional", p) }
        }
        for (i, b) in f.blockedRules.enumerated() {
            try unique(&seen.blockedRules, existing.blockedRules, b.id, "\(hp).blockedRules[\(i)].id", "blocked_rule")
            try belongs(b.householdId, "\(hp).blockedRules[\(i)].householdId")
            if let p = b.recordedBy, !allPros.contains(p) { throw ImportError.missing("\(hp).blockedRules[\(i)].recordedBy", "professional", p) }
        }
        for (i, x) in f.indications.enumerated() {
            let ip = "\(hp).indications[\(i)]"
            try unique(&seen.indications, existing.indications, x.id, "\(ip).id", "indication")
            try belongs(x.householdId, "\(ip).householdId")
            if !members.contains(x.memberId) { throw ImportError.missing("\(ip).memberId", "member", x.memberId) }
            if !domains.contains(x.domain) { throw ImportError.unknownDomain("\(ip).domain", x.domain) }
            if x.provider.trimmed.isEmpty { throw ImportError.rule(ip, .required(field: "provider")) }
            try ImportError.order(ip, x.start, "start", x.end, "end")
        }
        do { try f.validateInvariants() } catch let e as DomainError { throw ImportError.rule(hp, e) }
    }

    /// Ids already present in a database (checked when merging).
    public struct ExistingIds: Sendable {
        public var organisations = Set<Int64>(), professionals = Set<Int64>(), logins = Set<String>()
        public var households = Set<Int64>(), members = Set<Int64>(), informal = Set<Int64>(), signals = Set<Int64>()
        public var meetings = Set<Int64>(), attendees = Set<Int64>(), assessments = Set<Int64>(), coordinators = Set<Int64>()
        public var actions = Set<Int64>(), consents = Set<Int64>(), escalations = Set<Int64>(), contacts = Set<Int64>()
        public var blockedRules = Set<Int64>(), indications = Set<Int64>()
        public init() {}
    }
}
