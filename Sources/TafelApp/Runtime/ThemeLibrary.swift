import Foundation
import TerminalKit

/// Finds theme files: `$TAFEL_THEMES`, then `$XDG_CONFIG_HOME/tafel/themes`, then the
/// `Themes/` folder of the source tree the binary was built from.
public struct ThemeLibrary: Sendable {
    public var directories: [URL]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var dirs: [URL] = []
        if let t = environment["TAFEL_THEMES"], !t.isEmpty { dirs.append(URL(fileURLWithPath: t)) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.config"
        dirs.append(URL(fileURLWithPath: "\(config)/tafel/themes"))
        dirs.append(ThemeLibrary.sourceThemes)
        directories = dirs
    }

    /// `Themes/` at the root of the source tree (this file is Sources/TafelApp/Runtime/ThemeLibrary.swift).
    public static var sourceThemes: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")
    }

    /// Theme names found, in a friendly order (default first, mono last).
    public var names: [String] {
        var found = Set<String>()
        for d in directories {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: d.path)) ?? [] where f.hasSuffix(".theme") {
                found.insert(String(f.dropLast(6)))
            }
        }
        let preferred = ["default", "projector", "licht", "kleurenblind", "mono"]
        return preferred.filter(found.contains) + found.subtracting(preferred).sorted()
    }

    /// Loads a theme by name; problems in the file are returned (the rest still loads).
    public func load(_ name: String) -> (theme: Theme, problems: [String])? {
        for d in directories where FileManager.default.fileExists(atPath: d.appendingPathComponent("\(name).theme").path) {
            if let (theme, problems) = try? ThemeParser.load(name: name, directory: d, displayDirectory: d == ThemeLibrary.sourceThemes ? "Themes" : d.path) {
                return (theme, problems.map(\.description))
            }
        }
        return nil
    }
}
