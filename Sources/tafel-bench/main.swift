import Foundation
import TafelApp
import TafelCore
import TafelStore
import TerminalKit
import GRDBSQLite

// tafel-bench: builds synthetic municipalities and measures tafel against the sqlite3 shell and
// taskwarrior on the same data. See Docs/PERFORMANCE.md for the method.
//
//   swift run -c release tafel-bench [--sizes 1000,10000,100000] [--dir DIR] [--keys 1000] [--no-taskwarrior]
//
// Each size is measured in a child process (`tafel-bench --child DB`), so peak RSS is the app's alone.

let args = CommandLine.arguments
func option(_ name: String) -> String? { args.firstIndex(of: name).flatMap { args.indices.contains($0 + 1) ? args[$0 + 1] : nil } }
/// What the benchmark understands; anything else is refused before any work starts.
let usage = """
    tafel-bench: times tafel at city scale (Docs/PERFORMANCE.md explains the figures).

    USAGE: tafel-bench [--sizes N,N,…] [--dir DIR] [--today YYYY-MM-DD] [--keys N] [--no-taskwarrior]
           tafel-bench --audit-only DB | --summary-only DB [--rule RULE] | --child-rss DB | --child DB [--keys N]
           tafel-bench --open-audit DB [--login LOGIN]

      --sizes N,N,…      households per generated city (default 1000,10000,100000)
      --dir DIR          where the cities are generated and kept (default $TMPDIR/tafel-bench)
      --today DAY        the day the audit is computed for (default 2026-11-23)
      --keys N           key presses per screen in the pty measurement (default 1000)
      --no-taskwarrior   skip the taskwarrior comparison
      --audit-only DB    time the full audit of one database and stop
      --summary-only DB  time the audit screen's query of one database (optionally one --rule)
      --child-rss DB     print the peak memory per step of opening one database
      --open-audit DB    time a new session's audit screen (the team leader p2, or --login)
      -h, --help         this text

    """
let known: Set<String> = ["--sizes", "--dir", "--today", "--keys", "--no-taskwarrior", "--audit-only", "--summary-only", "--rule",
                          "--child-rss", "--child", "--open-audit", "--login", "-h", "--help"]
if args.contains("-h") || args.contains("--help") {
    FileHandle.standardOutput.write(Data(usage.utf8))
    exit(0)
}
if let unknown = args.dropFirst().first(where: { $0.hasPrefix("-") && !known.contains($0) }) {
    FileHandle.standardError.write(Data("tafel-bench: unknown option \(unknown)\n\n\(usage)".utf8))
    exit(2)
}
guard let today = Day(iso: option("--today") ?? "2026-11-23") else {
    FileHandle.standardError.write(Data("tafel-bench: --today needs a day as YYYY-MM-DD\n".utf8))
    exit(2)
}

/// Monotonic seconds.
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let t0 = now()
    let r = try body()
    return (r, now() - t0)
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return 0 }
    return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
}

/// Peak resident set size of this process (VmHWM). Not `getrusage`: on Linux its `ru_maxrss`
/// carries over from the parent across fork, which would blame the app for the benchmark's memory.
func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
    return kb / 1024
}

/// Runs a shell command and returns its wall time (best of `runs`).
func shellTime(_ command: String, runs: Int = 3) -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let t0 = now()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
        best = min(best, now() - t0)
    }
    return best
}

// MARK: - Child: the app's own figures for one database

struct ChildFigures: Codable {
    var households: Int
    var openCaseloadMemory: Double
    var openAuditMemory: Double
    /// The audit screen in an open session: the key (3) to its first frame with rows.
    var auditKeyToFrame: Double
    var openCaseloadCurses: Double
    var fullAudit: Double
    /// The audit filtered on overdue actions (`tafel audit --rule actie-verlopen`): the question `task overdue` answers.
    var overdueReport: Double
    /// One worker's open actions (the caseload query): the question `task +owner list` answers.
    var ownerReport: Double
    var householdScreen: Double
    var keysCaseload: [Double]
    var keysAudit: [Double]
    var keysMeeting: [Double]
    var cursorMoveBytes: Int
    var peakRSS: Double
    var auditRows: Int
    /// While the audit screen loads: the longest time from a key to its frame, how many keys were
    /// handled meanwhile, and how long the load took (the load runs off the main thread).
    var auditLoadKeyGap: Double
    var auditLoadKeys: Int
    var auditLoadSeconds: Double
}

