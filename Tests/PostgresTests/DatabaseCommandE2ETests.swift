import Foundation
import Testing
import TafelPostgres
import TafelStore
import TestSupport

/// `tafel db …` through the real binary against the throwaway cluster: set up a fresh database,
/// ask who is signed in as a roster login and as one that is not, and the refusals of `--user`.
@Suite("PostgreSQL: tafel db end to end", .serialized)
struct DatabaseCommandE2ETests {
    func tafel(_ args: [String]) throws -> CommandResult {
        guard let bin = BuildProducts.executable("tafel") else { throw ThrowawayCluster.Failure.failed("tafel was not built: run `swift build` first") }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TAFEL_USER")
        return try Shell.run(bin, args, environment: env)
    }

    @Test func initWhoamiAndCheckOnAFreshDatabase() throws {
        let cluster = try SharedCluster.get()
        let name = "e2e_" + UUID().uuidString.prefix(8).lowercased()
        try cluster.createDatabase(name)
        let admin = cluster.address(database: name)
        let first = try tafel(["db", "init", admin])
        #expect(first.status == 0 && first.stdout.contains("ingericht met schema tafel versie \(PostgresSchema.currentVersion)"), "\(first.stderr)")
        let again = try tafel(["db", "init", admin])
        #expect(again.status == 0 && again.stdout.contains("is al ingericht"), "\(again.stdout)")
        #expect(try tafel(["db", "migrate", admin]).stdout.contains("het schema is al versie \(PostgresSchema.currentVersion)"))

        // A roster login and a login that is not on the roster (fail closed, naming the beheerder).
        let c = try PostgresClient.connect(cluster.location(database: name))
        try c.execute(ThrowawayCluster.createLogins([("sanne", "tafel_medewerker"), ("onbekend", "tafel_medewerker"), ("beheer", "tafel_beheerder")]) + """
            INSERT INTO tafel.professional (id, name, discipline, role, login, team) VALUES
                (1, 'Sanne de Wit', 'generalist', 'medewerker', 'sanne', 'Team Zuid'),
                (2, 'Functioneel beheer', 'beheerder', 'beheerder', 'beheer', '');
            """)
        c.close()
        let sanne = try tafel(["db", "whoami", cluster.address(database: name, user: "sanne")])
        #expect(sanne.status == 0 && sanne.stdout == "aangemeld als databaselogin sanne: Sanne de Wit, Medewerker, Team Zuid\n", "\(sanne.stdout)\(sanne.stderr)")
        let stranger = try tafel(["db", "whoami", cluster.address(database: name, user: "onbekend")])
        #expect(stranger.status == 1)
        #expect(stranger.stderr == "tafel: databaselogin \"onbekend\" staat niet in het rooster en heeft hier geen rechten; een beheerder (Functioneel beheer (beheer)) voegt u toe\n", "\(stranger.stderr)")
        // The chain of a fresh database holds; a medewerker may not check it.
        let check = try tafel(["db", "check", cluster.address(database: name, user: "beheer")])
        #expect(check.status == 0 && check.stdout.hasPrefix("auditketen in orde: "), "\(check.stdout)\(check.stderr)")
        let refused = try tafel(["db", "check", cluster.address(database: name, user: "sanne")])
        #expect(refused.status == 1 && refused.stderr.contains("de keten controleren is voor een teamleider of beheerder"), "\(refused.stderr)")
        // On PostgreSQL you are your database login: --user is refused, in one line.
        let claimed = try tafel(["db", "whoami", cluster.address(database: name, user: "sanne"), "--user", "beheer"])
        #expect(claimed.status == 1 && claimed.stderr.contains("--user kan daar niet"), "\(claimed.stderr)")
        let elsewhere = try tafel(["caseload", "--db", cluster.address(database: name, user: "sanne"), "--user", "beheer"])
        #expect(elsewhere.status == 1 && elsewhere.stderr.contains("--user kan daar niet"), "\(elsewhere.stderr)")
    }

