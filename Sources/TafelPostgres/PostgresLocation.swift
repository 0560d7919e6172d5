import Foundation

/// Where a PostgreSQL database is, from a `postgresql://` address as libpq understands it:
/// `postgresql://[user[:password]@][host][:port]/database[?host=/socket/dir&connect_timeout=s]`.
///
/// An empty host (or a `host=` parameter that is a folder) means the Unix socket in that folder,
/// `/var/run/postgresql` by default: on one machine the server then knows the operating-system
/// user (peer authentication) and nobody types a password. A missing user is the operating-system
/// account, as with `psql`.
public struct PostgresLocation: Sendable, Equatable {
    public var user: String
    public var password: String?
    /// A host name, or nil for the Unix socket in `socketDirectory`.
    public var host: String?
    public var socketDirectory: String
    public var port: Int
    public var database: String
    /// Seconds to wait for the server to answer a connection (libpq's `connect_timeout`); 10 by default.
    public var connectTimeout: Int = 10

    /// True for an address this type reads (a path is a SQLite file instead).
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init?(_ text: String, osUser: String = PostgresLocation.operatingSystemUser) {
        guard Self.isAddress(text), let c = URLComponents(string: text) else { return nil }
        user = c.percentEncodedUser.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 } ?? osUser
        password = c.percentEncodedPassword?.removingPercentEncoding
        port = c.port ?? 5432
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        let hostParameter = c.queryItems?.first { $0.name == "host" }?.value
        let named = c.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        if let h = hostParameter ?? named, !h.hasPrefix("/") {
            host = h
            socketDirectory = "/var/run/postgresql"
        } else {
            host = nil
            socketDirectory = hostParameter ?? named ?? "/var/run/postgresql"
        }
        if let p = c.queryItems?.first(where: { $0.name == "port" })?.value.flatMap(Int.init) { port = p }
        if let t = c.queryItems?.first(where: { $0.name == "connect_timeout" })?.value.flatMap(Int.init), t > 0 { connectTimeout = t }
    }

    /// The socket file of a local server.
    public var socketPath: String { socketDirectory + "/.s.PGSQL.\(port)" }

    /// The address without its password, for messages and logs.
    public var display: String {
        "postgresql://\(user)@\(host ?? "")\(host != nil ? ":\(port)" : "")/\(database)\(host == nil ? "?host=\(socketDirectory)" + (port != 5432 ? "&port=\(port)" : "") : "")"
    }

    /// The same place as another login (tests and administration connect as several roles).
    public func signedIn(as login: String, password: String? = nil) -> PostgresLocation {
        var copy = self
        copy.user = login
        copy.password = password
        return copy
    }

    public static var operatingSystemUser: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }
}
