import Foundation
import TafelPostgres
import TestSupport

/// A PostgreSQL cluster of its own for the tests: `initdb` into a temporary folder, the server
/// listening only on a Unix socket in that folder, stopped and removed at the end. Started as root
/// (CI), it runs as the unprivileged user `nobody`, because PostgreSQL refuses to run as root.
///
/// Local sign-in is `trust` (the tests sign in as several roles without passwords); what the tests
/// check is what each role may do once signed in, which does not depend on how it signed in.
final class ThrowawayCluster: @unchecked Sendable {
    let folder: String
    let port: Int
    private let asNobody: Bool
    private let bin: String

    /// The server programs: from PATH, else Debian's `/usr/lib/postgresql/N/bin`. Nil when missing.
    static func binaries() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        where FileManager.default.isExecutableFile(atPath: dir + "/initdb") && FileManager.default.isExecutableFile(atPath: dir + "/pg_ctl") {
            return dir
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for v in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) where FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(v)/bin/initdb") {
            return "/usr/lib/postgresql/\(v)/bin"
        }
        return nil
    }

    enum Failure: Error, CustomStringConvertible {
        case missing
        case failed(String)
        var description: String {
            switch self {
            case .missing: "PostgreSQL server programs (initdb, pg_ctl) not found: install Debian's postgresql package (.ci/run does)"
            case .failed(let s): s
            }
        }
    }

    init() throws {
        guard let bin = Self.binaries() else { throw Failure.missing }
        self.bin = bin
        asNobody = geteuid() == 0
        // As root the server runs as `nobody`, which must reach the folder: /tmp, whatever TMPDIR says.
        let parent = asNobody ? "/tmp" : FileManager.default.temporaryDirectory.path
        folder = parent + "/tafel-pg-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if asNobody { _ = try Shell.run("/bin/chown", ["nobody:nogroup", folder]) }
        // A port per cluster, so that parallel suites do not share a socket name.
        port = 20_000 + Int.random(in: 0..<20_000)
        let initdb = try run("initdb", ["-D", folder + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"])
        guard initdb.status == 0 else { throw Failure.failed("initdb: \(initdb.stderr)") }
        let options = "-k \(folder) -c listen_addresses='' -p \(port) -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        // The server outlives pg_ctl and would hold a pipe open forever: its output goes to the log only.
        let status = try detached("pg_ctl", ["-D", folder + "/data", "-o", options, "-l", folder + "/server.log", "-w", "-t", "60", "start"])
        guard status == 0 else {
            throw Failure.failed("pg_ctl start: exit \(status): \((try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? "")")
        }
    }

    /// Runs a program with its output to /dev/null and waits for it with `waitpid` (for pg_ctl,
    /// whose server stays: Foundation's `Process` waits until every inherited descriptor closes,
    /// which the server never does).
    private func detached(_ program: String, _ arguments: [String]) throws -> Int32 {
        let argv = asNobody ? ["/usr/sbin/runuser", "-u", "nobody", "--", bin + "/" + program] + arguments : [bin + "/" + program] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        // Nothing else may leak into the server, which outlives this call: a pipe that a test running
        // in parallel has open for `Shell.run` would be held by postgres until the run ends, and that
        // test would wait for end-of-file for ever (seen once in CI: a `tafel show` child, exited,
        // its output pipe held by the postmaster). As for tmux (`Tmux.spawn`).
        if let closeFrom = Tmux.addCloseFrom { _ = closeFrom(&actions, 3) }
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard spawned == 0 else { throw Failure.failed("\(program): posix_spawn \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    private func run(_ program: String, _ arguments: [String]) throws -> CommandResult {
        if asNobody { return try Shell.run("/usr/sbin/runuser", ["-u", "nobody", "--", bin + "/" + program] + arguments) }
        return try Shell.run(bin + "/" + program, arguments)
    }

    /// The address of a database in this cluster, signed in as `user`.
    func address(database: String = "postgres", user: String = "postgres") -> String {
        // A long connect timeout: on a loaded 2-core CI machine a sign-in can take seconds, and
        // PostgresNIO (debug build) traps when its connect deadline fires mid-handshake.
        "postgresql://\(user)@/\(database)?host=\(folder)&port=\(port)&connect_timeout=300"
    }

    func location(database: String = "postgres", user: String = "postgres") -> PostgresLocation {
        PostgresLocation(address(database: database, user: user))!
    }

    /// A fresh, empty database in the cluster.
    /// SQL that creates these logins, each in its tafel role, unless they exist. Logins belong to the
    /// cluster, which the suites running beside each other share: a concurrent creator is tolerated.
    static func createLogins(_ logins: [(login: String, role: String)]) -> String {
        let pairs = logins.map { "['\($0.login)','\($0.role)']" }.joined(separator: ",")
        return """
            DO $$
            DECLARE r text[];
            BEGIN
                FOREACH r SLICE 1 IN ARRAY ARRAY[\(pairs)] LOOP
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r[1]) THEN
                        BEGIN
                            EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', r[1], r[2]);
                        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                        END;
                    END IF;
                END LOOP;
            END $$;

            """
    }

    func createDatabase(_ name: String) throws {
        let admin = try PostgresClient.connect(location())
        defer { admin.close() }
        try admin.execute("CREATE DATABASE \(name)")
    }

    func stop() {
        _ = try? detached("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    deinit { stop() }
}
