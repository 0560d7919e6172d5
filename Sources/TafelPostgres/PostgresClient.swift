import Foundation
import Logging
import NIOCore
import PostgresNIO

/// One connection to PostgreSQL for a command that runs to its end (the command line is
/// synchronous): each call waits for its answer on the calling thread, on PostgresNIO's own event
/// loop (never on Swift's cooperative threads, which a waiting caller could starve). The connection signs in as the location's user, so
/// everything the server decides about that login (roster, row-level security, logging) applies.
public final class PostgresClient: @unchecked Sendable {
    public let location: PostgresLocation
    private let connection: PostgresConnection
    private let logger = Logger(label: "tafel.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    private var closed = false

    private init(location: PostgresLocation, connection: PostgresConnection) {
        self.location = location
        self.connection = connection
    }

    /// Connects, or says in one line why not (server not running, login refused, no such database).
    public static func connect(_ location: PostgresLocation) throws -> PostgresClient {
        var configuration: PostgresConnection.Configuration
        if let host = location.host {
            // Over TCP: TLS when the server offers it (scram-sha-256 or a client certificate sign in).
            configuration = PostgresConnection.Configuration(host: host, port: location.port, username: location.user,
                                                             password: location.password, database: location.database, tls: .disable)
        } else {
            configuration = PostgresConnection.Configuration(unixSocketPath: location.socketPath, username: location.user,
                                                             password: location.password, database: location.database)
        }
        configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
        let logger = Logger(label: "tafel.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            let loop = PostgresConnection.defaultEventLoopGroup.any()
            let connection = try PostgresConnection.connect(on: loop, configuration: configuration, id: 1, logger: logger).wait()
            return PostgresClient(location: location, connection: connection)
        } catch {
            throw PostgresFailure(error, connecting: location)
        }
    }

    /// Runs SQL text of one or more statements without parameters (schema changes, migrations),
    /// one statement after the other (`SQLScript`).
    public func execute(_ sql: String) throws {
        for statement in SQLScript.statements(sql) { _ = try rows(statement) }
    }

    /// The rows of one statement with `$1…` parameters, every column as text (cast non-text columns
    /// with `::text` in the statement).
    public func rows(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        var binds = PostgresBindings()
        for p in parameters {
            if let p { binds.append(p) } else { binds.appendNull() }
        }
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        do {
            let result: PostgresQueryResult = try connection.query(query, logger: logger).wait()
            return try result.rows.map { row in try row.map { try $0.decode(String?.self) } }
        } catch {
            throw PostgresFailure(error)
        }
    }

    /// The first column of the first row, if any.
    public func value(_ sql: String, _ parameters: [String?] = []) throws -> String? {
        try rows(sql, parameters).first?.first ?? nil
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Closes the connection; safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        if connection.eventLoop.inEventLoop {
            _ = connection.close() as EventLoopFuture<Void>     // waiting on its own loop would deadlock
        } else {
            try? (connection.close() as EventLoopFuture<Void>).wait()
        }
    }

    /// A client dropped on an error path still closes its connection: PostgresNIO asserts (and a
    /// debug build traps) when a connection is deinitialised open, which crashed a CI test run.
    deinit { close() }
}

/// A PostgreSQL failure in one line: the server's own message (which names the policy, the
/// function or the missing privilege) and its SQLSTATE, or why the server could not be reached.
public struct PostgresFailure: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// SQLSTATE when the server answered (`42501` insufficient privilege, `P0001` raised, …).
    public var sqlState: String?
    /// True when the server was not reached at all.
    public var unreachable: Bool
    /// The driver's own account of a failure to connect, for the diagnostics log only: PostgresNIO's
    /// description is a fixed English sentence that says nothing to the reader.
    public var detail: String = ""

    public init(message: String, sqlState: String? = nil, unreachable: Bool = false) {
        self.message = message
        self.sqlState = sqlState
        self.unreachable = unreachable
    }

    init(_ error: any Error, connecting location: PostgresLocation? = nil) {
        if let p = error as? PostgresFailure { self = p; return }
        if let e = error as? PSQLError, let info = e.serverInfo {
            message = info[.message] ?? "\(e.code)"
            sqlState = info[.sqlState]
            unreachable = false
            return
        }
        sqlState = nil
        unreachable = location != nil
        detail = String(String(reflecting: error).prefix(300))
        if let location {
            message = location.display
        } else {
            message = String(describing: error).prefix(300).description
        }
    }

    public var description: String { message + (sqlState.map { " (\($0))" } ?? "") }
}
