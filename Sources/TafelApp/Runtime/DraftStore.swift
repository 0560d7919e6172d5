import Foundation
import TafelCore

/// Drafts on disk: one small JSON file per household and text, readable only by the user
/// (mode 0600 in a 0700 folder), removed as soon as the text is stored.
public struct DraftStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The drafts folder for one database under `$XDG_STATE_HOME/tafel/drafts` (or
    /// `~/.local/state/tafel/drafts`), named by a hash of the database's location.
    public static func directory(for database: String, environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/state"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in database.utf8 { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return "\(base)/tafel/drafts/\(String(hash, radix: 16))"
    }

    func path(_ householdId: Int64, _ target: TextTarget) -> String {
        let safe = target.storageName.map { $0.isLetter || $0.isNumber || $0 == "-" ? String($0) : "_" }.joined()
        return "\(directory)/\(householdId)-\(safe).json"
    }

    public func save(_ draft: Draft) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let data = try JSONEncoder().encode(draft)
        let p = path(draft.householdId, draft.target)
        try data.write(to: URL(fileURLWithPath: p), options: .atomic)
        try? fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: p)
    }

    public func discard(householdId: Int64, target: TextTarget) {
        try? FileManager.default.removeItem(atPath: path(householdId, target))
    }

    /// The drafts of one household (unreadable files are skipped: a draft is a courtesy).
    public func load(householdId: Int64) -> [Draft] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasPrefix("\(householdId)-") && $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)") else { return nil }
            return try? JSONDecoder().decode(Draft.self, from: data)
        }.filter { $0.householdId == householdId }
    }
}
