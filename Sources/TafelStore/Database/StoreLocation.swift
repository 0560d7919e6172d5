import Foundation

/// Where the database file lives: `--db PATH`, else `TAFEL_DB`, else
/// `$XDG_DATA_HOME/tafel/tafel.sqlite` (default `~/.local/share/tafel/tafel.sqlite`).
public enum StoreLocation {
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let f = flag, !f.isEmpty { return expand(f, environment) }
        if let e = environment["TAFEL_DB"], !e.isEmpty { return expand(e, environment) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/share"
        return "\(data)/tafel/tafel.sqlite"
    }

    static func expand(_ p: String, _ env: [String: String]) -> String {
        if p == "~" || p.hasPrefix("~/") { return (env["HOME"] ?? NSHomeDirectory()) + p.dropFirst() }
        return p
    }

    /// Creates the directory (mode 0700) when it does not exist yet.
    static func prepareDirectory(for path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        guard !dir.isEmpty else { return }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) { return }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Whether others than the owner can read the file (a privacy warning).
    public static func isReadableByOthers(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return st.st_mode & 0o077 != 0
    }

    /// True when the file belongs to the operating-system account running tafel.
    public static func isOwnedByCurrentUser(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return st.st_uid == geteuid()
    }
}
