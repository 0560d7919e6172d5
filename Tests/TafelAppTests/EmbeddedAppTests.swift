import Foundation
import Testing
@testable import TafelApp

/// The keymap and themes compiled into the binary are the files people edit (tools/embed.py).
@Suite("Embedded keymap and themes")
struct EmbeddedAppTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func file(_ path: String) throws -> String {
        var text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test func theCompiledInCopiesMatchTheFiles() throws {
        #expect(EmbeddedApp.keys == (try file("Sources/TafelApp/Resources/keys.default")), "run: python3 tools/embed.py")
        let themes = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Themes").path).filter { $0.hasSuffix(".theme") }
        #expect(Set(EmbeddedApp.themes.keys) == Set(themes.map { String($0.dropLast(6)) }))
        for (name, text) in EmbeddedApp.themes { #expect(text == (try file("Themes/\(name).theme")), "\(name): run python3 tools/embed.py") }
        // Every shipped theme loads without a problem, with no files around.
        let library = ThemeLibrary(environment: ["HOME": "/nonexistent"])
        #expect(library.names == ["default", "projector", "licht", "kleurenblind", "mono"])
        for name in library.names { #expect(library.load(name)?.problems.isEmpty == true, "\(name)") }
    }
}