/// Presses j/k every 2 ms while the audit screen loads, as the loop does (answers drained,
/// key handled, frame drawn), and reports the longest key-to-frame time and the load time.
func keysWhileTheAuditLoads(_ rt: AppRuntime) -> (gap: Double, keys: Int, load: Double) {
    let t0 = now()
    rt.handle(.char("3"))
    rt.render()
    var gap = 0.0, keys = 0
    // Until the audit's rows are drawn (each j/k then asks for that row's evidence, so "busy"
    // would never end while keys keep coming).
    while !rt.state.audit.loaded {
        let start = now()
        rt.drainInbox()
        rt.handle(keys % 2 == 0 ? .char("j") : .char("k"))
        rt.render()
        gap = max(gap, now() - start)
        keys += 1
        if now() - t0 > 60 { break }
        usleep(2000)
    }
    return (gap, keys, now() - t0)
}

func makeRuntime(store: SQLiteCaseStore, login: String, backend: any TerminalBackend) throws -> AppRuntime {
    let user = try store.professional(login: login)!
    let clock = FixedClock(today)
    let state = AppState(user: user, roster: try store.roster(), domainOrder: try store.domainOrder(), databaseName: "bench",
                         keymap: Keymap.defaults, strings: Strings(.nl), today: today, now: Int64(clock.now.timeIntervalSince1970),
                         size: backend.size)
    let session = EffectInterpreter.Session(user: user, signalConfig: SignalConfig(), strings: Strings(.nl), domainOrder: state.domainOrder,
                                            exportDirectory: NSTemporaryDirectory(),
                                            drafts: DraftStore(directory: NSTemporaryDirectory() + "tafel-bench-drafts-\(getpid())"))
    return AppRuntime(state: state, backend: backend, interpreter: EffectInterpreter(store: store, clock: clock, session: session),
                      clock: clock, themes: ThemeLibrary(), monochrome: false)
}

extension AppRuntime {
    /// Starts on a screen and waits until its data is drawn.
    func open(_ screen: Command) {
        start([.command(screen)])
        settle()
        render()
    }

    /// Opens a household record (and its meeting) and waits for it.
    func openRecord(_ id: Int64, meeting: Bool) {
        dispatch(.openHousehold(id, reason: "benchmark", then: meeting ? .meeting(anotherToday: false) : .show))
        settle()
        render()
    }
}

