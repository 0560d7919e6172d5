import Foundation
import GRDB
import TafelCore

/// The supervisor's audit over all households as one SQL query.
///
/// The stall rules live in the core as Swift functions over one household's file; running
/// them for 10,000 households would mean loading the whole database. This query computes
/// the same findings inside SQLite (shared parts — latest scores, domains in need — as
/// CTEs computed once), and returns raw evidence columns that are turned into findings with
/// the core's `Evidence` wording. A differential test checks it against the Swift rules on
/// generated municipalities; the benchmark runs the very same SQL in the `sqlite3` shell as
/// the baseline.
public struct AuditQuery: Sendable {
    public var today: Day
    public var thresholds: SignalThresholds
    /// Only households of this team (for per-team thresholds).
    public var team: String?
    /// Households of these teams are left out (they have their own thresholds).
    public var excludedTeams: [String]
    /// Only this household (the evidence of one row).
    public var household: Int64?
    /// Only these rules (`tafel audit --rule`, the audit's signal filter); nil means all of them.
    /// Left-out rules are not computed at all, and neither are the shared parts only they use.
    public var rules: Set<StallRuleID>?

    public init(today: Day, thresholds: SignalThresholds, team: String? = nil, excludedTeams: [String] = [], household: Int64? = nil,
                rules: Set<StallRuleID>? = nil) {
        self.today = today; self.thresholds = thresholds; self.team = team; self.excludedTeams = excludedTeams; self.household = household
        self.rules = rules
    }

    /// The SQL for `rules`: the shared CTEs and only the chosen rules' branches. (SQLite evaluates a
    /// CTE only when a branch uses it, so an unused `latest` costs nothing.)
    public var sqlText: String {
        guard let rules else { return Self.sql }
        let chosen = Self.branches.filter { rules.contains($0.rule) }.map(\.sql)
        // A compound SELECT takes its column names from its first part: a part without rows names them.
        let names = "SELECT NULL AS household_id, NULL AS rule, NULL AS sev, NULL AS since, NULL AS ref_kind, NULL AS ref_id, "
            + "NULL AS ref_text, NULL AS n1, NULL AS n2, NULL AS t1, NULL AS d1 WHERE 0"
        return Self.prelude + "\n" + ([names] + chosen).joined(separator: "\nUNION ALL\n")
    }

    /// `sql` cut in two: the WITH prelude and the rule branches, each named by its `-- rule…` comment.
    static let prelude: String = String(sql[..<sql.range(of: "\n-- geen-regie")!.lowerBound])
    static let branches: [(rule: StallRuleID, sql: String)] = {
        let body = String(sql[sql.range(of: "\n-- geen-regie")!.lowerBound...])
        return body.components(separatedBy: "\nUNION ALL\n").map { part in
            let comment = part.drop { $0 == "\n" || $0 == " " }.dropFirst(3)      // after "-- "
            let name = comment.prefix { $0 != ":" && $0 != " " }
            guard let rule = StallRuleID(rawValue: String(name)) else { fatalError("audit SQL branch without a rule name: \(name)") }
            return (rule, part)
        }
    }()

    /// The parameters of the query.
    public var arguments: [String: (any DatabaseValueConvertible)?] {
        let t = thresholds
        let teams = "[" + excludedTeams.map { "\"\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ",") + "]"
        return [
            "today": today.iso, "team": team, "excluded": teams, "household": household,
            "geen_regie_cut": today.adding(days: -t.geenRegieDays).iso, "geen_regie_min": t.geenRegieMinDomains,
            "bounce_from": today.adding(days: -t.bounceWindowDays).iso, "bounce_count": t.bounceCount,
            "overdue_cut": today.adding(days: -t.overdueDays).iso, "overdue_med": today.adding(days: -t.overdueMediumDays).iso,
            "overdue_high": today.adding(days: -t.overdueHighDays).iso,
            "parked_carry": t.parkedCarryOvers, "parked_meetings": t.parkedMeetings, "review_grace": t.reviewGraceDays,
            "acute_cut": today.adding(days: -t.acuteDays).iso, "one_domain_min": t.oneDomainMinDomains,
            "wait_cut": today.adding(days: -t.waitingDays).iso, "wait_high": today.adding(days: -2 * t.waitingDays).iso,
            "chain": t.waitingChainEpisodes, "precedence": t.precedenceRejections,
            "trans_end": today.adding(months: t.transitionMonths).iso,
            "consent_from": today.adding(days: -t.consentLookbackDays).iso, "expiry_end": today.adding(days: t.consentExpiryDays).iso,
            "contact_cut": today.adding(days: -t.noContactDays).iso,
        ]
    }

