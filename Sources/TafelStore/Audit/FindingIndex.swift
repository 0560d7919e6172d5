import Foundation
import GRDB
import GRDBSQLite
import TafelCore

/// The audit as a maintained index: the `finding` table holds every household's finding
/// candidates (`StallRules.candidates`, the core's rules), each with the days it holds and when its
/// severity rises. Every write of a household recomputes its candidates in the same transaction,
/// so the audit of a city for any day, any rule, is one indexed range query.
///
/// Days are stored as ordinals (days since 1970-01-01); evidence as a compact text form
/// (`EvidenceCodec`) rather than JSON, because a city rebuild writes a million of them.
enum FindingIndex {
    /// The columns of one candidate, in table order.
    static let insertSQL = """
        INSERT INTO finding (household_id, n, rule, ref, since, fires_on, ends_on, severity, middel_on, hoog_on, evidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The severity of a row on day `:t` (0 laag, 1 middel, 2 hoog).
    static let severitySQL = "CASE WHEN f.hoog_on <= :t THEN 2 WHEN f.middel_on <= :t THEN max(f.severity, 1) ELSE f.severity END"

    /// The rules in their order of DESIGN §5 (how findings of equal severity and age are listed).
    static let ruleOrderSQL = "CASE f.rule " + StallRuleID.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }
        .joined(separator: " ") + " ELSE 99 END"

    /// The rows that hold on day `:t`.
    static let holdsSQL = "f.fires_on <= :t AND (f.ends_on IS NULL OR f.ends_on > :t)"

    /// The same conditions on the finding's columns with a unary "+", which keeps SQLite off the
    /// finding indexes: the rows are then read in the table's own (household) order, by the key.
    /// Most findings hold on any day, so reaching them through the day or rule index only looked
    /// each row up again (Docs/PERFORMANCE.md).
    static func inTableOrder(_ conditions: String) -> String {
        conditions.replacingOccurrences(of: "f.fires_on", with: "+f.fires_on").replacingOccurrences(of: "f.rule", with: "+f.rule")
            .replacingOccurrences(of: "f.since >=", with: "+f.since >=")
    }

    /// Replaces one household's candidates (inside the caller's write transaction).
    static func refresh(_ db: Database, _ file: CaseFile, context: SignalContext) throws {
        try db.execute(sql: "DELETE FROM finding WHERE household_id = ?", arguments: [file.id])
        try insert(db, StallRules.candidates(file, context))
    }

    static func insert(_ db: Database, _ candidates: [FindingCandidate]) throws {
        guard !candidates.isEmpty else { return }
        let statement = try db.cachedStatement(sql: insertSQL)
        for (n, c) in candidates.enumerated() {
            try statement.execute(arguments: [c.householdId, n, c.rule.rawValue, EvidenceCodec.encode(c.ref), c.since.ordinal, c.firesOn.ordinal,
                                              c.endsOn?.ordinal, severityNumber(c.severity), c.middelOn?.ordinal, c.hoogOn?.ordinal,
                                              EvidenceCodec.encode(c.evidence)])
        }
    }

    static func severityNumber(_ s: Severity) -> Int {
        switch s { case .laag: 0; case .middel: 1; case .hoog: 2 }
    }

    static func severity(_ n: Int) -> Severity { n >= 2 ? .hoog : (n == 1 ? .middel : .laag) }

    /// The findings that hold on `today`, per household (all rules, or the given ones).
    static func findings(_ db: Database, today: Day, rules: Set<StallRuleID>?, household: Int64? = nil) throws -> [Int64: [StallFinding]] {
        // The whole city is read in table order; one household through its key.
        var conditions = holdsSQL
        var arguments: [String: (any DatabaseValueConvertible)?] = ["t": today.ordinal]
        if let rules {
            conditions += " AND f.rule IN (SELECT value FROM json_each(:rules))"
            arguments["rules"] = "[" + rules.map { "\"\($0.rawValue)\"" }.sorted().joined(separator: ",") + "]"
        }
        if let household { conditions += " AND f.household_id = :h"; arguments["h"] = household }
        let sql = "SELECT f.household_id, f.rule, f.ref, f.since, \(severitySQL), f.evidence FROM finding f WHERE "
            + (household == nil ? inTableOrder(conditions) : conditions)
        var out: [Int64: [StallFinding]] = [:]
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let r = try cursor.next() {
            let hid: Int64 = r[0]
            guard let rule = StallRuleID(rawValue: r[1]), let ref = EvidenceCodec.decodeRef(r[2]),
                  let evidence = EvidenceCodec.decodeMessage(r[5]) else { continue }
            out[hid, default: []].append(StallFinding(rule: rule, householdId: hid, severity: severity(r[4]), since: Day(ordinal: r[3]),
                                                      evidence: evidence.resolvingElapsed(on: today), ref: ref))
        }
        return out
    }

    /// Per household on `today`: its rules, worst severity and oldest start (the audit screen).
    /// With a `scope`, only the households it names (a team leader's team through the team index).
    ///
    /// The rows are grouped here, not by SQL: SQLite's `GROUP BY` over a team's findings sorted
    /// them through a temporary B-tree, which took two thirds of the screen's query at 100,000
    /// households (Docs/PERFORMANCE.md). Stepped through SQLite's C interface, as the listing is.
    static func summaries(_ db: Database, today: Day, rule: StallRuleID?, since: Day?, scope: ListScope? = nil) throws -> [Int64: AuditSummary] {
        let restricted = !(scope?.condition.isEmpty ?? true)
        // Restricted: the scope's households first (team index), then each one's findings by the
        // primary key. CROSS JOIN fixes that order and "+" keeps SQLite off the finding indexes,
        // whose city-wide scan with the scope checked per row took minutes at 100,000 households.
        // Unrestricted too: most findings hold on any day, and reaching each through an index
        // looked every row up again by its key (2.6 s at 100,000 households, against 0.2 s for
        // reading the table in its own order).
        var conditions = [holdsSQL]
        var arguments: [String: (any DatabaseValueConvertible)?] = ["t": today.ordinal]
        if let rule { conditions.append("f.rule = :rule"); arguments["rule"] = rule.rawValue }
        if let since { conditions.append("f.since >= :since"); arguments["since"] = since.ordinal }
        var sql = """
            SELECT f.household_id, f.rule, f.severity, f.middel_on, f.hoog_on, f.since
            FROM \(restricted ? "household h CROSS JOIN finding f ON f.household_id = h.id" : "finding f")
            WHERE \(inTableOrder(conditions.joined(separator: " AND ")))
            """
        if restricted, let scope {
            sql += " " + scope.condition
            arguments.merge(scope.arguments) { a, _ in a }
        }
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(arguments))
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let rules = StallRuleID.allCases
        let ruleNames = rules.map { Array($0.rawValue.utf8) }
        let t = today.ordinal
        // household → (rules as bits by listing position, worst severity, oldest day)
        var grouped: [Int64: (rules: UInt64, worst: Int, oldest: Int)] = [:]
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
            }
            guard let text = sqlite3_column_text(handle, 1) else { continue }
            let name = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, 1)))
            guard let position = ruleNames.firstIndex(where: { $0.elementsEqual(name) }) else { continue }
            var severity = Int(sqlite3_column_int64(handle, 2))
            if sqlite3_column_type(handle, 4) != SQLITE_NULL, Int(sqlite3_column_int64(handle, 4)) <= t {
                severity = 2
            } else if sqlite3_column_type(handle, 3) != SQLITE_NULL, Int(sqlite3_column_int64(handle, 3)) <= t {
                severity = max(severity, 1)
            }
            let since = Int(sqlite3_column_int64(handle, 5))
            let household = sqlite3_column_int64(handle, 0)
            if let g = grouped[household] {
                grouped[household] = (g.rules | (1 << UInt64(position)), max(g.worst, severity), min(g.oldest, since))
            } else {
                grouped[household] = (1 << UInt64(position), severity, since)
            }
        }
        return grouped.mapValues { g in
            AuditSummary(rules: rules.indices.filter { g.rules & (1 << UInt64($0)) != 0 }.map { rules[$0] }, worst: severity(g.worst),
                         daysStalled: max(0, Day(ordinal: g.oldest).days(until: today)))
        }
    }

    /// The SQL a sqlite3 shell runs for the same audit (the benchmark's peer): the findings that hold
    /// on a day with their household, most stalled first.
    static func shellScript(today: Day, rule: StallRuleID? = nil) -> String {
        let t = today.ordinal
        let severity = severitySQL.replacingOccurrences(of: ":t", with: String(t))
        let holds = holdsSQL.replacingOccurrences(of: ":t", with: String(t))
        return """
            SELECT h.id, h.name, h.wijk, h.team, f.rule, \(severity), f.since, f.evidence
            FROM finding f JOIN household h ON h.id = f.household_id
            WHERE \(holds)\(rule.map { " AND f.rule = '\($0.rawValue)'" } ?? "")
            ORDER BY f.household_id, f.since;

            """
    }
}

