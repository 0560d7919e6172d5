import Foundation

/// Finds the executables SwiftPM built next to the test bundle (`tafel`, `tafel-crashwriter`).
public enum BuildProducts {
    public static var directory: URL {
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // Inside an .xctest bundle on some platforms the binary sits deeper.
        while dir.path.contains(".xctest") { dir.deleteLastPathComponent() }
        return dir
    }

    /// The path of a built executable, or nil when it was not built.
    public static func executable(_ name: String) -> String? {
        let candidates = [directory.appendingPathComponent(name).path,
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                              .appendingPathComponent(".build/debug/\(name)").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