    /// Output columns: household_id, rule, sev, since, ref_kind, ref_id, ref_text, n1, n2, t1, d1.
    public static let sql = """
    WITH
    act AS (
      SELECT id, COALESCE(activated_on, created_on) AS since, cadence_weeks, no_help_request, outreach_plan, next_attempt
      FROM household
      WHERE status = 'actief' AND (:team IS NULL OR team = :team) AND (:household IS NULL OR id = :household)
        AND team NOT IN (SELECT value FROM json_each(:excluded))),
    latest AS MATERIALIZED (
      SELECT s.household_id, s.member_id, s.domain, s.date, s.score, s.id,
             ROW_NUMBER() OVER (PARTITION BY s.household_id, s.member_id, s.domain ORDER BY s.date DESC, s.id DESC) AS rn
      FROM assessment s JOIN act ON act.id = s.household_id),
    need AS MATERIALIZED (
      SELECT d.household_id, d.domain FROM domain_state d JOIN act ON act.id = d.household_id
      WHERE d.status IN ('zorg', 'in-behandeling', 'wachtlijst')
      UNION
      SELECT l.household_id, l.domain FROM latest l
      LEFT JOIN domain_state d ON d.household_id = l.household_id AND d.domain = l.domain
      WHERE l.rn = 1 AND l.score <= 2 AND COALESCE(d.status, 'niet-besproken') NOT IN ('geen-zorg', 'opgelost')),
    need_count AS MATERIALIZED (SELECT household_id, count(*) AS n FROM need GROUP BY household_id),
    open_act AS MATERIALIZED (
      SELECT a.id, a.household_id, a.domain, a.status, a.due, a.created_on, a.carry_over, a.waiting_since, a.framework
      FROM action a JOIN act ON act.id = a.household_id WHERE a.status IN ('open', 'bezig', 'wachtlijst'))
    -- geen-regie: active ≥ 14 days, ≥ 2 domains in need, no accepted coordinator
    -- need_count only holds active households; joining it to household by primary key (not to the act CTE,
    -- which has no index) keeps this linear: act × need_count was a nested scan, 53 s at 100k households.
    SELECT h.id AS household_id, 'geen-regie' AS rule, 'hoog' AS sev, COALESCE(h.activated_on, h.created_on) AS since,
           'household' AS ref_kind, NULL AS ref_id, NULL AS ref_text, nc.n AS n1, NULL AS n2, NULL AS t1, NULL AS d1
    FROM need_count nc JOIN household h ON h.id = nc.household_id
    WHERE COALESCE(h.activated_on, h.created_on) <= :geen_regie_cut AND nc.n >= :geen_regie_min
      AND NOT EXISTS (SELECT 1 FROM coordinator c WHERE c.household_id = h.id AND c.status = 'geaccepteerd')
    UNION ALL
    -- regie-teruggekaatst: ≥ 2 declines within the window
    SELECT c.household_id, 'regie-teruggekaatst', 'middel', min(COALESCE(c.decided_on, c.proposed_on)), 'coordinator',
           (SELECT c2.id FROM coordinator c2 WHERE c2.household_id = c.household_id AND c2.status = 'afgewezen'
              AND COALESCE(c2.decided_on, c2.proposed_on) >= :bounce_from
            ORDER BY COALESCE(c2.decided_on, c2.proposed_on) DESC, c2.id DESC LIMIT 1),
           NULL, count(*), NULL,
           (SELECT COALESCE(c2.decline_reason, '') FROM coordinator c2 WHERE c2.household_id = c.household_id AND c2.status = 'afgewezen'
              AND COALESCE(c2.decided_on, c2.proposed_on) >= :bounce_from
            ORDER BY COALESCE(c2.decided_on, c2.proposed_on) DESC, c2.id DESC LIMIT 1), NULL
    FROM coordinator c JOIN act ON act.id = c.household_id
    WHERE c.status = 'afgewezen' AND COALESCE(c.decided_on, c.proposed_on) >= :bounce_from
    GROUP BY c.household_id HAVING count(*) >= :bounce_count
    UNION ALL
    -- actie-verlopen: open action past due
    SELECT a.household_id, 'actie-verlopen',
           CASE WHEN a.due <= :overdue_high THEN 'hoog' WHEN a.due <= :overdue_med THEN 'middel' ELSE 'laag' END,
           a.due, 'action', a.id, NULL, CAST(julianday(:today) - julianday(a.due) AS INTEGER), NULL,
           a.description, a.due
    -- Straight from action (not open_act): the overdue filter alone (`--rule actie-verlopen`) then needs
    -- no materialised copy of every open action, and the description needs no second lookup.
    FROM action a JOIN act ON act.id = a.household_id
    WHERE a.status IN ('open', 'bezig', 'wachtlijst') AND a.due <= :overdue_cut
    UNION ALL
    -- geparkeerd (action): carried over ≥ 2 times
    SELECT a.household_id, 'geparkeerd', 'middel', a.created_on, 'action', a.id, NULL, a.carry_over, NULL,
           (SELECT description FROM action WHERE id = a.id), NULL
    FROM open_act a WHERE a.carry_over >= :parked_carry
    UNION ALL
    -- geparkeerd (domain): in need, discussed in ≥ 3 meetings, no action since the first of them
    SELECT n.household_id, 'geparkeerd', 'middel', md.first, 'domain', NULL, n.domain, md.cnt, NULL, NULL, NULL
    FROM need n
    JOIN (SELECT m.household_id, d.domain, count(*) AS cnt, min(m.date) AS first
          FROM meeting_domain d JOIN meeting m ON m.id = d.meeting_id JOIN act ON act.id = m.household_id
          GROUP BY m.household_id, d.domain) md ON md.household_id = n.household_id AND md.domain = n.domain
    WHERE md.cnt >= :parked_meetings
      AND NOT EXISTS (SELECT 1 FROM action a WHERE a.household_id = n.household_id AND a.domain = n.domain
                      AND (a.status IN ('open', 'bezig', 'wachtlijst') OR a.created_on >= md.first))
    UNION ALL
    -- review-verlopen: no meeting for longer than the cadence + grace
    SELECT act.id, 'review-verlopen', 'middel', date(COALESCE(lm.last, act.since), '+' || (act.cadence_weeks * 7) || ' days'),
           'household', NULL, NULL, CAST(julianday(:today) - julianday(COALESCE(lm.last, act.since)) AS INTEGER), NULL, NULL, lm.last
    FROM act LEFT JOIN (SELECT m.household_id, max(m.date) AS last FROM meeting m GROUP BY m.household_id) lm ON lm.household_id = act.id
    WHERE julianday(:today) - julianday(COALESCE(lm.last, act.since)) >= act.cadence_weeks * 7 + :review_grace
    UNION ALL
    -- acuut-zonder-actie: latest score 1, no open action, for ≥ 2 days
    SELECT x.household_id, 'acuut-zonder-actie', 'hoog', x.date, 'domain', NULL, x.domain, NULL, NULL,
           (SELECT name FROM member WHERE id = x.member_id), x.date
    FROM (SELECT l.household_id, l.domain, l.member_id, l.date, min(l.date || '#' || printf('%019d', l.id)) AS k
          FROM latest l WHERE l.rn = 1 AND l.score = 1 GROUP BY l.household_id, l.domain) x
    WHERE x.date <= :acute_cut
      AND NOT EXISTS (SELECT 1 FROM open_act a WHERE a.household_id = x.household_id AND a.domain = x.domain)
    UNION ALL
    -- onvolledig: score ≤ 2 or status zorg, no open action, no recorded reason
    SELECT cand.household_id, 'onvolledig', 'middel', COALESCE(low.lastlow, ds.updated_on), 'domain', NULL, cand.domain,
           low.worst, NULL, NULL, NULL
    FROM (SELECT household_id, domain FROM latest WHERE rn = 1 AND score <= 2
          UNION SELECT d.household_id, d.domain FROM domain_state d JOIN act ON act.id = d.household_id WHERE d.status = 'zorg') cand
    LEFT JOIN domain_state ds ON ds.household_id = cand.household_id AND ds.domain = cand.domain
    LEFT JOIN (SELECT household_id, domain, min(score) AS worst, max(date) AS lastlow FROM latest
               WHERE rn = 1 AND score <= 2 GROUP BY household_id, domain) low
           ON low.household_id = cand.household_id AND low.domain = cand.domain
    WHERE COALESCE(ds.status, 'niet-besproken') NOT IN ('geen-zorg', 'opgelost')
      AND trim(COALESCE(ds.no_action_reason, ''), ' ' || char(9, 10, 13)) = ''
      AND NOT EXISTS (SELECT 1 FROM open_act a WHERE a.household_id = cand.household_id AND a.domain = cand.domain)
    UNION ALL
    -- een-domein: ≥ 3 domains in need, every open action in one domain
    SELECT o.household_id, 'een-domein', 'middel', min(o.created_on), 'domain', NULL, min(o.domain), nc.n, NULL, NULL, NULL
    FROM open_act o JOIN need_count nc ON nc.household_id = o.household_id
    WHERE nc.n >= :one_domain_min
    GROUP BY o.household_id HAVING count(DISTINCT o.domain) = 1
    UNION ALL
    -- wachtlijst: waiting longer than the threshold
    SELECT a.household_id, 'wachtlijst', CASE WHEN a.waiting_since <= :wait_high THEN 'hoog' ELSE 'middel' END, a.waiting_since,
           'action', a.id, NULL, CAST(julianday(:today) - julianday(a.waiting_since) AS INTEGER), NULL,
           (SELECT description FROM action WHERE id = a.id), a.waiting_since
    FROM open_act a WHERE a.status = 'wachtlijst' AND a.waiting_since <= :wait_cut
    UNION ALL
    -- wachtlijst-keten: ≥ 2 waiting episodes on a domain in need
    SELECT a.household_id, 'wachtlijst-keten', 'hoog', min(a.waiting_since), 'domain', NULL, a.domain, sum(a.waiting_episodes),
           NULL, NULL, NULL
    FROM action a JOIN need n ON n.household_id = a.household_id AND n.domain = a.domain
    WHERE a.waiting_episodes > 0
    GROUP BY a.household_id, a.domain HAVING sum(a.waiting_episodes) >= :chain AND min(a.waiting_since) IS NOT NULL
    UNION ALL
    -- voorliggend: ≥ 2 rejections "voorliggende voorziening" on a domain in need
    SELECT a.household_id, 'voorliggend', 'hoog', min(COALESCE(a.closed_on, a.created_on)), 'domain', NULL, a.domain, count(*),
           NULL, NULL, NULL
    FROM action a JOIN need n ON n.household_id = a.household_id AND n.domain = a.domain
    WHERE a.status = 'afgewezen' AND a.rejection_code = 'voorliggend'
    GROUP BY a.household_id, a.domain HAVING count(*) >= :precedence
    UNION ALL
    -- overgang: a member turns 18 soon, Jeugdwet help open, nothing tagged for the transition
    SELECT m.household_id, 'overgang', 'hoog', m.adult_on, 'member', m.id, NULL, NULL, NULL, m.name, m.adult_on
    FROM member m JOIN act ON act.id = m.household_id
    WHERE m.adult_on > :today AND m.adult_on <= :trans_end
      AND EXISTS (SELECT 1 FROM open_act a WHERE a.household_id = m.household_id AND a.framework = 'jeugdwet')
      AND NOT EXISTS (SELECT 1 FROM action a WHERE a.household_id = m.household_id AND a.transition = 1
                      AND a.status NOT IN ('vervallen', 'afgewezen'))
    UNION ALL
    -- toestemming (meeting): an attending organisation without a valid basis on the meeting day
    SELECT y.household_id, 'toestemming', 'hoog', y.date, 'meeting', y.meeting_id, NULL, y.org, NULL,
           COALESCE((SELECT name FROM organisation WHERE id = y.org), '#' || y.org), y.date
    FROM (SELECT m.household_id, m.id AS meeting_id, m.date, z.org, max(m.date || '#' || printf('%019d', m.id)) AS k
          FROM meeting m JOIN act ON act.id = m.household_id
          JOIN (SELECT at.meeting_id,
                       COALESCE(at.organisation_id,
                                CASE at.party_kind WHEN 'professional' THEN (SELECT p.organisation_id FROM professional p WHERE p.id = at.party_id)
                                                   WHEN 'organisation' THEN at.party_id END) AS org
                FROM attendee at WHERE at.presence != 'afwezig-met-bericht') z ON z.meeting_id = m.id
          WHERE m.date >= :consent_from AND m.date <= :today AND z.org IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.household_id = m.household_id AND c.organisation_id = z.org
                            AND c.basis != 'geen' AND (c.given_on IS NULL OR c.given_on <= m.date)
                            AND (c.expires_on IS NULL OR m.date <= c.expires_on))
          GROUP BY m.household_id, z.org) y
    UNION ALL
    -- toestemming (expiry): a consent expires within 30 days
    SELECT c.household_id, 'toestemming', 'middel', date(c.expires_on, '-' || :expiry_days || ' days'), 'consent', c.id, NULL,
           NULL, NULL, COALESCE((SELECT name FROM organisation WHERE id = c.organisation_id), '#' || c.organisation_id), c.expires_on
    FROM consent c JOIN act ON act.id = c.household_id
    WHERE c.basis = 'toestemming' AND c.expires_on >= :today AND c.expires_on <= :expiry_end
    UNION ALL
    -- geen-contact: no contact for ≥ 30 days
    SELECT act.id, 'geen-contact', 'middel', COALESCE(lc.last, act.since), 'household', NULL, NULL,
           CAST(julianday(:today) - julianday(COALESCE(lc.last, act.since)) AS INTEGER), NULL, NULL, lc.last
    FROM act LEFT JOIN (SELECT household_id, max(date) AS last FROM contact GROUP BY household_id) lc ON lc.household_id = act.id
    WHERE COALESCE(lc.last, act.since) <= :contact_cut
    UNION ALL
    -- score-daling: the last score is lower than the one before
    SELECT l1.household_id, 'score-daling',
           CASE WHEN l2.score - l1.score >= 2 OR l1.score = 1 THEN 'hoog' ELSE 'middel' END,
           l1.date, 'domain', NULL, l1.domain, l2.score, l1.score, (SELECT name FROM member WHERE id = l1.member_id), NULL
    FROM latest l1 JOIN latest l2 ON l2.household_id = l1.household_id AND l2.member_id = l1.member_id
                                  AND l2.domain = l1.domain AND l2.rn = 2
    WHERE l1.rn = 1 AND l1.score < l2.score
    UNION ALL
    -- geen-hulpvraag: no outreach plan or next attempt (or the attempt is overdue)
    SELECT act.id, 'geen-hulpvraag', 'middel',
           CASE WHEN trim(COALESCE(act.outreach_plan, ''), ' ' || char(9, 10, 13)) != '' AND act.next_attempt IS NOT NULL
                THEN act.next_attempt ELSE act.since END,
           'household', NULL, NULL,
           CASE WHEN trim(COALESCE(act.outreach_plan, ''), ' ' || char(9, 10, 13)) = '' THEN 1 ELSE 0 END,
           CASE WHEN act.next_attempt IS NULL THEN 1 ELSE 0 END, NULL, act.next_attempt
    FROM act
    WHERE act.no_help_request = 1
      AND (trim(COALESCE(act.outreach_plan, ''), ' ' || char(9, 10, 13)) = '' OR act.next_attempt IS NULL OR act.next_attempt < :today)
    UNION ALL
    -- escalatie-open: past the deadline without a decision
    SELECT e.household_id, 'escalatie-open', 'hoog', e.deadline, 'escalation', e.id, NULL,
           CAST(julianday(:today) - julianday(e.deadline) AS INTEGER), NULL, e.raised_to, e.deadline
    FROM escalation e JOIN act ON act.id = e.household_id
    WHERE e.decision IS NULL AND e.deadline < :today
    """

