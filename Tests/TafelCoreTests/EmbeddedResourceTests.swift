import Foundation
import Testing
import TestSupport
@testable import TafelCore

/// The data compiled into the binary is the data in the files people edit (tools/embed.py).
@Suite("Embedded resources")
struct EmbeddedResourceTests {
    @Test func theCompiledInCopiesMatchTheFiles() throws {
        #expect(Embedded.stringsNL == (try SourceTree.text("Sources/TafelCore/Resources/strings-nl.txt")), "run: python3 tools/embed.py")
        #expect(Embedded.stringsEN == (try SourceTree.text("Sources/TafelCore/Resources/strings-en.txt")), "run: python3 tools/embed.py")
        #expect(Embedded.reference == (try SourceTree.text("Sources/TafelCore/Resources/reference.json")), "run: python3 tools/embed.py")
        #expect(Catalog.bundled(.nl).entries.count > 1000)
        #expect(ReferenceData.bundled.domainSets.count >= 2)
    }
}
