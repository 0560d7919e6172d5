import Foundation
import GRDB
import Testing
import TestSupport
@testable import TafelCore
@testable import TafelStore

/// The streaming reader of export files: the same document and the same refusals (with the same
/// paths) as the whole-document decoder, household by household.
@Suite("Export files read household by household")
struct TransferReaderTests {
    func exported(_ dir: TemporaryDirectory) throws -> (Data, String) {
        let store = try demoStore(dir)
        var d = Data()
        try store.export(actor: "test") { d.append($0) }
        let path = dir.file("export.json")
        try d.write(to: URL(fileURLWithPath: path))
        return (d, path)
    }

    func refusal(_ text: String, _ dir: TemporaryDirectory, file: String = "bad.json") -> ImportError? {
        let path = dir.file(file)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            let reader = try TransferReader(path: path)
            for i in 0..<reader.count { _ = try reader.household(i) }
            return nil
        } catch let e as ImportError {
            return e
        } catch {
            return ImportError("?", Message("common.text", .text("\(error)")))
        }
    }

    @Test func theReaderGivesTheWholeDocumentsHouseholdsAndRest() throws {
        let dir = TemporaryDirectory()
        let (data, path) = try exported(dir)
        let whole = try TransferValidator.decode(data)
        let reader = try TransferReader(path: path)
        #expect(reader.count == whole.households.count && reader.count == 14)
        #expect(reader.header.professionals == whole.professionals && reader.header.organisations == whole.organisations)
        #expect(reader.header.services == whole.services && reader.header.settings == whole.settings)
        for i in 0..<reader.count { #expect(try reader.household(i) == whole.households[i], "household \(i)") }
        // Imported through the reader, the database exports the same bytes.
        let target = try SQLiteCaseStore(path: dir.file("t.sqlite"), clock: FixedClock(Fixture.today))
        try target.importFile(reader, merge: false, actor: "test")
        var again = Data()
        try target.export(actor: "test") { again.append($0) }
        #expect(again == data)
        // Fingerprinted in one pass at the end, every row checks out; the touch triggers are back, so
        // a later change is fingerprinted as usual, and one made outside tafel is named.
        #expect(try target.check().ok)
        let hid = try #require(reader.header.professionals.first.flatMap { _ in try? reader.household(3).id })
        let sanne = try #require(try target.roster().professionals.values.first { $0.login == "sanne" })
        let involved = try target.reload(hid, for: sanne)
        try target.perform(.setChronic(!involved.household.chronic), householdId: hid, by: sanne)
        #expect(try target.check().ok, "a change after the import was not fingerprinted")
        let raw = try DatabaseQueue(path: dir.file("t.sqlite"))
        try raw.write { try $0.execute(sql: "UPDATE household SET wijk = 'elders' WHERE id = ?", arguments: [hid]) }
        #expect(try target.check().dataProblems.contains(Message("check.fp.edited", .text("household"), .number(Int(hid)))))
    }

    /// An import into an empty database builds the secondary indexes at the end: afterwards the
    /// schema holds exactly the indexes a new database has, and a refused import (the last household
    /// breaks a rule) rolls back to an empty database with all its indexes.
    @Test func anImportBuildsTheIndexesAtTheEndAndARefusalKeepsThem() throws {
        let dir = TemporaryDirectory()
        let (data, path) = try exported(dir)
        func indexes(_ file: String) throws -> [String] {
            try DatabaseQueue(path: dir.file(file)).read { db in
                try String.fetchAll(db, sql: "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            }
        }
        _ = try SQLiteCaseStore(path: dir.file("empty.sqlite"), clock: FixedClock(Fixture.today))
        let expected = try indexes("empty.sqlite")
        #expect(expected.count > 20)
        let target = try SQLiteCaseStore(path: dir.file("t.sqlite"), clock: FixedClock(Fixture.today))
        try target.importFile(try TransferReader(path: path), merge: false, actor: "test")
        #expect(try indexes("t.sqlite") == expected)
        // The planner uses them: a caseload query goes through the owner index, not a scan.
        let plan = try DatabaseQueue(path: dir.file("t.sqlite")).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM action WHERE owner_kind = 'professional' AND owner_id = 3")
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("action_owner") }, "\(plan)")
        // The last household refers to a professional who does not exist: refused, nothing written.
        var json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var households = json["households"] as! [[String: Any]]
        var last = households[households.count - 1]
        var actions = last["actions"] as! [[String: Any]]
        actions[0]["owner"] = ["kind": "professional", "id": 999_999]
        last["actions"] = actions
        households[households.count - 1] = last
        json["households"] = households
        let bad = dir.file("bad.json")
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: bad))
        let other = try SQLiteCaseStore(path: dir.file("o.sqlite"), clock: FixedClock(Fixture.today))
        #expect(throws: ImportError.self) { try other.importFile(try TransferReader(path: bad), merge: false, actor: "test") }
        #expect(try other.isEmpty())
        #expect(try indexes("o.sqlite") == expected)
    }

    @Test func refusalsNameThePathAsTheWholeDocumentDecoderDoes() throws {
        let dir = TemporaryDirectory()
        let (data, _) = try exported(dir)
        let text = String(decoding: data, as: UTF8.self)
        // A code outside its list, inside the third household.
        var json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var households = json["households"] as! [[String: Any]]
        var actions = households[2]["actions"] as! [[String: Any]]
        actions[0]["status"] = "wacht"
        households[2]["actions"] = actions
        json["households"] = households
        let badCode = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        let e = refusal(badCode, dir)
        #expect(e?.path == "households[2].actions[0].status" && e?.message.key == "import.bad-code", "\(String(describing: e))")
        let whole = #expect(throws: ImportError.self) { _ = try TransferValidator.decode(Data(badCode.utf8)) }
        #expect(e == whole, "the two readers disagree")
        // A key twice inside a household; a key twice at the top.
        let first = try #require(text.range(of: "\"wijk\":"))   // in the first household
        let twice = text.replacingCharacters(in: first, with: "\"wijk\":\"x\",\"wijk\":")
        let twiceError = refusal(twice, dir)
        #expect(twiceError?.path.hasPrefix("households[0].") == true && twiceError?.message == Message("import.duplicate-key", .text("wijk")), "\(String(describing: twiceError))")
        let topTwice = "{\"version\":1,\"version\":1," + text.dropFirst()
        #expect(refusal(topTwice, dir)?.message == Message("import.duplicate-key", .text("version")))
        // Cut short inside the fifth household: named there, with the line.
        let cut = String(text.prefix(text.count / 3))
        let truncated = refusal(cut, dir)
        #expect(truncated?.message.key == "import.truncated" && truncated?.path.hasPrefix("households[") == true, "\(String(describing: truncated))")
        // Not an export at all; households that are not a list.
        #expect(refusal("geen json", dir)?.message == Message("import.not-json"))
        #expect(refusal("{\"format\":\"tafel-export\",\"version\":1,\"households\":5}", dir)?.path == "households")
        #expect(refusal("{\"format\":\"iets\",\"version\":1,\"households\":[]}", dir)?.message == Message("import.not-tafel"))
    }
}
