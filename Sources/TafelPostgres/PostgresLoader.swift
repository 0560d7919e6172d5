import TafelCore

/// Loads a roster and households (from a tafel export) into a PostgreSQL database set up with
/// `tafel db init`, all or nothing, as the administrator. Only what the PostgreSQL schema holds so
/// far is loaded: organisations, professionals, households, members, actions and who is involved
/// (the core's `involvedProfessionals`: coordinator, action owners, attendees, listed); meetings,
/// scores and the other parts of a case file are not (Docs/DEPLOYMENT.md).
public enum PostgresLoader {
    public struct Result: Equatable, Sendable {
        public var households = 0
        public var professionals = 0
        public var loginsCreated = 0
    }

    public static func load(organisations: [Organisation], professionals: [Professional], households: [CaseFile],
                            createLogins: Bool, into client: PostgresClient) throws -> Result {
        var result = Result()
        try client.transaction {
            for o in organisations {
                _ = try client.rows("INSERT INTO tafel.organisation (id, name, kind) VALUES ($1::bigint, $2, $3)", [String(o.id), o.name, o.kind])
            }
            for p in professionals {
                _ = try client.rows("""
                    INSERT INTO tafel.professional (id, name, organisation_id, discipline, role, login, team, phone, email)
                    VALUES ($1::bigint, $2, $3::bigint, $4, $5, $6, $7, $8, $9)
                    """, [String(p.id), p.name, p.organisationId.map(String.init), p.discipline, p.role.rawValue, p.login, p.team, p.phone, p.email])
                result.professionals += 1
                for team in p.leads ?? [] {
                    _ = try client.rows("INSERT INTO tafel.team_lead (professional_id, team) VALUES ($1::bigint, $2) ON CONFLICT DO NOTHING", [String(p.id), team])
                }
                guard createLogins else { continue }
                // The server quotes the names (format %I), so a login is never pasted into SQL text.
                let exists = try client.value("SELECT count(*)::text FROM pg_roles WHERE rolname = $1", [p.login]) != "0"
                if !exists, let ddl = try client.value("SELECT format('CREATE ROLE %I LOGIN', $1::text)", [p.login]) {
                    // Logins belong to the cluster: an import into another database may create the same
                    // one a moment earlier. A savepoint keeps this transaction usable when it did.
                    try client.execute("SAVEPOINT login")
                    do {
                        try client.execute(ddl)
                        try client.execute("RELEASE SAVEPOINT login")
                        result.loginsCreated += 1
                    } catch let f as PostgresFailure where f.sqlState == "42710" || f.sqlState == "23505" {
                        try client.execute("ROLLBACK TO SAVEPOINT login")
                    }
                }
                if let grant = try client.value("SELECT format('GRANT %I TO %I', 'tafel_' || $1::text, $2::text)", [p.role.rawValue, p.login]) {
                    try client.execute(grant)
                }
            }
            for f in households {
                let h = f.household
                _ = try client.rows("""
                    INSERT INTO tafel.household (id, name, wijk, team, address, phone, status, created_on)
                    VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8::date)
                    """, [String(h.id), h.name, h.wijk, h.team, h.address, h.phone, h.status.rawValue, h.createdOn.iso])
                for p in f.involvedProfessionals.sorted() where professionals.contains(where: { $0.id == p }) {
                    _ = try client.rows("INSERT INTO tafel.household_involved (household_id, professional_id) VALUES ($1::bigint, $2::bigint)",
                                        [String(h.id), String(p)])
                }
                for m in f.members {
                    _ = try client.rows("INSERT INTO tafel.member (id, household_id, name, role, birth_year) VALUES ($1::bigint, $2::bigint, $3, $4, $5::integer)",
                                        [String(m.id), String(h.id), m.name, m.role.rawValue, (m.birthYear ?? m.birthDate?.year).map(String.init)])
                }
                for a in f.actions {
                    _ = try client.rows("""
                        INSERT INTO tafel.action (id, household_id, domain, description, owner_kind, owner_id, due, status, created_on, closed_on)
                        VALUES ($1::bigint, $2::bigint, $3, $4, $5, $6::bigint, $7::date, $8, $9::date, $10::date)
                        """, [String(a.id), String(h.id), a.domain, a.description, a.owner?.kind.rawValue, a.owner.map { String($0.id) },
                              a.due?.iso, a.status.rawValue, a.createdOn.iso, a.closedOn?.iso])
                }
                result.households += 1
            }
            // Identity columns continue after the loaded ids.
            try client.execute("""
                SELECT setval(pg_get_serial_sequence('tafel.household', 'id'), greatest((SELECT max(id) FROM tafel.household), 1));
                SELECT setval(pg_get_serial_sequence('tafel.member', 'id'), greatest((SELECT max(id) FROM tafel.member), 1));
                SELECT setval(pg_get_serial_sequence('tafel.action', 'id'), greatest((SELECT max(id) FROM tafel.action), 1))
                """)
        }
        return result
    }
}