    @Test func anUnreachableServerAndABadAddressAreOneLine() throws {
        let down = try tafel(["db", "whoami", "postgresql://sanne@/tafel?host=/nonexistent-folder"])
        #expect(down.status == 1 && down.stderr.hasPrefix("tafel: PostgreSQL is niet bereikbaar op postgresql://sanne@/tafel?host=/nonexistent-folder: ")
                && down.stderr.split(separator: "\n").count == 1, "\(down.stderr)")
        // The driver's fixed English sentence is not shown; --verbose logs its own account.
        #expect(!down.stderr.contains("PSQLError") && !down.stderr.contains("Generic description"), "\(down.stderr)")
        #expect(try tafel(["db", "whoami", "postgresql://sanne@/tafel?host=/nonexistent-folder", "--verbose"]).stderr.contains("No such file"))
        // The screen's options do not apply to a server address; --db is named as such.
        let db = try tafel(["db", "whoami", "--db", "x.sqlite", "postgresql://sanne@/tafel?host=/nonexistent-folder"])
        #expect(db.status == 1 && db.stderr.contains("tafel db gebruikt geen --db"), "\(db.stderr)")
        #expect(!(try tafel(["db", "init", "--help"]).stdout.contains("--theme")))
        let bad = try tafel(["db", "init", "tafel.sqlite"])
        #expect(bad.status == 1 && bad.stderr == "tafel: 'tafel.sqlite' is geen PostgreSQL-adres: gebruik postgresql://[login@][host][:poort]/database\n", "\(bad.stderr)")
    }
}

/// The demo, exported from SQLite and loaded into PostgreSQL with `tafel db import --create-logins`:
/// for every login on the roster, what the server lets it see equals what need-to-know says.
@Suite("PostgreSQL: the demo behind the wall", .serialized)
struct DemoOnPostgresTests {
    @Test func everyLoginSeesWhatNeedToKnowAllows() throws {
        let cluster = try SharedCluster.get()
        let dir = TemporaryDirectory()
        guard let bin = BuildProducts.executable("tafel") else { throw ThrowawayCluster.Failure.failed("tafel was not built") }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TAFEL_USER")
        func tafel(_ args: [String]) throws -> CommandResult { try Shell.run(bin, args, environment: env) }
        #expect(try tafel(["demo", "--db", dir.file("demo.sqlite"), "--no-open"]).status == 0)
        let export = try tafel(["export", "--db", dir.file("demo.sqlite"), "--user", "beheer", "-o", dir.file("demo.json")])
        #expect(export.status == 0, "\(export.stderr)")
        let name = "demo_" + UUID().uuidString.prefix(8).lowercased()
        try cluster.createDatabase(name)
        #expect(try tafel(["db", "init", cluster.address(database: name)]).status == 0)
        let load = try tafel(["db", "import", cluster.address(database: name), dir.file("demo.json"), "--create-logins"])
        let doc = try TransferValidator.decode(try Data(contentsOf: URL(fileURLWithPath: dir.file("demo.json"))), maxField: 20_000)
        #expect(load.status == 0 && load.stdout.contains("\(doc.households.count) huishoudens en \(doc.professionals.count) medewerkers geladen"),
                "\(load.stdout)\(load.stderr)")
        var checked = 0
        for p in doc.professionals {
            let expected: Set<Int64> = Set(doc.households.filter { f in
                switch p.role {
                case .medewerker: f.involvedProfessionals.contains(p.id)
                case .voorzitter: f.involvedProfessionals.contains(p.id) || (!p.team.isEmpty && p.team == f.household.team)
                case .teamleider: f.involvedProfessionals.contains(p.id) || p.teams.contains(f.household.team)
                case .beheerder: true
                }
            }.map(\.id))
            let c = try PostgresClient.connect(cluster.location(database: name, user: p.login))
            let seen = Set(try c.rows("SELECT id::text FROM tafel.household").compactMap { $0[0].flatMap { Int64($0) } })
            c.close()
            #expect(seen == expected, "\(p.login) (\(p.role.rawValue)): sees \(seen.sorted()), need-to-know \(expected.sorted())")
            checked += 1
        }
        #expect(checked == doc.professionals.count && checked > 5)
        // The same through psql, as a person would: a medewerker's list holds only her households.
        if let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
           let sanne = doc.professionals.first(where: { $0.login == "sanne" }) {
            let r = try Shell.run(psql, ["-h", cluster.folder, "-p", String(cluster.port), "-U", "sanne", "-d", name, "-qAtc",
                                         "SELECT name FROM tafel.household ORDER BY name"])
            let mine = doc.households.filter { $0.involvedProfessionals.contains(sanne.id) }.map(\.household.name).sorted()
            #expect(r.status == 0 && r.stdout.split(separator: "\n").map(String.init) == mine, "\(r.stdout)\(r.stderr)")
            let update = try Shell.run(psql, ["-h", cluster.folder, "-p", String(cluster.port), "-U", "sanne", "-d", name, "-qAtc",
                                              "UPDATE tafel.action SET status = 'afgerond' WHERE household_id NOT IN (SELECT id FROM tafel.household) RETURNING id"])
            #expect(update.status == 0 && update.stdout.isEmpty, "\(update.stdout)\(update.stderr)")
        }
    }
}
