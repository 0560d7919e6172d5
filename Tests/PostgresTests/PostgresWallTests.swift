import Foundation
import Testing
import TafelPostgres
import TestSupport

/// The cluster all of these tests share (one per test process), stopped when the process ends.
enum SharedCluster {
    nonisolated(unsafe) private static var cluster: ThrowawayCluster?
    private static let lock = NSLock()

    static func get() throws -> ThrowawayCluster {
        lock.lock()
        defer { lock.unlock() }
        if let cluster { return cluster }
        let c = try ThrowawayCluster()
        cluster = c
        atexit { SharedCluster.stopNow() }
        return c
    }

    static func stopNow() { cluster?.stop() }
}

/// A database in the shared cluster set up by `tafel db init`'s code, with two teams: Zuid
/// (households Bos and Yilmaz) and Noord (household Jansen). Fatima (medewerker, Zuid) is involved
/// with Bos only; Jan (medewerker, Noord) with Jansen; Petra leads Zuid, Bram leads Noord; Beheer
/// administers; `ghost` is a login role in tafel_medewerker that is not on the roster.
struct WallFixture {
    let cluster: ThrowawayCluster
    let database: String
    let bos: Int, yilmaz: Int, jansen: Int
    let bosAction: Int, jansenAction: Int

    init() throws {
        cluster = try SharedCluster.get()
        database = "t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try cluster.createDatabase(database)
        let admin = try PostgresClient.connect(cluster.location(database: database))
        defer { admin.close() }
        _ = try PostgresAdmin.initialise(admin)
        try admin.execute(ThrowawayCluster.createLogins([("fatima", "tafel_medewerker"), ("jan", "tafel_medewerker"), ("petra", "tafel_teamleider"),
                                                         ("bram", "tafel_teamleider"), ("beheer", "tafel_beheerder"), ("ghost", "tafel_medewerker")]) + """
            INSERT INTO tafel.organisation VALUES (1, 'Wijkteam Zuid', 'wijkteam'), (2, 'Wijkteam Noord', 'wijkteam');
            INSERT INTO tafel.professional (id, name, organisation_id, discipline, role, login, team) VALUES
                (1, 'Fatima El Amrani', 1, 'generalist', 'medewerker', 'fatima', 'Team Zuid'),
                (2, 'Jan de Vries', 2, 'generalist', 'medewerker', 'jan', 'Team Noord'),
                (3, 'Petra Bakker', 1, 'teamleider', 'teamleider', 'petra', 'Team Zuid'),
                (4, 'Bram Smit', 2, 'teamleider', 'teamleider', 'bram', 'Team Noord'),
                (5, 'Functioneel beheer', NULL, 'beheerder', 'beheerder', 'beheer', '');
            """)
        func insert(_ sql: String) throws -> Int { Int(try admin.value(sql)!)! }
        bos = try insert("INSERT INTO tafel.household (name, wijk, team, status, created_on) VALUES ('Familie Bos', 'Bloemhof', 'Team Zuid', 'actief', '2026-09-01') RETURNING id::text")
        yilmaz = try insert("INSERT INTO tafel.household (name, wijk, team, status, created_on) VALUES ('Familie Yilmaz', 'Feijenoord', 'Team Zuid', 'actief', '2026-10-01') RETURNING id::text")
        jansen = try insert("INSERT INTO tafel.household (name, wijk, team, status, created_on) VALUES ('Familie Jansen', 'Noord', 'Team Noord', 'actief', '2026-08-01') RETURNING id::text")
        try admin.execute("""
            INSERT INTO tafel.household_involved VALUES (\(bos), 1), (\(jansen), 2);
            INSERT INTO tafel.member (household_id, name, role, birth_year) VALUES (\(bos), 'Willem Bos', 'aanvrager', 1948), (\(jansen), 'Kees Jansen', 'aanvrager', 1970);
            """)
        bosAction = try insert("INSERT INTO tafel.action (household_id, domain, description, status, created_on, due) VALUES (\(bos), 'financien', 'Schuldhulp aanvragen', 'open', '2026-11-01', '2026-11-20') RETURNING id::text")
        jansenAction = try insert("INSERT INTO tafel.action (household_id, domain, description, status, created_on, due) VALUES (\(jansen), 'werk', 'Intake leerwerkloket', 'open', '2026-11-01', '2026-12-20') RETURNING id::text")
    }

