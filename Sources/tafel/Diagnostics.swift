import ArgumentParser
import Foundation
import Logging
import TafelCore

/// Diagnostics for whoever supports tafel: which command ran, which database it opened, how long
/// each step took and how it ended. Never case content: no names, no text, no household ids.
///
/// Off by default. `--verbose` writes the lines to standard error (through `Out`); `TAFEL_LOG=FILE`
/// (or `log = "FILE"` in config.toml) appends them to a file of mode 0600; `auto` is
/// `$XDG_STATE_HOME/tafel/tafel.log`. A file past 1 MB is rotated (three older ones kept). Built on swift-log, so a
/// library that logs (PostgresNIO) can share the same handler later.
enum Diagnostics {
    nonisolated(unsafe) static var logger = Logger(label: "tafel", factory: { _ in SwiftLogNoOpLogHandler() })
    nonisolated(unsafe) private static var started = Date()

    /// Switches logging on when asked for (before the command line is parsed, so the start is logged).
    static func start(arguments: [String], environment: [String: String], configured: String?) {
        started = Date()
        let verbose = arguments.dropFirst().contains("--verbose")
        let file = (environment["TAFEL_LOG"].flatMap { $0.isEmpty ? nil : $0 } ?? configured).map { resolve($0, environment: environment) }
        var handlers: [any LogHandler] = []
        if verbose { handlers.append(LineHandler(sink: .stderr)) }
        if let file, let handler = LineHandler(file: file) { handlers.append(handler) }
        guard !handlers.isEmpty else { return }
        logger = Logger(label: "tafel", factory: { _ in MultiplexLogHandler(handlers) })
        logger.logLevel = .debug
        // The subcommand's name only: other arguments can hold names of people.
        let names = Set(Tafel.configuration.subcommands.map { $0._commandName })
        let command = arguments.dropFirst().first { names.contains($0) } ?? "tui"
        logger.info("\(Self.text("log.started", command, TafelVersion.string))")
    }

    /// `auto` is the place the XDG rules give a program's own log: `$XDG_STATE_HOME/tafel/tafel.log`
    /// (default `~/.local/state/tafel/tafel.log`), its folder created private.
    static func resolve(_ value: String, environment env: [String: String]) -> String {
        guard value == "auto" else { return value }
        let home = env["HOME"] ?? NSHomeDirectory()
        let base = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/state"
        let folder = "\(base)/tafel"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return "\(folder)/tafel.log"
    }

    /// A log file past this size is moved aside (`.1`, `.2`, `.3`; the oldest dropped) before the next line.
    static let rotateAt = 1_048_576

    static func rotate(_ path: String, keep: Int = 3) {
        let fm = FileManager.default
        guard let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? Int, size >= rotateAt else { return }
        try? fm.removeItem(atPath: "\(path).\(keep)")
        for n in stride(from: keep - 1, through: 1, by: -1) where fm.fileExists(atPath: "\(path).\(n)") {
            try? fm.moveItem(atPath: "\(path).\(n)", toPath: "\(path).\(n + 1)")
        }
        try? fm.moveItem(atPath: path, toPath: "\(path).1")
    }

    /// Milliseconds since the command started.
    static var elapsed: String { String(Int(Date().timeIntervalSince(started) * 1000)) }

    static func finished(status: Int32) {
        logger.info("\(Self.text("log.finished", String(status), elapsed))")
    }

    /// A catalogue text in the reader's language.
    static func text(_ key: String, _ args: String...) -> String {
        Strings(Tafel.currentLanguage()).t(key, args: args)
    }

    /// One line per event: time, level, text; to standard error or appended to a private file.
    struct LineHandler: LogHandler {
        enum Sink { case stderr, file(FileHandle) }
        let sink: Sink
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        init(sink: Sink) { self.sink = sink }

        init?(file path: String) {
            let fm = FileManager.default
            Diagnostics.rotate(path)
            if !fm.fileExists(atPath: path) {
                guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else { return nil }
            }
            guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
            handle.seekToEndOfFile()
            sink = .file(handle)
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let stamp = ISO8601DateFormatter().string(from: Date())
            let line = "\(stamp) \(event.level) \(event.message)"
            switch sink {
            case .stderr: Out.stderr.write("tafel: " + line + "\n")
            case .file(let h): h.write(Data((line + "\n").utf8))
            }
        }
    }
}