    /// Turns one result row into a finding worded by the core's `Evidence`.
    func finding(_ r: Row) -> StallFinding? {
        // By position, in the order of the output columns: a lookup by name scans the column
        // names, which for a city's million findings cost more than the decoding itself.
        guard let rule = StallRuleID(rawValue: r[1]), let sev = Severity(rawValue: r[2]),
              var since = (r[3] as String?).flatMap(Day.init(iso:)) else { return nil }
        let hid: Int64 = r[0]
        let refId: Int64? = r[5]
        let refText: String? = r[6]
        let n1: Int? = r[7], n2: Int? = r[8]
        let t1: String = r[9] ?? ""
        let d1 = (r[10] as String?).flatMap(Day.init(iso:))
        var ref: EvidenceRef = .household
        switch r[4] as String {
        case "action": ref = .action(refId ?? 0)
        case "domain": ref = .domain(refText ?? "")
        case "member": ref = .member(refId ?? 0)
        case "coordinator": ref = .coordinator(refId ?? 0)
        case "escalation": ref = .escalation(refId ?? 0)
        case "consent": ref = .consent(refId ?? 0)
        case "meeting": ref = .meeting(refId ?? 0)
        default: break
        }
        let ev: Message
        switch rule {
        case .geenRegie: ev = Evidence.geenRegie(activeSince: since, domainsInNeed: n1 ?? 0)
        case .regieTeruggekaatst: ev = Evidence.regieTeruggekaatst(declines: n1 ?? 0, lastReason: t1)
        case .actieVerlopen: ev = Evidence.actieVerlopen(description: t1, due: d1 ?? since, days: n1 ?? 0)
        case .geparkeerd:
            if case .action = ref { ev = Evidence.geparkeerdAction(description: t1, carried: n1 ?? 0) }
            else { ev = Evidence.geparkeerdDomain(domain: refText ?? "", meetings: n1 ?? 0) }
        case .reviewVerlopen: ev = Evidence.reviewVerlopen(last: d1, days: n1 ?? 0)
        case .acuutZonderActie: ev = Evidence.acuutZonderActie(domain: refText ?? "", member: t1, date: d1 ?? since)
        case .onvolledig: ev = Evidence.onvolledig(domain: refText ?? "", score: n1)
        case .eenDomein: ev = Evidence.eenDomein(domainsInNeed: n1 ?? 0, domain: refText ?? "")
        case .wachtlijst: ev = Evidence.wachtlijst(description: t1, since: d1 ?? since, days: n1 ?? 0)
        case .wachtlijstKeten: ev = Evidence.wachtlijstKeten(domain: refText ?? "", episodes: n1 ?? 0)
        case .voorliggend: ev = Evidence.voorliggend(domain: refText ?? "", rejections: n1 ?? 0)
        case .overgang:
            let birthday = d1 ?? since
            since = birthday.adding(months: -thresholds.transitionMonths)
            ev = Evidence.overgang(member: t1, birthday: birthday)
        case .toestemming:
            if case .consent = ref { ev = Evidence.toestemmingExpiry(organisation: t1, expires: d1 ?? since) }
            else { ev = Evidence.toestemmingMeeting(organisation: t1, meeting: d1 ?? since) }
        case .geenContact: ev = Evidence.geenContact(last: d1, days: n1 ?? 0)
        case .scoreDaling: ev = Evidence.scoreDaling(domain: refText ?? "", member: t1, from: n1 ?? 0, to: n2 ?? 0)
        case .geenHulpvraag:
            if (n1 ?? 0) == 0 && (n2 ?? 0) == 0 { ev = Evidence.geenHulpvraag(missingPlan: false, missingDate: false, overdue: d1) }
            else { ev = Evidence.geenHulpvraag(missingPlan: n1 == 1, missingDate: n2 == 1, overdue: nil) }
        case .escalatieOpen: ev = Evidence.escalatieOpen(raisedTo: t1, deadline: d1 ?? since, days: n1 ?? 0)
        }
        return StallFinding(rule: rule, householdId: hid, severity: sev, since: since, evidence: ev, ref: ref)
    }

