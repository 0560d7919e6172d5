import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    /// Folds text for matching: lower case, no diacritics, only letters and digits.
    static func fold(_ s: String) -> String {
        s.lowercased().folding(options: .diacriticInsensitive, locale: nil).filter { $0.isLetter || $0.isNumber }
    }

    /// Looks for a household a signal may be about — by name (household or member), address,
    /// postcode, birth year — within the user's need-to-know. Households the user may not open are
    /// neither listed nor counted; the answer says only that one may exist, and whom to ask.
    public func intakeSearch(_ q: IntakeQuery, for user: Professional) throws -> IntakeResult {
        guard !q.isEmpty else { return IntakeResult(matches: [], othersExist: false, askWhom: []) }
        let tokens = q.names.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "&" || $0 == "-" })
            .map { Self.fold(String($0)) }.filter { $0.count >= 3 && !["familie", "fam", "van", "der", "den", "de", "het"].contains($0) }
        let address = Self.fold(q.address), postcode = Self.fold(q.postcode)
        let roster = try roster()
        return try read { db in
            var candidates: [Int64: (name: String, wijk: String, team: String, status: String, on: Set<String>)] = [:]
            let households = try Row.fetchCursor(db, sql: "SELECT id, name, wijk, team, status, address, postcode FROM household WHERE anonymised_on IS NULL")
            while let r = try households.next() {
                var on = Set<String>()
                let name = Self.fold(r[1])
                if tokens.contains(where: { name.contains($0) }) { on.insert("name") }
                if !address.isEmpty, let a = (r[5] as String?).map(Self.fold), !a.isEmpty, a.contains(address) || address.contains(a) { on.insert("address") }
                if !postcode.isEmpty, let p = (r[6] as String?).map(Self.fold), p == postcode { on.insert("postcode") }
                candidates[r[0]] = (r[1], r[2], r[3], r[4], on)
            }
            let members = try Row.fetchCursor(db, sql: "SELECT household_id, name, birth_year FROM member")
            while let r = try members.next() {
                let hid: Int64 = r[0]
                guard var c = candidates[hid] else { continue }
                if tokens.contains(where: { Self.fold(r[1]).contains($0) }) { c.on.insert("name") }
                if let y = q.birthYear, (r[2] as Int?) == y { c.on.insert("birthYear") }
                candidates[hid] = c
            }
            // A name alone, or an address or postcode; a birth year only together with a name.
            let hits = candidates.filter { !$0.value.on.subtracting(["birthYear"]).isEmpty }
            var visible: [HouseholdMatch] = []
            var hidden = false
            for (id, c) in hits {
                let decision = try decide(db, user: user, household: id)
                if decision == .denied {
                    hidden = true
                    continue
                }
                visible.append(HouseholdMatch(id: id, name: c.name, wijk: c.wijk, status: HouseholdStatus(rawValue: c.status) ?? .aangemeld,
                                              matchedOn: ["name", "address", "postcode", "birthYear"].filter(c.on.contains)))
            }
            visible.sort { ($1.matchedOn.count, $0.name, $0.id) < ($0.matchedOn.count, $1.name, $1.id) }
            let leads = roster.professionals.values.filter { $0.role == .teamleider && (!user.team.isEmpty && $0.team == user.team) }
            let ask = (leads.isEmpty ? roster.professionals.values.filter { $0.role == .beheerder || $0.role == .teamleider } : leads)
                .map(\.name).sorted()
            return IntakeResult(matches: Array(visible.prefix(10)), othersExist: hidden, askWhom: Array(ask.prefix(3)))
        }
    }

    /// The household an action belongs to (actions are numbered across the database).
    public func householdOf(action id: Int64) throws -> Int64? {
        try read { try Int64.fetchOne($0, sql: "SELECT household_id FROM action WHERE id = ?", arguments: [id]) }
    }

    /// Households whose id or name matches, each with the user's access to it.
    public func findHouseholds(_ text: String, for user: Professional) throws -> [(id: Int64, name: String, access: AccessDecision)] {
        let found = try findHouseholds(text)
        return try read { db in
            try found.compactMap { h in try decide(db, user: user, household: h.id).map { (h.id, h.name, $0) } }
        }
    }

    /// Logs a refused look-up (a name the user may not open), so the refusal is on record even when
    /// the user was told only "not found".
    public func logRefusal(householdId: Int64, by user: Professional) throws {
        try write { db in
            try log(db, actor: user.login, household: householdId, kind: .denied, entity: "household", entityId: householdId,
                    summary: "access refused (not involved)")
        }
    }
}
