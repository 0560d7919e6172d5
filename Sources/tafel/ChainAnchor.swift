import Foundation
import TafelCore
import TafelStore

/// The audit chain's anchor: the id and hash of one event, kept outside the database.
///
/// A chain can be recomputed by anyone who can write the file, and its tail can be cut off;
/// neither is visible from inside. An anchor written earlier and kept elsewhere (another machine,
/// the municipality's document system; Docs/SECURITY.md) shows both: the anchored event must
/// still exist with the same hash. When it does, the anchor moves on to the current head.
enum ChainAnchor {
    /// Writes the anchor when `path` does not exist; otherwise compares and, when sound, moves it
    /// on. Prints one line; returns whether the anchor holds.
    static func compare(path: String, head: (id: Int64, hash: String)?, chainOK: Bool, store: SQLiteCaseStore, strings s: Strings) throws -> Bool {
        guard FileManager.default.fileExists(atPath: path) else {
            guard let head else { return true }
            try write(head, to: path, strings: s)
            Out.line(s.t("check.anchor-written", String(head.id), path))
            return true
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CLIError(s.t("check.anchor-unreadable", path)) }
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 4, parts[0] == "tafel-anchor", parts[1] == "v1", let id = Int64(parts[2]), parts[3].count == 64 else {
            throw CLIError(s.t("check.anchor-unreadable", path))
        }
        switch try store.compareAnchor(id: id, hash: String(parts[3])) {
        case .missing:
            Out.line(s.t("check.anchor-missing", String(id)))
            return false
        case .mismatch:
            Out.line(s.t("check.anchor-mismatch", String(id)))
            return false
        case .holds: break
        }
        // Only a sound database moves the anchor on: tampering must not be blessed by it.
        if chainOK, let head, head.id > id {
            try write(head, to: path, strings: s)
            Out.line(s.t("check.anchor-ok", String(id), String(head.id)))
        } else {
            Out.line(s.t("check.anchor-held", String(id)))
        }
        return true
    }

    private static func write(_ head: (id: Int64, hash: String), to path: String, strings s: Strings) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data("tafel-anchor v1 \(head.id) \(head.hash)\n".utf8),
                                             attributes: [.posixPermissions: 0o600]),
              rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CLIError(s.t("cli.cannot-write", path))
        }
    }
}
