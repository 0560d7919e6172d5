import Foundation
import TafelCore
import TerminalKit

/// Finds themes: files in `$TAFEL_THEMES`, then `$XDG_CONFIG_HOME/tafel/themes`, then the five
/// shipped themes compiled into the binary (from `Themes/`, by tools/embed.py), so an installed
/// binary has them all wherever it is copied.
public struct ThemeLibrary: Sendable {
    public var directories: [URL]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var dirs: [URL] = []
        if let t = environment["TAFEL_THEMES"], !t.isEmpty { dirs.append(URL(fileURLWithPath: t)) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.config"
        dirs.append(URL(fileURLWithPath: "\(config)/tafel/themes"))
        directories = dirs
    }

    /// Theme names found, in a friendly order (default first, mono last).
    public var names: [String] {
        var found = Set(EmbeddedApp.themes.keys)
        for d in directories {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: d.path)) ?? [] where f.hasSuffix(".theme") {
                found.insert(String(f.dropLast(6)))
            }
        }
        let preferred = ["default", "projector", "licht", "kleurenblind", "mono"]
        return preferred.filter(found.contains) + found.subtracting(preferred).sorted()
    }

    /// Loads a theme by name; problems in the file are returned (the rest still loads).
    public func load(_ name: String) -> (theme: Theme, problems: [ThemeDiagnostic])? {
        for d in directories where FileManager.default.fileExists(atPath: d.appendingPathComponent("\(name).theme").path) {
            if let (theme, problems) = try? ThemeParser.load(name: name, directory: d, displayDirectory: d.path) {
                return (theme, problems)
            }
        }
        guard let text = EmbeddedApp.themes[name] else { return nil }
        return ThemeParser.parse(text, name: name, path: "Themes/\(name).theme")
    }

    /// A theme file's problem as one line in the reader's language: `file:line: what is wrong`.
    public static func text(_ d: ThemeDiagnostic, strings: Strings) -> String {
        "\(d.path):\(d.line): " + strings.t("theme.problem.\(d.kind.rawValue)", d.value)
    }
}
