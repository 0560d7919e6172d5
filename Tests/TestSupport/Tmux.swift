import Foundation

/// Drives a program in a real terminal: a private tmux server (no user config), one session,
/// `send-keys`, and `capture-pane` polled until the expected text appears.
public final class Tmux: @unchecked Sendable {
    public let socket: String
    public let session = "t"
    private static let counter = Counter()

    final class Counter: @unchecked Sendable {
        private var n = 0
        private let lock = NSLock()
        func next() -> Int { lock.withLock { n += 1; return n } }
    }

    /// Whether tmux can be used here (the end-to-end tests are skipped with a message otherwise).
    public static let available: Bool = spawn(["tmux", "-V"], output: "/dev/null") == 0

    /// Starts `command` in a fresh pane of the given size. When the program ends the pane prints
    /// `EXIT=<code>` and the terminal's `icanon`/`echo` settings, then waits.
    public init(_ command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "tafel-e2e-\(getpid())-\(Tmux.counter.next())"
        let env = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let script = "\(env) \(command); echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 120"
        try run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "sh", "-c", script], capture: false)
    }

    /// Starts an interactive shell (with job control, for Ctrl-Z and `fg`) in a fresh pane; send
    /// it command lines with `send`.
    public init(interactiveShellWidth width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "tafel-e2e-\(getpid())-\(Tmux.counter.next())"
        let env = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
                 "sh", "-c", "\(env) PS1='$ ' exec bash --norc --noprofile -i"], capture: false)
    }

    deinit { _ = try? run(["kill-server"], capture: false) }

    /// Runs a tmux command with posix_spawn. (Foundation's `Process` waits for pipes that the
    /// daemonised tmux server inherits, and never returns.) Output goes through a file.
    @discardableResult
    public func run(_ args: [String], capture: Bool = true) throws -> String {
        let out = capture ? NSTemporaryDirectory() + "tmux-\(socket)-\(UUID().uuidString.prefix(6)).out" : "/dev/null"
        defer { if capture { try? FileManager.default.removeItem(atPath: out) } }
        let status = Tmux.spawn(["tmux", "-L", socket, "-f", "/dev/null"] + args, output: out)
        guard status >= 0 else { throw NSError(domain: "tmux", code: Int(status)) }
        return capture ? ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") : ""
    }

    public typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    public static let addCloseFrom: AddCloseFrom? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// Whether tmux is started without the test process's other open files (see `spawn`).
    public static var closesInheritedDescriptors: Bool { addCloseFrom != nil }

    static func spawn(_ args: [String], output: String) -> Int32 {
        var pid: pid_t = 0
        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fa, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else may leak into tmux: tests run in parallel, and a pipe that another test's
        // `Shell.run` has open at this moment would be held by the daemonised tmux server, so that
        // test would wait for end-of-file until the server exits (the pane sleeps 120 s).
        // (glibc ≥ 2.34 has `posix_spawn_file_actions_addclosefrom_np`; Swift's Glibc module does not
        // export it, so it is looked up by name.)
        if let closeFrom = Tmux.addCloseFrom { _ = closeFrom(&fa, 3) }
        // tmux (and so every program in its panes) starts with default signal handling and nothing
        // blocked, as from a login shell, whatever the test runner blocks or ignores.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let cargs = args.map { strdup($0) } + [nil]
        defer { for c in cargs { free(c) } }
        let rc = posix_spawnp(&pid, args[0], &fa, &attr, cargs, environ)
        posix_spawn_file_actions_destroy(&fa)
        posix_spawnattr_destroy(&attr)
        guard rc == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    /// The visible screen as text.
    public var screen: String { (try? run(["capture-pane", "-p", "-t", session])) ?? "" }

    /// Sends keys as tmux key names (`Enter`, `Tab`, `C-c`, or literal text with `literal: true`).
    public func send(_ keys: String..., literal: Bool = false) {
        _ = try? run(["send-keys", "-t", session] + (literal ? ["-l"] : []) + keys, capture: false)
    }

    /// Sends raw bytes given as hex (e.g. a mouse report).
    public func sendHex(_ bytes: [UInt8]) {
        _ = try? run(["send-keys", "-t", session, "-H"] + bytes.map { String(format: "%02x", $0) }, capture: false)
    }

    /// A left click at a 0-based cell, as an SGR (1006) mouse report — what ncurses asks
    /// xterm-compatible terminals for.
    /// A left click: press and release in one write. That is how a quick click reaches a program
    /// that is busy (both reports wait in the terminal's buffer), and curses then reports only the
    /// release; the backend must still see a click (two `send-keys` calls hid this, and lost clicks
    /// only when the machine was loaded).
    public func click(x: Int, y: Int) {
        send("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m", literal: true)
    }

    public func resize(width: Int, height: Int) {
        _ = try? run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)], capture: false)
    }

    /// Waits until the screen matches the regular expression (polling); false after `seconds`.
    /// The bound is liveness, not speed (speed is the benchmark's): 40 s, because in a full parallel
    /// run on two cores a program under test was seen starved for more than 15 s between two frames.
    @discardableResult
    public func waitFor(_ pattern: String, seconds: Double = 40) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        // A pattern that is not a valid regular expression (an unescaped "(", say)
        // is matched literally rather than never matching at all.
        let regex = (try? NSRegularExpression(pattern: pattern))
            ?? (try? NSRegularExpression(pattern: NSRegularExpression.escapedPattern(for: pattern)))
        while Date() < deadline {
            let s = screen
            if let r = regex, r.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// The pid of the program running in the pane (the child of the pane's shell).
    public var programPid: pid_t? {
        guard let shell = Int32((try? run(["list-panes", "-t", session, "-F", "#{pane_pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let out = NSTemporaryDirectory() + "pgrep-\(socket).out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = Tmux.spawn(["pgrep", "-P", String(shell)], output: out)
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { Int32($0) }.first
    }
}

/// Runs a command to completion and collects its output.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum Shell {
    public static func run(_ executable: String, _ args: [String], environment: [String: String]? = nil, stdin: String? = nil) throws -> CommandResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            let inp = Pipe()
            p.standardInput = inp
            try p.run()
            inp.fileHandleForWriting.write(Data(stdin.utf8))
            try inp.fileHandleForWriting.close()
        } else {
            p.standardInput = FileHandle.nullDevice
            try p.run()
        }
        // Read both pipes concurrently so a full pipe never blocks the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return CommandResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}
