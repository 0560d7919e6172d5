import Foundation
import GRDB

/// The database schema as GRDB migrations. Migration identifiers are never changed once
/// released; a database with migrations this binary does not know is refused (newer schema).
enum Schema {
    /// The schema version this binary writes (the number of migrations).
    static let currentVersion = 13

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-base", migrate: v1)
        m.registerMigration("v2-retention-and-indexes", migrate: v2)
        m.registerMigration("v3-household-indexes", migrate: v3)
        m.registerMigration("v4-finding-index", migrate: v4)
        m.registerMigration("v5-household-record", migrate: v5)
        m.registerMigration("v6-meeting-room", migrate: v6)
        m.registerMigration("v7-row-fingerprints", migrate: v7)
        m.registerMigration("v8-conference-sessions", migrate: v8)
        m.registerMigration("v9-reference-kaart-knelpunten", migrate: v9)
        m.registerMigration("v10-escalation-decider", migrate: v10)
        m.registerMigration("v11-team-leads", migrate: v11)
        m.registerMigration("v12-indications", migrate: v12)
        m.registerMigration("v13-household-team-index", migrate: v13)
        return m
    }

    /// The first schema: every table of the model, foreign keys, and the audit chain.
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE organisation (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL);
        CREATE TABLE professional (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL,
            organisation_id INTEGER REFERENCES organisation(id),
            discipline TEXT NOT NULL, role TEXT NOT NULL, login TEXT NOT NULL UNIQUE, team TEXT NOT NULL,
            phone TEXT, email TEXT, version INTEGER NOT NULL DEFAULT 1);
        CREATE TABLE household (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, wijk TEXT NOT NULL, team TEXT NOT NULL,
            address TEXT, phone TEXT, status TEXT NOT NULL, created_on TEXT NOT NULL, activated_on TEXT,
            closed_on TEXT, close_reason TEXT, cadence_weeks INTEGER NOT NULL, chronic INTEGER NOT NULL,
            compulsory TEXT, no_help_request INTEGER NOT NULL, outreach_plan TEXT, next_attempt TEXT,
            own_view TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1);
        CREATE TABLE household_involved (
            household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            professional_id INTEGER NOT NULL REFERENCES professional(id),
            PRIMARY KEY (household_id, professional_id));
        CREATE TABLE member (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            name TEXT NOT NULL, role TEXT NOT NULL, birth_date TEXT, birth_year INTEGER, adult_on TEXT,
            version INTEGER NOT NULL DEFAULT 1);
        CREATE TABLE informal_person (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            name TEXT NOT NULL, kind TEXT NOT NULL, phone TEXT);
        CREATE TABLE signal (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            source TEXT NOT NULL, date TEXT NOT NULL, text TEXT NOT NULL, already_known INTEGER NOT NULL);
        CREATE TABLE domain_state (
            household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE, domain TEXT NOT NULL,
            status TEXT NOT NULL, situation TEXT NOT NULL, own_words TEXT NOT NULL, no_action_reason TEXT,
            updated_on TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (household_id, domain));
        CREATE TABLE domain_organisation (
            household_id INTEGER NOT NULL, domain TEXT NOT NULL,
            organisation_id INTEGER NOT NULL REFERENCES organisation(id), position INTEGER NOT NULL,
            PRIMARY KEY (household_id, domain, organisation_id),
            FOREIGN KEY (household_id, domain) REFERENCES domain_state(household_id, domain) ON DELETE CASCADE);
        CREATE TABLE meeting (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            date TEXT NOT NULL, started_at INTEGER, ended_at INTEGER,
            chair_id INTEGER REFERENCES professional(id), minute_taker_id INTEGER REFERENCES professional(id),
            household_present INTEGER NOT NULL, consent_checked INTEGER NOT NULL, timebox INTEGER NOT NULL,
            current_step TEXT NOT NULL, steps_completed TEXT NOT NULL, decisions TEXT NOT NULL,
            next_review TEXT, gap_reason TEXT, status TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1);
        CREATE TABLE meeting_domain (
            meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE, domain TEXT NOT NULL,
            position INTEGER NOT NULL, PRIMARY KEY (meeting_id, domain));
        CREATE TABLE attendee (
            id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            party_kind TEXT, party_id INTEGER, guest_name TEXT, organisation_id INTEGER REFERENCES organisation(id),
            presence TEXT NOT NULL);
        CREATE TABLE assessment (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE, domain TEXT NOT NULL,
            date TEXT NOT NULL, score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            own_score INTEGER CHECK (own_score BETWEEN 1 AND 5), target INTEGER CHECK (target BETWEEN 1 AND 5),
            assessed_by INTEGER REFERENCES professional(id), meeting_id INTEGER REFERENCES meeting(id));
        CREATE TABLE coordinator (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            party_kind TEXT NOT NULL, party_id INTEGER NOT NULL, status TEXT NOT NULL, proposed_on TEXT NOT NULL,
            decided_on TEXT, decline_reason TEXT, ended_on TEXT, end_reason TEXT,
            meeting_id INTEGER REFERENCES meeting(id), version INTEGER NOT NULL DEFAULT 1);
        CREATE TABLE action (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            domain TEXT NOT NULL, member_id INTEGER REFERENCES member(id), description TEXT NOT NULL,
            owner_kind TEXT, owner_id INTEGER, due TEXT, status TEXT NOT NULL,
            meeting_id INTEGER REFERENCES meeting(id), created_on TEXT NOT NULL, carry_over INTEGER NOT NULL,
            close_reason TEXT, replaced_by INTEGER, closed_on TEXT, rejection_code TEXT, rejection_law TEXT,
            framework TEXT, agreement TEXT NOT NULL, waiting_since TEXT, waiting_episodes INTEGER NOT NULL,
            transition INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 1);
        CREATE TABLE action_dependency (
            action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
            depends_on INTEGER NOT NULL REFERENCES action(id), position INTEGER NOT NULL,
            PRIMARY KEY (action_id, depends_on));
        CREATE TABLE consent (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            member_id INTEGER REFERENCES member(id), organisation_id INTEGER NOT NULL REFERENCES organisation(id),
            purpose TEXT NOT NULL, basis TEXT NOT NULL, given_on TEXT, expires_on TEXT,
            recorded_by INTEGER REFERENCES professional(id));
        CREATE TABLE escalation (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            reason TEXT NOT NULL, raised_by INTEGER REFERENCES professional(id), raised_to TEXT NOT NULL,
            raised_on TEXT NOT NULL, deadline TEXT NOT NULL, decision TEXT, decided_on TEXT);
        CREATE TABLE contact (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            date TEXT NOT NULL, professional_id INTEGER REFERENCES professional(id), with_whom TEXT NOT NULL,
            kind TEXT NOT NULL, note TEXT NOT NULL);
        CREATE TABLE event (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, household_id INTEGER,
            kind TEXT NOT NULL, entity TEXT NOT NULL, entity_id INTEGER, summary TEXT NOT NULL, reason TEXT,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        CREATE INDEX member_household ON member(household_id);
        CREATE INDEX action_household ON action(household_id, status);
        CREATE INDEX meeting_household ON meeting(household_id, date);
        CREATE INDEX assessment_household ON assessment(household_id, member_id, domain, date);
        CREATE INDEX coordinator_household ON coordinator(household_id, status);
        CREATE INDEX contact_household ON contact(household_id, date);
        CREATE INDEX attendee_meeting ON attendee(meeting_id);
        CREATE INDEX event_household ON event(household_id);
        """)
    }

    /// Retention support and the indexes that make the caseload and the audit fast at scale.
    static func v2(_ db: Database) throws {
        try db.execute(sql: """
        ALTER TABLE household ADD COLUMN anonymised_on TEXT;
        CREATE INDEX household_status ON household(status, team);
        CREATE INDEX action_owner ON action(owner_kind, owner_id, status);
        CREATE INDEX action_open_due ON action(due) WHERE status IN ('open', 'bezig', 'wachtlijst');
        CREATE INDEX action_domain ON action(household_id, domain);
        CREATE INDEX coordinator_party ON coordinator(party_kind, party_id, status);
        CREATE INDEX attendee_party ON attendee(party_kind, party_id);
        CREATE INDEX meeting_domain_domain ON meeting_domain(domain);
        CREATE INDEX consent_household ON consent(household_id, organisation_id);
        CREATE INDEX escalation_open ON escalation(deadline) WHERE decision IS NULL;
        CREATE INDEX household_involved_professional ON household_involved(professional_id);
        """)
    }

    /// The tables a household's record reads by `household_id` that v1 left without an index: at
    /// 100,000 households opening one record scanned 200,000 signals (1.3 s; now a few ms).
    static func v3(_ db: Database) throws {
        try db.execute(sql: """
        CREATE INDEX signal_household ON signal(household_id);
        CREATE INDEX informal_person_household ON informal_person(household_id);
        CREATE INDEX escalation_household ON escalation(household_id);
        """)
    }

    /// The audit as a maintained index (`FindingIndex`): every household's finding candidates with the
    /// days they hold, stored by household (a household's findings sit together on disk) with
    /// covering indexes for "which households hold a finding on day T" (per rule or all). Filled after migrating (`SQLiteCaseStore.prepareSchema` builds it once).
    static func v4(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE finding (
            household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE, n INTEGER NOT NULL,
            rule TEXT NOT NULL, ref TEXT NOT NULL, since INTEGER NOT NULL, fires_on INTEGER NOT NULL, ends_on INTEGER,
            severity INTEGER NOT NULL, middel_on INTEGER, hoog_on INTEGER, evidence TEXT NOT NULL,
            PRIMARY KEY (household_id, n)) WITHOUT ROWID;
        CREATE INDEX finding_fires ON finding(fires_on, ends_on, since);
        CREATE INDEX finding_rule ON finding(rule, fires_on, ends_on, since);
        DELETE FROM meta WHERE key = 'finding_config';
        """)
    }

    /// The household record kept up outside the meeting: contact details, the closing reason code,
    /// who carries a compulsory framework and who makes the next outreach attempt, ended
    /// memberships, and what a signal's reporter knew.
    static func v5(_ db: Database) throws {
        try db.execute(sql: """
        ALTER TABLE household ADD COLUMN email TEXT;
        ALTER TABLE household ADD COLUMN postcode TEXT;
        ALTER TABLE household ADD COLUMN close_code TEXT;
        ALTER TABLE household ADD COLUMN compulsory_org INTEGER REFERENCES organisation(id);
        ALTER TABLE household ADD COLUMN outreach_by_kind TEXT;
        ALTER TABLE household ADD COLUMN outreach_by_id INTEGER;
        ALTER TABLE member ADD COLUMN ended_on TEXT;
        ALTER TABLE member ADD COLUMN end_reason TEXT;
        ALTER TABLE signal ADD COLUMN known_names TEXT;
        ALTER TABLE signal ADD COLUMN known_address TEXT;
        ALTER TABLE signal ADD COLUMN known_birth_year INTEGER;
        CREATE INDEX signal_date ON signal(household_id, date);
        """)
    }

    /// The meeting room: the closing check's gaps a meeting was closed over and the ones the chair
    /// called deliberate (JSON arrays of `Gap` codes).
    static func v6(_ db: Database) throws {
        try db.execute(sql: """
        ALTER TABLE meeting ADD COLUMN gaps_closed_over TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE meeting ADD COLUMN acknowledged TEXT NOT NULL DEFAULT '[]';
        """)
    }

    /// Fingerprints for every data row and the state digest on events (RowFingerprints). An
    /// existing database gets its rows fingerprinted once, vouched for by one system event.
    static func v7(_ db: Database) throws {
        try db.execute(sql: """
        ALTER TABLE event ADD COLUMN state_digest TEXT;
        CREATE TABLE row_digest (tbl TEXT NOT NULL, rid INTEGER NOT NULL, digest BLOB NOT NULL, PRIMARY KEY (tbl, rid)) WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES ('database_id', lower(hex(randomblob(8)))) ON CONFLICT(key) DO NOTHING;
        """)
        let state = try RowFingerprints.recordAll(db)
        if state != .zero {
            try AuditChain.append(db, at: Date(), actor: "system", householdId: nil, kind: .system, entity: "database", entityId: nil,
                                  summary: "row fingerprints recorded", reason: nil, state: state)
        }
    }

    /// Conference days: a session of several households, each in a time slot.
    static func v8(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE conference_session (
            id INTEGER PRIMARY KEY, date TEXT NOT NULL, chair_id INTEGER NOT NULL REFERENCES professional(id),
            title TEXT NOT NULL DEFAULT '', created_on TEXT NOT NULL);
        CREATE TABLE session_slot (
            session_id INTEGER NOT NULL REFERENCES conference_session(id) ON DELETE CASCADE, position INTEGER NOT NULL,
            household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            start_minute INTEGER NOT NULL, minutes INTEGER NOT NULL, PRIMARY KEY (session_id, position));
        CREATE INDEX conference_session_date ON conference_session(date);
        CREATE INDEX session_slot_household ON session_slot(household_id);
        """)
    }

    /// The register of knellende regels (per household) and the sociale kaart (services).
    static func v9(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE blocked_rule (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            date TEXT NOT NULL, rule TEXT NOT NULL, source TEXT NOT NULL, domain TEXT NOT NULL, blocked TEXT NOT NULL,
            exception TEXT NOT NULL DEFAULT 'geen', amount INTEGER, decided_by TEXT, recorded_by INTEGER REFERENCES professional(id));
        CREATE INDEX blocked_rule_household ON blocked_rule(household_id);
        CREATE TABLE service (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, organisation TEXT NOT NULL DEFAULT '', contact TEXT NOT NULL DEFAULT '',
            phone TEXT, email TEXT, domains TEXT NOT NULL DEFAULT '', laws TEXT NOT NULL DEFAULT '', wijk TEXT NOT NULL DEFAULT '',
            waiting_weeks INTEGER);
        """)
    }

    /// Who decided an escalation. A new column changes every escalation row's fingerprint, so the
    /// fingerprints are recorded again, vouched for by a system event (run `tafel check` before an
    /// upgrade: changes made outside tafel before it are not told apart afterwards).
    static func v10(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE escalation ADD COLUMN decided_by INTEGER REFERENCES professional(id)")
        try refingerprint(db)
    }

    /// The teams a teamleider leads besides their own (JSON array), for the audit's team scope.
    /// Fingerprinted with the row: making oneself lead of another team outside tafel is caught.
    static func v11(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE professional ADD COLUMN leads TEXT NOT NULL DEFAULT '[]'")
        try refingerprint(db)
    }

    /// Indications per member (law, provider, domain, start, end), read by `indicatie-eindigt` and
    /// `wmo-wlz`. A new table: no row to fingerprint again.
    static func v12(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE indication (
            id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE, law TEXT NOT NULL, provider TEXT NOT NULL,
            domain TEXT NOT NULL, start TEXT NOT NULL, end_on TEXT, version INTEGER NOT NULL DEFAULT 1);
        CREATE INDEX indication_household ON indication(household_id);
        """)
    }

    /// Households by team: a team leader's lists and audit read their team(s) through it (ListScope)
    /// instead of every household of the city. An index only: no row to fingerprint again.
    static func v13(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX household_team ON household(team)")
    }

    /// Records every row's fingerprint again after a migration changed a fingerprinted table's
    /// columns, with a system event carrying the new state (only when there is data).
    static func refingerprint(_ db: Database) throws {
        let state = try RowFingerprints.recordAll(db)
        if state != .zero {
            try AuditChain.append(db, at: Date(), actor: "system", householdId: nil, kind: .system, entity: "database", entityId: nil,
                                  summary: "row fingerprints recorded", reason: nil, state: state)
        }
    }
}