    /// A connection signed in as `login` (the server's own roles and policies apply).
    func client(_ login: String = "postgres") throws -> PostgresClient {
        try PostgresClient.connect(cluster.location(database: database, user: login))
    }

    /// The ids `login` gets from a statement (first column), sorted.
    func ids(_ login: String, _ sql: String) throws -> [Int] {
        let c = try client(login)
        defer { c.close() }
        return try c.rows(sql).compactMap { $0.first.flatMap { $0 }.flatMap { Int($0) } }.sorted()
    }

    /// The SQLSTATE a statement fails with as `login` (nil when it succeeds).
    func refusal(_ login: String, _ sql: String) throws -> String? {
        let c = try client(login)
        defer { c.close() }
        do {
            _ = try c.rows(sql)
            return nil
        } catch let f as PostgresFailure {
            return f.sqlState ?? "?"
        }
    }
}

@Suite("PostgreSQL: the database is the wall", .serialized)
struct PostgresWallTests {
    @Test func initialisingIsIdempotentAndMigrateKnowsTheVersion() throws {
        let f = try WallFixture()
        let admin = try f.client()
        defer { admin.close() }
        #expect(try PostgresAdmin.version(admin) == PostgresSchema.currentVersion)
        #expect(try PostgresAdmin.initialise(admin) == .alreadyThere(version: PostgresSchema.currentVersion))
        let m = try #require(try PostgresAdmin.migrate(admin))
        #expect(m.from == PostgresSchema.currentVersion && m.to == PostgresSchema.currentVersion)
        // Every household-scoped table has row-level security switched on.
        let unprotected = try admin.rows("""
            SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'tafel' AND c.relkind = 'r' AND c.relname IN ('household', 'household_involved', 'member', 'action', 'event')
              AND NOT c.relrowsecurity
            """)
        #expect(unprotected.isEmpty, "\(unprotected)")
    }

    @Test func theSignedInUserIsTheDatabaseLogin() throws {
        let f = try WallFixture()
        let fatima = try f.client("fatima")
        defer { fatima.close() }
        let me = try PostgresAdmin.identity(fatima)
        #expect(me.login == "fatima" && me.role == "medewerker" && me.name == "Fatima El Amrani" && me.onRoster)
        let ghost = try f.client("ghost")
        defer { ghost.close() }
        let nobody = try PostgresAdmin.identity(ghost)
        #expect(nobody.login == "ghost" && !nobody.onRoster)
    }

    @Test func aMedewerkerSeesOnlyTheHouseholdsTheyAreInvolvedIn() throws {
        let f = try WallFixture()
        #expect(try f.ids("fatima", "SELECT id::text FROM tafel.household") == [f.bos])
        #expect(try f.ids("fatima", "SELECT id::text FROM tafel.action") == [f.bosAction])
        #expect(try f.ids("fatima", "SELECT household_id::text FROM tafel.member") == [f.bos])
        #expect(try f.ids("jan", "SELECT id::text FROM tafel.household") == [f.jansen])
        // Events of a household only for those who may open it.
        let seen = try f.ids("fatima", "SELECT DISTINCT household_id::text FROM tafel.event WHERE household_id IS NOT NULL")
        #expect(seen == [f.bos])
    }

