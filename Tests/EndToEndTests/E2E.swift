import Foundation
import Testing
import TestSupport

/// Shared setup for the end-to-end tests: the built binary and fresh demo databases.
enum E2E {
    static var tafel: String {
        guard let path = BuildProducts.executable("tafel") else { fatalError("tafel was not built: run `swift build` before `swift test`") }
        return path
    }

    /// A fresh demo database in a temporary directory.
    static func demo(_ dir: TemporaryDirectory, _ name: String = "demo.sqlite") throws -> String {
        let path = dir.file(name)
        let r = try Shell.run(tafel, ["demo", "--db", path, "--no-open"])
        guard r.status == 0 else { throw E2EError("demo failed: \(r.stderr)") }
        return path
    }

    /// Runs tafel with arguments (stdin closed).
    static func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> CommandResult {
        var e = ProcessInfo.processInfo.environment
        e.removeValue(forKey: "TAFEL_USER")
        for (k, v) in env { e[k] = v }
        return try Shell.run(tafel, args, environment: e, stdin: stdin)
    }

    /// The command line to start tafel inside tmux.
    static func command(_ args: [String], env: String = "TERM=xterm-256color") -> String {
        "\(env) '\(tafel)' " + args.map { "'\($0)'" }.joined(separator: " ")
    }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
