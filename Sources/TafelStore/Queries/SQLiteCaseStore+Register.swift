import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    // MARK: Knellende regels

    /// Records that a rule blocked help for a household (need-to-know applies), with its event.
    @discardableResult
    public func recordBlockedRule(_ record: BlockedRule, by user: Professional) throws -> BlockedRule {
        var r = try record.validated()
        r.recordedBy = user.id
        return try write { db in
            guard let file = try loadCaseFile(db, r.householdId) else { throw CaseStoreError.notFound(entity: "household", id: r.householdId) }
            if AccessPolicy.decide(user: user, file: file) != .allowed { throw CaseStoreError.accessDenied(household: r.householdId) }
            r.id = 0
            r.id = try RecordWriter.write(r, db)
            try log(db, actor: user.login, household: r.householdId, kind: .create, entity: "blocked_rule", entityId: r.id,
                    summary: "blocked_rule \(r.id) created")
            return r
        }
    }

    /// Every record of the register (for the aggregate: teamleider, beheerder or voorzitter).
    public func blockedRules(for user: Professional) throws -> [BlockedRule] {
        guard AccessPolicy.mayAudit(user) else { throw CaseStoreError.notAllowed("vocab.role.teamleider") }
        return try read { try Row.fetchAll($0, sql: "SELECT * FROM blocked_rule ORDER BY id").map(RowMapping.blockedRule) }
    }

    // MARK: Sociale kaart

    /// The services, filtered by domain and wijk, by name.
    public func services(domain: String? = nil, wijk: String? = nil) throws -> [Service] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM service ORDER BY name, id").map { r in
                try r.mapped("service") { r -> Service in
                    func list(_ c: String) throws -> [String] { (try r.cell(c) as String).split(separator: ",").map(String.init) }
                    return Service(id: try r.cell("id"), name: try r.cell("name"), organisation: try r.cell("organisation"), contact: try r.cell("contact"),
                                   phone: try r.cell("phone"), email: try r.cell("email"), domains: try list("domains"), laws: try list("laws"),
                                   wijk: try r.cell("wijk"), waitingWeeks: try r.cell("waiting_weeks"))
                }
            }.filter { $0.serves(domain: domain, wijk: wijk) }
        }
    }

    /// Adds services to the kaart in one transaction (beheerder or teamleider), with one event.
    public func addServices(_ services: [Service], by user: Professional) throws {
        guard user.role == .beheerder || user.role == .teamleider else { throw CaseStoreError.notAllowed("vocab.role.teamleider") }
        try write { db in
            for s in services {
                try db.execute(sql: """
                    INSERT INTO service (name, organisation, contact, phone, email, domains, laws, wijk, waiting_weeks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [s.name, s.organisation, s.contact, s.phone, s.email, s.domains.joined(separator: ","),
                                     s.laws.joined(separator: ","), s.wijk, s.waitingWeeks])
            }
            try log(db, actor: user.login, household: nil, kind: .change, entity: "service", entityId: nil,
                    summary: "sociale kaart: \(services.count) service(s) added")
        }
    }
}
