import GRDB
import GRDBSQLite
import TafelCore

/// Reads households' findings from prepared statements through SQLite's C interface and lends
/// them, most serious first, to the audit listing.
///
/// The statement's columns are `rule, severity, middel_on, hoog_on, since, evidence` and its first
/// parameter is the household. Evidence bytes are copied into one reused buffer, so a household costs
/// no allocation once the buffer has grown; the order (severity descending, oldest first, then the
/// rules' order of DESIGN §5) is the one `FindingIndex` gives every other audit view.
struct HouseholdFindingReader {
    private let statement: OpaquePointer
    private let today: Int
    private var bytes: [UInt8] = []
    private var rows: [Entry] = []
    /// Every household's rows, read in one pass (`preload`): household → its slice of `rows`.
    private var preloaded: [Int64: Range<Int>]?
    private var current: [Entry] = []
    /// The rules' names as bytes, in their listing order (a finding's rule is matched without a String).
    private let ruleNames: [[UInt8]] = StallRuleID.allCases.map { Array($0.rawValue.utf8) }

    private struct Entry {
        var rule: Int
        var severity: Int
        var since: Int
        var start: Int
        var count: Int
    }

    init(statement: OpaquePointer, today: Day) {
        self.statement = statement
        self.today = today.ordinal
        bytes.reserveCapacity(4096)
    }

    /// Binds a parameter that stays the same for every household (a rule or a since-day filter).
    func bind(_ index: Int32, text: String) {
        // SQLITE_TRANSIENT: SQLite keeps its own copy, the Swift string may go.
        sqlite3_bind_text(statement, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    func bind(_ index: Int32, int: Int) {
        sqlite3_bind_int64(statement, index, Int64(int))
    }

    /// Reads every household's rows at once from `all` (the same columns after a leading
    /// `household_id`, ordered by household): one pass instead of a statement per household, for
    /// listings small enough to hold (the caller decides; see `streamAudit`).
    /// Returns each household's oldest finding day (the day its stall is counted from).
    mutating func preload(_ all: OpaquePointer) throws -> [Int64: Int] {
        let ranges = try step(all, columnOffset: 1)
        preloaded = ranges
        return ranges.mapValues { range in rows[range].lazy.map(\.since).min() ?? 0 }
    }

    /// Keeps one household's rows, ordered: from the preloaded pass, or by running the statement.
    mutating func read(household: Int64) throws {
        if let preloaded {
            current.removeAll(keepingCapacity: true)
            if let range = preloaded[household] { current.append(contentsOf: rows[range]) }
        } else {
            bytes.removeAll(keepingCapacity: true)
            rows.removeAll(keepingCapacity: true)
            sqlite3_bind_int64(statement, 1, household)
            _ = try step(statement, columnOffset: 0)
            swap(&current, &rows)
        }
        current.sort { ($1.severity, $0.since, $0.rule) < ($0.severity, $1.since, $1.rule) }
    }

    /// Steps `statement` to its end, appending each row (columns from `columnOffset`) to `rows`.
    /// With a leading household column (offset 1), returns each household's slice of `rows`.
    private mutating func step(_ statement: OpaquePointer, columnOffset c: Int32) throws -> [Int64: Range<Int>] {
        defer { sqlite3_reset(statement) }
        var ranges: [Int64: Range<Int>] = [:]
        var household: Int64 = -1
        var first = 0
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
            }
            if c == 1 {
                let h = sqlite3_column_int64(statement, 0)
                if h != household {
                    if household >= 0 { ranges[household] = first..<rows.count }
                    household = h
                    first = rows.count
                }
            }
            guard let rule = ruleIndex(statement, c) else { continue }
            var severity = Int(sqlite3_column_int64(statement, c + 1))
            if sqlite3_column_type(statement, c + 3) != SQLITE_NULL, Int(sqlite3_column_int64(statement, c + 3)) <= today {
                severity = 2
            } else if sqlite3_column_type(statement, c + 2) != SQLITE_NULL, Int(sqlite3_column_int64(statement, c + 2)) <= today {
                severity = max(severity, 1)
            }
            let start = bytes.count
            let count = Int(sqlite3_column_bytes(statement, c + 5))
            if count > 0, let text = sqlite3_column_text(statement, c + 5) {
                bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
            }
            rows.append(Entry(rule: rule, severity: severity, since: Int(sqlite3_column_int64(statement, c + 4)), start: start, count: count))
        }
        if household >= 0 { ranges[household] = first..<rows.count }
        return ranges
    }

    /// Lends each kept row to `body`, in order; the evidence is valid only during the call.
    func forEach(_ body: (AuditLine) throws -> Void) throws {
        let rules = StallRuleID.allCases
        try bytes.withUnsafeBufferPointer { all in
            for row in current {
                let evidence = UnsafeBufferPointer(rebasing: all[row.start..<(row.start + row.count)])
                try body(AuditLine(rule: rules[row.rule], order: row.rule, severity: FindingIndex.severity(row.severity), since: Day(ordinal: row.since), evidence: evidence))
            }
        }
    }

    /// The listing position of the current row's rule, nil for a rule this build does not know.
    private func ruleIndex(_ statement: OpaquePointer, _ column: Int32) -> Int? {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        let name = UnsafeBufferPointer(start: text, count: count)
        return ruleNames.firstIndex { $0.elementsEqual(name) }
    }
}
