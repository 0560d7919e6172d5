import Foundation
import TafelCore

/// A progress bar on standard error for long work (generate, export, import, aggregate, check,
/// retention): what is being done, how far, and the time left. Only on a terminal, only once the
/// work has taken half a second (short commands stay quiet), never with `--quiet`; standard output
/// is untouched, so `tafel export > file` shows the bar and writes clean JSON.
final class ProgressBar {
    private let label: String
    private let strings: Strings
    private let enabled: Bool
    /// Seconds of work before the bar appears (`TAFEL_PROGRESS_AFTER`, for tests and demos).
    private let after: TimeInterval
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(_ label: String, strings: Strings, quiet: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.label = label
        self.strings = strings
        // A terminal that is not "dumb", as for the screens.
        enabled = !quiet && isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
        after = environment["TAFEL_PROGRESS_AFTER"].flatMap(TimeInterval.init) ?? 0.5
    }

    /// Reports `done` of `total`; redrawn at most ten times a second.
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        guard elapsed >= after, now.timeIntervalSince(lastDrawn) >= 0.1 || done >= total else { return }
        lastDrawn = now
        drawn = true
        Out.progress(ProgressLine.render(label, done: done, total: total, elapsed: elapsed, strings: strings), final: false)
    }

    /// Clears the bar's line (the command's own result follows on stdout).
    func finish() {
        guard drawn else { return }
        Out.stderr.write("\r\u{1B}[K")
        drawn = false
    }
}
