import Foundation
import Testing
@testable import TafelCore

/// The data compiled into the binary is the data in the files people edit (tools/embed.py).
@Suite("Embedded resources")
struct EmbeddedResourceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func file(_ path: String) throws -> String {
        var text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test func theCompiledInCopiesMatchTheFiles() throws {
        #expect(Embedded.stringsNL == (try file("Sources/TafelCore/Resources/strings-nl.txt")), "run: python3 tools/embed.py")
        #expect(Embedded.stringsEN == (try file("Sources/TafelCore/Resources/strings-en.txt")), "run: python3 tools/embed.py")
        #expect(Embedded.reference == (try file("Sources/TafelCore/Resources/reference.json")), "run: python3 tools/embed.py")
        #expect(Catalog.bundled(.nl).entries.count > 1000)
        #expect(ReferenceData.bundled.domainSets.count >= 2)
    }
}