func child(_ path: String) throws {
    let size = Size(width: 100, height: 30)
    // Open → first full frame of the caseload (a generalist) and of the audit (a teamleider).
    let (_, openCaseload) = try time {
        let store = try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false)
        let rt = try makeRuntime(store: store, login: "p3", backend: MemoryBackend(size: size))
        rt.open(.screenCaseload)
    }
    // Also the audit screen alone, in a session already open: the team leader presses 3.
    var auditKeyToFrame = 0.0
    let (_, openAudit) = try time {
        let store = try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false)
        let rt = try makeRuntime(store: store, login: "p2", backend: MemoryBackend(size: size))
        auditKeyToFrame = time { rt.open(.screenAudit) }.1
    }
    let store = try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false)
    let households = try store.householdCount()
    // The same with the real curses backend, headless (output to a file).
    let out = NSTemporaryDirectory() + "tafel-bench-\(getpid()).out"
    let curses = try CursesBackend(headlessSize: size, outputPath: out)
    defer { curses.shutdown(); try? FileManager.default.removeItem(atPath: out) }
    let (_, openCurses) = try time {
        let s2 = try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false)
        let rt = try makeRuntime(store: s2, login: "p3", backend: curses)
        rt.open(.screenCaseload)
    }
    // A cursor move on each list screen: bytes written by curses (the largest of the three).
    var moveBytes = 0
    for (screen, login) in [(Command.screenHouseholds, "p3"), (.screenCaseload, "p3"), (.screenAudit, "p2")] {
        let cursesRuntime = try makeRuntime(store: store, login: login, backend: curses)
        cursesRuntime.open(screen)
        cursesRuntime.handle(.char("j")); cursesRuntime.settle(); cursesRuntime.render()
        let before = curses.bytesWritten
        cursesRuntime.handle(.char("j")); cursesRuntime.settle(); cursesRuntime.render()
        let bytes = curses.bytesWritten - before
        if ProcessInfo.processInfo.environment["TAFEL_BENCH_TRACE"] != nil {
            FileHandle.standardError.write(Data("cursor move on \(screen): \(bytes) bytes\n".utf8))
        }
        moveBytes = max(moveBytes, bytes)
    }
    // The full audit computation.
    let lead = try store.professional(login: "p2")!
    let (rows, fullAudit) = try time { try store.audit(for: lead, config: SignalConfig(), today: today, filter: AuditFilter()) }
    // The two reports taskwarrior is compared on, best of three (like the shell baselines).
    var overdueReport = Double.infinity, ownerReport = Double.infinity
    let worker = try store.professional(login: "p3")!
    for _ in 0..<3 {
        overdueReport = min(overdueReport, try time { try store.auditSummary(for: lead, config: SignalConfig(), today: today, filter: AuditFilter(rule: .actieVerlopen)) }.1)
        ownerReport = min(ownerReport, try time { try store.caseload(for: worker, today: today) }.1)
    }
    // Keystrokes: handle + render, one at a time.
    let keys = Int(option("--keys") ?? "1000") ?? 1000
    func keystrokes(_ rt: AppRuntime, _ script: [KeyEvent]) -> [Double] {
        var out: [Double] = []
        var slow: [String: [Double]] = [:]
        for i in 0..<keys {
            let k = script[i % script.count]
            let (_, d) = time { rt.handle(k); rt.settle(); rt.render() }
            out.append(d)
            slow["\(rt.state.screen)/\(k.name)", default: []].append(d)
        }
        if ProcessInfo.processInfo.environment["TAFEL_BENCH_TRACE"] != nil {
            for (k, v) in slow.sorted(by: { $0.key < $1.key }) {
                FileHandle.standardError.write(Data("\(k): p50 \(percentile(v, 0.5) * 1000) p99 \(percentile(v, 0.99) * 1000) ms\n".utf8))
            }
        }
        return out
    }
    let caseloadRT = try makeRuntime(store: store, login: "p3", backend: MemoryBackend(size: size))
    caseloadRT.open(.screenCaseload)
    let kc = keystrokes(caseloadRT, Array(repeating: KeyEvent.char("j"), count: 8) + Array(repeating: KeyEvent.char("k"), count: 8))
    let auditRT = try makeRuntime(store: store, login: "p2", backend: MemoryBackend(size: size))
    auditRT.open(.screenAudit)
    let ka = keystrokes(auditRT, Array(repeating: KeyEvent.char("j"), count: 20) + Array(repeating: KeyEvent.char("k"), count: 20))
    // The household screen: open a record (with its access log entry) and draw it.
    let meetingRT = try makeRuntime(store: store, login: "p2", backend: MemoryBackend(size: size))
    let target = rows.first?.householdId ?? 1
    meetingRT.open(.screenHouseholds)
    let (_, householdScreen) = time { meetingRT.openRecord(target, meeting: false) }
    meetingRT.handle(.char("m"))
    meetingRT.settle()
    meetingRT.render()
    let km = keystrokes(meetingRT, [.function(8), .char("j"), .char("j"), .char("k"), .char("k"), .char("f"), .char("j"), .char("f"),
                                    .function(5), .char("j"), .char("k"), .function(7), .char("j"), .char("k"), .tab, .backTab])
    let loadRT = try makeRuntime(store: store, login: "p2", backend: MemoryBackend(size: size))
    loadRT.open(.screenCaseload)
    let during = keysWhileTheAuditLoads(loadRT)
    let figures = ChildFigures(households: households, openCaseloadMemory: openCaseload, openAuditMemory: openAudit, auditKeyToFrame: auditKeyToFrame,
                               openCaseloadCurses: openCurses, fullAudit: fullAudit,
                               overdueReport: overdueReport, ownerReport: ownerReport, householdScreen: householdScreen,
                               keysCaseload: kc, keysAudit: ka, keysMeeting: km, cursorMoveBytes: moveBytes,
                               peakRSS: try rssOfOneSession(path), auditRows: rows.count,
                               auditLoadKeyGap: during.gap, auditLoadKeys: during.keys, auditLoadSeconds: during.load)
    FileHandle.standardOutput.write(try JSONEncoder().encode(figures))
}


