import Foundation
import Testing
import TestSupport
@testable import TafelApp

/// The keymap and themes compiled into the binary are the files people edit (tools/embed.py).
@Suite("Embedded keymap and themes")
struct EmbeddedAppTests {
    @Test func theCompiledInCopiesMatchTheFiles() throws {
        #expect(EmbeddedApp.keys == (try SourceTree.text("Sources/TafelApp/Resources/keys.default")), "run: python3 tools/embed.py")
        let themes = try FileManager.default.contentsOfDirectory(atPath: SourceTree.root.appendingPathComponent("Themes").path).filter { $0.hasSuffix(".theme") }
        #expect(Set(EmbeddedApp.themes.keys) == Set(themes.map { String($0.dropLast(6)) }))
        for (name, text) in EmbeddedApp.themes { #expect(text == (try SourceTree.text("Themes/\(name).theme")), "\(name): run python3 tools/embed.py") }
        // Every shipped theme loads without a problem, with no files around.
        let library = ThemeLibrary(environment: ["HOME": "/nonexistent"])
        #expect(library.names == ["default", "projector", "licht", "kleurenblind", "mono"])
        for name in library.names { #expect(library.load(name)?.problems.isEmpty == true, "\(name)") }
    }
}