    /// Runs the query keeping only rule, severity and since per household (the audit screen's
    /// summaries): no evidence text is built, so memory stays small for a whole city.
    func summaries(_ db: Database, filter: AuditFilter) throws -> [Int64: AuditSummary] {
        var args = arguments
        args["expiry_days"] = thresholds.consentExpiryDays
        // Grouped here rather than with GROUP BY: SQLite would sort 94,000 findings (at 10,000
        // households) to group them, which measured ~5 % slower than this dictionary.
        var acc: [Int64: (rules: Set<StallRuleID>, worst: Severity, oldest: Day)] = [:]
        // The query itself, not wrapped in `SELECT … FROM (query)`: measured slightly faster at 10,000
        // households (967 → 941 ms; the overdue filter 86 → 76 ms), the same at 100,000.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sqlText),
                                       arguments: StatementArguments(args))
        while let r = try rows.next() {
            guard let rule = StallRuleID(rawValue: r[1]), let sev = Severity(rawValue: r[2]),
                  var since = (r[3] as String?).flatMap(Day.init(iso:)) else { continue }
            if rule == .overgang, let birthday = (r[10] as String?).flatMap(Day.init(iso:)) {
                since = birthday.adding(months: -thresholds.transitionMonths)
            }
            guard filter.matches(rule: rule, since: since) else { continue }
            let hid: Int64 = r[0]
            var a = acc[hid] ?? ([], sev, since)
            a.rules.insert(rule)
            a.worst = max(a.worst, sev)
            a.oldest = min(a.oldest, since)
            acc[hid] = a
        }
        return acc.mapValues { AuditSummary(rules: $0.rules.sorted(), worst: $0.worst, daysStalled: max(0, $0.oldest.days(until: today))) }
    }

    /// Runs the query and returns the findings per household.
    func run(_ db: Database) throws -> [Int64: [StallFinding]] {
        var args = arguments
        args["expiry_days"] = thresholds.consentExpiryDays
        var out: [Int64: [StallFinding]] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sqlText), arguments: StatementArguments(args))
        while let r = try rows.next() {
            if let f = finding(r) { out[f.householdId, default: []].append(f) }
        }
        return out
    }

    /// The query as a self-contained script for the `sqlite3` shell (parameters inlined),
    /// so the benchmark's baseline runs exactly the same SQL.
    public func shellScript() -> String {
        var sql = sqlText
        var args = arguments
        args["expiry_days"] = thresholds.consentExpiryDays
        // Longest names first, so ":overdue_cut" is not cut by ":overdue".
        for (k, v) in args.sorted(by: { $0.key.count > $1.key.count }) {
            let literal: String
            switch v {
            case nil: literal = "NULL"
            case let s as String: literal = "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
            case let i as Int: literal = String(i)
            default: literal = "NULL"
            }
            sql = sql.replacingOccurrences(of: ":" + k, with: literal)
        }
        return sql + ";\n"
    }
}
