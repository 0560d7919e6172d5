/// Why a store operation failed, in terms the app and the command line can explain.
public enum CaseStoreError: Error, Hashable, Sendable {
    /// The user may not open this household; the message explains how access works.
    case accessDenied(household: Int64)
    /// A teamleider or beheerder must type a reason first (break-the-glass).
    case reasonRequired(household: Int64)
    /// A teamleider or beheerder who is not involved changes a household only within
    /// `SQLiteCaseStore.breakTheGlassHours` of opening it with a reason (logged).
    case writeReasonRequired(household: Int64)
    /// Someone else saved this record first; these fields changed.
    case conflict(entity: String, id: Int64, fields: [String])
    case notFound(entity: String, id: Int64)
    case rule(DomainError)
    case readOnly(path: String)
    /// The session was opened with `--read-only`: nothing is saved, but views are still logged.
    case readOnlySession(path: String)
    /// The access log cannot be written (the file is read-only), so a record is not shown.
    case logUnavailable(path: String)
    case locked(path: String)
    /// A cell that does not hold what its column promises (edited outside tafel, or a damaged disk).
    case damaged(table: String, id: Int64?, column: String)
    case diskFull(path: String)
    case notATafelDatabase(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case unreadable(path: String, reason: String)
    case notAllowed(String)
    /// Another team's audit: a teamleider types a reason first (break-the-glass, logged).
    case teamReasonRequired(team: String)
    /// A stale edit: both versions, to be shown side by side.
    case editConflict(EditConflict)

    public var message: Message {
        switch self {
        case .accessDenied: return Message("store.access-denied")
        case .reasonRequired: return Message("store.reason-required")
        case .writeReasonRequired(let h): return Message("store.write-reason-required", .number(Int(h)))
        case .conflict(let e, _, let fields):
            return Message("store.conflict", .key("entity.\(e)"), .keys(fields.map { "field.\($0)" }))
        case .notFound(let e, let id): return Message("error.not-found", .key("entity.\(e)"), .number(Int(id)))
        case .rule(let r): return r.message
        case .readOnly(let p): return Message("store.read-only", .text(p))
        case .readOnlySession: return Message("store.read-only-session")
        case .logUnavailable(let p): return Message("store.log-unavailable", .text(p))
        case .damaged(let t, let id, let c): return Message("store.damaged", .text(t), .text(id.map(String.init) ?? "?"), .text(c))
        case .locked(let p): return Message("store.locked", .text(p))
        case .diskFull(let p): return Message("store.disk-full", .text(p))
        case .notATafelDatabase(let p): return Message("store.not-tafel", .text(p))
        case .newerSchema(let p, let f, let s): return Message("store.newer-schema", .text(p), .number(f), .number(s))
        case .unreadable(let p, let r):
            // The reason is a catalogue key (store.reason.*), worded in the reader's language.
            return Message("store.unreadable", .text(p), r.hasPrefix("store.reason.") ? .key(r) : .text(r))
        case .notAllowed(let what): return Message("store.not-allowed", .key(what))
        case .teamReasonRequired(let team): return Message("store.team-reason-required", .text(team))
        case .editConflict(let c): return Message("store.edit-conflict", .key("entity.\(c.entity)"), .keys(c.fields.map { "field.\($0.field)" }))
        }
    }
}

/// Database-wide settings.
public struct StoreSettings: Hashable, Sendable, Codable {
    public var domainSet: String
    public init(domainSet: String) { self.domainSet = domainSet }
}

/// The store as the app sees it, in the core's terms. SQLite (GRDB) is the first implementation;
/// a PostgreSQL one can follow without touching the app. Every mutation is one transaction with
/// its audit event; every read of a household record is logged.
public protocol CaseStore: AnyObject {
    /// Where the data lives (shown in the title bar).
    var location: String { get }
    func settings() throws -> StoreSettings
    func roster() throws -> Roster
    func professional(login: String) throws -> Professional?
    /// Households the user may see in lists.
    func households(for user: Professional, today: Day) throws -> [HouseholdSummary]
    func caseload(for user: Professional, today: Day) throws -> Caseload
    /// The stalled households with every finding, most stalled first (reports).
    func audit(for user: Professional, config: SignalConfig, today: Day, filter: AuditFilter) throws -> [AuditRow]
    /// The stalled households as summaries (no evidence), most stalled first (the audit screen).
    func auditSummary(for user: Professional, config: SignalConfig, today: Day, filter: AuditFilter) throws -> [AuditRow]
    /// The findings of one household, with their evidence.
    func auditEvidence(householdId: Int64, for user: Professional, config: SignalConfig, today: Day) throws -> [StallFinding]
    /// Opens a household record after the access check; logs a view (with the reason, if given).
    func caseFile(_ id: Int64, for user: Professional, reason: String?) throws -> CaseFile
    /// Reads a household record without logging (only for the user's own caseload lines and
    /// meeting screens that were already opened with `caseFile`).
    func reload(_ id: Int64, for user: Professional) throws -> CaseFile
    /// Performs one intent in one write transaction: reads the household as it is now, checks
    /// access, asks the operation for its changes, writes them with one audit event, and returns
    /// the household file after the change. A stale edit throws `CaseStoreError.editConflict`.
    /// `householdId` is nil only for an intent that creates a household.
    @discardableResult
    func perform(_ operation: CaseOperation, householdId: Int64?, by user: Professional) throws -> OperationResult
    /// Households a new signal may be about, within the user's need-to-know (others only counted
    /// as "may exist", with whom to ask).
    func intakeSearch(_ query: IntakeQuery, for user: Professional) throws -> IntakeResult
    /// The access and change log (teamleider/beheerder only).
    func accessLog(for user: Professional, householdId: Int64?, limit: Int) throws -> [AuditEvent]
    /// True once after another process committed a change (polled by the app).
    func hasExternalChanges() throws -> Bool
    /// Logs an export of a household record.
    func logExport(householdId: Int64?, what: String, by user: Professional) throws
    /// Another team's audit for a teamleider: logs the break-the-glass with its reason and returns the
    /// user with that team in scope (`teamReasonRequired` without a reason).
    func widenTeamScope(_ user: Professional, to team: String, reason: String?) throws -> Professional
}