/// Peak RSS of a process that does what one user session does: open, caseload, households,
/// audit, a household, a meeting and a thousand keys (measured in its own process).
func rssOfOneSession(_ path: String) throws -> Double {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    p.arguments = ["--child-rss", path]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan
}

if args.contains("--child-rss") {
    let path = option("--child-rss")!
    let store = try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false)
    let rt = try makeRuntime(store: store, login: "p2", backend: MemoryBackend(size: Size(width: 100, height: 30)))
    let trace = ProcessInfo.processInfo.environment["TAFEL_BENCH_TRACE"] != nil
    func mark(_ s: String) { if trace { FileHandle.standardError.write(Data("\(s): \(peakRSSMegabytes()) MB sqlite hw \(sqlite3_memory_highwater(0) / 1_000_000) MB\n".utf8)) } }
    mark("open")
    rt.open(.screenCaseload)
    mark("caseload")
    for c in [Command.screenHouseholds, .screenAudit] { rt.dispatch(.command(c)); rt.settle(); rt.render(); mark("\(c)") }
    let first = rt.state.audit.rows.first?.householdId ?? 1
    rt.openRecord(first, meeting: true)
    mark("meeting")
    for i in 0..<1000 { rt.handle([KeyEvent.tab, .char("j"), .char("k"), .backTab][i % 4]); rt.settle(); rt.render() }
    mark("keys")
    print(String(format: "%.1f", peakRSSMegabytes()))
    exit(0)
}

// `tafel-bench --summary-only DB [--rule ID]`: the audit screen's query (all signals, then overdue only),
// best of three (TAFEL_BENCH_RUNS), each run printed with TAFEL_BENCH_TRACE.
if let path = option("--summary-only") {
    let store = try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false)
    let lead = try store.professional(login: "p2")!
    // `--rule ID` narrows it to one filter, repeated, for a profiler.
    let only = option("--rule").flatMap(StallRuleID.init(rawValue:))
    for f in only.map({ [AuditFilter(rule: $0)] }) ?? [AuditFilter(), AuditFilter(rule: .actieVerlopen)] {
        var best = Double.infinity
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["TAFEL_BENCH_RUNS"] ?? "") ?? (only == nil ? 3 : 30)) {
            let t = try time { try store.auditSummary(for: lead, config: SignalConfig(), today: today, filter: f) }.1
            if ProcessInfo.processInfo.environment["TAFEL_BENCH_TRACE"] != nil { print(String(format: "  run: %.1f ms", t * 1000)) }
            best = min(best, t)
        }
        print("\(f.rule?.rawValue ?? "all"): \(String(format: "%.1f", best * 1000)) ms")
    }
    exit(0)
}
// `tafel-bench --open-audit DB [--login L]`: a session opens on the audit screen, as the team leader
// (or L) starts `tafel` and presses 3; prints the store's opening and the key-to-frame time (for a profiler).
if let path = option("--open-audit") {
    if ProcessInfo.processInfo.environment["TAFEL_BENCH_CASELOAD_FIRST"] != nil {
        let other = try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false)
        let first = try makeRuntime(store: other, login: "p3", backend: MemoryBackend(size: Size(width: 100, height: 30)))
        let t = time { first.open(.screenCaseload) }.1
        print(String(format: "caseload first: %.1f ms", t * 1000))
    }
    let (store, opening) = try time { try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false) }
    let (rt, runtime) = try time { try makeRuntime(store: store, login: option("--login") ?? "p2", backend: MemoryBackend(size: Size(width: 100, height: 30))) }
    let frame = time { rt.open(.screenAudit) }.1
    print(String(format: "store %.1f ms, runtime %.1f ms, key 3 → audit frame %.1f ms (%d rows)", opening * 1000, runtime * 1000, frame * 1000,
                 rt.state.audit.rows.count))
    exit(0)
}
// `tafel-bench --audit-only DB`: just the full audit, for a profiler (perf record, valgrind --tool=callgrind).
if let path = option("--audit-only") {
    let store = try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false)
    let lead = try store.professional(login: "p2")!
    let (rows, seconds) = try time { try store.audit(for: lead, config: SignalConfig(), today: today, filter: AuditFilter()) }
    print("\(rows.count) households in \(String(format: "%.1f", seconds * 1000)) ms")
    exit(0)
}

