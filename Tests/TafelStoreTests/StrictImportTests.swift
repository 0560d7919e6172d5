import Foundation
import Testing
import TestSupport
@testable import TafelCore
@testable import TafelStore

/// Imports refuse what a JSON decoder would silently accept: a key twice, a field of any length.
@Suite("Strict imports")
struct StrictImportTests {
    func exported() throws -> String {
        let dir = TemporaryDirectory()
        let store = try demoStore(dir)
        var data = Data()
        try store.export(actor: "test") { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aKeyTwiceIsRefusedWithItsPath() throws {
        let text = try exported()
        #expect(throws: Never.self) { _ = try TransferValidator.decode(Data(text.utf8)) }
        let twice = text.replacingOccurrences(of: "\"wijk\":\"Bloemhof\"", with: "\"wijk\":\"Bloemhof\",\"wijk\":\"Elders\"")
        #expect(twice != text)
        do {
            _ = try TransferValidator.decode(Data(twice.utf8))
            Issue.record("a duplicate key was accepted")
        } catch let e as ImportError {
            #expect(e.path.hasPrefix("households[") && e.path.hasSuffix(".household.wijk"), "\(e.path)")
            #expect(e.message == Message("import.duplicate-key", .text("wijk")))
        }
        // The same key in different objects is fine, and so is a key inside a string value.
        #expect(throws: Never.self) { try JSONStructureCheck.check(Data(#"{"a":{"x":1},"b":{"x":"\"x\":2"}}"#.utf8)) }
    }

    @Test func aFieldOverTheLimitIsRefusedUnlessTheLimitIsRaised() throws {
        let text = try exported()
        let long = text.replacingOccurrences(of: "\"ownView\":\"", with: "\"ownView\":\"" + String(repeating: "é", count: 25_000))
        #expect(throws: ImportError.self) { _ = try TransferValidator.decode(Data(long.utf8)) }
        #expect(throws: Never.self) { _ = try TransferValidator.decode(Data(long.utf8), maxField: 30_000) }
        // Counted in characters, not bytes: 15,000 two-byte letters are within 20,000.
        let within = text.replacingOccurrences(of: "\"ownView\":\"", with: "\"ownView\":\"" + String(repeating: "é", count: 15_000))
        #expect(throws: Never.self) { _ = try TransferValidator.decode(Data(within.utf8)) }
    }
}
