import Foundation

/// The project's source tree, for tests that compare compiled-in data with its files or read the
/// sources themselves.
public enum SourceTree {
    /// The project root (this file is Tests/TestSupport/SourceTree.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file's text without its final newline (as tools/embed.py compiles it in).
    public static func text(_ path: String) throws -> String {
        var text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