    @Test func aTeamleaderListsTheOwnTeamButOpensOnlyWithAReason() throws {
        let f = try WallFixture()
        #expect(try f.ids("petra", "SELECT id::text FROM tafel.household") == [f.bos, f.yilmaz].sorted())
        #expect(try f.ids("bram", "SELECT id::text FROM tafel.household") == [f.jansen])
        // Listing is not opening: no actions without a reason.
        #expect(try f.ids("petra", "SELECT id::text FROM tafel.action").isEmpty)
        #expect(try f.refusal("petra", "SELECT tafel.open_household(\(f.bos))::text") == "42501")
        // Break-the-glass: refused without a reason, refused for a medewerker, granted with one.
        #expect(try f.refusal("petra", "SELECT tafel.break_glass(\(f.bos), '')::text") == "22023")
        #expect(try f.refusal("petra", "SELECT tafel.break_glass(\(f.bos), NULL)::text") == "22023")
        #expect(try f.refusal("fatima", "SELECT tafel.break_glass(\(f.jansen), 'zorgmelding van de huisarts over Kees')::text") == "42501")
        let petra = try f.client("petra")
        defer { petra.close() }
        _ = try petra.rows("SELECT tafel.break_glass($1::bigint, $2)::text", [String(f.bos), "zorgmelding van de huisarts, crisis vandaag"])
        #expect(try petra.rows("SELECT id::text FROM tafel.action").compactMap { $0[0] } == [String(f.bosAction)])
        let logged = try petra.rows("SELECT actor, kind, reason FROM tafel.event WHERE household_id = $1::bigint AND kind = 'inzage-met-reden'", [String(f.bos)])
        #expect(logged.count == 1 && logged[0] == ["petra", "inzage-met-reden", "zorgmelding van de huisarts, crisis vandaag"])
    }

    @Test func changesOutsideNeedToKnowAreRefusedAndOwnChangesAreLogged() throws {
        let f = try WallFixture()
        // Someone else's household: the row is not there for Fatima, so nothing changes.
        #expect(try f.ids("fatima", "UPDATE tafel.action SET status = 'afgerond' WHERE id = \(f.jansenAction) RETURNING id::text").isEmpty)
        #expect(try f.refusal("fatima", "DELETE FROM tafel.action WHERE id = \(f.bosAction)") == "42501")
        #expect(try f.refusal("fatima", "INSERT INTO tafel.action (household_id, domain, description, status, created_on) VALUES (\(f.jansen), 'werk', 'x', 'open', '2026-12-01')") == "42501")
        let admin = try f.client()
        defer { admin.close() }
        #expect(try admin.value("SELECT status FROM tafel.action WHERE id = \(f.jansenAction)") == "open")
        // Her own household: the change goes through, with its event under her login.
        let before = try admin.value("SELECT count(*)::text FROM tafel.event WHERE actor = 'fatima'")
        #expect(try f.ids("fatima", "UPDATE tafel.action SET status = 'afgerond', closed_on = '2026-12-07' WHERE id = \(f.bosAction) RETURNING id::text") == [f.bosAction])
        #expect(try admin.value("SELECT count(*)::text FROM tafel.event WHERE actor = 'fatima'") == String(Int(before ?? "0")! + 1))
        #expect(try admin.value("SELECT entity || ' ' || summary FROM tafel.event WHERE actor = 'fatima' ORDER BY id DESC LIMIT 1") == "action update action")
    }

