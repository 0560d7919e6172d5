import Foundation
import Testing
import TafelPostgres
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
        try c.execute("""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sanne') THEN CREATE ROLE sanne LOGIN IN ROLE tafel_medewerker; END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'onbekend') THEN CREATE ROLE onbekend LOGIN IN ROLE tafel_medewerker; END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'beheer') THEN CREATE ROLE beheer LOGIN IN ROLE tafel_beheerder; END IF;
            END $$;
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
        #expect(down.status == 1 && down.stderr.hasPrefix("tafel: PostgreSQL is niet bereikbaar (") && down.stderr.split(separator: "\n").count == 1, "\(down.stderr)")
        let bad = try tafel(["db", "init", "tafel.sqlite"])
        #expect(bad.status == 1 && bad.stderr == "tafel: 'tafel.sqlite' is geen PostgreSQL-adres: gebruik postgresql://[login@][host][:poort]/database\n", "\(bad.stderr)")
    }
}
