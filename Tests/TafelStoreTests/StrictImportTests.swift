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

    /// Dates that cannot be in that order are refused with the field and both dates.
    @Test(arguments: [
        ("consents", "givenOn", "expiresOn"), ("actions", "createdOn", "closedOn"), ("meetings", "date", "nextReview"),
        ("escalations", "raisedOn", "deadline"), ("coordinators", "proposedOn", "decidedOn"),
    ])
    func datesInTheWrongOrderAreRefused(records: String, earlier: String, later: String) throws {
        let doc = try TransferValidator.decode(Data(try exported().utf8))
        let domains = Set(ReferenceData.bundled.domainSet("zrm-2017")!.codes)
        #expect(throws: Never.self) { try TransferValidator.validate(doc, domains: domains) }
        var json = try JSONSerialization.jsonObject(with: Data(try exported().utf8)) as! [String: Any]
        var households = json["households"] as! [[String: Any]]
        // A record with the first date; the second is set (or added) one day before it.
        guard let hi = households.firstIndex(where: { ($0[records] as? [[String: Any]])?.contains { $0[earlier] is String } ?? false }) else {
            Issue.record("the demo has no \(records) with \(earlier)"); return
        }
        var list = households[hi][records] as! [[String: Any]]
        let ri = list.firstIndex { $0[earlier] is String }!
        let start = Day(iso: list[ri][earlier] as! String)!
        list[ri][later] = start.adding(days: -1).iso
        households[hi][records] = list
        json["households"] = households
        let bad = try TransferValidator.decode(try JSONSerialization.data(withJSONObject: json))
        do {
            try TransferValidator.validate(bad, domains: domains)
            Issue.record("\(records).\(later) before \(earlier) was accepted")
        } catch let e as ImportError {
            #expect(e.path == "households[\(hi)].\(records)[\(ri)].\(later)")
            #expect(e.message == Message("import.date-order", .text(later), .text(start.adding(days: -1).iso), .text(earlier), .text(start.iso)))
            #expect(Strings(.nl).render(e.message).contains("ligt vóór \(earlier)"))
        }
    }

    /// A code outside its list names the valid codes, in the reader's language, not Swift's words.
    @Test func aWrongCodeListsTheValidCodes() throws {
        let text = try exported()
        let wrong = text.replacingOccurrences(of: "\"status\":\"gedaan\"", with: "\"status\":\"wacht\"")
        #expect(wrong != text)
        do {
            _ = try TransferValidator.decode(Data(wrong.utf8))
            Issue.record("an unknown action status was accepted")
        } catch let e as ImportError {
            #expect(e.path.hasSuffix(".status"), "\(e.path)")
            let line = Strings(.nl).render(e.message)
            #expect(line == "\"wacht\" is hier geen geldige code; kies uit: open, bezig, wachtlijst, afgewezen, gedaan, vervallen", "\(line)")
            #expect(!line.contains("Cannot initialize"))
        }
        #expect(TransferValidator.badCode("Cannot initialize ConsentBasis from invalid String value x")?.1 == ConsentBasis.allCases.map(\.rawValue))
    }
}