if args.contains("--child") {
    do { try child(option("--child")!) } catch {
        FileHandle.standardError.write(Data("child failed: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

// MARK: - Parent: generate, baseline, report

let sizes = (option("--sizes") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
let dir = option("--dir") ?? (NSTemporaryDirectory() + "tafel-bench")
try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
let useTaskwarrior = !args.contains("--no-taskwarrior") && shellTime("command -v task", runs: 1) < 5 &&
    FileManager.default.isExecutableFile(atPath: "/usr/bin/task")

func generate(_ n: Int) throws -> String {
    let path = "\(dir)/municipality-\(n).sqlite"
    if FileManager.default.fileExists(atPath: path) { return path }
    let store = try SQLiteCaseStore(path: path, clock: FixedClock(today))
    let m = SyntheticMunicipality(households: n, seed: 1, today: today)
    var ids = IdSequences()
    let staff = m.teamProfessionals, partners = m.partnerProfessionals
    var done = 0
    let t0 = now()
    while done < n {
        let k = min(1000, n - done)
        let files = (done..<(done + k)).map { m.household($0, ids: &ids, teamStaff: staff, partners: partners) }
        try store.bulkInsert(organisations: done == 0 ? m.organisations : [], professionals: done == 0 ? m.professionals : [],
                             households: files, actor: "bench", summary: "generated")
        done += k
    }
    try store.setDemoLogin("p2")
    try store.checkpoint()
    FileHandle.standardError.write(Data("generated \(n) households in \(String(format: "%.1f", now() - t0)) s\n".utf8))
    return path
}

/// Exports the actions as taskwarrior tasks (pending when open, completed otherwise).
func taskwarriorData(_ path: String, n: Int) throws -> String {
    let twDir = "\(dir)/taskwarrior-\(n)"
    if FileManager.default.fileExists(atPath: "\(twDir)/pending.data") { return twDir }
    try? FileManager.default.createDirectory(atPath: twDir, withIntermediateDirectories: true)
    let store = try SQLiteCaseStore(path: path, clock: FixedClock(today), create: false)
    var lines: [String] = []
    let doc = try store.exportDocument()
    for f in doc.households {
        for a in f.actions {
            var task: [String: Any] = ["description": a.description, "project": "hh\(f.household.id)",
                                       "status": a.isOpen ? "pending" : "completed", "entry": a.createdOn.iso.replacingOccurrences(of: "-", with: "") + "T000000Z",
                                       "uuid": String(format: "00000000-0000-4000-8000-%012d", a.id)]
            if let d = a.due { task["due"] = d.iso.replacingOccurrences(of: "-", with: "") + "T000000Z" }
            if let o = a.owner { task["tags"] = ["\(o.kind.rawValue)\(o.id)"] }
            if !a.isOpen { task["end"] = (a.closedOn ?? a.createdOn).iso.replacingOccurrences(of: "-", with: "") + "T000000Z" }
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: task, options: [.sortedKeys]), as: UTF8.self))
        }
    }
    let file = "\(twDir)/tasks.json"
    try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
    try "data.location=\(twDir)\nconfirmation=off\nverbose=nothing\ngc=off\nrecurrence=off\n".write(toFile: "\(twDir)/taskrc", atomically: true, encoding: .utf8)
    let t0 = now()
    _ = shellTime("TASKRC=\(twDir)/taskrc task import \(file)", runs: 1)
    FileHandle.standardError.write(Data("taskwarrior import of \(lines.count) tasks: \(String(format: "%.1f", now() - t0)) s\n".utf8))
    return twDir
}

struct Row { var label: String; var values: [String] }
var table: [Row] = []
let me = CommandLine.arguments[0]
for n in sizes {
    let path = try generate(n)
    // The app's figures, in a child process.
    let p = Process()
    p.executableURL = URL(fileURLWithPath: me)
    p.arguments = ["--child", path, "--keys", option("--keys") ?? "1000"]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let f = try JSONDecoder().decode(ChildFigures.self, from: data)
    // Baselines on the same file, in the same run.
    let auditSQL = "\(dir)/audit-\(n).sql"
    try SQLiteCaseStore.auditShellScript(today: today).write(toFile: auditSQL, atomically: true, encoding: .utf8)
    let sqliteAudit = shellTime("sqlite3 \(path) < \(auditSQL) > /dev/null")
    let caseloadSQL = "\(dir)/caseload-\(n).sql"
    try """
    SELECT a.*, h.name FROM action a JOIN household h ON h.id = a.household_id
    WHERE a.owner_kind = 'professional' AND a.owner_id = (SELECT id FROM professional WHERE login = 'p3')
      AND a.status IN ('open', 'bezig', 'wachtlijst') AND h.status != 'afgesloten' ORDER BY a.due;
    """.write(toFile: caseloadSQL, atomically: true, encoding: .utf8)
    let sqliteCaseload = shellTime("sqlite3 \(path) < \(caseloadSQL) > /dev/null")
    var twOverdue = Double.nan, twOwner = Double.nan
    if useTaskwarrior && n <= 10_000 {
        let tw = try taskwarriorData(path, n: n)
        twOverdue = shellTime("TASKRC=\(tw)/taskrc task rc.gc=off overdue", runs: 2)
        twOwner = shellTime("TASKRC=\(tw)/taskrc task rc.gc=off +professional3 list", runs: 2)
    }
    func ms(_ s: Double) -> String { s.isNaN ? "—" : String(format: "%.1f", s * 1000) }
    func ratio(_ a: Double, _ b: Double) -> String { (a.isNaN || b.isNaN) ? "—" : String(format: "%.2f×", a / b) }
    let k = f.keysCaseload + f.keysAudit + f.keysMeeting
    table.append(Row(label: "\(n)", values: [
        ms(f.fullAudit), ms(sqliteAudit), ratio(f.fullAudit, sqliteAudit),
        ms(f.openCaseloadMemory), ms(f.openCaseloadCurses), ms(sqliteCaseload), ratio(f.openCaseloadMemory, sqliteCaseload),
        ms(f.openAuditMemory), ms(f.auditKeyToFrame), ms(f.householdScreen),
        ms(percentile(f.keysCaseload, 0.5)), ms(percentile(f.keysCaseload, 0.99)),
        ms(percentile(f.keysAudit, 0.5)), ms(percentile(f.keysAudit, 0.99)),
        ms(percentile(f.keysMeeting, 0.5)), ms(percentile(f.keysMeeting, 0.99)), ms(percentile(k, 0.99)),
        String(format: "%.0f", f.peakRSS), String(f.cursorMoveBytes),
        ms(f.overdueReport), ms(twOverdue), ratio(twOverdue, f.overdueReport),
        ms(f.ownerReport), ms(twOwner), ratio(twOwner, f.ownerReport), ratio(twOverdue, f.fullAudit), String(f.auditRows),
        ms(f.auditLoadSeconds), String(f.auditLoadKeys), ms(f.auditLoadKeyGap),
    ]))
}
let headers = ["households", "audit ms", "sqlite3 audit ms", "audit / sqlite3",
               "open→caseload frame ms (memory)", "open→caseload frame ms (curses)", "sqlite3 caseload ms", "open / sqlite3",
               "open→audit frame ms", "key 3→audit frame ms", "household screen ms",
               "keys caseload p50", "p99", "keys audit p50", "p99", "keys meeting p50", "p99", "all keys p99",
               "peak RSS MB", "cursor move bytes",
               "overdue report ms", "task overdue ms", "task / tafel", "owner report ms", "task +owner list ms", "task / tafel",
               "task overdue / full audit", "audit rows",
               "audit screen load ms", "keys during load", "longest key→frame during load ms"]
print("| " + headers.joined(separator: " | ") + " |")
print("|" + headers.map { _ in "---" }.joined(separator: "|") + "|")
for r in table { print("| " + ([r.label] + r.values).joined(separator: " | ") + " |") }