    @Test func theLogCannotBeWrittenChangedOrRecomputedByAUser() throws {
        let f = try WallFixture()
        for login in ["fatima", "petra", "beheer"] {
            #expect(try f.refusal(login, "INSERT INTO tafel.event (id, at, actor, kind, entity, summary, prev_hash, hash) VALUES (999, now(), 'x', 'x', 'x', 'x', '', '')") == "42501", "\(login)")
            #expect(try f.refusal(login, "UPDATE tafel.event SET summary = 'weg'") == "42501", "\(login)")
            #expect(try f.refusal(login, "DELETE FROM tafel.event") == "42501", "\(login)")
            // The key the chain is computed with is out of reach, and so is the hashing function.
            #expect(try f.refusal(login, "SELECT secret::text FROM tafel.chain_key") == "42501", "\(login)")
            #expect(try f.refusal(login, "SELECT tafel.event_hash('\\x00'::bytea, 'genesis', 1, now(), 'x', 1, 'x', 'x', 1, 'x', NULL)") == "42501", "\(login)")
            #expect(try f.refusal(login, "SELECT * FROM tafel.access_grant") == "42501", "\(login)")
        }
        // The chain holds; a change made behind the server's back (as the cluster's superuser,
        // with the guard trigger switched off) is found, naming the event.
        let petra = try f.client("petra")
        defer { petra.close() }
        let ok = try PostgresAdmin.verifyChain(petra)
        #expect(ok.broken == nil && ok.events >= 7)
        let admin = try f.client()
        defer { admin.close() }
        try admin.execute("ALTER TABLE tafel.event DISABLE TRIGGER event_final; UPDATE tafel.event SET summary = 'niets gebeurd' WHERE id = 3; ALTER TABLE tafel.event ENABLE TRIGGER event_final")
        #expect(try PostgresAdmin.verifyChain(petra).broken == 3)
        // A medewerker may not run the check.
        #expect(try f.refusal("fatima", "SELECT broken::text FROM tafel.verify_chain()") == "42501")
    }

    @Test func aLoginThatIsNotOnTheRosterHasNoRights() throws {
        let f = try WallFixture()
        #expect(try f.ids("ghost", "SELECT id::text FROM tafel.household").isEmpty)
        #expect(try f.ids("ghost", "SELECT id::text FROM tafel.action").isEmpty)
        #expect(try f.ids("ghost", "SELECT id::text FROM tafel.event").isEmpty)
        #expect(try f.ids("ghost", "UPDATE tafel.action SET status = 'afgerond' RETURNING id::text").isEmpty)
        #expect(try f.refusal("ghost", "SELECT tafel.break_glass(\(f.bos), 'een reden die lang genoeg is om te tellen')::text") == "42501")
        #expect(try f.refusal("ghost", "SELECT tafel.open_household(\(f.bos))::text") == "42501")
    }

    @Test func openingARecordWritesItsAccessEventAndDoesNotConfirmStrangers() throws {
        let f = try WallFixture()
        let fatima = try f.client("fatima")
        defer { fatima.close() }
        let record = try #require(try fatima.value("SELECT tafel.open_household($1::bigint)::text", [String(f.bos)]))
        #expect(record.contains("Willem Bos") && record.contains("Schuldhulp aanvragen"))
        #expect(try fatima.value("SELECT count(*)::text FROM tafel.event WHERE kind = 'inzage' AND actor = 'fatima' AND household_id = $1::bigint", [String(f.bos)]) == "1")
        // Not hers and not there: the same refusal, so the answer does not say which exists.
        var messages: [String] = []
        for id in [f.jansen, 999_999] {
            do { _ = try fatima.rows("SELECT tafel.open_household(\(id))::text") } catch let e as PostgresFailure {
                #expect(e.sqlState == "42501")
                messages.append(e.message.replacingOccurrences(of: String(id), with: "N"))
            }
        }
        #expect(messages.count == 2 && messages[0] == messages[1])
    }

    /// The probes above can fail: with one policy replaced by an open one in a scratch database,
    /// the same probe sees households it must not.
    @Test func theProbesNoticeAMissingPolicy() throws {
        let f = try WallFixture()
        #expect(try f.ids("fatima", "SELECT id::text FROM tafel.household") == [f.bos])
        let admin = try f.client()
        defer { admin.close() }
        try admin.execute("DROP POLICY household_listed ON tafel.household; CREATE POLICY everyone ON tafel.household FOR SELECT TO tafel_user USING (true)")
        #expect(try f.ids("fatima", "SELECT id::text FROM tafel.household") != [f.bos])
    }
}
