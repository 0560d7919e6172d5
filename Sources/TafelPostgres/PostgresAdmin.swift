import Foundation

/// Setting up and upgrading a PostgreSQL database for tafel, and asking it who is signed in.
public enum PostgresAdmin {
    /// The version of the tafel schema, nil when the database has none yet.
    public static func version(_ client: PostgresClient) throws -> Int? {
        guard try client.value("SELECT to_regclass('tafel.schema_version')::text") != nil else { return nil }
        return try client.value("SELECT max(version)::text FROM tafel.schema_version").flatMap(Int.init)
    }

    public enum InitResult: Equatable, Sendable {
        case created(version: Int)
        case alreadyThere(version: Int)
    }

    /// Creates roles, schema, policies and functions in one transaction (needs a login that may
    /// create roles and extensions: the cluster's administrator). A database that has the schema
    /// already is left alone.
    public static func initialise(_ client: PostgresClient) throws -> InitResult {
        if let v = try version(client) { return .alreadyThere(version: v) }
        try client.transaction {
            try client.execute(PostgresSchema.preparation(database: client.location.database))
            try client.execute("SET LOCAL ROLE tafel_owner")
            for m in PostgresSchema.migrations {
                try client.execute(m.sql)
                try client.execute("INSERT INTO tafel.schema_version (version) VALUES (\(m.version))")
            }
        }
        return .created(version: PostgresSchema.currentVersion)
    }

    /// Runs the migrations the database does not have yet, each in its own transaction.
    /// Returns the version before and after.
    public static func migrate(_ client: PostgresClient) throws -> (from: Int, to: Int)? {
        guard let from = try version(client) else { return nil }
        for m in PostgresSchema.migrations where m.version > from {
            try client.transaction {
                try client.execute("SET LOCAL ROLE tafel_owner")
                try client.execute(m.sql)
                try client.execute("INSERT INTO tafel.schema_version (version) VALUES (\(m.version))")
            }
        }
        return (from, PostgresSchema.currentVersion)
    }

    /// Who the server says is signed in: the login (`current_user`) and its roster row, if any.
    public struct Identity: Equatable, Sendable {
        public var login: String
        public var name: String?
        public var role: String?
        public var team: String?
        public var onRoster: Bool { role != nil }
    }

    public static func identity(_ client: PostgresClient) throws -> Identity {
        let row = try client.rows("SELECT current_user::text, p.name, p.role, p.team FROM (SELECT 1) one LEFT JOIN tafel.me() p ON p.id IS NOT NULL").first ?? []
        return Identity(login: row.first.flatMap { $0 } ?? "", name: row.count > 1 ? row[1] : nil, role: row.count > 2 ? row[2] : nil,
                        team: row.count > 3 ? row[3] : nil)
    }

    /// The beheerders on the roster (who can add a login), by name and login.
    public static func administrators(_ client: PostgresClient) throws -> [String] {
        try client.rows("SELECT name || ' (' || login || ')' FROM tafel.professional WHERE role = 'beheerder' ORDER BY login LIMIT 5").compactMap { $0.first ?? nil }
    }

    /// The first event whose hash does not follow from its predecessor, nil when the chain holds,
    /// and the number of events.
    public static func verifyChain(_ client: PostgresClient) throws -> (broken: Int64?, events: Int) {
        let row = try client.rows("SELECT broken::text, events::text FROM tafel.verify_chain()").first ?? [nil, nil]
        return (row[0].flatMap { Int64($0) }, row[1].flatMap { Int($0) } ?? 0)
    }
}
