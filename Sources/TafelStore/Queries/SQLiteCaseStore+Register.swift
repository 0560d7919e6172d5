import Foundation
import GRDB
import TafelCore

extension SQLiteCaseStore {
    // MARK: Knellende regels

    /// Records that a rule blocked help for a household: the core's operation, so need-to-know,
    /// validation, the transaction and its event are those of every other change.
    @discardableResult
    public func recordBlockedRule(_ record: BlockedRule, by user: Professional) throws -> BlockedRule {
        let result = try perform(.recordBlockedRule(record), householdId: record.householdId, by: user)
        for case .blockedRule(let r) in result.changes { return r }
        throw CaseStoreError.notFound(entity: "blocked_rule", id: 0)
    }

    /// Every record of the register (for the aggregate: teamleider, beheerder or voorzitter).
    public func blockedRules(for user: Professional) throws -> [BlockedRule] {
        guard AccessPolicy.mayAudit(user) else { throw CaseStoreError.notAllowed("vocab.role.teamleider") }
        return try read { try Array(Row.fetchCursor($0, sql: "SELECT * FROM blocked_rule ORDER BY id").map(RowMapping.blockedRule)) }
    }

    // MARK: Sociale kaart

    /// The services, filtered by domain and wijk, by name.
    public func services(domain: String? = nil, wijk: String? = nil) throws -> [Service] {
        try read { db in try services(db).filter { $0.serves(domain: domain, wijk: wijk) } }
    }

    /// Every service on the kaart, by name (inside the caller's read).
    func services(_ db: Database) throws -> [Service] {
            try Row.fetchAll(db, sql: "SELECT * FROM service ORDER BY name, id").map { r in
                try r.mapped("service") { r -> Service in
                    func list(_ c: String) throws -> [String] { (try r.cell(c) as String).split(separator: ",").map(String.init) }
                    return Service(id: try r.cell("id"), name: try r.cell("name"), organisation: try r.cell("organisation"), contact: try r.cell("contact"),
                                   phone: try r.cell("phone"), email: try r.cell("email"), domains: try list("domains"), laws: try list("laws"),
                                   wijk: try r.cell("wijk"), waitingWeeks: try r.cell("waiting_weeks"))
                }
            }
    }

    /// Adds services to the kaart in one transaction (beheerder or teamleider), with one event.
    public func addServices(_ services: [Service], by user: Professional) throws {
        guard user.role == .beheerder || user.role == .teamleider else { throw CaseStoreError.notAllowed("vocab.role.teamleider") }
        try write { db in
            for s in services { try RecordWriter.write(s, db) }
            try log(db, actor: user.login, household: nil, kind: .change, entity: "service", entityId: nil,
                    summary: "sociale kaart: \(services.count) service(s) added")
        }
    }
}
